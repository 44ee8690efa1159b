"""Traditional Chinese (Taiwan) conversion: the known OpenCC pitfalls, shielding, quotes, entries, report."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.enrich.hant import (
    HantConverter,
    _alternation,
    hant_entry,
    hant_glossary,
    load_converter,
    load_phrases,
    write_report,
)
from evdigest.errors import ConfigError
from evdigest.model import (
    Abstracts,
    AbstractSection,
    Affiliation,
    Author,
    Bilingual,
    Citation,
    Definition,
    Entry,
    Figure,
    GlossaryTerm,
    Journal,
    Keywords,
    Link,
    Metrics,
    Reference,
    Section,
    Table,
)

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ROOT / "content" / "phrases.tsv"
CJK = re.compile(r"[\u3400-\u9fff]")
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hant"
SOURCES = ROOT / "content" / "sources"
LYU_NAMES = ("吕茹月", "顾路路", "刘茜", "周思仪", "李贝贝", "薛乐天", "孙鹏")
LYU_TERMS = ("外泌体", "多囊泡体", "腔内囊泡", "内吞体分选复合物", "细胞外囊泡", "生发过程", "工程化外泌体")


def ascii_of(text: str) -> str:
    return "".join(c for c in text if c.isascii())


@pytest.fixture(scope="module")
def conv() -> HantConverter:
    return HantConverter(PHRASES)


def pitfalls() -> list[tuple[str, str]]:
    rows = []
    for line in (FIXTURES / "pitfalls.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            simplified, expected = line.split("\t")
            rows.append((simplified, expected))
    return rows


# --- the known pitfalls ---------------------------------------------------------------


@pytest.mark.parametrize(("simplified", "expected"), pitfalls())
def test_known_pitfalls(conv: HantConverter, simplified: str, expected: str) -> None:
    assert conv.convert(simplified) == expected


def test_opencc_alone_gets_the_named_pitfalls_wrong() -> None:
    """Why the dictionary exists: plain s2twp on the three cases the edition must get right."""
    bare = HantConverter()
    assert bare.convert("生发过程") == "生髮過程"
    assert bare.convert("被发表") == "被髮表"
    assert bare.convert("少数组织") == "少陣列織"
    assert bare.report() == []


@pytest.mark.parametrize(
    ("simplified", "expected"),
    [("生发过程", "生發過程"), ("被发表", "被發表"), ("少数组织", "少數組織")],
)
def test_dictionary_fixes_the_named_pitfalls(conv: HantConverter, simplified: str, expected: str) -> None:
    assert conv.convert(simplified) == expected


# --- shielding ------------------------------------------------------------------------


def test_names_and_terms_convert_by_character(conv: HantConverter) -> None:
    assert conv.convert("外泌体", protect=["外泌体"]) == "外泌體"
    assert conv.convert("吕茹月负责综述的构思设计", protect=["吕茹月"]) == "呂茹月負責綜述的構思設計"


def test_protected_strings_are_shielded_from_phrase_rules(conv: HantConverter) -> None:
    """A phrase rule would run across the edge of a name or a term."""
    bare = HantConverter()
    assert bare.convert("张生发表了综述") == "張生髮表了綜述"
    assert conv.convert("张生发表了综述", protect=["张生"]) == "張生發表了綜述"
    assert bare.convert("王理发现") == "王理髮現"
    assert conv.convert("王理发现", protect=["王理"]) == "王理發現"
    assert bare.convert("马干细胞") == "馬乾細胞"
    assert conv.convert("马干细胞", protect=["干细胞"]) == "馬幹細胞"


def test_dictionary_applies_inside_protected_terms(conv: HantConverter) -> None:
    """OpenCC's s2tw writes 生发 as 生髮 (hair) inside a term too: the dictionary's 生發 wins there."""
    assert HantConverter().convert("生发过程", protect=["生发过程"]) == "生髮過程"
    assert conv.convert("生发过程", protect=["生发过程"]) == "生發過程"
    assert conv.convert("内吞体分选复合物", protect=["内吞体分选复合物"]) == "內吞體分選複合物"
    assert conv.convert("磷脂酰肌醇 3 激酶", protect=["磷脂酰肌醇 3 激酶"]) == "磷脂醯肌醇 3 激酶"


# --- what stays --------------------------------------------------------------------------


def test_latin_dois_urls_and_numbers_stay(conv: HantConverter) -> None:
    text = (
        "引用本文: doi: 10.3389/fcell.2025.1612589，见 https://doi.org/10.12307/2025.573，"
        "共 92 篇 (中文文献 3 篇, 英文文献 89 篇), 0.6-2.1 W/cm², Wnt/β-catenin 通路。"
    )
    out = conv.convert(text)
    assert ascii_of(out) == ascii_of(text)
    assert "10.3389/fcell.2025.1612589" in out and "https://doi.org/10.12307/2025.573" in out
    assert "β-catenin" in out and "W/cm²" in out
    assert out.startswith("引用本文")


def test_latin_only_text_is_returned_unchanged(conv: HantConverter) -> None:
    text = 'Migrasomes: the "functional footprints" left by cell migration. “Quoted” text.'
    assert conv.convert(text) == text


# --- quotes --------------------------------------------------------------------------


def test_curly_quotes_in_chinese_become_corner_brackets(conv: HantConverter) -> None:
    assert conv.convert("这些纳米级的“再生小巨人”具有显著优势") == "這些奈米級的「再生小巨人」具有顯著優勢"
    assert conv.convert("富含鞘磷脂的‘脂筏’微结构域") == "富含鞘磷脂的『脂筏』微結構域"
    assert conv.convert("以“exosomes, biogenesis”等为英文检索词") == "以「exosomes, biogenesis」等為英文檢索詞"


def test_curly_quotes_in_english_stay(conv: HantConverter) -> None:
    text = "Key words were “exosomes, biological functions” in Chinese and English. 外泌体"
    out = conv.convert(text)
    assert "“exosomes, biological functions”" in out
    assert out.endswith("外泌體")


# --- the samples -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def converted_samples(conv: HantConverter) -> dict[str, tuple[str, str]]:
    out = {}
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        out[path.name] = (text, conv.convert(text, protect=LYU_NAMES + LYU_TERMS, where=path.stem))
    return out


def test_samples_keep_every_latin_character(converted_samples) -> None:
    for text, out in converted_samples.values():
        assert ascii_of(out) == ascii_of(text)
        assert out.count("\n") == text.count("\n")


def test_samples_have_no_known_misconversion(converted_samples) -> None:
    wrong = ("生髮", "被髮", "陣列織", "迴圈", "啟用", "剪下", "型別", "轉化程序", "擴充套件", "區域性", "宣告", "佇列")
    for name, (_text, out) in converted_samples.items():
        for bad in wrong:
            assert bad not in out, (name, bad)


def test_fulltext_sample_reads_in_traditional(converted_samples) -> None:
    _text, out = converted_samples["lyu-2026-exosome-secretion.txt"]
    assert "呂茹月, 顧路路, 劉茜, 周思儀, 李貝貝, 薛樂天, 孫鵬" in out
    assert "關鍵詞: 外泌體; 生物學功能; 生發過程; 分泌釋放; 調控機制; 工程化外泌體" in out
    assert "多囊泡體 (multivesicular bodies, MVBs)" in out
    assert "內吞體分選複合物 (endosomal sorting complex required for transport, ESCRT)" in out
    assert "外泌体" not in out and "生发" not in out
    assert "“" not in out.split("Abstract")[0], "quotes in the Chinese front matter become 「」"


def test_pubmed_sample_reads_in_traditional(converted_samples) -> None:
    text, out = converted_samples["zhang-2025-msc-evs.txt"]
    assert "間充質幹細胞衍生的細胞外囊泡(MSC-EVs)" in out
    assert "「再生小巨人」" in out and "「可編程的奈米藥物」" in out
    english = [line for line in text.split("\n") if line.startswith("Mesenchymal")]
    assert english and english[0] in out.split("\n"), "the English abstract is untouched"


# --- the report --------------------------------------------------------------------------


def test_report_lists_every_dictionary_change_with_where(tmp_path: Path) -> None:
    conv = HantConverter(PHRASES)
    conv.convert("外泌体的生发过程。已被发表的文献。", where="lyu:abstract.zh[1]")
    conv.convert("少数组织中的循环系统", where="lyu:sections[2]")
    conv.convert("外泌体的分泌", where="lyu:sections[3]")
    changes = conv.report()
    assert [(c.phrase, c.result, c.opencc, c.where) for c in changes] == [
        ("生发过程", "生發過程", "生髮過程", "lyu:abstract.zh[1]"),
        ("被发", "被發", "被髮", "lyu:abstract.zh[1]"),
        ("数组织", "數組織", "陣列織", "lyu:sections[2]"),
        ("循环", "循環", "迴圈", "lyu:sections[2]"),
    ]
    md = write_report(conv, tmp_path / "reports" / "hant.md").read_text(encoding="utf-8")
    assert "| dictionary | 生发过程 | 生發過程 | 生髮過程 | 1 | lyu:abstract.zh[1] |" in md
    tsv = write_report(conv, tmp_path / "hant.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv[0] == "kind\tphrase\tresult\topencc\twhere"
    assert "dictionary\t循环\t循環\t迴圈\tlyu:sections[2]" in tsv
    assert len(tsv) == 1 + len(changes)


def test_a_text_an_entry_repeats_is_reported_wherever_it_occurs() -> None:
    """A citing sentence shown under each reference it cites is converted once for the entry, and its
    report rows are recorded for each place, as converting it at each place records them."""
    sentence = "少数组织中的循环系统。"
    refs = tuple(Reference(n, f"Ref {n}.", cited_in=(Citation("2.1", sentence),)) for n in (1, 2, 3))
    entry = dataclasses.replace(_entry(), references=refs)
    conv = HantConverter(PHRASES)
    out = hant_entry(entry, conv)
    assert {r.cited_in[0].sentence for r in out.references} == {"少數組織中的循環系統。"}
    places = [(c.phrase, c.where) for c in conv.report() if "cited_in" in c.where]
    assert places == [
        (phrase, f"{entry.slug}:references[{n}].cited_in") for n in (1, 2, 3) for phrase in ("数组织", "循环")
    ]
    alone = HantConverter(PHRASES)
    for n in (1, 2, 3):
        alone.convert(sentence, where=f"{entry.slug}:references[{n}].cited_in")
    assert [(c.phrase, c.where) for c in alone.report()] == places


def test_report_notes_protected_terms_that_differ(tmp_path: Path) -> None:
    conv = HantConverter(PHRASES)
    conv.convert("循环参数", protect=["参数"], where="x:title.zh")
    kinds = {(c.kind, c.phrase, c.result, c.opencc) for c in conv.report()}
    assert ("protected", "参数", "參數", "引數") in kinds  # OpenCC's Taiwan phrase is a program's argument


# --- the phrase dictionary ----------------------------------------------------------------


def test_shipped_dictionary_loads() -> None:
    phrases = load_phrases(PHRASES)
    assert phrases["生发过程"] == "生發過程"
    assert phrases["数组织"] == "數組織"
    assert all(re.search(r"[\u4e00-\u9fff]", k) for k in phrases)


def test_malformed_dictionary_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "phrases.tsv"
    path.write_text("# comment\n生发\t生發\n生发 生發\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"phrases\.tsv:3: expected"):
        load_phrases(path)
    with pytest.raises(ConfigError, match=r"^phrases\.tsv:3: expected"):  # named within its content folder
        load_phrases(path, tmp_path)
    path.write_text("生发\t生發\n生发\t生髮\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"phrases\.tsv:2: .*twice"):
        load_phrases(path)
    path.write_bytes("# 词典\n生发\t生發\n".encode("gb18030"))
    with pytest.raises(ConfigError, match=r"phrases\.tsv:1: the phrase dictionary must be UTF-8 text"):
        load_phrases(path)
    with pytest.raises(ConfigError, match=r"missing\.tsv: cannot read the phrase dictionary"):
        load_phrases(tmp_path / "missing.tsv")
    with pytest.raises(ConfigError, match=r"cannot read the phrase dictionary"):
        load_phrases(tmp_path)


# --- entries -------------------------------------------------------------------------------


def _entry() -> Entry:
    return Entry(
        id="lyu",
        slug="lyu-2026",
        source="sources/lyu.txt",
        family="journal-fulltext",
        title=Bilingual(en="Regulatory mechanisms of exosome secretion", zh="外泌体分泌调控机制"),
        authors=(Author("Lyu Ruyue", name_zh="吕茹月"), Author("Sun Peng", name_zh="孙鹏")),
        affiliations=(Affiliation(en="Union Hospital, Wuhan", zh="华中科技大学同济医学院附属协和医院急诊科"),),
        journal=Journal(name="Chinese Journal of Tissue Engineering Research", name_zh="中国组织工程研究"),
        doi="10.12307/2025.573",
        abstract=Abstracts(
            en=(AbstractSection("BACKGROUND", "Exosomes are vesicles."),),
            zh=(AbstractSection("背景", "外泌体的生发过程被发表于“综述”中。"),),
        ),
        keywords=Keywords(en=("exosome", "biogenesis"), zh=("外泌体", "生发过程")),
        definitions=(Definition("外泌体", "是由细胞分泌到细胞外的膜性结构"),),
        sections=(Section("2.3", "外泌体的生物发生过程", ("少数组织中的再循环。",), title_en="Biogenesis"),),
        tables=(
            Table("表 1", "外泌体研究领域的重要里程碑", ("时间段", "里程碑事件"), (("1990s", "外泌体研究的兴起"),)),
        ),
        figures=(Figure("图 3", "外泌体的具体生发过程示意图", note="由 Figdraw 绘制"),),
        references=(
            Reference(
                1,
                "王娟. 外泌体在肺癌中的研究进展 [J]. 中国肺癌杂志, 2020, 23(8): 1-5.",
                cited_in=(Citation("2.3", "外泌体激活免疫细胞。"), Citation("图 4", "见图中的发生过程。")),
                csl={"title": "外泌体在肺癌中的研究进展", "author": [{"family": "王", "given": "发"}]},
            ),
            Reference(2, "GURUNATHAN S, KANG MH. A Comprehensive Review. Int J Nanomedicine. 2021;16:1281-1312."),
        ),
        glossary=(GlossaryTerm("多囊泡体", "multivesicular bodies", "MVBs", "sources/lyu.txt", 169, "多囊泡体 (...)"),),
        metrics=Metrics(impact_factor=3.4, jcr_category="CELL BIOLOGY", cas_region=3, cas_category="生物学"),
        urls=(Link("open-access-pdf", "https://example.org/a.pdf", "开放获取全文"),),
        license="开放获取文章，CC BY 4.0",
        publication_type="综述",
    )


def _strings(value: object, path: str = "") -> list[tuple[str, str]]:
    """Every string inside a model value, with where it is."""
    if isinstance(value, str):
        return [(path, value)]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name), f"{path}.{f.name}")]
    if isinstance(value, (tuple, list)):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, f"{path}.{k}")]
    return []


def test_hant_entry_converts_every_chinese_field(conv: HantConverter) -> None:
    entry = _entry()
    out = hant_entry(entry, conv)
    assert out.title == Bilingual(en="Regulatory mechanisms of exosome secretion", zh="外泌體分泌調控機制")
    assert [a.name_zh for a in out.authors] == ["呂茹月", "孫鵬"]
    assert [a.name for a in out.authors] == ["Lyu Ruyue", "Sun Peng"]
    assert out.affiliations[0].zh == "華中科技大學同濟醫學院附屬協和醫院急診科"
    assert out.affiliations[0].en == "Union Hospital, Wuhan"
    assert out.journal.name_zh == "中國組織工程研究"
    assert out.journal.name == entry.journal.name
    assert out.abstract.zh[0] == AbstractSection("背景", "外泌體的生發過程被發表於「綜述」中。")
    assert out.abstract.en == entry.abstract.en
    assert out.keywords.zh == ("外泌體", "生發過程") and out.keywords.en == entry.keywords.en
    assert out.definitions[0].term == "外泌體"
    assert out.sections[0].title == "外泌體的生物發生過程" and out.sections[0].title_en == "Biogenesis"
    assert out.sections[0].paragraphs == ("少數組織中的再循環。",)
    assert out.tables[0].caption == "外泌體研究領域的重要里程碑"
    assert out.tables[0].header == ("時間段", "里程碑事件") and out.tables[0].rows == (("1990s", "外泌體研究的興起"),)
    assert out.figures[0].caption == "外泌體的具體生發過程示意圖" and out.figures[0].note == "由 Figdraw 繪製"
    # a reference is converted once formatted in the edition's style: its string and item stay as read
    assert (out.references[0].raw, out.references[0].csl) == (entry.references[0].raw, entry.references[0].csl)
    assert out.references[0].cited_in[0].sentence == "外泌體激活免疫細胞。"
    assert out.references[1] == entry.references[1]
    assert out.glossary[0].zh == "多囊泡體" and out.glossary[0].en == "multivesicular bodies"
    assert out.doi == entry.doi and out.slug == entry.slug
    assert out.references[0].cited_in[1] == Citation("圖 4", "見圖中的發生過程。")
    assert out.metrics == dataclasses.replace(entry.metrics, cas_category="生物學")
    assert out.urls == (Link("open-access-pdf", "https://example.org/a.pdf", "開放獲取全文"),)
    assert out.license == "開放獲取文章，CC BY 4.0" and out.publication_type == "綜述"
    # no field is left behind: every text of the entry that conversion changes is changed, wherever it is
    converted = dict(_strings(out))
    changing = [(where, text) for where, text in _strings(entry) if conv.converted(text)[0] != text]
    assert len(changing) > 20
    left = [(where, text) for where, text in changing if converted.get(where) == text]
    assert [where for where, _ in left if not where.startswith(".references[0].")] == [
        ".glossary[0].span"  # the source text a pair was read from, as printed there
    ]
    assert {where for where, _ in left} - {".glossary[0].span"} == {
        ".references[0].raw",
        ".references[0].csl.title",
        ".references[0].csl.author[0].given",
    }


def test_hant_entry_without_sections_leaves_the_body_and_converts_the_rest(conv: HantConverter) -> None:
    entry = _entry()
    out = hant_entry(entry, conv, sections=False)
    assert out.sections is entry.sections  # not converted, nor reported
    assert dataclasses.replace(out, sections=()) == dataclasses.replace(hant_entry(entry, conv), sections=())


def test_a_traditional_pdf_converts_all_but_the_body_it_never_prints() -> None:
    from evdigest.config import Config
    from evdigest.render.pdf_text import TextTools

    entry = _entry()
    tools = TextTools(Config(phrases_file=PHRASES))
    out = tools.localize_entry(entry, "zh-hant")
    assert out.sections is entry.sections and out.title.zh == "外泌體分泌調控機制"
    assert not any("sections" in change.where for change in tools.converter().report())
    assert tools.localize_entry(entry, "zh-hans") is entry


def test_hant_entry_leaves_the_input_alone(conv: HantConverter) -> None:
    entry = _entry()
    hant_entry(entry, conv)
    assert entry == _entry()


def test_hant_glossary_rows(conv: HantConverter) -> None:
    rows = (GlossaryTerm("腔内囊泡", "intraluminal vesicles", "ILVs"), GlossaryTerm(None, "lactacystine", "Lac"))
    assert [r.zh for r in hant_glossary(rows, conv)] == ["腔內囊泡", None]


# --- property --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("生发过程被表少数组织循环激活外泌体“”‘’「」，。 ")),
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
        ),
        max_size=120,
    ),
    st.lists(st.sampled_from(["外泌体", "吕茹月", "生发", "复合物", ""]), max_size=3),
)
def test_convert_keeps_ascii_and_line_count(text: str, protect: list[str]) -> None:
    conv = _shared()
    out = conv.convert(text, protect)
    assert ascii_of(out) == ascii_of(text)
    assert out.count("\n") == text.count("\n")


_TERMS = ["外泌体", "吕茹月", "生发", "复合物", "面条", "面", "泌体", "组织循环", "x", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_TERMS, *"生发过程被表少数组织循环激活面条“”，。 a1"]), max_size=20).map("".join),
    st.lists(st.sampled_from(_TERMS), max_size=6),
)
def test_only_the_protected_strings_inside_a_text_shape_its_conversion(text: str, protect: list[str]) -> None:
    """A text converts as it would with every protected string in one pattern, and the same again by
    a converter given only those it holds; the report rows are the same too."""
    conv = _shared()
    chinese = {p for p in protect if p and CJK.search(p)}
    every = conv._convert_fresh(text, _alternation(chinese))
    del conv._changes[conv.mark() :]  # not part of the report: the reference conversion only
    mark = conv.mark()
    assert conv.convert(text, tuple(protect)) == every
    rows = conv.changes_since(mark)
    fresh = HantConverter(PHRASES)
    assert fresh.convert(text, [p for p in protect if p in text]) == every
    assert [(c.phrase, c.result, c.opencc, c.kind) for c in fresh.report()] == [
        (c.phrase, c.result, c.opencc, c.kind) for c in rows
    ]


def test_a_protected_string_changes_a_conversion_and_is_reported() -> None:
    conv = HantConverter()
    assert conv.convert("对象与细胞", ("对象", "外泌体")) == "對象與細胞" != conv.convert("对象与细胞")
    assert [(c.phrase, c.result, c.opencc) for c in conv.report() if c.kind == "protected"] == [
        ("对象", "對象", "物件")
    ]


@pytest.mark.parametrize(
    ("term", "written"),
    [
        ("变异系数", "變異係數"),  # by character 系 stays 系
        ("游离细胞DNA", "游離細胞DNA"),  # by character 游 is 遊
        ("复合物", "複合物"),  # by character 复 is 復
        ("循环肿瘤细胞", "循環腫瘤細胞"),  # with Taiwan phrases 迴圈 (a program loop)
        ("纳米颗粒跟踪分析", "納米顆粒跟蹤分析"),  # not 奈米: a term reads as the text around it in the source
        ("激活", "激活"),
    ],
)
def test_a_protected_term_chooses_characters_by_phrase_but_swaps_no_word(term: str, written: str) -> None:
    assert HantConverter().convert(f"{term}。", protect=[term]) == f"{written}。"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("吕茹月", "呂茹月"),
        ("范志强", "范志強"),  # the surname 范, not 範 (a model)
        ("于洋", "于洋"),  # the surname 于, not 於
        ("余华", "余華"),
        ("沈阳明", "沈陽明"),  # by character: not the city 瀋陽
        ("钟南山", "鍾南山"),
    ],
)
def test_a_personal_name_is_converted_by_character_keeping_its_surname(name: str, written: str) -> None:
    conv = HantConverter()
    assert conv.convert(f"作者{name}。", protect=[name], names=[name]) == f"作者{written}。"
    entry = dataclasses.replace(_entry(), authors=(Author(name="", name_zh=name),))
    assert hant_entry(entry, HantConverter()).authors[0].name_zh == written


_SHARED: list[HantConverter] = []


def _shared() -> HantConverter:
    if not _SHARED:
        _SHARED.append(HantConverter(PHRASES))
    return _SHARED[0]


def test_script_maps_turn_each_character_into_the_editions_script() -> None:
    from evdigest.enrich.hant import script_map

    for code, pairs in (
        ("zh-hant", {"迁": "遷", "体": "體", "发": "發"}),
        ("zh-hans", {"遷": "迁", "體": "体", "發": "发"}),
    ):
        found, made = script_map(code)
        assert len(found) == len(made) > 2000
        table = dict(zip(found, made, strict=True))
        assert {c: table[c] for c in pairs} == pairs
        assert all(a != b for a, b in table.items()) and "外" not in table and "a" not in table


def test_load_converter_uses_the_content_folder(tmp_path: Path) -> None:
    assert load_converter(ROOT / "content").convert("生发过程") == "生發過程"
    assert load_converter(tmp_path).convert("生发过程") == "生髮過程"
    (tmp_path / "phrases.tsv").write_text("# mine\n生发过程\t生發過程\n", encoding="utf-8")
    assert load_converter(tmp_path).convert("生发过程") == "生發過程"


def test_opencc_is_loaded_once_per_process_when_first_asked_for(monkeypatch) -> None:
    import opencc

    from evdigest.enrich import hant as hant_module

    made: list[str] = []
    real = opencc.OpenCC

    def counting(name):
        made.append(name)
        return real(name)

    monkeypatch.setattr(opencc, "OpenCC", counting)
    monkeypatch.setattr(hant_module, "_loaded", {})
    first = hant_module.HantConverter()
    assert first.convert("外泌体的生物发生") == "外泌體的生物發生"
    second = hant_module.HantConverter()
    assert second.convert("外泌体的生物发生") == "外泌體的生物發生"
    assert second.convert("数据库") == "資料庫"
    assert sorted(made) == sorted(hant_module.OPENCC_CONFIGS)  # each once, for both converters


def test_a_name_told_after_a_text_holding_it_was_converted_is_converted_as_a_name() -> None:
    conv = HantConverter()
    assert conv.convert("范志强的研究", protect=["范志强"]) == "範志強的研究"  # a term: OpenCC s2tw
    assert conv.convert("范志强的研究", protect=["范志强"], names=["范志强"]) == "范志強的研究"  # the surname kept


def test_an_entrys_authors_are_names_in_its_own_texts_only() -> None:
    """An author is converted as a name (于海 keeps its surname) in the texts of the entry naming it, not in the
    texts converted after it (another entry's glossary term 于海 is converted as any term: 於海): what a page
    shows does not depend on which entries its process converted before."""
    conv = HantConverter()
    alone = conv.convert("于海", ("于海",))
    entry = dataclasses.replace(_entry(), authors=(Author("Yu Hai", name_zh="于海"),))
    assert hant_entry(entry, conv).authors[0].name_zh == "于海"
    assert conv.convert("于海", ("于海",)) == alone == "於海"
