"""``python -m evdigest ingest``: JSON on stdout, failures on stderr, exit status, --table, --content."""

from __future__ import annotations

import argparse
import json
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
    assert err.startswith(f"{bad}:2: the JSON record is truncated (it stops before its closing brace)")


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
