"""The body of a journal full text printed in several forms: running headers of the pages between its lines,
section headings numbered or not, tables as Markdown pipes or aligned columns, captions in two languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin
from evdigest.sources.fulltext_headings import chinese_number

FRONT = (Path(__file__).resolve().parent / "fixtures" / "sources" / "fulltext-body-front.txt").read_text(
    encoding="utf-8"
)
REFERENCES = """参考文献

[1] 王晓明，李娜，张伟．糖尿病足溃疡的流行病学研究［J］．中华医学杂志，2020，100（12）：901-905．
[2] ARMSTRONG D G, BOULTON A J M, BUS S A. Diabetic foot ulcers and their recurrence[J]. N Engl J Med, 2017, 376(24): 2367-2375.
"""


def parse(body: str) -> Entry:
    """The article with ``body`` between its front matter and its reference list."""
    return journal_fulltext.parse(f"{FRONT}\n{body.strip()}\n\n{REFERENCES}", Origin("sources/wang-2026.txt"))


def sections(entry: Entry) -> list[tuple[str | None, str, tuple[str, ...]]]:
    return [(s.number, s.title, s.paragraphs) for s in entry.sections]


def levels(entry: Entry) -> list[int]:
    return [s.level for s in entry.sections]


def warned(entry: Entry, words: str) -> bool:
    return any(words in w.message for w in entry.warnings)


# --- running headers and footers of the pages ----------------------------------------------

HEADS = [
    "中国组织工程研究 第30卷 第1期 2026年1月",
    "· 186 ·",
    "www.CJTER.com Chinese Journal of Tissue Engineering Research",
    "Chinese Journal of Tissue Engineering Research | Vol 30 | No 1 | January 2026",
    "中华危重病急救医学 2024年5月第36卷第5期",
    "中国生物工程杂志 China Biotechnology 2024, 44(3): 123-130",
]
PARAGRAPH_LINES = [
    "糖尿病创面是糖尿病最常见的慢性并发症之一，其愈合迟缓给患者带来沉重",
    "负担^[1]。间充质干细胞来源的细胞外囊泡被认为是一种有前景的无细胞治疗",
    "手段，文章通过总结既往研究结果，帮助寻找解决外泌体",
    "生产标准化问题的方法^[2]。",
]
PARAGRAPH = "".join(PARAGRAPH_LINES)


def test_a_running_header_inside_a_sentence_is_left_out_and_the_sentence_joined() -> None:
    lines = [*PARAGRAPH_LINES[:3], "", HEADS[0], "", HEADS[1], "", HEADS[2], "", PARAGRAPH_LINES[3]]
    entry = parse("0 引言\n\n" + "\n".join(lines))
    assert sections(entry) == [("0", "引言", (PARAGRAPH,))]
    assert warned(entry, "running headers")


def test_a_running_header_between_paragraphs_is_left_out() -> None:
    entry = parse(f"0 引言\n\n{PARAGRAPH}\n\n{HEADS[3]}\n\n1 讨论\n\n{PARAGRAPH}")
    assert sections(entry) == [("0", "引言", (PARAGRAPH,)), ("1", "讨论", (PARAGRAPH,))]


@given(st.integers(min_value=1, max_value=len(PARAGRAPH_LINES) - 1), st.sampled_from(HEADS), st.booleans())
def test_a_header_at_any_line_break_leaves_the_paragraph_unchanged(at: int, head: str, blank: bool) -> None:
    gap = "\n\n" if blank else "\n"
    lines = [*PARAGRAPH_LINES[:at], head, *PARAGRAPH_LINES[at:]]
    entry = parse("0 引言\n\n" + gap.join(lines))
    assert sections(entry) == [("0", "引言", (PARAGRAPH,))]


def test_a_sentence_naming_an_issue_is_not_a_running_header() -> None:
    text = "该药物目前处于第2期临床试验阶段，"
    entry = parse(f"0 引言\n\n{text}\n已有初步结果^[1]。")
    assert sections(entry) == [("0", "引言", (text + "已有初步结果^[1]。",))]


# --- section headings ----------------------------------------------------------------------

INTRO = "糖尿病创面是糖尿病最常见的慢性并发症之一^[1]。"
SEARCH = "检索中国知网和PubMed数据库，中文检索词为“间充质干细胞，细胞外囊泡”^[2]。"
CRITERIA = "纳入与MSC-EVs治疗糖尿病创面相关的基础和临床研究；排除重复发表的文献。"
RESULT = "MSC-EVs可将巨噬细胞由M1型向M2型极化，从而减轻创面局部的炎症反应^[2]。"
DISCUSSION = "MSC-EVs在糖尿病创面治疗中显示出良好前景^[1-2]。"


def test_headings_numbered_in_chinese_open_sections_at_two_levels() -> None:
    body = f"""引言

