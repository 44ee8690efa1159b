"""Whether two sources name the same first author.

The family name alone is not enough: 刘 and 柳 are both "Liu" in pinyin, so 刘悦 and 柳青 would be one
author.  Names are compared in Chinese characters when both sources give the name in Chinese, and by their
Latin spelling otherwise: the same family name and a given name that agrees, or is given as its initial
("Zhang T" and "Tianhe Zhang").  A name given only in Chinese is compared with a Latin one by its pinyin.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..model import Author, Entry
from ..text import has_cjk
from .fulltext_authors import matches_pinyin
from .names import pinyin_name
from .slug import comparable

# A given name printed as initials: "T", "TH", "T. H.", "T.-H."
_INITIALS = re.compile(r"(?:[A-Z]\.?[\s-]*){1,3}")


def same_first_author(a: Entry, b: Entry) -> bool:
    """Whether the first authors of ``a`` and ``b`` are the same name (two sources without authors agree)."""
    if not a.authors or not b.authors:
        return not a.authors and not b.authors
    first, second = a.authors[0], b.authors[0]
    zh_first, zh_second = _chinese(first), _chinese(second)
    if zh_first and zh_second:  # in either script: 劉悅 is 刘悦
        return comparable(_simplified(zh_first)) == comparable(_simplified(zh_second))
    latin_first, latin_second = _latin(first), _latin(second)
    if latin_first and latin_second:
        return _same_latin(latin_first, latin_second)
    if zh_first and latin_second:
        return _spells(latin_second, zh_first)
    if zh_second and latin_first:
        return _spells(latin_first, zh_second)
    return False


def _chinese(author: Author) -> str | None:
    if author.name_zh and has_cjk(author.name_zh):
        return author.name_zh
    return author.name if author.name and has_cjk(author.name) else None


def _latin(author: Author) -> tuple[str, str, str] | None:
    """``(name, family, given)`` of an author's Latin name, family and given empty when not known."""
    if not author.name or has_cjk(author.name) or not comparable(author.name):
        return None
    return author.name, author.family or "", author.given or ""


def _spells(latin: tuple[str, str, str], name_zh: str) -> bool:
    """Whether a Latin name is the pinyin of a Chinese one, in either order or with the given name as initials."""
    if matches_pinyin(latin[0], name_zh):
        return True
    spelt = pinyin_name(name_zh)
    return bool(spelt) and _same_latin(latin, (spelt[0], spelt[1], spelt[2] or ""))


def _same_latin(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    (name_a, family_a, given_a), (name_b, family_b, given_b) = a, b
    if not (family_a and family_b):
        # the parts are not known: the same words, in whatever order ("Yue Liu", "Liu Yue")
        return sorted(comparable(w) for w in name_a.split()) == sorted(comparable(w) for w in name_b.split())
    if comparable(family_a) == comparable(family_b):
        return _same_given(given_a, given_b)
    # a name read in the other order by one of the sources: family and given swapped
    return comparable(family_a) == comparable(given_b) and comparable(given_a) == comparable(family_b)


def _same_given(a: str, b: str) -> bool:
    if not comparable(a) or not comparable(b):
        return True  # one source gives the family name only: nothing tells them apart
    if comparable(a) == comparable(b):
        return True
    if _INITIALS.fullmatch(a.strip()) or _INITIALS.fullmatch(b.strip()):
        return comparable(a)[0] == comparable(b)[0]
    # a middle name or initial one source leaves out: "John A." and "John", "Mary Ann" and "Mary A."
    words_a = [w for w in (comparable(w) for w in a.split()) if w]
    words_b = [w for w in (comparable(w) for w in b.split()) if w]
    shorter, longer = sorted((words_a, words_b), key=len)
    return (
        bool(shorter)
        and all(x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(shorter, longer, strict=False))
        # what only one gives is initials ("A."): a whole word more is another given name ("Wei" and "Wei Ming")
        and all(len(word) == 1 for word in longer[len(shorter) :])
    )


@functools.lru_cache(maxsize=1024)
def _simplified(name: str) -> str:
    """A Chinese name in Simplified characters (OpenCC ``t2s``)."""
    return _t2s().convert(name)


@functools.cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")
