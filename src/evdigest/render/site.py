"""The static site: three editions of entry pages and the pages that list them.

The build engine constructs one :class:`SiteRenderer` per worker process, asks it
for each entry's pages (cached per entry) and once for the aggregate pages.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import posixpath
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..config import Config
from ..hashing import StoredFile, value_bytes
from ..model import Digest, Entry, Work
from . import jinja_helpers
from .bilingual import block_lang, render_bilingual
from .chart import summarized, year_chart
from .cites import release_caches as release_cite_caches
from .entry_files import (
    entry_page_file,
    entry_parts,
    entry_pdf_file,
    entry_stem,
    export_files,
    reference_list_files,
)
from .entry_view import EntryViewBuilder, shows_fulltext
from .feeds import atom_feed, robots_txt, sitemap
from .i18n import HAN_RE, Messages, edition, text_lang
from .index_view import (
    card_filters,
    entry_card,
    glossary_rows,
    letter_slug,
    work_letter,
    work_views,
)
from .markdown import load_pages
from .meta import ReferenceTags, abstract_text, citation_tags, cited_works, json_ld, open_graph
from .names import newest_first
from .page import ASSETS, SEARCH_CSP, Chrome, Link, Page, default_edition, site_description, site_title
from .refview import RefKey, RefShower, RefToFormat, csl_year, format_plain, looked_up, repeated_ids, shown_links
from .safe import to_text
from .search import build_search_index
from .template_failures import BUILTIN_ROOT, NamedFailures, TemplateNames
from .urls import about_parts, absolute, page_path, relative

__all__ = ["SiteRenderer", "build_search_index", "make_environment", "template_dirs"]

BUILTIN_TEMPLATES = BUILTIN_ROOT / "site"

FINDER = "works.json"
PHRASES_FILE = "assets/phrases-zh-hant.json"
"""The Traditional edition's Taiwan phrases, for its search (:func:`~evdigest.enrich.taiwan_phrases.phrase_pairs`)."""
"""The reference index's finder file, beside its first page."""

APART_ROWS = 500
"""The fewest reference-index rows to make that are worth a second process (:meth:`SiteRenderer.aggregate_pages`):
a rebuild that keeps nearly every row makes them quicker than a forked process starts and answers."""

SHARED_ROWS = 0.3
"""The share of the rows of the edition whose first letters the aggregates process makes itself when
the other process makes two editions' reference indexes (:meth:`SiteRenderer._split_edition`). Measured
at 1000 entries: each edition's index took about 1.4 s and the other aggregate pages 0.6 s, so the
other process took 2.9 s against 2.0 s here."""


def clip(text: str, limit: int = 300) -> str:
    """``text`` shortened to about ``limit`` characters for a description, ending at a word and with ``…``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 2 // 3 and not HAN_RE.search(cut[space:]):
        cut = cut[:space]
    return cut.rstrip(" ,;:，；：、") + "…"


def listed(entry: Entry) -> Entry:
    """``entry`` without what listings (home cards, filters, feeds) never show: affiliations, funding,
    definitions, body, tables, figures, references, glossary, warnings and commentary."""
    return dataclasses.replace(
        entry,
        affiliations=(),
        funding=(),
        definitions=(),
        sections=(),
        tables=(),
        figures=(),
        references=(),
        glossary=(),
        warnings=(),
        commentary=None,
    )


def template_dirs(config: Config) -> list[Path]:
    """The template folders, the user's own first (``<templates_dir>/site`` or ``templates_dir`` itself)."""
    dirs = []
    if config.templates_dir:
        user = Path(config.templates_dir)
        dirs.append(user / "site" if (user / "site").is_dir() else user)
    dirs.append(BUILTIN_TEMPLATES)
    return dirs


class ViewEnvironment(NamedFailures, Environment):
    """Jinja's environment, reading ``view.key`` of a plain dict as ``view["key"]`` first.

    The page views are plain dicts, and Jinja looks for an attribute first, failing with an exception
    before it tries the key: that was a tenth of rendering an entry page. A key that shadows a
    method of ``dict`` (``items``) now wins, as ``view["items"]`` did already.

    Its templates escape what they write out with :func:`~.jinja_helpers.output_escape`
    (:class:`~.jinja_helpers.OutputEscaping`).
    """

    code_generator_class = jinja_helpers.OutputEscaping
    output_escape = staticmethod(jinja_helpers.output_escape)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        else:  # what Jinja tries first, here without a call more (the views' objects are read this way)
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)


def make_environment(dirs: list[Path], content_dir: Path | None = None) -> Environment:
    """One Jinja environment for every template of a build: autoescape on whatever the file name, undefined is
    an error; its errors name a template of ``content_dir`` relative to it."""
    env = ViewEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build, one environment: a template is not looked at again on every page
    )
    env.template_names = TemplateNames(content_dir)
    jinja_helpers.install(env)
    return env


