"""The static site: every page parses, links resolve, languages are marked, metadata is complete and safe."""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import cssselect2
import html5lib
import pytest
import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from evdigest.config import EDITIONS, Config, PdfOptions
from evdigest.hashing import StoredFile
from evdigest.model import (
    Abstracts,
    AbstractSection,
    Affiliation,
    Author,
    Bilingual,
    Citation,
    CitedBy,
    Dates,
    Definition,
    Digest,
    Entry,
    Figure,
    GlossaryTerm,
    Journal,
    Keywords,
    Link,
    Reference,
    Section,
    Table,
    Work,
)
from evdigest.refs.parse import parse_reference
from evdigest.render.i18n import CATALOG, HAN_RE, edition
from evdigest.render.index_view import glossary_rows
from evdigest.render.safe import ENTITY_RE, FORMAT_TAG_RE, safe_slug, sanitize_inline, to_text
from evdigest.render.site import BUILTIN_TEMPLATES, SiteRenderer, make_environment

FIXTURES = Path(__file__).parent / "fixtures" / "site"
HAS_HANT = importlib.util.find_spec("evdigest.enrich.hant") is not None
TEST_EDITIONS = EDITIONS if HAS_HANT else ("en", "zh-hans")
BASE_URL = "https://example.org/digest/"
XHTML = "{http://www.w3.org/1999/xhtml}"

# Google Scholar's Highwire tags an entry page carries (citation_reference once per reference).
SCHOLAR_TAGS = {
    "citation_title",
    "citation_author",
    "citation_publication_date",
    "citation_online_date",
    "citation_journal_title",
    "citation_issn",
    "citation_volume",
    "citation_issue",
    "citation_firstpage",
    "citation_lastpage",
    "citation_doi",
    "citation_pdf_url",
    "citation_language",
    "citation_reference",
}

# Four or more English words in a row, e.g. "the biology of exosomes".
ENGLISH_RUN_RE = re.compile(r"(?:\b[A-Za-z]{2,}\b[\s,;:.()-]+){3}\b[A-Za-z]{2,}\b")


# --- a small digest built by hand ------------------------------------------------


def _csl(rid: str, title: str, family: str, given: str, year: int, **extra: object) -> dict:
    item = {
        "id": rid,
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": given}],
        "issued": {"date-parts": [[year]]},
    }
    item.update(extra)
    return item


def sample_digest() -> Digest:
    """Three entries: a Chinese full-text review, an English-only record, and a hostile source."""
    kalluri = _csl(
        "r1",
        "The biology, function, and biomedical applications of exosomes",
        "Kalluri",
        "Raghu",
        2020,
        **{"container-title": "Science", "volume": "367", "page": "eaau6977", "DOI": "10.1126/science.aau6977"},
    )
    ma = _csl("r2", "外泌体研究进展", "马", "元", 2019, **{"container-title": "中国组织工程研究", "language": "zh"})
    lv = _csl("r3", "迁移体的发现", "吕", "茹月", 2021, **{"container-title": "生命科学", "language": "zh"})
    zhao = _csl("r4", "Migrasomes in disease", "Zhao", "Kai", 2023, **{"container-title": "Cell Cycle"})
    sentence = Citation("2.3", "多囊泡体和腔内囊泡的形成主要依赖于内吞体分选复合物机制^[1]。")
    lyu = Entry(
        id="lyu-2026",
        slug="lyu-2026-exosome-secretion",
        source="sources/lyu.txt",
        family="journal-fulltext",
        title=Bilingual("Regulatory mechanisms of exosome secretion", "外泌体分泌调控机制及在生物医学中的应用前景"),
        authors=(
            Author("Lyu Ruyue", "吕茹月", "Lyu", "Ruyue", (0,), corresponding=False),
            Author("Gu Lulu", "顾路路", "Gu", "Lulu", (0, 1)),
            Author("Sun Peng", "孙鹏", "Sun", "Peng", (1,), corresponding=True),
        ),
        affiliations=(Affiliation("Nantong University", "南通大学"), Affiliation(None, "南通大学附属医院")),
        journal=Journal("Chinese Journal of Tissue Engineering Research", "中国组织工程研究", issn="2095-4344"),
        year=2026,
        volume="30",
        issue="1",
        pages="184-193",
        doi="10.12307/2025.573",
        dates=Dates(online="2025-03-11", published="2026-01-08"),
        license="CC BY-NC-SA 4.0",
        abstract=Abstracts(
            en=(AbstractSection("BACKGROUND", "Exosomes are <i>nanoscale</i> vesicles &amp; messengers."),),
            zh=(AbstractSection("背景", "外泌体作为细胞外囊泡的一种，是细胞间通讯的关键媒介。"),),
        ),
        keywords=Keywords(("exosome", "secretion"), ("外泌体", "分泌")),
        definitions=(Definition("外泌体", "是由细胞分泌到细胞外的膜性结构。"),),
        sections=(
            Section("2.3", "外泌体的生物发生过程", ("多囊泡体和腔内囊泡的形成主要依赖于内吞体分选复合物机制^[1]。",)),
        ),
        tables=(Table("表1", "外泌体的标志物", ("标志物", "功能"), (("CD63", "四跨膜蛋白 ^[1]"),)),),
        figures=(Figure("图1", "外泌体的生物发生示意图^[2-3, 9]"),),
        references=(
            Reference(1, "Kalluri R. The biology... Science. 2020.", (sentence,), csl=kalluri, work_id="w-kalluri"),
            Reference(2, "马元. 外泌体研究进展[J]. 中国组织工程研究, 2019.", csl=ma, work_id="w-ma"),
            Reference(3, "吕茹月. 迁移体的发现[J]. 生命科学, 2021.", csl=lv, work_id="w-lv"),
        ),
        glossary=(GlossaryTerm("外泌体", "exosome", None), GlossaryTerm("多囊泡体", "multivesicular body", "MVB")),
        tags=("biogenesis",),
        added="2026-01-10",
        commentary="A **useful** overview.\n\n<script>alert('c')</script>",
    )
    liu = Entry(
        id="liu-2025",
        slug="liu-2025-migrasomes",
        source="sources/liu.txt",
        family="platform-record",
        title=Bilingual(
            "Migrasomes: the functional footprints left by cell migration", "迁移体：细胞迁移留下的功能性足迹"
        ),
        authors=(Author("Yue Liu", None, "Liu", "Yue"), Author("Kai Zhao", None, "Zhao", "Kai")),
        journal=Journal("Cell Cycle"),
        year=2025,
        pages="1-22",
        doi="10.1080/15384101.2025.2601237",
        dates=Dates(published="2025-12-01"),
        abstract=Abstracts(en=(AbstractSection(None, "<p><p>Migrasomes are membrane-bound vesicles.</p>"),)),
        references=(
            Reference(1, "Kalluri R. Science. 2020.", csl=kalluri, work_id="w-kalluri"),
            Reference(2, "Zhao K. Migrasomes in disease. Cell Cycle. 2023.", csl=zhao, work_id="w-zhao"),
        ),
        glossary=(GlossaryTerm("外泌体", "exosome", None),),
        tags=("migrasome",),
        added="2026-01-12",
        commentary="A review in *Cell Cycle* of migrasomes (迁移体) and how they form.\n\n这篇综述介绍了迁移体的发现。",
    )
    hostile = Entry(
        id="hostile",
        slug="../../etc/passwd",
        source="sources/hostile.txt",
        family="platform-record",
        title=Bilingual("<script>alert(1)</script>", None),
        abstract=Abstracts(en=(AbstractSection(None, 'Text <img src="/etc/passwd" onerror="alert(2)"> more'),)),
        urls=(),
        added="2026-01-01",
    )
    works = (
        Work(
            "w-kalluri",
            kalluri,
            (CitedBy("lyu-2026-exosome-secretion", 1, (sentence,)), CitedBy("liu-2025-migrasomes", 1)),
        ),
        Work("w-ma", ma, (CitedBy("lyu-2026-exosome-secretion", 2),)),
        Work("w-lv", lv, (CitedBy("lyu-2026-exosome-secretion", 3),)),
        Work("w-zhao", zhao, (CitedBy("liu-2025-migrasomes", 2),)),
    )
    glossary = (GlossaryTerm("外泌体", "exosome", None), GlossaryTerm("多囊泡体", "multivesicular body", "MVB"))
    return Digest((lyu, liu, hostile), works, glossary)


def sample_corpus_digest() -> tuple[Path, Digest]:
    """The project's sample content folder and the digest its sources make (read, indexed, glossary)."""
    from evdigest.enrich.glossary import corpus_glossary
    from evdigest.ingest import ingest
    from evdigest.refs.index import build_index

    content = Path(__file__).parents[1] / "content"
    result = ingest(sorted((content / "sources").glob("*.txt")), content)
    entries, works = build_index(result.entries)
    return content, Digest(tuple(entries), tuple(works), corpus_glossary(entries))


def render_site(
    tmp: Path, digest: Digest, *, before: Callable[[SiteRenderer], object] | None = None, **options: object
) -> tuple[Path, SiteRenderer]:
    """Render every page of ``digest`` into ``tmp/site`` and return the folder and the renderer (``before``
    is called with the renderer before any page is rendered)."""
    content = tmp / "content"
    shutil.copytree(FIXTURES / "pages", content / "pages")
    config = Config(content_dir=content, base_url=BASE_URL, **{"editions": TEST_EDITIONS, **options})
    renderer = SiteRenderer(config, digest)
    if before is not None:
        before(renderer)
    pages: dict[str, bytes] = {}
    for entry in digest.entries:
        pages.update(renderer.entry_pages(entry))
    pages.update(renderer.aggregate_pages())
    site = tmp / "site"
    for rel, data in pages.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return site, renderer


# --- page checks shared with the browser test ---------------------------------------


def parse_page(path: Path):
    """Parse one page with html5lib; parse errors fail the test."""
    return parse_page_bytes(path.read_bytes(), str(path))


def parse_page_bytes(data: bytes, name: str = "page"):
    """Parse a page's bytes with html5lib; parse errors fail the test."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=True)
    root = parser.parse(data)
    assert not parser.errors, f"{name}: HTML parse errors {parser.errors[:3]}"
    return root


def tag(el) -> str:
    return el.tag.replace(XHTML, "")


def iter_with_lang(el, lang: str | None = None):
    """Yield ``(element, effective lang)`` for every element."""
    lang = el.get("lang", lang)
    yield el, lang
    for child in el:
        yield from iter_with_lang(child, lang)


def ids_of(root) -> set[str]:
    return {el.get("id") for el in root.iter() if el.get("id")}


def resolve(site: Path, page: Path, href: str, base: str = BASE_URL) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; ``None`` for external links."""
    parts = urlsplit(href)
    if parts.scheme in {"http", "https"}:
        if not href.startswith(base):
            return None
        rel = parts.path[len(urlsplit(base).path) :]
        target = site / unquote(rel)
    elif parts.scheme or href.startswith("//"):
        raise AssertionError(f"{page}: unexpected URL {href!r}")
    elif href.startswith("/"):  # root-relative (404 pages): below the base URL's path
        prefix = urlsplit(base).path
        assert href.startswith(prefix), f"{page}: {href} is outside {prefix}"
        target = site / unquote(parts.path[len(prefix) :])
    elif not parts.path:
        target = page
    else:
        target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def check_links(site: Path, others: tuple[str, ...] = ("pdf", "export"), base: str = BASE_URL) -> int:
    """Every internal link and resource resolves (files made by other renderers: their folder only)."""
    roots = {p: parse_page(p) for p in html_pages(site)}
    checked = 0
    for page, root in roots.items():
        for el in root.iter():
            for attr in ("href", "src"):
                href = el.get(attr)
                if not href:
                    continue
                assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (page, href)
                found = resolve(site, page, href, base)
                if found is None:
                    continue
                target, fragment = found
                rel = target.relative_to(site).as_posix() if target.is_relative_to(site) else str(target)
                assert target.is_relative_to(site), f"{page}: {href} leaves the site"
                if rel.split("/")[0] in others:
                    continue
                assert target.is_file(), f"{page.relative_to(site)}: broken link {href}"
                if fragment and target.suffix == ".html":
                    target_root = roots.get(target) or parse_page(target)
                    assert fragment in ids_of(target_root), f"{page.relative_to(site)}: no #{fragment} in {rel}"
                checked += 1
    return checked


