"""Citation markers: ranges, lists, damaged forms, sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Citation
from evdigest.sources.citations import (
    DOTTED,
    LOST_END,
    LOST_START,
    SUPERSCRIPT,
    CitationIndex,
    expand,
    find_markers,
    split_sentences,
    strip_markers,
)


@pytest.mark.parametrize(
    ("spec", "numbers"),
    [
        ("1-6", (1, 2, 3, 4, 5, 6)),
        ("5-6, 46", (5, 6, 46)),
        ("5-6, 46-48", (5, 6, 46, 47, 48)),
        ("1,3", (1, 3)),
        ("3，5～7", (3, 5, 6, 7)),
        ("21,22", (21, 22)),
        ("2－3", (2, 3)),
        ("9-4", (9, 4)),  # reversed: only the two ends
        ("1-2, 2", (1, 2)),
    ],
)
def test_expand(spec: str, numbers: tuple[int, ...]) -> None:
    assert expand(spec) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("应用^[1-6]。", [(1, 2, 3, 4, 5, 6)]),
        ("前体^[5-6, 46]。", [(5, 6, 46)]),
        ("囊泡[1-2],起源", [(1, 2)]),
        ("研究[47]。", [(47,)]),
        ("诊断［2－3］，差异", [(2, 3)]),
        ("PATEL 等 ^[57]", [(57,)]),
        ("a[1]b[2]c", [(1,), (2,)]),
        ("[J]. Cell", []),
    ],
)
def test_find_markers(text: str, numbers: list[tuple[int, ...]]) -> None:
    assert [m.numbers for m in find_markers(text)] == numbers
    assert not any(m.damaged for m in find_markers(text))


def test_range_with_lost_start_follows_the_highest_cited() -> None:
    (marker,) = find_markers("纳米级颗粒[-3]。")
    assert marker.numbers == (1, 2, 3) and marker.damaged
    (marker,) = find_markers("颗粒[-9]。", highest_so_far=6)
    assert marker.numbers == (7, 8, 9)


def test_range_with_lost_end_and_unclosed_marker_are_damaged() -> None:
    lost_end, unclosed = find_markers("变化[10-],因此 Mitchell等[1通过")
    assert lost_end.numbers == (10,) and lost_end.damaged
    assert unclosed.numbers == () and unclosed.damaged and unclosed.text == "[1"


def test_split_sentences() -> None:
    paragraph = "第一句^[1]。第二句！第三句？“引号。”最后没有句号"
    assert split_sentences(paragraph) == ["第一句^[1]。", "第二句！", "第三句？", "“引号。”", "最后没有句号"]


def test_strip_markers() -> None:
    assert strip_markers("应用^[1-6]。研究[47]。") == "应用。研究。"


def test_index_by_section_and_sentence() -> None:
    index = CitationIndex.empty(range(1, 10))
    index.add_text("2.1", "外泌体很小^[1-2]。它们广泛存在^[2]。没有引用。")
    index.add_sentence("表 1", "PATEL 等 ^[3] | 2019 年")
    assert index.cited[1] == [Citation("2.1", "外泌体很小^[1-2]。")]
    assert [c.sentence for c in index.cited[2]] == ["外泌体很小^[1-2]。", "它们广泛存在^[2]。"]
    assert index.cited[3] == [Citation("表 1", "PATEL 等 ^[3] | 2019 年")]


def test_index_repairs_markers_that_lost_their_dash() -> None:
    index = CitationIndex.empty(range(1, 25))
    index.add_text("1", "液中[47]。其后[8]。")
    assert sorted(index.cited) == [4, 5, 6, 7, 8]
    assert index.damaged == ["[47]"]


def test_index_keeps_unknown_numbers_when_no_repair_fits() -> None:
    index = CitationIndex.empty(range(1, 5))
    index.add_text("1", "文中[99]。")
    assert sorted(index.cited) == [99] and index.damaged == []


def test_same_sentence_is_recorded_once() -> None:
    index = CitationIndex.empty()
    index.add_text(None, "重复^[1]^[1]。")
    assert index.cited[1] == [Citation(None, "重复^[1]^[1]。")]


# Text with markers as printed, written and damaged
_PIECES_AND_DAMAGE = st.sampled_from(
    ["外泌体", "。", "，", " ", "a", "[2]", "[-3]", "[10-]", "[47]", "[4.5]", "[1", "［5，6］", "^[7]", " nm"]
)


@given(st.one_of(st.text(max_size=120), st.lists(_PIECES_AND_DAMAGE, max_size=12).map("".join)))
def test_any_text_indexes_without_error(text: str) -> None:
    index = CitationIndex.empty(range(1, 30))
    index.add_text("1", text)
    for number, places in index.cited.items():
        assert number >= 0 and places
        # sentences hold markers written as the pages link them: compared without markers
        assert all(unmarked(place.sentence) in unmarked(text) for place in places)


def unmarked(text: str) -> str:
    """``text`` without markers of any form (as printed, in superscript digits, damaged, or written ``^[…]``)."""
    for pattern in (SUPERSCRIPT, LOST_START, LOST_END, DOTTED):
        text = pattern.sub("", text)
    return text


def test_a_sentence_citing_several_references_is_one_citation_object() -> None:
    index = CitationIndex.empty(range(1, 6))
    index.add_text("2.1", "外泌体起源于内体[1-3]。ESCRT 复合物分选货物[2,5]。")
    first, second, third = (index.cited[n][0] for n in (1, 2, 3))
    assert first is second is third and first.sentence == "外泌体起源于内体^[1-3]。"
    assert index.cited[2][1] is index.cited[5][0] and len(index.cited[2]) == 2


def test_markers_are_written_as_the_pages_link_them() -> None:
    """Brackets as printed (ASCII, full-width) become ``^[…]``; damaged markers as they were read; a marker
    whose numbers are lost stays as printed; the text between markers and sentences is kept."""
    index = CitationIndex.empty(range(1, 11))
    paragraph = "囊泡[1-2],起源于内体。 由Johnstone发现［3，5～7］。见[47]。与[-9]。等[1通过。标志物[7.9]与[1.55]。"
    assert (
        index.add_text("1", paragraph)
        == "囊泡^[1-2],起源于内体。 由Johnstone发现^[3，5~7]。见^[4-7]。与^[8, 9]。等[1通过。标志物^[7, 9]与[1.55]。"
    )
    assert [c.sentence for c in index.cited[9]] == ["与^[8, 9]。", "标志物^[7, 9]与[1.55]。"]
    assert index.damaged == ["[47]", "[-9]", "[1", "[7.9]", "[1.55]"]
    assert index.add_sentence("表 1", "PATEL 等 ^[3] | 2019 年") == "PATEL 等 ^[3] | 2019 年"


_PIECES = st.sampled_from(
    ["外泌体", "囊泡", "Exosomes ", "，", "。", " ", "[1]", "[2-4]", "［5，6］", "^[7]", "[47]", "[4.5]", "[1.55]"]
)


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_written_markers_read_back_the_same(text: str) -> None:
    """A paragraph with its markers written reads back the same: same citations, same text; only the
    markers' form changed."""
    first = CitationIndex.empty(range(1, 11))
    written = first.add_text("1", text)
    again = CitationIndex.empty(range(1, 11))
    assert again.add_text("1", written) == written
    assert {n: [c.sentence for c in cs] for n, cs in again.cited.items()} == {
        n: [c.sentence for c in cs] for n, cs in first.cited.items()
    }
    assert DOTTED.sub("", written) == DOTTED.sub("", text)  # every marker form, damaged ones too


