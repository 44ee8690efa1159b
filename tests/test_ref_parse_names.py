"""Author lists of reference strings: where a list ends and how each name is read."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        (
            "Théry C. Exosomes: secreted vesicles and intercellular communications. F1000 Biol Rep. 2011;3:15.",
            {"family": "Théry", "given": "C."},
            "Exosomes: secreted vesicles and intercellular communications",
        ),
        (
            "Kovacs EI. Vesicles: carriers of lipids across the membrane. Nat Rev Immunol. 2023;23(4):236-250.",
            {"family": "Kovacs", "given": "E. I."},
            "Vesicles: carriers of lipids across the membrane",
        ),
    ],
)
def test_single_author_before_a_title_with_a_colon(raw: str, author: dict, title: str) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["author"] == [author]
    assert parsed.item["title"] == title
    assert parsed.status == "full"


def test_an_author_list_may_still_end_at_a_colon() -> None:
    parsed = parse_reference("Raposo G, Stoorvogel W: Extracellular vesicles: friends. J Cell Biol 2013, 200:373-383.")
    assert parsed.item["author"] == [{"family": "Raposo", "given": "G."}, {"family": "Stoorvogel", "given": "W."}]
    assert parsed.item["title"] == "Extracellular vesicles: friends"