def check_languages(page: Path, root) -> None:
    """Han text sits in a ``zh-*`` element; English sentences on Chinese pages sit in an ``en`` element."""
    html_lang = root.get("lang")
    assert html_lang, f"{page}: no lang on <html>"
    for el, lang in iter_with_lang(root):
        if tag(el) in {"script", "style", "title"}:
            continue
        for text in (el.text, *(child.tail for child in el)):
            if not text or not text.strip():
                continue
            if HAN_RE.search(text):
                assert lang and lang.startswith("zh"), f"{page}: Chinese {text.strip()[:30]!r} inside lang={lang}"
            elif ENGLISH_RUN_RE.search(text):
                assert lang == "en", f"{page}: English {text.strip()[:40]!r} inside lang={lang}"


def head_links(root, rel: str) -> list[dict]:
    return [dict(el.attrib) for el in root.iter(f"{XHTML}link") if el.get("rel") == rel]


def metas(root) -> list[tuple[str, str]]:
    return [(el.get("name"), el.get("content")) for el in root.iter(f"{XHTML}meta") if el.get("name")]


# --- tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, SiteRenderer]:
    return render_site(tmp_path_factory.mktemp("site"), sample_digest())


def test_every_page_parses_and_internal_links_resolve(built):
    site, _ = built
    assert check_links(site) > 200


def test_expected_pages_exist(built):
    site, _ = built
    for code in TEST_EDITIONS:
        for rel in ("index.html", "references/index.html", "glossary/index.html", "search/index.html", "404.html"):
            assert (site / code / rel).is_file(), f"{code}/{rel}"
        # about.md is the about section itself; other pages sit in it
        assert (site / code / "about" / "index.html").is_file()
        assert (site / code / "about" / "editors" / "index.html").is_file()
        assert not (site / code / "about" / "about").exists()
        assert (site / code / "entries" / "lyu-2026-exosome-secretion" / "index.html").is_file()
        letters = sorted(p.name for p in (site / code / "references").iterdir() if p.is_dir())
        assert letters == ["k", "l", "m", "z"], code
    for rel in ("index.html", "404.html", "sitemap.xml", "robots.txt", "assets/site.css", "assets/search.js"):
        assert (site / rel).is_file(), rel


def test_every_run_of_the_other_language_carries_lang(built):
    site, _ = built
    for page in html_pages(site):
        check_languages(page, parse_page(page))


def test_alternates_canonical_and_switcher_point_at_the_same_page(built):
    site, _ = built
    for code in TEST_EDITIONS:
        for rel in (
            "",
            "references/",
            "references/l/",
            "glossary/",
            "entries/liu-2025-migrasomes/",
            "about/",
            "about/editors/",
        ):
            page = site / code / rel / "index.html"
            root = parse_page(page)
            canonical = head_links(root, "canonical")
            assert [c["href"] for c in canonical] == [f"{BASE_URL}{code}/{rel}"]
            alternates = {a["hreflang"]: a["href"] for a in head_links(root, "alternate") if "hreflang" in a}
            expected = {
                "en": f"{BASE_URL}en/{rel}",
                "zh-Hans": f"{BASE_URL}zh-hans/{rel}",
                "x-default": f"{BASE_URL}en/{rel}" if rel else BASE_URL,
            }
            if HAS_HANT:
                expected["zh-Hant"] = f"{BASE_URL}zh-hant/{rel}"
            assert alternates == expected, page
            switcher = [a for a in root.iter(f"{XHTML}a") if a.get("hreflang")]
            targets = {a.get("hreflang"): resolve(site, page, a.get("href"))[0] for a in switcher}
            for other in TEST_EDITIONS:
                lang = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}[other]
                assert targets[lang] == site / other / rel / "index.html"


