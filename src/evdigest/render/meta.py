"""Machine-readable metadata of an entry page: Highwire ``citation_*`` tags, JSON-LD and Open Graph."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Entry, Reference, quick_pickling
from ..preprints import entry_preprint, posting_url
from ..refs.csl_names import family_first
from ..refs.links import doi_url
from .cites import strip_cites
from .i18n import Edition
from .names import article_language, licence_url, pick, publication_date, scholar_name, split_pages
from .refview import RefKey, looked_up
from .safe import to_text

# The Highwire Press tags Google Scholar's inclusion guidelines name, in the order they are written.
CITATION_TAGS = (
    "citation_title",
    "citation_author",
    "citation_publication_date",
    "citation_online_date",
    "citation_journal_title",
    "citation_publisher",
    "citation_issn",
    "citation_volume",
    "citation_issue",
    "citation_firstpage",
    "citation_lastpage",
    "citation_doi",
    "citation_pdf_url",
    "citation_language",
    "citation_reference",
)


@quick_pickling
@dataclass(frozen=True, slots=True)
class MetaTag:
    """One ``<meta>``: a name (or Open Graph property) and its content."""

    name: str
    content: str


def scholar_date(iso: str | None) -> str | None:
    """Google Scholar's date form: ``2025/07/17``, ``2025/07`` or ``2025``."""
    return iso.replace("-", "/") if iso else None


def citation_tags(
    entry: Entry, edition: Edition, pdf_url: str | None, tag: Callable[[Reference], str] | None = None
) -> list[MetaTag]:
    """The ``citation_*`` tags of an entry, authors in printed order, empty fields left out (``tag``: what
    writes a reference's tag, :func:`reference_tag` by default).

    A preprint (:func:`~evdigest.preprints.entry_preprint`) names no journal: its server is its
    ``citation_publisher`` (as preprint servers tag their own pages; Zotero reads it), dated the month it was
    posted (``citation_online_date``); the report tags Google Scholar reads would make it a technical report."""
    title, _ = pick(edition.primary, to_text(entry.title.en), to_text(entry.title.zh))
    journal, _ = pick(edition.primary, entry.journal.name, entry.journal.name_zh)
    first, last = split_pages(entry.pages)
    if not first and entry.article_number:
        first = entry.article_number
    preprint = entry_preprint(entry)
    pairs: list[tuple[str, str | None]] = [("citation_title", title)]
    pairs += [("citation_author", scholar_name(a, edition.primary)) for a in entry.authors]
    pairs += [
        ("citation_publication_date", scholar_date(publication_date(entry))),
        ("citation_online_date", scholar_date(entry.dates.online or entry.dates.epub)),
        ("citation_journal_title", journal),
        ("citation_publisher", preprint.server if preprint else None),
        ("citation_issn", entry.journal.issn),
        ("citation_volume", (entry.volume or "").strip() or None),
        ("citation_issue", entry.issue),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", entry.doi),
        ("citation_pdf_url", pdf_url),
        ("citation_language", article_language(entry)),
    ]
    tag = tag or reference_tag
    pairs += [("citation_reference", tag(ref)) for ref in entry.references]
    return [MetaTag(name, value) for name, value in pairs if value]


def _csl_authors(csl: dict[str, Any]) -> list[str]:
    """``Family, Given`` of each author, a particle dropped when names are sorted after the given names
    (``Beauvoir, Simone de``)."""
    names = []
    for person in csl.get("author", []) or []:
        if person.get("literal"):
            names.append(person["literal"])
        elif person.get("family"):
            names.append(family_first(person))
    return names


def _csl_year(csl: dict[str, Any]) -> str | None:
    parts = (csl.get("issued") or {}).get("date-parts") or []
    if parts and parts[0] and parts[0][0]:
        return str(parts[0][0])
    return None


def reference_tag(ref: Reference) -> str:
    """One ``citation_reference`` value: Highwire ``key=value;`` pairs from the CSL item, else the printed text."""
    csl = ref.csl or {}
    if not csl.get("title"):
        return to_text(ref.raw)
    pairs = [("citation_title", csl.get("title"))]
    pairs += [("citation_author", name) for name in _csl_authors(csl)]
    first, last = split_pages(str(csl.get("page") or ""))
    pairs += [
        ("citation_journal_title", csl.get("container-title")),
        ("citation_volume", csl.get("volume")),
        ("citation_issue", csl.get("issue")),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_publication_date", _csl_year(csl)),
        ("citation_doi", csl.get("DOI")),
    ]
    return "; ".join(f"{key}={to_text(str(value)).replace(';', ',')}" for key, value in pairs if value)


