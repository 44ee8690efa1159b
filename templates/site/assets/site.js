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

document.addEventListener("DOMContentLoaded", () => {
  setupEntryFilters();
  setupListFilter();
});
