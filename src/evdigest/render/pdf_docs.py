"""The HTML of each print document: entry pages, digest front and back matter, footer overlays."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Digest, Entry, GlossaryTerm
from .i18n import edition as edition_named
from .i18n import text_lang
from .index_view import glossary_order
from .pdf_labels import DOC_LANG, ZH_LANG, labels
from .pdf_merge import PAGE_LINK_SCHEME
from .pdf_templates import environment
from .pdf_view import EntryView, Text, ViewBuilder, short_title

SHORT_INDEX_EN = 48
SHORT_INDEX_ZH = 16
"""Length of a citing entry's title in the reference index (it is cut at a clause break or a word)."""


@dataclass(frozen=True, slots=True)
class TocItem:
    """One line of the digest's table of contents (and one bookmark)."""

    kind: str
    title: str
    lang: str
    sub: str | None
    sub_lang: str | None
    page: int

    @property
    def href(self) -> str:
        """Link target, resolved to an in-document jump when the parts are joined."""
        return f"{PAGE_LINK_SCHEME}{self.page}"


def modified_date(config: Config) -> str:
    """The PDFs' modification date: ``SOURCE_DATE_EPOCH`` when set, else the issue date (never the wall clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return config.issue_date


@dataclass(frozen=True, slots=True)
class BackDocument:
    """One laid-out document of the digest's back matter: ``count`` works of the reference index or
    terms of the glossary from ``start`` (0-based); the first of each kind carries its heading."""

    kind: str
    title: str
    start: int
    count: int
    key: str

    @property
    def continued(self) -> bool:
        """Whether this document carries on a section begun in the one before."""
        return self.start > 0


class Documents:
    """Render the print HTML of one digest with the autoescaping environment."""

    def __init__(self, config: Config, digest: Digest) -> None:
        self.config = config
        self.digest = digest
        self.env = environment(config)
        self.views = ViewBuilder(config, digest.works)
        self._labels: dict[str, dict[str, str]] = {}
        self._glossaries: dict[str, tuple[GlossaryTerm, ...]] = {}

    def glossary(self, edition: str) -> tuple[GlossaryTerm, ...]:
        """The digest's glossary in the order of the site's glossary page of ``edition`` (a Chinese edition's
        by the Chinese term's pinyin, the English one's by the English term)."""
        if edition not in self._glossaries:
            self._glossaries[edition] = glossary_order(self.digest.glossary, edition_named(edition))
        return self._glossaries[edition]

    def digest_name(self, edition: str) -> str:
        """The digest's title in the edition's language."""
        if edition == "en":
            return self.config.title_en
        return self.views.tools.text(self.config.title_zh, edition)

    def _meta(self, title: str, authors: list[str], subject: str, keywords: str) -> dict[str, Any]:
        created = self.config.issue_date
        return {
            "title": title,
            "authors": authors,
            "subject": subject,
            "keywords": keywords,
            "created": created,
            "modified": modified_date(self.config),
        }

    def entry_html(self, entry: Entry, edition: str) -> tuple[EntryView, str]:
        """The view of ``entry`` in ``edition`` and the HTML of its pages."""
        view = self.views.entry(entry, edition)
        keywords = "; ".join(ab.keywords for ab in view.abstracts if ab.keywords)
        subject = view.citation + (f". {view.doi_url}" if view.doi_url else "")
        meta = self._meta(view.titles[0].text, list(view.names or self.config.authors), subject, keywords)
        html = self.env.get_template("entry.html").render(e=view, m=meta, words=labels(edition))
        return view, html

    def front_html(self, edition: str, toc: list[TocItem]) -> str:
        """Cover and table of contents of the digest."""
        words = labels(edition)
        zh = ZH_LANG[edition]
        title_zh = self.views.tools.text(self.config.title_zh, edition)
        desc_zh = self.views.tools.text(self.config.description_zh, edition)
        titles = [Text("en", self.config.title_en), Text(zh, title_zh)]
        descriptions = [Text("en", self.config.description_en), Text(zh, desc_zh)]
        if edition != "en":
            titles.reverse()
            descriptions.reverse()
        count = len(self.digest.entries)
        count_line = f"{count} {words['entries']}"
        meta = self._meta(
            titles[0].text, list(self.config.authors), descriptions[0].text, "; ".join(sorted(self._all_keywords()))
        )
        return self.env.get_template("front.html").render(
            lang=DOC_LANG[edition],
            m=meta,
            words=words,
            titles=titles,
            descriptions=descriptions,
            issue_date=self.config.issue_date,
            count_line=count_line,
            toc=toc,
        )

    def _all_keywords(self) -> set[str]:
        words: set[str] = set()
        for entry in self.digest.entries:
            words.update(entry.keywords.en)
        return words

    def back_html(self, kind: str, edition: str, start: int = 0, count: int | None = None) -> str | None:
        """The reference index (``kind="index"``) or glossary of the digest, or ``count`` of its
        works or terms from ``start`` (``None`` when it has none)."""
        if kind == "index":
            return self.index_html(edition, start, count)
        return self.glossary_html(edition, start, count)

    def index_html(self, edition: str, start: int = 0, count: int | None = None) -> str | None:
        """The reference index of the digest, or ``count`` of its works from ``start`` (``None`` when
        no entry has references); works are numbered throughout."""
        chunk = self.digest.works[start : None if count is None else start + count]
        if not chunk:
            return None
        names = self._entry_labels(edition)
        sep = ", " if edition == "en" else "；"
        works = []
        for work in chunk:
            ref = self.views.work(work, edition)
            cited = sep.join(f"{names[c.entry]} [{c.number}]" for c in work.cited_by if c.entry in names)
            works.append(
                {"html": ref.html, "lang": ref.lang, "cited_by": cited, "cited_lang": text_lang(cited, edition)}
            )
        return self._back("index", edition, start, works=works)

    def _entry_labels(self, edition: str) -> dict[str, str]:
        if edition not in self._labels:
            self._labels[edition] = {entry.slug: self.entry_label(entry, edition) for entry in self.digest.entries}
        return self._labels[edition]

    def entry_label(self, entry: Entry, edition: str) -> str:
        """How the reference index names a citing entry: first author, year and short title.

        E.g. "Lyu et al. 2026, Regulatory mechanisms of exosome secretion…" or "吕茹月等 2026，外泌体分泌调控机制…".
        """
        chinese = edition != "en" and bool(entry.title.zh)
        title = (entry.title.zh if chinese else entry.title.en) or entry.title.zh or entry.title.en or entry.slug
        first = entry.authors[0] if entry.authors else None
        author = ""
        if first is not None:
            author = (first.name_zh if edition != "en" else None) or first.family or first.name or first.name_zh or ""
        if author and len(entry.authors) > 1:
            author += "等" if edition != "en" and first and first.name_zh else " et al."
        year = str(entry.year) if entry.year else ""
        head = " ".join(part for part in (author, year) if part)
        text = short_title(title, chinese, limit=SHORT_INDEX_ZH if chinese else SHORT_INDEX_EN)
        label = f"{head}{'，' if chinese else ', '}{text}" if head else text
        return self.views.tools.text(label, edition)

    def glossary_html(self, edition: str, start: int = 0, count: int | None = None) -> str | None:
        """The glossary of the digest, or ``count`` of its terms from ``start`` (``None`` when it is empty)."""
        chunk = self.glossary(edition)[start : None if count is None else start + count]
        if not chunk:
            return None
        glossary = [
            {"zh": self.views.tools.text(g.zh or "", edition), "en": g.en or "", "abbr": g.abbr or ""} for g in chunk
        ]
        return self._back("glossary", edition, start, glossary=glossary)

    def _back(self, kind: str, edition: str, start: int, **values: Any) -> str:
        meta = self._meta(self.digest_name(edition), list(self.config.authors), "", "")
        return self.env.get_template("back.html").render(
            kind=kind,
            lang=DOC_LANG[edition],
            m=meta,
            words=labels(edition),
            zh_lang=ZH_LANG[edition],
            start=start + 1,
            continued=start > 0,
            **values,
        )

    def overlay_html(self, edition: str, total: int, *, skip_first: bool = False, numbers: range | None = None) -> str:
        """Footer pages: the digest's name and "page X of Y" in the edition's words (none on a cover);
        with ``numbers``, only the footers of those pages (1-based)."""
        name = self.digest_name(edition)
        pattern = labels(edition)["page_of"]
        pages = [
            ("", "") if skip_first and n == 1 else (name, pattern.format(page=n, pages=total))
            for n in (numbers if numbers is not None else range(1, total + 1))
        ]
        return self.env.get_template("overlay.html").render(lang=DOC_LANG[edition], title=name, pages=pages)
