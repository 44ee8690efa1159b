"""The "source" part of a reference: year, volume, issue, pages, and the journal before them.

Reads the end of a reference (``2020;36(2):165-178``, ``2021,50(10):944-947``,
``2015(6):632-6``, ``45(3), 123-145``, ``2004;45 Suppl 2:S21-S27``) and splits
the text in front of it into title and journal.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from evdigest.refs.parse_places import in_order
from evdigest.refs.parse_words import JOURNAL_WORDS

# "Jan.", "September", "févr.", "Spring": a month (or season) name; not a name it opens ending in -er ("Springer",
# "Mayer", a publisher's or a person's)
_MONTH_NAME = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter|"
    r"janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)(?!er\b)[a-zéû]*\.?)"
)
# "Jan", "Jan-Feb", "Nov/Dec", "Dec-2021 Jan" (an issue of two months, over the turn of a year)
_MONTH = r"(?:[A-Z][a-z]{2,8}\.?(?:\s*[-/]\s*(?:(?:19|20)\d\d\s+)?[A-Z][a-z]{2,8}\.?)?)"
_YEAR = r"(?P<year>(?:1[5-9]|2[0O])[\dO]{2})[a-z]?"
_VOLUME = r"(?:[Vv]ol\.?\s*)?(?P<volume>[A-Z]?\d[\w.\-]*(?:\s*Suppl\.?\s*\d*)?|Suppl\.?\s*\d*)"
_ISSUE = r"\(\s*(?P<issue>[^()]*(?:\([^()]*\)[^()]*)?)\s*\)"
# "165-178", "E1127-E1136", "eaau6977", "428-445.e14" (Cell Press supplementary pages).
_PAGES = r"(?:pp?\.?\s*)?(?P<page>[A-Za-z]{0,4}\d\w*(?:\s*[-–—]\s*[A-Za-z]{0,4}\d\w*)?(?:\.e\d+)?)"

# "2020;36(2):165-178", "2021,50(10):944-947", "2015(6):632-6", "2013,2", "2020 Jan 5;12:e1".
_YEAR_TAIL = re.compile(
    rf"(?:^|(?<=[\s,.;(\]]))(?P<tail>{_YEAR}(?:\s+(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}}))?)?\)?\s*"
    rf"(?:(?:[;,:]\s*|\.\s+(?=\d+\()|\s+(?=\d+\()){_VOLUME}\s*(?:,?\s*{_ISSUE})?|[;,:]?\s*{_ISSUE.replace('issue', 'issue_only')})?"
    rf"\s*(?:(?:[:,]\s*|\s+){_PAGES})?)\s*\.*\s*$"
)
# "45(3), 123-145", "Vol. 9, pp. 1477-81", "106, 4894-4899", "45 (1930), pp. 573-77", "12, no. 3: 5-9".
_VOLUME_TAIL = re.compile(
    r"(?:^|(?<=[\s,.;]))(?P<tail>(?P<prefix>(?:[Vv]ol(?:ume)?\.?|v\.)\s*)?(?P<volume>[A-Z]?\d+(?:\.\d+)?[A-Za-z]?)\s*"
    r"(?:,?\s*\(\s*(?P<issue>[^()]+?)\s*\)|,?\s*(?:[Nn]os?\.?|[Ii]ssue|n°|n\.|nr\.?)\s*(?P<issue2>[\w/-]+)|"
    r",\s*(?P<issue3>\d{1,3})(?=\s*[,:]\s*(?:pp?\.\s*)?\d)|:\s*(?P<issue4>\d{1,3})(?=\s*:))?\s*"
    rf"(?:,?\s*\(?(?:{_MONTH_NAME}(?:\s*[/-]\s*{_MONTH_NAME})?\s+)?(?P<year>(?:1[5-9]|20)\d\d)\)?)?\s*"
    r"(?:(?:[:,]\s*|\s+)(?:pages?\s*|pp?\.?\s*|(?P<article>[Aa]rticle\s+(?:[Nn]o\.?\s*)?))?"
    r"(?P<page>[A-Za-z]{0,4}\d\w*(?:\s*[-–—]{1,2}\s*[A-Za-z]{0,4}\d\w*)?))?)"
    r"\s*\.*\s*$"
)
# "(12 August)", "(January 2001)": a date printed where an issue would be.
_DATE_ISSUE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:1[5-9]|20)\d\d\b", re.IGNORECASE
)
# "(pp)", "(p.)": a page label printed where the issue goes, not an issue.
_NOT_ISSUE = re.compile(r"^(?:pp?|pages?)\.?$", re.IGNORECASE)
# "pp. 1573 - ": a page range (or a volume) right before what looked like a year.
_PAGE_BEFORE = re.compile(r"(?:[-–—]|\bpp?\.|\d\s*[,:])\s*$")
# ", June 1978.", " (1962).", ", 1995.": a date printed after the pages.
_TRAILING_DATE = re.compile(
    rf"(?:[,.;]\s*|\s+)\(?(?:(?:{_MONTH_NAME}(?:\s*[/-]\s*{_MONTH_NAME})?|(?<![\w-])\d{{1,2}})[,\s]+){{0,2}}"
    r"(?P<year>(?:1[5-9]|2[0O])[\dO]{2})[a-z]?\)?\s*\.*\s*$"
)
# ". IF: 5,895", " (* Co-first authorship)": where a note after the numbers may start.
_NOTE_START = re.compile(r"\.\s+(?=\S)|\s+(?=[(\[])")
# "(See also LAPACK Working Note No.70).", "(with personal reflections by ...)": a closing note.
_TRAILING_NOTE = re.compile(r"\s*\((?:[Ss]ee|[Ww]ith|[Aa]lso|[Ii]n|[Rr]eprinted|[Tt]ranslated)\b[^()]*\)\.?\s*$")
# "(Dec. 1995)", "(1988)", "(July-August, 1964)": a date in parentheses between the numbers.
_PAREN_DATE = re.compile(rf",?\s*\((?:{_MONTH_NAME}(?:\s*[-–/]\s*{_MONTH_NAME})?,?\s+)?(?P<year>(?:1[5-9]|20)\d\d)\)")
# ", 19.": a volume alone after the journal.
_VOLUME_ONLY = re.compile(r",\s*(?P<tail>(?P<volume>\d{1,4}))\s*\.?\s*$")
# ", n°160. p. 25-93", ", Issue 465, pp. 301-318", ", No. 35. (2004), pp. 367-390": an issue with no volume.
_ISSUE_TAIL = re.compile(
    r"(?:^|(?<=[\s,.;]))(?P<tail>(?:n°|[Nn]os?\.|[Ii]ssue|nr\.?)\s*(?P<issue>[\w/-]+)\.?"
    r"(?:[,\s]*\(?(?:1[5-9]|20)\d\d\)?)?"
    r"(?:[,.]?\s*(?:[Pp]ages?|pp?\.)\s*(?P<page>\w+(?:\s*[-–—]{1,2}\s*\w+)?))?)\s*\.*\s*$"
)
# "pp. 319-327", "pages 15-26", "p. 12": pages with no volume.
_PAGES_TAIL = re.compile(
    r"(?:^|(?<=[\s,.;]))(?P<tail>(?:(?:[Pp]ages?|pp?\.)\s*(?P<page>\w+(?:\s*[-–—]\s*\w+)?)|"
    r"(?<=,\s)(?P<range>\d+\s*[-–—]\s*\d+)))\s*\.*\s*$"
)
# "1780 – ", "1914-": a year and a dash, which a range's last year follows
_RANGE_OPENED = re.compile(r"(?<!\d)(?P<year>(?:1[5-9]|20)\d\d)\s*[-–—]\s*$")
# "(2011)", "2011.", ", 2011,": a year anywhere (APA, Harvard).
_ANY_YEAR = re.compile(r"(?<![\d/-])\(?((?:1[5-9]|20)\d\d)[a-z]?\)?(?![\d/])(?!-\d{3})")
# ". ", "? ", "." glued to a capital ("[J].JCell Biol" ends like this): a sentence boundary.
_BOUNDARY = re.compile(r"[.?!][\"”']?\s+(?=\S)|(?<=[a-z\]])\.(?=[A-Z])")
# The last word before a dot: "Chem" in "J. Biol. Chem".
_LAST_WORD = re.compile(r"([^\s(\[\"]+)$")
# "Amer", "Intl", "J": a short capitalised word, likely an abbreviation before a dot.
_SHORT_CAPITAL = re.compile(r"[A-Z][a-z]{0,3}")
# "J Hepatol", "Cell", "Proc Natl Acad Sci U S A": an NLM journal abbreviation (no dots inside).
_UNDOTTED_JOURNAL = re.compile(r"^[A-Z][\w&'()\-]*(?:\s+[\w&'()\-]+){0,9}\.?\s*$")
# "Proceedings of the National Academy of Sciences": a journal name written out in full words.
_FULL_JOURNAL = re.compile(r"^(?:The\s+)?[A-Z][a-z]{3,}(?:\s+(?:[A-Z][a-z]{3,}|of|the|and|for|in|on|&)){1,9}\.?\s*$")
# "Nano Lett.", "Phys. Rev. B": text made only of journal-abbreviation words.
_JOURNAL_ONLY = re.compile(r"^(?:(?:[A-Z][A-Za-z]{0,3}\.?|[A-Z][A-Za-z]{4,7}\.|of|and|the|&)\s*){1,5}$")
# ". In Proceedings of", ", in Proc.": where the container of a chapter or paper starts.
_IN_CONTAINER = re.compile(r"[.,]\s+(?=[Ii]n:?\s+[A-Z])")
# ", Journal of Systems": a comma before a capitalised word (title, journal in CS styles).
_COMMA_CUT = re.compile(r",\s+(?=[A-Z])")
# Abbreviations whose dot never ends a sentence: "vol.", "no.", "pp.", "Jr.".
NON_BOUNDARY_WORDS = frozenset("vol v no nos n nr pp p pt suppl jr sr st dr mr mrs inc co ltd dept univ ed eds".split())
# Short words that end titles rather than abbreviate journal words.
TITLE_END_WORDS = frozenset(
    "Cell Mice Rats Data Life Time Work Care Role Use Law Cancer Tumor Virus Health Study Trial Review Model Theory "
    "Method Growth Memory Vision Speech Music Policy Power Energy Water Stress Injury Repair Aging Plants Matter War Age Case Risk Gene Self Mind Body Bone Skin "
    "Lung Eye Sex Diet Sleep Pain Heart Liver Brain Blood Kidney Plant Soil Host Test Text Web Net Map Tree".split()
)
# "septembre", "Jan": a month name left at the end of a journal.
_TRAILING_MONTH = re.compile(r"[,\s]+(?:[A-Za-zéû]{3,9})$")
# "Politics Society, 1999": a year left at the end of a journal name.
_TRAILING_YEAR = re.compile(
    rf",\s*(?:\d{{1,2}}[/.]\d{{1,2}}[/.]|\d{{1,2}}\s+)?(?:{_MONTH_NAME}\s+)?\(?(?:1[5-9]|20)\d\d\)?$", re.IGNORECASE
)
# '"Title," Journal', '« Titre », Revue', "'Title', Journal" (Harvard): a quoted title.
_QUOTED = re.compile(
    r'^(?:"(?P<title>[^"]+)"|«\s*(?P<guillemets>[^«»]+?)\s*»|\'(?P<single>.+?)\'(?=[,.]\s))\s*[,.]?\s*'
)
# " [Internet]", " [serial on the Internet]": the medium printed after a journal name (Vancouver).
_JOURNAL_MEDIUM = re.compile(r"\s*\[(?:[A-Za-z]+\s(?:on\sthe\s)?)?Internet\]", re.IGNORECASE)
# "In: Smith J, editor. Book." / "In Book": a chapter's container.
_IN = re.compile(r"^(?:In|in)\s*:?\s+")
# "Beijing: Science Press, 2020: 12-30": place, publisher, year (books, theses, reports).
_PUBLISHER = re.compile(
    r"(?:(?P<place>[^:,.;]{2,40})\s*:\s*)?(?P<publisher>[^:;]+?)\s*[,;]\s*"
    r"(?P<year>(?:1[5-9]|20)\d\d)(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*(?::\s*(?P<page>\d+(?:\s*-\s*\d+)?))?\s*\.*$"
)
# How every text _PUBLISHER reads ends: ", 2020: 12-30." (looked for first: most references end otherwise,
# and _PUBLISHER's lazy publisher tries every start before it fails)
_PUBLISHER_END = re.compile(
    r"[,;]\s*(?:1[5-9]|20)\d\d(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*(?::\s*\d+(?:\s*-\s*\d+)?)?\s*\.*$"
)
_MONTH_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre".split()
)


@dataclass
class Tail:
    """The numbers at the end of a reference and where they begin in the text."""

    start: int
    year: str | None = None
    volume: str | None = None
    issue: str | None = None
    page: str | None = None
    year_first: bool = False
    """``2020;36(2):165`` (Vancouver, GB/T 7714) rather than ``36(2), 165`` (APA and others)."""
    article: bool = False
    """The page is printed as an article number (APA ``9, Article 19``)."""
    month: int | None = None
    """The month printed after a year-first year (``2018 Nov 23;7(1)``)."""
    day: int | None = None


def read_tail(text: str) -> Tail | None:
    """Read year/volume/issue/pages at the end of ``text`` (the year-first or volume-first form)."""
    match = _YEAR_TAIL.search(text)
    numbers = match and (
        match.group("volume") or match.group("issue") or match.group("issue_only") or match.group("page")
    )
    year_first = None
    if match and numbers and not _PAGE_BEFORE.search(text[: match.start("tail")]):
        year_first = _year_first(match)
        if year_first.volume or year_first.issue:
            return year_first
    tail = _tail_without_dates(text)
    if tail and year_first and year_first.page and tail.start > year_first.start:
        return year_first  # "2023 Jan 4:e12300": the day is not a volume
    if tail:
        tail.year = tail.year or (year_first.year if year_first else None)
        return tail
    if year_first:
        return year_first
    if match and _year_only_ok(text, match):
        return Tail(match.start("tail"), _fix_year(match.group("year")), year_first=True)
    return None


def _tail_without_dates(text: str) -> Tail | None:
    """Volume-first forms once a closing note and dates among the numbers are set aside."""
    body, year, removed_at = _drop_notes_and_dates(text)
    date = _TRAILING_DATE.search(body)
    if date and _closes_year_range(body[: date.start("year")], date.group("year")):
        date = None
    if date:
        body = body[: date.start()]
        year = year or _fix_year(date.group("year"))
    tail = _volume_first(body) or _issue_only(body) or _pages_only(body) or _volume_only(body)
    if tail is None:
        return Tail(date.start(), year) if date and date.start() <= removed_at else None
    tail.year = tail.year or year
    tail.start = min(tail.start, removed_at)
    return tail


def read_tail_before_notes(text: str) -> tuple[Tail | None, int]:
    """Like :func:`read_tail`, but skips up to three trailing sentences (``IF: 5,895``, ``Retrieved from``)."""
    tail = read_tail(text)
    if tail and (tail.volume or tail.page):
        return tail, len(text)
    for cut in list(_NOTE_START.finditer(text))[::-1][:3]:
        earlier = read_tail(text[: cut.start()])
        if earlier and (earlier.volume or earlier.page) and earlier.start > 0:
            return earlier, cut.start()
    return tail, len(text)


def _drop_notes_and_dates(text: str) -> tuple[str, str | None, int]:
    """Remove a closing ``(See also ...)`` note and a ``(Dec. 1995)`` date inside the numbers.

    Returns the text, the year of the removed date and where it was (the text length if none).
    """
    text = _TRAILING_NOTE.sub("", text)
    dates = list(_PAREN_DATE.finditer(text))
    date = dates[-1] if dates else None
    if date is None or date.start() < len(text) // 2 or date.end() >= len(text.rstrip(" .")):
        return text, None, len(text)
    return text[: date.start()] + text[date.end() :], date.group("year"), date.start()


def _volume_only(text: str) -> Tail | None:
    """``Artificial Intelligence, 19`` (a volume with no pages)."""
    match = _VOLUME_ONLY.search(text)
    if not match or _is_year(match.group("volume")):
        return None
    return Tail(match.start("tail"), volume=match.group("volume"))


def _year_first(match: re.Match[str]) -> Tail:
    """``2020;36(2):165-178`` (Vancouver, GB/T 7714)."""
    tail = Tail(match.start("tail"), _fix_year(match.group("year")), year_first=True)
    tail.month, tail.day = _month_day(tail.year, match.group("month"), match.group("day"))
    tail.volume, tail.page = match.group("volume"), match.group("page")
    tail.issue = match.group("issue") or match.group("issue_only")
    glued = match.group("day") and match.string[match.end("day") : match.end("day") + 1] == "("
    if glued and match.group("issue_only") and not tail.volume:  # "2018 Nov 23(4)": the volume's ";" lost
        tail.volume, tail.day = match.group("day"), None
    return _tidy(tail)


def _volume_first(text: str) -> Tail | None:
    """``45(3), 123-145``, ``Vol. 81, No. 5, pp. 730-744``, ``347, (1995), 2235-2243``."""
    match = _VOLUME_TAIL.search(text)
    if not match or not (match.group("page") or match.group("issue") or match.group("issue2") or match.group("prefix")):
        return None
    if _is_year(match.group("volume")):
        return None
    tail = Tail(match.start("tail"), match.group("year"), match.group("volume"))
    tail.issue = match.group("issue") or match.group("issue2") or match.group("issue3") or match.group("issue4")
    tail.page = match.group("page")
    tail.article = bool(match.group("article") and tail.page)
    if tail.issue and _is_year(tail.issue):
        tail.year, tail.issue = tail.issue, None
    return _tidy(tail)


def _issue_only(text: str) -> Tail | None:
    """``n°160. p. 25-93`` (French and other styles that number issues only)."""
    match = _ISSUE_TAIL.search(text)
    if not match:
        return None
    return _tidy(Tail(match.start("tail"), issue=match.group("issue"), page=match.group("page")))


def _pages_only(text: str) -> Tail | None:
    """``pp. 319-327`` with no volume (proceedings, some journals); not a range of years printed without a label
    (``A History of Railways, 1850–1900.``), which closes a title."""
    match = _PAGES_TAIL.search(text)
    if not match or match.group("range") and is_year_range(match.group("range")):
        return None
    return _tidy(Tail(match.start("tail"), page=match.group("page") or match.group("range")))


def is_year_range(text: str) -> bool:
    """``1850–1900``, ``1914-1918``: two years, the second not before the first."""
    years = re.split(r"\s*[-–—]\s*", text.strip())
    return len(years) == 2 and all(_is_year(year) for year in years) and int(years[0]) <= int(years[1])


def _year_only_ok(text: str, match: re.Match[str]) -> bool:
    """A bare year ends the reference (no volume printed), not a page after a volume (``106, 1500``) nor the last
    year of a range closing a title (``Mill Towns, 1780 – 1860.``)."""
    before = text[: match.start("tail")]
    return (
        match.start("tail") > 0
        and not re.search(r"\d\s*[,:]\s*$", before)
        and not _closes_year_range(before, match.group("year"))
    )


def _closes_year_range(before: str, year: str) -> bool:
    """``year`` is the last of a range of years that ``before`` opens (``Mill Towns, 1780 – `` and ``1860``)."""
    opening = _RANGE_OPENED.search(before)
    return bool(opening) and is_year_range(f"{opening.group('year')}-{year}")


def _is_year(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"(?:1[5-9]|20)\d\d", value) is not None


# "2024 May 3", "2002 Aug 12", "2024-01-02", "5 March 2021", "March 5, 2021": a date and its parts.
_DATE_FORMS = (
    re.compile(r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?"),
    re.compile(r"(?P<y>(?:1[5-9]|20)\d\d)\s+(?P<month>[A-Za-z]{3,9})\.?(?:\s+(?P<d>\d{1,2}))?"),
    re.compile(r"(?P<d>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:1[5-9]|20)\d\d)"),
    re.compile(r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:1[5-9]|20)\d\d)"),
)
_MONTHS = {name: i for i, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def date_parts(text: str) -> list[int] | None:
    """``2024 May 3`` -> ``[2024, 5, 3]``; ``2024-01-02`` -> ``[2024, 1, 2]``; ``None`` if no date is found."""
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        found = match.groupdict()
        month = found.get("m") or _MONTHS.get((found.get("month") or "")[:3].lower())
        if month is None and found.get("month"):
            continue
        parts = [int(found["y"])] + ([int(month)] if month else [])
        if month and found.get("d"):
            parts.append(int(found["d"]))
        return parts
    return None


def _month_day(year: str | None, month: str | None, day: str | None) -> tuple[int | None, int | None]:
    """The month and day of ``2018 Nov 23`` (:func:`date_parts`); the first month of a span (``Jan-Feb``,
    ``Dec-2021 Jan``) without a day; no day the month does not have."""
    if not year or not month:
        return None, None
    span = re.split(r"\s*[-/]\s*", month, maxsplit=1)
    month, day = span[0], day if len(span) == 1 else None
    parts = date_parts(f"{year} {month} {day or ''}".strip()) or []
    if len(parts) == 3:
        try:
            datetime.date(*parts)
        except ValueError:
            parts = parts[:2]
    return (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _fix_year(year: str | None) -> str | None:
    """``2O05`` (letter O from PDF conversion) -> ``2005``."""
    return year.replace("O", "0") if year else None


def _tidy(tail: Tail) -> Tail:
    """Normalise pages (no spaces, ASCII hyphen), split ``45 Suppl 2`` into volume and issue."""
    if tail.page:
        tail.page = re.sub(r"\s*[-–—]+\s*", "-", tail.page)
    if tail.volume:
        tail.volume = tail.volume.strip(" .")
        supp = re.match(r"^(\d+\w*)\s*(Suppl\.?\s*\d*)$", tail.volume)
        if supp and not tail.issue:
            tail.volume, tail.issue = supp.group(1), supp.group(2)
        elif not tail.page and re.search(r"\d-\d|^[A-Z]\d", tail.volume):
            tail.page, tail.volume = tail.volume, None
    if tail.issue is not None:
        tail.issue = tail.issue.strip() or None
    if tail.issue and _NOT_ISSUE.match(tail.issue):
        tail.issue = None
    if tail.issue and _DATE_ISSUE.search(tail.issue):
        year = _ANY_YEAR.search(tail.issue)
        tail.year = tail.year or (year.group(1) if year else None)
        tail.issue = None
    return tail


def find_year(text: str) -> tuple[str, int, int] | None:
    """The first plausible year in ``text`` with its span (APA ``(2011).``, Harvard ``2011.``)."""
    match = _ANY_YEAR.search(text)
    return (match.group(1), match.start(), match.end()) if match else None


def split_title_journal(middle: str, nlm: bool = False) -> tuple[str | None, str | None]:
    """Split ``Title. Journal`` (the text between the authors and the numbers).

    ``nlm``: the numbers are printed the Vancouver way (``2019;70(2):300-310``), so the journal is
    likely an undotted NLM abbreviation (``J Hepatol``).
    """
    middle = middle.strip(" ,;:")
    quoted = _QUOTED.match(middle)
    if quoted:
        title = quoted.group("title") or quoted.group("guillemets") or quoted.group("single")
        return clean_title(title), clean_journal(middle[quoted.end() :]) or None
    container = _IN_CONTAINER.search(middle)
    if container:
        return clean_title(middle[: container.start() + 1]) or None, clean_journal(middle[container.end() :]) or None
    if _JOURNAL_ONLY.match(middle) and not (nlm and _one_word_title(middle)):
        return None, clean_journal(middle)
    cuts = [cut for cut in _BOUNDARY.finditer(middle) if not _abbreviation_dot(middle, cut, nlm)]
    if cuts:
        title = middle[: cuts[-1].start() + 1]
        return clean_title(title) or None, clean_journal(middle[cuts[-1].end() :]) or None
    commas = list(_COMMA_CUT.finditer(middle))
    if commas:
        cut = commas[-1]
        return clean_title(middle[: cut.start()]) or None, clean_journal(middle[cut.end() :]) or None
    return (clean_title(middle) or None), None


def _one_word_title(middle: str) -> bool:
    """``Exosomes. Annu Rev Biochem``: a title of one word before an undotted journal name."""
    word, dot, rest = middle.partition(". ")
    return bool(dot) and word not in JOURNAL_WORDS and len(word) > 4 and bool(_UNDOTTED_JOURNAL.match(rest))


def _abbreviation_dot(middle: str, cut: re.Match[str], nlm: bool = False) -> bool:
    """True when the boundary is the dot of an abbreviated word (``J. Biol. Chem.``), not a sentence end."""
    if middle[cut.start()] != ".":
        return False
    word = _LAST_WORD.search(middle[: cut.start()])
    if not word:
        return False
    word_text = word.group(1)
    if word_text in JOURNAL_WORDS or word_text.lower() in NON_BOUNDARY_WORDS:
        return True
    if not _SHORT_CAPITAL.fullmatch(word_text) or word_text in TITLE_END_WORDS:
        return False
    after = middle[cut.end() :]
    journal = _UNDOTTED_JOURNAL if nlm else _FULL_JOURNAL
    return not (journal.match(after) and _ends_long_sentence(middle, word.start(1), cut.end()))


def _ends_long_sentence(middle: str, word_start: int, after: int) -> bool:
    """``…infected with hepatitis B. J Hepatol``: a short word closing a sentence of several words.

    Before an undotted journal name (``J Hepatol``, ``Cell``) the dot after a short capitalised word
    ends the title; in ``Title. Comm. ACM`` the word stands alone after a boundary and abbreviates,
    and in ``Alfred A. Knopf`` or ``climate, Clim. Dynam`` it is an initial or an abbreviation.
    """
    if not _UNDOTTED_JOURNAL.match(middle[after:]):
        return False  # dotted abbreviations follow: "E. coli. J Bacteriol", "Phys. Rev. B"
    before = middle[:word_start].split()
    single_letter = middle[word_start + 1 : word_start + 2] == "."
    if not before or before[-1].endswith(",") or (single_letter and before[-1][:1].isupper()):
        return False  # "climate, Clim. Dynam", "Alfred A. Knopf"
    sentence = _BOUNDARY.split(middle[:word_start])[-1]
    return len(sentence.split()) >= 3


def clean_title(title: str) -> str:
    """Strip the closing dot/comma and spaces, and the quotes or guillemets around it; keep ``?`` and ``!``."""
    title = title.strip().strip('"“”').strip()
    title = re.sub(r"[.,;:\s]+$", "", title)
    return re.sub(r"^«\s*([^«»]+?)\s*»$", r"\1", title)


def clean_journal(journal: str) -> str:
    """Strip ``In:``, surrounding punctuation and a trailing month name from a journal name."""
    journal = _JOURNAL_MEDIUM.sub("", _IN.sub("", journal.strip())).strip(" ,;:")
    month = _TRAILING_MONTH.search(journal)
    if month and month.group().strip(" ,.").lower() in _MONTH_WORDS:
        journal = journal[: month.start()]
    journal = _TRAILING_YEAR.sub("", journal).rstrip(" ,;:")
    return journal[:-1] if journal.endswith(".") and "." not in journal[:-1] else journal


def read_publisher(text: str) -> dict[str, str] | None:
    """``Beijing: Science Press, 2020: 12-30`` -> place, publisher, year, page."""
    match = _PUBLISHER.search(text) if _PUBLISHER_END.search(text) else None
    if not match:
        return None
    found = {k: v.strip() for k, v in match.groupdict().items() if v}
    if "place" in found:  # "三联书店: 北京, 2015": the publisher printed before its place
        found["place"], found["publisher"] = in_order(found["place"], found["publisher"])
    return found
