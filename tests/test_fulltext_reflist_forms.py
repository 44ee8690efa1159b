"""A full text's reference list read the same whichever way it is numbered, under any of its headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs.parse import parse_reference
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin
from evdigest.sources.fulltext_refs import clean_reference, parse_reference_list

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
    [
        "参考文献 (References)",
        "参考文献（References）",
        "**参考文献**",
        "参考文献 ##",
        "## 参考文献 ##",
        "【参考文献】",
        "REFERENCES",
        "References:",
        "参考文献 REFERENCES",
        "参考文献 References:",
    ],
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


# reference 30 and 31 of the sample with the English translation Chinese journals print after them
TRANSLATION_30 = (
    "MA Y, ZHUANG XY, CHEN X. Research progress on the mechanism of mesenchymal stem cell exosomes regulating "
    "angiogenesis[J]. J China Med Univ, 2021, 50(10): 944-947."
)
TRANSLATION_31 = (
    "ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of exosomes in malignant tumors[J]. "
    "Chin J Lung Cancer, 2020, 23(8): 689-694. (in Chinese)"
)


def bilingual_sample() -> str:
    """The sample with reference 30 translated on the next line and reference 31 after itself on its line."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("2021,50(10):944-947.\n", f"2021,50(10):944-947.\n{TRANSLATION_30}\n", 1)
    return text.replace("2020, 23(8):689-694.\n", f"2020, 23(8):689-694. {TRANSLATION_31}\n", 1)


def test_an_english_translation_stays_with_its_chinese_reference() -> None:
    entry = journal_fulltext.parse(bilingual_sample(), Origin("sources/lyu.txt"))
    assert [r.number for r in entry.references] == list(range(1, 93))
    by_number = {r.number: r for r in entry.references}
    assert by_number[30].raw.startswith("马元, 庄雪莹, 陈旭.")
    assert by_number[30].raw.endswith(TRANSLATION_30)
    assert by_number[31].raw.endswith(TRANSLATION_31)
    assert by_number[32].raw.startswith("ZOU J, ")
    assert not any("reference number" in w.message or "of its own" in w.message for w in entry.warnings)


@pytest.mark.parametrize(
    ("number", "journal", "volume", "page"),
    [(30, "中国医科大学学报", "50", "944-947"), (31, "中国肺癌杂志", "23", "689-694")],
)
def test_a_reference_with_its_translation_reads_as_the_chinese_work(
    number: int, journal: str, volume: str, page: str
) -> None:
    entry = journal_fulltext.parse(bilingual_sample(), Origin("sources/lyu.txt"))
    reference = next(r for r in entry.references if r.number == number)
    alone = reference.raw[: reference.raw.index(".", reference.raw.index(page)) + 1]
    parsed = parse_reference(reference.raw)
    assert parsed.status == "full"
    assert parsed.item == parse_reference(alone).item
    assert (parsed.item["container-title"], parsed.item["volume"], parsed.item["page"]) == (journal, volume, page)


def test_a_translation_on_its_own_line_is_no_continuation_warning() -> None:
    """Printing a translation under each Chinese reference is the journal's style, not damage to the list."""
    lines = [
        (
            7,
            "[1] 马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科大学学报, 2021, 50(10):944-947.",
        ),
        (8, TRANSLATION_30),
        (9, "[2] 郑玉军, 姜巍. 外泌体在恶性肿瘤中的研究进展[J]. 中国肺癌杂志, 2020, 23(8):"),
        (10, "689-694."),
    ]
    read = parse_reference_list(lines)
    assert [r.number for r in read.references] == [1, 2]
    assert read.references[0].raw.endswith("944-947. " + TRANSLATION_30)
    assert [w.message for w in read.warnings] == ["reference 2 continues on a following line"]


