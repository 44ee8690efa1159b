"""Reference strings -> CSL-JSON items.

``parse_reference`` reads one printed reference (Vancouver/NLM, GB/T 7714,
APA/Harvard-like journal strings) into a strict CSL-JSON item.  It never
raises: a string it cannot read keeps its ``raw`` text with
``status="failed"``; a string read only in part is ``partial`` and
``problems`` says what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from evdigest.refs.name_case import recase_capitals
from evdigest.refs.parse_bracketed import note_authors, read_bracketed_book
from evdigest.refs.parse_clean import Cleaned, clean
from evdigest.refs.parse_commas import read_comma_book, title_before_place
from evdigest.refs.parse_edited import opens_with_editors, read_edited, read_unedited_chapter
from evdigest.refs.parse_editors import put_editors, take_editor_label, take_editors_et_al
from evdigest.refs.parse_names import LONE_NAME, read_authors
from evdigest.refs.parse_places import journal_and_place
from evdigest.refs.parse_source import (
    Tail,
    clean_journal,
    clean_title,
    date_parts,
    find_year,
    read_publisher,
    read_tail,
    read_tail_before_notes,
    split_title_journal,
)
from evdigest.refs.parse_translators import take_translators, translated_book, whole_foreign_names
from evdigest.refs.parse_types import (
    SENTENCE_END,
    read_cited_book,
    read_in_chapter,
    read_newspaper,
    read_other,
    read_publication,
    read_unnumbered,
    take_closing_publication,
)
from evdigest.refs.parse_words import JOURNAL_WORDS

from ..model import quick_pickling
from ..text import CJK_IDEOGRAPH as _CJK

# GB/T 7714 document type codes -> CSL types.
TYPE_CODES = {
    "J": "article-journal",
    "M": "book",
    "D": "thesis",
    "C": "paper-conference",
    "EB": "webpage",
    "R": "report",
    "P": "patent",
    "S": "standard",
    "N": "article-newspaper",
    "A": "chapter",
    "G": "book",
    "Z": "document",
    "DB": "dataset",
    "CP": "software",
}
# "[J]", "[EB/OL]", "[J/OL]": a GB/T 7714 type code.
_TYPE_CODE = re.compile(r"\[(?P<code>J|M|D|C|N|R|P|S|A|G|Z|DB|CP|EB)(?:/OL)?\]")
# "(2011). ", "2011. ": the year printed right after the authors (APA, Harvard).
_LEADING_YEAR = re.compile(
    r"^\s*\(?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter)[a-z]*\.?(?:\s+\d{1,2})?)?"
    r"\)?[.,:]?\s*"
)
# "(n.d.). ", "(s. d.). ": no date printed (APA; French "sans date").
_NO_DATE = re.compile(r"^\s*\((?:n|s)\.\s?d\.\)[.,]?\s*")
# "WHO. ", "国家卫生健康委员会. ": an organisation as author before the title.
_ORGANISATION = re.compile(r"^(?P<name>[^.]{2,60}?)\.\s+(?=\S)")
# "editors. ", "(Eds.). ", "(Eds.) ", "eds., ": the label after an author list that names editors.
_EDITORS_LABEL = re.compile(r"^(?:(?:editors?|eds?\.?)\s*[.,]|\s*\(eds?\.?\)\s*[.,]?)\s*", re.IGNORECASE)
# "director. ", "performers. ": MLA's role of the people named before it in a film, a recording or a show, who stay
# its authors
_ROLE_LABEL = re.compile(
    r"^(?:director|performer|creator|narrator|host|producer|composer|conductor|illustrator)s?\.\s+(?=\S)"
)
# ". DVD. ", ". Blu-ray. ": the medium of a film or a recording, printed as a sentence after its title
_MEDIUM = re.compile(r"(?<=\.)\s+(?:DVD|Blu-ray|VHS|CD|CD-ROM|LP|Videocassette)\.(?=\s)")
# "国家标准化管理委员会": a name in Chinese characters only.
_CJK_ONLY = re.compile(r"^[\u3400-\u9fff]+$")
# A word an abbreviated journal title leaves out (ISO 4): "The Journal of Urology", "Gynecology & Obstetrics"
_FULL_NAME_WORD = re.compile(r"(?:^|\s)(?:the|of|and|for|in|on|&|de|des|du|la|le|et|und|für)(?=\s|$)", re.IGNORECASE)
# The journal name of a preprint: "bioRxiv", "medRxiv", "arXiv", "Research Square", "SSRN", "Preprints"
_PREPRINT_SERVER = re.compile(
    r"^(?:bioRxiv|medRxiv|arXiv|ChemRxiv|Research Square|SSRN(?: Electronic Journal)?|Preprints(?:\.org)?|"
    r"Authorea|Qeios|OSF Preprints|SciELO Preprints)(?:\s*:.*)?$",
    re.IGNORECASE,
)
# A bioRxiv or medRxiv DOI: "10.1101/2021.01.01.425000", "10.1101/425000"
_PREPRINT_DOI = re.compile(r"^10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}")
# "WHO. ", "NICE. ", "CDC. ", "NIH, FDA. ": organisations' acronyms as the whole author list.
_ACRONYM = re.compile(r"^(?P<name>[A-Z][A-Z&\-]{1,9}(?:(?:,\s*|\s+and\s+)[A-Z][A-Z&\-]{1,9})*)\.\s+(?=[A-Z\d])")
# ", " or " and " between two acronyms of an author list: "NIH, FDA", "NIH and FDA"
_ACRONYM_SEPARATOR = re.compile(r",\s*|\s+and\s+")
# ". In: Jones K, editor. Book": where a Vancouver chapter names its host; ". Paper presented at: Meeting",
# ". Poster session presented at: ": where a paper read at a conference names the conference
_IN_HOST = re.compile(
    r"(?:[.,]\s+In|\.\s+in):?\s+|\.\s+(?P<presented>(?:(?:Paper|Poster(?:\s+session)?|Abstract|Presentation)\s+)?"
    r"[Pp]resented\s+at):?\s+"
)
# "e2103222", "eaa06977", "110391", "346ra92": an article number rather than a page (a single locator with a
# lower-case prefix or infix, or of five digits or more; "1337" stays a page, it may be the first page of a range).
_ARTICLE_NUMBER = re.compile(r"^(?:[a-z]{1,4}\d{3,}|\d{5,}|\d+[a-z]{1,3}\d+)$")
# "Homer. The Iliad", "Ovid. Metamorphoseon": a name of one word and a full stop, then a title opened by a capital or
# a quotation mark (not a second word alone: "Becker. Ernest. The Denial of Death" is a name printed amiss)
_LONE_NAME = re.compile(rf"^(?P<name>{LONE_NAME})\.\s+(?=[A-Z\"“‘'])(?![A-Z][a-zà-ÿ]*\.\s)")
# "Homer. (1991). ", "Homer. 1991. ": a name of one word and a full stop before the year printed after the authors
_LONE_NAME_DATED = re.compile(rf"^(?P<name>{LONE_NAME})\.\s+(?=\(?(?:1[5-9]|20)\d\d[a-z]?\)?\.\s)")
# "Nature 2001; London, UK", "Nature. 2001;410:1-5; London": a place printed after the year or the numbers and a
# semicolon, closing the text
_PLACE_AFTER_NUMBERS = re.compile(r"(?<=\d)\s*;\s*(?P<place>[^;:\d]{2,80}?)\s*\.?$")
# Fields a journal article needs before it counts as fully read.
_REQUIRED = ("author", "title", "container-title", "issued", "volume", "page")


@quick_pickling
@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One reference string read into a strict CSL-JSON item."""

    item: dict[str, Any]
    et_al: bool
    """The printed author list ends in "et al." / 等 (kept out of the CSL item)."""
    status: str
    """``full``, ``partial`` or ``failed``."""
    problems: tuple[str, ...]
    raw: str
    editors_et_al: bool = False
    """The printed editor list ends in "et al." / 等 (``王五, 等主编``, ``Jones K, et al., editors``; kept out of the
    CSL item as ``et_al`` is)."""


