"""Formatted references: golden strings in both default styles and the language-aware fixes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evdigest.config import Config
from evdigest.errors import ConfigError
from evdigest.refs.format import (
    Formatter,
    _chicago_range,
    _prepared,
    fix_formatted,
    get_formatter,
    reference_language,
    style_path,
    without_stray_punctuation,
)
from evdigest.refs.parse import parse_reference

FIXTURES = Path(__file__).parent / "fixtures" / "refs_pair"
SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
SAMPLE_ITEMS = json.loads((FIXTURES / "sample_items.json").read_text(encoding="utf-8"))
VANCOUVER = Config().style_en
GBT = Config().style_zh

GOLDEN = {
    VANCOUVER: {
        "4": "Kalluri R, Lebleu VS. The biology, function, and biomedical applications of exosomes. Science. 2020;367(6478):eaa06977.",
        "9": "Yan L, Wu X. Exosomes produced from 3D cultures of umbilical cord mesenchymal stem cells in a hollow-fiber bioreactor show improved osteochondral regeneration activity. Cell Biol Toxicol. 2020;36(2):165–78.",
        "30": "马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展. 中国医科大学学报. 2021;50(10):944–7.",
        "51": "Beer KB, Rivas-Castillo J, Kuhn K, et al. Extracellular vesicle budding is inhibited by redundant regulators of TAT-5 flippase localization and phospholipid asymmetry. Proc Natl Acad Sci U S A. 2018;115(6):E1127–36.",
    },
    GBT: {
        "4": "KALLURI R, LEBLEU V S. The biology, function, and biomedical applications of exosomes[J]. Science, 2020, 367(6478): eaa06977.",
        "9": "YAN L, WU X. Exosomes produced from 3D cultures of umbilical cord mesenchymal stem cells in a hollow-fiber bioreactor show improved osteochondral regeneration activity[J]. Cell Biol Toxicol, 2020, 36(2): 165-178.",
        "30": "马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科大学学报, 2021, 50(10): 944-947.",
        "51": "BEER K B, RIVAS-CASTILLO J, KUHN K, et al. Extracellular vesicle budding is inhibited by redundant regulators of TAT-5 flippase localization and phospholipid asymmetry[J]. Proc Natl Acad Sci U S A, 2018, 115(6): E1127-E1136.",
    },
}

# "- [30] 马元, 庄雪莹, 陈旭. …": one line of the sample's reference list
SAMPLE_REF_RE = re.compile(r"^- \[(\d+)\] (.+)$")


def sample_reference(number: int) -> str:
    """The printed reference ``number`` of the sample full text, Markdown emphasis removed."""
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        match = SAMPLE_REF_RE.match(line)
        if match and int(match.group(1)) == number:
            return match.group(2).replace("*", "")
    raise AssertionError(f"reference {number} not in {SAMPLE}")


def han_2022(**changes: object) -> dict:
    item = {
        "id": "han2022",
        "type": "article-journal",
        "author": [
            {"family": "Han", "given": "Q. F."},
            {"family": "Li", "given": "W. J."},
            {"family": "Hu", "given": "K. S."},
        ],
        "title": "Exosome biogenesis: machinery, regulation, and therapeutic implications in cancer",
        "container-title": "Mol Cancer",
        "issued": {"date-parts": [[2022]]},
        "volume": "21",
        "issue": "1",
        "page": "207",
    }
    item.update(changes)
    return item


@pytest.mark.parametrize("style", [VANCOUVER, GBT])
@pytest.mark.parametrize("number", ["4", "9", "30", "51"])
def test_golden_strings_of_sample_references(style: str, number: str) -> None:
    sample = SAMPLE_ITEMS[number]
    formatted = get_formatter(style).format(sample["item"], et_al=sample["et_al"])
    assert formatted.text == GOLDEN[style][number]
    assert formatted.html == GOLDEN[style][number]  # nothing to escape, no markup in these styles


@pytest.mark.parametrize("style", [VANCOUVER, GBT])
@pytest.mark.parametrize("number", ["4", "9", "30", "51"])
def test_parsed_sample_references_format_to_the_golden_strings(style: str, number: str) -> None:
    parse = pytest.importorskip("evdigest.refs.parse").parse_reference
    parsed = parse(sample_reference(int(number)))
    assert get_formatter(style).format(parsed.item, et_al=parsed.et_al).text == GOLDEN[style][number]


def test_gbt_writes_et_al_for_english_and_deng_for_chinese() -> None:
    gbt = get_formatter(GBT)
    five = han_2022(author=[*han_2022()["author"], {"family": "Wu", "given": "X."}, {"family": "Yan", "given": "L."}])
    english = gbt.format(five, et_al=False).text
    assert english.startswith("HAN Q F, LI W J, HU K S, et al. Exosome biogenesis")
    assert "等" not in english
    chinese = {
        **SAMPLE_ITEMS["30"]["item"],
        "author": [{"family": "郑", "given": "玉军"}, {"family": "姜", "given": "巍"}],
    }
    cut = gbt.format(chinese, et_al=True, lang="zh").text
    assert cut.startswith("郑玉军, 姜巍, 等. 间充质干细胞")
    assert "et al" not in cut


def test_vancouver_marks_a_cut_short_list_by_language() -> None:
    vancouver = get_formatter(VANCOUVER)
    assert vancouver.format(han_2022(), et_al=True).text.startswith("Han QF, Li WJ, Hu KS, et al. Exosome")
    assert vancouver.format(han_2022(), et_al=False).text.startswith("Han QF, Li WJ, Hu KS. Exosome")
    chinese = vancouver.format(SAMPLE_ITEMS["30"]["item"], et_al=True).text
    assert chinese.startswith("马元, 庄雪莹, 陈旭, 等. 间充质")


def test_gbt_keeps_the_type_code_the_style_writes_itself() -> None:
    with_doi = get_formatter(GBT).format(han_2022(DOI="10.1186/s12943-022-01671-0"), et_al=True).text
    assert "cancer[J/OL]. Mol Cancer" in with_doi
    assert "[J][J" not in with_doi


@pytest.mark.parametrize(
    ("kind", "code"), [("book", "M"), ("thesis", "D"), ("paper-conference", "C"), ("webpage", "EB"), ("report", "R")]
)
def test_gbt_type_codes_of_other_types(kind: str, code: str) -> None:
    item = {
        "id": "x",
        "type": kind,
        "author": [{"family": "王", "given": "伟"}],
        "title": "外泌体研究",
        "language": "zh",
    }
    text = get_formatter(GBT).format(item, et_al=False).text
    assert f"外泌体研究[{code}" in text
    assert text.startswith("王伟. ")


def test_an_article_without_journal_gives_its_volume_once() -> None:
    item = {
        "id": "x",
        "type": "article-journal",
        "author": [{"family": "Smith", "given": "J."}],
        "title": "Exosome biology in practice",
        "issued": {"date-parts": [[2013]]},
        "volume": "2",
        "issue": "3",
        "page": "45-50",
    }
    assert get_formatter(VANCOUVER).format(item).text == "Smith J. Exosome biology in practice. 2013;2(3):45–50."
    assert get_formatter(GBT).format(item).text == "SMITH J. Exosome biology in practice[J]. 2013, 2(3): 45-50."
    book = {**item, "type": "book", "issue": None, "page": None}
    assert "Vol. 2" in get_formatter(VANCOUVER).format(book).text  # a book's volume keeps its label


def test_html_is_escaped() -> None:
    item = han_2022(title="Exosome <b>biogenesis</b> & R&D: 5 < 6")
    formatted = get_formatter(VANCOUVER).format(item, et_al=False)
    assert "Exosome &lt;b&gt;biogenesis&lt;/b&gt; &amp; R&amp;D: 5 &lt; 6." in formatted.html
    assert "<b>" not in formatted.html
    assert "Exosome <b>biogenesis</b> & R&D: 5 < 6." in formatted.text


def test_prepared_item_shares_nothing_with_the_given_one() -> None:
    """The copy citeproc-py gets is escaped, marked and numbered; the given item is left as it was."""
    from evdigest.refs.format import TITLE_START, _prepared

    item = han_2022(title="R&D")
    before = json.dumps(item, sort_keys=True)
    prepared = _prepared(item, et_al=True)
    assert prepared["title"] == f"{TITLE_START}R&amp;D\ue001" and prepared["id"] == "item"
    assert len(prepared["author"]) == len(item["author"]) + 1
    prepared["author"][0]["family"] = "X"
    assert json.dumps(item, sort_keys=True) == before


def test_fix_formatted_only_touches_the_name_list() -> None:
    text = "\ue000吕 茹月, 顾 路路, \ue002. 外泌体 分泌\ue001. 中国组织工程研究"
    # no title start marker before the names here: everything up to the first ". " is the name list
    fixed = fix_formatted(text.replace("\ue000", ""), chinese=True, type_code="J")
    assert fixed == "吕茹月, 顾路路, 等. 外泌体 分泌[J]. 中国组织工程研究"


def test_style_is_a_setting() -> None:
    assert style_path(VANCOUVER).name == "nlm-citation-sequence.csl"
    assert style_path(GBT).name == "china-national-standard-gb-t-7714-2015-numeric.csl"
    apa = Formatter("apa")
    assert "(2022)" in apa.format(han_2022(), et_al=False).text
    with pytest.raises(ConfigError, match=r"^style_en / style_zh: unknown CSL style 'no-such-style'"):
        Formatter("no-such-style")


def test_formatted_references_are_answered_from_memory(monkeypatch) -> None:
    vancouver = Formatter(VANCOUVER)
    items = [han_2022(id=f"r{n}", volume=str(n), page=f"{n}-{n + 9}") for n in range(100)]
    first = [vancouver.format(item, et_al=n % 2 == 0) for n, item in enumerate(items)]

    def refuse(*args, **kwargs):
        raise AssertionError("formatted again")

    monkeypatch.setattr(vancouver, "_format_new", refuse)
    again = [vancouver.format(item, et_al=n % 2 == 0) for n, item in enumerate(items)]
    assert first == again
    assert len({f.text for f in first}) == 100


def test_an_item_with_nothing_to_format_shows_its_printed_text() -> None:
    formatted = get_formatter(GBT).format({"type": "document"}, et_al=False, raw="see <online> data & more")
    assert formatted.text == "see <online> data & more"
    assert formatted.html == "see &lt;online&gt; data &amp; more"
    assert get_formatter(GBT).format({"type": "document"}, et_al=False).text in ("", ".")


def test_the_reference_language_wins_over_the_edition_language() -> None:
    gbt = get_formatter(GBT)
    english = gbt.format(han_2022(), et_al=True, lang="zh").text
    assert english.startswith("HAN Q F, LI W J, HU K S, et al. ")
    chinese = gbt.format(SAMPLE_ITEMS["30"]["item"], et_al=True, lang="en").text
    assert chinese.startswith("马元, 庄雪莹, 陈旭, 等. ")
    untitled = {"type": "article-journal", "issued": {"date-parts": [[2020]]}, "volume": "3"}
    assert reference_language(untitled) is None
    assert reference_language({"type": "book", "title": "外泌体"}) == "zh"


def _zh(kind: str, **fields: object) -> dict:
    return {"id": "x", "type": kind, "author": [{"family": "王", "given": "伟"}], "language": "zh", **fields}


def test_gbt_writes_the_type_code_of_a_patent_or_standard_after_its_number() -> None:
    patent = _zh(
        "patent", title="一种外泌体的分离纯化方法", number="CN112345678A", issued={"date-parts": [[2021, 2, 19]]}
    )
    assert get_formatter(GBT).format(patent).text == "王伟. 一种外泌体的分离纯化方法: CN112345678A[P]. 2021-02-19."
    standard = _zh(
        "standard",
        title="信息与文献 参考文献著录规则",
        number="GB/T 7714—2015",
        publisher="中国标准出版社",
        **{"publisher-place": "北京"},
        issued={"date-parts": [[2015]]},
    )
    assert (
        "参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015." in get_formatter(GBT).format(standard).text
    )


def test_chinese_editors_are_written_without_a_space_inside_their_names() -> None:
    chapter = _zh(
        "chapter",
        title="外泌体",
        editor=[{"family": "王", "given": "五"}, {"family": "欧阳", "given": "明"}],
        **{"container-title": "细胞生物学", "publisher-place": "北京"},
        publisher="科学出版社",
        issued={"date-parts": [[2018]]},
        page="12-30",
    )
    assert "外泌体[M]//王五, 欧阳明. 细胞生物学." in get_formatter(GBT).format(chapter).text
    assert "In: 王五, 欧阳明, editors. 细胞生物学." in get_formatter(VANCOUVER).format(chapter).text


def test_a_title_ending_in_a_question_mark_takes_no_full_stop() -> None:
    item = han_2022(title="Exosomes in cancer: friend or foe?")
    assert "friend or foe? Mol Cancer." in get_formatter(VANCOUVER).format(item).text
    assert "friend or foe?[J]. Mol Cancer" in get_formatter(GBT).format(item).text


def test_vancouver_dates_keep_the_spaces_between_their_parts() -> None:
    page = {
        "id": "x",
        "type": "webpage",
        "author": [{"literal": "ISEV"}],
        "title": "MISEV guidelines",
        "URL": "https://www.isev.org/misev",
        "issued": {"date-parts": [[2023]]},
        "accessed": {"date-parts": [[2024, 1, 2]]},
    }
    assert "2023 [cited 2024 Jan 2]." in get_formatter(VANCOUVER).format(page).text
    news = _zh("article-newspaper", title="外泌体新进展", issued={"date-parts": [[2021, 5, 6]]}, page="8")
    news["container-title"] = "科技日报"
    assert get_formatter(VANCOUVER).format(news).text.endswith("科技日报. 2021 May 6:8.")
    assert get_formatter(GBT).format(news).text.endswith("科技日报, 2021-05-06(8).")


def test_editions_as_each_style_writes_them() -> None:
    book = _zh("book", title="内科学", edition="9", publisher="人民卫生出版社", issued={"date-parts": [[2018]]})
    book["publisher-place"] = "北京"
    assert get_formatter(GBT).format(book).text == "王伟. 内科学[M]. 9版. 北京: 人民卫生出版社, 2018."
    english = {
        "id": "x",
        "type": "book",
        "author": [{"family": "Alberts", "given": "B."}],
        "title": "Molecular biology of the cell",
        "edition": "6",
        "publisher": "Garland Science",
        "publisher-place": "New York",
        "issued": {"date-parts": [[2014]]},
    }
    assert "cell[M]. 6th ed. New York: Garland Science, 2014." in get_formatter(GBT).format(english).text
    assert "cell. 6th ed. New York: Garland Science; 2014." in get_formatter(VANCOUVER).format(english).text


def test_an_edited_book_names_its_editors_once() -> None:
    book = {
        "id": "x",
        "type": "book",
        "editor": [{"family": "Jones", "given": "K."}, {"family": "Smith", "given": "L."}],
        "title": "Extracellular vesicles in health and disease",
        "edition": "2",
        "publisher": "Springer",
        "publisher-place": "Berlin",
        "issued": {"date-parts": [[2018]]},
    }
    assert get_formatter(VANCOUVER).format(book).text == (
        "Jones K, Smith L, editors. Extracellular vesicles in health and disease. 2nd ed. Berlin: Springer; 2018."
    )
    chinese = {
        **_zh("book", title="内科学", issued={"date-parts": [[2018]]}),
        "editor": [{"family": "王", "given": "伟"}],
    }
    del chinese["author"]
    assert get_formatter(VANCOUVER).format(chinese).text == "王伟, editor. 内科学. 2018."


def test_gbt_code_follows_a_standard_number_holding_dots() -> None:
    standard = _zh(
        "standard", title="医疗器械生物学评价 第5部分", number="GB/T 16886.5—2017", issued={"date-parts": [[2017]]}
    )
    assert "第5部分: GB/T 16886.5—2017[S]." in get_formatter(GBT).format(standard).text


def test_only_what_follows_the_title_is_mended() -> None:
    chapter = _zh(
        "chapter",
        title="Guide to 2nd 版 printing",
        **{"container-title": "细胞 生物学 手册", "publisher-place": "北京"},
        publisher="科学出版社",
        issued={"date-parts": [[2018]]},
    )
    text = get_formatter(GBT).format(chapter).text
    assert "Guide to 2nd 版 printing[M]//细胞 生物学 手册." in text


def test_translators_as_each_style_writes_them() -> None:
    """GB/T 7714 names the translators after the title, closed up and labelled 译 in a Chinese reference, ``trans.``
    (and ``et al.``) in another; the Vancouver style names them only in an author's absence."""
    parsed = parse_reference("[美] 温伯格. 癌生物学[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009.")
    assert (
        get_formatter(GBT).format(parsed.item).text
        == "温伯格. 癌生物学[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009."
    )
    assert get_formatter(VANCOUVER).format(parsed.item).text == "温伯格. 癌生物学. 北京: 科学出版社; 2009."
    english = parse_reference(
        "Deleuze G. Capitalism and schizophrenia. Translated by Robert Hurley, Helen R. Lane, Mark Seem and Ann Smith. "
        "New York: Viking; 1977."
    ).item
    assert get_formatter(GBT).format(english).text == (
        "DELEUZE G. Capitalism and schizophrenia[M]. HURLEY R, LANE H R, SEEM M, et al., trans. New York: Viking, 1977."
    )
    unsigned = {key: value for key, value in english.items() if key != "author"}
    assert get_formatter(VANCOUVER).format(unsigned).text.startswith("Hurley R, Lane HR, Seem M, Smith A, translators.")


