"""Reference types other than journal articles: books, chapters, theses, reports, web pages, patents.

GB/T 7714 marks them with a type code (``[M]``, ``[D]``, ``[C]``, ``[R]``, ``[EB/OL]``,
``[P]``, ``[S]``, ``[N]``); a chapter or a conference paper names its host after ``//`` (GB/T 7714-2005 and older:
``Title[A]. editors. Book[C]. …``, the host typed ``[C]`` or ``[M]``).
Vancouver chapters name theirs after ``In:`` with ``editor(s)``.
"""

from __future__ import annotations

import re
from typing import Any

from evdigest.refs.parse_cities import is_city_state
from evdigest.refs.parse_editions import take_edition, take_volume
from evdigest.refs.parse_editors import put_editors, take_editor_label
from evdigest.refs.parse_names import parse_author_tokens, read_authors
from evdigest.refs.parse_places import (
    CJK_PUBLISHER,
    MEETING_WORDS,
    PLACE_PUBLISHER,
    PUBLISHER_WORD,
    PUBLISHER_YEAR,
    in_order,
    is_city_and_its_region,
    is_cjk_city,
    is_place,
    place_and_publisher,
    read_meeting_place_year,
    read_meeting_year,
    read_place_publication,
    read_place_year,
    read_undated_publication,
)
from evdigest.refs.parse_source import NON_BOUNDARY_WORDS, clean_title, date_parts, find_year, read_publisher
from evdigest.refs.parse_words import JOURNAL_WORDS

