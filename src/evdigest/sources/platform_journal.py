"""The journal of a ``platform-record``: its name and ISSN, the volume, issue, pages or article number, and
the year of the issue.

They are read from the ``journal`` object of the outer record, else from that of ``resultStr`` (a journal
given as text is its name), the name and ISSN else from the record's ``PeriodicalName`` and ``ISSN``.  A volume,
issue or pages of spaces only is missing, with a warning.  Pages that are an article number ("e12404",
"106512") are the ``article_number``, by the rule of ``pubmed-cn``.
"""

from __future__ import annotations

from typing import Any

from ..model import Journal
from .fields import is_article_number, normalize_pages
from .platform_json import Record, json_text


def record_journal(record: Record) -> tuple[Journal, str | None, str | None, str | None, str | None]:
    """The journal, volume, issue, pages and article number; the record's ``pages`` is an article
    number ("e12404", "106512") by the rule the ``pubmed-cn`` family reads its citations with.

    Each value is the outer record's, else that of ``resultStr`` (a blank value counts as missing).
    """
    blocks = _journal_blocks(record)
    values: dict[str, str | None] = {}
    for key in ("volume", "issue", "pages"):
        values[key] = _journal_value(blocks, key)
        blank = _blank_value(blocks, key)
        if values[key] is None and blank is not None:
            record.warn(f"{key}", f"the record's journal {key} is blank", repr(blank))
    journal_name = _journal_value(blocks, "name") or record.string("PeriodicalName")
    if journal_name is None:
        record.warn("journal.name", "the record gives no journal name")
    journal = Journal(name=journal_name, issn=_journal_value(blocks, "issn") or record.string("ISSN"))
    pages = normalize_pages(values["pages"])
    if pages and is_article_number(pages):
        return journal, values["volume"], values["issue"], None, pages
    return journal, values["volume"], values["issue"], pages, None


def _journal_blocks(record: Record) -> list[dict[str, Any]]:
    """The ``journal`` objects of the outer record and of ``resultStr``, in that order; a journal
    given as text is an object with that name."""
    blocks = []
    for source in (record.outer, record.inner):
        block = source.get("journal")
        if isinstance(block, dict):
            blocks.append(block)
        elif block is not None:
            blocks.append({"name": block})
    return blocks


def _journal_value(blocks: list[dict[str, Any]], key: str) -> str | None:
    """The first of the journal objects' ``key`` values that is text (or a number) and not blank."""
    return next((text for text in (json_text(block.get(key)) for block in blocks) if text), None)


def _blank_value(blocks: list[dict[str, Any]], key: str) -> str | None:
    """The first of the journal objects' ``key`` values that is spaces only (``"volume": " "``)."""
    return next((raw for raw in (block.get(key) for block in blocks) if isinstance(raw, str) and raw.isspace()), None)


def issue_year(record: Record) -> str | None:
    """The ``year`` of the record's journal object (the year of the issue), as printed."""
    return _journal_value(_journal_blocks(record), "year")
