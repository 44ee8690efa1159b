"""Editorial overrides: YAML front matter validated against the schema, merged, recorded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from evdigest.errors import EditorialError
from evdigest.model import Abstracts, AbstractSection, Bilingual, Entry, Warning
from evdigest.sources.editorial import apply_editorial, apply_editorials, deep_merge, read_editorial
from evdigest.text import has_cjk


def base_entry(slug: str = "liu-2025-migrasomes") -> Entry:
    return Entry(
        id="e1",
        slug=slug,
        source="sources/liu.txt",
        family="platform-record",
        title=Bilingual(en="Migrasomes", zh="迁移体"),
        abstract=Abstracts(en=(AbstractSection(None, "English."),)),
        tags=("old",),
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """---
added: 2026-01-15
tags: [migrasomes, review]
title:
  zh: 迁移体：细胞迁移的足迹
abstract:
  zh:
    - {label: null, text: 迁移体是迁移细胞留下的囊泡。}
---
An editor's **commentary**.
"""


def test_override_is_merged_and_recorded(tmp_path: Path) -> None:
    editorial = read_editorial(write(tmp_path, "liu-2025-migrasomes.md", GOOD), "editorial/liu-2025-migrasomes.md")
    entry = apply_editorial(base_entry(), editorial)
    assert entry.added == "2026-01-15"
    assert entry.tags == ("migrasomes", "review")
    assert entry.title == Bilingual(en="Migrasomes", zh="迁移体：细胞迁移的足迹")
    assert entry.abstract.en == (AbstractSection(None, "English."),)
    assert entry.abstract.zh == (AbstractSection(None, "迁移体是迁移细胞留下的囊泡。"),)
    assert entry.commentary == "An editor's **commentary**."
    assert entry.overridden == ("abstract.zh", "added", "commentary", "tags", "title.zh")


def test_deep_merge_replaces_lists_and_merges_objects() -> None:
    merged, names = deep_merge({"a": {"b": 1, "c": [1, 2]}, "d": [1]}, {"a": {"c": [3]}, "d": [], "e": None})
    assert merged == {"a": {"b": 1, "c": [3]}, "d": [], "e": None}
    assert names == ["a.c", "d", "e"]


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("tags: [a]\nabstrct:\n  zh: []\n", 3, "unknown field 'abstrct'; did you mean 'abstract'?"),
        ("title:\n  en: x\n  zh_hant: y\n", 4, "unknown field 'title.zh_hant'"),
        ("tags: [a]\nyear: twenty\n", 3, "year: expected a whole number or empty (null), found text 'twenty'"),
        ("slug: other\n", 2, "field 'slug' cannot be set"),
        ("abstract:\n  zh:\n    - {label: null}\n", 4, "abstract.zh[0]: 'text' is missing (it is required)"),
        ("tags: [a\nadded: 2020\n", 3, "not valid YAML"),
        ("- just\n- a list\n", 2, "must be a mapping"),
        ("tags: [a]\nadded: 2026-1-5x\n", 3, "added: '2026-1-5x' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("added: 2026-13-45\ncommentary: x\n", 2, "added: '2026-13-45' is not a date"),
        ("tags: [a]\ndoi: Cell Cycle 2025\n", 3, "doi: 'Cell Cycle 2025' is not a DOI"),
    ],
)
def test_bad_front_matter_names_file_and_line(tmp_path: Path, front: str, line: int, words: str) -> None:
    path = write(tmp_path, "x.md", f"---\n{front}---\nbody\n")
    with pytest.raises(EditorialError) as info:
        read_editorial(path, "editorial/x.md")
    assert info.value.path == "editorial/x.md"
    assert info.value.line == line, str(info.value)
    assert words in info.value.message


def test_unclosed_front_matter(tmp_path: Path) -> None:
    with pytest.raises(EditorialError, match="never closed"):
        read_editorial(write(tmp_path, "x.md", "---\ntags: [a]\n"), "x.md")


def test_file_without_front_matter_is_commentary_only(tmp_path: Path) -> None:
    editorial = read_editorial(write(tmp_path, "x.md", "Just a comment.\n"), "x.md")
    assert editorial.data == {} and editorial.commentary == "Just a comment."


def test_apply_editorials_reports_orphans_and_errors_and_leaves_out_the_failed_files_entry(tmp_path: Path) -> None:
    folder = tmp_path / "editorial"
    write(folder, "liu-2025-migrasomes.md", GOOD)
    write(folder, "nobody-2020-nothing.md", "---\ntags: [x]\n---\n")
    write(folder, "zhang-2025-tiny.md", "---\nbogus: 1\n---\n")
    entries = [base_entry(), base_entry("zhang-2025-tiny")]
    result = apply_editorials(entries, folder)
    assert [entry.slug for entry in result.entries] == ["liu-2025-migrasomes"]  # the other's file failed
    assert result.entries[0].tags == ("migrasomes", "review")
    assert len(result.errors) == 1 and str(result.errors[0]).startswith(
        f"{folder / 'zhang-2025-tiny.md'}:2: unknown field 'bogus'"
    )
    assert len(result.unmatched) == 1 and "no source has the slug 'nobody-2020-nothing'" in result.unmatched[0]


def test_editorial_files_are_named_relative_to_the_content_folder_they_are_in(tmp_path: Path) -> None:
    folder = tmp_path / "editorial"
    write(folder, "nobody-2020-nothing.md", "---\ntags: [x]\n---\n")
    write(folder, "zhang-2025-tiny.md", "---\nbogus: 1\n---\n")
    result = apply_editorials([base_entry("zhang-2025-tiny")], folder, tmp_path)
    assert str(result.errors[0]).startswith("editorial/zhang-2025-tiny.md:2: unknown field 'bogus'")
    assert result.unmatched[0].startswith("editorial/nobody-2020-nothing.md:1: no source has the slug")
    elsewhere = apply_editorials([base_entry("zhang-2025-tiny")], folder, tmp_path / "content")
    assert str(elsewhere.errors[0]).startswith(f"{folder / 'zhang-2025-tiny.md'}:2: ")


def test_orphan_notice_names_the_slug_it_was_probably_meant_for(tmp_path: Path) -> None:
    folder = tmp_path / "editorial"
    write(folder, "liu-2025-migrasomes.md", GOOD)
    write(folder, "zhang-2025-tiny-0000000a.md", GOOD)
    entries = [base_entry("liu-2025-migrasomes-7e96c23a"), base_entry("zhang-2025-tiny-0000000b")]
    notices = apply_editorials(entries, folder).unmatched
    assert notices == [
        f"{folder / 'liu-2025-migrasomes.md'}:1: no source has the slug 'liu-2025-migrasomes'; this editorial file"
        " is not applied (did you mean 'liu-2025-migrasomes-7e96c23a'?)",
        f"{folder / 'zhang-2025-tiny-0000000a.md'}:1: no source has the slug 'zhang-2025-tiny-0000000a'; this"
        " editorial file is not applied (did you mean 'zhang-2025-tiny-0000000b'?)",
    ]


def test_reading_some_sources_reports_no_editorial_file_of_the_others(tmp_path: Path) -> None:
    """An editorial file meets no entry because its source was not read: no notice then; with every source
    read, a file meeting none is reported."""
    import shutil

    from evdigest.ingest import ingest

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    write(content / "editorial", "nobody-2020-nothing.md", GOOD)
    one = ingest([content / "sources" / "liu-2025-migrasomes.txt"], content)
    assert len(one.entries) == 1 and one.notices == () and one.warnings == ()
    every = ingest([content / "sources"], content)
    assert [n for n in every.warnings if "no source has the slug 'nobody-2020-nothing'" in n]
    assert not [n for n in every.warnings if "no source has the slug" in n and "nobody" not in n]


def test_missing_editorial_folder_changes_nothing(tmp_path: Path) -> None:
    entries = [base_entry()]
    result = apply_editorials(entries, tmp_path / "none")
    assert result.entries == entries and not result.errors and not result.unmatched


def test_the_sample_corpus_editorial_files_match_their_entries() -> None:
    """``content/editorial/`` holds one file per sample, named by its slug; none is left unmatched."""
    from evdigest.ingest import ingest

    content = Path(__file__).resolve().parent.parent / "content"
    result = ingest([content], content)
    assert result.ok and result.notices == () and result.warnings == ()
    by_family = {e.family: e for e in result.entries}
    added = {family: e.added for family, e in by_family.items()}
    assert added == {"platform-record": "2026-11-01", "pubmed-cn": "2026-11-08", "journal-fulltext": "2026-11-15"}
    for entry in result.entries:
        assert (content / "editorial" / f"{entry.slug}.md").is_file()
        assert len(entry.tags) >= 2 and entry.commentary and has_cjk(entry.commentary)
        assert set(entry.overridden) == {"added", "commentary", "tags"}
    record = by_family["platform-record"]
    assert record.title.zh and record.abstract.zh == ()
    assert any(w.field == "abstract.zh" for w in record.warnings)


def test_reading_sources_without_editorial_files_does_not_load_jsonschema(tmp_path) -> None:
    """The schema validator is made for editorial files only: a build without them does not import it."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from evdigest.ingest import ingest; "
        f"ingest([], Path({str(tmp_path)!r})); print('jsonschema' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False", run.stderr