def test_an_article_with_translators_is_written_by_citeproc_in_both_paths() -> None:
    """The native writer takes no translators: such an article is written as citeproc-py writes it."""
    item = {**han_2022(), "translator": [{"family": "詹", "given": "启敏"}]}
    for style in (VANCOUVER, GBT):
        formatter = Formatter(style)
        prepared = _prepared(item, False)
        assert formatter.native is not None and formatter.native(prepared) is None
        assert (
            formatter.format(item).text == formatter.format({k: v for k, v in item.items() if k != "translator"}).text
        )


def test_a_gbt_2005_chapter_is_written_with_its_editors_and_book_in_both_styles() -> None:
    """``题名[A]. 张三, 李四. 书名[C].`` is written as GB/T 7714-2015 writes a conference paper (``[C]//张三, 李四. 书名``)
    and as Vancouver writes a chapter (``In: …, editors. Book.``); the native writer, for articles only, leaves it to
    citeproc-py."""
    chinese = parse_reference("王五. 外泌体的生物学[A]. 张三, 李四. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.").item
    english = parse_reference(
        "Smith J. Exosome biology[A]. In: Jones K, Lee M, eds. Extracellular vesicles[M]. Boston: Springer, 2010: 1-10."
    ).item
    for item in (chinese, english):
        for style in (VANCOUVER, GBT):
            formatter = Formatter(style)
            assert formatter.native is not None and formatter.native(_prepared(item, False)) is None
    assert get_formatter(GBT).format(chinese).text == (
        "王五. 外泌体的生物学[C]//张三, 李四. 细胞生物学. 北京: 科学出版社, 2015: 12-30."
    )
    assert get_formatter(VANCOUVER).format(chinese).text == (
        "王五. 外泌体的生物学. In: 张三, 李四, editors. 细胞生物学. 北京: 科学出版社; 2015. p. 12–30."
    )
    assert get_formatter(GBT).format(english).text == (
        "SMITH J. Exosome biology[M]//JONES K, LEE M. Extracellular vesicles. Boston: Springer, 2010: 1-10."
    )
    assert get_formatter(VANCOUVER).format(english).text == (
        "Smith J. Exosome biology. In: Jones K, Lee M, editors. Extracellular vesicles. Boston: Springer; 2010. p. 1–10."
    )


