"""The build engine with test stages: incremental rebuilds, failures, strict mode, deleted sources."""

from __future__ import annotations

import json
import multiprocessing.pool
import os
import re
from pathlib import Path

import pytest
from build_doubles import (
    FakeStages,
    calls,
    config_for,
    make_corpus,
    reset_calls,
    site_files,
    snapshot,
    write_source,
)

from evdigest.build.engine import build
from evdigest.errors import BuildError
from evdigest.render.search import shard_of


def run(root: Path, content: Path, output: Path, **kwargs):
    reset_calls(root)
    return build(config_for(content, output), stages=FakeStages(root), progress=False, **kwargs)


@pytest.fixture
def corpus(tmp_path: Path):
    content, output = make_corpus(tmp_path, 3)
    report = run(tmp_path, content, output)
    assert report.published and report.exit_code == 0
    return tmp_path, content, output


def renders(root: Path) -> list[str]:
    return sorted(" ".join(c.split()[:3]) for c in calls(root) if c.startswith("render"))


def test_first_build_publishes_every_output(corpus) -> None:
    root, content, output = corpus
    files = site_files(output)
    for slug in ("s0", "s1", "s2"):
        assert f"html/{slug}.html" in files and f"pdf/{slug}.txt" in files and f"exports/{slug}.txt" in files
    assert {"html/index.txt", "pdf/index.txt", "exports/index.txt"} <= set(files)
    # Each entry's pages are indexed in the search bundle of its shard; the listing names the bundles.
    shards = {slug: shard_of(slug) for slug in ("s0", "s1", "s2")}
    assert len(set(shards.values())) == 3
    for slug, shard in shards.items():
        assert files[f"pagefind/{shard}/index.txt"].decode().split() == [f"html/{slug}.html"]
    assert json.loads(files["pagefind/shards.json"]) == sorted(shards.values())
    assert (output / "site").is_symlink()
    assert (output / "reports" / "html.txt").read_text() == "3 entries\n"


def test_noop_rebuild_renders_nothing(corpus) -> None:
    root, content, output = corpus
    before = snapshot(output)
    report = run(root, content, output)
    assert report.up_to_date and not report.published
    assert calls(root) == []
    assert snapshot(output) == before


def test_noop_without_fast_path_still_renders_nothing(corpus) -> None:
    """Touching a file (mtime only) re-hashes it but changes no key: nothing is parsed or rendered."""
    root, content, output = corpus
    source = content / "sources" / "s1.txt"
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    (content / "pages").mkdir()  # an empty folder is not an input either
    report = run(root, content, output)
    assert report.up_to_date
    assert calls(root) == []


def test_changing_one_source_rerenders_that_entry_and_aggregates_only(corpus) -> None:
    root, content, output = corpus
    old = site_files(output)
    write_source(content, "s1", "Review number 1, revised", refs="shared, own1")
    report = run(root, content, output)
    assert report.published
    assert [c for c in calls(root) if c.startswith("parse ")] == ["parse sources/s1.txt"]
    assert renders(root) == ["render exports s1", "render html s1", "render pdf s1"]
    assert sorted(c for c in calls(root) if c.startswith("aggregate")) == [
        "aggregate exports",
        "aggregate html",
        "aggregate pdf",
    ]
    assert report.rebuilt("parse") == ["sources/s1.txt"]
    assert report.rebuilt("html") == ["s1", "aggregates"]
    assert any(a.reason == "source changed" for a in report.actions)
    # Only the search bundle holding s1's pages is indexed again.
    assert [c for c in calls(root) if c.startswith("search")] == [f"search pagefind/{shard_of('s1')}"]
    assert report.rebuilt("search") == [f"search shard {shard_of('s1')}"]
    new = site_files(output)
    assert new["html/s1.html"] != old["html/s1.html"] and new["html/s0.html"] == old["html/s0.html"]
    # Unchanged files are hard links to the same cached blob as the previous version's.
    assert (output / "site" / "html" / "s0.html").stat().st_nlink >= 2


def test_editorial_change_reparses_its_entry(corpus) -> None:
    root, content, output = corpus
    (content / "editorial" / "s2.md").write_text("featured", encoding="utf-8")
    report = run(root, content, output)
    assert not any(c.startswith("parse ") for c in calls(root))  # only the corpus steps ran again
    assert report.rebuilt("parse") == ["corpus steps"]
    assert renders(root) == ["render exports s2", "render html s2", "render pdf s2"]
    assert site_files(output)["html/s2.html"].decode().endswith("|featured|2")


def test_template_change_rerenders_every_page_using_it(corpus) -> None:
    root, content, output = corpus
    (root / "templates" / "html.tpl").write_text("html template v2", encoding="utf-8")
    report = run(root, content, output)
    assert renders(root) == ["render html s0", "render html s1", "render html s2"]
    assert "aggregate html" in calls(root) and "aggregate pdf" not in calls(root)
    assert {a.reason for a in report.actions if a.stage == "html"} == {"templates changed"}
    assert all(v.startswith(b"html template v2") for k, v in site_files(output).items() if k.startswith("html/"))
    assert not any(c.startswith("parse ") for c in calls(root))


def test_config_change_rerenders_everything(corpus) -> None:
    root, content, output = corpus
    (content / "evdigest.toml").write_text('issue_date = "2026-11-15"\ntitle_en = "Other"\n', encoding="utf-8")
    report = run(root, content, output)
    assert len(renders(root)) == 9
    assert {a.reason for a in report.actions if a.stage in ("html", "pdf")} == {"configuration changed"}
    assert not any(c.startswith("parse ") for c in calls(root))


