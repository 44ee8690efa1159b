"""One rule names an entry's files (pages, PDFs, exports) and the links between them: the slug, made safe
as one path segment when it is not."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from evdigest.build.renderers import ExportFiles, PdfFiles
from evdigest.cli import main
from evdigest.config import Config
from evdigest.model import Digest, Entry
from evdigest.render.pdf import render_all
from evdigest.render.pdf_view import ViewBuilder
from evdigest.render.site import SiteRenderer

SAMPLE = Path(__file__).parent.parent / "content"
PDF_FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
BASE_URL = "https://example.org/digest/"

# A link in a page: href="../../../export/x.bib"
HREF_RE = re.compile(r'href="([^"#]+)"')


def resolve(page: str, href: str) -> str:
    """The site path a relative link in the page file ``page`` points to (a folder link to its index.html)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return f"{target}/index.html" if href.endswith("/") else target


def linked_files(page: str, html: str) -> set[str]:
    """The PDFs and exports the page at ``page`` links."""
    links = {resolve(page, href) for href in HREF_RE.findall(html) if "://" not in href}
    return {link for link in links if link.startswith(("pdf/", "export/"))}


def test_a_slug_made_from_a_doi_names_the_exports_as_the_page_links_them(tmp_path: Path) -> None:
    """A record whose title has no Latin or Chinese words gets a slug from its DOI, dots included
    (``liu-2025-doi-10.1080-15384101.2025.2601237-7e96c23a``): its page, and the exports the page links, are
    named with the dots made hyphens, so the links resolve."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    source = content / "sources" / "liu-2025-migrasomes.txt"
    text = source.read_text(encoding="utf-8")
    title = '"title":"迁移体:细胞迁移留下的“功能性足迹”。"'
    assert title in text
    source.write_text(text.replace(title, '"title":"Ωμέγα"', 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(out), "--only", "html,exports", "--quiet"]) == 0
    site = out / "site"
    entries = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))
    assert "liu-2025-doi-10.1080-15384101.2025.2601237-7e96c23a" in [e["slug"] for e in entries]
    stem = "liu-2025-doi-10-1080-15384101-2025-2601237-7e96c23a"
    assert (site / "en" / "entries" / stem / "index.html").is_file()
    # a record without references: its own record's files, no reference list's
    assert sorted(p.name for p in (site / "export").glob("liu-*")) == [
        f"{stem}{suffix}" for suffix in (".bib", ".csl.json", ".ris")
    ]
    for page in site.glob("*/entries/*/index.html"):
        rel = page.relative_to(site).as_posix()
        links = linked_files(rel, page.read_text(encoding="utf-8"))
        assert links and all((site / link).is_file() for link in links), (rel, links)


def test_an_unsafe_slug_gives_the_page_pdfs_and_exports_one_safe_name_and_the_links_resolve(tmp_path: Path) -> None:
    lyu = Entry.from_dict(json.loads((PDF_FIXTURES / "entry-lyu.json").read_text(encoding="utf-8")))
    entry = dataclasses.replace(lyu, slug="../Lyu 2026/Exosome.Secretion", references=lyu.references[:3], tables=())
    stem = "lyu-2026-exosome-secretion"
    digest = Digest(entries=(entry,))
    config = Config(content_dir=tmp_path / "content", base_url=BASE_URL, editions=("en", "zh-hans"))
    (tmp_path / "content").mkdir()

    site = SiteRenderer(config, digest)
    pages = site.entry_pages(entry)
    assert sorted(pages) == [f"en/entries/{stem}/index.html", f"zh-hans/entries/{stem}/index.html"]
    pdfs = PdfFiles(config, digest).entry_outputs(entry)
    assert sorted(pdfs) == [f"pdf/{stem}.en.pdf", f"pdf/{stem}.zh-hans.pdf"]
    exports = ExportFiles(digest).entry_outputs(entry)
    assert sorted(exports) == [
        f"export/{stem}{suffix}" for suffix in (".bib", ".csl.json", ".refs.bib", ".refs.csl.json", ".refs.ris", ".ris")
    ]
    for page, html in pages.items():
        links = linked_files(page, html.decode("utf-8"))
        assert links == {
            f"pdf/{stem}.{page.split('/')[0]}.pdf",
            *(f"export/{stem}.{e}" for e in ("bib", "ris", "csl.json")),
            *(f"export/{stem}.refs.{e}" for e in ("bib", "ris", "csl.json")),
        }
        assert links <= {*pdfs, *exports}

    aggregates = dict(site.aggregate_pages())
    entry_url = f"{BASE_URL}en/entries/{stem}/"
    feed = ET.fromstring(aggregates["en/feed.xml"])
    assert [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")][1:] == [entry_url]
    assert entry_url.encode() in aggregates["sitemap.xml"]
    home = aggregates["en/index.html"].decode("utf-8")
    assert resolve("en/index.html", f"entries/{stem}/") in pages and f'href="entries/{stem}/"' in home
    assert ViewBuilder(config).entry(entry, "en").qr_url == entry_url

    written = tmp_path / "site"
    one = dataclasses.replace(config, editions=("en",))
    assert render_all(one, digest, written, jobs=1, cache_dir=None) == []
    assert sorted(p.name for p in (written / "pdf").iterdir()) == ["digest-en.pdf", f"{stem}.en.pdf"]
