"""A book's publication statement printed without a type code: ``Place: Publisher, Year``.

Chicago and MLA print a book ``Weber, Max. The Protestant Ethic. New York: Scribner, 1958.``, Vancouver with a
semicolon before the year (``London: Academic Press; 2020.``), a Chinese reference without its type code
``北京: 科学出版社, 2015.``. A journal's name may hold a colon too (``Journal of Physics: Conference Series``,
``Philos Trans R Soc B: Biol Sci``): the words before the colon are read as a place only when they name one, a
city and its state or country, not words of a journal's name.
"""

from __future__ import annotations

import re

from evdigest.refs.parse_cities import (
    PUBLISHING_CITIES,
    STATE_CODES,
    city_and_publisher,
    is_city_and_region,
    is_country,
    is_region_or_country,
    names_one_place,
)

# "New York: Scribner, 1958", "London: Academic Press; 2020", "Cambridge, Mass.: MIT Press, 1990",
# "北京: 科学出版社, 2015": a place, a colon, a publisher, then the year and nothing after it
_PUBLICATION = re.compile(
    r"^(?P<place>[^:;,]{2,40}(?:,[^:;,]{2,25})?)\s*[:：]\s*(?P<publisher>[^:;：]{2,120}?)\s*[,;，]\s*"
    r"c?(?P<year>(?:1[5-9]|20)\d\d)(?:\s*[-–]\s*(?:1[5-9]|20)?\d\d)?$"
)
# "Springer, Berlin, 2005", "Wiley, New York; 2001", "Springer, Cham, Switzerland, 2001": a publisher, its place
# after it (a city maybe with its state or country), then the year
_PUBLISHER_PLACE = re.compile(
    r"^(?P<publication>[^:;,\d]{2,80}?(?:,[^:;,\d]{2,40}){1,4}?)\s*[,;]\s*c?(?P<year>(?:1[5-9]|20)\d\d)$"
)
# "New York: Arundel, n.d.", "London: Oxford University Press, n.d": a place and a publisher, no date printed
_UNDATED = re.compile(r"^(?P<place>[^:;,]{2,40}(?:,[^:;,]{2,25})?):\s*(?P<publisher>[^:;]{2,120}?),\s*n\.\s?d\.?$")
# "Cambridge, Massachusetts, 2000", "Paris, France; 2000": a city and its state, province or country, then the year
_CITY_REGION_YEAR = re.compile(
    r"^(?P<city>[^:;,\d]{2,40}),\s*(?P<region>[^:;,\d]{2,30}?)\s*[,;]\s*c?(?P<year>(?:1[5-9]|20)\d\d)$"
)
# "Nature, London, UK, 2001", "Hutchinson, London, 1990": a name, then its place and the year closing a text
_NAMED_PLACE_YEAR = re.compile(r"^(?P<source>[^:;\d]{2,160}?)\s*[,;]\s*c?(?P<year>(?:1[5-9]|20)\d\d)$")
# "Conference", "Symposium", "Workshop": a word of a meeting's name, whose place is where it was held
MEETING_WORDS = r"Symposium|Workshop|Meeting|Congress|Colloquium"
"""The words naming a meeting besides "Conference" (which some lists abbreviate "Conf", "Proc" its papers)."""
_MEETING_WORD = re.compile(rf"\b(?:Conf(?:erence)?|{MEETING_WORDS})\b", re.IGNORECASE)
# "World Congress of Cardiology; 2001", "Symposium on Exosomes, 2001": a meeting's name, its meeting word closing it
# or followed by what the meeting was of or on, then the year closing a text, no place between
_MEETING_YEAR = re.compile(
    rf"^(?P<event>[^:;,]*\b(?:Conference|{MEETING_WORDS})(?:\s+(?:of|on|for|in)\s+"
    r"[^:;,]+)?)\s*[,;]\s*(?P<year>(?:1[5-9]|20)\d\d)$"
)
# "Paper presented at: ", "Poster session presented at the ": what a paper read at a meeting was, before the meeting
_PRESENTED_AT = re.compile(
    r"^(?:(?:Paper|Poster(?:\s+session)?|Abstract|Presentation)\s+)?[Pp]resented\s+at:?\s+(?:the\s+)?"
)
# "University of California", "University of Massachusetts": a state's university, whose campuses are named after
# their cities ("University of California, Berkeley")
_STATE_UNIVERSITY = re.compile(r"\bUniversity\s+of\s+(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)$")
# "Macmillan", "Prentice Hall": a publisher's name, no place nor year in it
_PUBLISHER_NAME = r"[A-Z][^,:;\d]{1,80}"
# "Prentice Hall, 2001.", "London: Macmillan, 1872": a publication, its place left out or not, closing a text (after
# an edition, a volume or a translator list and a comma)
CLOSING_PUBLICATION = re.compile(rf"^(?:[^,:;\d]{{2,40}}:\s*)?{_PUBLISHER_NAME},\s*c?(?:1[5-9]|20)\d\d\s*\.?$")
# "Macmillan": a publisher alone closing a text, the year printed after the authors (APA, Harvard)
CLOSING_PUBLISHER = re.compile(rf"^{_PUBLISHER_NAME}$")
# "Academic Press, 2020", "科学出版社, 2015", "Cambridge University Press; 2002": a publisher and a year, no place
PUBLISHER_YEAR = re.compile(r"^(?P<publisher>[^:;,，\d]{2,80}?)\s*[,;，]\s*c?(?P<year>(?:1[5-9]|20)\d\d)$")
# "Cambridge, MA: MIT Press", "Paris, France: Dunod": place and publisher with no year (APA 6)
PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:]{2,40}):\s*(?P<publisher>[^:]+)$")
# "New", "York", "St.", "Mass.", "N.J.", "MA", "Frankfurt", "Aix-en-Provence": a word of a place's name
_PLACE_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|(?:[A-Z]\.){1,3})$")
# "am", "upon", "and": the small words inside a place's name ("Frankfurt am Main") or between two places
_LINK_WORDS = frozenset("and & am an der upon on de la le del di en sur im y".split())
# Words of a journal's name, which no place holds: "Journal of Physics", "Philos Trans R Soc B"
_JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Proceedings|Transactions|Reviews?|Letters|Annals|Bulletin|Research|Sciences?|Society|Series|"
    r"Acta|Advances|Reports|Section|Part|Proc|Trans|Soc|Philos|Biochim|Biophys|Acad|Natl|Med|Biol|Chem)\b"
)
# "Semin", "Immunopathol", "Neurobiol": a word of a journal's name abbreviated as NLM does (a capitalised word
# of four letters or more cut short by the abbreviation, printed with no full stop), which no publisher's name holds
_JOURNAL_ABBREVIATION = re.compile(
    r"\b(?:Semin|Immunol|Immunopathol|Neurobiol|Pathol|Physiol|Pharmacol|Clin|Exp|Int)\b"
)
# "Academic Press", "Garland Publishing", "Springer-Verlag": a publisher's name.
PUBLISHER_WORD = re.compile(
    r"\b(?:Press(?!\s+release)|Publish(?:ing|ers?)|Verlag|Books|Wiley|Springer|Elsevier|Routledge|Sage|McGraw-Hill|Saunders|"
    r"Mosby|Lippincott|Thieme|Karger|Humana|Prentice|Pearson|Blackwell|Garland|Macmillan)\b"
)
# "World Health Organization", "Royal College of Physicians", "Harvard University", "American Psychological
# Association": a word of the name of an organisation publishing its own books and reports
_ORGANISATION_WORD = re.compile(
    r"\b(?:Organi[sz]ation|College|University|Institute|Society|Association|Foundation|Council|Academy|Agency|"
    r"Ministry|Department|Press|Publish(?:ing|ers?))\b"
)
# "Journal", "Proceedings", "Annals": a word naming a journal, which an organisation's name printed as a journal's
# holds ("Journal of the American College of Cardiology", "Proceedings of the Royal Society")
_PERIODICAL_WORD = re.compile(
    r"\b(?:Journal|Proceedings|Transactions|Annals|Bulletin|Reviews?|Letters|Archives|Acta|Quarterly|Reports|"
    r"Advances|Proc|Trans|J)\b"
)
# "Hutchinson", "Heinemann", "Churchill Livingstone": publishers known by a name of their own, which holds no word
# of a publisher's name (the first word of it)
_PUBLISHING_HOUSES = frozenset(
    "Hutchinson Heinemann Penguin Longman Longmans Methuen Faber Cassell Collins HarperCollins Butterworth "
    "Butterworths Churchill Dekker Plenum Raven Norton Knopf Scribner Constable Palgrave Bloomsbury Kluwer Hodder "
    "Gollancz Batsford Chapman Hogarth Harcourt".split()
)
# "Co.", "Press", "Verlag": a word of a publisher's name, which no place holds
_PUBLISHER_MARK = re.compile(rf"\b(?:Co|Inc|Ltd)\b|{PUBLISHER_WORD.pattern}")
# "Mifflin & Co.", "Inc", "Ltd.", "Williams & Wilkins": what follows a comma inside a company's name ("Houghton,
# Mifflin & Co.", "Prentice-Hall, Inc", "Lippincott, Williams & Wilkins")
_COMPANY_PART = re.compile(r"\b(?:Co|Inc|Ltd)\.?$|\s&\s")
# "NRC Research Press", "Annual Reviews Inc.", "Royal Society Publishing": a publisher's name closing on a word that
# only a publisher's name closes on, whatever word of a journal's name it holds before (not "Proceedings of the Press
# Association", where the word comes before others)
_PUBLISHER_CLOSING = re.compile(r"\b(?:Press|Publish(?:ing|ers?)|Verlag|Co|Inc|Ltd)\.?$")
# "D. London", "Jr. Saint Paul": a word closed by a full stop before others, which a place holds only after the
# abbreviations of its own words ("St. Louis", "Mt. Vernon")
_STOP_INSIDE = re.compile(r"\b(?!(?:St|Ste|Sta|Mt|Ft|Pt)\.)\w+\.\s+\S")
# "科学出版社", "商务印书馆", "三联书店", "中信出版", "中华医学会", "北京大学", "卫生部": the name of a Chinese
# publisher or of an organisation publishing, ending in a word of one
CJK_PUBLISHER = re.compile(r"(?:出版|书店|组织|[会社馆院所局部心司学校室组处团办厅委站厂署])$")
# "北京", "石家庄", "乌鲁木齐", "呼和浩特市": the Chinese characters of a place's name, when not a publisher's
_CJK_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def read_place_publication(text: str) -> dict[str, str] | None:
    """``New York: Scribner, 1958`` -> place, publisher and year, when the words before the colon name a place
    (a publisher printed before its place is read as such: ``Houghton, Mifflin & Co.: Boston & New York, 1904``,
    ``Springer, Berlin, 2005``); else ``None``."""
    match = _PUBLICATION.match(text.strip().rstrip("."))
    if not match:
        return _publisher_place(text.strip().rstrip("."))
    place, publisher = in_order(match.group("place").strip(), match.group("publisher").strip())
    if _CJK_PLACE.match(place):
        if not is_cjk_city(place) or not CJK_PUBLISHER.search(publisher):
            return None
    elif not is_place(place):
        return None
    return {"place": place, "publisher": publisher, "year": match.group("year")}