# a Chinese reference and its translation as a PDF conversion wraps it: (its line, then the lines that follow it)
CHINESE_31 = "[31] 郑玉军, 姜巍, 陈东妍, 等. 外泌体在恶性肿瘤中的研究进展[J]. 中国肺癌杂志, 2020, 23(8): 689-694."
WRAPPED_TRANSLATIONS = {
    "on the next two lines": (
        CHINESE_31,
        [
            "ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of exosomes in",
            "malignant tumors[J]. " + "Chin J Lung Cancer, 2020, 23(8): 689-694.",
        ],
    ),
    "on the next three lines": (
        CHINESE_31,
        [
            "ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of",
            "exosomes in malignant tumors[J]. Chin J Lung",
            "Cancer, 2020, 23(8): 689-694.",
        ],
    ),
    "begun on the Chinese line": (
        CHINESE_31 + " ZHENG YJ, JIANG W, CHEN DY, et al. Research",
        ["progress of exosomes in malignant tumors[J].", "Chin J Lung Cancer, 2020, 23(8): 689-694. (in Chinese)"],
    ),
    "in brackets": (
        CHINESE_31,
        [
            "[ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of exosomes in",
            "malignant tumors[J]. Chin J Lung Cancer, 2020, 23(8): 689-694.]",
        ],
    ),
    "in parentheses": (
        CHINESE_31,
        [
            "(ZHENG YJ, JIANG W, CHEN DY, et al. Research progress of exosomes in",
            "malignant tumors[J]. Chin J Lung Cancer, 2020, 23(8): 689-694.)",
        ],
    ),
    "in full-width parentheses": (
        CHINESE_31 + "（ZHENG YJ, JIANG W, CHEN DY, et al. Research progress",
        ["of exosomes in malignant tumors[J]. Chin J Lung Cancer, 2020, 23(8): 689-694.）"],
    ),
}


@pytest.mark.parametrize("form", list(WRAPPED_TRANSLATIONS))
def test_a_translation_wrapped_over_lines_stays_whole_with_its_reference(form: str) -> None:
    first, wrapped = WRAPPED_TRANSLATIONS[form]
    lines = [first, *wrapped, "[32] ZOU J, SHI M. Exosomes in lung cancer[J]. Mol Cancer, 2021, 20(1): 12-20."]
    read = parse_reference_list(list(enumerate(lines, start=40)))
    assert [r.number for r in read.references] == [31, 32]
    raw = read.references[0].raw
    assert all(clean_reference(line) in raw for line in wrapped)
    assert [w.message for w in read.warnings] == ["reference numbers missing from the list"]
    parsed = parse_reference(raw)
    assert parsed.status == "full"
    assert parsed.item == parse_reference(CHINESE_31).item
    assert parsed.et_al


def test_english_lines_that_never_reach_a_year_are_still_stray() -> None:
    """Lines held as a possible translation are placed as any line when no year ends them."""
    lines = [
        CHINESE_31,
        "Chin J Lung Cancer",
        "Downloaded from www.example.org",
        "[32] ZOU J. Exosomes[J]. Cell, 2021, 20(1): 12-20.",
    ]
    read = parse_reference_list(list(enumerate(lines, start=40)))
    assert [r.raw for r in read.references] == [clean_reference(CHINESE_31[5:]), clean_reference(lines[3][5:])]
    stray = [w.values for w in read.warnings if w.message.startswith("stray line")]
    assert stray == [("Chin J Lung Cancer",), ("Downloaded from www.example.org",)]


# references 18, 19 and 21 of a ChinaXiv list: the start of 20 was lost and its end glued to 19
LOST_START = [
    (
        82,
        "18：Johnstone RM, Adam M, Hammond JR,Orr L， Turbide C. Vesicle formation during reticulocyte maturation[J]."
        "JBiol Chem.1987;262(19):9412-9420.",
    ),
    (
        83,
        "19: Bi H, Ren D, Zhang J,Wang H. Advances in Exosomes in the Pathogenesis and Diagnosis of LungCancer[J]."
        "Chinesejournal of lung cancer. 2020;23(7):589-596. doi:10.3779/j.issn.1009-3419.2020.104.18. cancer[J]. "
        "Mol Biol Rep.2020;47(9):7229-7251. doi:10.1007/s11033-020-05715-w.   ",
    ),
    (
        84,
        "21: Huang SH, Li Y, Zhang J,Rong J， Ye S. Epidermal growth factor receptor-containing exosomes induce "
        "tumor-specific regulatory T cells[J]. Cancer Invest. 2013;31(5):330-335. doi:10.3109/07357907.2013.789905.",
    ),
]


def test_a_reference_that_lost_its_start_is_cut_from_the_one_it_ran_into() -> None:
    read = parse_reference_list(LOST_START)
    assert [r.number for r in read.references] == [18, 19, 20, 21]
    assert read.references[1].raw.endswith("2020;23(7):589-596. doi:10.3779/j.issn.1009-3419.2020.104.18.")
    assert read.references[2].raw == "cancer[J]. Mol Biol Rep.2020;47(9):7229-7251. doi:10.1007/s11033-020-05715-w."
    assert read.references[2].line == 83
    first, second = (parse_reference(r.raw).item for r in read.references[1:3])
    assert (first["container-title"], first["volume"], first["page"]) == (
        "Chinesejournal of lung cancer",
        "23",
        "589-596",
    )
    assert (second["DOI"], second["volume"], second["page"]) == ("10.1007/s11033-020-05715-w", "47", "7229-7251")
    lost = next(w for w in read.warnings if "lost its start" in w.message)
    assert (lost.message, lost.line) == ("reference 20 lost its start in the conversion and ran into reference 19", 83)
    missing = next(w for w in read.warnings if w.message == "reference numbers missing from the list")
    assert missing.values == tuple(str(n) for n in range(1, 18))