def test_force_ignores_the_cache(corpus) -> None:
    root, content, output = corpus
    before = site_files(output)
    report = run(root, content, output, force=True)
    assert report.published and len(renders(root)) == 9
    assert [(a.stage, a.target, a.reason) for a in report.actions][0] == ("build", "everything", "--force")
    assert [c for c in calls(root) if c.startswith("parse ")] == [f"parse sources/s{i}.txt" for i in range(3)]
    assert site_files(output) == before


@pytest.mark.parametrize("set_aside", ["--force", "the program changed since the last build"])
def test_only_keeps_the_published_outputs_it_leaves_out_when_the_cache_is_set_aside(
    corpus, monkeypatch, set_aside: str
) -> None:
    """A build limited with --only whose cache was set aside (--force, a new version of the program) keeps
    the other outputs as published; the next build that renders them makes them again."""
    from evdigest.build import cache

    root, content, output = corpus
    before = site_files(output)
    if set_aside != "--force":
        monkeypatch.setattr(cache, "code_version", lambda: "another version")
    report = run(root, content, output, force=set_aside == "--force", only=("exports",))
    assert report.published and ("build", "everything", set_aside) in [
        (a.stage, a.target, a.reason) for a in report.actions
    ]
    assert renders(root) == ["render exports s0", "render exports s1", "render exports s2"]
    assert site_files(output) == before  # html, PDFs and the search index kept as published
    report = run(root, content, output, only=("html", "exports"))
    assert renders(root) == ["render html s0", "render html s1", "render html s2"]
    assert set(report.rebuilt("html")) == {"s0", "s1", "s2", "aggregates"}
    assert site_files(output) == before


def test_only_builds_every_output_when_the_last_builds_files_are_unknown(corpus) -> None:
    """An index that cannot be read tells nothing of what was published: a build limited with --only makes
    every output rather than publish a site holding only those."""
    from evdigest.build.cache import INDEX_NAME

    root, content, output = corpus
    before = site_files(output)
    (output / ".cache" / INDEX_NAME).write_bytes(b"not an index")
    report = run(root, content, output, only=("exports",))
    assert report.published
    assert ("build", "every output") in [(a.stage, a.target) for a in report.actions]
    assert {"render html s0", "render pdf s0", "render exports s0"} <= set(renders(root))
    assert site_files(output) == before


def test_deleted_source_takes_its_outputs_with_it(corpus) -> None:
    root, content, output = corpus
    (content / "sources" / "s0.txt").unlink()
    report = run(root, content, output)
    files = site_files(output)
    assert not any(re.search(r"\bs0\b", path) for path in files)
    assert b"s0" not in files["html/index.txt"] and shard_of("s0") not in files["pagefind/shards.json"].decode()
    assert report.removed == ["exports/s0.txt", "html/s0.html", f"pagefind/{shard_of('s0')}/index.txt", "pdf/s0.txt"]
    assert renders(root) == []


def test_renamed_source_moves_its_outputs(corpus) -> None:
    root, content, output = corpus
    (content / "sources" / "s2.txt").unlink()
    write_source(content, "s9", "Review number 2", refs="shared, own2")
    report = run(root, content, output)
    files = site_files(output)
    assert "html/s9.html" in files and "html/s2.html" not in files
    assert "html/s2.html" in report.removed


def test_unparsable_source_is_skipped_and_the_rest_published(corpus) -> None:
    root, content, output = corpus
    (content / "sources" / "s1.txt").write_text("slug: s1\nUNPARSABLE\n", encoding="utf-8")
    report = run(root, content, output)
    assert report.exit_code == 0 and report.published
    assert report.errors == ["sources/s1.txt:2: expected 'key: value' lines"]
    files = site_files(output)
    assert "html/s1.html" not in files and "html/s0.html" in files
    again = run(root, content, output)
    assert again.up_to_date and again.errors == report.errors


def test_no_readable_source_publishes_nothing_over_the_site(corpus) -> None:
    """Every source unreadable: the build fails with their errors and the last site stays, as with no sources."""
    root, content, output = corpus
    for i in range(3):
        (content / "sources" / f"s{i}.txt").write_text("UNPARSABLE", encoding="utf-8")
    before = snapshot(output)
    report = run(root, content, output)
    assert report.exit_code == 1 and not report.published
    assert report.failed == "none of the 3 source(s) could be read"
    assert len(report.errors) == 3
    assert snapshot(output) == before
    assert renders(root) == []


def test_strict_publishes_nothing_on_an_error(corpus) -> None:
    root, content, output = corpus
    (content / "sources" / "s1.txt").write_text("UNPARSABLE", encoding="utf-8")
    before = snapshot(output)
    report = run(root, content, output, strict=True)
    assert report.exit_code == 1 and "--strict" in report.failed
    assert snapshot(output) == before
    assert renders(root) == []


def test_strict_fails_on_a_warning(corpus) -> None:
    root, content, output = corpus
    write_source(content, "s1", "Review number 1", extra="warn: no Chinese abstract\n")
    before = snapshot(output)
    report = run(root, content, output, strict=True)
    assert report.exit_code == 1
    assert report.warnings == ["sources/s1.txt:1: abstract.zh: no Chinese abstract"]
    assert snapshot(output) == before
    # Without --strict the warning is reported and the build publishes.
    assert run(root, content, output).published


