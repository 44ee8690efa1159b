"""The same paper pasted twice becomes one entry."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Author, Bilingual, Entry, Journal, Metrics, Warning
from evdigest.sources import platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.merge import PRECEDENCE, merge_duplicates, merge_entries
from evdigest.sources.reading import read_source
from evdigest.sources.same_paper import same_paper
from evdigest.sources.slug import assign_slugs, identity

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


def ingested(tmp_path: Path, files: dict[str, str]) -> list[Entry]:
    from evdigest.ingest import ingest

    folder = tmp_path / "sources"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = ingest([folder], tmp_path)
    assert result.ok, result.failures
    return list(result.entries)


def test_a_copy_without_its_doi_line_is_the_same_paper(tmp_path: Path) -> None:
    text = (ROOT / "content" / "sources" / "lyu-2026-exosome-secretion.txt").read_text(encoding="utf-8")
    without = text.replace("<https://doi.org/10.12307/2025.573>\n", "", 1)
    assert without != text
    alone = ingested(tmp_path / "alone", {"lyu.txt": text})[0]
    # the copy without a DOI ranks first (its path sorts first): slug and id stay those the DOI gives
    (entry,) = ingested(tmp_path / "both", {"lyu.txt": text, "a-copy.txt": without})
    assert entry.source == "sources/a-copy.txt" and entry.also_from == ("sources/lyu.txt",)
    assert entry.doi == "10.12307/2025.573"
    assert (entry.slug, entry.id) == (alone.slug, alone.id)
    (note,) = [w for w in entry.warnings if w.field == "source"]
    assert "only some give DOI 10.12307/2025.573" in note.message
    assert not [w for w in entry.warnings if w.field == "doi"]


def test_a_record_without_doi_is_the_same_paper_as_the_page_with_it(tmp_path: Path) -> None:
    page = (ROOT / "content" / "sources" / "zhang-2025-msc-evs.txt").read_text(encoding="utf-8")
    record = (ROOT / "tests" / "fixtures" / "sources" / "platform-record" / "zhang-2025-no-doi.txt").read_text(
        encoding="utf-8"
    )
    (entry,) = ingested(tmp_path, {"zhang.txt": page, "record.txt": record})
    assert entry.family == "pubmed-cn" and entry.also_from == ("sources/record.txt",)
    assert entry.doi == "10.3389/fcell.2025.1612589" and entry.metrics.jcr_quartile == "Q2"
    assert any("same paper" in w.message for w in entry.warnings)


def test_a_source_without_doi_matching_two_dois_stays_apart() -> None:
    def source(name: str, doi: str | None) -> Entry:
        return Entry(
            id="",
            slug="",
            source=name,
            family="pubmed-cn",
            doi=doi,
            year=2025,
            title=Bilingual(en="Exosome secretion"),
            authors=(Author(name="Liu", family="Liu"),),
        )

    a, b, c = source("a.txt", "10.1000/a"), source("b.txt", "10.1000/b"), source("c.txt", None)
    merged = merge_duplicates(assign_slugs([a, b, c]))
    assert [e.source for e in merged] == ["a.txt", "b.txt", "c.txt"]
    assert not merged[0].warnings and not merged[1].warnings
    (note,) = merged[2].warnings
    assert note.field == "doi" and note.values == ("10.1000/a", "10.1000/b")
    # with one of the two DOIs only, it is that paper
    assert [e.source for e in merge_duplicates(assign_slugs([c, a]))] == ["a.txt"]


def test_another_paper_sharing_a_chinese_title_and_a_family_name_in_pinyin_stays_apart(tmp_path: Path) -> None:
    # 刘悦 and 柳青 are both "Liu"; "迁移体研究进展" is a common title; the English titles and journals differ
    fixtures = ROOT / "tests" / "fixtures" / "sources" / "platform-record"
    record = (fixtures / "chinese-authors-latin-resultstr.txt").read_text(encoding="utf-8")
    other = (fixtures / "liu-2024-same-chinese-title.txt").read_text(encoding="utf-8")
    entries = ingested(tmp_path, {"liu.txt": record, "other.txt": other})
    assert [(e.source, e.doi, e.also_from) for e in entries] == [
        ("sources/liu.txt", "10.16476/j.pibb.2024.0123", ()),
        ("sources/other.txt", None, ()),
    ]


def test_a_paper_copied_in_three_sources_is_one_entry(tmp_path: Path) -> None:
    # the copy with the DOI gives both titles; of the two without it, one gives the English title only and the
    # other the Chinese title only
    fixtures = ROOT / "tests" / "fixtures" / "sources" / "platform-record"
    record = (fixtures / "chinese-authors-latin-resultstr.txt").read_text(encoding="utf-8")
    no_doi = record.replace('"10.16476/j.pibb.2024.0123"', "null")
    english = no_doi.replace('"title":"迁移体研究进展",', "")
    chinese = no_doi.replace('\\"title\\":\\"Advances in migrasome research\\",', "").rsplit("\n", 2)[0] + "\n"
    assert english != no_doi and chinese != no_doi
    (entry,) = ingested(tmp_path, {"a.txt": english, "b.txt": chinese, "c.txt": record})
    assert entry.doi == "10.16476/j.pibb.2024.0123" and len(entry.also_from) == 2


def source(name: str, **fields: object) -> Entry:
    base = Entry(
        id="",
        slug="",
        source=name,
        family="platform-record",
        year=2024,
        title=Bilingual(en="Advances in migrasome research", zh="迁移体研究进展"),
        authors=(Author(name="Yue Liu", name_zh="刘悦", family="Liu", given="Yue"),),
        journal=Journal(name="Progress in Biochemistry and Biophysics", name_zh="生物化学与生物物理进展"),
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def test_a_copy_without_doi_joins_only_when_all_both_give_agrees() -> None:
    with_doi = source("a.txt", doi="10.1/x")

    def merged(**fields: object) -> int:
        return len(merge_duplicates(assign_slugs([with_doi, source("b.txt", **fields)])))

    assert merged() == 1
    # the first author: the same family name in pinyin is not enough
    assert merged(authors=(Author(name="Qing Liu", name_zh="柳青", family="Liu", given="Qing"),)) == 2
    assert merged(authors=(Author(name="Qing Liu", family="Liu", given="Qing"),)) == 2
    assert merged(authors=(Author(name="Liu Y", family="Liu", given="Y"),)) == 1
    assert merged(authors=(Author(name="Liu Yue", family="Liu", given="Yue"),)) == 1
    assert merged(authors=(Author(name="刘悦"),)) == 1
    assert merged(authors=(Author(name="柳青"),)) == 2
    # the year, and the title in each language both give
    assert merged(year=2023) == 2
    assert merged(title=Bilingual(en="Migrasomes in tumour metastasis", zh="迁移体研究进展")) == 2
    assert merged(title=Bilingual(en="ADVANCES IN MIGRASOME RESEARCH.")) == 1
    assert merged(title=Bilingual(zh="迁移体研究进展。")) == 1
    # the journal, when both name it alike
    assert merged(journal=Journal(name="中国细胞生物学学报")) == 2
    assert merged(journal=Journal(name="Chinese Journal of Cell Biology")) == 2
    assert merged(journal=Journal(name="Prog Biochem Biophys")) == 1
    assert merged(journal=Journal(name="Progress in Biochemistry and Biophysics (Beijing)")) == 1
    assert merged(journal=Journal(name="Shengwu Huaxue Yu Shengwu Wuli Jinzhan")) == 1
    assert merged(journal=Journal()) == 1


def test_journal_names_clash_only_when_surely_different() -> None:
    from evdigest.sources.same_journal import journals_clash

    full = "Proceedings of the National Academy of Sciences of the United States of America"
    for short in ("Proc Natl Acad Sci U S A", "Proc Natl Acad Sci USA", full.upper()):
        assert not journals_clash(Journal(name=short), Journal(name=full))
    assert not journals_clash(Journal(name="Science (New York, N.Y.)"), Journal(name="Science"))
    assert not journals_clash(Journal(name="J Hematol Oncol"), Journal(name="Journal of Hematology & Oncology"))
    # written otherwise: pinyin, English and Chinese names of one journal are not compared
    assert not journals_clash(
        Journal(name="Zhongguo Zuzhi Gongcheng Yanjiu", name_zh="中国组织工程研究"),
        Journal(name="Chinese Journal of Tissue Engineering Research"),
    )
    assert not journals_clash(Journal(name="PNAS"), Journal(name="Proc Natl Acad Sci U S A"))  # leading words
    # a journal whose name is another's leading words is another journal
    for short, longer in (("Cell", "Cell Reports"), ("J Immunol", "J Immunol Methods"), ("PNAS", "PNAS Nexus")):
        assert journals_clash(Journal(name=short), Journal(name=longer)), (short, longer)
    assert journals_clash(Journal(name="Stem Cells"), Journal(name="Stem Cells Transl Med"))
    assert journals_clash(Journal(name="Cancer Lett"), Journal(name="Cell Cycle"))
    assert journals_clash(Journal(name="生物化学与生物物理进展"), Journal(name="中国细胞生物学学报"))


def _brute_force_joins(entries: list[Entry]) -> dict[str, set[str]]:
    """For each group without a DOI, the groups with one that are the same paper, every pair of groups
    compared, again after each join (a group joined brings its titles) until none joins."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[identity(entry)].append(entry)

    def same(mine: list[Entry], theirs: list[Entry]) -> bool:
        rows = [[same_paper(a, b) for b in theirs] for a in mine]
        return any(True in row for row in rows) and all(any(v is not False for v in row) for row in rows)

    found: dict[str, set[str]] = {}
    joined = True
    while joined:
        joined = False
        for key in [k for k in groups if k.startswith("work:")]:
            matches = {doi for doi, theirs in groups.items() if doi.startswith("doi:") and same(groups[key], theirs)}
            found[key] = matches
            if len(matches) == 1:
                groups[next(iter(matches))] += groups.pop(key)
                joined = True
    return found


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["刘悦", "柳青", "王强"]),
            st.sampled_from([2023, 2024]),
            st.sampled_from(["迁移体研究进展", "外泌体综述", None]),
            st.sampled_from(["Advances in migrasome research", "Exosome review", None]),
            st.sampled_from(["10.1/a", "10.1/b", None]),
        ),
        max_size=8,
    )
)
def test_copies_without_a_doi_join_as_comparing_every_pair_would(papers) -> None:
    """Copies without a DOI are compared only with copies sharing a year and a title: what joins (one entry
    per paper, or a warning naming the DOIs) is what comparing every pair gives."""
    entries = [
        Entry(
            id=f"e{i}",
            slug=f"e{i}",
            source=f"sources/e{i}.txt",
            family="platform-record",
            authors=(Author(name="", name_zh=author),),
            year=year,
            title=Bilingual(en=en, zh=zh),
            doi=doi,
        )
        for i, (author, year, zh, en, doi) in enumerate(papers)
        if zh or en
    ]
    expected = _brute_force_joins(entries)
    merged = merge_duplicates(entries)
    joined = sum(len(dois) == 1 for dois in expected.values())  # each joins its one paper with a DOI
    assert len(merged) == len({identity(e) for e in entries}) - joined
    warned = {w.values for e in merged for w in e.warnings if w.field == "doi"}
    assert warned == {tuple(sorted(d.removeprefix("doi:") for d in v)) for v in expected.values() if len(v) > 1}


