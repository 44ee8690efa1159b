"""Helpers the export formats share: names, dates, preprint identifiers (citation keys: :mod:`~evdigest.refs.cite_keys`)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..refs.csl_names import name_parts
from ..refs.pages import page_bounds


class Exported(NamedTuple):
    """A CSL item to export and what the reference printed beside it that CSL has no variable for."""

    item: dict[str, Any]
    et_al: bool = False
    """The author list was cut short ("et al." / 等)."""
    editors_et_al: bool = False
    """The editor list was cut short."""


def inverted_name(name: dict[str, Any], *, bibtex: bool = False) -> str:
    """A CSL name as an export format lists it, family name first (:func:`name_parts`): ``Smith, John``; a suffix
    as RIS writes it, after the given names (``King, Martin Luther, Jr``), or as BibTeX's middle part with the
    particle as its von part (``bibtex``: ``King, Jr, Martin Luther``); a part the name lacks is left out
    (``King, Jr``); a literal name whole."""
    family, given = name_parts(name, von=bibtex)
    suffix = "" if "literal" in name else str(name.get("suffix") or "").strip()
    parts = [family, suffix, given] if bibtex else [family, given, suffix]
    return ", ".join(part for part in parts if part)


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


# The CSL types whose number of pages is their length to Zotero's imports (BibTeX ``pages`` of a @book or
# @phdthesis, RIS ``SP`` of BOOK or THES): the pages a book or a thesis is cited at are a note instead
LENGTH_TYPES = frozenset({"book", "thesis"})


def cited_pages_note(item: dict[str, Any], dash: str) -> str | None:
    """The note of the pages a book or a thesis is cited at (``Cited pages: 12-30``, the range joined by
    ``dash``); ``None`` for other types (:data:`LENGTH_TYPES`) and without pages."""
    if str(item.get("type")) not in LENGTH_TYPES or not item.get("page"):
        return None
    first, last = page_bounds(str(item["page"]))
    return f"Cited pages: {first}{dash}{last}" if last else f"Cited pages: {first}"
