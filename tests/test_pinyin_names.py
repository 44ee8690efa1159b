"""Chinese names in pinyin printed family name first in references (``Zhang Xiaoyu``)."""

from __future__ import annotations

import unicodedata

import pytest

from evdigest.refs.parse import parse_reference
from evdigest.refs.pinyin_names import family_first, is_pinyin, is_syllable


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


def _dictionary_syllables() -> set[str]:
    """Every reading of every character in pypinyin's dictionary without its tone (ü kept): Mandarin's table of
    syllables, its rare ones too ("den", "fiao", "rua", "ê"), but for those with no vowel ("hm", "ng")."""
    from pypinyin.pinyin_dict import pinyin_dict

    tones = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))
    found = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            found.add(unicodedata.normalize("NFC", unicodedata.normalize("NFD", reading).translate(tones)))
    return {syllable for syllable in found if any(vowel in syllable for vowel in "aeiouüê")}


def test_every_syllable_of_mandarin_is_pinyin() -> None:
    table = _dictionary_syllables()
    assert len(table) > 400
    written = table | {s.replace("ü", "v") for s in table} | {"lue", "nue", "tei", "biang"}
    assert [s for s in sorted(written) if not is_syllable(s) or not is_syllable(s.capitalize())] == []
    assert all(is_pinyin(a + b) for a in ("zhuang", "xi", "lüe") for b in sorted(table))


@pytest.mark.parametrize("word", ["fin", "her", "ko", "to", "ho", "so", "ten", "jan", "van", "don", "ton", "hi"])
def test_a_syllable_mandarin_has_not_is_no_pinyin(word: str) -> None:
    assert not is_syllable(word) and not is_pinyin(word)