# Styles of every kind a setting may name: the two defaults and others that write editors with "and", "&" or
# a label, before or after the names.
EDITOR_STYLES = [
    VANCOUVER,
    GBT,
    "china-national-standard-gb-t-7714-2015-author-date",
    "apa",
    "harvard-cite-them-right",
    "chicago-author-date",
    "ieee",
    "modern-language-association",
    "american-medical-association",
    "elsevier-harvard",
]


# The texts of an English and a Chinese edited book and chapter: publisher, place, author, chapter, book
EDITED_TEXTS = {
    False: ("Springer", "Boston", {"family": "Smith", "given": "J."}, "Exosome biology", "Extracellular vesicles"),
    True: ("科学出版社", "北京", {"family": "王", "given": "伟"}, "外泌体", "细胞生物学"),
}
JONES = {"family": "Jones", "given": "K."}
LEE = {"family": "Lee", "given": "M."}
WANG = {"family": "王", "given": "五"}
ZHAO = {"family": "赵", "given": "六"}


def _edited(kind: str, editors: list[dict[str, str]], *, chinese: bool = False) -> dict:
    """A chapter in a book of ``editors`` (``kind`` chapter), or the book itself (``kind`` book)."""
    publisher, place, author, chapter, book = EDITED_TEXTS[chinese]
    item = {"id": "x", "type": kind, "editor": editors, "publisher": publisher, "publisher-place": place}
    item.update(issued={"date-parts": [[2010]]}, title=book, **({"language": "zh"} if chinese else {}))
    if kind == "chapter":
        item.update(author=[author], title=chapter, page="1-10", **{"container-title": book})
    return item