def test_template_failure_publishes_nothing_and_changes_nothing(corpus) -> None:
    root, content, output = corpus
    write_source(content, "s0", "A change that must not appear")
    (root / "templates" / "pdf.tpl").write_text("BROKEN {%", encoding="utf-8")
    before = snapshot(output)
    report = run(root, content, output)
    assert report.exit_code == 1 and "unexpected end of template" in report.failed
    assert snapshot(output) == before


def test_streamed_aggregate_files_are_stored_whole(corpus) -> None:
    root, content, output = corpus
    files = site_files(output)
    assert files["pdf/index.txt"] == b"pdf template v1\ns0: Review number 0\ns1: Review number 1\ns2: Review number 2\n"
    write_source(content, "s1", "Renamed review")
    report = run(root, content, output)
    assert report.published and b"s1: Renamed review" in site_files(output)["pdf/index.txt"]


def test_an_aggregate_file_written_twice_fails_the_build(corpus) -> None:
    root, content, output = corpus
    (root / "templates" / "pdf.tpl").write_text("pdf template TWICE", encoding="utf-8")
    before = snapshot(output)
    report = run(root, content, output)
    assert report.exit_code == 1 and "pdf/index.txt: written twice" in report.failed
    assert snapshot(output) == before


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        ("error", "html aggregates: the glossary template failed"),
        ("killed", "html aggregates: the process making them ended unexpectedly"),
    ],
)
def test_aggregates_made_in_a_process_of_their_own_fail_the_build_cleanly(
    corpus, monkeypatch, failure: str, expected: str
) -> None:
    """An error in the process making the aggregates comes back to the build; a process that dies
    without answering fails the build too; either way nothing changes."""
    root, content, output = corpus
    from build_doubles import FakeRenderer

    original = FakeRenderer.aggregate_outputs
    parent = os.getpid()

    def fail(self, cache_dir):
        if self.name != "html":  # the fake html renderer makes its aggregates apart
            return original(self, cache_dir)
        assert os.getpid() != parent
        if failure == "killed":
            os._exit(9)
        raise BuildError("html aggregates: the glossary template failed")

    monkeypatch.setattr(FakeRenderer, "aggregate_outputs", fail)
    write_source(content, "s0", "Changed")
    before = snapshot(output)
    report = run(root, content, output)
    assert report.exit_code == 1 and expected in report.failed
    assert snapshot(output) == before


@pytest.mark.parametrize("failing", [False, True])
def test_aggregates_made_apart_run_beside_each_other(corpus, monkeypatch, failing: bool) -> None:
    """With two jobs the build goes on while one renderer's aggregates are made apart: the next
    renderer's entries are rendered (one changed: no worker pool) and its aggregates are made at the same time (each waits here until it sees the other has
    started), and the site is the one a single job makes. When one of them fails, the build fails
    and nothing changes."""
    import time

    root, content, output = corpus
    from build_doubles import FakeRenderer

    original_init, original = FakeRenderer.__init__, FakeRenderer.aggregate_outputs

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.aggregates_apart = self.name in ("html", "exports")

    def meet(self, cache_dir):
        if self.name in ("html", "exports"):
            other = root / ("started-exports" if self.name == "html" else "started-html")
            (root / f"started-{self.name}").write_text("", encoding="utf-8")
            deadline = time.monotonic() + 20
            while not other.exists():
                assert time.monotonic() < deadline, f"{self.name} aggregates made alone"
                time.sleep(0.01)
            if failing and self.name == "exports":
                raise BuildError("exports aggregates: the index failed")
        return original(self, cache_dir)

    monkeypatch.setattr(FakeRenderer, "__init__", init)
    monkeypatch.setattr(FakeRenderer, "aggregate_outputs", meet)
    write_source(content, "s0", "Changed")
    before = snapshot(output)
    report = run(root, content, output, jobs=2, only=("html", "exports"))
    if failing:
        assert report.exit_code == 1 and "exports aggregates: the index failed" in report.failed
        assert snapshot(output) == before
        return
    assert report.published, report.failed
    assert {"html-aggregates", "exports-aggregates"} <= {s.name for s in report.stages}
    together = site_files(output)
    monkeypatch.setattr(FakeRenderer, "aggregate_outputs", original)
    assert run(root, content, output, force=True, jobs=1, only=("html", "exports")).published
    assert site_files(output) == together  # the PDFs, left out, kept as they were


def test_aggregates_made_apart_begin_before_entries_rendered_in_the_build(corpus, monkeypatch) -> None:
    """With two jobs and one changed source (no worker pool), a renderer's aggregates process starts before
    the changed entry is rendered, and both are made at the same time (the entry waits until the aggregates
    have started); the site is the one a single job makes."""
    import time

    root, content, output = corpus
    from build_doubles import FakeRenderer

    assert run(root, content, output, jobs=2, only=("html",)).published
    original_entry, original_aggregates = FakeRenderer.entry_outputs, FakeRenderer.aggregate_outputs

    def aggregates(self, cache_dir):
        (root / f"aggregates-{self.name}").write_text("", encoding="utf-8")
        return original_aggregates(self, cache_dir)

    def entry(self, e):
        if self.name == "html":
            deadline = time.monotonic() + 20
            while not (root / "aggregates-html").exists():
                assert time.monotonic() < deadline, "the entry was rendered before the aggregates began"
                time.sleep(0.01)
        return original_entry(self, e)

    monkeypatch.setattr(FakeRenderer, "aggregate_outputs", aggregates)
    monkeypatch.setattr(FakeRenderer, "entry_outputs", entry)
    write_source(content, "s0", "Changed")
    report = run(root, content, output, jobs=2, only=("html",))
    assert report.published, report.failed
    assert sorted(report.rebuilt("html")) == ["aggregates", "s0"]
    html = lambda: {p: b for p, b in site_files(output).items() if p.startswith("html/")}  # noqa: E731
    made = html()
    monkeypatch.undo()
    assert run(root, content, output, force=True, jobs=1, only=("html",)).published
    assert html() == made


