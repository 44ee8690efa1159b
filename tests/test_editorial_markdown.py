"""Editorial Markdown on the pages: headings fitted under the page's own, footnotes never a link to nowhere."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from test_site_render import BASE_URL, XHTML, parse_page_bytes, sample_digest, tag

from evdigest.config import Config
from evdigest.render.pdf_view import ViewBuilder
from evdigest.render.site import SiteRenderer

COMMENTARY = """# Background

A review of migrasomes.[^1]

## Methods

Searched PubMed.

[^1]: Named.
"""
"""A commentary opening on a level-one heading, a level-two one under it and a footnote."""

ABOUT = """# About

Intro.

# Sources

Where the texts come from.

## Records

Platform records.
"""
"""An about page whose title is followed by another level-one heading."""


def renderer(tmp: Path) -> tuple[SiteRenderer, object]:
    content = tmp / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    digest = sample_digest()
    liu = next(e for e in digest.entries if e.slug == "liu-2025-migrasomes")
    liu = dataclasses.replace(liu, commentary=COMMENTARY)
    digest = dataclasses.replace(digest, entries=tuple(liu if e.slug == liu.slug else e for e in digest.entries))
    return SiteRenderer(Config(content_dir=content, base_url=BASE_URL, editions=("en",)), digest), liu


def outline(root, where: str) -> list[tuple[str, str]]:
    """The headings of the part of a page holding ``where`` (a section's class, or ``article``)."""
    part = next(el for el in root.iter() if el.get("class") == where or tag(el) == where)
    return [(tag(el), "".join(el.itertext())) for el in part.iter() if tag(el) in {f"h{n}" for n in range(1, 7)}]


def test_a_commentary_s_headings_sit_under_its_own_heading(tmp_path: Path) -> None:
    """``# Background`` was bare text, ``## Methods`` an h2 beside the commentary's: they are h3 and h4."""
    site, liu = renderer(tmp_path)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    assert outline(root, "commentary") == [("h2", "Editor's commentary"), ("h3", "Background"), ("h4", "Methods")]
    pdf = str(ViewBuilder(site.config, site.digest.works).entry(liu, "en").commentary)
    assert "<h3>Background</h3>" in pdf and "<h4>Methods</h4>" in pdf


def test_an_about_page_s_headings_sit_under_its_title(tmp_path: Path) -> None:
    site, _ = renderer(tmp_path)
    (about,) = site.pages
    root = parse_page_bytes(site.about_page("en", about))
    assert outline(root, "article") == [("h1", "About"), ("h2", "Sources"), ("h3", "Records")]


def test_a_footnote_is_shown_as_written_and_links_nowhere(tmp_path: Path) -> None:
    """``x[^1]`` with ``[^1]: Note.`` was a link to the address ``Note.``."""
    site, liu = renderer(tmp_path)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    paragraphs = ["".join(p.itertext()) for p in section.iter(f"{XHTML}p")]
    assert "A review of migrasomes.[^1]" in paragraphs
    assert "[^1]: Named." in paragraphs
    assert [a.get("href") for a in section.iter(f"{XHTML}a")] == []