def parse_reference(raw: str) -> ParsedReference:
    """Read one printed reference into a CSL-JSON item; never raises, never loses ``raw``."""
    if not isinstance(raw, str) or not raw.strip():
        return ParsedReference({"type": "document"}, False, "failed", ("empty reference",), raw)
    cleaned = clean(raw)
    item: dict[str, Any] = {}
    translated = take_translators(cleaned.text)
    text, edited = take_editor_label(translated.text)  # "张三, 李四, 主编. 书名[M]": the names are editors
    # "Narboux, Jean-Philippe, L'illusion, Paris, Minuit, 2000.": the names end before the title
    book = None if translated.translators else read_comma_book(text, names=not cleaned.same_author)
    text = book.text if book else text
    authors = None if cleaned.same_author else note_authors(text, book.authors if book else read_authors(text))
    if authors and not book:  # "Smith, John, Exosomes, Cambridge, Massachusetts, 2000.": the title before the place
        text = title_before_place(text, authors.end) or text
    stop = SENTENCE_END.search(text, _names_close(text, authors.end)) if authors else None
    last = translated.follows_title == len(text) and not text[authors.end if authors else len(text) :].strip(" .")
    if last or stop and (opens_with_editors(text[stop.end() :]) or stop.end() == translated.follows_title):
        authors = None  # "Jane Eyre. Ed. Michael Mason.", "The Iliad. Trans. Robert Fagles.", "Madame Bovary.
        # Translated by Lydia Davis.": the editors or translators of a work follow its title, not its authors
    body = text[authors.end :] if authors else text
    et_al = bool(authors and authors.et_al)
    if translated.translators:
        item["translator"] = translated.translators
    if authors:
        item["author"] = whole_foreign_names(list(authors.names), translated.foreign)
        label = _EDITORS_LABEL.match(body)
        if label or edited:  # "Harnden P, Joffe JK, editors. Germ cell tumours V.": the people named edited the book
            put_editors(item, item.pop("author"), et_al)
            et_al = False
            body = body[label.end() :] if label else body
        role = _ROLE_LABEL.match(body)
        if role:  # "Hitchcock, Alfred, director. Vertigo. DVD.": the role and the medium are not the title's
            body = _MEDIUM.sub("", body[role.end() :], count=1)
    dated = None if authors else _LONE_NAME_DATED.match(body)
    if dated:  # "Homer. (1991). The Iliad.": an author known by one name, the year after it
        item["author"] = [{"literal": dated.group("name")}]
        body = body[dated.end() :]
    code = _TYPE_CODE.search(body)
    if code and not (authors or dated):
        body = _take_organisation(item, body, code)
        code = _TYPE_CODE.search(body)
    elif not (authors or dated):
        body = _take_acronym(item, body)
    if last and not code:  # "Madame Bovary. Translated by Lydia Davis.": a title and its translators alone
        item["title"] = clean_title(body)
        abbreviated, trailer = False, None
    else:
        abbreviated, trailer = (_read_coded(item, body, code), None) if code else _read_uncoded(item, body)
    abbreviated = not translated_book(item, translated) and abbreviated
    _take_lone_author(item)
    editors_et_al = take_editors_et_al(item)
    if cleaned.epub and not any(key in item for key in ("volume", "issue", "page")):
        cleaned.notes.append("online ahead of print")  # "Epub 2024 Jan 5" and no issue yet
    _add_ids(item, cleaned)
    if _CJK.search(" ".join([item.get("title", ""), item.get("container-title", ""), text[:40]])):
        item["language"] = "zh"
    elif item.get("container-title") and abbreviated and not _FULL_NAME_WORD.search(item["container-title"]):
        item["container-title-short"] = item["container-title"]  # "J Extracell Vesicles", not "The Journal of Urology"
    problems = (
        _problems(item, cleaned, cleaned.preprint or _is_preprint(item))
        + ([f"text after the numbers not read: {trailer}"] if trailer else [])
        + (
            [f"a damaged DOI printed as the locator, not read as volume, issue and pages: {cleaned.damaged_doi}"]
            if cleaned.damaged_doi
            else []
        )
    )
    status = _status(item, problems)
    if status == "failed":  # keep what identifies it, not a guessed title: the raw text is shown instead
        item = {key: item[key] for key in ("type", "DOI", "PMID", "PMCID", "URL", "language") if key in item}
        item["type"] = "document"
    else:  # GB/T 7714's capitals (KALLURI R) written as names are written elsewhere
        item = recase_capitals(item)
    return ParsedReference(item, et_al, status, tuple(problems), raw, editors_et_al)


