"""Entry pages on a phone's screen, in Debian's Chromium: nothing is wider than the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site_render import render_site

from evdigest.model import Bilingual, Digest, Entry, GlossaryTerm, Journal, Table

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}

# Terms as a PDF conversion leaves them: words glued together, one wider than the screen.
TERMS = (
    GlossaryTerm("尿液细胞外囊泡", "urinary extracellular vesicles", "uEVs"),
    GlossaryTerm("透射电镜", "transmission electron microscopy", "TEM"),
    GlossaryTerm("细胞外囊泡", "Urinaryextracellularvesicles", "uEVs"),
    GlossaryTerm("纳米微粒跟踪分析", "Nanoparticle trackinganalysis", "NTA"),
    GlossaryTerm(None, "hydrostatic filtration dialysis", "HFD"),
    GlossaryTerm("超速离心", "Nanoparticletrackinganalysisofurinaryvesiclesisolatedbyultracentrifugation", None),
)


def lin_entry() -> Entry:
    """A review of urinary vesicles with a glossary of glued terms and a table."""
    return Entry(
        id="lin-2024",
        slug="lin-2024-urinary-vesicles",
        source="sources/lin.md",
        family="chinaxiv",
        title=Bilingual("Quantification and size distribution of urinary extracellular vesicles", "尿液细胞外囊泡定量"),
        journal=Journal("ChinaXiv", "中国科学院科技论文预发布平台"),
        year=2024,
        tables=(
            Table(
                "表1",
                "尿液细胞外囊泡的参数",
                ("Paramater", "Concentration (paticles/mL)", "Urinaryextracellularvesicles size (nm)"),
                (("Creatinine", "1.2×10^9", "110"),),
            ),
        ),
        glossary=TERMS,
        added="2026-01-10",
    )


@pytest.fixture(scope="module")
def phone(tmp_path_factory):
    """A phone-sized page of Chromium and the site of :func:`lin_entry`."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    site, _ = render_site(tmp_path_factory.mktemp("site"), Digest((lin_entry(),), (), TERMS))
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        yield browser.new_page(viewport=PHONE), site
        browser.close()


@pytest.mark.parametrize("edition", ["en", "zh-hans"])
@pytest.mark.parametrize("page", ["entries/lin-2024-urinary-vesicles", "glossary"])
def test_a_page_with_glued_words_in_its_tables_fits_a_phone(phone, edition: str, page: str) -> None:
    browser_page, site = phone
    browser_page.goto((site / edition / page / "index.html").as_uri())
    assert browser_page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]


@pytest.mark.parametrize("edition", ["en", "zh-hans"])
def test_a_glossary_value_wrapped_on_a_phone_stays_in_its_column(phone, edition: str) -> None:
    """A value's later lines ran back under its label: "3D 培养的…衍生的外" / "泌体" began at the left edge."""
    browser_page, site = phone
    browser_page.goto((site / edition / "glossary" / "index.html").as_uri())
    cells = browser_page.eval_on_selector_all(
        "table.glossary td",
        """cells => cells.filter(c => c.textContent.trim()).map(c => {
            const range = document.createRange();
            range.selectNodeContents(c);  // the value only: the label is the cell's ::before
            const lines = [...range.getClientRects()];
            const label = parseFloat(getComputedStyle(c, "::before").minWidth);
            return {
                text: c.textContent,
                column: c.getBoundingClientRect().left + label,
                lefts: lines.map(r => r.left),
                tops: new Set(lines.map(r => Math.round(r.top))).size,
            };
        })""",
    )
    wrapped = [c for c in cells if c["tops"] > 1]
    assert wrapped, "some value should wrap on a phone"
    for cell in cells:
        assert min(cell["lefts"]) >= cell["column"] - 1, cell
