"""The date an entry is dated by, for its citation record and its slug alike.

A paper printed in an issue is dated by its publication year.  One with no publication year yet (a preprint,
an article online ahead of print) is dated by the first of its publication, electronic publication and
online dates it gives (a ChinaXiv preprint's online date is the month it was posted): its citation record is
issued then (:func:`evdigest.refs.record.issued`), so its citation key holds that year, and its slug holds
the same year (:func:`evdigest.sources.slug.readable_base`).  Received and accepted dates date no paper.
"""

from __future__ import annotations

import re

from .model import Entry

# An ISO date's leading parts: "2025-03-11", "2025-03", "2025"
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def issue_dates(entry: Entry) -> tuple[str | None, ...]:
    """The dates an entry may be dated by, the first to use first: published, electronic, online."""
    return entry.dates.published, entry.dates.epub, entry.dates.online


def dated_year(entry: Entry) -> int | None:
    """The entry's publication year, else the year of the first of :func:`issue_dates` it gives, else ``None``."""
    if entry.year:
        return entry.year
    for iso in issue_dates(entry):
        match = ISO_DATE_RE.match(iso or "")
        if match:
            return int(match.group(1))
    return None
