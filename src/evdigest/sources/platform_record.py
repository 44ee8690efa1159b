"""The ``platform-record`` family: an authors line, a JSON record, then plain text.

Shape (one record exported from a literature platform)::

    Yue Liu, Xingwen Chen, ...                       <- authors, given-first
    {"title":"迁移体...","doi":"10.1080/...","abstract":"<p>...","journal":{...},
     "PeriodicalIF":3.4,"resultStr":"{\\"title\\":\\"Migrasomes...\\", ...}", ...}
    Migrasomes: the "functional footprints" ...     <- English title
    Migrasomes are membrane-bound vesicles ...      <- English abstract
    期刊介绍:                                         <- journal description (not extracted)

``resultStr`` is a JSON document inside a JSON string; its values fill what the
outer record lacks.  In the plain text, the first line is the title only when it reads
as one (not a label, not a paragraph of sentences); headings naming the abstract
("Abstract", "摘要") are dropped and keyword lines ("Keywords: ...", "关键词：...") add
to the record's keywords.  Titles and abstracts are assigned to a language by their
script, wherever they sit; an abstract in HTML or JATS markup keeps its section
headings as labels.  The entry's ``year`` is that of the issue the paper is printed in, else
of its e-publication (:mod:`.platform_dates`).

The record may be pretty-printed, its keys in any order, and pasted inside Markdown code
fences (```` ```json ```` ... ```` ``` ````), which are not text.  Its authors are a string
or a JSON list of names or author objects (Semantic Scholar, Crossref, OpenAlex
shapes, with affiliations where given); when the record's list yields no author that of ``resultStr``,
else the authors line above the record, is used.  Names in Chinese in one of these and in Latin script in
another (or both in one list) are paired in order, when they are as many.  A ``journal.pages`` that is an article
number ("e12404", "106512") is ``article_number``, by the rule of ``pubmed-cn``.
A record exported as ASCII (``\\u5916`` escapes) has its Chinese written out before it is read
(:func:`written_out`), so that its script is told and its terms found as in any other record.

Each part is read by a module of its own: the record and the lines around it by :mod:`.platform_json`,
titles, abstracts and keywords by :mod:`.platform_texts`, the authors and their affiliations by
:mod:`.platform_authors`, the journal, volume, issue and pages by :mod:`.platform_journal`, the dates and
year by :mod:`.platform_dates`; this module recognises the family and puts the entry together.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..model import Entry, Link, Metrics
from ..text import has_cjk, normalize_text, one_line
from .base import Origin
from .fields import find_pmcid, half_width_fields, normalize_doi
from .platform_authors import record_authors
from .platform_dates import record_dates
from .platform_journal import issue_year, record_journal
from .platform_json import Record, json_text, opens_record, read_record
from .platform_texts import record_abstracts, record_keywords, record_titles

name = "platform-record"

# Keys compared between the outer record and resultStr (both should agree)
_COMPARED_KEYS = ("doi", "authors", "PeriodicalIF", "publicationDate", "EPubDate", "JCR", "PeriodicalName")
_SNIFF_LINES = 6


def sniff(text: str) -> str | None:
    """``None`` when a JSON record with platform keys opens within the first non-blank lines, else why not.

    The record is parsed, so its keys may come in any order; a record that does not parse
    (cut short, say) still counts when a platform key opens one of its lines, so that
    :func:`parse` reports what is wrong with it.
    """
    lines = text.split("\n")
    opening = [i for i, line in enumerate(lines) if line.strip()][:_SNIFF_LINES]
    if any(opens_record(text, lines, index) for index in opening):
        return None
    return 'no JSON record ({"title": ..., "doi": ...}) among the first lines'


# A JSON escape of a CJK character (CJK punctuation, kana and ideographs U+3000–U+9FFF, compatibility
# ideographs, full-width forms), not an escaped backslash followed by "u": "\u5916" (group 1: the escaped
# backslashes before it, kept)
_CJK_ESCAPE = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([3-9][0-9a-fA-F]{3}|[fF][9aA][0-9a-fA-F]{2}|[fF]{2}[0-9a-eA-E][0-9a-fA-F])"
)


def written_out(text: str) -> str:
    """A record's text with its escaped Chinese written out (``"\\u5916\\u6ccc\\u4f53"`` → ``"外泌体"``): the
    same JSON, in which reading can tell the script (a record exported as ASCII may be in Traditional
    characters) and the glossary can find its terms. Any other text is returned as it is."""
    if "\\u" not in text or sniff(text) is not None:
        return text
    written = _CJK_ESCAPE.sub(lambda m: m.group(1) + chr(int(m.group(2), 16)), text)
    return normalize_text(written) if written != text else text


def parse(text: str, origin: Origin) -> Entry:
    """Parse a platform record into an :class:`Entry` (``id``/``slug`` left empty)."""
    record = read_record(text, origin)
    title = record_titles(record)
    abstract = record_abstracts(record)
    authors, affiliations = record_authors(record)
    journal, volume, issue, pages, article_number = record_journal(record)
    dates, year = record_dates(record, issue_year(record), in_issue=bool(volume or issue))
    doi = normalize_doi(record.string("doi")) or normalize_doi(record.string("DOIUrl"))
    if doi is None:
        record.warn("doi", "the record gives no DOI")
    keywords = record_keywords(record)
    _compare_outer_inner(record)
    entry = Entry(
        id="",
        slug="",
        source=origin.path,
        family=name,
        title=title,
        authors=authors,
        affiliations=affiliations,
        journal=journal,
        year=year,
        volume=volume,
        issue=issue,
        pages=pages,
        article_number=article_number,
        doi=doi,
        pmid=record.string("pmid") or record.string("PMID"),
        pmcid=record.string("PMCID") or find_pmcid(record.string("openAccessPdf")),
        dates=dates,
        metrics=_metrics(record),
        urls=_urls(record),
        license=record.string("license"),
        publication_type=_publication_type(record.get("publicationTypes")),
        abstract=abstract,
        keywords=keywords,
        warnings=tuple(dict.fromkeys(record.warnings)),
    )
    return half_width_fields(entry)


def _metrics(record: Record) -> Metrics:
    return Metrics(
        impact_factor=_number(record.get("PeriodicalIF"), float),
        jcr_quartile=record.string("JCR"),
        jcr_category=record.string("JCRName"),
        cas_region=_number(record.get("RegionNum"), int),
        cas_category=record.string("RegionCategory"),
        citation_count=_number(record.get("citationCount"), int),
    )


def _number(value: Any, kind: type) -> Any:
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if kind is int else number


def _urls(record: Record) -> tuple[Link, ...]:
    links: list[Link] = []
    pdf = record.string("openAccessPdf")
    for key, rel in (
        ("ListUrlMain", "landing"),
        ("url", "landing"),
        ("DOIUrl", "doi"),
        ("openAccessPdf", "open-access-pdf"),
    ):
        url = record.string(key)
        if not url or not url.startswith(("http://", "https://")):
            continue
        if rel == "landing" and normalize_doi(url) and "doi.org/" in url:
            rel = "doi"
        if all(link.url != url for link in links):
            links.append(Link(rel=rel, url=url))
    open_access = record.get("isOpenAccess")
    if open_access is False and pdf:
        record.warn(
            "urls", "the record says isOpenAccess=false but gives an open-access PDF link", "isOpenAccess=false", pdf
        )
    if open_access is True and not pdf:
        record.warn("urls", "the record says isOpenAccess=true but gives no open-access PDF link", "isOpenAccess=true")
    return tuple(links)


def _publication_type(value: Any) -> str | None:
    if isinstance(value, list):
        value = "; ".join(text for text in map(json_text, value) if text)
    return json_text(value)


def _compare_outer_inner(record: Record) -> None:
    """Warn where the outer record and ``resultStr`` give different values for the same key (not for the
    authors given in Chinese in one and in Latin script in the other, which are paired)."""
    for key in _COMPARED_KEYS:
        outer, inner = record.outer.get(key), record.inner.get(key)
        if outer in (None, "") or inner in (None, ""):
            continue
        if key == "authors" and has_cjk(str(outer)) != has_cjk(str(inner)):
            continue
        if one_line(str(outer)).lower() != one_line(str(inner)).lower():
            record.warn(key, f"the record and its resultStr give different {key}", outer, inner)
