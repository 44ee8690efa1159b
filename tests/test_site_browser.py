"""The sample site in a real browser: Debian's Chromium through Playwright, served from 127.0.0.1 under a sub-path.

Also the Nu Html Checker (``vnu-jar``) over every page and axe-core inside the
same Chromium; both come from ``node_modules`` (``npm install`` at the repository root).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from test_site_render import (
    SCHOLAR_TAGS,
    XHTML,
    check_languages,
    check_links,
    head_links,
    html_pages,
    metas,
    parse_page,
    render_site,
    sample_digest,
)

from evdigest.config import Config
from evdigest.enrich.glossary import corpus_glossary
from evdigest.ingest import ingest
from evdigest.model import Digest, Entry
from evdigest.refs.index import build_index
from evdigest.render.search import BUNDLE_DIR, SHARD_LISTING, build_search_index, shard_listing, shard_of
from evdigest.render.site import SiteRenderer

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "output" / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUB_PATH = "mirror/evdigest/"
# A slug as ingest makes it: first author, year, title words and an 8-hex identity hash,
# e.g. "lyu-2026-regulatory-mechanisms-exosome-bc66504b".
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8}")
BASE_URL = "https://example.org/evdigest/"
"""The configured public address; the test serves the site elsewhere to prove links are relative."""

LYU = "sources/lyu-2026-exosome-secretion.txt"
LIU = "sources/liu-2025-migrasomes.txt"
ZHANG = "sources/zhang-2025-msc-evs.txt"

# (edition, query, sources of the entries it must find) — pinned on the sample sources.
SEARCHES = [
    ("zh-hans", "外泌体", {LYU}),
    ("zh-hant", "外泌體", {LYU}),
    ("zh-hans", "腔内囊泡", {LYU}),
    ("en", "exosome", {LYU}),
    ("en", "migrasomes", {LIU}),
    ("zh-hans", "间充质干细胞", {LYU, ZHANG}),
    # Chinese words on English pages: Pagefind cuts them into words only on Chinese pages
    ("en", "临床", {LYU, ZHANG}),
    ("en", "纳米", {LYU, ZHANG}),
    ("en", "细胞外囊泡", {LYU, ZHANG}),
    ("en", "间充质干细胞", {LYU, ZHANG}),
]

needs_node = pytest.mark.skipif(
    not (VNU_JAR.is_file() and AXE_JS.is_file()),
    reason="node_modules is absent: run `npm install --no-audit --no-fund` at the repository root",
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return None


@dataclass
class Served:
    site: Path
    url: str
    """The site's address on the local server, ending in ``/``."""
    entries: tuple[Entry, ...]

    def slug(self, source: str) -> str:
        return next(e.slug for e in self.entries if e.source == source)


