// Progressive enhancement only: every page reads fine without it.
"use strict";
document.documentElement.classList.add("js");

function setupEntryFilters() {
  const form = document.getElementById("entry-filters");
  const list = document.getElementById("entry-list");
  if (!form || !list) return;
  const selects = Array.from(form.querySelectorAll("select[data-filter]"));
  const apply = () => {
    for (const card of list.querySelectorAll(".entry-card")) {
      let show = true;
      for (const select of selects) {
        const want = select.value;
        if (!want) continue;
        const field = select.dataset.filter;
        const have = field === "tags" ? (card.dataset.tags || "").split("|") : [card.dataset[field] || ""];
        if (!have.includes(want)) show = false;
      }
      card.hidden = !show;
    }
    const status = document.getElementById("filter-status");
    if (status) {
      const cards = list.querySelectorAll(".entry-card");
      const shown = list.querySelectorAll(".entry-card:not([hidden])").length;
      const filtered = selects.some((s) => s.value);
      status.textContent = filtered
        ? status.dataset.template.replace("{shown}", shown).replace("{count}", cards.length)
        : "";
    }
  };
  selects.forEach((s) => s.addEventListener("change", apply));
}

const SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
let scriptMap = null;

// What a reader types, in the edition's Chinese script, character by character (迁移体 on the
// Traditional edition becomes 遷移體): a function, once the edition's character map is loaded
// (the text as it is on other editions or without the map). The search page's script uses it too.
function editionScript() {
  const code = (document.documentElement.lang || "").toLowerCase();
  if (!scriptMap) {
    scriptMap =
      code.startsWith("zh-") && SCRIPT_SRC
        ? fetch(new URL(`script-${code}.json`, SCRIPT_SRC))
            .then((response) => (response.ok ? response.json() : null))
            .then((map) => {
              if (!map) return (text) => text;
              const to = [...map.to];
              const table = new Map([...map.from].map((ch, i) => [ch, to[i]]));
              return (text) => [...text].map((ch) => table.get(ch) || ch).join("");
            })
            .catch(() => (text) => text)
        : Promise.resolve((text) => text);
  }
  return scriptMap;
}

function setupListFilter() {
  const input = document.querySelector("input[data-filter-list]");
  if (!input) return;
  const root = document.getElementById(input.dataset.filterList);
  if (!root) return;
  let convert = (text) => text;
  editionScript().then((found) => (convert = found));
  input.addEventListener("input", () => {
    // every word typed, in any order, as the whole index's finder reads it
    const words = finderTerms(input.value);
    const others = finderTerms(convert(input.value));
    for (const group of root.querySelectorAll(".letter-group")) {
      let any = false;
      for (const item of group.querySelectorAll("li[data-filter-text]")) {
        const text = item.dataset.filterText;
        const holds = (list) => list.every((word) => text.includes(word));
        const show = !words.length || holds(words) || holds(others);
        item.hidden = !show;
        any = any || show;
      }
      group.hidden = !any;
    }
  });
}

const FINDER_LIMIT = 100;

// Letters that lose no mark in decomposition, as the filters read them (FILTER_LETTERS in index_view.py).
const FOLD_LETTERS = new Map(Object.entries({ ø: "o", đ: "d", ð: "d", ł: "l", ħ: "h", æ: "ae", œ: "oe", ß: "ss", ς: "σ" }));

function unmarked(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}

// Text as the reference index's filters compare it, the same as the rows' data-filter-text
// (filter_fold in index_view.py): lower case, without accents or other marks, full-width forms
// half-width ("Théry", "THERY" and "ｔｈｅｒｙ" all read "thery"); Chinese characters stay as they are.
function foldText(text) {
  const lower = unmarked(unmarked(text).toLowerCase());
  return [...lower].map((ch) => FOLD_LETTERS.get(ch) || ch).join("").normalize("NFC");
}

function finderTerms(value) {
  return foldText(value).trim().split(/\s+/).filter(Boolean);
}