def read_undated_publication(text: str) -> dict[str, str | None] | None:
    """``New York: Arundel, n.d.`` -> place and publisher (no year), when the words before the colon name a place;
    else ``None``."""
    match = _UNDATED.match(text.strip())
    if not match or not is_place(match["place"].strip()):
        return None
    return {"place": match["place"].strip(), "publisher": match["publisher"].strip(), "year": None}


def read_place_year(text: str) -> dict[str, str | None] | None:
    """``Cambridge, Massachusetts, 2000`` -> place and year, no publisher: a book's place named in two parts, a city
    and its state, province or country (:func:`is_city_and_region`), which no publisher's name is; else ``None``."""
    match = _CITY_REGION_YEAR.match(text.strip().rstrip("."))
    if not match or not is_city_and_region(match["city"].strip(), match["region"].strip()):
        return None
    return {"place": f"{match['city'].strip()}, {match['region'].strip()}", "publisher": None, "year": match["year"]}


def is_city_and_its_region(text: str) -> bool:
    """``Cambridge, Massachusetts``, ``Brisbane, Queensland``, ``Paris, France``: a city known for its publishers
    and its state, province or country, parted by a comma (:func:`is_city_and_region`), read where a publisher was
    looked for: a place, which no publisher's name is (as :func:`read_place_year` reads it before a year)."""
    city, comma, region = text.partition(",")
    return bool(comma) and is_city_and_region(city.strip(), region.strip())


