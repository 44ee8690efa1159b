"""Formatted references kept across builds: same strings, misses on a changed style or citeproc-py."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from evdigest.build import engine
from evdigest.build.engine import build
from evdigest.config import Config, load_config
from evdigest.refs import format_cache
from evdigest.refs.format import Formatter, get_formatter, style_path

FIXTURES = Path(__file__).parent / "fixtures" / "refs_pair"
SAMPLE = json.loads((FIXTURES / "sample_items.json").read_text("utf-8"))
SAMPLE_ITEMS = {number: sample["item"] for number, sample in SAMPLE.items() if number != "about"}
CONTENT = Path(__file__).resolve().parents[1] / "content"
STYLES = [Config().style_en, Config().style_zh]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[format_cache.FormatStore]:
    opened = format_cache.open_store(tmp_path / "refs")
    yield opened
    format_cache.close_store()


def reopened(folder: Path) -> format_cache.FormatStore:
    """A new process's view: a fresh store on the same folder."""
    return format_cache.open_store(folder)


@pytest.mark.parametrize("style", STYLES)
def test_warm_store_gives_the_same_strings(store: format_cache.FormatStore, style: str) -> None:
    cold = {
        (n, et_al): Formatter(style).format(item, et_al=et_al)
        for n, item in SAMPLE_ITEMS.items()
        for et_al in (False, True)
    }
    assert store.dirty
    store.save()
    warm_store = reopened(store.folder)
    formatter = Formatter(style)
    warm = {
        (n, et_al): formatter.format(item, et_al=et_al) for n, item in SAMPLE_ITEMS.items() for et_al in (False, True)
    }
    assert warm == cold
    assert not warm_store.dirty, "every item came from the saved store"


def test_formatter_reads_the_store(store: format_cache.FormatStore) -> None:
    formatter = Formatter(STYLES[0])
    item = SAMPLE_ITEMS["4"]
    real = formatter.format(item)
    table = store.table(formatter.cache_key)
    assert [v for v in table.values()] == [(real.text, real.html)]
    (key,) = table
    table[key] = ("stored text", "stored <i>html</i>")
    store.save()
    reopened(store.folder)
    assert Formatter(STYLES[0]).format(item).text == "stored text"
    assert Formatter(STYLES[0]).format(item, et_al=True).text != "stored text", "et al. is another key"


def test_keys_separate_et_al_and_language(store: format_cache.FormatStore) -> None:
    formatter = Formatter(STYLES[1])
    item = SAMPLE_ITEMS["51"]
    plain, cut = formatter.format(item), formatter.format(item, et_al=True)
    assert plain != cut and len(store.table(formatter.cache_key)) == 2
    store.save()
    reopened(store.folder)
    again = Formatter(STYLES[1])
    assert again.format(item) == plain and again.format(item, et_al=True) == cut
    keys = {format_cache.item_key("{}", et_al=e, chinese=c) for e in (False, True) for c in (False, True)}
    assert len(keys) == 4


def test_a_changed_style_file_misses(store: format_cache.FormatStore, tmp_path: Path) -> None:
    original = style_path(STYLES[1])
    copy = tmp_path / "copy.csl"
    shutil.copy(original, copy)
    changed = tmp_path / "changed.csl"
    changed.write_bytes(original.read_bytes() + b"\n<!-- edited -->\n")
    assert Formatter(str(copy)).cache_key == Formatter(str(original)).cache_key
    assert Formatter(str(changed)).cache_key != Formatter(str(original)).cache_key
    formatter = Formatter(str(copy))
    real = formatter.format(SAMPLE_ITEMS["30"])
    store.table(formatter.cache_key).update(dict.fromkeys(store.table(formatter.cache_key), ("stale", "stale")))
    assert Formatter(str(changed)).format(SAMPLE_ITEMS["30"]) == real


def test_a_changed_citeproc_version_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    source = style_path(STYLES[0]).read_bytes()
    before = format_cache.style_key(source)
    monkeypatch.setattr(format_cache.metadata, "version", lambda name: "99.0")
    assert format_cache.style_key(source) != before


def test_memory_only_store_keeps_nothing() -> None:
    format_cache.close_store()
    Formatter(STYLES[0]).format(SAMPLE_ITEMS["9"])
    assert all(not table for table in format_cache.active_store().tables.values())
    assert not format_cache.active_store().dirty


