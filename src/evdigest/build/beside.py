"""Part of a renderer's aggregate files made in a forked process while the renderer makes the rest.

A renderer that can split its aggregate files (the site's reference index of some editions, say)
is given a :class:`Beside`. Calling it forks a process that makes that part's files and stores
their bytes in the build's blob store; the renderer goes on with the rest and then waits for the
part's files (as :class:`~evdigest.hashing.StoredFile`) and for what the renderer asked the
process to send back. What the process learned for the next build (formatted references, pinyin)
is kept in the waiting process, as for any other worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from .. import pinyin
from ..hashing import StoredFile
from ..refs import format_cache
from . import forked
from .cache import BlobStore

Learned = tuple[dict[str, Any], dict[pinyin.Key, Any]]
"""What rendering in another process learned that the build keeps for the next one: the references it
formatted and the pinyin it asked for."""

Files = Iterable[tuple[str, "bytes | StoredFile"]]


def learned_here(asked: pinyin.Recorded) -> Learned:
    """What this process learned for the process it answers (see :data:`Learned`): the references formatted
    here and not sent yet, and the pinyin ``asked`` recorded."""
    return format_cache.active_store().drain(), asked.asked


def learn(learned: Learned) -> None:
    """Keep in this process what a worker or a forked process learned (see :data:`Learned`)."""
    formatted, asked = learned
    format_cache.active_store().merge(formatted)
    pinyin.adopt(asked)


class Beside:
    """Starts parts of a renderer's aggregate files in forked processes (see the module)."""

    def __init__(self, blobs: BlobStore, lock_fd: int | None) -> None:
        self.blobs = blobs
        self.lock_fd = lock_fd

    def __call__(self, make: Callable[[], Files], state: Callable[[], Any], label: str) -> Waiting:
        """Fork a process that stores the files ``make()`` yields, then calls ``state()``; ``label`` names
        the part in errors."""
        blobs = self.blobs

        def work() -> tuple[list[tuple[str, StoredFile]], Any, Learned]:
            with pinyin.Recorded() as asked:
                files = [(path, _stored(blobs, data)) for path, data in make()]
                extra = state()
            return files, extra, learned_here(asked)

        process, reader = forked.start(work, self.lock_fd, label)
        return Waiting(process, reader, label)


class Waiting:
    """A part being made in a forked process (:class:`Beside`)."""

    def __init__(self, process: BaseProcess, reader: Connection, label: str) -> None:
        self.process = process
        self.reader = reader
        self.label = label
        self.done = False

    def result(self) -> tuple[list[tuple[str, StoredFile]], Any]:
        """Wait for the part: its files and what ``state()`` returned; raise the process's error."""
        self.done = True
        files, extra, learned = forked.answer(self.process, self.reader, self.label)
        learn(learned)
        return files, extra

    def stop(self) -> None:
        """Stop the process unless its answer was taken (the renderer failed or was closed)."""
        if self.done:
            return
        self.done = True
        forked.stop(self.process, self.reader)


def _stored(blobs: BlobStore, data: Any) -> StoredFile:
    if isinstance(data, StoredFile):
        return data
    if isinstance(data, (bytes, bytearray, memoryview)):
        return StoredFile(blobs.put(bytes(data)))
    return StoredFile(blobs.put_chunks(data))
