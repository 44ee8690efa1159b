"""The journal-fulltext front matter in the layouts Chinese journals print: one invented article, varied."""

from __future__ import annotations

import pytest

from evdigest.model import Entry
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

ARTICLE = """\
血清外泌体长链非编码RNA在胃癌诊断中的研究进展

陈晓, 刘伟

示例医科大学附属医院消化内科, 浙江省杭州市 310000

摘要: 血清外泌体中的长链非编码RNA稳定性高, 可作为胃癌诊断的生物标志物。本文综述其研究进展。

关键词: 外泌体; 长链非编码RNA; 胃癌

Serum exosomal long non-coding RNAs in the diagnosis of gastric cancer

Chen Xiao, Liu Wei

Department of Gastroenterology, Affiliated Hospital of Example Medical University, Hangzhou 310000, China

Abstract: Long non-coding RNAs in serum exosomes are stable and may serve as biomarkers for gastric cancer.

Key words: exosomes; long non-coding RNA; gastric cancer

1 外泌体长链非编码RNA的稳定性

外泌体的脂质双层膜可保护其中的长链非编码RNA免受降解[1]。

参考文献

[1] LI Q, SHAO Y, ZHANG X, et al. Plasma long noncoding RNA protected by exosomes as a potential stable biomarker \
for gastric cancer[J]. Tumour Biol, 2015, 36(3): 2007-2012.
"""


def parse(text: str) -> Entry:
    return journal_fulltext.parse(text, Origin("sources/chen-2024.txt"))


def with_lines(after: str, *lines: str) -> str:
    """The article with ``lines`` (and blank lines) inserted after the line ``after``."""
    assert after in ARTICLE
    return ARTICLE.replace(after + "\n", after + "\n\n" + "\n\n".join(lines) + "\n", 1)


def test_the_article_reads_as_it_is() -> None:
    entry = parse(ARTICLE)
    assert entry.title.zh == "血清外泌体长链非编码RNA在胃癌诊断中的研究进展"
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]


# --- DOI ----------------------------------------------------------------------------


def test_doi_keeps_balanced_parentheses() -> None:
    entry = parse(with_lines("陈晓, 刘伟", "DOI: 10.1016/S1875-5364(24)60567-1"))
    assert entry.doi == "10.1016/s1875-5364(24)60567-1"


def test_doi_in_parentheses_leaves_the_closing_one() -> None:
    entry = parse(with_lines("陈晓, 刘伟", "(DOI: 10.13345/j.cjb.240112)"))
    assert entry.doi == "10.13345/j.cjb.240112"


def test_a_sici_doi_is_read_whole_up_to_its_full_stop() -> None:
    """Crossref's SICI DOIs hold "<", ">", ";" and "#": none of them ends the DOI."""
    entry = parse(with_lines("陈晓, 刘伟", "DOI: 10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#."))
    assert entry.doi == "10.1002/(sici)1097-4636(199706)35:4<507::aid-jbm11>3.0.co;2-#"


# --- dates ----------------------------------------------------------------------------


def test_several_dates_on_one_line_and_bracketed_labels() -> None:
    text = with_lines("陈晓, 刘伟", "收稿日期: 2024-01-15; 修回日期: 2024-03-02", "[录用日期] 2024-04-01")
    dates = parse(text).dates
    assert (dates.received, dates.revised, dates.accepted) == ("2024-01-15", "2024-03-02", "2024-04-01")


def test_dates_in_full_width_brackets_before_the_title() -> None:
    text = "【收稿日期】2023年8月10日　【修回日期】2023年10月2日\n\n" + ARTICLE
    entry = parse(text)
    assert (entry.dates.received, entry.dates.revised) == ("2023-08-10", "2023-10-02")
    assert entry.title.zh == "血清外泌体长链非编码RNA在胃癌诊断中的研究进展"


def test_unreadable_date_is_a_warning_with_its_line() -> None:
    entry = parse(with_lines("陈晓, 刘伟", "收稿日期: 2024-01-15; 修回日期: 待定"))
    assert entry.dates.received == "2024-01-15"
    warning = next(w for w in entry.warnings if w.field == "dates.revised")
    assert (warning.values, warning.line) == (("待定",), 5)


