"""The reference quality report printed by ``invoke refs``.

For each entry: how many of its references parsed fully, partly or not at
all, and which ones did not parse fully (number, what is missing, the string
as printed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from evdigest.model import Entry
from evdigest.refs.parse import ParsedReference, parse_reference

STATUSES = ("full", "partial", "failed")
_RAW_WIDTH = 110


@dataclass(frozen=True)
class Flagged:
    """One reference that did not parse fully."""

    number: int
    status: str
    problems: tuple[str, ...]
    raw: str


@dataclass
class EntryQuality:
    """Parse counts of one entry's references and the ones that need a look."""

    slug: str
    counts: Counter[str] = field(default_factory=Counter)
    flagged: list[Flagged] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many references the entry lists."""
        return sum(self.counts.values())


def entry_quality(entry: Entry, parser: Callable[[str], ParsedReference] = parse_reference) -> EntryQuality:
    """Parse every reference of ``entry`` and count full / partial / failed ones."""
    quality = EntryQuality(entry.slug)
    for reference in entry.references:
        parsed = parser(reference.raw)
        quality.counts[parsed.status] += 1
        if parsed.status != "full":
            quality.flagged.append(Flagged(reference.number, parsed.status, parsed.problems, reference.raw))
    return quality


def quality_report(entries: Iterable[Entry], parser: Callable[[str], ParsedReference] = parse_reference) -> str:
    """Plain-text report: per entry the counts, then each partial or failed reference."""
    lines = ["Reference parsing"]
    totals: Counter[str] = Counter()
    for entry in entries:
        quality = entry_quality(entry, parser)
        totals.update(quality.counts)
        lines.append(f"{quality.slug}: {quality.total} references, {_counts(quality.counts)}")
        for item in quality.flagged:
            raw = item.raw if len(item.raw) <= _RAW_WIDTH else item.raw[: _RAW_WIDTH - 1] + "…"
            lines.append(f"  [{item.number}] {item.status}: {'; '.join(item.problems) or 'unread'}")
            lines.append(f"      {raw}")
    lines.append(f"all entries: {sum(totals.values())} references, {_counts(totals)}")
    return "\n".join(lines)


def _counts(counts: Counter[str]) -> str:
    """``90 full, 2 partial, 0 failed``."""
    return ", ".join(f"{counts.get(status, 0)} {status}" for status in STATUSES)
