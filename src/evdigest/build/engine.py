"""The build: read and enrich everything first, then render what changed, then switch the new site in.

Phase 1 reads every source (unchanged ones from the cache) and enriches the
corpus; with ``strict`` any error or warning stops the build here. Phase 2 runs
each renderer on the entries whose inputs changed (in worker processes), the
aggregate pages when the digest changed, assembles the new site from blobs
beside the old one, indexes it for search and publishes it atomically
(:mod:`evdigest.build.output`). Template, configuration and render failures
publish nothing: the output folder is left as it was.
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import gc
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import pinyin
from ..config import Config, config_fingerprint
from ..errors import BuildError, ConfigError, EvdigestError
from ..hashing import StoredFile
from ..lifetime import worker_started
from ..model import Digest, Entry
from ..paths import real_path
from ..refs import format_cache
from ..render.search import BUNDLE_DIR, SHARD_LISTING, shard_count, shard_listing, shard_of
from ..text import shorten
from . import forked, workpack
from .beside import Beside, Learned, learn, learned_here
from .cache import (
    BlobStore,
    FileHasher,
    UsedMemo,
    collector_paused,
    combine,
    dump_index,
    empty_index,
    hash_json,
    load_index,
    mapped_file,
    referenced_blobs,
    sha256_bytes,
)
from .entry_hashes import Recognition, digest_hashes
from .output import OutputDir, Transaction
from .overlooked import content_notes, subfolder_sources
from .progress import Progress, make_progress
from .report import BuildReport, MemorySample
from .split import Split
from .stages import Renderer, SiteFiles, Stages

RENDER_GROUPS = ("html", "pdf", "exports")
FORMATTED_REFS = "refs"
"""The folder of ``.cache/`` holding formatted references across builds (:mod:`evdigest.refs.format_cache`)."""
PINYIN = "pinyin.pickle"
"""The file of ``.cache/`` holding the pinyin the last build asked for (:mod:`evdigest.pinyin`)."""
SEARCH = "search"


def build(
    config: Config,
    *,
    force: bool = False,
    strict: bool = False,
    jobs: int = 0,
    only: Sequence[str] = (),
    progress: bool | Progress = True,
    stages: Stages | None = None,
    sampler: Callable[[], MemorySample] | None = None,
) -> BuildReport:
    """Build ``config.content_dir`` into ``config.output_dir`` and return what happened.

    ``jobs`` (0: the configuration's, else the number of cores) sets the worker processes;
    ``only`` limits rendering to some of ``html``, ``pdf``, ``exports`` (other outputs are
    carried over from the previous build); ``stages`` replaces the real stages (tests).
    """
    only = check_only(only)
    if stages is None:
        from .renderers import RealStages

        stages = RealStages()
    display = progress if not isinstance(progress, bool) else make_progress(progress)
    report = BuildReport(sampler=sampler)
    workers = jobs or config.jobs or os.cpu_count() or 1
    config = dataclasses.replace(config, jobs=workers)  # renderers that fork read the effective count
    with source_date_epoch(config.source_date_epoch), collector_tuned_for_build():
        Builder(config, stages, report, display, force=force, strict=strict, jobs=workers, only=only).run()
    return report


@contextmanager
def collector_tuned_for_build() -> Iterator[None]:
    """Keep the garbage collector from walking, again and again, objects that live until the build ends.

    The entries, works and caches of a large digest are millions of objects, and every
    full collection walks them all although none of them is garbage before the build ends.
    The build moves them out of the collector's sight (``gc.freeze``) once they are made
    and collects young objects less often (``gc.set_threshold``; what the build throws away
    is freed by reference counting, not by the collector). Both are undone when the build
    returns (the dev server builds again in the same process).
    """
    threshold = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


GC_THRESHOLD = (50_000, 20, 100)
"""The collector's thresholds during a build (Python's defaults: 700, 10, 10)."""


def template_errors() -> tuple[type[Exception], ...]:
    """Jinja2's template error, when Jinja2 was imported (no template can have failed otherwise).

    Looked up lazily so that a no-op build does not import Jinja2.
    """
    jinja2 = sys.modules.get("jinja2")
    return (jinja2.TemplateError,) if jinja2 is not None else ()


def check_only(only: Sequence[str]) -> tuple[str, ...]:
    """Validate ``--only`` values; raises :class:`BuildError` naming an unknown one."""
    names = tuple(dict.fromkeys(n.strip() for n in only if n.strip()))
    unknown = [n for n in names if n not in RENDER_GROUPS]
    if unknown:
        raise BuildError(f"--only: unknown output {unknown[0]!r} (choose from {', '.join(RENDER_GROUPS)})")
    return names


@contextmanager
def source_date_epoch(epoch: int | None) -> Iterator[None]:
    """Export ``SOURCE_DATE_EPOCH`` for the build (renderers, PDF metadata and child processes read it)."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class Inputs:
    """Hashes of everything a build reads, taken before anything is parsed."""

    def __init__(self, config: Config, stages: Stages, hasher: FileHasher, only: tuple[str, ...]) -> None:
        content = config.content_dir
        self.sources = {
            f"sources/{rel}": sha for rel, sha in hasher.tree(content / "sources").items() if "/" not in rel
        }
        if not self.sources:  # a wrong --content, or sources moved away: never publish an empty digest over a site
            found = "is empty" if (content / "sources").is_dir() else "does not exist"
            if subfolder_sources(content / "sources", content):
                found = "holds sources only in subfolders, which are not read (move them into sources/ itself)"
            raise ConfigError(f"{content / 'sources'}: the sources folder {found}; nothing to build")
        self.editorial = hasher.tree(content / "editorial")
        other = hasher.tree(content, skip=("sources", "editorial"))
        extra = {str(p): hasher(p) for p in _extra_files(config)}
        self.config = combine(hash_json(config_fingerprint(config)), hash_json(other), hash_json(extra))
        self.templates = hash_json({str(p): hasher(p) for p in sorted(set(stages.template_files(config)))})
        self.fingerprint = combine(
            self.config, self.templates, hash_json(self.sources), hash_json(self.editorial), ",".join(only)
        )


def _extra_files(config: Config) -> list[Path]:
    """Files outside the content folder that the configuration points to."""
    files: list[Path] = []
    for root in (config.templates_dir, config.phrases_file):
        if root is None or not root.exists() or root.is_relative_to(config.content_dir):
            continue
        files += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return files