def journal_and_place(text: str) -> tuple[str, str] | None:
    """``Nature, London, UK`` -> ``Nature``, ``London, UK``: a journal's name and the place it is published at,
    printed after it and a comma, a city known for its publishers, its state or country maybe after it, or two such
    cities (:func:`~evdigest.refs.parse_cities.names_one_place`); the place is the journal's, no publisher's nor the
    journal's name's. ``None`` when no such place closes the text, or the name reads as a publisher printed before
    its place (``Springer, Berlin``, ``World Health Organization, Geneva``: :func:`publisher_first`; not ``Springer
    Semin Immunopathol, Berlin``), as a
    place of its own (``London, Oxford``: which of the two is the place is not told) or as a meeting's, whose place
    is where it was held (``Proceedings of the 5th Conference, Boston``), or when the city names a state
    university's campus (``University of California, Berkeley``) or is a country too, which a journal's name may
    close on (``Annals of the Academy of Medicine, Singapore``), unless the name opens with that city (``Hong Kong
    Med J, Hong Kong``: the journal's place)."""
    parts = [part.strip() for part in text.split(",")]
    for cut in range(1, len(parts)):
        named = parts[0].startswith(f"{parts[cut]} ")  # "Hong Kong Med J, Hong Kong": its city opens its name
        city = parts[cut] in PUBLISHING_CITIES and (not is_country(parts[cut]) or named)
        if city and names_one_place(parts[cut:]):
            name, place = ", ".join(parts[:cut]), ", ".join(parts[cut:])
            campus = _STATE_UNIVERSITY.search(name)
            if parts[0] in PUBLISHING_CITIES or is_region_or_country(parts[0]) or _MEETING_WORD.search(name):
                return None
            if campus and is_region_or_country(campus["state"]):
                return None
            return None if not name or publisher_first(name, place) else (name, place)
    return None


