"""Each entry of a digest pickled, stored and searched for glossary terms, and so each work's fields
(not stored): the longest step of keying a build after the sources were read, split with a forked
process when the digest is large.

An entry is pickled without the pickler's memo (:func:`~evdigest.hashing.value_bytes`), so that equal
entries give equal bytes; text is pickled as UTF-8, so a term occurs in an entry exactly when its
UTF-8 bytes occur in the pickle.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..hashing import value_bytes
from ..model import Entry
from . import forked
from .cache import combine, sha256_bytes

FORK_FROM = 200
"""Digests of at least this many entries are pickled by two processes, half each (forking a large
process and sending the hashes back costs a few hundredths of a second)."""

Hashed = tuple[str, frozenset[str]]
"""An entry's stored pickle (the hash ``store`` gave it), or a value's pickle, and the terms found in it."""


@dataclasses.dataclass(frozen=True)
class Recognition:
    """What lets :func:`entry_hashes` recognise entries unchanged since the last build without pickling
    them: when an entry's print (:func:`entry_print`) is the one the last build kept for its slug and
    that build's blob still ``exists``, its hash and terms are the last build's."""

    originals: Mapping[str, tuple[str, Any]]
    """Per source: the stored blob of its reading and the entry that reading made."""
    known: Mapping[str, Sequence[Any]]
    """Per slug, from the last build: print, hash and terms (what :attr:`remember` held then)."""
    exists: Callable[[str], bool]
    """Whether the blob store still holds a hash."""
    remember: dict[str, list[Any]] = dataclasses.field(default_factory=dict)
    """Filled with this build's print, hash and terms per slug, for the next build."""


def digest_hashes(
    entries: Sequence[Entry],
    values: Sequence[Any],
    store: Callable[[bytes], str],
    terms: Sequence[tuple[str, bytes]],
    *,
    fork: bool = False,
    lock_fd: int | None = None,
    recognise: Recognition | None = None,
) -> tuple[list[Hashed], list[Hashed]]:
    """For each entry in order: the hash ``store`` returns for its pickle and the ``terms`` (text, UTF-8
    bytes) occurring in it; and for each of ``values`` (a work's fields, say), the SHA-256 of its pickle
    (not stored) and the terms occurring in it.

    With ``fork`` (and enough entries, on Linux) a forked process does the second half of the entries
    and of the values meanwhile; it closes ``lock_fd`` (a process outliving a killed build holds no
    lock), and if it ends without answering, its half is done here. With ``recognise``, entries
    unchanged since the last build are not pickled (see :class:`Recognition`)."""
    terms_key = sha256_bytes(value_bytes([text for text, _ in terms]))
    if not fork or len(entries) < FORK_FROM or not sys.platform.startswith("linux"):
        found, hashed = _hash_all(entries, values, store, terms, terms_key, recognise)
    else:
        cut, part = len(entries) // 2, len(values) // 2
        rest, rest_values = entries[cut:], values[part:]
        process, reader = forked.start(
            lambda: _hash_all(rest, rest_values, store, terms, terms_key, recognise), lock_fd, "hashing entries"
        )
        try:
            found, hashed = _hash_all(entries[:cut], values[:part], store, terms, terms_key, recognise)
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
        if not (isinstance(answer, tuple) and len(answer[0]) == len(rest) and len(answer[1]) == len(rest_values)):
            answer = _hash_all(rest, rest_values, store, terms, terms_key, recognise)
        found, hashed = found + answer[0], hashed + answer[1]
    if recognise is not None:
        for entry, (sha, present, mark) in zip(entries, found, strict=True):
            if mark is not None:
                recognise.remember[entry.slug] = [mark, sha, sorted(present)]
    return [(sha, present) for sha, present, _ in found], hashed


def _hash_all(
    entries: Sequence[Entry],
    values: Sequence[Any],
    store: Callable[[bytes], str],
    terms: Sequence[tuple[str, bytes]],
    terms_key: str,
    recognise: Recognition | None,
) -> tuple[list[tuple[str, frozenset[str], str | None]], list[Hashed]]:
    """Per entry: hash, terms and print (:func:`entry_print`, ``None`` without ``recognise``), the last
    build's hash and terms when it recognises the entry; per value: hash and terms."""
    found: list[tuple[str, frozenset[str], str | None]] = []
    for entry in entries:
        mark = entry_print(entry, recognise.originals.get(entry.source), terms_key) if recognise is not None else None
        last = recognise.known.get(entry.slug) if recognise is not None and mark is not None else None
        if last and last[0] == mark and recognise is not None and recognise.exists(last[1]):
            found.append((last[1], frozenset(last[2]), mark))
            continue
        data = value_bytes(entry)
        found.append((store(data), _present(data, terms), mark))
    hashed = []
    for value in values:
        data = value_bytes(value)
        hashed.append((sha256_bytes(data), _present(data, terms)))
    return found, hashed


def _present(data: bytes, terms: Sequence[tuple[str, bytes]]) -> frozenset[str]:
    """The terms (text, UTF-8 bytes) whose bytes occur in ``data``."""
    return frozenset(text for text, encoded in terms if encoded in data)


def entry_print(entry: Entry, original: tuple[str, Any] | None, terms_key: str) -> str | None:
    """A key that is the same for two equal entries made from the same reading of their source:
    the stored blob of that reading (which fixes the entry as read), the terms searched for, and every
    part of ``entry`` that is not the very object the reading made (what the corpus steps put in:
    slug, glossary, warnings, the references' items...), with where it sits. Mutable containers count
    as changed whether or not they are the same object. ``None`` without an original entry to compare with.
    """
    if original is None or not isinstance(original[1], Entry):
        return None
    changed: list[tuple[tuple[Any, ...], Any]] = []
    _changes(entry, original[1], (), changed)
    return combine(original[0], terms_key, sha256_bytes(value_bytes(changed)))


_MUTABLE = (dict, list, set, bytearray)


def _changes(new: Any, old: Any, path: tuple[Any, ...], out: list[tuple[tuple[Any, ...], Any]]) -> None:
    """Append ``(path, value)`` for every part of ``new`` that is not the same object as in ``old``
    (a whole part when its type or length differs)."""
    if new is old and not isinstance(new, _MUTABLE):
        return
    kind = type(new)
    if kind is type(old):
        names = _field_names(kind)
        if names is not None:
            for name in names:
                a, b = getattr(new, name), getattr(old, name)
                if a is not b or isinstance(a, _MUTABLE):  # the same object: nothing to look into
                    _changes(a, b, (*path, name), out)
            return
        if kind is tuple and len(new) == len(old):
            for i, (a, b) in enumerate(zip(new, old, strict=True)):
                if a is not b or isinstance(a, _MUTABLE):
                    _changes(a, b, (*path, i), out)
            return
    out.append((path, new))


_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (``None`` for any other type), looked up once per type."""
    if kind not in _NAMES:
        _NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
    return _NAMES[kind]