def test_a_corrupt_table_is_a_miss(store: format_cache.FormatStore) -> None:
    formatter = Formatter(STYLES[0])
    store.folder.mkdir(parents=True)
    (store.folder / f"{formatter.cache_key}{format_cache.SUFFIX}").write_bytes(b"not a pickle")
    fresh = reopened(store.folder)
    assert fresh.get(formatter.cache_key, "anything") is None


def test_worker_entries_come_back_to_the_parent(store: format_cache.FormatStore) -> None:
    store.put("style", "item", ("text", "html"))
    handed = store.drain()
    assert handed == {"style": {"item": ("text", "html")}}
    assert store.drain() == {"style": {}}  # nothing new; the table is still reported as used
    parent = reopened(store.folder)
    assert engine._merged(object(), ("slug", {}, [], (handed, {}), None)) == ("slug", {}, [])
    assert parent.get("style", "item") == ("text", "html")
    parent.save()
    assert reopened(store.folder).get("style", "item") == ("text", "html")


def test_prune_keeps_the_tables_used_here_or_by_workers(store: format_cache.FormatStore) -> None:
    for key in ("kept", "read-by-worker", "stale"):
        store.put(key, "item", ("text", "html"))
    store.save()
    worker = reopened(store.folder)
    assert worker.get("read-by-worker", "item") == ("text", "html")
    handed = worker.drain()  # a worker that only read still names the table
    parent = reopened(store.folder)
    assert parent.prune() == []  # a build that used no table deletes nothing
    parent.get("kept", "item")
    parent.merge(handed)
    assert parent.prune() == ["stale"]
    assert sorted(p.stem for p in store.folder.glob("*.pickle")) == ["kept", "read-by-worker"]


def site_bytes(output: Path) -> dict[str, bytes]:
    site = output / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_build_with_a_warm_store_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763164800")
    # As in a new process: formatters loaded by earlier tests remember items and would not store them.
    get_formatter.cache_clear()
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns(".*"))
    first = build(load_config(content, tmp_path / "out"), jobs=2, only=("html",), progress=False)
    assert first.published, first.failed
    tables = sorted((tmp_path / "out" / ".cache" / engine.FORMATTED_REFS).glob("*.pickle"))
    assert len(tables) == 2, "one table per style"
    cold = site_bytes(tmp_path / "out")
    second = build(load_config(content, tmp_path / "out"), jobs=2, only=("html",), force=True, progress=False)
    assert second.published, second.failed
    warm = site_bytes(tmp_path / "out")
    assert sorted(cold) == sorted(warm)
    assert [path for path in cold if cold[path] != warm[path]] == []
    assert format_cache.active_store().folder is None, "the build closes its store"
    # A table of a style no longer configured (or of another citeproc-py) is deleted by the next build.
    stale = tmp_path / "out" / ".cache" / engine.FORMATTED_REFS / f"{'0' * 32}.pickle"
    stale.write_bytes(tables[0].read_bytes())
    third = build(load_config(content, tmp_path / "out"), jobs=2, only=("html",), force=True, progress=False)
    assert third.published and not stale.exists()
    assert sorted((tmp_path / "out" / ".cache" / engine.FORMATTED_REFS).glob("*.pickle")) == tables


def test_an_editor_list_cut_short_is_another_key(store: format_cache.FormatStore) -> None:
    """The editors' et-al flag changes the string, so it is in the item's key: a string stored without it is not
    served with it, and each is served again from the saved store."""
    keys = {
        format_cache.item_key("{}", et_al=e, chinese=c, editors_et_al=d)
        for e in (False, True)
        for c in (False, True)
        for d in (False, True)
    }
    assert len(keys) == 8
    chapter = {
        "type": "chapter",
        "author": [{"family": "Smith", "given": "J."}],
        "title": "Exosome biology",
        "editor": [{"family": "Jones", "given": "K."}],
        "container-title": "Extracellular vesicles",
        "issued": {"date-parts": [[2010]]},
    }
    formatter = Formatter(STYLES[0])
    plain = formatter.format(chapter)
    (key,) = store.table(formatter.cache_key)
    store.table(formatter.cache_key)[key] = ("stored text", "stored text")
    cut = formatter.format(chapter, editors_et_al=True)
    assert "In: Jones K, et al., editors." in cut.text and len(store.table(formatter.cache_key)) == 2
    store.save()
    reopened(store.folder)
    again = Formatter(STYLES[0])
    assert again.format(chapter).text == "stored text" != plain.text
    assert again.format(chapter, editors_et_al=True) == cut