def read_journal_place_year(text: str) -> dict[str, str] | None:
    """``Nature, London, UK, 2001.`` -> journal, place and year: a journal's name and its place
    (:func:`journal_and_place`), then the year closing the text; else ``None``."""
    match = _NAMED_PLACE_YEAR.match(text.strip().rstrip("."))
    found = journal_and_place(match["source"]) if match else None
    return {"journal": found[0], "place": found[1], "year": match["year"]} if match and found else None


def read_meeting_place_year(text: str) -> dict[str, str] | None:
    """``World Congress of Cardiology, Dublin, Ireland, 2001.`` -> event, place and year: a meeting's name (a
    congress, a meeting, a conference, a symposium, a workshop), the place it was held at and the year closing the
    text, a paper read at that meeting; not a book titled after the meeting, nor a journal. The place is a city
    known for its publishers, its state or country maybe after it, or any city with its state or country after it
    (``Kyoto, Japan``); a meeting's proceedings (``Proceedings of the 5th Conference, Boston, 2001``), printed
    at a place that may be its publisher's, are not read; what a paper read there was may be printed before it
    (``Paper presented at: World Congress of Cardiology, …``). ``None`` for any other text."""
    match = _NAMED_PLACE_YEAR.match(_PRESENTED_AT.sub("", text.strip().lstrip(". ")).rstrip("."))
    parts = [part.strip() for part in match["source"].split(",")] if match else []
    for cut in range(1, len(parts)):
        name, rest = ", ".join(parts[:cut]), parts[cut:]
        known = rest[0] in PUBLISHING_CITIES and names_one_place(rest)
        regional = len(rest) > 1 and is_place(rest[0]) and all(is_region_or_country(part) for part in rest[1:])
        if known or regional:
            if not _MEETING_WORD.search(name) or re.match(r"Proc", name) or is_region_or_country(rest[0]):
                return None
            return {"event": name, "place": ", ".join(rest), "year": match["year"]}
    return None


