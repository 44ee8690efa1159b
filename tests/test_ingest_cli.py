"""``python -m evdigest ingest``: JSON on stdout, failures on stderr, exit status, --table, --content."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evdigest.commands import ingest as command
from evdigest.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "content" / "sources"
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"


def main(argv: list[str]) -> int:
    """Run the ingest command as ``python -m evdigest`` would, without the other commands."""
    assert argv[0] == "ingest"
    parser = argparse.ArgumentParser(prog="evdigest ingest")
    command.add_arguments(parser)
    return command.run(parser.parse_args(argv[1:]))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding copies of the three samples."""
    folder = tmp_path / "content"
    shutil.copytree(SAMPLES, folder / "sources")
    return folder


def test_json_for_the_samples(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["ingest", str(content / "sources"), "--json", "--content", str(content)])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    data = json.loads(out)
    assert [d["family"] for d in data] == ["platform-record", "journal-fulltext", "pubmed-cn"]
    assert [d["source"] for d in data] == [
        "sources/liu-2025-migrasomes.txt",
        "sources/lyu-2026-exosome-secretion.txt",
        "sources/zhang-2025-msc-evs.txt",
    ]
    assert len({d["slug"] for d in data}) == 3 and all(d["id"] for d in data)
    assert all(d["glossary"] for d in data[1:])


def test_failure_exit_status_and_stderr(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = content / "sources" / "truncated.txt"
    shutil.copy(BAD / "truncated-json.txt", bad)
    status = main(["ingest", str(content / "sources"), "--content", str(content)])
    out, err = capsys.readouterr()
    assert status == 1
    assert len(json.loads(out)) == 3
    assert err.count("\n") == 1
    assert bad.is_file() and err.startswith("sources/truncated.txt:2: the JSON record is truncated (it stops before")


def test_editorial_override_via_content(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(content / "sources"), "--content", str(content)])
    slug = next(d["slug"] for d in json.loads(capsys.readouterr().out) if d["family"] == "platform-record")
    (content / "editorial").mkdir()
    (content / "editorial" / f"{slug}.md").write_text(
        "---\nabstract:\n  zh:\n    - {label: null, text: 迁移体综述。}\ntags: [migrasomes]\n---\nWorth reading.\n",
        encoding="utf-8",
    )
    (content / "editorial" / "orphan.md").write_text("---\ntags: [x]\n---\n", encoding="utf-8")
    status = main(["ingest", str(content / "sources"), "--content", str(content)])
    out, err = capsys.readouterr()
    entry = next(d for d in json.loads(out) if d["slug"] == slug)
    assert status == 0
    assert entry["abstract"]["zh"] == [{"label": None, "text": "迁移体综述。"}]
    assert entry["overridden"] == ["abstract.zh", "commentary", "tags"]
    assert "orphan.md:1: no source has the slug 'orphan'" in err


def test_content_folder_as_path_reads_only_its_sources(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "editorial").mkdir()
    (content / "editorial" / "orphan.md").write_text("---\ntags: [x]\n---\nText.\n", encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text("# About\n\nA digest.\n", encoding="utf-8")
    (content / "evdigest.toml").write_text('title = "x"\n', encoding="utf-8")
    (content / "phrases.tsv").write_text("外泌体\texosome\n", encoding="utf-8")
    status = main(["ingest", str(content), "--json", "--content", str(content)])
    out, err = capsys.readouterr()
    assert [d["source"] for d in json.loads(out)] == [
        "sources/liu-2025-migrasomes.txt",
        "sources/lyu-2026-exosome-secretion.txt",
        "sources/zhang-2025-msc-evs.txt",
    ]
    assert status == 0 and err.splitlines() == [
        "warning: editorial/orphan.md:1: no source has the slug 'orphan'; this editorial file is not applied"
    ]


def test_folder_without_sources_reads_its_text_files(tmp_path: Path) -> None:
    sample = (SAMPLES / "zhang-2025-msc-evs.txt").read_bytes()
    (tmp_path / "nested").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "nested/b.md", "a.txt~", "a.txt.bak", "#a.txt#", ".a.txt.swp", ".hidden.txt", ".git/c.txt"):
        (tmp_path / name).write_bytes(sample)
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    result = ingest([tmp_path], tmp_path)
    assert sorted(e.source for e in result.entries) == ["a.txt"] and result.ok
    assert sorted(e.also_from for e in result.entries) == [("nested/b.md",)]
    assert result.notices == ("paper.pdf:1: skipped: not a text file (.markdown, .md, .text, .txt)",)
    named = ingest([tmp_path, tmp_path / "paper.pdf"], tmp_path)
    assert named.notices == () and "paper.pdf" in str(named.failures[0])


