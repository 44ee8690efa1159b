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
  setupEntryFilters();
  setupListFilter();
});
