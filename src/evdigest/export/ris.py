"""RIS export of CSL items (the tagged format EndNote, Zotero and Mendeley import).

One ``AU`` line per author (``Family, Given``; Chinese names as printed), one line per editor (:data:`EDITOR_TAGS`)
and one ``A4`` per translator; a cut-short author list adds the note ``N1  - et al.``, a cut-short editor list
``N1  - Editors et al.``; a translated title is ``TT``.
A conference paper's proceedings are ``C3``, its conference ``T2`` and the conference's place ``C1`` (Zotero's
proceedings title, conference name and place; ``CY`` stays the publisher's place).  Pages are ``SP``/``EP``, but a book's or a thesis's cited pages are the note ``N1  - Cited pages: 12-30``
(its ``SP`` is its number of pages to Zotero);
an article number is ``SP`` alone and also ``C7`` (article number in EndNote). A preprint is ``UNPB`` with its
server as ``DB`` and its identifier as ``AN`` (``ChinaXiv:201712.00265``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..refs.pages import page_bounds
from .common import LENGTH_TYPES, accessed_date, cited_pages_note, date_parts, eprint, inverted_name

SUFFIX = ".ris"

TYPES = {
    "article": "UNPB",  # a preprint
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "thesis": "THES",
    "report": "RPRT",
    "webpage": "ELEC",
    "patent": "PAT",
    "standard": "STAND",
    "dataset": "DATA",
    "software": "COMP",
}
# The tag of an editor by record type, as Zotero's import reads them: A2 (secondary author) is the editor of a
# chapter, a conference paper or an article, but a book's series editor, whose editor is A3; ED (the older
# secondary author) is an editor in every type, for the types where A2 is someone else (a report's series
# editor, a thesis's or a web page's unknown).
EDITOR_TAGS = {"BOOK": "A3", "CHAP": "A2", "CPAPER": "A2", "JOUR": "A2", "GEN": "A2"}
# Line breaks inside a value (a RIS value is one line): "\r\n"
NEWLINES_RE = re.compile(r"\s*[\r\n]+\s*")


def _line(tag: str, value: Any) -> str:
    return f"{tag}  - {NEWLINES_RE.sub(' ', str(value)).strip()}"


def record_lines(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> list[str]:
    """The lines of one RIS record, ``TY`` first and ``ER`` last."""
    kind = TYPES.get(str(item.get("type")), "GEN")
    lines = [_line("TY", kind)]
    names = (("AU", "author"), (EDITOR_TAGS.get(kind, "ED"), "editor"), ("A4", "translator"))
    for tag, key in names:  # A4 (subsidiary author): Zotero's translator
        for name in item.get(key) or []:
            lines.append(_line(tag, inverted_name(name)))
    lines += _titles(item, kind)
    parts = date_parts(item)
    if parts:
        lines.append(_line("PY", parts[0]))
        lines.append(
            _line("DA", "/".join(f"{p:02d}" if isinstance(p, int) and i else str(p) for i, p in enumerate(parts)))
        )
    lines += _numbers(item)
    posted = eprint(item)
    tail = (
        ("PB", "publisher"),
        ("CY", "publisher-place"),
        ("SN", "ISSN"),
        ("SN", "ISBN"),
        ("DO", "DOI"),
        ("UR", "URL"),
    )
    lines += [_line(tag, item[key]) for tag, key in tail if item.get(key) and not (posted and tag == "PB")]
    if kind == "CPAPER" and item.get("event-place"):  # Zotero's place of a conference paper (CY is not read)
        lines.append(_line("C1", item["event-place"]))
    if posted:  # the server as the database, the identifier as the accession number
        lines += [_line("DB", posted[0]), _line("AN", f"{posted[0]}:{posted[1]}")]
    accessed = accessed_date(item, "/")
    if accessed:
        lines.append(_line("Y2", accessed))
    if item.get("PMID"):
        lines.append(_line("AN", f"PMID:{item['PMID']}"))
    if item.get("abstract"):
        lines.append(_line("AB", item["abstract"]))
    for keyword in str(item.get("keyword") or "").split(";"):
        if keyword.strip():
            lines.append(_line("KW", keyword))
    if item.get("language"):
        lines.append(_line("LA", item["language"]))
    lines += [_line("N1", item[key]) for key in ("note", "annote") if item.get(key)]
    if item.get("status"):  # RIS has no tag for it: "in press", "forthcoming"
        lines.append(_line("N1", item["status"]))
    cited = cited_pages_note(item, "-")
    if cited:
        lines.append(_line("N1", cited))
    if et_al:
        lines.append(_line("N1", "et al."))
    if editors_et_al and item.get("editor"):
        lines.append(_line("N1", "Editors et al."))
    lines.append("ER  - ")
    return lines


def _titles(item: dict[str, Any], kind: str) -> list[str]:
    """TI, TT, the container's title and J2. A conference paper's proceedings are ``C3`` and its conference
    (CSL ``event-title``, ``event`` before CSL 1.0.2) ``T2``, as Zotero reads them; other types' container ``T2``."""
    container = "C3" if kind == "CPAPER" else "T2"
    event = (item.get("event-title") or item.get("event")) if kind == "CPAPER" else None
    pairs = (
        ("TI", item.get("title")),
        ("TT", item.get("translated-title")),
        ("T2", event),
        (container, item.get("container-title")),
        ("J2", item.get("container-title-short")),
    )
    return [_line(tag, value) for tag, value in pairs if value]


def _numbers(item: dict[str, Any]) -> list[str]:
    """ET (edition), VL, IS, SP, EP (not of a book or thesis: :data:`~.common.LENGTH_TYPES`) and C7 (article number)."""
    numbered = (("ET", "edition"), ("VL", "volume"), ("IS", "issue"))
    lines = [_line(tag, item[key]) for tag, key in numbered if item.get(key)]
    if item.get("page") and str(item.get("type")) not in LENGTH_TYPES:
        first, last = page_bounds(str(item["page"]))
        lines.append(_line("SP", first))
        if last:
            lines.append(_line("EP", last))
    if item.get("number") and not eprint(item):
        lines.append(_line("C7", item["number"]))
    return lines


def dumps(items: Sequence[tuple[Any, ...]]) -> str:
    """RIS for ``(csl item, et_al[, editors_et_al])`` tuples (:class:`~.common.Exported`), in the given order
    (CRLF-free, one blank line between records)."""
    return join([record(*one) for one in items])


def record(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> str:
    """One RIS record, ending with a line break."""
    return "\n".join(record_lines(item, et_al, editors_et_al)) + "\n"


def join(records: Sequence[str]) -> str:
    """The file of ``records`` (:func:`record`), one blank line between them."""
    return "\n".join(records)
