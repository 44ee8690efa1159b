"""BibTeX, RIS and CSL-JSON exports, read back with bibtexparser, rispy and citeproc-py."""

from __future__ import annotations

import dataclasses
import json
import re
import warnings
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser import middlewares
from citeproc.source.json import CiteProcJSON
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.export import bibtex, csljson, entry_exports, index_exports, own_keys, ris, write_exports
from evdigest.model import (
    Abstracts,
    AbstractSection,
    Author,
    Bilingual,
    Entry,
    Journal,
    Keywords,
    Link,
    Reference,
    Work,
)
from evdigest.refs.index import build_index
from evdigest.refs.parse import parse_reference
from evdigest.refs.record import chinese_name, entry_to_csl, record_language
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
SCHEMA = json.loads((ROOT / "src/evdigest/schema/csl-data.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures" / "refs_pair"
CHINAXIV = Path(__file__).parent / "fixtures" / "chinaxiv"
# "- [30] 马元, 庄雪莹, 陈旭. …": one line of the sample's reference list
SAMPLE_REF_RE = re.compile(r"^- \[(\d+)\] (.+)$")
# A BibTeX escape the exporter writes: "\&", "\textbackslash{}", "\^{}"
BIB_ESCAPE_RE = re.compile(r"\\textbackslash\{\}|\\\^\{\}|\\~\{\}|\\([{}%&_#$])")
NAMES = ("吕茹月", "顾路路", "刘茜", "周思仪", "李贝贝", "薛乐天", "孙鹏")
LATIN = ("Lyu Ruyue", "Gu Lulu", "Liu Qian", "Zhou Siyi", "Li Beibei", "Xue Letian", "Sun Peng")


def bib_unescape(text: str) -> str:
    return BIB_ESCAPE_RE.sub(
        lambda m: m.group(1) or {"\\textbackslash{}": "\\", "\\^{}": "^", "\\~{}": "~"}[m.group(0)], text
    )


def read_bib(text: str) -> list:
    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    assert not library.failed_blocks
    return library.entries


def read_csl(text: str) -> CiteProcJSON:
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    with warnings.catch_warnings():
        # CSL variables citeproc-py does not know (it formats no such field): what the files carry for other readers
        warnings.filterwarnings("ignore", message=".*are unsupported: ((custom|translated_title|citation_key)(, )?)+$")
        return CiteProcJSON(data)


def lyu_record() -> Entry:
    authors = tuple(Author(name=latin, name_zh=zh) for latin, zh in zip(LATIN, NAMES, strict=True))
    return Entry(
        id="lyu-2026-exosome-secretion",
        slug="lyu-2026-exosome-secretion",
        source="sources/lyu-2026-exosome-secretion.txt",
        family="journal-fulltext",
        title=Bilingual(
            en="Regulatory mechanisms of exosome secretion and its application prospects in biomedicine",
            zh="外泌体分泌调控机制及在生物医学中的应用前景",
        ),
        authors=authors,
        journal=Journal(
            name="Chinese Journal of Tissue Engineering Research", name_zh="中国组织工程研究", issn="2095-4344"
        ),
        year=2026,
        volume="30",
        issue="1",
        pages="184-193",
        doi="10.12307/2025.573",
        abstract=Abstracts(
            zh=(AbstractSection("背景", "外泌体作为细胞外囊泡的一种。"), AbstractSection("目的", "综述。"))
        ),
        keywords=Keywords(zh=("外泌体", "生物学功能"), en=("exosomes", "biological functions")),
    )


def zhang_record() -> Entry:
    names = (("Zhang", "Tianhe"), ("Zhang", "Liang"), ("Ma", "Xiaoxue"), ("Song", "Wenliang"))
    return Entry(
        id="zhang-2025-msc-evs",
        slug="zhang-2025-msc-evs",
        source="sources/zhang-2025-msc-evs.txt",
        family="pubmed-cn",
        title=Bilingual(
            en="The tiny giants of regeneration: MSC-derived extracellular vesicles as next-generation therapeutics."
        ),
        authors=tuple(Author(name=f"{f} {g}", family=f, given=g) for f, g in names),
        journal=Journal(name="Front Cell Dev Biol"),
        year=2025,
        volume="13",
        article_number="1612589",
        doi="10.3389/fcell.2025.1612589",
        pmid="40741521",
        urls=(Link(rel="landing", url="https://pubmed.ncbi.nlm.nih.gov/40741521/"),),
        keywords=Keywords(en=("MSC-EVs", "R&D_50%")),
    )


def sample_entry() -> Entry:
    refs = []
    for n, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), start=1):
        match = SAMPLE_REF_RE.match(line)
        if match:
            refs.append(Reference(number=int(match.group(1)), raw=match.group(2).replace("*", ""), line=n))
    assert len(refs) == 92
    return Entry(id="lyu", slug="lyu", source="sources/lyu.txt", family="journal-fulltext", references=tuple(refs))


@pytest.fixture(scope="module")
def indexed() -> tuple[list[Entry], tuple]:
    pair = [
        Entry.from_dict(json.loads((FIXTURES / f"{n}.json").read_text(encoding="utf-8"))) for n in ("alpha", "beta")
    ]
    return build_index([sample_entry(), *pair])


def test_record_exports_keep_chinese_authors_in_order() -> None:
    files = entry_exports(lyu_record())
    (bib,) = read_bib(files["lyu-2026-exosome-secretion.bib"].decode())
    assert [("".join(n.last), "".join(n.first)) for n in bib["author"]] == [(z[0], z[1:]) for z in NAMES]
    assert bib["title"] == "外泌体分泌调控机制及在生物医学中的应用前景"
    assert bib["journal"] == "中国组织工程研究" and bib["pages"] == "184--193" and bib["doi"] == "10.12307/2025.573"
    (record,) = rispy.loads(files["lyu-2026-exosome-secretion.ris"].decode())
    assert record["authors"] == [f"{z[0]}, {z[1:]}" for z in NAMES]
    assert (record["start_page"], record["end_page"], record["doi"]) == ("184", "193", "10.12307/2025.573")
    assert record["keywords"] == ["外泌体", "生物学功能", "exosomes", "biological functions"]
    assert record["language"] == "zh"
    item = read_csl(files["lyu-2026-exosome-secretion.csl.json"].decode())["lyu-2026-exosome-secretion"]
    assert [str(a.family) + str(a.given) for a in item.author] == list(NAMES)
    assert str(item.page) == "184-193" and str(item.DOI) == "10.12307/2025.573"


def test_a_chinese_record_carries_its_english_title_abstract_and_keywords_in_every_format() -> None:
    english = (AbstractSection("OBJECTIVE", "To review exosome secretion."), AbstractSection(None, "Rab27a acts."))
    entry = dataclasses.replace(lyu_record(), abstract=dataclasses.replace(lyu_record().abstract, en=english))
    files = entry_exports(entry)
    en_title = "Regulatory mechanisms of exosome secretion and its application prospects in biomedicine"
    (bib,) = read_bib(files["lyu-2026-exosome-secretion.bib"].decode())
    assert bib["title"] == "外泌体分泌调控机制及在生物医学中的应用前景" and bib["usere"] == en_title
    assert bib["keywords"] == "外泌体, 生物学功能, exosomes, biological functions"
    assert (
        bib["abstract"]
        == "背景: 外泌体作为细胞外囊泡的一种。 目的: 综述。 OBJECTIVE: To review exosome secretion. Rab27a acts."
    )
    (record,) = rispy.loads(files["lyu-2026-exosome-secretion.ris"].decode())
    assert record["title"] == bib["title"] and record["translated_title"] == en_title
    assert record["keywords"] == ["外泌体", "生物学功能", "exosomes", "biological functions"]
    assert record["abstract"].startswith("背景: 外泌体") and record["abstract"].endswith(
        "To review exosome secretion. Rab27a acts."
    )
    (item,) = json.loads(files["lyu-2026-exosome-secretion.csl.json"].decode())
    assert (
        item["translated-title"] == en_title and item["keyword"] == "外泌体; 生物学功能; exosomes; biological functions"
    )
    assert item["abstract"].split("\n\n") == [
        "背景: 外泌体作为细胞外囊泡的一种。",
        "目的: 综述。",
        "OBJECTIVE: To review exosome secretion.",
        "Rab27a acts.",
    ]
    read_csl(files["lyu-2026-exosome-secretion.csl.json"].decode())