def _paper(i: int, **fields) -> Entry:
    base = {
        "authors": (Author(name="", name_zh="刘悦"),),
        "year": 2024,
        "title": Bilingual(en="Advances in migrasome research", zh="迁移体研究进展"),
    }
    return Entry(id=f"e{i}", slug=f"e{i}", source=f"sources/e{i}.txt", family="platform-record", **{**base, **fields})


def test_a_copy_of_the_doi_differing_from_the_others_does_not_keep_a_copy_without_one_apart() -> None:
    """Copies of one DOI may differ among themselves (one without authors, one with no year, one with a
    subtitle): the copy without a DOI that agrees with one of them joins."""
    for odd in (
        {"authors": ()},
        {"year": None},
        {"title": Bilingual(en="Advances in migrasome research: a review", zh="迁移体研究进展")},
    ):
        entries = [_paper(0, doi="10.1/a"), _paper(1, doi="10.1/a", **odd), _paper(2)]
        assert len(merge_duplicates(entries)) == 1, odd


def test_a_copy_without_a_doi_joins_through_another_that_joined() -> None:
    """The DOI copy gives the English title only, one copy both titles, another the Chinese title only: the
    second joins through the first, whatever the order."""
    doi = _paper(0, doi="10.1/a", title=Bilingual(en="Advances in migrasome research"))
    both = _paper(1)
    chinese = _paper(2, title=Bilingual(zh="迁移体研究进展"))
    for order in ([doi, both, chinese], [chinese, both, doi], [both, chinese, doi]):
        assert len(merge_duplicates(order)) == 1


def test_the_same_first_author_written_otherwise_is_one() -> None:
    """A middle name or initial left out, or a Chinese name in Traditional characters, is the same author."""
    from evdigest.sources.same_author import same_first_author

    def by(*authors: Author) -> Entry:
        return _paper(0, authors=authors)

    assert same_first_author(
        by(Author(name="John A. Smith", family="Smith", given="John A.")),
        by(Author(name="John Smith", family="Smith", given="John")),
    )
    assert same_first_author(by(Author(name="", name_zh="劉悅")), by(Author(name="", name_zh="刘悦")))
    assert not same_first_author(by(Author(name="", name_zh="柳青")), by(Author(name="", name_zh="刘悦")))
    assert not same_first_author(  # a whole given name more is another name
        by(Author(name="Wei Zhang", family="Zhang", given="Wei")),
        by(Author(name="Wei Ming Zhang", family="Zhang", given="Wei Ming")),
    )
    assert not same_first_author(
        by(Author(name="Yue Liu", family="Liu", given="Yue")), by(Author(name="Qing Liu", family="Liu", given="Qing"))
    )
