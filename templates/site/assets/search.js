// Site search with Pagefind's JavaScript API; each edition loads its own language index.
// The entries are indexed in several bundles (pagefind/shards.json): the first is loaded
// and the others are merged into it.
const app = document.getElementById("search-app");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
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

async function run(query) {
  const bundles = new URL("pagefind/", siteRoot);
  const response = await fetch(new URL("shards.json", bundles));
  if (!response.ok) throw new Error(`search index missing (${response.status})`);
  const [first, ...others] = await response.json();
  if (!first) return show([]);
  const pagefind = await import(new URL(`${first}/pagefind.js`, bundles).href);
  await pagefind.options({ baseUrl: siteRoot.pathname });
  for (const name of others) {
    await pagefind.mergeIndex(new URL(`${name}/`, bundles).pathname, { baseUrl: siteRoot.pathname });
  }
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.map((r) => r.data()));
  // A bundle that lacks a query word falls back to near matches of its own (a search
  // for 外泌体 finds pages holding only 体, "migrasomes" finds "miR-21"). When some
  // pages hold every word, only those are shown, as one index over all pages would.
  const direct = data.filter((d) => holdsTerms(d.content || "", query));
  show(direct.length ? direct : data);
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
  list.replaceChildren();
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
  status.textContent = results.length
    ? app.dataset.count.replace("{count}", String(results.length))
    : app.dataset.noResults;
  app.dataset.done = "true";
}

const query = new URLSearchParams(window.location.search).get("q") || "";
const box = document.getElementById("site-search");
if (box) box.value = query;
if (query.trim()) {
  run(query.trim()).catch((err) => {
    status.textContent = String(err);
    app.dataset.done = "error";
  });
} else {
  app.dataset.done = "true";
}