def test_two_works_in_one_reference_stay_together_when_no_number_is_missing() -> None:
    """A gap in the numbers is what says a reference was lost: without one the text is left whole."""
    lines = [*LOST_START[:2], (84, LOST_START[2][1].replace("21:", "20:"))]
    read = parse_reference_list(lines)
    assert [r.number for r in read.references] == [18, 19, 20]
    assert read.references[1].raw.endswith("doi:10.1007/s11033-020-05715-w.")


@pytest.mark.parametrize("form", list(NUMBERINGS))
def test_a_line_wrapped_after_full_width_punctuation_is_joined_without_a_space(form: str) -> None:
    """'…35（3）：' + '345-351．' reads '35（3）：345-351．': the full-width colon has its own space."""
    lines = [
        (
            84,
            NUMBERINGS[form].format(n=1)
            + "赵六，钱七．脂肪干细胞外泌体对创面愈合的影响［J］．中国修复重建外科杂志，2021，35（3）：",
        ),
        (85, "345-351．"),
        (86, NUMBERINGS[form].format(n=2) + "周九．外泌体研究进展［J］．生命科学，2022，34（5）：567-574．"),
    ]
    read = parse_reference_list(lines)
    assert [r.number for r in read.references] == [1, 2]
    assert read.references[0].raw.endswith("中国修复重建外科杂志，2021，35（3）：345-351．")


# references as Chinese journals print them, each with the place a PDF conversion may wrap it ("" for none)
POOL = [
    (
        "马元, 庄雪莹, 陈旭. 间充质干细胞外泌体调控血管生成机制的研究进展[J]. 中国医科大学学报, 2021, 50(10):944-947.",
        "[J]. ",
    ),
    (
        "GURUNATHAN S, KANG MH. Factors influences biogenesis of exosomes[J]. Int J Nanomedicine, 2021, 16:1281-1312.",
        "[J]. ",
    ),
    (
        "赵六，钱七，孙八，等．脂肪干细胞外泌体对糖尿病大鼠创面愈合的影响［J］．中国修复重建外科杂志，2021，35（3）：345-351．",
        "：",
    ),
    ("KALLURI R, LEBLEU V S. The biology of exosomes[J]. Science, 2020, 367(6478): eaau6977.", "2020, "),
    (
        "THÉRY C, WITWER K W, et al. Minimal information for studies of extracellular vesicles 2018[J]. J Extracell Vesicles, 2018, 7(1): 1535750.",
        "[J]. ",
    ),
    ("World Health Organization. Global report on diabetes[R]. Geneva: WHO, 2016.", ""),
    ("陈竺．医学遗传学［M］．3版．北京：人民卫生出版社，2015：45-50．", ""),
]


def listed(picks: list[tuple[int, bool]], form: str) -> list[tuple[int, str]]:
    """The picked references numbered in ``form``, those marked wrapped over two lines at their wrap."""
    lines: list[str] = []
    for n, (index, wrapped) in enumerate(picks, start=1):
        text, wrap = POOL[index]
        cut = text.index(wrap) + len(wrap) if wrapped and wrap else len(text)
        lines += [NUMBERINGS[form].format(n=n) + text[:cut].rstrip(), text[cut:]]
    return list(enumerate((line for line in lines if line), start=200))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(POOL) - 1), st.booleans()), min_size=1, max_size=6),
    st.sampled_from(list(NUMBERINGS)),
)
def test_any_list_reads_alike_in_every_numbering(picks: list[tuple[int, bool]], form: str) -> None:
    read = parse_reference_list(listed(picks, form))
    expected = parse_reference_list(listed(picks, "bracket"))
    assert [(r.number, r.raw) for r in read.references] == [(r.number, r.raw) for r in expected.references]
    assert [r.number for r in read.references] == list(range(1, len(picks) + 1))
    unwrapped = [POOL[i][0] for i, wrapped in picks if not wrapped or not POOL[i][1]]
    assert unwrapped == [r.raw for r, (i, w) in zip(read.references, picks, strict=True) if not w or not POOL[i][1]]
