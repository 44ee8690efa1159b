// Site search with Pagefind's JavaScript API; each edition loads its own language index.
// The entries are indexed in several bundles (pagefind/shards.json): the first is loaded
// and the others are merged into it, all at once.
// Results come in score order; their texts are fetched a batch at a time, only as far as
// the page shows them ("More results" asks for the next ones).
const app = document.getElementById("search-app");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
// Results shown at first and added by each "More results".
const PAGE = 20;
// Result texts fetched at once.
const BATCH = 24;
const siteRoot = new URL("../", import.meta.url);

// Copy Pagefind's excerpt (text with <mark> elements) without parsing it as HTML.
function excerptNode(excerpt) {
  const p = document.createElement("p");
  const parts = excerpt.split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    if (i % 2 === 1) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      p.appendChild(mark);
    } else {
      p.appendChild(document.createTextNode(text));
    }
  });
  return p;
}

async function openIndex() {
  const bundles = new URL("pagefind/", siteRoot);
  const response = await fetch(new URL("shards.json", bundles));
  if (!response.ok) throw new Error(`search index missing (${response.status})`);
  const [first, ...others] = await response.json();
  if (!first) return null;
  const pagefind = await import(new URL(`${first}/pagefind.js`, bundles).href);
  await pagefind.options({ baseUrl: siteRoot.pathname });
  await Promise.all(
    others.map((name) => pagefind.mergeIndex(new URL(`${name}/`, bundles).pathname, { baseUrl: siteRoot.pathname })),
  );
  return pagefind;
}

// The query in the edition's script, character by character (外泌体 on the Traditional edition
// is also looked for as 外泌體), by site.js's editionScript; the query itself without it.
async function inEditionScript(query) {
  if (!CJK.test(query) || typeof globalThis.editionScript !== "function") return query;
  return (await globalThis.editionScript())(query);
}

// The results of a search in score order, those holding the query as a phrase first (a
// phrase search alone would miss pages whose words Pagefind segmented otherwise); with
// the query in the edition's script too when it differs (its pages after the query's own).
async function ranked(pagefind, queries) {
  const searches = [];
  for (const query of queries) {
    const phrase = query.replace(/["“”]/g, " ").trim();
    searches.push(pagefind.search(query), phrase ? pagefind.search(`"${phrase}"`) : { results: [] });
  }
  const found = await Promise.all(searches);
  const all = found.filter((_, i) => i % 2 === 0).flatMap((f) => f.results);
  const first = new Set(found.filter((_, i) => i % 2 === 1).flatMap((f) => f.results.map((r) => r.id)));
  const seen = new Set();
  const unique = all.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return [...unique.filter((r) => first.has(r.id)), ...unique.filter((r) => !first.has(r.id))];
}

async function run(query) {
  const pagefind = await openIndex();
  const converted = await inEditionScript(query);
  const queries = converted === query ? [query] : [query, converted];
  const results = pagefind ? await ranked(pagefind, queries) : [];
  // A bundle that lacks a query word falls back to near matches of its own (a search
  // for 外泌体 finds pages holding only 体, "migrasomes" finds "miR-21"). When some
  // pages hold every word, only those are shown, as one index over all pages would;
  // near matches are shown only when no page holds every word.
  const direct = [];
  const near = [];
  let fetched = 0;
  let shown = 0;
  async function fetchUntil(wanted) {
    while (direct.length < wanted && fetched < results.length) {
      const batch = results.slice(fetched, fetched + BATCH);
      fetched += batch.length;
      for (const data of await Promise.all(batch.map((r) => r.data()))) {
        (queries.some((q) => holdsTerms(data.content || "", q)) ? direct : near).push(data);
      }
    }
  }
  async function step() {
    more.hidden = true;
    await fetchUntil(shown + PAGE);
    const all = fetched >= results.length;
    const pool = direct.length || !all ? direct : near;
    const added = pool.slice(shown, shown + PAGE);
    show(added);
    shown += added.length;
    const left = shown < pool.length || !all;
    more.hidden = !left;
    status.textContent = !shown
      ? app.dataset.noResults
      : (left ? app.dataset.first : app.dataset.count).replace("{count}", String(shown));
    app.dataset.done = "true";
  }
  more.onclick = () => {
    app.dataset.done = "false";
    step().catch(fail);
  };
  await step();
}

function fail(err) {
  status.textContent = String(err);
  app.dataset.done = "error";
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
function holdsTerms(content, query) {
  const text = content.replace(/\s+/g, "").toLocaleLowerCase();
  return query
    .split(/\s+/)
    .map((word) => word.replace(/["“”]/g, "").toLocaleLowerCase())
    .filter(Boolean)
    .every((word) => {
      if (CJK.test(word)) return text.includes(word);
      // Latin words: the stem, so that "exosome" also finds "exosomes".
      return text.includes(word.length > 5 ? word.slice(0, -2) : word);
    });
}

function show(results) {
  for (const data of results) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    a.className = "search-hit";
    const h = document.createElement("h2");
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(excerptNode(data.excerpt || ""));
    list.appendChild(li);
  }
}

const query = new URLSearchParams(window.location.search).get("q") || "";
const box = document.getElementById("site-search");
if (box) box.value = query;
if (query.trim()) {
  run(query.trim()).catch(fail);
} else {
  app.dataset.done = "true";
}
