"""The digest's works and glossary as one stored blob, each work pickled apart under its key.

A rebuild after one changed source keeps almost every work as it was: the works whose key (a hash of
the work and of the entries citing it, :func:`~evdigest.build.engine.work_keys`) is the one in the
last build's pack are copied over as bytes, and only the others are pickled again.

Layout: a packed file (:func:`~evdigest.build.cache.pack_head`) starting with :data:`MARKER`, whose index
is ``{"glossary": (start, end), "works": [(id, key, start, end), ...]}``, then the glossary's pickle and
each work's.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from typing import Any

from ..model import GlossaryTerm, Work
from .cache import pack_head, read_pack_head

MARKER = b"evdigest-works 1\n"
"""The first bytes of a pack (and of no pickle)."""


class Pack:
    """A pack read back: its head, with the works' bytes taken from it on demand."""

    def __init__(self, data: Any) -> None:
        """``data``: the pack's bytes (or a map of its file); ``ValueError`` when it is not a pack."""
        index, self.base = read_pack_head(data, MARKER)
        self.data = data
        self.glossary_at: tuple[int, int] = index["glossary"]
        self.works: dict[str, tuple[str, int, int]] = {
            wid: (key, start, end) for wid, key, start, end in index["works"]
        }
        """Per work id: its key and where its pickle is."""

    def _bytes(self, start: int, end: int) -> bytes:
        if not 0 <= start <= end <= len(self.data) - self.base:
            raise ValueError("a value outside the pack")
        return bytes(self.data[self.base + start : self.base + end])

    def kept(self, work_id: str, key: str) -> bytes | None:
        """The pickle of ``work_id`` when it was packed under ``key``."""
        found = self.works.get(work_id)
        return self._bytes(found[1], found[2]) if found is not None and found[0] == key else None

    def load(self) -> tuple[tuple[Work, ...], tuple[GlossaryTerm, ...]]:
        """Every work in order, and the glossary."""
        works = tuple(pickle.loads(self._bytes(start, end)) for _, start, end in self.works.values())
        return works, pickle.loads(self._bytes(*self.glossary_at))


def pack(
    works: tuple[Work, ...], glossary: tuple[GlossaryTerm, ...], keys: Mapping[str, str], previous: Pack | None
) -> Iterator[bytes]:
    """The pack of ``works`` (each under its key in ``keys``) and ``glossary`` as chunks; works whose key
    is the one ``previous`` holds them under are copied from it."""
    parts = [pickle.dumps(glossary, protocol=pickle.HIGHEST_PROTOCOL)]
    entries: list[tuple[str, str, int, int]] = []
    start = len(parts[0])
    for work in works:
        key = keys.get(work.id, "")
        data = previous.kept(work.id, key) if previous is not None and key else None
        if data is None:
            data = pickle.dumps(work, protocol=pickle.HIGHEST_PROTOCOL)
        entries.append((work.id, key, start, start + len(data)))
        parts.append(data)
        start += len(data)
    yield pack_head(MARKER, {"glossary": (0, len(parts[0])), "works": entries})
    yield from parts