{INTRO}

一、资料和方法

（一）检索策略
{SEARCH}

（二）纳入与排除标准
{CRITERIA}

二、结果

（一）MSC-EVs调节炎症反应
{RESULT}

三、讨论

{DISCUSSION}"""
    assert sections(parse(body)) == [
        (None, "引言", (INTRO,)),
        ("1", "资料和方法", ()),
        ("1.1", "检索策略", (SEARCH,)),
        ("1.2", "纳入与排除标准", (CRITERIA,)),
        ("2", "结果", ()),
        ("2.1", "MSC-EVs调节炎症反应", (RESULT,)),
        ("3", "讨论", (DISCUSSION,)),
    ]
    assert levels(parse(body)) == [1, 1, 2, 2, 1, 2, 1]


def test_a_chinese_number_out_of_order_is_not_a_heading() -> None:
    text = "三、四两组间差异无统计学意义"
    entry = parse(f"一、结果\n\n{RESULT}\n{text}^[1]。")
    assert sections(entry) == [("1", "结果", (RESULT, text + "^[1]。"))]


def test_markdown_headings_with_no_number_open_sections() -> None:
    body = f"""## 引言

{INTRO}

## 资料和方法

### 检索策略
{SEARCH}

## 讨论

{DISCUSSION}"""
    assert sections(parse(body)) == [
        (None, "引言", (INTRO,)),
        (None, "资料和方法", ()),
        (None, "检索策略", (SEARCH,)),
        (None, "讨论", (DISCUSSION,)),
    ]
    assert levels(parse(body)) == [1, 1, 2, 1]  # the ### heading is a subsection of the ## one before it


def test_an_unnumbered_heading_marked_deeper_than_numbered_ones_is_their_subsection() -> None:
    body = f"""## 1 资料和方法

### 1.1 检索策略
{SEARCH}

#### 1.1.1 纳入与排除标准
{CRITERIA}

## 2 结果
{RESULT}

