"""Four real ChinaXiv full texts (CC BY 4.0, see fixtures/chinaxiv/LICENSE) read as journal-fulltext.

The reference counts were counted by hand in the files: 00265 and 00741 number
[1]-[24]; 00122 numbers [1]-[50]; 202209.00113 numbers 1:-46: but the start of 20,
with its number, was lost in the conversion (its tail sits at the end of reference 19).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "chinaxiv"

# name -> (references, zh title, en title, Chinese author names)
EXPECTED = {
    "ChinaXiv-201712.00265V1.md": (
        list(range(1, 25)),
        "基于PEG6000富集精液来源外泌体的提取及鉴定",
        "Extraction and identification of semen-derived exosomes using PEG6000",
        ["杨诚", "郭文彬", "张万松", "卞军", "杨建昆", "元涛", "王春艳", "刘存东"],
    ),
    "ChinaXiv-201712.00741V1.md": (
        list(range(1, 25)),
        "健康成人24h尿液细胞外囊泡定量及大小分布",
        "Quantification and size distribution of 24-hour urinary extracellular vesicles from healthy adults",
        ["林韩翡", "刘新宇", "徐小蒙", None, None, "邹和群"],
    ),
    "ChinaXiv-201901.00122V1.md": (
        list(range(1, 51)),
        "外泌体作为肿瘤标志物的研究进展",
        "Research Progress of Exosome as Tumor Marker",
        ["刘艳", "戴鹏", "朱运峰"],
    ),
    "ChinaXiv-202209.00113V1.md": (
        list(range(1, 47)),
        "不同体液标本活检在肺癌微小残留疾病监测中的应用",
        "Application of different body fluid biopsy in monitoring minimal residual disease of lung cancer",
        ["闫星", "刘山梅", "刘长宏"],
    ),
}

# LaTeX left in any text of an entry: "\mathrm", "$3 0", "{ \sim }"
LATEX_LEFT = re.compile(r"\\[A-Za-z]+|\$|\{\s*\\")


def load(name: str) -> tuple[str, Entry]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, journal_fulltext.parse(text, Origin(f"chinaxiv/{name}"))


def all_text(entry: Entry) -> list[str]:
    texts = [s.text for s in entry.abstract.zh + entry.abstract.en]
    texts += [p for s in entry.sections for p in s.paragraphs]
    texts += [r.raw for r in entry.references]
    texts += [cell for t in entry.tables for row in t.rows for cell in row]
    return texts


# sha256 prefixes of the copies, equal to the originals of the dataset
DIGESTS = {
    "ChinaXiv-201712.00265V1.md": "486cb9666a122413",
    "ChinaXiv-201712.00741V1.md": "1990e42412a004f0",
    "ChinaXiv-201901.00122V1.md": "d2136e1a777e22ed",
    "ChinaXiv-202209.00113V1.md": "38b0cb09ab1e42ee",
    "LICENSE": "9e5f1b3c610b9c2d",
    "README.md": "94a8094fccf5966e",
}


def test_fixtures_are_the_unchanged_copies() -> None:
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in FIXTURES.iterdir()}
    assert digests == DIGESTS
    assert (FIXTURES / "LICENSE").read_text(encoding="utf-8").startswith("Attribution 4.0 International")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sniffed_as_journal_fulltext(name: str) -> None:
    assert journal_fulltext.sniff((FIXTURES / name).read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_authors_abstracts_keywords(name: str) -> None:
    _, entry = load(name)
    numbers, title_zh, title_en, names_zh = EXPECTED[name]
    assert entry.title.zh == title_zh
    assert entry.title.en == title_en
    assert [a.name_zh for a in entry.authors] == names_zh
    assert entry.abstract.zh and entry.abstract.en
    assert entry.keywords.zh and entry.keywords.en


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_reference_of_the_list(name: str) -> None:
    _, entry = load(name)
    assert [r.number for r in entry.references] == EXPECTED[name][0]
    assert all(len(r.raw) > 20 for r in entry.references)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_latex_fragments_become_readable_text(name: str) -> None:
    _, entry = load(name)
    leftovers = [t for t in all_text(entry) if LATEX_LEFT.search(t)]
    assert leftovers == []


def test_range_of_sizes_reads_as_text() -> None:
    _, entry = load("ChinaXiv-201712.00265V1.md")
    assert "直径约 30~150 nm 的膜性囊泡" in entry.sections[0].paragraphs[0]
    assert "大小约为 30~150 nm" in entry.abstract.zh[2].text


def test_damaged_latin_names_are_written_from_the_chinese_ones_with_a_warning() -> None:
    _, entry = load("ChinaXiv-201712.00265V1.md")
    assert [a.name for a in entry.authors] == [
        "YANG Cheng",
        "GUO Wenbin",
        "ZHANG Wansong",  # printed "HANGWansong": written from 张万松, as the list prints its names
        "BIAN Jun",
        "YANG Jiankun",
        "YUAN Tao",
        "WANG Chunyan",
        "LIU Cundong",
    ]
    assert (entry.authors[2].family, entry.authors[2].given) == ("Zhang", "Wansong")
    damaged = [w for w in entry.warnings if w.field == "authors"]
    assert len(damaged) == 6 and damaged[0].values == ("HANGWansong",)
    assert damaged[0].message.endswith("written from the Chinese name as Zhang Wansong")


def test_foreign_co_authors_and_glued_names() -> None:
    _, entry = load("ChinaXiv-201712.00741V1.md")
    assert [a.name for a in entry.authors] == [
        "LIN Hanfei",
        "LIU Xinyu",
        "XU Xiaomeng",
        "Luca Musante",
        "Harry Holthofer",
        "ZOU Hequn",
    ]
    assert (entry.authors[3].family, entry.authors[3].given) == ("Musante", "Luca")
    assert entry.affiliations[1].en == "Centre for BioAnalytical Sciences,Dublin City University,Republic of Ireland"


def test_structured_abstract_labels_run_into_the_text() -> None:
    _, entry = load("ChinaXiv-201712.00741V1.md")
    assert [s.label for s in entry.abstract.zh] == ["目的", "方法", "结果", "结论"]
    assert [s.label for s in entry.abstract.en] == ["Objective", "Methods", "Results", "Conclusion"]
    assert entry.keywords.en == ("urinary extracellular vesicles", "exosomes", "nanoparticle tracking analysis")


def test_run_together_and_split_references() -> None:
    _, entry = load("ChinaXiv-201712.00741V1.md")
    by_number = {r.number: r for r in entry.references}
    assert by_number[17].raw.endswith("1577-86.")
    assert by_number[18].raw.startswith("Mitchell PJ") and by_number[18].raw.endswith("10.1186/1479-5876-7-4")
    assert by_number[19].raw.endswith("2013,591(Pt 23): 5833-42.")
    messages = {w.message for w in entry.warnings if w.field == "references"}
    assert "several references run together on one line" in messages
    assert "page-break note inside the reference list skipped" in messages


def test_references_never_cited_are_reported_at_the_first_of_them() -> None:
    _, entry = load("ChinaXiv-201901.00122V1.md")
    uncited = next(w for w in entry.warnings if w.message == "references never cited in the body")
    first = next(r for r in entry.references if str(r.number) == uncited.values[0])
    assert uncited.line == first.line is not None


def test_colon_numbered_list_with_a_lost_number() -> None:
    _, entry = load("ChinaXiv-202209.00113V1.md")
    assert entry.doi == "10.12114/j.issn.1007-9572.2022.0641"
    # the end of 20 ran into 19: both works are read, and the loss is reported
    by_number = {r.number: r for r in entry.references}
    assert by_number[19].raw.endswith("2020;23(7):589-596. doi:10.3779/j.issn.1009-3419.2020.104.18.")
    assert by_number[20].raw == "cancer[J]. Mol Biol Rep.2020;47(9):7229-7251. doi:10.1007/s11033-020-05715-w."
    lost = next(w for w in entry.warnings if "lost its start" in w.message)
    assert lost.line == by_number[19].line == by_number[20].line
    assert not any(w.message == "reference numbers missing from the list" for w in entry.warnings)
    assert {r.number for r in entry.references} >= {7, 16, 25, 36, 40, 41}
    # the conversion lost most markers; the few left as superscript digits ("CTC⁹", "因子²²") cite
    assert [r.number for r in entry.references if r.cited_in] == [2, 9, 10, 22]
    assert any(w.message == "references never cited in the body" for w in entry.warnings)
    assert entry.authors[2].corresponding


def test_damaged_citation_markers_are_repaired_or_reported() -> None:
    _, entry = load("ChinaXiv-201712.00265V1.md")
    by_number = {r.number: r for r in entry.references}
    # "[47]" after [5] and before [8]: the dash was lost, read as 4-7
    assert all(by_number[n].cited_in for n in (4, 5, 6, 7, 8))
    damaged = next(w for w in entry.warnings if w.message == "citation markers damaged by the conversion")
    assert "[47]" in damaged.values


def test_html_tables_and_figures() -> None:
    _, entry = load("ChinaXiv-201712.00265V1.md")
    first, second = entry.tables
    assert (first.label, first.caption) == ("表 1", "6例精液基本参数")
    assert first.caption_en == "Demographic data and semen characteristics of the 6 volunteers"
    assert first.header[0] == "Characteristic" and len(first.rows) == 6
    assert second.label == "表 2" and second.header[0] == "Bin Centre (nm)"
    assert [f.label for f in entry.figures] == ["图 1", "图 2", "图 3"]


def test_table_cells_lose_the_spaces_their_line_wraps_left_in_chinese_words() -> None:
    _, entry = load("ChinaXiv-202209.00113V1.md")
    cells = [cell for table in entry.tables for row in (table.header, *table.rows) for cell in row]
    assert any("有核细胞" in cell for cell in cells) and not any("有核细 胞" in cell for cell in cells)
    han_space_han = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]")
    assert [cell for cell in cells if han_space_han.search(cell)] == []


def test_a_row_cut_by_a_page_break_is_joined_to_its_start() -> None:
    # 表1 goes on in a second HTML table whose first row holds only the end of the 尿液 row's 优势 cell
    _, entry = load("ChinaXiv-202209.00113V1.md")
    table = next(t for t in entry.tables if t.label == "表 1")
    assert [row[0] for row in table.rows] == ["血液", "尿液", "唾液", "痰液", "胸腔积液（包括上清液)"]
    assert table.rows[1][2].endswith("适合纵向随访对肿瘤转移有较高的反应")
    assert table.rows[1][3] == "收集过程易受污染肾脏滤过后数量下降"


def test_a_continued_table_keeps_a_first_row_that_has_its_own_label() -> None:
    from evdigest.sources.fulltext_body import read_body
    from evdigest.sources.fulltext_text import Line

    def html(*rows: tuple[str, ...]) -> str:
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<html><body><table>{cells}</table></body></html>"

    lines = [
        Line(1, "表1 样本对比"),
        Line(2, html(("样本", "优势"), ("血液", "成熟"))),
        Line(3, ""),
        Line(4, html(("尿液", "无创"), ("", "可连续采集"))),
    ]
    body = read_body(lines, [])
    # the continuation's first row is a row of its own; an empty first cell later on is not a page break
    assert body.tables[0].rows == (("血液", "成熟"), ("尿液", "无创"), ("", "可连续采集"))
    lines[3] = Line(4, html(("", "可连续采集"), ("尿液", "无创")))
    assert read_body(lines, []).tables[0].rows == (("血液", "成熟可连续采集"), ("尿液", "无创"))


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("ChinaXiv-201712.00741V1.md", ["林韩翡", "刘新宇", "徐小蒙", "邹和群"]),  # "林韩翡',刘新宇',…"
        ("ChinaXiv-201712.00265V1.md", ["卞军"]),  # "卞军」"
        ("ChinaXiv-202209.00113V1.md", ["闫星"]),  # "闫星」"
    ],
)
def test_a_superscript_one_turned_into_a_quote_mark_still_names_the_first_affiliation(
    name: str, names: list[str]
) -> None:
    _, entry = load(name)
    marked = {a.name_zh: a.affiliations for a in entry.authors if a.name_zh in names}
    assert marked == {n: (0,) for n in names}


def test_sections_with_glued_numbers() -> None:
    _, entry = load("ChinaXiv-201712.00741V1.md")
    titles = {s.number: s.title for s in entry.sections}
    assert titles["2.2"] == "24huEVs总蛋白定量"
    assert titles["1.6"] == "纳米微粒跟踪分析(Nanoparticle trackinganalysis, NTA)"
    _, review = load("ChinaXiv-201901.00122V1.md")
    titles = {s.number: s.title for s in review.sections}
    assert titles["2.1"] == "肺癌" and titles["1.3"] == "外泌体的生理功能"
    assert review.sections[0].number is None  # "20 世纪80 年代初期" is text, not section 20
    assert any(w.message == "section number skipped before 2.5" for w in review.warnings)


# a citation marker left as printed: "[3]", "［3］" (not "^[3]", the form the pages link)
PLAIN_MARKER = re.compile(r"(?<!\^)[\[［]\d{1,3}(?:\s*[-–—~～－,，、]\s*\d{1,3})*[\]］]")


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != "ChinaXiv-202209.00113V1.md"))
def test_markers_printed_in_brackets_are_linked_on_the_pages(name: str) -> None:
    """These texts print markers as ``[1-2]``: the body and the citing sentences hold them as ``^[1-2]``, so
    that entry pages and the reference index link them (202209.00113 lost its markers in the conversion)."""
    from evdigest.render.cites import cite_markup_to

    _, entry = load(name)
    sentences = sorted({c.sentence for r in entry.references for c in r.cited_in})
    paragraphs = [p for s in entry.sections for p in s.paragraphs]
    assert len(sentences) >= 10
    assert [t for t in sentences + paragraphs if PLAIN_MARKER.search(t)] == []
    known = frozenset(r.number for r in entry.references)
    assert all('<a href="#ref-' in cite_markup_to(s, known, "#ref-") for s in sentences)


def test_a_marker_whose_comma_became_a_full_stop_cites_both_references() -> None:
    """00122 prints "[4.5]" (a comma read as a full stop): references 4 and 5 are cited there."""
    _, entry = load("ChinaXiv-201901.00122V1.md")
    four, five = (next(r for r in entry.references if r.number == n) for n in (4, 5))
    assert [c.sentence for c in four.cited_in] == [c.sentence for c in five.cited_in]
    assert "等^[4, 5]。" in four.cited_in[0].sentence


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_chinaxiv_identifier_in_the_file_name_gives_the_landing_page_and_the_month_posted(name: str) -> None:
    """None of the four prints its identifier or a date: the file name (``ChinaXiv-201712.00265V1.md``) tells
    both, with a warning that it was read there."""
    _, entry = load(name)
    identifier = name.removeprefix("ChinaXiv-").removesuffix("V1.md")
    assert entry.dates.online == f"{identifier[:4]}-{identifier[4:6]}" and entry.year is None
    (landing,) = [link for link in entry.urls if link.rel == "landing"]
    assert (landing.url, landing.label) == (f"https://chinaxiv.org/abs/{identifier}", f"ChinaXiv:{identifier}V1")
    (warning,) = [w for w in entry.warnings if w.field == "urls"]
    assert warning.values == (f"ChinaXiv:{identifier}V1",)


def test_a_chinaxiv_stamp_printed_in_the_front_matter_is_read_before_the_file_name() -> None:
    text = (FIXTURES / "ChinaXiv-201901.00122V1.md").read_text(encoding="utf-8")
    title = "# 外泌体作为肿瘤标志物的研究进展\n"
    stamped = text.replace(title, title + "\nchinaXiv:201901.00122v2\n", 1)
    entry = journal_fulltext.parse(stamped, Origin("sources/tumour-markers.md"))
    assert [(link.url, link.label) for link in entry.urls] == [
        ("https://chinaxiv.org/abs/201901.00122", "ChinaXiv:201901.00122V2")
    ]
    assert entry.dates.online == "2019-01" and not [w for w in entry.warnings if w.field == "urls"]
    plain = journal_fulltext.parse(text, Origin("sources/tumour-markers.md"))
    assert plain.urls == () and plain.dates.online is None  # nothing names it: nothing guessed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_slug_holds_the_year_posted_as_the_citation_key_does(name: str) -> None:
    """A preprint has no publication year: its slug and its citation key both take the year it was posted."""
    from evdigest.refs.cite_keys import base_key
    from evdigest.refs.record import entry_to_csl
    from evdigest.sources.slug import make_slug

    _, entry = load(name)
    posted = name.removeprefix("ChinaXiv-")[:4]
    slug = make_slug(entry)
    key = base_key(entry_to_csl(entry))
    author = slug.split("-")[0]
    assert slug.startswith(f"{author}-{posted}-") and key.startswith(f"{author}{posted}")
