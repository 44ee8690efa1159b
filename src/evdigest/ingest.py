"""Phase 1: read every source into entries.

Per file: read (decode, normalise) -> detect the family -> parse -> harvest
glossary pairs.  Then, for the corpus: assign slugs -> merge duplicates (same
DOI) -> apply editorial overrides -> the corpus glossary step.

A file that cannot be read or parsed becomes a failure (a
:class:`~evdigest.errors.SourceError` printing as ``file:line: message``) and
the other files still come through.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .enrich import glossary
from .errors import EditorialError, ParseError, SourceError
from .model import Entry
from .model import Warning as EntryWarning
from .sources.base import Origin
from .sources.detect import detect
from .sources.editorial import apply_editorials
from .sources.merge import merge_duplicates
from .sources.reading import read_source_decoded
from .sources.slug import assign_slugs

_ERROR_TYPES: dict[str, type[SourceError]] = {cls.__name__: cls for cls in (SourceError, ParseError, EditorialError)}


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What phase 1 produced: entries, the files that failed, and notices (e.g. unused editorial files)."""

    entries: tuple[Entry, ...]
    failures: tuple[SourceError, ...]
    notices: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file was read and parsed."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    display: str
    source: str


@dataclass(frozen=True, slots=True)
class _Outcome:
    entry: Entry | None = None
    text: str | None = None
    error: tuple[str, str, int | None, str] | None = None
    """(class name, file, line, message): errors cross process boundaries as plain data."""


def ingest(paths: Sequence[Path], content_dir: Path, *, jobs: int = 1) -> IngestResult:
    """Read the sources at ``paths`` (files, or folders of files) into entries.

    ``source`` paths are made relative to ``content_dir``; editorial overrides
    are read from ``content_dir/editorial``.  ``jobs`` > 1 reads files in that
    many processes (0: one per core); the result does not depend on it.
    """
    work = [_Job(path, str(path), source_name(path, content_dir)) for path in collect_paths(paths)]
    outcomes = _run(work, jobs)
    entries: list[Entry] = []
    texts: dict[str, str] = {}
    failures: list[SourceError] = []
    for outcome in outcomes:
        if outcome.error is not None:
            kind, file, line, message = outcome.error
            failures.append(_ERROR_TYPES.get(kind, SourceError)(file, line, message))
        elif outcome.entry is not None and outcome.text is not None:
            entries.append(outcome.entry)
            texts[outcome.entry.source] = outcome.text
    entries = merge_duplicates(assign_slugs(entries))
    editorial = apply_editorials(entries, content_dir / "editorial")
    failures.extend(editorial.errors)
    final = glossary.apply(editorial.entries, texts=texts)
    return IngestResult(tuple(final), tuple(failures), tuple(editorial.notices))


def collect_paths(paths: Sequence[Path]) -> list[Path]:
    """Files named in ``paths``, folders expanded to their files (sorted, hidden ones skipped), each once."""
    seen: set[Path] = set()
    result: list[Path] = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)) if path.is_dir() else [path]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                result.append(file)
    return result


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def source_name(path: Path, content_dir: Path) -> str:
    """``path`` relative to ``content_dir`` in POSIX form; never absolute (``../`` when outside it)."""
    relative = os.path.relpath(path.resolve(), content_dir.resolve())
    return Path(relative).as_posix()


def _run(work: list[_Job], jobs: int) -> list[_Outcome]:
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    if workers <= 1 or len(work) <= 1:
        return [read_one(job) for job in work]
    with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
        return list(pool.map(read_one, work))


def read_one(job: _Job) -> _Outcome:
    """Read, detect, parse and harvest one source; errors come back as data naming the file as given."""
    try:
        decoded = read_source_decoded(job.path, job.display)
        origin = Origin(job.source)
        family = detect(decoded.text, origin)
        entry = family.parse(decoded.text, origin)
    except SourceError as err:
        return _Outcome(error=(type(err).__name__, job.display, err.line, err.message))
    warnings = list(entry.warnings)
    if decoded.guessed:
        message = f"the file is not UTF-8; it was read as {decoded.encoding}, guessed from its bytes (save it as UTF-8 to be sure)"
        warnings.insert(0, EntryWarning("source", message, (decoded.encoding,), None))
    terms = glossary.harvest(decoded.text, job.source)
    entry = dataclasses.replace(entry, glossary=terms, warnings=tuple(warnings))
    return _Outcome(entry=entry, text=decoded.text)