# (style, a chapter or an edited book, how many editors, its language, the editors as written, cut short)
EDITED = [
    (VANCOUVER, "chapter", 2, "en", "In: Jones K, Lee M, editors.", "In: Jones K, Lee M, et al., editors."),
    (VANCOUVER, "book", 1, "en", "Jones K, editor. Extracellular", "Jones K, et al., editors. Extracellular"),
    (VANCOUVER, "chapter", 2, "zh", "In: 王五, 赵六, editors.", "In: 王五, 赵六, 等, editors."),
    (VANCOUVER, "book", 1, "zh", "王五, editor. 细胞生物学.", "王五, 等, editors. 细胞生物学."),
    (GBT, "chapter", 2, "en", "[M]//JONES K, LEE M. Extracellular", "[M]//JONES K, LEE M, et al. Extracellular"),
    (GBT, "book", 1, "en", "JONES K. Extracellular vesicles[M].", "JONES K, et al. Extracellular vesicles[M]."),
    (GBT, "chapter", 2, "zh", "外泌体[M]//王五, 赵六. 细胞生物学.", "外泌体[M]//王五, 赵六, 等. 细胞生物学."),
    (GBT, "book", 1, "zh", "王五. 细胞生物学[M].", "王五, 等. 细胞生物学[M]."),
    ("apa", "chapter", 1, "en", "In K. Jones (Ed.), Extracellular", "In K. Jones et al. (Eds.), Extracellular"),
    ("apa", "chapter", 2, "en", "In K. Jones & M. Lee (Eds.),", "In K. Jones, M. Lee, et al. (Eds.),"),
]


