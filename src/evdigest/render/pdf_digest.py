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

import dataclasses
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lifetime import end_with
from .pdf_docs import TocItem
from .pdf_merge import OutlineItem, join
from .pdf_pool import RENDER_ERRORS

if TYPE_CHECKING:
    from .pdf import Part, PdfRenderer

_FORKED: dict[str, PdfRenderer] = {}
"""The renderer forked digest workers inherit (set just before the pool starts)."""

MAX_FRONT_PASSES = 4
ENTRIES_PER_TOC_PAGE = 14
SIDE_BY_SIDE_ENTRIES = 500
"""Digests of up to this many entries are made an edition per worker, side by side; larger ones one edition
after another, each in a process of its own that ends with it. A digest worker's memory grows with the
digest (its reference index, contents and the joining of its parts: about 290 MB at 100 entries, 580 MB
at 1000): two of them beside the build process pass 1.2 GB at 1000 entries, and one worker making every
edition keeps what each left behind (near 700 MB)."""


@dataclass(frozen=True, slots=True)
class Section:
    """A run of digest pages with its contents line (none for kind ``more``: pages that carry on the
    section before, laid out apart)."""

    kind: str
    title: str
    lang: str
    sub: str | None
    sub_lang: str | None
    part: Part


def _sections(renderer: PdfRenderer, edition: str, cache_dir: Path | None) -> list[Section]:
    sections: list[Section] = []
    for entry in renderer.digest.entries:
        titles, part = renderer.entry_part(entry, edition, cache_dir)
        sub = titles[1] if len(titles) > 1 else None
        sections.append(Section("entry", titles[0].text, titles[0].lang, sub and sub.text, sub and sub.lang, part))
    for doc, part in renderer.back_parts(edition, cache_dir):
        sections.append(Section("more" if doc.continued else "section", doc.title, "", None, None, part))
    return sections


def _plan(sections: Sequence[Section], front_pages: int) -> list[TocItem]:
    items = []
    page = front_pages + 1
    for section in sections:
        if section.kind != "more":
            items.append(TocItem(section.kind, section.title, section.lang, section.sub, section.sub_lang, page))
        page += section.part.pages
    return items


@dataclass(frozen=True, slots=True)
class Layout:
    """What the digest of one edition is joined from: its parts in order (stored files, or bytes when
    there is no cache), the footers, the outline and the PDF variant."""

    edition: str
    parts: list[bytes | Path]
    overlay: bytes
    outline: list[OutlineItem]
    variant: str | None


