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