@pytest.mark.parametrize(("style", "kind", "count", "lang", "plain", "cut"), EDITED)
def test_an_editor_list_cut_short_ends_in_the_styles_et_al_term(
    style: str, kind: str, count: int, lang: str, plain: str, cut: str
) -> None:
    """``editors_et_al`` ends the editors in the et-al term as each style writes it (after the names, in place of
    the "and" before a last name, ``等`` in a Chinese reference); without it the editors are written as before."""
    editors = ([JONES, LEE] if lang == "en" else [WANG, ZHAO])[:count]
    item = _edited(kind, editors, chinese=lang == "zh")
    formatter = get_formatter(style)
    without = formatter.format(item).text
    assert plain in without and "et al" not in without and "等" not in without
    with_term = formatter.format(item, editors_et_al=True).text
    assert cut in with_term
    assert with_term.replace(cut, plain) == without  # the rest as it was, the editors named once
    assert formatter.format(item, et_al=True, editors_et_al=False).text != with_term


@pytest.mark.parametrize("style", EDITOR_STYLES)
@pytest.mark.parametrize("kind", ["chapter", "book"])
def test_every_style_ends_an_editor_list_cut_short_in_its_et_al_term(style: str, kind: str) -> None:
    """The editors of a chapter's book, or of an edited book in the author's place, end in ``et al.`` (``, 等`` in a
    Chinese reference) in each style, with no "and" before it and no full stop written twice."""
    formatter = get_formatter(style)
    english, chinese = _edited(kind, [JONES]), _edited(kind, [WANG], chinese=True)
    for item, term, other in ((english, "et al.", "等"), (chinese, ", 等", "et al")):
        without = formatter.format(item).text
        cut = formatter.format(item, editors_et_al=True).text
        assert term not in without and term in cut, cut
        assert other not in cut and "\ue003" not in cut, cut
        assert not re.search(r"(?:and|&) (?:et al|等)|et al\.\.|等\.\.|,,", cut), cut
    assert formatter.format(english, editors_et_al=True).text != formatter.format(english, et_al=True).text


def test_an_editor_list_cut_short_without_editors_changes_nothing() -> None:
    """``editors_et_al`` on an item naming no editors (an article) leaves it as it is, in both paths."""
    for style in (VANCOUVER, GBT):
        formatter = Formatter(style)
        assert formatter.format(han_2022(), editors_et_al=True) == formatter.format(han_2022())
        assert _prepared(han_2022(), False, True) == _prepared(han_2022(), False)


HAN_ET_AL = "Han QF, Li WJ, Hu KS, et al. Exosome biogenesis. Mol Cancer. 2022;21(1):207."
MA_ET_AL = "马元, 庄雪莹, 陈旭, 等. 间充质干细胞外泌体的研究进展[J]. 中国医科大学学报, 2021, 50(10): 944-947."


@pytest.mark.parametrize(
    ("style", "english", "chinese"),
    [
        ("apa", "Han, Q. F., Li, W. J., Hu, K. S., et al. (2022).", "马元, 庄雪莹, 陈旭, 等. (2021)."),
        ("chicago-author-date", "Han, Q. F., W. J. Li, K. S. Hu, et al. 2022.", "马元, 庄雪莹, 陈旭, 等. 2021."),
        ("ieee", "Q. F. Han, W. J. Li, K. S. Hu, et al., “Exosome", "马元, 庄雪莹, 陈旭, 等, “间充质"),
        ("elsevier-harvard", "Han, Q.F., Li, W.J., Hu, K.S., et al., 2022.", "马元, 庄雪莹, 陈旭, 等, 2021."),
        (VANCOUVER, "Han QF, Li WJ, Hu KS, et al. Exosome", "马元, 庄雪莹, 陈旭, 等. 间充质"),
        (GBT, "HAN Q F, LI W J, HU K S, et al. Exosome", "马元, 庄雪莹, 陈旭, 等. 间充质"),
    ],
)
def test_an_author_list_cut_short_ends_in_the_term_without_the_styles_and(
    style: str, english: str, chinese: str
) -> None:
    """An author list the source cut short ends in ``et al.`` (``, 等`` in a Chinese reference) where the style
    writes "and" or "&" before a last name (never ``Hu, K. S., & et al.``), its full stop not written twice;
    the two default styles write it after the names."""
    formatter = get_formatter(style)
    for raw, expected in ((HAN_ET_AL, english), (MA_ET_AL, chinese)):
        parsed = parse_reference(raw)
        assert parsed.et_al
        text = formatter.format(parsed.item, et_al=True).text
        assert expected in text and text.index(expected) <= len("[1]"), text
        assert not re.search(r"(?:and|&) (?:et al|等)|et al\.\.|等\.\.", text), text


