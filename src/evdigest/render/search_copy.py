"""The copy of a page Pagefind indexes when it would not find the page's Chinese words: each Chinese character
set apart as a word of its own.

Pagefind (extended) cuts Chinese into words only on pages whose ``<html lang>`` is Chinese. On an English
page a run of Chinese characters is one word, which only a query starting it finds (临床, 12 times in the
English page's Chinese abstract, found nothing). Pagefind splits words at whitespace only: U+200B and the
other zero-width characters join the characters they stand between. Nor does it cut a query into words on
an English index, so words cut on our side would not meet the query's (jieba reads 间充质干细胞 as
间/充/质/干细胞; the query stays one word). With every character a word, ``assets/search.js`` looks a
Chinese query up as its characters, pages holding them as a phrase (adjacent) first, and joins them again
in the excerpts it shows. The page itself is served as it was rendered: only the copy Pagefind reads is
spaced.
"""

from __future__ import annotations

import re

# A run of Chinese characters: CJK Unified Ideographs, Extension A and the compatibility ideographs (the
# characters ``assets/search.js`` sets apart in a query: its CJK pattern).
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The page's language: <html lang="zh-Hans" …>
_PAGE_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"", re.IGNORECASE)
# Languages Pagefind cuts into words itself (its extended build segments Chinese).
SEGMENTED_LANGS = frozenset({"zh"})


def segmented_by_pagefind(page: bytes) -> bool:
    """Whether Pagefind cuts the page's Chinese into words itself (its language is Chinese)."""
    found = _PAGE_LANG.search(page)
    return found is not None and found.group(1).decode("ascii", "replace").split("-")[0].lower() in SEGMENTED_LANGS


def index_copy(page: bytes) -> bytes | None:
    """What Pagefind should index of ``page`` (UTF-8 HTML): its text with a space on each side of every Chinese
    character, or None when the page is indexed as it is (Pagefind segments it, or it holds no Chinese).
    Characters in tags and attributes are spaced too: Pagefind indexes text only, and the copy is never served.
    """
    if segmented_by_pagefind(page):
        return None
    text = page.decode("utf-8")
    if not HAN_RUN.search(text):
        return None

    # a run at a time, its characters joined by spaces (twice as fast as a substitution for each character);
    # no space where the run meets a tag: Pagefind sets blocks apart (". ") only where their text does not
    # end in a space, and the excerpts would run one table cell or list item into the next
    def spaced(run: re.Match[str]) -> str:
        before = " " if run.start() and text[run.start() - 1] != ">" else ""
        after = " " if run.end() < len(text) and text[run.end()] != "<" else ""
        return before + " ".join(run.group(0)) + after

    return HAN_RUN.sub(spaced, text).encode("utf-8")
