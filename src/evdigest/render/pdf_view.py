"""What a PDF prints of an entry, per edition: plain values and safe HTML for the print templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import segno
from markupsafe import Markup, escape

from ..config import Config
from ..model import Entry, Reference, Work
from ..preprints import entry_preprint
from ..refs.links import doi_url
from .bilingual import render_bilingual
from .cites import cite_markup
from .entry_files import entry_page_file, entry_stem
from .i18n import Messages, text_lang
from .names import pick, preprint_line
from .pdf_labels import DOC_LANG, ZH_LANG, labels
from .pdf_text import TextTools
from .urls import absolute

# A break point for a short English title, e.g. the ": " in "Migrasomes: functional footprints".
EN_BREAK_RE = re.compile(r"[:.?;]\s")
# A break point for a short Chinese title, e.g. the "：" in "迁移体：细胞迁移留下的足迹".
ZH_BREAK_RE = re.compile(r"[：:。？；]")

SHORT_EN = 70
SHORT_ZH = 28

# A run of 20 or more characters a line cannot break inside of (no space, no Han character), e.g. a
# 48-letter sequence "ACGTACGT…" or a URL: as wide as a column on its own.
LONG_TOKEN_RE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]{20,}")
# Where a long run may break on its own, or is bracketed or quoted: what lies between is looked at alone
# ("(immunohistochemistry)", "immunohistochemistry/immunofluorescence", "N-acetylglucosaminyltransferase").
PIECE_SPLIT_RE = re.compile(r"[-/()（）\[\]\"'“”‘’,.;:，。；：]+")
# A word, however long ("immunohistochemistry", "phosphatidylethanolamine"): it stays whole (the English
# edition hyphenates it; broken anywhere it would read as two words in the Chinese ones). A run of capitals
# alone is no word but a sequence ("ACGTACGT…").
WORD_RE = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text with its language tag."""

    lang: str
    text: str


@dataclass(frozen=True, slots=True)
class AbstractView:
    lang: str
    heading: str
    sections: tuple[tuple[str | None, Markup], ...]
    keywords: str


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell as safe HTML; ``long`` when it holds a long token that the page breaks anywhere."""

    html: Markup
    long: bool


@dataclass(frozen=True, slots=True)
class RefView:
    number: int
    lang: str
    html: Markup


@dataclass(frozen=True, slots=True)
class EntryView:
    """One entry as printed in one edition."""

    slug: str
    lang: str
    titles: tuple[Text, ...]
    short_title: Text
    authors: tuple[Text, ...]
    citation: str
    doi: str | None
    doi_url: str | None
    """The DOI's resolver link, escaped: a SICI DOI holds ``<``, ``>`` and ``#``."""
    abstracts: tuple[AbstractView, ...]
    tables: tuple[dict[str, Any], ...]
    figures: tuple[dict[str, Any], ...]
    commentary: Markup | None
    references: tuple[RefView, ...]
    qr: str | None
    qr_url: str | None
    notes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """Every author for the document's metadata (:func:`metadata_names`)."""


def cited(text: str) -> Markup:
    """``text`` escaped, its citation markers (``^[50]``) printed as superscript ``[50]``."""
    # No known numbers: on paper a marker is not a link, so ``href`` is never called.
    return cite_markup(text, (), str)


def short_title(text: str, chinese: bool, limit: int | None = None) -> str:
    """Cut a title for the running header: at its first clause break when that is long enough, else by length."""
    limit = limit or (SHORT_ZH if chinese else SHORT_EN)
    if len(text) <= limit:
        return text
    match = (ZH_BREAK_RE if chinese else EN_BREAK_RE).search(text)
    if match and limit // 3 <= match.start() <= limit:
        return text[: match.start()]
    cut = text[:limit]
    if not chinese and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:，、") + "…"


