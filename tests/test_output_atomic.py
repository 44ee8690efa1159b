"""Atomic output: a killed or failed build leaves the previous site complete and byte-identical."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from build_doubles import FakeStages, calls, config_for, log, make_corpus, site_files, snapshot, write_source

from evdigest.build.engine import build
from evdigest.build.output import OutputDir
from evdigest.errors import BuildError

DOUBLES = Path(__file__).with_name("build_doubles.py")


def start_build(root: Path, content: Path, output: Path, delay: float) -> subprocess.Popen:
    cmd = [sys.executable, str(DOUBLES), str(root), str(content), str(output), str(delay)]
    return subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the build and its workers, and wait until every one of them is gone."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


def wait_for(path: Path, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "build ended early"
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.02)


def published(tmp_path: Path, count: int = 4) -> tuple[Path, Path, Path]:
    content, output = make_corpus(tmp_path, count)
    assert build(config_for(content, output), stages=FakeStages(tmp_path), progress=False).published
    return tmp_path, content, output


def test_sigkill_mid_render_leaves_previous_site_byte_identical(tmp_path: Path) -> None:
    root, content, output = published(tmp_path)
    before, link = site_files(output), os.readlink(output / "site")
    for i in range(4):
        write_source(content, f"s{i}", f"Rewritten {i}")
    marker = root / "rendering"
    marker.unlink(missing_ok=True)
    proc = start_build(root, content, output, delay=0.5)
    wait_for(marker, proc)
    kill_group(proc)
    assert proc.returncode == -signal.SIGKILL
    assert site_files(output) == before
    assert os.readlink(output / "site") == link
    # Leftovers of the killed build are cleared by the next successful one.
    assert any(p.name.startswith(".tmp-") for p in output.iterdir())
    report = build(config_for(content, output), stages=FakeStages(root), progress=False)
    assert report.published
    assert site_files(output)["html/s0.html"].endswith(b"|Rewritten 0||0")
    assert not any(p.name.startswith(".tmp-") for p in output.iterdir())


@pytest.mark.slow
def test_sigkill_at_any_moment_leaves_old_or_new_site_never_a_mix(tmp_path: Path) -> None:
    root, content, output = published(tmp_path, 6)
    old = site_files(output)
    for i in range(6):
        write_source(content, f"s{i}", f"Second edition {i}")
    seen_new = False
    for delay in (0.0, 0.3, 0.5, 0.7, 0.9, 1.2, 1.6, 2.5):
        proc = start_build(root, content, output, delay=0.02)
        time.sleep(delay)
        kill_group(proc)
        files = site_files(output)
        if files != old:
            new = build(config_for(content, output), stages=FakeStages(root), progress=False)
            assert files == site_files(output), f"a mixed site after a kill at {delay}s"
            assert new.up_to_date or new.published
            seen_new = True
            break
    assert seen_new or site_files(output) == old


def test_transaction_rollback_restores_the_folder(tmp_path: Path) -> None:
    root, content, output = published(tmp_path)
    before = snapshot(output)
    tx = OutputDir(output).begin()
    sha = tx.blobs.put(b"half-written")
    tx.link("html/new.html", sha)
    tx.write_report("build.txt", "partial")
    tx.rollback()
    assert snapshot(output) == before


def test_a_second_build_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    root, content, output = published(tmp_path)
    tx = OutputDir(output).begin()
    try:
        with pytest.raises(BuildError, match="another build"):
            OutputDir(output).begin()
    finally:
        tx.rollback()


def test_a_build_removes_what_killed_builds_left_once_it_holds_the_lock(tmp_path: Path) -> None:
    """Staging areas, the flip's temporary symlink and half-written file lists of killed builds go as the
    next build takes the lock; the published site and its versions stay."""
    root, content, output = published(tmp_path)
    before = snapshot(output)
    (output / ".tmp-999999-1" / "site").mkdir(parents=True)
    os.symlink(".builds/v000001", output / ".site-999999")
    (output / ".builds" / ".v000002.files.999999").write_text("{", encoding="utf-8")
    (output / ".builds" / ".spare.files.999999").write_text("{", encoding="utf-8")
    tx = OutputDir(output).begin()
    try:
        assert tx.leftovers == [
            ".builds/.spare.files.999999",
            ".builds/.v000002.files.999999",
            ".site-999999",
            ".tmp-999999-1",
        ]
    finally:
        tx.rollback()
    assert snapshot(output) == before


def test_plain_site_folder_is_replaced_by_a_version(tmp_path: Path) -> None:
    content, output = make_corpus(tmp_path, 1)
    (output / "site").mkdir(parents=True)
    (output / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert build(config_for(content, output), stages=FakeStages(tmp_path), progress=False).published
    assert (output / "site").is_symlink()
    assert "stale.html" not in site_files(output)


def test_relative_symlink_keeps_working_when_the_folder_moves(tmp_path: Path) -> None:
    root, content, output = published(tmp_path, 1)
    moved = tmp_path / "moved"
    output.rename(moved)
    assert (moved / "site" / "html" / "s0.html").read_bytes().startswith(b"html template v1")


def version_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_version_a_commit_would_prune_becomes_the_next_site(tmp_path: Path) -> None:
    """From the third build on, the site is assembled in the version folder the commit would prune (the
    second, in the first version's spare copy): only
    the files that differ from its file list are replaced, and the result is the site a clean build makes."""
    import json

    root, content, output = published(tmp_path, 4)
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    builds = output / ".builds"
    first, second = sorted(p for p in builds.iterdir() if p.is_dir())
    assert json.loads((second.with_name(second.name + ".files")).read_text("utf-8")).keys() == set(
        version_files(second)
    )
    reused = first.stat().st_ino
    untouched = (first / "html" / "s3.html").stat().st_ino
    (first / "stray.html").write_text("added by hand", encoding="utf-8")  # not in its list: removed
    (first / "html" / "s2.html").unlink()  # in its list but gone: placed again
    (content / "sources" / "s1.txt").unlink()  # a deleted source takes its pages (and their folder) with it
    write_source(content, "s0", "Third")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    third = output / "site"
    assert os.stat(third).st_ino == reused and not first.exists()
    assert (third / "html" / "s3.html").stat().st_ino == untouched
    clean = tmp_path / "clean"
    assert build(config_for(content, clean), stages=FakeStages(root), progress=False).published
    assert site_files(output) == site_files(clean)
    assert sorted(p.name for p in builds.iterdir()) == [second.name, second.name + ".files", "v000003", "v000003.files"]


def test_the_first_version_leaves_a_spare_copy_that_the_second_build_reuses(tmp_path: Path) -> None:
    """The first build publishes one version and a hard-linked copy of it; the second build is assembled
    in that copy (only what differs replaced), so that it need not link every file anew."""
    import json

    root, content, output = published(tmp_path, 4)
    builds = output / ".builds"
    spare, current = builds / "spare", builds / "v000001"
    assert sorted(p.name for p in builds.iterdir()) == ["spare", "spare.files", "v000001", "v000001.files"]
    assert version_files(spare) == version_files(current)
    assert (spare / "html" / "s3.html").stat().st_ino == (current / "html" / "s3.html").stat().st_ino
    assert json.loads((builds / "spare.files").read_text("utf-8")).keys() == set(version_files(spare))
    reused, untouched = spare.stat().st_ino, (current / "html" / "s3.html").stat().st_ino
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    assert os.stat(output / "site").st_ino == reused
    assert (output / "site" / "html" / "s3.html").stat().st_ino == untouched
    assert version_files(current)["html/s0.html"] != site_files(output)["html/s0.html"]  # the first is unchanged
    assert sorted(p.name for p in builds.iterdir()) == ["v000001", "v000001.files", "v000002", "v000002.files"]
    clean = tmp_path / "clean"
    assert build(config_for(content, clean), stages=FakeStages(root), progress=False).published
    assert site_files(output) == site_files(clean)


def test_a_spare_copy_without_its_file_list_is_neither_reused_nor_kept(tmp_path: Path) -> None:
    """A copy cut short (its file list is written last) is removed, and the next site is linked afresh."""
    root, content, output = published(tmp_path, 2)
    builds = output / ".builds"
    (builds / "spare.files").unlink()
    reused = (builds / "spare").stat().st_ino
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    assert os.stat(output / "site").st_ino != reused
    assert sorted(p.name for p in builds.iterdir()) == ["v000001", "v000001.files", "v000002", "v000002.files"]
    assert site_files(output)["html/s0.html"].endswith(b"|Second||0")


def test_a_version_without_a_usable_file_list_is_not_reused(tmp_path: Path) -> None:
    root, content, output = published(tmp_path, 2)
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    first = sorted(p for p in (output / ".builds").iterdir() if p.is_dir())[0]
    (first.with_name(first.name + ".files")).write_text("{not json", encoding="utf-8")
    reused = first.stat().st_ino
    write_source(content, "s0", "Third")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    assert os.stat(output / "site").st_ino != reused and not first.exists()
    assert site_files(output)["html/s0.html"].endswith(b"|Third||0")


def test_a_reused_version_that_does_not_match_its_list_is_replaced_by_a_fresh_site(tmp_path: Path) -> None:
    root, content, output = published(tmp_path, 2)
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    first = sorted(p for p in (output / ".builds").iterdir() if p.is_dir())[0]
    (first / "html" / "s0.html").unlink()
    (first / "html" / "s0.html").mkdir()  # a folder where the list has a file
    (first / "html" / "s0.html" / "x").write_text("in the way", encoding="utf-8")
    write_source(content, "s0", "Third")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    clean = tmp_path / "clean"
    assert build(config_for(content, clean), stages=FakeStages(root), progress=False).published
    assert site_files(output) == site_files(clean)


@pytest.mark.parametrize("jobs", [1, 2])  # with two, the one bundle to index is begun beside the aggregates
def test_a_build_failing_in_its_search_stage_leaves_every_version_as_it_was(tmp_path: Path, jobs: int) -> None:
    root, content, output = published(tmp_path, 2)
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    before = snapshot(output)

    class FailingSearch(FakeStages):
        def search_index(self, site_dir: Path, pages, dest: str) -> None:
            raise BuildError("search failed")

    write_source(content, "s0", "Third")
    report = build(config_for(content, output), stages=FailingSearch(root), progress=False, jobs=jobs)
    assert report.failed and snapshot(output) == before


def test_a_build_failing_while_its_search_index_is_made_waits_for_it(tmp_path: Path) -> None:
    """An aggregate fails while the search bundle begun beside it is being indexed: the build ends only
    once the indexing has, and leaves every version as it was."""
    root, content, output = published(tmp_path, 2)
    before = snapshot(output)

    class SlowSearch(FakeStages):
        def search_index(self, site_dir: Path, pages, dest: str) -> None:
            time.sleep(0.5)
            super().search_index(site_dir, pages, dest)
            log(root, "search done")

    write_source(content, "s0", "Second")
    (root / "templates" / "pdf.tpl").write_text("pdf FAIL-AGGREGATE", encoding="utf-8")
    report = build(config_for(content, output), stages=SlowSearch(root), progress=False, jobs=2)
    assert report.failed
    assert "search done" in calls(root)
    assert snapshot(output) == before


def test_the_reused_folder_is_listed_while_the_build_renders(tmp_path: Path, monkeypatch) -> None:
    """The folder the assembly will take over is listed in a thread begun before rendering (once), and the
    site is the one a clean build makes."""
    import threading

    from evdigest.build import output as output_module

    root, content, output = published(tmp_path, 4)
    threads: list[str] = []
    real = output_module._files_below

    def listing(folder: str) -> set[str]:
        threads.append(threading.current_thread().name)
        return real(folder)

    monkeypatch.setattr(output_module, "_files_below", listing)
    (output / ".builds" / "spare" / "stray.html").write_text("added by hand", encoding="utf-8")
    write_source(content, "s0", "Second")
    assert build(config_for(content, output), stages=FakeStages(root), progress=False).published
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
    clean = tmp_path / "clean"
    assert build(config_for(content, clean), stages=FakeStages(root), progress=False).published
    assert site_files(output) == site_files(clean)
