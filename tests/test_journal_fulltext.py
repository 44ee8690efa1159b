"""The journal-fulltext family: the sample, hand-made variations and arbitrary text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evdigest.errors import ParseError
from evdigest.model import Entry
from evdigest.schema import validate_entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
VARIANTS = ROOT / "tests" / "fixtures" / "sources" / "journal-fulltext"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def parse_file(path: Path) -> Entry:
    return journal_fulltext.parse(path.read_text(encoding="utf-8"), Origin(path.name))


def variant(name: str) -> Entry:
    return parse_file(VARIANTS / name)


def warned(entry: Entry, field: str, words: str = "") -> bool:
    return any(w.field == field and words in w.message for w in entry.warnings)


@pytest.fixture(scope="module")
def sample() -> Entry:
    return journal_fulltext.parse(SAMPLE_TEXT, Origin("sources/lyu-2026-exosome-secretion.txt"))


# --- the sample ------------------------------------------------------------------


def test_sample_is_sniffed_and_identified(sample: Entry) -> None:
    assert journal_fulltext.sniff(SAMPLE_TEXT) is None
    assert sample.family == "journal-fulltext"
    assert (sample.id, sample.slug, sample.glossary) == ("", "", ())
    assert sample.source == "sources/lyu-2026-exosome-secretion.txt"


def test_sample_authors_paired_family_first(sample: Entry) -> None:
    pairs = [(a.name_zh, a.name) for a in sample.authors]
    assert pairs == [
        ("吕茹月", "Lyu Ruyue"),
        ("顾路路", "Gu Lulu"),
        ("刘茜", "Liu Qian"),
        ("周思仪", "Zhou Siyi"),
        ("李贝贝", "Li Beibei"),
        ("薛乐天", "Xue Letian"),
        ("孙鹏", "Sun Peng"),
    ]
    first = sample.authors[0]
    assert (first.family, first.given, first.affiliations) == ("Lyu", "Ruyue", (0,))
    last = sample.authors[-1]
    assert last.corresponding and last.orcid == "0000-0001-9576-6102"
    assert not any(a.corresponding for a in sample.authors[:-1])


def test_sample_affiliation_in_both_languages(sample: Entry) -> None:
    assert len(sample.affiliations) == 1
    affiliation = sample.affiliations[0]
    assert affiliation.zh == "华中科技大学同济医学院附属协和医院急诊科, 湖北省武汉市 430022"
    assert affiliation.en.startswith("Department of Emergency Medicine, Union Hospital")


def test_sample_bibliographic_details(sample: Entry) -> None:
    assert sample.doi == "10.12307/2025.573"
    assert (sample.year, sample.volume, sample.issue, sample.pages) == (2026, "30", "1", "184-193")
    assert sample.journal.name_zh == "中国组织工程研究"
    assert sample.journal.name == "Zhongguo Zuzhi Gongcheng Yanjiu"
    assert sample.journal.issn == "2095-4344"
    assert sample.license == "CC BY-NC-SA 4.0"
    dates = sample.dates
    assert (dates.received, dates.revised, dates.accepted, dates.online) == (
        "2024-11-30",
        "2025-02-19",
        "2025-01-24",
        "2025-03-11",
    )
    assert [(f.lang, f.text[:8]) for f in sample.funding] == [("zh", "国家自然科学基金"), ("en", "National")]


def test_sample_revised_after_accepted_is_a_warning(sample: Entry) -> None:
    warning = next(w for w in sample.warnings if w.field == "dates")
    assert warning.values == ("2025-02-19", "2025-01-24")


def test_sample_titles(sample: Entry) -> None:
    assert sample.title.zh == "外泌体分泌调控机制及在生物医学中的应用前景"
    assert sample.title.en == "Regulatory mechanisms of exosome secretion and its application prospects in biomedicine"


def test_sample_keywords(sample: Entry) -> None:
    assert sample.keywords.zh == ("外泌体", "生物学功能", "生发过程", "分泌释放", "调控机制", "工程化外泌体")
    assert len(sample.keywords.en) == 6
    assert sample.keywords.en[0] == "exosome" and sample.keywords.en[-1] == "engineered exosome"


def test_sample_abstracts_in_order_despite_interruption(sample: Entry) -> None:
    assert [s.label for s in sample.abstract.zh] == ["背景", "目的", "方法", "结果与结论"]
    assert [s.label for s in sample.abstract.en] == ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS AND CONCLUSION"]
    english = " ".join(s.text for s in sample.abstract.en)
    assert "华中科技大学" not in english and "引用本文" not in english
    assert sample.abstract.en[1].text.startswith("To review the biological characteristics")


def test_sample_definitions(sample: Entry) -> None:
    assert [d.term for d in sample.definitions] == ["外泌体", "TAT-5"]
    assert sample.definitions[0].text.startswith("是由细胞分泌到细胞外的膜性结构")


def test_sample_tables(sample: Entry) -> None:
    first, second = sample.tables
    assert (first.label, first.caption) == ("表 1", "外泌体研究领域的重要里程碑和相关文献")
    assert first.header == ("时间段", "里程碑事件", "具体发现内容")
    assert len(first.rows) == 5 and first.rows[0][0] == "1970s-1980s"
    assert (second.label, len(second.rows)) == ("表 2", 10)
    assert second.header == ("方法", "细胞类型", "释放倍数", "研究者", "发表时间")
    assert second.rows[-1] == ("低糖", "H9C2 心肌细胞", "4 倍", "RICE 等 ^[89]", "2015 年")


def test_sample_figures_and_notes(sample: Entry) -> None:
    labels = [f.label for f in sample.figures]
    assert labels == ["图 1", "图 2", "图 3", "图 4", "图 5"]
    notes = {f.label: f.note for f in sample.figures}
    assert notes["图 4"].startswith("图 A 为外化磷脂酰乙醇胺")
    assert notes["图 5"].startswith("TAT-5 维持质膜内磷脂酰乙醇胺不对称")
    assert notes["图 1"] is None


def test_sample_sections_numbered_with_english_titles(sample: Entry) -> None:
    by_number = {s.number: s for s in sample.sections}
    assert (by_number["0"].title, by_number["0"].title_en) == ("引言", "Introduction")
    assert by_number["2.1"].title == "外泌体的生物特性"
    assert by_number["2.1"].paragraphs[0].startswith("外泌体是一类由细胞分泌到细胞外的膜性囊泡")
    assert by_number["2.4.1"].title == "TAT-5 抑制细胞外囊泡出芽"
    assert by_number["3.5.3"].title == "临床研究与转化方向"
    assert all("作者贡献" not in p for s in sample.sections for p in s.paragraphs)


@pytest.mark.parametrize(
    "joined",
    [
        "帮助寻找解决外泌体生产标准化问题的方法",  # easy case: blank line only
        "免疫耐受的诱导以及免疫记忆的形成",  # across 表 1
        "(如 LAMP1、LAMP2),这些蛋白在多囊泡体的膜表面",  # across 图 3
        "这 4 个基因的破坏可增加外泌体的释放",  # across 图注 + 图 4 + 图注 + 图 5
        "结果显示中等剂量组患者",  # across 表 2
    ],
)
def test_sample_broken_paragraphs_are_joined(sample: Entry, joined: str) -> None:
    paragraphs = [p for s in sample.sections for p in s.paragraphs]
    assert any(joined in p for p in paragraphs)


def test_sample_references_all_cited(sample: Entry) -> None:
    assert [r.number for r in sample.references] == list(range(1, 93))
    assert all(r.cited_in for r in sample.references)
    first = sample.references[0]
    assert "*" not in first.raw and "Int J Nanomedicine. 2021;16:1281-1312." in first.raw
    assert first.line == 300
    places = {(c.section, c.sentence[:10]) for c in sample.references[46].cited_in}
    assert ("2.3", "多囊泡体和腔内囊泡的") in places  # [47] only through the range ^[5-6, 46-48]


def test_sample_citations_resolve_lists_and_ranges(sample: Entry) -> None:
    ref46 = sample.references[45]
    sentences = [c.sentence for c in ref46.cited_in]
    assert any(s.startswith("外泌体的形成过程") and "①内吞作用" in s and s.endswith("^[5-6, 46]。") for s in sentences)
    assert all(s.endswith("。") for s in sentences)
    ref57 = sample.references[56]
    assert any(c.section == "表 2" for c in ref57.cited_in)


def test_sample_entry_fits_the_schema(sample: Entry) -> None:
    data = dataclasses.replace(sample, id="x", slug="lyu-2026").to_dict()
    assert validate_entry(data) == []
    assert Entry.from_dict(json.loads(json.dumps(data))) == dataclasses.replace(sample, id="x", slug="lyu-2026")


# --- hand-made variations ---------------------------------------------------------


def test_no_doi_is_a_warning() -> None:
    entry = variant("no-doi.txt")
    assert entry.doi is None and warned(entry, "doi")
    assert [s.label for s in entry.abstract.zh] == ["背景", "目的", "方法", "结论"]
    assert [s.label for s in entry.abstract.en] == ["BACKGROUND", "OBJECTIVE", "METHODS", "CONCLUSION"]
    assert (entry.dates.received, entry.dates.accepted) == ("2023-05-10", "2023-08-02")
    paragraph = entry.sections[-1].paragraphs[0]
    assert "其机制与微小RNA的转运有关" in paragraph  # joined across 表 1
    assert [len(r.cited_in) for r in entry.references] == [1, 2, 2]
    assert entry.tables[0].rows == (("间充质干细胞", "促进血管生成"), ("心肌细胞", "抑制凋亡"))


def test_no_english_abstract() -> None:
    entry = variant("no-english-abstract.txt")
    assert entry.abstract.en == () and warned(entry, "abstract.en")
    assert entry.title.en is None and warned(entry, "title.en")
    assert [a.name_zh for a in entry.authors] == ["刘芳", "孙强", "周敏"]
    assert [a.affiliations for a in entry.authors] == [(0,), (0, 1), (1,)]
    assert [a.name for a in entry.authors] == ["Liu Fang", "Sun Qiang", "Zhou Min"]  # in pinyin
    assert warned(entry, "authors", "no Latin")
    assert entry.doi == "10.12345/example.2024.001"
    assert [r.number for r in entry.references] == [1, 2, 3]
    assert {c.section for c in entry.references[0].cited_in} == {"1", "2"}


def test_dot_numbered_references() -> None:
    entry = variant("dot-numbered-refs.txt")
    assert [r.number for r in entry.references] == [1, 2, 3]
    assert entry.references[1].raw.startswith("张伟，李娜．外泌体与破骨细胞")
    assert entry.keywords.zh == ("外泌体", "骨再生", "成骨分化")
    assert [(a.name, a.affiliations) for a in entry.authors] == [("ZHANG Wei", (0,)), ("LI Na", (1,))]
    assert all(r.cited_in for r in entry.references)


def test_parenthesised_references() -> None:
    entry = variant("paren-numbered-refs.txt")
    assert [r.number for r in entry.references] == [1, 2, 3]
    assert entry.references[1].raw.endswith("2021, 54(3): 250-256.")
    assert not warned(entry, "references")


def test_messy_reference_list_keeps_everything_and_warns() -> None:
    entry = variant("messy-references.txt")
    assert [r.number for r in entry.references] == [1, 2, 3, 3, 5]
    assert entry.references[0].raw.endswith("Kidney Int, 2020, 98(2): 300-310.")
    assert entry.references[2].raw.startswith("Wu G. Stem cell exosomes")
    messages = [w.message for w in entry.warnings if w.field == "references"]
    assert "line before the first numbered reference" in messages
    assert "reference 1 continues on a following line" in messages
    assert "several references run together on one line" in messages
    assert "reference number 3 appears twice" in messages
    assert "reference numbers missing from the list" in messages
    assert warned(entry, "references.cited_in", "no citation markers")


def test_full_width_punctuation_and_structured_labels() -> None:
    entry = variant("fullwidth-structured.txt")
    assert entry.title.zh == "血浆外泌体微小RNA在肺癌诊断中的价值"
    assert [s.label for s in entry.abstract.zh] == ["目的", "方法", "结果", "结论"]
    assert entry.abstract.zh[1].text.startswith("收集60例肺癌患者")
    assert [s.label for s in entry.abstract.en] == ["Objective", "Methods", "Results", "Conclusion"]
    assert entry.keywords.zh == ("外泌体", "微小RNA", "肺癌", "诊断")
    assert entry.keywords.en == ("exosomes", "microRNA", "lung cancer", "diagnosis")
    assert [(a.name_zh, a.name, a.affiliations) for a in entry.authors] == [
        ("黄丽", "HUANG Li", (0,)),
        ("马超", "MA Chao", (0,)),
        ("何静", "HE Jing", (1,)),
    ]
    assert [len(r.cited_in) for r in entry.references] == [1, 1, 1]  # ［1］ and ［2－3］
    assert entry.tables[0].header == ("组别", "例数", "相对表达量") and len(entry.tables[0].rows) == 2


def test_empty_reference_list_is_a_warning() -> None:
    text = SAMPLE_TEXT[: SAMPLE_TEXT.index("- [1] GURUNATHAN")]
    entry = journal_fulltext.parse(text, Origin("x.txt"))
    assert entry.references == ()
    assert any(w.message == "the reference list under the heading is empty" and w.line == 298 for w in entry.warnings)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "fewer than 50 Chinese characters"),
        ('{"title": "' + "外泌体" * 30 + '"}', "JSON record"),
        ("外泌体" * 30 + "\n\n摘要\n\n关键词: 外泌体", "no reference-list heading"),
        ("外泌体" * 30 + "\n\n参考文献\n\n[1] A.", "no abstract"),
    ],
)
def test_sniff_reasons(text: str, reason: str) -> None:
    assert reason in journal_fulltext.sniff(text)


# --- other families and arbitrary text -------------------------------------------


@pytest.mark.parametrize("name", ["liu-2025-migrasomes.txt", "zhang-2025-msc-evs.txt"])
def test_other_families_are_not_sniffed(name: str) -> None:
    text = (ROOT / "content" / "sources" / name).read_text(encoding="utf-8")
    reason = journal_fulltext.sniff(text)
    assert isinstance(reason, str) and reason
    with pytest.raises(ParseError) as error:
        journal_fulltext.parse(text, Origin(name))
    assert str(error.value).startswith(f"{name}:1: not a journal full text")


def _parse_or_error(text: str) -> None:
    reason = journal_fulltext.sniff(text)
    assert reason is None or isinstance(reason, str)
    try:
        entry = journal_fulltext.parse(text, Origin("sources/x.txt"))
    except ParseError as error:
        assert error.path == "sources/x.txt" and error.line and error.line >= 1
        return
    assert isinstance(entry, Entry) and entry.family == "journal-fulltext"
    json.dumps(entry.to_dict(), ensure_ascii=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_returns_entry_or_parse_error(text: str) -> None:
    _parse_or_error(text)


LINE_PIECES = st.sampled_from(
    [
        "摘要",
        "摘要：目的研究。方法检索。结果发现。结论有效。",
        "关键词: 外泌体; 囊泡",
        "Key words: exosome",
        "Abstract",
        "BACKGROUND: text.",
        "参考文献",
        "# 参考文献：",
        "[1] A B. Title[J]. J, 2020, 1(1): 1-2.",
        "2: C D. Title. 2021. 3: E F.",
        "（1）张三. 题名[J]. 刊, 2020.",
        "1 引言 Introduction",
        "2.1 外泌体 外泌体可以^[1-3]",
        "表 1 | 标题",
        "a\tb\tc",
        "<html><body><table><tr><td>x</td></tr></table></body></html>",
        "图 2 | 图题",
        "图注：说明",
        "外泌体是一种膜性囊泡[1]，直径 $3 0 { \\sim } 1 5 0 ~ \\mathrm { n m }$ 之间",
        "吕茹月, 顾路路",
        "Lyu Ruyue, Gu Lulu",
        "YANGCheng,GUOWenbin'",
        "<https://doi.org/10.1234/ABC>",
        "投稿日期: 2024-13-45",
        "引用本文: 张三. 题名 [J]. 刊名, 2026, 30(1):184-193.",
        "How to cite this article: A B. Title. Journal. 2026;30(1):184-193.",
        "<https://orcid.org/0000-0001-9576-6102> (某人)",
        "",
        "   ",
        "[",
        "$",
        "^[",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=30)), max_size=40))
def test_family_shaped_text_returns_entry_or_parse_error(pieces: list[str]) -> None:
    _parse_or_error("\n".join(pieces))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.integers(min_value=0, max_value=SAMPLE_TEXT.count("\n")), max_size=120))
def test_sample_with_lines_removed_returns_entry_or_parse_error(dropped: set[int]) -> None:
    lines = [line for index, line in enumerate(SAMPLE_TEXT.split("\n")) if index not in dropped]
    _parse_or_error("\n".join(lines))


def test_english_front_matter_after_the_references() -> None:
    entry = variant("english-after-references.txt")
    assert entry.title.zh == "尿液外泌体在糖尿病肾病早期诊断中的研究进展"
    assert entry.title.en == "Urinary exosomes in the early diagnosis of diabetic kidney disease: a review"
    assert [(a.name_zh, a.name, a.affiliations) for a in entry.authors] == [
        ("孙悦", "SUN Yue", (0,)),
        ("周杰", "ZHOU Jie", (1,)),
        ("吴敏", "WU Min", (0,)),
    ]
    assert [a.en for a in entry.affiliations] == [
        "Department of Nephrology, First Affiliated Hospital of Example Medical University, Nanjing 210029, China",
        "School of Public Health, Example University, Nanjing 211166, China",
    ]
    assert entry.abstract.en[0].text.startswith("Urinary exosomes come from epithelial cells")
    assert entry.keywords.en == ("urinary exosomes", "diabetic kidney disease", "early diagnosis", "microRNA")
    assert [r.number for r in entry.references] == [1, 2, 3]
    assert entry.references[2].raw.endswith("J Diabetes Res, 2021, 2021: 6645372.")
    assert not any(w.field in ("title.en", "abstract.en", "keywords.en") for w in entry.warnings)
    assert not any("stray" in w.message for w in entry.warnings)


def test_an_abstract_sentence_naming_a_trial_phase_is_no_running_head() -> None:
    from evdigest.sources.fulltext_labels import is_running_head

    fixture = Path(__file__).parent / "fixtures" / "sources" / "journal-fulltext" / "no-doi.txt"
    text = fixture.read_text(encoding="utf-8").replace(
        "最终纳入3篇文献。", "最终纳入3篇文献，其中包括第2期临床试验1项，随访时间为2019, 12(3)个月。"
    )
    entry = journal_fulltext.parse(text, Origin("sources/no-doi.txt"))
    methods = [s.text for s in entry.abstract.zh if s.label == "方法"]
    assert methods and "第2期临床试验1项" in methods[0]
    assert is_running_head("中国组织工程研究 第29卷 第12期 2025年4月")
    assert not is_running_head("其中包括第2期临床试验1项，随访时间为2019, 12(3)个月，结果显示疗效良好。")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("欧阳 娜娜  王伟", ["欧阳娜娜", "王伟"]),
        ("吴刚  司马 相如  李晓红", ["吴刚", "司马相如", "李晓红"]),
        ("吴刚  郑洁  李晓红", ["吴刚", "郑洁", "李晓红"]),
    ],
)
def test_a_compound_surname_printed_apart_stays_with_its_given_name(line: str, names: list[str]) -> None:
    from evdigest.sources.fulltext_authors import _name_parts

    assert _name_parts(line) == names


def test_markers_in_tables_and_captions_are_written_as_in_the_body() -> None:
    """A table cell, a table caption and a figure caption write their markers as the body and the citing
    sentences do, so that the page links them there too."""
    text = (VARIANTS / "fullwidth-structured.txt").read_text(encoding="utf-8")
    text = text.replace("<td>3.2±0.8</td>", "<td>3.2±0.8[2]</td>").replace("比较\n", "比较［3］\n")
    text = text.replace("</table></body></html>\n", "</table></body></html>\n\n图1 外泌体电镜图[1]\n")
    entry = journal_fulltext.parse(text, Origin("t.txt"))
    (table,) = entry.tables
    assert table.rows[0][2] == "3.2±0.8^[2]" and table.caption.endswith("比较^[3]")
    assert entry.figures[0].caption.endswith("电镜图^[1]")
    cited = {r.number: [c.sentence for c in r.cited_in] for r in entry.references}
    assert "肺癌组 | 60 | 3.2±0.8^[2]" in cited[2]
    assert any(sentence.endswith("比较^[3]") for sentence in cited[3])  # the caption cites too


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("外泌体<sup>[3]</sup>，研究<sup>1-3</sup>。", "外泌体^[3]，研究¹⁻³。"),  # superscripts, as printed
        ("浓度为1×10<sup>9</sup>个/mL，kg<sup>-1</sup>", "浓度为1×10⁹个/mL，kg⁻¹"),
        ("CO<sub>2</sub>和Ca<sup>2+</sup>", "CO2和Ca²⁺"),
    ],
)
def test_inline_html_scripts_become_text(line: str, text: str) -> None:
    from evdigest.sources.fulltext_text import split_lines

    assert split_lines(line)[0].text == text


def test_a_citation_in_an_html_superscript_cites() -> None:
    text = (VARIANTS / "fullwidth-structured.txt").read_text(encoding="utf-8")
    text = text.replace("肺癌患者外泌体miR-21表达升高［2－3］", "肺癌患者外泌体miR-21表达升高<sup>[2-3]</sup>")
    entry = journal_fulltext.parse(text, Origin("t.txt"))
    cited = {r.number: [c.sentence for c in r.cited_in] for r in entry.references}
    assert cited[2] == cited[3] and cited[2][0].startswith("肺癌患者外泌体miR-21表达升高^[2-3]")
