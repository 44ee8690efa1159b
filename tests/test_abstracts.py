"""Splitting abstracts into labelled sections."""

from __future__ import annotations

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
