"""The contracts between the build engine and the stages it runs.

The engine reads sources, enriches them and hands a :class:`~evdigest.model.Digest`
to a list of renderers; each renderer produces files for one entry at a time
(cached per entry) and files that aggregate the whole digest (cached per digest).
The real stages live in :mod:`evdigest.build.renderers`; tests pass their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..config import Config
from ..hashing import StoredFile
from ..model import Digest, Entry

FileContent = bytes | Iterable[bytes] | StoredFile
"""A file's bytes, its bytes in chunks, or the hash of bytes the build already stores."""
AggregateFiles = Mapping[str, FileContent] | Iterable[tuple[str, FileContent]]
"""Files by path relative to the site root: a mapping, or ``(path, content)`` pairs."""


class IngestOutcome(Protocol):
    """What reading sources gives: entries, sources that failed (``file:line: message``), notices, and warnings
    about files rather than entries (an editorial file matching no entry)."""

    entries: list[Entry]
    failures: list[Any]
    notices: list[Any]
    warnings: list[Any]


class Memo(Protocol):
    """Per-source results kept between builds (see :class:`evdigest.build.engine.SourceMemo`)."""

    def get(self, path: Path) -> Any | None:
        """The result stored for this source's current content, or ``None``."""

    def put(self, path: Path, value: Any, extra: Any = None) -> None:
        """Store the result of reading and parsing one source, and ``extra``: what its next reading
        may reuse when its content has changed (word segmentations)."""

    def extra(self, path: Path) -> Any | None:
        """What :meth:`put` stored as ``extra`` for this source, whatever its content now, or ``None``."""

    def shared(self) -> Any | None:
        """What :meth:`put_shared` stored in the last build, or ``None``."""

    def put_shared(self, value: Any) -> None:
        """Store what the corpus steps may reuse in the next build (word segmentations)."""


@dataclass(frozen=True, slots=True)
class SiteFiles:
    """What the new site will hold of the renderers' outputs: the renderers this build runs (each makes its
    files for every entry) and the files kept from the last build of those ``--only`` leaves out. The engine
    gives it to a renderer with a ``site_files`` attribute before the renderer's first file, so that its
    pages link only files the published site holds."""

    made: frozenset[str]
    """The names of the renderers this build runs."""
    kept: frozenset[str] = frozenset()
    """Site paths kept from the last build for renderers this build does not run."""

    def holds(self, renderer: str, path: str) -> bool:
        """Whether the new site will hold ``path``, a file of the renderer named ``renderer``."""
        return renderer in self.made or path in self.kept


class Renderer(Protocol):
    """Produces site files: per entry (cached by the entry's content) and aggregates (cached by the digest)."""

    name: str
    """The group ``--only`` selects it by: ``html``, ``pdf``, ``exports`` or ``data``."""
    parallel: bool
    """Render entries in worker processes."""
    # Optional: ``aggregates_apart = True`` makes the aggregate files in a forked process of their own;
    # ``chunked = True`` (an entry renders in milliseconds) hands entries to workers a few at a time;
    # ``before_render(todo)`` makes what the workers rendering the entries ``todo`` share, before they
    # are forked (called once per build, before the renderer's first entry or aggregate file; ``todo``
    # is empty when only the aggregate files are made); ``links(entry)`` names the files of other renderers
    # that the pages of ``entry`` (``None``: the aggregate files) link, a key the engine adds to theirs.

    def fingerprint(self) -> str:
        """A hash of everything besides the entry and the configuration its output depends on (templates)."""

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        """The files of one entry, by path relative to the site root."""

    def aggregate_outputs(self, cache_dir: Path) -> AggregateFiles:
        """The files that depend on the whole digest; ``cache_dir`` may hold the renderer's own chunks.

        A mapping, or pairs the engine stores one at a time as they come (so that a renderer can
        make large files one after another without holding them all); a file's content is bytes,
        an iterable of byte chunks, or a :class:`~evdigest.hashing.StoredFile` naming bytes the
        build already stores (a file kept from the last build).
        """

    def reports(self) -> dict[str, str]:
        """Reports for ``output/reports/`` by file name (may be empty)."""


class Stages(Protocol):
    """The stages the engine orchestrates."""

    def ingest(self, paths: Sequence[Path], content_dir: Path, jobs: int, memo: Memo) -> IngestOutcome:
        """Read and parse every source (editorial overrides applied), taking unchanged ones from ``memo``."""

    def enrich(self, entries: Sequence[Entry], memo: MutableMapping[str, Any]) -> Digest:
        """Cross-entry work: the reference index and the corpus glossary.

        ``memo`` keeps results by string (parsed references, compared titles) between builds:
        the stage may read and add to it; the engine keeps the keys the stage looked up or stored.
        """

    def template_files(self, config: Config) -> list[Path]:
        """Every template, stylesheet or asset file a renderer reads."""

    def renderers(self, config: Config, digest: Digest, only: Sequence[str]) -> list[Renderer]:
        """The renderers to run for ``only`` (all when empty)."""

    def search_index(self, site_dir: Path, pages: Sequence[str], dest: str) -> None:
        """Index ``pages`` (paths below ``site_dir``) of the assembled site for search into the folder
        ``dest`` below ``site_dir``; called from several threads at once for different ``dest``."""