def test_a_field_the_editorial_file_fills_is_no_longer_warned_about(tmp_path: Path) -> None:
    """The samples warn that zhang's page gives no keywords and liu's record no Chinese abstract; an editorial
    file giving them answers those warnings (so that ``--strict`` can pass), and only those."""
    import shutil

    from evdigest.ingest import ingest

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    fills = {
        "zhang-2025-tiny-giants-regeneration-2e5dc012": "keywords: {en: [MSC-EVs, regeneration], zh: [间充质干细胞, 再生医学]}\n",
        "liu-2025-migrasomes-functional-footprints-7e96c23a": "abstract: {zh: [{label: null, text: 迁移体是膜性囊泡。}]}\n",
    }
    before = {e.slug: {w.field for w in e.warnings} for e in ingest([content], content).entries}
    for slug, front in fills.items():
        path = content / "editorial" / f"{slug}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\n{front}", 1), encoding="utf-8")
    after = {e.slug: e for e in ingest([content], content).entries}
    zhang = after["zhang-2025-tiny-giants-regeneration-2e5dc012"]
    assert zhang.keywords.en == ("MSC-EVs", "regeneration") and "keywords.en" in zhang.overridden
    assert {"keywords.en", "keywords.zh"} <= before[zhang.slug]
    assert {w.field for w in zhang.warnings} == before[zhang.slug] - {"keywords.en", "keywords.zh"}
    liu = after["liu-2025-migrasomes-functional-footprints-7e96c23a"]
    assert "abstract.zh" in before[liu.slug]
    assert {w.field for w in liu.warnings} == before[liu.slug] - {"abstract.zh"}


