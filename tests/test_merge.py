"""The same paper pasted twice becomes one entry."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from evdigest.model import Author, Bilingual, Entry, Journal, Metrics, Warning
from evdigest.sources import platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.merge import PRECEDENCE, merge_duplicates, merge_entries
from evdigest.sources.reading import read_source
from evdigest.sources.slug import assign_slugs

ROOT = Path(__file__).resolve().parent.parent


def pair() -> tuple[Entry, Entry]:
    """The pubmed-cn sample, and a platform record of the same paper (same DOI, different fields)."""
    page = pubmed_cn.parse(
        read_source(ROOT / "content" / "sources" / "zhang-2025-msc-evs.txt", "z"), Origin("sources/zhang.txt")
    )
    record_text = (
        "Tianhe Zhang, Liang Zhang, Xiaoxue Ma, Wenliang Song\n"
        '{"title": "再生领域的微小巨人", "authors": "Tianhe Zhang, Liang Zhang, Xiaoxue Ma, Wenliang Song",'
        ' "doi": "10.3389/FCELL.2025.1612589", "abstract": "<p>Short English abstract.</p>",'
        ' "journal": {"name": "Frontiers in Cell and Developmental Biology", "volume": "14", "pages": ""},'
        ' "PeriodicalIF": 4.6, "JCR": "Q2", "publicationDate": "2025-07-17", "resultStr": null}\n'
    )
    record = platform_record.parse(record_text, Origin("sources/record.txt"))
    return page, record


def test_precedence_is_documented_order() -> None:
    assert PRECEDENCE == ("journal-fulltext", "pubmed-cn", "platform-record")


def test_same_doi_merges_into_one_entry() -> None:
    page, record = pair()
    merged = merge_duplicates(assign_slugs([record, page]))
    assert len(merged) == 1
    entry = merged[0]
    assert entry.source == "sources/zhang.txt" and entry.family == "pubmed-cn"
    assert entry.also_from == ("sources/record.txt",)
    assert entry.doi == "10.3389/fcell.2025.1612589"
    # the primary's values win where it has them ...
    assert entry.authors[0].name == "Zhang Tianhe" and entry.journal.name == "Front Cell Dev Biol"
    assert entry.abstract.en == page.abstract.en and entry.abstract.zh == page.abstract.zh
    # ... and the other source fills what it lacks
    assert entry.metrics.impact_factor == 4.6 and entry.metrics.jcr_quartile == "Q2"
    messages = {w.field: w for w in entry.warnings}
    assert messages["source"].values == ("sources/zhang.txt", "sources/record.txt")
    assert set(messages["volume"].values) == {"13", "14"}
    assert set(messages["journal.name"].values) == {
        "Front Cell Dev Biol",
        "Frontiers in Cell and Developmental Biology",
    }


def test_merge_does_not_depend_on_input_order() -> None:
    page, record = pair()
    assert merge_entries([page, record]) == merge_entries([record, page])


def test_different_dois_and_missing_dois_stay_apart() -> None:
    a = Entry(id="1", slug="a", source="a.txt", family="pubmed-cn", doi="10.1000/a")
    b = Entry(id="2", slug="b", source="b.txt", family="pubmed-cn", doi="10.1000/b")
    c = Entry(id="3", slug="c", source="c.txt", family="pubmed-cn")
    d = Entry(id="4", slug="d", source="d.txt", family="pubmed-cn")
    assert merge_duplicates([a, b, c, d]) == [a, b, c, d]


def test_nested_objects_fill_member_by_member() -> None:
    high = Entry(
        id="1",
        slug="x",
        source="a.txt",
        family="journal-fulltext",
        doi="10.1000/x",
        title=Bilingual(zh="中文"),
        journal=Journal(name="J"),
    )
    low = Entry(
        id="2",
        slug="y",
        source="b.txt",
        family="platform-record",
        doi="10.1000/x",
        title=Bilingual(en="English", zh="别的"),
        metrics=Metrics(impact_factor=1.5),
        authors=(Author(name="Kai Zhao"),),
        tags=("t",),
    )
    merged = merge_entries([low, high])
    assert merged.title == Bilingual(en="English", zh="中文")
    assert merged.slug == "x" and merged.metrics.impact_factor == 1.5
    assert merged.authors == (Author(name="Kai Zhao"),) and merged.tags == ("t",)
    assert dataclasses.replace(merged, warnings=()).also_from == ("b.txt",)


def test_warnings_of_a_merged_source_name_it_and_those_the_merge_answers_are_dropped() -> None:
    page, record = pair()
    assert {w.field for w in record.warnings} >= {"title.en", "abstract.zh", "keywords.en"}  # the record lacks them
    record = dataclasses.replace(record, warnings=(*record.warnings, Warning("abstract.en", "odd markup", (), 2)))
    entry = merge_entries([page, record])
    fields = {w.field: w for w in entry.warnings}
    # the page gives an English title and a Chinese abstract: the record's warnings about them are answered
    assert "title.en" not in fields and "abstract.zh" not in fields
    # neither gives keywords
    assert fields["keywords.en"].message == "the record gives no English keywords"
    # a warning the merge does not answer stays, naming the file its line is in
    assert (fields["abstract.en"].source, fields["abstract.en"].line) == ("sources/record.txt", 2)
    assert all(w.source is None for w in entry.warnings if w.field in ("source", "volume"))


def test_build_messages_name_the_file_a_merged_warning_comes_from() -> None:
    from evdigest.build.engine import _entry_warnings

    page, record = pair()
    record = dataclasses.replace(record, warnings=(Warning("abstract.en", "odd markup", (), 2),))
    messages = _entry_warnings(merge_entries([page, record]))
    assert "sources/record.txt:2: abstract.en: odd markup" in messages


def test_author_lists_of_different_lengths_are_a_warning() -> None:
    page, record = pair()
    shorter = dataclasses.replace(record, authors=record.authors[:2])
    entry = merge_entries([page, shorter])
    (note,) = [w for w in entry.warnings if w.field == "authors"]
    assert note.values == ("sources/zhang.txt: 4", "sources/record.txt: 2")
    assert len(entry.authors) == 4
    assert not [w for w in merge_entries([page, record]).warnings if w.field == "authors"]


def test_build_messages_show_a_warning_s_values_cut_short() -> None:
    from evdigest.build.engine import _entry_warnings

    page, record = pair()
    long = "x" * 100
    record = dataclasses.replace(record, warnings=(Warning("dates", "dates disagree", ("2023", long, "a", "b"), 2),))
    (message,) = [m for m in _entry_warnings(merge_entries([page, record])) if ": dates: " in m]
    assert message == f"sources/record.txt:2: dates: dates disagree (2023; {'x' * 59}…; a; … 1 more)"
