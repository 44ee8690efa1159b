"""Work over a list shared out among forked processes.

The list is cut into as many consecutive parts as the build has jobs; this process does the first part
while forked processes do the others, and the results come back in the list's order. What the forked
processes learned for the next build (formatted references, pinyin) is kept here, as for any worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .. import pinyin
from . import forked
from .beside import learn, learned_here

T = TypeVar("T")
R = TypeVar("R")


class Split:
    """Runs ``function(part)`` over the parts of a list in ``jobs`` processes (see the module)."""

    def __init__(self, jobs: int, lock_fd: int | None) -> None:
        self.jobs = max(1, jobs)
        self.lock_fd = lock_fd

    def __call__(self, function: Callable[[Sequence[T]], list[R]], items: Sequence[T], label: str) -> list[R]:
        """``function`` over every part of ``items``, the results joined in order; an error raised in any
        process is raised here (``label`` names the work when a process ends without answering)."""
        parts = cut(items, self.jobs)
        started = []
        try:
            for part in parts[1:]:
                started.append(forked.start(_learning(function, part), self.lock_fd, label))
            results = list(function(parts[0])) if parts else []
            while started:
                made, learned = forked.answer(*started.pop(0), label)
                learn(learned)
                results += made
        finally:
            for process, reader in started:
                forked.stop(process, reader)
        return results


def cut(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """``items`` in at most ``parts`` consecutive parts of nearly equal length (none empty)."""
    count = min(max(1, parts), len(items))
    size, extra = divmod(len(items), count) if count else (0, 0)
    found, start = [], 0
    for i in range(count):
        end = start + size + (i < extra)
        found.append(items[start:end])
        start = end
    return found


def _learning(function: Callable[[Sequence[T]], list[R]], part: Sequence[T]) -> Callable[[], Any]:
    def work() -> tuple[list[R], Any]:
        with pinyin.Recorded() as asked:
            made = list(function(part))
        return made, learned_here(asked)

    return work
