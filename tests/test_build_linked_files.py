"""Entry, home and reference-index pages link only the PDFs and exports the published site holds, whatever
``--only`` left out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from evdigest.cli import main

SAMPLE = Path(__file__).parent.parent / "content"
BASE_URL = "https://example.org/evdigest/"
# A link to a PDF in a page: an href, or the absolute URL of its citation_pdf_url tag and JSON-LD
PDF_LINK_RE = re.compile(r'href="([^"]+\.pdf)"|"(https://example\.org/evdigest/[^"]+\.pdf)"')
# A link to an export in a page: a download link, or a typed <link rel="alternate"> in its head
EXPORT_LINK_RE = re.compile(r'href="([^"]*\bexport/[^"]+)"')
# The heading of a downloads section (entry and home pages) or of the reference index's exports
DOWNLOADS_RE = re.compile(r'id="h-(?:downloads|exports)"')


def pdf_links(site: Path) -> dict[str, set[str]]:
    """Per HTML page (site path), the site paths of the PDFs it links."""
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for href, url in PDF_LINK_RE.findall(page.read_text(encoding="utf-8")):
            target = url.removeprefix(BASE_URL) if url else (page.parent / href).resolve().relative_to(site).as_posix()
            found.setdefault(rel, set()).add(target)
    return found


def export_links(site: Path) -> dict[str, set[str]]:
    """Per HTML page (site path), the site paths of the exports it links."""
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for href in EXPORT_LINK_RE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(rel, set()).add((page.parent / href).resolve().relative_to(site).as_posix())
    return found


def with_downloads(site: Path) -> set[str]:
    """The HTML pages (site paths) with a downloads or exports section."""
    return {
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if DOWNLOADS_RE.search(page.read_text(encoding="utf-8"))
    }


def one_edition(content: Path) -> None:
    """The sample content with the English edition only (fewer pages to make)."""
    shutil.copytree(SAMPLE, content, ignore=shutil.ignore_patterns("lyu-*.txt"))
    config = content / "evdigest.toml"
    settings = re.sub(r"(?m)^editions = .*$", 'editions = ["en"]', config.read_text(encoding="utf-8"))
    config.write_text(settings, encoding="utf-8")


def build(content: Path, out: Path, *only: str) -> None:
    args = ["build", "--content", str(content), "--output", str(out), "--quiet", "--jobs", "1"]
    assert main([*args, *(["--only", ",".join(only)] if only else [])]) == 0


def test_pages_link_only_the_pdfs_the_published_site_holds(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    one_edition(content)
    site = out / "site"

    build(content, out, "html", "exports")  # a fresh output folder: no PDF made, none linked
    assert not (site / "pdf").exists()
    assert pdf_links(site.resolve()) == {}

    build(content, out)  # the PDFs are made: every entry page and the home page link theirs
    links = pdf_links(site.resolve())
    entries = sorted(p.parent.name for p in (site / "en" / "entries").glob("*/index.html"))
    assert len(entries) == 2
    assert links == {
        **{f"en/entries/{slug}/index.html": {f"pdf/{slug}.en.pdf"} for slug in entries},
        "en/index.html": {"pdf/digest-en.pdf"},
    }

    shutil.copy(SAMPLE / "sources" / "lyu-2026-exosome-secretion.txt", content / "sources")
    build(content, out, "html", "exports")  # the PDFs made before are kept and linked; the new entry has none
    links = pdf_links(site.resolve())
    added = "lyu-2026-regulatory-mechanisms-exosome-bc66504b"
    assert (site / "en" / "entries" / added / "index.html").is_file()
    assert f"en/entries/{added}/index.html" not in links
    assert {page for page in links if page.startswith("en/entries/")} == {
        f"en/entries/{slug}/index.html" for slug in entries
    }
    assert all((site / target).is_file() for targets in links.values() for target in targets)


def test_pages_link_only_the_exports_the_published_site_holds(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    one_edition(content)
    site = out / "site"

    build(content, out, "html")  # a fresh output folder: no export or PDF made, none linked, no empty section
    assert not (site / "export").exists()
    assert export_links(site.resolve()) == {}
    assert with_downloads(site.resolve()) == set()

    build(content, out, "exports")  # the pages are kept as they were: they link no export yet
    assert (site / "export" / "references.bib").is_file()
    assert export_links(site.resolve()) == {}

    build(content, out, "html")  # made again for the exports the site now holds: each page links its own
    entries = sorted(p.parent.name for p in (site / "en" / "entries").glob("*/index.html"))
    assert len(entries) == 2
    index = {f"export/references.{ext}" for ext in ("bib", "ris", "csl.json")}
    expected = {
        **{
            f"en/entries/{slug}/index.html": {f"export/{slug}.{e}" for e in ("bib", "ris", "csl.json")}
            for slug in entries
        },
        "en/index.html": index,
        "en/references/index.html": index,
    }
    links = export_links(site.resolve())
    assert links == expected
    assert with_downloads(site.resolve()) == set(expected)
    head = (site / "en" / "entries" / entries[0] / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" type="application/x-bibtex" href="../../../export/{entries[0]}.bib"' in head
    assert all((site / target).is_file() for targets in links.values() for target in targets)

    shutil.copy(SAMPLE / "sources" / "lyu-2026-exosome-secretion.txt", content / "sources")
    build(content, out, "html", "pdf")  # the exports made before are kept and linked; the new entry has none
    links = export_links(site.resolve())
    added = "lyu-2026-regulatory-mechanisms-exosome-bc66504b"
    assert not (site / "export" / f"{added}.bib").exists()
    assert f"en/entries/{added}/index.html" not in links
    assert links == expected
    assert all((site / target).is_file() for targets in links.values() for target in targets)

    build(content, out, "exports")  # the new entry's exports, with its reference list's
    build(content, out, "html")
    links = export_links(site.resolve())
    listed = {f"export/{added}.refs.{e}" for e in ("bib", "ris", "csl.json")}
    assert (
        links[f"en/entries/{added}/index.html"] == {f"export/{added}.{e}" for e in ("bib", "ris", "csl.json")} | listed
    )
    assert all(
        (site / target).is_file() and (site / target).stat().st_size for targets in links.values() for target in targets
    )
    # the entries without references have no reference list files, and their pages link none
    assert {f"export/{p.name}" for p in (site / "export").glob("*.refs.*")} == listed
    assert all(links[f"en/entries/{slug}/index.html"] == expected[f"en/entries/{slug}/index.html"] for slug in entries)
