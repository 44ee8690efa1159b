"""Running headers of another journal than the article's, printed on several pages of a reference list."""

from __future__ import annotations

import pytest

from evdigest.sources.fulltext_reflines import OwnMarks
from evdigest.sources.fulltext_refs import parse_reference_list

OWN = OwnMarks("10.12307/2025.573", ("中国组织工程研究", "Chin J Tissue Eng Res"), "30", "1", ())
DONE = "[5] LI A. Exosome review[J]. Cell Res, 2020, 30(1): 1-9."
BROKEN = (
    "[6] YAN L, WU X. Exosomes produced from 3D cultures of umbilical cord mesenchymal stem cells. Cell Biol Toxicol."
)
BROKEN_ZH = "[7] 马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科"
WRAPPED_ZH = "大学学报, 2021, 50(10): 944-947."
NEXT = "[8] 王五. 外泌体研究进展[J]. 生命科学, 2022, 34(5): 567-574."
# the header of another journal on two pages, as a conversion prints it
HEADS = [
    ("Journal of Cellular Physiology 2019, 34(2)", "Journal of Cellular Physiology 2019, 34(2)"),
    ("1234 Journal of Cellular Physiology 2019, 34(2)", "Journal of Cellular Physiology 2019, 34(2) 1235"),
    ("·567· 生命科学 2022年第34卷第5期", "生命科学 2022年第34卷第5期 ·568·"),
    ("Cell Res, 2021, Vol.31, No.2", "Cell Res, 2021, Vol.31, No.2"),
]


def read(lines: list[str], own: OwnMarks = OWN) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    found = parse_reference_list(list(enumerate(lines, start=500)), own)
    return [r.raw for r in found.references], [(w.message, w.values) for w in found.warnings]


@pytest.mark.parametrize("first,second", HEADS)
def test_a_header_printed_twice_is_left_out_wherever_the_page_ends(first: str, second: str) -> None:
    """After a reference that reads fully and after one that does not, the same header is left out both times."""
    raws, warnings = read([DONE, first, BROKEN, second, NEXT])
    assert raws == read([DONE, BROKEN, NEXT])[0]
    assert not any("Physiology" in raw or "2022年" in raw or "Vol.31" in raw for raw in raws)
    left_out = [values[0] for message, values in warnings if message.startswith("running header or footer")]
    assert left_out == [second]


@pytest.mark.parametrize("first,second", HEADS)
def test_a_header_printed_twice_inside_wrapped_references_is_left_out(first: str, second: str) -> None:
    raws, warnings = read([BROKEN, first, BROKEN_ZH, second, WRAPPED_ZH, NEXT])
    assert raws == read([BROKEN, BROKEN_ZH, WRAPPED_ZH, NEXT])[0]
    left_out = [values[0] for message, values in warnings if message.startswith("running header or footer")]
    assert left_out == [first, second]


def test_a_header_the_body_prints_too_is_left_out_of_the_list() -> None:
    own = OwnMarks(OWN.doi, OWN.journals, OWN.volume, OWN.issue, ("Journal of Cellular Physiology 2019, 34(2) 1233",))
    raws, warnings = read([BROKEN, "1234 Journal of Cellular Physiology 2019, 34(2)", NEXT], own)
    assert raws == read([BROKEN, NEXT])[0]
    assert any(message.startswith("running header or footer") for message, _ in warnings)


@pytest.mark.parametrize(
    "lines",
    [
        # two references to one issue of a journal, and a wrapped reference's numbers printed twice
        [BROKEN, "Cell Biol Toxicol, 2019, 34(2): 1-9.", BROKEN_ZH, "Cell Biol Toxicol, 2019, 34(2): 10-19.", NEXT],
        [BROKEN, "Cell Res, 2020, 30(1): 19", BROKEN_ZH, "Cell Res, 2020, 30(1): 25", NEXT],
        [BROKEN, "2014, 306(11): F1251-9.", BROKEN_ZH, "2014, 306(11): F1251-9.", NEXT],
        # the journal cited twice with the same line (an earlier issue)
        [
            "[6] 马元, 陈旭. 间充质干细胞外泌体研究进展[J].",
            "中国组织工程研究, 2020, 24(3): 301-306.",
            "[7] 张三, 李四. 外泌体在创面愈合中的作用[J].",
            "中国组织工程研究, 2020, 24(3): 301-306.",
            NEXT,
        ],
    ],
)
def test_lines_of_references_printed_twice_stay_in_them(lines: list[str]) -> None:
    raws, warnings = read(lines)
    assert len(raws) == 3
    assert lines[1] in raws[0] and lines[3] in raws[1]
    assert not any("left out" in message for message, _ in warnings)
