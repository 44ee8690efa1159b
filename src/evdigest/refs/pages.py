"""Page ranges of references: split, and an end page printed short (``329-38``) written out whole."""

from __future__ import annotations

import re

# A page range of two parts: "944-947", "E1127–E1136", "165--178"
PAGE_RANGE_RE = re.compile(r"^\s*([^\s\-–—]+)\s*(?:-{1,2}|–|—)\s*([^\s\-–—]+)\s*$")
# A page: letters before its number, "E1127" -> ("E", "1127")
PAGE_NUMBER_RE = re.compile(r"^([A-Za-z]*)([0-9]+)$")
# An end page of ASCII digits only: "38"
DIGITS_RE = re.compile(r"^[0-9]+$")


def page_bounds(page: str) -> tuple[str, str | None]:
    """First and last page of ``page``, the last written out whole when the reference printed it short
    (``"329-38"`` -> ``("329", "338")``, ``"E1127-36"`` -> ``("E1127", "E1136")``); an article number
    or a single page -> ``("eaa06977", None)``."""
    match = PAGE_RANGE_RE.match(page)
    if not match:
        return page.strip(), None
    first, last = match.group(1), match.group(2)
    start = PAGE_NUMBER_RE.match(first)
    if start and DIGITS_RE.match(last) and len(last) < len(start.group(2)):
        digits = start.group(2)
        whole = digits[: len(digits) - len(last)] + last
        if int(whole) >= int(digits):
            last = start.group(1) + whole
    return first, last


def whole_range(page: str) -> str:
    """``page`` with a short end page written out (``"1907-20"`` -> ``"1907-1920"``); other pages as given."""
    match = PAGE_RANGE_RE.match(page)
    if not match:
        return page
    first, last = page_bounds(page)
    return f"{first}-{last}" if last != match.group(2) else page


def shortened_end(first: str, last: str, keep: int = 1) -> str:
    """The end page of ``first``-``last`` in CSL's ``minimal`` form: the leading digits it shares with the
    first page left out (``321-328`` -> ``8``, ``2787-2816`` -> ``816``, ``E1127-E1136`` -> ``36``), at least
    ``keep`` digits written (``minimal-two``: ``321-328`` -> ``28``, ``42-45`` -> ``45``). Only numbers of as
    many digits and the same letters share digits: ``1-13``, ``12-125`` and ``98-102`` keep their end page
    whole, and so does a range ending where it starts or before (``1339-1230``)."""
    start, end = PAGE_NUMBER_RE.match(first), PAGE_NUMBER_RE.match(last)
    if not start or not end or start.group(1) != end.group(1) or first == last:
        return last
    digits, end_digits = start.group(2), end.group(2)
    if len(digits) != len(end_digits) or end_digits < digits:  # not a range of pages going on: kept as printed
        return last
    shared = 0
    while digits[shared] == end_digits[shared]:
        shared += 1
    return end_digits[max(0, min(shared, len(end_digits) - keep)) :]
