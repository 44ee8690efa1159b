"""Processes a build starts end with it: a killed build leaves no worker behind, nor its lock."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from evdigest.lifetime import end_with, worker_started

REPO = Path(__file__).resolve().parents[1]
POOL_SCRIPT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from evdigest.lifetime import end_with, worker_started
if sys.argv[1] == "executor":
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=end_with, initargs=(os.getpid(),))
    list(pool.map(time.sleep, [0.2, 0.2]))
else:
    fd = os.open(os.devnull, os.O_RDONLY)
    pool = multiprocessing.get_context("fork").Pool(2, worker_started, (os.getpid(), fd))
    pool.map(time.sleep, [0.2, 0.2], chunksize=1)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(60)
"""


def gone(pids: list[int], timeout: float = 10.0) -> bool:
    """Whether every process of ``pids`` has ended (a zombie has) within ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        alive = []
        for pid in pids:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    alive.append(pid)
            except psutil.NoSuchProcess:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent's death signal is Linux's")
@pytest.mark.parametrize("kind", ["executor", "pool"])
def test_a_pool_worker_ends_when_the_process_that_started_it_is_killed(kind: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-c", POOL_SCRIPT, kind], stdout=subprocess.PIPE, env=env, text=True)
    workers = [int(pid) for pid in proc.stdout.readline().split()]  # type: ignore[union-attr]
    try:
        assert workers and proc.pid not in workers
        assert all(psutil.Process(pid).ppid() == proc.pid for pid in workers)
        proc.kill()  # the parent alone: nothing is sent to its workers
        proc.wait(timeout=10)
        assert gone(workers), [p for p in workers if psutil.pid_exists(p)]
    finally:
        _kill_all(workers)
        proc.kill()


def test_a_worker_closes_the_lock_it_inherited(tmp_path: Path) -> None:
    fd = os.open(tmp_path / "lock", os.O_CREAT | os.O_RDWR)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit status
        worker_started(os.getppid(), fd)
        try:
            os.fstat(fd)
        except OSError:
            os._exit(0)
        os._exit(1)
    _, status = os.waitpid(child, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0


def test_end_with_a_parent_already_gone_ends_at_once() -> None:
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit status
        end_with(os.getppid() + 10**6)  # not its parent: as if the parent had ended before this ran
        os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 1


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent's death signal is Linux's")
def test_a_build_killed_while_its_workers_run_leaves_none_and_the_next_build_runs(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    output = tmp_path / "out"
    cmd = [sys.executable, "-m", "evdigest", "build", "--content", str(content), "--output", str(output)]
    cmd += ["--jobs", "2", "--only", "html,exports"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        end = time.monotonic() + 60
        while not workers and proc.poll() is None and time.monotonic() < end:
            workers = [child.pid for child in psutil.Process(proc.pid).children(recursive=True)]
            time.sleep(0.01)
        assert workers, "the build started no worker"
        proc.kill()  # the build alone, as the system's out-of-memory killer or a kill -9 would
        proc.wait(timeout=10)
        assert gone(workers), "workers outlived the build"
    finally:
        _kill_all(workers)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
