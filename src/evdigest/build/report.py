"""What a build did: what it rebuilt and why, what it removed, what went wrong, and how long each stage took."""

from __future__ import annotations

import resource
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the build (re)made: ``stage`` (``parse``, ``html``, ``pdf`` ...), its target and the reason."""

    stage: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.stage:<9} {self.target}  ({self.reason})"


@dataclass(slots=True)
class StageTiming:
    """Wall time, CPU time (this process and its finished children) and peak memory of one stage."""

    name: str
    wall: float = 0.0
    cpu: float = 0.0
    peak_rss: int | None = None
    """Peak resident memory in bytes summed over the process tree, when a sampler measured it."""
    peak_process: int | None = None
    """Peak resident memory in bytes of the largest single process of the tree, when a sampler measured it."""


@dataclass(frozen=True, slots=True)
class MemorySample:
    """The memory of a process tree at one moment, in bytes."""

    total: int
    """Summed over the processes."""
    largest: int
    """Of the largest single process."""


def cpu_seconds() -> float:
    """User + system CPU time of this process and of every child it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass(slots=True)
class BuildReport:
    """The result of :func:`evdigest.build.engine.build`."""

    published: bool = False
    """True when a new site was switched in; False for a no-op build or a failure."""
    version: str | None = None
    """The published site folder (``.builds/<version>``)."""
    up_to_date: bool = False
    """Nothing changed since the last build: nothing was read, rendered or written."""
    actions: list[Action] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Site paths the previous build had and this one dropped (deleted or renamed sources)."""
    leftovers: list[str] = field(default_factory=list)
    """What builds that were killed had left in the output folder, removed (names relative to it)."""
    errors: list[str] = field(default_factory=list)
    """Sources skipped (``file:line: message``) or, when the build failed, why."""
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    stages: list[StageTiming] = field(default_factory=list)
    entries: int = 0
    files: int = 0
    """Files in the published site."""
    failed: str | None = None
    """Why nothing was published (template, config or render failure, or ``--strict``)."""
    sampler: Callable[[], MemorySample] | None = None
    """Returns the current memory of the process tree; set by the benchmark."""
    _open: list[StageTiming] = field(default_factory=list, repr=False, compare=False)
    _sampling: _MemorySampler | None = field(default=None, repr=False, compare=False)

    @property
    def exit_code(self) -> int:
        """0 when the build succeeded (skipped sources included), 1 when it failed."""
        return 1 if self.failed else 0

    def detach_sampler(self) -> None:
        """Forget the memory sampler and its thread (they belong to this process: a report sent to
        another goes without them)."""
        self.sampler = None
        self._sampling = None

    def rebuilt(self, stage: str) -> list[str]:
        """Targets of one stage that were (re)made, in order."""
        return [a.target for a in self.actions if a.stage == stage]

    def add(self, stage: str, target: str, reason: str) -> None:
        """Record that ``target`` was (re)made by ``stage`` because of ``reason``."""
        self.actions.append(Action(stage, target, reason))

    @contextmanager
    def stage(self, name: str) -> Iterator[StageTiming]:
        """Time the enclosed block as one stage."""
        timing, end = self._start(name)
        try:
            yield timing
        finally:
            end()

    def begin(self, name: str) -> Callable[[], StageTiming]:
        """Start timing a stage that may run beside others (made in another process or thread); the
        function returned ends it. Stages that overlap each count the time and memory of the whole span."""
        return self._start(name)[1]

    def _start(self, name: str) -> tuple[StageTiming, Callable[[], StageTiming]]:
        timing = StageTiming(name)
        self._open.append(timing)
        wall, cpu = time.perf_counter(), cpu_seconds()
        if self.sampler is not None and self._sampling is None:
            self._sampling = _MemorySampler(self.sampler)
        window = self._sampling.open() if self._sampling is not None else None

        def end() -> StageTiming:
            timing.wall = time.perf_counter() - wall
            timing.cpu = cpu_seconds() - cpu
            if self._sampling is not None and window is not None:
                timing.peak_rss, timing.peak_process = self._sampling.close(window)
            self._open.remove(timing)
            self.stages.append(timing)
            return timing

        return timing, end

    def summary(self) -> str:
        """A readable account: what was rebuilt and why, what was removed, errors, timings."""
        lines: list[str] = []
        if self.up_to_date:
            lines.append("Nothing changed since the last build.")
        for action in self.actions:
            lines.append(f"  rebuilt {action}")
        for path in self.removed:
            lines.append(f"  removed {path}")
        for name in self.leftovers:
            lines.append(f"  removed {name}  (left by a build that was killed)")
        for err in self.errors:
            lines.append(f"error: {err}")
        for warn in self.warnings:
            lines.append(f"warning: {warn}")
        for note in self.notices:
            lines.append(f"note: {note}")
        if self.stages:
            lines.append("  " + ", ".join(f"{s.name} {s.wall:.2f}s" for s in self.stages))
        if self.failed:
            lines.append(f"Build failed, nothing published: {self.failed}")
        elif self.published:
            left_out = f", leaving out {self.left_out()}" if self.errors else ""
            lines.append(
                f"Published {self.entries} entries, {self.files} files (site version {self.version}){left_out}."
            )
        elif self.up_to_date and self.errors:
            lines.append(f"The published site leaves out {self.left_out()}.")
        return "\n".join(lines)

    def left_out(self) -> str:
        """What a published site lacks for the build's errors (each a source or editorial file skipped)."""
        count = len(self.errors)
        return f"what the {count} error{'s' if count > 1 else ''} above name{'' if count > 1 else 's'}"