def test_warnings_an_editorial_file_sets_are_kept_as_set(tmp_path: Path) -> None:
    entry = dataclasses.replace(base_entry(), warnings=(Warning("abstract.zh", "no Chinese abstract", (), 1),))
    front = "---\nabstract: {zh: [{label: null, text: 迁移体。}]}\nwarnings: [{field: x, message: kept, values: [], line: 1, source: null}]\n---\n"
    editorial = read_editorial(write(tmp_path, "x.md", front), "x.md")
    assert [w.message for w in apply_editorial(entry, editorial).warnings] == ["kept"]


def test_every_problem_of_a_front_matter_is_an_error_of_its_line_in_words(tmp_path: Path) -> None:
    """Not the first problem and a count of the others, nor a raw pattern: each problem with its line."""
    front = (
        "---\nadded: 2026-13-45\ntagz: [a]\nyear: twenty\ndoi: 10.1000/A BC\nabstract:\n  zh:\n    - {label: null}\n"
        "title: [a]\nmetrics: {jcr_quartile: Q5, bogus: 1}\n---\nbody\n"
    )
    write(tmp_path / "editorial", "liu-2025-migrasomes.md", front)
    result = apply_editorials([base_entry()], tmp_path / "editorial", tmp_path)
    assert result.entries == []
    assert [str(error) for error in result.errors] == [
        "editorial/liu-2025-migrasomes.md:2: added: '2026-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        "editorial/liu-2025-migrasomes.md:3: unknown field 'tagz'; did you mean 'tags'?",
        "editorial/liu-2025-migrasomes.md:4: year: expected a whole number or empty (null), found text 'twenty'",
        "editorial/liu-2025-migrasomes.md:5: doi: '10.1000/A BC' is not a DOI (10.<digits>/<suffix>, without spaces)",
        "editorial/liu-2025-migrasomes.md:8: abstract.zh[0]: 'text' is missing (it is required)",
        "editorial/liu-2025-migrasomes.md:9: title: expected a mapping (key: value lines), found a list",
        "editorial/liu-2025-migrasomes.md:10: unknown field 'metrics.bogus'; expected one of: cas_category,"
        " cas_region, citation_count, impact_factor, jcr_category, jcr_quartile",
        "editorial/liu-2025-migrasomes.md:10: metrics.jcr_quartile: 'Q5' is not a JCR quartile (Q1, Q2, Q3 or Q4)",
    ]


