"""Front matter of a full text in the forms PDF conversions give it: wrapped abstracts, labels printed
without colons, dates in English, footnotes placed inside the body, citation lines without pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

ARTICLE = (Path(__file__).parent / "fixtures" / "sources" / "fulltext-front-article.txt").read_text(encoding="utf-8")
ZH_ABSTRACT = next(line for line in ARTICLE.splitlines() if line.startswith("【摘要】"))
EN_ABSTRACT = next(line for line in ARTICLE.splitlines() if line.startswith("【Abstract】"))


def parse(text: str) -> Entry:
    return journal_fulltext.parse(text, Origin("sources/wang.txt"))


def changed(old: str, new: str) -> Entry:
    assert old in ARTICLE
    return parse(ARTICLE.replace(old, new, 1))


@pytest.fixture(scope="module")
def article() -> Entry:
    return parse(ARTICLE)


def test_a_structured_abstract_wrapped_onto_a_second_line_keeps_its_sections(article: Entry) -> None:
    zh = ZH_ABSTRACT.replace("愈合的机制。", "愈合\n的机制。", 1)
    en = EN_ABSTRACT.replace("regulating inflammation", "regulating\ninflammation", 1)
    entry = parse(ARTICLE.replace(ZH_ABSTRACT, zh, 1).replace(EN_ABSTRACT, en, 1))
    assert [s.label for s in entry.abstract.zh] == ["目的", "方法", "结果", "结论"]
    assert entry.abstract == article.abstract


def test_a_wrapped_line_dense_with_english_stays_in_the_chinese_abstract() -> None:
    zh = ZH_ABSTRACT.replace(
        "（MSC-EVs）促进糖尿病创面愈合的机制。",
        "（mesenchymal stem cell-derived\nextracellular vesicles, MSC-EVs）促进糖尿病创面愈合的机制。\n",
        1,
    )
    en = EN_ABSTRACT.replace("MSC-EVs promote", "MSC-EVs (间充质干细胞来源细胞外囊泡) promote\n", 1)
    entry = parse(ARTICLE.replace(ZH_ABSTRACT, zh, 1).replace(EN_ABSTRACT, en, 1))
    assert entry.abstract.zh[0].text == (
        "总结间充质干细胞来源细胞外囊泡（mesenchymal stem cell-derived extracellular vesicles, MSC-EVs）"
        "促进糖尿病创面愈合的机制。"
    )
    assert [s.label for s in entry.abstract.zh] == ["目的", "方法", "结果", "结论"]
    assert [s.label for s in entry.abstract.en] == ["Objective", "Methods", "Results", "Conclusion"]
    assert entry.abstract.en[0].text.endswith("(间充质干细胞来源细胞外囊泡) promote diabetic wound healing.")


def _cjk_side(text: str, index: int) -> bool:
    """A place where a line may wrap without a space lost or added: beside a Chinese character, outside a label."""
    before, after = text[:index], text[index:]
    inside_label = before.rfind("【") > before.rfind("】")
    return not inside_label and ("\u4e00" <= before[-1] <= "\u9fff" or "\u4e00" <= after[0] <= "\u9fff")


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_a_chinese_abstract_wrapped_anywhere_reads_the_same(article: Entry, data: st.DataObject) -> None:
    places = [i for i in range(len("【摘要】") + 1, len(ZH_ABSTRACT)) if _cjk_side(ZH_ABSTRACT, i)]
    cuts = sorted(data.draw(st.sets(st.sampled_from(places), min_size=1, max_size=3)))
    pieces = [ZH_ABSTRACT[a:b] for a, b in zip([0, *cuts], [*cuts, len(ZH_ABSTRACT)], strict=True)]
    entry = changed(ZH_ABSTRACT, "\n".join(pieces))
    assert entry.abstract.zh == article.abstract.zh


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_an_english_abstract_wrapped_at_any_space_reads_the_same(article: Entry, data: st.DataObject) -> None:
    places = [i for i, c in enumerate(EN_ABSTRACT) if c == " "]
    cuts = sorted(data.draw(st.sets(st.sampled_from(places), min_size=1, max_size=3)))
    pieces = [EN_ABSTRACT[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(EN_ABSTRACT)], strict=True)]
    entry = changed(EN_ABSTRACT, "\n".join(pieces))
    assert entry.abstract.en == article.abstract.en


def test_the_labelled_doi_line_wins_over_a_data_doi_printed_before_it() -> None:
    text = ARTICLE.replace("DOI：10.12307/2026.001\n", "", 1)
    en = EN_ABSTRACT.replace("To summarize", "To summarize (data: https://doi.org/10.5281/zenodo.1234567)", 1)
    text = text.replace(EN_ABSTRACT, en, 1).replace("\n引用本文", "\nDOI：10.12307/2026.001\n\n引用本文", 1)
    assert parse(text).doi == "10.12307/2026.001"


def test_without_a_labelled_line_the_first_doi_printed_is_the_article_s() -> None:
    entry = changed("DOI：10.12307/2026.001", "https://doi.org/10.12307/2026.001")
    assert entry.doi == "10.12307/2026.001"


CITE_PAGES = "中国组织工程研究，2026，30（1）：101-108．"


@pytest.mark.parametrize(
    "cite",
    [
        "中国组织工程研究，2026，30（1）．DOI：10.12307/2026.001．",
        "中国组织工程研究，2026，30（1）．",
    ],
)
def test_a_citation_line_of_an_article_online_first_has_no_pages(cite: str) -> None:
    entry = changed(CITE_PAGES, cite)
    assert (entry.journal.name_zh, entry.year, entry.volume, entry.issue) == ("中国组织工程研究", 2026, "30", "1")
    assert (entry.pages, entry.article_number) == (None, None)
    assert not [w for w in entry.warnings if w.field == "journal"]


def test_an_english_citation_line_without_pages() -> None:
    how_to_cite = "\nHow to cite this article: WANG XM, LI N, OUYANG JH, et al. Research progress. Zhongguo Zuzhi Gongcheng Yanjiu. 2026;30(1). doi: 10.12307/2026.001.\n"
    entry = changed("\n0 引言", how_to_cite + "\n0 引言")
    assert (entry.journal.name, entry.year, entry.volume, entry.issue) == (
        "Zhongguo Zuzhi Gongcheng Yanjiu",
        2026,
        "30",
        "1",
    )


def test_a_citation_line_giving_an_article_number_has_no_pages() -> None:
    entry = changed(CITE_PAGES, "中国组织工程研究，2026，30（1）：e2026001．")
    assert (entry.year, entry.volume, entry.issue) == (2026, "30", "1")
    assert (entry.pages, entry.article_number) == (None, "e2026001")


def test_a_citation_line_with_a_year_alone_is_not_read() -> None:
    entry = changed(CITE_PAGES, "中国组织工程研究，2026．")
    assert entry.year is None
    assert [w for w in entry.warnings if w.field == "journal"]


DATES_ZH = "收稿日期：2025-03-02；修回日期：2025-04-15；录用日期：2025-05-20"


@pytest.mark.parametrize(
    "printed",
    [
        "Received: March 2, 2025; Revised: April 15, 2025; Accepted: May 20, 2025",
        "Received 2 March 2025; revised 15 April 2025; accepted 20 May 2025",
        "Received: Mar. 2, 2025   Revised: Apr. 15, 2025   Accepted: May 20, 2025",
    ],
)
def test_dates_printed_in_english(printed: str) -> None:
    entry = changed(DATES_ZH, printed)
    assert (entry.dates.received, entry.dates.revised, entry.dates.accepted) == (
        "2025-03-02",
        "2025-04-15",
        "2025-05-20",
    )
    assert not [w for w in entry.warnings if w.field.startswith("dates")]


def test_the_time_of_online_publication_is_the_online_date() -> None:
    entry = changed(DATES_ZH, DATES_ZH + "\n\n网络出版时间：2025-06-01 10:22:33")
    assert (entry.dates.received, entry.dates.online) == ("2025-03-02", "2025-06-01")


def test_keywords_labelled_guanjianzi(article: Entry) -> None:
    entry = changed("【关键词】", "关键字：")
    assert entry.keywords == article.keywords
    assert entry.abstract == article.abstract


FUNDING = "基金项目：国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）"


@pytest.mark.parametrize(
    "printed",
    [
        "基金项目\u3000国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）",
        "基金项目 国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）",
        "【基金项目】国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）",
    ],
)
def test_a_funding_label_without_a_colon(article: Entry, printed: str) -> None:
    entry = changed(FUNDING, printed)
    assert entry.funding == article.funding
    assert entry.affiliations == article.affiliations


def _capitals(separator: str) -> str:
    """The English abstract with its labels printed in capitals, without colons."""
    text = EN_ABSTRACT.replace("【Abstract】", "ABSTRACT  ", 1)
    for label in ("Objective", "Methods", "Results", "Conclusion"):
        text = text.replace(f" 【{label}】", f"{separator}{label.upper()}  ", 1).replace(
            f"【{label}】", f"{label.upper()}  "
        )
    return text


@pytest.mark.parametrize("separator", [" ", "\n\n", "\n"])
def test_english_labels_in_capitals_without_a_colon(article: Entry, separator: str) -> None:
    entry = changed(EN_ABSTRACT, _capitals(separator))
    assert [s.label for s in entry.abstract.en] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]
    assert [s.text for s in entry.abstract.en] == [s.text for s in article.abstract.en]


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        (
            "基金项目：国家自然科学基金（82172345）；\n江苏省重点研发计划（BE2022001）",
            "国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）",
        ),
        (
            "基金项目：国家自然科学基金（82172345）；\n四川大学华西医院学科卓越发展1·3·5工程项目（ZYJC21001）",
            "国家自然科学基金（82172345）；四川大学华西医院学科卓越发展1·3·5工程项目（ZYJC21001）",
        ),
    ],
)
def test_a_wrapped_funding_line_is_read_whole(article: Entry, printed: str, read: str) -> None:
    entry = changed(FUNDING, printed)
    assert [f.text for f in entry.funding] == [read]
    assert entry.affiliations == article.affiliations


def test_a_funding_line_wrapped_after_the_keywords_does_not_start_the_body(article: Entry) -> None:
    text = ARTICLE.replace(FUNDING + "\n", "", 1)
    text = text.replace(
        "\n引用本文", "\n基金项目：国家自然科学基金（82172345）；\n江苏省重点研发计划（BE2022001）\n\n引用本文", 1
    )
    entry = parse(text)
    assert [f.text for f in entry.funding] == ["国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）"]
    assert [(s.title, s.paragraphs) for s in entry.sections] == [(s.title, s.paragraphs) for s in article.sections]
    assert (entry.year, entry.pages) == (article.year, article.pages)


FOOTNOTES = (
    "收稿日期：2025-03-02；修回日期：2025-04-15；录用日期：2025-05-20\n\n"
    "基金项目：国家自然科学基金（82172345）；江苏省重点研发计划（BE2022001）\n\n"
    "*通信作者：欧阳建华，研究员，E-mail：ouyangjh@sibs.ac.cn\n\n"
)
FIRST_PARAGRAPH = next(line for line in ARTICLE.splitlines() if line.startswith("糖尿病创面是糖尿病"))


def test_first_page_footnotes_placed_in_the_body_are_front_matter(article: Entry) -> None:
    notes = FOOTNOTES.replace(
        "*通信", "作者简介：王晓明（1985—），男，江苏南京人，博士，主要从事创面修复研究。\n\n*通信"
    )
    text = ARTICLE.replace(FOOTNOTES, "", 1).replace(FIRST_PARAGRAPH, f"{FIRST_PARAGRAPH}\n\n{notes}", 1)
    entry = parse(text)
    assert (entry.dates, entry.funding) == (article.dates, article.funding)
    assert [a.corresponding for a in entry.authors] == [a.corresponding for a in article.authors]
    assert [(s.title, s.paragraphs) for s in entry.sections] == [(s.title, s.paragraphs) for s in article.sections]
    assert entry.affiliations == article.affiliations


def test_a_line_of_the_body_opening_on_the_words_first_author_stays_in_the_body(article: Entry) -> None:
    sentence = "第一作者于2024年10月检索了相关文献。"
    entry = changed(FIRST_PARAGRAPH, f"{FIRST_PARAGRAPH}\n\n{sentence}")
    assert entry.sections[0].paragraphs[-1] == sentence
