"""Front matter of a full text as PDF conversions print it: keyword lists wrapped onto a second line, a DOI with text glued after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
ZH_LINE = "关键词: 外泌体; 生物学功能; 生发过程; 分泌释放; 调控机制; 工程化外泌体"
EN_LINE = (
    "Key words: exosome; biological function; biogenesis; secretion or release; regulatory mechanism; "
    "engineered exosome"
)


def parse(text: str) -> Entry:
    return journal_fulltext.parse(text, Origin("sources/lyu.txt"))


@pytest.fixture(scope="module")
def sample() -> Entry:
    return parse(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("line", "wrapped"),
    [
        (ZH_LINE, "关键词: 外泌体; 生物学功能; 生发过程;\n分泌释放; 调控机制; 工程化外泌体"),
        (ZH_LINE, "关键词: 外泌体; 生物学功能;\n生发过程; 分泌释放;\n调控机制; 工程化外泌体"),
        (
            EN_LINE,
            "Key words: exosome; biological function; biogenesis;\nsecretion or release; regulatory mechanism; engineered exosome",
        ),
    ],
)
def test_a_wrapped_keyword_list_reads_as_one(sample: Entry, line: str, wrapped: str) -> None:
    entry = parse(SAMPLE.read_text(encoding="utf-8").replace(line, wrapped, 1))
    assert entry.keywords == sample.keywords
    assert (entry.journal, entry.year, entry.volume, entry.pages) == (
        sample.journal,
        sample.year,
        sample.volume,
        sample.pages,
    )
    assert [s.title for s in entry.sections] == [s.title for s in sample.sections]
    assert entry.sections[0].paragraphs == sample.sections[0].paragraphs


def test_the_line_after_a_keyword_list_that_is_a_sentence_is_not_a_keyword(sample: Entry) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(ZH_LINE, ZH_LINE + "\n本文综述了外泌体的研究进展。", 1)
    entry = parse(text)
    assert entry.keywords == sample.keywords


def test_a_doi_ends_at_chinese_text_glued_after_it(sample: Entry) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "10.12307/2025.573" in line and line.startswith("<https"))
    entry = parse(text.replace(line, "DOI：10.12307/2025.573文章编号：2095-4344(2026)01-00184-10", 1))
    assert entry.doi == "10.12307/2025.573" == sample.doi
