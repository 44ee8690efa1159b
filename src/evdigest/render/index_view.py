"""Views of the pages that list many things: home, reference index, glossary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..model import Entry, GlossaryTerm, Work
from ..pinyin import syllables
from ..preprints import entry_preprint
from ..surname_readings import surname_syllables
from .i18n import HAN_RE, Edition, Messages, text_lang
from .names import entry_year, pick, preprint_line
from .refview import RefShower, csl_year
from .safe import to_text

# The first Latin letter of a sort key, e.g. "K" of "kalluri r".
LETTER_RE = re.compile(r"[a-z]")

FILTER_LETTERS = str.maketrans(
    {"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "æ": "ae", "œ": "oe", "ß": "ss", "ς": "σ"}
)
"""Letters that lose no mark in decomposition, as the filters read them (``foldText`` in ``site.js`` holds
the same table)."""


# a character beyond the Basic Multilingual Plane (whose marks :func:`_marks` looks up apart)
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# Beyond the Basic Multilingual Plane, combining marks are in the Supplementary Multilingual Plane and the
# variation selectors of plane 14 only (the other planes hold ideographs, private use and nothing else)
ASTRAL_MARK_RANGES = (range(0x10000, 0x20000), range(0xE0000, 0xE1000))


@lru_cache(maxsize=2)
def _marks(astral: bool = False) -> dict[int, None]:
    """The combining marks (Unicode category M) of the Basic Multilingual Plane, or with ``astral`` of every
    plane, as a ``str.translate`` table that drops them (made once, when first needed: the planes beyond the
    first are looked through where marks are, a few milliseconds, not all 1.1 million code points)."""
    ranges = (range(0x300, 0x10000), *(ASTRAL_MARK_RANGES if astral else ()))
    return {code: None for part in ranges for code in part if unicodedata.category(chr(code))[0] == "M"}


def _unmarked(text: str) -> str:
    """``text`` decomposed with compatibility forms made plain (``ｔ`` → ``t``), its marks dropped."""
    if text.isascii():  # nothing to decompose, no mark
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.translate(_marks(ASTRAL.search(decomposed) is not None))


@lru_cache(maxsize=1 << 12)
def filter_fold(text: str) -> str:
    """``text`` as the reference index's filters compare it, and as ``foldText`` in ``site.js`` folds what a
    reader types: lower case, without accents or other marks, full-width forms half-width (``Théry``,
    ``THERY`` and ``ｔｈｅｒｙ`` all read ``thery``); Chinese characters stay as they are.

    Every reference of the index is folded for its row in each edition: a text in ASCII alone (most of them)
    is only made lower case, and marks are dropped with a table rather than character by character."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", _unmarked(_unmarked(text).casefold()).translate(FILTER_LETTERS))


@lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> str:
    """A Latin sort key: Chinese characters become pinyin (``吕茹月`` → ``lv ru yue``), case, accents and widths
    folded as the filters fold them (``Rädler`` → ``radler``, listed under R beside Raposo; ``Österreicher``
    under O)."""
    text = to_text(text)
    if HAN_RE.search(text):
        text = " ".join(syllables(text))
    return filter_fold(text).strip()


@lru_cache(maxsize=1 << 14)
def family_sort_key(family: str, given: str = "") -> str:
    """:func:`sort_key` of a person's family name (``given``: the given names after it): a Chinese one read as a
    surname (``单`` → ``shan``, listed under S; ``曾`` → ``zeng``; see :mod:`~evdigest.surname_readings`)."""
    family = to_text(family)
    if HAN_RE.match(family):
        family = " ".join(surname_syllables(family, to_text(given)))
    return sort_key(family)


def first_author_key(csl: dict[str, Any], raw: str) -> str:
    """The sort key of a work's first author (:func:`first_author_name`): a family name read as one
    (:func:`family_sort_key`), a literal name, a title or a printed text as any text (:func:`sort_key`)."""
    authors = csl.get("author") or csl.get("editor") or []
    family = authors[0].get("family") if authors else None
    if family:
        return family_sort_key(str(family), str(authors[0].get("given") or ""))
    return sort_key(first_author_name(csl, raw))


def first_author_name(csl: dict[str, Any], raw: str) -> str:
    """The first author's family name (or literal name) of a CSL item, else the start of the printed text."""
    authors = csl.get("author") or csl.get("editor") or []
    if authors:
        person = authors[0]
        return str(person.get("family") or person.get("literal") or person.get("given") or "")
    return str(csl.get("title") or to_text(raw))


def letter_of(key: str) -> str:
    """The A–Z heading of a sort key; ``#`` when it starts with no Latin letter."""
    return key[0].upper() if key and LETTER_RE.match(key[0]) else "#"


def work_letter(work: Work) -> str:
    """The A–Z heading a work is listed under in the reference index (by first author; the same in every edition)."""
    return letter_of(first_author_key(work.csl, work.raw))


def letter_slug(letter: str) -> str:
    """The folder of a letter's page in the reference index: ``a`` … ``z``, ``other`` for ``#``."""
    return "other" if letter == "#" else letter.lower()