def test_citation_tags_follow_google_scholar(built):
    site, _ = built
    root = parse_page(site / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html")
    tags = [(n, c) for n, c in metas(root) if n.startswith("citation_")]
    assert {n for n, _ in tags} == SCHOLAR_TAGS
    single = [n for n, _ in tags if n not in {"citation_author", "citation_reference"}]
    assert len(single) == len(set(single))
    assert [c for n, c in tags if n == "citation_author"] == ["Lyu, Ruyue", "Gu, Lulu", "Sun, Peng"]
    values = dict(tags)
    assert values["citation_title"] == "Regulatory mechanisms of exosome secretion"
    assert values["citation_publication_date"] == "2026/01/08"
    assert values["citation_online_date"] == "2025/03/11"
    assert values["citation_firstpage"] == "184" and values["citation_lastpage"] == "193"
    assert values["citation_doi"] == "10.12307/2025.573"
    assert values["citation_pdf_url"] == f"{BASE_URL}pdf/lyu-2026-exosome-secretion.en.pdf"
    assert values["citation_language"] == "zh"
    refs = [c for n, c in tags if n == "citation_reference"]
    assert len(refs) == 3
    assert refs[0].startswith("citation_title=The biology, function, and biomedical applications of exosomes;")
    assert "citation_author=马, 元" in refs[1]


def test_citation_tags_write_out_an_end_page_printed_short() -> None:
    from evdigest.model import Reference
    from evdigest.render.meta import reference_tag
    from evdigest.render.names import split_pages

    assert split_pages("1349-58") == ("1349", "1358")
    assert split_pages("E1127-36") == ("E1127", "E1136")
    assert split_pages("184-193") == ("184", "193") and split_pages("e12404") == ("e12404", None)
    csl = {"title": "Exosomes", "container-title": "Cell", "page": "605-6", "issued": {"date-parts": [[2019]]}}
    tag = reference_tag(Reference(number=1, raw="x", csl=csl))
    assert "citation_firstpage=605; citation_lastpage=606" in tag


def test_a_reference_tag_keeps_a_dropping_particle() -> None:
    from evdigest.model import Reference
    from evdigest.render.meta import reference_tag

    csl = {"title": "The Second Sex", "author": [{"family": "Beauvoir", "given": "Simone", "dropping-particle": "de"}]}
    tag = reference_tag(Reference(number=1, raw="x", csl=csl))
    assert "citation_author=Beauvoir, Simone de" in tag


def test_chinese_editions_give_chinese_names_family_first(built):
    site, _ = built
    root = parse_page(site / "zh-hans" / "entries" / "lyu-2026-exosome-secretion" / "index.html")
    values = metas(root)
    assert [c for n, c in values if n == "citation_author"] == ["吕茹月", "顾路路", "孙鹏"]
    assert dict(values)["citation_title"] == "外泌体分泌调控机制及在生物医学中的应用前景"
    assert dict(values)["citation_journal_title"] == "中国组织工程研究"
    if HAS_HANT:
        hant = metas(parse_page(site / "zh-hant" / "entries" / "lyu-2026-exosome-secretion" / "index.html"))
        assert [c for n, c in hant if n == "citation_author"] == ["吕茹月", "顾路路", "孙鹏"]  # as printed


def test_typed_alternates_to_exports(built):
    site, _ = built
    for code in TEST_EDITIONS:
        page = site / code / "entries" / "liu-2025-migrasomes" / "index.html"
        root = parse_page(page)
        typed = {a["type"]: a["href"] for a in head_links(root, "alternate") if "type" in a}
        assert typed["application/x-research-info-systems"] == "../../../export/liu-2025-migrasomes.ris"
        assert typed["application/x-bibtex"] == "../../../export/liu-2025-migrasomes.bib"
        assert typed["application/vnd.citationstyles.csl+json"] == "../../../export/liu-2025-migrasomes.csl.json"
        assert typed["application/atom+xml"] == "../../feed.xml"


def test_json_ld_and_open_graph(built):
    import json

    site, _ = built
    root = parse_page(site / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html")
    scripts = [s for s in root.iter(f"{XHTML}script") if s.get("type") == "application/ld+json"]
    data = json.loads(scripts[0].text)
    assert data["@type"] == "ScholarlyArticle"
    assert data["identifier"]["value"] == "10.12307/2025.573"
    assert [a["name"] for a in data["author"]] == ["Lyu, Ruyue", "Gu, Lulu", "Sun, Peng"]
    og = {el.get("property"): el.get("content") for el in root.iter(f"{XHTML}meta") if el.get("property")}
    assert og["og:type"] == "article" and og["og:url"] == f"{BASE_URL}en/entries/lyu-2026-exosome-secretion/"


def test_entry_page_content(built):
    site, _ = built
    page = (site / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html").read_text()
    assert page.index('id="abstract-en"') < page.index('id="abstract-zh"')
    zh = (site / "zh-hans" / "entries" / "lyu-2026-exosome-secretion" / "index.html").read_text()
    assert zh.index('id="abstract-zh"') < zh.index('id="abstract-en"')
    assert "<i>" not in page and "nanoscale vesicles &amp; messengers" in page
    assert '<strong class="abstract-label">BACKGROUND:</strong> Exosomes' in page
    assert '<strong class="abstract-label">背景：</strong>外泌体' in page
    assert "<table" in page and "四跨膜蛋白" in page
    assert 'id="ref-2" value="2"' in page and "../../references/m/#work-w-ma" in page
    assert "腔内囊泡" in page  # the citing sentence, a short quotation
    assert "The full text is not republished here" in page
    assert "creativecommons.org/licenses/by-nc-sa/4.0/" in page
    assert "<strong>useful</strong>" in page and "<script>alert('c')" not in page
    assert '<svg viewBox="0 0 480 140"' in page and "<summary>Show the numbers as a table</summary>" in page
    liu = (site / "en" / "entries" / "liu-2025-migrasomes" / "index.html").read_text()
    assert "No Chinese abstract in the source." in liu
    assert "Migrasomes are membrane-bound vesicles." in liu and "&lt;p&gt;" not in liu


def test_a_figures_english_caption_is_shown_beside_its_chinese_one():
    digest = sample_digest()
    figure = Figure("图 1", "精液外泌体的标志物", caption_en="Marker expression of the seminal exosomes")
    entry = replace(digest.entries[0], figures=(figure,))
    site = SiteRenderer(Config(base_url=BASE_URL, editions=("en", "zh-hans")), replace(digest, entries=(entry,)))
    for code in ("en", "zh-hans"):
        root = parse_page_bytes(site.entry_page(entry, code))
        items = [li for li in root.iter(f"{XHTML}li") if "精液外泌体的标志物" in "".join(li.itertext())]
        assert "Marker expression of the seminal exosomes" in "".join(items[0].itertext())
        alt = next(el for el in items[0].iter(f"{XHTML}span") if el.get("class") == "caption-alt")
        langs = {el.get("lang") for el in alt.iter() if el.get("lang")}
        assert langs == (set() if code == "en" else {"en"})  # English on a Chinese page says so


def test_a_tables_note_is_shown_under_it_and_converted_to_traditional():
    digest = sample_digest()
    table = Table("表 1", "不同来源的外泌体", ("来源", "作用"), (("骨髓", "促进血管新生"),), note="EV：细胞外囊泡^[1]")
    entry = replace(digest.entries[0], tables=(table,))
    codes = ("en", "zh-hans", "zh-hant")
    site = SiteRenderer(Config(base_url=BASE_URL, editions=codes), replace(digest, entries=(entry,)))
    for code, words in zip(codes, ("EV：细胞外囊泡", "EV：细胞外囊泡", "EV：細胞外囊泡"), strict=True):
        root = parse_page_bytes(site.entry_page(entry, code))
        wrap = next(el for el in root.iter(f"{XHTML}div") if el.get("class") == "table-wrap")
        note = next(el for el in wrap.iter(f"{XHTML}p") if el.get("class") == "table-note")
        assert "".join(note.itertext()) == f"{words}[1]"  # its citation marker linked as in the table
        assert note.find(f".//{XHTML}a").get("href") == "#ref-1"


def test_a_sources_links_without_a_label_are_named_in_the_editions_language():
    digest = sample_digest()
    links = (
        Link("open-access-pdf", "https://example.org/oa.pdf"),
        Link("landing", "https://example.org/article", "Article at Cell Cycle"),
        Link("orcid", "https://orcid.org/0000-0002-1825-0097"),
    )
    entries = tuple(replace(e, urls=links) if e.slug == "liu-2025-migrasomes" else e for e in digest.entries)
    digest = Digest(entries, digest.works, digest.glossary)
    renderer = SiteRenderer(Config(base_url=BASE_URL, editions=("en", "zh-hans", "zh-hant")), digest)
    liu = next(e for e in entries if e.slug == "liu-2025-migrasomes")
    expected = {"en": "Open-access PDF", "zh-hans": "开放获取 PDF", "zh-hant": "開放取用 PDF"}
    for code, label in expected.items():
        root = parse_page_bytes(renderer.entry_page(liu, code))
        shown = [
            (a.text, a.get("href"))
            for ul in root.iter(f"{XHTML}ul")
            if ul.get("class") == "id-links"
            for a in ul.iter(f"{XHTML}a")
        ]
        assert (label, "https://example.org/oa.pdf") in shown, (code, shown)
        assert ("Article at Cell Cycle", "https://example.org/article") in shown
        assert not any("orcid" in href for _, href in shown)


def test_home_and_reference_index_link_the_whole_digest(built):
    site, _ = built
    exports = ["export/references.ris", "export/references.bib", "export/references.csl.json"]
    for code in TEST_EDITIONS:
        home = parse_page(site / code / "index.html")
        links = [a.get("href") for a in home.iter(f"{XHTML}a") if a.get("download") is not None]
        assert links == [f"../pdf/digest-{code}.pdf"] + [f"../{path}" for path in exports], code
        index = parse_page(site / code / "references" / "index.html")
        links = [a.get("href") for a in index.iter(f"{XHTML}a") if a.get("download") is not None]
        assert links == [f"../../{path}" for path in exports], code


def test_a_site_without_pdfs_links_no_pdf(tmp_path):
    """With ``[pdf] enabled = false`` no page links a PDF, nor names one for reference managers."""
    site, _ = render_site(tmp_path, sample_digest(), pdf=PdfOptions(enabled=False))
    pages = html_pages(site)
    assert len(pages) > 10
    for page in pages:
        root = parse_page(page)
        assert not [a.get("href") for a in root.iter(f"{XHTML}a") if ".pdf" in (a.get("href") or "")], page
        assert "citation_pdf_url" not in dict(metas(root)), page
        for script in root.iter(f"{XHTML}script"):
            if script.get("type") == "application/ld+json":
                assert "encoding" not in json.loads(script.text), page
    assert check_links(site, others=("export",))
    with_pdfs, _ = render_site(tmp_path / "with", sample_digest())
    root = parse_page(with_pdfs / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html")
    assert dict(metas(root))["citation_pdf_url"] == f"{BASE_URL}pdf/lyu-2026-exosome-secretion.en.pdf"


def test_full_text_only_when_config_and_licence_allow(tmp_path):
    site, _ = render_site(tmp_path, sample_digest(), republish_fulltext=True)
    page = (site / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html").read_text()
    assert "外泌体的生物发生过程" in page
    assert '分选复合物机制<sup class="cite">[<a href="#ref-1">1</a>]</sup>。</p>' in page


def test_full_text_headings_are_nested_by_their_level():
    digest = sample_digest()
    body = (
        Section("2", "外泌体的生物学特性", ("外泌体是细胞外囊泡。",), level=1),
        Section("2.3", "外泌体的生物发生过程", ("多囊泡体的形成。",), level=2),
        Section("2.3.1", "ESCRT 依赖途径", ("内吞体分选复合物。",), level=3),
        Section(None, "小结", ("外泌体的生物发生受多种机制调控。",), level=2),
    )
    entry = replace(next(e for e in digest.entries if e.slug == "lyu-2026-exosome-secretion"), sections=body)
    site = SiteRenderer(
        Config(base_url=BASE_URL, editions=("en",), republish_fulltext=True), replace(digest, entries=(entry,))
    )
    root = parse_page_bytes(site.entry_page(entry, "en"))
    full = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "fulltext")
    shown = [(el.tag.split("}")[1], "".join(el.itertext())) for el in full if el.tag != f"{XHTML}p"]
    assert shown == [
        ("h2", "Full text"),
        ("h3", "2 外泌体的生物学特性"),
        ("h4", "2.3 外泌体的生物发生过程"),
        ("h5", "2.3.1 ESCRT 依赖途径"),
        ("h4", "小结"),
    ]


def test_hostile_source_gives_a_harmless_page_at_a_safe_path(built):
    site, _ = built
    assert safe_slug("../../etc/passwd", "hostile") == "etc-passwd"
    assert not list(site.rglob("passwd"))
    for code in TEST_EDITIONS:
        page = site / code / "entries" / "etc-passwd" / "index.html"
        root = parse_page(page)
        scripts = [s for s in root.iter(f"{XHTML}script")]
        assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
        assert not any(el.get("onerror") for el in root.iter())
        assert not list(root.iter(f"{XHTML}img"))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.read_text()


def test_no_inline_code_styles_or_foreign_resources(built):
    site, _ = built
    for page in html_pages(site):
        root = parse_page(page)
        csp = [m.get("content") for m in root.iter(f"{XHTML}meta") if m.get("http-equiv") == "Content-Security-Policy"]
        assert len(csp) == 1 and "unsafe-inline" not in csp[0] and "'unsafe-eval'" not in csp[0]
        assert "default-src 'none'" in csp[0] and "script-src 'self'" in csp[0]
        assert ("'wasm-unsafe-eval'" in csp[0]) == (page.parent.name == "search"), page
        for el in root.iter():
            assert el.get("style") is None, page
            assert not any(k.startswith("on") for k in el.attrib), page
            if tag(el) == "script":
                assert el.get("src") or el.get("type") == "application/ld+json", page
            if tag(el) in {"script", "img", "iframe"} or (
                tag(el) == "link" and el.get("rel") in {"stylesheet", "icon"}
            ):
                ref = el.get("src") or el.get("href")
                assert ref is None or not urlsplit(ref).scheme, f"{page}: foreign resource {ref}"


def test_markdown_pages_render_without_raw_html(built):
    site, _ = built
    page = (site / "en" / "about" / "index.html").read_text()
    assert "<strong>extracellular vesicles</strong>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert 'href="javascript' not in page and "[A bad link](javascript:alert(1))" in page
    zh = (site / "zh-hans" / "about" / "index.html").read_text()
    assert "<h1>关于本文摘</h1>" in zh
    if HAS_HANT:
        hant = (site / "zh-hant" / "about" / "index.html").read_text()
        assert "<h1>關於本文摘</h1>" in hant


def test_home_lists_entries_by_date_added_with_filters(built):
    site, _ = built
    titles = {
        code: "".join(parse_page(site / code / "index.html").find(f".//{XHTML}h1").itertext()) for code in TEST_EDITIONS
    }
    assert titles["en"] == "Extracellular Vesicle Review Digest" and titles["zh-hans"] == "细胞外囊泡综述文摘"
    if HAS_HANT:
        assert titles["zh-hant"] == "細胞外囊泡綜述文摘"
    page = (site / "en" / "index.html").read_text()
    order = [page.index(s) for s in ("liu-2025-migrasomes/", "lyu-2026-exosome-secretion/", "etc-passwd/")]
    assert order == sorted(order)
    for control in ('id="filter-tag"', 'id="filter-year"', 'id="filter-journal"', '<option value="biogenesis">'):
        assert control in page


def test_reference_index_sorts_chinese_names_by_pinyin(built):
    """The first page lists the letters (Chinese names by pinyin); each letter has a page of its works."""
    site, _ = built
    for code in TEST_EDITIONS:
        first = parse_page(site / code / "references" / "index.html")
        nav = next(n for n in first.iter(f"{XHTML}nav") if n.get("class") == "letter-index")
        assert [a.get("href") for a in nav.iter(f"{XHTML}a")] == ["k/", "l/", "m/", "z/"], code
        ids = []
        for letter in ("k", "l", "m", "z"):
            root = parse_page(site / code / "references" / letter / "index.html")
            ids += [li.get("id") for li in root.iter(f"{XHTML}li") if (li.get("id") or "").startswith("work-")]
            letters = next(n for n in root.iter(f"{XHTML}nav") if n.get("class") == "letters")
            links = {"".join(a.itertext()): a for a in letters.iter(f"{XHTML}a")}
            assert [k for k, a in links.items() if a.get("aria-current") == "page"] == [letter.upper()]
            assert links["Z"].get("href") == ("./" if letter == "z" else "../z/"), (code, letter)
        assert ids == ["work-w-kalluri", "work-w-lv", "work-w-ma", "work-w-zhao"], code
    page = (site / "en" / "references" / "index.html").read_text()
    assert "4 distinct works" in page and "4 dated works, 2019–2023; most in 2019, 2020, 2021 and 2023." in page
    assert "work-w-" not in page
    letter_k = (site / "en" / "references" / "k" / "index.html").read_text()
    assert "../../entries/lyu-2026-exosome-secretion/#ref-1" in letter_k
    assert "../../entries/liu-2025-migrasomes/#ref-1" in letter_k
    assert "cited 2×" in letter_k and 'id="work-filter"' in letter_k
    assert "<h1>Reference index: K</h1>" in letter_k


def test_the_reference_index_finder_lists_every_work_of_every_letter_with_its_row(built):
    """``works.json`` beside the first page: each work once, in index order, linked to its row on its
    letter page, with the text and language that row shows."""
    site, _ = built
    for code in TEST_EDITIONS:
        first_path = site / code / "references" / "index.html"
        first = parse_page(first_path)
        finder = next(el for el in first.iter(f"{XHTML}input") if el.get("id") == "work-finder")
        data = json.loads((first_path.parent / finder.get("data-finder")).read_text("utf-8"))
        nav = next(n for n in first.iter(f"{XHTML}nav") if n.get("class") == "letter-index")
        assert data["letters"] == [a.get("href") for a in nav.iter(f"{XHTML}a")]
        rows = []
        for href in data["letters"]:
            root = parse_page(first_path.parent / href / "index.html")
            for li in root.iter(f"{XHTML}li"):
                if (li.get("id") or "").startswith("work-"):
                    span = next(el for el in li if el.get("class") == "ref-text")
                    rows.append([href, li.get("id"), " ".join("".join(span.itertext()).split()), span.get("lang", "")])
        shown = [
            [data["letters"][place], wid, " ".join(text.split()), lang] for place, wid, text, lang in data["works"]
        ]
        assert shown == rows, code
        assert len(rows) == 4
    letter_k = parse_page(site / "en" / "references" / "k" / "index.html")
    find_all = next(a for a in letter_k.iter(f"{XHTML}a") if a.get("class") == "find-all")
    assert find_all.get("href") == find_all.get("data-find-all") == "../"


def test_glossary_pairs_with_back_links(built):
    site, _ = built
    root = parse_page(site / "en" / "glossary" / "index.html")
    rows = [r for r in root.iter(f"{XHTML}tr") if (r.get("id") or "").startswith("term-")]
    cells = [[("".join(td.itertext())).strip() for td in r] for r in rows]
    assert [c[1] for c in cells] == ["exosome", "multivesicular body"]
    assert cells[1][2] == "MVB"
    links = [a.get("href") for a in rows[0].iter(f"{XHTML}a")]
    assert links == ["../entries/lyu-2026-exosome-secretion/", "../entries/liu-2025-migrasomes/"]


def test_sitemap_feed_and_robots(built):
    site, _ = built
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = sitemap.findall("s:url", ns)
    entry = [u for u in urls if u.find("s:loc", ns).text == f"{BASE_URL}zh-hans/entries/liu-2025-migrasomes/"][0]
    langs = {link.get("hreflang") for link in entry.findall("x:link", ns)}
    assert langs == {"en", "zh-Hans", "x-default"} | ({"zh-Hant"} if HAS_HANT else set())
    feed = ET.parse(site / "en" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}updated").text == "2026-01-12T00:00:00Z"
    first = feed.find(f"{atom}entry")
    assert first.find(f"{atom}id").text == f"{BASE_URL}en/entries/liu-2025-migrasomes/"
    assert f"Sitemap: {BASE_URL}sitemap.xml" in (site / "robots.txt").read_text()


def test_the_feed_carries_the_newest_entries_up_to_feed_items(tmp_path):
    atom = "{http://www.w3.org/2005/Atom}"

    def ids(site):
        return [e.find(f"{atom}id").text for e in ET.parse(site / "en" / "feed.xml").getroot().iter(f"{atom}entry")]

    site, _ = render_site(tmp_path / "two", sample_digest(), feed_items=2)
    assert ids(site) == [
        f"{BASE_URL}en/entries/liu-2025-migrasomes/",
        f"{BASE_URL}en/entries/lyu-2026-exosome-secretion/",
    ]
    feed = ET.parse(site / "en" / "feed.xml").getroot()
    assert feed.find(f"{atom}updated").text == "2026-01-12T00:00:00Z"
    every, _ = render_site(tmp_path / "all", sample_digest(), feed_items=0)
    assert ids(every)[:2] == ids(site) and len(ids(every)) == 3


def test_user_templates_come_first_and_autoescape_is_always_on(tmp_path):
    site, renderer = render_site(tmp_path, sample_digest(), templates_dir=FIXTURES / "templates")
    assert 'id="override-marker">custom home 3<' in (site / "en" / "index.html").read_text()
    env = make_environment([tmp_path])
    (tmp_path / "plain.txt").write_text("{{ x }}")
    assert env.get_template("plain.txt").render(x="<b>") == "&lt;b&gt;"
    assert FIXTURES / "templates" / "home.html.j2" in renderer.template_files()
    assert CATALOG in renderer.template_files()


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{{ 1 // 0 }}", "ZeroDivisionError: integer division or modulo by zero"),
        ('{{ "%d"|format(page.site_title) }}', "TypeError: %d format: a real number is required, not str"),
        ("{{ no_such_name.attr }}", "'no_such_name' is undefined"),
    ],
)
def test_an_error_a_template_raises_names_its_file_and_line(tmp_path, line: str, error: str):
    """Errors Jinja does not raise itself become template errors naming the file and line (the build
    reports them and publishes nothing), in the site's templates and in the print templates."""
    from jinja2 import FileSystemLoader, TemplateError

    from evdigest.render.pdf_templates import PrintEnvironment

    folder = tmp_path / "templates"
    folder.mkdir()
    home = (BUILTIN_TEMPLATES / "home.html.j2").read_text(encoding="utf-8")
    (folder / "home.html.j2").write_text(home.replace("<h1>", f"<h1>{line}", 1), encoding="utf-8")
    number = home[: home.index("<h1>")].count("\n") + 1
    with pytest.raises(
        TemplateError, match=rf"^{re.escape(str(folder / 'home.html.j2'))}:{number}: {re.escape(error)}$"
    ):
        render_site(tmp_path / "site", sample_digest(), templates_dir=folder)
    (folder / "entry.html").write_text(f"<p>\n{line}</p>", encoding="utf-8")
    env = PrintEnvironment(loader=FileSystemLoader(str(folder)))
    with pytest.raises(TemplateError, match=rf"{re.escape(str(folder / 'entry.html'))}:2: {re.escape(error)}$"):
        env.get_template("entry.html").render(page={"site_title": "x"})


def test_each_chinese_edition_has_its_character_map(built, tmp_path):
    site, _ = built
    for code in TEST_EDITIONS:
        path = site / "assets" / f"script-{code}.json"
        assert path.is_file() == code.startswith("zh-"), code
        if code.startswith("zh-"):
            data = json.loads(path.read_text(encoding="utf-8"))
            assert len(data["from"]) == len(data["to"]) > 2000
    english, _ = render_site(tmp_path, sample_digest(), editions=("en",))
    assert not list((english / "assets").glob("script-*.json"))


def test_message_catalog_covers_every_edition():
    import tomllib

    table = tomllib.loads(CATALOG.read_text(encoding="utf-8"))
    for key, row in table.items():
        assert set(row) == set(EDITIONS), key


def test_sanitising_helpers():
    assert to_text("<p><p>Text &amp; more</p>") == "Text & more"
    assert to_text("<script>alert(1)</script>") == "<script>alert(1)</script>"
    cleaned = str(sanitize_inline('<i>x</i><a href="/etc/passwd">a</a><a href="javascript:alert(1)">b</a><img src=x>'))
    assert cleaned.startswith("<i>x</i>") and "href" not in cleaned and "<img" not in cleaned
    assert 'href="https://doi.org/10.1/x"' in str(sanitize_inline('<a href="https://doi.org/10.1/x">d</a>'))
    assert "href" not in str(sanitize_inline('<a href="//evil.example/x">d</a>'))


@pytest.mark.skipif(not HAS_HANT, reason="the Traditional Chinese converter is not installed")
def test_traditional_edition_is_converted(built):
    site, renderer = built
    page = (site / "zh-hant" / "entries" / "lyu-2026-exosome-secretion" / "index.html").read_text()
    body = page[page.index("<body") :]  # the head's metadata names the article as published
    assert "外泌體分泌調控機制" in body and "吕茹月" not in body and "呂茹月" in body
    assert "參考文獻" in page and "10.12307/2025.573" in page
    assert isinstance(renderer.conversion_report(), str)


def cite_links(el) -> list[tuple[str, str | None]]:
    """``(text, href)`` of every superscript citation inside ``el``."""
    sups = [s for s in el.iter(f"{XHTML}sup") if s.get("class") == "cite"]
    return [("".join(s.itertext()), a.get("href")) for s in sups for a in (list(s.iter(f"{XHTML}a")) or [s])]


def test_citation_markers_become_links_to_the_reference_list(built):
    site, _ = built
    for code in TEST_EDITIONS:
        page = site / code / "entries" / "lyu-2026-exosome-secretion" / "index.html"
        root = parse_page(page)
        assert "^[" not in "".join(root.itertext()), code
        table = next(t for t in root.iter(f"{XHTML}table") if t.get("id") == "table-1")
        cell = list(table.iter(f"{XHTML}td"))[1]
        assert cite_links(cell) == [("[1]", "#ref-1")]
        figures = next(ul for ul in root.iter(f"{XHTML}ul") if ul.get("class") == "figure-list")
        figure = next(iter(figures))
        sup = next(s for s in figure.iter(f"{XHTML}sup"))
        assert "".join(sup.itertext()) == "[2–3, 9]"
        assert [a.get("href") for a in sup.iter(f"{XHTML}a")] == ["#ref-2", "#ref-3"]  # 9 is not in the list
        quote = next(q for q in root.iter(f"{XHTML}q"))
        assert cite_links(quote) == [("[1]", "#ref-1")]
        index = [parse_page(p) for p in sorted((site / code / "references").glob("*/index.html"))]
        assert index and all("^[" not in "".join(page.itertext()) for page in index), code


def test_reference_index_counts_citing_sentences_and_leads_to_them(built):
    """A row of the reference index gives how many sentences of each citing entry cite the work, and leads to
    the work's item in that entry's reference list, which shows exactly that many (the page's script reads
    them from there); the index does not repeat the sentences."""
    site, _ = built
    for code in TEST_EDITIONS:
        seen = 0
        for path in sorted((site / code / "references").glob("*/index.html")):
            page = parse_page(path)
            assert not list(page.iter(f"{XHTML}q")), path
            for details in page.iter(f"{XHTML}details"):
                href = details.get("data-cited-in")
                if href is None:
                    continue
                summary = "".join(next(details.iter(f"{XHTML}summary")).itertext())
                count = int(re.search(r"\((\d+)\)$", summary).group(1))
                (link,) = details.iter(f"{XHTML}a")
                assert link.get("href") == href
                target, _, anchor = href.partition("#")
                entry = parse_page((path.parent / target / "index.html").resolve())
                item = next(li for li in entry.iter(f"{XHTML}li") if li.get("id") == anchor)
                there = next(d for d in item if d.tag == f"{XHTML}details" and d.get("class") == "cited-in")
                assert len(list(next(there.iter(f"{XHTML}ul")))) == count > 0
                seen += 1
        assert seen, code


@pytest.mark.parametrize("editions", [("zh-hans", "zh-hant"), ("zh-hant",)])
def test_a_digest_without_the_english_edition_makes_its_root_pages_in_its_first(tmp_path, editions) -> None:
    """The root's 404 page was made in English whatever the editions: without the English edition (and with
    about pages, whose English titles it asked for) the build failed; its links led to /en/."""
    site, _ = render_site(tmp_path, sample_digest(), editions=editions)
    first = edition(editions[0])
    for name in ("404.html", "index.html"):
        root = parse_page(site / name)
        assert root.get("lang") == first.lang, name
        hrefs = [a.get("href") or "" for a in root.iter(f"{XHTML}a")]
        assert hrefs and not [h for h in hrefs if "/en/" in h or h.startswith("en/")], name
    assert not (site / "en").exists()


def test_affiliations_show_one_line_per_language(built):
    site, _ = built
    expected = {"en": ["en", "zh-Hans"], "zh-hans": ["zh-Hans", "en"], "zh-hant": ["zh-Hant", "en"]}
    for code in TEST_EDITIONS:
        root = parse_page(site / code / "entries" / "lyu-2026-exosome-secretion" / "index.html")
        ol = next(o for o in root.iter(f"{XHTML}ol") if o.get("class") == "affiliations")
        first, second = list(ol)
        lines = [(span.get("lang"), "".join(span.itertext())) for span in first]
        assert [lang for lang, _ in lines] == expected[code]
        assert dict(lines)["en"] == "Nantong University"
        assert [span.get("lang") for span in second] == [expected[code][0 if code != "en" else 1]]


def test_citation_line_and_home_use_the_entry_year(tmp_path):
    digest = sample_digest()
    online_first = replace(digest.entries[0], dates=Dates(online="2025-03-11"))
    digest = Digest((online_first, *digest.entries[1:]), digest.works, digest.glossary)
    site, _ = render_site(tmp_path, digest)
    root = parse_page(site / "en" / "entries" / "lyu-2026-exosome-secretion" / "index.html")
    line = next(p for p in root.iter(f"{XHTML}p") if p.get("class") == "citation-line")
    assert "".join(line.itertext()) == "Chinese Journal of Tissue Engineering Research, 2026, 30(1): 184-193"
    values = dict(metas(root))
    assert values["citation_publication_date"] == "2026" and values["citation_online_date"] == "2025/03/11"
    home = parse_page(site / "en" / "index.html")
    cards = {
        next(li.iter(f"{XHTML}a")).get("href"): li.get("data-year")
        for li in home.iter(f"{XHTML}li")
        if li.get("class") == "entry-card"
    }
    assert cards["entries/lyu-2026-exosome-secretion/"] == "2026"
    select = next(s for s in home.iter(f"{XHTML}select") if s.get("id") == "filter-year")
    assert [o.get("value") for o in select] == ["", "2026", "2025"]


def test_root_offers_editions_and_a_language_redirect_script(built):
    site, _ = built
    root = parse_page(site / "index.html")
    editions = next(u for u in root.iter(f"{XHTML}ul") if u.get("class") == "edition-list")
    links = {a.get("hreflang"): a.get("href") for a in editions.iter(f"{XHTML}a")}
    assert links == {edition(c).lang: f"{c}/" for c in TEST_EDITIONS}
    scripts = [s.get("src") for s in root.iter(f"{XHTML}script") if s.get("src")]
    assert "assets/choose-edition.js" in scripts
    script = (site / "assets" / "choose-edition.js").read_text()
    for needle in ("navigator.languages", "localStorage", "location.replace", "zh-Hant", "zh-Hans"):
        assert needle in script
    assert "evdigest-edition" in (site / "assets" / "site.js").read_text()


def test_bilingual_commentary_marks_each_language_page_language_first(built):
    site, _ = built
    expected = {
        "en": [("p", None), ("div", "zh-Hans")],
        "zh-hans": [("p", None), ("div", "en")],
        "zh-hant": [("p", None), ("div", "en")],
    }
    for code in TEST_EDITIONS:
        root = parse_page(site / code / "entries" / "liu-2025-migrasomes" / "index.html")
        section = next(s for s in root.iter(f"{XHTML}section") if s.get("class") == "commentary")
        blocks = [(tag(el), el.get("lang")) for el in section if tag(el) != "h2"]
        assert blocks == expected[code], code
        english = section[1] if code == "en" else section[2]
        spans = [(s.get("lang"), s.text) for s in english.iter(f"{XHTML}span")]
        assert spans == [("zh-Hant" if code == "zh-hant" else "zh-Hans", "迁移体" if code != "zh-hant" else "遷移體")]


def test_not_found_pages_link_from_the_base_path(built):
    site, _ = built
    for rel in ("404.html", "en/404.html"):
        root = parse_page(site / rel)
        css = [a["href"] for a in head_links(root, "stylesheet")]
        assert css == ["/digest/assets/site.css", "/digest/assets/print.css"], rel
        links = {a.get("hreflang"): a.get("href") for a in root.iter(f"{XHTML}a") if a.get("hreflang")}
        assert links["zh-Hans"] == "/digest/zh-hans/", rel


@pytest.mark.skipif(not HAS_HANT, reason="the Traditional Chinese converter is not installed")
def test_glossary_sorts_by_the_same_pinyin_in_both_chinese_editions(built):
    _, renderer = built
    terms = (
        GlossaryTerm("调控机制", "regulatory mechanisms", None),
        GlossaryTerm("外泌体", "exosome", None),
        GlossaryTerm("多囊泡体", "multivesicular body", "MVB"),
        GlossaryTerm("腔内囊泡", "intraluminal vesicles", "ILVs"),
    )
    orders = [
        [row["en"] for row in glossary_rows(terms, {}, renderer.converter(code), {}, str, edition(code))]
        for code in ("zh-hans", "zh-hant")
    ]
    # 调控 is "tiao kong"; pinyin read from the Traditional 調控 would give "diao kong"
    assert (
        orders[0] == orders[1] == ["multivesicular body", "intraluminal vesicles", "regulatory mechanisms", "exosome"]
    )


def test_citation_marker_markup_escapes_text_and_expands_ranges():
    from evdigest.render.cites import cite_markup, cite_numbers, strip_cites

    assert cite_numbers("见文献^[5-7, 46]和^[12，20]") == [5, 6, 7, 46, 12, 20]
    html = str(cite_markup("<b>PATEL</b> 等 ^[57]", {57}, lambda n: f"#ref-{n}"))
    assert html == '&lt;b&gt;PATEL&lt;/b&gt; 等<sup class="cite">[<a href="#ref-57">57</a>]</sup>'
    assert (
        str(cite_markup("x^[3–4]", {4}, lambda n: f"#ref-{n}")) == 'x<sup class="cite">[3–<a href="#ref-4">4</a>]</sup>'
    )
    assert strip_cites("模型^[50]。") == "模型。"
    assert str(cite_markup("a [50] b", {50}, str)) == "a [50] b"  # only the parsers' ^[…] form is a marker


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.sampled_from(list("外泌 ab&<>\"'^[]0123-–,，、~")), max_size=6),
            st.sampled_from(["^[5]", " ^[5-7, 46]", "^[12，20]", "^[3–4]", "^[", "]", "&#39;", "^[99]"]),
        ),
        max_size=8,
    ).map("".join)
)
def test_citation_markers_are_marked_up_as_in_the_escaped_text_between_them(text: str) -> None:
    """Escaping the whole text and then replacing its markers gives what escaping the text between the
    markers and writing each marker does."""
    from markupsafe import escape

    from evdigest.render.cites import CITE_RE, _marker, cite_markup

    def href(n: int) -> str:
        return f"#ref-{n}"

    known = {5, 7, 12, 46}
    parts, last = [], 0
    for marker in CITE_RE.finditer(text):
        parts += [str(escape(text[last : marker.start()])), _marker(marker.group(1), known, href)]
        last = marker.end()
    parts.append(str(escape(text[last:])))
    assert str(cite_markup(text, known, href)) == "".join(parts)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.sampled_from(list("外泌 ab&<>^[]0123-–,，")), max_size=6),
            st.sampled_from(["^[5]", " ^[5-7, 46]", "^[12，20]", "^[3–4]", "^[05]", "^[99]"]),
        ),
        max_size=8,
    ).map("".join),
    st.sampled_from(["#ref-", "../../entries/a&b/#ref-", 'x"<y>/#ref-']),
)
def test_markers_linked_to_a_prefix_are_the_markers_linked_by_a_function(text: str, prefix: str) -> None:
    """``cite_markup_to`` (links written from an escaped prefix) gives what ``cite_markup`` gives with a
    function making each link."""
    from evdigest.render.cites import cite_markup, cite_markup_to

    known = frozenset({5, 7, 12, 46})
    assert str(cite_markup_to(text, known, prefix)) == str(cite_markup(text, known, lambda n: f"{prefix}{n}"))


