"""An entry page's machine-readable description of the article is the same in both Chinese editions: the
article as published, not the Traditional text of the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_site_render import BASE_URL, HAS_HANT, XHTML, metas, parse_page_bytes, sample_digest

from evdigest.config import Config
from evdigest.render.meta import abstract_text
from evdigest.render.site import SiteRenderer

pytestmark = pytest.mark.skipif(not HAS_HANT, reason="no Traditional edition")

SLUG = "lyu-2026-exosome-secretion"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The sample Chinese article's page in each edition."""
    content = tmp_path_factory.mktemp("content")
    config = Config(content_dir=Path(content), base_url=BASE_URL, editions=("en", "zh-hans", "zh-hant"))
    digest = sample_digest()
    renderer = SiteRenderer(config, digest)
    entry = next(e for e in digest.entries if e.slug == SLUG)
    return {code: renderer.entry_page(entry, code) for code in config.editions}


def citation(data: bytes) -> list[tuple[str, str]]:
    """The ``citation_*`` tags of a page in order, without the edition's own PDF."""
    return [(n, c) for n, c in metas(parse_page_bytes(data)) if n.startswith("citation_") and n != "citation_pdf_url"]


def linked_data(data: bytes) -> dict:
    """The page's JSON-LD without what names the page itself (its address and its PDF)."""
    root = parse_page_bytes(data)
    script = next(s for s in root.iter(f"{XHTML}script") if s.get("type") == "application/ld+json")
    found = json.loads(script.text)
    found.pop("url")
    found.pop("encoding", None)
    return found


def test_both_chinese_editions_give_the_scholar_tags_as_printed(pages: dict[str, bytes]) -> None:
    hant, hans = citation(pages["zh-hant"]), citation(pages["zh-hans"])
    assert hant == hans
    values = dict(hant)
    assert values["citation_title"] == "外泌体分泌调控机制及在生物医学中的应用前景"
    assert values["citation_journal_title"] == "中国组织工程研究"
    assert [c for n, c in hant if n == "citation_author"] == ["吕茹月", "顾路路", "孙鹏"]
    refs = [c for n, c in hant if n == "citation_reference"]
    assert "citation_author=马, 元" in refs[1] and "citation_title=外泌体研究进展" in refs[1]


def test_the_english_edition_names_the_article_in_english_first(pages: dict[str, bytes]) -> None:
    values = dict(citation(pages["en"]))
    assert values["citation_title"] == "Regulatory mechanisms of exosome secretion"
    assert values["citation_journal_title"] == "Chinese Journal of Tissue Engineering Research"
    assert [r for n, r in citation(pages["en"]) if n == "citation_reference"] == [
        r for n, r in citation(pages["zh-hant"]) if n == "citation_reference"
    ]


def test_both_chinese_editions_describe_the_article_alike_in_json_ld(pages: dict[str, bytes]) -> None:
    hant = linked_data(pages["zh-hant"])
    assert hant == linked_data(pages["zh-hans"])
    assert hant["headline"] == "外泌体分泌调控机制及在生物医学中的应用前景"
    assert hant["inLanguage"] == "zh-Hans"
    assert [a["name"] for a in hant["author"]] == ["吕茹月", "顾路路", "孙鹏"]
    assert hant["isPartOf"]["name"] == "中国组织工程研究"
    assert hant["abstract"] == "外泌体作为细胞外囊泡的一种，是细胞间通讯的关键媒介。"
    assert hant["keywords"] == "外泌体, 分泌"
    assert "马元. 外泌体研究进展" in hant["citation"][1]["name"]


def test_the_page_itself_stays_traditional(pages: dict[str, bytes]) -> None:
    root = parse_page_bytes(pages["zh-hant"])
    title = next(root.iter(f"{XHTML}h1"))
    assert "外泌體分泌調控機制" in "".join(title.itertext())
    described = dict(metas(root))["description"]
    assert "外泌體" in described


def test_the_abstract_of_json_ld_is_the_abstract_shown_first_without_markers() -> None:
    entry = next(e for e in sample_digest().entries if e.slug == SLUG)
    assert abstract_text(entry, "en") == "Exosomes are nanoscale vesicles & messengers."
    assert abstract_text(entry, "zh") == "外泌体作为细胞外囊泡的一种，是细胞间通讯的关键媒介。"