# "//王五. 细胞生物学. 北京: 科学出版社, 2018: 12-30": the host book or proceedings of a chapter or paper.
_HOST = re.compile(r"^//\s*")
# "[A]. 张三, 李四. 书名[C]. ", "[A]. In: Jones K, ed. Book[M]. ": the host of GB/T 7714-2005's [A], after its full stop
# (and an "In:" in English references), which its own code ([C] proceedings, [M] or [G] a book) shows
_OLDER_HOST = re.compile(r"^(?:[Ii]n\s*:?\s+)?(?=[^\[\]]+\[[CMG]\])")
# "书名[C]", "Book[M]": the type code closing the title of a host
_HOST_CODE = re.compile(r"\[(?P<code>[CMG])\]")
# ". " after a host's editors, not after an initial ("J. Jones, ed.")
_NAMES_STOP = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])\.\s+")
# ", ed", ", editors", " (eds.)", " (Hrsg.)": the label closing a host's editors (GB/T 7714's 主编 is read with the names)
_LABEL_AFTER_NAMES = re.compile(r"(?:,?\s*(?:editors?|eds?\.?)|\s*\((?:editors?|eds?|Hrsg)\.?\))$", re.IGNORECASE)
# ", 2010. 1-10", "2015. 12~30": the year and the pages of a chapter in older GB/T 7714 lists
_YEAR_PAGES = re.compile(r"(?P<year>\b(?:1[5-9]|20)\d\d)\.\s*(?P<first>\d+)\s*[-–~～]\s*(?P<last>\d+)$")
# "2018: 12-15": the year and the pages of a paper in proceedings printed with no place or publisher (GB/T 7714)
_YEAR_PAGES_ALONE = re.compile(r"^(?P<year>(?:1[5-9]|20)\d\d)\s*:\s*(?P<page>\d+(?:\s*[-–~～]\s*\d+)?)$")
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
# "[dissertation]", "[master's thesis]", "[Internet]", "[monograph on the Internet]": what a Vancouver title is;
# "(Unpublished doctoral dissertation)", "(Master's thesis)": a thesis as APA prints it, in parentheses
_MEDIUM = re.compile(
    r"\s*(?:\[(?P<medium>(?:(?:doctoral|master'?s|PhD|bachelor'?s)\s+)?(?:dissertation|thesis)|"
    r"(?:[A-Za-z]+(?:\s[A-Za-z]+)?\son\sthe\s)?Internet)\]|"
    r"\((?:Unpublished\s+)?(?P<thesis>(?:(?:doctoral|master'?s|PhD|bachelor'?s)\s+)?(?:dissertation|thesis))\))",
    re.IGNORECASE,
)
# "St. Louis: Mosby; 2002", "Bethesda (MD): NCI; c2000-01", "Springer; 2002": Vancouver place, publisher, year.
_VANCOUVER_PUBLICATION = re.compile(
    r"^(?:(?P<place>[^:;]{2,60}?)\s*:\s*)?(?P<publisher>[^:;]{2,120}?)\s*;\s*c?(?P<year>(?:1[5-9]|20)\d\d)(?:-\d{2,4})?$"
)
# "2023", "c2000-01": the year alone closing a Vancouver web page.
_YEAR_ONLY = re.compile(r"^c?(?P<year>(?:1[5-9]|20)\d\d)(?:-\d{2,4})?$")
# ". " where one sentence of a reference ends (the dot after "St" or an initial is checked separately).
SENTENCE_END = re.compile(r"\.\s+(?=\S)")
# ". ", "." ", ".” ": a sentence's end, or a quoted title's closing its quotes
_STOP_OR_QUOTE_END = re.compile(r"\.(?P<quote>[\"”])?\s+(?=\S)")
# "Oxford University Press", "Springer-Verlag", "John Wiley & Sons", "科学出版社": a name ending in a word of a
# publisher's name ("Springer Semin Immunopathol", a journal, does not)
_PUBLISHER_NAME = re.compile(
    rf"(?:{PUBLISHER_WORD.pattern})(?:[\s-]+(?:Verlag|Nature|Science|International|Publishing|Publishers|Inc|Ltd|"
    rf"GmbH|Group|&\s+Sons)\.?)*$|{CJK_PUBLISHER.pattern}"
)
# "Journal of Press Studies", "Annual Review": words that name a journal, not a publisher.
_JOURNAL_NAME = re.compile(r"\b(?:Journal|Review|Annals|Bulletin|Transactions|Letters|Quarterly)\b")
# "In R. A. Bradshaw & P. D. Stahl (Eds.), Encyclopedia of cell biology (pp. 185–190). Academic Press":
# an APA chapter's host.
_APA_HOST = re.compile(
    r"^(?P<editors>.+?)\s*\((?:Eds?|Hrsg)\.?\)[.,:]?\s*(?P<book>.+?)(?:\s*\((?P<volume>Vols?\.\s*[^()]+)\))?"
    r"(?:\s*\((?P<details>[^()]*\bpp?\.[^()]*)\))?(?:\.\s*(?P<publisher>[^.\d][^\d]*?))?\.?$"
)
# ", pp. 99-122", " (pp. 185–190)": the pages of a chapter at the end of its book's title.
_BOOK_PAGES = re.compile(r",?\s*\(?\bpp?\.\s*(?P<page>\w+(?:\s*[-–—]\s*\w+)?)\)?$")
# "Biochemistry, Macmillan, 2001": a title, then after its comma a publisher and a year
_COMMA_PUBLICATION = re.compile(r"^(?P<title>.*?[^\s,]),\s*(?P<publication>[^,]+,\s*c?(?:1[5-9]|20)\d\d)$")
# "ISBN 0-13-908385-5", "ISBN: 978-0-521-88068-8": a book's ISBN.
_ISBN = re.compile(r"^ISBN[\s:-]*(?P<isbn>[\dX][\dX -]{8,16}[\dX])$", re.IGNORECASE)
# "In Symposium of Logic Programming", "In Proc. Intl. Workshop": the host of a paper with no editors.
_IN_PART = re.compile(r"^[Ii]n:?\s+(?=[A-Z])")
# "Proceedings", "Conference", "Symposium": words naming a conference's proceedings.
PROCEEDINGS = re.compile(rf"\b(?:Proc|Conference|{MEETING_WORDS})", re.IGNORECASE)
# "185–190": the pages in an APA chapter's details ("2nd ed., Vol. 2, pp. 185–190").
_DETAIL_PAGES = re.compile(r"\bpp?\.\s*(?P<page>\w+(?:\s*[-–—]\s*\w+)?)")
# "2001 Sep 13-15", "2014": the date of a conference as Citing Medicine prints it after the conference's name;
# "June 2001", "June 3-5, 2001", "Sept. 2001": as AMA prints it, its month and days before the year
_EVENT_DATE = (
    r"(?:(?:1[5-9]|20)\d\d(?:\s+[A-Z][a-z]{2}[^;]*)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?)?\s+(?:1[5-9]|20)\d\d)"
)
# "June 3-5, 2001": a conference's month, its first day and its year, as AMA prints them
_MONTH_FIRST = re.compile(r"^(?P<month>[A-Z][a-z]+)\.?(?:\s+(?P<day>\d{1,2})[^,\d]*\d*)?,?\s+(?P<year>\d{4})$")
# "; 2001 Sep 13-15; Leeds, UK": the date and place of a conference after the title of its proceedings.
_EVENT = re.compile(rf";\s*(?P<date>{_EVENT_DATE});\s*(?P<place>[^;]+)$")
# "; 2001 Sep 13-15;": the conference's date before its place, which the host's publication may follow
_EVENT_DATED = re.compile(rf";\s*(?P<date>{_EVENT_DATE});")
# "Rotterdam, the Netherlands", "Washington, D.C": where a conference was held, ending a host that prints no
# publication (no digits, colons or brackets, which a publication statement or a note holds)
_VENUE = re.compile(r"^[^\d:;()\[\]]{2,60}$")
# " [abstract]", " [poster]": what a paper read at a conference is, after its title (Citing Medicine)
_CONTENT_TYPE = re.compile(r"\s*\[(?P<genre>abstract|poster)\]$", re.IGNORECASE)
# "The Washington Post. 2002 Aug 12;Sect. A:2 (col. 4)": a Vancouver newspaper article.
_VANCOUVER_NEWSPAPER = re.compile(
    r"^(?P<title>.+)\.\s+(?P<paper>[^.]+?)\.\s+(?P<date>(?:1[5-9]|20)\d\d\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*;\s*"
    r"Sect\.?\s*(?P<section>\w+)\s*:\s*(?P<page>\w+)(?:\s*\(col\.\s*\d+\))?\.?$"
)
# ". p. 12-30", ". pp. 12-30", ". 12-30 pp.", "2001, pp. 12-30": the pages cited of a book, after its publication
# statement ("450 p.", one number after it, is the book's length)
_CITED_PAGES = re.compile(
    r"(?:\.|(?<=\d)(?P<comma>,)(?=\s*pp?\.))\s+(?:pp?\.\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?)|(?P<range>\d+\s*[-–]\s*\d+)\s*pp?)\.?\s*$"
)
# "“Structure Databases.”", "\"How to Construct\"", "'Order and Organization'": a quoted title, an article's or a
# chapter's
_QUOTED = re.compile(r"[“\"‘][^”\"’]+[”\"’]|(?<!\w)'[^']+'(?!\w)")
# ". In: Jones K", "” In John Foran", ", in Book": where a chapter's host is named
_IN_A_HOST = re.compile(r"[.,”\"]\s+[Ii]n:?\s+[A-Z]")
# "MA", "D.C.", "Minn.": a state's code or abbreviation, printed after its city
_STATE = re.compile(r"^(?:[A-Z]{2}|(?:[A-Z]\.\s?){2}|[A-Z][a-z]{1,4}\.)$")
# ", Washington", ". Saint Paul": a city's name closing a title's sentence, before its state's code
_CITY_AT_END = re.compile(r"[,.]\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)$")
# "Boston, MA", "Washington, D. C": a city and its state's code, a place alone
_CITY_STATE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.?)$")
# " (pp. 770–778)", " (2nd ed., pp. 12–30)": APA's pages in brackets after a title
_APA_PAGES = re.compile(r"\s*\((?P<before>[^()]*?)\bpp?\.\s*(?P<page>\w+(?:\s*[-–—]\s*\w+)?)\)")
# "p. 123-45", "pp. 12-30": pages of a chapter in Vancouver style.
_CHAPTER_PAGES = re.compile(r"[.;,]?\s*pp?\.\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$")