class _MemorySampler:
    """One thread sampling a memory function for every stage open at the time (stages overlap): each stage
    keeps the peaks of the samples taken while it was open and of the last one before, the total and
    the largest process each on its own (they may peak at different moments).

    A sample of a large process tree takes a few hundredths of a second of processor time (the system
    walks every page to count shared ones), so nothing waits for one but the first, and the thread rests
    four times as long as its last sample's processor time (at least ``interval``, at most ``longest``):
    measuring takes a fifth of a core at most, which would otherwise be taken from the build it
    measures. (Its processor time, not its wall time: a sample waits for the interpreter's lock while
    the build runs Python code.)"""

    def __init__(self, sample: Callable[[], MemorySample], interval: float = 0.02, longest: float = 0.25) -> None:
        self._sample = sample
        self._interval = interval
        self._longest = longest
        self._lock = threading.Lock()
        self._last = sample()
        self._windows: dict[int, list[int]] = {}
        self._count = 0
        self._running = False

    def open(self) -> int:
        """Begin a stage's window (its peaks start from the last sample); returns its number. The thread
        runs while a window is open."""
        with self._lock:
            self._count += 1
            self._windows[self._count] = [self._last.total, self._last.largest]
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, daemon=True).start()
            return self._count

    def close(self, window: int) -> tuple[int, int]:
        """End a window: the peaks (total, largest process) of the samples it saw."""
        with self._lock:
            total, largest = self._windows.pop(window)
        return total, largest

    def take(self) -> float:
        """Take one sample for every open window; returns the processor time it took."""
        start = time.thread_time()
        now = self._sample()
        with self._lock:
            self._last = now
            for peaks in self._windows.values():
                peaks[0] = max(peaks[0], now.total)
                peaks[1] = max(peaks[1], now.largest)
        return time.thread_time() - start

    def _run(self) -> None:
        rest = self._interval
        while True:
            time.sleep(rest)
            with self._lock:
                if not self._windows:
                    self._running = False
                    return
            rest = self.rest(self.take())

    def rest(self, cost: float) -> float:
        """How long to rest after a sample that took ``cost`` seconds of processor time."""
        return min(max(self._interval, 4 * cost), self._longest)
