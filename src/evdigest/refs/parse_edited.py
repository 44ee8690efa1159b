"""Chapters and editions whose editors are named after a label and before the publication (Chicago, MLA).

Chicago prints a chapter ``"Title." In Book, edited by J. Smith and K. Jones, 12–30. Place: Publisher, 2019.`` (its
notes ``In Book, ed. J. Smith. Place, 2019. Pp. 12–30.``), MLA ``"Title." Book, edited by J. Smith, Publisher, 2019,
pp. 12–30.`` (MLA 7: ``"Title." Book. Ed. J. Smith. Place: Publisher, 2019.``), and an edition of a work
``Title. Edited by J. Smith. Place: Publisher, 2019.``: the names after the label are the editors of the book, the
chapter's host or the edition, not words of its title.
"""

from __future__ import annotations

import re
from typing import Any

from evdigest.refs.parse_editions import take_edition, take_volume
from evdigest.refs.parse_editors import put_editors
from evdigest.refs.parse_names import parse_name
from evdigest.refs.parse_places import PLACE_PUBLISHER, PUBLISHER_WORD, is_place, read_place_publication
from evdigest.refs.parse_source import clean_title
from evdigest.refs.parse_translators import read_name_list
from evdigest.refs.parse_types import PROCEEDINGS, put

# ", edited by ", ". Edited by ", ", edited and translated by ", ". Ed. ", ". Eds. ", ", ed. ", ", eds. by ": the label
# before a book's editors, after the comma or full stop (a closing quote beside it) ending what precedes it
_LABEL = re.compile(
    r"(?P<sep>[,.]['\"]?|['\"][,.]?)\s+(?:(?P<full>[Ee]dited(?:\s+and\s+translated)?\s+by)|(?P<short>[Ee]ds?\.)(?:\s+by)?)"
    r"\s+(?=[A-ZÀ-Þ])"
)
# "Ed. Norman Page", "Eds. Anne Hart and", "Edited by J. Smith": a sentence opened by the label of a work's
# editors (MLA 7 and Chicago print them after the work's title)
_EDITORS_SENTENCE = re.compile(r"^\s*(?:Edited(?:\s+and\s+translated)?\s+by|Eds?\.(?:\s+by)?)\s+(?=[A-ZÀ-Þ])")
# Where the editors' names end: a full stop not closing an initial ("E. Hudson Long"), a semicolon, a bracket, or a
# comma before pages, a volume, an edition or words in lower case (", 3101-3109", ", vol. 1", ", translated by"; not
# ", and" before the last name)
_NAMES_END = re.compile(r"(?<![\s.][A-Z])\.(?=\s|$)|;|\s\(|,\s*(?=\d|[Pp]p?\.|[Vv]ols?\.|(?!and\b)[a-z])|$")
# ", " between two parts of a name list
_COMMA = re.compile(r",\s+")
# "University", "UP", "Inc": a word of a publisher's name, which a list of editors does not hold
_PUBLISHER_NAME = re.compile(r"\b(?:University|Univ|UP|Inc|Co|Ltd|Editions?|Editores|Editore|Company)\b")
# ". In ", ", in ", '." In ': the host book of a chapter
_IN = re.compile(r"(?:[.,]['\"]?|['\"])\s+[Ii]n:?\s+(?=\S)")
# '"Title." Book': a chapter's title in quotes, then its book
_QUOTED = re.compile(r"^\s*['\"](?P<title>.+?)[.,]?['\"][.,]?\s+(?P<host>\S.*)$")
# ", 3101-3109", ". 257-263", ", pp. 83–109", ". Pp. 3–29": a chapter's pages, first or last in what follows its editors
_PAGES_FIRST = re.compile(r"^(?:[Pp]p?\.\s*)?(?P<page>\d+\s*[-–—]\s*\d+)\s*(?:[.,]\s*|$)")
_PAGES_LAST = re.compile(r"[.,]\s*(?:[Pp]p?\.\s*)?(?P<page>\d+\s*[-–—]\s*\d+)$")
# ". " between two sentences, not after an initial ("A. Benjamin") or an abbreviation ("Md.", "St.")
_SENTENCE = re.compile(r"(?<![\s.][A-Z])(?<!\b[A-Z][a-z])(?<!\bSt)\.\s+")
# "Academic Press, 2019" (MLA's publisher and year), "London, 1976" (a place and year), "n.d.": what the
# publication may be when it is not "Place: Publisher, Year"
_NAME_YEAR = re.compile(r"^(?P<name>[^,:;]{2,80}),\s*(?P<year>(?:1[5-9]|20)\d\d)$")
_NO_DATE = re.compile(r",\s*n\.\s?d$")
# ", 68-90. ", ", pp. 68–90. ": a chapter's pages closing the title of its book, the publication after them (Chicago's
# chapter in a book whose editors it does not name)
_HOST_PAGES = re.compile(r",\s*(?:[Pp]p?\.\s*)?\d+\s*[-–—]\s*\d+\.\s+(?=\S)")
# ", et al.,", " et al": the editor list cut short after its last name read (the full stop kept when it may end the
# sentence)
_ET_AL_AFTER = re.compile(r",?\s*(?:et\.?\s*al|等)(?:\.(?=\s*,))?(?=[\s,.;]|$)", re.IGNORECASE)


def read_edited(item: dict[str, Any], body: str, year: str | None) -> bool:
    """Fill ``item`` from a chapter or an edition whose editors follow a label (``edited by``); False, and ``item``
    untouched, when ``body`` names no editors so or what follows them is no publication."""
    for label in _LABEL.finditer(body):
        names, et_al, end = _editors(body, label)
        if not names:
            continue
        found: dict[str, Any] = {}
        put_editors(found, names, et_al)
        if "translated" in (label.group("full") or ""):  # "edited and translated by Richard Taylor"
            found["translator"] = names
        if not _publication(found, body[end:], year, body[end:].lstrip()[:1] == "."):
            return False
        _work(found, body[: label.start()])
        item.update(found)
        return True
    return False


