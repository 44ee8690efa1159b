"""Work done in a forked process that answers once through a pipe: the parent starts it, goes on with
its own work, then reads the answer (what the work returned, or the exception it raised)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from ..errors import BuildError
from ..lifetime import end_with

_answering: Connection | None = None
"""In a forked process, the pipe end it answers through (a process it forks closes its copy)."""
_lock_closed = False
"""In a forked process, whether the build's lock was closed here already (its number may name another file)."""


def start(work: Callable[[], Any], lock_fd: int | None, label: str) -> tuple[BaseProcess, Connection]:
    """Fork a process that closes ``lock_fd`` (a process outliving a killed build holds no lock), runs
    ``work()`` on its copy of this one's memory and sends back what it returns or raises (as a
    :class:`BuildError` naming ``label`` when that cannot be sent). Returns the process and the pipe's
    reading end.

    The process ends when this one does (its parent's death signal, on Linux) or finds its answer's pipe
    gone; so the thread calling this must outlive the work. A process forked from a forked process closes
    its copy of the pipe that one answers through and leaves the lock alone (closed there already)."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    if _lock_closed:  # forked from a forked process: the lock is closed here, its number may be reused
        lock_fd = None
    process = context.Process(target=_answer, args=(reader, writer, work, lock_fd, label, os.getpid()))
    try:
        process.start()
    except BaseException:
        reader.close()
        raise
    finally:
        writer.close()
    return process, reader


def receive(process: BaseProcess, reader: Connection) -> Any:
    """The process's answer (``EOFError`` when it ended without one); the pipe is closed and the
    process joined either way."""
    try:
        return reader.recv()
    finally:
        reader.close()
        process.join()


def answer(process: BaseProcess, reader: Connection, label: str) -> Any:
    """What the process's work returned (:func:`receive`); the error it raised is raised here, and a
    :class:`BuildError` naming ``label`` when it ended without answering."""
    try:
        outcome = receive(process, reader)
    except EOFError:
        raise BuildError(f"{label}: the process making them ended unexpectedly") from None
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def stop(process: BaseProcess, reader: Connection) -> None:
    """Stop the process without waiting for its answer (the pipe is closed, the process joined)."""
    reader.close()
    if process.is_alive():
        process.terminate()
    process.join()


def _answer(
    reader: Connection, writer: Connection, work: Callable[[], Any], lock_fd: int | None, label: str, parent: int
) -> None:
    global _answering, _lock_closed
    end_with(parent)
    reader.close()  # the parent's end: a process whose parent is gone gets a broken pipe, not a hang
    if _answering is not None:  # the pipe its parent answers through is not this process's
        _answering.close()
    _answering = writer
    if lock_fd is not None:
        os.close(lock_fd)
        _lock_closed = True
    try:
        outcome: Any = work()
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = err
    try:
        writer.send(outcome)
    except Exception as err:  # noqa: BLE001 - an answer that does not pickle
        writer.send(BuildError(f"{label}: {type(outcome).__name__}: {outcome} ({err})"))
    writer.close()
