"""Whether two sources name different journals, told only when sure.

A journal is printed many ways: in Chinese, in English, abbreviated ("Front Cell Dev Biol" for "Frontiers in
Cell and Developmental Biology"), or in pinyin ("Zhongguo Zuzhi Gongcheng Yanjiu" for 中国组织工程研究).  Two
names are only compared when they are written alike (both Chinese, both English, both pinyin): an English name
and a pinyin or Chinese one may well be the same journal, so they never make a clash.
"""

from __future__ import annotations

import re

from ..model import Journal
from ..refs.pinyin_names import is_pinyin
from ..text import has_cjk
from .slug import comparable

# Words an abbreviated journal name leaves out (ISO 4 drops articles, prepositions and conjunctions); not "a",
# which may be an initial ("Proc Natl Acad Sci U S A")
_LEFT_OUT = frozenset("an and the of in on for to at by with from & und der die das de la le les et".split())
# Words of a Latin journal name: "Front", "Cell", "Dev", "Biol"
_WORD = re.compile(r"[^\W\d_]+|\d+")
# A part of a name in brackets: "(New York, N.Y.)", "（中英文）"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def journals_clash(a: Journal, b: Journal) -> bool:
    """Whether ``a`` and ``b`` are surely different journals: some of their names are written alike, and no two
    names written alike agree.  When no names can be compared, they do not clash."""
    compared = False
    for kind in ("chinese", "pinyin", "latin"):
        names_a, names_b = _names(a, kind), _names(b, kind)
        if not names_a or not names_b:
            continue
        compared = True
        if any(_agree(x, y, kind) for x in names_a for y in names_b):
            return False
    return compared


def _names(journal: Journal, kind: str) -> list[str]:
    names = [n for n in (journal.name, journal.name_zh, journal.abbrev) if n and comparable(n)]
    return [n for n in names if _kind(n) == kind]


def _kind(name: str) -> str:
    if has_cjk(name):
        return "chinese"
    words = _WORD.findall(name)
    return "pinyin" if words and all(is_pinyin(w) for w in words) else "latin"


def _agree(x: str, y: str, kind: str) -> bool:
    if comparable(x) == comparable(y):
        return True
    if kind == "chinese":  # "中国组织工程研究" and "中国组织工程研究杂志"
        return comparable(x) in comparable(y) or comparable(y) in comparable(x)
    words_x, words_y = _words(x), _words(y)
    return _abbreviates(words_x, words_y) or _abbreviates(words_y, words_x)


def _words(name: str) -> list[str]:
    # what PubMed adds in brackets is no part of the name: "Science (New York, N.Y.)"
    name = _BRACKETED.sub(" ", name)
    return [w for w in (comparable(w) for w in _WORD.findall(name)) if w and w not in _LEFT_OUT]


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """Whether the words of ``short`` abbreviate those of ``full`` in order, each one word ("natl" for "national":
    its first letter, then some of its letters in order) or several by their initials ("usa" for "united states
    america"); a name that is one acronym may stand for the leading words only ("pnas" for "proc natl acad sci u
    s a", leaving out "of the United States of America"), but a name is no other's leading words ("Cell" is not
    "Cell Reports")."""
    if not short or not full:
        return not short and not full
    word = short[0]
    if word[0] == full[0][0] and _in_order(word, full[0]) and _abbreviates(short[1:], full[1:]):
        return True
    return any(
        word == "".join(w[0] for w in full[:count])
        and (_abbreviates(short[1:], full[count:]) or (len(short) == 1 and count >= ACRONYM_LEADING))
        for count in range(2, min(len(word), len(full)) + 1)
    )


ACRONYM_LEADING = 3
"""The fewest words a journal's one-word acronym stands for when it leaves the rest of the name out ("PNAS")."""


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)
