"""The real stages: ingest, enrichment, the site, the PDFs, the exports and ``data/``.

Each renderer module is imported only when its renderer is used, so that a
build without PDFs never imports WeasyPrint.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from ..config import Config, config_fingerprint
from ..hashing import StoredFile, value_bytes
from ..model import Digest, Entry, Work, json_lines_array, to_json
from .cache import KeyedMemo, PlacedLines, combine, hash_json, sha256_bytes
from .stages import IngestOutcome, Memo, Renderer, SiteFiles

FORMAT_AHEAD = 100
"""From how many entries to render the site's references are formatted before the workers start (see
:meth:`SiteHtml.before_render`); a few changed entries' references are formatted as their pages are."""


def files_fingerprint(files: Sequence[Path]) -> str:
    """A hash of the names and bytes of ``files``."""
    parts = [f"{p}\0{sha256_bytes(p.read_bytes())}" for p in sorted(set(files)) if p.is_file()]
    return sha256_bytes("\n".join(parts).encode("utf-8"))


def entries_json(
    entries: Sequence[Entry], memo: KeyedMemo | PlacedLines | None = None, keys: Mapping[str, str] | None = None
) -> bytes:
    """``data/entries.json``: every entry (``Entry.to_dict()``) sorted by slug, as a UTF-8 JSON array with
    one entry per line; an entry whose key (``keys``) is unchanged takes its line from ``memo``."""
    return b"".join(entries_json_chunks(entries, memo, keys))


def entries_json_chunks(
    entries: Sequence[Entry], memo: KeyedMemo | PlacedLines | None = None, keys: Mapping[str, str] | None = None
) -> Iterator[bytes]:
    """:func:`entries_json` line by line (a large digest's file runs to tens of megabytes)."""

    def lines() -> Iterator[bytes]:
        for entry in sorted(entries, key=lambda e: e.slug):
            key = keys.get(entry.slug) if keys else None
            line = memo.get(entry.slug, key) if memo is not None and key else None
            if line is None:
                line = to_json(entry, ensure_ascii=False).encode("utf-8")
                if memo is not None and key:
                    memo.put(entry.slug, key, line)
            yield line

    return json_lines_array(lines())


def references_json_chunks(
    works: Sequence[Work], memo: KeyedMemo | PlacedLines | None = None, keys: Mapping[str, str] | None = None
) -> Iterator[bytes]:
    """``data/references.json`` (:func:`evdigest.refs.index.references_json`) line by line, ``works`` in
    index order (a digest's); a work whose key (``keys``, made with the code's version; without one, a
    hash of its value and the code's version) is unchanged takes its line from ``memo``."""
    from ..refs import index

    if memo is None:
        return index.references_json_chunks(works, ordered=True)

    def line(work: Work) -> bytes:
        key = (keys or {}).get(work.id) or combine(sha256_bytes(value_bytes(work)))
        found = memo.get(work.id, key)
        if found is None:
            found = index.work_json(work).encode("utf-8")
            memo.put(work.id, key, found)
        return found

    return index.references_json_chunks(works, line, ordered=True)  # a digest's works are in index order