def test_descriptions_end_at_a_word():
    from evdigest.render.site import clip

    text = "Exosomes are nanoscale vesicles " * 20
    short = clip(text, 100)
    assert (
        short.endswith("…")
        and len(short) <= 101
        and short[:-1].split()[-1] in {"Exosomes", "are", "nanoscale", "vesicles"}
    )
    assert clip("外泌体作为细胞外囊泡的一种" * 30, 50) == ("外泌体作为细胞外囊泡的一种" * 30)[:50] + "…"
    assert clip("short text") == "short text"


@pytest.mark.skipif(not HAS_HANT, reason="OpenCC is not installed")
def test_kept_traditional_conversions_give_the_same_pages_and_report(tmp_path, monkeypatch):
    """Aggregate pages take unchanged entries' Traditional conversions and reference-index rows (with
    their conversion-report rows) from the last build, and come out the same."""
    from evdigest.build.cache import KeyedMemo
    from evdigest.build.renderers import SiteHtml
    from evdigest.enrich import hant
    from evdigest.render import site as site_module

    content, digest = sample_corpus_digest()
    config = Config(content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS)
    keys = {e.slug: f"key-{e.slug}" for e in digest.entries}

    store: dict[str, bytes] = {}  # the build's blob store: kept letter pages are named by their hash
    kept_pages: list[str] = []

    def aggregates() -> tuple[dict[str, bytes], dict[str, str]]:
        html = SiteHtml(config, digest)
        html.entry_keys = keys
        html.blob_exists, html.blob_read = store.__contains__, store.__getitem__
        pages = {}
        for path, content in html.aggregate_outputs(tmp_path / "cache"):
            if isinstance(content, StoredFile):
                kept_pages.append(path)
                content = store[content.sha]
            store[hashlib.sha256(content).hexdigest()] = content
            pages[path] = content
        return pages, html.reports()

    fresh = aggregates()
    memo = KeyedMemo(tmp_path / "cache" / "hant-listings.pickle", compress=True)
    assert memo.get(digest.entries[0].slug, "x") is None
    listings = [memo.get(slug, key)[0] for slug, (key, _) in memo.old.items()]
    assert len(listings) == len(digest.entries)  # kept without what listings do not show
    assert all(not e.references and not e.sections and not e.affiliations and e.title.zh for e in listings)
    assert re.search(r"^[1-9]\d* changes", fresh[1]["hant-conversion.txt"], re.M)  # rows to replay

    def refuse(*args, **kwargs):
        raise AssertionError("converted again although the entry is unchanged")

    converted, views = hant.hant_entry, site_module.work_views
    monkeypatch.setattr(hant, "hant_entry", refuse)
    monkeypatch.setattr(site_module, "work_views", refuse)  # reference-index rows are kept too
    monkeypatch.setattr(site_module, "entry_card", refuse)  # and so are the home pages' cards
    rendered: list[str] = []
    render = site_module.SiteRenderer.render

    def counting(self, template, page):
        rendered.append(template)
        return render(self, template, page)

    monkeypatch.setattr(site_module.SiteRenderer, "render", counting)
    assert not kept_pages
    assert aggregates() == fresh
    assert "home.html.j2" not in rendered and "glossary.html.j2" not in rendered  # same view: page kept
    assert "references_letter.html.j2" not in rendered  # named by the hash of the stored page
    assert kept_pages and all("/references/" in path for path in kept_pages)
    kept_pages.clear()
    (tmp_path / "cache" / "aggregate-pages.pickle").unlink()
    assert aggregates() == fresh and not kept_pages  # letter pages made again from the kept rows
    assert "references_letter.html.j2" in rendered
    monkeypatch.setattr(site_module.SiteRenderer, "render", render)
    store.clear()  # the stored pages are gone, and with them the rows they showed: rows are made again
    monkeypatch.setattr(site_module, "work_views", views)
    assert aggregates() == fresh and not kept_pages
    monkeypatch.setattr(site_module, "work_views", refuse)
    assert aggregates() == fresh  # and kept again
    monkeypatch.setattr(hant, "hant_entry", converted)
    (tmp_path / "cache" / "hant-listings.pickle").unlink()
    assert aggregates() == fresh  # cards kept, the feed's listings converted again: no report row counted twice
    monkeypatch.setattr(hant, "hant_entry", refuse)
    from evdigest.build import cache

    monkeypatch.setattr(cache, "code_version", lambda: "other code")
    with pytest.raises(AssertionError, match="converted again"):
        aggregates()  # rows and pages kept by other code are made again
    monkeypatch.undo()
    monkeypatch.setattr(hant, "hant_entry", refuse)
    keys[digest.entries[0].slug] = "changed"
    with pytest.raises(AssertionError, match="converted again"):
        aggregates()


