"""Processes that end with the process that started them.

A build that is killed cannot stop the processes it started: a worker left waiting for work would
live on, and one holding the build's lock would keep every later build out of the output folder.
Each process a build starts therefore asks the system to end it when its parent ends."""

from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def end_with(parent: int) -> None:
    """Have the system end this process when ``parent`` ends (Linux: the parent's death signal; elsewhere
    a pipe's end or the pool's own checks do), and end now if it has ended already: work whose parent
    stopped or failed has no one to answer."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def worker_started(parent: int, lock_fd: int | None = None) -> None:
    """A pool worker's first step: end with ``parent`` (:func:`end_with`) and close the build's lock it
    inherited (``lock_fd``), so that nothing it leaves behind holds the output folder."""
    end_with(parent)
    if lock_fd is not None:
        os.close(lock_fd)