def test_render_failure_in_a_worker_changes_nothing(corpus, monkeypatch) -> None:
    root, content, output = corpus
    from build_doubles import FakeRenderer

    def explode(self, entry):
        raise BuildError(f"{entry.slug}: the PDF engine refused the page")

    monkeypatch.setattr(FakeRenderer, "entry_outputs", explode)
    write_source(content, "s0", "Changed")
    before = snapshot(output)
    report = run(root, content, output, jobs=2)
    assert report.exit_code == 1 and "refused the page" in report.failed
    assert snapshot(output) == before


def test_a_failure_elsewhere_stops_the_aggregates_being_made_apart(corpus, monkeypatch) -> None:
    """When the build fails while a renderer's aggregates are still being made in their own process,
    that process is stopped before the build returns (it would go on writing into the staging area),
    and nothing changes."""
    import time

    root, content, output = corpus
    from build_doubles import FakeRenderer

    original_entries = FakeRenderer.entry_outputs

    def hang(self, cache_dir):
        (root / "aggregates-pid").write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(60)
        return {}

    def explode(self, entry):
        if self.name == "exports":
            deadline = time.monotonic() + 20
            while not (root / "aggregates-pid").exists():  # the html aggregates are under way
                assert time.monotonic() < deadline
                time.sleep(0.01)
            raise BuildError(f"{entry.slug}: the exporter failed")
        return original_entries(self, entry)

    monkeypatch.setattr(FakeRenderer, "aggregate_outputs", hang)
    monkeypatch.setattr(FakeRenderer, "entry_outputs", explode)
    write_source(content, "s0", "Changed")
    before = snapshot(output)
    start = time.monotonic()
    report = run(root, content, output, jobs=2, only=("html", "exports"))
    assert report.exit_code == 1 and "the exporter failed" in report.failed
    assert time.monotonic() - start < 30  # not waiting for the aggregates to finish
    pid = int((root / "aggregates-pid").read_text(encoding="utf-8"))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped
    assert snapshot(output) == before


def test_build_hands_the_garbage_collector_back_as_it_found_it(corpus) -> None:
    """A build freezes its long-lived objects and collects less often; the dev server builds again in the
    same process, so both are undone afterwards, also when the build fails."""
    import gc

    root, content, output = corpus
    threshold = gc.get_threshold()
    write_source(content, "s0", "Changed")
    seen: list[tuple[int, tuple[int, int, int]]] = []
    real_stages = FakeStages(root)
    ingest = real_stages.ingest

    def watching(*args, **kwargs):
        seen.append((gc.get_freeze_count(), gc.get_threshold()))
        return ingest(*args, **kwargs)

    real_stages.ingest = watching
    reset_calls(root)
    assert build(config_for(content, output), stages=real_stages, progress=False).published
    assert seen and seen[0][0] > 0 and seen[0][1] != threshold
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold
    (root / "templates" / "html.tpl").write_text("BROKEN {%", encoding="utf-8")
    write_source(content, "s1", "Changed")
    assert run(root, content, output).exit_code == 1
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold


def test_failed_first_build_leaves_no_output_folder(tmp_path: Path) -> None:
    content, output = make_corpus(tmp_path, 2)
    (tmp_path / "templates" / "html.tpl").write_text("BROKEN", encoding="utf-8")
    report = run(tmp_path, content, output)
    assert report.exit_code == 1
    assert not output.exists()


def test_only_renders_the_chosen_outputs_and_keeps_the_rest(corpus) -> None:
    root, content, output = corpus
    before = site_files(output)
    write_source(content, "s0", "Retitled")
    report = run(root, content, output, only=("html",))
    assert renders(root) == ["render html s0"]
    files = site_files(output)
    assert files["pdf/s0.txt"] == before["pdf/s0.txt"]  # carried over, not re-printed
    assert files["html/s0.html"] != before["html/s0.html"]
    assert report.published
    with pytest.raises(BuildError, match="unknown output 'epub'"):
        run(root, content, output, only=("epub",))


@pytest.mark.parametrize("only", [("exports",), ("html",), ("html", "exports")])
def test_only_makes_again_the_outputs_left_out_that_showed_a_deleted_source(corpus, only) -> None:
    """A deleted source's entry is in the left-out outputs' files for the whole digest (the home page, the search
    index, the whole index's exports, the digest PDF): those outputs are made too, and the site is the one a
    full build makes."""
    root, content, output = corpus
    (content / "sources" / "s0.txt").unlink()
    report = run(root, content, output, only=only)
    assert report.published
    files = site_files(output)
    for name in ("html", "pdf", "exports"):
        assert b"s0" not in files[f"{name}/index.txt"]
    assert shard_of("s0") not in files["pagefind/shards.json"].decode()
    assert {(a.stage, a.target) for a in report.actions if "left out by --only" in a.reason} == {
        (name, "every output") for name in ("html", "pdf", "exports") if name not in only
    }
    assert {a.reason for a in report.actions if "left out by --only" in a.reason} <= {
        "left out by --only, but s0 is gone"
    }
    full = run(root, content, output, force=True)
    assert full.published and site_files(output) == files
    # two sources gone
    write_source(content, "s3", "Review number 3")
    assert run(root, content, output).published
    for slug in ("s1", "s2"):
        (content / "sources" / f"{slug}.txt").unlink()
    report = run(root, content, output, only=("exports",))
    assert ("html", "every output", "left out by --only, but s1 and 1 more are gone") in {
        (a.stage, a.target, a.reason) for a in report.actions
    }


