"""Progress display: a rich progress bar on a terminal, plain lines in CI or when output is not a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO


class Progress(Protocol):
    """What the engine reports to: stages with a known number of steps, and messages."""

    @contextmanager
    def task(self, name: str, total: int) -> Iterator[Step]:
        """A stage of ``total`` steps; call the yielded function once per finished step."""
        ...

    def log(self, message: str) -> None:
        """Print one line of information."""


class Step(Protocol):
    def __call__(self, advance: int = 1) -> None: ...


class QuietProgress:
    """Shows nothing."""

    @contextmanager
    def task(self, name: str, total: int) -> Iterator[Step]:
        yield lambda advance=1: None

    def log(self, message: str) -> None:
        return None


class PlainProgress:
    """Plain lines: one when a stage starts and one when it ends (CI logs stay short)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    @contextmanager
    def task(self, name: str, total: int) -> Iterator[Step]:
        done = 0

        def step(advance: int = 1) -> None:
            nonlocal done
            done += advance

        print(f"{name}: {total} to do", file=self.stream, flush=True)
        yield step
        print(f"{name}: {done}/{total} done", file=self.stream, flush=True)

    def log(self, message: str) -> None:
        print(message, file=self.stream, flush=True)


class RichProgress:
    """A live progress bar per stage (rich), for interactive terminals."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    @contextmanager
    def task(self, name: str, total: int) -> Iterator[Step]:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        columns = (TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Bar(*columns, console=self.console, transient=False) as bar:
            task_id = bar.add_task(name, total=total)
            yield lambda advance=1: bar.advance(task_id, advance)

    def log(self, message: str) -> None:
        self.console.print(message, markup=False, highlight=False)


def make_progress(enabled: bool = True, stream: TextIO | None = None) -> Progress:
    """The right display for where output goes: rich on a terminal, plain lines in CI or pipes."""
    if not enabled:
        return QuietProgress()
    out = stream or sys.stderr
    interactive = out.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
    return RichProgress() if interactive and stream is None else PlainProgress(out)
