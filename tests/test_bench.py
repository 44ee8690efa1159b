"""The benchmark's synthetic corpus and its floor renderer (the timings themselves are never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.build.bench import floor_markdown, floor_render, format_table, stage_table
from evdigest.build.report import BuildReport, StageTiming
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


def test_stage_table_and_format() -> None:
    report = BuildReport(
        stages=[StageTiming("html", 1.0, 0.5, 2**20), StageTiming("html-aggregates", 2.0, 1.0, 3 * 2**20)]
    )
    table = stage_table(report)
    assert table["html pages"] == {"wall": 1.0, "cpu": 0.5, "peak_mb": 1.0}
    assert table["html aggregates"]["peak_mb"] == 3.0
    assert "build failed" in format_table({"runs": [{"size": 5, "failed": "boom"}]})