class Builder:
    """One run of the build (see :func:`build`)."""

    def __init__(
        self,
        config: Config,
        stages: Stages,
        report: BuildReport,
        progress: Progress,
        *,
        force: bool,
        strict: bool,
        jobs: int,
        only: tuple[str, ...],
    ) -> None:
        self.config = config
        self.stages = stages
        self.report = report
        self.progress = progress
        self.force = force
        self.strict = strict
        self.jobs = jobs
        self.only = only
        self.out = OutputDir(config.output_dir)
        self.originals: dict[str, tuple[str, Any]] = {}
        """Per source read in this build: the blob of its result and the entry in it (see :class:`SourceMemo`)."""
        self.content_notes: list[str] = []
        """What the content folder holds that the build leaves out (see :mod:`.overlooked`): told by every
        build, one with nothing to do too, and not kept with the build's problems."""

    def run(self) -> None:
        """Build, publish, or leave everything as it was."""
        old = load_index(self.out.cache, force=self.force)
        if old.get("cleared"):
            self.report.add("build", "everything", old["cleared"])
            if self.only and "published_outputs" not in old and self.out.current_version() is not None:
                # what the last build published is unknown: the outputs --only leaves out are made too
                self.report.add("build", "every output", "--only set aside: the last build's files are unknown")
                self.only = ()
        hasher = FileHasher(old["stat"])
        inputs = Inputs(self.config, self.stages, hasher, self.only)
        self.content_notes = content_notes(self.config)
        if self._up_to_date(old, inputs):
            return
        tx = self.out.begin()
        self.report.leftovers = tx.leftovers
        store = format_cache.open_store(self.out.cache / FORMATTED_REFS)
        with pinyin.Remembered(self.out.cache / PINYIN) as remembered:
            try:
                new = self._build(tx, old, inputs)
                if new is not None:
                    noted = set(self.content_notes)  # worked out again by the next build
                    new["problems"]["notices"] = [n for n in new["problems"]["notices"] if n not in noted]
                    new["stat"] = hasher.seen
                    dump_index(new, tx.index_file)
                    tx.write_report("build.txt", self.report.summary() + "\n")
                    with self.report.stage("assemble"):  # last: it takes over the version the commit would prune
                        tx.assemble(new["manifest"], reuse=not self.force)
                    self.report.version = tx.commit()
                    self.report.published = True
                    self._gc(new)
                    self._save_formatted(store)
                    remembered.save()
            except (EvdigestError, *template_errors()) as err:
                self.report.failed = str(err)
            finally:
                tx.rollback()
                format_cache.close_store()
        self.progress.log(self.report.summary())

    def _up_to_date(self, old: dict[str, Any], inputs: Inputs) -> bool:
        published = old["published"]
        if self.force or old["fingerprint"] != inputs.fingerprint or not published:
            return False
        if self.out.current_version() != published:
            return False
        self.report.up_to_date = True
        self.report.leftovers = self.out.remove_leftovers()  # nothing to build, but a killed build's to remove
        problems = old["problems"]
        self.report.errors, self.report.warnings = list(problems["errors"]), list(problems["warnings"])
        self.report.notices = [*self.content_notes, *problems["notices"]]
        self.report.entries = (old.get("ingest") or {}).get("entries", 0)
        self.report.files = len(old["manifest"])
        self._check_strict()
        self.progress.log(self.report.summary())
        return True

    def _check_strict(self) -> bool:
        if self.strict and (self.report.errors or self.report.warnings):
            counts = f"{len(self.report.errors)} error(s), {len(self.report.warnings)} warning(s)"
            self.report.failed = f"--strict: {counts}"
            return True
        return False

    def _nothing_read(self, entries: list[Entry] | None, inputs: Inputs) -> bool:
        """No source could be read (``entries`` read anew and empty): as with no sources at all, an empty
        digest is never published over a site; the build fails with the sources' errors."""
        if entries is None or entries:
            return False
        self.report.failed = f"none of the {len(inputs.sources)} source(s) could be read"
        return True

    def _build(self, tx: Transaction, old: dict[str, Any], inputs: Inputs) -> dict[str, Any] | None:
        new = empty_index()
        new.update(fingerprint=inputs.fingerprint, published=tx.version)
        self.report.notices += self.content_notes
        with self.report.stage("ingest"):
            entries = Reader(self, tx, old, inputs).read(new)
        gc.freeze()  # the entries live until the build ends
        if self._check_strict() or self._nothing_read(entries, inputs):
            return None
        with self.report.stage("enrich"):
            digest, digest_key, contexts, works = self._enrich(tx, old, new, entries)
        gc.freeze()  # and so does the digest
        self.report.entries = len(digest.entries)
        new["problems"] = {
            "errors": self.report.errors,
            "warnings": self.report.warnings,
            "notices": self.report.notices,
        }
        manifest = Writer(self, tx, old, new, inputs).write(digest, digest_key, contexts, works)
        new["manifest"] = manifest
        self.report.files = len(manifest)
        self.report.removed = sorted(set(old["manifest"]) - set(manifest))
        return new

    def _enrich(
        self, tx: Transaction, old: dict[str, Any], new: dict[str, Any], entries: list[Entry] | None
    ) -> tuple[Digest, str, dict[str, str], dict[str, str]]:
        key = enrich_key(new["ingest"]["key"])
        previous = old.get("digest")
        if entries is None:  # the sources read as last time: the digest is stored (see Reader.read)
            new["digest"] = previous
            return load_digest(tx, previous), key, previous["contexts"], load_work_keys(tx, previous)
        memo = UsedMemo(self._reference_memo(tx, old))
        known = set(memo.data)
        digest = self.stages.enrich(entries, memo)
        if known and memo.used == known == set(memo.data):  # nothing new, nothing dropped: the stored memo holds these
            memo_blob = previous["memo"]
        else:
            memo_blob = tx.blobs.put(pickle.dumps(memo.kept(), protocol=5))
        digest = Digest(tuple(sorted(digest.entries, key=lambda e: e.slug)), digest.works, digest.glossary)
        recognise = Recognition(self.originals, (previous or {}).get("prints") or {}, tx.blobs.has)
        contexts, works, stored = entry_contexts(
            digest, tx.blobs.put, fork=self.jobs > 1, lock_fd=tx.lock_fd, recognise=recognise
        )
        reason = "sources changed" if previous else "first build"
        self.report.add("enrich", f"{len(digest.entries)} entries", reason)
        new["digest"] = {
            "key": key,
            "entries": stored,
            "blob": _store_works(tx, digest, works, previous),
            "contexts": contexts,
            "works": tx.blobs.put(pickle.dumps(works, protocol=pickle.HIGHEST_PROTOCOL)),
            "memo": memo_blob,
            "prints": recognise.remember,
        }
        return digest, key, contexts, works

    def _reference_memo(self, tx: Transaction, old: dict[str, Any]) -> dict[str, Any]:
        """Results the enrich stage kept from the previous build (parsed reference strings)."""
        previous = (old.get("digest") or {}).get("memo")
        if previous and tx.blobs.has(previous):
            return pickle.loads(tx.blobs.read(previous))
        return {}

    def _save_formatted(self, store: format_cache.FormatStore) -> None:
        """Keep the references formatted in this build for the next one (a failure to write loses only speed),
        and drop the tables of style keys it did not use."""
        try:
            store.save()
            store.prune()
        except OSError as err:
            self.progress.log(f"{store.folder}: formatted references not saved ({err.strerror})")

    def _gc(self, new: dict[str, Any]) -> None:
        """Delete cached blobs the new index no longer points to."""
        BlobStore(self.out.cache / "blobs", self.out.cache / "staging").gc(referenced_blobs(new))


