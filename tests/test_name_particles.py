"""One list of name particles and one of two-letter pinyin syllables, read by the sources' and the references'
name rules alike."""

from __future__ import annotations

import pytest

from evdigest.name_particles import ARABIC, INNER_ONLY, LOWER_CASE_OPENING, OPENING, PARTICLES
from evdigest.refs.name_case import title_cased
from evdigest.refs.parse_names import parse_name
from evdigest.refs.pinyin_names import TWO_LETTER_SYLLABLES, is_syllable
from evdigest.sources.names import parse_authors, split_latin_name


def test_every_part_of_the_list_is_of_the_list() -> None:
    for part in (INNER_ONLY, OPENING, ARABIC, LOWER_CASE_OPENING):
        assert part <= PARTICLES
    assert LOWER_CASE_OPENING <= OPENING
    assert all(word.islower() for word in PARTICLES)


def test_every_two_letter_syllable_is_spelt_by_the_syllable_pattern() -> None:
    assert all(len(syllable) == 2 and is_syllable(syllable) for syllable in TWO_LETTER_SYLLABLES)


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        ("Jan van der Berg", "given-first", ("van der Berg", "Jan")),
        ("JAN VAN DER BERG", "given-first", ("van der Berg", "Jan")),
        ("Maria dos Santos", "given-first", ("dos Santos", "Maria")),
    ],
)
def test_a_source_splits_a_name_at_its_particle(name: str, order: str, expected: tuple[str, str]) -> None:
    assert split_latin_name(name, order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "order", "expected"),
    [
        ("TEN LI", "family-first", ("Ten", "Li")),
        ("TEN LI", "given-first", ("Li", "Ten")),
        ("TER HAAR", "family-first", ("ter Haar", None)),
        ("VAN DER BERG", "family-first", ("van der Berg", None)),
        ("ten Brink", "given-first", ("ten Brink", None)),
        ("Jan ten Brink", "given-first", ("ten Brink", "Jan")),
    ],
)
def test_a_name_of_two_words_in_capitals_keeps_a_given_name(
    name: str, order: str, expected: tuple[str, str | None]
) -> None:
    """Capitals do not set a particle apart, so a name of two words in capitals whose first is spelt as one and
    whose second is a syllable of a Chinese name is read in its list's order as any name of two words ("TEN LI" was
    the family name ten Li with no given name); one before a Latin family name ("TER HAAR"), whose other words are
    all particles ("VAN DER BERG") or printed with its particle in lower case ("ten Brink") is a family name
    alone."""
    assert split_latin_name(name, order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("DE LUCA, WANG XM", "family-first", [("De Luca", None), ("Wang", "XM")]),
        ("VAN DAM, WANG XM", "family-first", [("van Dam", None), ("Wang", "XM")]),
        ("DA SILVA, LI X", "family-first", [("da Silva", None), ("Li", "X")]),
        ("DE VRIES, Smith", "given-first", [("De Vries", None), ("Smith", None)]),
        # before a syllable of a Chinese, Cantonese or Korean name the word may be a name: read as two words
        ("DE LI, WANG XM", "family-first", [("De", "LI"), ("Wang", "XM")]),
        ("DU HO, WANG XM", "family-first", [("Du", "HO"), ("Wang", "XM")]),
    ],
)
def test_a_name_of_two_words_in_capitals_is_a_family_name_with_its_particle(
    text: str, order: str, expected: list
) -> None:
    """A particle in capitals before a word that is no syllable of a Chinese, Cantonese or Korean name opens the
    family name, as it does printed in mixed case (De Luca, van Dam)."""
    authors, _ = parse_authors(text, order)
    assert [(author.family, author.given) for author in authors] == expected


def test_a_list_of_chinese_names_in_capitals_reads_every_name_with_a_given_name() -> None:
    authors, _ = parse_authors("WANG Xiaoming, TEN LI, ZHANG Wei", "family-first")
    assert [(author.family, author.given) for author in authors] == [
        ("Wang", "Xiaoming"),
        ("Ten", "Li"),
        ("Zhang", "Wei"),
    ]


def test_a_reference_reads_names_with_particles() -> None:
    assert parse_name("van Niel G") == {"family": "van Niel", "given": "G."}
    assert parse_name("da Cunha Santos M") == {"family": "da Cunha Santos", "given": "M."}
    assert parse_name("de J") is None
    assert title_cased("VAN DER POL") == "van der Pol"
    assert title_cased("DA COSTA E SILVA") == "da Costa e Silva"
    assert title_cased("DE LUCA") == "De Luca"
