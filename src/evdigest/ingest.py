"""Phase 1: read every source into entries.

Per file: read (decode, normalise) -> detect the family -> parse -> harvest
glossary pairs.  Then, for the corpus: assign slugs -> merge duplicates (same
DOI) -> apply editorial overrides -> the corpus glossary step.

A file that cannot be read or parsed becomes a failure (a
:class:`~evdigest.errors.SourceError` printing as ``file:line: message``) and
the other files still come through.  An unexpected exception while reading one
file (a bug in the package, not a problem of the text) is isolated the same way
and reported as an :class:`InternalError`, distinct from a
:class:`~evdigest.errors.ParseError`.

A folder given as a path means its ``sources/`` subfolder when it has one (so
the content folder itself can be given), else the text files in it (``.txt``,
``.md``), hidden files and editor backups skipped.
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
from typing import Any

from . import pinyin
from .enrich import glossary
from .enrich.simplified import is_traditional, to_simplified
from .errors import EditorialError, ParseError, SourceError
from .lifetime import end_with
from .model import Entry
from .model import Warning as EntryWarning
from .paths import SOURCES_FOLDER, hidden_or_backup, real_path, shown_path
from .sources import platform_record
from .sources.base import AUTHORS_CUT_SHORT, Origin
from .sources.detect import detect
from .sources.editorial import apply_editorials
from .sources.merge import merge_duplicates
from .sources.reading import read_source_decoded
from .sources.slug import assign_slugs

#: Suffixes of the files read from a folder (files named directly are always read).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_SUFFIX_LIST = ", ".join(sorted(TEXT_SUFFIXES))
#: Longest exception message quoted in an internal error (one line on stderr).
_DETAIL_LIMIT = 300


class InternalError(SourceError):
    """An unexpected exception while reading one source: a bug to report, not a problem of the text.

    Prints as ``file:1: internal error while parsing (ExceptionType: message); please report it``.
    """

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> InternalError:
        """The internal error for ``exc`` raised while reading the file ``path``."""
        text = " ".join(str(exc).split())
        if len(text) > _DETAIL_LIMIT:
            text = text[: _DETAIL_LIMIT - 1] + "…"
        detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
        return cls(path, 1, f"internal error while parsing ({detail}); please report it")


_ERROR_TYPES: dict[str, type[SourceError]] = {
    cls.__name__: cls for cls in (SourceError, ParseError, EditorialError, InternalError)
}


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What phase 1 produced: entries, the files that failed, notices (files skipped) and warnings about files
    rather than entries (an editorial file that matches no entry: the entry it was meant for is published
    without the editor's commentary, tags and date, which ``--strict`` must not let through)."""

    entries: tuple[Entry, ...]
    failures: tuple[SourceError, ...]
    notices: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file was read and parsed."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    display: str
    source: str
    segments: glossary.Segments | None = None
    """Word segmentations kept from an earlier reading of the source (see :class:`~.glossary.Segmentation`)."""
    pinyin: dict[pinyin.Key, Any] | None = None
    """The pinyin an earlier reading of the source asked for (see :class:`~evdigest.pinyin.Recorded`)."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    entry: Entry | None = None
    text: bytes | None = None
    """The source's text, UTF-8 encoded (``surrogatepass``): kept with the parse for the corpus steps, which
    look only a few keywords up in it; a build reads a thousand such outcomes back, and bytes need no
    decoding."""
    error: tuple[str, str, int | None, str] | None = None
    """(class name, file, line, message): errors cross process boundaries as plain data."""
    segments: glossary.Segments | None = None
    """The word segmentations reading the source used, for its next reading."""
    pinyin: dict[pinyin.Key, Any] | None = None
    """The pinyin reading the source asked for, for its next reading."""


def ingest(paths: Sequence[Path], content_dir: Path, *, jobs: int = 1) -> IngestResult:
    """Read the sources at ``paths`` (files, or folders of files) into entries.

    ``source`` paths are made relative to ``content_dir``, and so are the files errors name when they are
    inside it; editorial overrides are read from ``content_dir/editorial``.  ``jobs`` > 1 reads files in that
    many processes (0: one per core); the result does not depend on it.
    """
    files, notices = _collect(paths, content_dir)
    folders: dict[str, str] = {}
    work = [_Job(path, shown_path(path, content_dir), source_name(path, content_dir, folders)) for path in files]
    outcomes = _run(work, jobs)
    entries: list[Entry] = []
    texts: dict[str, bytes] = {}
    failures: list[SourceError] = []
    for outcome in outcomes:
        if outcome.error is not None:
            kind, file, line, message = outcome.error
            failures.append(_ERROR_TYPES.get(kind, SourceError)(file, line, message))
        elif outcome.entry is not None and outcome.text is not None:
            entries.append(outcome.entry)
            texts[outcome.entry.source] = outcome.text
    entries = merge_duplicates(assign_slugs(entries))
    unread = [failure.path for failure in failures]
    editorial = apply_editorials(entries, content_dir / "editorial", content_dir, unread)
    failures.extend(editorial.errors)
    final = glossary.apply(editorial.entries, texts=texts)
    unmatched = editorial.unmatched if editorial.unmatched and _read_all_sources(files, content_dir) else []
    return IngestResult(tuple(final), tuple(failures), tuple(notices), tuple(unmatched))


def _read_all_sources(files: Sequence[Path], content_dir: Path) -> bool:
    """Whether ``files`` hold every source of the content folder: an editorial file that meets no entry is
    news only then (reading some of the sources, the others' files have no entry to meet)."""
    corpus = content_dir / "sources"
    read = {path.resolve() for path in files}
    # the files directly in sources/, as a build reads them: one in a subfolder is never read (a note says so)
    # and must not stop the editorial file from being told about
    direct = [path for path in collect_paths([corpus]) if path.parent.resolve() == corpus.resolve()]
    return not corpus.is_dir() or all(path.resolve() in read for path in direct)


def collect_paths(paths: Sequence[Path]) -> list[Path]:
    """Files named in ``paths`` and the sources of the folders among them (see :func:`folder_sources`), each once."""
    return _collect(paths)[0]


def _collect(paths: Sequence[Path], content_dir: Path | None = None) -> tuple[list[Path], list[str]]:
    """The files to read, and notices: non-text files skipped in the folders (not named directly), named
    relative to ``content_dir`` when inside it, and empty folders."""
    seen: set[str] = set()
    folders: dict[str, str] = {}
    result: list[Path] = []
    skipped: list[Path] = []
    empty: list[str] = []
    for path in paths:
        files, others = folder_sources(path) if path.is_dir() else ([path], [])
        skipped += others
        if path.is_dir() and not files:
            empty.append(f"{path}: no source files ({_SUFFIX_LIST}) in this folder")
        for file in files:
            key = real_path(file, folders)
            if key not in seen:
                seen.add(key)
                result.append(file)
    notices = [
        f"{shown_path(p, content_dir)}:1: skipped: not a text file ({_SUFFIX_LIST})"
        for p in dict.fromkeys(skipped)
        if real_path(p, folders) not in seen
    ]
    return result, empty + notices


def folder_sources(folder: Path) -> tuple[list[Path], list[Path]]:
    """The source files of a folder, sorted, and the other files found there (sorted).

    The sources are those of its ``sources/`` subfolder when it has one (so a
    content folder's editorial files, pages and settings are never read as
    sources), else its own, in subfolders too.  Only text files
    (:data:`TEXT_SUFFIXES`) are sources; hidden files and folders and editor
    backups (:data:`BACKUP_ENDINGS`) are not even listed as others.
    """
    root = folder / SOURCES_FOLDER if (folder / SOURCES_FOLDER).is_dir() else folder
    visible = sorted(p for p in root.rglob("*") if p.is_file() and not hidden_or_backup(p, root))
    sources = [p for p in visible if p.suffix.lower() in TEXT_SUFFIXES]
    return sources, [p for p in visible if p.suffix.lower() not in TEXT_SUFFIXES]


def source_name(path: Path, content_dir: Path, folders: dict[str, str] | None = None) -> str:
    """``path`` relative to ``content_dir`` in POSIX form; never absolute (``../`` when outside it).
    ``folders``: real paths of folders already resolved (see :func:`real_path`)."""
    relative = os.path.relpath(real_path(path, folders), real_path(content_dir, folders))
    return Path(relative).as_posix()


def _run(work: list[_Job], jobs: int) -> list[_Outcome]:
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    if workers <= 1 or len(work) <= 1:
        return [read_one(job) for job in work]
    # forked on Linux, as the parent's death signal is: a worker's parent is this process (see end_with)
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(
        min(workers, len(work)), mp_context=context, initializer=end_with, initargs=(os.getpid(),)
    ) as pool:
        return list(pool.map(read_one, work))


def read_one(job: _Job) -> _Outcome:
    """Read, detect, parse and harvest one source; errors come back as data naming the file as given.

    A :class:`~evdigest.errors.SourceError` keeps its class, line and message.
    Any other exception is a bug: it becomes an :class:`InternalError` for this
    file only, so that one faulty parser never stops the other files.
    """
    try:
        return _read(job)
    except SourceError as err:
        return _Outcome(error=(type(err).__name__, job.display, err.line, err.message))
    except Exception as exc:  # noqa: BLE001 - isolated and reported as an internal error, never as a ParseError
        err = InternalError.from_exception(job.display, exc)
        return _Outcome(error=(InternalError.__name__, err.path, err.line, err.message))


def _read(job: _Job) -> _Outcome:
    decoded = read_source_decoded(job.path, job.display)
    origin = Origin(job.source)
    text = platform_record.written_out(decoded.text)  # its script and terms seen in escaped JSON too
    traditional = is_traditional(text)
    if traditional:
        text = to_simplified(text)
    family = detect(text, origin)
    segmentation = glossary.Segmentation(job.segments)
    with pinyin.Recorded(job.pinyin) as asked, glossary.segmenting(segmentation):
        entry = family.parse(text, origin)
    warnings = list(entry.warnings)
    if traditional:
        message = "the source is printed in Traditional Chinese; it was read in Simplified, as the other sources are"
        warnings.insert(0, EntryWarning("source", message, (), None))
    if decoded.guessed:
        message = f"the file is not UTF-8; it was read as {decoded.encoding}, guessed from its bytes (save it as UTF-8 to be sure)"
        warnings.insert(0, EntryWarning("source", message, (decoded.encoding,), None))
    terms = glossary.harvest(text, job.source, segmentation=segmentation)
    lines = [r.line for r in entry.references if r.line is not None]
    if lines:  # a cited paper's title is not the review's own usage: no pairs from the reference list
        first, last = min(lines), max(lines)
        terms = tuple(t for t in terms if t.line is None or not first <= t.line <= last)
    cut_short = any(w.field == "authors" and w.message == AUTHORS_CUT_SHORT for w in warnings)
    entry = dataclasses.replace(entry, glossary=terms, warnings=tuple(warnings), authors_et_al=cut_short)
    return _Outcome(
        entry=entry, text=text.encode("utf-8", "surrogatepass"), segments=segmentation.used, pinyin=asked.asked or None
    )
