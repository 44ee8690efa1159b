"""Where the title ends and the journal begins, and what is left around them."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference

# (printed string, title, journal): Vancouver strings whose title ends in a short capitalised word.
SHORT_WORD_ENDINGS = [
    (
        "Wang X, Li Y. Exosomes released by cells infected with hepatitis B. J Hepatol. 2019;70(2):300-310.",
        "Exosomes released by cells infected with hepatitis B",
        "J Hepatol",
    ),
    (
        "Lee M, Park S. Vesicle Research: Where We Are and Where We Need to Go. Cell. 2016;164(6):1226-1232.",
        "Vesicle Research: Where We Are and Where We Need to Go",
        "Cell",
    ),
    (
        "Ortiz L, Wood MJ. Delivery of siRNA to the Brain by Targeted Exosomes In Vivo. Nat Biotechnol. 2011;29(4):341-5.",
        "Delivery of siRNA to the Brain by Targeted Exosomes In Vivo",
        "Nat Biotechnol",
    ),
    (
        "Kim Y, Lee D. Outcomes of trabeculectomy with mitomycin C. Am J Ophthalmol. 2002;133(5):601-7.",
        "Outcomes of trabeculectomy with mitomycin C",
        "Am J Ophthalmol",
    ),
]


@pytest.mark.parametrize(("raw", "title", "journal"), SHORT_WORD_ENDINGS)
def test_title_ending_in_a_short_capitalised_word(raw: str, title: str, journal: str) -> None:
    parsed = parse_reference(raw)
    assert (parsed.item["title"], parsed.item["container-title"]) == (title, journal)
    assert parsed.status == "full"


@pytest.mark.parametrize(
    ("raw", "title", "journal"),
    [
        ("Smith A. Title of a paper. Comm. ACM 37(7), 72-76 (1994).", "Title of a paper", "Comm. ACM"),
        ("Smith A. Membranes of E. coli. J Bacteriol. 2001;183(2):1-9.", "Membranes of E. coli", "J Bacteriol"),
        (
            "Boucher O. Irrigation and climate, Clim. Dynam., 22, 597-603, 2004.",
            "Irrigation and climate",
            "Clim. Dynam.",
        ),
    ],
)
def test_abbreviated_journals_stay_whole(raw: str, title: str, journal: str) -> None:
    parsed = parse_reference(raw)
    assert (parsed.item["title"], parsed.item["container-title"]) == (title, journal)


def test_one_word_title() -> None:
    parsed = parse_reference("Pegtel DM, Gould SJ. Exosomes. Annu Rev Biochem. 2019;88:487-514.")
    assert (parsed.item["title"], parsed.item["container-title"]) == ("Exosomes", "Annu Rev Biochem")
    assert parsed.status == "full"


def test_pubmed_locator_of_an_article_ahead_of_print() -> None:
    parsed = parse_reference(
        "Doe J, Roe R. Vesicle heterogeneity revisited. Cell. 2024 Jan 5:S0092-8674(23)01234-5. "
        "doi: 10.1016/j.cell.2023.12.001. Epub ahead of print. PMID: 38181234."
    )
    item = parsed.item
    assert (item["title"], item["container-title"]) == ("Vesicle heterogeneity revisited", "Cell")
    assert item["issued"] == {"date-parts": [[2024]]}
    assert "volume" not in item and "page" not in item
    assert item["note"] == "online ahead of print; PII: S0092-8674(23)01234-5"
    assert parsed.status == "full"


def test_title_ending_in_a_short_word_before_a_journal_written_in_full() -> None:
    parsed = parse_reference(
        "Dorcas, M. E., & Hart, K. M. 2012. Mammal declines in Everglades National Park. Proceedings of the "
        "National Academy of Sciences 109: 2418–2422."
    )
    assert parsed.item["title"] == "Mammal declines in Everglades National Park"
    assert parsed.item["container-title"] == "Proceedings of the National Academy of Sciences"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Brown T, Green S. Vesicle proteomics. J Proteome Res [Internet]. 2021 [cited 2024 May 3];20(5):2345-2356. "
            "Available from: https://pubs.acs.org/doi/10.1021/acs.jproteome.0c00999",
            {"container-title": "J Proteome Res", "volume": "20", "issue": "5", "page": "2345-2356"},
        ),
        (
            "Smith, J. and Jones, K. (2019) 'Exosome uptake by macrophages', Journal of Immunology, 203(3), "
            "pp. 100-110. doi:10.4049/jimmunol.1900001.",
            {"title": "Exosome uptake by macrophages", "container-title": "Journal of Immunology", "page": "100-110"},
        ),
        (
            "Mufti, M. (2015) ‘Democratizing Potential of the ‘Arab Spring’: Some Early Observations’, Government "
            "and Opposition, 50(3), pp. 394-419.",
            {"title": "Democratizing Potential of the 'Arab Spring': Some Early Observations"},
        ),
        (
            "Zhang, Y., Liu, Y., & Tang, W. H. (2019). Exosomes: Biogenesis and clinical potential. Cell & Bioscience, "
            "9, Article 19. https://doi.org/10.1186/s13578-019-0282-2",
            {"container-title": "Cell & Bioscience", "volume": "9", "page": "19", "number": "19"},
        ),
        (
            "Zhang Y, Bi J, Li P. Exosome: A Review of Its Classification. Int J Nanomedicine. 2020 Sep 22;15:6917-6934. "
            "doi: 10.2147/IJN.S264498. eCollection 2020. PMID: 33061359; PMCID: PMC7519827.",
            {"container-title": "Int J Nanomedicine", "volume": "15", "page": "6917-6934", "PMID": "33061359"},
        ),
    ],
)
def test_printed_extras_around_title_and_journal(raw: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    for key, value in expected.items():
        assert parsed.item.get(key) == value, (key, parsed.item)
    assert parsed.status == "full", parsed.problems


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("-- 2001. Exosomes. Boston: Harvard.", {"type": "book", "title": "Exosomes", "publisher": "Harvard"}),
        ("-- (2001). Exosomes. Boston: Harvard.", {"type": "book", "title": "Exosomes", "publisher": "Harvard"}),
        ("–– Exosomes. Boston: Harvard; 2001.", {"type": "book", "title": "Exosomes", "publisher": "Harvard"}),
        (
            '-- "Exosomes." Journal of Biology 1 (2001): 2-3.',
            {"type": "article-journal", "title": "Exosomes", "container-title": "Journal of Biology"},
        ),
        ("-- Exosomes, Boston: Harvard, 2001.", {"type": "book", "title": "Exosomes", "publisher": "Harvard"}),
        ("- - Exosomes. Boston: Harvard, 2001.", {"type": "book", "title": "Exosomes", "publisher": "Harvard"}),
    ],
)
def test_two_hyphens_or_en_dashes_and_a_space_are_the_rule_for_the_author_above(raw: str, fields: dict) -> None:
    """``-- 2001. Exosomes.``, ``–– Exosomes.``: two hyphens or two en dashes and a space are the rule printed for
    the author of the reference above, whatever follows them, not a list's bullet (one hyphen: ``- H. PLAGNOL``) nor
    the first words of the title."""
    item = parse_reference(raw).item
    assert "author" not in item
    assert {key: item.get(key) for key in fields} == fields
    assert item["issued"] == {"date-parts": [[2001]]}