@pytest.mark.skipif(not HAS_HANT, reason="OpenCC is not installed")
def test_listings_made_with_the_entry_pages_give_the_aggregates_of_entries_converted_again(tmp_path, monkeypatch):
    """A worker that made an entry's Traditional page sends its listing and conversion-report rows back
    (``drain_byproducts``); aggregate pages given them convert no entry and come out as those of a
    process that converted every entry itself, report included, with the listings kept for the next build."""
    from evdigest.build.cache import KeyedMemo
    from evdigest.build.engine import drain_byproducts
    from evdigest.build.renderers import SiteHtml
    from evdigest.enrich import hant

    content, digest = sample_corpus_digest()
    config = Config(content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS)
    keys = {e.slug: f"key-{e.slug}" for e in digest.entries}

    def aggregates(html: SiteHtml, cache: Path) -> tuple[dict[str, bytes], dict[str, str]]:
        html.entry_keys = keys
        pages = {path: bytes(data) for path, data in html.aggregate_outputs(cache)}
        return pages, html.reports()

    alone = aggregates(SiteHtml(config, digest), tmp_path / "alone")
    worker = SiteHtml(config, digest)
    made = []
    for entry in digest.entries:
        worker.entry_outputs(entry)
        made.append(drain_byproducts(worker))
    assert all(m and list(m) == [e.slug] for m, e in zip(made, digest.entries, strict=True))
    assert drain_byproducts(worker) is None  # taken out

    def refuse(*args, **kwargs):
        raise AssertionError("an entry converted again")

    monkeypatch.setattr(hant, "hant_entry", refuse)
    given = SiteHtml(config, digest)
    for found in reversed(made):  # in whatever order the workers answer
        given.adopt_byproducts(found)
    assert aggregates(given, tmp_path / "given") == alone
    assert re.search(r"^[1-9]\d* changes", alone[1]["hant-conversion.txt"], re.M)
    memo = KeyedMemo(tmp_path / "given" / "hant-listings.pickle", compress=True)
    assert {slug: memo.get(slug, key) is not None for slug, (key, _) in memo.old.items()} == {
        e.slug: True for e in digest.entries
    }
    assert aggregates(SiteHtml(config, digest), tmp_path / "given") == alone  # taken from the kept listings


