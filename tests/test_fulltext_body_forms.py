"""The body of a journal full text printed in several forms: running headers of the pages between its lines,
section headings numbered or not, tables as Markdown pipes or aligned columns, captions in two languages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

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