def work_views(
    works: tuple[Work, ...],
    shower: RefShower,
    titles: dict[str, tuple[str, str | None]],
    entry_href: Callable[[str], str],
    msg: Messages,
    ed: Edition,
    repeated: dict[tuple[str, int, str], str] | None = None,
) -> list[dict[str, Any]]:
    """The works of the reference index, A–Z by first author, each with its "cited by" back-links.

    A back-link leads to the work's item in the citing entry's reference list, which shows the sentences
    citing it; the row gives only how many there are (``sentences``), and the page's script shows them
    there when asked (one page of the index showing every sentence of every citing entry grew to megabytes).
    ``repeated``: the ids of references numbered like an earlier one (:func:`~.refview.repeated_ids`), where
    their back-links lead.
    """
    repeated = repeated or {}
    rows = []
    for work in works:
        key = first_author_key(work.csl, work.raw)
        shown = shower.show(work.csl, work.raw, et_al=work.et_al, editors_et_al=work.editors_et_al)
        cited = []
        for c in work.cited_by:
            title, lang = titles.get(c.entry, (c.entry, None))
            anchor = repeated.get((c.entry, c.number, work.id)) or f"ref-{c.number}"
            cited.append(
                {
                    "title": title,
                    "lang": lang,
                    "href": f"{entry_href(c.entry)}#{anchor}",
                    "number": msg("refindex_ref_number", number=c.number),
                    "sentences": len(c.sentences),
                }
            )
        year = csl_year(work.csl, work.raw)
        rows.append(
            {
                "id": f"work-{work.id}",
                "key": (key, year or 0, shown.text),
                "html": shown.html,
                "lang": None if shown.lang == ed.lang else shown.lang,
                "links": [{"label": label, "url": url} for label, url in shown.links],
                "count": msg("refindex_count", count=len(work.cited_by)),
                "cited": cited,
                "filter": filter_fold(shown.text),
                "year": year,
            }
        )
    rows.sort(key=lambda r: r["key"])
    return rows


def _lang(text: str, ed: Edition) -> str | None:
    lang = text_lang(text, ed.code)
    return None if lang == ed.lang else lang


def entry_card(entry: Entry, ed: Edition, href: str, msg: Messages) -> dict[str, Any]:
    """One entry's home-page card (``entry`` as the edition lists it; ``href``: the link to its page)."""
    title, alt = pick(ed.primary, to_text(entry.title.en), to_text(entry.title.zh))
    journal, _ = pick(ed.primary, entry.journal.name, entry.journal.name_zh)
    names = [pick(ed.primary, a.name or None, a.name_zh)[0] or "" for a in entry.authors]
    authors = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
    preprint = entry_preprint(entry)
    return {
        "href": href,
        "title": title or entry.slug,
        "title_lang": _lang(title or "", ed),
        "alt": alt,
        "alt_lang": _lang(alt or "", ed),
        "authors": authors,
        "authors_lang": _lang(authors, ed),
        "journal": journal or "",
        "journal_lang": _lang(journal or "", ed),
        "year": entry_year(entry),
        "preprint": preprint_line(preprint, msg) if preprint else "",
        "added": msg("added_on", date=entry.added) if entry.added else "",
        "tags": [{"text": tag, "lang": _lang(tag, ed)} for tag in entry.tags],
        "data_tags": "|".join(entry.tags),
    }


def card_filters(cards: list[dict[str, Any]], ed: Edition) -> dict[str, list[dict[str, str | None]]]:
    """The distinct tags, years and journals the home page filters by, from its cards."""
    tags = sorted({t["text"] for card in cards for t in card["tags"]}, key=sort_key)
    years = sorted({card["year"] for card in cards if card["year"]}, reverse=True)
    journals = sorted({card["journal"] for card in cards if card["journal"]}, key=sort_key)
    return {
        "tags": [{"value": t, "lang": _lang(t, ed)} for t in tags],
        "years": [{"value": y, "lang": None} for y in years],
        "journals": [{"value": j, "lang": _lang(j, ed)} for j in journals],
    }


def glossary_key(term: GlossaryTerm, ed: Edition) -> str:
    """Where ``term`` stands in the glossary of edition ``ed``, on its page and in its PDF alike: by the term in
    the edition's first language."""
    if ed.primary == "zh":
        # pinyin of the Simplified term, so that every Chinese edition lists the terms in one order
        return sort_key(term.zh or term.en or "")
    return sort_key(term.en or term.abbr or term.zh or "")


def glossary_order(terms: tuple[GlossaryTerm, ...], ed: Edition) -> tuple[GlossaryTerm, ...]:
    """``terms`` in the order of the glossary of edition ``ed`` (terms of one key keep their order)."""
    return tuple(sorted(terms, key=lambda term: glossary_key(term, ed)))


def glossary_rows(
    terms: tuple[GlossaryTerm, ...],
    used_in: dict[tuple[str | None, str | None, str | None], list[str]],
    convert: Callable[[str], str],
    titles: dict[str, tuple[str, str | None]],
    href: Callable[[str], str],
    ed: Edition,
) -> list[dict[str, Any]]:
    """Glossary rows zh ↔ en ↔ abbreviation, ordered by the page's language, with back-links."""
    zh_lang = "zh-Hant" if ed.code == "zh-hant" else "zh-Hans"
    rows = []
    for n, term in enumerate(terms):
        zh = convert(term.zh) if term.zh else ""
        slugs = used_in.get((term.zh, term.en, term.abbr), [])
        rows.append(
            {
                "id": f"term-{n + 1}",
                "key": glossary_key(term, ed),
                "zh": zh,
                "zh_lang": None if zh_lang == ed.lang else zh_lang,
                "en": term.en or "",
                "en_lang": None if ed.lang == "en" else "en",
                "abbr": term.abbr or "",
                "entries": [
                    {"href": href(s), "title": titles.get(s, (s, None))[0], "lang": titles.get(s, (s, None))[1]}
                    for s in slugs
                ],
            }
        )
    rows.sort(key=lambda r: r["key"])
    return rows
