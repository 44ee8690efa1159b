"""Abstracts given as markup (HTML, Crossref's JATS): section headings become labels."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import AbstractSection
from evdigest.sources.abstracts import join_paragraphs, markup_sections
from evdigest.text import one_line


def labels_and_texts(fragment: str) -> list[tuple[str | None, str]]:
    return [(s.label, s.text) for s in markup_sections(fragment)]


def test_jats_section_titles_are_labels_with_no_colon_needed() -> None:
    fragment = (
        "<jats:sec><jats:title>Background</jats:title><jats:p>Salivary sEVs carry biomarkers.</jats:p></jats:sec>"
        "<jats:sec><jats:title>Clinical relevance</jats:title><jats:p>Saliva is easy to sample.</jats:p>"
        "<jats:p>It is cheap.</jats:p></jats:sec>"
    )
    assert labels_and_texts(fragment) == [
        ("Background", "Salivary sEVs carry biomarkers."),
        ("Clinical relevance", "Saliva is easy to sample. It is cheap."),
    ]


def test_a_heading_colon_is_dropped_and_an_abstract_heading_is_no_label() -> None:
    fragment = "<jats:title>Abstract</jats:title><jats:sec><jats:title>Methods:</jats:title><jats:p>We read.</jats:p></jats:sec>"
    assert labels_and_texts(fragment) == [("Methods", "We read.")]
    assert labels_and_texts("<jats:title>Abstract</jats:title><jats:p>EVs carry cargo.</jats:p>") == [
        (None, "EVs carry cargo.")
    ]
    assert labels_and_texts("<jats:title>摘要</jats:title><jats:p>外泌体是囊泡。</jats:p>") == [
        (None, "外泌体是囊泡。")
    ]


def test_a_section_with_no_text_is_left_out() -> None:
    fragment = "<jats:sec><jats:title>Results</jats:title></jats:sec><jats:sec><jats:title>Aims</jats:title><jats:p>x</jats:p></jats:sec>"
    assert labels_and_texts(fragment) == [("Aims", "x")]


def test_jats_paragraphs_under_no_heading_are_split_by_label_words() -> None:
    fragment = "<jats:p><jats:bold>Background:</jats:bold> EVs.</jats:p><jats:p><jats:bold>Methods:</jats:bold> Review.</jats:p>"
    assert labels_and_texts(fragment) == [("Background", "EVs."), ("Methods", "Review.")]


def test_html_abstracts_read_as_before() -> None:
    fragment = "<p><p>Methods: We searched.</p><p>Then we read.</p><p>Results: Many &amp; more.</p>"
    assert markup_sections(fragment) == join_paragraphs(
        ["Methods: We searched.", "Then we read.", "Results: Many & more."]
    )
    assert markup_sections("Plain text, two types: A and B.") == (
        AbstractSection(None, "Plain text, two types: A and B."),
    )
    assert markup_sections("") == () and markup_sections("<p> </p>") == ()


def test_a_bracket_that_opens_no_tag_is_text() -> None:
    fragment = (
        "<p>Patients with a CD4<CD8 ratio had shorter survival; levels >2.5 ng/mL predicted resistance"
        " (p<0.05, HR <= 2.1).</p>"
    )
    assert labels_and_texts(fragment) == [
        (
            None,
            "Patients with a CD4<CD8 ratio had shorter survival; levels >2.5 ng/mL predicted resistance"
            " (p<0.05, HR <= 2.1).",
        )
    ]
    assert labels_and_texts("结果：CD4<CD8比值的患者生存期较短；水平>2.5 ng/mL预测耐药。") == [
        ("结果", "CD4<CD8比值的患者生存期较短；水平>2.5 ng/mL预测耐药。")
    ]


def test_real_tags_among_loose_brackets_are_still_markup() -> None:
    fragment = '<p>CD8<sup>+</sup> cells <span class="x">rose</span> when IL<a href="https://x.org/a?b=1">6</a> was <i>p</i><0.05.</p>'
    assert labels_and_texts(fragment) == [(None, "CD8+ cells rose when IL6 was p<0.05.")]


# Prose with the comparison signs of scientific text, in letters that spell no HTML or JATS element (no D:
# "<DD>" is one): "CK4<CK8", "p<0.05", "<= 2", "a >2.5 k", "<GK z=4>"
_PROSE = st.text(alphabet=st.sampled_from(list("CNGKRZgkz048 <>=/;.'\"-\n")), min_size=1, max_size=60)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
def test_text_with_brackets_forming_no_tag_survives_the_markup_reading(text: str) -> None:
    expected = one_line(text)
    for fragment in (text, f"<p>{text}</p>"):
        assert " ".join(s.text for s in markup_sections(fragment)) == expected


def test_html_headings_are_labels_of_the_paragraphs_under_them() -> None:
    fragment = (
        "<h4>Background</h4><p>EVs carry cargo.</p><h3 class='t'>Key <i>findings</i>:</h3><p>One.</p><p>Two.</p>"
        "<H2>Abstract</H2><p>Methods: We read.</p><h5>Results</h5>"
    )
    assert labels_and_texts(fragment) == [
        ("Background", "EVs carry cargo."),
        ("Key findings", "One. Two."),
        ("Methods", "We read."),
    ]
    assert labels_and_texts("<p>Intro.</p><h4>背景</h4><p>外泌体是囊泡。</p>") == [
        (None, "Intro."),
        ("背景", "外泌体是囊泡。"),
    ]


def test_a_bold_label_with_its_colon_starts_a_section() -> None:
    fragment = "<p><strong>Background:</strong> EVs.</p><p><strong>Conclusion</strong>: Review.</p>"
    assert labels_and_texts(fragment) == [("Background", "EVs."), ("Conclusion", "Review.")]