def enrich_key(ingest_key: str) -> str:
    """The key of the digest made from the entries read under ``ingest_key``."""
    return combine(ingest_key, "enrich")


def digest_stored(tx: Transaction, record: dict[str, Any] | None, ingest_key: str) -> bool:
    """Whether ``record`` is a stored digest made from the entries read under ``ingest_key``."""
    if not record or record.get("key") != enrich_key(ingest_key) or "entries" not in record:
        return False
    return all(tx.blobs.has(sha) for sha in (record["blob"], *record["entries"]))


def load_digest(tx: Transaction, record: dict[str, Any]) -> Digest:
    """The digest stored by an earlier build: its entries one blob each, then works and glossary (a
    :mod:`~evdigest.build.workpack`)."""
    with collector_paused():
        entries = tuple(pickle.loads(tx.blobs.read(sha)) for sha in record["entries"])
        works, glossary = workpack.Pack(tx.blobs.read(record["blob"])).load()
    return Digest(entries, works, glossary)


def _store_works(tx: Transaction, digest: Digest, keys: dict[str, str], previous: dict[str, Any] | None) -> str:
    """Store the digest's works and glossary as a pack; works whose key is unchanged since the last
    build's pack are copied from it as bytes. Returns the blob's hash."""
    mapped = None
    last = None
    sha = (previous or {}).get("blob")
    if sha and tx.blobs.has(sha):
        try:
            mapped = mapped_file(tx.blobs.path(sha))
            last = workpack.Pack(mapped) if mapped is not None else None
        except (OSError, ValueError, pickle.UnpicklingError, EOFError, KeyError, TypeError):
            last = None  # unreadable: every work is pickled again
    try:
        return tx.blobs.put_chunks(workpack.pack(digest.works, digest.glossary, keys, last))
    finally:
        if mapped is not None:
            mapped.close()


def load_work_keys(tx: Transaction, record: dict[str, Any]) -> dict[str, str]:
    """The work keys stored with a digest (:func:`work_keys`); none when it was stored without them
    (renderers then hash the works themselves)."""
    sha = record.get("works")
    return pickle.loads(tx.blobs.read(sha)) if sha and tx.blobs.has(sha) else {}


