"""Greek letters a PDF conversion set apart with spaces are joined to their names again (full texts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin
from evdigest.sources.greek_spacing import GREEK, join_greek

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "sources" / "lyu-2026-exosome-secretion.txt"


@pytest.mark.parametrize(
    ("printed", "joined"),
    [
        ("the Wnt/ β -catenin pathway", "the Wnt/β-catenin pathway"),
        ("the APN/Wnt/ β -catenin pathway", "the APN/Wnt/β-catenin pathway"),
        ("alleviates amyloid- β -induced neurotoxicity", "alleviates amyloid-β-induced neurotoxicity"),
        ("modulating the NF- κ B signaling pathway", "modulating the NF-κB signaling pathway"),
        ("Hypoxic exosomal HIF-1 α -stabilizing circZNF91", "Hypoxic exosomal HIF-1α-stabilizing circZNF91"),
        ("TGF- β 1 and IL-1 β", "TGF-β1 and IL-1β"),
        ("TGF- β 1, TGF- β 2 and PGC-1 α", "TGF-β1, TGF-β2 and PGC-1α"),
        ("TNF- α 20 ng/ml", "TNF-α 20 ng/ml"),
        ("Hypoxia Inducible Factor-1 α Potentiates", "Hypoxia Inducible Factor-1α Potentiates"),
        (
            "interleukin-1 β and macrophage inflammatory protein-1 α",
            "interleukin-1β and macrophage inflammatory protein-1α",
        ),
        ("降低 β -半乳糖苷酶活性和 γ -H2AX 水平", "降低 β-半乳糖苷酶活性和 γ-H2AX 水平"),
    ],
)
def test_a_letter_inside_a_name_is_joined(printed: str, joined: str) -> None:
    assert join_greek(printed) == joined


@pytest.mark.parametrize(
    "text",
    [
        "降低脑内 β 淀粉样蛋白的沉积",  # a letter before a Chinese word: spacing is the writer's
        "significance level α = 0.05",
        "the difference α - β",  # a minus with spaces on both sides
        "an α helix and a β sheet",
        "TGF-β蛋白和NF-κB",  # already joined
        "the κ B site",  # no hyphen before the letter
        "αβ T cells",
        # a quantity, a negative value or a word after the letter
        "stimulated with TNF-α 10 ng/mL",
        "TNF-α 1 ng/mL刺激",
        "TGF-β 2.5",
        "regression coefficient β -0.12",
        "IFN-γ T cell responses",
        "CD8-α T cells",
        # a number ending a name that is no gene's
        "SARS-CoV-2 α variant",
        "Model-2 β = 0.31",
        "Type-1 α error",
        "day-7 β cells",
        # a count, a time or a capitalised word, not an isoform or a gene
        "serum TNF-α 24 hours after injection",
        "IFN-γ 12 weeks after treatment",
        "TGF-β 2 weeks later",
        "TNF-α 30 patients",
        "TNF-α 10 × 10",
        "ER-α 66 kDa",
        "检测 TNF-α 12 周后",
        "TGF-β 2 例患者",
        "TGF-β 2 groups of mice",
        "Day-7 β-cell function",
        "Set-2 β = 0.31",
        "Arm-1 α group",
    ],
)
def test_a_letter_standing_alone_is_left(text: str) -> None:
    assert join_greek(text) == text


def test_the_sample_full_text_names_read_whole() -> None:
    entry = journal_fulltext.parse(SAMPLE.read_text(encoding="utf-8"), Origin(SAMPLE.name))
    raws = {ref.number: ref.raw for ref in entry.references}
    assert "NF-κB signaling pathway" in raws[67]
    assert "Wnt/β-catenin pathway" in raws[43]
    assert "amyloid-β-induced" in raws[66]
    assert "HIF-1α-stabilizing" in raws[81]
    sentences = [c.sentence for ref in entry.references for c in ref.cited_in]
    assert any("β-半乳糖苷酶活性和 γ-H2AX" in s for s in sentences)
    texts = [ref.raw for ref in entry.references] + sentences
    assert not [t for t in texts if re.search(rf"[-/] [{GREEK}]|[{GREEK}] -\w", t)]


NOT_LATIN_GREEK = "".join(map(chr, range(0x370, 0x400)))
"""The Greek and Coptic block."""

_WORDS = st.lists(
    st.sampled_from(["NF-", "Wnt/", "β", "κ", "α", "B", "1", "-catenin", "HIF-1", "外泌体", "=", "-", "and"]),
    max_size=12,
)


@given(_WORDS, st.sampled_from([" ", "  ", ""]))
def test_only_spaces_are_removed_and_once_is_enough(words: list[str], gap: str) -> None:
    text = gap.join(words)
    joined = join_greek(text)
    assert joined.replace(" ", "") == text.replace(" ", "")
    assert join_greek(joined) == joined


@given(st.text(alphabet=st.characters(blacklist_characters=NOT_LATIN_GREEK)))
def test_text_without_greek_is_unchanged(text: str) -> None:
    assert join_greek(text) == text
