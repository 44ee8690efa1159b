"""A build killed with SIGKILL leaves its staging area; the next build removes it, a no-op one too, unless a
build holds the output folder's lock."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from evdigest.cli import main

REPO = Path(__file__).resolve().parents[1]


def site_files(output: Path) -> dict[str, bytes]:
    site = (output / "site").resolve()
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def staging_areas(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if p.name.startswith(".tmp-"))


def group_gone(pgid: int, timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


def test_the_staging_area_of_a_killed_build_is_removed_by_the_next_build_that_finds_nothing_to_do(
    tmp_path: Path, capsys
) -> None:
    content, output = tmp_path / "content", tmp_path / "out"
    shutil.copytree(REPO / "content", content)
    args = ["build", "--content", str(content), "--output", str(output), "--only", "html,exports", "--jobs", "1"]
    assert main(args) == 0
    before = site_files(output)

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cmd = [sys.executable, "-m", "evdigest", *args, "--force", "--quiet"]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        end = time.monotonic() + 60
        while not staging_areas(output):
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "the build ended"
            assert time.monotonic() < end, "the build made no staging area"
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)  # the build alone, as kill -9 would
        assert proc.wait(timeout=30) == -signal.SIGKILL
        assert group_gone(proc.pid), "processes of the killed build outlived it"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    left = staging_areas(output)
    assert left and site_files(output) == before

    capsys.readouterr()
    fd = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    try:  # while a build holds the lock, the staging areas may be its own: they stay
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(args) == 0
        assert staging_areas(output) == left
    finally:
        os.close(fd)

    assert main(args) == 0
    printed = capsys.readouterr().err
    assert "Nothing changed since the last build." in printed
    assert f"removed {left[0]}  (left by a build that was killed)" in printed
    assert staging_areas(output) == [] and site_files(output) == before
