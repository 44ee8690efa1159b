"""Which table cells of a PDF break a long run of characters anywhere."""

from __future__ import annotations

import pytest

from evdigest.render.pdf_view import _cell


@pytest.mark.parametrize(
    "text",
    [
        "ACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT",  # a sequence
        "https://doi.org/10.12307/2025.573",  # a URL
        "1.5×10^9particles/mL",  # a number and its unit written together
        "检测序列ACGTACGTACGTACGTACGTACGT",
    ],
)
def test_a_run_that_is_no_word_breaks_anywhere(text: str) -> None:
    assert _cell(text).long


@pytest.mark.parametrize(
    "text",
    [
        "immunohistochemistry",
        "Phosphatidylethanolamine,",
        "mesenchymal-stem-cell-derived",
        "免疫组织化学 immunohistochemistry 染色",
        "short words only",
        # bracketed, quoted, paired or compound
        "(immunohistochemistry)",
        '"immunohistochemistry"',
        "immunohistochemistry/immunofluorescence",
        "phosphatidylethanolamine(PE)",
        "N-acetylglucosaminyltransferase",
        "interleukin-1β-stimulated",
    ],
)
def test_a_word_however_long_stays_whole(text: str) -> None:
    """A long word is no long token: broken anywhere it would read as two words in the Chinese editions, which
    do not hyphenate."""
    assert not _cell(text).long