def citation_line(entry: Entry, edition: str) -> str:
    """Journal, year, volume(issue):pages — the printed citation without the DOI; a preprint's
    (:func:`~.names.preprint_line`) for a review posted at a preprint server."""
    preprint = entry_preprint(entry)
    if preprint:
        return preprint_line(preprint, Messages(edition))
    journal = entry.journal
    name = (journal.name_zh if edition != "en" else None) or journal.name or journal.name_zh or journal.abbrev or ""
    where = ""
    if entry.volume:
        where = entry.volume + (f"({entry.issue})" if entry.issue else "")
    elif entry.issue:
        where = f"({entry.issue})"
    locator = entry.pages or entry.article_number
    if locator:
        where = f"{where}:{locator}" if where else locator
    parts = [p for p in (name, str(entry.year) if entry.year else "", where) if p]
    return ". ".join(parts[:1] + ["; ".join(parts[1:])] if len(parts) > 1 else parts)


def _authors(entry: Entry, edition: str, zh: str) -> tuple[Text, ...]:
    latin = ", ".join(a.name for a in entry.authors if a.name)
    chinese = "，".join(a.name_zh for a in entry.authors if a.name_zh)
    if entry.authors_et_al:  # the source lists only the first authors
        latin, chinese = latin and f"{latin}, et al.", chinese and f"{chinese}，等"
    lines = [Text(zh, chinese), Text("en", latin)] if edition != "en" else [Text("en", latin), Text(zh, chinese)]
    return tuple(line for line in lines if line.text)


def metadata_names(entry: Entry, edition: str) -> tuple[str, ...]:
    """Every author of ``entry`` in printed order, as the metadata of its PDF in ``edition`` names them: the
    name in the edition's script (Latin in English, Chinese otherwise) when the source gives it, else the
    other one; an author with neither is left out."""
    primary = "en" if edition == "en" else "zh"
    names = (
        pick(primary, author.name.strip() or None, (author.name_zh or "").strip() or None)[0]
        for author in entry.authors
    )
    return tuple(name for name in names if name)


def _abstracts(entry: Entry, edition: str, zh: str) -> tuple[AbstractView, ...]:
    words = labels(edition)
    en_view = AbstractView(
        "en",
        words["abstract_en"],
        tuple((s.label, cited(s.text)) for s in entry.abstract.en),
        "; ".join(entry.keywords.en),
    )
    zh_view = AbstractView(
        zh,
        words["abstract_zh"],
        tuple((s.label, cited(s.text)) for s in entry.abstract.zh),
        "；".join(entry.keywords.zh),
    )
    views = (en_view, zh_view) if edition == "en" else (zh_view, en_view)
    return tuple(v for v in views if v.sections or v.keywords)


def _cell(text: str) -> Cell:
    """A table cell; ``long`` when it holds a run no line can break inside of that is not a word (a sequence,
    a URL, a number and its unit written together), which breaks anywhere rather than widen the table."""
    long = any(
        len(piece) >= LONG_PIECE and not WORD_RE.fullmatch(piece)
        for token in LONG_TOKEN_RE.findall(text)
        for piece in ([token] if "://" in token else PIECE_SPLIT_RE.split(token))
    )
    return Cell(cited(text), long)


LONG_PIECE = 12
"""The length from which a piece of a long run that is no word (a sequence, a URL, a number and its unit) is
broken anywhere; a URL is taken whole."""


def _tables(entry: Entry) -> tuple[dict[str, Any], ...]:
    """The entry's tables with caption and cells as safe HTML (citation markers as superscripts), each body
    cell as a :class:`Cell`."""
    return tuple(
        {
            "label": t.label,
            "caption": cited(t.caption),
            "caption_en": cited(t.caption_en) if t.caption_en else None,
            "header": tuple(cited(cell) for cell in t.header),
            "rows": tuple(tuple(_cell(cell) for cell in row) for row in t.rows),
            "note": cited(t.note) if t.note else None,
        }
        for t in entry.tables
    )


def _figures(entry: Entry) -> tuple[dict[str, Any], ...]:
    """The entry's figures as the PDF lists them (the source gives their captions, not the pictures):
    label, caption, English caption and note, citation markers as superscripts."""
    return tuple(
        {
            "label": f.label,
            "caption": cited(f.caption),
            "caption_en": cited(f.caption_en) if f.caption_en else None,
            "note": cited(f.note) if f.note else None,
        }
        for f in entry.figures
    )


