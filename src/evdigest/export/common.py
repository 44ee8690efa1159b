"""Helpers the export formats share: citation keys, names, years."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from ..pinyin import syllables
from ..refs.keys import item_year
from ..text import CJK_IDEOGRAPH as CJK_CHAR_RE

# Anything a citation key does not keep: "-", "'", spaces
KEY_JUNK_RE = re.compile(r"[^a-z0-9]+")
# Short words a key skips when it picks the title's first word: "the", "a"
STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "and", "for", "to"})


def ascii_word(text: str) -> str:
    """Lower-case ASCII letters and digits of a text; Chinese characters as pinyin (``马`` -> ``ma``)."""
    if CJK_CHAR_RE.search(text):
        text = "".join(syllables(text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return KEY_JUNK_RE.sub("", text)


def base_key(item: dict[str, Any]) -> str:
    """``kalluri2020biology``: first author's family name, year, first significant title word."""
    authors = item.get("author") or [{}]
    family = ascii_word(str(authors[0].get("family") or authors[0].get("literal") or "")) or "anon"
    title = str(item.get("title") or "")
    if CJK_CHAR_RE.search(title[:2]):
        word = ascii_word(title[:2])
    else:
        words = [ascii_word(w) for w in title.split()]
        word = next((w for w in words if w and w not in STOP_WORDS), "")
    return f"{family[:20]}{item_year(item) or 'nd'}{word[:15]}"


def citation_keys(items: Sequence[dict[str, Any]]) -> list[str]:
    """A stable, unique key per item: :func:`base_key`, with ``a``, ``b``… added where two collide."""
    return unique_keys([base_key(item) for item in items])


def unique_keys(bases: Sequence[str]) -> list[str]:
    """``bases`` made unique, in order: ``a``, ``b``… added to every key that occurs more than once."""
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    seen: dict[str, int] = {}
    keys = []
    for base in bases:
        if counts[base] == 1:
            keys.append(base)
            continue
        index = seen.get(base, 0)
        seen[base] = index + 1
        keys.append(base + _suffix(index))
    return keys


def _suffix(index: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(97 + rem) + letters
    return letters


def name_parts(name: dict[str, Any]) -> tuple[str, str]:
    """``(family, given)`` of a CSL name; a literal name is all family."""
    if "literal" in name:
        return str(name["literal"]), ""
    return str(name.get("family") or ""), str(name.get("given") or "")


def date_parts(item: dict[str, Any], variable: str = "issued") -> list[int | str]:
    """The first date-parts list of a date variable (``issued``, ``accessed``), or ``[]``."""
    date = item.get(variable) or {}
    if isinstance(date, dict):
        parts = date.get("date-parts") or [[]]
        return list(parts[0]) if parts else []
    return []


# An ISO date as a date's raw text: "2024-01-02", "2024-1-2"
ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


def accessed_date(item: dict[str, Any], sep: str = "-") -> str | None:
    """The day a web page was read (``accessed``) as ``2024-01-02`` (``sep`` between the parts), from its
    date-parts or an ISO raw date; ``None`` without one."""
    parts = [int(p) for p in date_parts(item, "accessed") if str(p).isdigit()]
    raw = (item.get("accessed") or {}).get("raw") if isinstance(item.get("accessed"), dict) else None
    match = ISO_DATE_RE.match(str(raw or ""))
    if not parts and match:
        parts = [int(p) for p in match.groups() if p]
    if not parts:
        return None
    return sep.join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:3])])


def eprint(item: dict[str, Any]) -> tuple[str, str] | None:
    """``(server, identifier)`` of a preprint's item (``("ChinaXiv", "201712.00265")``): CSL type ``article``
    with a ``publisher`` and a ``number``, as a preprint's repository and identifier are written; else ``None``."""
    if item.get("type") == "article" and item.get("publisher") and item.get("number"):
        return str(item["publisher"]), str(item["number"])
    return None