def entry_contexts(
    digest: Digest,
    store: Callable[[bytes], str] = sha256_bytes,
    *,
    fork: bool = False,
    lock_fd: int | None = None,
    recognise: Recognition | None = None,
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Per entry, a hash of everything its pages show: the entry, the works it cites and the glossary
    terms that occur in them (corpus terms are shielded in Traditional conversion wherever they occur);
    per work, a hash of the work and the entries citing it (:func:`work_keys`); and the hash of each
    entry's pickle, in order, as ``store`` gives it (the build stores the pickles as the digest's entries:
    ``BlobStore.put`` stores the bytes and returns their SHA-256). With ``fork``, a large digest's entries
    and works are pickled by two processes (:func:`~evdigest.build.entry_hashes.digest_hashes`).

    Entries and works are hashed from pickles (several times quicker than their JSON form), written
    without the pickler's memo so that equal values give equal bytes whichever objects they share;
    each work once, however many entries cite it. Text is stored as UTF-8, so a term occurs in an
    entry or a work exactly when its UTF-8 bytes occur in the pickle.

    ``recognise`` (:class:`~evdigest.build.entry_hashes.Recognition`) lets entries unchanged since the last
    build be recognised without pickling them.
    """
    terms = sorted({t.zh for t in digest.glossary if t.zh})
    encoded = [(t, t.encode("utf-8")) for t in terms]
    fields = [(w.id, w.csl, w.status, w.et_al, w.editors_et_al, w.raw, w.key) for w in digest.works]
    hashed, work_hashed = digest_hashes(
        digest.entries, fields, store, encoded, fork=fork, lock_fd=lock_fd, recognise=recognise
    )
    works = dict(zip((w.id for w in digest.works), work_hashed, strict=True))
    contexts: dict[str, str] = {}
    own: dict[str, str] = {}
    for entry, (sha, present) in zip(digest.entries, hashed, strict=True):
        own[entry.slug] = sha
        cited = [works[wid] for wid in sorted({r.work_id for r in entry.references if r.work_id}) if wid in works]
        found = present.union(*(in_work for _, in_work in cited))
        contexts[entry.slug] = combine(sha, *(work_sha for work_sha, _ in cited), hash_json(sorted(found)))
    return contexts, work_keys(digest, {wid: sha for wid, (sha, _) in works.items()}, own), list(own.values())


def work_keys(digest: Digest, fields: dict[str, str], entries: dict[str, str]) -> dict[str, str]:
    """Per work, a key of the work and of every entry citing it, from the hashes of each work's fields
    besides ``cited_by`` (``fields``) and of each entry (``entries``, by slug).

    A work's ``cited_by`` (each citing entry's slug, reference number and citing sentences) is read from
    the citing entries, so the key changes whenever the work or one of them changes; pages and files
    showing a work with what its citing entries say of it (a reference-index row, a line of
    ``references.json``) are kept under it, without hashing the works again.
    """
    return {
        w.id: combine(fields[w.id], *(f"{c.entry}:{entries.get(c.entry, '')}" for c in w.cited_by))
        for w in digest.works
    }


class SourceMemo:
    """Per-source results of the stage's read-and-parse step, keyed by the source's content hash.

    The ingest stage asks :meth:`get` before parsing a source and hands its result to
    :meth:`put`; corpus-wide steps (slugs, duplicates, editorial files, glossary) still
    run over every source, so an incremental build equals a clean one. Beside each result,
    and for the corpus steps, the stage may keep data for the next reading (:meth:`extra`,
    :meth:`shared`), stored apart so that unchanged sources do not load it.
    """

    def __init__(
        self, tx: Transaction, old: dict[str, Any], sources: dict[str, str], content_dir: Path, shared: str | None
    ) -> None:
        self.tx = tx
        self.old = old
        self.sources = sources
        self.content_dir = content_dir
        self.records: dict[str, Any] = {}
        self.parsed: list[str] = []
        self.shared_blob = shared
        self._folders: dict[str, str] = {}
        """Real paths of the source folders (:func:`~evdigest.paths.real_path`)."""
        self.originals: dict[str, tuple[str, Any]] = {}
        """Per source: the blob of its result and the entry in it (see
        :func:`~evdigest.build.entry_hashes.entry_print`)."""

    def _rel(self, path: Path) -> str:
        return Path(os.path.relpath(real_path(path, self._folders), self.content_dir)).as_posix()

    def _load(self, blob: str | None) -> Any | None:
        return pickle.loads(self.tx.blobs.read(blob)) if blob and self.tx.blobs.has(blob) else None

    def get(self, path: Path) -> Any | None:
        """The cached result for the source at ``path``, or ``None`` when it changed or is new."""
        rel = self._rel(path)
        record = self.old.get(rel)
        if record and record["sha"] == self.sources.get(rel) and self.tx.blobs.has(record["blob"]):
            self.records[rel] = record
            with collector_paused():
                value = pickle.loads(self.tx.blobs.read(record["blob"]))
                gc.freeze()  # what was read lives until the build ends: no collection need walk it
            self.originals[rel] = (record["blob"], getattr(value, "entry", None))
            return value
        return None

    def put(self, path: Path, value: Any, extra: Any = None) -> None:
        """Remember the result of parsing the source at ``path`` (and ``extra`` for its next change)."""
        rel = self._rel(path)
        self.parsed.append(rel)
        sha = self.sources.get(rel)
        if sha is not None:
            blob = self.tx.blobs.put(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            self.records[rel] = {"sha": sha, "blob": blob}
            self.originals[rel] = (blob, getattr(value, "entry", None))
            if extra is not None:
                self.records[rel]["extra"] = self.tx.blobs.put(pickle.dumps(extra, protocol=pickle.HIGHEST_PROTOCOL))

    def extra(self, path: Path) -> Any | None:
        """What the last reading of the source at ``path`` kept for the next one, whatever its content now."""
        return self._load((self.old.get(self._rel(path)) or {}).get("extra"))

    def shared(self) -> Any | None:
        """What the corpus steps of the last build kept."""
        return self._load(self.shared_blob)

    def put_shared(self, value: Any) -> None:
        """Keep ``value`` for the corpus steps of the next build."""
        self.shared_blob = self.tx.blobs.put(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


class Reader:
    """Phase 1: every source through the ingest stage (unchanged ones from the memo)."""

    def __init__(self, builder: Builder, tx: Transaction, old: dict[str, Any], inputs: Inputs) -> None:
        self.b = builder
        self.tx = tx
        self.old = old
        self.inputs = inputs

    def read(self, new: dict[str, Any]) -> list[Entry] | None:
        """All entries, sorted by slug; fills ``new["parsed"]`` and ``new["ingest"]``.

        ``None`` when the sources and editorial files are those of the last build and its digest
        is stored: reading gives the same entries (the code is the same, or the index would not
        have been kept), and the digest holds them.
        """
        key = combine(hash_json(self.inputs.sources), hash_json(self.inputs.editorial), "ingest")
        previous = self.old.get("ingest")
        entries: list[Entry] | None = None
        if previous and previous["key"] == key and digest_stored(self.tx, self.old.get("digest"), key):
            new["parsed"] = {rel: r for rel, r in self.old["parsed"].items() if rel in self.inputs.sources}
            new["ingest"] = previous
        else:
            entries, errors, notices, warnings, shared = self._ingest(new)
            warnings += [w for e in entries for w in _entry_warnings(e)]
            new["ingest"] = {
                "key": key,
                "entries": len(entries),
                "errors": errors,
                "notices": notices,
                "warnings": warnings,
            }
            if shared is not None:
                new["ingest"]["shared"] = shared
        self.b.report.errors += new["ingest"]["errors"]
        self.b.report.notices += new["ingest"]["notices"]
        self.b.report.warnings += new["ingest"]["warnings"]
        return entries

    def _ingest(self, new: dict[str, Any]) -> tuple[list[Entry], list[str], list[str], list[str], str | None]:
        content = self.b.config.content_dir
        shared = (self.old.get("ingest") or {}).get("shared")
        memo = SourceMemo(self.tx, self.old["parsed"], self.inputs.sources, content, shared)
        paths = [content / rel for rel in sorted(self.inputs.sources)]
        with self.b.progress.task("read", len(paths)) as step:
            result = self.b.stages.ingest(paths, content, self.b.jobs, memo)
            step(len(paths))
        new["parsed"] = dict(sorted(memo.records.items()))
        self.b.originals = memo.originals
        self._explain(sorted(memo.parsed))
        entries = sorted(result.entries, key=lambda e: e.slug)
        failures, notices = [str(f) for f in result.failures], [str(n) for n in result.notices]
        return entries, failures, notices, [str(w) for w in result.warnings], memo.shared_blob

    def _explain(self, parsed: list[str]) -> None:
        old = self.old["parsed"]
        for rel in parsed:
            reason = "new source" if rel not in old else "source changed"
            self.b.report.add("parse", rel, reason)
        if not parsed:
            self.b.report.add("parse", "corpus steps", "editorial files changed or sources removed")


def _entry_warnings(entry: Entry) -> list[str]:
    """Each warning of an entry as the build prints it: ``file:line: field: message (values)``."""
    return [
        f"{w.source or entry.source}:{w.line or 1}: {w.field}: {w.message}{_shown_values(w.values)}"
        for w in entry.warnings
    ]


# How many of a warning's values the build prints, and how much of each
SHOWN_VALUES = 3
SHOWN_VALUE_LENGTH = 60


def _shown_values(values: tuple[str, ...]) -> str:
    """A warning's values as the build prints them after its message: `` (13; 14)``, long ones cut short."""
    if not values:
        return ""
    shown = [shorten(value, SHOWN_VALUE_LENGTH) for value in values[:SHOWN_VALUES]]
    more = f"; … {len(values) - SHOWN_VALUES} more" if len(values) > SHOWN_VALUES else ""
    return f" ({'; '.join(shown)}{more})"


# --- phase 2 ---------------------------------------------------------------------------