### 小结
{DISCUSSION}"""
    entry = parse(body)
    assert [(s.number, s.title) for s in entry.sections] == [
        ("1", "资料和方法"),
        ("1.1", "检索策略"),
        ("1.1.1", "纳入与排除标准"),
        ("2", "结果"),
        (None, "小结"),
    ]
    assert levels(entry) == [1, 2, 3, 1, 2]


def test_numbered_headings_take_their_level_from_the_number_whatever_their_mark() -> None:
    entry = parse(f"# 1 结果\n\n# 1.1 MSC-EVs调节炎症反应\n{RESULT}\n\n# 2 讨论\n\n{DISCUSSION}")
    assert levels(entry) == [1, 2, 1]  # a conversion marks every heading "#"


def test_a_usual_title_alone_on_its_line_opens_a_section() -> None:
    entry = parse(f"引言 Introduction\n\n{INTRO}\n\n1 结果\n\n{RESULT}\n\n讨论\n\n{DISCUSSION}")
    assert sections(entry) == [(None, "引言", (INTRO,)), ("1", "结果", (RESULT,)), (None, "讨论", (DISCUSSION,))]
    assert entry.sections[0].title_en == "Introduction"
    assert levels(entry) == [1, 1, 1]


@given(st.integers(min_value=1, max_value=99))
def test_chinese_numbers_read_as_digits(value: int) -> None:
    tens, units = divmod(value, 10)
    digits = "一二三四五六七八九"
    text = ("" if tens < 2 else digits[tens - 1]) + ("十" if tens else "") + (digits[units - 1] if units else "")
    assert chinese_number(text) == value


def test_a_skipped_chinese_number_is_not_a_heading() -> None:
    text = "三、两组间差异无统计学意义"
    entry = parse(f"一、结果\n\n{RESULT}\n{text}^[1]。")
    assert sections(entry) == [("1", "结果", (RESULT, text + "^[1]。"))]


# --- tables --------------------------------------------------------------------------------

CAPTION = "表1 不同来源MSC-EVs对糖尿病创面的作用"
HEADER = ("来源", "动物模型", "主要作用", "文献")
ROWS = (
    ("骨髓", "大鼠", "促进血管新生", "^[1]"),
    ("脂肪", "小鼠", "调节炎症", "^[2]"),
    ("脐带", "大鼠", "促进胶原沉积", "^[2]"),
)
BEFORE = "1.1 MSC-EVs促进血管新生 MSC-EVs可促进内皮细胞增殖和迁移，见表1^[1]。"
AFTER = "1.2 MSC-EVs促进胶原沉积 MSC-EVs可促进成纤维细胞增殖和胶原合成^[2]。"


def with_table(rows: str) -> Entry:
    """The article with table 1 printed as ``rows`` under its caption, in section 1.1."""
    return parse(f"1 结果\n\n{BEFORE}\n\n{CAPTION}\n\n{rows.strip()}\n\n{AFTER}")


def table_read(entry: Entry) -> tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    assert len(entry.tables) == 1
    table = entry.tables[0]
    return table.label, table.caption, table.header, table.rows


def body_text(entry: Entry) -> list[tuple[str, ...]]:
    return [s.paragraphs for s in entry.sections]


READ = ("表 1", "不同来源MSC-EVs对糖尿病创面的作用", HEADER, ROWS)
BODY = [(), ("MSC-EVs可促进内皮细胞增殖和迁移，见表1^[1]。",), ("MSC-EVs可促进成纤维细胞增殖和胶原合成^[2]。",)]


def test_a_markdown_pipe_table_is_read_with_its_header_and_rows() -> None:
    entry = with_table("""
| 来源 | 动物模型 | 主要作用 | 文献 |
| --- | :---: | --- | --- |
| 骨髓 | 大鼠 | 促进血管新生 | [1] |
| 脂肪 | 小鼠 | 调节炎症 | [2] |
| 脐带 | 大鼠 | 促进胶原沉积 | [2] |""")
    assert table_read(entry) == READ
    assert body_text(entry) == BODY


def test_a_pipe_table_with_no_caption_is_a_table_with_a_warning() -> None:
    entry = parse(f"1 结果\n\n{BEFORE}\n\n| 来源 | 文献 |\n| --- | --- |\n| 骨髓 | [1] |\n\n{AFTER}")
    assert [(t.label, t.header, t.rows) for t in entry.tables] == [("", ("来源", "文献"), (("骨髓", "^[1]"),))]
    assert body_text(entry) == BODY
    assert warned(entry, "table without a caption")


def test_a_table_aligned_with_spaces_is_read_with_its_header_and_rows() -> None:
    entry = with_table("""
来源    动物模型    主要作用        文献
骨髓    大鼠        促进血管新生    [1]
脂肪    小鼠        调节炎症        [2]
脐带    大鼠        促进胶原沉积    [2]""")
    assert table_read(entry) == READ
    assert body_text(entry) == BODY


def test_a_continued_table_goes_on_with_the_same_table() -> None:
    entry = with_table("""
来源\t动物模型\t主要作用\t文献
骨髓\t大鼠\t促进血管新生\t[1]
脂肪\t小鼠\t调节炎症\t[2]

续表1

