"""Print-ready PDFs: one summary per entry and edition, and the whole digest.

WeasyPrint is imported only when a document is laid out (never at ``import
evdigest``).  See :mod:`.pdf_digest` for how the digest is assembled from cached
parts, :mod:`.pdf_pool` for the parallel summaries and :mod:`.pdf_print` for
print-shop copies.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import importlib.metadata
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Digest, Entry
from ..version import code_version
from .pdf_docs import BackDocument, Documents, TocItem
from .pdf_fonts import check_fonts
from .pdf_labels import labels
from .pdf_parts import Part, PartStore, input_key
from .pdf_pool import render_all
from .pdf_print import print_copies
from .pdf_templates import template_files as _template_files
from .pdf_view import Text

if TYPE_CHECKING:
    from .pdf_digest import Built
    from .pdf_engine import Engine

__all__ = ["BackDocument", "Part", "PdfRenderer", "check_fonts", "print_copies", "render_all", "template_files"]

OVERLAY_MEMO = 32
OVERLAY_CHUNK = 200
"""Footer pages laid out per document."""
INDEX_CHUNK = 400
"""Works of the digest's reference index laid out per document."""
GLOSSARY_CHUNK = 600
"""Terms of the digest's glossary laid out per document."""


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
        self._config_key: str | None = None
        self.store = PartStore()
        self.jobs = os.cpu_count() or 1
        """How many processes :meth:`digest_pdf` may fork to make the editions' digests."""
        self._digests: dict[tuple[str, Path | None], Built] = {}
        self._entry_hashes: dict[str, str] = {}
        self._members = {entry.slug: entry for entry in digest.entries}
        self._last_hash: tuple[Entry, str] | None = None
        self._prefetched: set[Path] = set()

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
            digest.update(f"{version}\0{code_version()}\0{self.config.pdf.variant}".encode())
            self._style_key = digest.hexdigest()
        return self._style_key

    def _render(self, html: str, label: str, *, overlay: bool = False) -> Part:
        rendered = self.engine.render(html, overlay=overlay)
        for url in self.engine.take_refused():
            self.refusals.append(f"{label}: refused to fetch {url[:200]}")
        return Part(rendered.data, rendered.pages)

    def config_key(self) -> str:
        """Hash of the stylesheets, versions, configuration and phrase dictionary: what every part depends on."""
        if self._config_key is None:
            phrases = self.config.phrases_file
            words = phrases.read_bytes() if phrases is not None and phrases.is_file() else b""
            epoch = os.environ.get("SOURCE_DATE_EPOCH", "")  # the documents' modification date
            # where output goes and how many workers render it change no page
            settings = dataclasses.replace(self.config, output_dir=Path("."), jobs=0)
            self._config_key = input_key(self.style_key(), repr(settings), words, epoch)
        return self._config_key

    def _cached(
        self,
        key: str,
        html: Callable[[], str],
        label: str,
        cache_dir: Path | None,
        edition: str,
        info: Callable[[], dict[str, object]] | None = None,
    ) -> Part:
        """The part stored under ``key``, or ``html()`` laid out (and stored with ``info()``)."""
        if cache_dir is not None:
            hit = self.store.get(cache_dir, edition, key)
            if hit is not None:
                return hit
        part = self._render(html(), label)
        if info is not None:
            part = Part(part.data, part.pages, info())
        if cache_dir is not None:
            # held as its file: a digest lays out thousands of parts before joining them
            return self.store.put(cache_dir, edition, key, part)
        return part

    def prune_parts(self, cache_dir: Path, edition: str) -> int:
        """Delete the cached parts of ``edition`` this renderer did not use; return how many files."""
        return self.store.prune(cache_dir, edition)

    def entry_key(self, entry: Entry, edition: str) -> str:
        """What an entry's pages are laid out from: the entry and the style data of the works it cites."""
        return input_key(self.config_key(), "entry", edition, self.entry_hash(entry))

    def entry_hash(self, entry: Entry) -> str:
        """A hash of the entry and the style data of the works it cites; kept for the digest's own entry
        objects (see :meth:`hash_entries`) and for the entry hashed last (its editions follow one another)."""
        last = self._last_hash
        if last is not None and last[0] is entry:
            return last[1]
        member = self._members.get(entry.slug) is entry
        found = self._entry_hashes.get(entry.slug) if member else None
        if found is None:
            works = self.docs.views.works
            cited = [
                (w.csl, w.et_al, w.editors_et_al) if w else None
                for w in (works.get(r.work_id or "") for r in entry.references)
            ]
            found = input_key(repr(entry), repr(cited))
            if member:
                self._entry_hashes[entry.slug] = found
        self._last_hash = (entry, found)
        return found

    def hash_entries(self) -> None:
        """Hash every entry now (:meth:`entry_hash`): processes forked afterwards find their parts by these
        hashes without reading the entries through, which would copy the memory holding them into each."""
        for entry in self.digest.entries:
            self.entry_hash(entry)

    def entry_part(self, entry: Entry, edition: str, cache_dir: Path | None = None) -> tuple[tuple[Text, ...], Part]:
        """The printed titles of ``entry`` and its pages without footers (shared by the summary and the digest)."""
        built: list[tuple[Text, ...]] = []

        def html() -> str:
            view, text = self.docs.entry_html(entry, edition)
            built.append(view.titles)
            return text

        def info() -> dict[str, object]:
            return {"titles": [[t.lang, t.text] for t in built[0]]}

        key = self.entry_key(entry, edition)
        part = self._cached(key, html, f"{entry.source} ({edition})", cache_dir, edition, info)
        titles = part.info.get("titles") if part.info else None
        if not titles:  # laid out without a cache
            return built[0], part
        return tuple(Text(lang, text) for lang, text in titles), part

    def overlay(self, edition: str, total: int, *, skip_first: bool = False, cache_dir: Path | None = None) -> bytes:
        """Footer pages for a document of ``total`` pages (memoised: one layout per length)."""
        key = (edition, total, skip_first)
        if key not in self._overlays:
            if len(self._overlays) >= OVERLAY_MEMO:
                self._overlays.pop(next(iter(self._overlays)))
            if cache_dir is not None:
                disk_key = input_key(self.config_key(), "overlay", *key)
                hit = self.store.get(cache_dir, edition, disk_key)
                if hit is None:
                    hit = self._footers(edition, total, skip_first)
                    self.store.put(cache_dir, edition, disk_key, hit)
                self._overlays[key] = hit.data
            else:
                self._overlays[key] = self._footers(edition, total, skip_first).data
        return self._overlays[key]

    def _footers(self, edition: str, total: int, skip_first: bool) -> Part:
        """Lay out the footer pages :data:`OVERLAY_CHUNK` at a time and put them together (a layout holds
        all its pages in memory: the footers of a digest of thousands of pages took gigabytes at once)."""
        from .pdf_merge import concatenate

        chunks = []
        for first in range(1, total + 1, OVERLAY_CHUNK):
            numbers = range(first, min(total, first + OVERLAY_CHUNK - 1) + 1)
            html = self.docs.overlay_html(edition, total, skip_first=skip_first, numbers=numbers)
            chunks.append(self._render(html, f"footers ({edition})", overlay=True))
            if total > OVERLAY_CHUNK:
                gc.collect()  # the layout is a web of cycles: free it before the next one
        if len(chunks) == 1:
            return chunks[0]
        return Part(concatenate([c.data for c in chunks]), total)

    def entry_pdf(self, entry: Entry, edition: str, cache_dir: Path | None = None) -> bytes:
        """The summary PDF of ``entry`` in ``edition`` (``pdf/<stem>.<edition>.pdf``, :func:`~.entry_files.entry_stem`)."""
        from .pdf_merge import stamp_bytes

        _, part = self.entry_part(entry, edition, cache_dir or self.parts_dir)
        return stamp_bytes(part.data, self.overlay(edition, part.pages), self.config.pdf.variant)

    def front_part(self, edition: str, toc: list[TocItem], cache_dir: Path | None) -> Part:
        """Cover and contents of the digest, laid out for the given contents lines."""
        html = self.docs.front_html(edition, toc)
        key = input_key(self.config_key(), "front", edition, html)
        return self._cached(key, lambda: html, f"digest front matter ({edition})", cache_dir, edition)

    def _citing_labels(self) -> dict[str, tuple[object, ...]]:
        """What the reference index prints of each citing entry (its label is made from these)."""
        return {e.slug: (e.title, e.authors[:1], len(e.authors) > 1, e.year) for e in self.digest.entries}

    def back_plan(self, edition: str) -> list[BackDocument]:
        """The documents of the reference index and the glossary: a few hundred works or terms each,
        keyed by what they are laid out from (a layout holds all its pages in memory, and the index
        of a digest of a thousand entries runs to hundreds of pages)."""
        words = labels(edition)
        citing = self._citing_labels()
        plan = []
        works = self.digest.works
        for start in range(0, len(works), INDEX_CHUNK):
            chunk = works[start : start + INDEX_CHUNK]
            entries = sorted({c.entry for w in chunk for c in w.cited_by})
            key = input_key(
                self.config_key(), "index", edition, start, repr(chunk), repr([citing.get(s) for s in entries])
            )
            plan.append(BackDocument("index", words["reference_index"], start, len(chunk), key))
        terms = self.docs.glossary(edition)
        for start in range(0, len(terms), GLOSSARY_CHUNK):
            chunk = terms[start : start + GLOSSARY_CHUNK]
            key = input_key(self.config_key(), "glossary", edition, start, repr(chunk))
            plan.append(BackDocument("glossary", words["glossary"], start, len(chunk), key))
        return plan

    def back_parts(self, edition: str, cache_dir: Path | None) -> list[tuple[BackDocument, Part]]:
        """Reference index and glossary of the digest, laid out (or found in ``cache_dir``) part by part."""
        parts = []
        for doc in self.back_plan(edition):

            def html(doc: BackDocument = doc) -> str:
                return self.docs.back_html(doc.kind, edition, doc.start, doc.count)

            label = f"digest {doc.title} {doc.start + 1}–{doc.start + doc.count} ({edition})"
            parts.append((doc, self._cached(doc.key, html, label, cache_dir, edition)))
        return parts

    def template_files(self) -> list[Path]:
        """The print templates and stylesheets this renderer uses (overrides included)."""
        return _template_files(self.config)

    def digest_pdf(self, edition: str, cache_dir: Path | None = None) -> bytes:
        """The digest of ``edition`` (``pdf/digest-<edition>.pdf``); with ``cache_dir`` unchanged entries are reused.

        The first call with a ``cache_dir`` makes the digests of every configured
        edition at once, in up to :attr:`jobs` forked processes, and keeps the
        others for their calls.
        """
        from .pdf_digest import build_digests

        if (edition, cache_dir) not in self._digests:
            editions = [edition]
            prefetch = self.jobs > 1 and cache_dir is not None and cache_dir not in self._prefetched
            if prefetch and edition in self.config.editions:
                self._prefetched.add(cache_dir)
                editions = list(self.config.editions)
            for built in build_digests(self, editions, cache_dir, self.jobs):
                self._digests[(built.edition, cache_dir)] = built
        built = self._digests.pop((edition, cache_dir))
        self.refusals.extend(r for r in built.refusals if r not in self.refusals)
        if built.error is not None:
            raise built.error
        assert built.data is not None
        return built.data
