"""A review's own bibliographic record as a CSL-JSON item (for its exports and citation)."""

from __future__ import annotations

import re
from typing import Any

from ..dating import ISO_DATE_RE, issue_dates
from ..model import Author, Entry
from ..preprints import entry_preprint, posting_url
from .links import CJK_RE, doi_url

# Chinese two-character family names (复姓), the ones a name like "欧阳修" splits after.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 独孤 南宫 西门 端木 澹台 轩辕 呼延 申屠 钟离 宗政 太史".split()
)


def chinese_name(name: str) -> dict[str, str]:
    """``吕茹月`` -> ``{"family": "吕", "given": "茹月"}`` (two-character family names kept whole)."""
    name = re.sub(r"\s+", "", name)
    cut = 2 if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else 1
    if len(name) < 2:
        return {"literal": name}
    return {"family": name[:cut], "given": name[cut:]}


def latin_name(author: Author) -> dict[str, str]:
    """A Latin-script author: the given family/given, else the printed name split at its last space when a given
    name is known; a name with neither part (an organisation, ``International Society for Extracellular
    Vesicles``, which no last space splits into a person's names) is a literal name, written whole."""
    if author.family:
        parts = {"family": author.family}
        if author.given:
            parts["given"] = author.given
        return parts
    name = " ".join(author.name.split())
    if " " not in name or not author.given:
        return {"literal": name}
    given, family = name.rsplit(" ", 1)
    return {"family": family, "given": given}


def csl_author(author: Author, lang: str) -> dict[str, str] | None:
    """One author in the record's language: the Chinese name for ``zh`` where printed."""
    if lang == "zh" and author.name_zh:
        return chinese_name(author.name_zh)
    if author.name.strip() or author.family:
        return latin_name(author)
    if author.name_zh:
        return chinese_name(author.name_zh)
    return None


def record_language(entry: Entry) -> str:
    """``zh`` for a review published in Chinese, else ``en``: a Chinese title, and a Chinese journal name or,
    when the source names no journal (a preprint), Chinese names for most of its authors."""
    if not entry.title.zh:
        return "en"
    journal = entry.journal
    if journal.name or journal.name_zh:
        return "zh" if journal.name_zh or CJK_RE.search(journal.name or "") else "en"
    chinese = sum(1 for a in entry.authors if a.name_zh)
    return "zh" if entry.authors and 2 * chinese > len(entry.authors) else "en"


def issued(entry: Entry) -> dict[str, Any] | None:
    """``issued`` date-parts: the publication date when it agrees with the year, else the year alone."""
    for iso in issue_dates(entry):
        match = ISO_DATE_RE.match(iso or "")
        if match and (entry.year is None or int(match.group(1)) == entry.year):
            return {"date-parts": [[int(part) for part in match.groups() if part]]}
    return {"date-parts": [[entry.year]]} if entry.year else None


def entry_url(entry: Entry) -> str | None:
    """The landing page (or open-access PDF) of the review, else its DOI URL. The page of a posting at a
    preprint server is the URL only of the preprint itself: a review a journal published is found at its DOI
    (or its publisher's page), not at the posting that came before it."""
    posting = posting_url(entry.preprint) if entry.preprint is not None and entry_preprint(entry) is None else None
    for rel in ("landing", "open-access-pdf"):
        for link in entry.urls:
            if link.rel == rel and link.url != posting:
                return link.url
    return doi_url(entry.doi) if entry.doi else None


def entry_to_csl(entry: Entry) -> dict[str, Any]:
    """The review's own record as a strict CSL-JSON item (``id`` = the entry's slug): title, journal and names
    in the record's language, the title in the other language as ``translated-title``, and both languages'
    abstracts and keywords, the record's first. A preprint (:func:`entry_preprint`) is an ``article`` of genre
    ``Preprint`` with its server as ``publisher`` and its identifier as ``number``, dated the month it was
    posted."""
    lang = record_language(entry)
    other = "en" if lang == "zh" else "zh"
    preprint = entry_preprint(entry)
    kind = "article" if preprint else "article-journal"  # CSL's type of a preprint
    item: dict[str, Any] = {"id": entry.slug, "type": kind, "language": lang}
    authors = [name for name in (csl_author(a, lang) for a in entry.authors) if name]
    fields: dict[str, Any] = {
        "author": authors or None,
        "title": getattr(entry.title, lang) or getattr(entry.title, other),
        "translated-title": getattr(entry.title, other) if getattr(entry.title, lang) else None,
        "container-title": _journal_name(entry, lang),
        "container-title-short": entry.journal.abbrev,
        "ISSN": entry.journal.issn,
        "issued": issued(entry),
        "volume": entry.volume,
        "issue": entry.issue,
        "page": entry.pages or entry.article_number,
        "number": entry.article_number,
        "DOI": entry.doi,
        "PMID": entry.pmid,
        "PMCID": entry.pmcid,
        "URL": entry_url(entry),
        "abstract": _abstract(entry, lang, other),
        "keyword": "; ".join(dict.fromkeys(getattr(entry.keywords, lang) + getattr(entry.keywords, other))) or None,
    }
    if preprint:  # as Zotero writes a preprint: its server as the publisher, its identifier as the number
        fields.update({"genre": "Preprint", "publisher": preprint.server, "number": preprint.id})
    item.update({key: value for key, value in fields.items() if value})
    return item


def _journal_name(entry: Entry, lang: str) -> str | None:
    journal = entry.journal
    return (journal.name_zh or journal.name) if lang == "zh" else (journal.name or journal.name_zh)


def _abstract(entry: Entry, lang: str, other: str) -> str | None:
    """Both abstracts, the record's language first, sections as ``LABEL: text`` paragraphs."""
    sections = getattr(entry.abstract, lang) + getattr(entry.abstract, other)
    parts = [f"{s.label}: {s.text}" if s.label else s.text for s in sections]
    return "\n\n".join(parts) or None
