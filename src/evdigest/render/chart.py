"""Geometry of the small bar chart of cited works by publication year (drawn as inline SVG by a template)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from ..model import Reference, Work, quick_pickling
from .refview import csl_year

WIDTH = 480
HEIGHT = 140
PAD_LEFT = 28
PAD_BOTTOM = 22
PAD_TOP = 8
LABEL_SIZE = 11
"""The font size of the labels, in the view box's units (``.year-chart text`` in the site's CSS)."""
DIGIT_WIDTH = 0.64 * LABEL_SIZE
"""The width of a digit of a label: a little more than the digits of the usual sans-serif faces."""


@quick_pickling
@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its box and the year and count it stands for."""

    x: float
    y: float
    w: float
    h: float
    year: int
    count: int


@quick_pickling
@dataclass(frozen=True, slots=True)
class Label:
    """One axis label."""

    x: float
    y: float
    text: str
    anchor: str = "middle"


@quick_pickling
@dataclass(frozen=True, slots=True)
class YearChart:
    """Bars, axis labels and the table the chart summarises."""

    id: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    labels: tuple[Label, ...]
    rows: tuple[tuple[int, int], ...]
    """``(year, count)`` for every year with at least one work."""
    total: int
    baseline: float
    summary: str = ""
    caption: str = ""

    @property
    def empty(self) -> bool:
        """True when no work has a year."""
        return not self.rows

    @property
    def first(self) -> int:
        """The earliest year."""
        return self.rows[0][0]

    @property
    def last(self) -> int:
        """The latest year."""
        return self.rows[-1][0]

    @property
    def peaks(self) -> tuple[int, ...]:
        """Every year with the most works, earliest first: a summary naming one of equals would misreport the
        others."""
        top = max(count for _, count in self.rows)
        return tuple(year for year, count in self.rows if count == top)


def work_years(refs: Iterable[Reference], works: Mapping[str, Work]) -> list[int | None]:
    """The year of each distinct work ``refs`` cite, in order of first citation: references to one work count
    once, and a reference without a work in ``works`` is a work of its own. A year is the one the work's CSL
    item gives (``issued``), as the reference data does; None when it gives none (a year in the printed text
    is not taken)."""
    years: dict[object, int | None] = {}
    for ref in refs:
        work = works.get(ref.work_id or "")
        key: object = work.id if work is not None else id(ref)
        if key not in years:
            years[key] = csl_year(work.csl if work is not None else ref.csl)
    return list(years.values())


def year_chart(chart_id: str, years: Iterable[int | None]) -> YearChart:
    """Lay out one bar per year from the first to the last year (gaps stay visible)."""
    counts = Counter(y for y in years if isinstance(y, int) and 1000 < y < 3000)
    rows = tuple(sorted(counts.items()))
    baseline = HEIGHT - PAD_BOTTOM
    if not rows:
        return YearChart(chart_id, WIDTH, HEIGHT, (), (), (), 0, baseline)
    first, last = rows[0][0], rows[-1][0]
    span = last - first + 1
    slot = (WIDTH - PAD_LEFT - 4) / span
    top = max(counts.values())
    scale = (baseline - PAD_TOP) / top
    bars = tuple(
        Bar(
            x=round(PAD_LEFT + (year - first) * slot + slot * 0.1, 2),
            y=round(baseline - count * scale, 2),
            w=round(max(slot * 0.8, 1.0), 2),
            h=round(count * scale, 2),
            year=year,
            count=count,
        )
        for year, count in rows
    )
    labels = [
        Label(PAD_LEFT + slot / 2, HEIGHT - 6, str(first)),
        Label(PAD_LEFT - 4, PAD_TOP + 8, str(top), "end"),
        Label(PAD_LEFT - 4, baseline, "0", "end"),
    ]
    if last != first:
        labels.append(Label(PAD_LEFT + (span - 0.5) * slot, HEIGHT - 6, str(last)))
    shown = tuple(inside(label) for label in labels)
    return YearChart(chart_id, WIDTH, HEIGHT, bars, shown, rows, sum(counts.values()), baseline)


def inside(label: Label) -> Label:
    """``label`` moved along its line as little as it takes to lie inside the view box (a year centred
    under a bar at either end would stick out)."""
    width = len(label.text) * DIGIT_WIDTH
    before = {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    x = min(max(label.x, before), WIDTH - width + before)
    return replace(label, x=round(x, 2))


def summarized(chart: YearChart, msg: Callable[..., str]) -> YearChart:
    """The chart with its one-line text summary (the ``<desc>`` and caption) in the page's language."""
    if chart.empty:
        text = msg("chart_empty")
    else:
        peak = year_list(chart.peaks, msg)
        text = msg("chart_summary", count=chart.total, first=chart.first, last=chart.last, peak=peak)
    return replace(chart, summary=text, caption=msg("chart_caption", title=msg("entry_chart_title"), summary=text))


def year_list(years: tuple[int, ...], msg: Callable[..., str]) -> str:
    """Years as the page's language lists them: ``2021``, ``2020 and 2021``, ``2019, 2020 and 2021``;
    ``2020年和2021年``, ``2019年、2020年和2021年``."""
    named = [msg("chart_peak_year", year=year) for year in years]
    if len(named) == 1:
        return named[0]
    return msg("chart_peak_and", years=msg("chart_peak_separator").join(named[:-1]), last=named[-1])
