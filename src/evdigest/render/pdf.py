"""Print-ready PDFs: one summary per entry and edition, and the whole digest.

WeasyPrint is imported only when a document is laid out (never at ``import
evdigest``).  See :mod:`.pdf_digest` for how the digest is assembled from cached
parts, :mod:`.pdf_pool` for the parallel summaries and :mod:`.pdf_print` for
print-shop copies.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..config import Config
from ..model import Digest, Entry
from .pdf_docs import Documents, TocItem
from .pdf_fonts import check_fonts
from .pdf_labels import labels
from .pdf_pool import render_all
from .pdf_print import print_copies
from .pdf_templates import template_files as _template_files
from .pdf_view import EntryView

if TYPE_CHECKING:
    from .pdf_engine import Engine

__all__ = ["PdfRenderer", "check_fonts", "print_copies", "render_all", "template_files"]

PARTS_DIR = "pdf-parts"
OVERLAY_MEMO = 32


@dataclass(frozen=True, slots=True)
class Part:
    """Laid-out pages without footers: PDF bytes and their page count."""

    data: bytes
    pages: int


def template_files() -> list[Path]:
    """The print templates and stylesheets (the built-in ones) the PDFs depend on."""
    return _template_files()


class PdfRenderer:
    """Render the PDFs of one digest; keep one instance per process to reuse fonts and stylesheets."""

    def __init__(self, config: Config, digest: Digest, parts_dir: Path | None | bool = True) -> None:
        """``parts_dir``: where summaries store their pages for the digest to reuse.

        By default the build cache's PDF folder (``<output>/.cache/chunks/pdf``, the
        folder whose staged copy the build hands to :meth:`digest_pdf`); ``None``
        stores nothing.  Parts are named by a hash of their HTML and stylesheets,
        so a stale or foreign part is never picked up.
        """
        self.config = config
        self.digest = digest
        if parts_dir is True:
            parts_dir = config.output_dir / ".cache" / "chunks" / "pdf"
        self.parts_dir: Path | None = parts_dir or None
        self.docs = Documents(config, digest)
        self.refusals: list[str] = []
        self._engine: Engine | None = None
        self._overlays: dict[tuple[str, int, bool], bytes] = {}
        self._style_key: str | None = None
        self._used_parts: set[Path] = set()

    @property
    def engine(self) -> Engine:
        """The WeasyPrint engine, created (and WeasyPrint imported) on first use."""
        if self._engine is None:
            from .pdf_engine import Engine

            self._engine = Engine(self.config)
        return self._engine

    def style_key(self) -> str:
        """Hash of everything besides the HTML that changes a laid-out part."""
        if self._style_key is None:
            digest = hashlib.sha256()
            for path in self.template_files():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
            version = importlib.metadata.version("weasyprint")
            digest.update(f"{version}\0{__version__}\0{self.config.pdf.variant}".encode())
            self._style_key = digest.hexdigest()
        return self._style_key

    def _render(self, html: str, label: str, *, overlay: bool = False) -> Part:
        rendered = self.engine.render(html, overlay=overlay)
        for url in self.engine.take_refused():
            self.refusals.append(f"{label}: refused to fetch {url[:200]}")
        return Part(rendered.data, rendered.pages)

    def _cached(self, html: str, label: str, cache_dir: Path | None, edition: str) -> Part:
        """Lay out ``html``, or read the part laid out earlier from the same HTML and stylesheets."""
        if cache_dir is None:
            return self._render(html, label)
        key = hashlib.sha256((self.style_key() + "\0" + html).encode()).hexdigest()[:40]
        folder = cache_dir / PARTS_DIR / edition
        hits = sorted(folder.glob(f"{key}.*.pdf")) if folder.is_dir() else []
        if hits:
            self._used_parts.add(hits[0])
            return Part(hits[0].read_bytes(), int(hits[0].name.split(".")[1]))
        part = self._render(html, label)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{key}.{part.pages}.pdf"
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(part.data)
        tmp.replace(target)
        self._used_parts.add(target)
        return part

    def prune_parts(self, cache_dir: Path, edition: str) -> int:
        """Delete the cached parts of ``edition`` this renderer did not use; return how many."""
        folder = cache_dir / PARTS_DIR / edition
        stale = [p for p in folder.glob("*.pdf") if p not in self._used_parts] if folder.is_dir() else []
        for path in stale:
            path.unlink()
        return len(stale)

    def entry_part(self, entry: Entry, edition: str, cache_dir: Path | None = None) -> tuple[EntryView, Part]:
        """The view of ``entry`` and its pages without footers (shared by the summary and the digest)."""
        view, html = self.docs.entry_html(entry, edition)
        return view, self._cached(html, f"{entry.source} ({edition})", cache_dir, edition)

    def overlay(self, edition: str, total: int, *, skip_first: bool = False) -> bytes:
        """Footer pages for a document of ``total`` pages (memoised: one layout per length)."""
        key = (edition, total, skip_first)
        if key not in self._overlays:
            if len(self._overlays) >= OVERLAY_MEMO:
                self._overlays.pop(next(iter(self._overlays)))
            html = self.docs.overlay_html(edition, total, skip_first=skip_first)
            self._overlays[key] = self._render(html, f"footers ({edition})", overlay=True).data
        return self._overlays[key]

    def entry_pdf(self, entry: Entry, edition: str, cache_dir: Path | None = None) -> bytes:
        """The summary PDF of ``entry`` in ``edition`` (``pdf/<slug>.<edition>.pdf``)."""
        from .pdf_merge import stamp_bytes

        _, part = self.entry_part(entry, edition, cache_dir or self.parts_dir)
        return stamp_bytes(part.data, self.overlay(edition, part.pages), self.config.pdf.variant)

    def front_part(self, edition: str, toc: list[TocItem], cache_dir: Path | None) -> Part:
        """Cover and contents of the digest, laid out for the given contents lines."""
        return self._cached(self.docs.front_html(edition, toc), f"digest front matter ({edition})", cache_dir, edition)

    def back_parts(self, edition: str, cache_dir: Path | None) -> list[tuple[str, Part]]:
        """Reference index and glossary of the digest, each with its contents title."""
        words = labels(edition)
        parts = []
        for title, html in (
            (words["reference_index"], self.docs.index_html(edition)),
            (words["glossary"], self.docs.glossary_html(edition)),
        ):
            if html is not None:
                parts.append((title, self._cached(html, f"digest {title} ({edition})", cache_dir, edition)))
        return parts

    def template_files(self) -> list[Path]:
        """The print templates and stylesheets this renderer uses (overrides included)."""
        return _template_files(self.config)

    def digest_pdf(self, edition: str, cache_dir: Path | None = None) -> bytes:
        """The digest of ``edition`` (``pdf/digest-<edition>.pdf``); with ``cache_dir`` unchanged entries are reused."""
        from .pdf_digest import build_digest

        return build_digest(self, edition, cache_dir)
