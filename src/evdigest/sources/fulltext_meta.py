"""Bibliographic details of a journal full text: DOI, dates, citation lines, funding, licence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..doi import doi_end
from ..model import Dates, Funding, Journal, Warning
from ..text import fold_punctuation, half_width_alnum
from .fields import is_article_number
from .fulltext_labels import (
    CITE_EN,
    CITE_ZH,
    DATE_LABEL,
    DATE_LINE,
    DOI,
    FUNDING_EN,
    FUNDING_ZH,
    LICENSE_LINE,
    META_LINE,
    wrapped_lines,
)
from .fulltext_text import Line, join_text

# "2024-11-30", "2024年11月30日", "2024/11/30", "2024.11.30"
DATE_VALUE = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
# pages or an article number after a colon, or none before a stop (an article published online first):
# ":184-193", ": e2026001", ". DOI: 10.12307/2026.001"
_PAGES = r"(?:\s*[:：]\s*(?P<pages>[A-Za-z]*\d+(?:\s*[-–]\s*[A-Za-z]*\d+)?)|(?=\s*(?:[.．。;；]|$)))"
# an English date: "March 2, 2025", "Mar. 2, 2025", "2 March 2025"
EN_DATE_VALUE = re.compile(
    r"(?:(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<mon2>[A-Za-z]{3})[a-z]*\.?)"
    r"\s*,?\s*(?P<y>\d{4})"
)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# year, volume, issue and pages after a journal name: ", 2026, 30(1):184-193", ", 2023(12): 4012-4020",
# ", 2026, 30(1). DOI: ..."
_COMMA_NUMBERS = (
    r"\s*[,，]\s*(?P<year>\d{4})\s*(?:[,，]\s*(?P<volume>\d+))?\s*(?:[(（](?P<issue>[^)）]+)[)）])?" + _PAGES
)
# "... [J]. 中国组织工程研究, 2026, 30(1):184-193.", "...[J]. 中草药, 2023(12): 4012-4020", "[J]. Chin Crit Care Med, 2024, ..."
CITE_BRACKET_TAIL = re.compile(r"\[J\]\s*[.．。]?\s*(?P<journal>[^,，.．\d\s][^,，]*?)" + _COMMA_NUMBERS)
# "... Zhongguo Zuzhi Gongcheng Yanjiu. 2026;30(1):184-193.", "... China Biotechnology. 2024;44(3):123-130. doi: ...",
# "... Chinese Traditional and Herbal Drugs. 2023;(12):4012-4020.", "... Yanjiu. 2026;30(1). doi: ..."
CITE_SEMICOLON_TAIL = re.compile(
    r"(?P<journal>[A-Z][^.]*?)\.\s*(?P<year>\d{4})\s*;\s*(?P<volume>\d+)?\s*(?:\((?P<issue>[^)]+)\))?"
    + _PAGES
    + r"(?![\w-])"
)
# "... Title. Chin Crit Care Med, 2024, 36(5): 545-549.": the journal is the sentence before the year
CITE_COMMA_TAIL = re.compile(r"(?<=[.．。])\s*(?P<journal>[^,，.．\d\s][^,，.．]*?)" + _COMMA_NUMBERS)
CITE_TAILS = (CITE_BRACKET_TAIL, CITE_SEMICOLON_TAIL, CITE_COMMA_TAIL)
# "2095-4344(2026)01-00184-10": the ISSN at the start of a Chinese article number
ISSN = re.compile(r"(?P<issn>\d{4}-\d{3}[\dXx])")
DATE_FIELDS = {
    "投稿日期": "received",
    "收稿日期": "received",
    "修回日期": "revised",
    "修订日期": "revised",
    "采用日期": "accepted",
    "接受日期": "accepted",
    "录用日期": "accepted",
    "在线日期": "online",
    "网络出版日期": "online",
    "网络首发日期": "online",
    "网络出版时间": "online",
    "网络首发时间": "online",
    "received": "received",
    "revised": "revised",
    "accepted": "accepted",
    "published online": "online",
    "available online": "online",
}
# a line labelled as the article's DOI: "DOI：10.12307/2026.001", "doi: 10.3760/...", "【DOI】10.1234/abc"
LABELLED_DOI = re.compile(r"^[\[【]?\s*(?:DOI|doi)\s*[\]】]?\s*[:：]?\s*10\.")
# Creative Commons elements as the Chinese licence statements name them
CC_ZH = (("署名", "BY"), ("非商业性使用", "NC"), ("禁止演绎", "ND"), ("相同方式共享", "SA"))
# "CC BY-NC-SA 4.0" or "Creative Commons Attribution 4.0"
CC_EN = re.compile(r"\bCC[ -](?P<parts>BY(?:-(?:NC|ND|SA))*)\s*(?P<version>\d\.\d)?")
CC_VERSION = re.compile(r"(?P<version>\d\.\d)")
# "184 - 193", "184–193" -> "184-193"
PAGE_DASH = re.compile(r"\s*[-–]\s*")


@dataclass(frozen=True, slots=True)
class CiteInfo:
    """What a printed "how to cite" line says."""

    journal: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    article_number: str | None = None


def iso_date(text: str) -> str | None:
    """``2024-11-30`` from any of the printed date forms, or ``None``."""
    match = DATE_VALUE.search(text)
    if match:
        return f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"
    return _english_date(text)


def _english_date(text: str) -> str | None:
    """``2025-03-02`` from "March 2, 2025" or "2 March 2025", or ``None``."""
    match = EN_DATE_VALUE.search(text)
    month = (match["mon"] or match["mon2"]).lower() if match else None
    if not match or month not in MONTHS:
        return None
    return f"{int(match['y']):04d}-{MONTHS.index(month) + 1:02d}-{int(match['d'] or match['d2']):02d}"


def read_dates(lines: list[Line], warnings: list[Warning]) -> Dates:
    """Received/revised/accepted/online dates from the labelled date lines (several may share a line)."""
    values: dict[str, str] = {}
    for line in lines:
        if not DATE_LINE.match(line.text):
            continue
        for field, printed in date_items(line.text):
            _add_date(values, field, printed, line.number, warnings)
    dates = Dates(**values)
    if dates.revised and dates.accepted and dates.revised > dates.accepted:
        warnings.append(
            Warning("dates", "revised date is later than the accepted date", (dates.revised, dates.accepted))
        )
    return dates


def date_items(text: str) -> list[tuple[str, str]]:
    """The (field, printed value) pairs of a date line: "收稿日期: 2024-01-15; 修回日期: 2024-03-02" gives two."""
    labels = list(DATE_LABEL.finditer(text))
    items = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        items.append((DATE_FIELDS[label.group("label").lower()], text[label.end() : end].strip(" ;；,，。")))
    return items


def _add_date(values: dict[str, str], field: str, printed: str, line: int, warnings: list[Warning]) -> None:
    value = iso_date(printed)
    if value is None:
        message = "date not readable (expected a form such as 2024-11-30 or 2024年11月30日)"
        warnings.append(Warning(f"dates.{field}", message, (printed,), line))
    elif field in values and values[field] != value:
        warnings.append(
            Warning(f"dates.{field}", "date printed twice with different values", (values[field], value), line)
        )
    else:
        values[field] = value


def find_doi(lines: list[Line]) -> tuple[str | None, int | None]:
    """The article's DOI (bare, lowercase as everywhere in the project) from the front matter, with its line:
    the one a line labels ``DOI``, else the first one printed (a DOI of data cited in the abstract comes later)."""
    labelled = _first_doi([line for line in lines if LABELLED_DOI.match(line.text)])
    return labelled if labelled[0] else _first_doi(lines)


def _first_doi(lines: list[Line]) -> tuple[str | None, int | None]:
    """The first DOI printed in ``lines``, with its line."""
    for line in lines:
        match = DOI.search(line.text)
        if match:
            return doi_end(match.group("doi")).lower(), line.number
    return None, None


def read_cite(lines: list[Line], warnings: list[Warning]) -> tuple[CiteInfo | None, CiteInfo | None, int | None]:
    """The Chinese (引用本文) and English (How to cite) citation lines, parsed, and the line of the first one.

    A labelled citation line whose journal, year and pages cannot be read is a warning.
    """
    zh = en = None
    first = None
    for line in lines:
        for lang, label in (("zh", CITE_ZH), ("en", CITE_EN)):
            if (zh if lang == "zh" else en) is not None or not (match := label.match(line.text)):
                continue
            first = first or line.number
            cite = _cite(match.group("rest"))
            if cite is None:
                message = "citation line not readable (expected journal, year, volume(issue): pages)"
                warnings.append(Warning("journal", message, (match.group("rest"),), line.number))
            elif lang == "zh":
                zh = cite
            else:
                en = cite
    return zh, en, first


def _cite(text: str) -> CiteInfo | None:
    """Journal, year, volume, issue and pages (or article number) from the text of a citation line (full-width
    punctuation and digits read as ASCII: ``2026；30（1）：184-193``); an article published online first may
    have no pages, but it has a volume or an issue (``2026，30（1）．DOI：…``)."""
    text = half_width_alnum(fold_punctuation(text))
    matches = (m for m in (tail.search(text) for tail in CITE_TAILS) if m)
    match = next((m for m in matches if m.group("pages") or m.group("volume") or m.group("issue")), None)
    if not match:
        return None
    locator = PAGE_DASH.sub("-", match.group("pages")) if match.group("pages") else None
    number = locator if locator and is_article_number(locator) else None
    return CiteInfo(
        match.group("journal").strip(),
        int(match.group("year")),
        match.group("volume"),
        match.group("issue"),
        None if number else locator,
        number,
    )


def merge_cite(zh: CiteInfo | None, en: CiteInfo | None, warnings: list[Warning], line: int | None = None) -> CiteInfo:
    """One set of year/volume/issue/pages/article number from both citation lines, warning (at ``line``) where
    they disagree."""
    lines = [c for c in (zh, en) if c is not None]

    def pick(name: str) -> object:
        values = [getattr(c, name) for c in lines if getattr(c, name) is not None]
        if len(set(values)) > 1:
            message = "the Chinese and English citation lines disagree"
            warnings.append(Warning(name, message, tuple(map(str, values)), line))
        return values[0] if values else None

    year, volume, issue, pages, number = (pick(name) for name in ("year", "volume", "issue", "pages", "article_number"))
    return CiteInfo(
        None,
        year if isinstance(year, int) else None,
        str(volume) if volume is not None else None,
        str(issue) if issue is not None else None,
        str(pages) if pages is not None else None,
        str(number) if number is not None else None,
    )


def read_journal(lines: list[Line], zh: CiteInfo | None, en: CiteInfo | None) -> Journal:
    """Journal names from the citation lines and the ISSN from the article number (文章编号)."""
    issn = None
    for index, line in enumerate(lines):
        match = META_LINE.match(line.text)
        if not match or match.group("label") != "文章编号":
            continue
        value = match.group("rest") or _next_text(lines, index)
        found = ISSN.search(value)
        issn = found.group("issn").upper() if found else None
    return Journal(name=en.journal if en else None, name_zh=zh.journal if zh else None, issn=issn)


def _next_text(lines: list[Line], index: int) -> str:
    for line in lines[index + 1 : index + 4]:
        if line.text:
            return line.text
    return ""


def read_funding(lines: list[Line]) -> tuple[Funding, ...]:
    """Funding statements in Chinese (基金资助/基金项目) and English (Funding), each with the lines it wraps
    onto (:func:`.fulltext_labels.wrapped_lines`)."""
    funding: list[Funding] = []
    for index, line in enumerate(lines):
        for pattern, lang in ((FUNDING_ZH, "zh"), (FUNDING_EN, "en")):
            if match := pattern.match(line.text):
                text = match.group("rest").strip()
                for following in wrapped_lines(lines, index):
                    text = join_text(text, lines[following].text)
                funding.append(Funding(text, lang))
                break
    return tuple(funding)


def read_license(lines: list[Line]) -> tuple[str | None, int | None]:
    """The licence an open-access statement names, as ``CC BY-NC-SA 4.0``."""
    for line in lines:
        match = LICENSE_LINE.match(line.text)
        if not match:
            continue
        text = match.group("rest")
        english = CC_EN.search(text)
        if english:
            version = english.group("version")
            return f"CC {english.group('parts')}" + (f" {version}" if version else ""), line.number
        parts = [code for word, code in CC_ZH if word in text]
        if parts and parts[0] == "BY":
            version = CC_VERSION.search(text)
            return "CC " + "-".join(parts) + (f" {version.group('version')}" if version else ""), line.number
    return None, None