class ReferenceTags:
    """:func:`reference_tag` of each distinct reference once: the references of one work printing one string
    share their tag across the pages of a site's editions and entries."""

    def __init__(self) -> None:
        self._made: dict[RefKey, tuple[dict[str, Any] | None, str]] = {}

    def __call__(self, ref: Reference) -> str:
        key, made = looked_up(self._made, ref.csl, ref.raw, False)
        if made is None:
            made = reference_tag(ref)
            self._made[key] = (ref.csl, made)
        return made


def abstract_text(entry: Entry, primary: str) -> str:
    """The plain text of the abstract a page in language ``primary`` shows first (the other one when the
    entry has none in ``primary``), without citation markers."""
    first, second = (
        (entry.abstract.zh, entry.abstract.en) if primary == "zh" else (entry.abstract.en, entry.abstract.zh)
    )
    return " ".join(strip_cites(to_text(section.text)) for section in first or second)


def json_ld(
    entry: Entry,
    edition: Edition,
    canonical: str,
    pdf_url: str | None,
    abstract: str,
    cited: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """A schema.org ``ScholarlyArticle`` describing the entry (with its PDF, ``pdf_url``, when the site has one;
    ``cited``: its :func:`cited_works`, when the caller has them already).

    A preprint (:func:`~evdigest.preprints.entry_preprint`) has the server as its ``publisher``, the status
    ``Preprint`` and its identifier there (``ChinaXiv`` ``201712.00265``) beside any DOI. The DOI's page and the
    page of the posting (a review a journal published keeps it too) are its ``sameAs``."""
    title, other = pick(edition.primary, to_text(entry.title.en), to_text(entry.title.zh))
    title = title or entry.slug
    journal, _ = pick(edition.primary, entry.journal.name, entry.journal.name_zh)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": title,
        "name": title,
        "url": canonical,
        "inLanguage": "zh-Hans" if article_language(entry) == "zh" else "en",
        "author": [{"@type": "Person", "name": scholar_name(a, edition.primary)} for a in entry.authors],
    }
    if pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": pdf_url, "encodingFormat": "application/pdf"}
    optional = {
        "alternativeHeadline": other,
        "datePublished": publication_date(entry),
        "abstract": abstract or None,
        "keywords": pick(edition.primary, ", ".join(entry.keywords.en), ", ".join(entry.keywords.zh))[0] or None,
        "license": licence_url(entry.license),
        "pagination": entry.pages,
        "sameAs": _same_as(entry),
    }
    data.update({k: v for k, v in optional.items() if v})
    if journal:
        periodical: dict[str, Any] = {"@type": "Periodical", "name": journal}
        if entry.journal.issn:
            periodical["issn"] = entry.journal.issn
        data["isPartOf"] = periodical
    ids = [("DOI", entry.doi)] if entry.doi else []
    preprint = entry_preprint(entry)
    if preprint:
        data["creativeWorkStatus"] = "Preprint"
        data["publisher"] = {"@type": "Organization", "name": preprint.server}
        ids.append((preprint.server, preprint.id))
    if ids:
        shown = [{"@type": "PropertyValue", "propertyID": kind, "value": value} for kind, value in ids]
        data["identifier"] = shown[0] if len(shown) == 1 else shown
    data["citation"] = cited_works(entry) if cited is None else cited
    return data


def cited_works(entry: Entry) -> list[dict[str, str]]:
    """The JSON-LD ``citation`` of an entry: each reference as printed."""
    return [{"@type": "CreativeWork", "name": to_text(r.raw)} for r in entry.references]


def _same_as(entry: Entry) -> str | list[str] | None:
    """The pages of the paper elsewhere: its DOI's, then its posting's at a preprint server."""
    pages = [doi_url(entry.doi) if entry.doi else None]
    pages.append(posting_url(entry.preprint) if entry.preprint else None)
    found = [page for page in pages if page]
    return found[0] if len(found) == 1 else found or None


def open_graph(
    title: str, description: str, canonical: str, edition: Edition, others: list[Edition], site: str
) -> list[MetaTag]:
    """Open Graph properties of a page (``og:locale:alternate`` for the other editions)."""
    tags = [
        MetaTag("og:type", "article"),
        MetaTag("og:title", title),
        MetaTag("og:description", description),
        MetaTag("og:url", canonical),
        MetaTag("og:site_name", site),
        MetaTag("og:locale", edition.og_locale),
    ]
    tags += [MetaTag("og:locale:alternate", e.og_locale) for e in others]
    return [t for t in tags if t.content]
