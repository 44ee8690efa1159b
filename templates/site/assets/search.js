// Site search with Pagefind's JavaScript API; each edition loads its own language index.
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
  const pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
  await pagefind.options({ baseUrl: siteRoot.pathname });
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.map((r) => r.data()));
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