def test_internal_error_exit_status_and_stderr(
    content: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from evdigest.sources import journal_fulltext

    def broken(text: str, origin: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(journal_fulltext, "parse", broken)
    status = main(["ingest", str(content / "sources"), "--json", "--content", str(content)])
    out, err = capsys.readouterr()
    assert status == 1 and len(json.loads(out)) == 2
    path = "sources/lyu-2026-exosome-secretion.txt"
    assert err == f"{path}:1: internal error while parsing (ZeroDivisionError: division by zero); please report it\n"


def test_table_output(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["ingest", str(content / "sources"), "--table", "--content", str(content)])
    out = capsys.readouterr().out
    assert status == 0
    for words in ("Entries (3)", "Field coverage", "Warnings", "abstract.zh", "Cell Cycle", "isOpenAccess=false"):
        assert words in out


def test_sources_outside_the_content_folder_stay_relative(tmp_path: Path) -> None:
    result = ingest([SAMPLES / "zhang-2025-msc-evs.txt"], tmp_path / "content")
    source = result.entries[0].source
    assert not Path(source).is_absolute() and source.endswith("content/sources/zhang-2025-msc-evs.txt")


def test_parallel_jobs_give_the_same_result(content: Path) -> None:
    one = ingest([content / "sources"], content, jobs=1)
    two = ingest([content / "sources"], content, jobs=2)
    assert one == two


@pytest.mark.slow
def test_module_entry_point(content: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "evdigest",
            "ingest",
            str(content / "sources" / "zhang-2025-msc-evs.txt"),
            "--json",
            "--content",
            str(content),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["doi"] == "10.3389/fcell.2025.1612589"


# --- "Done when", checked on the samples through the real ingest() -----------------------------


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory: pytest.TempPathFactory):
    """The three samples through ``ingest()`` with the content folder as PATH, as ``evdigest ingest content`` does."""
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(SAMPLES, content / "sources")
    result = ingest([content], content)
    assert result.ok and result.notices == ()
    return {entry.family: entry for entry in result.entries}, result


def test_done_platform_record(samples_run) -> None:
    record = samples_run[0]["platform-record"]
    assert len(record.authors) == 6 and record.doi == "10.1080/15384101.2025.2601237"
    assert (record.journal.name, record.pages) == ("Cell Cycle", "1-22")
    assert (record.metrics.impact_factor, record.metrics.jcr_quartile) == (3.4, "Q3")
    english = " ".join(s.text for s in record.abstract.en)
    assert len(english) > 500 and not re.search(r"<[a-zA-Z/]|&[a-z]+;", english)
    assert record.title.zh and record.abstract.zh == ()
    assert any(w.field == "abstract.zh" for w in record.warnings)


def test_done_pubmed_page(samples_run) -> None:
    page = samples_run[0]["pubmed-cn"]
    assert len(page.authors) == 4 and len(page.affiliations) == 2
    assert (page.journal.name, page.volume, page.article_number) == ("Front Cell Dev Biol", "13", "1612589")
    assert page.doi == "10.3389/fcell.2025.1612589"
    assert page.abstract.en and page.abstract.zh
    assert re.search(r"[\u4e00-\u9fff]", page.abstract.zh[0].text) and page.abstract.en[0].text.isascii()


def test_done_full_text(samples_run) -> None:
    full = samples_run[0]["journal-fulltext"]
    assert len(full.authors) == 7 and all(a.name and a.name_zh for a in full.authors)
    assert (full.doi, full.volume, full.issue, full.pages) == ("10.12307/2025.573", "30", "1", "184-193")
    assert (len(full.keywords.en), len(full.keywords.zh)) == (6, 6)
    assert (len(full.abstract.en), len(full.abstract.zh)) == (4, 4)
    assert [s.label for s in full.abstract.en] == ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS AND CONCLUSION"]
    assert len(full.definitions) == 2
    assert [(t.label, len(t.rows)) for t in full.tables] == [("表 1", 5), ("表 2", 10)]
    assert [r.number for r in full.references] == list(range(1, 93))
    assert all(r.cited_in for r in full.references)


def test_done_slugs_are_unique_stable_and_valid(samples_run) -> None:
    entries, _ = samples_run
    slugs = [e.slug for e in entries.values()]
    assert len(set(slugs)) == 3
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]{0,70}-[0-9a-f]{8}", s) for s in slugs)
    alone = ingest([SAMPLES / "zhang-2025-msc-evs.txt"], SAMPLES.parent).entries[0]
    assert alone.slug == entries["pubmed-cn"].slug and alone.id == entries["pubmed-cn"].id


def test_done_output_validates_against_the_schema(samples_run) -> None:
    from evdigest.schema import validate_entry

    for entry in samples_run[1].entries:
        assert validate_entry(entry.to_dict()) == [], entry.source


def test_empty_folder_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.txt~").write_text("backup", encoding="utf-8")
    result = ingest([tmp_path], tmp_path)
    assert result.entries == () and result.ok
    assert result.notices == (f"{tmp_path}: no source files (.markdown, .md, .text, .txt) in this folder",)