@pytest.mark.skipif(not HAS_HANT, reason="OpenCC is not installed")
def test_reference_indexes_made_in_another_process_give_the_same_pages_report_and_memos(tmp_path, monkeypatch) -> None:
    """With a second process, the reference indexes of the later editions are made there: the pages, the
    conversion report (row for row, in order) and the memos kept for the next build are those of making
    every page in one process, on a fresh build and on one that keeps rows and pages. A rebuild with
    few rows to make makes them all in one process."""
    from evdigest.build.beside import Beside
    from evdigest.build.cache import BlobStore, KeyedMemo
    from evdigest.build.renderers import SiteHtml
    from evdigest.render import site as site_module

    monkeypatch.setattr(site_module, "APART_ROWS", 0)  # the samples have fewer rows than a second process needs
    started: list[str] = []
    monkeypatch.setattr(
        Beside, "__call__", lambda self, *a, _call=Beside.__call__: started.append(a[2]) or _call(self, *a)
    )

    content, digest = sample_corpus_digest()
    config = Config(
        content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS, phrases_file=content / "phrases.tsv"
    )
    keys = {e.slug: f"key-{e.slug}" for e in digest.entries}
    work_keys = {w.id: f"work-{w.id}" for w in digest.works}

    def aggregates(cache: Path, apart: bool) -> tuple[dict[str, bytes], list, dict[str, str], dict[str, list]]:
        blobs = BlobStore(tmp_path / f"blobs-{cache.name}", tmp_path / f"staging-{cache.name}")
        html = SiteHtml(config, digest)
        html.entry_keys, html.work_keys, html.blob_exists, html.blob_read = keys, work_keys, blobs.has, blobs.read
        html.beside = Beside(blobs, None) if apart else None
        pages, taken = {}, []
        for path, data in html.aggregate_outputs(cache):
            if isinstance(data, StoredFile):
                taken.append(path)
                data = blobs.read(data.sha)
            blobs.put(data)
            pages[path] = data
        report = list(html.site.hant.report())
        memos = {
            name: sorted((slug, key) for slug, (key, _) in KeyedMemo(cache / name, compress=compressed).old.items())
            for name, compressed in (("work-row-places.pickle", False), ("aggregate-pages.pickle", True))
        }
        return pages, report, html.reports(), memos, taken

    one = aggregates(tmp_path / "one", apart=False)
    two = aggregates(tmp_path / "two", apart=True)
    assert one[:4] == two[:4]
    assert any(c.where == "site" for c in two[1])  # rows recorded by the other process, put in place
    assert any(slug.startswith("zh-hant/") for slug, _ in two[3]["work-row-places.pickle"])  # its memo entries kept
    again = aggregates(tmp_path / "two", apart=True)  # rows and letter pages kept from the last build
    assert again[:4] == one[:4]
    assert any(path.startswith("zh-hant/references/") for path in again[4])
    assert len(started) == 2
    monkeypatch.setattr(site_module, "APART_ROWS", 1)
    assert aggregates(tmp_path / "two", apart=True)[:4] == one[:4]
    assert len(started) == 2  # every row kept: no second process


def test_an_error_in_the_other_process_fails_the_aggregate_pages(tmp_path, monkeypatch) -> None:
    from evdigest.build.beside import Beside
    from evdigest.build.cache import BlobStore
    from evdigest.render import site as site_module

    monkeypatch.setattr(site_module, "APART_ROWS", 0)
    started = []
    monkeypatch.setattr(
        Beside, "__call__", lambda self, *a, _call=Beside.__call__: started.append(a[2]) or _call(self, *a)
    )

    def broken(self, code):
        raise ValueError(f"no index for {code}")

    monkeypatch.setattr(SiteRenderer, "reference_pages", broken)
    site = SiteRenderer(Config(base_url=BASE_URL, editions=("en", "zh-hans")), sample_digest())
    site.beside = Beside(BlobStore(tmp_path / "blobs", tmp_path / "staging"), None)
    with pytest.raises(ValueError, match="no index for en"):  # this process's own edition first
        dict(site.aggregate_pages())
    monkeypatch.setattr(
        SiteRenderer, "reference_pages", lambda self, code: broken(self, code) if code != "en" else iter(())
    )
    with pytest.raises(ValueError, match="no index for zh-hans"):
        dict(site.aggregate_pages())
    assert started == ["reference index (zh-hans)"] * 2


def test_what_a_row_shows_is_hashed_again_only_for_works_whose_key_changed(tmp_path, monkeypatch) -> None:
    """A work whose key changed (an entry citing it changed) has what its row shows hashed again; when
    that is the same, its row and letter pages are kept; when it differs, its rows alone are made again."""
    import dataclasses

    from evdigest.build.renderers import SiteHtml
    from evdigest.enrich.glossary import corpus_glossary
    from evdigest.ingest import ingest
    from evdigest.refs.index import build_index
    from evdigest.render import site as site_module

    content = Path(__file__).parents[1] / "content"
    entries, works = build_index(ingest(sorted((content / "sources").glob("*.txt")), content).entries)
    digest = Digest(tuple(entries), tuple(works), corpus_glossary(entries))
    config = Config(content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS)
    keys = {w.id: f"key-{w.id}" for w in digest.works}
    store: dict[str, bytes] = {}
    hashed: list[str] = []
    made: list[str] = []
    shown_hash, views = site_module.SiteRenderer._shown_hash, site_module.work_views

    def counting_hash(self, work, *args):
        hashed.append(work.id)
        return shown_hash(self, work, *args)

    def counting_views(works, *args, **kwargs):
        made.extend(w.id for w in works)
        return views(works, *args, **kwargs)

    monkeypatch.setattr(site_module.SiteRenderer, "_shown_hash", counting_hash)
    monkeypatch.setattr(site_module, "work_views", counting_views)

    def aggregates(digest: Digest) -> dict[str, bytes]:
        hashed.clear()
        made.clear()
        html = SiteHtml(config, digest)
        html.entry_keys = {e.slug: f"key-{e.slug}" for e in digest.entries}
        html.work_keys = dict(keys)
        html.blob_exists, html.blob_read = store.__contains__, store.__getitem__
        pages = {}
        for path, data in html.aggregate_outputs(tmp_path / "cache"):
            data = store[data.sha] if isinstance(data, StoredFile) else data
            store[hashlib.sha256(data).hexdigest()] = data
            pages[path] = data
        return pages

    fresh = aggregates(digest)
    assert sorted(hashed) == sorted(keys) and set(made) == set(keys)
    assert aggregates(digest) == fresh and hashed == [] and made == []  # every key the same
    first, second = digest.works[0].id, digest.works[1].id
    keys[first] = keys[second] = "changed"
    assert aggregates(digest) == fresh
    assert sorted(hashed) == sorted([first, second]) and made == []  # rows show the same: all kept
    changed = dataclasses.replace(digest.works[0], csl={**digest.works[0].csl, "title": "A corrected title"})
    other = Digest(digest.entries, (changed, *digest.works[1:]), digest.glossary)
    keys[first] = "changed again"
    pages = aggregates(other)
    assert hashed == [first] and made == [first] * len(config.editions)
    assert [path for path in pages if pages[path] != fresh[path]]  # its letter pages
    # each row is kept as its place in the stored letter page that showed it last
    from evdigest.build.cache import KeyedMemo

    places = KeyedMemo(tmp_path / "cache" / "work-row-places.pickle").old
    assert len(places) == len(digest.works) * len(config.editions)
    for slug, (_, (sha, start, end, *_)) in places.items():
        code, _, work_id = slug.partition("/")
        assert sha in {hashlib.sha256(data).hexdigest() for path, data in pages.items() if path.startswith(code + "/")}
        row = store[sha][start:end].decode()
        assert re.fullmatch(rf'<li id="work-{work_id}" .*</li>\s*', row, re.S), row[:80]
        assert ("A corrected title" in row) == (work_id == first)


def test_a_kept_aggregate_page_is_used_only_while_its_view_is_the_same(tmp_path) -> None:
    from evdigest.build.cache import KeyedMemo
    from evdigest.enrich.glossary import corpus_glossary
    from evdigest.ingest import ingest
    from evdigest.refs.index import build_index

    content = Path(__file__).parents[1] / "content"
    entries, works = build_index(ingest(sorted((content / "sources").glob("*.txt")), content).entries)
    config = Config(content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS)

    def home(digest: Digest, layout: str = "layout") -> bytes:
        site = SiteRenderer(config, digest)
        site.page_memo, site.layout_key = KeyedMemo(tmp_path / "pages.pickle", compress=True), layout
        page = site.home_page("en")
        site.page_memo.save()
        return page

    digest = Digest(tuple(entries), tuple(works), corpus_glossary(entries))
    first = home(digest)
    assert home(digest) == first
    retitled = replace(entries[0], title=replace(entries[0].title, en="A Retitled Review of Migrasomes"))
    changed = home(Digest((retitled, *entries[1:]), tuple(works), digest.glossary))
    assert b"A Retitled Review of Migrasomes" in changed and changed != first
    kept = KeyedMemo(tmp_path / "pages.pickle", compress=True)
    kept.put("en/index.html", kept.old["en/index.html"][0], b"stale")
    kept.save()
    assert home(Digest((retitled, *entries[1:]), tuple(works), digest.glossary)) == b"stale"  # same view: kept
    assert home(Digest((retitled, *entries[1:]), tuple(works), digest.glossary), "other layout") == changed


def test_the_sitemap_is_kept_while_its_pages_and_settings_are_the_same(tmp_path, monkeypatch) -> None:
    from evdigest.build.cache import KeyedMemo
    from evdigest.render import site as site_module

    made: list[int] = []
    real = site_module.sitemap

    def counted(env, config, parts):
        made.append(len(parts))
        return real(env, config, parts)

    monkeypatch.setattr(site_module, "sitemap", counted)

    def sitemap_of(digest: Digest, base_url: str = BASE_URL) -> bytes:
        config = Config(content_dir=tmp_path, base_url=base_url, editions=TEST_EDITIONS)
        site = SiteRenderer(config, digest)
        site.page_memo, site.layout_key = KeyedMemo(tmp_path / "pages.pickle", compress=True), base_url
        page = dict(site.aggregate_pages())["sitemap.xml"]
        site.page_memo.save()
        return page

    digest = sample_digest()
    first = sitemap_of(digest)
    assert sitemap_of(digest) == first and len(made) == 1  # the same pages: kept
    fewer = Digest(digest.entries[:-1], digest.works, digest.glossary)
    assert sitemap_of(fewer) != first and len(made) == 2
    moved = sitemap_of(fewer, "https://example.com/digest/")  # other settings: another layout key
    assert b"https://example.com/digest/" in moved and len(made) == 3


def test_the_glossary_page_is_kept_while_its_terms_and_entries_titles_are_the_same(tmp_path, monkeypatch) -> None:
    """Kept pages equal made ones, in every edition, with the same conversion report; a retitled entry (its
    title shows beside the terms it uses) has the pages made again."""
    from evdigest.build.cache import KeyedMemo
    from evdigest.enrich.glossary import corpus_glossary
    from evdigest.ingest import ingest
    from evdigest.refs.index import build_index
    from evdigest.render import site as site_module

    content = Path(__file__).parents[1] / "content"
    entries, works = build_index(ingest(sorted((content / "sources").glob("*.txt")), content).entries)
    digest = Digest(tuple(entries), tuple(works), corpus_glossary(entries))
    config = Config(content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS)
    made: list[str] = []
    real = site_module.glossary_rows

    def counted(*args):
        made.append(args[-1].code)
        return real(*args)

    monkeypatch.setattr(site_module, "glossary_rows", counted)

    def glossaries(digest: Digest, memo: bool = True) -> tuple[dict[str, bytes], str]:
        site = SiteRenderer(config, digest)
        if memo:
            site.page_memo, site.layout_key = KeyedMemo(tmp_path / "pages.pickle", compress=True), "layout"
        pages = {code: site.glossary_page(code) for code in config.editions}
        if memo:
            site.page_memo.save()
        return pages, site.conversion_report()

    fresh = glossaries(digest, memo=False)
    assert glossaries(digest) == fresh and made == [*config.editions] * 2
    made.clear()
    assert glossaries(digest) == fresh and made == []  # kept, the report's rows recorded again
    titled = [e for e in entries if e.glossary][0]
    retitled = replace(titled, title=replace(titled.title, en="A Retitled Review"))
    other = Digest(tuple(retitled if e is titled else e for e in entries), tuple(works), digest.glossary)
    pages, _ = glossaries(other)
    assert made == [*config.editions] and b"A Retitled Review" in pages["en"]


def test_every_page_links_to_the_about_pages_in_its_nav(built):
    """The nav of each page links the about section and the pages in it, the current one marked."""
    site, _ = built
    for code in TEST_EDITIONS:
        for rel in ("", "about/", "about/editors/"):
            root = parse_page(site / code / rel / "index.html")
            nav = next(el for el in root.iter(f"{XHTML}nav") if el.get("class") == "site-nav")
            links = {a.get("href"): a.get("aria-current") for a in nav.iter(f"{XHTML}a")}
            targets = {posixpath.normpath(posixpath.join(f"/{code}/{rel}", h)): c for h, c in links.items()}
            assert {f"/{code}/about", f"/{code}/about/editors"} <= targets.keys(), (code, rel, links)
            assert [t for t, c in targets.items() if c == "page"] == [f"/{code}/{rel}".rstrip("/")], (code, rel)