def _take_organisation(item: dict[str, Any], body: str, code: re.Match[str]) -> str:
    """GB/T 7714 with no personal author: ``WHO. Title[R]`` -> literal author ``WHO``.

    Chinese organisations listed together (``国家市场监督管理总局, 国家标准化管理委员会``) are one author each.
    """
    first = _ORGANISATION.match(body[: code.start()])
    if not first:
        return body
    name = first.group("name")
    parts = [part.strip() for part in name.split(",")]
    names = parts if all(_CJK_ONLY.match(part) for part in parts) else [name]
    item["author"] = [{"literal": part} for part in names]
    return body[first.end() :]


def _take_lone_author(item: dict[str, Any]) -> None:
    """``Homer. The Iliad. London: Penguin, 1991.``, ``Ovid. Metamorphoseon. Edited by …``: a book (or a work read
    with its editors or translators) with no author read, whose title opens with a name of one word and a full stop,
    is by that one name (an author known by a single name); an article's title, which may open with a word and a full
    stop, and an abbreviation (``Proc.``) are left as read."""
    lone = _LONE_NAME.match(item.get("title", ""))
    if not lone or lone.group("name") in JOURNAL_WORDS or "author" in item or "container-title" in item:
        return
    if item.get("type") in ("article-journal", "document") and not ("translator" in item or "editor" in item):
        return
    item["author"] = [{"literal": lone.group("name")}]
    item["title"] = clean_title(item["title"][lone.end() :])  # "Virgil. \"The Aeneid\"": the quotes go too