def test_a_chinaxiv_preprint_exports_as_a_dated_preprint_with_its_identifier() -> None:
    text = (CHINAXIV / "ChinaXiv-201712.00265V1.md").read_text(encoding="utf-8")
    entry = dataclasses.replace(
        journal_fulltext.parse(text, Origin("sources/ChinaXiv-201712.00265V1.md")), slug="yang-semen", references=()
    )
    files = entry_exports(entry)
    (bib,) = read_bib(files["yang-semen.bib"].decode())
    assert (bib.entry_type, bib.key, bib["year"], bib["month"]) == ("misc", "yang2017jiyu", "2017", "12")
    assert (bib["eprint"], bib["eprinttype"]) == ("201712.00265", "ChinaXiv") and "eid" not in bib
    assert bib["url"] == "https://chinaxiv.org/abs/201712.00265" and "journal" not in bib and "publisher" not in bib
    (record,) = rispy.loads(files["yang-semen.ris"].decode())
    assert (record["type_of_reference"], record["year"], record["date"]) == ("UNPB", "2017", "2017/12")
    assert (record["name_of_database"], record["accession_number"]) == ("ChinaXiv", "ChinaXiv:201712.00265")
    assert "custom7" not in record and "publisher" not in record
    item = read_csl(files["yang-semen.csl.json"].decode())["yang-semen"]
    assert (str(item.type), str(item.genre), str(item.publisher), str(item.number)) == (
        "article",
        "Preprint",
        "ChinaXiv",
        "201712.00265",
    )
    assert (item.issued.year, item.issued.month) == (2017, 12)
    published = dataclasses.replace(entry, journal=Journal(name_zh="南方医科大学学报"))
    assert entry_to_csl(published)["type"] == "article-journal" and "number" not in entry_to_csl(published)


def test_record_exports_keep_article_numbers_and_ids() -> None:
    item = entry_to_csl(zhang_record())
    assert item["language"] == "en" and item["page"] == "1612589" and item["number"] == "1612589"
    files = entry_exports(zhang_record())
    (bib,) = read_bib(files["zhang-2025-msc-evs.bib"].decode())
    assert bib.key == "zhang2025tiny"
    assert [n.last for n in bib["author"]] == [["Zhang"], ["Zhang"], ["Ma"], ["Song"]]
    assert bib["pages"] == "1612589" and bib["eid"] == "1612589" and bib["pmid"] == "40741521"
    assert bib_unescape(bib["keywords"]) == "MSC-EVs, R&D_50%"  # biblatex's separator
    (record,) = rispy.loads(files["zhang-2025-msc-evs.ris"].decode())
    assert record["start_page"] == "1612589" and "end_page" not in record and record["custom7"] == "1612589"
    assert record["urls"] == ["https://pubmed.ncbi.nlm.nih.gov/40741521/"]
    csl = read_csl(files["zhang-2025-msc-evs.csl.json"].decode())["zhang-2025-msc-evs"]
    assert str(csl.page) == "1612589" and str(csl.PMID) == "40741521"


def test_reference_list_exports_round_trip(indexed: tuple[list[Entry], tuple]) -> None:
    """An entry's list exports each work it cites as the index holds it: the best reading of the references
    printing it (lyu's reference 4 prints its article number damaged, ``eaa06977``; another list prints it
    whole)."""
    entries, works = indexed
    lyu = entries[0]
    by_id = {w.id: w for w in works}
    files = entry_exports(lyu, by_id)
    bibs = read_bib(files["lyu.refs.bib"].decode())
    records = rispy.loads(files["lyu.refs.ris"].decode())
    source = read_csl(files["lyu.refs.csl.json"].decode())
    assert len(bibs) == len(records) == len(lyu.references) == 92
    for ref, bib, record in zip(lyu.references, bibs, records, strict=True):
        work = by_id[ref.work_id]
        families = [a.get("family") or a.get("literal") for a in work.csl.get("author", [])]
        bib_names = [" ".join(n.last) for n in bib["author"]] if "author" in bib else []
        assert bib.key == work.key and bib_names == families + (["others"] if work.et_al else [])
        assert [a.split(",")[0] for a in record.get("authors", [])] == families
        assert [str(a.family) for a in source[ref.work_id].get("author", [])] == families
        page = work.csl.get("page")
        if page:
            assert bib["pages"].replace("--", "-") == page
            assert record["start_page"] == page.split("-")[0]
            assert str(source[ref.work_id].page) == page
    by_number = {r.number: (r, b) for r, b in zip(lyu.references, bibs, strict=True)}
    assert by_number[4][0].csl["page"] == "eaa06977" and by_number[4][1]["pages"] == "eaau6977"
    assert by_number[51][1]["pages"] == "E1127--E1136"
    assert by_number[30][1]["author"][0].last == ["马"] and by_number[30][1]["author"][0].first == ["元"]


def test_a_work_has_one_record_and_the_index_s_key_in_every_list_citing_it() -> None:
    """A list printing one work twice (1 and 2) holds it once, under the key ``references.bib`` gives it, also
    when another review's work shares its key's base (``liu2022advances``) and the index adds ``a``/``b``."""
    printed = "LIU C, XIAO K, XIE L. {} of exosomes for ALI/ARDS. Front Immunol. 2022;13:971189."
    refs = tuple(
        Reference(number=n, raw=printed.format(words), line=n)
        for n, words in ((1, "Advances in the use"), (2, "Advances in the uses"), (3, "Another title entirely"))
    )
    twice = Entry(id="twice", slug="twice", source="sources/twice.txt", family="journal-fulltext", references=refs)
    other_ref = Reference(1, "LIU C, WANG Q. Advances in exosome engineering. J Control Release. 2022;341:1-10.")
    other = Entry(
        id="other", slug="other", source="sources/other.txt", family="journal-fulltext", references=(other_ref,)
    )
    (linked, _), works = build_index([twice, other])
    assert len(works) == 3 and linked.references[0].work_id == linked.references[1].work_id
    by_id = {w.id: w for w in works}
    index_files = index_exports(works)
    index_keys = {b["title"]: b.key for b in read_bib(index_files["references.bib"].decode())}
    assert sorted(index_keys.values()) == ["liu2022advancesa", "liu2022advancesb", "liu2022another"]
    files = entry_exports(linked, by_id)
    bibs = read_bib(files["twice.refs.bib"].decode())
    assert [(b.key, index_keys[b["title"]]) for b in bibs] == [
        ("liu2022advancesb", "liu2022advancesb"),
        ("liu2022another", "liu2022another"),
    ]
    items = json.loads(files["twice.refs.csl.json"].decode())
    assert [item["id"] for item in items] == [linked.references[0].work_id, linked.references[2].work_id]
    assert len(rispy.loads(files["twice.refs.ris"].decode())) == 2
    assert files == entry_exports(linked, {w.id: w for w in reversed(works)})


