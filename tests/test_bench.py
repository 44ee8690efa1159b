"""The benchmark's synthetic corpus and its floor renderer (the timings themselves are never asserted)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from evdigest.build.bench import floor_markdown, floor_render, format_table, stage_table, tree_memory
from evdigest.build.report import BuildReport, MemorySample, StageTiming, _MemorySampler
from evdigest.build.synth import generate, load_samples
from evdigest.ingest import ingest

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("synth")
    samples = load_samples(CONTENT / "sources", CONTENT)
    stats = generate(samples, 12, root / "sources", seed=7)
    result = ingest(sorted((root / "sources").iterdir()), root, jobs=1)
    return samples, stats, result, root


def test_generated_sources_parse_into_distinct_entries(corpus) -> None:
    samples, stats, result, root = corpus
    assert {s.family for s in samples} == {"platform-record", "pubmed-cn", "journal-fulltext"}
    assert [str(f) for f in result.failures] == []
    assert len(result.entries) == 12 == stats.sources == stats.distinct_texts
    assert len({e.doi for e in result.entries}) == 12 and len({e.title.en for e in result.entries}) == 12
    assert len(stats.families) >= 2


def test_full_texts_get_about_forty_shared_references(corpus) -> None:
    samples, stats, result, root = corpus
    fulltexts = [e for e in result.entries if e.family == "journal-fulltext"]
    assert fulltexts
    for entry in fulltexts:
        assert 35 <= len(entry.references) <= 45
        assert all(r.cited_in for r in entry.references[:10])
    assert 0.2 < stats.shared_share < 1.0 and stats.distinct_references < stats.references


def test_generation_is_deterministic(tmp_path: Path, corpus) -> None:
    samples, stats, result, root = corpus
    again = generate(samples, 12, tmp_path / "sources", seed=7)
    assert again == stats
    for path in sorted((root / "sources").iterdir()):
        assert (tmp_path / "sources" / path.name).read_bytes() == path.read_bytes()


def test_floor_render_writes_every_page(tmp_path: Path, corpus) -> None:
    samples, stats, result, root = corpus
    entries = list(result.entries)[:3]
    floor = floor_render(entries, 2, tmp_path)
    assert floor["pages"] == 6 and len(list(tmp_path.glob("*.html"))) == 6
    assert 0 < floor["markdown_share"] < 1
    assert "## References" in floor_markdown(entries[0])


def test_floor_markdown_holds_what_the_entry_page_shows(corpus) -> None:
    """The floor renders the same pages: tables, definitions, citing sentences, and the full text only
    where the page shows it."""
    samples, stats, result, root = corpus
    entry = next(e for e in result.entries if e.tables and e.definitions and e.sections)
    text = floor_markdown(entry)
    assert all(cell in text for row in entry.tables[0].rows for cell in row if cell)
    assert all(d.term in text and d.text in text for d in entry.definitions)
    cited = [c.sentence for r in entry.references for c in r.cited_in]
    assert cited and all(sentence in text for sentence in cited)
    paragraph = next(p for s in entry.sections for p in s.paragraphs if p not in text)
    assert paragraph in floor_markdown(entry, fulltext=True)
    html = floor_render([entry], 1, root / "floor")
    assert html["pages"] == 1
    page = next((root / "floor").glob("*.html")).read_text(encoding="utf-8")
    assert "<table>" in page and "<li>" in page


def test_stage_table_and_format() -> None:
    report = BuildReport(
        stages=[
            StageTiming("html", 1.0, 0.5, 2**20, 2**19),
            StageTiming("html-aggregates", 2.0, 1.0, 3 * 2**20, 2 * 2**20),
            StageTiming("exports", 0.5, 0.5, 2**20, 2**20),
            StageTiming("exports-aggregates", 0.5, 0.5, 2 * 2**20, 2**19),
        ]
    )
    table = stage_table(report)
    assert table["html pages"] == {"wall": 1.0, "cpu": 0.5, "peak_mb": 1.0, "process_mb": 0.5}
    assert table["html aggregates"]["peak_mb"] == 3.0 and table["html aggregates"]["process_mb"] == 2.0
    assert table["exports"] == {"wall": 1.0, "cpu": 1.0, "peak_mb": 2.0, "process_mb": 1.0}
    assert "build failed" in format_table({"runs": [{"size": 5, "failed": "boom"}]})


def test_tree_memory_counts_children_and_the_largest_process() -> None:
    import subprocess
    import sys

    alone = tree_memory()
    assert 0 < alone.largest <= alone.total
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; b = bytearray(200 * 2**20); sys.stdin.read()"],
        stdin=subprocess.PIPE,
    )
    try:
        import time

        for _ in range(100):  # until the child has touched its 200 MB
            sample = tree_memory()
            if sample.total - alone.total > 150 * 2**20:
                break
            time.sleep(0.05)
        assert sample.total - alone.total > 150 * 2**20
        assert sample.largest >= 150 * 2**20 and sample.largest < sample.total
    finally:
        child.communicate(b"")


def test_stage_peaks_of_total_and_largest_process_are_kept_apart() -> None:
    samples = iter([MemorySample(10, 11), MemorySample(30, 9), MemorySample(50, 50)])
    sampler = _MemorySampler(lambda: next(samples), interval=3600)  # the first sample now, the others when taken
    window = sampler.open()
    sampler.take()
    assert sampler.close(window) == (30, 11)  # the total peaked late, the largest process early
    later = sampler.open()  # a stage opened later starts from the last sample
    sampler.take()
    assert sampler.close(later) == (50, 50)


def test_one_thread_samples_for_all_open_stages_and_rests_while_sampling_is_slow() -> None:
    taken: list[float] = []

    def slow() -> MemorySample:
        taken.append(time.perf_counter())
        busy = time.thread_time() + 0.02
        while time.thread_time() < busy:  # a sample costs processor time (the system walking pages)
            pass
        return MemorySample(len(taken), 1)

    before = threading.active_count()
    sampler = _MemorySampler(slow, interval=0.001)
    windows = [sampler.open() for _ in range(4)]
    assert threading.active_count() == before + 1  # one thread however many stages are open
    time.sleep(0.5)
    peaks = [sampler.close(w) for w in windows]
    gaps = [b - a for a, b in zip(taken[1:], taken[2:], strict=False)]
    assert len(taken) >= 3 and min(gaps) >= 0.09  # each sample took 0.02 s: the thread rests 0.08 s after it
    assert [sampler.rest(cost) for cost in (0.0001, 0.02, 1.0)] == [0.001, 0.08, 0.25]  # a slow sample: 0.25 s
    assert len({p for p in peaks}) == 1 and peaks[0][0] >= 3
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before  # no stage open: the thread has ended

    report = BuildReport(sampler=lambda: MemorySample(40, 25))
    with report.stage("html"):
        pass
    assert (report.stages[0].peak_rss, report.stages[0].peak_process) == (40, 25)


def bench_run(stages: dict, **changed: object) -> dict:
    """A benchmark run as ``run_bench`` records it, for the table."""
    run = {
        "size": 5,
        "entries": 5,
        "editions": 3,
        "corpus": {
            "sources": 5,
            "families": {},
            "references": 9,
            "distinct_references": 7,
            "shared_share": 0.2,
            "bytes_mean": 2048,
            "distinct_texts": 5,
        },
        "cold": {"wall": 3.0, "stages": stages},
        "noop": {"wall": 0.01},
        "html": {
            "ms_per_page": 1.0,
            "pages": 15,
            "floor": {"ms_per_page": 2.0, "markdown_share": 0.9},
            "ratio_to_floor": 0.5,
        },
    }
    return {**run, **changed}


def test_format_table_shows_both_memory_columns() -> None:
    stages = {"html pages": {"wall": 1.0, "cpu": 2.0, "peak_mb": 700.0, "process_mb": 512.0}}
    change = {
        "wall": 0.5,
        "share_of_cold": 0.1,
        "stages": {"html pages": {**stages["html pages"], "process_mb": 400.0}},
    }
    run = bench_run(stages, one_change=change)
    table = format_table({"runs": [run]})
    assert "| html pages | 1.00 | 2.00 | 700 | 512 |" in table
    assert "| **cold build** | 3.00 | | 700 | 512 |" in table
    assert "| one changed source | 0.50 (10.0 % of cold) | | 700 | 400 |" in table


def test_the_changed_sources_are_of_different_families_from_the_middle(tmp_path: Path) -> None:
    from evdigest.build.bench import sources_to_change

    names = [f"bench-{i:05d}-{family}.txt" for i, family in enumerate(["pubmed-cn", "journal-fulltext"] * 3)]
    names.append("bench-00006-platform-record.txt")
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    chosen = [p.name for p in sources_to_change(tmp_path)]
    assert chosen == [
        "bench-00003-journal-fulltext.txt",
        "bench-00004-pubmed-cn.txt",
        "bench-00006-platform-record.txt",
    ]
    assert [p.name for p in sources_to_change(tmp_path, 4)][3] == "bench-00005-journal-fulltext.txt"
    assert len(sources_to_change(tmp_path, 20)) == len(names)


def test_format_table_reports_the_median_rebuild_and_each(tmp_path: Path) -> None:
    stages = {"html pages": {"wall": 1.0, "cpu": 2.0, "peak_mb": 700.0, "process_mb": 512.0}}
    runs = [{"source": f"s{i}.txt", "wall": w, "share_of_cold": w / 10} for i, w in enumerate([0.9, 0.5, 0.7])]
    change = {"wall": 0.7, "share_of_cold": 0.07, "stages": stages, "runs": runs}
    run = bench_run(stages, one_change=change, cold={"wall": 10.0, "stages": stages})
    table = format_table({"runs": [run]})
    assert "| one changed source (median of 3) | 0.70 (7.0 % of cold) | | 700 | 512 |" in table
    assert (
        "Rebuilds after one changed source: s0.txt 0.90 s (9.0 %), s1.txt 0.50 s (5.0 %), s2.txt 0.70 s (7.0 %)."
        in table
    )


def test_each_benchmark_build_runs_in_a_fresh_interpreter(tmp_path: Path, monkeypatch) -> None:
    from evdigest.build import bench

    def here(*args, **kwargs):
        raise AssertionError("built in the benchmark's own process")

    monkeypatch.setattr(bench, "build", here)  # a fresh interpreter imports its own
    report, wall = bench._run(CONTENT, tmp_path / "out", jobs=1, only=("exports",))
    assert report.published and report.entries == 3 and wall > 0
    assert (tmp_path / "out" / "site" / "export").is_dir()
    timings = {t.name: t for t in report.stages}  # measured over the build's own process tree
    assert timings["ingest"].peak_rss and timings["ingest"].peak_process


def test_the_package_is_byte_compiled_before_the_builds_are_timed() -> None:
    import importlib.util

    import evdigest
    from evdigest.build.bench import compile_package

    package = Path(evdigest.__file__).parent
    dropped = Path(importlib.util.cache_from_source(str(package / "text.py")))
    dropped.unlink(missing_ok=True)  # a module already imported here: only its cached bytecode goes
    assert compile_package()
    assert dropped.is_file()
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 50
    assert all(Path(importlib.util.cache_from_source(str(m))).is_file() for m in modules)
