"""A book whose publication is printed in brackets after its title (Chicago's notes and some bibliographies).

``Margaret Jones, Mill Towns of the North, 1917–1921 (Oxford: Clarendon Press, 1989), 45.``, ``Title (New York:
Norton, 2001)``, ``Title (Cambridge University Press, 2002).``: the brackets hold the place, the publisher and the
year (the place may be left out, and the year when it was printed after the authors); the numbers after them are
the pages cited. The title before the brackets is the book's whole title, commas, colons and a closing range of
years included. A title that names a host (``“Chapter,” in Book (…)``), editors or translators is not read here.
"""

from __future__ import annotations

import re
from typing import Any

from evdigest.refs.parse_editions import take_edition, take_volume
from evdigest.refs.parse_names import LONE_NAME, AuthorList, read_authors
from evdigest.refs.parse_places import (
    PLACE_PUBLISHER,
    PUBLISHER_WORD,
    PUBLISHER_YEAR,
    is_place,
    read_place_publication,
)
from evdigest.refs.parse_source import clean_title

# "Title (Oxford: Clarendon Press, 1989), 45.", "Title. (New York: Pi Press, 2006).", "Title (Wiley, 2001), pp.
# 12–30;": a title, its publication in brackets and the pages cited after them, a note after the pages' semicolon
# ("p. 230; faulty translation here.")
_BRACKETED = re.compile(
    r"^(?P<title>[^()]+?)\s*\((?P<publication>[^()]+)\)"
    r"(?:\s*[,:]?\s*(?:pp?\.\s*)?(?P<page>\d+(?:\s*[-–—]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*)"
    r"(?:\s*;\s*(?P<note>[^\d\s].*?))?)?\s*[.,;]?\s*$"
)
# "“Chapter,” in Book", ", ed. J. Smith", "(eds.)", ", trans. J. Smith": a host, editors or translators in the title
_NOT_A_BOOK_TITLE = re.compile(
    r"(?:^|[,.”\"]\s+)in\s|(?:^|,\s*|\()eds?\.|\bedited\b|\beditors?\b|\btr(?:ans)?\.|\btranslated\b", re.IGNORECASE
)
# "1798, 1799, 1805, 1850": brackets holding years only
_YEARS_ONLY = re.compile(r"^[\d\s,–-]+$")
# " and ", " & ", "et al": what joins the names of a list of several authors, or cuts it short
_LIST_JOIN = re.compile(r"\s(?:and|&)\s|\bet al\b")
# ", ": where the first name of a list may end
_COMMA = re.compile(r",\s*")
# "Homer, The Iliad (…)": a name of one word and a comma opening a note
_LONE_NAME_COMMA = re.compile(rf"^(?P<name>{LONE_NAME}),\s+")


def note_authors(text: str, authors: AuthorList | None) -> AuthorList | None:
    """The authors of a book printed with its publication in brackets: several names read before the title with no
    ``and`` or ``&`` before the last (``Alena Ledeneva, How Russia Really Works: … (Ithaca: …)``, ``Mahler, Alma,
    Gustav Mahler: Memories and Letters (New York, NY: …)``) are one author, the words after the first name the
    title's (a list of several prints a conjunction: ``Stravinsky, Igor, and Robert Craft, Memories …``); with no
    author read, a name of one word before such a title (``Homer, The Iliad (New York: …)``) is the author."""
    if not authors:
        return _lone_author(text)
    if len(authors.names) < 2 or _LIST_JOIN.search(text[: authors.end]):
        return authors
    book = _BRACKETED.match(text[authors.end :].strip())
    if not book or not _publication(book["publication"].strip(" ."), None):
        return authors
    for comma in _COMMA.finditer(text, 0, authors.end):
        first = read_authors(text[: comma.end()])
        if first and first.names == authors.names[:1] and first.end == comma.end():
            return first
    return authors


def _lone_author(text: str) -> AuthorList | None:
    """``Homer, The Iliad (New York: Viking, 1990)``: a name of one word, a comma, then a book's title and its
    bracketed publication; the title holds no comma nor full stop, which an inverted name's given names would
    bring (``Goethe, Johann Wolfgang von, Faust (…)``, ``Andrade, Mário de. Macunaíma (…)``)."""
    lone = _LONE_NAME_COMMA.match(text)
    book = _BRACKETED.match(text[lone.end() :].strip()) if lone else None
    if not lone or not book or re.search(r"[,.]", book["title"]):
        return None
    if not _publication(book["publication"].strip(" ."), None):
        return None
    return AuthorList(({"literal": lone["name"]},), False, lone.end())


def read_bracketed_book(item: dict[str, Any], body: str, year: str | None) -> bool:
    """``Title (Place: Publisher, Year), pages``: a book, its title, place, publisher, year and cited pages into
    ``item``; ``year`` was printed after the authors. False (``item`` untouched) when ``body`` is not so printed."""
    match = _BRACKETED.match(body.strip())
    if not match:
        return False
    book: dict[str, Any] = {"type": "book"}
    title = take_volume(book, take_edition(book, match["title"].strip().rstrip(".").strip('"“”')))
    found = _publication(match["publication"].strip(" ."), year)
    if not found or not clean_title(title) or _NOT_A_BOOK_TITLE.search(title):
        return False
    item.update(book)
    item["title"] = clean_title(title)
    if found.get("place"):
        item["publisher-place"] = found["place"]
    item["publisher"] = found["publisher"]
    item["issued"] = {"date-parts": [[int(found["year"])]]}
    if match["page"]:
        item["page"] = re.sub(r"\s*[-–—]\s*", "-", match["page"])
    if match["note"]:
        item["note"] = match["note"]
    return True


def _publication(text: str, year: str | None) -> dict[str, str] | None:
    """``Oxford: Clarendon Press, 1989``, ``Cambridge University Press, 2002`` (a publisher's name alone), or with
    ``year`` printed elsewhere ``Delhi: B. R. Publishing Corporation``: place, publisher and year, else ``None``."""
    if _YEARS_ONLY.match(text):
        return None
    placed = read_place_publication(text)
    if placed:
        return placed
    alone = PUBLISHER_YEAR.match(text)
    if alone and PUBLISHER_WORD.search(alone["publisher"]):  # "Wiley, 2000", not "Berlin, 1996": a place and a year
        return {"publisher": alone["publisher"], "year": alone["year"]}
    undated = PLACE_PUBLISHER.match(text) if year else None
    if undated and is_place(undated["place"].strip()) and not re.search(r"\d", undated["publisher"]):
        return {"place": undated["place"].strip(), "publisher": undated["publisher"].strip(), "year": year or ""}
    return None
