"""A full text's reference list read the same whichever way it is numbered, under any of its headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin
from evdigest.sources.fulltext_refs import parse_reference_list

SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"

# three references, the second wrapped over two lines the way a PDF conversion breaks them
REFERENCES = [
    "马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科大学学报, 2021, 50(10):944-947.",
    (
        "GURUNATHAN S, KANG MH, KIM JH. A comprehensive review on factors influences biogenesis of exosomes[J].",
        "Int J Nanomedicine, 2021, 16:1281-1312.",
    ),
    "郑玉军, 姜巍, 陈东妍, 等. 外泌体在恶性肿瘤中的研究进展[J]. 中国肺癌杂志, 2020, 23(8):689-694.",
]
NUMBERINGS = {
    "bracket": "[{n}] ",
    "full-width bracket": "［{n}］",
    "tortoise-shell bracket": "〔{n}〕",
    "dot": "{n}. ",
    "space": "{n} ",
}


def numbered(form: str) -> list[tuple[int, str]]:
    """The list's lines numbered in ``form``."""
    lines: list[str] = []
    for n, ref in enumerate(REFERENCES, start=1):
        parts = [ref] if isinstance(ref, str) else list(ref)
        lines.append(NUMBERINGS[form].format(n=n) + parts[0])
        lines += parts[1:]
    return list(enumerate(lines, start=300))


@pytest.mark.parametrize("form", list(NUMBERINGS))
def test_each_numbering_reads_the_same_references(form: str) -> None:
    read = parse_reference_list(numbered(form))
    expected = parse_reference_list(numbered("bracket"))
    assert [(r.number, r.raw) for r in read.references] == [(r.number, r.raw) for r in expected.references]
    assert [r.number for r in read.references] == [1, 2, 3]
    assert read.references[1].raw.endswith("Int J Nanomedicine, 2021, 16:1281-1312.")
    assert not any("no numbered references" in w.message for w in read.warnings)


def test_a_number_and_a_space_starts_a_reference_only_as_the_next_number() -> None:
    """A wrapped line beginning with a number and a name ("3 Biotech…") continues the reference before it."""
    lines = [
        (1, "1 SMITH J, DOE A. Exosomes in plants[J]."),
        (2, "3 Biotech, 2020, 10:45-50."),
        (3, "2 马元, 陈旭. 外泌体研究进展[J]. 中国医科大学学报, 2021, 50(10):944-947."),
    ]
    read = parse_reference_list(lines)
    assert [r.number for r in read.references] == [1, 2]
    assert read.references[0].raw == "SMITH J, DOE A. Exosomes in plants[J]. 3 Biotech, 2020, 10:45-50."


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=3, max_size=3), st.sampled_from(list(NUMBERINGS)))
def test_the_numbering_never_changes_the_texts_read(_: list[int], form: str) -> None:
    assert [r.raw for r in parse_reference_list(numbered(form)).references] == [
        r.raw for r in parse_reference_list(numbered("dot")).references
    ]


@pytest.mark.parametrize(
    "heading",
    ["参考文献 (References)", "参考文献（References）", "**参考文献**", "参考文献 ##", "【参考文献】", "REFERENCES"],
)
def test_reference_headings_printed_otherwise_are_found(heading: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("4 参考文献 References", heading, 1)
    assert journal_fulltext.sniff(text) is None
    entry = journal_fulltext.parse(text, Origin("sources/lyu.txt"))
    assert len(entry.references) == 92


@pytest.mark.parametrize("glue", ["19.2. ", "19. 2. ", "19.2．"])
def test_a_dot_numbered_reference_glued_after_a_page_number_is_cut_off(glue: str) -> None:
    """'…Cell Biosci, 2019, 9: 19.2. 周九．…': the next number follows the page's full stop with no space."""
    lines = [
        (
            40,
            "1. ZHANG Y, LIU Y, LIU H, et al. Exosomes: biogenesis, biologic function and clinical potential[J]. "
            f"Cell Biosci, 2019, 9: {glue}周九．外泌体研究进展［J］．生命科学，2022，34（5）：567-574．",
        ),
        (41, "3. KALLURI R, LEBLEU V S. The biology of exosomes[J]. Science, 2020, 367(6478): eaau6977."),
    ]
    read = parse_reference_list(lines)
    assert [r.number for r in read.references] == [1, 2, 3]
    assert read.references[0].raw.endswith("Cell Biosci, 2019, 9: 19.")
    assert read.references[1].raw == "周九．外泌体研究进展［J］．生命科学，2022，34（5）：567-574．"


def test_a_version_number_in_a_dot_numbered_reference_is_not_cut() -> None:
    """'…version 1.2. Geneva…' in reference 1 names no reference 2 (only a number after a page's full stop does)."""
    lines = [
        (40, "1. World Health Organization. Guideline version 1.2. Geneva: WHO, 2016."),
        (41, "2. 周九．外泌体［J］．"),
    ]
    assert [r.raw for r in parse_reference_list(lines).references][0].endswith("version 1.2. Geneva: WHO, 2016.")