def read_other(item: dict[str, Any], title: str, rest: str, year: str | None = None) -> None:
    """Fill ``item`` for a coded reference that is not a journal article (its type is already set); ``year``, when
    printed after the authors, lets a place and a publisher close it alone (``London: Penguin``)."""
    if item["type"] in ("patent", "standard"):
        number = _DOC_NUMBER.search(title)
        if number:
            item["number"] = number.group("number").strip()
            title = title[: number.start()]
    put(item, "title", clean_title(title))
    if _HOST.match(rest) or (item["type"] == "chapter" and _OLDER_HOST.match(rest)):
        if item["type"] == "book":
            item["type"] = "chapter"
        read_host(item, _OLDER_HOST.sub("", _HOST.sub("", rest), count=1))
    elif item["type"] == "article-newspaper":
        _read_newspaper(item, rest)
    elif item["type"] == "webpage":
        _read_dated(item, rest)
    else:
        read_publication(item, take_edition(item, rest), year)


def read_host(item: dict[str, Any], host: str) -> None:
    """``editors. Book title. Place: Publisher, 2018: 12-30`` -> editor, container-title, publisher, page."""
    code = _HOST_CODE.search(host)
    if code:
        _read_coded_host(item, host[: code.start()], host[code.end() :], code.group("code"))
        return
    host = take_editor_label(host)[0]  # "张三, 李四, 主编. 书名": the label is no name
    editors = read_authors(host)
    if editors:
        put_editors(item, editors.names, editors.et_al)
        host = (
            _EDITOR_LABEL.sub("", host[editors.end :], count=1)
            if _EDITOR_LABEL.match(host[editors.end :])
            else host[editors.end :]
        )
    host = take_edition(item, host, ". ").strip(" .")
    if _read_proceedings(item, host):
        return
    parts = re.split(r"\.\s+", host, maxsplit=1)
    if len(parts) == 2 and (read_publisher(parts[1]) or _YEAR_PAGES_ALONE.match(parts[1])):
        put(item, "container-title", clean_title(parts[0]))
        read_publication(item, parts[1])
        return
    found = read_publisher(host)
    container = host[: host.find(found.get("place") or found["publisher"])] if found else host
    put(item, "container-title", clean_title(container))
    read_publication(item, host)


