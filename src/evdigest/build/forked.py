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


def start(work: Callable[[], Any], lock_fd: int | None, label: str) -> tuple[BaseProcess, Connection]:
    """Fork a process that closes ``lock_fd`` (a process outliving a killed build holds no lock), runs
    ``work()`` on its copy of this one's memory and sends back what it returns or raises (as a
    :class:`BuildError` naming ``label`` when that cannot be sent). Returns the process and the pipe's
    reading end."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_answer, args=(writer, work, lock_fd, label))
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


def _answer(writer: Connection, work: Callable[[], Any], lock_fd: int | None, label: str) -> None:
    if lock_fd is not None:
        os.close(lock_fd)
    try:
        outcome: Any = work()
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = err
    try:
        writer.send(outcome)
    except Exception as err:  # noqa: BLE001 - an answer that does not pickle
        writer.send(BuildError(f"{label}: {type(outcome).__name__}: {outcome} ({err})"))
    writer.close()