class SiteHtml:
    """The static site's pages (:class:`evdigest.render.site.SiteRenderer`)."""

    name = "html"
    parallel = True
    chunked = True
    aggregates_apart = True
    """The aggregate pages are made in a process of their own (see :meth:`evdigest.build.engine.Writer._aggregates`)."""

    def __init__(self, config: Config, digest: Digest) -> None:
        from ..render.site import SiteRenderer

        self.site = SiteRenderer(config, digest)
        self._fingerprint: str | None = None
        self.entry_keys: dict[str, str] = {}
        """Each entry's key (set by the engine): its Traditional conversion is kept across builds under it."""
        self.work_keys: dict[str, str] = {}
        """Each work's key (set by the engine): its reference-index rows are kept across builds under it."""
        self.blob_exists: Callable[[str], bool] | None = None
        """Whether the build's blob store holds a hash (set by the engine): kept letter pages are named by it."""
        self.blob_read: Callable[[str], bytes] | None = None
        """The bytes the build's blob store holds under a hash (set by the engine): a kept reference-index
        row is read from the letter page it was last shown on."""
        self._cache_dir: Path | None = None
        self.beside: Any = None
        """Makes part of the aggregate pages in another process (set by the engine), or None."""
        self.split: Any = None
        """Shares work out among the build's jobs (set by the engine, a :class:`~evdigest.build.split.Split`),
        or None: one job."""
        self._site_files: SiteFiles | None = None

    @property
    def site_files(self) -> SiteFiles | None:
        """What the new site will hold of the other renderers' files (set by the engine): the pages link the
        PDFs and exports it holds and no others."""
        return self._site_files

    @site_files.setter
    def site_files(self, files: SiteFiles) -> None:
        self._site_files = files
        self.site.holds = functools.partial(_site_holds, files)

    def links(self, entry: Entry | None) -> str:
        """The PDFs and exports the pages of ``entry`` (``None``: the aggregate pages) link, as a key of the
        pages."""
        return "\n".join(self.site.linked_files(entry))

    @property
    def cache_dir(self) -> Path | None:
        """This renderer's cache folder in the build (set by the engine): the templates compiled by one
        build are kept there for the next."""
        return self._cache_dir

    @cache_dir.setter
    def cache_dir(self, folder: Path) -> None:
        self._cache_dir = folder
        self.site.keep_compiled(folder / "jinja")

    def fingerprint(self) -> str:
        """A hash of what this renderer's output depends on besides entries and configuration
        (the template files, read once per build)."""
        if self._fingerprint is None:
            self._fingerprint = files_fingerprint(self.site.template_files())
        return self._fingerprint

    def before_render(self, todo: Sequence[Entry]) -> None:
        """Before worker processes are forked to render the pages of ``todo``: when they are many, format
        the references those pages and the reference index show, shared out among the build's jobs
        (:meth:`~evdigest.render.site.SiteRenderer.references_to_format`). Each is then formatted once in
        the build; the workers and the process making the aggregate pages inherit them."""
        if self.split is None or len(todo) < FORMAT_AHEAD:
            return
        from ..refs import format_cache

        found = self.site.references_to_format(todo)
        self.site.adopt_formatted(found, self.split(self.site.format_references, found, "formatting references"))
        format_cache.active_store().drain()  # kept here and saved; not for the workers to send back

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        """The files of one entry by site path."""
        return self.site.entry_pages(entry)

    def drain_byproducts(self) -> Any:
        """What rendering entry pages made that the aggregate pages use (the entries' Traditional listings,
        see :meth:`~evdigest.render.site.SiteRenderer.take_listings`), taken out: a worker sends it back."""
        return self.site.take_listings() or None

    def adopt_byproducts(self, made: Any) -> None:
        """Keep what a worker's :meth:`drain_byproducts` gave, for the aggregate pages."""
        self.site.listings_made.update(made)

    def aggregate_outputs(self, cache_dir: Path) -> Iterator[tuple[str, bytes | StoredFile]]:
        """The files that depend on the whole digest, ``(site path, content)`` one at a time."""
        from ..render.site import release_caches

        self.site.hant_memo = KeyedMemo(cache_dir / "hant-listings.pickle", compress=True)
        self.site.work_memo = KeyedMemo(cache_dir / "work-row-places.pickle")
        self.site.page_memo = KeyedMemo(cache_dir / "aggregate-pages.pickle", compress=True)
        self.site.key_memo = KeyedMemo(cache_dir / "work-keys.pickle")
        self.site.card_memo = KeyedMemo(cache_dir / "home-cards.pickle", compress=True)
        for earlier in ("reference-pages.pickle", "hant-entries.pickle", "work-rows.pickle"):  # earlier forms
            (cache_dir / earlier).unlink(missing_ok=True)
        self.site.entry_keys = self.entry_keys
        self.site.work_keys = self.work_keys
        self.site.blob_exists = self.blob_exists
        self.site.blob_read = self.blob_read
        self.site.beside = self.beside
        # templates, settings and the code: kept rows and pages made by other code are not reused
        self.site.layout_key = combine(self.fingerprint(), hash_json(config_fingerprint(self.site.config)))
        yield from self.site.aggregate_pages()
        memos = (self.site.hant_memo, self.site.work_memo, self.site.page_memo, self.site.key_memo, self.site.card_memo)
        for memo in memos:
            memo.save()
        self.site.hant_memo = self.site.work_memo = self.site.page_memo = self.site.key_memo = None
        self.site.card_memo = None  # large: not kept past this step
        release_caches()

    def reports(self) -> dict[str, str]:
        """Reports for ``reports/`` by file name."""
        report = self.site.conversion_report()
        return {"hant-conversion.txt": report} if report else {}