@pytest.mark.parametrize(
    "text",
    [
        "Wang 2019 | 1.52 [1.13-2.04] | 0.005",  # a confidence interval in a table row
        "OR=2.3 [1.5, 3.6]。",
        "HR=1.9 [1.3-2.8]。",
        "增加了[2.5]倍。",
        "粒径[30, 150] nm。",
        "粒径[20-30] nm。",
        "比例为[10]%。",
        "95% CI [1.2, 3.4]。",  # decimals that rise
        "[1.2, 3.4]",  # a table cell
        "95%置信区间为[1.2, 3.4]。",  # decimals listed, after Chinese text
        "随访时间为[2-4]周。",  # counts
        "纳入[12]例。",
        "[1-5]×10^9 particles/mL。",
        "敏感度 [95% CI]",  # not an unclosed marker either
        "[18F]-FDG显像。",
        "浓度为10⁹个/mL。",  # a power
        "面积为2 cm²。",  # a unit
        "Fe³⁺离子。",  # a charge
        "预测因子⁹⁹。",  # a number the list lacks
        "Rabinowits等人²3一项研究。",  # a superscript run into plain digits: unreadable
        "对照组¹⁾。",  # a footnote mark
        "采用χ²检验，¹³¹I治疗。",  # a statistic, an isotope
        "随访[6]个月。",
    ],
)
def test_brackets_of_quantities_are_not_citations(text: str) -> None:
    """Numbers in brackets that the text shows to be quantities (a unit after them, a number or sign before
    them, decimals) cite nothing and stay as printed, even when the reference list has those numbers."""
    index = CitationIndex.empty(range(1, 31))
    assert index.add_sentence("1", text) == text
    assert not set(index.cited) & set(range(1, 31))


def test_a_marker_citing_numbers_the_list_lacks_stays_as_printed() -> None:
    index = CitationIndex.empty(range(1, 31))
    assert index.add_sentence("1", "见文献[12, 45]。") == "见文献[12, 45]。"
    assert index.add_sentence("1", "见文献[12, 14]。") == "见文献^[12, 14]。"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("IL-6 [7]升高。", [7]),  # a space after a number, as PDF conversion leaves it
        ("in 2019 [12].", [12]),
        ("3.2±0.8 [2]", [2]),
        ("文献^[1]nm。", [1]),  # a superscript is a citation whatever follows
        ("等[4.5]。", [4, 5]),
        ("(MVB)[4.5]。", [4, 5]),
        ("文献[16−18]。", [16, 17, 18]),  # a minus sign for the dash
        ("文献^[10‐12]。", [10, 11, 12]),  # a Unicode hyphen
        ("分布在细胞[3]周围。", [3]),  # 周围 is not a count of weeks
        ("研究[1]-[3]表明。", [1, 2, 3]),  # a range printed as two markers
        ("研究〔13〕表明。", [13]),  # tortoise-shell brackets
        ("循环肿瘤细胞CTC⁹是。", [9]),  # superscript digits
        ("外泌体¹⁰⁻¹²，研究。", [10, 11, 12]),
    ],
)
def test_markers_beside_numbers_and_units_are_still_citations(text: str, cited: list[int]) -> None:
    index = CitationIndex.empty(range(1, 31))
    index.add_sentence("1", text)
    assert sorted(index.cited) == cited


def test_a_number_the_list_skips_is_a_lost_reference_not_a_lost_dash() -> None:
    """With reference 27 missing from a list of 30, ``[27]`` cites 27 (and the build warns that the list lacks
    it); it is not read as 2–7."""
    index = CitationIndex.empty(n for n in range(1, 31) if n != 27)
    assert index.add_sentence("1", "文献[27]报道了类似结果。") == "文献[27]报道了类似结果。"
    assert sorted(index.cited) == [27]
