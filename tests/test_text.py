"""Pure text functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evdigest.text import (
    cjk_ratio,
    collapse_whitespace,
    fold_punctuation,
    has_cjk,
    normalize_text,
    strip_markdown_emphasis,
    strip_tags,
    strip_title_stop,
)


def test_strip_tags_keeps_paragraphs_and_decodes_entities() -> None:
    assert (
        strip_tags("<p><p>Migrasomes &amp; EVs</p><p>are <i>vesicles</i>&nbsp;too.</p>")
        == "Migrasomes & EVs\n\nare vesicles too."
    )
    assert strip_tags("p < 0.05 and x>1") == "p < 0.05 and x>1"


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
