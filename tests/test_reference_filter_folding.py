"""The reference index's finder and letter filters fold accents, case and full-width forms on both sides:
"Thery" finds "Théry C" and "Théry" finds "Thery C"; Chinese still finds Chinese."""

from __future__ import annotations

import dataclasses
import functools
import threading
import unicodedata
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_site_browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler
from test_site_render import XHTML, parse_page_bytes, render_site, sample_digest

from evdigest.model import CitedBy, Digest, Reference, Work
from evdigest.render.index_view import FILTER_LETTERS, filter_fold


def item(rid: str, family: str, title: str, journal: str, year: int) -> dict:
    """A CSL journal article by one author, ``C.`` ``family``."""
    issued = {"date-parts": [[year]]}
    author = [{"family": family, "given": "C."}]
    return {
        "id": rid,
        "type": "article-journal",
        "title": title,
        "author": author,
        "container-title": journal,
        "issued": issued,
    }


THERY = item(
    "r-thery", "Théry", "Minimal information for studies of extracellular vesicles 2018", "J Extracell Vesicles", 2018
)
THERY_PLAIN = item(
    "r-thery-plain",
    "Thery",
    "Isolation and characterization of exosomes from cell culture supernatants",
    "Curr Protoc Cell Biol",
    2006,
)

# Strings the site script must fold as the rows' filter text is folded.
SAMPLES = [
    "Théry C",
    "THÉRY",
    "ｔｈｅｒｙ\u3000Ｃ",
    "Straße",
    "Øster Łukasz Ærø",
    "ΣΟΦΟΣ",
    "İstanbul",
    "Müller-Lüdenscheidt ﬁlm",
    "外泌体研究进展（综述）",
    "外泌體",
    "한국어",
    "\u00a0Naïve  café ",
]


def digest_with_accents() -> Digest:
    """The sample digest with two more works the English record cites: Théry (accented) and Thery (not)."""
    digest = sample_digest()
    liu = next(e for e in digest.entries if e.slug == "liu-2025-migrasomes")
    refs = (
        Reference(3, "Théry C. Minimal information. J Extracell Vesicles. 2018.", csl=THERY, work_id="w-thery"),
        Reference(
            4, "Thery C. Isolation of exosomes. Curr Protoc Cell Biol. 2006.", csl=THERY_PLAIN, work_id="w-thery2"
        ),
    )
    liu = dataclasses.replace(liu, references=(*liu.references, *refs))
    works = (
        *digest.works,
        Work("w-thery", THERY, (CitedBy(liu.slug, 3),)),
        Work("w-thery2", THERY_PLAIN, (CitedBy(liu.slug, 4),)),
    )
    entries = tuple(liu if e.slug == liu.slug else e for e in digest.entries)
    return Digest(entries, works, digest.glossary)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_site(tmp_path_factory.mktemp("accents"), digest_with_accents())[0]


# --- the rows' filter text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Théry C", "thery c"),
        ("THERY C", "thery c"),
        ("ｔｈｅｒｙ\u3000Ｃ", "thery c"),
        ("Straße", "strasse"),
        ("Øster Łukasz", "oster lukasz"),
        ("外泌体研究进展（综述）", "外泌体研究进展(综述)"),
        ("外泌體", "外泌體"),
        ("한국어", "한국어"),
    ],
)
def test_filter_text_folds_case_marks_and_width(text: str, folded: str) -> None:
    assert filter_fold(text) == folded


def folded_by_definition(text: str) -> str:
    """The fold as defined, character by character: decomposed, marks (category M) dropped, case folded,
    decomposed and unmarked again, the letters with no decomposition made plain, composed."""

    def unmarked(value: str) -> str:
        return "".join(
            ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.category(ch).startswith("M")
        )

    return unicodedata.normalize("NFC", unmarked(unmarked(text).casefold()).translate(FILTER_LETTERS))


@settings(max_examples=400)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_the_fold_is_the_defined_one_for_any_text(text: str) -> None:
    assert filter_fold(text) == folded_by_definition(text)


def test_marks_beyond_the_first_plane_are_where_the_fold_looks_for_them() -> None:
    from evdigest.render.index_view import ASTRAL_MARK_RANGES

    looked = {code for part in ASTRAL_MARK_RANGES for code in part}
    marks = {code for code in range(0x10000, 0x110000) if unicodedata.category(chr(code)).startswith("M")}
    assert marks and marks <= looked