def _read_proceedings(item: dict[str, Any], host: str) -> bool:
    """Citing Medicine's proceedings hosting a paper, the conference's date and place after its title and the
    publication after them (``Proceedings of the 10th World Congress on Pain; 2002 Aug 17-22; San Diego, CA.
    Seattle: IASP Press; c2003``), or the conference alone when its papers were not published (``8th Asian Conference
    on Biomaterials; 2016 Oct 10-12; Shanghai, China``: dated then by the conference): a conference paper, the
    proceedings (or the conference) its container; False when ``host`` is not so printed. The publication starts at
    the first full stop after the place that a publication statement follows (``Washington, D.C. Berlin: …`` keeps
    ``D.C.``); a host with no publication is read when its place reads as one and its date names a month or its title
    names a conference (``Annual Meeting of the ISEV; 2019; Kyoto, Japan``)."""
    dated = _EVENT_DATED.search(host)
    if not dated:
        return False
    for stop in SENTENCE_END.finditer(host, dated.end()):
        publication = _VANCOUVER_PUBLICATION.match(host[stop.end() :])
        if publication and _is_publication(publication.group()):
            item["type"] = "paper-conference"
            title = _take_event(item, host[: stop.start()])
            put(item, "container-title", clean_title(title))
            put(item, "publisher-place", publication["place"] or "")
            put(item, "publisher", publication["publisher"])
            item["issued"] = {"date-parts": [[int(publication["year"])]]}
            return True
    event = _EVENT.search(host)
    if not event or not _VENUE.match(event["place"].strip(" .")):
        return False
    if not re.search(r"[A-Za-z]", event["date"]) and not PROCEEDINGS.search(host[: event.start()]):
        return False
    item["type"] = "paper-conference"
    put(item, "container-title", clean_title(_take_event(item, host)))
    item["issued"] = {"date-parts": [item["event-date"]["date-parts"][0][:1]]}
    return True


def _take_event(item: dict[str, Any], title: str) -> str:
    """``Proceedings of the 5th Conference; 2001 Sep 13-15; Leeds, UK``: the conference's date and place into
    ``event-date`` and ``event-place`` (a year alone, ``; 2014;``, is its date); returns the title without them."""
    event = _EVENT.search(title)
    if not event:
        return title
    item["event-date"] = {"date-parts": [_event_date(event.group("date"))]}
    put(item, "event-place", event.group("place").strip(" ."))
    return title[: event.start()]


def _event_date(text: str) -> list[int]:
    """``2001 Sep 13-15`` -> ``[2001, 9, 13]``; ``June 3-5, 2001`` -> ``[2001, 6, 3]``; ``June 2001`` -> ``[2001,
    6]``; ``2014`` -> ``[2014]``: the date parts of a conference's date, printed year first or month first."""
    month_first = _MONTH_FIRST.match(text.strip())
    if month_first:
        year, month, day = month_first.group("year", "month", "day")
        text = f"{year} {month} {day or ''}".strip()
    return date_parts(text) or [int(text[:4])]


def _read_coded_host(item: dict[str, Any], head: str, publication: str, code: str) -> None:
    """A host whose code closes its title (``张三, 李四. 书名[C]``, ``Jones K, ed. Book[M]``): the names before a
    full stop are its editors when they read as names with nothing after them but an editors' label; a host typed
    ``[C]`` makes a conference paper. Older lists print the pages after the year's full stop (``2010. 1-10``)."""
    book = head.strip()
    for stop in _NAMES_STOP.finditer(book):
        text = take_editor_label(_LABEL_AFTER_NAMES.sub("", book[: stop.start()]) + ".")[0]
        editors = read_authors(text)
        if editors and text[editors.end :].strip() in ("", "."):
            put_editors(item, editors.names, editors.et_al)
            book = book[stop.end() :]
            break
    if code == "C":
        item["type"] = "paper-conference"
    put(item, "container-title", clean_title(take_edition(item, book)))
    publication = _YEAR_PAGES.sub(r"\g<year>: \g<first>-\g<last>", take_edition(item, publication.strip(" .,")))
    read_publication(item, publication.strip(" .,"))


def read_in_chapter(item: dict[str, Any], title: str, host: str, presented: bool = False) -> bool:
    """Vancouver ``Title. In: Jones K, editor. Book. City: Publisher; 2010. p. 123-45.``, APA ``In J. Smith (Ed.),
    Book (pp. 12–30). Publisher`` (also written ``(Ed)``, read only when the whole host reads so), and Citing
    Medicine's conference papers, with editors or without (``Title [abstract]. In: Proceedings of the 12th Symposium;
    2014 Apr 30-May 3; Rotterdam, the Netherlands. p. 112-5.``; ``presented``: the host followed ``Paper presented
    at:``, ``Poster session presented at:``), a ``[abstract]`` or ``[poster]`` after the title its ``genre``; False if
    not a chapter or paper."""
    labelled = bool(re.search(r"\b(?:eds?\.|editors?|Hrsg\.)", host, re.IGNORECASE))
    found: dict[str, Any] = {"type": "chapter"}
    if labelled or re.search(r"\((?:eds?|Hrsg)\)", host, re.IGNORECASE):
        if _read_apa_host(found, host):
            _put_chapter(item, title, found)
            return True
        if not labelled:
            return False
    elif not presented and not _EVENT_DATED.search(host):
        return False
    pages = _CHAPTER_PAGES.search(host)
    if pages:
        host = host[: pages.start()]
    if labelled:
        read_host(found, host)
    elif not _read_proceedings(found, host.strip(" .")) and not (presented and _read_presented(found, host)):
        return False
    if found["type"] == "paper-conference":
        genre = _CONTENT_TYPE.search(title)
        if genre:
            found["genre"], title = genre.group("genre").lower(), title[: genre.start()]
    _put_chapter(item, title, found)
    if pages:
        item["page"] = re.sub(r"\s*[-–]\s*", "-", pages.group("page"))
    return True


