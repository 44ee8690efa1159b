"""The names of an entry's files, one rule for all of them: its pages, its PDFs, its exports, and so the links
between them, the feeds' and the sitemap's."""

from __future__ import annotations

from ..model import Entry
from .safe import safe_slug
from .urls import page_path

EXPORT_TYPES = (
    ("ris", "application/x-research-info-systems", "download_ris"),
    ("bib", "application/x-bibtex", "download_bib"),
    ("csl.json", "application/vnd.citationstyles.csl+json", "download_csl"),
)
"""The export formats of an entry's own record the pages link: extension, media type, label's message key."""


def entry_stem(entry: Entry) -> str:
    """What every file of ``entry`` is named by: its slug when that is safe as one path segment, else the slug
    made safe (:func:`~.safe.safe_slug`: ``[a-z0-9-]``, so the dots of a slug made from a DOI become hyphens)."""
    return safe_slug(entry.slug, entry.id)


def entry_parts(stem: str) -> tuple[str, str]:
    """Where the page of the entry named ``stem`` is below an edition's folder: ``("entries", stem)``."""
    return ("entries", stem)


def entry_page_file(edition: str, stem: str) -> str:
    """The page of the entry named ``stem`` in ``edition``: ``en/entries/<stem>/index.html``."""
    return page_path(edition, *entry_parts(stem))


def entry_pdf_file(stem: str, edition: str) -> str:
    """The summary PDF of the entry named ``stem`` in ``edition``: ``pdf/<stem>.<edition>.pdf``."""
    return f"pdf/{stem}.{edition}.pdf"


def export_files(stem: str) -> list[tuple[str, str, str]]:
    """The files ``export/<stem>.*`` of an entry's own record, one per export format: site path, media type,
    label's message key."""
    return [(f"export/{stem}.{ext}", mime, key) for ext, mime, key in EXPORT_TYPES]


def reference_list_files(entry: Entry) -> list[tuple[str, str, str]]:
    """The files ``export/<stem>.refs.*`` of an entry's reference list, as :func:`export_files`; none for an
    entry without references, which has no list to export."""
    return export_files(f"{entry_stem(entry)}.refs") if entry.references else []
