"""Chinese names in pinyin printed family name first in references (``Zhang Xiaoyu``)."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference
from evdigest.refs.pinyin_names import family_first, is_pinyin


@pytest.mark.parametrize(
    ("authors", "names"),
    [
        ("Zhang Xiaoyu, Li Ming", [("Zhang", "Xiaoyu"), ("Li", "Ming")]),  # family name first
        ("Wang Li, Chen Qing-feng", [("Wang", "Li"), ("Chen", "Qing-feng")]),  # the second name tells
        ("Xiaoyu Zhang, Ming Li", [("Zhang", "Xiaoyu"), ("Li", "Ming")]),  # given name first
        ("Anna Li, John Smith", [("Li", "Anna"), ("Smith", "John")]),
        ("Mary Wang, Ming Li", [("Wang", "Mary"), ("Li", "Ming")]),
    ],
)
def test_pinyin_names_are_read_in_the_order_they_are_printed(authors: str, names: list[tuple[str, str]]) -> None:
    item = parse_reference(f"{authors}. Exosomes in liver disease. Chin Med J. 2020;133(1):1-5.").item
    assert [(a["family"], a["given"]) for a in item["author"]] == names


def test_the_order_needs_a_name_that_tells_it() -> None:
    assert family_first([("Zhang", "Xiaoyu")])
    assert not family_first([("Wang", "Li")])  # both are surnames: read as printed, given name first
    assert not family_first([("Zhang", "Xiaoyu"), ("Xiaoyu", "Zhang")])  # the names disagree
    assert not family_first([("Zhang", "Mary")])  # not pinyin
    assert (
        is_pinyin("Qing-feng")
        and is_pinyin("Ruyue")
        and not is_pinyin("John")
        and not is_pinyin("Jan")
        and not is_pinyin("Van")
    )