def test_only_keeps_what_it_leaves_out_after_a_source_is_added(corpus) -> None:
    """An added source is not in the kept files: nothing they show is gone, so they are kept as they are."""
    root, content, output = corpus
    before = site_files(output)
    write_source(content, "s7", "Review number 7")
    report = run(root, content, output, only=("html",))
    files = site_files(output)
    assert files["pdf/index.txt"] == before["pdf/index.txt"] and "pdf/s7.txt" not in files
    assert not [a for a in report.actions if "left out by --only" in a.reason]


def test_parallel_rendering_uses_worker_processes(tmp_path: Path) -> None:
    content, output = make_corpus(tmp_path, 4)
    report = run(tmp_path, content, output, jobs=2)
    pids = {c.split("pid=")[1] for c in calls(tmp_path) if c.startswith("render")}
    assert str(os.getpid()) not in pids and len(pids) >= 1
    # 3 files per entry, 3 aggregates, 4 search bundles (one per entry here) and their listing.
    assert len({shard_of(f"s{i}") for i in range(4)}) == 4
    assert report.published and len(site_files(output)) == 4 * 3 + 3 + 4 + 1


def test_quick_renderers_hand_entries_to_workers_in_chunks(tmp_path: Path, monkeypatch) -> None:
    """A ``chunked`` renderer's entries go to the workers a few at a time; every entry is rendered once and
    the site is the one a single process makes."""
    from build_doubles import FakeRenderer

    from evdigest.build import engine

    assert [engine.chunk_size(n, 2) for n in (1, 63, 64, 200, 1000, 100000)] == [1, 1, 1, 3, 15, engine.MAX_CHUNK]
    monkeypatch.setattr(FakeRenderer, "chunked", True, raising=False)
    monkeypatch.setattr(engine, "CHUNKS_PER_WORKER", 2)  # chunks of 3 entries for 12 entries and 2 workers
    sizes: list[int] = []
    imap = multiprocessing.pool.Pool.imap_unordered

    def noted(self, func, iterable, chunksize=1):
        sizes.append(chunksize)
        return imap(self, func, iterable, chunksize)

    monkeypatch.setattr(multiprocessing.pool.Pool, "imap_unordered", noted)
    content, output = make_corpus(tmp_path, 12)
    assert run(tmp_path, content, output, jobs=2).published
    renders = [c for c in calls(tmp_path) if c.startswith("render")]
    assert sizes and set(sizes) == {3}
    assert len(renders) == len({r.split(" pid=")[0] for r in renders})  # no entry rendered twice
    reset_calls(tmp_path)
    assert run(tmp_path, content, tmp_path / "serial", jobs=1).published
    assert site_files(tmp_path / "serial") == site_files(output)


def test_workers_render_entries_read_from_the_stored_digest(tmp_path: Path, monkeypatch) -> None:
    """A forked worker renders its own copy of each entry, read from the build's stored pickle, not the
    objects it inherited (whose memory pages it would copy); one process renders the objects it has."""
    from build_doubles import FakeRenderer, log

    from evdigest.build import engine

    render = FakeRenderer.entry_outputs

    def checking(self, entry):
        inherited = engine._WORK[2].entries
        log(self.root, f"copy {self.name} {entry.slug} {'inherited' if any(entry is e for e in inherited) else 'own'}")
        return render(self, entry)

    monkeypatch.setattr(FakeRenderer, "entry_outputs", checking)
    content, output = make_corpus(tmp_path, 4)
    parallel = run(tmp_path, content, output, jobs=2)
    copies = [c for c in calls(tmp_path) if c.startswith("copy ")]
    assert copies and all(c.endswith(" own") for c in copies)
    serial = tmp_path / "serial"
    reset_calls(tmp_path)
    assert run(tmp_path, content, serial, jobs=1).published and parallel.published
    copies = [c for c in calls(tmp_path) if c.startswith("copy ")]
    assert copies and all(c.endswith(" inherited") for c in copies)
    assert site_files(serial) == site_files(output)


def test_the_index_of_an_earlier_version_is_replaced(corpus) -> None:
    """A cache left by a version that kept its index as JSON builds from scratch and drops that file."""
    root, content, output = corpus
    (output / ".cache" / "index.pickle").unlink()
    (output / ".cache" / "index.json").write_text('{"format": 1}', encoding="utf-8")
    reset_calls(root)
    assert run(root, content, output).published
    assert len(renders(root)) == 9  # three entries, three renderers: nothing kept without an index
    assert (output / ".cache" / "index.pickle").is_file() and not (output / ".cache" / "index.json").exists()
    assert run(root, content, output).up_to_date


def test_old_versions_are_pruned(corpus) -> None:
    root, content, output = corpus
    for i in range(4):
        write_source(content, "s0", f"Title {i}")
        run(root, content, output)
    versions = sorted(p.name for p in (output / ".builds").iterdir() if p.is_dir())
    assert len(versions) == 2 and os.readlink(output / "site").endswith(versions[-1])
    lists = sorted(p.name for p in (output / ".builds").iterdir() if p.is_file())
    assert lists == [f"{v}.files" for v in versions]  # each kept version with its file list, no other
    assert not [p for p in output.iterdir() if p.name.startswith(".tmp-")]