def hash_text(*parts: str) -> str:
    """SHA-256 of ``parts`` joined."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class SiteRenderer:
    """Renders the site of one digest for every edition in ``config.editions``."""

    def __init__(self, config: Config, digest: Digest) -> None:
        self.config = config
        self.digest = digest
        self.hant = None
        if "zh-hant" in config.editions:
            from ..enrich.hant import HantConverter

            self.hant = HantConverter(config.phrases_file, config.content_dir)
        self.protect = tuple(sorted({t.zh for t in digest.glossary if t.zh}, key=len, reverse=True))
        """Corpus glossary terms, shielded from phrase rules in Traditional conversion."""
        self._hant_entries: dict[str, Entry] = {}
        self._hant_changes: dict[str, tuple[Any, ...]] = {}
        """Per converted entry, the conversion-report rows its conversion recorded."""
        self._hant_listed: dict[str, Entry] = {}
        self.listings_made: dict[str, tuple[Entry, tuple[Any, ...]]] = {}
        """Per entry slug, its Traditional listing (:meth:`for_listing`) made while its Traditional page was,
        with the conversion-report rows of the whole entry (see :meth:`take_listings`): the aggregate
        pages take it instead of converting the entry again."""
        self.hant_memo: Any = None
        self.card_memo: Any = None
        """Home-page cards kept across builds by edition and entry (a :class:`~evdigest.build.cache.KeyedMemo`),
        with the conversion-report rows of a Traditional card's entry, or None."""
        """Traditional listings (:meth:`for_listing`) kept across builds (a :class:`~evdigest.build.cache.KeyedMemo`), or None."""
        self.entry_keys: dict[str, str] = {}
        """Each entry's key (the build engine's): a kept conversion is reused while it is unchanged."""
        self.work_memo: Any = None
        """Where each reference-index row was last shown, kept across builds (a
        :class:`~evdigest.build.cache.KeyedMemo`), or None: the hash of the letter page and the row's place in
        its bytes, with the row's sort key, finder row and conversion-report rows (see :meth:`work_rows`)."""
        self.blob_read: Callable[[str], bytes] | None = None
        """The bytes the build stores under a hash (the build engine's): a kept row is read from the letter page
        it was last shown on; without it no row is kept."""
        self._read_pages: dict[str, bytes | None] = {}
        """Letter pages of the last build read for their rows, by hash (let go after each letter page)."""
        self._row_hrefs: dict[tuple[str, str], dict[str, str]] = {}
        """Per edition and folder of letter pages: the links to entries, by slug."""
        self.page_memo: Any = None
        """Aggregate pages kept across builds (a :class:`~evdigest.build.cache.KeyedMemo`): the hash of each
        reference-index letter page's bytes (the page itself stays in the build's blob store), the
        bytes of the home and glossary pages (:meth:`render_kept`)."""
        self.blob_exists: Callable[[str], bool] | None = None
        """Whether the build still stores the bytes of a hash (the build engine's); without it no letter
        page is kept."""
        self.holds: Callable[[str], bool] | None = None
        """Whether the published site will hold the file at a site path (the build engine's, for PDFs and
        exports): a page links only the files it holds. None: every file the settings make."""
        self.layout_key = ""
        """A hash of the templates and settings (the build engine's): kept rows are valid while it holds."""
        self.work_keys: dict[str, str] = {}
        """Each work's key made by the build engine (a hash of the work and of the entries citing it): while
        it is unchanged, :meth:`_work_keys` takes the hash of what the work's row shows from ``key_memo``."""
        self.key_memo: Any = None
        """Per work, the hash of what its row shows, kept across builds under its ``work_keys`` key (a
        :class:`~evdigest.build.cache.KeyedMemo`), or None."""
        self._work_key_cache: dict[str, str] | None = None
        """Per work, the key of its reference-index row (:meth:`_work_keys`), made once per build."""
        self._letter_groups: list[tuple[str, str, list[Work]]] | None = None
        self._finder_parts: dict[str, tuple[str, list[str], list[tuple[int, str, str, str]]]] = {}
        """Per edition whose letter pages two processes made: its finder's path, its letter pages' links and
        the finder rows of the letters made here, waiting for the others' (see :meth:`reference_pages`)."""
        self.beside: Any = None
        """Makes part of the aggregate pages in another process while this one makes the rest (the build
        engine's :class:`~evdigest.build.beside.Beside`, given a second job), or None: every page here."""
        self._glossary_key: str | None = None
        self._showers: dict[str, RefShower] = {}
        self._plain_refs: dict[str, dict[Any, Any]] = {}
        """Per style, the references formatted before conversion (shared by the showers of that style)."""
        self._reference_tags = ReferenceTags()
        self._entry_made: dict[tuple[Any, ...], Any] = {}
        """What the editions of one entry's page share (:meth:`_for_entry`)."""
        self.dirs = template_dirs(config)
        self.env = make_environment(self.dirs, config.content_dir)
        self.works: dict[str, Work] = {w.id: w for w in digest.works}
        self.slugs = {e.slug: entry_stem(e) for e in digest.entries}
        self.pages = load_pages(config.content_dir / "pages", config.editions, self.to_hant, config.content_dir)
        about = [(p.name, p.title) for p in self.pages]
        self.chrome = Chrome(config, self.to_hant, about)
        self.chrome_key = hash_text(json.dumps(about, ensure_ascii=False, sort_keys=True))
        """What the chrome of every page shows besides templates and settings: the about pages' titles."""

    def keep_compiled(self, folder: Path) -> None:
        """Keep the compiled templates in ``folder`` across builds (Jinja's bytecode cache: a template whose
        source changed is compiled again).

        What a template compiles to depends on the code that compiles it too (this package's code
        generator, Jinja's version), which Jinja's cache does not check: the folder holds the code
        version it was filled by (``stamp``), and is emptied when another code fills it."""
        import jinja2

        from ..version import code_version

        folder.mkdir(parents=True, exist_ok=True)
        stamp, made_by = folder / "stamp", f"{code_version()} jinja2 {jinja2.__version__}\n"
        try:
            current = stamp.read_text(encoding="utf-8") == made_by
        except OSError:
            current = False
        if not current:
            for compiled in folder.glob("*.cache"):
                compiled.unlink()
            fresh = folder / "stamp.new"  # a file of its own: the folder's files are links to the last build's
            fresh.write_text(made_by, encoding="utf-8")
            os.replace(fresh, stamp)
        self.env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))

    # --- conversion -----------------------------------------------------
    def to_hant(self, text: str) -> str:
        """Simplified → Traditional with the digest's converter."""
        return self.hant.convert(text, protect=self.protect, where="site") if self.hant else text

    def to_hant_names(self, text: str, names: tuple[str, ...]) -> str:
        """:meth:`to_hant` of a text printing the personal names ``names`` (a formatted reference): the names
        converted by character, as the entries' own authors are."""
        return self.hant.convert_names(text, names, protect=self.protect, where="site") if self.hant else text

    def converter(self, code: str) -> Any:
        """The text conversion of an edition: Traditional for ``zh-hant``, identity otherwise."""
        return self.to_hant if code == "zh-hant" else (lambda text: text)

    def for_edition(self, entry: Entry, code: str) -> Entry:
        """The entry as edition ``code`` shows it (every Chinese field converted on ``zh-hant``; the body only
        when the entry's page republishes it)."""
        if code != "zh-hant" or self.hant is None:
            return entry
        if entry.id not in self._hant_entries:
            from ..enrich.hant import hant_entry

            mark = self.hant.mark()
            body = shows_fulltext(entry, republish=self.config.republish_fulltext)
            self._hant_entries[entry.id] = hant_entry(entry, self.hant, self.protect, sections=body)
            if entry.id in self._hant_changes:  # its rows were replayed from a kept card or listing
                self.hant.drop_since(mark)
            else:
                self._hant_changes[entry.id] = self.hant.changes_since(mark)
        return self._hant_entries[entry.id]

    def _replay(self, entry: Entry, changes: tuple[Any, ...]) -> None:
        """Add the conversion-report rows of an entry's kept conversion, unless its rows are in already."""
        if self.hant is not None and entry.id not in self._hant_changes:
            self.hant.replay(changes)
            self._hant_changes[entry.id] = changes

    def for_listing(self, entry: Entry, code: str) -> Entry:
        """The entry as edition ``code`` lists it on aggregate pages (home, feeds): :meth:`for_edition`
        without what those pages do not show (:func:`listed`).

        A listing is kept in ``hant_memo`` under the entry's key with the conversion-report rows of the
        whole entry, and taken from there while the entry is unchanged (the report is replayed). One made
        with the entry's Traditional page (:attr:`listings_made`) is taken first."""
        if code != "zh-hant" or self.hant is None:
            return entry
        found = self._hant_listed.get(entry.id)
        if found is not None:
            return found
        key = self.entry_keys.get(entry.slug) if self.hant_memo is not None else None
        if key:
            key = f"{key}:{self.hant.fingerprint()}"
        made = self.listings_made.pop(entry.slug, None)
        if made is None and key and entry.id not in self._hant_entries:
            kept = self.hant_memo.get(entry.slug, key)
            if kept is not None:
                found, changes = kept
                self._replay(entry, changes)
                self._hant_listed[entry.id] = found
                return found
        if made is not None:  # made with the entry's page: its rows are recorded unless they are in already
            found, changes = made
            self._replay(entry, changes)
        else:
            found = listed(self.for_edition(entry, code))
            changes = self._hant_changes[entry.id]
        if key:
            self.hant_memo.put(entry.slug, key, (found, changes))
        if self.hant_memo is not None:  # making aggregates: the whole conversion is not needed again
            self._hant_entries.pop(entry.id, None)
        self._hant_listed[entry.id] = found
        return found

    def shower(self, code: str) -> RefShower:
        """The reference formatter of an edition (its CSL style, its script)."""
        if code not in self._showers:
            style = self._style(code)
            plain = self._plain_refs.setdefault(style, {})
            names = self.to_hant_names if code == "zh-hant" else None
            self._showers[code] = RefShower(style, code, self.converter(code), plain, names)
        return self._showers[code]

    def _style(self, code: str) -> str:
        """The citation style of an edition."""
        return self.config.style_en if code == "en" else self.config.style_zh

    # --- references formatted ahead of the pages ------------------------
    def references_to_format(self, entries: Sequence[Entry]) -> list[RefToFormat]:
        """Each distinct reference that the pages of ``entries`` and the reference index show, once per
        citation style of the editions, that this process has not formatted yet, in a stable order.

        Formatting them before the entry pages are rendered (:meth:`format_references`, which can run in
        other processes, then :meth:`adopt_formatted`) formats each once in the build: processes forked
        afterwards to render pages inherit them, where each would otherwise format every reference its
        pages show."""
        shown = [(ref.csl, ref.raw, ref.et_al, ref.editors_et_al) for entry in entries for ref in entry.references]
        shown += [(work.csl, work.raw, work.et_al, work.editors_et_al) for work in self.digest.works]
        todo: list[RefToFormat] = []
        for style in sorted({self._style(code) for code in self.config.editions}):
            known: dict[RefKey, tuple[dict[str, Any] | None, Any]] = dict(self._plain_refs.get(style, {}))
            for csl, raw, et_al, editors_et_al in shown:
                key, found = looked_up(known, csl, raw, et_al, editors_et_al)
                if found is None:  # keyed as the shower's table will key it, beside what it holds
                    known[key] = (csl, True)
                    todo.append(RefToFormat(style, key, csl, raw, et_al, editors_et_al))
        return todo

    @staticmethod
    def format_references(todo: Sequence[RefToFormat]) -> list[Any]:
        """The references of ``todo`` (:meth:`references_to_format`) formatted, in order; the links of an
        item listed in several styles are made once."""
        links: dict[int, tuple[tuple[str, str], ...]] = {}  # by the item's id: ``todo`` holds every item meanwhile
        formatted = []
        for item in todo:
            found = links.get(id(item.csl))
            if found is None:
                found = links[id(item.csl)] = shown_links(item.csl)
            formatted.append(format_plain(item.style, item.csl, item.raw, item.et_al, item.editors_et_al, found))
        return formatted

    def adopt_formatted(self, todo: Sequence[RefToFormat], formatted: Sequence[Any]) -> None:
        """Keep references formatted by :meth:`format_references`, for the pages rendered afterwards."""
        for item, plain in zip(todo, formatted, strict=True):
            self._plain_refs.setdefault(item.style, {})[item.key] = (item.csl, plain)

    # --- rendering helpers ----------------------------------------------
    def render(self, template: str, page: Page) -> bytes:
        """Render ``template`` with the page frame ``page`` to UTF-8 bytes."""
        return self.env.get_template(template).render(page=page, view=page.view).encode("utf-8")

    def render_kept(self, template: str, page: Page) -> bytes:
        """:meth:`render`, or the page ``page_memo`` kept from the last build when the template, the
        settings (``layout_key``) and everything the page shows (its frame and view) are the same.

        For aggregate pages, whose views are cheap to make but long to render; a view that
        cannot be pickled is always rendered."""
        return self.kept(page.path, (template, page), lambda: self.render(template, page))

    def kept(self, path: str, shown: Any, make: Callable[[], bytes], *, converted: bool = False) -> bytes:
        """``make()``, or the bytes ``page_memo`` kept for ``path`` from the last build when the templates,
        the settings (``layout_key``) and ``shown`` (what the file shows, or what it is made from) are the
        same; a ``shown`` that cannot be pickled is always made.

        With ``converted`` (a page whose making converts text to Traditional), the conversion-report rows
        recorded while making it are kept with it and recorded again when it is taken."""
        memo = self.page_memo
        if memo is None:
            return make()
        hant = self.hant if converted else None
        try:
            key = hash_text(self.layout_key, hashlib.sha256(value_bytes((hant is not None, shown))).hexdigest())
        except (pickle.PicklingError, TypeError, AttributeError, ValueError):
            return make()
        found = memo.get(path, key)
        if found is None:
            mark = hant.mark() if hant is not None else 0
            made = make()
            memo.put(path, key, made if hant is None else (made, hant.changes_since(mark)))
            return made
        if hant is None:
            return found
        made, changes = found
        hant.replay(changes)
        return made

    def entry_file(self, code: str, slug: str) -> str:
        """The page file in edition ``code`` of the entry whose slug is ``slug``."""
        return entry_page_file(code, self.slugs.get(slug, slug))

    def titles(self, code: str) -> dict[str, tuple[str, str | None]]:
        """``slug → (title, lang)`` of every entry in edition ``code``."""
        ed = edition(code)
        found = {}
        for e in self.digest.entries:
            zh = self.converter(code)(to_text(e.title.zh)) if e.title.zh else None
            first = (zh or to_text(e.title.en)) if ed.primary == "zh" else (to_text(e.title.en) or zh)
            first = first or e.slug
            lang = text_lang(first, code)
            found[e.slug] = (first, None if lang == ed.lang else lang)
        return found

    # --- entry pages ----------------------------------------------------
    def entry_pages(self, entry: Entry) -> dict[str, bytes]:
        """Every edition's page of one entry, keyed by path relative to the site root."""
        stem = entry_stem(entry)
        return {entry_page_file(code, stem): self.entry_page(entry, code) for code in self.config.editions}

    def entry_page(self, entry: Entry, code: str) -> bytes:
        """One entry's page in edition ``code``, with its machine-readable metadata."""
        ed = edition(code)
        shown = self.for_edition(entry, code)
        slug = entry_stem(entry)
        msg = Messages(code)
        path = entry_page_file(code, slug)
        downloads = []
        pdf = entry_pdf_file(slug, code)
        linked = self.pdf_linked(pdf)
        if linked:
            downloads.append({"label": msg("download_pdf"), "url": relative(path, pdf), "type": "application/pdf"})
        exports = self.export_links(msg, path, slug)
        downloads += exports
        list_exports = self.export_links(msg, path, reference_list_files(entry))
        builder = EntryViewBuilder(
            ed,
            self.shower(code),
            self.works,
            republish=self.config.republish_fulltext,
            md_html=self.config.markdown_html,
        )
        view = builder.build(shown, slug, downloads, relative(path, page_path(code, "references")), list_exports)
        abstract = " ".join(s["plain"] for s in (view.abstracts[0]["sections"] if view.abstracts else []))
        page = self.chrome.frame(code, entry_parts(slug), view.title.text, clip(abstract), current="")
        pdf_url = absolute(self.config.base_url, pdf) if linked else None
        # the tags and JSON-LD describe the article as published, in every edition: never converted to Traditional,
        # so the Simplified and the Traditional pages share them
        page.meta = self._for_entry(
            entry, ("tags", ed.primary, pdf_url), lambda: citation_tags(entry, ed, pdf_url, self._reference_tags)
        )
        others = [edition(c) for c in self.config.editions if c != code]
        page.og = open_graph(view.title.text, clip(abstract), page.canonical, ed, others, page.site_title)
        published = abstract if shown is entry else abstract_text(entry, ed.primary)
        cited = self._for_entry(entry, ("cited",), lambda: cited_works(entry))
        page.jsonld = json_ld(entry, ed, page.canonical, pdf_url, published, cited)
        page.typed_links = [Link(link["label"], link["url"], type=link["type"]) for link in exports]
        page.indexed = True
        page.view = view
        if code == "zh-hant" and self.hant is not None:
            self.listings_made[entry.slug] = (listed(shown), self._hant_changes[entry.id])
        return self.render("entry.html.j2", page)

    def _for_entry(self, entry: Entry, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """``make()``, made once for the pages of ``entry`` under ``key`` (what several editions of its page share:
        kept for one entry at a time)."""
        key = (entry.id, *key)
        if key not in self._entry_made:
            if self._entry_made and next(iter(self._entry_made))[0] != entry.id:
                self._entry_made.clear()
            self._entry_made[key] = make()
        return self._entry_made[key]

    def take_listings(self) -> dict[str, tuple[Entry, tuple[Any, ...]]]:
        """The Traditional listings made with the entry pages since the last call (see :attr:`listings_made`),
        taken out: a worker process sends them to the process that makes the aggregate pages."""
        made, self.listings_made = self.listings_made, {}
        return made

    # --- aggregate pages ------------------------------------------------
    def aggregate_pages(self) -> Iterator[tuple[str, bytes | StoredFile]]:
        """Root chooser, homes, reference indexes, glossaries, about pages, search, 404s, feeds, sitemap, robots,
        assets: ``(path, bytes)`` one page at a time (a large digest's pages together run to hundreds of
        megabytes).

        With :attr:`beside`, the reference indexes of every edition but the first are made in another
        process meanwhile (:meth:`_references_apart`); the pages and the conversion report come out the same."""
        apart = self._references_apart()
        shared = apart[2] if apart is not None else None  # an edition whose first letters are made here
        try:
            yield "index.html", self.root_page()
            yield "404.html", self.not_found(default_edition(self.config), root=True)
            marks: dict[str, int] = {}
            for code in self.config.editions:
                yield page_path(code), self.home_page(code)
                if shared is not None and code == shared[0]:
                    yield from self.reference_pages(code, letters=range(shared[1]))
                elif apart is not None and code in apart[0]:
                    marks[code] = self._report_mark()  # where this edition's conversion-report rows belong
                else:
                    yield from self.reference_pages(code)
                yield from self._edition_pages(code)
            parts = self.sitemap_parts()
            yield "sitemap.xml", self.kept("sitemap.xml", parts, lambda: sitemap(self.env, self.config, parts))
            yield "robots.txt", robots_txt(self.env, self.config)
            yield from self.assets().items()
            yield from self.script_maps()
            if apart is not None:
                yield from self._take_apart(apart[1], marks)
        finally:
            if apart is not None:
                apart[1].stop()

    def _references_apart(self) -> tuple[tuple[str, ...], Any, tuple[str, int] | None] | None:
        """Start making the reference indexes of every edition but the first with :attr:`beside`: the
        editions, the waiting part and the edition whose first letters are made here (with how many
        letters), or None (no second process, or one edition).

        What both processes read is made first (letters, rows' keys); the other process
        sends back each edition's conversion-report rows and what it used or stored in the kept memos.
        With three editions or more, the first letters of the second edition, about :data:`SHARED_ROWS` of
        its rows, are made here too, so that both processes end together; that edition is never the
        Traditional one, whose conversion-report rows must come in order (see :meth:`_split_edition`)."""
        codes = tuple(self.config.editions[1:])
        if self.beside is None or not codes or self._rows_to_make(codes) < APART_ROWS:
            return None
        self.letter_groups()
        shared = self._split_edition(codes)
        memos = self._memos()
        snapshots = [memo.snapshot() if memo is not None else None for memo in memos]
        rows: dict[str, tuple[Any, ...]] = {}
        finder: dict[str, list[tuple[int, str, str, str]]] = {}

        def make() -> Iterator[tuple[str, bytes | StoredFile]]:
            for code in codes:
                mark = self._report_mark()
                if shared is not None and code == shared[0]:
                    letters = range(shared[1], len(self.letter_groups()))
                    yield from self.reference_pages(code, letters=letters, finder=finder.setdefault(code, []))
                else:
                    yield from self.reference_pages(code)
                rows[code] = self._report_since(mark)

        def state() -> tuple[dict[str, tuple[Any, ...]], list[Any], dict[str, list[Any]]]:
            taken = [
                memo.since(snap) if memo is not None else None for memo, snap in zip(memos, snapshots, strict=True)
            ]
            return rows, taken, finder

        return codes, self.beside(make, state, f"reference index ({', '.join(codes)})"), shared

    def _split_edition(self, codes: tuple[str, ...]) -> tuple[str, int] | None:
        """The edition of ``codes`` (made apart) whose first letters are made here instead, with how many: the
        first of them that is not Traditional (its pages record no conversion-report rows), when the other
        process holds two editions or more, and the letters holding about :data:`SHARED_ROWS` of its rows
        (at least one letter, never all). None otherwise."""
        groups = self.letter_groups()
        if len(codes) < 2 or len(groups) < 2:
            return None
        code = next((c for c in codes if c != "zh-hant"), None)
        if code is None:
            return None
        total = sum(len(works) for _, _, works in groups)
        count, taken = 0, 0
        while count < len(groups) - 1 and taken + len(groups[count][2]) / 2 <= SHARED_ROWS * total:
            taken += len(groups[count][2])
            count += 1
        return (code, count) if count else None

    def _rows_to_make(self, codes: tuple[str, ...]) -> int:
        """How many reference-index rows of editions ``codes`` are not kept from the last build."""
        memo = self.work_memo
        if memo is None:
            return len(self.digest.works) * len(codes)
        keys = self._work_keys()
        return sum(not memo.has(f"{code}/{w.id}", f"{keys[w.id]}:{code}") for code in codes for w in self.digest.works)

    def _take_apart(self, waiting: Any, marks: dict[str, int]) -> Iterator[tuple[str, bytes | StoredFile]]:
        """The pages made in the other process, its conversion-report rows put where making them here
        would have put them (``marks``), its memo entries taken over; then the finder of an edition whose
        letters both processes made."""
        files, (rows, taken, finder) = waiting.result()
        if self.hant is not None:
            for code in sorted(marks, key=marks.__getitem__, reverse=True):  # the latest place first
                self.hant.insert_at(marks[code], rows.get(code, ()))
        for memo, changes in zip(self._memos(), taken, strict=True):
            if memo is not None and changes is not None:
                memo.adopt(changes)
        yield from files
        for code, found in finder.items():
            path, hrefs, first = self._finder_parts.pop(code)
            yield path, finder_json(hrefs, first + found)

    def _memos(self) -> list[Any]:
        """The memos kept across builds that aggregate pages use (each a KeyedMemo or None)."""
        return [self.hant_memo, self.work_memo, self.page_memo, self.key_memo, self.card_memo]

    def _edition_pages(self, code: str) -> Iterator[tuple[str, bytes]]:
        """An edition's pages besides its home and reference index."""
        yield page_path(code, "glossary"), self.glossary_page(code)
        yield page_path(code, "search"), self.search_page(code)
        yield f"{code}/404.html", self.not_found(code)
        for about in self.pages:
            yield page_path(code, *about_parts(about.name)), self.about_page(code, about)
        yield f"{code}/feed.xml", self.feed(code)

    def sitemap_parts(self) -> list[tuple[str, ...]]:
        """The page locations (below an edition) that every edition has."""
        parts: list[tuple[str, ...]] = [(), ("references",), ("glossary",)]
        parts += [("references", slug) for slug in self.letter_slugs()]
        parts += [about_parts(p.name) for p in self.pages]
        parts += [entry_parts(self.slugs[e.slug]) for e in self.digest.entries]
        return parts

    def root_page(self) -> bytes:
        """``/index.html``: offers the editions, each in its own language."""
        code = default_edition(self.config)
        page = self.chrome.frame(code, (), site_title(self.config, code, self.to_hant), "", current="")
        page.path = "index.html"
        page.canonical = self.config.base_url
        page.title = " · ".join(dict.fromkeys(site_title(self.config, c, self.to_hant) for c in self.config.editions))
        page.assets = {k: relative("index.html", v) for k, v in ASSETS.items()}
        page.switcher = [
            Link(edition(c).label, relative("index.html", page_path(c)), lang=edition(c).lang, hreflang=edition(c).lang)
            for c in self.config.editions
        ]
        page.search_action = relative("index.html", page_path(code, "search"))
        page.feed = None
        page.nav = []
        titles = {site_title(self.config, c, self.to_hant): edition(c).lang for c in self.config.editions}
        page.view = {
            "titles": [{"text": text, "lang": lang} for text, lang in titles.items()],
            "editions": [
                {
                    "label": edition(c).label,
                    "lang": edition(c).lang,
                    "href": relative("index.html", page_path(c)),
                    "title": site_title(self.config, c, self.to_hant),
                    "description": site_description(self.config, c, self.to_hant),
                    "choose": Messages(c)("root_choose"),
                }
                for c in self.config.editions
            ],
        }
        return self.render("root.html.j2", page)

    def home_page(self, code: str) -> bytes:
        """An edition's home: latest entries with tag/year/journal filters."""
        ed = edition(code)
        msg = Messages(code)
        page = self.chrome.frame(code, (), site_title(self.config, code, self.to_hant), "", current="home")
        page.description = site_description(self.config, code, self.to_hant)
        made = {
            e.slug: self.card(e, code, relative(page.path, self.entry_file(code, e.slug)), msg)
            for e in self.digest.entries
        }
        cards = [made[e.slug] for e in newest_first(self.digest.entries)]
        page.view = {
            "cards": cards,
            "filters": card_filters(cards, ed),
            "downloads": self.digest_downloads(code, page.path),
        }
        return self.render_kept("home.html.j2", page)

    def digest_downloads(self, code: str, path: str) -> dict[str, Any]:
        """The files of the whole digest, linked from ``path``: edition ``code``'s PDF of every entry (when the
        site makes PDFs) and the whole reference index in each export format, each when the published site
        holds it."""
        msg = Messages(code)
        pdf = f"pdf/digest-{code}.pdf"
        return {
            "pdf": relative(path, pdf) if self.pdf_linked(pdf) else None,
            "exports": self.export_links(msg, path, "references"),
        }

    def held(self, path: str) -> bool:
        """Whether the published site will hold the file at site path ``path`` (:attr:`holds`)."""
        return self.holds is None or self.holds(path)

    def pdf_linked(self, path: str) -> bool:
        """Whether pages link the PDF at site path ``path``: the settings make PDFs and the published site
        holds this one."""
        return self.config.pdf.enabled and self.held(path)

    def export_links(self, msg: Messages, path: str, stem: str | list[tuple[str, str, str]]) -> list[dict[str, str]]:
        """Links from page ``path`` to the files ``export/<stem>.*`` (or the files given, as
        :func:`~.entry_files.export_files` names them) the published site holds, one per export format: label,
        URL, media type."""
        files = export_files(stem) if isinstance(stem, str) else stem
        return [
            {"label": msg(key), "url": relative(path, target), "type": mime}
            for target, mime, key in files
            if self.held(target)
        ]

    def linked_files(self, entry: Entry | None) -> list[str]:
        """The PDFs and exports the pages of ``entry`` link: its PDF in each edition, its own record and its
        reference list (when it has references) in each export format (``None``: the digests and the whole
        index's exports the home and reference-index pages link)."""
        if entry is None:
            pdfs, stem = [f"pdf/digest-{code}.pdf" for code in self.config.editions], "references"
            listed = []
        else:
            stem = entry_stem(entry)
            pdfs = [entry_pdf_file(stem, code) for code in self.config.editions]
            listed = reference_list_files(entry)
        exports = [target for target, _, _ in [*export_files(stem), *listed]]
        return [path for path in pdfs if self.pdf_linked(path)] + [path for path in exports if self.held(path)]

    def card(self, entry: Entry, code: str, href: str, msg: Messages) -> dict[str, Any]:
        """An entry's card on the home page of edition ``code``. A card is kept in ``card_memo`` under the
        entry's key, the templates and settings and the phrase dictionary, with the conversion-report rows
        of its entry on ``zh-hant`` (replayed when the card is taken from there)."""
        key = self.entry_keys.get(entry.slug) if self.card_memo is not None else None
        if key:
            key = f"{key}:{self.layout_key}:{self.hant.fingerprint() if self.hant else ''}"
            kept = self.card_memo.get(f"{code}/{entry.slug}", key)
            if kept is not None:
                card, changes = kept
                if code == "zh-hant":
                    self._replay(entry, changes)
                return card
        card = entry_card(self.for_listing(entry, code), edition(code), href, msg)
        if key:
            changes = self._hant_changes.get(entry.id, ()) if code == "zh-hant" else ()
            self.card_memo.put(f"{code}/{entry.slug}", key, (card, changes))
        return card

    def letter_groups(self) -> list[tuple[str, str, list[Work]]]:
        """The reference index's letters in order (``#`` last) with their folder and works, the same in
        every edition."""
        if self._letter_groups is None:
            groups: dict[str, list[Work]] = {}
            for work in self.digest.works:
                groups.setdefault(work_letter(work), []).append(work)
            order = sorted(groups, key=lambda letter: (letter == "#", letter))
            self._letter_groups = [(letter, letter_slug(letter), groups[letter]) for letter in order]
        return self._letter_groups

    def letter_slugs(self) -> list[str]:
        """The letter pages of the reference index (``a`` … ``z``, ``other``)."""
        return [slug for _, slug, _ in self.letter_groups()]

    def reference_pages(
        self, code: str, *, letters: range | None = None, finder: list[tuple[int, str, str, str]] | None = None
    ) -> Iterator[tuple[str, bytes | StoredFile]]:
        """An edition's reference index: a first page with the letters, the year chart and a finder over the
        whole index, and one page per letter with its works A–Z by first author and their back-links (one
        page for every work would grow to tens of megabytes in a large digest).

        The finder reads ``works.json`` beside the first page: the letter pages (links from the first
        page) and every work as ``[letter, row id, text, lang]`` in index order.

        A letter page whose works' rows are all unchanged and whose bytes are still stored (``blob_exists``)
        is the one of the last build (a :class:`~evdigest.hashing.StoredFile`, from ``page_memo``), with the
        conversion-report rows its rendering recorded and its works' finder rows. Yields ``(path, content)``
        page by page.

        Two processes can share an edition (see :meth:`_split_edition`): with ``letters`` (the places of the
        letter pages to make) starting at the first, the first page and those letter pages are made, and
        the finder waits in :attr:`_finder_parts` for the other letters' rows; with ``letters`` starting
        later, only those letter pages are made, their finder rows added to ``finder``."""
        msg = Messages(code)
        title = msg("refindex_title")
        groups = self.letter_groups()
        letters = range(len(groups)) if letters is None else letters
        head = letters.start == 0
        first = self.chrome.frame(code, ("references",), title, title, current="references")
        finder_path = page_path(code, "references").rpartition("/")[0] + "/" + FINDER
        letter_hrefs = [relative(first.path, page_path(code, "references", slug)) for _, slug, _ in groups]
        first.view = {
            "intro": msg("refindex_intro", count=len(self.digest.works)),
            "letters": [
                {"letter": letter, "href": href, "count": msg("refindex_letter_count", count=len(works))}
                for (letter, _, works), href in zip(groups, letter_hrefs, strict=True)
            ],
            "chart": summarized(year_chart("chart-index", [csl_year(w.csl) for w in self.digest.works]), msg),
            "finder": relative(first.path, finder_path),
            "exports": self.export_links(msg, first.path, "references"),
        }
        if head:
            yield first.path, self.render("references.html.j2", first)
        memo = self.page_memo if self.work_memo is not None else None
        keys = self._work_keys() if memo is not None else {}
        names = [letter for letter, _, _ in groups]
        titles = self.titles(code)  # once per edition, kept pages or not: the conversion report stays the same
        repeated = repeated_ids(self.digest.entries)
        found: list[tuple[int, str, str, str]] = []
        for place in letters:
            letter, slug, works = groups[place]
            heading = msg("refindex_letter_title", letter=letter)
            page = self.chrome.frame(code, ("references", slug), heading, title, current="references")
            key = hash_text(code, self.chrome_key, *names, *(keys[w.id] for w in works)) if memo is not None else ""
            kept = memo.get(f"{code}/{slug}", key) if memo is not None and self.blob_exists is not None else None
            if kept is not None and self.blob_exists(kept[0]):
                sha, changes, rows_found = kept
                self._report_again(changes)
                for work in works:  # the rows stay kept for the next change on this page
                    self.work_memo.keep(f"{code}/{work.id}", f"{keys[work.id]}:{code}")
                found += [(place, *row) for row in rows_found]
                yield page.path, StoredFile(sha)
                continue
            mark = self._report_mark()
            rows = self.work_rows(code, works, page, titles, repeated)
            page.view = {
                "heading": heading,
                "first": relative(page.path, first.path),
                "letters": [
                    {"letter": g, "href": relative(page.path, page_path(code, "references", s)), "current": g == letter}
                    for g, s, _ in groups
                ],
                "group": {"letter": letter, "id": "letter-" + slug, "rows": rows},
            }
            self._read_pages.clear()
            data = self.render("references_letter.html.j2", page)
            rows_found = [row["found"] for row in rows]
            if memo is not None:
                sha = hashlib.sha256(data).hexdigest()
                memo.put(f"{code}/{slug}", key, (sha, self._report_since(mark), rows_found))
                self._place_rows(rows, data, sha)
            found += [(place, *row) for row in rows_found]
            yield page.path, data
        if len(letters) == len(groups):
            yield finder_path, finder_json(letter_hrefs, found)
        elif head:
            self._finder_parts[code] = (finder_path, letter_hrefs, found)
        elif finder is not None:
            finder += found
        # the edition's formatted references are used by no other aggregate page, nor are the references
        # formatted in its style once no later edition has that style
        self._showers.pop(code, None)
        later = self.config.editions[self.config.editions.index(code) + 1 :]
        if all(self._style(other) != self._style(code) for other in later):
            self._plain_refs.pop(self._style(code), None)

    def work_rows(
        self,
        code: str,
        works: list[Work],
        page: Page,
        titles: dict[str, tuple[str, str | None]],
        repeated: dict[tuple[str, int, str], str] | None = None,
    ) -> list[dict[str, Any]]:
        """The reference-index rows of ``works`` on ``page`` of edition ``code``, sorted: ``{key, html}``,
        the HTML from ``work_row.html.j2``; ``titles`` are the entries' titles
        (:meth:`titles`), ``repeated`` the ids of references numbered like an earlier
        one (:func:`repeated_ids`). A row whose inputs are unchanged is taken from
        ``work_memo`` (last build's), with the conversion-report rows its rendering recorded; rows are
        kept per edition and are the same on every letter page (same folder depth).

        A row is not kept as text: ``work_memo`` keeps where its bytes are in the letter page that showed it
        (:meth:`_place_rows`), and a kept row is read from there (:meth:`_kept_row`), as long as the build
        still stores that page. Each row carries what :meth:`_place_rows` keeps with it (``memo``)."""
        ed = edition(code)
        msg = Messages(code)
        memo = self.work_memo
        keys = self._work_keys() if memo is not None else {}
        shower = self.shower(code)
        # every letter page sits in the same folder depth: links to entries are the same on each
        hrefs = self._row_hrefs.setdefault((code, posixpath.dirname(posixpath.dirname(page.path))), {})

        def href(slug: str) -> str:
            found = hrefs.get(slug)
            if found is None:
                found = hrefs[slug] = relative(page.path, self.entry_file(code, slug))
            return found

        template = self.env.get_template("work_row.html.j2")
        rows: list[dict[str, Any]] = []
        for work in works:
            key = f"{keys.get(work.id)}:{code}"
            kept = memo.get(f"{code}/{work.id}", key) if memo is not None else None
            shown = self._kept_row(kept) if kept is not None else None
            if shown is not None:
                _, _, _, sort_key, found, changes = kept
                self._report_again(changes)
                memo_part = (f"{code}/{work.id}", key, changes)
                rows.append({"key": sort_key, "html": shown[1], "found": found, "memo": memo_part, "bytes": shown[0]})
                continue
            mark = self._report_mark()
            (view,) = work_views((work,), shower, titles, href, msg, ed, repeated)
            html = Markup(template.render(w=view, page=page))
            found = (view["id"], view["key"][2], view["lang"] or "")
            changes = self._report_since(mark) if memo is not None else ()
            rows.append({"key": view["key"], "html": html, "found": found, "memo": (f"{code}/{work.id}", key, changes)})
        rows.sort(key=lambda r: r["key"])
        return rows

    def _kept_row(self, kept: tuple[Any, ...]) -> tuple[bytes, Markup] | None:
        """A row kept in ``work_memo`` (``(page hash, start, end, …)``) as bytes and as HTML, read from the
        letter page that showed it; None when the build no longer stores that page."""
        sha, start, end = kept[0], kept[1], kept[2]
        if sha not in self._read_pages:
            try:
                found = self.blob_read(sha) if self.blob_read is not None else None
            except (KeyError, OSError):
                found = None
            self._read_pages[sha] = found
        page = self._read_pages[sha]
        if page is None or not 0 <= start <= end <= len(page):
            return None
        piece = page[start:end]
        try:
            return piece, Markup(piece.decode("utf-8"))
        except UnicodeDecodeError:
            return None

    def _place_rows(self, rows: list[dict[str, Any]], data: bytes, sha: str) -> None:
        """Keep in ``work_memo`` where each of ``rows`` (in page order) is in ``data``, the bytes of the letter
        page hashed ``sha``, with what :meth:`_kept_row` and :meth:`work_rows` need to show it again. A row
        not found as rendered (a template that changes it on the way) is not kept."""
        at = 0
        for row in rows:
            piece = row.get("bytes") or row["html"].encode("utf-8")  # a kept row's bytes as read
            start = data.find(piece[:64], at)  # a row follows the last: its start is found and then compared
            if start < 0 or not data.startswith(piece, start):
                start = data.find(piece, at)
                if start < 0:
                    continue
            at = start + len(piece)
            slug, key, changes = row["memo"]
            self.work_memo.put(slug, key, (sha, start, at, row["key"], row["found"], changes))

    def _report_mark(self) -> int:
        """A place in the Traditional conversion report (0 when no edition is Traditional)."""
        return self.hant.mark() if self.hant is not None else 0

    def _report_since(self, mark: int) -> tuple[Any, ...]:
        """The conversion-report rows recorded since :meth:`_report_mark` gave ``mark`` (kept with a result)."""
        return self.hant.changes_since(mark) if self.hant is not None else ()

    def _report_again(self, rows: Any) -> None:
        """Record again the conversion-report rows a kept result recorded when it was made."""
        if self.hant is not None:
            self.hant.replay(rows)

    def _work_keys(self) -> dict[str, str]:
        """Per work, a hash of everything its reference-index row shows: the work, the citing entries'
        titles, slugs and reference numbers, the templates and settings (``layout_key``).

        What a row shows is hashed again only for a work whose key from the build engine changed (the
        work or an entry citing it did) and is kept otherwise; a changed entry rarely changes what the
        rows of the works it cites show, and then their rows and pages are kept too."""
        if self._work_key_cache is None:
            entries = {e.slug: e for e in self.digest.entries}
            citing: dict[str, str] = {}
            base = hash_text(self.layout_key, self.hant.fingerprint() if self.hant else "")
            memo = self.key_memo
            found = {}
            for work in self.digest.works:
                outer = self.work_keys.get(work.id)
                shown = memo.get(work.id, outer) if memo is not None and outer else None
                if shown is None:
                    shown = self._shown_hash(work, entries, citing)
                    if memo is not None and outer:
                        memo.put(work.id, outer, shown)
                found[work.id] = hash_text(base, shown)
            self._work_key_cache = found
        return self._work_key_cache

    def _shown_hash(self, work: Work, entries: dict[str, Entry], citing: dict[str, str]) -> str:
        """A hash of what the row of ``work`` shows besides templates and settings; ``citing`` keeps the hash of
        what a row shows of each citing entry by slug, filled as they are met (an entry is hashed once, however
        many works it cites)."""
        shown = []
        for c in work.cited_by:
            e = entries.get(c.entry)
            if e is None:
                shown.append([c.entry])
                continue
            found = citing.get(e.slug)
            if found is None:
                refs = [[r.number, r.work_id] for r in e.references]  # the ids of its reference list
                part = [e.slug, self.slugs[e.slug], e.title.en, e.title.zh, refs]
                found = citing[e.slug] = hashlib.sha256(value_bytes(part)).hexdigest()
            shown.append(found)
        cited_by = [[c.entry, c.number, len(c.sentences)] for c in work.cited_by]
        data = [work.id, work.csl, work.raw, work.et_al, work.editors_et_al, work.status, cited_by, shown]
        return hashlib.sha256(value_bytes(data)).hexdigest()

    def glossary_page(self, code: str) -> bytes:
        """An edition's glossary: zh ↔ en ↔ abbreviation with back-links."""
        ed = edition(code)
        msg = Messages(code)
        page = self.chrome.frame(code, ("glossary",), msg("glossary_title"), msg("glossary_intro"), current="glossary")

        def make() -> bytes:
            used: dict[tuple[str | None, str | None, str | None], list[str]] = {}
            for e in self.digest.entries:
                for g in e.glossary:
                    slugs = used.setdefault((g.zh, g.en, g.abbr), [])
                    if e.slug not in slugs:
                        slugs.append(e.slug)
            href = lambda slug: relative(page.path, self.entry_file(code, slug))  # noqa: E731
            rows = glossary_rows(self.digest.glossary, used, self.converter(code), self.titles(code), href, ed)
            page.view = {"rows": rows}
            return self.render("glossary.html.j2", page)

        shown = ("glossary.html.j2", page, self._glossary_inputs())
        return self.kept(page.path, shown, make, converted=code == "zh-hant")

    def _glossary_inputs(self) -> str:
        """A hash of what every edition's glossary page is made from besides its frame: the corpus terms,
        each entry's slug, id, title and terms, and the Traditional conversion's phrase dictionary (made
        once: hashing these is much quicker than making the rows)."""
        if self._glossary_key is None:
            entries = [
                (e.slug, e.id, e.title, tuple((g.zh, g.en, g.abbr) for g in e.glossary)) for e in self.digest.entries
            ]
            phrases = self.hant.fingerprint() if self.hant else None
            self._glossary_key = hashlib.sha256(value_bytes((self.digest.glossary, entries, phrases))).hexdigest()
        return self._glossary_key

    def search_page(self, code: str) -> bytes:
        """An edition's search page (Pagefind runs here only)."""
        msg = Messages(code)
        page = self.chrome.frame(code, ("search",), msg("search_title"), msg("search_label"), current="")
        page.csp = SEARCH_CSP
        shipped = code == "zh-hant" and self.hant is not None  # the edition converted by phrase
        page.view = {
            "pagefind": relative(page.path, "pagefind/"),
            "phrases": relative(page.path, PHRASES_FILE) if shipped else None,
        }
        return self.render("search.html.j2", page)

    def about_page(self, code: str, about: Any) -> bytes:
        """An about page from ``content/pages/``."""
        page = self.chrome.frame(code, about_parts(about.name), about.title[code], "", current=f"about/{about.name}")
        title_lang = block_lang(about.title[code], code)
        page.view = {
            "title": about.title[code],
            "title_lang": None if title_lang == edition(code).lang else title_lang,
            # under the page's h1 title
            "html": render_bilingual(
                about.body[code],
                code,
                edition(code).lang,
                allow_html=self.config.markdown_html,
                heading_level=2,
                ids=about.name,
            ),
        }
        return self.render("page.html.j2", page)

    def not_found(self, code: str, root: bool = False) -> bytes:
        """A 404 page (``root``: the one at the site root).

        A host serves it at whatever address was missing, so its links and assets are
        root-relative to the configured base URL's path (``/evdigest/en/``), not relative.
        """
        msg = Messages(code)
        page = self.chrome.frame(code, (), msg("notfound_title"), msg("notfound_text"), current="")
        page.path = "404.html" if root else f"{code}/404.html"
        site_path = urlsplit(self.config.base_url).path.rstrip("/") + "/"
        page.assets = {k: absolute(site_path, v) for k, v in ASSETS.items()}
        page.switcher = [
            Link(
                edition(c).label,
                absolute(site_path, page_path(c)),
                lang=edition(c).lang,
                hreflang=edition(c).lang,
                current=c == code and not root,
            )
            for c in self.config.editions
        ]
        page.nav = [Link(msg("site_nav_home"), absolute(site_path, page_path(code)))]
        page.search_action = absolute(site_path, page_path(code, "search"))
        page.feed = None
        page.canonical = absolute(self.config.base_url, page.path)
        page.alternates = [
            Link(edition(c).label, absolute(self.config.base_url, f"{c}/404.html"), hreflang=edition(c).lang)
            for c in self.config.editions
        ]
        page.view = {}
        return self.render("404.html.j2", page)

    def feed(self, code: str) -> bytes:
        """The Atom feed of edition ``code``."""
        ed = edition(code)
        title = site_title(self.config, code, self.to_hant)
        listed = lambda entry: self.for_listing(entry, code)  # noqa: E731
        return atom_feed(self.env, self.config, ed, list(self.digest.entries), title, listed)

    def assets(self) -> dict[str, bytes]:
        """Static files under ``assets/`` (the user's own folder first)."""
        found: dict[str, bytes] = {}
        for folder in reversed(self.dirs):
            base = folder / "assets"
            if base.is_dir():
                for path in sorted(base.rglob("*")):
                    if path.is_file():
                        found["assets/" + path.relative_to(base).as_posix()] = path.read_bytes()
        return found

    def script_maps(self) -> Iterator[tuple[str, bytes]]:
        """``assets/script-<edition>.json`` for each Chinese edition: the characters of the other script and
        what each is in the edition's (``{"from": …, "to": …}``), with which the search and the reference
        index's finder also find what a reader types in the other script."""
        from ..enrich.hant import SCRIPT_CONFIGS, opencc_version

        for code in self.config.editions:
            if code in SCRIPT_CONFIGS:
                path = f"assets/script-{code}.json"
                yield path, self.kept(path, ("script map", code, opencc_version()), lambda code=code: _map_json(code))
        if self.hant is not None:
            # the Traditional edition's Taiwan phrases, which its search applies to the converted query
            hant = self.hant
            shown = ("taiwan phrases", opencc_version(), hant.fingerprint())
            yield PHRASES_FILE, self.kept(PHRASES_FILE, shown, lambda: _phrases_json(hant))

    # --- for the build engine -------------------------------------------
    def template_files(self) -> list[Path]:
        """Every template and asset file a page may depend on (for cache keys), plus the message catalog."""
        files = [Path(__file__).with_name("messages.toml")]
        for folder in self.dirs:
            if folder.is_dir():
                files += sorted(p for p in folder.rglob("*") if p.is_file())
        return files

    def conversion_report(self) -> str:
        """The Traditional-Chinese conversion report (every phrase the domain dictionary changed).

        Every entry is converted first, so the report is complete whichever pages
        this renderer made itself.
        """
        if self.hant is None:
            return ""
        from ..enrich.hant import write_report

        for entry in self.digest.entries:
            if entry.id not in self._hant_changes:
                self.for_listing(entry, "zh-hant")
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "hant-conversion.md"
            write_report(self.hant, target)
            return target.read_text(encoding="utf-8")


def _phrases_json(hant: Any) -> bytes:
    from ..enrich.taiwan_phrases import phrase_pairs

    return json.dumps(phrase_pairs(hant), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _map_json(code: str) -> bytes:
    from ..enrich.hant import script_map

    found, made = script_map(code)
    return json.dumps({"from": found, "to": made}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def finder_json(letters: list[str], works: list[tuple[int, str, str, str]]) -> bytes:
    """The reference index's finder file (see :meth:`SiteRenderer.reference_pages`)."""
    data = {"letters": letters, "works": [list(work) for work in works]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def release_caches() -> None:
    """Empty the process-wide caches that rendering pages fills (marked-up citing sentences, sort keys,
    relative links, folded titles, formatted references): once the pages are made the build has no
    more use for them, and at a few hundred entries they hold tens of megabytes."""
    from ..refs.format import get_formatter
    from ..refs.keys import fold, title_numbers
    from . import entry_view
    from .index_view import family_sort_key, sort_key

    for cached in (sort_key, family_sort_key, relative, fold, title_numbers, get_formatter):
        cached.cache_clear()
    release_cite_caches()
    entry_view.release_caches()