@pytest.mark.parametrize("style", EDITOR_STYLES)
def test_chinese_names_are_written_whole_in_every_style(style: str) -> None:
    """A Chinese name is written family name first with no space and no initials in every style (never
    ``马, . 元 .`` nor ``. 元 . 马``, as styles that make initials of given names or put them first would write it);
    Latin names are left to the style."""
    formatter = get_formatter(style)
    item = parse_reference(MA_ET_AL).item
    text = formatter.format(item, et_al=True).text
    assert all(name in text for name in ("马元", "庄雪莹")) or (text.startswith("马元") and "等" in text), text
    assert not re.search(r"[\u4e00-\u9fff] \.|\. [\u4e00-\u9fff]+ \.", text), text
    editors = formatter.format(_edited("chapter", [WANG, ZHAO], chinese=True)).text
    assert "王五" in editors and "王 五" not in editors and ". 五" not in editors, editors


def test_a_label_takes_the_title_case_its_style_gives_it() -> None:
    """A style's title case applies to its labels (terms of its English locale): APA's editors are ``(Ed.)`` and
    ``(Eds.)``, not ``(ed.)``; a label with no case of its own keeps the locale's (Vancouver's ``editors``)."""
    chapter = _edited("chapter", [JONES])
    assert "In K. Jones (Ed.), Extracellular" in get_formatter("apa").format(chapter).text
    two = _edited("chapter", [JONES, LEE], chinese=True)
    assert "(Eds.)" in get_formatter("apa").format(two).text
    assert "In: Jones K, editor." in get_formatter(VANCOUVER).format(chapter).text


# twelve Chinese editors: every style that cuts a list short itself cuts this one
MANY_CHINESE = [{"family": family, "given": "一"} for family in "李王张刘陈杨黄赵吴周徐孙"]


@pytest.mark.parametrize("style", EDITOR_STYLES)
@pytest.mark.parametrize("kind", ["chapter", "book"])
def test_a_list_the_style_cuts_short_ends_in_deng_in_a_chinese_reference(style: str, kind: str) -> None:
    """Where a style cuts a long list of editors short itself (MLA after two names, NLM after six), a Chinese
    reference ends it in ``, 等`` as it ends a list its source cut short: never the style's ``et al.`` after the
    title (``edited by 李一 et al.``), nor ``等.`` before a comma or a bracket (``李一, 等., editors``,
    ``李一 等. (eds.)``); an English reference keeps the style's term."""
    formatter = get_formatter(style)
    chinese = formatter.format(_edited(kind, MANY_CHINESE, chinese=True))
    assert "et al" not in chinese.text, chinese.text
    assert not re.search(r"等\.\s*[,(]|[^,] 等|<i>等", chinese.html), chinese.html
    assert all(chinese.text[i - 2 : i] == ", " for i, char in enumerate(chinese.text) if char == "等"), chinese.text
    english = formatter.format(_edited(kind, [JONES] * 12)).text
    assert "等" not in english
    if "等" in chinese.text:
        assert "et al" in english, english


@pytest.mark.parametrize(
    "style",
    [
        "apa",
        "harvard-cite-them-right",
        "modern-language-association",
        "american-medical-association",
        "chicago-author-date",
        "chicago-notes-bibliography",
        "chicago-notes-bibliography-16th-edition",
    ],
)
def test_an_edited_book_with_no_author_names_its_editors_once_in_every_style(style: str) -> None:
    """The editors of a book with no author stand in the author's place and are not named again after the title
    (CSL suppresses a substituted variable in the rest of the output: APA wrote ``Title (K. Jones & M. Lee,
    Eds.)``, Harvard and MLA ``Edited by K. Jones and M. Lee``, AMA ``(Jones K, Lee M, eds.)``; Chicago, whose
    editors stand in a ``<choose>`` or a macro of its substitute, ``Edited by K. Jones and M. Lee``); a chapter's
    editors are still named with its book."""
    formatter = get_formatter(style)
    book = formatter.format(_edited("book", [JONES, LEE])).text
    assert book.count("Jones") == 1 and book.count("Lee") == 1, book
    assert book.index("Jones") < book.index("Extracellular"), book
    chapter = formatter.format(_edited("chapter", [JONES, LEE])).text
    assert "Jones" in chapter and "Smith" in chapter, chapter


@pytest.mark.parametrize(
    ("style", "year"),
    [
        ("chicago-author-date", " 2010."),
        ("chicago-notes-bibliography", ""),
        ("chicago-author-date-17th-edition", " 2010."),
    ],
)
def test_editors_substituted_inside_a_choose_keep_the_names_settings_of_their_style(style: str, year: str) -> None:
    """Chicago's editors of a book with no author, written by a ``<names variable="editor"/>`` inside a
    ``<choose>`` of its substitute, take the name, "and" and label of the enclosing ``<names>`` (the first name
    inverted, ``and``, ``eds.``): citeproc-py wrote ``K. Jones, M. Lee. 2010.``; and only the first names of the
    branch that has any stand in the author's place (an edited translation named its editors and translators
    together, ``K. JonesM. Lee.``)."""
    formatter = get_formatter(style)
    two = formatter.format(_edited("book", [JONES, LEE])).text
    assert two.startswith(f"Jones, K., and M. Lee, eds.{year} Extracellular Vesicles."), two
    assert formatter.format(_edited("book", [JONES])).text.startswith(f"Jones, K., ed.{year} Extracellular"), style
    translated = formatter.format({**_edited("book", [JONES]), "translator": [LEE]}).text
    assert translated.startswith(f"Jones, K., ed.{year} Extracellular Vesicles. Translated by M. Lee."), translated