def test_references_read_only_in_part_are_marked_with_their_printed_text_in_every_format() -> None:
    printed = (
        "Kim DK, Kang B, Kim OY, et al. EVpedia:an integrated database of high-throughput data for systemic "
        "analyses of extracellular vesicles[J].2013,2. doi: 10.3402/jev.v2i0.20384.",  # no journal: partial
        "Unpublished data, laboratory notebook.",  # nothing read: failed
        "LIU C, XIAO K, XIE L. Advances in the use of exosomes for ALI/ARDS. Front Immunol. 2022;13:971189.",
    )
    refs = tuple(Reference(number=n, raw=raw, line=n) for n, raw in enumerate(printed, start=1))
    entry = Entry(id="parts", slug="parts", source="sources/parts.txt", family="journal-fulltext", references=refs)
    (linked,), works = build_index([entry])
    status = {w.raw: w.status for w in works}
    assert [status[raw] for raw in printed] == ["partial", "failed", "full"]
    marks = [
        f"Read only in part from the reference as printed: {printed[0]}",
        f"Not read from the reference as printed: {printed[1]}",
    ]
    for files, stem in (
        (entry_exports(linked, {w.id: w for w in works}), "parts.refs"),
        (index_exports(works), "references"),
    ):
        bib_notes = sorted(bib_unescape(b["annote"]) for b in read_bib(files[stem + ".bib"].decode()) if "annote" in b)
        assert bib_notes == sorted(marks)
        ris_notes = sorted(n for r in rispy.loads(files[stem + ".ris"].decode()) for n in r.get("notes", []))
        # the unread one keeps its text as its note too; Kim's list is cut short
        assert ris_notes == sorted([*marks, printed[1], "et al."])
        items = json.loads(files[stem + ".csl.json"].decode())
        assert sorted(item["note"] for item in items if "note" in item) == sorted(marks)
        read_csl(files[stem + ".csl.json"].decode())
    bibs = read_bib(entry_exports(linked, {w.id: w for w in works})["parts.refs.bib"].decode())
    (full,) = [b for b in bibs if "journal" in b and b["journal"] == "Front Immunol"]
    assert "annote" not in full and "note" not in full


def test_index_exports_round_trip(indexed: tuple[list[Entry], tuple]) -> None:
    _, works = indexed
    files = index_exports(works)
    assert index_exports(works, ordered=True) == files == index_exports(tuple(reversed(works)))
    bibs = read_bib(files["references.bib"].decode())
    records = rispy.loads(files["references.ris"].decode())
    source = read_csl(files["references.csl.json"].decode())
    assert len(bibs) == len(records) == len(works)
    assert len({b.key for b in bibs}) == len(bibs)
    dois = {w.csl["DOI"] for w in works if w.csl.get("DOI")}
    assert {b["doi"] for b in bibs if "doi" in b} == dois
    assert {r["doi"] for r in records if "doi" in r} == dois
    for work in works:
        doi = source[work.id].get("DOI")
        assert (str(doi) if doi else None) == work.csl.get("DOI")


def test_index_exports_with_kept_records_are_the_same_and_keep_only_what_did_not_change(
    indexed: tuple[list[Entry], tuple], tmp_path: Path, monkeypatch
) -> None:
    import dataclasses

    from evdigest import export as export_module
    from evdigest.build.cache import KeyedMemo

    _, works = indexed
    plain = index_exports(works)
    memo = KeyedMemo(tmp_path / "records.pickle")
    assert index_exports(works, memo) == plain
    memo.save()
    # a second work with the first one's citation key base: both get a suffix, the rest is kept
    twin = dataclasses.replace(works[0], id="work-twin", cited_by=())
    made: list[str] = []
    for fmt in (bibtex, ris, csljson):
        monkeypatch.setattr(fmt, "record", _counting(fmt.record, made, fmt.SUFFIX))
    again = index_exports((*works, twin), KeyedMemo(tmp_path / "records.pickle"))
    monkeypatch.undo()
    assert again == index_exports((*works, twin))
    # the twins' keyed records (BibTeX and CSL-JSON, which carries the key), the new one's RIS
    assert sorted(made) == sorted([".bib", ".bib", ".csl.json", ".csl.json", ".ris"])
    monkeypatch.setattr(export_module, "code_version", lambda: "other code")
    made.clear()
    for fmt in (bibtex, ris, csljson):
        monkeypatch.setattr(fmt, "record", _counting(fmt.record, made, fmt.SUFFIX))
    assert index_exports(works, KeyedMemo(tmp_path / "records.pickle")) == plain
    assert len(made) == 3 * len(works)  # records kept by other code are made again


def _counting(record, made: list[str], name: str):
    def counted(*args, **kwargs):
        made.append(name)
        return record(*args, **kwargs)

    return counted


def test_csl_json_records_join_as_the_encoder_writes_the_array() -> None:
    items = [
        ({"id": "a", "type": "book", "title": "多行\n标题", "author": [{"family": "Li"}]}, True),
        ({"id": "b"}, False),
    ]
    assert (
        csljson.dumps(items)
        == json.dumps([csljson.export_item(i, e) for i, e in items], ensure_ascii=False, indent=2) + "\n"
    )
    assert csljson.dumps([]) == "[]\n"


def test_bibtex_escapes_special_characters() -> None:
    title = r"A & B: 50% of {x}_y #1 \ $ ^ ~"
    item = {
        "id": "x",
        "type": "article-journal",
        "title": title,
        "author": [{"literal": "R&D {Group}"}],
        "DOI": "10.1/a_b",
    }
    text = bibtex.dumps([(item, False)])
    assert r"title = {A \& B: 50\% of \{x\}\_y \#1 \textbackslash{} \$ \^{} \~{}}" in text
    assert "doi = {10.1/a_b}" in text
    (entry,) = read_bib(text)
    assert bib_unescape(entry["title"]) == title
    assert entry["doi"] == "10.1/a_b"


def test_et_al_is_translated_per_format() -> None:
    item = {"id": "w1", "type": "article-journal", "author": [{"family": "HAN", "given": "Q. F."}], "title": "T"}
    assert "author = {HAN, Q. F. and others}" in bibtex.dumps([(item, True)])
    assert "N1  - et al." in ris.dumps([(item, True)])
    (exported,) = json.loads(csljson.dumps([(item, True)]))
    assert exported["custom"] == {"et-al": True} and len(exported["author"]) == 1
    jsonschema.validate([exported], SCHEMA)


CUT_SHORT_EDITORS = (
    "Smith J, Lee K, et al. Exosomes. In: Jones K, et al., editors. Exosome biology. London: Academic Press; 2019. "
    "p. 12-30.",
    "李明. 外泌体[M]//王五, 等主编. 细胞生物学进展. 北京: 科学出版社, 2018: 12-15.",
    "Chen X. Vesicles. In: Brown L, editor. Vesicle biology. London: Academic Press; 2020. p. 1-9.",
)


def test_a_cut_short_editor_list_is_carried_in_every_format() -> None:
    """A reference list and the index: BibTeX ``editor`` ending in ``and others``, RIS the note ``N1  - Editors et
    al.``, CSL-JSON ``"custom": {"editor-et-al": true}``; beside the authors' own flag, and not for editors printed
    whole."""
    refs = tuple(Reference(number=n, raw=raw, line=n) for n, raw in enumerate(CUT_SHORT_EDITORS, start=1))
    entry = Entry(id="eds", slug="eds", source="sources/eds.txt", family="journal-fulltext", references=refs)
    (linked,), works = build_index([entry])
    assert [ref.editors_et_al for ref in linked.references] == [True, True, False]
    for files, stem in (
        (entry_exports(linked, {w.id: w for w in works}), "eds.refs"),
        (index_exports(works), "references"),
    ):
        bibs = {b["title"]: b for b in read_bib(files[stem + ".bib"].decode())}
        assert [[n.last for n in bibs[title]["editor"]] for title in ("Exosomes", "外泌体", "Vesicles")] == [
            [["Jones"], ["others"]],
            [["王"], ["others"]],
            [["Brown"]],
        ]
        assert [n.last for n in bibs["Exosomes"]["author"]] == [["Smith"], ["Lee"], ["others"]]
        records = {r["title"]: r for r in rispy.loads(files[stem + ".ris"].decode())}
        assert records["Exosomes"]["notes"] == ["et al.", "Editors et al."]
        assert records["外泌体"]["notes"] == ["Editors et al."] and "notes" not in records["Vesicles"]
        items = {item["title"]: item for item in json.loads(files[stem + ".csl.json"].decode())}
        assert items["Exosomes"]["custom"] == {"et-al": True, "editor-et-al": True}
        assert items["外泌体"]["custom"] == {"editor-et-al": True} and "custom" not in items["Vesicles"]
        read_csl(files[stem + ".csl.json"].decode())


