"""Running headers and footers of the journal's pages printed inside a full text's reference list."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin
from evdigest.sources.fulltext_reflines import OwnMarks
from evdigest.sources.fulltext_refs import parse_reference_list

SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"

# the sample's journal, volume, issue and DOI, and a header its body's pages print
OWN = OwnMarks(
    "10.12307/2025.573",
    ("中国组织工程研究", "Zhongguo Zuzhi Gongcheng Yanjiu", "Chin J Tissue Eng Res"),
    "30",
    "1",
    ("www.CJTER.com Chinese Journal of Tissue Engineering Research", "·185·  中国组织工程研究  2026年第30卷第1期"),
)
# the headers and footers such a journal prints on its pages
HEADERS = [
    "·186·  中国组织工程研究  2026年第30卷第1期",
    "2026年第30卷第1期 中国组织工程研究 ·187·",
    "中国组织工程研究 第30卷 第1期 2026年1月",
    "第30卷 第1期",
    "186",
    "· 186 ·",
    "- 186 -",
    "Chinese Journal of Tissue Engineering Research",
    "www.CJTER.com Chinese Journal of Tissue Engineering Research",
    "Chinese Journal of Tissue Engineering Research | Vol 30 | No 1 | January 2026",
    "Chin J Tissue Eng Res, January 2026, Vol.30, No.1",
    "DOI: 10.12307/2025.573",
    "https://doi.org/10.12307/2025.573",
]
NEXT = "[7] 王五. 外泌体研究进展[J]. 生命科学, 2022, 34(5): 567-574."
# lists with the place a page ends in them ({head}): inside a wrapped reference, after one that does not read fully,
# inside a translation wrapped over lines
PLACES = {
    "inside a wrapped reference": [
        "[6] GURUNATHAN S, KANG MH, KIM JH. A comprehensive review on factors influences biogenesis of exosomes[J]. Int J",
        "{head}",
        "Nanomedicine, 2021, 16:1281-1312.",
        NEXT,
    ],
    "inside a wrapped Chinese reference": [
        "[6] 马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科",
        "{head}",
        "大学学报, 2021, 50(10): 944-947.",
        NEXT,
    ],
    "after a reference that does not read fully": [
        "[6] YAN L, WU X. Exosomes produced from 3D cultures of umbilical cord mesenchymal stem cells. Cell Biol Toxicol.",
        "{head}",
        NEXT,
    ],
    "inside a wrapped translation": [
        "[6] 郑玉军, 姜巍, 陈东妍, 等. 外泌体在恶性肿瘤中的研究进展[J]. 中国肺癌杂志, 2020, 23(8): 689-694.",
        "ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of exosomes in",
        "{head}",
        "malignant tumors[J]. Chin J Lung Cancer, 2020, 23(8): 689-694.",
        NEXT,
    ],
}


def read(lines: list[str]) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    found = parse_reference_list(list(enumerate(lines, start=500)), OWN)
    return [r.raw for r in found.references], [(w.message, w.values) for w in found.warnings]


@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("head", HEADERS)
def test_a_running_header_in_the_list_is_left_out_of_the_references(place: str, head: str) -> None:
    lines = PLACES[place]
    raws, warnings = read([line.format(head=head) for line in lines])
    assert raws == read([line for line in lines if line != "{head}"])[0]
    assert not any(head.strip() in raw for raw in raws)
    left_out = [values for message, values in warnings if "left out" in message]
    assert len(left_out) == 1 and left_out[0][0] in head  # "- 186 -" is read without its list bullet


@pytest.mark.parametrize(
    "lines",
    [
        ["[6] 张三, 李四. 外泌体在创面愈合中的作用[J].", "中国组织工程研究, 2020, 24(3): 301-306.", NEXT],
        ["[6] 张三, 李四. 外泌体在创面愈合中的作用[J].", "中国组织工程研究", "2020, 24(3): 301-306.", NEXT],
        ["[6] 张三, 李四. 外泌体在创面愈合中的作用[J].", "中国组织工程研究, 2020, 24(3).", NEXT],
        ["[6] ZHANG S. Exosomes in wound healing[J]. Chin J Tissue Eng Res,", "2020, 24(3): 301-306.", NEXT],
        ["[6] 张三, 李四. 外泌体在创面愈合中的作用[J]. 中国组织工程研究,", "2026, 30(1): 12-18.", NEXT],
        [
            "[6] SMITH J, DOE A. Urinary exosomes in kidney disease[J]. Am J Physiol Renal Physiol,",
            "2014, 306(11): F1251-9.",
            NEXT,
        ],
        ["[6] ZHAO Z, QU L. Exosome yield[J]. J Drug Deliv Sci Technol, 2020, 57:", "101713.", NEXT],
        [
            "[6] GURUNATHAN S, KANG MH. Factors influences biogenesis of exosomes[J]. Int J Nanomedicine, 2021, 16:1281-1312.",
            "DOI: 10.2147/IJN.S291956.",
            NEXT,
        ],
    ],
)
def test_a_line_of_a_reference_that_reads_like_a_header_stays_in_it(lines: list[str]) -> None:
    """A reference to the journal itself, the numbers of a wrapped reference, its own DOI: the reference needs them."""
    raws, warnings = read(lines)
    assert len(raws) == 2
    assert all(line.split("] ")[-1] in raws[0] for line in lines[:-1])
    assert not any("left out" in message for message, _ in warnings)


def test_the_sample_reads_the_same_references_with_its_pages_headers_among_them() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    body_line = next(line for line in text.splitlines() if line.startswith("外泌体的调控为个性化医疗提供了新的可能性"))
    reference = next(line for line in text.splitlines() if line.startswith("- [9] YAN L, WU X."))
    cut = reference.index("*Cell Biol Toxicol*")
    headed = text.replace(
        body_line,
        body_line
        + "\n\n·185·  中国组织工程研究  2026年第30卷第1期\nwww.CJTER.com Chinese Journal of Tissue Engineering Research\n",
        1,
    ).replace(
        reference,
        reference[:cut]
        + "\nChinese Journal of Tissue Engineering Research\n·189·  中国组织工程研究  2026年第30卷第1期\n"
        "DOI: 10.12307/2025.573\n" + reference[cut:],
        1,
    )
    sample = journal_fulltext.parse(text, Origin("sources/lyu.txt"))
    entry = journal_fulltext.parse(headed, Origin("sources/lyu.txt"))
    assert [(r.number, r.raw) for r in entry.references] == [(r.number, r.raw) for r in sample.references]
    left_out = {w.values[0] for w in entry.warnings if w.message.startswith("running header or footer")}
    assert left_out == {
        "Chinese Journal of Tissue Engineering Research",
        "·189·  中国组织工程研究  2026年第30卷第1期",
        "DOI: 10.12307/2025.573",
    }
