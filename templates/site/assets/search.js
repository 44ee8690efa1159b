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

// On an edition whose pages Pagefind does not cut into words (English), the index holds each Chinese
// character as a word of its own (render/search_copy.py): a Chinese query is looked up as its
// characters, and the excerpts' characters are joined again.
const SPACED = !(document.documentElement.lang || "").toLowerCase().startsWith("zh");

// The query as the index of a spaced edition holds it: 临床 as 临 床.
function spaced(query) {
  return query.replace(new RegExp(CJK.source, "gu"), " $& ").replace(/\s+/g, " ").trim();
}

// Pagefind's excerpt (text with <mark> elements, HTML-escaped) as text and which of its characters are marked.
function excerptMarks(excerpt) {
  let text = "";
  const marked = [];
  excerpt.split(/<mark>|<\/mark>/).forEach((part, i) => {
    const plain = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    text += plain;
    for (let k = 0; k < plain.length; k++) marked.push(i % 2 === 1);
  });
  return { text, marked };
}

// Text of a spaced edition's index as the page reads it: no space between two Chinese characters, nor
// between one and a punctuation mark beside it ("迁 移 体 : 细 胞" reads 迁移体:细胞; "migration. 迁移体"
// keeps the space Pagefind puts after a block). With ``marked`` (an excerpt's marks), the Chinese words
// of the query are marked where they stand whole, instead of each of their characters wherever
// Pagefind found it.
function joined(text, marked = [], words = []) {
  const out = { text: "", marked: [] };
  const PUNCT = /\p{P}/u;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      let next = i;
      while (next < text.length && /\s/.test(text[next])) next++;
      const [before, last, after] = [out.text.at(-2) || "", out.text.at(-1) || "", text[next] || ""];
      const inside =
        (CJK.test(last) && (CJK.test(after) || PUNCT.test(after))) ||
        (PUNCT.test(last) && CJK.test(before) && CJK.test(after));
      if (inside) {
        i = next - 1;
        continue;
      }
    }
    out.text += text[i];
    out.marked.push(Boolean(marked[i]) && !CJK.test(text[i]));
  }
  for (const word of words.filter((w) => CJK.test(w))) {
    for (let at = out.text.indexOf(word); at >= 0; at = out.text.indexOf(word, at + word.length)) {
      out.marked.fill(true, at, at + word.length);
    }
  }
  return out;
}

// Copy an excerpt into a paragraph without parsing it as HTML; ``words``: the query's words on a
// spaced edition.
function excerptNode(excerpt, words) {
  const p = document.createElement("p");
  const found = excerptMarks(excerpt);
  const { text, marked } = SPACED ? joined(found.text, found.marked, words) : found;
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && marked[i] === marked[start]) continue;
    const part = text.slice(start, i);
    if (marked[start]) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      p.appendChild(mark);
    } else {
      p.appendChild(document.createTextNode(part));
    }
    start = i;
  }
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

// The words an edition writes as Taiwan phrases, as the character map writes them and as the pages
// do (納米: 奈米, 數據: 資料; the search page's data-phrases file): the pages were converted by phrase,
// a query by character would miss them.
async function editionPhrases() {
  if (!app.dataset.phrases) return null;
  const response = await fetch(new URL(app.dataset.phrases, window.location.href));
  return response.ok ? new Map(Object.entries(await response.json())) : null;
}

// ``text`` with the phrases of ``table`` replaced, the longest first where two start at one place.
function withPhrases(text, table) {
  const longest = Math.max(0, ...[...table.keys()].map((k) => k.length));
  let out = "";
  for (let i = 0; i < text.length; ) {
    let n = Math.min(longest, text.length - i);
    while (n > 1 && !table.has(text.slice(i, i + n))) n--;
    const phrase = n > 1 ? text.slice(i, i + n) : null;
    out += phrase ? table.get(phrase) : text[i];
    i += phrase ? n : 1;
  }
  return out;
}

// The results of a search in score order, those holding the query as a phrase first (a
// phrase search alone would miss pages whose words Pagefind segmented otherwise); with
// the query in the edition's script and phrases too when they differ (the first of them first).
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
  const table = CJK.test(query) ? await editionPhrases().catch(() => null) : null;
  // the query with the edition's phrases, by character (a glossary term keeps 納米) and as typed; the
  // results of the first found are shown with its excerpts (奈米 marked, not the 納 of 納入)
  const queries = [...new Set([table ? withPhrases(converted, table) : converted, converted, query])];
  const results = pagefind ? await ranked(pagefind, SPACED ? queries.map(spaced) : queries) : [];
  const words = queries.flatMap((q) => q.replace(/["“”]/g, " ").split(/\s+/)).filter(Boolean);
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
    // on a spaced edition a Chinese query's characters alone are no near match: a page holding 量 and 算
    // says nothing of 量子计算
    const pool = direct.length || !all || (SPACED && CJK.test(query)) ? direct : near;
    const added = pool.slice(shown, shown + PAGE);
    show(added, words);
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

function show(results, words) {
  for (const data of results) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = data.url;
    const title = (data.meta && data.meta.title) || data.url;
    a.textContent = SPACED ? joined(title).text : title;
    a.className = "search-hit";
    const h = document.createElement("h2");
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(excerptNode(data.excerpt || "", words));
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
