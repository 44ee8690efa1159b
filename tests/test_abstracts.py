"""Splitting abstracts into labelled sections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import AbstractSection
from evdigest.sources.abstracts import join_paragraphs, split_sections


def test_unstructured_abstract_is_one_section() -> None:
    assert split_sections("  EVs carry cargo.\nThey matter.  ") == (
        AbstractSection(None, "EVs carry cargo. They matter."),
    )


def test_english_labels_inline() -> None:
    sections = split_sections("BACKGROUND: EVs. METHODS: Review. RESULTS AND CONCLUSION: Useful.")
    assert [(s.label, s.text) for s in sections] == [
        ("BACKGROUND", "EVs."),
        ("METHODS", "Review."),
        ("RESULTS AND CONCLUSION", "Useful."),
    ]


def test_chinese_labels_with_full_width_colons() -> None:
    sections = split_sections("背景：外泌体。目的：综述。方法：检索。结果与结论：有用。")
    assert [s.label for s in sections] == ["背景", "目的", "方法", "结果与结论"]
    assert sections[-1].text == "有用。"


def test_a_colon_inside_a_sentence_is_no_label() -> None:
    sections = split_sections("We found two types: A and B. Conclusion: fine")
    assert sections == (AbstractSection(None, "We found two types: A and B."), AbstractSection("Conclusion", "fine"))


def test_leading_heading_is_dropped() -> None:
    assert split_sections("摘要：外泌体是囊泡。") == (AbstractSection(None, "外泌体是囊泡。"),)
    assert [s.label for s in split_sections("Abstract: Background: EVs. Methods: we looked.")] == [
        "Background",
        "Methods",
    ]


def test_unlabelled_paragraph_continues_the_previous_section() -> None:
    sections = join_paragraphs(["Methods: We searched.", "Then we read.", "Results: Many."])
    assert sections == (AbstractSection("Methods", "We searched. Then we read."), AbstractSection("Results", "Many."))


def test_a_label_alone_on_its_line_labels_the_paragraph_below() -> None:
    sections = join_paragraphs(["Background:", "EVs carry cargo.", "Methods", "We searched.", "背景：", "外泌体。"])
    assert sections == (
        AbstractSection("Background", "EVs carry cargo."),
        AbstractSection("Methods", "We searched."),
        AbstractSection("背景", "外泌体。"),
    )
    assert split_sections("目的\n综述外泌体。\n方法\n检索文献。") == (
        AbstractSection("目的", "综述外泌体。"),
        AbstractSection("方法", "检索文献。"),
    )


def test_a_label_word_inside_a_line_is_no_label() -> None:
    assert split_sections("We used two Methods\nthat differ.") == (
        AbstractSection(None, "We used two Methods that differ."),
    )
    assert join_paragraphs(["Results were mixed.", "Methods differ"]) == (
        AbstractSection(None, "Results were mixed."),
        AbstractSection(None, "Methods differ"),
    )


def test_a_label_with_nothing_after_it_labels_nothing() -> None:
    assert join_paragraphs(["Background: EVs.", "Methods:"]) == (AbstractSection("Background", "EVs."),)
    assert join_paragraphs(["Methods:", "Results: Many."]) == (AbstractSection("Results", "Many."),)


_PRINTED_LABELS = ("Background", "METHODS", "Results", "Conclusions", "背景", "目的", "结果与结论", "结论")
_WORDS = st.sampled_from(("EVs", "carry", "cargo", "between", "cells.", "外泌体", "携带", "蛋白质。", "miR-21"))
_SECTION = st.tuples(st.sampled_from(_PRINTED_LABELS), st.lists(_WORDS, min_size=1, max_size=6).map(" ".join))


@given(st.lists(_SECTION, min_size=1, max_size=4), st.sampled_from(("", ":", "：")))
def test_a_label_inline_or_on_its_own_line_gives_the_same_sections(sections: list[tuple[str, str]], colon: str) -> None:
    expected = tuple(AbstractSection(label, text) for label, text in sections)
    inline = [f"{label}: {text}" for label, text in sections]
    own_line = [line for label, text in sections for line in (f"{label}{colon}", text)]
    assert join_paragraphs(inline) == join_paragraphs(own_line) == expected
    assert split_sections("\n".join(own_line)) == expected


@pytest.mark.parametrize(
    "label",
    [
        "Purpose of review",
        "PURPOSE OF THE REVIEW",
        "Recent findings",
        "Summary",
        "Areas covered",
        "Expert opinion",
        "Expert commentary",
        "Introduction",
        "引言",
        "综述目的",
        "最新发现",
        "总结",
        "涵盖领域",
        "专家观点",
    ],
)
def test_the_labels_of_review_abstracts(label: str) -> None:
    expected = (AbstractSection(None, "EVs carry cargo."), AbstractSection(label, "They matter."))
    assert split_sections(f"EVs carry cargo. {label}: They matter.") == expected
    assert join_paragraphs(["EVs carry cargo.", label, "They matter."]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Summary statistics were pooled across 12 studies.",
        "Introduction of EVs into mice reduced fibrosis.",
        "Areas covered by the search included oncology: breast and lung.",
        "总结了外泌体在心脏修复中的作用。",
    ],
)
def test_a_sentence_opening_with_a_label_word_is_no_label(sentence: str) -> None:
    assert split_sections(sentence) == (AbstractSection(None, sentence),)
    assert split_sections(f"We reviewed EVs. {sentence}") == (AbstractSection(None, f"We reviewed EVs. {sentence}"),)
