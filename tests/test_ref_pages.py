"""Page ranges of references: an end page printed short is written out whole wherever pages are used."""

from __future__ import annotations

import pytest
import rispy
from hypothesis import given
from hypothesis import strategies as st

from evdigest.export import bibtex, ris
from evdigest.refs.format import get_formatter
from evdigest.refs.pages import page_bounds, shortened_end, whole_range

VANCOUVER = "nlm-citation-sequence"
GBT = "china-national-standard-gb-t-7714-2015-numeric"


@pytest.mark.parametrize(
    ("page", "bounds"),
    [
        ("329-38", ("329", "338")),
        ("605-6", ("605", "606")),
        ("1907-20", ("1907", "1920")),
        ("E1127-36", ("E1127", "E1136")),
        ("E1280–1288", ("E1280", "1288")),
        ("98-102", ("98", "102")),
        ("165--178", ("165", "178")),
        ("eaau6977", ("eaau6977", None)),
        ("1612589", ("1612589", None)),
        ("e12-e14", ("e12", "e14")),
        ("12-ii", ("12", "ii")),
    ],
)
def test_page_bounds(page: str, bounds: tuple[str, str | None]) -> None:
    assert page_bounds(page) == bounds


@pytest.mark.parametrize("page", ["944–947", "165--178", "10-²", "329-３８", "eaau6977", "E1280–1288"])
def test_a_range_printed_whole_or_unreadable_stays_as_given(page: str) -> None:
    assert whole_range(page) == page
    assert page_bounds(page)[0]  # never raises


@given(st.integers(1, 99_999), st.integers(0, 99_999))
def test_a_range_printed_short_reads_as_the_whole_one(first: int, span: int) -> None:
    last = first + span
    digits, end = str(first), str(last)
    if len(end) == len(digits):  # print the end page short, as journals do: only the digits that change
        shared = next((i for i, (a, b) in enumerate(zip(digits, end, strict=True)) if a != b), len(end) - 1)
        end = end[shared:]
    assert page_bounds(f"{first}-{end}") == (str(first), str(last))
    assert whole_range(f"{first}-{end}") == f"{first}-{last}"


def article(page: str) -> dict:
    return {
        "id": "x",
        "type": "article-journal",
        "author": [{"family": "Mathivanan", "given": "S."}],
        "title": "Exosomes: extracellular organelles important in intercellular communication",
        "container-title": "J Proteomics",
        "issued": {"date-parts": [[2010]]},
        "volume": "73",
        "issue": "10",
        "page": page,
    }


def test_formatted_references_shorten_a_whole_range_their_own_way() -> None:
    assert "2010;73(10):1907–20." in get_formatter(VANCOUVER).format(article("1907-20")).text
    assert "2010;73(10):329–38." in get_formatter(VANCOUVER).format(article("329-38")).text
    assert "2010, 73(10): 1907-1920." in get_formatter(GBT).format(article("1907-20")).text


def test_exports_write_the_whole_end_page() -> None:
    (record,) = rispy.loads(ris.dumps([(article("1907-20"), False)]))
    assert (record["start_page"], record["end_page"]) == ("1907", "1920")
    assert "pages = {1907--1920}" in bibtex.dumps([(article("1907-20"), False)])


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("1-13", "1–13"),
        ("12-125", "12–125"),
        ("98-102", "98–102"),
        ("1-10", "1–10"),
        ("321-328", "321–8"),
        ("2787-2816", "2787–816"),
        ("E1127-E1136", "E1127–36"),
        ("e12-f14", "e12–f14"),
        ("12-12", "12–12"),
    ],
)
def test_vancouver_leaves_out_only_digits_shared_by_numbers_of_one_length(page: str, shown: str) -> None:
    # journal articles are written by evdigest itself, chapters through citeproc-py: both follow the rule
    chapter = {**article(page), "type": "chapter", "container-title": "Extracellular vesicles in health"}
    assert f":{shown}." in get_formatter(VANCOUVER).format(article(page)).text
    assert f"p. {shown}." in get_formatter(VANCOUVER).format(chapter).text


@given(st.integers(1, 99_999), st.integers(0, 99_999))
def test_a_shortened_end_page_reads_back_as_the_whole_one(first: int, span: int) -> None:
    last = first + span
    end = shortened_end(str(first), str(last))
    assert str(last).endswith(end) and end
    assert page_bounds(f"{first}-{end}") == (str(first), str(last))


@pytest.mark.parametrize(
    ("first", "last", "keep", "end"),
    [
        ("321", "328", 1, "8"),
        ("321", "328", 2, "28"),
        ("42", "45", 2, "45"),
        ("1", "9", 2, "9"),
        ("1", "10", 2, "10"),
        ("2787", "2816", 2, "816"),
        ("1339", "1230", 1, "1230"),
        ("5788", "5700", 2, "5700"),
    ],
)
def test_a_shortened_end_page_keeps_as_many_digits_as_asked(first: str, last: str, keep: int, end: str) -> None:
    """``minimal-two`` keeps two digits at least (``321-328`` -> ``28``), never more than the end page has; a
    range ending before it starts is no range of pages to shorten and keeps its end page whole."""
    assert shortened_end(first, last, keep) == end


@given(st.integers(1, 99_999), st.integers(0, 99_999), st.integers(1, 3))
def test_an_end_page_shortened_to_some_digits_reads_back_as_the_whole_one(first: int, span: int, keep: int) -> None:
    last = first + span
    end = shortened_end(str(first), str(last), keep)
    assert str(last).endswith(end) and len(end) >= min(keep, len(str(last)))
    assert page_bounds(f"{first}-{end}") == (str(first), str(last))