def test_an_edited_book_is_keyed_by_its_first_editor() -> None:
    """A book with editors and no authors is cited by its first editor, as styles print it: it was
    ``anon2020exosomes``."""
    from evdigest.refs.cite_keys import base_key

    item = parse_reference("Théry C, editor. Exosomes & Co. London: Academic Press; 2020.").item
    assert "author" not in item and base_key(item) == "thery2020exosomes"
    assert base_key({"title": "Exosomes", "issued": {"date-parts": [[2020]]}}) == "anon2020exosomes"


def test_citation_keys_are_stable() -> None:
    kalluri = {
        "id": "a",
        "type": "article-journal",
        "author": [{"family": "KALLURI"}],
        "title": "The biology",
        "issued": {"date-parts": [[2020]]},
    }
    other = {
        "id": "b",
        "type": "article-journal",
        "author": [{"family": "马"}],
        "title": "外泌体研究",
        "issued": {"date-parts": [[2021]]},
    }
    twin = {**kalluri, "id": "c", "title": "The biology, again"}
    assert "@article{kalluri2020biology," in bibtex.dumps([(kalluri, False), (other, False)])
    assert "@article{ma2021waimi," in bibtex.dumps([(other, False)])
    both = bibtex.dumps([(kalluri, False), (twin, False)])
    assert "{kalluri2020biologya," in both and "{kalluri2020biologyb," in both