def test_same_doi_in_a_new_source_merges_without_reparsing_the_others(corpus) -> None:
    root, content, output = corpus
    write_source(content, "s0", "Review number 0", extra="doi: 10.1/x\n")
    run(root, content, output)
    write_source(content, "t0", "Same paper pasted again", extra="doi: 10.1/x\n")
    report = run(root, content, output)
    assert [c for c in calls(root) if c.startswith("parse ")] == ["parse sources/t0.txt"]
    assert report.entries == 3 and "html/t0.html" not in site_files(output)


def test_progress_is_plain_lines_when_not_a_terminal() -> None:
    import io

    from evdigest.build.progress import PlainProgress, QuietProgress, make_progress

    stream = io.StringIO()
    progress = make_progress(True, stream=stream)
    assert isinstance(progress, PlainProgress)
    with progress.task("html", 3) as step:
        step()
        step(2)
    assert stream.getvalue() == "html: 3 to do\nhtml: 3/3 done\n"
    assert isinstance(make_progress(False), QuietProgress)


def test_reference_strings_are_parsed_once_across_builds(corpus) -> None:
    root, content, output = corpus
    write_source(content, "s1", "Review number 1", refs="shared, own1, brand-new")
    run(root, content, output)
    assert [c for c in calls(root) if c.startswith("parse-ref")] == ["parse-ref brand-new"]


def test_refused_fetches_reach_the_report_from_workers_and_cached_entries(corpus, monkeypatch) -> None:
    root, content, output = corpus
    from build_doubles import FakeRenderer

    render = FakeRenderer.entry_outputs

    def refusing(self, entry):
        self.noted = [*getattr(self, "noted", []), f"{entry.slug}: refused to fetch https://example.org/x.png"]
        return render(self, entry)

    def drain_notes(self):
        notes, self.noted = getattr(self, "noted", []), []
        return notes

    monkeypatch.setattr(FakeRenderer, "entry_outputs", refusing)
    monkeypatch.setattr(FakeRenderer, "drain_notes", drain_notes, raising=False)
    write_source(content, "s0", "Changed")
    report = run(root, content, output, jobs=2)
    refused = [n for n in report.notices if "refused to fetch" in n]
    assert refused and all(n.startswith("s0: ") for n in refused)
    write_source(content, "s1", "Changed too")
    again = run(root, content, output, jobs=2)
    assert {n for n in again.notices if n.startswith("s0: ")} == set(refused)
    assert any(n.startswith("s1: ") for n in again.notices)


def test_entry_context_follows_only_the_glossary_terms_its_pages_hold() -> None:
    """Corpus glossary terms are shielded wherever they occur; a new term elsewhere changes no other page."""
    from evdigest.build.engine import entry_contexts
    from evdigest.model import Bilingual, Digest, Entry, GlossaryTerm

    a = Entry(id="a", slug="a", source="sources/a.txt", family="pubmed-cn", title=Bilingual(zh="外泌体的分泌机制"))
    b = Entry(id="b", slug="b", source="sources/b.txt", family="pubmed-cn", title=Bilingual(zh="迁移体的功能"))
    before, _, _ = entry_contexts(Digest((a, b), (), (GlossaryTerm("迁移体", "migrasome"),)))
    after, _, _ = entry_contexts(
        Digest((a, b), (), (GlossaryTerm("迁移体", "migrasome"), GlossaryTerm("外泌体", "exosome")))
    )
    assert after["a"] != before["a"] and after["b"] == before["b"]


def test_entry_context_follows_the_works_it_cites_and_their_terms() -> None:
    """An entry's pages show the works it cites: a changed work (its citation key included), or a new term
    found only in a cited work, changes the context of the entries citing it and of no other; the entries' pickles load
    back as the entries."""
    import hashlib
    import pickle

    from evdigest.build.engine import entry_contexts
    from evdigest.model import Digest, Entry, GlossaryTerm, Reference, Work

    def entry(slug: str, work: str) -> Entry:
        ref = Reference(1, f"raw {work}", work_id=work, csl={"id": work})
        return Entry(id=slug, slug=slug, source=f"sources/{slug}.txt", family="pubmed-cn", references=(ref,))

    a, b = entry("a", "w1"), entry("b", "w2")
    w1 = Work("w1", {"id": "w1", "title": "外泌体综述"}, raw="raw w1")
    w2 = Work("w2", {"id": "w2", "title": "Migrasomes"}, raw="raw w2")
    pickled: dict[str, bytes] = {}

    def store(data: bytes) -> str:
        pickled[hashlib.sha256(data).hexdigest()] = data
        return hashlib.sha256(data).hexdigest()

    base, _, stored = entry_contexts(Digest((a, b), (w1, w2), ()), store)
    assert [pickle.loads(pickled[sha]) for sha in stored] == [a, b]
    changed, _, _ = entry_contexts(
        Digest((a, b), (w1, Work("w2", {"id": "w2", "title": "Migrasome"}, raw="raw w2")), ())
    )
    assert changed["a"] == base["a"] and changed["b"] != base["b"]
    # a work whose citation key changed (another work now shares its base): the lists citing it export it anew
    rekeyed, _, _ = entry_contexts(Digest((a, b), (w1, Work("w2", w2.csl, raw="raw w2", key="b2020miga")), ()))
    assert rekeyed["a"] == base["a"] and rekeyed["b"] != base["b"]
    termed, _, _ = entry_contexts(Digest((a, b), (w1, w2), (GlossaryTerm("外泌体", "exosome"),)))
    assert termed["a"] != base["a"] and termed["b"] == base["b"]