# --- abstract sections ----------------------------------------------------------------


def test_bracketed_section_labels_run_into_one_paragraph() -> None:
    text = ARTICLE.replace(
        "摘要: 血清外泌体中的长链非编码RNA稳定性高, 可作为胃癌诊断的生物标志物。本文综述其研究进展。",
        "【摘要】【目的】总结血清外泌体长链非编码RNA的诊断价值。【方法】检索近10年文献。"
        "【结果】多种长链非编码RNA在胃癌患者中升高。【结论】可作为诊断标志物。",
    ).replace(
        "Abstract: Long non-coding RNAs in serum exosomes are stable and may serve as biomarkers for gastric cancer.",
        "【Abstract】【Objective】To summarise the diagnostic value.【Methods】Literature was reviewed."
        "【Results】Several lncRNAs are raised in patients.【Conclusion】They may serve as markers.",
    )
    entry = parse(text)
    assert [(s.label, s.text) for s in entry.abstract.zh] == [
        ("目的", "总结血清外泌体长链非编码RNA的诊断价值。"),
        ("方法", "检索近10年文献。"),
        ("结果", "多种长链非编码RNA在胃癌患者中升高。"),
        ("结论", "可作为诊断标志物。"),
    ]
    assert [(s.label, s.text) for s in entry.abstract.en] == [
        ("Objective", "To summarise the diagnostic value."),
        ("Methods", "Literature was reviewed."),
        ("Results", "Several lncRNAs are raised in patients."),
        ("Conclusion", "They may serve as markers."),
    ]


def test_bracketed_section_labels_on_their_own_paragraphs() -> None:
    text = ARTICLE.replace(
        "摘要: 血清外泌体中的长链非编码RNA稳定性高, 可作为胃癌诊断的生物标志物。本文综述其研究进展。",
        "摘要\n\n[目的] 总结其诊断价值。\n\n[方法] 检索文献。\n\n[结论] 可作为诊断标志物。",
    )
    entry = parse(text)
    assert [(s.label, s.text) for s in entry.abstract.zh] == [
        ("目的", "总结其诊断价值。"),
        ("方法", "检索文献。"),
        ("结论", "可作为诊断标志物。"),
    ]


# --- citation lines ------------------------------------------------------------------

KEYWORDS_EN = "Key words: exosomes; long non-coding RNA; gastric cancer"
CITE_ZH = "引用本文: 陈晓, 刘伟. 血清外泌体长链非编码RNA在胃癌诊断中的研究进展[J]. 中国肿瘤临床, 2024, 51(6): 301-306."


def bibliographic(entry: Entry) -> tuple:
    journal = entry.journal
    return (journal.name_zh, journal.name, entry.year, entry.volume, entry.issue, entry.pages)


def no_cite_warning(entry: Entry) -> bool:
    return not any(w.field == "journal" for w in entry.warnings)


def test_cite_format_label_and_english_line_ending_with_a_doi() -> None:
    entry = parse(
        with_lines(
            KEYWORDS_EN,
            CITE_ZH.replace("引用本文", "引用格式"),
            "How to cite this article: CHEN X, LIU W. Serum exosomal long non-coding RNAs in the diagnosis of "
            "gastric cancer. Chinese Journal of Clinical Oncology. 2024;51(6):301-306. doi: 10.12354/j.issn.1000-8179",
        )
    )
    assert bibliographic(entry) == ("中国肿瘤临床", "Chinese Journal of Clinical Oncology", 2024, "51", "6", "301-306")
    assert no_cite_warning(entry)


def test_cite_line_without_a_volume() -> None:
    text = with_lines(KEYWORDS_EN, CITE_ZH.replace("2024, 51(6): 301-306", "2024(6): 301-306"))
    entry = parse(text)
    assert bibliographic(entry) == ("中国肿瘤临床", None, 2024, None, "6", "301-306")
    assert no_cite_warning(entry)


