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

function setupListFilter() {
  const input = document.querySelector("input[data-filter-list]");
  if (!input) return;
  const root = document.getElementById(input.dataset.filterList);
  if (!root) return;
  input.addEventListener("input", () => {
    const needle = input.value.trim().toLocaleLowerCase();
    for (const group of root.querySelectorAll(".letter-group")) {
      let any = false;
      for (const item of group.querySelectorAll("li[data-filter-text]")) {
        const show = !needle || item.dataset.filterText.includes(needle);
        item.hidden = !show;
        any = any || show;
      }
      group.hidden = !any;
    }
  });
}

const FINDER_LIMIT = 100;

function finderTerms(value) {
  return value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function setupIndexFinder() {
  // The first page of the reference index: every work of every letter, loaded on first use.
  const input = document.querySelector("input[data-finder]");
  const results = document.getElementById("finder-results");
  const status = document.getElementById("finder-status");
  if (!input || !results || !status) return;
  let index = null;
  let loading = null;
  const load = () => {
    loading =
      loading ||
      fetch(input.dataset.finder)
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then((data) => {
          index = {
            letters: data.letters,
            works: data.works.map(([letter, id, text, lang]) => ({ letter, id, text, lang, folded: text.toLocaleLowerCase() })),
          };
        });
    return loading;
  };
  const show = () => {
    const terms = finderTerms(input.value);
    results.replaceChildren();
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    const found = index.works.filter((work) => terms.every((term) => work.folded.includes(term)));
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

document.addEventListener("DOMContentLoaded", () => {
  rememberEditionChoice();
  carryQueryAcrossEditions();
  setupEntryFilters();
  setupListFilter();
  setupIndexFinder();
  setupFindAll();
});
