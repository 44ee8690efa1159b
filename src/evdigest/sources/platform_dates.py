"""The dates of a ``platform-record`` and the year of its entry.

What a record carries: the platform's ``publicationDate`` — the date of the issue the paper is printed in,
or, for a paper in no issue yet, a date the platform sets ahead ("2026-12-01" for a paper online since
2025-12-10, its volume blank) — and ``EPubDate``, the date it went online ("2025/12/10 0:00:00"); the
journal object's ``year`` (the issue's year); in a record of Crossref's shape, ``published-print``,
``published-online`` and ``journal-issue.published-print`` as date-parts (``{"date-parts": [[2024, 2]]}``).
Crossref's ``created``, ``deposited`` and ``indexed`` are the dates of the metadata, not of the paper,
and ``issued`` is the earlier of print and online: none of them is read.

The entry's ``year`` is that of the publication: the issue's year when the record prints the paper in an
issue (the journal's ``year``, else that of ``journal-issue``, else of the publication date when the
record gives a volume or an issue); else the year the paper went online; else that of the publication
date. An e-publication year before the issue's is no citation year ("Nat Rev Endocrinol. 2024;20(2)",
online in November 2023, is of 2024).
"""

from __future__ import annotations

from typing import Any

from ..model import Dates
from .fields import iso_date, year_of
from .platform_json import Record


def record_dates(record: Record, issue_year: str | None, in_issue: bool) -> tuple[Dates, int | None]:
    """The record's dates and the entry's year (see the module's docstring); ``issue_year`` is the journal
    object's ``year``, ``in_issue`` whether the record gives a volume or an issue."""
    published = _date(record, "publicationDate") or _date_parts(record.get("published-print"))
    epub = _date(record, "EPubDate") or _date_parts(record.get("published-online"))
    issue = _issue_year(record, issue_year)
    printed = issue or (year_of(published) if in_issue else None)
    year = printed or year_of(epub) or year_of(published)
    if year is None:
        record.warn("year", "the record gives no publication date")
    elif not printed and year_of(published) not in (None, year):  # a date set ahead for a paper in no issue
        message = (
            "the publication date and the e-publication date fall in different years and the record gives no"
            " volume or issue; the year is that of the e-publication"
        )
        record.warn("dates", message, f"publicationDate={published}", f"EPubDate={epub}")
    if issue is not None and year_of(published) not in (None, issue):
        message = "the issue's year and the publication date disagree; the issue's is used"
        record.warn("year", message, f"year={issue}", f"publicationDate={published}")
    return Dates(published=published, epub=epub), year


def _date(record: Record, key: str) -> str | None:
    """The ISO form of the date under ``key``; one that is not a date is a warning."""
    raw = record.string(key)
    iso = iso_date(raw)
    if raw is not None and iso is None:
        record.warn("dates", f"{key} is not a date", raw)
    return iso


def _date_parts(value: Any) -> str | None:
    """A Crossref date, ``{"date-parts": [[2024, 2, 1]]}``, in ISO form ("2024-02-01", "2024-02", "2024")."""
    parts = value.get("date-parts") if isinstance(value, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    numbers = [int(part) for part in first[:3] if isinstance(part, int) or (isinstance(part, str) and part.isdigit())]
    if not numbers:
        return None
    return iso_date("-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])]))


def _issue_year(record: Record, issue_year: str | None) -> int | None:
    """The year of the issue the record prints the paper in: the journal's ``year`` ("2024"), else the year
    of Crossref's ``journal-issue.published-print``."""
    year = year_of(iso_date(issue_year))
    if year is None:
        issue = record.get("journal-issue")
        year = year_of(_date_parts(issue.get("published-print"))) if isinstance(issue, dict) else None
    return year
