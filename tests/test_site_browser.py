"""The sample site in a real browser: Debian's Chromium through Playwright, served from 127.0.0.1 under a sub-path.

Also the Nu Html Checker (``vnu-jar``) over every page and axe-core inside the
same Chromium; both come from ``node_modules`` (``npm install`` at the repository root).
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from test_site_render import check_languages, check_links, html_pages, parse_page, render_site, sample_digest

from evdigest.config import Config
from evdigest.enrich.glossary import corpus_glossary
from evdigest.ingest import ingest
from evdigest.model import Digest, Entry
from evdigest.refs.index import build_index
from evdigest.render.search import build_search_index
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
    for entry in digest.entries:
        pages.update(renderer.entry_pages(entry))
    pages.update(renderer.aggregate_pages())
    for rel, data in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    build_search_index(site)
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


def page_text_holds(served: Served, edition: str, term: str) -> set[str]:
    """Sources of the entries whose indexed text (``data-pagefind-body``) holds ``term`` in ``edition``."""
    found = set()
    for entry in served.entries:
        root = parse_page(served.site / edition / "entries" / entry.slug / "index.html")
        body = next(el for el in root.iter() if el.get("data-pagefind-body") is not None)
        if term.casefold() in "".join(body.itertext()).casefold():
            found.add(entry.source)
    return found


def test_sample_site_links_and_languages(served):
    assert check_links(served.site, base=BASE_URL) > 500
    for page in html_pages(served.site):
        check_languages(page, parse_page(page))


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
    w.page.goto(served.url)
    assert w.page.locator(".edition-list a").count() == 3


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
        w.page.screenshot(path=str(ARTIFACTS / f"entry-{name}.png"), full_page=False)
    w = watched(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    w.page.goto(served.url + f"en/entries/{slug}/")
    w.page.screenshot(path=str(ARTIFACTS / "entry-desktop-dark.png"))


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
        for rel in ("", f"entries/{slug}/", "references/", "glossary/"):
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