class PdfFiles:
    """Per-entry summaries and the digest per edition (:class:`evdigest.render.pdf.PdfRenderer`).

    Summaries and the digest share laid-out parts through ``cache_dir`` (set by the
    engine), so that the digest re-lays-out only the entries that changed.
    """

    name = "pdf"
    parallel = True
    collect_garbage = True

    def __init__(self, config: Config, digest: Digest) -> None:
        from ..render.pdf import PdfRenderer

        self.config = config
        self.pdf = PdfRenderer(config, digest)
        self.pdf.jobs = config.jobs or self.pdf.jobs
        self.cache_dir: Path | None = None
        self.refused: list[str] = []

    def fingerprint(self) -> str:
        """A hash of what this renderer's output depends on besides entries and configuration."""
        return self.pdf.style_key()

    def before_render(self, todo: Sequence[Entry]) -> None:
        """Check the fonts and load WeasyPrint once, before worker processes are forked."""
        from ..render.pdf import check_fonts

        check_fonts()
        _ = self.pdf.engine

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        """The files of one entry by site path."""
        from ..render.entry_files import entry_pdf_file, entry_stem

        stem = entry_stem(entry)
        return {
            entry_pdf_file(stem, code): self.pdf.entry_pdf(entry, code, self.cache_dir) for code in self.config.editions
        }

    def aggregate_outputs(self, cache_dir: Path) -> dict[str, bytes]:
        """The files that depend on the whole digest, by site path."""
        return {f"pdf/digest-{code}.pdf": self.pdf.digest_pdf(code, cache_dir) for code in self.config.editions}

    def drain_notes(self) -> list[str]:
        """URL fetches the PDF engine refused since the last call (for the build report), then forgotten."""
        notes = [f"pdf: {message}" for message in self.pdf.refusals]
        self.refused += self.pdf.refusals
        self.pdf.refusals.clear()
        return notes

    def reports(self) -> dict[str, str]:
        """Reports for ``reports/`` by file name."""
        refused = "\n".join([*self.refused, *self.pdf.refusals])
        return {"pdf-refused.txt": refused + "\n"} if refused else {}


class ExportFiles:
    """BibTeX, RIS and CSL-JSON of each entry and of the whole reference index (:mod:`evdigest.export`)."""

    name = "exports"
    parallel = True
    chunked = True
    aggregates_apart = True

    def __init__(self, digest: Digest) -> None:
        self.works = digest.works
        self.by_id = {work.id: work for work in digest.works}
        """The works by id: an entry's reference list exports the works it cites, as the index's files do."""
        self.work_keys: dict[str, str] = {}
        """Each work's key (set by the engine): a work's records are kept across builds under it."""
        from ..export import own_keys
        from ..refs.cite_keys import base_key
        from ..refs.record import entry_to_csl

        self.own_keys = own_keys(digest.entries, digest.works)
        """The citation key of each review's own record, unique across the digest."""
        self.shared = {
            slug: key
            for entry in digest.entries
            if (key := self.own_keys[(slug := entry.slug)]) != base_key(entry_to_csl(entry))
        }
        """The keys a letter tells from another review's: what an entry's own files hold besides the entry."""

    def fingerprint(self) -> str:
        """A hash of what this renderer's output depends on besides entries and configuration: the own records'
        keys that another review's shares, since a review added or gone changes them."""
        return combine("exports", hash_json(self.shared)) if self.shared else "exports"

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        """The files of one entry by site path."""
        from ..export import entry_exports

        files = entry_exports(entry, self.by_id, self.own_keys.get(entry.slug))
        return {f"export/{name}": data for name, data in files.items()}

    def aggregate_outputs(self, cache_dir: Path) -> dict[str, bytes]:
        """The files that depend on the whole digest, by site path."""
        from ..export import index_exports

        memo = KeyedMemo(cache_dir / "index-records.pickle")
        files = {
            f"export/{name}": data
            for name, data in index_exports(self.works, memo, self.work_keys, ordered=True).items()
        }
        memo.save()
        return files

    def reports(self) -> dict[str, str]:
        """Reports for ``reports/`` by file name."""
        return {}