def missing_notes(entry: Entry, edition: str) -> tuple[str, ...]:
    """Notes for a title, abstract or keyword list the source gives in one language only."""
    msg = Messages(edition)
    pairs = (
        ("title", entry.title.en, entry.title.zh),
        ("abstract", entry.abstract.en, entry.abstract.zh),
        ("keywords", entry.keywords.en, entry.keywords.zh),
    )
    notes = []
    for name, en, zh in pairs:
        if en and not zh:
            notes.append(msg(f"missing_{name}_zh"))
        elif zh and not en:
            notes.append(msg(f"missing_{name}_en"))
    return tuple(notes)


def _qr(config: Config, entry: Entry, edition: str) -> tuple[str | None, str | None]:
    if not config.pdf.qr:
        return None, None
    if config.base_url:
        url = absolute(config.base_url, entry_page_file(edition, entry_stem(entry)))
    elif entry.doi:
        url = doi_url(entry.doi)
    else:
        return None, None
    return segno.make(url, error="m").svg_data_uri(border=0, dark="#000"), url


class ViewBuilder:
    """Turn entries into :class:`EntryView` for one config; reuses the Markdown parser and formatters."""

    def __init__(self, config: Config, works: tuple[Work, ...] = ()) -> None:
        self.config = config
        self.tools = TextTools(config)
        self.works = {work.id: work for work in works}

    def entry(self, entry: Entry, edition: str) -> EntryView:
        """Return what the PDF of ``entry`` prints in ``edition`` (Traditional text converted for zh-hant)."""
        entry = self.tools.localize_entry(entry, edition)
        zh = ZH_LANG[edition]
        titles = [Text("en", entry.title.en or ""), Text(zh, entry.title.zh or "")]
        if edition != "en":
            titles.reverse()
        titles = [t for t in titles if t.text] or [Text("en", entry.slug)]
        head = titles[0]
        qr, qr_url = _qr(self.config, entry, edition)
        return EntryView(
            slug=entry.slug,
            lang=DOC_LANG[edition],
            titles=tuple(titles),
            short_title=Text(head.lang, short_title(head.text, head.lang != "en")),
            authors=_authors(entry, edition, zh),
            citation=citation_line(entry, edition),
            doi=entry.doi,
            doi_url=doi_url(entry.doi) if entry.doi else None,
            abstracts=_abstracts(entry, edition, zh),
            tables=_tables(entry),
            figures=_figures(entry),
            commentary=(  # under the commentary's h2 heading; the digest holds every entry's: ids name the entry
                render_bilingual(
                    entry.commentary,
                    edition,
                    DOC_LANG[edition],
                    allow_html=False,
                    heading_level=3,
                    ids=f"commentary-{entry.slug}",
                )
                if entry.commentary
                else None
            ),
            references=tuple(self.reference(ref, edition) for ref in entry.references),
            qr=qr,
            qr_url=qr_url,
            notes=missing_notes(entry, edition),
            names=metadata_names(entry, edition),
        )

    def reference(self, ref: Reference, edition: str) -> RefView:
        """One reference of an entry as the entry printed it (its own item and et-al flag, its work's when it
        has no item), formatted in the edition's style; its printed text when it did not parse."""
        work = self.works.get(ref.work_id or "")
        shown: Reference | Work = work if work and not ref.csl else ref
        if shown.csl:
            html = self.tools.format_html(
                shown.csl, et_al=shown.et_al, editors_et_al=shown.editors_et_al, edition=edition
            )
        else:
            html = escape(self.tools.text(ref.raw, edition))
        return RefView(ref.number, text_lang(str(html), edition), html)

    def work(self, work: Work, edition: str) -> RefView:
        """One work of the reference index, formatted in the edition's style."""
        if work.csl:
            html = self.tools.format_html(work.csl, et_al=work.et_al, editors_et_al=work.editors_et_al, edition=edition)
        else:
            html = escape(self.tools.text(work.raw, edition))
        return RefView(0, text_lang(str(html), edition), html)
