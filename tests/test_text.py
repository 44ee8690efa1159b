"""Pure text functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evdigest.text import (
    cjk_ratio,
    collapse_whitespace,
    fold_punctuation,
    half_width_alnum,
    has_cjk,
    normalize_text,
    shorten,
    strip_markdown_emphasis,
    strip_tags,
    strip_tags_by_heading,
    strip_title_stop,
)


def test_strip_tags_keeps_paragraphs_and_decodes_entities() -> None:
    assert (
        strip_tags("<p><p>Migrasomes &amp; EVs</p><p>are <i>vesicles</i>&nbsp;too.</p>")
        == "Migrasomes & EVs\n\nare vesicles too."
    )
    assert strip_tags("p < 0.05 and x>1") == "p < 0.05 and x>1"


JATS = (
    "<jats:sec><jats:title>Background</jats:title><jats:p>Salivary sEVs carry biomarkers.</jats:p></jats:sec>"
    "<jats:sec><jats:title>Methods</jats:title><jats:p>We reviewed <jats:italic>64</jats:italic> studies.</jats:p>"
    "<jats:p>Two read them.</jats:p></jats:sec>"
)


def test_jats_elements_are_blocks() -> None:
    assert strip_tags(JATS) == (
        "Background\n\nSalivary sEVs carry biomarkers.\n\nMethods\n\nWe reviewed 64 studies.\n\nTwo read them."
    )
    assert strip_tags("<jats:p>a<jats:sup>2</jats:sup></jats:p><jats:p>b</jats:p>") == "a2\n\nb"


def test_text_cut_at_jats_headings() -> None:
    assert strip_tags_by_heading(JATS) == [
        ("Background", "Salivary sEVs carry biomarkers."),
        ("Methods", "We reviewed 64 studies.\n\nTwo read them."),
    ]
    assert strip_tags_by_heading("<jats:title>Abstract</jats:title><jats:p>EVs.</jats:p>") == [("Abstract", "EVs.")]
    assert strip_tags_by_heading("<p>Background: EVs.</p><p>More.</p>") == [(None, "Background: EVs.\n\nMore.")]
    assert strip_tags_by_heading("") == [] and strip_tags_by_heading("p < 0.05") == [(None, "p < 0.05")]


def test_a_title_that_heads_no_section_is_text() -> None:
    fig = "<jats:p>Intro.</jats:p><jats:fig><jats:caption><jats:title>Figure 1</jats:title></jats:caption></jats:fig>"
    assert strip_tags_by_heading(fig) == [(None, "Intro.\n\nFigure 1")]


def test_an_unclosed_heading_ends_where_a_block_starts() -> None:
    assert strip_tags_by_heading("<jats:sec><jats:title>Methods<jats:p>We read.</jats:p>") == [("Methods", "We read.")]


def test_headings_are_sanitised_like_text() -> None:
    pairs = strip_tags_by_heading(
        "<jats:sec><jats:title><b>Aims</b> &amp; <script>x</script>scope</jats:title></jats:sec>"
    )
    assert pairs == [("Aims & xscope", "")]


_MARKUP = st.lists(
    st.sampled_from(
        [
            "<jats:sec>",
            "</jats:sec>",
            "<jats:title>",
            "</jats:title>",
            "<jats:p>",
            "</jats:p>",
            "<jats:italic>",
            "</jats:italic>",
            "<jats:fig>",
            "</jats:fig>",
            "<p>",
            "</p>",
            "<br/>",
            "<b>",
            "&amp;",
            "&lt;",
            "Methods",
            "EVs",
            " ",
            "\n",
            ":",
            "<",
            ">",
        ]
    )
).map("".join)


@given(_MARKUP)
def test_cutting_at_headings_keeps_the_text_of_strip_tags(fragment: str) -> None:
    pairs = strip_tags_by_heading(fragment)
    joined = "".join((heading or "") + text for heading, text in pairs)
    assert "".join(joined.split()) == "".join(strip_tags(fragment).split())
    assert all(heading is None or (heading and "\n" not in heading) for heading, _ in pairs)


def test_markdown_emphasis_is_removed() -> None:
    assert (
        strip_markdown_emphasis("Théry C. *J Extracell Vesicles*. **2018**;7:1535750.")
        == "Théry C. J Extracell Vesicles. 2018;7:1535750."
    )
    assert strip_markdown_emphasis("snake_case_name and 2*3*4") == "snake_case_name and 2*3*4"


def test_title_stop() -> None:
    assert strip_title_stop("迁移体:细胞迁移留下的“功能性足迹”。") == "迁移体:细胞迁移留下的“功能性足迹”"
    assert strip_title_stop("Migrasomes: a review. ") == "Migrasomes: a review"
    assert strip_title_stop("Exosomes in myocardial repair?") == "Exosomes in myocardial repair?"
    assert strip_title_stop("外泌体在心肌修复中的作用？") == "外泌体在心肌修复中的作用？"


def test_whitespace_and_newlines() -> None:
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"
    assert collapse_whitespace("  a \t b \n\n\n\n c  ") == "a b\n\nc"


def test_script_measures() -> None:
    assert has_cjk("MSC-EVs 外泌体") and not has_cjk("MSC-EVs")
    assert cjk_ratio("外泌体ab") == 0.6 and cjk_ratio("123") == 0.0


@given(st.text())
def test_folding_keeps_length(text: str) -> None:
    folded = fold_punctuation(text)
    assert len(folded) == len(text)
    assert "：" not in folded and "，" not in folded


def test_full_width_letters_and_digits_become_ascii_and_punctuation_stays() -> None:
    assert half_width_alnum("微小ＲＮＡ（ｍｉＲ－２１）：综述，２０２４。") == "微小RNA（miR－21）：综述，2024。"


def test_shorten_keeps_short_text_and_cuts_long_text_on_one_line() -> None:
    assert shorten("文献详情\n") == "文献详情"
    assert shorten("Exported from\nthe platform", limit=12) == "Exported fr…"
