"""Links for a reference: its DOI, its PubMed record, or a search that finds it.

* DOI -> ``https://doi.org/<doi>``
* PMID -> ``https://pubmed.ncbi.nlm.nih.gov/<pmid>/``
* Chinese reference without DOI -> a CNKI search for its title (and first author)
* otherwise -> a PubMed search built from the title and the first author
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from ..text import CJK_IDEOGRAPH as CJK_RE

DOI_RESOLVER = "https://doi.org/"
PUBMED = "https://pubmed.ncbi.nlm.nih.gov/"
CNKI_SEARCH = "https://kns.cnki.net/kns8s/defaultresult/index"

# A prefix a DOI is sometimes printed with: "https://doi.org/10.1/x", "doi: 10.1/x", "DOI:10.1/x"
DOI_PREFIX_RE = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi\s*[:：]\s*)", re.IGNORECASE)
# Characters a DOI keeps unescaped in a URL path: "10.1126/science.aau6977"
DOI_SAFE = "/:;()._-"


@dataclass(frozen=True, slots=True)
class RefLink:
    """One link of a reference: ``kind`` is ``doi``, ``pubmed``, ``pubmed-search`` or ``cnki-search``; ``label``
    names where it leads (``DOI``, ``PubMed``, ``CNKI``): the formatted reference prints the DOI itself."""

    kind: str
    url: str
    label: str


def clean_doi(doi: str) -> str:
    """Strip a resolver or ``doi:`` prefix and trailing punctuation: ``doi: 10.1/X.`` -> ``10.1/X``."""
    return DOI_PREFIX_RE.sub("", doi).strip().rstrip(".,;")


def doi_url(doi: str) -> str:
    """``10.1126/science.aau6977`` -> ``https://doi.org/10.1126/science.aau6977`` (unsafe characters escaped)."""
    return DOI_RESOLVER + quote(clean_doi(doi), safe=DOI_SAFE)


def pubmed_url(pmid: str | int) -> str:
    """The PubMed record of a PMID."""
    return f"{PUBMED}{str(pmid).strip()}/"


def is_chinese(item: dict[str, Any]) -> bool:
    """True for a Chinese reference: CSL ``language`` ``zh…``, or a title in Chinese characters."""
    language = str(item.get("language") or "").lower()
    if language.startswith("zh"):
        return True
    return not language and bool(CJK_RE.search(str(item.get("title") or "")))


def first_author(item: dict[str, Any]) -> str:
    """The first author as a search term: ``Kalluri R``, ``马元``, or ``""``."""
    authors = item.get("author") or []
    if not authors:
        return ""
    name = authors[0]
    if "literal" in name:
        return str(name["literal"])
    family = str(name.get("family") or "")
    given = str(name.get("given") or "")
    if CJK_RE.search(family):
        return family + given
    initials = "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part)
    return f"{family} {initials}".strip()


def pubmed_search_url(item: dict[str, Any]) -> str | None:
    """A PubMed search for the title and first author; ``None`` without a title."""
    title = str(item.get("title") or "").strip()
    if not title:
        return None
    term = title
    author = first_author(item)
    if author:
        term = f"{title} AND {author}[Author]"
    return f"{PUBMED}?{urlencode({'term': term})}"


def cnki_search_url(item: dict[str, Any]) -> str | None:
    """A CNKI search for the title (and first author); ``None`` without a title."""
    title = str(item.get("title") or "").strip()
    if not title:
        return None
    words = " ".join(part for part in (title, first_author(item)) if part)
    return f"{CNKI_SEARCH}?{urlencode({'korder': 'SU', 'kw': words})}"


def reference_links(item: dict[str, Any]) -> list[RefLink]:
    """Every link that applies to a CSL item, best first (DOI, PubMed record, then a search)."""
    links: list[RefLink] = []
    if item.get("DOI"):
        doi = clean_doi(str(item["DOI"]))
        links.append(RefLink("doi", doi_url(doi), "DOI"))
    if item.get("PMID"):
        links.append(RefLink("pubmed", pubmed_url(item["PMID"]), f"PMID {item['PMID']}"))
    if links:
        return links
    if is_chinese(item):
        url = cnki_search_url(item)
        if url:
            links.append(RefLink("cnki-search", url, "CNKI"))
    else:
        url = pubmed_search_url(item)
        if url:
            links.append(RefLink("pubmed-search", url, "PubMed"))
    return links


def best_link(item: dict[str, Any]) -> RefLink | None:
    """The one link to show for a reference, or ``None`` when nothing identifies it."""
    links = reference_links(item)
    return links[0] if links else None
