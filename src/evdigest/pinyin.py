"""Pinyin of Chinese text (pypinyin), remembered across runs.

pypinyin loads its dictionaries when it is first imported, which takes a fifth of a second. Slugs,
sort keys, citation keys and the matching of Latin to Chinese author names ask for the pinyin of the
same names and titles build after build, so what a run asked for is kept (:class:`Remembered` in a
file, :class:`Recorded` with a source's parse): a rebuild whose texts were all seen before never
imports pypinyin.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

Key = tuple[str, str]
"""What was asked: ``("syllables", text)`` or ``("readings", text)``."""

_known: dict[Key, Any] = {}
"""Every answer made (or taken from what was kept) in this process."""
_open: list[Recorded] = []
"""The records now open: each notes the texts asked for."""


def syllables(text: str) -> list[str]:
    """``lazy_pinyin(text)``: one item per Chinese character (its pinyin without tones), other runs of
    text as they are."""
    return list(_answer(("syllables", text)))


def readings(text: str) -> list[list[str]]:
    """Every reading of each Chinese character of ``text`` (pinyin without tones, ``ü`` as ``v``), as
    ``pinyin(text, style=Style.NORMAL, heteronym=True)``."""
    return [list(options) for options in _answer(("readings", text))]


def _answer(key: Key) -> Any:
    found = _known.get(key)
    if found is None:
        found = _known[key] = _convert(*key)
    for record in _open:
        record.asked[key] = found
    return found


def _convert(kind: str, text: str) -> Any:
    from pypinyin import Style, lazy_pinyin, pinyin

    if kind == "syllables":
        return tuple(lazy_pinyin(text))
    return tuple(tuple(options) for options in pinyin(text, style=Style.NORMAL, heteronym=True))


def adopt(asked: Mapping[Key, Any]) -> None:
    """Take what another process asked for (a :class:`Recorded`'s :attr:`~Recorded.asked`) as asked here."""
    for key, found in asked.items():
        _known.setdefault(key, found)
        for record in _open:
            record.asked[key] = found


@functools.cache
def version() -> str:
    """pypinyin's version: what another version answered is not taken from what was kept."""
    from importlib.metadata import version as installed

    return installed("pypinyin")


class Recorded:
    """While open (``with Recorded(kept) as record:``), the answers in ``kept`` (an earlier record's
    :attr:`asked`) are taken instead of converting again, and every text asked for is noted in
    :attr:`asked`."""

    def __init__(self, kept: Mapping[Key, Any] | None = None) -> None:
        self.kept: dict[Key, Any] = dict(kept) if isinstance(kept, Mapping) else {}
        self.asked: dict[Key, Any] = {}

    def __enter__(self) -> Recorded:
        for key, found in self.kept.items():
            if isinstance(key, tuple) and isinstance(found, tuple):
                _known.setdefault(key, found)
        _open.append(self)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self in _open:
            _open.remove(self)


RUNS_KEPT = 20
"""Runs in a row a text may go unasked before :class:`Remembered` drops it from its file."""


class Remembered(Recorded):
    """A :class:`Recorded` kept in a file: read when made, and written on :meth:`save` with the texts
    asked for while it was open and those asked for in one of the last :data:`RUNS_KEPT` runs (unless
    the file holds exactly these). A file that cannot be read, or was written with another pypinyin,
    counts as empty; one that cannot be written costs the next run its speed only.

    A rebuild asks only for the texts of what it makes again (one changed entry, say), while the files
    it keeps from earlier runs were made from the others: those stay in the file, so that the next
    change, to another entry, finds its texts too. A text no run has asked for in :data:`RUNS_KEPT`
    runs (a removed source's, say) is dropped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        kept: Any = None
        self.idle: dict[Key, int] = {}
        """Per kept text not asked for in the last run: how many runs in a row have not asked for it."""
        try:
            with open(path, "rb") as fh:
                made_by, kept, *rest = pickle.load(fh)
            if made_by != version():
                kept = None
            elif rest and isinstance(rest[0], dict):
                self.idle = rest[0]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            kept = None
        super().__init__(kept)

    def save(self) -> None:
        """Write the texts asked for and those still kept (unless the file already holds exactly these)."""
        answers = dict(self.asked)
        idle: dict[Key, int] = {}
        for key, found in self.kept.items():
            if key not in answers and self.idle.get(key, 0) + 1 < RUNS_KEPT:
                answers[key] = found
                idle[key] = self.idle.get(key, 0) + 1
        if answers == self.kept and idle == self.idle:
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                pickle.dump((version(), answers, idle), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