来源\t动物模型\t主要作用\t文献
脐带\t大鼠\t促进胶原沉积\t[2]""")
    assert table_read(entry) == READ
    assert body_text(entry) == BODY


@given(st.integers(min_value=2, max_value=6), st.booleans())
def test_any_gap_of_spaces_or_tabs_sets_cells_apart(spaces: int, tab: bool) -> None:
    gap = "\t" if tab else " " * spaces
    rows = "\n".join(gap.join(cells).replace("^[", "[") for cells in (HEADER, *ROWS))
    assert table_read(with_table(rows)) == READ


# --- a table's note --------------------------------------------------------------------------

NOTE = "MSC-EVs为间充质干细胞来源细胞外囊泡；文献号见参考文献^[1]"
PIPE_TABLE = "\n".join("| " + " | ".join(cells).replace("^[", "[") + " |" for cells in (HEADER, *ROWS))
PIPE_TABLE = PIPE_TABLE.replace("\n", "\n| --- | --- | --- | --- |\n", 1)
HTML_TABLE = (
    "<table>"
    + "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells).replace("^[", "[") + "</tr>" for cells in (HEADER, *ROWS)
    )
    + "</table>"
)


@given(
    st.sampled_from(["aligned", "pipe", "html"]),
    st.sampled_from(["注：", "注:", "注 ：", "**注**：", "注1："]),
    st.sampled_from(["\n", "\n\n"]),
)
def test_a_note_under_a_table_is_the_table_s_not_a_paragraph(form: str, label: str, gap: str) -> None:
    rows = {
        "aligned": "\n".join("    ".join(cells).replace("^[", "[") for cells in (HEADER, *ROWS)),
        "pipe": PIPE_TABLE,
        "html": HTML_TABLE,
    }[form]
    entry = with_table(f"{rows}{gap}{label}{NOTE.replace('^[1]', '[1]')}")
    assert table_read(entry) == READ
    assert entry.tables[0].note == NOTE
    assert body_text(entry) == BODY


def test_an_english_note_after_the_chinese_one_is_added_to_it() -> None:
    rows = "\n".join("\t".join(cells).replace("^[", "[") for cells in (HEADER, *ROWS))
    entry = with_table(
        f"{rows}\n注：MSC-EVs为间充质干细胞来源细胞外囊泡\nNote: MSC-EVs, mesenchymal stem cell-derived EVs"
    )
    assert entry.tables[0].note == "MSC-EVs为间充质干细胞来源细胞外囊泡 MSC-EVs, mesenchymal stem cell-derived EVs"
    assert body_text(entry) == BODY


def test_a_note_line_with_no_table_before_it_stays_text() -> None:
    entry = parse(f"1 结果\n\n{BEFORE}\n\n注：本研究样本量较小，结论有待验证。\n\n{AFTER}")
    assert not entry.tables
    assert "注：本研究样本量较小，结论有待验证。" in entry.sections[1].paragraphs


# --- captions in two languages -------------------------------------------------------------

FIGURE_ZH = "MSC-EVs促进糖尿病创面愈合的机制示意图"
FIGURE_EN = "Schematic diagram of the mechanisms by which MSC-EVs promote diabetic wound healing"
TABLE_EN = "Effects of MSC-EVs from different sources on diabetic wounds"


@given(st.sampled_from(["Fig. 1 ", "Fig.1 ", "Figure 1  ", "Figure 1: "]), st.sampled_from(["\n", "\n\n"]))
def test_an_english_figure_caption_on_its_own_line_is_the_figure_s(label: str, gap: str) -> None:
    entry = parse(f"1 结果\n\n{BEFORE}\n\n图1 {FIGURE_ZH}{gap}{label}{FIGURE_EN}\n\n{AFTER}")
    assert [(f.label, f.caption, f.caption_en) for f in entry.figures] == [("图 1", FIGURE_ZH, FIGURE_EN)]
    assert body_text(entry) == BODY


@given(st.sampled_from(["Table 1 ", "Tab.1 ", "Table 1  ", "Tab. 1: "]))
def test_an_english_table_caption_on_its_own_line_is_the_table_s(label: str) -> None:
    rows = "\n".join("\t".join(cells).replace("^[", "[") for cells in (HEADER, *ROWS))
    entry = parse(f"1 结果\n\n{BEFORE}\n\n{CAPTION}\n{label}{TABLE_EN}\n\n{rows}\n\n{AFTER}")
    assert [(t.caption, t.caption_en, t.header, t.rows) for t in entry.tables] == [(READ[1], TABLE_EN, HEADER, ROWS)]
    assert body_text(entry) == BODY


def test_an_english_caption_of_another_number_stays_text() -> None:
    text = "Figure 2 shows the mechanisms by which MSC-EVs promote healing"
    entry = parse(f"1 结果\n\n{BEFORE}\n\n图1 {FIGURE_ZH}\n{text}")
    assert entry.figures[0].caption_en is None
    assert text in entry.sections[-1].paragraphs


# --- headings glued to their first paragraph -----------------------------------------------


def titles(entry: Entry) -> list[tuple[str | None, str, str]]:
    return [(s.number, s.title, s.paragraphs[0] if s.paragraphs else "") for s in entry.sections]


def test_a_glued_title_ends_like_its_siblings_titles() -> None:
    body = """2 外泌体与潜在肿瘤标志物

