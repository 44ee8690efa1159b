"""Citation keys of CSL items: ``kalluri2020biology`` (first author's family name, year, first significant
title word), made unique with ``a``, ``b``… where two collide.

The reference index gives every work its key (:attr:`~evdigest.model.Work.key`), unique across the index, so
that a work has the same key in every export that holds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from ..pinyin import syllables
from ..surname_readings import surname_syllables
from ..text import CJK_IDEOGRAPH as CJK_CHAR_RE
from .keys import item_year

# Anything a citation key does not keep: "-", "'", spaces
KEY_JUNK_RE = re.compile(r"[^a-z0-9]+")
# Short words a key skips when it picks the title's first word: "the", "a"
STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "and", "for", "to"})


def ascii_word(text: str, *, surname: bool = False, given: str = "") -> str:
    """Lower-case ASCII letters and digits of a text; Chinese characters as pinyin (``马`` -> ``ma``), with
    ``surname`` a family name's first character read as a surname (``单`` -> ``shan``, not ``dan``) unless with
    its ``given`` names it is too long for a person's (an organisation's: ``重`` before ``点实验室``)."""
    if CJK_CHAR_RE.search(text):
        text = "".join(surname_syllables(text, given) if surname else syllables(text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return KEY_JUNK_RE.sub("", text)


def base_key(item: dict[str, Any]) -> str:
    """``kalluri2020biology``: first author's family name (an edited book's first editor's, as it is cited by
    them: ``thery2020exosomes``, where it was ``anon2020exosomes``), year, first significant title word."""
    person = (item.get("author") or item.get("editor") or [{}])[0]
    if person.get("family"):
        family = ascii_word(str(person["family"]), surname=True, given=str(person.get("given") or ""))
    else:
        family = ascii_word(str(person.get("literal") or ""))
    family = family or "anon"
    title = str(item.get("title") or "")
    if CJK_CHAR_RE.search(title[:2]):
        word = ascii_word(title[:2])
    else:
        words = (ascii_word(w) for w in title.split())  # made one at a time: the first significant one is kept
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


def letters() -> Iterator[str]:
    """``a``, ``b``, … ``z``, ``aa``, …: the suffixes telling apart keys of one base, in order."""
    index = 0
    while True:
        yield _suffix(index)
        index += 1


def _suffix(index: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(97 + rem) + letters
    return letters
