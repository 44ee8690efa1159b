"""Printed keyword lists: split, cleaned, sorted by language and kept free of duplicates.

A list is read in the language of its label, whole: everything after ``关键词``
is a Chinese keyword, Latin terms such as "PD-L1" or "miR-21" included; a list
after ``Keywords`` is English, except words printed in Chinese script, which no
English list holds. A list without a single Chinese word is English whatever its
label says. A Chinese list printed with spaces only ("外泌体 肝纤维化 肝星状细胞")
is split at the spaces; an English one cannot be, and stays one keyword.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from ..model import Keywords
from ..text import fold_punctuation, has_cjk, one_line

Lang = Literal["en", "zh"]

# Separators between keywords: "外泌体；PD-L1", "exosomes; stem cells", "a, b", "肝纤维化、肝星状细胞"
SEPARATOR = re.compile(r"\s*[;；,，、]\s*")
# A sentence, which no line of keywords is: "本文综述了...。", "We review ... Exosomes are"
SENTENCE = re.compile(r"[。！？]|[.!?]\s+\S")
# Stops and separators left at the end of a list or a keyword: "biomarkers.", "生物标志物。", "exosomes;"
_TRAILING = re.compile(r"[\s.。．;；,，、]+$")


def label_language(label: str) -> Lang:
    """The language a keyword label announces: "关键词" / "关键字" -> ``zh``, "Keywords" -> ``en``."""
    return "zh" if has_cjk(label) else "en"


def split_keywords(text: str) -> list[str]:
    """The keywords of one printed list, in order, as printed (spaces collapsed, trailing stops dropped)."""
    words = (_TRAILING.sub("", one_line(word)) for word in SEPARATOR.split(one_line(text)))
    return [word for word in words if word]


def read_keywords(text: str, lang: Lang) -> Keywords:
    """The keywords of a list labelled in ``lang``, sorted by language as the module docstring says."""
    words = split_keywords(text)
    if lang == "zh" and len(words) == 1 and has_cjk(words[0]):
        words = words[0].split()
    return sort_keywords(words, lang)


def sort_keywords(words: Iterable[str], lang: Lang) -> Keywords:
    """Keywords given one by one (a JSON list: "Cells, Cultured" is one keyword), in a list labelled in
    ``lang``, sorted by language as the module docstring says."""
    words = [word for word in (_TRAILING.sub("", one_line(w)) for w in words) if word]
    if lang == "zh" and any(has_cjk(word) for word in words):
        return merge_keywords(Keywords(zh=tuple(words)))
    return merge_keywords(
        Keywords(en=tuple(w for w in words if not has_cjk(w)), zh=tuple(w for w in words if has_cjk(w)))
    )


def merge_keywords(*lists: Keywords) -> Keywords:
    """The keywords of several lists, each language in order, each keyword once (case and width ignored)."""
    return Keywords(
        en=_unique(word for keywords in lists for word in keywords.en),
        zh=_unique(word for keywords in lists for word in keywords.zh),
    )


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without repeats, the first spelling kept: "PD-L1", "pd-l1", "PD-L1" -> ("PD-L1",)."""
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(fold_punctuation(word).casefold(), word)
    return tuple(seen.values())
