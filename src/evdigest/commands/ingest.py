"""``evdigest ingest PATH... [--json | --table] [--content DIR]``: read sources into entries."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build import jobs_count

if TYPE_CHECKING:  # the pipeline is imported when the command runs, not when the CLI starts
    from ..ingest import IngestResult
    from ..model import Entry

HELP = "Read source texts into structured entries; print them as JSON (default) or as a table."

#: Fields counted in the coverage table: (label, how to read it from an entry dict).
COVERAGE: tuple[str, ...] = (
    "title.en",
    "title.zh",
    "authors",
    "affiliations",
    "journal.name",
    "year",
    "volume",
    "issue",
    "pages",
    "article_number",
    "doi",
    "pmid",
    "dates",
    "metrics.impact_factor",
    "urls",
    "abstract.en",
    "abstract.zh",
    "keywords.en",
    "keywords.zh",
    "definitions",
    "sections",
    "tables",
    "figures",
    "references",
    "glossary",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="source files, or folders of them")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON array of entries (the default)")
    output.add_argument(
        "--table", action="store_true", help="print a readable table of entries, field coverage and warnings"
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="content folder: sources are named relative to it, editorial overrides read from DIR/editorial (default: content)",
    )
    parser.add_argument(
        "--jobs", type=jobs_count, default=1, metavar="N", help="read files in N processes (0: one per core; default 1)"
    )


def run(args: argparse.Namespace) -> int:
    """Ingest, print the entries, report failures on stderr; 0 when every file parsed, else 1."""
    from ..ingest import ingest

    result = ingest(args.paths, args.content, jobs=args.jobs)
    if args.table:
        print_table(result)
    else:
        json.dump([entry.to_dict() for entry in result.entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    for notice in result.notices:
        print(notice, file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for failure in result.failures:
        print(str(failure), file=sys.stderr)
    return 0 if result.ok else 1


def field_value(data: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted name in an entry dict (``None`` when absent)."""
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def has_value(value: Any) -> bool:
    """True for a filled value: not None/empty, and a dict with at least one filled member."""
    if isinstance(value, dict):
        return any(has_value(v) for v in value.values())
    return value not in (None, "", [], ())


def print_table(result: IngestResult) -> None:
    """Print entries, field coverage and warnings as rich tables on stdout."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    data = [entry.to_dict() for entry in result.entries]
    entries = Table(title=f"Entries ({len(data)})")
    for column in ("slug", "family", "authors", "year", "journal", "doi", "fields", "warnings"):
        entries.add_column(column, overflow="fold")
    for entry, item in zip(result.entries, data, strict=True):
        filled = sum(has_value(field_value(item, name)) for name in COVERAGE)
        entries.add_row(
            entry.slug,
            entry.family,
            str(len(entry.authors)),
            str(entry.year or "—"),
            entry.journal.name or "—",
            entry.doi or "—",
            f"{filled}/{len(COVERAGE)}",
            str(len(entry.warnings)),
        )
    console.print(entries)
    console.print(_coverage_table(result.entries, data))
    console.print(_warnings_table(result.entries))
    if result.failures:
        console.print(f"[bold red]{len(result.failures)} file(s) failed[/] (details on stderr)")


def _coverage_table(entries: tuple[Entry, ...], data: list[dict[str, Any]]):
    from rich.table import Table

    table = Table(title="Field coverage")
    for column in ("field", "entries", "missing in"):
        table.add_column(column, overflow="fold")
    for name in COVERAGE:
        missing = [
            entry.slug for entry, item in zip(entries, data, strict=True) if not has_value(field_value(item, name))
        ]
        table.add_row(name, f"{len(entries) - len(missing)}/{len(entries)}", ", ".join(missing))
    return table


def _warnings_table(entries: tuple[Entry, ...]):
    from rich.table import Table

    table = Table(title="Warnings")
    for column in ("entry", "field", "message", "values"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        for warning in entry.warnings:
            source = warning.source or entry.source
            where = f"{source}:{warning.line}" if warning.line else source
            table.add_row(f"{entry.slug}\n{where}", warning.field, warning.message, "; ".join(warning.values))
    return table
