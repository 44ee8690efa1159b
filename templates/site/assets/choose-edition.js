// The site root only: send a first-time visitor to the edition of their browser's language.
// Without JavaScript (or when the visitor has chosen an edition) the root simply lists the editions.
"use strict";

const CHOICE_KEY = "evdigest-edition";
const REDIRECTED_KEY = "evdigest-redirected";

function editionOf(tag) {
  const lower = String(tag || "").toLowerCase();
  if (lower === "zh" || lower.startsWith("zh-")) {
    return /^zh-(tw|hk|mo)\b|\bhant\b/.test(lower) ? "zh-Hant" : "zh-Hans";
  }
  return lower === "en" || lower.startsWith("en-") ? "en" : null;
}

function preferredEdition(languages) {
  for (const tag of languages) {
    const found = editionOf(tag);
    if (found) return found;
  }
  return "en";
}

function stored(storage, key) {
  try {
    return storage.getItem(key);
  } catch (error) {
    return null; // storage disabled: behave as a first visit
  }
}

function cameFromThisSite() {
  if (!document.referrer) return false;
  const here = new URL(".", location.href).href;
  return document.referrer.startsWith(here);
}

function chooseEdition() {
  if (stored(localStorage, CHOICE_KEY) || stored(sessionStorage, REDIRECTED_KEY) || cameFromThisSite()) return;
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  const wanted = preferredEdition(languages);
  const link = document.querySelector(`.edition-list a[hreflang="${wanted}"]`);
  if (!link) return;
  try {
    sessionStorage.setItem(REDIRECTED_KEY, "1");
  } catch (error) {
    // storage disabled: the redirect still happens once per visit to the root
  }
  location.replace(link.href);
}

chooseEdition();