def _take_acronym(item: dict[str, Any], body: str) -> str:
    """``WHO. Global tuberculosis report 2021. Geneva: …``: organisations known by their acronyms as authors."""
    first = _ACRONYM.match(body)
    if not first or not re.search(r"[.?!]\s", body[first.end() :]):
        return body
    item["author"] = [{"literal": name} for name in _ACRONYM_SEPARATOR.split(first.group("name"))]
    return body[first.end() :]


def _names_close(text: str, end: int) -> int:
    """Where the sentence closing an author list ending at ``end`` is looked for: its last character, or the year
    printed in brackets after it (``Fagles R. (1990) The Iliad.``), whose sentence is the names'."""
    return end if text.startswith("(", end) else len(text[:end].rstrip()) - 1


def _read_coded(item: dict[str, Any], body: str, code: re.Match[str]) -> bool:
    """GB/T 7714: ``title [J]. journal, year, volume(issue): pages``; True when a journal was read. A city printed
    after the journal's name (``Nature, London, 2001, 410(6831): 1-5``) is the journal's place, as in a reference
    printed without a code (:func:`~evdigest.refs.parse_places.journal_and_place`), not part of its name."""
    item["type"] = TYPE_CODES[code.group("code")]
    lead = _LEADING_YEAR.match(body, 0, code.start())
    year = lead.group("year") if lead and re.search(r"[.)]\s*$", lead.group()) else None
    if year:  # "Homer. (1991). The Iliad[M].", "张三. (2015). 外泌体[M].": the year printed after the authors
        body = body[lead.end() :]
        code = _TYPE_CODE.search(body) or code
    title = clean_title(body[: code.start()])
    rest = body[code.end() :].strip(" .,")
    if item["type"] == "article-journal":
        tail = read_tail(rest)
        journal = clean_journal(rest[: tail.start] if tail else rest)
        if not journal and re.search(r"[.?!]\s", title):
            title, journal = split_title_journal(title)
            title, journal = title or "", journal or ""
        placed = journal_and_place(journal) if journal else None
        if placed:  # "Nature, London, 2001, 410(6831): 1-5": the journal and its place, as printed without a code
            journal = placed[0]
        _put(item, "title", title)
        _put(item, "container-title", journal)
        _put(item, "publisher-place", placed[1] if placed else "")
        _put_tail(item, tail)
    else:
        read_other(item, body[: code.start()], rest, year)
    if year and "issued" not in item:
        item["issued"] = {"date-parts": [[int(year)]]}
    if item["type"] == "article-journal":
        return True
    if item["type"] == "thesis":  # [D] is any degree's thesis: Vancouver writes "[thesis]"
        item.setdefault("genre", "thesis")
    return False


