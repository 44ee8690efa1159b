"""Affiliation marks printed as superscripts after author names."""

from __future__ import annotations

import pytest

from evdigest.sources.names import parse_authors, superscript_marks


@pytest.mark.parametrize(
    ("printed", "plain"),
    [
        ("Qian Chen¹²", "Qian Chen1,2"),
        ("Qian Chen¹˒³", "Qian Chen1,3"),
        ("Qian Chen¹⁰", "Qian Chen10"),
        ("Qian Chen¹¹", "Qian Chen11"),
        ("Qian Chen¹*", "Qian Chen1*"),
        ("Qian Chen", "Qian Chen"),
    ],
)
def test_superscript_marks_become_plain_numbers(printed: str, plain: str) -> None:
    assert superscript_marks(printed) == plain


def test_superscript_marks_are_affiliations_of_their_author() -> None:
    authors, _ = parse_authors("Li Wei¹²，Zhou Qian¹，Xu Tao¹*, Ma Jun¹, ²", "family-first")
    assert [(a.family, a.given, a.affiliations, a.corresponding) for a in authors] == [
        ("Li", "Wei", (0, 1), False),
        ("Zhou", "Qian", (0,), False),
        ("Xu", "Tao", (0,), True),
        ("Ma", "Jun", (0, 1), False),
    ]