def _read_presented(item: dict[str, Any], host: str) -> bool:
    """APA's conference a paper was presented at, its place after it when a city and its state (``Paper presented at
    the IEEE Intelligent Vehicles Symposium, Detroit, MI.``), or its place and year (``Paper presented at: World
    Congress of Cardiology, Dublin, Ireland, 2001.``: :func:`_read_meeting_paper`), or its year alone (``Paper
    presented at: World Congress of Cardiology; 2001.``): a conference paper, the conference its container; False when the host prints more than a name and a place (a colon: ``Conference,
    Certaldo, Italy: July 2013``)."""
    host = re.sub(r"^the\s+", "", host.strip(" ."))
    if len(host) < 3 or ":" in host:
        return False
    meeting = read_meeting_place_year(host) or read_meeting_year(host)
    if meeting:  # "World Congress of Cardiology, Dublin, Ireland, 2001": the meeting, its place and its year
        _read_meeting_paper(item, [], meeting)
        return True
    item["type"] = "paper-conference"
    parts = host.rsplit(", ", 2)
    if len(parts) == 3 and _CITY_STATE.match(f"{parts[1]}, {parts[2]}"):
        host = parts[0]
        item["event-place"] = f"{parts[1]}, {parts[2]}"
    put(item, "container-title", clean_title(host))
    return True


def _put_chapter(item: dict[str, Any], title: str, found: dict[str, Any]) -> None:
    """The type, the title, then what was read of the host (``found``), in that order."""
    item["type"] = found["type"]
    put(item, "title", clean_title(title))
    item.update(found)


def read_publication(item: dict[str, Any], rest: str, year: str | None = None) -> None:
    """Books, theses, reports: ``place: publisher, year: pages``, a Chinese city alone its place (``北京, 2018:
    12-15``), a year and pages alone (``2018: 12-15``), or only a year; with ``year`` printed before, a place and
    a publisher alone (``London: Penguin``, ``北京: 科学出版社``). A publisher and its place parted by a comma where a
    colon was looked for are set apart as a book's are (``Springer, Cham, Switzerland; 2019`` -> ``Cham,
    Switzerland``, ``Springer``; :func:`~evdigest.refs.parse_places.place_and_publisher`), and a city and its state
    or country printed alone are the place (``Cambridge, Massachusetts; 2019``), so a chapter's host and a coded book
    read their publication as a book printed without a code does."""
    found = read_publisher(f"{rest.strip(' .')}, {year}" if year and not find_year(rest) else rest)
    if (
        found
        and "place" not in found
        and (is_cjk_city(found["publisher"]) or is_city_and_its_region(found["publisher"]))
    ):
        found["place"] = found.pop("publisher")
    parted = place_and_publisher(found["publisher"]) if found and "place" not in found else None
    if found and parted:
        found["place"], found["publisher"] = parted
    if found:
        put(item, "publisher-place", found.get("place", ""))
        put(item, "publisher", found.get("publisher", ""))
        put(item, "page", found.get("page", ""))
        item["issued"] = {"date-parts": [[int(found["year"])]]}
        return
    alone = _YEAR_PAGES_ALONE.match(rest.strip(" ."))
    if alone:
        item["page"] = re.sub(r"\s*[-–~～]\s*", "-", alone["page"])
        item["issued"] = {"date-parts": [[int(alone["year"])]]}
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


def _read_apa_host(item: dict[str, Any], host: str) -> bool:
    """APA ``R. A. Bradshaw & P. D. Stahl (Eds.), Book (2nd ed., pp. 185–190). Publisher``."""
    match = _APA_HOST.match(host.strip())
    if not match or find_year(match.group("book")):
        return False  # "Handbuch. Luchterhand, Neuwied 1984, 199-205": read as a host with its own date
    tokens = [t for t in re.split(r"\s*,\s*|\s+(?:and|&)\s+", match.group("editors")) if t.strip()]
    editors = parse_author_tokens(tokens)
    if editors is None:
        return False
    put_editors(item, *editors)
    details = match.group("details") or ""
    book = take_edition(item, match.group("book"))
    take_edition(item, details)
    pages = _DETAIL_PAGES.search(details) or _BOOK_PAGES.search(book)
    if pages:
        item["page"] = re.sub(r"\s*[-–—]\s*", "-", pages.group("page"))
        book = _BOOK_PAGES.sub("", book)
    put(item, "container-title", clean_title(book))
    put(item, "volume", re.sub(r"^Vols?\.\s*", "", match.group("volume") or ""))
    _put_publisher(item, match.group("publisher") or "")
    return True


