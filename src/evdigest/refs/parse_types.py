"""Reference types other than journal articles: books, chapters, theses, reports, web pages, patents.

GB/T 7714 marks them with a type code (``[M]``, ``[D]``, ``[C]``, ``[R]``, ``[EB/OL]``,
``[P]``, ``[S]``, ``[N]``); a chapter or a conference paper names its host after ``//``.
Vancouver chapters name theirs after ``In:`` with ``editor(s)``.
"""

from __future__ import annotations

import re
from typing import Any

from evdigest.refs.parse_names import read_authors
from evdigest.refs.parse_source import clean_title, find_year, read_publisher

# "//王五. 细胞生物学. 北京: 科学出版社, 2018: 12-30": the host book or proceedings of a chapter or paper.
_HOST = re.compile(r"^//\s*")
# "Jones K, editor. ", "Smith J, Lee K, editors. ", "王五, 主编. ": an editor list and its label.
_EDITOR_LABEL = re.compile(r",?\s*(?:editors?|\(?eds?\.?\)?|\(?Hrsg\.?\)?|主编|编)\s*[.,]?\s*", re.IGNORECASE)
# ": CN112345678A", ": GB/T 7714—2015", ": US 7,654,321 B2": a patent or standard number after the title.
_DOC_NUMBER = re.compile(
    r"\s*:\s*(?P<number>(?:[A-Z]{2}\s?[\d,]{5,}\s?[A-Z]?\d?|(?:GB|ISO|IEC|YY|WS|ASTM|DIN)(?:/[TZ])?\s?[\d.]+(?:[-—–]\d{4})?))\s*$"
)
# "(2021-03-05)", "2021-02-01": an ISO date.
_ISO_DATE = re.compile(r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?")
# "健康报, 2022-05-06(3)": newspaper, date and page (GB/T 7714 [N]).
_NEWSPAPER = re.compile(r"^(?P<paper>[^,]+),\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})\s*(?:\((?P<page>[^)]+)\))?")
# "2nd ed.", "第2版.": an edition statement inside a book description.
_EDITION = re.compile(r"\s*(?:\d+(?:st|nd|rd|th)\s+ed\.?|第\s*\d+\s*版)\s*\.?\s*", re.IGNORECASE)
# "p. 123-45", "pp. 12-30": pages of a chapter in Vancouver style.
_CHAPTER_PAGES = re.compile(r"[.;,]?\s*pp?\.\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$")


def read_other(item: dict[str, Any], title: str, rest: str) -> None:
    """Fill ``item`` for a coded reference that is not a journal article (its type is already set)."""
    if item["type"] in ("patent", "standard"):
        number = _DOC_NUMBER.search(title)
        if number:
            item["number"] = number.group("number").strip()
            title = title[: number.start()]
    put(item, "title", clean_title(title))
    if _HOST.match(rest):
        if item["type"] == "book":
            item["type"] = "chapter"
        read_host(item, _HOST.sub("", rest))
    elif item["type"] == "article-newspaper":
        _read_newspaper(item, rest)
    elif item["type"] == "webpage":
        _read_dated(item, rest)
    else:
        read_publication(item, rest)


def read_host(item: dict[str, Any], host: str) -> None:
    """``editors. Book title. Place: Publisher, 2018: 12-30`` -> editor, container-title, publisher, page."""
    editors = read_authors(host)
    if editors:
        item["editor"] = list(editors.names)
        host = (
            _EDITOR_LABEL.sub("", host[editors.end :], count=1)
            if _EDITOR_LABEL.match(host[editors.end :])
            else host[editors.end :]
        )
    host = _EDITION.sub(". ", host).strip(" .")
    parts = re.split(r"\.\s+", host, maxsplit=1)
    if len(parts) == 2 and read_publisher(parts[1]):
        put(item, "container-title", clean_title(parts[0]))
        read_publication(item, parts[1])
        return
    found = read_publisher(host)
    container = host[: host.find(found.get("place") or found["publisher"])] if found else host
    put(item, "container-title", clean_title(container))
    read_publication(item, host)


def read_in_chapter(item: dict[str, Any], title: str, host: str) -> bool:
    """Vancouver ``Title. In: Jones K, editor. Book. City: Publisher; 2010. p. 123-45.``; False if not a chapter."""
    if not re.search(r"\b(?:eds?\.|editors?|Hrsg\.)", host, re.IGNORECASE):
        return False
    item["type"] = "chapter"
    put(item, "title", clean_title(title))
    pages = _CHAPTER_PAGES.search(host)
    if pages:
        host = host[: pages.start()]
    read_host(item, host)
    if pages:
        item["page"] = re.sub(r"\s*[-–]\s*", "-", pages.group("page"))
    return True


def read_publication(item: dict[str, Any], rest: str) -> None:
    """Books, theses, reports: ``place: publisher, year: pages``, or only a year."""
    found = read_publisher(rest)
    if found:
        put(item, "publisher-place", found.get("place", ""))
        put(item, "publisher", found.get("publisher", ""))
        put(item, "page", found.get("page", ""))
        item["issued"] = {"date-parts": [[int(found["year"])]]}
        return
    _read_dated(item, rest)


def put(item: dict[str, Any], key: str, value: str) -> None:
    """Set a field only when it has a value."""
    value = value.strip()
    if value:
        item[key] = value


def _read_dated(item: dict[str, Any], rest: str) -> None:
    """Web pages and patents: the first ISO date (``(2021-03-05)``), else the first year."""
    date = _ISO_DATE.search(rest)
    if date:
        item["issued"] = {"date-parts": [[int(part) for part in date.group("y", "m", "d") if part]]}
        return
    year = find_year(rest)
    if year:
        item["issued"] = {"date-parts": [[int(year[0])]]}


def _read_newspaper(item: dict[str, Any], rest: str) -> None:
    """``健康报, 2022-05-06(3)``: paper, date, page."""
    match = _NEWSPAPER.match(rest)
    if not match:
        read_publication(item, rest)
        return
    put(item, "container-title", match.group("paper"))
    item["issued"] = {"date-parts": [[int(part) for part in match.group("date").split("-")]]}
    put(item, "page", match.group("page") or "")
