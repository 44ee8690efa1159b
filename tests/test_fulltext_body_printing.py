"""The body of a full text with the journal's running headers and footers left between its lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
# a paragraph of the sample's introduction, and where a page break may cut it
PARAGRAPH_START = "外泌体的调控为个性化医疗提供了新的可能性"
HEADERS = [
    "中国组织工程研究 第30卷 第1期 2026年1月",
    "www.CJTER.com Chinese Journal of Tissue Engineering Research",
    "Chin J Tissue Eng Res, January 2026, Vol.30, No.1",
]


def parse(text: str) -> Entry:
    return journal_fulltext.parse(text, Origin("sources/lyu.txt"))


@pytest.fixture(scope="module")
def sample() -> Entry:
    return parse(SAMPLE.read_text(encoding="utf-8"))


def cut(text: str, at: int, headers: list[str]) -> str:
    """The sample with its paragraph cut ``at`` characters in, the headers on lines of their own between."""
    line = next(line for line in text.splitlines() if line.startswith(PARAGRAPH_START))
    return text.replace(line, line[:at] + "\n\n" + "\n\n".join(headers) + "\n\n" + line[at:], 1)


@settings(max_examples=25, deadline=None)
@given(st.integers(20, 300), st.lists(st.sampled_from(HEADERS), min_size=1, max_size=3))
def test_a_running_header_inside_a_paragraph_leaves_its_text_whole(at: int, headers: list[str]) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if line.startswith(PARAGRAPH_START))
    if at > len(paragraph) - 10 or not ("\u4e00" <= paragraph[at - 1] <= "\u9fff" >= paragraph[at] >= "\u4e00"):
        return  # a cut inside Chinese text, leaving each part a line of text, as a page break does
    entry = parse(cut(text, at, headers))
    assert [s.paragraphs for s in entry.sections] == [s.paragraphs for s in parse(text).sections]
    warning = next(w for w in entry.warnings if "running headers" in w.message)
    assert set(warning.values) == set(headers)


def test_a_short_line_mentioning_a_phase_is_no_header(sample: Entry) -> None:
    """ "第2期" alone (a trial's phase) is not the mark of a page's header."""
    text = SAMPLE.read_text(encoding="utf-8")
    entry = parse(cut(text, 40, ["第2期临床试验的结果"]))
    assert any("第2期临床试验的结果" in p for s in entry.sections for p in s.paragraphs)


PIPE_TABLE = """表 5 | 不同来源外泌体的作用
Table 5 Effects of exosomes from different sources

| 来源 | 动物模型 | 主要作用 | 文献 |
| --- | :---: | --- | --- |
| 骨髓 | 大鼠 | 促进血管新生 | [7] |
| 脂肪 | 小鼠 | 调节炎症 | [8] |
"""


def test_a_pipe_table_under_its_caption_is_read_as_a_table() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("2 结果 Results"))
    entry = parse(text.replace(line, line + "\n\n" + PIPE_TABLE, 1))
    table = next(t for t in entry.tables if t.caption == "不同来源外泌体的作用")
    assert table.caption_en == "Effects of exosomes from different sources"
    assert table.header == ("来源", "动物模型", "主要作用", "文献")
    assert table.rows == (("骨髓", "大鼠", "促进血管新生", "^[7]"), ("脂肪", "小鼠", "调节炎症", "^[8]"))
    assert not any("|" in p for s in entry.sections for p in s.paragraphs)


def test_an_english_caption_on_its_own_line_is_the_figures(sample: Entry) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("图 2 | 文献筛选流程图"))
    entry = parse(text.replace(line, line + "\n\nFig. 2 Flow chart of literature screening", 1))
    figure = next(f for f in entry.figures if f.label == "图 2")
    assert figure.caption_en == "Flow chart of literature screening"
    assert [s.paragraphs for s in entry.sections] == [s.paragraphs for s in sample.sections]


def _broken(text: str, at: int, lines: list[str]) -> str:
    """The sample with its paragraph broken ``at`` characters in by ``lines`` (a page's line ends), the text after
    them on a line of its own."""
    paragraph = next(line for line in text.splitlines() if line.startswith(PARAGRAPH_START))
    return text.replace(paragraph, paragraph[:at] + "\n" + "\n".join(lines) + "\n" + paragraph[at:], 1)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["采用Western", "blot检测"], "采用Western blot检测"),
        (["采用CD63"], "采用CD63"),
        (["检测mi", "RNA表达"], "检测miRNA表达"),
        (["NA与mi", "RNA的"], "NA与miRNA的"),
    ],
)
def test_a_short_line_of_a_broken_sentence_stays_in_its_paragraph(lines: list[str], joined: str) -> None:
    """A short line mixing Chinese characters and Latin letters with no space, in the middle of a sentence the PDF
    broke, is the sentence's text, not a figure's ("采用Western" / "blot检测…" lost 采用Western)."""
    text = SAMPLE.read_text(encoding="utf-8")
    entry = parse(_broken(text, 30, lines))
    paragraph = next(p for s in entry.sections for p in s.paragraphs if p.startswith(PARAGRAPH_START))
    assert paragraph.startswith(PARAGRAPH_START) and joined in paragraph, paragraph
    assert not any("figure text" in w.message for w in entry.warnings)


@pytest.mark.parametrize("label", ["TSG101 CD63", "SC SE ED", "8 C", "Calnexin ALIX 三"])
def test_a_figure_label_inside_a_broken_sentence_is_still_left_out(label: str) -> None:
    """A figure's labels, standing apart, printed between the two halves of a sentence are left out with a warning,
    the sentence joined whole around them."""
    text = SAMPLE.read_text(encoding="utf-8")
    entry = parse(_broken(text, 30, [label]))
    assert [s.paragraphs for s in entry.sections] == [s.paragraphs for s in parse(text).sections]
    warning = next(w for w in entry.warnings if "figure text" in w.message)
    assert warning.values == (label,)