def read_meeting_year(text: str) -> dict[str, str] | None:
    """``World Congress of Cardiology; 2001.``, ``Symposium on Exosomes, 2001.`` -> event and year: a meeting's name
    (a congress, a meeting, a conference, a symposium, a workshop, the word closing the name or followed by what the
    meeting was of or on) then the year closing the text, printed with no place, a paper read at that meeting as
    :func:`read_meeting_place_year` reads one printed with its place; not a meeting's proceedings (``Proceedings of
    the 5th Conference, 2001``) nor a journal's or a publisher's name holding a meeting's word (``Journal of
    Conference Abstracts``, ``Conference Board Press``); an ``In`` before the meeting is left out (``In
    International Conference on Machine Learning, 2015``). ``None`` for any other text."""
    text = re.sub(r"^In:?\s+", "", _PRESENTED_AT.sub("", text.strip().lstrip(". ")))
    match = _MEETING_YEAR.match(text.rstrip("."))
    if not match or re.match(r"Proc", match["event"]) or _PERIODICAL_WORD.search(match["event"]):
        return None
    if _PUBLISHER_MARK.search(match["event"]):
        return None
    return {"event": match["event"].strip(), "year": match["year"]}


def _publisher_place(text: str) -> dict[str, str] | None:
    """``Springer, Berlin, 2005``, ``Boston, Harvard, 2001`` -> place, publisher and year: a place and a publisher
    parted by a comma (:func:`place_and_publisher`), then the year; else ``None``."""
    match = _PUBLISHER_PLACE.match(text)
    parted = place_and_publisher(match["publication"]) if match else None
    if not match or not parted:
        return None
    return {"place": parted[0], "publisher": parted[1], "year": match["year"]}


def place_and_publisher(text: str) -> tuple[str, str] | None:
    """``Springer, Berlin`` -> ``Berlin``, ``Springer``; ``Boston, Harvard`` -> ``Boston``, ``Harvard``: the place
    and the publisher of a publication parted by a comma where a colon was looked for, a publisher printed before its
    place (:func:`publisher_first`) or a city known for its publishers before a publisher's name
    (:func:`~evdigest.refs.parse_cities.city_and_publisher`); ``None`` for any other text (``London, Oxford``).

    A publisher printed first ends at its place's first part, the place being a city and what follows it, its state
    or country or a second city (``Springer, Cham, Switzerland`` -> ``Cham, Switzerland``, ``Springer``;
    ``Springer-Verlag, Berlin, Heidelberg``; :func:`~evdigest.refs.parse_cities.names_one_place`), and keeps the
    commas of a company's name only (``Houghton, Mifflin & Co., Boston``, ``Prentice-Hall, Inc, Englewood Cliffs``,
    ``Lippincott, Williams & Wilkins, Philadelphia``; not ``Logic and Data Bases, Plenum Press, New York``, a book's
    title before its publisher), its place opening on a city, not on a state's code (``Westview Press Boulder, CO``:
    the city is the publisher's words')."""
    for comma in re.finditer(",", text):
        first, second = text[: comma.start()].strip(), text[comma.end() :].strip()
        if second.split(",")[0].strip() in STATE_CODES:  # "Westview Press Boulder, CO": a state's code is no city
            continue
        company = all(_COMPANY_PART.search(part.strip()) for part in first.split(",")[1:])
        if company and names_one_place([part.strip() for part in second.split(",")]) and publisher_first(first, second):
            return second, first
    return city_and_publisher(text)


def in_order(place: str, publisher: str) -> tuple[str, str]:
    """The place and the publisher of ``place: publisher``, put back in order where a publisher is printed before
    its place (``Houghton, Mifflin & Co.: Boston & New York``, ``三联书店: 北京``; :func:`publisher_first`)."""
    return (publisher, place) if publisher_first(place, publisher) else (place, publisher)