_WORK: tuple[Renderer, Any, Any] | None = None
"""What forked workers render (a renderer, the blob store, and the entries or the cache folder): set in
the parent just before the pool starts."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Todo:
    """The entries a renderer's workers render, with (for forked workers) the blob of each one's pickle.

    A forked worker reads its entry from that blob into objects of its own, freed once the entry is
    rendered: rendering the copy it inherited would change the reference counts of every object it
    reads, and each page of memory so written, shared with the parent until then, is copied into the
    worker; over a large digest each worker came to hold a copy of every entry it rendered."""

    entries: list[Entry]
    stored: list[str | None] | None = None


def _render_at(index: int) -> tuple[str, dict[str, str], list[str], Learned, Any]:
    """Render one entry of :data:`_WORK`: its slug, files (path → blob), notes, what was learned and what the
    renderer made for its aggregate files besides (see :func:`drain_byproducts`)."""
    assert _WORK is not None
    renderer, blobs, todo = _WORK
    entry = todo.entries[index]
    sha = todo.stored[index] if todo.stored else None
    if sha is not None:
        try:
            entry = pickle.loads(blobs.read(sha))
        except KeyError:  # not stored: the inherited object it is
            pass
    with pinyin.Recorded() as asked:
        files = renderer.entry_outputs(entry)
    shas = {path: blobs.put(data) for path, data in sorted(files.items())}
    notes = drain_notes(renderer)
    if getattr(renderer, "collect_garbage", False):
        gc.collect()
    return entry.slug, shas, notes, learned_here(asked), drain_byproducts(renderer)


CHUNKS_PER_WORKER = 32
"""A renderer whose entries render in milliseconds (``chunked``) hands them to a pool's workers in about
this many chunks each. Handed over one by one, a thousand entries' messages kept the build process
busy for a sixth of a core beside two workers (the pool's threads pass each task and result); a chunk
is at most a thirty-second of a worker's share, so the workers still end nearly together."""
MAX_CHUNK = 16


def chunk_size(entries: int, workers: int) -> int:
    """How many entries a pool's worker takes at once for a ``chunked`` renderer (see
    :data:`CHUNKS_PER_WORKER`)."""
    return max(1, min(MAX_CHUNK, entries // (max(1, workers) * CHUNKS_PER_WORKER)))


def _aggregates_outcome(renderer: Renderer, blobs: BlobStore, chunk_dir: Path) -> tuple[Any, ...]:
    """In a forked process: the aggregate files of ``renderer`` (see :func:`_aggregate_files`), with what
    it learned."""
    with pinyin.Recorded() as asked:
        files, notes, reports = _aggregate_files(renderer, blobs, chunk_dir)
    return files, notes, reports, learned_here(asked)


def _aggregate_files(
    renderer: Renderer, blobs: BlobStore, chunk_dir: Path
) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """Make and store a renderer's aggregate files as they come: (path → blob hash sorted by path, notes, reports)."""
    stored: dict[str, str] = {}
    files = renderer.aggregate_outputs(chunk_dir)
    try:
        for path, data in files.items() if isinstance(files, Mapping) else files:
            if path in stored:
                raise BuildError(f"{path}: written twice by the same renderer")
            if isinstance(data, StoredFile):
                if not blobs.has(data.sha):
                    raise BuildError(f"{path}: kept from the last build, but its bytes are no longer stored")
                stored[path] = data.sha
            elif isinstance(data, (bytes, bytearray, memoryview)):
                stored[path] = blobs.put(bytes(data))
            else:
                stored[path] = blobs.put_chunks(data)
    finally:
        close = getattr(files, "close", None)
        if close is not None:  # a generator stops what it started (e.g. a process making part of the files)
            close()
    return dict(sorted(stored.items())), drain_notes(renderer), renderer.reports()


def _merged(
    renderer: Renderer, result: tuple[str, dict[str, str], list[str], Learned, Any]
) -> tuple[str, dict[str, str], list[str]]:
    """A worker's result; what it learned is kept in this process, and what it made for the aggregate
    files handed to ``renderer``."""
    slug, shas, notes, learned, made = result
    learn(learned)
    if made is not None:
        renderer.adopt_byproducts(made)
    return slug, shas, notes


def drain_byproducts(renderer: Renderer) -> Any:
    """What rendering an entry made that the renderer's aggregate files use (``None``: nothing), taken out of
    the renderer: a worker process sends it back with the entry's files, and the build hands it to the
    renderer in its own process (``adopt_byproducts``) before the aggregate files are made."""
    drain = getattr(renderer, "drain_byproducts", None)
    return drain() if drain is not None else None


def drain_notes(renderer: Renderer) -> list[str]:
    """What the renderer noted while rendering (e.g. refused URL fetches), taken out of it."""
    drain = getattr(renderer, "drain_notes", None)
    return list(drain()) if drain is not None else []


def release_memory() -> None:
    """Hand the C heap's free pages back to the system.

    Rendering a stage frees much memory inside the process (pages, pickles, formatted
    rows) that the C library keeps for reuse; without this the build process goes on
    holding it while later stages and the search indexer's processes run beside it.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (looked up in the running process), or ``None`` on a C library without it."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


class _Apart:
    """A renderer's aggregates being made in a forked process (see :meth:`Writer._aggregates`)."""

    def __init__(self, name: str, process: Any, reader: Any, record: dict[str, Any], end: Callable[[], Any]):
        self.name = name
        self.process = process
        self.reader = reader
        self.record = record
        self.end = end

    @classmethod
    def start(cls, renderer: Renderer, tx: Transaction, record: dict[str, Any], end: Callable[[], Any]) -> _Apart:
        """Fork the process making ``renderer``'s aggregates; it answers through a pipe."""
        blobs, chunk_dir = tx.blobs, tx.chunk_dir(renderer.name)
        process, reader = forked.start(
            lambda: _aggregates_outcome(renderer, blobs, chunk_dir), tx.lock_fd, f"{renderer.name} aggregates"
        )
        return cls(renderer.name, process, reader, record, end)

    def finish(self) -> tuple[dict[str, str], list[str], dict[str, str]]:
        """Wait for the answer: files (path → blob), notes and reports; raise the process's error."""
        try:
            files, notes, reports, learned = forked.answer(self.process, self.reader, f"{self.name} aggregates")
        finally:
            self.end()
        learn(learned)
        return files, notes, reports

    def stop(self) -> None:
        """Stop the process (the build failed elsewhere)."""
        forked.stop(self.process, self.reader)


@dataclasses.dataclass(frozen=True, slots=True)
class Carried:
    """A renderer's outputs that the new site keeps from the last build (``--only`` left the renderer out):
    its entries' records by slug, and its aggregates' record (``None``: not kept)."""

    entries: dict[str, Any]
    aggregates: dict[str, Any] | None

    def paths(self) -> Iterator[str]:
        """The site path of every file kept."""
        for record in (*self.entries.values(), *([self.aggregates] if self.aggregates is not None else [])):
            yield from record["files"]


def _record(renderer: Renderer, entry: Entry | None, key: str, fp: str, cfg: str) -> dict[str, Any]:
    """A new record of the files of ``entry`` (``None``: the aggregate files) under ``key``, made from the
    renderer's fingerprint ``fp`` and the configuration's ``cfg``; when the renderer's pages link files of
    other renderers (``links``), what they link is part of the key, so that they are made again when the
    site comes to hold other files."""
    record: dict[str, Any] = {"key": key, "tpl": fp, "cfg": cfg, "files": {}}
    links = getattr(renderer, "links", None)
    if links is not None:
        record["links"] = links(entry)
        record["key"] = combine(key, record["links"])
    return record


@dataclasses.dataclass
class SearchPlan:
    """The search index's shards (name → record: key, pages, files) and those to index again."""

    shards: dict[str, dict[str, Any]]
    todo: list[str]


class Writer:
    """Phase 2: render what changed, assemble the site, index it for search."""

    def __init__(self, builder: Builder, tx: Transaction, old: dict[str, Any], new: dict[str, Any], inputs: Inputs):
        self.b = builder
        self.tx = tx
        self.old = old
        self.new = new
        self.inputs = inputs
        self.owner: dict[str, str] = {}
        self.manifest: dict[str, str] = {}
        self.prepared: set[int] = set()
        self.apart: list[_Apart] = []
        """Aggregates being made in processes of their own while the build goes on."""
        self.stored_entries: dict[str, str] = {}
        """Per entry, the blob of its pickle in the stored digest (what forked workers read)."""
        self.search_plan: SearchPlan | None = None
        """The search index's shards, once the entry pages are rendered (:meth:`_begin_search`)."""
        self.early_search: Future[list[tuple[str, dict[str, str]]]] | None = None
        """The bundles of :attr:`search_plan` being indexed beside the aggregates (:meth:`_begin_search`)."""
        self.site_files = SiteFiles(frozenset())
        """What the new site will hold of each renderer's files (set by :meth:`write`)."""

    def write(self, digest: Digest, digest_key: str, contexts: dict[str, str], works: dict[str, str]) -> dict[str, str]:
        """Render and assemble; returns the new site's manifest (path → blob). ``contexts``: each entry's
        key; ``works``: each work's (:func:`work_keys`)."""
        only = self._only(digest)
        renderers = self.b.stages.renderers(self.b.config, digest, only)
        if not self.b.force:
            self.tx.list_reusable()
        selected = {r.name for r in renderers}
        stored = (self.new.get("digest") or {}).get("entries") or []  # in the order of the digest's entries
        if len(stored) == len(digest.entries):
            self.stored_entries = dict(zip((entry.slug for entry in digest.entries), stored, strict=True))
        carried = self._carried(selected, {e.slug for e in digest.entries})
        kept = frozenset(path for outputs in carried.values() for path in outputs.paths())
        self.site_files = SiteFiles(frozenset(selected), kept)
        try:
            self._render(renderers, digest, digest_key, contexts, works)
            self._carry_over(carried)
        except BaseException:
            self._stop_apart()  # nothing may go on writing once the build fails
            self._wait_search()
            raise
        if self.early_search is not None and self.search_plan is not None:
            self._end_search(self.search_plan, self.early_search.result())
        else:
            with self.b.report.stage(SEARCH):
                self._search("html" in selected or not only)
        return dict(sorted(self.manifest.items()))

    def _only(self, digest: Digest) -> tuple[str, ...]:
        """The outputs to make: ``--only``'s, and each one it leaves out that the last build made for an entry
        no longer in the digest (a source deleted, or renamed to another slug). Kept, that output's files
        for the whole digest would still show the entry: the home page, the reference index, the search
        index, the whole index's exports and the digest PDF listing and linking what the site no longer holds."""
        if not self.b.only:
            return ()
        slugs = {entry.slug for entry in digest.entries}
        old, _ = self._previous_outputs()
        gone: dict[str, list[str]] = {}
        for name, records in sorted(old["renders"].items()):
            missing = sorted(set(records) - slugs)
            if name not in self.b.only and name != SEARCH and missing:
                gone[name] = missing
        for name, missing in gone.items():
            gone_now = f"{missing[0]} and {len(missing) - 1} more are" if len(missing) > 1 else f"{missing[0]} is"
            self.b.report.add(name, "every output", f"left out by --only, but {gone_now} gone")
        return (*self.b.only, *gone)

    def _render(
        self,
        renderers: list[Renderer],
        digest: Digest,
        digest_key: str,
        contexts: dict[str, str],
        works: dict[str, str],
    ) -> None:
        """Every renderer's files, one renderer after another (each dropped once its files are stored)."""
        while renderers:
            renderer = renderers.pop(0)  # dropped once its files are stored: later stages need none of its caches
            if hasattr(renderer, "cache_dir"):
                renderer.cache_dir = self.tx.chunk_dir(renderer.name)
            if hasattr(renderer, "entry_keys"):
                renderer.entry_keys = contexts
            if hasattr(renderer, "work_keys"):
                renderer.work_keys = works
            if hasattr(renderer, "blob_exists"):
                renderer.blob_exists = self.tx.blobs.has
            if hasattr(renderer, "blob_read"):
                renderer.blob_read = self.tx.blobs.read
            if hasattr(renderer, "blob_path"):
                renderer.blob_path = self.tx.blobs.path
            if hasattr(renderer, "store_chunks"):
                renderer.store_chunks = self.tx.blobs.put_chunks
            if hasattr(renderer, "beside"):  # a second process for part of the aggregates, given a second job
                renderer.beside = Beside(self.tx.blobs, self.tx.lock_fd) if self.b.jobs > 1 else None
            if hasattr(renderer, "site_files"):  # its pages link only files the new site holds
                renderer.site_files = self.site_files
            if hasattr(renderer, "split"):  # shares work out among the jobs before entries are rendered
                renderer.split = Split(self.b.jobs, self.tx.lock_fd) if self.b.jobs > 1 else None
            planned = self._plan(renderer, digest, contexts)
            pooled = planned is not None and self._workers(renderer, planned[1]) > 1
            if pooled:
                self._settle()  # no aggregates process beside a pool; waiting is part of those aggregates' time
            # aggregates made apart begin before entries rendered here, which they do not read
            first = not pooled and self.b.jobs > 1 and getattr(renderer, "aggregates_apart", False)
            if first:
                self._aggregates(renderer, digest_key)
            with self.b.report.stage(renderer.name):
                if planned is not None:
                    self._entries(renderer, *planned)
            if renderer.name == "html":
                self._begin_search()
            if not first:
                self._aggregates(renderer, digest_key)
            self.prepared.discard(id(renderer))  # the id may name another object once this one is gone
            renderer = None
            release_memory()
        self._settle()

    def _claim(self, owner: str, files: dict[str, str]) -> None:
        for path, sha in files.items():
            _check_path(path, owner)
            if path in self.owner and self.owner[path] != owner:
                raise BuildError(f"{path}: written by both {self.owner[path]} and {owner}")
            self.owner[path] = owner
            self.manifest[path] = sha

    def _plan(
        self, renderer: Renderer, digest: Digest, contexts: dict[str, str]
    ) -> tuple[dict[str, Any], list[Entry]] | None:
        """Each entry's record (the last build's when its key is unchanged) and the entries to render;
        ``None`` for a renderer without files per entry."""
        if not getattr(renderer, "per_entry", True):
            return None
        fp, cfg = renderer.fingerprint(), self.inputs.config
        previous = self.old["renders"].get(renderer.name, {})
        records: dict[str, Any] = {}
        todo: list[Entry] = []
        for entry in digest.entries:
            record = _record(renderer, entry, combine(fp, cfg, contexts[entry.slug]), fp, cfg)
            prev = previous.get(entry.slug)
            if prev and prev["key"] == record["key"] and self._stored(prev["files"]):
                records[entry.slug] = prev
                continue
            records[entry.slug] = record
            todo.append(entry)
            self.b.report.add(renderer.name, entry.slug, _why(prev, record))
        return records, todo

    def _workers(self, renderer: Renderer, todo: list[Entry]) -> int:
        return min(self.b.jobs, len(todo)) if renderer.parallel else 1

    def _entries(self, renderer: Renderer, records: dict[str, Any], todo: list[Entry]) -> None:
        for slug, files, notes in self._run(renderer, todo):
            records[slug]["files"] = files
            if notes:
                records[slug]["notes"] = notes
        for slug, record in records.items():
            self._claim(f"{renderer.name} of {slug}", record["files"])
            self.b.report.notices += record.get("notes", [])
        self.new["renders"][renderer.name] = records

    def _run(self, renderer: Renderer, todo: list[Entry]) -> Iterator[tuple[str, dict[str, str], list[str]]]:
        global _WORK
        if not todo:
            return
        self._prepare(renderer, todo)
        workers = self._workers(renderer, todo)
        stored = [self.stored_entries.get(entry.slug) for entry in todo] if workers > 1 else None
        _WORK = (renderer, self.tx.blobs, _Todo(todo, stored))
        try:
            with self.b.progress.task(renderer.name, len(todo)) as step:
                if workers <= 1:
                    for i in range(len(todo)):
                        yield _merged(renderer, _render_at(i))
                        step()
                    return
                pool = multiprocessing.get_context("fork").Pool(workers, worker_started, (os.getpid(), self.tx.lock_fd))
                try:
                    chunk = chunk_size(len(todo), workers) if getattr(renderer, "chunked", False) else 1
                    for result in pool.imap_unordered(_render_at, range(len(todo)), chunksize=chunk):
                        yield _merged(renderer, result)
                        step()
                    pool.close()
                finally:
                    pool.terminate()
                    pool.join()
        finally:
            _WORK = None

    def _prepare(self, renderer: Renderer, todo: list[Entry]) -> None:
        """Let a renderer make what its workers share before they start (once, and only when it has work:
        the entries ``todo``, or none when only its aggregate files are made)."""
        if id(renderer) not in self.prepared and hasattr(renderer, "before_render"):
            renderer.before_render(todo)
        self.prepared.add(id(renderer))

    def _aggregates(self, renderer: Renderer, digest_key: str) -> None:
        """Render the renderer's aggregate files unless cached (store their reports).

        A renderer marked ``aggregates_apart`` makes them in a forked process of its own, so that
        what it builds up on the way (Traditional conversions, reference-index rows, kept pages)
        is handed back to the system when that process ends instead of staying in this one. With
        more than one job the build goes on meanwhile (up to ``jobs`` such processes at once), but
        waits for them before it starts worker processes or other aggregates, so that their memory
        never adds to a pool's.
        """
        fp, cfg = renderer.fingerprint(), self.inputs.config
        record = _record(renderer, None, combine(fp, cfg, digest_key), fp, cfg)
        prev = self.old["aggregates"].get(renderer.name)
        if prev and prev["key"] == record["key"] and self._stored(prev["files"]):
            self._keep_aggregates(renderer.name, prev, {})
            return
        self._prepare(renderer, [])
        self.b.report.add(renderer.name, "aggregates", _why(prev, record, "digest changed"))
        end = self.b.report.begin(f"{renderer.name}-aggregates")
        if not getattr(renderer, "aggregates_apart", False):
            self._settle()
            try:
                files, notes, reports = _aggregate_files(renderer, self.tx.blobs, self.tx.chunk_dir(renderer.name))
            finally:
                end()
            self._keep_aggregates(renderer.name, record, reports, files, notes)
            return
        self._settle(limit=self.b.jobs - 1)
        self.apart.append(_Apart.start(renderer, self.tx, record, end))
        if self.b.jobs <= 1:
            self._settle()

    def _keep_aggregates(
        self,
        name: str,
        record: dict[str, Any],
        reports: dict[str, str],
        files: dict[str, str] | None = None,
        notes: list[str] | None = None,
    ) -> None:
        if files is not None:
            record["files"] = files
        if notes:
            record["notes"] = notes
        self._claim(f"{name} aggregates", record["files"])
        self.b.report.notices += record.get("notes", [])
        self.new["aggregates"][name] = record
        for report, text in sorted(reports.items()):
            self.tx.write_report(report, text)

    def _settle(self, limit: int = 0) -> None:
        """Wait for aggregates made apart until at most ``limit`` are still being made (the first to
        answer first) and keep their files; an error fails the build (:meth:`write` stops the others)."""
        while len(self.apart) > limit:
            ready = multiprocessing.connection.wait([apart.reader for apart in self.apart])
            apart = next(apart for apart in self.apart if apart.reader in ready)
            self.apart.remove(apart)
            files, notes, reports = apart.finish()
            self._keep_aggregates(apart.name, apart.record, reports, files, notes)

    def _stop_apart(self) -> None:
        """Stop the aggregates processes still running (the build failed)."""
        for apart in self.apart:
            apart.stop()
        self.apart.clear()

    def _carried(self, selected: set[str], slugs: set[str]) -> dict[str, Carried]:
        """The previous outputs of renderers ``--only`` leaves out that the new site keeps (entries that still
        exist, files still stored), by renderer.

        When the last build's index was set aside (``--force``, a changed program), its outputs are still
        the published site's: they are kept as they are, and marked so that no later build takes them
        for outputs of this one (:func:`_published_only`)."""
        if not self.b.only:
            return {}
        old, stale = self._previous_outputs()
        mark = _published_only if stale else (lambda record: record)
        carried: dict[str, Carried] = {}
        for name, records in sorted(old["renders"].items()):
            if name in selected or name in self.b.only or name == SEARCH:
                continue
            kept = {slug: mark(r) for slug, r in records.items() if slug in slugs and self._stored(r["files"])}
            record = old["aggregates"].get(name)
            aggregates = mark(record) if record is not None and self._stored(record["files"]) else None
            carried[name] = Carried(kept, aggregates)
        return carried

    def _carry_over(self, carried: dict[str, Carried]) -> None:
        """Keep the previous outputs of renderers ``--only`` left out (see :meth:`_carried`)."""
        for name, kept in carried.items():
            for slug, record in kept.entries.items():
                self._claim(f"{name} of {slug}", record["files"])
            self.new["renders"][name] = kept.entries
            if kept.aggregates is not None:
                self._claim(f"{name} aggregates", kept.aggregates["files"])
                self.new["aggregates"][name] = kept.aggregates

    def _previous_outputs(self) -> tuple[dict[str, Any], bool]:
        """The last build's records of what it published, and whether they come from an index set aside."""
        published = self.old.get("published_outputs")
        return (published, True) if published is not None else (self.old, False)

    def _stored(self, files: dict[str, str]) -> bool:
        """Whether the build's blob store still holds every file of a record."""
        return all(self.tx.blobs.has(sha) for sha in files.values())

    def _search(self, html_selected: bool) -> None:
        """Index the entry pages for search, one Pagefind bundle per shard of entries.

        Entries are spread over shards by a hash of their slug, more shards for more entries
        (:func:`~evdigest.render.search.shard_count`); a shard is re-indexed only when one of its pages
        changed, so that a changed entry re-indexes its shard and not the whole site.
        ``pagefind/shards.json`` lists the bundles; the search page loads them all.
        """
        old, stale = self._previous_outputs()
        prev = old["aggregates"].get(SEARCH) or {}
        if not html_selected and prev.get("files") and self._stored(prev["files"]):
            self._claim("search index", prev["files"])
            self.new["aggregates"][SEARCH] = _published_only(prev) if stale else prev
            return
        plan = self.search_plan or self._search_plan()
        self._end_search(plan, self._index_plan(plan))

    def _begin_search(self) -> None:
        """Once the entry pages are rendered, begin indexing them in a thread beside the aggregates when
        only a few bundles need it (a rebuild after a few changed entries: Pagefind then runs while the
        aggregates are made); a build that indexes more bundles does so after the aggregates, so that
        Pagefind's processes never run beside theirs."""
        plan = self.search_plan = self._search_plan()
        if not 0 < len(plan.todo) < self.b.jobs:
            return
        pool = ThreadPoolExecutor(1, thread_name_prefix="search")
        self.early_search = pool.submit(self._timed_index, plan)
        pool.shutdown(wait=False)

    def _timed_index(self, plan: SearchPlan) -> list[tuple[str, dict[str, str]]]:
        with self.b.report.stage(SEARCH):
            return self._index_plan(plan)

    def _wait_search(self) -> None:
        """Wait for the search index begun beside the aggregates (the build failed: nothing may go on
        writing once it has ended); its own failure is not the build's first."""
        if self.early_search is not None:
            try:
                self.early_search.result()
            except BaseException:  # noqa: BLE001, S110 - the failure that ended the build is raised instead
                pass

    def _search_plan(self) -> SearchPlan:
        """Every shard of the rendered entry pages, and those whose pages changed since the last build."""
        old_shards = (self.old["aggregates"].get(SEARCH) or {}).get("shards", {})
        shards: dict[str, dict[str, Any]] = {}
        todo: list[str] = []
        for name, pages in sorted(search_shards(self.new["renders"].get("html", {})).items()):
            key = combine(hash_json(pages), SEARCH)  # the code's version covers the sharding
            old = old_shards.get(name)
            if old and old["key"] == key and self._stored(old["files"]):
                shards[name] = old
                continue
            shards[name] = {"key": key, "pages": sorted(pages), "files": {}}
            todo.append(name)
            self.b.report.add(SEARCH, f"search shard {name}", "pages changed" if old else "new")
        return SearchPlan(shards, todo)

    def _index_plan(self, plan: SearchPlan) -> list[tuple[str, dict[str, str]]]:
        """Link the pages of the shards to index into the new site and index them: ``(shard, files)``."""
        pages = {name: plan.shards[name]["pages"] for name in plan.todo}
        for path in sorted({path for name in plan.todo for path in pages[name]}):  # what the search stage reads
            self.tx.link(path, self.manifest[path])
        return list(self._index_shards(pages))

    def _end_search(self, plan: SearchPlan, indexed: list[tuple[str, dict[str, str]]]) -> None:
        """Claim the bundles (indexed now or kept) and their listing."""
        shards = plan.shards
        for name, files in indexed:
            shards[name]["files"] = files
        files: dict[str, str] = {}
        for record in shards.values():
            files.update(record["files"])
        if shards:
            files[f"{BUNDLE_DIR}/{SHARD_LISTING}"] = self.tx.blobs.put(shard_listing(shards))
        self._claim("search index", files)
        self.new["aggregates"][SEARCH] = {
            "shards": {name: {"key": r["key"], "files": r["files"]} for name, r in shards.items()},
            "files": files,
        }

    def _index_shards(self, todo: dict[str, list[str]]) -> Iterator[tuple[str, dict[str, str]]]:
        """Run the search stage on each shard (``jobs`` at a time) and adopt the files it wrote."""
        if not todo:
            return
        site = self.tx.site_dir

        def index(name: str) -> str:
            self.b.stages.search_index(site, todo[name], f"{BUNDLE_DIR}/{name}")
            return name

        workers = max(1, min(self.b.jobs, len(todo)))
        with ThreadPoolExecutor(workers) as pool, self.b.progress.task(SEARCH, len(todo)) as step:
            for name in pool.map(index, sorted(todo)):
                step()
                files: dict[str, str] = {}
                for path in sorted(p for p in (site / BUNDLE_DIR / name).rglob("*") if p.is_file()):
                    rel = path.relative_to(site).as_posix()
                    if path.suffix == ".json":
                        canonical_json(path)
                    files[rel] = self.tx.blobs.adopt(path)
                yield name, files


def search_shards(html: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The entry pages (path → blob) of every non-empty shard, from the html renderer's records."""
    paged = {slug: pages for slug, record in html.items() if (pages := _html_pages(record))}
    count = shard_count(len(paged))
    shards: dict[str, dict[str, str]] = {}
    for slug, pages in paged.items():
        shards.setdefault(shard_of(slug, count), {}).update(pages)
    return shards


def _html_pages(record: dict[str, Any]) -> dict[str, str]:
    return {path: sha for path, sha in record["files"].items() if path.endswith(".html")}


def canonical_json(path: Path) -> None:
    """Rewrite a JSON file with sorted keys: Pagefind writes its language table in hash-map order,
    which would make two builds of the same input differ."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


PUBLISHED_BEFORE = "published before: "
"""The start of the key of a record kept as published by a build whose index was set aside."""


def _published_only(record: dict[str, Any]) -> dict[str, Any]:
    """A record of files kept as published by a build whose index was set aside: its files, under keys no
    build makes (the next build that renders them makes them again), and no search shards to reuse."""
    kept = {k: v for k, v in record.items() if k != "shards"}
    return {**kept, "key": f"{PUBLISHED_BEFORE}{record.get('key')}", "tpl": None, "cfg": None}


def _why(prev: dict[str, Any] | None, record: dict[str, Any], changed: str = "entry changed") -> str:
    if prev is None:
        return "new"
    if str(prev.get("key")).startswith(PUBLISHED_BEFORE):
        return "kept from a build made before the cache was set aside"
    if prev.get("tpl") != record["tpl"]:
        return "templates changed"
    if prev.get("cfg") != record["cfg"]:
        return "configuration changed"
    if prev.get("key") == record["key"]:
        return "cached output missing"
    if prev.get("links") != record.get("links"):
        return "linked files changed"
    return changed


def _check_path(path: str, owner: str) -> None:
    parts = path.split("/")
    if path.startswith("/") or ".." in parts or all(p in ("", ".") for p in parts) or "\\" in path:
        raise BuildError(f"{owner}: refusing to write outside the site: {path!r}")