class DataFiles:
    """``data/entries.json`` and ``data/references.json``."""

    name = "data"
    parallel = False
    per_entry = False
    aggregates_apart = True

    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self.entry_keys: dict[str, str] = {}
        """Each entry's key (set by the engine): an entry's JSON is kept across builds under it."""
        self.work_keys: dict[str, str] = {}
        """Each work's key (set by the engine): a work's JSON is kept across builds under it."""
        self.store_chunks: Callable[[Iterable[bytes]], str] | None = None
        """Stores a file given in chunks in the build's blob store and returns its hash (set by the engine);
        without it, no line is kept for the next build."""
        self.blob_path: Callable[[str], Path] | None = None
        """Where the build's blob store holds a hash (set by the engine): kept lines are read from there."""

    def fingerprint(self) -> str:
        """A hash of what this renderer's output depends on besides entries and configuration."""
        return "data"

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        """The files of one entry by site path."""
        return {}

    def aggregate_outputs(self, cache_dir: Path) -> Iterator[tuple[str, Iterator[bytes] | StoredFile]]:
        """The files that depend on the whole digest, ``(site path, chunks)``, or the file stored already
        (with :attr:`store_chunks`); lines of entries and works that did not change come from the last
        build's files."""
        for earlier in ("entries-json.pickle", "entries-json.lines", "references-json.pickle"):  # earlier forms
            (cache_dir / earlier).unlink(missing_ok=True)
        entries = PlacedLines(cache_dir / "entries-json.places", self.blob_path)
        yield (
            "data/entries.json",
            self._stored(entries, entries_json_chunks(self.digest.entries, entries, self.entry_keys)),
        )
        works = PlacedLines(cache_dir / "references-json.places", self.blob_path)
        yield (
            "data/references.json",
            self._stored(works, references_json_chunks(self.digest.works, works, self.work_keys)),
        )

    def _stored(self, lines: PlacedLines, chunks: Iterator[bytes]) -> Iterator[bytes] | StoredFile:
        """The file of ``chunks`` stored, with where its lines are kept for the next build (``lines``); the
        chunks as they are without :attr:`store_chunks`."""
        if self.store_chunks is None:
            return chunks
        sha = self.store_chunks(lines.placed(chunks))
        lines.save(sha)
        return StoredFile(sha)

    def reports(self) -> dict[str, str]:
        """Reports for ``reports/`` by file name."""
        return {}


def _is_data_file(path: Path) -> bool:
    return path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts


def _site_holds(files: SiteFiles, path: str) -> bool:
    """Whether the new site holds the file at site path ``path``: a PDF or an export by what ``files`` says of
    the renderer making its folder, any other file (the site's own) always."""
    owner = {"pdf": PdfFiles.name, "export": ExportFiles.name}.get(path.partition("/")[0])
    return owner is None or files.holds(owner, path)


def _wanted(only: Sequence[str]) -> set[str]:
    """The outputs a build makes: those of ``--only``, every one without it (``data`` is always made)."""
    return set(only) or {"html", "pdf", "exports"}


BLOCK_PREFIX = "\0titles:"
"""Starts the memo key of a block of compared titles (no reference string holds a NUL character)."""
LINKING_PREFIX = "\0index:"
"""Starts the memo key of a reference index made before (:class:`~evdigest.refs.index.Linking`)."""


def _look_up_all(memo: MutableMapping[str, Any]) -> None:
    """Look every key of ``memo`` up: the engine keeps for the next build the results its stage looked up
    (:class:`~evdigest.build.cache.UsedMemo` notes each lookup), so every result ``memo`` holds is kept."""
    for key in list(memo):
        _ = key in memo  # the lookup is what counts, not its answer


def _block_key(titles: Sequence[str], apart: Sequence[bool]) -> str:
    """The memo key of one block's comparison: a hash of its titles and which of them carry a DOI."""
    digest = hashlib.sha256()
    for title, doi in zip(titles, apart, strict=True):
        text = title.encode("utf-8", "surrogatepass")
        digest.update(b"%d %d:" % (doi, len(text)) + text)
    return BLOCK_PREFIX + digest.hexdigest()


def _segmenter_version() -> str:
    import importlib.metadata

    return importlib.metadata.version("jieba")


