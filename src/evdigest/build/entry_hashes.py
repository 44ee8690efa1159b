"""Each entry of a digest pickled, stored and searched for glossary terms: the longest step of keying a
build after the sources were read, split with a forked process when the digest is large.

An entry is pickled without the pickler's memo (:func:`~evdigest.hashing.value_bytes`), so that equal
entries give equal bytes; text is pickled as UTF-8, so a term occurs in an entry exactly when its
UTF-8 bytes occur in the pickle.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from ..hashing import value_bytes
from ..model import Entry
from . import forked

FORK_FROM = 200
"""Digests of at least this many entries are pickled by two processes, half each (forking a large
process and sending the hashes back costs a few hundredths of a second)."""

Hashed = tuple[str, frozenset[str]]
"""An entry's stored pickle (the hash ``store`` gave it) and the terms found in it."""


def entry_hashes(
    entries: Sequence[Entry],
    store: Callable[[bytes], str],
    terms: Sequence[tuple[str, bytes]],
    *,
    fork: bool = False,
    lock_fd: int | None = None,
) -> list[Hashed]:
    """For each entry in order: the hash ``store`` returns for its pickle and the ``terms`` (text, UTF-8
    bytes) occurring in it. With ``fork`` (and enough entries, on Linux) the second half is done by a
    forked process meanwhile, which closes ``lock_fd`` (a process outliving a killed build holds no lock);
    if that process ends without answering, its half is done here."""
    if not fork or len(entries) < FORK_FROM or not sys.platform.startswith("linux"):
        return _hash_all(entries, store, terms)
    half = len(entries) // 2
    rest = entries[half:]
    process, reader = forked.start(lambda: _hash_all(rest, store, terms), lock_fd, "hashing entries")
    try:
        first = _hash_all(entries[:half], store, terms)
    except BaseException:
        reader.close()
        process.join()
        raise
    try:
        answer = forked.receive(process, reader)
    except EOFError:
        answer = None
    if isinstance(answer, BaseException):
        raise answer
    if not isinstance(answer, list) or len(answer) != len(rest):
        answer = _hash_all(rest, store, terms)
    return first + answer


def _hash_all(
    entries: Sequence[Entry], store: Callable[[bytes], str], terms: Sequence[tuple[str, bytes]]
) -> list[Hashed]:
    found = []
    for entry in entries:
        data = value_bytes(entry)
        found.append((store(data), frozenset(text for text, encoded in terms if encoded in data)))
    return found
