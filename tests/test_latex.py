"""LaTeX fragments from PDF conversion turned into readable text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.sources.latex import math_to_text, replace_math


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (r"$3 0 { \sim } 1 5 0 ~ \mathrm { n m }$", "30~150 nm"),
        (r"$8 \%$", "8%"),
        (r"$0 . 4 5 ~ { \mu \mathrm { m } }$", "0.45 μm"),
        (r"$1 0 ^ { 7 } { \sim } 1 0 ^ { 9 }$", "10⁷~10⁹"),
        (r"$\mathrm { \ d d H _ { 2 } O }$", "ddH₂O"),
        (r"$\left( 3 6 6 . 7 1 \pm 2 9 2 . 6 9 \right) \mathrm { n g / m L }$", "(366.71±292.69)ng/mL"),
        (r"$( 8 0 \mathrm { V } , 3 0 \operatorname* { m i n } )$", "(80V,30min)"),
        (r"$4 { \mathrm { ~ } } ^ { \circ } \mathrm { C }$", "4 °C"),
        (r"$\textsuperscript { \textregistered }$", "®"),
        (r"$J$", "J"),
        (r"$2 2 . 0 7 \% { \sim } 4 2 . 0 8 \%$", "22.07%~42.08%"),
        (r"$\text{per cell}$", "per cell"),
        (r"$5 \mathfrak { a }$", "5a"),
        (r"$\hbar$", "ℏ"),
        (r"$\langle x \rangle$", "⟨x⟩"),
    ],
)
def test_fragments(fragment: str, expected: str) -> None:
    assert replace_math(fragment) == expected


def test_fragment_inside_a_sentence() -> None:
    line = r"一种直径约 $3 0 { \sim } 1 5 0 ~ \mathrm { n m }$ 的膜性囊泡[1-2]"
    assert replace_math(line) == "一种直径约 30~150 nm 的膜性囊泡[1-2]"


def test_text_without_math_is_untouched() -> None:
    line = "外泌体 (Exosomes) 的直径在 30-150 nm 之间, 价格 5 $ 左右"
    assert replace_math(line) == line


def test_unknown_command_keeps_its_name() -> None:
    assert math_to_text(r"\foo { x }") == "foox"


@given(st.text(max_size=80))
def test_any_text_gives_text_without_dollar_pairs(text: str) -> None:
    result = replace_math(text)
    assert isinstance(result, str)
    if "$" not in text:
        assert result == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (r"年龄22\~63岁", "年龄22~63岁"),
        (r"Wang等人\*对肿瘤", "Wang等人*对肿瘤"),
        (r"\[J\]. 细胞 \_ 生物", "[J]. 细胞 _ 生物"),
        (r"中位值为 $56 \%$ 和 \% 号", "中位值为 56% 和 % 号"),
    ],
)
def test_a_full_text_line_loses_its_markdown_escapes(line: str, expected: str) -> None:
    from evdigest.sources.fulltext_text import split_lines

    (read,) = split_lines(line)
    assert read.text == expected
