"""The year charts count what the reference data holds: each work once, by the year its CSL item gives,
and no undated work."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from test_site_render import BASE_URL, XHTML, parse_page_bytes, sample_digest

from evdigest.config import Config
from evdigest.model import Digest, Reference, Work
from evdigest.render.chart import summarized, work_years, year_chart
from evdigest.render.i18n import Messages
from evdigest.render.site import SiteRenderer

SLUG = "lyu-2026-exosome-secretion"

UNDATED_RAW = "Anon. Exosomes in 2019 and beyond. Unknown Journal."
"""A reference whose CSL item has no date: its text names a year, which no chart takes."""


def digest_with_repeats() -> Digest:
    """The sample digest with two more references in the Chinese article: one citing again a work it cites
    (Kalluri 2020, under another number) and one to an undated work."""
    digest = sample_digest()
    lyu = next(e for e in digest.entries if e.slug == SLUG)
    kalluri = lyu.references[0]
    again = Reference(4, "Kalluri R, LeBleu VS. Science, 2020.", csl=kalluri.csl, work_id="w-kalluri")
    undated_csl = {"id": "r5", "type": "article-journal", "title": "Exosomes in 2019 and beyond"}
    undated = Reference(5, UNDATED_RAW, csl=undated_csl, work_id="w-undated")
    lyu = dataclasses.replace(lyu, references=(*lyu.references, again, undated))
    works = (*digest.works, Work("w-undated", undated_csl, raw=UNDATED_RAW))
    entries = tuple(lyu if e.slug == SLUG else e for e in digest.entries)
    return Digest(entries, works, digest.glossary)


def chart_rows(page: bytes) -> list[tuple[int, int]]:
    """The ``(year, count)`` rows of the table under a page's year chart."""
    table = next(d for d in parse_page_bytes(page).iter(f"{XHTML}details") if d.get("class") == "chart-table")
    rows = []
    for tr in table.iter(f"{XHTML}tr"):
        cells = [td.text for td in tr.findall(f"{XHTML}td")]
        if cells:
            rows.append((int(cells[0]), int(cells[1])))
    return rows


def summary(page: bytes) -> str:
    """The chart's one-line summary (its SVG description)."""
    desc = next(parse_page_bytes(page).iter("{http://www.w3.org/2000/svg}desc"))
    return desc.text


def renderer(tmp: Path, digest: Digest) -> SiteRenderer:
    return SiteRenderer(Config(content_dir=tmp, base_url=BASE_URL, editions=("en",)), digest)


def test_a_work_cited_twice_counts_once_and_an_undated_one_not_at_all(tmp_path: Path) -> None:
    digest = digest_with_repeats()
    lyu = next(e for e in digest.entries if e.slug == SLUG)
    page = renderer(tmp_path, digest).entry_page(lyu, "en")
    assert chart_rows(page) == [(2019, 1), (2020, 1), (2021, 1)]
    assert summary(page).startswith("3 dated works")


def test_the_reference_index_counts_only_works_the_data_dates(tmp_path: Path) -> None:
    digest = digest_with_repeats()
    pages = dict(renderer(tmp_path, digest).reference_pages("en"))
    first = pages["en/references/index.html"]
    dated = [w for w in digest.works if (w.csl.get("issued") or {}).get("date-parts")]
    assert len(dated) == len(digest.works) - 1
    assert chart_rows(first) == [(2019, 1), (2020, 1), (2021, 1), (2023, 1)]
    assert summary(first).startswith(f"{len(dated)} dated works")


def test_work_years_gives_each_distinct_work_its_issued_year() -> None:
    csl = {"title": "A", "issued": {"date-parts": [[2018, 5]]}}
    works = {"w-a": Work("w-a", csl), "w-b": Work("w-b", {"title": "B"}, raw="B. Cell. 2017.")}
    refs = [
        Reference(1, "A. 2018.", csl=csl, work_id="w-a"),
        Reference(2, "B. Cell. 2017.", work_id="w-b"),
        Reference(3, "A again. 2018.", csl=csl, work_id="w-a"),
        Reference(4, "C. Nature. 2016.", csl={"title": "C", "issued": {"date-parts": [[2016]]}}),
        Reference(5, "D. 2015.", csl={"title": "D", "issued": {"date-parts": [["2015"]]}}),
    ]
    assert work_years(refs, works) == [2018, None, 2016, 2015]


def test_the_summary_names_every_year_that_has_the_most_works(tmp_path: Path) -> None:
    """2019, 2020 and 2021 each have one work: the summary names the three, not the latest alone ("most in
    2021"), in every edition's words."""
    digest = digest_with_repeats()
    lyu = next(e for e in digest.entries if e.slug == SLUG)
    config = Config(content_dir=tmp_path, base_url=BASE_URL, editions=("en", "zh-hans", "zh-hant"))
    site = SiteRenderer(config, digest)
    summaries = {code: summary(site.entry_page(lyu, code)) for code in config.editions}
    assert summaries == {
        "en": "3 dated works, 2019–2021; most in 2019, 2020 and 2021.",
        "zh-hans": "共 3 篇有年份的文献，2019–2021年；2019年、2020年和2021年最多。",
        "zh-hant": "共 3 篇有年份的文獻，2019–2021年；2019年、2020年和2021年最多。",
    }


def test_the_summary_names_one_year_or_two_as_the_language_lists_them() -> None:
    msg = Messages("en")
    assert summarized(year_chart("c", [2019, 2020, 2020, 2021]), msg).summary.endswith("most in 2020.")
    assert summarized(year_chart("c", [2019, 2020, 2020, 2021, 2021]), msg).summary.endswith("most in 2020 and 2021.")
    zh = summarized(year_chart("c", [2020, 2021]), Messages("zh-hans")).summary
    assert zh.endswith("；2020年和2021年最多。")
