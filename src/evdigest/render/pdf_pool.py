"""All summaries, rendered in warm worker processes, then the digests assembled from the cached parts."""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import pickle
import posixpath
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..lifetime import end_with
from ..model import Digest, Entry
from .entry_files import entry_pdf_file, entry_stem

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` after each document."""

RENDER_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RecursionError,
    OSError,
)
"""What a layout of bad content can raise (WeasyPrint raises these on absurd CSS values or broken markup)."""

_WORKER: dict[str, object] = {}


@dataclass(frozen=True, slots=True)
class Job:
    slug: str
    edition: str
    kind: str = "summary"
    """``summary`` (one entry's PDF) or ``back`` (the digest's reference index and glossary, as cached parts)."""

    @property
    def label(self) -> str:
        return f"{self.slug}.{self.edition}.pdf" if self.kind == "summary" else f"digest-{self.edition} back matter"


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    seconds: float
    pages: int
    messages: tuple[str, ...]
    ok: bool


def _init_worker(config: Config, digest: Digest, site_dir: Path, cache_dir: Path) -> None:
    from .pdf import PdfRenderer

    _WORKER["renderer"] = PdfRenderer(config, digest)
    _WORKER["entries"] = {entry.slug: entry for entry in digest.entries}
    _WORKER["site_dir"] = site_dir
    _WORKER["cache_dir"] = cache_dir


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _run_back(job: Job) -> Outcome:
    """Lay out the digest's reference index and glossary of one edition into the parts cache."""
    renderer = _WORKER["renderer"]
    start = time.perf_counter()
    try:
        parts = renderer.back_parts(job.edition, _WORKER["cache_dir"])  # type: ignore[attr-defined]
    except RENDER_ERRORS as err:
        message = f"digest-{job.edition}.pdf: reference index or glossary failed: {type(err).__name__}: {err}"
        return Outcome(job, time.perf_counter() - start, 0, (message,), False)
    finally:
        gc.collect()
    refusals = tuple(renderer.refusals)  # type: ignore[attr-defined]
    renderer.refusals.clear()  # type: ignore[attr-defined]
    return Outcome(job, time.perf_counter() - start, sum(part.pages for _, part in parts), refusals, True)


def _run(job: Job, entry_data: bytes | None = None) -> Outcome:
    """Render one summary in a worker; an error fails this summary only.

    ``entry_data``: the entry pickled, read into an object of this document's own (else the
    worker's copy of the digest's entry is used)."""
    from .pdf import PdfRenderer
    from .pdf_merge import page_count

    if job.kind == "back":
        return _run_back(job)
    renderer = _WORKER["renderer"]
    assert isinstance(renderer, PdfRenderer)
    entry = pickle.loads(entry_data) if entry_data is not None else _WORKER["entries"][job.slug]  # type: ignore[index]
    path = entry_pdf_file(entry_stem(entry), job.edition)
    start = time.perf_counter()
    try:
        data = renderer.entry_pdf(entry, job.edition, _WORKER["cache_dir"])  # type: ignore[arg-type]
    except RENDER_ERRORS as err:
        message = f"{entry.source}: PDF {posixpath.basename(path)} failed: {type(err).__name__}: {err}"
        return Outcome(job, time.perf_counter() - start, 0, (message,), False)
    finally:
        gc.collect()
    _write(Path(_WORKER["site_dir"]) / path, data)  # type: ignore[arg-type]
    refusals = tuple(renderer.refusals)
    renderer.refusals.clear()
    return Outcome(job, time.perf_counter() - start, page_count(data), refusals, True)


def _warm(config: Config) -> None:
    """Load WeasyPrint, the stylesheets and the faces in this process (forked workers inherit them)."""
    renderer = _WORKER["renderer"]
    for edition in config.editions:
        renderer.overlay(edition, 1)  # type: ignore[attr-defined]


def _pool(config: Config, digest: Digest, site_dir: Path, cache_dir: Path, jobs: int) -> ProcessPoolExecutor:
    """Warm worker processes: forked from this warmed-up process on Linux, else spawned and initialised."""
    if sys.platform.startswith("linux"):
        _warm(config)
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=end_with,
            initargs=(os.getpid(),),
        )
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(config, digest, site_dir, cache_dir),
    )


def render_summaries(
    config: Config, digest: Digest, site_dir: Path, jobs: int, cache_dir: Path, progress: Progress | None
) -> tuple[list[str], list[Outcome]]:
    """Render every summary of every edition; return messages and per-document outcomes."""
    # The back matter is the longest single document: start it first.
    work = [Job("", edition, "back") for edition in config.editions]
    work += [Job(entry.slug, edition) for entry in digest.entries for edition in config.editions]
    messages: list[str] = []
    outcomes: list[Outcome] = []
    _init_worker(config, digest, site_dir, cache_dir)
    if not work:
        return messages, outcomes
    if jobs <= 1:
        results = map(_run, work)
        for done, outcome in enumerate(results, 1):
            outcomes.append(outcome)
            messages.extend(outcome.messages)
            if progress:
                progress(done, len(work), outcome.job.label)
        return messages, outcomes
    workers = min(jobs, len(work))
    with _pool(config, digest, site_dir, cache_dir, workers) as pool:
        for outcome in _submitted(pool, work, {entry.slug: entry for entry in digest.entries}, 2 * workers):
            outcomes.append(outcome)
            messages.extend(outcome.messages)
            if progress:
                progress(len(outcomes), len(work), outcome.job.label)
    outcomes.sort(key=lambda o: (o.job.edition, o.job.slug))
    return messages, outcomes


def _submitted(pool: ProcessPoolExecutor, work: list[Job], entries: dict[str, Entry], window: int) -> Iterator[Outcome]:
    """Run ``work`` in ``pool``, at most ``window`` jobs handed over at a time; outcomes as they come.

    Each summary's entry goes with its job, pickled: a worker reads it into objects of its own that
    are freed with the document. Using the digest inherited from this process would touch the
    reference counts of every entry it prints, and the pages holding them, shared when the worker
    was forked, would be copied into each worker until each held a whole digest of its own. An
    entry is pickled once for its editions' jobs (which follow one another)."""
    pending = iter(work)
    running: set[Future[Outcome]] = set()
    last: tuple[str, bytes] = ("", b"")

    def hand_over() -> None:
        nonlocal last
        job = next(pending, None)
        if job is None:
            return
        if job.kind != "summary":
            running.add(pool.submit(_run, job))
            return
        if last[0] != job.slug:
            last = (job.slug, pickle.dumps(entries[job.slug], protocol=pickle.HIGHEST_PROTOCOL))
        running.add(pool.submit(_run, job, last[1]))

    for _ in range(window):
        hand_over()
    while running:
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
            hand_over()


def render_all(
    config: Config,
    digest: Digest,
    site_dir: Path,
    *,
    jobs: int,
    cache_dir: Path | None,
    progress: Progress | None = None,
) -> list[str]:
    """Write ``pdf/<stem>.<edition>.pdf`` (:func:`~.entry_files.entry_stem`) for every entry and edition, then ``pdf/digest-<edition>.pdf``.

    Summaries are rendered by ``jobs`` warm worker processes (0: the number of
    cores); each worker also stores the entry's pages as a digest part, so the
    digests are assembled without laying any entry out again; the reference
    index and glossary are laid out by the same workers.  Returns one message per
    failed summary or refused resource; an entry whose summary failed is left out
    of that edition's digest, which is reported too.
    """
    from .pdf import PdfRenderer

    jobs = jobs or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="evdigest-pdf-") as scratch:
        parts_dir = cache_dir if cache_dir is not None else Path(scratch)
        messages, outcomes = render_summaries(config, digest, site_dir, jobs, parts_dir, progress)
        whole = _WORKER["renderer"]  # warm, and holding this digest (see render_summaries)
        assert isinstance(whole, PdfRenderer)
        failures = {o.job.edition for o in outcomes if not o.ok and o.job.kind == "summary"}
        whole.jobs = 1 if failures else jobs  # editions in parallel only when every digest takes every entry
        for edition in config.editions:
            failed = {o.job.slug for o in outcomes if not o.ok and o.job.edition == edition and o.job.kind == "summary"}
            renderer = whole
            if failed:
                messages.append(f"digest-{edition}.pdf leaves out {', '.join(sorted(failed))}: its summary failed")
                kept = tuple(entry for entry in digest.entries if entry.slug not in failed)
                renderer = PdfRenderer(config, dataclasses.replace(digest, entries=kept), parts_dir=None)
                renderer.jobs = 1
            try:
                data = renderer.digest_pdf(edition, parts_dir)
            except RENDER_ERRORS as err:
                messages.append(f"digest-{edition}.pdf failed: {type(err).__name__}: {err}")
                continue
            _write(site_dir / "pdf" / f"digest-{edition}.pdf", data)
            if progress:
                progress(len(outcomes), len(outcomes), f"digest-{edition}.pdf")
            messages.extend(renderer.refusals)
            renderer.refusals.clear()
    return messages
