"""DOIs printed in a reference: bare where the locator goes, labelled in the forms journals and ACM print."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs.parse import parse_reference


@pytest.mark.parametrize(
    ("raw", "journal", "year", "doi"),
    [
        (
            "Smith J, Lee K. Exosomes in immunity. Immunology, 2019, 10.1111/imm.13001.",
            "Immunology",
            2019,
            "10.1111/imm.13001",
        ),
        (
            "Smith J, Lee K. Exosomes as biomarkers. J Extracell Vesicles. 2020;10.1080/20013078.2020.1234567.",
            "J Extracell Vesicles",
            2020,
            "10.1080/20013078.2020.1234567",
        ),
        (
            "Wang X, Li Y. Exosomes in cancer. Mol Cancer, 2023: 10.1186/s12943-023-01234-5",
            "Mol Cancer",
            2023,
            "10.1186/s12943-023-01234-5",
        ),
        (
            "王晓明, 李娜. 外泌体在肿瘤中的作用[J]. Mol Cancer, 2023: 10.1186/s12943-023-01234-5.",
            "Mol Cancer",
            2023,
            "10.1186/s12943-023-01234-5",
        ),
        (
            "王晓明，李娜．外泌体在肿瘤中的作用［J］．中华医学杂志，2021，10.3760/cma.j.cn112137-20201022-02345．",
            "中华医学杂志",
            2021,
            "10.3760/cma.j.cn112137-20201022-02345",
        ),
        (
            "Smith, J., & Lee, K. (2019). Exosomes in immunity. Immunology, 10.1111/imm.13001",
            "Immunology",
            2019,
            "10.1111/imm.13001",
        ),
        (
            "Smith J, Lee K. Exosomes in immunity. Immunology. 2019; 10.1111/IMM.13001. PMID: 30123456.",
            "Immunology",
            2019,
            "10.1111/IMM.13001",
        ),
        # reference 6 of ChinaXiv 201901.00122: a labelled DOI, wrapped, where the numbers go
        (
            "Li X,Li X,Lin J,et al. Exosomes Derived From Low-Intensity Pulsed Ultrasound-Treated Dendritic Cells "
            "Suppress Tumor Necrosis Factor-Induced Endothelial Inflammation[J]. J Ultrasound Med, 2018，doi: "
            "10.1002/jum. 14898.",
            "J Ultrasound Med",
            2018,
            "10.1002/jum.14898",
        ),
    ],
)
def test_a_doi_printed_where_the_locator_goes_is_the_doi_and_no_numbers(
    raw: str, journal: str, year: int, doi: str
) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["DOI"] == doi
    assert parsed.item["container-title"] == journal
    assert parsed.item["issued"] == {"date-parts": [[year]]}
    assert not {"volume", "issue", "page", "number"} & set(parsed.item)
    assert parsed.status == "full", parsed.problems  # an article cited by its DOI alone lacks nothing printed


def test_a_bare_doi_after_the_numbers_is_the_doi() -> None:
    parsed = parse_reference("Smith J, Lee K. Exosomes in immunity. Immunology. 2019;10(2):1-5. 10.1111/imm.13001")
    item = parsed.item
    assert (item["volume"], item["issue"], item["page"], item["DOI"]) == ("10", "2", "1-5", "10.1111/imm.13001")
    assert parsed.status == "full"


def test_a_doi_inside_a_link_stays_in_the_link() -> None:
    raw = (
        "Smith J, Lee K. Exosomes in immunity. Immunology. 2019;10(2):1-5. "
        "https://onlinelibrary.wiley.com/doi/10.1111/imm.13001"
    )
    item = parse_reference(raw).item
    assert "DOI" not in item
    assert item["URL"] == "https://onlinelibrary.wiley.com/doi/10.1111/imm.13001"


def test_a_doi_without_a_year_or_separator_before_it_still_needs_the_numbers() -> None:
    """``Frontiers in Immunology doi: 10.3389/…`` and ``Journal. doi: …``: not printed as the locator."""
    parsed = parse_reference("Smith J, Lee K. Exosomes in immunity. Research Information. doi:10.1787/603233448430")
    assert parsed.item["DOI"] == "10.1787/603233448430"
    assert {"no volume", "no page"} <= set(parsed.problems)


@pytest.mark.parametrize(
    ("raw", "doi", "locator"),
    [
        # AnyStyle core.xml #910: ACM's Digital Library prints "[doi>…]"
        (
            "Alireza Shameli-Sendi , Michel Dagenais, ARITO: Cyber-attack response system using accurate risk "
            "impact tolerance, International Journal of Information Security, v.13 n.4, p.367-390, August 2014 "
            "[doi>10.1007/s10207-013-0222-9]",
            "10.1007/s10207-013-0222-9",
            ("13", "4", "367-390"),
        ),
        # AnyStyle gold.xml #110: the label before the link
        (
            "Robins, A., Rountree, J., & Rountree, N. (2003). Learning and teaching programming: A review and "
            "discussion. Computer Science Education, 13(2), 137-172. DOI:http://dx.doi.org/10.1076/csed.13.2.137.14200",
            "10.1076/csed.13.2.137.14200",
            ("13", "2", "137-172"),
        ),
    ],
)
def test_a_doi_labelled_the_acm_way_or_before_its_link_is_read_whole(
    raw: str, doi: str, locator: tuple[str, str, str]
) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["DOI"] == doi
    assert (parsed.item["volume"], parsed.item["issue"], parsed.item["page"]) == locator
    assert parsed.status == "full", parsed.problems


# "10.1111/imm.13001", "10.1080/20013078.2020.1234567": a registrant code and a suffix of DOI characters
DOIS = st.builds(
    "10.{}/{}{}".format,
    st.integers(1000, 99999),
    st.sampled_from(["imm.", "s12943-", "j.cell.", "jev2.", "", "nature"]),
    st.from_regex(r"[0-9][0-9a-z.\-]{2,20}[0-9a-z]", fullmatch=True),
)


@settings(max_examples=120, deadline=None)
@given(
    doi=DOIS,
    year=st.integers(1990, 2025),
    separator=st.sampled_from([", ", ",", "; ", ";", ": ", ". ", "，", "；", "："]),
    end=st.sampled_from(["", ".", ". ", "．"]),
    form=st.sampled_from(
        [
            "Smith J, Lee K. Exosomes in immunity. Immunology{sep0}{year}{sep}{doi}{end}",
            "王晓明, 李娜. 外泌体的作用[J]. Immunology, {year}{sep}{doi}{end}",
        ]
    ),
)
def test_any_doi_printed_after_the_year_is_read_as_the_doi(
    doi: str, year: int, separator: str, end: str, form: str
) -> None:
    raw = form.format(sep0=". ", year=year, sep=separator, doi=doi, end=end)
    parsed = parse_reference(raw)
    assert parsed.item["DOI"] == doi.rstrip(".")
    assert parsed.item["container-title"] == "Immunology"
    assert parsed.item["issued"] == {"date-parts": [[year]]}
    assert not {"volume", "issue", "page"} & set(parsed.item)
