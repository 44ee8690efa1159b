"""The content of an entry page, computed in Python so that templates only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from ..model import AbstractSection, Entry, Work, quick_pickling
from ..preprints import entry_preprint
from ..refs.links import doi_url
from .bilingual import render_bilingual
from .chart import YearChart, summarized, work_years, year_chart
from .cites import cite_markup_to, has_cites, strip_cites
from .i18n import HAN_RE, Edition, Messages, text_lang
from .index_view import letter_slug, work_letter
from .names import allows_republishing, entry_year, licence_url, pick, preprint_line
from .refview import RefShower, ShownRef, csl_year, reference_ids
from .safe import safe_url, to_text

# The editions of an entry's page are made one after another and show the same texts: each text is cleaned
# and looked at for citation markers once (the few thousand texts of an entry's three pages).
_cleaned = lru_cache(maxsize=4096)(to_text)
_cites = lru_cache(maxsize=4096)(has_cites)


def release_caches() -> None:
    """Empty the texts kept for the next edition of an entry's page."""
    _cleaned.cache_clear()
    _cites.cache_clear()


@quick_pickling
@dataclass(slots=True)
class Text:
    """A string and its ``lang`` attribute when it differs from the page's (``None`` when the same).

    Not frozen, though nothing changes one once made: a frozen dataclass sets each field through
    ``object.__setattr__``, and a page's view makes a few hundred of these."""

    text: str
    lang: str | None = None


@dataclass(slots=True)
class EntryView:
    """Everything an entry page shows, computed for one edition."""

    slug: str
    title: Text
    title_alt: Text | None
    authors: list[dict[str, Any]]
    affiliations: list[dict[str, Any]]
    citation_line: Text
    links: list[dict[str, str]]
    metrics: list[dict[str, str]]
    notes: list[str]
    abstracts: list[dict[str, Any]]
    keywords: list[dict[str, Any]]
    definitions: list[dict[str, Any]]
    glossary: list[dict[str, Any]]
    tables: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    commentary: Markup | None
    sections: list[dict[str, Any]]
    fulltext_withheld: bool
    references: list[dict[str, Any]]
    chart: YearChart
    downloads: list[dict[str, str]]
    reference_downloads: list[dict[str, str]]
    """The reference list's export files (none for an entry without references)."""
    licence: Text | None
    licence_url: str | None
    tags: list[Text]
    added: str | None
    authors_et_al: bool = False
    """The source lists only the first authors ("et al.")."""
    extra: dict[str, Any] = field(default_factory=dict)


