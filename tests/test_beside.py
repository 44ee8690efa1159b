"""Part of the aggregate files made in a forked process (:mod:`evdigest.build.beside`): its answer, its
errors, and that it never outlives the process waiting for it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from evdigest.build import forked
from evdigest.build.beside import Beside
from evdigest.build.cache import BlobStore
from evdigest.hashing import StoredFile


def _blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", tmp_path / "staging")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has ended: it only waits for its parent to read its status
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_gone(pid: int, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_part_is_stored_and_answered(tmp_path: Path) -> None:
    blobs = _blobs(tmp_path)
    waiting = Beside(blobs, None)(lambda: iter([("a.html", b"<p>a</p>"), ("b.txt", [b"b", b"c"])]), lambda: 42, "part")
    files, extra = waiting.result()
    assert extra == 42
    assert [path for path, _ in files] == ["a.html", "b.txt"] and all(isinstance(f, StoredFile) for _, f in files)
    assert [blobs.read(f.sha) for _, f in files] == [b"<p>a</p>", b"bc"]


def test_an_error_in_the_part_is_raised_where_it_is_waited_for(tmp_path: Path) -> None:
    def broken():
        raise ValueError("no such page")

    with pytest.raises(ValueError, match="no such page"):
        Beside(_blobs(tmp_path), None)(broken, lambda: None, "part").result()


def test_a_stopped_part_ends(tmp_path: Path) -> None:
    pids = tmp_path / "pid"

    def slow():
        pids.write_text(str(os.getpid()))
        time.sleep(60)
        return iter(())

    waiting = Beside(_blobs(tmp_path), None)(slow, lambda: None, "part")
    while not pids.exists():
        time.sleep(0.02)
    waiting.stop()
    assert not waiting.process.is_alive()


def test_a_part_forked_from_a_forked_process_leaves_the_lock_number_alone(tmp_path: Path) -> None:
    """The build's lock is closed in the first forked process, so its number may name another file there
    (a pipe's end): the part forked from there does not close it again."""
    lock = os.open(tmp_path / "lock", os.O_CREAT | os.O_RDWR)
    blobs = _blobs(tmp_path)

    def middle():
        other = os.open(tmp_path / "other", os.O_CREAT | os.O_RDWR)
        os.dup2(other, lock)  # the lock's number now names another file, as a new pipe's end may

        def still_open() -> bool:
            try:
                os.fstat(lock)
            except OSError:
                return False
            return True

        return Beside(blobs, lock)(lambda: iter(()), still_open, "part").result()[1]

    try:
        process, reader = forked.start(middle, lock, "middle")
        assert forked.receive(process, reader) is True
    finally:
        os.close(lock)


def test_a_part_ends_with_the_process_that_forked_it(tmp_path: Path) -> None:
    """A part whose parent died without stopping it ends too, and does not keep the pipe its parent
    answers through open (the build would wait for it)."""
    blobs = _blobs(tmp_path)
    grandchild = tmp_path / "grandchild"

    def middle():
        def sleeper():
            written = grandchild.with_name("grandchild.tmp")
            written.write_text(str(os.getpid()))
            written.replace(grandchild)  # whole when it appears: the parent reads it once it exists
            time.sleep(60)
            return iter(())

        Beside(blobs, None)(sleeper, lambda: None, "sleeping part")
        while not grandchild.exists():
            time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGKILL)  # dies without stopping its part

    began = time.monotonic()
    process, reader = forked.start(middle, None, "middle")
    with pytest.raises(EOFError):
        forked.receive(process, reader)
    assert process.exitcode == -signal.SIGKILL
    assert _wait_gone(int(grandchild.read_text()))
    assert time.monotonic() - began < 30  # not the 60 s the part would have slept
