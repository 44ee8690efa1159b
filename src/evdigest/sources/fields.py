"""Normalising single field values the families share: DOIs, dates, page ranges, full-width letters."""

from __future__ import annotations

import dataclasses
import re

from ..doi import find_doi
from ..model import Abstracts, AbstractSection, Author, Entry
from ..text import half_width_alnum

# Numeric dates: "2025-12-01", "2025/12/10 0:00:00", "2025.07.17", "2025-7"
_NUMERIC_DATE = re.compile(
    r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?\S*)?$"
)
# PubMed-style dates: "2025 Jul 17", "2025 Jul", "2025", "2024 Dec-2025 Jan" (first part used)
_NAMED_DATE = re.compile(r"^(?P<y>\d{4})(?:\s+(?P<mon>[A-Za-z]{3})[a-z]*\.?(?:\s+(?P<d>\d{1,2}))?)?\b")
# Chinese dates: "2025年7月17日", "2025年7月"
_ZH_DATE = re.compile(r"^(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?")
# An article number rather than a page: lower-case letters then digits, or five digits or more: "e12404",
# "eaau6977", "1612589", "E12404" (a supplement's or an E-page "S12", "E1127" is a page)
_ARTICLE_NUMBER = re.compile(r"^(?:[a-z]+\d+|[A-Za-z]*\d{5,})$")
# A PMC id in a URL or text: "PMC12915876"
_PMCID = re.compile(r"\bPMC\d{4,10}\b")

_MONTHS = {
    name: index
    for index, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


def normalize_doi(value: str | None) -> str | None:
    """Return the bare, lowercase DOI found in ``value`` (URL and ``doi:`` prefixes dropped), or ``None``."""
    return find_doi(value)


def iso_date(value: str | None) -> str | None:
    """Turn a printed date into ISO form (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); ``None`` when unreadable.

    Accepts "2025-12-01", "2025/12/10 0:00:00", "2025 Jul 17", "2025年7月17日".
    """
    if not value:
        return None
    value = value.strip()
    for pattern in (_NUMERIC_DATE, _ZH_DATE):
        match = pattern.match(value)
        if match:
            return _compose(match.group("y"), match.group("m"), match.group("d"))
    match = _NAMED_DATE.match(value)
    if match:
        month = _MONTHS.get((match.group("mon") or "").lower()[:3])
        if match.group("mon") and month is None:
            return None
        return _compose(match.group("y"), str(month) if month else None, match.group("d"))
    return None


def _compose(year: str, month: str | None, day: str | None) -> str | None:
    if month is None:
        return year
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{year}-{m:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return None
    return f"{year}-{m:02d}-{d:02d}"


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date string, or ``None``."""
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def find_pmcid(value: str | None) -> str | None:
    """The PMC id ("PMC12915876") in a URL or text, or ``None``."""
    if not value:
        return None
    match = _PMCID.search(value)
    return match.group() if match else None


def normalize_pages(value: str | None) -> str | None:
    """Trim a page range and use a plain hyphen ("1–22" -> "1-22"); ``None`` for blank."""
    if value is None:
        return None
    value = value.strip().replace("–", "-").replace("—", "-")
    return value or None


def is_article_number(locator: str) -> bool:
    """Whether a printed locator is an article number (``e12404``, ``1612589``) rather than a page or a
    page range (``184``, ``S12``, ``E1127``, ``184-193``)."""
    return bool(_ARTICLE_NUMBER.match(locator)) and "-" not in locator


def _half(value: str | None) -> str | None:
    """:func:`half_width_alnum` of a field that may be missing."""
    return None if value is None else half_width_alnum(value)


def half_width_fields(entry: Entry) -> Entry:
    """The entry with full-width letters and digits printed as ASCII in its title, authors, affiliations,
    journal, abstract and keywords ("微小ＲＮＡ" -> "微小RNA"); the body text stays as printed."""
    journal = entry.journal
    return dataclasses.replace(
        entry,
        title=dataclasses.replace(entry.title, en=_half(entry.title.en), zh=_half(entry.title.zh)),
        authors=tuple(_half_width_author(author) for author in entry.authors),
        affiliations=tuple(dataclasses.replace(a, en=_half(a.en), zh=_half(a.zh)) for a in entry.affiliations),
        journal=dataclasses.replace(
            journal,
            name=_half(journal.name),
            name_zh=_half(journal.name_zh),
            abbrev=_half(journal.abbrev),
            issn=_half(journal.issn),
        ),
        abstract=Abstracts(_half_sections(entry.abstract.en), _half_sections(entry.abstract.zh)),
        keywords=dataclasses.replace(entry.keywords, en=_half_all(entry.keywords.en), zh=_half_all(entry.keywords.zh)),
    )


def _half_all(values: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`half_width_alnum` of every value (keywords)."""
    return tuple(half_width_alnum(value) for value in values)


def _half_sections(sections: tuple[AbstractSection, ...]) -> tuple[AbstractSection, ...]:
    """Abstract sections with their labels and texts through :func:`half_width_alnum`."""
    return tuple(dataclasses.replace(s, label=_half(s.label), text=half_width_alnum(s.text)) for s in sections)


def _half_width_author(author: Author) -> Author:
    """An author with full-width letters and digits in the name fields printed as ASCII."""
    return dataclasses.replace(
        author,
        name=half_width_alnum(author.name),
        name_zh=_half(author.name_zh),
        family=_half(author.family),
        given=_half(author.given),
    )