def _read_uncoded(item: dict[str, Any], body: str) -> tuple[bool, str | None]:
    """Vancouver / APA: ``(year). title. journal. year;volume(issue):pages``.

    Returns whether the journal is printed the Vancouver way (abbreviated, year first) and any text left
    unread after the numbers.
    """
    placed = _journal_place_after_numbers(item, body)
    if placed:
        return placed
    lead = _LEADING_YEAR.match(body)
    year = lead.group("year") if lead and lead.group().strip() else None
    if year:
        body = body[lead.end() :]
    else:
        body = _NO_DATE.sub("", body)
    if read_newspaper(item, body) or read_edited(item, body, year) or read_bracketed_book(item, body, year):
        return False, None
    if read_unedited_chapter(item, body, year):
        return False, None
    tail, end = read_tail_before_notes(body)
    if year and tail and tail.year and tail.year != year and not tail.volume:
        tail.volume, tail.year = tail.year, None
    trailer = body[end:].strip(" .") or None
    body = body[:end]
    if tail is None and year is None and read_publisher(body):
        first = body.split(". ")[0]
        _put(item, "title", clean_title(first))
        item["type"] = "book"
        read_publication(item, body[len(first) :])
        return False, trailer
    chapter = _IN_HOST.search(body)
    if chapter and read_in_chapter(
        item, body[: chapter.start()], body[chapter.end() :], presented=bool(chapter.group("presented"))
    ):
        if year and "issued" not in item:
            item["issued"] = {"date-parts": [[int(year)]]}
        return False, take_closing_publication(item, trailer)
    if not (tail and (tail.volume or tail.issue)) and read_cited_book(item, body, year):
        return False, trailer
    if not (tail and (tail.volume or tail.issue or tail.page)) and read_unnumbered(item, body, year):
        return False, trailer
    nlm = bool(tail and tail.year_first and (tail.volume or tail.issue or tail.page))
    title, journal = split_title_journal(body[: tail.start] if tail else body, nlm)
    item["type"] = "article-journal" if journal or tail else "document"
    placed = journal_and_place(journal) if journal else None
    if placed:  # "Nature, London, UK": the journal and the place it is published at
        journal = placed[0]
    _put(item, "title", title or "")
    _put(item, "container-title", journal or "")
    _put(item, "publisher-place", placed[1] if placed else "")
    _put_tail(item, tail)
    if "issued" not in item:
        found = year or (find_year(body)[0] if find_year(body) else None)
        if found:
            item["issued"] = {"date-parts": [[int(found)]]}
    return bool(tail and tail.year_first), take_closing_publication(item, trailer)


def _journal_place_after_numbers(item: dict[str, Any], body: str) -> tuple[bool, str | None] | None:
    """``Exosomes. Nature 2001; London, UK.``: an article whose journal's place is printed after the year (or its
    numbers: ``2001;410:1-5; London``) and a semicolon (the place :func:`~evdigest.refs.parse_places.journal_and_place` reads after a journal's name), read
    without it as :func:`_read_uncoded` reads, the place its ``publisher-place``; ``None`` (``item`` untouched) when
    what precedes reads as no article in a journal, or the place as none (a conference's ``; 2019; Kyoto, Japan``,
    its papers no journal's)."""
    closing = _PLACE_AFTER_NUMBERS.search(body)
    if not closing:
        return None
    article: dict[str, Any] = {}
    read = _read_uncoded(article, body[: closing.start()] + ".")
    journal = article.get("container-title")
    placed = journal_and_place(f"{journal}, {closing['place']}") if journal else None
    if article.get("type") != "article-journal" or "publisher-place" in article or not placed or placed[0] != journal:
        return None
    item.update(article)
    item["publisher-place"] = placed[1]
    return read