def test_work_key_follows_the_work_and_every_entry_citing_it() -> None:
    """A work's key changes with its fields and with any entry citing it (whose reference number,
    sentences, title and slug its index row and JSON line show), and with no other entry."""
    import dataclasses

    from evdigest.build.engine import entry_contexts
    from evdigest.model import Bilingual, CitedBy, Digest, Entry, Reference, Work

    def entry(slug: str, works: list[str], title: str = "") -> Entry:
        refs = tuple(Reference(n, f"raw {w}", work_id=w, csl={"id": w}) for n, w in enumerate(works, 1))
        return Entry(
            id=slug,
            slug=slug,
            source=f"sources/{slug}.txt",
            family="pubmed-cn",
            title=Bilingual(en=title),
            references=refs,
        )

    def works(*entries: Entry, status: str = "full") -> tuple[Work, ...]:
        cited: dict[str, list[CitedBy]] = {}
        for e in entries:
            for r in e.references:
                cited.setdefault(r.work_id, []).append(CitedBy(e.slug, r.number))
        return tuple(
            Work(w, {"id": w}, cited_by=tuple(c), status=status, raw=f"raw {w}") for w, c in sorted(cited.items())
        )

    a, b, c = entry("a", ["w1", "w2"]), entry("b", ["w2"]), entry("c", ["w3"])
    _, base, _ = entry_contexts(Digest((a, b, c), works(a, b, c), ()))
    assert set(base) == {"w1", "w2", "w3"}
    retitled = dataclasses.replace(b, title=Bilingual(en="Migrasomes"))
    _, after, _ = entry_contexts(Digest((a, retitled, c), works(a, retitled, c), ()))
    assert after["w2"] != base["w2"] and after["w1"] == base["w1"] and after["w3"] == base["w3"]
    renumbered = entry("b", ["w3", "w2"])  # b now cites w2 as its second reference, and w3
    _, after, _ = entry_contexts(Digest((a, renumbered, c), works(a, renumbered, c), ()))
    assert after["w1"] == base["w1"] and after["w2"] != base["w2"] and after["w3"] != base["w3"]
    _, after, _ = entry_contexts(Digest((a, c), works(a, c), ()))  # b removed
    assert after["w2"] != base["w2"] and after["w1"] == base["w1"] and after["w3"] == base["w3"]
    _, after, _ = entry_contexts(Digest((a, b, c), works(a, b, c, status="partial"), ()))
    assert all(after[w] != base[w] for w in base)


def test_value_bytes_depend_on_values_not_on_shared_objects() -> None:
    import pickle

    from evdigest.hashing import value_bytes
    from evdigest.model import Citation

    text = "外泌体的分泌" * 3
    copy = "".join(list(text))  # equal, but another object
    assert copy is not text
    shared = (Citation("1", text), Citation("2", text))
    separate = (Citation("1", text), Citation("2", copy))
    assert pickle.dumps(shared) != pickle.dumps(separate)  # the memo writes a back-reference
    assert value_bytes(shared) == value_bytes(separate)
    assert value_bytes(shared) != value_bytes((Citation("1", text), Citation("2", text + "。")))


def test_freed_memory_is_handed_back_on_glibc() -> None:
    import platform

    from evdigest.build import engine

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")
    assert engine._malloc_trim() is not None
    engine.release_memory()


def test_aggregate_files_may_name_bytes_the_store_already_holds(tmp_path: Path) -> None:
    from evdigest.build.cache import BlobStore
    from evdigest.build.engine import _aggregate_files
    from evdigest.hashing import StoredFile

    blobs = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    kept = blobs.put(b"<p>kept letter page</p>")

    class Kept:
        def __init__(self, sha: str) -> None:
            self.sha = sha

        def aggregate_outputs(self, cache_dir):
            yield "en/references/a/index.html", StoredFile(self.sha)
            yield "en/index.html", b"<p>home</p>"

        def reports(self):
            return {}

    files, notes, reports = _aggregate_files(Kept(kept), blobs, tmp_path)
    assert files == {"en/index.html": blobs.put(b"<p>home</p>"), "en/references/a/index.html": kept}
    with pytest.raises(BuildError, match="en/references/a/index.html: kept from the last build"):
        _aggregate_files(Kept("0" * 64), blobs, tmp_path)