def _put_publisher(item: dict[str, Any], text: str) -> None:
    """``Cambridge, MA: MIT Press`` -> place and publisher; a publisher before its place and a comma as well
    (``Earthquake Engineering Research Institute, Berkeley, CA``); a name alone is the publisher, a place alone
    (``Boston, MA``, where a conference was held) the place."""
    text = text.strip(" .")
    found = PLACE_PUBLISHER.match(text)
    if _CITY_STATE.match(text) and not PUBLISHER_WORD.search(text):
        put(item, "publisher-place", text)
        return
    parted = None if found else place_and_publisher(text)
    if parted:  # "Earthquake Engineering Research Institute, Berkeley, CA": a publisher printed before its place
        put(item, "publisher-place", parted[0])
        put(item, "publisher", parted[1])
        return
    if found:
        put(item, "publisher-place", found.group("place"))
        text = found.group("publisher")
    put(item, "publisher", text)


def read_newspaper(item: dict[str, Any], body: str) -> bool:
    """Vancouver ``Title. The Washington Post. 2002 Aug 12;Sect. A:2 (col. 4).``; False if not a newspaper."""
    match = _VANCOUVER_NEWSPAPER.match(body.strip())
    parts = date_parts(match.group("date")) if match else None
    if not match or not parts:
        return False
    item["type"] = "article-newspaper"
    put(item, "title", clean_title(match.group("title")))
    put(item, "container-title", match.group("paper"))
    item["issued"] = {"date-parts": [parts]}
    section, page = match.group("section"), match.group("page")
    if len(section) == 1 and section.isalpha():
        item["page"] = section + page  # "Sect. A:2" is page A2
    else:
        item["section"], item["page"] = section, page
    return True


def read_unnumbered(item: dict[str, Any], body: str, year: str | None) -> bool:
    """Books, theses and web pages printed Vancouver or APA style; False when ``body`` is none of them.

    Vancouver: ``Title [dissertation]. 4th ed. Place: Publisher; 2002`` (``[Internet]`` for a web page);
    APA (``year`` was printed after the authors): ``Title (6th ed.). Publisher``.
    """
    edition: dict[str, Any] = {}
    text = _take_apa_pages(edition, body.strip().rstrip(".")) if year else body.strip().rstrip(".")
    text = take_volume(edition, take_edition(edition, text))
    medium = _MEDIUM.search(text)
    parts = _sentences(text)
    isbn = _ISBN.match(parts[-1]) if len(parts) > 2 else None
    if isbn:
        edition["ISBN"] = isbn.group("isbn")
        parts = parts[:-1]
    parts = _publisher_after_comma(_publication_apart(parts))
    if len(parts) < 2:
        return False
    last = parts[-1]
    meeting = None if medium or edition else read_meeting_place_year(last) or read_meeting_year(last)
    if meeting:  # "World Congress of Cardiology, Dublin, Ireland, 2001": a paper read at the meeting, no book's title
        _read_meeting_paper(item, parts[:-1], meeting)
        return True
    # "Cambridge, Massachusetts, 2000": a city and its state, the place alone, not a publisher named "Cambridge"
    placed = read_place_year(last)
    publication = None if placed else _VANCOUVER_PUBLICATION.match(last) or (_YEAR_ONLY.match(last) if medium else None)
    found = placed or (publication.groupdict() if publication else read_place_publication(last))  # "Place: Pub, 1958"
    found = found or _publisher_year(last, bool(edition)) or read_undated_publication(last)
    parted = place_and_publisher(found.get("publisher") or "") if found and not found.get("place") else None
    if parted:  # "Boston, Harvard; 2001", "Springer, Berlin; 2005": the place and the publisher, not one publisher
        found = {**found, "place": parted[0], "publisher": parted[1]}
    elif publication and found.get("place") and found.get("publisher"):  # "Springer: Cham, Switzerland; 2001"
        place, publisher = in_order(found["place"], found["publisher"])
        found = {**found, "place": place, "publisher": publisher}
    elif publication and not found.get("place") and is_city_state(found.get("publisher") or ""):
        found = {**found, "place": found["publisher"], "publisher": None}  # "Hong Kong; 2001": the place alone
    if found:
        item.update(edition)
        _read_vancouver_publication(item, parts[:-1], found, medium)
        return True
    if year and _apa_publisher(item, parts, bool(edition)):
        item.update(edition)
        _read_apa_book(item, parts)
        item["issued"] = {"date-parts": [[int(year)]]}
        return True
    return False


def _read_meeting_paper(item: dict[str, Any], head: list[str], meeting: dict[str, str]) -> None:
    """A paper (its title the sentences ``head``) read at a meeting printed with its year, and its place where
    printed (``meeting``):
    a conference paper, the meeting its container, as Citing Medicine's meeting with no proceedings is read
    (:func:`_read_proceedings`), the year its date and the paper's."""
    item["type"] = "paper-conference"
    put(item, "title", clean_title(". ".join(head)))
    put(item, "container-title", clean_title(meeting["event"]))
    item["event-date"] = {"date-parts": [[int(meeting["year"])]]}
    put(item, "event-place", meeting.get("place") or "")
    item["issued"] = {"date-parts": [[int(meeting["year"])]]}


