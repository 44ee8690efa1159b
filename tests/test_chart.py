"""The bar chart of cited works by year: its labels lie inside its view box."""

from __future__ import annotations

from evdigest.render.chart import WIDTH, Label, year_chart

DIGIT_WIDTH = 0.64 * 11
"""A digit of a label (11 units high) and a little room, as wide as the widest sans-serif digits."""


def extent(label: Label) -> tuple[float, float]:
    """The left and right edges of a label, its digits :data:`DIGIT_WIDTH` wide."""
    width = len(label.text) * DIGIT_WIDTH
    left = label.x - {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    return round(left, 2), round(left + width, 2)


def test_the_years_at_either_end_lie_inside_the_view_box() -> None:
    chart = year_chart("chart-yan", [1983, 1999, 2005, 2014, 2017, 2018, 2018, 2019, 2021, 2021])
    first, top, zero, last = chart.labels
    assert (first.text, last.text) == ("1983", "2021")
    assert extent(first) == (19.66, 47.82)
    assert extent(last) == (451.84, WIDTH)
    assert (top.text, top.x, zero.text, zero.x) == ("2", 24, "0", 24)


def test_a_chart_of_one_year_centres_it_under_its_bar() -> None:
    chart = year_chart("chart-one", [2020, 2020])
    assert [(label.text, label.x, label.anchor) for label in chart.labels] == [
        ("2020", 252.0, "middle"),
        ("2", 24, "end"),
        ("0", 24, "end"),
    ]