function setupIndexFinder() {
  // The first page of the reference index: every work of every letter, loaded on first use.
  const input = document.querySelector("input[data-finder]");
  const results = document.getElementById("finder-results");
  const status = document.getElementById("finder-status");
  if (!input || !results || !status) return;
  let index = null;
  let loading = null;
  let convert = (text) => text;
  const load = () => {
    loading =
      loading ||
      editionScript()
        .then((found) => (convert = found))
        .then(() => fetch(input.dataset.finder))
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then((data) => {
          index = {
            letters: data.letters,
            works: data.works.map(([letter, id, text, lang]) => ({ letter, id, text, lang, folded: foldText(text) })),
          };
        });
    return loading;
  };
  const show = () => {
    const terms = finderTerms(input.value);
    const others = finderTerms(convert(input.value));
    results.replaceChildren();
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    const holds = (work, words) => words.every((term) => work.folded.includes(term));
    const found = index.works.filter((work) => holds(work, terms) || holds(work, others));
    for (const work of found.slice(0, FINDER_LIMIT)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `${index.letters[work.letter]}#${work.id}`;
      link.textContent = work.text;
      if (work.lang) link.lang = work.lang;
      item.append(link);
      results.append(item);
    }
    status.textContent = found.length
      ? status.dataset.template
          .replace("{shown}", Math.min(found.length, FINDER_LIMIT))
          .replace("{count}", found.length)
      : status.dataset.none;
  };
  const run = () =>
    load().then(show, () => {
      loading = null; // try again on the next keystroke
      status.textContent = status.dataset.error;
    });
  input.addEventListener("input", run);
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run();
  }
}

function setupFindAll() {
  // A letter page's link to the whole-index finder carries what was typed in its filter.
  const link = document.querySelector("a[data-find-all]");
  const input = document.querySelector("input[data-filter-list]");
  if (!link || !input) return;
  input.addEventListener("input", () => {
    const value = input.value.trim();
    link.href = link.dataset.findAll + (value ? `?q=${encodeURIComponent(value)}` : "");
  });
}

function carryQueryAcrossEditions() {
  // The other editions of a search (or of the index finder) open on the same words.
  const asked = new URLSearchParams(window.location.search).get("q");
  if (!asked) return;
  for (const link of document.querySelectorAll("nav.switcher a[hreflang]")) {
    const target = new URL(link.getAttribute("href"), window.location.href);
    target.searchParams.set("q", asked);
    link.href = target.href;
  }
}

function rememberEditionChoice() {
  // A language link the visitor clicked wins over the browser's language at the site root.
  for (const link of document.querySelectorAll("nav.switcher a[hreflang], .edition-list a[hreflang]")) {
    link.addEventListener("click", () => {
      try {
        localStorage.setItem("evdigest-edition", link.getAttribute("hreflang"));
      } catch (error) {
        // storage disabled: nothing to remember
      }
    });
  }
}

// A row of the reference index gives how many sentences of each citing entry cite the work; opening
// them shows those sentences, read from the work's item in the entry's reference list (the link there
// stays for readers without scripts, or when the page cannot be read).
const citingPages = new Map();

function citingPage(url) {
  if (!citingPages.has(url)) {
    const loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((html) => new DOMParser().parseFromString(html, "text/html"));
    loading.catch(() => citingPages.delete(url)); // read again on the next opening
    citingPages.set(url, loading);
  }
  return citingPages.get(url);
}

function setupCitingSentences() {
  for (const details of document.querySelectorAll("details[data-cited-in]")) {
    details.addEventListener("toggle", () => {
      if (!details.open || details.dataset.state) return;
      const target = new URL(details.dataset.citedIn, window.location.href);
      const anchor = decodeURIComponent(target.hash.slice(1));
      target.hash = "";
      details.dataset.state = "loading";
      citingPage(target.href)
        .then((page) => {
          const item = page.getElementById(anchor);
          const list = item && item.querySelector(":scope > details.cited-in > ul");
          if (!list) throw new Error(`no citing sentences at #${anchor}`);
          const shown = document.importNode(list, true);
          for (const link of shown.querySelectorAll("a[href]")) {
            link.href = new URL(link.getAttribute("href"), target).href;
          }
          const there = details.querySelector(".cited-in-there");
          if (there) there.replaceWith(shown);
          else details.append(shown);
          details.dataset.state = "shown";
        })
        .catch(() => {
          delete details.dataset.state; // the link stays; opening again tries again
        });
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  rememberEditionChoice();
  carryQueryAcrossEditions();
  setupEntryFilters();
  setupListFilter();
  setupIndexFinder();
  setupFindAll();
  setupCitingSentences();
});