def test_templates_read_view_keys_as_attributes() -> None:
    """``view.key`` reads a dict's key first (even one named like a dict method), else an attribute."""
    from jinja2 import DictLoader, StrictUndefined, UndefinedError

    from evdigest.render.site import ViewEnvironment

    env = ViewEnvironment(loader=DictLoader({}), undefined=StrictUndefined)
    view = {"title": "T", "items": ["a", "b"], "obj": Bilingual(en="E")}
    text = "{{ v.title }}|{{ v.items | join(',') }}|{{ v.obj.en }}|{{ w.items() | list | length }}"
    assert env.from_string(text).render(v=view, w={"x": 1}) == "T|a,b|E|1"
    with pytest.raises(UndefinedError):
        env.from_string("{{ v.missing }}").render(v=view)


def test_search_indexes_the_entry_but_not_its_reference_list(built):
    """An entry page's search body holds its titles, abstracts and text; the reference list and the
    download links are left out of the index (the reference index lists the cited works)."""
    site, _ = built
    for code in TEST_EDITIONS:
        root = parse_page(site / code / "entries" / "lyu-2026-exosome-secretion" / "index.html")
        body = next(el for el in root.iter() if el.get("data-pagefind-body") is not None)
        ignored = [el for el in body.iter() if el.get("data-pagefind-ignore") is not None]
        assert [(el.get("class"), el.get("data-pagefind-ignore")) for el in ignored] == [
            ("references", "all"),
            ("downloads", "all"),
        ], code
        for part in ("abstract-zh", "abstract-en", "h-references"):
            assert body.find(f".//*[@id='{part}']") is not None, (code, part)
        assert ignored[0].find(".//*[@id='h-references']") is not None
        assert all(el.find(".//*[@id='abstract-zh']") is None for el in ignored)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab中 \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000<>&;#/", "<p>", "</i>", "&amp;", "&#34"]),
        max_size=30,
    ).map("".join)
)
def test_to_text_is_the_regex_reduction(value: str) -> None:
    """Tags dropped and references decoded only when there are some, whitespace runs of every kind of
    Unicode space as one space, the ends stripped: as the regular expressions wrote it."""

    def by_regex(text: str) -> str:
        if FORMAT_TAG_RE.search(text) or ENTITY_RE.search(text):
            text = html.unescape(FORMAT_TAG_RE.sub(" ", text))
        return re.sub(r"\s+", " ", text).strip()

    assert to_text(value) == by_regex(value)


_SEGMENT = st.sampled_from(["en", "zh-hant", "entries", "references", "a", "index.html", "x.html", ".", "ab"])


@given(st.lists(_SEGMENT, max_size=5), st.lists(_SEGMENT, max_size=5))
def test_relative_paths_between_site_files_are_those_posixpath_gives(to: list[str], at: list[str]) -> None:
    from evdigest.render.urls import _relpath

    path, start = "/".join(to) or ".", "/".join(at) or "."
    assert _relpath(path, start) == posixpath.relpath(path, start)


def test_compiled_templates_are_kept_and_a_changed_template_is_compiled_again(tmp_path) -> None:
    from evdigest.render.site import SiteRenderer

    user = tmp_path / "templates"
    user.mkdir()
    (user / "404.html.j2").write_text("<p>first {{ page.path }}</p>", encoding="utf-8")
    config = Config(content_dir=tmp_path, base_url=BASE_URL, editions=("en",), templates_dir=user)
    kept = tmp_path / "cache" / "jinja"

    first = SiteRenderer(config, Digest())
    first.keep_compiled(kept)
    assert first.not_found("en") == b"<p>first en/404.html</p>"
    assert list(kept.iterdir())  # the template used, compiled, in the folder

    (user / "404.html.j2").write_text("<p>second {{ page.path }}</p>", encoding="utf-8")
    again = SiteRenderer(config, Digest())
    again.keep_compiled(kept)
    assert again.not_found("en") == b"<p>second en/404.html</p>"

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again although the template is unchanged")

    third = SiteRenderer(config, Digest())
    third.keep_compiled(kept)
    third.env.compile = refuse
    assert third.not_found("en") == b"<p>second en/404.html</p>"


def test_a_reference_is_formatted_once_per_item_and_printed_string(monkeypatch) -> None:
    """References printing the same string of a work share one formatting; another item under the same
    string and id (or none) is formatted apart, and equal items made apart are formatted once."""
    from evdigest.render.refview import RefShower

    made: list[tuple[object, str]] = []
    shower = RefShower("nlm-citation-sequence", "en", lambda text: text)
    formatting = shower._format
    monkeypatch.setattr(
        shower, "_format", lambda csl, raw, et_al, eds: made.append((csl, raw)) or formatting(csl, raw, et_al, eds)
    )
    raw = "Kalluri R, LeBleu VS. The biology, function, and biomedical applications of exosomes. Science. 2020."
    item = _csl("w1", "The biology, function, and biomedical applications of exosomes", "Kalluri", "R", 2020)
    first = shower.show(item, raw)
    assert shower.show(item, raw) is first and shower.show(dict(item), raw) is first  # equal items: once
    other = {**item, "title": "Another title"}
    assert shower.show(other, raw).text != first.text and shower.show(dict(other), raw).text != first.text
    assert shower.show(None, raw).text == raw and shower.show(None, raw) is shower.show(None, raw)
    assert shower.show(item, raw, et_al=True) is not first
    assert shower.show(item, raw, editors_et_al=True) is not first
    assert [csl for csl, _ in made] == [item, other, None, item, item]


def test_the_editions_of_one_style_format_a_reference_once_and_convert_it(monkeypatch) -> None:
    """The Simplified and Traditional editions share the references their style formatted: the second
    only converts, and shows what a shower of its own shows."""
    from evdigest.enrich.hant import HantConverter
    from evdigest.render.refview import RefShower

    style = "china-national-standard-gb-t-7714-2015-numeric"
    to_hant = HantConverter(None).convert
    plain: dict = {}
    hans, hant = RefShower(style, "zh-hans", lambda text: text, plain), RefShower(style, "zh-hant", to_hant, plain)
    made: list[object] = []
    for shower in (hans, hant):
        formatting = shower._format
        monkeypatch.setattr(
            shower, "_format", lambda csl, raw, et_al, eds, f=formatting: made.append(csl) or f(csl, raw, et_al, eds)
        )
    raw = "吕茹月, 郑国. 间充质干细胞来源的外泌体研究进展[J]. 中国组织工程研究, 2024."
    item = {**_csl("w2", "间充质干细胞来源的外泌体研究进展", "吕", "茹月", 2024), "language": "zh"}
    simplified, traditional = hans.show(item, raw), hant.show(item, raw)
    assert made == [item]  # formatted once, for the first of the two
    alone = RefShower(style, "zh-hant", to_hant).show(item, raw)
    assert traditional == alone and "間充質幹細胞" in traditional.text and simplified.text != traditional.text
    assert hant.show(None, raw) == RefShower(style, "zh-hant", to_hant).show(None, raw)


@pytest.mark.parametrize(
    "value",
    [{"text": "外泌体 <b>", "lang": "zh-Hans"}, {"text": "exosome & co", "lang": None}, {"text": "", "lang": ""}],
)
def test_layout_helpers_write_the_same_as_filters_globals_and_macros(value) -> None:
    """The built-in templates call the helpers as filters; user templates may call them as globals or
    import the macros of the same names: all three write the same."""
    env = make_environment([BUILTIN_TEMPLATES])
    as_filters = env.from_string("<p{{ v.lang|lang }}>{{ v|t }}</p>").render(v=value)
    as_globals = env.from_string("<p{{ lang(v.lang) }}>{{ t(v) }}</p>").render(v=value)
    as_macros = env.from_string('{% import "macros.html.j2" as m %}<p{{ m.lang(v.lang) }}>{{ m.t(v) }}</p>').render(
        v=value
    )
    assert as_filters == as_globals == as_macros
    assert ("&lt;b&gt;" in as_filters) == ("<b>" in value["text"])


def test_templates_compiled_by_other_code_are_not_reused(tmp_path, monkeypatch) -> None:
    """Jinja's cache checks a template's source only: a folder filled by another version of the code (which
    may compile templates otherwise) is emptied, and one whose files are links to the last build's leaves
    those files as they were."""
    import evdigest.version
    from evdigest.render.site import SiteRenderer

    config = Config(content_dir=tmp_path, base_url=BASE_URL, editions=("en",))
    kept = tmp_path / "cache" / "jinja"
    first = SiteRenderer(config, Digest())
    first.keep_compiled(kept)
    first.not_found("en")
    compiled = sorted(kept.glob("*.cache"))
    assert compiled and (kept / "stamp").is_file()

    last_build = tmp_path / "last"  # the last build's folder, which a build's own folder is linked from
    last_build.mkdir()
    for path in kept.iterdir():
        (last_build / path.name).hardlink_to(path)
    stamp_before = (last_build / "stamp").read_bytes()

    monkeypatch.setattr(evdigest.version, "code_version", lambda: "0.0.0+another")
    again = SiteRenderer(config, Digest())
    again.keep_compiled(kept)
    assert not list(kept.glob("*.cache"))
    assert (kept / "stamp").read_text(encoding="utf-8").startswith("0.0.0+another ")
    assert (last_build / "stamp").read_bytes() == stamp_before
    assert all((last_build / path.name).exists() for path in compiled)

    compiles: list[str] = []
    compile_ = again.env.compile
    monkeypatch.setattr(again.env, "compile", lambda *a, **k: compiles.append(a[1]) or compile_(*a, **k))
    assert again.not_found("en")
    assert compiles  # compiled anew, not read from the folder


_HTML_TEXT = st.text(st.sampled_from(list("ab<>&\"' 中文")), max_size=12)


class _Html:
    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text


@given(
    st.one_of(
        _HTML_TEXT,
        _HTML_TEXT.map(Markup),
        _HTML_TEXT.map(_Html),
        st.integers(),
        st.none(),
        st.lists(_HTML_TEXT, max_size=2),
    )
)
def test_output_escape_writes_what_escape_does(value) -> None:
    from markupsafe import escape

    from evdigest.render.jinja_helpers import output_escape

    assert output_escape(value) == str(escape(value))
    assert type(output_escape(value)) in (str, Markup)


@settings(max_examples=60)
@given(st.lists(_HTML_TEXT, min_size=1, max_size=4), _HTML_TEXT)
def test_templates_write_the_same_with_either_escaping(items: list[str], title: str) -> None:
    """The site's environment writes what Jinja's own code generator writes: outputs, macros, ``{% set %}``
    blocks, filters, ``|safe`` and ``Markup`` values, and the ``t``/``lang`` helpers."""
    from jinja2 import DictLoader, StrictUndefined
    from jinja2.compiler import CodeGenerator

    from evdigest.render.jinja_helpers import install
    from evdigest.render.site import ViewEnvironment

    source = (
        "{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}"
        "{% set block %}<b>{{ title }}</b>{% endset %}"
        '<h1 title="{{ title }}">{{ title }}</h1>{{ block }}{{ m(title) }}{{ m(title)|upper }}'
        "{% for i in items %}<li{{ code|lang }}>{{ i }}{{ i|safe }}{{ i|e }}{{ loop.index }}</li>{% endfor %}"
        "{{ marked }}{{ items|join(', ') }}{{ value|t }}{{ none_value }}{% autoescape false %}{{ title }}{% endautoescape %}"
    )

    class Plain(ViewEnvironment):
        code_generator_class = CodeGenerator

    outputs, envs = [], []
    for cls in (ViewEnvironment, Plain):
        env = cls(loader=DictLoader({"p": source}), autoescape=True, undefined=StrictUndefined)
        install(env)
        envs.append(env)
        outputs.append(
            env.get_template("p").render(
                title=title,
                items=items,
                code=title[:2],
                marked=Markup(f"<em>{title}</em>"),
                value={"text": title, "lang": items[0]},
                none_value=None,
            )
        )
    assert outputs[0] == outputs[1]
    ours, jinjas = (e.compile(source, raw=True) for e in envs)
    assert "environment.output_escape(" in ours and "environment.output_escape(" not in jinjas