def read_unedited_chapter(item: dict[str, Any], body: str, year: str | None) -> bool:
    """Fill ``item`` from a chapter whose book names no editors, its pages after the book's title and its
    publication after them (``"Title." In Book, 68-90. London: Verso, 1998.``); False, and ``item`` untouched,
    for any other text."""
    host = _IN.search(body)
    pages = _HOST_PAGES.search(body, host.end()) if host else None
    if not host or not pages or _SENTENCE.search(body, host.end(), pages.start()):
        return False
    found: dict[str, Any] = {}
    if not _publication(found, body[pages.start() :], year, True):
        return False
    _work(found, body[: pages.start()])
    item.update(found)
    return True


def opens_with_editors(sentence: str) -> bool:
    """Whether ``sentence`` opens with the label of a work's editors (``Ed. Norman Page.``, ``Eds. Anne Hart and
    John Wells.``, ``Edited by J. Smith.``). Editors so labelled follow the title of the work they edited, never its
    authors: what reads as a list of names before such a sentence is that title (``Bleak House. Ed. Norman Page.
    London: Penguin, 1971.``)."""
    return bool(_EDITORS_SENTENCE.match(sentence))


def _editors(body: str, label: re.Match[str]) -> tuple[list[dict[str, str]] | None, bool, int]:
    """The names after ``label``, whether the list is cut short (``edited by J. Smith, K. Jones, et al.``) and
    where it ends: the longest run of comma-separated parts that reads as people (not a publisher: ``edited by J.
    Smith, Academic Press``)."""
    start = label.end()
    stop = _NAMES_END.search(body, start)
    region = body[start : stop.start() if stop else len(body)]
    if label.group("short") and label.group("sep").startswith(",") and _after_names(body[: label.start()]):
        return None, False, start  # Vancouver's "Smith J, Jones K, eds. Book": the names came before the label
    best: tuple[list[dict[str, str]] | None, bool, int] = (None, False, start)
    parts = _COMMA.split(region)
    for count in range(1, len(parts) + 1):
        text = ", ".join(parts[:count])
        if _PUBLISHER_NAME.search(parts[count - 1]) or PUBLISHER_WORD.search(parts[count - 1]):
            break
        found = read_name_list(text)
        if found and all("literal" not in name for name in found[0]):
            best = (found[0], found[1], start + len(text))
    cut = _ET_AL_AFTER.match(body, best[2]) if best[0] else None
    return (best[0], True, cut.end()) if cut else best


def _after_names(head: str) -> bool:
    """``In: Smith J, Jones K``: what precedes a label ends in a name written family name and initials."""
    last = parse_name(head.rsplit(",", 1)[-1].strip())
    return bool(last and re.fullmatch(r"(?:[A-Z]\.\s?)+", str(last.get("given", ""))))


def _publication(found: dict[str, Any], rest: str, year: str | None, sentence: bool) -> bool:
    """What follows the editors: pages, volume, edition, then the place, publisher and year; False when no
    publication is read. A name and a year alone are a place (``London, 1976``) in a sentence of their own
    (``sentence``: a full stop closed the editors, as Chicago's notes print them), else MLA's publisher
    (``edited by J. Smith, Academic Press, 2019``); with the ``year`` printed after the authors (Chicago's
    author-date), a place and a publisher alone (``London: Verso``)."""
    rest = take_volume(found, take_edition(found, rest.strip(" .,;"), ", ").strip(" .,;")).strip(" .,;")
    pages = _PAGES_FIRST.match(rest) or _PAGES_LAST.search(rest)
    if pages:
        found["page"] = re.sub(r"\s*[-–—]\s*", "-", pages.group("page"))
        rest = (rest[: pages.start()] + rest[pages.end() :]).strip(" .,;")
    last = _SENTENCE.split(rest)[-1].strip(" .")
    if not last:
        return False
    placed = read_place_publication(last)
    named = _NAME_YEAR.match(last)
    undated = PLACE_PUBLISHER.match(_NO_DATE.sub("", last)) if _NO_DATE.search(last) or year else None
    if placed:
        found.update({"publisher-place": placed["place"], "publisher": placed["publisher"], "year": placed["year"]})
    elif named:
        place = sentence and is_place(named.group("name")) and not PUBLISHER_WORD.search(named.group("name"))
        key = "publisher-place" if place else "publisher"
        found.update({key: named.group("name"), "year": named.group("year")})
    elif undated and is_place(undated.group("place")):
        found.update({"publisher-place": undated.group("place"), "publisher": undated.group("publisher")})
    else:
        return False
    issued = found.pop("year", None) or year
    if issued:
        found["issued"] = {"date-parts": [[int(issued)]]}
    return True


def _work(found: dict[str, Any], head: str) -> None:
    """The title and, for a chapter, its book (``"Title." In Book``, ``"Title." Book``); with no book, the editors
    edited the work itself (an edition: ``Title. Edited by``)."""
    host = _IN.search(head)
    quoted = _QUOTED.match(head) if not host else None
    if host:
        title, book = head[: host.start()], head[host.end() :]
    elif quoted:
        title, book = quoted.group("title"), quoted.group("host")
    else:
        title, book = head, ""
    put(found, "title", clean_title(title.strip(" '\"")))
    if book:
        put(found, "container-title", clean_title(book.strip(" '\"")))
        found["type"] = "paper-conference" if PROCEEDINGS.search(book) else "chapter"
    else:
        found["type"] = "book"