def test_english_cite_line_in_comma_style() -> None:
    english = (
        "Cite this article as: Chen X, Liu W. Serum exosomal long non-coding RNAs in the diagnosis of gastric cancer."
        " Chin J Clin Oncol, 2024, 51(6): 301-306."
    )
    entry = parse(with_lines(KEYWORDS_EN, CITE_ZH, english))
    assert bibliographic(entry) == ("中国肿瘤临床", "Chin J Clin Oncol", 2024, "51", "6", "301-306")
    assert no_cite_warning(entry)


@pytest.mark.parametrize(
    "english",
    [
        "How to cite this article: CHEN X， LIU W. Serum exosomal lncRNAs. Chin J Clin Oncol. 2024；51（6）：301-306.",
        "Cite this article as: Chen X, Liu W. Serum exosomal lncRNAs[J]. Chin J Clin Oncol， ２０２４， ５１（６）： 301-306．",
    ],
)
def test_cite_lines_with_full_width_punctuation_and_digits(english: str) -> None:
    zh = CITE_ZH.replace("2024, 51(6): 301-306", "2024，51（6）：301-306")
    entry = parse(with_lines(KEYWORDS_EN, zh, english))
    assert bibliographic(entry) == ("中国肿瘤临床", "Chin J Clin Oncol", 2024, "51", "6", "301-306")
    assert no_cite_warning(entry)


def test_english_cite_line_with_the_document_mark() -> None:
    english = "Cite this article as: Chen X, Liu W. Serum exosomal lncRNAs[J]. Chin J Clin Oncol, 2024, 51(6): 301-306."
    entry = parse(with_lines(KEYWORDS_EN, english))
    assert bibliographic(entry) == (None, "Chin J Clin Oncol", 2024, "51", "6", "301-306")


def test_unreadable_cite_line_is_named_with_its_line() -> None:
    entry = parse(
        with_lines(
            KEYWORDS_EN, "引用本文: 陈晓, 刘伟. 血清外泌体长链非编码RNA在胃癌诊断中的研究进展[J]. 中国肿瘤临床, 待刊."
        )
    )
    warning = next(w for w in entry.warnings if w.field == "journal")
    assert warning.message.startswith("citation line not readable") and warning.line == 21


def test_disagreeing_cite_lines_are_a_warning_with_the_line() -> None:
    english = "How to cite this article: CHEN X, LIU W. Serum exosomal lncRNAs. Chin J Clin Oncol. 2024;51(7):301-306."
    entry = parse(with_lines(KEYWORDS_EN, CITE_ZH, english))
    warning = next(w for w in entry.warnings if w.field == "issue")
    assert (warning.values, warning.line) == (("6", "7"), 21)


def test_english_cite_line_without_a_volume() -> None:
    english = (
        "How to cite this article: CHEN X, LIU W. Serum exosomal lncRNAs. Chinese Herbal Medicines. 2024;(6):301-306."
    )
    entry = parse(with_lines(KEYWORDS_EN, english))
    assert bibliographic(entry) == (None, "Chinese Herbal Medicines", 2024, None, "6", "301-306")


# --- authors --------------------------------------------------------------------------


def test_chinese_names_separated_by_spaces() -> None:
    text = ARTICLE.replace("陈晓, 刘伟\n", "陈晓¹  刘伟²  欧阳思远¹*\n").replace(
        "Chen Xiao, Liu Wei\n", "Chen Xiao¹, Liu Wei², Ouyang Siyuan¹*\n"
    )
    entry = parse(text)
    assert [(a.name_zh, a.name, a.corresponding) for a in entry.authors] == [
        ("陈晓", "Chen Xiao", False),
        ("刘伟", "Liu Wei", False),
        ("欧阳思远", "Ouyang Siyuan", True),
    ]


def test_a_space_inside_a_chinese_name_is_not_a_separator() -> None:
    text = ARTICLE.replace("陈晓, 刘伟\n", "陈 晓, 刘 伟\n")
    entry = parse(text)
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]


@pytest.mark.parametrize(
    ("zh", "en"),
    [("陈晓, 刘伟, 等", "Chen Xiao, Liu Wei, et al."), ("陈晓, 刘伟等", "Chen Xiao, Liu Wei et al")],
)
def test_author_lines_closed_by_et_al_are_warned_and_keep_the_names(zh: str, en: str) -> None:
    entry = parse(ARTICLE.replace("陈晓, 刘伟\n", zh + "\n").replace("Chen Xiao, Liu Wei\n", en + "\n"))
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]
    assert [(w.message, w.values, w.line) for w in entry.warnings if w.field == "authors"] == [
        ("the author list is cut short (et al.)", (zh,), 3)
    ]


