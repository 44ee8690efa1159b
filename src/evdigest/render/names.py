"""Author names and bibliographic strings as each edition shows them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Author, Entry, Posting
from ..refs.pages import page_bounds
from .i18n import HAN_RE, Messages

# A page range, e.g. "184-193", "1–22" or "e12".
PAGES_RE = re.compile(r"^\s*([A-Za-z]?\d+)\s*(?:[-–—~]\s*([A-Za-z]?\d+))?\s*$")
# A Creative Commons licence, e.g. "CC BY-NC-SA 4.0" or "cc-by 4.0".
CC_RE = re.compile(r"\bCC[\s-]*((?:BY)(?:[\s-]*(?:NC))?(?:[\s-]*(?:SA|ND))?)(?:[\s-]*(\d\.\d))?", re.IGNORECASE)
# A public-domain dedication, e.g. "CC0 1.0".
CC0_RE = re.compile(r"\bCC0\b|public domain", re.IGNORECASE)


def is_chinese(text: str | None) -> bool:
    """True when ``text`` holds a Han character."""
    return bool(text and HAN_RE.search(text))


def scholar_name(author: Author, primary: str) -> str:
    """The name for ``citation_author``: Chinese names family-first as printed, Latin names ``Family, Given``."""
    if primary == "zh" and author.name_zh:
        return author.name_zh
    if author.family and author.given and not is_chinese(author.family):
        return f"{author.family}, {author.given}"
    return author.name or author.name_zh or ""


def pick(primary: str, en: str | None, zh: str | None) -> tuple[str | None, str | None]:
    """``(first, second)`` of a bilingual pair in the page's order; the second is ``None`` when equal or missing."""
    first, second = (zh, en) if primary == "zh" else (en, zh)
    if not first:
        first, second = second, None
    if second == first:
        second = None
    return first, second


def split_pages(pages: str | None) -> tuple[str | None, str | None]:
    """``("184", "193")`` from ``"184-193"``, an end page printed short written out (``"1349-58"`` ->
    ``("1349", "1358")``); ``(None, None)`` when the pages are not a range or number."""
    match = PAGES_RE.match(pages or "")
    if not match:
        return None, None
    first, last = match.group(1), match.group(2)
    return first, page_bounds(f"{first}-{last}")[1] if last else None


def publication_date(entry: Entry) -> str | None:
    """The ISO publication date of an entry: the most precise date that agrees with ``entry.year``.

    ``entry.year`` is the year of the journal issue; a date in another year (an online-first
    date of the year before, an issue date the index got wrong) gives way to the bare year.
    """
    d = entry.dates
    dates = [x for x in (d.published, d.epub, d.online) if x]
    if entry.year is None:
        return dates[0] if dates else None
    agreeing = [x for x in dates if x[:4] == str(entry.year)]
    return max(agreeing, key=len) if agreeing else str(entry.year)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries latest added first (editorial date; then publication date and slug): the order of the home
    page and the feeds."""
    return sorted(entries, key=lambda e: (e.added or "", publication_date(e) or "", e.slug), reverse=True)


def entry_year(entry: Entry) -> str:
    """The year an entry is cited by (``entry.year``, else the year of its best date); ``""`` when unknown."""
    if entry.year:
        return str(entry.year)
    date = publication_date(entry)
    return date[:4] if date else ""


def preprint_line(posting: Posting, msg: Messages) -> str:
    """A preprint's citation line in the words of ``msg``'s edition: ``Preprint · ChinaXiv:201712.00265V1 ·
    posted 2017-12``, ``预印本 · ChinaXiv:201712.00265V1 · 2017-12 发布``."""
    if posting.posted:
        return msg("preprint_line", label=posting.label, posted=posting.posted)
    return msg("preprint_line_undated", label=posting.label)


def article_language(entry: Entry) -> str:
    """``zh`` when the article itself is written in Chinese (its body or journal is Chinese), else ``en``."""
    body = " ".join(s.title for s in entry.sections[:3])
    if is_chinese(body) or is_chinese(entry.journal.name):
        return "zh"
    if not entry.title.en and entry.title.zh:
        return "zh"
    return "en"


def licence_url(licence: str | None) -> str | None:
    """The deed URL of a Creative Commons licence named in ``licence``."""
    if not licence:
        return None
    if CC0_RE.search(licence) and "CC0" in licence.upper():
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = CC_RE.search(licence)
    if not match:
        return None
    kind = re.sub(r"[\s-]+", "-", match.group(1).lower())
    return f"https://creativecommons.org/licenses/{kind}/{match.group(2) or '4.0'}/"


def allows_republishing(licence: str | None) -> bool:
    """True when the licence lets the body be shown verbatim with attribution (CC, CC0, public domain)."""
    return bool(licence and (licence_url(licence) or CC0_RE.search(licence)))