def read_cited_book(item: dict[str, Any], body: str, year: str | None) -> bool:
    """A book cited for some of its pages (``Molecular biology of the cell. 6th ed. New York: Garland Science; 2015.
    p. 12-30.``, ``Germ cell tumours V. London: Springer; 2002. 12-30 pp.``, ``Biochemistry, Macmillan, 2001, pp.
    12-30.``): a book, thesis or report read from what precedes the pages, which are its ``page``; False (``item``
    untouched) when it reads as none or names a host (``"Title." In John Foran (ed.) Book. New York: Routledge. pp.
    38-72.``, a chapter), or prints the pages after a comma and a quoted title (``"Structure Databases."
    Bioinformatics, 2nd ed., Wiley, 2001, pp. 83–109.``, MLA's chapter or article)."""
    pages = _CITED_PAGES.search(body)
    book = dict(item)
    if (
        not pages
        or pages["comma"]
        and _QUOTED.search(body)
        or _IN_A_HOST.search(body)
        or not read_unnumbered(book, body[: pages.start()], year)
        or book["type"] not in ("book", "thesis")
    ):
        return False
    item.update(book)
    item["page"] = re.sub(r"\s*[-–]\s*", "-", pages.group("page") or pages.group("range"))
    return True


def take_closing_publication(item: dict[str, Any], trailer: str | None) -> str | None:
    """A paper's publisher and year printed after its pages (``In ECCV, pages 459–473. Springer, 2012.``, ``pp.
    1-9. New York: ACM Press, 2006.``) into ``publisher``, ``publisher-place`` and, when no date was read,
    ``issued``; ``trailer`` back when it reads as no such publication."""
    text = (trailer or "").strip(" .")
    found = PUBLISHER_YEAR.match(text)
    publication = read_place_publication(text) or (found.groupdict() if found else None)
    if not publication or _JOURNAL_NAME.search(publication["publisher"]):
        return trailer
    put(item, "publisher-place", publication.get("place") or "")
    put(item, "publisher", publication["publisher"])
    item.setdefault("issued", {"date-parts": [[int(publication["year"])]]})
    return None


def _take_apa_pages(item: dict[str, Any], text: str) -> str:
    """APA's pages in brackets after a book's or a host's title (``Exosome biology (pp. 12–30).``, ``In Proceedings
    of … (pp. 770–778).``, ``(2nd ed., pp. 12–30)``) into ``page``; the edition stays in its brackets."""
    found = _APA_PAGES.search(text)
    if not found:
        return text
    item["page"] = re.sub(r"\s*[-–—]\s*", "-", found["page"])
    rest = found["before"].strip(" ,")
    return text[: found.start()] + (f" ({rest})" if rest else "") + text[found.end() :]


def _publisher_year(text: str, edition: bool) -> dict[str, str | None] | None:
    """``Academic Press, 2020``, ``科学出版社, 2015``: a book's publisher and year printed with no place, read when the
    name ends in a word of a publisher's name or an edition was printed, and holds no word of a journal's name."""
    match = PUBLISHER_YEAR.match(text)
    if not match or _JOURNAL_NAME.search(match["publisher"]):
        return None
    words = match["publisher"].split()
    if _PUBLISHER_NAME.search(match["publisher"]) or edition and not any(w.strip(".") in JOURNAL_WORDS for w in words):
        return {"place": None, "publisher": match["publisher"], "year": match["year"]}
    return None


def _publication_apart(parts: list[str]) -> list[str]:
    """The sentences with the publication statement one of its own: a title ending in a capital letter (``Germ cell
    tumours V. London: Springer; 2002``, ``Vitamin D. St. Louis: Mosby; 2002``), which :func:`_sentences` kept with
    it as it keeps an initial with its name, is cut from it at the first such full stop after which a publication
    reads, when the words before the colon, read whole, name no place, or when it prints no place (``Vitamin D.
    Springer; 2002``), its publisher's initials (``J. Wiley``) kept; so is a quoted title, its full stop inside the
    quotes (``"The Aeneid." London: Penguin, 2003``)."""
    whole = bool(parts) and _is_publication(parts[-1])
    if not parts or whole and not _publisher_year(parts[-1], False):
        return parts
    last = parts[-1]
    for stop in _STOP_OR_QUOTE_END.finditer(last):
        quoted = stop.group("quote")
        before, after = last[: stop.end("quote") if quoted else stop.start()], last[stop.end() :]
        initials = whole and re.fullmatch(r"(?:[A-Z]\.\s*)*[A-Z]", before)  # "W. H. Freeman; 2002": the publisher's
        if (quoted or re.fullmatch(r"[A-Z]", before[-1:]) and not initials) and _is_publication(after):
            return [*parts[:-1], before, after]
    return parts


