"""A line of the body printed right under a full text's keyword list, with no blank line between: it reads as a
sentence, so it starts the body and gives no keywords, while a list wrapped over lines still joins."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = (FIXTURES / "sources" / "fulltext-front-article.txt").read_text(encoding="utf-8")
ARTICLE_ZH = "【关键词】间充质干细胞；细胞外囊泡；糖尿病创面；血管新生"
# the article with its English front matter and first heading taken out: the body follows the Chinese keywords
CHINESE_ONLY = (
    ARTICLE[: ARTICLE.index("Research progress of mesenchymal")] + ARTICLE[ARTICLE.index("糖尿病创面是糖尿病最常见") :]
)
SAMPLE = (Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt").read_text(
    encoding="utf-8"
)
SAMPLE_EN = (
    "Key words: exosome; biological function; biogenesis; secretion or release; regulatory mechanism; "
    "engineered exosome"
)
BODY_LINES = [
    "外泌体是由细胞分泌的膜性囊泡，起源于内体",
    "外泌体为直径30~150 nm的膜性囊泡，经多泡体",
    "近年来，外泌体在组织再生中的作用受到广泛关注",
    "外泌体在组织再生中的作用受到越来越多的关注，",
]
FOUR = ("间充质干细胞", "细胞外囊泡", "糖尿病创面", "血管新生")
LISTS = {
    "【关键词】工程化外泌体": ("工程化外泌体",),
    "【关键词】间充质干细胞，细胞外囊泡，糖尿病创面": FOUR[:3],
    "【关键词】间充质干细胞；细胞外囊泡；糖尿病创面": FOUR[:3],
    # wrapped inside a keyword, at a separator and at the list's end
    "【关键词】外泌体；间充质干细\n胞；组织再生": ("外泌体", "间充质干细胞", "组织再生"),
    "【关键词】间充质干细胞；细胞外囊泡；糖尿病创面；血管\n新生": FOUR,
    "【关键词】间充质干细胞，细胞外囊泡，糖尿病\n创面，血管新生": FOUR,
    # 为 inside a keyword, the list wrapped before it
    "【关键词】外泌体；以患者\n为中心的护理；细胞行为": ("外泌体", "以患者为中心的护理", "细胞行为"),
}


def parse(text: str, old: str, new: str) -> Entry:
    assert old in text
    return journal_fulltext.parse(text.replace(old, new, 1), Origin("sources/keywords.txt"))


@pytest.mark.parametrize("body", BODY_LINES)
@pytest.mark.parametrize("listed", list(LISTS))
def test_a_body_line_under_the_keywords_starts_the_body(listed: str, body: str) -> None:
    entry = parse(CHINESE_ONLY, ARTICLE_ZH + "\n\n", f"{listed}\n{body}\n\n")
    assert entry.keywords.zh == LISTS[listed]
    assert entry.sections[0].paragraphs[0].startswith(body)


def test_an_english_body_line_under_the_english_keywords_is_no_keyword() -> None:
    sample = journal_fulltext.parse(SAMPLE, Origin("sources/keywords.txt"))
    entry = parse(SAMPLE, SAMPLE_EN, SAMPLE_EN + "\nExosomes are membrane vesicles secreted by cells, originating from")
    assert entry.keywords == sample.keywords