def test_reference_tags_are_made_once_per_printed_string_and_item(monkeypatch) -> None:
    """A page's ``citation_reference`` tags are what :func:`reference_tag` writes; references printing one
    string of a work share it, and another item under that string and id gets its own."""
    from evdigest.model import Reference
    from evdigest.render import meta

    made: list[str] = []
    real = meta.reference_tag
    monkeypatch.setattr(meta, "reference_tag", lambda ref: made.append(ref.raw) or real(ref))
    tags = meta.ReferenceTags()
    item = {"id": "w1", "title": "Exosomes; a review", "author": [{"family": "Li", "given": "M"}], "DOI": "10.1/x"}
    first = Reference(1, "Li M. Exosomes; a review.", csl=item)
    again = Reference(7, "Li M. Exosomes; a review.", csl=dict(item))  # an equal item made apart
    other = Reference(2, "Li M. Exosomes; a review.", csl={**item, "title": "Exosomes, revisited"})
    bare = Reference(3, "A reference that did not parse")
    assert [tags(r) for r in (first, again, other, bare, first)] == [
        real(r) for r in (first, again, other, bare, first)
    ]
    assert made == ["Li M. Exosomes; a review.", "Li M. Exosomes; a review.", "A reference that did not parse"]
    assert "citation_title=Exosomes, a review" in tags(first)


@pytest.mark.skipif(not HAS_HANT, reason="OpenCC is not installed")
def test_traditional_pages_convert_the_body_only_where_they_show_it() -> None:
    """The body of an entry whose page does not republish it is not converted: it is never published,
    so its conversions would only fill the report."""
    from evdigest.render.entry_view import shows_fulltext

    content, digest = sample_corpus_digest()
    entry = next(e for e in digest.entries if any(HAN_RE.search(p) for s in e.sections for p in s.paragraphs))
    for licence in (entry.license, "CC BY 4.0"):
        shown_entry = replace(entry, license=licence)
        for republish in (False, True):
            config = Config(
                content_dir=content, base_url=BASE_URL, editions=TEST_EDITIONS, republish_fulltext=republish
            )
            site = SiteRenderer(config, digest)
            shown = site.for_edition(shown_entry, "zh-hant")
            body = shows_fulltext(shown_entry, republish=republish)
            assert (shown.sections != entry.sections) == body, (licence, republish)
            assert shown.title.zh == site.to_hant(entry.title.zh)  # the rest is converted either way
            page = site.entry_page(shown_entry, "zh-hant").decode()
            # a paragraph citing nothing: no citing sentence of the reference list shows its text
            paragraph = next(p for s in entry.sections for p in s.paragraphs if HAN_RE.search(p) and "^[" not in p)
            assert (html.escape(site.to_hant(paragraph)[:20], quote=False) in page) == body


@pytest.mark.skipif(not HAS_HANT, reason="OpenCC is not installed")
def test_a_traditional_entry_page_converts_its_references_once(tmp_path) -> None:
    """The reference list of a zh-hant entry page reads as the reference index does: 循环 is 循環 (the
    phrase dictionary), not 循環 read again as Simplified (OpenCC's Taiwan phrase 迴圈, a program loop)."""
    (tmp_path / "phrases.tsv").write_text("循环\t循環\n", encoding="utf-8")
    digest = sample_digest()
    raw = "何雨笑, 鲁继斌. 循环肿瘤细胞在非小细胞肺癌诊疗中的应用[J]. 现代肿瘤医学, 2021, 29(3): 535-539."
    ref = Reference(1, raw, csl=parse_reference(raw).item)
    entry = replace(digest.entries[0], references=(ref,))
    digest = replace(digest, entries=(entry, *digest.entries[1:]))
    config = Config(base_url=BASE_URL, editions=TEST_EDITIONS, phrases_file=tmp_path / "phrases.tsv")
    page = SiteRenderer(config, digest).entry_page(entry, "zh-hant").decode()
    assert "循環腫瘤細胞在非小細胞肺癌診療中的應用" in page
    assert "迴圈" not in page


def test_references_formatted_ahead_make_each_items_links_once(monkeypatch):
    """An item listed in both citation styles has its links made once, and each style's result carries
    the links formatting it alone gives."""
    from evdigest.render import refview

    digest = sample_digest()
    renderer = SiteRenderer(Config(base_url=BASE_URL, editions=("en", "zh-hans", "zh-hant")), digest)
    found = renderer.references_to_format(digest.entries)
    assert len({item.style for item in found}) == 2
    made: list[int] = []
    reference_links = refview.reference_links

    def counted(csl):
        made.append(id(csl))
        return reference_links(csl)

    monkeypatch.setattr(refview, "reference_links", counted)
    formatted = SiteRenderer.format_references(found)
    assert sorted(made) == sorted({id(item.csl) for item in found})
    monkeypatch.setattr(refview, "reference_links", reference_links)
    assert formatted == [refview.format_plain(i.style, i.csl, i.raw, i.et_al, i.editors_et_al) for i in found]


def test_references_formatted_ahead_give_the_same_pages_without_formatting_them_again(tmp_path, monkeypatch):
    """References formatted before the pages (as a build does before its workers start) are the ones the
    pages show: the pages are the same bytes, and rendering them formats none of those references again
    (only the Traditional entry pages' own conversions of Chinese references are formatted as they are
    rendered)."""
    from evdigest.render import refview

    digest = sample_digest()
    site, _ = render_site(tmp_path / "as-rendered", digest)
    ahead: list[refview.RefToFormat] = []
    again: list[tuple[str, dict | None, str]] = []
    format_plain = refview.format_plain

    def before(renderer: SiteRenderer) -> None:
        found = renderer.references_to_format(digest.entries)
        assert len(found) == len({(item.style, item.key) for item in found})  # each reference once per style
        assert {item.style for item in found} == {renderer._style(code) for code in TEST_EDITIONS}
        shown = {(r.raw, r.csl.get("id") if r.csl else None) for e in digest.entries for r in e.references}
        assert {(item.raw, item.csl.get("id") if item.csl else None) for item in found} >= shown
        renderer.adopt_formatted(found, SiteRenderer.format_references(found))
        assert renderer.references_to_format(digest.entries) == []
        ahead.extend(found)

        def noted(style, csl, raw, et_al, editors_et_al=False, links=None):
            again.append((style, csl, raw))
            return format_plain(style, csl, raw, et_al, editors_et_al, links)

        monkeypatch.setattr(refview, "format_plain", noted)

    ahead_site, _ = render_site(tmp_path / "ahead", digest, before=before)
    assert ahead
    assert again == []  # the Traditional pages too: they convert the references formatted for zh-hans
    pages = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert pages == sorted(p.relative_to(ahead_site) for p in ahead_site.rglob("*") if p.is_file())
    assert [p for p in pages if (site / p).read_bytes() != (ahead_site / p).read_bytes()] == []


def test_an_author_list_the_source_cut_short_ends_in_et_al():
    digest = sample_digest()
    entries = tuple(replace(e, authors_et_al=True) if e.slug == "liu-2025-migrasomes" else e for e in digest.entries)
    renderer = SiteRenderer(
        Config(base_url=BASE_URL, editions=("en", "zh-hans")), Digest(entries, digest.works, digest.glossary)
    )
    liu = next(e for e in entries if e.slug == "liu-2025-migrasomes")
    for code, term in (("en", "et al."), ("zh-hans", "等")):
        root = parse_page_bytes(renderer.entry_page(liu, code))
        (authors,) = [ul for ul in root.iter(f"{XHTML}ul") if ul.get("class") == "author-list"]
        items = list(authors.iter(f"{XHTML}li"))
        assert len(items) == len(liu.authors) + 1 and items[-1].text == term
    plain = next(e for e in digest.entries if e.slug == "liu-2025-migrasomes")
    root = parse_page_bytes(SiteRenderer(Config(base_url=BASE_URL, editions=("en",)), digest).entry_page(plain, "en"))
    assert not [li for li in root.iter(f"{XHTML}li") if li.get("class") == "et-al"]


def print_rules(css: str) -> cssselect2.Matcher:
    """A matcher of the style rules of ``css``; each match carries the rule's pseudo-element and declarations."""
    matcher = cssselect2.Matcher()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
        props = {d.lower_name: tinycss2.serialize(d.value).strip() for d in declarations if d.type == "declaration"}
        for selector in cssselect2.compile_selector_list(rule.prelude):
            matcher.add_selector(selector, (selector.pseudo_element, props))
    return matcher


def test_print_stylesheet_spells_out_no_reference_search_and_prints_no_closed_box(built):
    """On paper every reference was followed by its PubMed search URL (two to four lines) and every closed
    "Cited in" box by its summary line alone: 22 printed pages for a 5-page review."""
    site, _ = built
    matcher = print_rules((site / "assets" / "print.css").read_text(encoding="utf-8"))

    def printed(element: cssselect2.ElementWrapper, pseudo: str | None) -> dict[str, str]:
        props: dict[str, str] = {}
        for _, _, _, (rule_pseudo, rule_props) in sorted(matcher.match(element) or []):
            if rule_pseudo == pseudo:
                props.update(rule_props)
        return props

    links = closed = 0
    for page in ("en/entries/lyu-2026-exosome-secretion/index.html", "en/references/k/index.html"):
        root = cssselect2.ElementWrapper.from_html_root(parse_page(site / page))
        for element in root.iter_subtree():
            classes = element.classes
            url_after = "attr(href)" in printed(element, "after").get("content", "")
            href = element.etree_element.get("href") or ""
            if element.local_name == "a" and (
                {"ref-link", "ref-index"} & classes or href.startswith("https://doi.org/")
            ):
                links += 1
                assert not url_after, (page, href)
            if element.local_name == "details" and element.etree_element.get("open") is None:
                closed += 1
                assert printed(element, None).get("display", "").startswith("none"), (page, classes)
    assert links >= 6 and closed >= 3
    # an entry's link whose text is no address still prints it
    pdf = html5lib.parse('<ul class="id-links"><li><a href="https://example.org/a.pdf">Open-access PDF</a></li></ul>')
    anchor = next(e for e in cssselect2.ElementWrapper.from_html_root(pdf).iter_subtree() if e.local_name == "a")
    assert "attr(href)" in printed(anchor, "after")["content"]


SICI_DOI = "10.1002/(sici)1097-4636(199706)35:4<507::aid-jbm11>3.0.co;2-#"
SICI_URL = "https://doi.org/10.1002/(sici)1097-4636(199706)35:4%3C507::aid-jbm11%3E3.0.co;2-%23"


def test_a_doi_holding_angle_brackets_and_a_hash_is_escaped_in_its_link_and_json_ld():
    digest = sample_digest()
    entry = replace(digest.entries[0], doi=SICI_DOI)
    site = SiteRenderer(Config(base_url=BASE_URL, editions=("en",)), replace(digest, entries=(entry,)))
    root = parse_page_bytes(site.entry_page(entry, "en"))
    hrefs = [a.get("href") for a in root.iter(f"{XHTML}a") if "sici" in (a.get("href") or "")]
    assert hrefs and set(hrefs) == {SICI_URL}  # "#" would start a fragment, leaving the DOI cut short
    scripts = [s for s in root.iter(f"{XHTML}script") if s.get("type") == "application/ld+json"]
    data = json.loads(scripts[0].text)
    assert data["sameAs"] == SICI_URL
    assert data["identifier"]["value"] == SICI_DOI
    assert ("citation_doi", SICI_DOI) in metas(root)  # the identifier itself, not a link


def test_an_entry_page_links_its_reference_list_exports_only_when_it_has_references(built):
    from evdigest.export import entry_exports
    from evdigest.render.i18n import Messages

    site, renderer = built
    digest = sample_digest()
    entry = next(e for e in digest.entries if e.references)
    by_id = {w.id: w for w in digest.works}
    written = {f"export/{name}" for name in entry_exports(entry, by_id)}
    for code in TEST_EDITIONS:
        page = site / code / "entries" / entry.slug / "index.html"
        text = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]*\.refs\.[^"]*)"', text)
        targets = {posixpath.normpath(posixpath.join(f"{code}/entries/{entry.slug}", href)) for href in hrefs}
        assert targets == {f"export/{entry.slug}.refs.{ext}" for ext in ("bib", "ris", "csl.json")}
        assert targets <= written  # each link names a file the exports write
        assert html.escape(Messages(code)("download_reference_list")) in text
    bare = replace(entry, references=())
    assert not any(".refs." in name for name in entry_exports(bare, by_id))
    for code in TEST_EDITIONS:
        text = renderer.entry_page(bare, code).decode("utf-8")
        assert ".refs." not in text and Messages(code)("download_reference_list") not in text
        assert f"export/{entry.slug}.bib" in text  # its own record is still linked