def _publisher_after_comma(parts: list[str]) -> list[str]:
    """The sentences with a publisher and its year printed after the title's comma one of their own (``Biochemistry,
    Macmillan, 2001`` -> ``Biochemistry``, ``Macmillan, 2001``), when the name ends in a word of a publisher's name
    (:func:`_publisher_year`: ``Wiley``, ``Academic Press``; not ``Nature``, a journal's) or a place is printed before
    it (``Biochemistry, New York: Macmillan, 2001``; a title printed before, ``Grand Rapids, MI: Baker, 2011`` reads
    as a publication whole), and the text names no chapter's host (``"Title," in Book, pp. 1-9, Academic Press,
    1993``) nor, before a place, a quoted title (``"Title," Econometrica, Vol. XV, …, New York: Wiley, 1953``, an
    article's or a chapter's). A sentence of its own before the comma naming a place is the publisher's place
    (``Title. New York, Macmillan, 1913`` -> ``Title``, ``New York: Macmillan, 1913``); a state's code keeps its city
    (``Title, Washington, D.C.: Publisher``, ``Title. Saint Paul, Minn.: Publisher``), with no title when none is
    printed before the city (``Washington, DC: Publisher, 2009``)."""
    found = _COMMA_PUBLICATION.match(parts[-1]) if parts else None
    placed = read_place_publication(found["publication"]) if found else None
    if (
        not found
        or not (placed or _publisher_year(found["publication"], False))
        or (len(parts) > 1 and _is_publication(parts[-1]))
        or _IN_A_HOST.search(before := ". ".join([*parts[:-1], found["title"]]))
        or (placed and _QUOTED.search(before))
    ):
        return parts
    title, publication = found["title"], found["publication"]
    if len(parts) > 1 and is_place(title):
        return [*parts[:-1], f"{title}: {publication}"]
    if placed and _STATE.match(placed["place"]):  # "Title, Washington, D.C.: Publisher, 1945", "Title. Saint Paul,
        city = _CITY_AT_END.search(title)  # Minn.: Publisher, 1986"; "Washington, DC: Publisher, 2009" is no title
        if not city:
            return parts
        title, publication = title[: city.start()], f"{city['city']}, {publication}"
    return [*parts[:-1], title, publication]


def _is_publication(text: str) -> bool:
    """``St. Louis: Mosby; 2002``, ``Springer; 2002``, ``New York: Scribner, 1958``: a publication statement whose
    place, if it prints one, reads as a place (``Bethesda (MD)`` too)."""
    found = _VANCOUVER_PUBLICATION.match(text)
    place = found["place"] if found else None
    return bool(found and (not place or is_place(re.sub(r"\s*\([^()]*\)", "", place)))) or bool(
        read_place_publication(text)
    )


def _read_apa_book(item: dict[str, Any], parts: list[str]) -> None:
    """``Title. Place: Publisher`` (a book), or ``Title. In Proceedings of X. Publisher`` (a paper in it)."""
    host = next((i for i, part in enumerate(parts[1:-1], start=1) if _IN_PART.match(part)), None)
    if host is None:
        item["type"] = "book"
        put(item, "title", clean_title(". ".join(parts[:-1])))
    else:
        container = _IN_PART.sub("", ". ".join(parts[host:-1]))
        item["type"] = "paper-conference" if PROCEEDINGS.search(container) else "chapter"
        put(item, "title", clean_title(". ".join(parts[:host])))
        put(item, "container-title", clean_title(container))
    _put_publisher(item, parts[-1])


def _read_vancouver_publication(
    item: dict[str, Any], head: list[str], found: dict[str, str | None], medium: re.Match[str] | None
) -> None:
    """Title (less its medium and conference details), place, publisher and year (``found``) of a Vancouver or
    Chicago book, thesis or page."""
    title = _take_event(item, ". ".join(head))
    item["type"] = "book"
    if medium:
        kind = medium.group("medium") or medium.group("thesis")
        title = title.replace(medium.group(), "")
        if re.search(r"dissertation|thesis", kind, re.IGNORECASE):
            item["type"], item["genre"] = "thesis", kind
        else:
            item["type"] = "webpage"
    put(item, "title", clean_title(title))
    put(item, "publisher-place", found.get("place") or "")
    put(item, "publisher", found.get("publisher") or "")
    if found["year"]:  # "New York: Arundel, n.d.": no date printed
        item["issued"] = {"date-parts": [[int(found["year"])]]}


def _apa_publisher(item: dict[str, Any], parts: list[str], edition: bool) -> bool:
    """The last sentence of an APA reference with no numbers names a publisher (so it is a book)."""
    last = parts[-1]
    if len(last) > 80 or re.search(r"\d|^\(", last) or _JOURNAL_NAME.search(last):
        return False
    authors = [name.get("literal") for name in item.get("author", [])]
    placed = PLACE_PUBLISHER.match(last)  # "New York: Scribner"
    hosted = any(_IN_PART.match(part) for part in parts[1:-1])  # "Title. In Proceedings of X. IEEE"
    return bool(
        edition
        or hosted
        or PUBLISHER_WORD.search(last)
        or last in authors
        or placed
        and is_place(placed["place"])
        or place_and_publisher(last)  # "Earthquake Engineering Research Institute, Berkeley, CA"
    )


def _sentences(text: str) -> list[str]:
    """Split at ``. `` except after ``St``, ``ed`` and other abbreviations or an initial (``Alfred A.``)."""
    parts: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        word = text[start : match.start()].split()[-1:] or [""]
        if word[0].lower() in NON_BOUNDARY_WORDS or word[0] in JOURNAL_WORDS or re.fullmatch(r"[A-Z]", word[0]):
            continue
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]
