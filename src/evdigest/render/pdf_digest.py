"""The digest as one PDF, assembled from cached parts.

Each entry's pages are laid out alone (a *part*, cached under a hash of its
HTML and the stylesheets); the parts carry no page numbers, so a part never
changes because another entry grew.  Front matter (cover and contents) is laid
out from the parts' page counts, the footers ("page X of Y" and the digest's
name) are one overlay document stamped onto every page, and the outline is
rebuilt from the same list as the contents.  A rebuild after one changed entry
lays out that entry, the front matter and the footers only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .pdf_docs import TocItem
from .pdf_merge import OutlineItem, join

if TYPE_CHECKING:
    from .pdf import Part, PdfRenderer

MAX_FRONT_PASSES = 4
ENTRIES_PER_TOC_PAGE = 14


@dataclass(frozen=True, slots=True)
class Section:
    """A run of digest pages with its contents line."""

    kind: str
    title: str
    lang: str
    sub: str | None
    sub_lang: str | None
    part: Part


def _sections(renderer: PdfRenderer, edition: str, cache_dir: Path | None) -> list[Section]:
    sections: list[Section] = []
    for entry in renderer.digest.entries:
        view, part = renderer.entry_part(entry, edition, cache_dir)
        sub = view.titles[1] if len(view.titles) > 1 else None
        sections.append(
            Section("entry", view.titles[0].text, view.titles[0].lang, sub and sub.text, sub and sub.lang, part)
        )
    for title, part in renderer.back_parts(edition, cache_dir):
        sections.append(Section("section", title, "", None, None, part))
    return sections


def _plan(sections: Sequence[Section], front_pages: int) -> list[TocItem]:
    items = []
    page = front_pages + 1
    for section in sections:
        items.append(TocItem(section.kind, section.title, section.lang, section.sub, section.sub_lang, page))
        page += section.part.pages
    return items


def build_digest(renderer: PdfRenderer, edition: str, cache_dir: Path | None) -> bytes:
    """The whole digest of ``edition`` as PDF bytes."""
    sections = _sections(renderer, edition, cache_dir)
    front_pages = 1 + max(1, -(-len(sections) // ENTRIES_PER_TOC_PAGE))
    for _ in range(MAX_FRONT_PASSES):
        toc = _plan(sections, front_pages)
        front = renderer.front_part(edition, toc, cache_dir)
        if front.pages == front_pages:
            break
        front_pages = front.pages
    total = front.pages + sum(s.part.pages for s in sections)
    overlay = renderer.overlay(edition, total, skip_first=True)
    outline = [OutlineItem(item.title, item.page) for item in toc]
    parts = [front.data, *(s.part.data for s in sections)]
    data = join(parts, overlay, outline, renderer.config.pdf.variant)
    if cache_dir is not None:
        renderer.prune_parts(cache_dir, edition)
    return data