# --- titles ---------------------------------------------------------------------------

TITLE_ZH = "血清外泌体长链非编码RNA在胃癌诊断中的研究进展"
TITLE_EN = "Serum exosomal long non-coding RNAs in the diagnosis of gastric cancer"


@pytest.mark.parametrize(
    "header",
    [
        "中国肿瘤临床 Chinese Journal of Clinical Oncology 2024, 51(6): 301-306",
        "中国肿瘤临床　2024年第51卷第6期",
        "南方医科大学学报 J South Med Univ, 2024, Vol.44, No.3",
        "·综述·",
        "ISSN 1000-8179  CN 12-1099/R  中国肿瘤临床",
    ],
)
def test_running_header_above_the_title_is_left_out(header: str) -> None:
    entry = parse(header + "\n\n" + ARTICLE)
    assert (entry.title.zh, entry.title.en) == (TITLE_ZH, TITLE_EN)
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]
    assert [a.zh for a in entry.affiliations] == ["示例医科大学附属医院消化内科, 浙江省杭州市 310000"]


def test_titles_wrapped_over_two_lines() -> None:
    text = ARTICLE.replace(TITLE_ZH, "血清外泌体长链非编码RNA作为液体活检标志物\n在胃癌早期诊断中的研究进展").replace(
        TITLE_EN,
        "Serum exosomal long non-coding RNAs as liquid biopsy markers\nfor the early diagnosis of gastric cancer",
    )
    entry = parse(text)
    assert entry.title.zh == "血清外泌体长链非编码RNA作为液体活检标志物在胃癌早期诊断中的研究进展"
    assert entry.title.en == (
        "Serum exosomal long non-coding RNAs as liquid biopsy markers for the early diagnosis of gastric cancer"
    )
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]
    assert not any(w.field == "authors" for w in entry.warnings)


def test_english_title_in_title_case_wrapped_after_a_small_word() -> None:
    text = ARTICLE.replace(TITLE_EN, "Serum Exosomal Long Non-coding RNAs in the\nDiagnosis of Gastric Cancer")
    assert parse(text).title.en == "Serum Exosomal Long Non-coding RNAs in the Diagnosis of Gastric Cancer"


def test_title_followed_at_once_by_authors_and_affiliation() -> None:
    text = ARTICLE.replace(f"{TITLE_ZH}\n\n陈晓, 刘伟\n\n", f"{TITLE_ZH}\n陈晓, 刘伟\n").replace(
        f"{TITLE_EN}\n\nChen Xiao, Liu Wei\n\n", f"{TITLE_EN}\nChen Xiao\n"
    )
    entry = parse(text)
    assert (entry.title.zh, entry.title.en) == (TITLE_ZH, TITLE_EN)
    assert [(a.name_zh, a.name) for a in entry.authors] == [("陈晓", "Chen Xiao"), ("刘伟", "Liu Wei")]


TWELVE_ZH = "陈晓¹, 刘伟¹, 王静², 赵磊², 孙悦³, 周杰³, 吴敏¹, 郑涛²,\n黄丽³, 马超¹, 何静², 高远³*"
TWELVE_EN = (
    "Chen Xiao¹, Liu Wei¹, Wang Jing², Zhao Lei², Sun Yue³, Zhou Jie³, Wu Min¹, Zheng Tao²,\n"
    "Huang Li³, Ma Chao¹, He Jing², Gao Yuan³*"
)
THREE_PLACES_ZH = "1. 示例医科大学附属医院消化内科, 浙江省杭州市 310000; 2. 示例大学医学院, 浙江省杭州市 310058; 3. 示例医院检验科, 浙江省宁波市 315000"


