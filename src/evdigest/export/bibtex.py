"""BibTeX export of CSL items (UTF-8; names kept as printed, Chinese ones included).

A conference paper is an ``@inproceedings`` with its proceedings as ``booktitle`` and its conference (CSL
``event-title`` or ``event``) as biblatex's ``eventtitle``, its place (``event-place``) as ``venue``.

A reader's note (CSL ``annote``: a reference read only in part) is ``annote``, which Zotero and JabRef show
and biblatex styles do not print (``note`` they print). A preprint (CSL ``article`` of a server,
:func:`~.common.eprint`) is a ``@misc`` with ``eprint`` and
``eprinttype``. A translated title (``translated-title``) is written as ``usere``, the field biblatex-chicago prints as the
title's translation; other styles leave it out. Pages are ``pages``, but a book's or a thesis's cited pages are the
note ``Cited pages: 12--30`` (:data:`~.common.LENGTH_TYPES`), after the item's own note.

Text fields escape BibTeX's special characters ``\\ { } % & _ # $ ^ ~``; ``doi`` and
``url`` are verbatim fields in biblatex and are written as they are, braces percent-encoded only where they do not
pair up (:func:`verbatim`).  A cut-short
author or editor list ends in ``and others``. Editors are ``editor`` (of the book a chapter or paper is in, or of an
edited book), translators ``translator`` (biblatex's field; Zotero's import reads it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..refs.cite_keys import citation_keys
from ..refs.csl_names import name_parts
from ..refs.pages import page_bounds
from .common import LENGTH_TYPES, accessed_date, cited_pages_note, date_parts, eprint, inverted_name

SUFFIX = ".bib"

ENTRY_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
}
# The entry types whose pages Zotero's BibTeX import reads as the work's number of pages (numPages): a book's or
# a thesis's cited pages are a note instead (a report's pages stay pages, which Zotero reads as pages)
# The fields holding a title, whose words may need their capitals kept (:func:`protect_case`)
TITLES = frozenset({"title", "usere"})
# One character BibTeX treats specially: "&", "%", "{"
SPECIAL_RE = re.compile(r"[\\{}%&_#$^~]")
SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "#": r"\#",
    "$": r"\$",
    "^": r"\^{}",
    "~": r"\~{}",
}
# Characters a verbatim field cannot hold unbalanced: "{", "}"
VERBATIM_UNSAFE_RE = re.compile(r"[{}]")
# Runs of whitespace (a field value is one line): "\n\n"
SPACE_RE = re.compile(r"\s+")


def escape(text: str) -> str:
    """``"A & B_{1} 50%"`` -> ``"A \\& B\\_\\{1\\} 50\\%"`` (and whitespace runs become one space)."""
    return SPECIAL_RE.sub(lambda m: SPECIAL[m.group(0)], SPACE_RE.sub(" ", text).strip())


# A backslash that is not a whole escaped character ("\&", "\%"): part of a command a run cuts ("\^{}")
COMMAND_RE = re.compile(r"\\(?![&%_#$])")
# A run of a title's Latin text between spaces, brackets, quotes and Chinese: "EGFR", "TAT-5", "miRNA"
WORD_RUN_RE = re.compile(r"[^\s(){}\[\]\"“”\u3000-\u9fff\uff00-\uffef]+")
# A run's parts and what joins them: "LC", "-", "MS", "/", "MS"
PART_RE = re.compile(r"([-/–])")


def keeps_case(part: str) -> bool:
    """Whether a word must keep its capitals in a style that lowers a title's case: a capital after its first
    character (``mRNA``, ``miR``, ``pH``, ``CD63``, ``ATPase``) or a capital with digits (``Rab27a``, ``L1``,
    ``3D``); not a word capitalised only as the first of its word (``Exosomes``, ``Derived``) nor one without
    capitals (``p53``)."""
    return any(c.isupper() for c in part[1:]) or (any(c.isupper() for c in part) and any(c.isdigit() for c in part))


def is_number_part(part: str) -> bool:
    """A part of a compound that numbers the word before it: no letters (``5``) or digits without capitals
    (``125b``, ``5p``)."""
    return not any(c.isalpha() for c in part) or (any(c.isdigit() for c in part) and not any(c.isupper() for c in part))


def protect_case(text: str) -> str:
    """An escaped title with each word that must keep its capitals in braces (``{EGFR}``, ``{miRNA}``,
    ``{Rab27a}``), so that a style writing titles in sentence case does not lower them. The parts of a
    compound are judged one by one (``{MSC}-derived``; ``Cell-Derived`` of a title-case title is left to the
    style), a capitalised part after one in lower case keeping its capital (``c-{Myc}``); parts without
    letters or with digits and no capitals go with the braced part before them (``{PD-1}``, ``{miR-125b-5p}``)."""

    def braced(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word.rstrip(".,:;!?")
        if COMMAND_RE.search(core):  # a command's part
            return word
        pieces = PART_RE.split(core)  # words at even places, joiners at odd ones
        keep = [keeps_case(piece) if i % 2 == 0 else False for i, piece in enumerate(pieces)]
        for i in range(2, len(pieces), 2):  # "Myc" of "c-Myc": a capital after a word in lower case
            before = pieces[i - 2]
            if pieces[i][:1].isupper() and before[:1].islower() and not keep[i - 2]:
                keep[i] = True
        for i in range(2, len(pieces), 2):  # "5" of "TAT-5", "125b" of "miR-125b": kept with the word before it
            if keep[i - 2] and is_number_part(pieces[i]):
                keep[i] = keep[i - 1] = True
        for i in range(2, len(pieces), 2):  # "LC-MS": the joiner between two kept words is kept with them
            if keep[i - 2] and keep[i]:
                keep[i - 1] = True
        out, run = [], []
        for piece, kept in zip(pieces, keep, strict=True):
            if kept:
                run.append(piece)
                continue
            if run:
                out.append("{" + "".join(run) + "}")
                run = []
            out.append(piece)
        if run:
            out.append("{" + "".join(run) + "}")
        return "".join(out) + word[len(core) :]

    return WORD_RUN_RE.sub(braced, text)


def balanced(text: str) -> bool:
    """Whether every ``}`` of ``text`` closes a ``{`` before it and every ``{`` is closed."""
    depth = 0
    for char in VERBATIM_UNSAFE_RE.findall(text):
        depth += 1 if char == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def verbatim(text: str) -> str:
    """A DOI or URL for a verbatim field, as it is (``10.1021/x.9b00_1{2}``, ``#``, ``%`` and ``_`` included):
    BibTeX reads a field to its closing brace and biblatex's verbatim fields take no escapes, so braces are
    written as they are when they pair up, and only braces that do not (which would end the field or run it
    on) are percent-encoded, as a resolver reads them."""
    text = text.strip()
    return text if balanced(text) else VERBATIM_UNSAFE_RE.sub(lambda m: "%7B" if m.group(0) == "{" else "%7D", text)


def authors_field(names: Sequence[dict[str, Any]], et_al: bool) -> str:
    """``Kalluri, R. and LeBleu, V. S. and others``; a literal (organisation) name in braces; a particle dropped when
    names are sorted before the family name (``de Beauvoir, Simone``); a suffix as the name's third part
    (``King, Jr, Martin Luther``)."""
    parts = []
    for name in names:
        if "literal" in name:
            parts.append("{" + escape(name_parts(name)[0]) + "}")
        else:
            parts.append(escape(inverted_name(name, bibtex=True)))
    if et_al and parts:
        parts.append("others")
    return " and ".join(parts)


def entry_fields(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> list[tuple[str, str]]:
    """The ``(field, value)`` pairs of one entry, in a fixed order, values already escaped."""
    fields: list[tuple[str, str]] = []
    cut_short = {"author": et_al, "editor": editors_et_al}
    for key in ("author", "editor", "translator"):  # translator: biblatex's, read by Zotero and JabRef
        if item.get(key):
            fields.append((key, authors_field(item[key], cut_short.get(key, False))))
    text = {
        "title": item.get("title"),
        "usere": item.get("translated-title"),  # biblatex-chicago's translated title
        "journal": item.get("container-title"),
        "shortjournal": item.get("container-title-short"),
        "booktitle": None,
        "eventtitle": None,  # biblatex's conference name of a paper in proceedings
        "venue": None,  # and the conference's place
        "publisher": item.get("publisher"),
        "address": item.get("publisher-place"),
    }
    if ENTRY_TYPES.get(str(item.get("type"))) in ("incollection", "inproceedings"):
        text["booktitle"], text["journal"] = text["journal"], None
    if ENTRY_TYPES.get(str(item.get("type"))) == "inproceedings":
        text["eventtitle"] = item.get("event-title") or item.get("event")
        text["venue"] = item.get("event-place")
    if ENTRY_TYPES.get(str(item.get("type"))) == "phdthesis":  # a thesis's publisher is its university
        text = {("school" if key == "publisher" else key): value for key, value in text.items()}
    posted = eprint(item)
    if posted:  # a preprint's server is its eprinttype, not a publisher
        text["publisher"] = None
    fields += [(k, protect_case(escape(str(v))) if k in TITLES else escape(str(v))) for k, v in text.items() if v]
    fields += _numbers(item)
    for key, source in (("doi", "DOI"), ("url", "URL")):
        if item.get(source):
            fields.append((key, verbatim(str(item[source]))))
    if posted:
        fields += [("eprint", escape(posted[1])), ("eprinttype", escape(posted[0]))]
    accessed = accessed_date(item)
    if accessed:
        fields.append(("urldate", accessed))
    for key, source in (("pmid", "PMID"), ("pmcid", "PMCID"), ("issn", "ISSN"), ("isbn", "ISBN")):
        if item.get(source):
            fields.append((key, escape(str(item[source]))))
    if item.get("status"):
        fields.append(("pubstate", pubstate(str(item["status"]))))
    text_fields = (("abstract", "abstract"), ("keywords", "keyword"), ("langid", "language"), ("note", "note"))
    noted = {**item, "note": "; ".join(str(note) for note in (item.get("note"), cited_pages_note(item, "--")) if note)}
    for key, source in (*text_fields, ("annote", "annote")):
        if noted.get(source):
            value = str(noted[source])
            if key == "keywords":  # biblatex separates keywords with commas (CSL's "a; b" → "a, b")
                value = ", ".join(word.strip() for word in value.split(";") if word.strip())
            fields.append((key, escape(value)))
    return fields


PUBSTATES = {"in press": "inpress", "forthcoming": "forthcoming", "submitted": "submitted"}
"""CSL ``status`` words and biblatex's ``pubstate`` keys for them (biblatex prints a key in the reader's language)."""


def pubstate(status: str) -> str:
    """biblatex's ``pubstate`` of a CSL ``status``: its key where biblatex has one (``in press`` -> ``inpress``),
    else the words themselves."""
    return PUBSTATES.get(" ".join(status.lower().split()), escape(status))


def _numbers(item: dict[str, Any]) -> list[tuple[str, str]]:
    """year, month, edition, volume, number (issue), pages (``944--947``; not of a type in
    :data:`~.common.LENGTH_TYPES`) and eid (article number)."""
    fields: list[tuple[str, str]] = []
    parts = date_parts(item)
    if parts:
        fields.append(("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(("month", str(parts[1])))
    for key, source in (("edition", "edition"), ("volume", "volume"), ("number", "issue")):
        if item.get(source):
            fields.append((key, escape(str(item[source]))))
    if item.get("page") and str(item.get("type")) not in LENGTH_TYPES:
        first, last = page_bounds(str(item["page"]))
        fields.append(("pages", escape(f"{first}--{last}" if last else first)))
    if item.get("number") and not eprint(item):  # also as the pages: biblatex styles cite an article by its eid
        fields.append(("eid", escape(str(item["number"]))))
    return fields


def dumps(items: Sequence[tuple[Any, ...]]) -> str:
    """BibTeX for ``(csl item, et_al[, editors_et_al])`` tuples (:class:`~.common.Exported`), in the given order,
    keys stable and unique."""
    keys = citation_keys([one[0] for one in items])
    return join([record(*one, key=key) for key, one in zip(keys, items, strict=True)])


def record(item: dict[str, Any], et_al: bool = False, editors_et_al: bool = False, *, key: str) -> str:
    """One BibTeX entry under the citation key ``key``."""
    kind = ENTRY_TYPES.get(str(item.get("type")), "misc")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in entry_fields(item, et_al, editors_et_al))
    return f"@{kind}{{{key},\n{body}\n}}\n"


def join(records: Sequence[str]) -> str:
    """The file of ``records`` (:func:`record`), one blank line between them."""
    return "\n".join(records)
