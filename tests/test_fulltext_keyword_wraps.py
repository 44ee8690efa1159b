"""Keyword lists of a full text wrapped inside a keyword: the line carrying on a cut keyword joins it, a
break at a separator (a space in a list printed with spaces only) stays one, the two lists keep their length."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = (FIXTURES / "sources" / "fulltext-front-article.txt").read_text(encoding="utf-8")
ARTICLE_ZH = "【关键词】间充质干细胞；细胞外囊泡；糖尿病创面；血管新生"
ARTICLE_EN = "【Key words】mesenchymal stem cells; extracellular vesicles; diabetic wound; angiogenesis"
SAMPLE = (Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt").read_text(
    encoding="utf-8"
)
SAMPLE_ZH = "关键词: 外泌体; 生物学功能; 生发过程; 分泌释放; 调控机制; 工程化外泌体"
SAMPLE_EN = (
    "Key words: exosome; biological function; biogenesis; secretion or release; regulatory mechanism; "
    "engineered exosome"
)
SPACED = (FIXTURES / "chinaxiv" / "ChinaXiv-201901.00122V1.md").read_text(encoding="utf-8")
SPACED_ZH = "关键词 肿瘤 外泌体 分子标志物"
SPACED_EN = "Key wordsTumor exosome molecular marker"


def parse(text: str, old: str, new: str) -> Entry:
    assert old in text
    return journal_fulltext.parse(text.replace(old, new, 1), Origin("sources/wrapped.txt"))


@pytest.fixture(scope="module")
def article() -> Entry:
    return journal_fulltext.parse(ARTICLE, Origin("sources/wrapped.txt"))


@pytest.fixture(scope="module")
def sample() -> Entry:
    return journal_fulltext.parse(SAMPLE, Origin("sources/wrapped.txt"))


@pytest.mark.parametrize(
    "wrapped",
    [
        "【关键词】间充质干细胞；细胞外囊泡；糖尿病创面；血管\n新生",
        "【关键词】间充质干细\n胞；细胞外囊泡；糖尿病创面；血管\n新生",
        # printed with spaces only: the English list of four keywords tells the break is inside one
        "【关键词】间充质干细胞 细胞外囊泡 糖尿病\n创面 血管新生",
        # ... or a separator
        "【关键词】间充质干细胞 细胞外囊泡 糖尿病创面\n血管新生",
        "【关键词】间充质干细胞\n细胞外囊泡\n糖尿病创面 血管新生",
        # ... or, over three lines, the one break of two most like a cut word: a character alone at it (细胞外 /
        # 囊泡, which jieba does not know), not two words whole
        "【关键词】间充质干细胞 细胞外\n囊泡 糖尿病创面\n血管新生",
    ],
)
def test_a_chinese_keyword_list_wrapped_inside_a_keyword_reads_as_printed_whole(article: Entry, wrapped: str) -> None:
    entry = parse(ARTICLE, ARTICLE_ZH, wrapped)
    assert entry.keywords == article.keywords
    assert not [w for w in entry.warnings if w.field == "keywords"]
    assert entry.sections[0].paragraphs == article.sections[0].paragraphs


@pytest.mark.parametrize(
    ("old", "wrapped"),
    [
        (SAMPLE_ZH, "关键词: 外泌体; 生物学功能; 生发过程; 分泌释放; 调控机制; 工程化\n外泌体"),
        (SAMPLE_EN, SAMPLE_EN.replace("engineered exosome", "engineered\nexosome")),
        (
            SAMPLE_EN,
            SAMPLE_EN.replace("regulatory mechanism; engineered exosome", "regulatory\nmechanism; engineered\nexosome"),
        ),
    ],
)
def test_the_last_line_of_a_list_ending_a_cut_keyword_joins_it(sample: Entry, old: str, wrapped: str) -> None:
    entry = parse(SAMPLE, old, wrapped)
    assert entry.keywords == sample.keywords
    assert [s.title for s in entry.sections] == [s.title for s in sample.sections]
    assert entry.sections[0].paragraphs == sample.sections[0].paragraphs


@pytest.mark.parametrize(
    "wrapped",
    ["【关键词】间充质干细胞；微小R\nNA；糖尿病创面；血管新生", "【关键词】间充质干细胞 微小R\nNA 糖尿病创面 血管新生"],
)
def test_a_latin_word_cut_after_chinese_characters_in_a_keyword_joins_it(wrapped: str) -> None:
    """微小R / NA is one keyword, 微小RNA, in a list separated by semicolons or printed with spaces only."""
    entry = parse(ARTICLE, ARTICLE_ZH, wrapped)
    assert entry.keywords.zh == ("间充质干细胞", "微小RNA", "糖尿病创面", "血管新生")
    assert not [w for w in entry.warnings if w.field == "keywords"]


def test_an_english_keyword_wrapped_at_a_hyphen_joins_without_a_space(article: Entry) -> None:
    entry = parse(
        ARTICLE, ARTICLE_EN, ARTICLE_EN.replace("diabetic wound; angiogenesis", "diabetic wound; wound-\nhealing")
    )
    assert entry.keywords.en == (*article.keywords.en[:3], "wound-healing")


@pytest.mark.parametrize(
    ("end", "last"),
    [
        ("diabetic tumor\nmicroenvironment", "diabetic tumor microenvironment"),
        ("diabetic wound\nimmunohistochemistry", "diabetic wound immunohistochemistry"),
    ],
)
def test_an_english_keyword_cut_before_a_long_word_joins_it(article: Entry, end: str, last: str) -> None:
    """A line holding one long English word ends the keyword it carries on: an English keyword is measured in
    words, a Chinese one in characters."""
    entry = parse(ARTICLE, ARTICLE_EN, ARTICLE_EN.replace("diabetic wound; angiogenesis", end))
    assert entry.keywords.en == (*article.keywords.en[:2], last)
    assert entry.sections[0].paragraphs == article.sections[0].paragraphs


@pytest.mark.parametrize(
    ("wrapped", "zh"),
    [
        # two words whole on each side of the break stay two keywords
        ("关键词 肿瘤 外泌体\n分子标志物", ("肿瘤", "外泌体", "分子标志物")),
        # jieba reads 标志物 across the break
        ("关键词 肿瘤 外泌体 分子标\n志物", ("肿瘤", "外泌体", "分子标志物")),
    ],
)
def test_a_list_printed_with_spaces_only_and_no_english_length_breaks_where_jieba_reads_words(
    wrapped: str, zh: tuple[str, ...]
) -> None:
    entry = parse(SPACED, SPACED_ZH, wrapped)
    assert entry.keywords.zh == zh
    assert entry.keywords.en == ("Tumor exosome molecular marker",)


def test_the_english_list_decides_a_break_in_a_list_printed_with_spaces_only() -> None:
    text = SPACED.replace(SPACED_EN, "Key words: tumor; exosome; molecular marker", 1)
    entry = parse(text, SPACED_ZH, "关键词 肿瘤 外泌\n体 分子标志物")
    assert entry.keywords.zh == ("肿瘤", "外泌体", "分子标志物")
    assert not [w for w in entry.warnings if w.field == "keywords"]


@pytest.mark.parametrize(
    "after",
    [
        "引言",  # a heading
        "1 背景介绍",
        "外泌体\n是由多种细胞分泌的膜性囊泡，",  # a short line the body goes on after
    ],
)
def test_a_line_after_a_whole_list_is_no_keyword_end(sample: Entry, after: str) -> None:
    entry = parse(SAMPLE, SAMPLE_ZH, SAMPLE_ZH + "\n" + after)
    assert entry.keywords == sample.keywords