def test_the_names_standing_in_a_missing_author_are_not_named_again() -> None:
    """A translated book with no author or editor names its translators in the author's place only (APA wrote
    ``Title (K. Jones & M. Lee, Trans.). (2010). Title (K. Jones & M. Lee, Trans.).``), and a chapter's host
    named by its editors does not name them again as editors (New Hart's Rules wrote ``in K. Jones and M. Lee,
    Extracellular Vesicles, ed. K. Jones and M. Lee (Cham: Springer)``)."""
    translated = {key: value for key, value in _edited("book", []).items() if key != "editor"}
    translated["translator"] = [JONES, LEE]
    text = get_formatter("apa").format(translated).text
    assert text.count("Jones") == 1 and text.count("Lee") == 1, text
    chapter = get_formatter("new-harts-rules-author-date-publisher").format(_edited("chapter", [JONES, LEE])).text
    assert chapter.count("Jones") == 1 and "Smith" in chapter, chapter


# A book with no author, editor or translator: its title stands in the author's place
NO_NAMES = {"id": "x", "type": "book", "title": "Exosome biology", "publisher": "Springer"}
NO_NAMES["issued"] = {"date-parts": [[2020]]}


@pytest.mark.parametrize(
    ("style", "written"),
    [
        ("apa", "Exosome biology. (2020). Springer."),
        ("chicago-author-date", "Exosome Biology. 2020. Springer."),
        ("chicago-notes-bibliography", "Exosome Biology. Springer, 2020."),
        ("harvard-cite-them-right", "Exosome biology (2020). Springer."),
        ("elsevier-harvard", "Exosome biology, 2020. Springer."),
        ("modern-language-association", "Exosome Biology. Springer, 2020."),
        ("american-medical-association", "Exosome Biology. Springer; 2020."),
        ("ieee", "Exosome biology. Springer, 2020."),
        (VANCOUVER, "Exosome biology. Springer; 2020."),
        (GBT, "Exosome biology[M]. Springer, 2020."),
        ("china-national-standard-gb-t-7714-2015-author-date", "佚名, 2020. Exosome biology[M]. Springer."),
    ],
)
def test_a_title_standing_in_a_missing_author_is_not_written_again(style: str, written: str) -> None:
    """A book with no names writes its title once where a style's substitute writes it in the author's place (CSL
    suppresses a substituted variable in the rest of the output; through a ``<text macro>`` or a ``<choose>``
    citeproc-py did not: APA wrote ``Exosome biology. (2020). Exosome biology. Springer.``, Chicago, Harvard, MLA
    and AMA likewise), without the punctuation the style writes around the title left behind (Elsevier's ``2020. .
    Springer.``); an edition written with the title is not written again either (APA's ``(2nd ed.). (2020). (2nd
    ed.).``)."""
    formatter = get_formatter(style)
    assert formatter.format(NO_NAMES).text.endswith(written)
    edition = formatter.format({**NO_NAMES, "edition": "2"}).text
    assert edition.count("Exosome") == 1 and len(re.findall(r"2nd|Second", edition, re.IGNORECASE)) == 1, edition
    if style == "apa":
        assert edition == "Exosome biology (2nd ed.). (2020). Springer."


def test_stray_punctuation_is_cleared_where_a_variable_was_left_out() -> None:
    """The marks around a variable left out meet as one, the strongest standing for them; an abbreviation's full stop
    before a comma or colon, an ellipsis and an entity's semicolon stay."""
    assert without_stray_punctuation("Title, 2020. . Springer.") == "Title, 2020. Springer."
    assert without_stray_punctuation("Title (2020):. Springer") == "Title (2020). Springer"
    assert (
        without_stray_punctuation("<b><i>Title</i> (2020). </b>. Springer.") == "<b><i>Title</i> (2020).</b> Springer."
    )
    assert without_stray_punctuation("Titre 2020 : , Cham") == "Titre 2020 : Cham"  # a space before a colon kept
    assert (
        without_stray_punctuation("Jones, K., &amp;. Lee, ed.: Title... . x")
        == "Jones, K., &amp;. Lee, ed.: Title... . x"
    )


def test_a_closing_quote_left_by_a_title_left_out_goes_with_the_stray_marks() -> None:
    """A closing quote a style writes with the mark after a title goes with the marks around it when the title was
    left out, as it opens no quote (Journal of Small Business Management wrote an article with no author, its title
    in the author's place, ``Exosome Biogenesis. (2022).” Molecular Cancer``); one closing an open quote stays,
    and one after a single mark is the style's."""
    assert without_stray_punctuation("Title. (2022). ,” <i>Journal</i>") == "Title. (2022). <i>Journal</i>"
    assert without_stray_punctuation("“Title. ,” <i>Journal</i>") == "“Title.” <i>Journal</i>"
    assert without_stray_punctuation("„Title. ,” Journal") == "„Title.” Journal"
    assert without_stray_punctuation("(2022). “Title,” Journal") == "(2022). “Title,” Journal"
    article = {"type": "article-journal", "title": "Exosome biogenesis", "container-title": "Molecular Cancer"}
    article |= {"volume": "21", "page": "207-215", "issued": {"date-parts": [[2022]]}}
    written = get_formatter("journal-of-small-business-management").format(article).text
    assert written == "Exosome Biogenesis. (2022). Molecular Cancer, 21, 207–215.", written


@pytest.mark.parametrize(
    ("markup", "cleared"),
    [
        # an apostrophe between letters opens and closes no quote
        ("‘Smith’s exosomes. ,’ <i>Journal</i>", "‘Smith’s exosomes.’ <i>Journal</i>"),
        ("Smith’s exosomes. (2022). ,’ <i>Journal</i>", "Smith’s exosomes. (2022). <i>Journal</i>"),
        # a German quotation is closed by “ and ‘
        ("„Exosomen“ (2022). ,” <i>Journal</i>", "„Exosomen“ (2022). <i>Journal</i>"),
        ("‚Exosomen‘ (2022). ,’ <i>Journal</i>", "‚Exosomen‘ (2022). <i>Journal</i>"),
        ("„Exosomen“ und „Vesikel. ,” <i>Journal</i>", "„Exosomen“ und „Vesikel.” <i>Journal</i>"),
    ],
)
def test_a_closing_quote_after_stray_marks_closes_only_a_quote_left_open(markup: str, cleared: str) -> None:
    """``’`` between letters is an apostrophe, not a closing quote; ``“`` closes a German ``„``: neither leaves a
    quote open for the closing quote after the stray marks."""
    assert without_stray_punctuation(markup) == cleared


