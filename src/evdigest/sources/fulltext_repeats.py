"""Lines a full text prints on several pages: the running headers of a journal, told by repetition.

A header of another journal than the article's (``Journal of Cellular Physiology 2019, 34(2)``, left by a
conversion that took in a page of it) prints none of the article's marks, but it prints the same on each page,
its page number aside.  A line of a reference repeats whole only when the reference does: two references to
one issue of a journal differ in their pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# the page number at either end of a header: "·1234· Journal …", "1234 Journal …", "… 34(2) 1235", "… - 12 -";
# not the last number of a locator ("30(1): 19", "2020, 57, 12")
PAGE_AT_START = re.compile(r"^(?:[·•・\-–—]\s*\d{1,4}\s*[·•・\-–—]|\d{1,4}(?=\s))\s*")
PAGE_AT_END = re.compile(r"(?:\s*[·•・\-–—]\s*\d{1,4}\s*[·•・\-–—]|(?<![\s:：,，;；])\s+\d{1,4})$")
# a name a header prints: a word of four letters or two Chinese characters ("Journal", "生命科学"), which the
# numbers of a wrapped reference ("2014, 306(11): F1251-9.") do not hold
NAME = re.compile(r"[A-Za-z]{4,}|[\u4e00-\u9fff]{2,}")
# how often a line is printed to be a header of the pages
TIMES = 2


def page_key(text: str) -> str:
    """The line whatever its page: its page number taken off, spaces single (``·186· 生命科学 2022年第34卷`` and
    ``生命科学 2022年第34卷 ·187·`` give ``生命科学 2022年第34卷``)."""
    text = " ".join(text.split())
    return PAGE_AT_END.sub("", PAGE_AT_START.sub("", text)).strip()


def repeated_lines(texts: Iterable[str]) -> frozenset[str]:
    """The keys (:func:`page_key`) of the lines printed at least twice among ``texts`` that hold a name."""
    counts = Counter(page_key(text) for text in texts)
    return frozenset(key for key, count in counts.items() if count >= TIMES and NAME.search(key))