def test_author_lines_wrapped_onto_a_second_line() -> None:
    text = ARTICLE.replace("陈晓, 刘伟\n", TWELVE_ZH + "\n").replace("Chen Xiao, Liu Wei\n", TWELVE_EN + "\n")
    text = text.replace("示例医科大学附属医院消化内科, 浙江省杭州市 310000\n", THREE_PLACES_ZH + "\n")
    entry = parse(text)
    assert [a.name_zh for a in entry.authors] == [
        "陈晓", "刘伟", "王静", "赵磊", "孙悦", "周杰", "吴敏", "郑涛", "黄丽", "马超", "何静", "高远"
    ]  # fmt: skip
    assert [a.name for a in entry.authors][8:] == ["Huang Li", "Ma Chao", "He Jing", "Gao Yuan"]
    assert [a.affiliations for a in entry.authors][8:] == [(2,), (0,), (1,), (2,)]
    assert entry.authors[-1].corresponding
    assert not any(w.field == "authors" for w in entry.warnings)


def test_author_line_ending_in_a_comma_goes_on_after_a_blank_line() -> None:
    text = ARTICLE.replace("陈晓, 刘伟\n", "陈晓, 刘伟,\n\n王静\n").replace(
        "Chen Xiao, Liu Wei\n", "Chen Xiao, Liu Wei,\n\nWang Jing\n"
    )
    entry = parse(text)
    assert [(a.name_zh, a.name) for a in entry.authors] == [
        ("陈晓", "Chen Xiao"),
        ("刘伟", "Liu Wei"),
        ("王静", "Wang Jing"),
    ]


# --- affiliations ---------------------------------------------------------------------


def test_superscript_marks_before_affiliations_link_them_and_are_left_out() -> None:
    text = (
        ARTICLE.replace("陈晓, 刘伟\n", "陈晓¹, 刘伟²\n")
        .replace("Chen Xiao, Liu Wei\n", "Chen Xiao¹, Liu Wei²\n")
        .replace(
            "示例医科大学附属医院消化内科, 浙江省杭州市 310000\n",
            "¹示例医科大学附属医院消化内科, 浙江省杭州市 310000 ²示例大学医学院, 浙江省杭州市 310058\n",
        )
        .replace(
            "Department of Gastroenterology, Affiliated Hospital of Example Medical University, Hangzhou 310000, China\n",
            "²School of Medicine, Example University, Hangzhou 310058, China; "
            "¹Department of Gastroenterology, Affiliated Hospital of Example Medical University, Hangzhou 310000, China\n",
        )
    )
    entry = parse(text)
    assert [(a.zh, a.en) for a in entry.affiliations] == [
        (
            "示例医科大学附属医院消化内科, 浙江省杭州市 310000",
            "Department of Gastroenterology, Affiliated Hospital of Example Medical University, Hangzhou 310000, China",
        ),
        ("示例大学医学院, 浙江省杭州市 310058", "School of Medicine, Example University, Hangzhou 310058, China"),
    ]
    assert [(a.name, a.affiliations) for a in entry.authors] == [("Chen Xiao", (0,)), ("Liu Wei", (1,))]


def test_superscript_one_damaged_into_a_quote_before_an_affiliation() -> None:
    text = ARTICLE.replace(
        "Department of Gastroenterology, Affiliated", "’Department of Gastroenterology, Affiliated"
    ).replace("示例医科大学附属医院消化内科", "」示例医科大学附属医院消化内科")
    [affiliation] = parse(text).affiliations
    assert affiliation.zh == "示例医科大学附属医院消化内科, 浙江省杭州市 310000"
    assert affiliation.en.startswith("Department of Gastroenterology, ")


# --- warnings name their line ------------------------------------------------------------


def test_missing_author_line_is_named_at_the_line_after_the_title() -> None:
    entry = parse(ARTICLE.replace("陈晓, 刘伟\n\n", "").replace("Chen Xiao, Liu Wei\n\n", ""))
    warning = next(w for w in entry.warnings if w.field == "authors")
    assert warning.message.startswith("no author line found after the title") and warning.line == 3


def test_keyword_lists_of_different_length_are_named_at_the_english_line() -> None:
    entry = parse(ARTICLE.replace("; gastric cancer\n", "\n"))
    warning = next(w for w in entry.warnings if w.field == "keywords")
    assert (warning.values, warning.line) == (("3", "2"), 19)
