"""Reproducible builds of the sample digest: same input, same bytes (real stages; slow)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from evdigest.build.engine import build
from evdigest.config import load_config

CONTENT = Path(__file__).resolve().parents[1] / "content"


def site_bytes(output: Path) -> dict[str, bytes]:
    site = output / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def copy_content(dest: Path) -> Path:
    shutil.copytree(CONTENT, dest, ignore=shutil.ignore_patterns(".*"))
    return dest


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With two jobs (the references formatted ahead of the pages in two processes, and the later
    editions' reference indexes made in a second process but for the first letters of the second
    edition, here even for the samples' few entries and rows) and with one, the builds are the same bytes."""
    from evdigest.build import renderers
    from evdigest.build.beside import Beside
    from evdigest.build.split import Split
    from evdigest.render import site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763164800")
    monkeypatch.setattr(site, "APART_ROWS", 0)
    monkeypatch.setattr(renderers, "FORMAT_AHEAD", 1)
    parts = tmp_path / "parts"
    call, split = Beside.__call__, Split.__call__

    def note(label: str) -> None:  # the aggregates process notes its part in a file too
        with open(parts, "a", encoding="utf-8") as fh:
            fh.write(label + "\n")

    def noted(self, make, state, label):
        note(label)
        return call(self, make, state, label)

    def noted_split(self, function, items, label):
        note(f"{label}: {len(items)}")
        return split(self, function, items, label)

    split_edition = site.SiteRenderer._split_edition

    def noted_edition(self, codes):
        found = split_edition(self, codes)
        note(f"letters made here: {found[0]} {found[1]} of {len(self.letter_groups())}" if found else "no split")
        return found

    monkeypatch.setattr(Beside, "__call__", noted)
    monkeypatch.setattr(Split, "__call__", noted_split)
    monkeypatch.setattr(site.SiteRenderer, "_split_edition", noted_edition)
    content = copy_content(tmp_path / "content")
    first = build(load_config(content, tmp_path / "out1"), jobs=2, progress=False)
    noted_parts = parts.read_text(encoding="utf-8").splitlines()
    assert noted_parts[2:] == ["reference index (zh-hans, zh-hant)"]
    shared = re.fullmatch(r"letters made here: zh-hans (\d+) of (\d+)", noted_parts[1])
    assert shared and 0 < int(shared[1]) < int(shared[2])  # both processes made some of its letters
    assert noted_parts[0].startswith("formatting references: ") and int(noted_parts[0].split(": ")[1]) > 100
    second = build(load_config(content, tmp_path / "out2"), jobs=1, progress=False)
    assert first.published and second.published, (first.failed, second.failed)
    a, b = site_bytes(tmp_path / "out1"), site_bytes(tmp_path / "out2")
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    assert any(path.startswith("pdf/") for path in a) and any(path.startswith("pagefind/") for path in a)
    assert "data/entries.json" in a and "data/references.json" in a


@pytest.mark.slow
def test_incremental_build_equals_a_clean_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A source added to a cached build gives the same site as building everything at once."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763164800")
    content = copy_content(tmp_path / "content")
    only = ("html", "exports")
    clean = build(load_config(content, tmp_path / "clean"), jobs=2, only=only, progress=False)
    held = tmp_path / "held.txt"
    source = sorted((content / "sources").iterdir())[0]
    shutil.move(source, held)
    partial = build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False)
    shutil.move(held, source)
    incremental = build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False)
    assert clean.published and partial.published and incremental.published
    assert incremental.rebuilt("parse") == [f"sources/{source.name}"]
    assert site_bytes(tmp_path / "clean") == site_bytes(tmp_path / "incr")


@pytest.mark.slow
def test_reference_index_follows_a_changed_citing_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of the reference index kept from the last build show what the citing entries are now: a
    retitled entry (same slug) has its new title on every row of a work it cites, as a clean build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763164800")
    content = copy_content(tmp_path / "content")
    only = ("html", "exports")
    assert build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False).published
    before = site_bytes(tmp_path / "incr")
    source = content / "sources" / "lyu-2026-exosome-secretion.txt"  # the sample with a reference list
    old_title, new_title = "外泌体分泌调控机制及在生物医学中的应用前景", "外泌体分泌的调控及其生物医学应用前景"
    text = source.read_text(encoding="utf-8")
    assert old_title in text
    source.write_text(text.replace(old_title, new_title, 1), encoding="utf-8")  # the title, not the citation line
    incremental = build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False)
    clean = build(load_config(content, tmp_path / "clean"), jobs=2, only=only, progress=False)
    assert incremental.published and clean.published
    assert incremental.rebuilt("parse") == [f"sources/{source.name}"]
    pages = site_bytes(tmp_path / "incr")
    pages_only = lambda files: sorted(p for p in files if not p.startswith("pagefind/"))  # noqa: E731
    assert pages_only(pages) == pages_only(before)  # same slugs, same pages
    assert pages == site_bytes(tmp_path / "clean")
    letters = [p for p in pages if p.startswith("zh-hans/references/") and p != "zh-hans/references/index.html"]
    assert letters and any(new_title.encode() in pages[p] for p in letters)
    assert not any(old_title.encode() in pages[p] for p in letters)


@pytest.mark.slow
def test_rebuilds_after_editorial_and_corpus_wide_changes_equal_clean_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries whose source did not change are recognised from the last build only when the corpus steps
    left them as they were: after a changed editorial file, and then after a new corpus glossary term
    (which other entries' keys look for), the site is the one a clean build gives."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763164800")
    content = copy_content(tmp_path / "content")
    only = ("html", "exports")
    assert build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False).published

    def same_as_clean(name: str) -> None:
        again = build(load_config(content, tmp_path / "incr"), jobs=2, only=only, progress=False)
        clean = build(load_config(content, tmp_path / name), jobs=2, only=only, progress=False)
        assert again.published and clean.published
        assert site_bytes(tmp_path / name) == site_bytes(tmp_path / "incr")

    editorial = next((content / "editorial").glob("liu-*.md"))
    text = editorial.read_text(encoding="utf-8")
    editorial.write_text(text.replace("tags: [migrasomes, cell migration]", "tags: [migrasomes, wound]"), "utf-8")
    same_as_clean("clean-editorial")
    source = next((content / "sources").glob("lyu-*.txt"))
    source.write_text(
        source.read_text(encoding="utf-8").rstrip("\n") + "迁移体相关蛋白(migrasome protein, MGP)亦见于此。\n",
        encoding="utf-8",
    )
    same_as_clean("clean-glossary")