class EntryViewBuilder:
    """Builds :class:`EntryView` objects for one edition."""

    def __init__(self, ed: Edition, shower: RefShower, works: dict[str, Work], *, republish: bool, md_html: bool):
        self.ed = ed
        self.msg = Messages(ed.code)
        self.shower = shower
        self.works = works
        self.republish = republish
        self.md_html = md_html
        self.known: frozenset[int] = frozenset()
        """The reference numbers of the entry being built (citation markers link to these)."""

    def text(self, value: str | None) -> Text:
        """Wrap ``value`` with a ``lang`` when its language is not the page's."""
        value = _cleaned(value)
        lang = text_lang(value, self.ed.code)
        return Text(value, None if lang == self.ed.lang else lang)

    def rich(self, value: str | None) -> Text:
        """Like :meth:`text`, with citation markers (``^[50]``) as superscript links to the reference list."""
        shown = self.text(value)
        if not _cites(shown.text):
            return shown
        return Text(cite_markup_to(shown.text, self.known, "#ref-"), shown.lang)

    def lang_of(self, which: str) -> str | None:
        """The ``lang`` attribute of data in language ``which`` (``en``/``zh``), ``None`` when it is the page's."""
        lang = "en" if which == "en" else ("zh-Hant" if self.ed.code == "zh-hant" else "zh-Hans")
        return None if lang == self.ed.lang else lang

    def build(
        self,
        entry: Entry,
        slug: str,
        downloads: list[dict[str, str]],
        index_href: str,
        reference_downloads: list[dict[str, str]] | None = None,
    ) -> EntryView:
        """Everything an entry page shows, in the page's language order; ``downloads``: the files of the entry's
        own record, ``reference_downloads``: those of its reference list."""
        title, alt = pick(self.ed.primary, to_text(entry.title.en), to_text(entry.title.zh))
        self.known = frozenset(r.number for r in entry.references)
        refs = self.references(entry, index_href)
        years = work_years(entry.references, self.works)
        return EntryView(
            slug=slug,
            title=self.text(title or slug),
            title_alt=self.text(alt) if alt else None,
            authors=self.authors(entry),
            authors_et_al=entry.authors_et_al,
            affiliations=self.affiliations(entry),
            citation_line=self.text(self.citation_line(entry)),
            links=self.links(entry),
            metrics=self.metrics(entry),
            notes=self.notes(entry),
            abstracts=self.abstracts(entry),
            keywords=self.keywords(entry),
            definitions=[
                {
                    "term": to_text(d.term),
                    "text": self.rich(d.text).text,
                    "lang": self.lang_of("zh" if d.lang.startswith("zh") else "en"),
                }
                for d in entry.definitions
            ],
            glossary=[
                {"zh": self.text(g.zh) if g.zh else None, "en": self.text(g.en) if g.en else None, "abbr": g.abbr or ""}
                for g in entry.glossary
            ],
            tables=self.tables(entry),
            figures=[
                {
                    "label": self.text(f.label),
                    "caption": self.rich(f.caption),
                    "caption_en": self.rich(f.caption_en) if f.caption_en else None,
                    "note": self.rich(f.note) if f.note else None,
                }
                for f in entry.figures
            ],
            commentary=render_bilingual(  # under the commentary's h2 heading
                entry.commentary, self.ed.code, self.ed.lang, allow_html=self.md_html, heading_level=3, ids="commentary"
            )
            if entry.commentary
            else None,
            sections=self.sections(entry),
            fulltext_withheld=bool(entry.sections) and not self.show_fulltext(entry),
            references=refs,
            chart=summarized(year_chart(f"chart-{slug}", years), self.msg),
            downloads=downloads,
            reference_downloads=reference_downloads or [],
            licence=self.text(entry.license) if entry.license else None,
            licence_url=licence_url(entry.license),
            tags=[self.text(tag) for tag in entry.tags],
            added=entry.added,
        )

    def authors(self, entry: Entry) -> list[dict[str, Any]]:
        """Authors in printed order: the name in the page's script first, the other script beside it."""
        shown = []
        for author in entry.authors:
            first, second = pick(self.ed.primary, author.name or None, author.name_zh)
            shown.append(
                {
                    "name": self.text(first or ""),
                    "other": self.text(second) if second else None,
                    "marks": ",".join(str(i + 1) for i in author.affiliations),
                    "corresponding": author.corresponding,
                    "orcid": safe_url(f"https://orcid.org/{author.orcid}") if author.orcid else None,
                }
            )
        return shown

    def affiliations(self, entry: Entry) -> list[dict[str, Any]]:
        """Affiliations numbered as the authors' marks refer to them.

        Each holds one line per language (the page's language first), each line with its
        own explicit ``lang`` so that readers and screen readers switch voice per line.
        """
        shown = []
        for number, aff in enumerate(entry.affiliations, start=1):
            order = (("zh", aff.zh), ("en", aff.en)) if self.ed.primary == "zh" else (("en", aff.en), ("zh", aff.zh))
            lines, seen = [], set()
            for _, value in order:
                value = to_text(value)
                if value and value not in seen:
                    seen.add(value)
                    lines.append({"text": value, "lang": text_lang(value, self.ed.code)})
            if lines:
                shown.append({"mark": str(number), "lines": lines})
        return shown

    def citation_line(self, entry: Entry) -> str:
        """``Journal, 2025, 13(4): 184-193. doi:…`` in the page's language order; a preprint's
        (:func:`~.names.preprint_line`) for a review posted at a preprint server."""
        preprint = entry_preprint(entry)
        if preprint:
            return preprint_line(preprint, self.msg)
        journal, _ = pick(self.ed.primary, entry.journal.name, entry.journal.name_zh)
        parts = [journal or ""]
        tail = ", ".join(p for p in (entry_year(entry), (entry.volume or "").strip()) if p)
        if entry.issue:
            tail += f"({entry.issue})"
        locator = entry.pages or entry.article_number
        if locator:
            tail += f": {locator}"
        return ", ".join(p for p in (parts[0], tail) if p)

    def links(self, entry: Entry) -> list[dict[str, str]]:
        """DOI, PubMed, PMC and open-access links: absolute http(s) URLs only, no duplicates."""
        found = []
        if entry.doi:
            found.append({"label": f"DOI {entry.doi}", "url": doi_url(entry.doi)})
        if entry.pmid:
            found.append({"label": f"PubMed {entry.pmid}", "url": f"https://pubmed.ncbi.nlm.nih.gov/{entry.pmid}/"})
        if entry.pmcid:
            found.append({"label": entry.pmcid, "url": f"https://www.ncbi.nlm.nih.gov/pmc/articles/{entry.pmcid}/"})
        for link in entry.urls:
            if link.rel in LINK_LABELS:
                found.append({"label": link.label or self.msg(LINK_LABELS[link.rel]), "url": link.url})
        seen, safe = set(), []
        for item in found:
            url = safe_url(item["url"])
            if url and url not in seen:
                seen.add(url)
                safe.append({"label": item["label"], "url": url})
        return safe

    def metrics(self, entry: Entry) -> list[dict[str, Any]]:
        """Impact factor, JCR and CAS ranks and citation count, where known."""
        m = entry.metrics
        rows = [
            ("metric_if", f"{m.impact_factor:g}" if m.impact_factor is not None else None),
            ("metric_jcr", " ".join(p for p in (m.jcr_quartile, m.jcr_category) if p) or None),
            (
                "metric_cas",
                " ".join(p for p in (str(m.cas_region) if m.cas_region else None, m.cas_category) if p) or None,
            ),
            ("metric_citations", str(m.citation_count) if m.citation_count is not None else None),
        ]
        return [{"label": self.msg(key), "value": self.text(value)} for key, value in rows if value]

    def notes(self, entry: Entry) -> list[str]:
        """Warning-box lines: a field present in one language and missing in the other."""
        pairs = [
            ("title", entry.title.en, entry.title.zh),
            ("abstract", entry.abstract.en, entry.abstract.zh),
            ("keywords", entry.keywords.en, entry.keywords.zh),
        ]
        notes = []
        for name, en, zh in pairs:
            if en and not zh:
                notes.append(self.msg(f"missing_{name}_zh"))
            elif zh and not en:
                notes.append(self.msg(f"missing_{name}_en"))
        return notes

    def abstracts(self, entry: Entry) -> list[dict[str, Any]]:
        """The abstracts, the page's language first, each with its own ``lang``."""
        blocks = {"en": entry.abstract.en, "zh": entry.abstract.zh}
        order = ("zh", "en") if self.ed.primary == "zh" else ("en", "zh")
        return [
            {
                "heading": self.msg(f"abstract_{which}"),
                "lang": self.lang_of(which),
                "id": f"abstract-{which}",
                "sections": [self._abstract_section(s) for s in blocks[which]],
            }
            for which in order
            if blocks[which]
        ]

    def _abstract_section(self, section: AbstractSection) -> dict[str, Any]:
        """A labelled paragraph; the label's colon follows its language (``背景：``, ``BACKGROUND: ``).

        ``plain`` is the text without citation markers (for descriptions); ``text`` links them.
        """
        plain = _cleaned(section.text)
        label = to_text(section.label).rstrip(":：").strip() if section.label else ""
        shown = {"label": None, "sep": "", "text": self.rich(plain).text, "plain": strip_cites(plain)}
        if label:
            chinese = bool(HAN_RE.search(label))
            shown.update(label=label + ("：" if chinese else ":"), sep="" if chinese else " ")
        return shown

    def keywords(self, entry: Entry) -> list[dict[str, Any]]:
        """Keyword lists, the page's language first."""
        lists = {"en": entry.keywords.en, "zh": entry.keywords.zh}
        order = ("zh", "en") if self.ed.primary == "zh" else ("en", "zh")
        return [{"lang": self.lang_of(w), "items": [to_text(k) for k in lists[w]]} for w in order if lists[w]]

    def tables(self, entry: Entry) -> list[dict[str, Any]]:
        """Tables as real HTML tables (caption, header row, body rows)."""
        return [
            {
                "id": f"table-{n}",
                "label": self.text(t.label),
                "caption": self.rich(t.caption),
                "caption_en": self.rich(t.caption_en) if t.caption_en else None,
                "header": [self.rich(h) for h in t.header],
                "rows": [[self.rich(c) for c in row] for row in t.rows],
                "note": self.rich(t.note) if t.note else None,
            }
            for n, t in enumerate(entry.tables, start=1)
        ]

    def show_fulltext(self, entry: Entry) -> bool:
        """Body sections are republished only when the config and the source's licence both allow it."""
        return shows_fulltext(entry, republish=self.republish)

    def sections(self, entry: Entry) -> list[dict[str, Any]]:
        """Body sections, only when :meth:`show_fulltext` allows them."""
        if not self.show_fulltext(entry):
            return []
        return [
            {
                "heading": self.text(" ".join(p for p in (s.number, s.title) if p)),
                "paragraphs": [self.rich(p) for p in s.paragraphs],
                "level": min(s.level, 4) + 1,  # written h3 (a section) to h6, under the h2 of the full text
            }
            for s in entry.sections
        ]

    def references(self, entry: Entry, index_href: str) -> list[dict[str, Any]]:
        """Numbered as in the source, formatted, linked, with citing sentences (short quotations); each with
        its own id (:func:`reference_ids`).

        A sentence citing several references is shown under each of them, made once (the same view)."""
        shown = []
        quoted: dict[tuple[str | None, str], dict[str, Any]] = {}

        def quote(section: str | None, sentence: str) -> dict[str, Any]:
            found = quoted.get((section, sentence))
            if found is None:
                found = quoted[(section, sentence)] = {
                    "section": self.text(section) if section else None,
                    "sign": "§" if (section or "")[:1].isdigit() else "",
                    "sentence": self.rich(sentence),
                }
            return found

        ids = reference_ids(ref.number for ref in entry.references)
        for ref, ref_id in zip(entry.references, ids, strict=True):
            work = self.works.get(ref.work_id or "")
            ref_view: ShownRef = self.shower.show(ref.csl, ref.raw, et_al=ref.et_al, editors_et_al=ref.editors_et_al)
            shown.append(
                {
                    "number": ref.number,
                    "id": ref_id,
                    "html": ref_view.html,
                    "lang": None if ref_view.lang == self.ed.lang else ref_view.lang,
                    "links": [{"label": label, "url": url} for label, url in ref_view.links],
                    "index": f"{index_href}{letter_slug(work_letter(work))}/#work-{work.id}" if work else None,
                    "cited": [quote(c.section, c.sentence) for c in ref.cited_in],
                    "year": csl_year(ref.csl, ref.raw),
                }
            )
        return shown


LINK_LABELS = {"open-access-pdf": "link_open_access_pdf", "landing": "link_landing"}
"""The links of a source that an entry page shows, with the message naming each when the source gives no label."""


def shows_fulltext(entry: Entry, *, republish: bool) -> bool:
    """Whether an entry's page shows its body sections: the config (``republish``) and the source's licence
    both allow it."""
    return republish and allows_republishing(entry.license)