def _put_tail(item: dict[str, Any], tail: Tail | None) -> None:
    """Copy the date (year, and month and day where printed), volume, issue and pages from the tail; add
    ``number`` for article numbers."""
    if tail is None:
        return
    if tail.year:
        parts = (
            [int(tail.year)] + ([tail.month] if tail.month else []) + ([tail.day] if tail.month and tail.day else [])
        )
        item["issued"] = {"date-parts": [parts]}
    _put(item, "volume", tail.volume or "")
    _put(item, "issue", tail.issue or "")
    _put(item, "page", tail.page or "")
    if tail.page and (tail.article or _ARTICLE_NUMBER.match(tail.page)):
        item["number"] = tail.page


def _put(item: dict[str, Any], key: str, value: str) -> None:
    """Set a field only when it has a value."""
    value = value.strip()
    if value:
        item[key] = value


def _is_preprint(item: dict[str, Any]) -> bool:
    """An article read from a preprint server (``bioRxiv``, ``Research Square``…) or with a bioRxiv/medRxiv DOI
    (``10.1101/2021.01.01.425000``; Cold Spring Harbor's journals share the prefix, with letters: ``10.1101/gr.…``).
    It stays an ``article-journal`` with the server as its journal, as reference managers import it and as
    both bundled styles print it."""
    if item.get("type") != "article-journal":
        return False
    return bool(_PREPRINT_SERVER.match(str(item.get("container-title") or ""))) or bool(
        _PREPRINT_DOI.match(str(item.get("DOI") or ""))
    )


def _add_ids(item: dict[str, Any], cleaned: Cleaned) -> None:
    """Identifiers, the short journal title and the type for what is left."""
    for key in ("DOI", "PMID", "PMCID", "URL"):
        if key in cleaned.ids:
            item[key] = cleaned.ids[key]
    if "accessed" in cleaned.ids:
        parts = date_parts(cleaned.ids["accessed"])
        item["accessed"] = {"date-parts": [parts]} if parts else {"raw": cleaned.ids["accessed"]}
    if cleaned.notes:  # after a note read with the work (a Chicago note's remark after its pages)
        item["note"] = "; ".join([item["note"], *cleaned.notes] if "note" in item else cleaned.notes)
    if cleaned.status:
        item["status"] = cleaned.status
    item.setdefault("type", "document")


def _problems(item: dict[str, Any], cleaned: Cleaned, preprint: bool = False) -> list[str]:
    """Name the fields a reference of its type lacks (``preprint``: an article at a preprint server, which
    has no volume or pages, and may be named by its DOI only: "Preprint at https://doi.org/…")."""
    if item["type"] == "article-journal":
        required = _REQUIRED
    elif item["type"] == "webpage":
        required = ("title", "URL")
    elif item["type"] == "document":  # nothing told what it is (no journal, publisher or type code)
        required = ("author", "title", "issued", "container-title")
    else:
        required = ("title", "issued")
    missing = [key for key in required if key not in item and not (key == "author" and "editor" in item)]
    if "volume" in missing and "issue" in item:
        missing.remove("volume")  # GB/T 7714 "2015(6)": a journal numbered by issue only
    if "online ahead of print" in cleaned.notes or preprint:  # not (yet) in an issue
        missing = [key for key in missing if key not in ("volume", "page")]
    if preprint and ("DOI" in item or "URL" in item) and "container-title" in missing:
        missing.remove("container-title")
    if cleaned.status:
        missing = [key for key in missing if key not in ("volume", "issue", "page", "issued")]  # not yet published
    if "page" in missing and "volume" not in missing and "DOI" in item:
        missing.remove("page")
    if cleaned.doi_locator and "DOI" in item and not any(key in item for key in ("volume", "issue", "page")):
        missing = [key for key in missing if key not in ("volume", "page")]  # cited by its DOI alone
    return [f"no {key}" for key in missing]


def _status(item: dict[str, Any], problems: list[str]) -> str:
    """``full`` with nothing missing; ``failed`` when no author, translator, journal or date was found; else
    ``partial``."""
    if not problems:
        return "full"
    read = ("author", "editor", "translator", "container-title", "issued", "publisher", "URL")
    if not any(key in item for key in read):
        return "failed"
    return "partial"
