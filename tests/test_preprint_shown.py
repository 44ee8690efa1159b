"""A review posted at ChinaXiv reads as the preprint it is wherever it is shown: its entry page's citation
line, its home-page card, its PDF summary, and its page's tags for Google Scholar and JSON-LD."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from test_pdf import page_text, squash
from test_site_render import BASE_URL, XHTML, metas, parse_page_bytes

from evdigest.config import Config
from evdigest.model import Digest, Entry, Journal
from evdigest.render.pdf import PdfRenderer
from evdigest.render.site import SiteRenderer
from evdigest.sources import journal_fulltext
from evdigest.sources.base import Origin

NAME = "ChinaXiv-201712.00265V1.md"
TEXT = (Path(__file__).parent / "fixtures" / "chinaxiv" / NAME).read_text(encoding="utf-8")
CODES = ("en", "zh-hans", "zh-hant")
LINES = {
    "en": "Preprint · ChinaXiv:201712.00265V1 · posted 2017-12",
    "zh-hans": "预印本 · ChinaXiv:201712.00265V1 · 2017-12 发布",
    "zh-hant": "預印本 · ChinaXiv:201712.00265V1 · 2017-12 發布",
}


@pytest.fixture(scope="module")
def entry() -> Entry:
    return dataclasses.replace(journal_fulltext.parse(TEXT, Origin(f"sources/{NAME}")), slug="yang-2017-semen")


def site(entry: Entry, tmp: Path) -> SiteRenderer:
    return SiteRenderer(Config(content_dir=tmp, base_url=BASE_URL, editions=CODES), Digest(entries=(entry,)))


def by_class(data: bytes, tag: str, cls: str) -> list[str]:
    root = parse_page_bytes(data)
    return ["".join(el.itertext()) for el in root.iter(f"{XHTML}{tag}") if cls in (el.get("class") or "").split()]


def test_the_reader_keeps_where_the_text_was_posted(entry: Entry) -> None:
    assert entry.preprint is not None
    assert (entry.preprint.server, entry.preprint.id, entry.preprint.label, entry.preprint.posted) == (
        "ChinaXiv",
        "201712.00265",
        "ChinaXiv:201712.00265V1",
        "2017-12",
    )
    assert Entry.from_dict(json.loads(json.dumps(entry.to_dict()))).preprint == entry.preprint


def test_the_entry_page_and_home_card_cite_the_preprint_in_each_edition(entry: Entry, tmp_path: Path) -> None:
    renderer = site(entry, tmp_path)
    for code in CODES:
        assert by_class(renderer.entry_page(entry, code), "p", "citation-line") == [LINES[code]]
        (byline,) = by_class(renderer.home_page(code), "p", "byline")
        assert byline.endswith(" · " + LINES[code]) and "2017 ·" not in byline


def test_a_published_review_posted_at_chinaxiv_is_cited_by_its_journal(entry: Entry, tmp_path: Path) -> None:
    published = dataclasses.replace(entry, journal=Journal(name_zh="南方医科大学学报"), year=2018)
    (line,) = by_class(site(published, tmp_path).entry_page(published, "zh-hans"), "p", "citation-line")
    assert line == "南方医科大学学报, 2018"


def test_the_scholar_tags_and_linked_data_describe_a_preprint(entry: Entry, tmp_path: Path) -> None:
    page = site(entry, tmp_path).entry_page(entry, "en")
    tags = dict(
        (n, c) for n, c in metas(parse_page_bytes(page)) if n.startswith("citation_") and n != "citation_reference"
    )
    assert tags["citation_online_date"] == "2017/12" and tags["citation_publication_date"] == "2017/12"
    assert tags["citation_publisher"] == "ChinaXiv" and "citation_journal_title" not in tags
    root = parse_page_bytes(page)
    script = next(s for s in root.iter(f"{XHTML}script") if s.get("type") == "application/ld+json")
    data = json.loads(script.text or "")
    assert (data["@type"], data["creativeWorkStatus"], data["datePublished"]) == (
        "ScholarlyArticle",
        "Preprint",
        "2017-12",
    )
    assert data["publisher"] == {"@type": "Organization", "name": "ChinaXiv"} and "isPartOf" not in data
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "ChinaXiv", "value": "201712.00265"}


def test_the_pdf_summary_prints_the_preprint_line(entry: Entry, tmp_path: Path) -> None:
    renderer = PdfRenderer(Config(output_dir=tmp_path), Digest(entries=(entry,)))
    for code in CODES:
        assert squash(LINES[code]) in page_text(renderer.entry_pdf(entry, code))


PUBLISHED = "ChinaXiv-202209.00113V1.md"
KEYWORDS = "【关键词】液体活检；循环肿瘤DNA；微小残留病；肺癌\n"
CITATION = (
    "引用本文：闫星，刘山梅，刘长宏．不同体液标本活检在肺癌微小残留疾病监测中的应用［J］．中国全科医学，"
    "2023，26（5）：620-626．"
)


@pytest.fixture(scope="module")
def published() -> Entry:
    """A review posted at ChinaXiv (the server's stamp above its title) whose front matter cites the journal that
    published it, saved under a name that tells nothing."""
    text = (Path(__file__).parent / "fixtures" / "chinaxiv" / PUBLISHED).read_text(encoding="utf-8")
    assert KEYWORDS in text
    stamped = "chinaXiv:202209.00113v1\n\n" + text.replace(KEYWORDS, f"{KEYWORDS}\n{CITATION}\n", 1)
    entry = journal_fulltext.parse(stamped, Origin("sources/lung-mrd.md"))
    return dataclasses.replace(entry, slug="yan-2023-mrd")


def test_a_published_review_shows_its_posting_beside_its_doi_in_each_edition(published: Entry, tmp_path: Path) -> None:
    assert (published.journal.name_zh, published.year, published.preprint and published.preprint.label) == (
        "中国全科医学",
        2023,
        "ChinaXiv:202209.00113V1",
    )
    renderer = site(published, tmp_path)
    assert by_class(renderer.entry_page(published, "zh-hans"), "p", "citation-line") == [
        "中国全科医学, 2023, 26(5): 620-626"
    ]
    for code in CODES:
        root = parse_page_bytes(renderer.entry_page(published, code))
        (links,) = [ul for ul in root.iter(f"{XHTML}ul") if "id-links" in (ul.get("class") or "").split()]
        shown = [("".join(a.itertext()), a.get("href")) for a in links.iter(f"{XHTML}a")]
        assert shown == [
            ("DOI 10.12114/j.issn.1007-9572.2022.0641", "https://doi.org/10.12114/j.issn.1007-9572.2022.0641"),
            ("ChinaXiv:202209.00113V1", "https://chinaxiv.org/abs/202209.00113"),
        ]


def test_a_published_review_s_linked_data_names_its_posting_as_the_same_paper(published: Entry, tmp_path: Path) -> None:
    root = parse_page_bytes(site(published, tmp_path).entry_page(published, "en"))
    script = next(s for s in root.iter(f"{XHTML}script") if s.get("type") == "application/ld+json")
    data = json.loads(script.text or "")
    assert data["sameAs"] == [
        "https://doi.org/10.12114/j.issn.1007-9572.2022.0641",
        "https://chinaxiv.org/abs/202209.00113",
    ]
    assert data["isPartOf"]["name"] == "中国全科医学" and "creativeWorkStatus" not in data


def test_a_published_review_s_record_is_found_at_its_doi_not_at_its_posting(published: Entry, entry: Entry) -> None:
    from evdigest.refs.record import entry_to_csl

    assert entry_to_csl(published)["URL"] == "https://doi.org/10.12114/j.issn.1007-9572.2022.0641"
    assert entry_to_csl(entry)["URL"] == "https://chinaxiv.org/abs/201712.00265"  # the preprint is its posting