def lay_out(renderer: PdfRenderer, edition: str, cache_dir: Path | None) -> Layout:
    """Lay out (or find in ``cache_dir``) front matter, sections and footers of the digest of ``edition``;
    the parts of the edition's cache it did not use are deleted."""
    sections = _sections(renderer, edition, cache_dir)
    lines = sum(s.kind != "more" for s in sections)
    front_pages = 1 + max(1, -(-lines // ENTRIES_PER_TOC_PAGE))
    for _ in range(MAX_FRONT_PASSES):
        toc = _plan(sections, front_pages)
        front = renderer.front_part(edition, toc, cache_dir)
        if front.pages == front_pages:
            break
        front_pages = front.pages
    total = front.pages + sum(s.part.pages for s in sections)
    overlay = renderer.overlay(edition, total, skip_first=True, cache_dir=cache_dir)
    if cache_dir is not None:
        renderer.prune_parts(cache_dir, edition)
    outline = [OutlineItem(item.title, item.page) for item in toc]
    parts = [front.content, *(s.part.content for s in sections)]
    return Layout(edition, parts, overlay, outline, renderer.config.pdf.variant)


def build_digest(renderer: PdfRenderer, edition: str, cache_dir: Path | None) -> bytes:
    """The whole digest of ``edition`` as PDF bytes."""
    layout = lay_out(renderer, edition, cache_dir)
    return join(layout.parts, layout.overlay, layout.outline, layout.variant)


@dataclass(frozen=True, slots=True)
class Built:
    """One edition's digest made in a worker: its bytes or the error, and the refused resources."""

    edition: str
    data: bytes | None
    error: BaseException | None
    refusals: tuple[str, ...]


def _build_in_worker(edition: str, cache_dir: Path | None) -> Built:
    renderer = _FORKED["renderer"]
    try:
        data = build_digest(renderer, edition, cache_dir)
    except RENDER_ERRORS as err:
        return Built(edition, None, err, tuple(renderer.refusals))
    return Built(edition, data, None, tuple(renderer.refusals))


def _lay_out_in_worker(edition: str, cache_dir: Path) -> tuple[Layout | None, Built]:
    """In a forked process: the digest's layout (its parts stored in ``cache_dir``) and what it refused,
    or the error."""
    renderer = _FORKED["renderer"]
    try:
        layout = lay_out(renderer, edition, cache_dir)
    except RENDER_ERRORS as err:
        return None, Built(edition, None, err, tuple(renderer.refusals))
    return layout, Built(edition, None, None, tuple(renderer.refusals))


def _join_in_worker(layout: Layout) -> Built:
    """In a forked process: the digest joined from ``layout``."""
    try:
        data = join(layout.parts, layout.overlay, layout.outline, layout.variant)
    except RENDER_ERRORS as err:
        return Built(layout.edition, None, err, ())
    return Built(layout.edition, data, None, ())


def _pool(workers: int, context: Any) -> ProcessPoolExecutor:
    """Forked workers that end with this process (a killed build leaves none laying out a digest)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=end_with, initargs=(os.getpid(),))


def _one_by_one(editions: Sequence[str], cache_dir: Path | None, context: Any) -> list[Built]:
    """The digests of ``editions`` one after another, each in processes forked for it alone: with a
    cache, one lays out what the digest is joined from (its parts stored) and another joins them (a
    process that laid out the reference index, contents and footers keeps much of that memory, and
    joining would add to it)."""
    built: list[Built] = []
    for edition in editions:
        if cache_dir is None:
            with _pool(1, context) as pool:
                built.append(pool.submit(_build_in_worker, edition, None).result())
            continue
        with _pool(1, context) as pool:
            layout, laid = pool.submit(_lay_out_in_worker, edition, cache_dir).result()
        if layout is None:
            built.append(laid)
            continue
        with _pool(1, context) as pool:
            made = pool.submit(_join_in_worker, layout).result()
        built.append(dataclasses.replace(made, refusals=laid.refusals))
    return built


def build_digests(renderer: PdfRenderer, editions: Sequence[str], cache_dir: Path | None, jobs: int) -> list[Built]:
    """The digests of ``editions``, made by up to ``jobs`` processes forked from this (warm) one.

    Each edition's reference index, glossary, front matter and footers are laid
    out independently, so editions are the unit of work; the entries' pages come
    from the parts cache.  Without ``fork`` (or with one job) they are made here, one after another;
    a digest of more than :data:`SIDE_BY_SIDE_ENTRIES` entries is made edition after edition, each by
    processes forked for it alone (whose memory goes back to the system when they end, see :func:`_one_by_one`).
    """
    if jobs <= 1 or len(editions) < 2 or not sys.platform.startswith("linux"):
        _FORKED["renderer"] = renderer
        return [_build_in_worker(edition, cache_dir) for edition in editions]
    _FORKED["renderer"] = renderer
    renderer.hash_entries()  # here, not in each forked process (see PdfRenderer.hash_entries)
    context = multiprocessing.get_context("fork")
    if len(renderer.digest.entries) > SIDE_BY_SIDE_ENTRIES:
        return _one_by_one(editions, cache_dir, context)
    with _pool(min(jobs, len(editions)), context) as pool:
        return list(pool.map(_build_in_worker, editions, [cache_dir] * len(editions)))
