"""Pinyin remembered across runs: the same syllables as pypinyin, and no pypinyin where all were seen."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypinyin
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from evdigest import pinyin

ROOT = Path(__file__).resolve().parents[1]


@given(st.text(alphabet=st.sampled_from("马吕绿重庆行长乐 Müller-2025,") | st.characters(), max_size=12))
def test_syllables_and_readings_are_those_of_pypinyin(text: str) -> None:
    assert pinyin.syllables(text) == lazy_pinyin(text)
    assert pinyin.syllables(text) == lazy_pinyin(text)  # and again, from what this process remembers
    every = [list(options) for options in pypinyin.pinyin(text, style=pypinyin.Style.NORMAL, heteronym=True)]
    assert pinyin.readings(text) == every
    assert pinyin.readings(text) == every


def test_a_record_hands_what_was_asked_to_the_next_run() -> None:
    with pinyin.Recorded() as first:
        pinyin.readings("吕茹月")
    assert first.asked == {("readings", "吕茹月"): (("lv",), ("ru",), ("yue", "ru"))}
    made = {("readings", "吕茹月"): (("lyu",), ("ru",), ("yue",))}  # kept answers are taken as they are
    pinyin._known.pop(("readings", "吕茹月"))
    with pinyin.Recorded(made) as second:
        assert pinyin.readings("吕茹月") == [["lyu"], ["ru"], ["yue"]]
    assert second.asked == made
    pinyin._known.pop(("readings", "吕茹月"))


def test_a_file_keeps_the_texts_asked_for_while_it_was_open(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.pickle"
    with pinyin.Remembered(path) as first:
        assert pinyin.syllables("吕茹月") == ["lv", "ru", "yue"]
        pinyin.syllables("重庆")
    pinyin.syllables("不记")  # asked for after the file was closed: not its business
    first.save()
    with pinyin.Remembered(path) as second:
        assert second.kept == {("syllables", "吕茹月"): ("lv", "ru", "yue"), ("syllables", "重庆"): ("chong", "qing")}
        pinyin.syllables("吕茹月")
    second.save()
    with pinyin.Remembered(path) as third:
        assert third.kept == {("syllables", "吕茹月"): ("lv", "ru", "yue"), ("syllables", "重庆"): ("chong", "qing")}
        assert third.idle == {("syllables", "重庆"): 1}  # not asked for in the last run: kept a while
        pinyin.syllables("吕茹月")
        pinyin.syllables("重庆")
    third.save()
    inode = path.stat().st_ino
    with pinyin.Remembered(path) as fourth:
        assert fourth.idle == {}  # asked for again: no longer idle
        pinyin.syllables("吕茹月")
        pinyin.syllables("重庆")
    fourth.save()
    assert path.stat().st_ino == inode  # the same texts: not written again


def test_a_text_no_run_asked_for_in_a_while_is_dropped(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(pinyin, "RUNS_KEPT", 3)
    path = tmp_path / "pinyin.pickle"
    with pinyin.Remembered(path) as first:
        pinyin.syllables("吕茹月")
        pinyin.syllables("重庆")
    first.save()
    for idle in (1, 2):  # runs asking for one text only
        with pinyin.Remembered(path) as run:
            pinyin.syllables("吕茹月")
        run.save()
        assert pinyin.Remembered(path).idle == {("syllables", "重庆"): idle}
    with pinyin.Remembered(path) as run:
        pinyin.syllables("吕茹月")
    run.save()
    memo = pinyin.Remembered(path)
    assert memo.kept == {("syllables", "吕茹月"): ("lv", "ru", "yue")}  # three runs without it: dropped
    assert memo.idle == {}


def test_a_file_of_the_earlier_layout_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.pickle"
    path.write_bytes(pickle.dumps((pinyin.version(), {("syllables", "马"): ("ma",)})))
    memo = pinyin.Remembered(path)
    assert memo.kept == {("syllables", "马"): ("ma",)}
    assert memo.idle == {}


def test_a_file_of_another_pypinyin_or_no_pickle_counts_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.pickle"
    path.write_bytes(pickle.dumps(("0.0.1", {"马": ("wrong",)})))
    with pinyin.Remembered(path) as memo:
        assert memo.kept == {}
    path.write_bytes(b"not a pickle")
    with pinyin.Remembered(path) as memo:
        assert memo.kept == {}
        assert pinyin.syllables("马") == ["ma"]


def test_a_file_that_cannot_be_written_costs_nothing_but_speed(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the folder would be", encoding="utf-8")
    with pinyin.Remembered(tmp_path / "blocked" / "pinyin.pickle") as memo:
        pinyin.syllables("马")
    memo.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]


def test_a_rebuild_after_changed_sources_does_not_load_pypinyin(tmp_path: Path) -> None:
    """The sample digest built, then a record and a full text changed, then one entry and another in two
    rebuilds: each rebuild takes every pinyin it needs from what the builds before it kept (the file,
    the HTML aggregates' and each source's reading), so pypinyin is never imported."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "out"

    def build(jobs: int) -> str:
        code = (
            "import sys\n"
            "from evdigest.cli import main\n"
            f"code = main(['build', '--content', {str(content)!r}, '--output', {str(output)!r}, '--only',"
            f" 'html,exports', '--jobs', '{jobs}', '--quiet'])\n"
            "print(code, 'pypinyin' in sys.modules)\n"
        )
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return run.stdout.strip().splitlines()[-1]

    assert build(2).startswith("0 ")  # sources read by two processes: what each asked comes back with it
    # what worker processes and the aggregates' own process asked for is kept with the build's own
    kept = pinyin.Remembered(output / ".cache" / "pinyin.pickle").kept
    assert {("syllables", "外泌体"), ("syllables", "吕"), ("syllables", "中國組織工程研究")} <= kept.keys()
    for name in ("zhang-2025-msc-evs.txt", "lyu-2026-exosome-secretion.txt"):
        source = content / "sources" / name
        source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build(1) == "0 False"  # both read again here, from what their last reading asked
    # one change after another: a rebuild asks only for the texts of what it makes again and keeps the
    # others', which the next change needs (an editor's note changed: the entry's exports are made again,
    # its source is not read again)
    source = content / "sources" / "liu-2025-migrasomes.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build(1) == "0 False"
    (note,) = (content / "editorial").glob("lyu-2026-*.md")
    note.write_text(note.read_text(encoding="utf-8") + "\nA note added.\n", encoding="utf-8")
    assert build(1) == "0 False"
    site = output / "site"
    clean = tmp_path / "clean"
    subprocess.run(
        [sys.executable, "-m", "evdigest", "build", "--content", str(content), "--output", str(clean)]
        + ["--only", "html,exports", "--quiet"],
        check=True,
        capture_output=True,
    )
    for page in ("en/references/index.html", "zh-hans/glossary/index.html", "export/references.bib"):
        assert (site / page).read_bytes() == (clean / "site" / page).read_bytes(), page