def publisher_first(first: str, second: str) -> bool:
    """``Springer``, ``Berlin``; ``Houghton, Mifflin & Co.``, ``Boston & New York``; ``三联书店``, ``北京``: a
    publisher named as one (a word of a publisher's name; a Chinese publisher's closing word; an organisation
    publishing its own books, ``World Health Organization``, :func:`is_publishing_organisation`) printed before a place
    (a Chinese city after a Chinese publisher); not a journal's name holding a publisher's word (``Springer Semin
    Immunopathol``, ``Proceedings of the Press Association``) before it, but for ``Science``, which publishers'
    names hold too (``Elsevier Science``), and for a name closing on a publisher's own word (``NRC Research Press``,
    ``Annual Reviews Inc.``)."""
    if CJK_PUBLISHER.search(first) and is_cjk_city(second):
        return True
    if is_publishing_organisation(first):
        return is_place(second)
    journal = any(word not in ("Science", "Sciences") for word in _JOURNAL_WORD.findall(first))
    if not _PUBLISHER_MARK.search(first) or _JOURNAL_ABBREVIATION.search(first):
        return False
    if journal and not _PUBLISHER_CLOSING.search(first.strip()):
        return False
    return is_place(second)


def is_publishing_organisation(name: str) -> bool:
    """``World Health Organization``, ``Royal College of Physicians``, ``Harvard University``, ``Hutchinson``: an
    organisation publishing its own books and reports (a word of an organisation's or a publisher's name, or a name
    closing on the country it works in: ``Cancer Research UK``) or a publisher known by a name of its own, which a reference prints before its place as a publisher (``World Health
    Organization, Geneva, 2001``), not a journal; not a journal's name holding such a word (``Journal of the American
    College of Cardiology``, ``Proceedings of the Royal Society``, ``Springer Semin Immunopathol``)."""
    if _PERIODICAL_WORD.search(name) or _JOURNAL_ABBREVIATION.search(name):
        return False
    if _ORGANISATION_WORD.search(name) or _named_after_its_country(name):
        return True
    return (name.split() or [""])[0] in _PUBLISHING_HOUSES


def _named_after_its_country(name: str) -> bool:
    """``Cancer Research UK``, ``Diabetes UK``, ``Cancer Council Australia``, ``Kidney Health New Zealand``: an
    organisation named after the country it works in, what it works for and then the country's name closing the
    name; not a name where the country follows ``of`` or ``in`` (``Frontiers of Medicine in China``) nor a country
    alone, nor a city and its country (``London, UK``)."""
    words = [] if "," in name else name.split()
    for size in (1, 2, 3):
        head, country = words[:-size], " ".join(words[-size:])
        if head and is_country(country) and head[-1] not in ("of", "in", "the", "and", "&"):
            return True
    return False


def is_place(text: str) -> bool:
    """``New York``, ``Cambridge, Mass.``, ``Frankfurt am Main``, ``London and New York``: capitalised words of a
    place (and the small words inside one), up to six, no digits nor words of a journal's or a publisher's name;
    not a single capital closing them (``Soc B``: a journal's section) nor a word and a full stop before other words
    (``Vitamin D. London``: the end of a title before the place), but ``St.`` and the like. A city and the states,
    counties or countries after it are a place however they are written (``Amsterdam, the Netherlands``, ``Beijing,
    People's Republic of China``, ``Beijing, P. R. China``; :func:`~evdigest.refs.parse_cities.is_region_or_country`):
    only the city is read as above."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) > 1 and all(is_region_or_country(part) for part in parts[1:]):
        text = parts[0]
    words = text.replace(",", " ").split()
    if not words or len(words) > 6 or re.search(r"\d", text):
        return False
    if _JOURNAL_WORD.search(text) or _PUBLISHER_MARK.search(text):
        return False
    if _STOP_INSIDE.search(text):  # "Vitamin D. London", "Poulin Jr. Saint Paul": what precedes a place and the place
        return False
    if re.fullmatch(r"[A-Z]", words[-1]) or words[0] in _LINK_WORDS or words[-1] in _LINK_WORDS:
        return False
    return all(_PLACE_WORD.match(word) or word in _LINK_WORDS for word in words)


def is_cjk_city(text: str) -> bool:
    """``北京``, ``石家庄``, ``上海市``: a Chinese city, two to six characters, where GB/T 7714 names the place of a
    publication (``北京: 科学出版社, 2015``; alone, ``北京, 2018: 12-15``, when the publisher is not named); not a
    publisher's or an organisation's name (``三联书店``, ``中信出版``, ``卫生部``, ``北京大学``)."""
    return bool(_CJK_PLACE.match(text)) and not CJK_PUBLISHER.search(text)