@pytest.mark.parametrize("text", [*SAMPLES, "a\U0001d165b", "e\U000e0100x", "Ｆｏｏ\u0301", "plain ascii Text."])
def test_the_fold_is_the_defined_one_for_marks_of_every_plane(text: str) -> None:
    assert filter_fold(text) == folded_by_definition(text)


def test_the_rows_carry_their_folded_text(site: Path) -> None:
    root = parse_page_bytes((site / "en" / "references" / "t" / "index.html").read_bytes())
    rows = {li.get("id"): li.get("data-filter-text") for li in root.iter(f"{XHTML}li") if li.get("data-filter-text")}
    assert rows["work-w-thery"].startswith("thery c") and rows["work-w-thery2"].startswith("thery c")
    zh = parse_page_bytes((site / "zh-hans" / "references" / "m" / "index.html").read_bytes())
    texts = [li.get("data-filter-text") for li in zh.iter(f"{XHTML}li") if li.get("data-filter-text")]
    assert any("外泌体研究进展" in text for text in texts)


# --- in a browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(site: Path) -> Iterator[tuple[object, str]]:
    """A Chromium page and the address of the site, served from 127.0.0.1."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser.new_page(), f"http://127.0.0.1:{server.server_port}/"
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def finder_hits(page, typed: str) -> list[str]:
    """The row ids the first page's finder lists for ``typed``."""
    page.fill("#work-finder", typed)
    page.wait_for_selector("#finder-status:not(:empty)")
    return page.eval_on_selector_all("#finder-results a", "els => els.map(e => e.getAttribute('href').split('#')[1])")


def shown_rows(page, typed: str) -> list[str]:
    """The row ids a letter page's filter leaves shown for ``typed``."""
    page.fill("#work-filter", typed)
    return page.eval_on_selector_all("li[data-filter-text]:not([hidden])", "els => els.map(e => e.id)")


@pytest.mark.slow
def test_the_script_folds_as_the_rows_are_folded(page) -> None:
    browser_page, url = page
    browser_page.goto(url + "en/references/", wait_until="networkidle")
    assert browser_page.evaluate("texts => texts.map(foldText)", SAMPLES) == [filter_fold(t) for t in SAMPLES]


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["Thery", "Théry", "THÉRY c", "ｔｈｅｒｙ"])
def test_the_finder_finds_both_spellings(page, typed: str) -> None:
    browser_page, url = page
    browser_page.goto(url + "en/references/", wait_until="networkidle")
    assert sorted(finder_hits(browser_page, typed)) == ["work-w-thery", "work-w-thery2"]


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["Thery", "théry minimal"])
def test_a_letter_filter_finds_both_spellings(page, typed: str) -> None:
    browser_page, url = page
    browser_page.goto(url + "en/references/t/", wait_until="networkidle")
    expected = ["work-w-thery"] if "minimal" in typed else ["work-w-thery", "work-w-thery2"]
    assert sorted(shown_rows(browser_page, typed)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("edition", "typed"), [("zh-hans", "外泌体研究"), ("zh-hant", "外泌体研究"), ("zh-hant", "外泌體研究")]
)
def test_chinese_is_still_found(page, edition: str, typed: str) -> None:
    browser_page, url = page
    browser_page.goto(url + f"{edition}/references/", wait_until="networkidle")
    assert finder_hits(browser_page, typed) == ["work-w-ma"]
    browser_page.goto(url + f"{edition}/references/m/", wait_until="networkidle")
    assert shown_rows(browser_page, typed) == ["work-w-ma"]


@pytest.mark.parametrize(
    ("first_author", "letter", "before"),
    [("Rädler", "R", "Raposo"), ("Österreicher", "O", "Ouyang"), ("Šimić", "S", "Smith"), ("Ávila", "A", "Azmi")],
)
def test_an_accented_first_author_is_listed_under_its_letter_in_order(
    first_author: str, letter: str, before: str
) -> None:
    """The index lists a name as its letters read without their accents, as the exports order it."""
    from evdigest.render.index_view import letter_of, sort_key

    assert letter_of(sort_key(first_author)) == letter
    assert sort_key(first_author) < sort_key(before)