def test_write_exports_writes_every_file_deterministically(indexed: tuple[list[Entry], tuple], tmp_path: Path) -> None:
    entries, works = indexed
    records = [lyu_record(), zhang_record()]
    first = write_exports([*records, *entries], works, tmp_path / "a")
    second = write_exports([*reversed(entries), *records], tuple(reversed(works)), tmp_path / "b")
    names = sorted(p.name for p in first)
    assert names == sorted(p.name for p in second)
    expected = {
        f"{stem}{suffix}" for stem in ("lyu", "lyu.refs", "references") for suffix in (".bib", ".ris", ".csl.json")
    }
    assert expected <= set(names)
    cited = [entry for entry in [*records, *entries] if entry.references]
    assert 0 < len(cited) < 5
    assert len(names) == 3 * (5 + len(cited) + 1)  # an entry without references has no reference list files
    assert not any(name.startswith(f"{zhang_record().slug}.refs.") for name in names)
    for a, b in zip(sorted(first), sorted(second), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Zé马{}%&_#$^~\\,.;:-")), min_size=1, max_size=40))
def test_bibtex_escaping_round_trips_through_bibtexparser(title: str) -> None:
    item = {"id": "x", "type": "article-journal", "title": title, "author": [{"family": "Han", "given": "Q."}]}
    (entry,) = read_bib(bibtex.dumps([(item, False)]))
    # the braces that keep a word's capitals (``{ZZ}``): not escaped, not the empty pair of ``\^{}``
    unprotected = re.sub(r"(?<!\\)\{(?!\})|(?<![\\{])\}", "", entry["title"])
    assert bib_unescape(unprotected) == " ".join(title.split())


def test_bibtex_titles_keep_the_capitals_of_acronyms_and_gene_names() -> None:
    title = "TAT-5 and P4-ATPase regulate EGFR-driven miRNA release (LC-MS/MS) in C. elegans: 外泌体在PD-1中"
    item = {"id": "x", "type": "article-journal", "title": title, "author": [{"family": "Han", "given": "Q."}]}
    text = bibtex.dumps([(item, False)])
    assert (
        "title = {{TAT-5} and {P4-ATPase} regulate {EGFR}-driven {miRNA} release ({LC-MS/MS}) in C. elegans:"
        " 外泌体在{PD-1}中}" in text
    )
    (entry,) = read_bib(text)
    assert entry["title"].replace("{", "").replace("}", "") == title


def bibtex_sentence_case(title: str) -> str:
    """What a BibTeX style's ``change.case$ "t"`` makes of a title read back: every letter outside braces in
    lower case but the first."""
    out, depth = [], 0
    for i, char in enumerate(title):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char not in "{}":
            out.append(char if depth or i == 0 else char.lower())
    return "".join(out)


def test_bibtex_titles_keep_gene_names_and_units_through_a_style_s_sentence_case() -> None:
    title = (
        "Exosome Secretion by Rab27a and Wnt5a Carries miR-125b-5p, CD63, mRNA and c-Myc at Low pH "
        "in MSC-Derived and Cell-Derived Vesicles"
    )
    item = {"id": "x", "type": "article-journal", "title": title, "author": [{"family": "Han", "given": "Q."}]}
    text = bibtex.dumps([(item, False)])
    (entry,) = read_bib(text)
    assert entry["title"].replace("{", "").replace("}", "") == title
    assert bibtex_sentence_case(entry["title"]) == (
        "Exosome secretion by Rab27a and Wnt5a carries miR-125b-5p, CD63, mRNA and c-Myc at low pH "
        "in MSC-derived and cell-derived vesicles"
    )
    # capitalised only as words of a title-case title: left to the style
    assert "title = {Exosome Secretion by {Rab27a}" in text and " and Cell-Derived Vesicles}" in text
    assert " {miR-125b-5p}, " in text  # the numbers of a braced word are braced with it


def test_chinese_names_split_after_the_family_name() -> None:
    assert chinese_name("吕茹月") == {"family": "吕", "given": "茹月"}
    assert chinese_name("欧阳 修文") == {"family": "欧阳", "given": "修文"}
    assert chinese_name("马") == {"literal": "马"}


def test_record_language_and_fields() -> None:
    assert record_language(lyu_record()) == "zh" and record_language(zhang_record()) == "en"
    # a Chinese preprint names no journal: its authors' names decide, and every name is then the Chinese one
    preprint = dataclasses.replace(
        lyu_record(),
        journal=Journal(),
        authors=(Author("YANG Cheng", name_zh="杨诚"), Author("", name_zh="张万松"), Author("", name_zh="卞军")),
    )
    assert record_language(preprint) == "zh"
    assert [a.get("family") for a in entry_to_csl(preprint)["author"]] == ["杨", "张", "卞"]
    english = dataclasses.replace(
        preprint, authors=(Author("Luca Musante"), Author("Li Si"), Author("", name_zh="王五"))
    )
    assert record_language(english) == "en"
    assert record_language(dataclasses.replace(preprint, title=Bilingual(en="A review"))) == "en"
    item = entry_to_csl(lyu_record())
    assert item["translated-title"].startswith("Regulatory mechanisms")
    assert item["container-title"] == "中国组织工程研究" and item["issued"] == {"date-parts": [[2026]]}
    assert item["abstract"] == "背景: 外泌体作为细胞外囊泡的一种。\n\n目的: 综述。"
    assert item["URL"] == "https://doi.org/10.12307/2025.573"
    jsonschema.validate([item, entry_to_csl(zhang_record())], SCHEMA)


def test_index_exports_kept_under_the_build_s_work_keys(
    indexed: tuple[list[Entry], tuple], tmp_path: Path, monkeypatch
) -> None:
    """With the build's work keys, kept records are taken without reading the works' items again; a work
    whose key changed has its records made again, and the files are those made without a memo."""
    from evdigest.build.cache import KeyedMemo

    _, works = indexed
    plain = index_exports(works)
    keys = {w.id: f"key of {w.id}" for w in works}
    memo = KeyedMemo(tmp_path / "records.pickle")
    assert index_exports(works, memo, keys) == plain
    memo.save()
    made: list[str] = []
    for fmt in (bibtex, ris, csljson):
        monkeypatch.setattr(fmt, "record", _counting(fmt.record, made, fmt.SUFFIX))
    keys[works[0].id] = "changed"
    assert index_exports(works, KeyedMemo(tmp_path / "records.pickle"), keys) == plain
    assert sorted(made) == [".bib", ".csl.json", ".ris"]  # the one work whose key changed


@pytest.mark.parametrize("accessed", [{"date-parts": [[2024, 1, 2]]}, {"raw": "2024-1-2"}])
def test_a_web_page_keeps_the_day_it_was_read(accessed: dict) -> None:
    item = {
        "id": "isev",
        "type": "webpage",
        "author": [{"literal": "International Society for Extracellular Vesicles"}],
        "title": "MISEV guidelines",
        "issued": {"date-parts": [[2023]]},
        "URL": "https://www.isev.org/misev",
        "accessed": accessed,
    }
    (bib,) = read_bib(bibtex.dumps([(item, False)]))
    assert bib["urldate"] == "2024-01-02"
    (record,) = rispy.loads(ris.dumps([(item, False)]))
    assert record["access_date"] == "2024/01/02"
    assert "urldate" not in bibtex.dumps([({**item, "accessed": {"raw": "last spring"}}, False)])


def test_a_thesis_names_its_university_as_the_school() -> None:
    item = {
        "id": "li2020",
        "type": "thesis",
        "genre": "thesis",
        "author": [{"family": "李", "given": "明"}],
        "title": "外泌体研究",
        "publisher": "北京协和医学院",
        "publisher-place": "北京",
        "issued": {"date-parts": [[2020]]},
        "language": "zh",
    }
    (bib,) = read_bib(bibtex.dumps([(item, False)]))
    assert bib.entry_type == "phdthesis" and bib["school"] == "北京协和医学院" and "publisher" not in bib
    (record,) = rispy.loads(ris.dumps([(item, False)]))
    assert record["type_of_reference"] == "THES" and record["publisher"] == "北京协和医学院"


def test_an_entry_whose_author_list_is_cut_short_exports_it_so() -> None:
    entry = dataclasses.replace(zhang_record(), authors_et_al=True)
    files = entry_exports(entry)
    assert files["zhang-2025-msc-evs.bib"].decode().count(" and others}") == 1
    (record,) = rispy.loads(files["zhang-2025-msc-evs.ris"].decode())
    assert "et al." in record["notes"]
    assert b" and others" not in entry_exports(zhang_record())["zhang-2025-msc-evs.bib"]


def test_translators_are_exported_in_every_format() -> None:
    """BibTeX ``translator`` (biblatex's; Zotero reads it), RIS ``A4`` (subsidiary author: Zotero's translator),
    CSL-JSON ``translator``: after the authors, in order, Chinese names as printed."""
    printed = (
        "[美] 温伯格. 癌生物学[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009.",
        "Piaget, J. (1969). The psychology of the child (H. Weaver & B. Inhelder, Trans.). Basic Books.",
        "WEINBERG R A. The biology of cancer[M]. SMITH J, MACARTHUR E, 译. New York: Garland Science, 2007.",
    )
    items = [(dict(parse_reference(raw).item, id=f"w{n}"), False) for n, raw in enumerate(printed)]
    bibs = read_bib(bibtex.dumps(items))
    assert [[(n.last, n.first) for n in b["translator"]] for b in bibs] == [
        [(["詹"], ["启敏"]), (["刘"], ["芝华"])],
        [(["Weaver"], ["H."]), (["Inhelder"], ["B."])],
        [(["Smith"], ["J."]), (["MacArthur"], ["E."])],  # GB/T's capitals written as the authors' are
    ]
    assert [[(n.last, n.first) for n in b["author"]] for b in bibs][0] == [(["{温伯格}"], [])]
    records = rispy.loads(ris.dumps(items))
    assert [r["subsidiary_authors"] for r in records] == [
        ["詹, 启敏", "刘, 芝华"],
        ["Weaver, H.", "Inhelder, B."],
        ["Smith, J.", "MacArthur, E."],
    ]
    assert records[0]["authors"] == ["温伯格"]
    exported = json.loads(csljson.dumps(items))
    assert [item["translator"] for item in exported] == [item["translator"] for item, _ in items]
    read_csl(csljson.dumps(items))


# Chapters and an edited book as Vancouver, APA and GB/T 7714 print them
EDITED = (
    "Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human solid tumors. In: Vogelstein B, Kinzler KW, "
    "editors. The genetic basis of human cancer. New York: McGraw-Hill; 2002. p. 93-113.",
    "Théry, C. (2019). Exosome biology. In J. Smith & K. Jones (Eds.), Extracellular vesicles in health "
    "(pp. 12–30). London: Academic Press.",
    "王五. 外泌体的生物学[M]//张三, 李四. 细胞生物学. 北京: 科学出版社, 2015: 12-30.",
    "Harnden P, Joffe JK, Jones WG, editors. Germ cell tumours of the testis. London: Springer; 2002.",
)


def test_editors_are_exported_in_every_format_with_the_book_a_chapter_is_in() -> None:
    """BibTeX ``editor`` with ``booktitle``, ``publisher`` and ``address``; RIS ``A2`` for a chapter (Zotero's
    editor of a book section; of a book it is the series editor) and ``A3`` for an edited book (Zotero's book
    editor), the book as ``T2``, ``PB`` and ``CY``; CSL-JSON ``editor`` and ``container-title``."""
    items = [(dict(parse_reference(raw).item, id=f"w{n}"), False) for n, raw in enumerate(EDITED)]
    bibs = read_bib(bibtex.dumps(items))
    assert [b.entry_type for b in bibs] == ["incollection", "incollection", "incollection", "book"]
    assert [[(n.last, n.first) for n in b["editor"]] for b in bibs] == [
        [(["Vogelstein"], ["B."]), (["Kinzler"], ["K.", "W."])],
        [(["Smith"], ["J."]), (["Jones"], ["K."])],
        [(["张"], ["三"]), (["李"], ["四"])],
        [(["Harnden"], ["P."]), (["Joffe"], ["J.", "K."]), (["Jones"], ["W.", "G."])],
    ]
    assert [b["booktitle"] for b in bibs[:3]] == [
        "The genetic basis of human cancer",
        "Extracellular vesicles in health",
        "细胞生物学",
    ]
    assert [(b["publisher"], b["address"]) for b in bibs] == [
        ("McGraw-Hill", "New York"),
        ("Academic Press", "London"),
        ("科学出版社", "北京"),
        ("Springer", "London"),
    ]
    assert "author" not in bibs[3] and [b["pages"] for b in bibs[:3]] == ["93--113", "12--30", "12--30"]
    records = rispy.loads(ris.dumps(items))
    assert [r["type_of_reference"] for r in records] == ["CHAP", "CHAP", "CHAP", "BOOK"]
    assert [r.get("secondary_authors") for r in records] == [
        ["Vogelstein, B.", "Kinzler, K. W."],
        ["Smith, J.", "Jones, K."],
        ["张, 三", "李, 四"],
        None,
    ]
    assert records[3]["tertiary_authors"] == ["Harnden, P.", "Joffe, J. K.", "Jones, W. G."]
    assert "authors" not in records[3] and records[0]["authors"][0] == "Meltzer, P. S."
    assert [r["secondary_title"] for r in records[:3]] == [b["booktitle"] for b in bibs[:3]]
    assert [(r["publisher"], r["place_published"]) for r in records] == [(b["publisher"], b["address"]) for b in bibs]
    exported = json.loads(csljson.dumps(items))
    assert [item["editor"] for item in exported] == [item["editor"] for item, _ in items]
    source = read_csl(csljson.dumps(items))
    assert [str(source["w0"]["editor"][n].family) for n in (0, 1)] == ["Vogelstein", "Kinzler"]
    assert str(source["w2"]["container_title"]) == "细胞生物学"


def test_a_gbt_2005_chapter_exports_its_editors_and_book() -> None:
    """``题名[A]. 张三, 李四. 书名[C].`` and ``Title[A]. In: Jones K, ed. Book[M].``: BibTeX ``inproceedings`` or
    ``incollection`` with ``editor`` and ``booktitle``, RIS ``CPAPER`` or ``CHAP`` with ``A2`` and the book where
    Zotero reads it (a paper's proceedings ``C3``, a chapter's book ``T2``)."""
    printed = (
        "王五. 外泌体的生物学[A]. 张三, 李四. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.",
        "Smith J. Exosome biology[A]. In: Jones K, ed. Extracellular vesicles[M]. Boston: Springer, 2010: 1-10.",
    )
    items = [(dict(parse_reference(raw).item, id=f"a{n}"), False) for n, raw in enumerate(printed)]
    bibs = read_bib(bibtex.dumps(items))
    assert [b.entry_type for b in bibs] == ["inproceedings", "incollection"]
    assert [[(n.last, n.first) for n in b["editor"]] for b in bibs] == [
        [(["张"], ["三"]), (["李"], ["四"])],
        [(["Jones"], ["K."])],
    ]
    assert [(b["booktitle"], b["publisher"], b["address"], b["pages"]) for b in bibs] == [
        ("细胞生物学", "科学出版社", "北京", "12--30"),
        ("Extracellular vesicles", "Springer", "Boston", "1--10"),
    ]
    records = rispy.loads(ris.dumps(items))
    books = [r.get("custom3") if r["type_of_reference"] == "CPAPER" else r.get("secondary_title") for r in records]
    assert [(r["type_of_reference"], r["secondary_authors"], book) for r, book in zip(records, books, strict=True)] == [
        ("CPAPER", ["张, 三", "李, 四"], "细胞生物学"),
        ("CHAP", ["Jones, K."], "Extracellular vesicles"),
    ]


def test_editors_are_in_the_reference_list_and_index_exports() -> None:
    """A review's reference list (``<slug>.refs.*``) and the index (``references.*``) carry the editors and the
    book of every chapter they hold."""
    refs = tuple(Reference(number=n, raw=raw, line=n) for n, raw in enumerate(EDITED, start=1))
    entry = Entry(id="books", slug="books", source="sources/books.txt", family="journal-fulltext", references=refs)
    (linked,), works = build_index([entry])
    for files, stem in (
        (entry_exports(linked, {w.id: w for w in works}), "books.refs"),
        (index_exports(works), "references"),
    ):
        bibs = {b["title"]: b for b in read_bib(files[stem + ".bib"].decode())}
        assert [n.last for n in bibs["Exosome biology"]["editor"]] == [["Smith"], ["Jones"]]
        assert bibs["外泌体的生物学"]["booktitle"] == "细胞生物学"
        assert len(bibs["Germ cell tumours of the testis"]["editor"]) == 3
        records = {r["title"]: r for r in rispy.loads(files[stem + ".ris"].decode())}
        assert records["Chromosome alterations in human solid tumors"]["secondary_authors"][0] == "Vogelstein, B."
        assert records["外泌体的生物学"]["secondary_authors"] == ["张, 三", "李, 四"]
        assert records["Germ cell tumours of the testis"]["tertiary_authors"][0] == "Harnden, P."
        items = {item["title"]: item for item in json.loads(files[stem + ".csl.json"].decode())}
        assert items["Exosome biology"]["editor"][0] == {"family": "Smith", "given": "J."}
        assert items["外泌体的生物学"]["container-title"] == "细胞生物学"
        read_csl(files[stem + ".csl.json"].decode())


def test_a_book_s_edition_and_isbn_are_exported_in_every_format() -> None:
    """BibTeX ``edition`` and ``isbn``, RIS ``ET`` and ``SN`` (a book's ISBN to Zotero), CSL-JSON ``edition``
    and ``ISBN``."""
    printed = (
        "Alberts B, Johnson A, Lewis J. Molecular biology of the cell. 6th ed. New York: Garland Science; 2015. "
        "ISBN 978-0-8153-4432-2.",
        "詹启敏. 分子肿瘤学[M]. 第2版. 北京: 人民卫生出版社, 2017.",
    )
    items = [(dict(parse_reference(raw).item, id=f"w{n}"), False) for n, raw in enumerate(printed)]
    bibs = read_bib(bibtex.dumps(items))
    assert [(b["edition"], b["isbn"] if "isbn" in b else None) for b in bibs] == [
        ("6", "978-0-8153-4432-2"),
        ("2", None),
    ]
    records = rispy.loads(ris.dumps(items))
    assert [(r["edition"], r.get("issn")) for r in records] == [("6", "978-0-8153-4432-2"), ("2", None)]
    exported = json.loads(csljson.dumps(items))
    assert [(item["edition"], item.get("ISBN")) for item in exported] == [("6", "978-0-8153-4432-2"), ("2", None)]
    read_csl(csljson.dumps(items))


CONFERENCE_PAPERS = (
    "张三, 李四. 外泌体检测方法[C]//第十届全国细胞生物学学术大会论文集. 北京: 中国细胞生物学学会, 2015: 12-15.",
    "Théry, C., & Witwer, K. W. (2018). Minimal information for studies of extracellular vesicles. In Proceedings "
    "of the Annual Meeting of the International Society for Extracellular Vesicles. Barcelona: ISEV.",
)


def test_a_conference_paper_s_proceedings_and_conference_are_where_zotero_reads_them() -> None:
    """RIS ``C3`` is a conference paper's proceedings title to Zotero and ``T2`` its conference name, so the
    proceedings are ``C3`` and the conference (CSL ``event``, as Zotero's CSL-JSON names it) ``T2``; BibTeX
    ``booktitle`` and biblatex's ``eventtitle``."""
    items = [(dict(parse_reference(raw).item, id=f"w{n}"), False) for n, raw in enumerate(CONFERENCE_PAPERS)]
    items.append(
        (
            {
                "id": "w2",
                "type": "paper-conference",
                "title": "Exosome isolation by size-exclusion chromatography",
                "author": [{"family": "Böing", "given": "A. N."}],
                "container-title": "Proceedings of the 3rd Annual Meeting of ISEV",
                "event": "ISEV 2014 Annual Meeting",
                "event-place": "Rotterdam",
                "issued": {"date-parts": [[2014]]},
                "page": "45-50",
            },
            False,
        )
    )
    proceedings = [
        "第十届全国细胞生物学学术大会论文集",
        "Proceedings of the Annual Meeting of the International Society for Extracellular Vesicles",
        "Proceedings of the 3rd Annual Meeting of ISEV",
    ]
    records = rispy.loads(ris.dumps(items))
    assert [r["type_of_reference"] for r in records] == ["CPAPER"] * 3
    assert [r.get("custom3") for r in records] == proceedings
    assert [r.get("secondary_title") for r in records] == [None, None, "ISEV 2014 Annual Meeting"]
    assert [r["start_page"] for r in (records[0], records[2])] == ["12", "45"]
    bibs = read_bib(bibtex.dumps(items))
    assert [b.entry_type for b in bibs] == ["inproceedings"] * 3
    assert [b["booktitle"] for b in bibs] == proceedings
    assert ["eventtitle" in b for b in bibs] == [False, False, True] and bibs[2][
        "eventtitle"
    ] == "ISEV 2014 Annual Meeting"
    source = read_csl(csljson.dumps(items))
    assert [str(source[f"w{n}"]["container_title"]) for n in range(3)] == proceedings


def test_a_conference_paper_s_place_is_where_zotero_and_biblatex_read_it() -> None:
    """The conference's place (CSL ``event-place``) is RIS ``C1``, a conference paper's place to Zotero, beside
    the publisher's place in ``CY``, and biblatex's ``venue`` beside ``address``; CSL-JSON keeps it."""
    paper = {
        "id": "w0",
        "type": "paper-conference",
        "title": "Exosome isolation by size-exclusion chromatography",
        "author": [{"family": "Böing", "given": "A. N."}],
        "container-title": "Proceedings of the 3rd Annual Meeting of ISEV",
        "event": "ISEV 2014 Annual Meeting",
        "event-place": "Rotterdam, the Netherlands",
        "publisher": "ISEV",
        "publisher-place": "Gothenburg",
        "issued": {"date-parts": [[2014]]},
    }
    book = {"id": "w1", "type": "book", "title": "Germ cell tumours V", "event-place": "Leeds, UK"}
    items = [(paper, False), (book, False)]
    records = rispy.loads(ris.dumps(items))
    assert [(r.get("custom1"), r.get("place_published")) for r in records] == [
        ("Rotterdam, the Netherlands", "Gothenburg"),
        (None, None),
    ]
    bibs = read_bib(bibtex.dumps(items))
    assert [(b.fields_dict.get("venue"), b.fields_dict.get("address")) for b in bibs][1] == (None, None)
    assert (bibs[0]["venue"], bibs[0]["address"]) == ("Rotterdam, the Netherlands", "Gothenburg")
    read_csl(csljson.dumps(items))
    assert json.loads(csljson.dumps(items))[0]["event-place"] == "Rotterdam, the Netherlands"


CITED_PAGES = (
    "詹启敏. 分子肿瘤学[M]. 北京: 人民卫生出版社, 2017: 12-30.",
    "王五. 外泌体的分泌机制研究[D]. 北京: 北京大学, 2015: 112-38.",
    "Li X. Exosome isolation[C]. Beijing: Science Press, 2019: 45-50.",
)


def test_a_book_s_or_thesis_s_cited_pages_are_a_ris_note_not_its_number_of_pages() -> None:
    """RIS ``SP`` of a book or a thesis is its number of pages to Zotero (``numPages``), so the pages a
    reference cites in one are the note ``N1  - Cited pages: 12-30`` and no ``SP``/``EP``; a conference
    paper keeps ``SP``/``EP``. CSL-JSON ``page`` keeps them in every type (BibTeX: the test below)."""
    items = [(dict(parse_reference(raw).item, id=f"w{n}"), False) for n, raw in enumerate(CITED_PAGES)]
    assert [item["type"] for item, _ in items] == ["book", "thesis", "paper-conference"]
    records = rispy.loads(ris.dumps(items))
    assert [r["type_of_reference"] for r in records] == ["BOOK", "THES", "CPAPER"]
    assert [(r.get("start_page"), r.get("end_page")) for r in records] == [(None, None), (None, None), ("45", "50")]
    assert [r.get("notes") for r in records] == [["Cited pages: 12-30"], ["Cited pages: 112-138"], None]
    source = read_csl(csljson.dumps(items))
    assert [str(source[f"w{n}"]["page"]) for n in range(3)] == ["12-30", "112-38", "45-50"]


BOOK_PAGES = (
    "陈明. 细胞外囊泡导论[M]. 上海: 上海科学技术出版社, 2018: 56-61.",
    "Hart R. Membrane trafficking. Oxford: Blackwell; 2012. p. 45-67.",
    "刘洋. 外泌体在肝纤维化中的作用[D]. 武汉: 华中科技大学, 2020: 9.",
    "Moss T. Vesicle release. In: Grant P, editor. Cell biology. New York: Garland; 2011. p. 101-120.",
    "Fox A, Lee B. Exosome cargo. Nat Cell Biol. 2019;21(3):9-17.",
)


def test_a_book_s_or_thesis_s_cited_pages_are_a_bibtex_note_not_its_number_of_pages() -> None:
    """Zotero's BibTeX import reads ``pages`` of a ``@book`` or a ``@phdthesis`` as the work's number of pages,
    so the pages a reference cites in one are the note ``Cited pages: 56--61`` (after the item's own note) and
    no ``pages``; a chapter and an article keep ``pages``."""
    items = [(dict(parse_reference(raw).item, id=f"b{n}"), False) for n, raw in enumerate(BOOK_PAGES)]
    assert [item["type"] for item, _ in items] == ["book", "book", "thesis", "chapter", "article-journal"]
    items[1][0]["note"] = "Reprinted 2015"
    text = bibtex.dumps(items)
    bibs = read_bib(text)
    assert [b.entry_type for b in bibs] == ["book", "book", "phdthesis", "incollection", "article"]
    assert [b["pages"] if "pages" in b.fields_dict else None for b in bibs] == [None, None, None, "101--120", "9--17"]
    assert [b["note"] if "note" in b.fields_dict else None for b in bibs] == [
        "Cited pages: 56--61",
        "Reprinted 2015; Cited pages: 45--67",
        "Cited pages: 9",
        None,
        None,
    ]
    assert "pages = {" not in bibtex.dumps(items[:3])


def test_a_dropping_particle_is_kept_in_every_format() -> None:
    """``Beauvoir, Simone de``: CSL-JSON keeps the particle apart, RIS after the given names, BibTeX as the von
    part before the family name (which biblatex sorts under the family name)."""
    item = {**parse_reference("Beauvoir, Simone de, and Jean-Paul Sartre. Letters. New York: Knopf, 1953.").item}
    item["id"] = "beauvoir"
    (exported,) = json.loads(csljson.dumps([(item, False)]))
    jsonschema.validate([exported], SCHEMA)
    assert exported["author"][0] == {"family": "Beauvoir", "given": "Simone", "dropping-particle": "de"}
    (record,) = rispy.loads(ris.dumps([(item, False)]))
    assert record["authors"] == ["Beauvoir, Simone de", "Sartre, Jean-Paul"]
    (entry,) = read_bib(bibtex.dumps([(item, False)]))
    first, second = entry["author"]
    assert (first.von, first.last, first.first) == (["de"], ["Beauvoir"], ["Simone"])
    assert (second.last, second.first) == (["Sartre"], ["Jean-Paul"])


def test_a_name_suffix_is_kept_in_every_format() -> None:
    """``King, Martin Luther, Jr.``: CSL-JSON keeps the suffix apart, RIS after the given names (its third part),
    BibTeX as the name's middle part (``King, Jr, Martin Luther``), where both readers find it; a name with none
    is written as before."""
    item = {**parse_reference("King, Martin Luther, Jr. Why We Can't Wait. New York: Harper, 1964.").item}
    item["id"] = "king"
    item["author"] = [
        *item["author"],
        {"family": "Smith", "given": "J. A.", "suffix": "III"},
        {"family": "Lee"},
        {"family": "Ford", "suffix": "Jr"},
    ]
    (exported,) = json.loads(csljson.dumps([(item, False)]))
    jsonschema.validate([exported], SCHEMA)
    assert exported["author"][0] == {"family": "King", "given": "Martin Luther", "suffix": "Jr"}
    (record,) = rispy.loads(ris.dumps([(item, False)]))
    assert record["authors"] == ["King, Martin Luther, Jr", "Smith, J. A., III", "Lee", "Ford, Jr"]
    (entry,) = read_bib(bibtex.dumps([(item, False)]))
    king, smith, lee, ford = entry["author"]
    assert (king.last, king.jr, king.first) == (["King"], ["Jr"], ["Martin", "Luther"])
    assert (smith.last, smith.jr, smith.first) == (["Smith"], ["III"], ["J.", "A."])
    assert (lee.last, lee.jr, lee.first) == (["Lee"], [], [])
    assert "Ford, Jr" in bibtex.dumps([(item, False)])


# Names as the page metadata, RIS and BibTeX write them: a particle, a suffix, a literal name, a Chinese name
WRITTEN_NAMES = [
    (
        {"family": "Beauvoir", "given": "Simone", "dropping-particle": "de"},
        "Beauvoir, Simone de",
        "de Beauvoir, Simone",
    ),
    ({"family": "King", "given": "Martin Luther", "suffix": "Jr"}, "King, Martin Luther", "King, Jr, Martin Luther"),
    ({"family": "Gogh", "dropping-particle": "van"}, "Gogh, van", "van Gogh"),
    ({"literal": "World Health Organization"}, "World Health Organization", "{World Health Organization}"),
    ({"family": "欧阳", "given": "茹月"}, "欧阳, 茹月", "欧阳, 茹月"),
    ({"family": "Smith"}, "Smith", "Smith"),
]


@pytest.mark.parametrize(("name", "family_first", "bibtex_name"), WRITTEN_NAMES)
def test_the_page_metadata_and_the_exports_write_a_name_family_first_alike(
    name: dict, family_first: str, bibtex_name: str
) -> None:
    """The page's ``citation_author`` of a reference and RIS's ``AU`` write a name as one function does (``Family,
    Given particle``, RIS with the suffix after it); BibTeX writes the particle as the family name's von part."""
    from evdigest.model import Reference
    from evdigest.refs.csl_names import family_first as written
    from evdigest.render.meta import reference_tag

    item = {"id": "x", "type": "book", "title": "Title", "author": [name]}
    assert written(name) == family_first
    assert reference_tag(Reference(number=1, raw="x", csl=item)).endswith(f"; citation_author={family_first}")
    suffix = f", {name['suffix']}" if "suffix" in name else ""
    assert f"AU  - {family_first}{suffix}\n" in ris.record(item, False)
    assert f"author = {{{bibtex_name}}}," in bibtex.record(item, key="x")


def test_a_work_in_press_says_so_in_every_format() -> None:
    """A reference printed ``(in press)`` has CSL ``status`` (no date): BibTeX writes it as biblatex's
    ``pubstate`` key, RIS as a note, CSL-JSON as it is."""
    item = dict(parse_reference("Smith J, Lee K. (in press). Exosomes in cancer. J Immunol.").item, id="p1")
    assert item["status"] == "in press" and "issued" not in item
    assert read_bib(bibtex.dumps([(item, False)]))[0]["pubstate"] == "inpress"
    assert rispy.loads(ris.dumps([(item, False)]))[0]["notes"] == ["in press"]
    assert json.loads(csljson.dumps([(item, False)]))[0]["status"] == "in press"
    forthcoming = dict(item, status="Forthcoming", id="p2")
    assert read_bib(bibtex.dumps([(forthcoming, False)]))[0]["pubstate"] == "forthcoming"


def zhang_twin(first: Entry) -> Entry:
    """Another review of the same first author, year and first title word as ``first`` (the same base key)."""
    return dataclasses.replace(
        first,
        id="zhang-2",
        slug="zhang-2",
        title=Bilingual(en=first.title.en.replace("of regeneration", "of wound healing")),
        doi="10.3389/fcell.2025.1612590",
    )


def test_reviews_own_records_get_keys_unique_across_the_digest_and_the_same_in_every_file(tmp_path: Path) -> None:
    first = zhang_record()
    second = zhang_twin(first)
    keys = {}
    for order, folder in (((first, second), "a"), ((second, first), "b")):
        write_exports(order, (), tmp_path / folder)
        for entry in (first, second):
            (bib,) = read_bib((tmp_path / folder / f"{entry.slug}.bib").read_text(encoding="utf-8"))
            (item,) = json.loads((tmp_path / folder / f"{entry.slug}.csl.json").read_text(encoding="utf-8"))
            assert item["citation-key"] == bib.key
            keys.setdefault(entry.slug, set()).add(bib.key)
    # lettered in slug order, the same in every build
    assert keys == {"zhang-2": {"zhang2025tinya"}, "zhang-2025-msc-evs": {"zhang2025tinyb"}}
    alone = entry_exports(first)
    assert read_bib(alone["zhang-2025-msc-evs.bib"].decode())[0].key == "zhang2025tiny"


def test_own_records_and_the_reference_index_share_one_namespace_of_keys(tmp_path: Path) -> None:
    """A review cited by another review of the digest has the key the index gives it as a work, in its own files
    too; a review the index does not hold takes no key a work of the index has: one key, one paper, across
    every file of the digest (its own record was zhang2025tiny beside a work zhang2025tinya, or both were
    zhang2025tinyb, two papers)."""
    cited = zhang_record()
    other = zhang_twin(cited)
    giants = Work(id="w-giants", csl={**entry_to_csl(cited), "id": "w-giants"}, key="zhang2025tinya")
    steps = Work(
        id="w-steps",
        csl={"id": "w-steps", "type": "article-journal", "title": "Tiny steps toward vesicle therapy"},
        key="zhang2025tinyb",
    )
    keys = own_keys([cited, other], [giants, steps])
    assert keys == {"zhang-2025-msc-evs": "zhang2025tinya", "zhang-2": "zhang2025tinyc"}
    write_exports([cited, other], [giants, steps], tmp_path)
    index = {entry.key for entry in read_bib((tmp_path / "references.bib").read_text(encoding="utf-8"))}
    assert index == {"zhang2025tinya", "zhang2025tinyb"}
    for slug, key in keys.items():
        assert read_bib((tmp_path / f"{slug}.bib").read_text(encoding="utf-8"))[0].key == key
    # without the index, the two reviews are lettered among themselves
    assert own_keys([cited, other]) == {"zhang-2": "zhang2025tinya", "zhang-2025-msc-evs": "zhang2025tinyb"}


def test_the_exports_renderer_keys_own_records_across_the_digest_and_is_kept_apart_by_them() -> None:
    from evdigest.build.renderers import ExportFiles
    from evdigest.model import Digest

    first = zhang_record()
    second = dataclasses.replace(first, id="zhang-2", slug="zhang-2", doi="10.3389/fcell.2025.1612590")
    alone, twins = ExportFiles(Digest((first,), (), ())), ExportFiles(Digest((first, second), (), ()))
    files = twins.entry_outputs(second)
    assert read_bib(files["export/zhang-2.bib"].decode())[0].key == "zhang2025tinya"
    assert read_bib(alone.entry_outputs(first)["export/zhang-2025-msc-evs.bib"].decode())[0].key == "zhang2025tiny"
    # the kept files of an entry are made again when another review comes to share its key
    assert alone.fingerprint() != twins.fingerprint()


def test_an_organisation_author_of_a_review_is_written_whole_in_every_format() -> None:
    society = "International Society for Extracellular Vesicles"
    entry = dataclasses.replace(zhang_record(), authors=(Author(name=society),))
    files = entry_exports(entry)
    text = files["zhang-2025-msc-evs.bib"].decode()
    assert f"author = {{{{{society}}}}}" in text
    assert [name.last for name in read_bib(text)[0]["author"]] == [[f"{{{society}}}"]]
    assert rispy.loads(files["zhang-2025-msc-evs.ris"].decode())[0]["authors"] == [society]
    (item,) = json.loads(files["zhang-2025-msc-evs.csl.json"])
    assert item["author"] == [{"literal": society}]
    # a person's name the source gave no parts of still reads as family and given names
    person = entry_to_csl(dataclasses.replace(entry, authors=(Author(name="Yue Liu", given="Yue"),)))
    assert person["author"] == [{"family": "Liu", "given": "Yue"}]


@pytest.mark.parametrize(
    "doi",
    ["10.1021/acs.jproteome.9b00_1{2}", "10.1021/acs.jproteome.0c00#12", "10.1000/a%20b_{c}{d}", "10.1000/x}y{z"],
)
def test_a_doi_is_written_verbatim_with_only_the_escaping_bibtex_needs(doi: str) -> None:
    item = {"id": "x", "type": "article-journal", "title": "Plasma", "DOI": doi, "URL": f"https://doi.org/{doi}"}
    text = bibtex.record(item, key="x")
    (entry,) = read_bib(text)
    risd = rispy.loads(ris.record(item, False))[0]
    if not doi.endswith("{z"):  # braces that pair up, or none: as they are
        assert entry["doi"] == risd["doi"] == doi
        assert entry["url"] == risd["urls"][0] == f"https://doi.org/{doi}"
    else:  # a brace left alone would end the field: percent-encoded, as a resolver reads it
        assert entry["doi"] == "10.1000/x%7Dy%7Bz"


def test_every_csl_json_item_carries_the_bibtex_key_as_its_citation_key(indexed: tuple[list[Entry], tuple]) -> None:
    entries, works = indexed
    by_id = {w.id: w for w in works}
    files = {**entry_exports(entries[0], by_id), **index_exports(works)}
    for stem in (f"{entries[0].slug}.refs", "references", entries[0].slug):
        keys = [one.key for one in read_bib(files[f"{stem}.bib"].decode())]
        items = json.loads(files[f"{stem}.csl.json"])
        jsonschema.validate(items, SCHEMA)
        assert [item["citation-key"] for item in items] == keys
        assert len(set(keys)) == len(keys)