def test_the_editorial_file_of_a_source_that_could_not_be_read_says_so(tmp_path: Path) -> None:
    """A slug is made from the parsed source: when the source fails, its editorial file matches no entry.
    The message names the source that could not be read rather than the file's slug as wrong."""
    import shutil

    from evdigest.ingest import ingest

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    source = content / "sources" / "zhang-2025-msc-evs.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("作者信息", "作者").replace("机构信息", "机构"))
    result = ingest([content], content)
    assert [failure.path for failure in result.failures] == ["sources/zhang-2025-msc-evs.txt"]
    assert result.warnings == (
        "editorial/zhang-2025-tiny-giants-regeneration-2e5dc012.md:1: no source read has the slug"
        " 'zhang-2025-tiny-giants-regeneration-2e5dc012': its source may be sources/zhang-2025-msc-evs.txt, which"
        " could not be read (see the error above); this editorial file is not applied",
    )


def test_a_source_in_a_subfolder_does_not_hide_an_editorial_file_that_meets_no_entry(tmp_path: Path) -> None:
    """A build reads the files directly in sources/ only: a file in a subfolder is none of the sources it should
    have read, so an editorial file that meets no entry is still told about (a warning, which --strict
    counts)."""
    import shutil

    from evdigest.ingest import ingest

    root = Path(__file__).resolve().parent.parent
    content = tmp_path / "content"
    shutil.copytree(root / "content" / "sources", content / "sources")
    write(content / "editorial", "nobody-2020-nothing.md", "---\ntags: [x]\n---\n")
    (content / "sources" / "2025").mkdir()
    (content / "sources" / "2025" / "x.txt").write_text("not read\n", encoding="utf-8")
    direct = sorted(p for p in (content / "sources").iterdir() if p.is_file())
    result = ingest(direct, content)
    assert [w for w in result.warnings if "nobody-2020-nothing" in w]


def test_a_doi_with_capital_letters_is_read_in_lower_case(tmp_path: Path) -> None:
    front = '---\ndoi: "10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#"\n---\n'
    editorial = read_editorial(write(tmp_path, "liu-2025-migrasomes.md", front), "editorial/liu-2025-migrasomes.md")
    entry = apply_editorial(base_entry(), editorial)
    assert entry.doi == "10.1002/(sici)1097-4636(199706)35:4<507::aid-jbm11>3.0.co;2-#"  # DOIs ignore case