2.1 肺癌肺癌是一种高度致死的疾病^[1]。

2.2 胰腺癌胰腺癌由于其恶性程度和死亡率都很高^[2]。

2.3 卵巢癌作为常见的妇科恶性肿瘤之一，每年约有将近13万卵巢癌患者死亡^[1]。"""
    entry = parse(body.replace("2 外泌体", "1 外泌体").replace("\n2.", "\n1."))
    assert titles(entry)[1:] == [
        ("1.1", "肺癌", "肺癌是一种高度致死的疾病^[1]。"),
        ("1.2", "胰腺癌", "胰腺癌由于其恶性程度和死亡率都很高^[2]。"),
        ("1.3", "卵巢癌", "作为常见的妇科恶性肿瘤之一，每年约有将近13万卵巢癌患者死亡^[1]。"),
    ]


def test_a_glued_title_ends_before_a_word_opening_a_sentence() -> None:
    entry = parse(
        "1 外泌体\n\n1.1 外泌体的形成与内容物的选择随着早期内吞体进一步成熟为晚期内吞体，内吞体会包裹蛋白质^[1]。"
    )
    assert titles(entry)[1] == (
        "1.1",
        "外泌体的形成与内容物的选择",
        "随着早期内吞体进一步成熟为晚期内吞体，内吞体会包裹蛋白质^[1]。",
    )


def test_a_short_method_title_ends_before_the_method_verb() -> None:
    body = """1 材料和方法

1.1 方法

1.1.1研究对象从2016年3月~2016年6月，收集精液标本^[1]。

1.1.2Westernblot取外泌体悬液添加上样缓冲液，95 °C变性10 min^[2]。

1.1.3透射电镜取 20~40 μL 精液外泌体沉淀悬液于载样铜网上^[2]。

1.1.4精液外泌体的分离和提取 精液样本室温液化^[1]。"""
    assert titles(parse(body))[2:] == [
        ("1.1.1", "研究对象", "从2016年3月~2016年6月，收集精液标本^[1]。"),
        ("1.1.2", "Western blot", "取外泌体悬液添加上样缓冲液，95 °C变性10 min^[2]。"),
        ("1.1.3", "透射电镜", "取 20~40 μL 精液外泌体沉淀悬液于载样铜网上^[2]。"),
        ("1.1.4", "精液外泌体的分离和提取", "精液样本室温液化^[1]。"),
    ]


def test_a_glued_title_no_rule_separates_stays_empty() -> None:
    text = "微环境的调控研究发现肿瘤细胞分泌大量囊泡，并作用于周围细胞^[1]。"
    entry = parse(f"1 外泌体\n\n1.1 {text}")
    assert titles(entry)[1] == ("1.1", "", text)
    assert warned(entry, "not separable")


# --- Latin words cut by a line ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["外泌体中的微小R", "NA可调控受体细胞^[1]。"], "外泌体中的微小RNA可调控受体细胞^[1]。"),
        (["外泌体中的mi", "RNA可调控受体细胞^[1]。"], "外泌体中的miRNA可调控受体细胞^[1]。"),
        (["外泌体中的miR", "NA可调控受体细胞^[1]。"], "外泌体中的miRNA可调控受体细胞^[1]。"),
        # words of their own stay apart: a capitalised word, a word in lower case after, letters after a space
        (["外泌体中的蛋白质采用Western", "ELISA检测^[1]。"], "外泌体中的蛋白质采用Western ELISA检测^[1]。"),
        (["外泌体中的蛋白质采用Western", "blot检测^[1]。"], "外泌体中的蛋白质采用Western blot检测^[1]。"),
        (["外泌体中的 mi", "RNA可调控受体细胞^[1]。"], "外泌体中的 mi RNA可调控受体细胞^[1]。"),
    ],
)
def test_a_latin_word_cut_right_after_chinese_characters_is_joined(lines: list[str], joined: str) -> None:
    entry = parse("0 引言\n\n" + "\n".join(lines))
    assert sections(entry) == [("0", "引言", (joined,))]