class RealStages:
    """The project's own stages (see :class:`evdigest.build.stages.Stages`)."""

    def ingest(self, paths: Sequence[Path], content_dir: Path, jobs: int, memo: Memo) -> IngestOutcome:
        """Read and parse ``paths`` with editorial overrides from ``content_dir``; unchanged sources from ``memo``.

        :func:`evdigest.ingest.ingest` runs its per-source step through ``_run``; for the
        duration of the call that step is wrapped so that each source's outcome is
        taken from (or stored in) the memo. The corpus steps always see every source.
        """
        from .. import ingest as ingest_module
        from .. import pinyin
        from ..enrich.glossary import Segmentation, release_tokenizer, segmenting

        original = getattr(ingest_module, "_run", None)
        if original is None:
            return ingest_module.ingest(list(paths), content_dir, jobs=jobs)
        segmenter = _segmenter_version()

        def kept(data: Any) -> Any:
            """Segmentations kept by this version of the segmenter (its dictionary may change with it)."""
            return data[1] if isinstance(data, tuple) and len(data) == 2 and data[0] == segmenter else None

        def earlier(job: Any) -> Any:
            """The job with what the last reading of its source kept: word segmentations and pinyin, each
            made by the version of its library that is installed now."""
            extra = memo.extra(job.path)
            if not isinstance(extra, dict):
                return job
            said = extra.get("pinyin")
            said = said[1] if isinstance(said, tuple) and len(said) == 2 and said[0] == pinyin.version() else None
            return dataclasses.replace(job, segments=kept(extra.get("segments")), pinyin=said)

        def memo_run(work: list[Any], workers: int) -> list[Any]:
            outcomes = [memo.get(job.path) for job in work]
            todo = [earlier(job) for job, o in zip(work, outcomes, strict=True) if o is None]
            fresh = iter(original(todo, workers))
            result = []
            for job, outcome in zip(work, outcomes, strict=True):
                if outcome is None:
                    outcome = next(fresh)
                    extra = {
                        "segments": (segmenter, outcome.segments) if outcome.segments else None,
                        "pinyin": (pinyin.version(), outcome.pinyin) if outcome.pinyin else None,
                    }
                    outcome = dataclasses.replace(outcome, segments=None, pinyin=None)
                    memo.put(job.path, outcome, extra if any(extra.values()) else None)
                result.append(outcome)
            return result

        corpus = Segmentation(kept(memo.shared()))
        ingest_module._run = memo_run
        try:
            with segmenting(corpus):
                result = ingest_module.ingest(list(paths), content_dir, jobs=jobs)
        finally:
            ingest_module._run = original
            release_tokenizer()  # only reading sources segments words; the build holds on to much else
        if corpus.used != corpus.kept:
            memo.put_shared((segmenter, corpus.used))
        return result

    def enrich(self, entries: Sequence[Entry], memo: MutableMapping[str, Any]) -> Digest:
        """The reference index and the corpus glossary; reference strings parsed before, and blocks of
        titles compared before, come from ``memo``, and so does the whole index when the entries print the
        reference strings the last build's did (their citing sentences are the entries' own)."""
        from ..enrich.glossary import corpus_glossary
        from ..refs.index import block_matches, build_index, linking, linking_key, relink

        key = LINKING_PREFIX + linking_key(entries)
        if key in memo:
            _look_up_all(memo)  # the same strings and blocks: every result the memo holds is needed again
            linked, works = relink(entries, memo[key])
            return Digest(tuple(linked), works, tuple(corpus_glossary(linked)))
        from ..refs.parse import parse_reference

        def parse(raw: str) -> Any:
            if raw not in memo:
                memo[raw] = parse_reference(raw)
            return memo[raw]

        def matches(titles: Sequence[str], apart: Sequence[bool]) -> list[tuple[int, int, float]]:
            key = _block_key(titles, apart)
            if key not in memo:
                memo[key] = block_matches(titles, apart)
            return memo[key]

        linked, works = build_index(list(entries), parser=parse, matcher=matches)
        memo[key] = linking(linked, works)
        return Digest(tuple(linked), tuple(works), tuple(corpus_glossary(linked)))

    def template_files(self, config: Config) -> list[Path]:
        """Every file besides Python code that the renderers may read: the project's ``templates/``
        and the package's data files (message catalogs, styles, schemas).

        Used for the whole-build fingerprint only, so it errs on the side of too many files;
        each renderer's own cache key uses exactly its templates. Importing no renderer
        keeps a no-op build fast.
        """
        package = Path(__file__).resolve().parents[1]
        roots = [package.parents[1] / "templates", package]
        files: list[Path] = []
        for root in roots:
            if root.is_dir():
                files += [p for p in root.rglob("*") if p.is_file() and _is_data_file(p)]
        return sorted(files)

    def renderers(self, config: Config, digest: Digest, only: Sequence[str]) -> list[Renderer]:
        """Site, PDFs (when enabled), exports and data, limited to ``only`` (data always)."""
        wanted = _wanted(only)
        found: list[Any] = []
        if "html" in wanted:
            found.append(SiteHtml(config, digest))
        if "exports" in wanted:
            found.append(ExportFiles(digest))
        if "pdf" in wanted and config.pdf.enabled:
            found.append(PdfFiles(config, digest))
        found.append(DataFiles(digest))
        return found

    def search_index(self, site_dir: Path, pages: Sequence[str], dest: str) -> None:
        """Pagefind over ``pages`` of the assembled site, into ``dest``."""
        from ..render.search import build_search_index

        build_search_index(site_dir, pages, dest)