def build_sample_site(site: Path) -> tuple[Entry, ...]:
    """The full sample digest from the real parsers: ingest, reference index, site, search index."""
    content = REPO / "content"
    result = ingest(sorted((content / "sources").glob("*.txt")), content)
    assert result.ok, result.failures
    entries, works = build_index(result.entries)
    digest = Digest(tuple(entries), tuple(works), corpus_glossary(entries))
    renderer = SiteRenderer(Config(content_dir=content, base_url=BASE_URL), digest)
    pages: dict[str, bytes] = {}
    shards: dict[str, list[str]] = {}
    for entry in digest.entries:
        own = renderer.entry_pages(entry)
        pages.update(own)
        shards.setdefault(shard_of(entry.slug), []).extend(p for p in own if p.endswith(".html"))
    pages.update(renderer.aggregate_pages())
    for rel, data in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    # One bundle per shard, as the build makes them: the search page merges them.
    assert len(shards) > 1, "the samples should fall in several shards, so that merging is tested"
    for name, shard_pages in shards.items():
        build_search_index(site, shard_pages, f"{BUNDLE_DIR}/{name}")
    (site / BUNDLE_DIR / SHARD_LISTING).write_bytes(shard_listing(shards))
    return digest.entries


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    site = root / SUB_PATH
    entries = build_sample_site(site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Served(site, f"http://127.0.0.1:{server.server_port}/{SUB_PATH}", entries)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A browser page that records requests leaving 127.0.0.1 and CSP violations."""

    def __init__(self, browser, served: Served, **context: object) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.origin = "http://" + urlsplit(served.url).netloc + "/"
        self.foreign: list[str] = []
        self.violations: list[str] = []
        self.page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page.on("request", self._request)
        self.page.on("console", self._console)

    def _request(self, request) -> None:
        if not request.url.startswith(self.origin):
            self.foreign.append(request.url)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "CSP violation" in message.text:
            self.violations.append(message.text)

    def close(self) -> None:
        self.context.close()
        assert self.foreign == [], f"requests left 127.0.0.1: {self.foreign}"
        assert self.violations == [], f"CSP violations: {self.violations}"


@pytest.fixture
def watched(browser, served):
    pages: list[Watched] = []

    def make(**context: object) -> Watched:
        pages.append(Watched(browser, served, **context))
        return pages[-1]

    yield make
    for w in pages:
        w.close()


TEXTS = "els => els.map(e => e.textContent)"


def indexed_text(element) -> str:
    """The text Pagefind indexes inside ``element``: all of it but what ``data-pagefind-ignore`` leaves out."""
    if element.get("data-pagefind-ignore") is not None:
        return element.tail or ""
    inner = "".join(indexed_text(child) for child in element)
    return (element.text or "") + inner + (element.tail or "")


def page_text_holds(served: Served, edition: str, term: str) -> set[str]:
    """Sources of the entries whose indexed text (``data-pagefind-body``) holds ``term`` in ``edition``."""
    found = set()
    for entry in served.entries:
        root = parse_page(served.site / edition / "entries" / entry.slug / "index.html")
        body = next(el for el in root.iter() if el.get("data-pagefind-body") is not None)
        if term.casefold() in indexed_text(body).casefold():
            found.add(entry.source)
    return found


def indexed_content(served: Served, watched, edition: str, source: str) -> str:
    """The text Pagefind indexed of an entry's page in ``edition``, read through Pagefind's own API
    (from the edition's search page, whose Content-Security-Policy lets Pagefind run)."""
    slug = served.slug(source)
    w = watched()
    w.page.goto(served.url + f"{edition}/search/")
    return w.page.evaluate(
        """async ([bundle, tail]) => {
             const pagefind = await import(bundle);
             const found = await pagefind.search(null);
             const pages = await Promise.all(found.results.map((r) => r.data()));
             return pages.find((p) => p.url.endsWith(tail)).content;
           }""",
        [served.url + f"{BUNDLE_DIR}/{shard_of(slug)}/pagefind.js", f"/{edition}/entries/{slug}/"],
    )


def test_sample_site_links_and_languages(served):
    assert check_links(served.site, base=BASE_URL) > 500
    for page in html_pages(served.site):
        check_languages(page, parse_page(page))


def scholar_author(entry: Entry, index: int, code: str) -> str:
    """The ``citation_author`` expected for author ``index``: Chinese family-first, Latin ``Family, Given``."""
    author = entry.authors[index]
    if code != "en" and author.name_zh:
        return author.name_zh
    if author.family and author.given:
        return f"{author.family}, {author.given}"
    return author.name


def test_sample_entries_carry_scholar_and_zotero_metadata(served):
    for entry in served.entries:
        for code in ("en", "zh-hans", "zh-hant"):
            root = parse_page(served.site / code / "entries" / entry.slug / "index.html")
            tags = [(n, c) for n, c in metas(root) if n.startswith("citation_")]
            names = {n for n, _ in tags}
            assert names <= SCHOLAR_TAGS, names - SCHOLAR_TAGS
            required = {"citation_title", "citation_author", "citation_publication_date", "citation_journal_title"}
            assert required | {"citation_pdf_url", "citation_language"} <= names, (entry.slug, code)
            values = dict(tags)
            assert values["citation_publication_date"][:4] == str(entry.year), (entry.slug, code)
            assert values.get("citation_doi") == entry.doi
            authors = [c for n, c in tags if n == "citation_author"]
            assert len(authors) == len(entry.authors)
            assert authors == [scholar_author(entry, i, code) for i in range(len(entry.authors))]
            assert len([n for n, _ in tags if n == "citation_reference"]) == len(entry.references)
            typed = {a["type"]: a["href"] for a in head_links(root, "alternate") if "type" in a}
            for ext, mime in (
                ("ris", "application/x-research-info-systems"),
                ("bib", "application/x-bibtex"),
                ("csl.json", "application/vnd.citationstyles.csl+json"),
            ):
                assert typed[mime] == f"../../../export/{entry.slug}.{ext}"
            line = next(p for p in root.iter(f"{XHTML}p") if p.get("class") == "citation-line")
            assert f", {entry.year}" in "".join(line.itertext())
            assert "^[" not in "".join(root.itertext())


def test_sample_affiliations_show_each_language_on_its_own_line(served):
    bilingual = [(e, i) for e in served.entries for i, a in enumerate(e.affiliations) if a.en and a.zh]
    assert bilingual, "the samples hold an affiliation given in both languages"
    for entry, index in bilingual:
        for code, first in (("en", "en"), ("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant")):
            root = parse_page(served.site / code / "entries" / entry.slug / "index.html")
            ol = next(o for o in root.iter(f"{XHTML}ol") if o.get("class") == "affiliations")
            lines = [span.get("lang") for span in list(ol)[index]]
            assert lines == [first, "zh-Hans" if code == "en" else "en"], (entry.slug, code)


def test_each_edition_home_opens(served, watched):
    w = watched()
    expected = {
        "en": "Extracellular Vesicle Review Digest",
        "zh-hans": "细胞外囊泡综述文摘",
        "zh-hant": "細胞外囊泡綜述文摘",
    }
    for edition, title in expected.items():
        response = w.page.goto(served.url + f"{edition}/")
        assert response.status == 200
        assert (
            w.page.locator("html").get_attribute("lang")
            == {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}[edition]
        )
        assert w.page.locator("main h1").inner_text() == title
        assert w.page.locator(".entry-card").count() == len(served.entries)
        # the footer's line sits in the middle in every edition (Chinese text is otherwise aligned to the start)
        footer = w.page.locator(".site-footer").bounding_box()
        line = w.page.locator(".site-footer p").evaluate(
            "p => { const r = document.createRange(); r.selectNodeContents(p); const b = r.getBoundingClientRect();"
            " return {x: b.x, width: b.width}; }"
        )
        middle = footer["x"] + footer["width"] / 2
        assert abs(line["x"] + line["width"] / 2 - middle) < 2, (edition, line, footer)


def test_root_lists_editions_without_javascript(served, watched):
    w = watched(java_script_enabled=False, locale="zh-TW")
    w.page.goto(served.url)
    assert w.page.url == served.url
    hrefs = w.page.eval_on_selector_all(".edition-list a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == ["en/", "zh-hans/", "zh-hant/"]


@pytest.mark.parametrize(
    ("locale", "edition"),
    [("zh-TW", "zh-hant"), ("zh-HK", "zh-hant"), ("zh-CN", "zh-hans"), ("en-GB", "en"), ("fr-FR", "en")],
)
def test_root_redirects_once_by_browser_language(served, watched, locale, edition):
    w = watched(locale=locale)
    assert w.page.evaluate("navigator.languages")[0] == locale
    w.page.goto(served.url)
    w.page.wait_for_url(served.url + f"{edition}/")
    w.page.goto(served.url)  # a second visit in the same session stays on the chooser
    w.page.wait_for_timeout(300)
    assert w.page.url == served.url
    assert w.page.locator(".edition-list a").count() == 3


def test_root_respects_a_chosen_edition(served, watched):
    w = watched(locale="zh-CN")
    w.page.goto(served.url + "en/")
    w.page.click('nav.switcher a[hreflang="zh-Hant"]')
    w.page.wait_for_url(served.url + "zh-hant/")
    w.context.clear_cookies()
    fresh = w.context.new_page()  # a new tab: sessionStorage is empty, localStorage holds the choice
    fresh.goto(served.url)
    fresh.wait_for_timeout(300)
    assert fresh.url == served.url
    fresh.close()


def test_home_filters_by_tag_year_and_journal(served, watched):
    w = watched()
    w.page.goto(served.url + "en/")
    by_added = sorted(served.entries, key=lambda e: e.added or "", reverse=True)
    hrefs = w.page.eval_on_selector_all(".entry-card h3 a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [f"entries/{e.slug}/" for e in by_added]
    assert [e.added for e in by_added] == sorted((e.added for e in by_added), reverse=True)

    def visible() -> set[str]:
        shown = w.page.eval_on_selector_all(
            ".entry-card:not([hidden]) h3 a", "els => els.map(e => e.getAttribute('href'))"
        )
        return {h.removeprefix("entries/").strip("/") for h in shown}

    journal = {e.slug: e.journal.name or e.journal.name_zh for e in served.entries}
    checks = [
        ("#filter-tag", t, {e.slug for e in served.entries if t in e.tags}) for e0 in served.entries for t in e0.tags
    ]
    checks += [
        ("#filter-year", str(e.year), {x.slug for x in served.entries if x.year == e.year}) for e in served.entries
    ]
    checks += [
        ("#filter-journal", journal[e.slug], {s for s, j in journal.items() if j == journal[e.slug]})
        for e in served.entries
    ]
    assert len(checks) >= 9
    for select, value, expected in checks:
        w.page.select_option(select, value)
        assert visible() == expected, (select, value)
        w.page.select_option(select, "")
        assert len(visible()) == len(served.entries)
    tag, year = served.entries[0].tags[0], served.entries[1].year
    w.page.select_option("#filter-tag", tag)
    w.page.select_option("#filter-year", str(year))
    both = {e.slug for e in served.entries if tag in e.tags and e.year == year}
    assert visible() == both
    status = w.page.locator("#filter-status").inner_text()
    assert status == f"Showing {len(both)} of {len(served.entries)} entries."


def test_reference_index_letters_lead_to_filterable_pages(served, watched):
    """From the first page of the reference index a letter opens its page; typing in the filter hides
    the works of that page that do not hold the text; an entry's reference links to its work's row."""
    w = watched()
    w.page.goto(served.url + "en/references/")
    w.page.click(".letter-index a >> text=K")
    w.page.wait_for_url("**/en/references/k/")
    w.page.wait_for_selector(".work-list > li")  # the new page's list, not the one being left
    rows = w.page.eval_on_selector_all(".work-list > li", "els => els.map(e => [e.id, e.dataset.filterText])")
    assert len(rows) >= 2
    wanted_id, text = rows[0]
    needle = next(word for word in text.split() if len(word) > 6 and sum(word in t for _, t in rows) == 1)
    w.page.fill("#work-filter", needle)
    shown = w.page.eval_on_selector_all(".work-list > li:not([hidden])", "els => els.map(e => e.id)")
    assert shown == [wanted_id]
    w.page.fill("#work-filter", "")
    assert w.page.eval_on_selector_all(".work-list > li:not([hidden])", "els => els.length") == len(rows)
    w.page.goto(served.url + f"en/entries/{served.slug(LYU)}/")
    index_links = w.page.eval_on_selector_all("a.ref-index", "els => els.map(e => e.getAttribute('href'))")
    assert index_links and all(re.fullmatch(r"\.\./\.\./references/([a-z]|other)/#work-[\w-]+", h) for h in index_links)
    w.page.goto(served.url + f"en/entries/{served.slug(LYU)}/" + index_links[0])
    target = index_links[0].split("#")[1]
    assert w.page.evaluate(f"document.getElementById('{target}') !== null")


@pytest.mark.parametrize("edition", ["en", "zh-hant"])
def test_reference_index_shows_citing_sentences_read_from_the_entry(served, watched, edition):
    """Opening a row's citing sentences shows the sentences of the work's item in the citing entry's
    reference list, as that edition's entry page shows them, their markers leading into that list; when the
    entry page cannot be read, the link to it stays and opening again tries again."""
    w = watched()
    page = next(
        p
        for p in sorted((served.site / edition / "references").glob("*/index.html"))
        if b"data-cited-in" in p.read_bytes()
    )
    letter = page.parent.name
    w.page.goto(served.url + f"{edition}/references/{letter}/")
    details = w.page.locator("details[data-cited-in]").first
    href = details.get_attribute("data-cited-in")
    count = int(re.search(r"\((\d+)\)$", details.locator("summary").inner_text()).group(1))
    target, anchor = href.split("#")
    entry_url = served.url + f"{edition}/references/{letter}/{target}"

    blocked: list[str] = []

    def refuse(route) -> None:
        blocked.append(route.request.url)
        route.abort()

    w.page.route("**/entries/**", refuse)
    details.locator("summary").click()
    w.page.wait_for_function("d => !d.dataset.state", arg=details.element_handle())
    assert blocked and details.locator(".cited-in-there a").get_attribute("href") == href
    details.locator("summary").click()  # closed
    w.page.unroute("**/entries/**")

    details.locator("summary").click()
    w.page.wait_for_selector(f'details[data-cited-in="{href}"][data-state=shown] > ul')
    shown = details.locator(":scope > ul > li")
    assert shown.count() == count
    assert details.locator(".cited-in-there").count() == 0
    w.page.goto(entry_url.replace("/references/" + letter + "/../../", "/"))
    there = w.page.locator(f'[id="{anchor}"] > details.cited-in > ul > li').evaluate_all(TEXTS)
    w.page.go_back()
    details = w.page.locator(f'details[data-cited-in="{href}"]')
    details.locator("summary").click()
    w.page.wait_for_selector(f'details[data-cited-in="{href}"][data-state=shown] > ul')
    assert details.locator(":scope > ul > li").evaluate_all(TEXTS) == there and len(there) == count
    links = details.locator(":scope > ul a[href]").evaluate_all("els => els.map(e => e.href)")
    entry_page = w.page.evaluate("u => new URL(u, location.href).href", href.split("#")[0])
    assert links and all(link.startswith(entry_page + "#ref-") for link in links)


def test_reference_index_finder_searches_every_letter(served, watched):
    """The first page finds works of any letter by every word typed and links to their rows; a letter
    page's filter hands what was typed to it."""
    w = watched()
    w.page.goto(served.url + "en/references/")
    data = json.loads(
        w.page.evaluate("fetch(document.getElementById('work-finder').dataset.finder).then(r => r.text())")
    )
    letters, works = data["letters"], data["works"]
    assert len({place for place, *_ in works}) > 3
    place, wid, text, _ = works[-1]  # a work far from the first letter
    words = [word for word in text.split() if len(word) > 5]
    needle = next(
        f"{a} {b}".upper()  # any case, words in any order
        for a in words
        for b in words
        if a != b and sum(a.lower() in t.lower() and b.lower() in t.lower() for _, _, t, _ in works) == 1
    )
    w.page.fill("#work-finder", needle)
    w.page.wait_for_selector("#finder-results li")
    found = w.page.eval_on_selector_all(
        "#finder-results a", "els => els.map(e => [e.getAttribute('href'), e.textContent])"
    )
    assert found == [[f"{letters[place]}#{wid}", text]]
    assert w.page.locator("#finder-status").inner_text() == "1 of 1 matching works shown."
    w.page.fill("#work-finder", "no work holds this zqxj")
    w.page.wait_for_function("document.querySelectorAll('#finder-results li').length === 0")
    assert w.page.locator("#finder-status").inner_text() == "No work in the index holds this text."
    w.page.fill("#work-finder", needle)
    w.page.click("#finder-results a")
    w.page.wait_for_url(f"**/en/references/{letters[place]}#{wid}")
    assert w.page.evaluate(f"document.getElementById('{wid}') !== null")
    # the letter's own filter reads the words as the finder does: any case, in any order
    w.page.goto(served.url + f"en/references/{letters[place]}")
    w.page.fill("#work-filter", needle)
    shown = w.page.eval_on_selector_all("li[data-filter-text]:not([hidden])", "els => els.length")
    words = needle.lower().split()
    assert shown == sum(p == place and all(x in t.lower() for x in words) for p, _, t, _ in works) == 1
    assert w.page.locator(f"#{wid}").is_visible()
    # from another letter's page: the link to the whole index carries the filter's text
    other = letters[0] if letters[0] != letters[place] else letters[1]
    w.page.goto(served.url + f"en/references/{other}")
    w.page.fill("#work-filter", needle)
    w.page.click("a.find-all")
    w.page.wait_for_url("**/en/references/?q=*")
    w.page.wait_for_selector("#finder-results li")
    assert w.page.input_value("#work-finder") == needle
    assert w.page.eval_on_selector_all("#finder-results a", "els => els.map(e => e.getAttribute('href'))") == [
        f"{letters[place]}#{wid}"
    ]


@pytest.mark.parametrize(
    ("edition", "typed", "shown"), [("zh-hant", "迁移体", "遷移體"), ("zh-hans", "遷移體", "迁移体")]
)
def test_a_chinese_edition_also_finds_what_is_typed_in_the_other_script(served, watched, edition, typed, shown):
    """The search, the reference index's finder and a letter page's filter look for what a reader types in
    the other Chinese script in the edition's script too."""
    assert page_text_holds(served, edition, shown) == {LIU} and page_text_holds(served, edition, typed) == set()
    w = watched()
    w.page.goto(served.url + f"{edition}/search/?q={quote(typed)}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    hrefs = w.page.eval_on_selector_all(".search-hit", "els => els.map(e => e.getAttribute('href'))")
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == [served.slug(LIU)]
    assert w.page.input_value("#site-search") == typed  # the box keeps what was typed
    w.page.goto(served.url + f"{edition}/references/")
    data = json.loads(
        w.page.evaluate("fetch(document.getElementById('work-finder').dataset.finder).then(r => r.text())")
    )
    han = re.compile(r"[\u4e00-\u9fff]{2,}")
    letter, wid, text = next((data["letters"][p], i, t) for p, i, t, _ in data["works"] if han.search(t))
    name = han.search(text).group(0)
    other = w.page.evaluate(
        """async ([code, text]) => {
             const map = await (await fetch(`../../assets/script-${code === "zh-hant" ? "zh-hans" : "zh-hant"}.json`)).json();
             const to = [...map.to]; const table = new Map([...map.from].map((c, i) => [c, to[i]]));
             return [...text].map((c) => table.get(c) || c).join("");
           }""",
        [edition, name],
    )
    assert other != name, "a name that reads alike in both scripts"
    w.page.fill("#work-finder", other)
    w.page.wait_for_selector("#finder-results li")
    found = w.page.eval_on_selector_all("#finder-results a", "els => els.map(e => e.getAttribute('href'))")
    assert f"{letter}#{wid}" in found
    w.page.goto(served.url + f"{edition}/references/{letter}")
    w.page.fill("#work-filter", other)
    assert w.page.locator(f"#{wid}").is_visible()


def test_sample_slugs_are_the_ingested_ones(served):
    for entry in served.entries:
        assert SLUG_RE.fullmatch(entry.slug), entry.slug
        assert (served.site / "en" / "entries" / entry.slug / "index.html").is_file()


def test_language_switcher_lands_on_the_same_entry(served, watched):
    w = watched()
    slug = served.slug(LYU)
    w.page.goto(served.url + f"en/entries/{slug}/")
    for target, lang in (("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant"), ("en", "en")):
        w.page.click(f'nav.switcher a[hreflang="{lang}"]')
        w.page.wait_for_load_state()
        assert w.page.url == served.url + f"{target}/entries/{slug}/"
        assert w.page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize(("edition", "term", "sources"), SEARCHES)
def test_search_finds_exactly_the_entries_holding_the_term(served, watched, edition, term, sources):
    assert page_text_holds(served, edition, term) == sources
    w = watched()
    w.page.goto(served.url + f"{edition}/")
    w.page.fill("#site-search", term)
    w.page.press("#site-search", "Enter")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    hrefs = w.page.eval_on_selector_all(".search-hit", "els => els.map(e => e.getAttribute('href'))")
    prefix = "/" + SUB_PATH + f"{edition}/entries/"
    assert all(h.startswith(prefix) for h in hrefs), hrefs
    found = {h[len(prefix) :].strip("/") for h in hrefs}
    assert found == {served.slug(s) for s in sources}
    assert w.page.url.endswith(f"{edition}/search/?q={quote(term)}")


def test_another_edition_of_a_search_opens_on_the_same_words(served, watched):
    w = watched()
    w.page.goto(served.url + f"zh-hans/search/?q={quote('exosome')}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    w.page.click('nav.switcher a[hreflang="en"]')
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    assert w.page.url == served.url + f"en/search/?q={quote('exosome')}"
    assert w.page.input_value("#site-search") == "exosome"
    assert w.page.locator(".search-hit").count() > 0
    w.page.goto(served.url + "zh-hans/search/")  # no words: the switcher links the other search pages as they are
    hrefs = w.page.eval_on_selector_all("nav.switcher a[hreflang]", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and not any("?" in h for h in hrefs), hrefs


def test_search_keeps_near_matches_when_no_page_holds_the_word(served, watched):
    """A misspelt word no page holds: every bundle falls back to near matches, and those are shown."""
    term = "migrasomse"
    assert page_text_holds(served, "en", term) == set()
    w = watched()
    w.page.goto(served.url + f"en/search/?q={quote(term)}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    hrefs = w.page.eval_on_selector_all(".search-hit", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and served.slug(LIU) in hrefs[0], hrefs


def test_entry_page_screenshots_and_layout(served, watched):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    slug = served.slug(LYU)
    for name, width, height in (("desktop", 1280, 900), ("phone", 390, 844)):
        w = watched(viewport={"width": width, "height": height})
        w.page.goto(served.url + f"zh-hans/entries/{slug}/")
        boxes = [w.page.locator(f"#{i}").bounding_box() for i in ("abstract-zh", "abstract-en")]
        if name == "desktop":
            assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"], boxes
        else:
            assert boxes[1]["y"] > boxes[0]["y"] + boxes[0]["height"] - 1, boxes
        assert w.page.evaluate("document.documentElement.scrollWidth") <= width
        # a table's column keeps room for a few characters a line; a table too wide scrolls in its frame
        narrowest = w.page.eval_on_selector_all(
            ".tables td, .tables th",
            "cells => Math.min(...cells.map(c => c.getBoundingClientRect().width"
            " / parseFloat(getComputedStyle(c).fontSize)))",
        )
        assert narrowest >= 4.5, (name, narrowest)
        w.page.screenshot(path=str(ARTIFACTS / f"entry-{name}.png"), full_page=False)
        for edition in ("en", "zh-hans", "zh-hant"):  # the home page's filters fit the screen too
            w.page.goto(served.url + f"{edition}/")
            assert w.page.evaluate("document.documentElement.scrollWidth") <= width, (name, edition)
    w = watched(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    w.page.goto(served.url + f"en/entries/{slug}/")
    w.page.screenshot(path=str(ARTIFACTS / "entry-desktop-dark.png"))


def test_printing_an_entry_spells_out_no_reference_search_and_no_closed_box(served, watched):
    """Printed on A4 the review took 22 pages: each reference followed by its PubMed search URL, each closed
    "Cited in" box by its summary line alone. Its own PDF summary takes 5."""
    import io

    import pypdf

    w = watched()
    w.page.goto(served.url + f"zh-hans/entries/{served.slug(LYU)}/")
    w.page.emulate_media(media="print")
    reader = pypdf.PdfReader(io.BytesIO(w.page.pdf(format="A4")))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "pubmed.ncbi.nlm.nih.gov" not in text and "引用位置" not in text
    assert "10.12307/2025.573" in text and "GURUNATHAN" in text  # the DOI and the references themselves print
    assert len(reader.pages) <= 15


@needs_node
@pytest.mark.parametrize("edition", ["en", "zh-hans", "zh-hant"])
def test_axe_reports_no_violations(served, watched, edition):
    axe = AXE_JS.read_text(encoding="utf-8")
    run = (
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    slug = served.slug(LYU)
    for scheme in ("light", "dark"):
        w = watched(color_scheme=scheme)
        for rel in ("", f"entries/{slug}/", "references/", "references/k/", "glossary/"):
            w.page.goto(served.url + f"{edition}/{rel}")
            w.page.evaluate(axe)
            violations = w.page.evaluate(run)
            assert violations == [], f"{edition}/{rel} ({scheme}): {json.dumps(violations, ensure_ascii=False)}"


def vnu_errors(folder: Path) -> list[str]:
    """Errors the Nu Html Checker reports on every HTML file under ``folder``."""
    java = shutil.which("java")
    assert java, "java is not installed"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages]


@needs_node
def test_nu_html_checker_finds_no_errors(served, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "index.html").write_text("<!DOCTYPE html><html><head><title>x</title></head><body><li>x</body></html>")
    assert vnu_errors(broken), "the checker must report a stray <li> and a missing lang"
    handmade, _ = render_site(tmp_path, sample_digest())
    assert len(html_pages(served.site)) > 20
    assert vnu_errors(served.site) == []
    assert vnu_errors(handmade) == []


@pytest.fixture(scope="module")
def many_results(served, tmp_path_factory):
    """The sample site's search page over 45 made-up English pages in three bundles: 30 hold
    "exosome secretion" as a phrase, 15 hold both words apart (more often, so they score higher)."""
    root = tmp_path_factory.mktemp("many")
    site = root / SUB_PATH
    shutil.copytree(served.site, site, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    bodies = {f"phrase-{i:02d}": f"Exosome secretion of cell line {i} is measured." for i in range(30)}
    bodies |= {
        f"apart-{i:02d}": f"Exosome exosome exosome cargo of donor {i}. Lipids, then secretion and secretion."
        for i in range(15)
    }
    shards: dict[str, list[str]] = {}
    for n, (name, text) in enumerate(sorted(bodies.items())):
        path = f"en/entries/{name}/index.html"
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>{name}</title></head>'
            f"<body><main data-pagefind-body><h1>{name}</h1><p>{text}</p></main></body></html>",
            encoding="utf-8",
        )
        shards.setdefault(f"b{n % 3}", []).append(path)
    for name, pages in shards.items():
        build_search_index(site, pages, f"{BUNDLE_DIR}/{name}")
    (site / BUNDLE_DIR / SHARD_LISTING).write_bytes(shard_listing(shards))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Served(site, f"http://127.0.0.1:{server.server_port}/{SUB_PATH}", ())
    server.shutdown()
    server.server_close()


def test_search_shows_results_a_page_at_a_time_phrase_matches_first(browser, many_results):
    """20 results at first, 20 more for each "More results"; pages holding the query as a phrase
    come before pages holding its words apart; the count is exact once every result is shown."""
    w = Watched(browser, many_results)
    w.page.goto(many_results.url + "en/search/?q=" + quote("exosome secretion"))
    status, more = w.page.locator("#search-status"), w.page.locator("#search-more")

    def hits() -> list[str]:
        w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
        return w.page.eval_on_selector_all(".search-hit", "els => els.map(e => e.textContent)")

    first = hits()
    assert len(first) == 20 and all(h.startswith("phrase-") for h in first), first
    assert status.text_content() == "The first 20 results" and more.is_visible()
    more.click()
    second = hits()
    assert second[:20] == first and len(second) == 40
    assert {h for h in second if h.startswith("phrase-")} == {f"phrase-{i:02d}" for i in range(30)}
    assert all(h.startswith("apart-") for h in second[30:]), second
    more.click()
    every = hits()
    assert len(every) == len(set(every)) == 45
    assert status.text_content() == "45 result(s)" and not more.is_visible()
    w.close()


@pytest.mark.parametrize(
    ("edition", "source", "joined", "apart"),
    [
        ("en", LIU, "Impact factor3.4", "Impact factor 3.4"),
        ("en", LIU, "JCR quartileQ3", "JCR quartile Q3"),
        ("en", LYU, "Hubei Province, China华", "Hubei Province, China 华"),
        ("zh-hans", LYU, "430022Department", "430022 Department"),
        ("zh-hans", LYU, "方法细胞类型", "方法 细胞类型"),
    ],
)
def test_search_text_keeps_adjacent_fields_apart(served, watched, edition, source, joined, apart):
    """A metric's label and value, an affiliation's two languages and a table's header cells are separate
    words in the search index and its excerpts, not one run of text."""
    content = indexed_content(served, watched, edition, source)
    assert joined not in content
    assert apart in content


def test_english_search_shows_chinese_words_as_the_page_writes_them(served, watched):
    """The English index holds each Chinese character as a word; the excerpts read as the page does, the
    query's Chinese words marked whole."""
    w = watched()
    w.page.goto(served.url + f"en/search/?q={quote('临床')}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    excerpts = w.page.eval_on_selector_all("#search-results li p", "els => els.map(e => e.textContent)")
    marks = w.page.eval_on_selector_all("#search-results li p mark", "els => els.map(e => e.textContent)")
    assert len(excerpts) == 2 and all("临床" in e for e in excerpts), excerpts
    assert not any(re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", e) for e in excerpts), excerpts
    assert marks and set(marks) == {"临床"}, marks
    page = (served.site / "en" / "entries" / served.slug(LYU) / "index.html").read_text(encoding="utf-8")
    assert "临 床" not in page and "临床" in page  # the page is served as rendered


@pytest.mark.parametrize(
    ("typed", "by_character", "shown", "sources"),
    [
        ("纳米", "納米", "奈米", {LYU, ZHANG}),
        ("数据", "數據", "資料", {LYU, ZHANG}),
        ("信息", "信息", "資訊", {LYU, LIU, ZHANG}),
    ],
)
def test_the_traditional_search_finds_the_taiwan_phrase_of_a_simplified_word(
    served, watched, typed, by_character, shown, sources
):
    """The Traditional pages write some words as Taiwan phrases (s2twp: 纳米 -> 奈米); a Simplified query,
    converted by character (納米), is also looked for as the pages write it."""
    assert page_text_holds(served, "zh-hant", shown) == sources
    assert not page_text_holds(served, "zh-hant", by_character)
    w = watched()
    w.page.goto(served.url + f"zh-hant/search/?q={quote(typed)}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    hrefs = w.page.eval_on_selector_all(".search-hit", "els => els.map(e => e.getAttribute('href'))")
    assert {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs} == {served.slug(s) for s in sources}
    marks = w.page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")
    assert marks and all(m in shown for m in marks), marks


def test_english_index_keeps_chinese_table_cells_and_list_items_apart(served, watched):
    """A table cell or list item ending on a Chinese character ends a block in the English index too: the
    keywords 外泌体 and 生物学功能 are not one run of characters."""
    content = indexed_content(served, watched, "en", LYU)
    assert "外 泌 体 生 物 学 功 能" not in content
    assert "生 物 学 功 能" in content


def test_english_search_for_chinese_no_page_holds_finds_nothing(served, watched):
    """A Chinese query on the English edition whose characters stand apart on its pages (量, 子, 计, 算) shows
    no near matches: the characters alone say nothing of the word."""
    w = watched()
    w.page.goto(served.url + f"en/search/?q={quote('量子计算')}")
    w.page.wait_for_selector('#search-app[data-done="true"]', timeout=30_000)
    assert w.page.eval_on_selector_all("#search-results li", "els => els.length") == 0