NO_AUTHOR_ARTICLE = {"type": "article-journal", "title": "Exosome biogenesis", "container-title": "Molecular Cancer"}
NO_AUTHOR_ARTICLE |= {"volume": "12", "page": "1-10", "issued": {"date-parts": [[2020]]}}
SMITH = [{"family": "Smith", "given": "J."}]


@pytest.mark.parametrize(
    ("style", "item", "written"),
    [
        ("ieee", NO_NAMES, "<i>Exosome biology</i>. Springer, 2020."),
        ("ieee", {**NO_NAMES, "author": SMITH}, "J. Smith, <i>Exosome biology</i>. Springer, 2020."),
        ("ieee", NO_AUTHOR_ARTICLE, "“Exosome biogenesis”, <i>Molecular Cancer</i>, vol. 12, pp. 1–10, 2020."),
        (
            "ieee",
            {**NO_AUTHOR_ARTICLE, "author": SMITH},
            "J. Smith, “Exosome biogenesis”, <i>Molecular Cancer</i>, vol. 12, pp. 1–10, 2020.",
        ),
        ("american-heart-association", NO_AUTHOR_ARTICLE, "Anon. Exosome biogenesis. <i>Molecular Cancer</i>."),
        ("american-heart-association", {**NO_AUTHOR_ARTICLE, "author": SMITH}, "Smith J. Exosome biogenesis."),
        ("angewandte-chemie", NO_NAMES, "<i>Exosome biology</i>, Springer, <b>2020</b>."),
    ],
)
def test_the_list_number_of_a_numeric_style_is_taken_off_every_entry_whole(
    style: str, item: dict, written: str
) -> None:
    """The number a numeric style writes before an entry (IEEE's ``[1]``, ``1.``) is taken off every entry, with the
    spaces and a delimiter after it, and nothing of the entry's own text: IEEE wrote ``[1]J. Smith`` and ``[1]Exosome
    biology`` yet ``Exosome biogenesis”, Molecular Cancer`` (the quote before the title taken for the number's)."""
    assert get_formatter(style).format(item).html.startswith(written)


@pytest.mark.parametrize(
    ("page", "written"),
    [("1-10", "1–10"), ("42-45", "42–45"), ("321-328", "321–28"), ("2787-2816", "2787–816"), ("98-102", "98–102")],
)
def test_minimal_two_page_ranges_keep_two_digits_of_the_end_page(page: str, written: str) -> None:
    """MLA writes page ranges ``minimal-two``: the digits the end page shares with the first left out, two at
    least written, an end page of another length whole (``1-10`` was written ``1–0``)."""
    item = _edited("chapter", [JONES])
    item["page"] = page
    assert f"pp. {written}." in get_formatter("modern-language-association").format(item).text


@pytest.mark.parametrize(
    ("page", "written"),
    [
        ("71-72", "71–72"),
        ("600-613", "600–613"),
        ("107-108", "107–8"),
        ("1002-1006", "1002–6"),
        ("321-328", "321–28"),
        ("1496-1504", "1496–504"),
        ("11564-11568", "11564–68"),
        ("12991-13001", "12991–3001"),
    ],
)
def test_chicago_page_ranges_follow_its_rules(page: str, written: str) -> None:
    """Chicago 16's page ranges (CSL ``chicago-16``): from a page under 100 or a multiple of 100 written whole, from
    101–109 of a hundred the changed part, from 110–199 two digits or more; citeproc-py applied Chicago 15's rule of
    four digits of which three change written whole (``1496–1504``), dropped in Chicago 16."""
    item = {"id": "x", "type": "article-journal", "title": "Exosome biology", "author": [JONES]}
    item.update({"container-title": "Cell", "volume": "3", "page": page, "issued": {"date-parts": [[2010]]}})
    assert f": {written}." in get_formatter("chicago-author-date").format(item).text


def test_chicago_15_writes_four_digits_whole_when_three_change() -> None:
    """Before Chicago 16 a range of four-digit pages changing three digits is written whole (``1496–1504``); pages
    of five digits follow the rule of their hundreds (``12991–3001``, ``13792–803``)."""
    assert _chicago_range("chicago-15", "1496", "1504") == "expanded"
    assert _chicago_range("chicago-15", "12991", "13001") == "minimal-two"
    assert _chicago_range("chicago-15", "13792", "13803") == "minimal-two"
    assert _chicago_range("chicago-16", "1496", "1504") == "minimal-two"


@pytest.mark.parametrize(
    ("style", "written"),
    [
        ("chicago-author-date", "Beauvoir, S. de, and J.-P. Sartre. 1953."),
        ("modern-language-association", "Beauvoir, S. de, and J.-P. Sartre. "),
        ("nlm-citation-sequence", "Beauvoir S de, Sartre JP. "),
    ],
)
def test_a_dropping_particle_is_written_after_the_given_names(style: str, written: str) -> None:
    item = parse_reference("Beauvoir, Simone de, and Jean-Paul Sartre. Letters. New York: Knopf, 1953.").item
    assert get_formatter(style).format({**item, "id": "beauvoir"}).text.startswith(written)
