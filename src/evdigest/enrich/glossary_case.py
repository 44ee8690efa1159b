"""English sides of glossary pairs capitalised only because they opened a sentence, in lower case again.

A pair is often found where the term opens a sentence: ``外泌体 (Exosomes) 是一类…``, ``Mesenchymal stem
cell-derived extracellular vesicles (MSC-EVs) are…``. The glossary shows terms, not sentences: the first word
is written in lower case when the entry's own English text writes the term's first two words (its only word)
in lower case, as words of their own, singular or plural (``exosomes``, ``traditional mesenchymal stem cell therapy``). A name
the text always capitalises (``Golgi apparatus``, ``Toll-like receptor``) stays as printed, and so does an
eponym or a genus whose first word is also a common word (``Down syndrome`` beside "down-regulated",
``Candida albicans`` beside "candida"), a term whose other words are capitalised too (``Tiny Giants``), or
one whose first word is an abbreviation or mixed case (``MicroRNA``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..model import Entry, GlossaryTerm

# a first word in sentence case: one capital, then small letters only ("Exosomes", "Mesenchymal"), ending the
# term or followed by a space or a hyphen
_SENTENCE_CASE = re.compile(r"([A-Z])([a-z]+)(?=[\s\-]|$)")
# a later word in title case ("Giants", "Vesicles")
_TITLE_WORD = re.compile(r"(?:^|[\s\-])[A-Z][a-z]")
# the first two words of a term, as printed ("Mesenchymal stem", "Sepsis-associated"), or its only word
_OPENING = re.compile(r"[A-Z][a-z]+(?:[\s\-]+[^\s\-]+)?")


def english_text(entry: Entry) -> str:
    """The entry's English text that tells how it writes its words: title, abstract, keywords and definitions."""
    parts = [entry.title.en or ""]
    parts += [section.text for section in entry.abstract.en]
    parts += list(entry.keywords.en)
    parts += [d.text for d in entry.definitions if d.lang == "en"]
    return "\n".join(parts)


def lowered_first_word(en: str, text: str) -> str | None:
    """``en`` with its first word in lower case when ``en`` is in sentence case and ``text`` writes its
    first two words (its only word) in lower case, not inside a longer word nor after a hyphen; None
    otherwise."""
    first = _SENTENCE_CASE.match(en)
    if first is None or _TITLE_WORD.search(en, first.end()):
        return None
    opening = _OPENING.match(en)
    assert opening is not None  # the first word matched
    lowered = en[0].lower() + opening.group()[1:]
    stem = lowered[:-1] if lowered.endswith("s") and not lowered.endswith("ss") else lowered
    # singular or plural alike: "Extracellular vesicle" beside "extracellular vesicles", "Exosomes" beside "exosome"
    if not re.search(rf"(?<![A-Za-z\-]){re.escape(stem)}(?:e?s)?(?![A-Za-z])", text):
        return None
    return en[0].lower() + en[1:]


def recased(terms: Iterable[GlossaryTerm], entry: Entry) -> list[GlossaryTerm]:
    """``terms`` of ``entry`` with English sides capitalised for a sentence's sake in lower case (see the
    module)."""
    text: str | None = None
    out = []
    for term in terms:
        if term.en and _SENTENCE_CASE.match(term.en):
            text = english_text(entry) if text is None else text
            lowered = lowered_first_word(term.en, text)
            if lowered is not None:
                term = dataclasses.replace(term, en=lowered)
        out.append(term)
    return out