def _entries_citing(count: int):
    from evdigest.model import Bilingual, Entry, Reference

    return [
        Entry(
            id=f"e{i}",
            slug=f"e{i:03d}",
            source=f"sources/e{i}.txt",
            family="pubmed-cn",
            title=Bilingual(zh="外泌体" if i % 3 else "迁移体", en=f"Entry {i}"),
            references=(Reference(1, f"raw w{i % 7}", work_id=f"w{i % 7}", csl={"id": f"w{i % 7}"}),),
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("child", ["answers", "dies"])
def test_entries_are_hashed_by_two_processes_with_the_same_result(tmp_path: Path, monkeypatch, child: str) -> None:
    """A large digest's entries and works are pickled (the entries stored) half by a forked process, with
    the keys, stored pickles and prints of a single process; if that process dies, its half is done by
    the build."""
    import hashlib
    import pickle

    from evdigest.build import entry_hashes as module
    from evdigest.build.engine import entry_contexts
    from evdigest.model import Digest, GlossaryTerm, Work

    entries = _entries_citing(12)
    digest = Digest(
        tuple(entries), tuple(Work(f"w{k}", {"id": f"w{k}"}) for k in range(7)), (GlossaryTerm("外泌体", "exosome"),)
    )

    def store(data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        (tmp_path / f"{sha}.{os.getpid()}").write_bytes(data)
        return sha

    originals = {e.source: (f"read-{e.slug}", e) for e in entries}
    alone_seen = module.Recognition(originals, {}, lambda sha: True)
    alone = entry_contexts(digest, recognise=alone_seen)
    monkeypatch.setattr(module, "FORK_FROM", 4)
    if child == "dies":
        monkeypatch.setattr(module, "_hash_all", _dying_in_child(module._hash_all, os.getpid()))
    forked_seen = module.Recognition(originals, {}, lambda sha: True)
    forked = entry_contexts(digest, store, fork=True, recognise=forked_seen)
    assert forked == alone
    # what the next build recognises the entries by comes from both halves
    assert forked_seen.remember == alone_seen.remember and len(alone_seen.remember) == len(entries)
    stored = {path.name.split(".")[0]: path for path in tmp_path.iterdir()}
    assert [pickle.loads(stored[sha].read_bytes()) for sha in forked[2]] == entries
    writers = {path.name.split(".")[1] for path in tmp_path.iterdir()}
    if child == "answers":
        assert len(writers) == 2 and str(os.getpid()) in writers
    else:
        assert writers == {str(os.getpid())}


def _dying_in_child(hash_all, parent: int):
    def hash_or_die(*args):
        if os.getpid() != parent:
            os._exit(3)
        return hash_all(*args)

    return hash_or_die


def test_pagefind_runs_as_the_extended_binary_itself_or_else_through_its_module(monkeypatch) -> None:
    import subprocess
    import sys

    from evdigest.render import search

    search.pagefind_executable.cache_clear()
    found = search.pagefind_executable()
    assert len(found) == 1 and Path(found[0]).name == "pagefind_extended"
    assert subprocess.run([*found, "--version"], capture_output=True, text=True, check=True).stdout.startswith(
        "pagefind"
    )
    search.pagefind_executable.cache_clear()
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # not importable
    assert search.pagefind_executable() == [sys.executable, "-m", "pagefind"]
    search.pagefind_executable.cache_clear()


def test_search_shards_grow_with_the_entries() -> None:
    """About 32 entries a bundle, in 16 to 64 bundles; each entry's pages stay together in one."""
    from evdigest.build.engine import search_shards
    from evdigest.render.search import MAX_SHARDS, MIN_SHARDS, shard_count

    assert [shard_count(n) for n in (0, 100, 512, 513, 1000, 1024, 1025, 2048, 10_000)] == [
        16, 16, 16, 32, 32, 32, 64, 64, 64,
    ]  # fmt: skip
    for entries, count in ((100, MIN_SHARDS), (1000, 32), (5000, MAX_SHARDS)):
        html = {
            f"e{i}": {"files": {f"en/e{i}.html": f"a{i}", f"zh/e{i}.html": f"b{i}", f"e{i}.bib": "c"}}
            for i in range(entries)
        }
        html["empty"] = {"files": {"empty.bib": "d"}}  # no pages: counts for nothing
        shards = search_shards(html)
        assert len(shards) == count
        assert sum(len(pages) for pages in shards.values()) == 2 * entries
        assert all(not p.endswith(".bib") for pages in shards.values() for p in pages)
        assert shards[shard_of("e7", count)]["zh/e7.html"] == "b7"
        assert max(len(p) for p in shards.values()) < 3 * 2 * entries / count  # spread evenly enough


def test_a_few_changed_bundles_are_indexed_beside_the_aggregates(tmp_path: Path) -> None:
    """With two jobs, a rebuild that re-indexes one search bundle begins it once the entry pages are
    rendered, while the aggregates are made (the fake pdf aggregate waits for it); the site equals a
    build by one job, and the bundle is reported once."""
    content, output = make_corpus(tmp_path, 3)
    assert run(tmp_path, content, output, jobs=2).published
    write_source(content, "s1", "Review number 1, revised", refs="shared, own1")
    (tmp_path / "await-search").touch()
    (tmp_path / "searching").unlink(missing_ok=True)
    report = run(tmp_path, content, output, jobs=2)
    assert report.published
    assert "aggregate pdf after search" in calls(tmp_path)
    assert report.rebuilt("search") == [f"search shard {shard_of('s1')}"]
    alone = tmp_path / "alone"
    (alone / "templates").mkdir(parents=True)
    for tpl in (tmp_path / "templates").iterdir():
        (alone / "templates" / tpl.name).write_bytes(tpl.read_bytes())
    assert run(alone, content, alone / "out", jobs=1).published
    assert site_files(alone / "out") == site_files(output)


def test_many_changed_bundles_are_indexed_after_the_aggregates(tmp_path: Path) -> None:
    """A first build indexes every bundle: after the aggregates, never beside them."""
    content, output = make_corpus(tmp_path, 3)
    (tmp_path / "await-search").write_text("0.5")  # seconds the fake pdf aggregate waits
    assert run(tmp_path, content, output, jobs=2).published
    assert "aggregate pdf without search" in calls(tmp_path)


@pytest.mark.parametrize("path", ["/etc/passwd", "../up.html", "a/../../b", "", ".", "./", "a\\b.html", "//x"])
def test_a_renderer_cannot_write_outside_the_site(path: str) -> None:
    from evdigest.build.engine import _check_path

    with pytest.raises(BuildError, match="refusing to write outside the site"):
        _check_path(path, "html")


@pytest.mark.parametrize("path", ["index.html", "en/entries/a/index.html", "./en/a.html", "a..b/c.html"])
def test_paths_inside_the_site_are_accepted(path: str) -> None:
    from evdigest.build.engine import _check_path

    _check_path(path, "html")
