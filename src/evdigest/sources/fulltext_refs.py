"""The numbered reference list at the end of a journal full text.

Lists vary: ``- [1] ...``, ``[1] ...``, ``［1］...``, ``1. ...`` / ``1.Smith``, ``（1）...``, ``1: ...`` /
``1：...``, ``1 Smith`` (a number and a space: a line is a reference only with the next number), or no numbers at all (each line is then one reference, numbered in order);
a reference may be split over two lines, two references may run together on one
line, one reference may be numbered unlike the others, numbers may repeat or be
missing, and stray lines (page notes, running headers, download notes) sit among
them.  Each of these gives a warning.  A line after a reference that already reads
fully, and that would make it read worse, is a stray line: it is left out of the
reference and kept in the warning; every other line stays in some reference.  The English
translation a Chinese journal prints after a Chinese reference, on its line or the next, wrapped over
several lines or in brackets, stays in that reference's text (the reference parser reads the Chinese part),
with no warning (:mod:`.fulltext_reflines` places the lines that start no reference).  A
reference that lost its start (and number) and ran into the one before it is cut off again,
when that one reads two locators and the list lacks the number after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Reference, Warning
from .fulltext_reflines import (
    Item,
    OwnMarks,
    clean_reference,
    join_parts,
    place_unnumbered,
    release_held,
    settle_heads,
)
from .fulltext_repeats import repeated_lines

# "- [1] GURUNATHAN S, ..." / "[17]Price CP" / "[ 3 ] ..." / "［1］马元" / "〔2〕张三"
BRACKET_START = re.compile(r"^[\[［〔]\s*(?P<num>\d{1,4})\s*[\]］〕]\s*")
# "1. Smith J, ...", "12.Smith J", "3．张三" (a space or a letter follows the dot; "1.5-fold" is not a start)
DOT_START = re.compile(r"^(?P<num>\d{1,3})[.．](?:\s+(?=\S)|(?=[A-Za-z\u4e00-\u9fff]))")
# "（1）张三, ..." / "(1) Smith"
PAREN_START = re.compile(r"^[（(]\s*(?P<num>\d{1,4})\s*[)）]\s*")
# "1:Kris MG" / "2：吴一龙" / "3： Rolfo C"
COLON_START = re.compile(r"^(?P<num>\d{1,4})\s*[:：]\s*(?=\S)")
# "1 GURUNATHAN S, ..." / "30 马元, ...": a number, a space, a name (taken only as the list's next number)
SPACE_START = re.compile(r"^(?P<num>\d{1,3})\s+(?=[A-Z\u00c0-\u024f\u4e00-\u9fff])")

STYLES: dict[str, re.Pattern[str]] = {
    "bracket": BRACKET_START,
    "dot": DOT_START,
    "paren": PAREN_START,
    "colon": COLON_START,
    "space": SPACE_START,
}
# Styles whose number is read as a start only when it is the list's next number (a wrapped line may begin
# with a number and a name: "3 Biotech. 2020;10:45")
IN_SEQUENCE_ONLY = frozenset({"space"})

# inside a line, the start of the next reference in the same style: " [18]Mitchell", "... 7: Chan HT"
INLINE_TEMPLATES: dict[str, str] = {
    "bracket": r"(?<![\w\[［〔])[\[［〔]\s*{n}\s*[\]］〕]",
    "dot": r"(?<=[\s.．]){n}(?:[.．]\s+|．\s*)(?=[A-Z\u4e00-\u9fff])",
    "paren": r"(?<![\w(（])[（(]\s*{n}\s*[)）]",
    "colon": r"(?<=[\s.])\s*{n}\s*[:：]\s*(?=[A-Z\u4e00-\u9fff])",
    "space": r"(?<=[.．。])\s*{n}\s+(?=[A-Z\u4e00-\u9fff])",
}

# Styles whose inline start may follow a full stop with no space, after a page number only: "9: 19.15. 周九" (not
# "version 1.2. Geneva")
AFTER_PAGE_ONLY = frozenset({"dot"})
# "…, 9: 19." / "…：567-574．" / "…; 2020: e12." : a locator's last number and its full stop, at the end of the text
PAGE_END = re.compile(r"[:：\-–]\s*[A-Za-z]{0,4}\d+[.．]$")

# "- " Markdown list bullet in front of a reference
BULLET = re.compile(r"^[-*+•]\s+")
# "(编辑：孙昌朋)", "(责任编辑: MZH, ZN)"
EDITOR_LINE = re.compile(r"^[(（]\s*(?:责任)?编辑\s*[:：].*[)）]\s*$")
# "# （上接1534页）", "(下转第 12 页)"
PAGE_NOTE = re.compile(r"^#*\s*[(（]\s*[上下]接(?:第)?\s*\d+\s*页\s*[)）]\s*$")
# "2020;23(7):589-596", "2021, 101(12): 901-905", "2020;57:101713": a journal article's year, volume, issue, pages
LOCATOR = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*[;,]\s*\d+\s*(?:\([^()]{1,20}\))?\s*:\s*[A-Za-z]{0,4}\d+(?:\s*[-–]\s*[A-Za-z]{0,4}\d+)?"
)
# ". doi:10.3779/j.issn.1009-3419.2020.104.18. ", ". PMID: 32029601. ": the identifiers after a locator and the
# full stop that ends the work
WORK_END = re.compile(
    r"(?:\s*\.?\s*(?:(?:doi|DOI|D0I)\s*[:：]?\s*10\.\d{4,9}/\S+?|PMID\s*[:：]?\s*\d+))*\s*\.\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class RefList:
    """The references read from a list, with what was odd about it."""

    references: tuple[Reference, ...]
    warnings: tuple[Warning, ...]


def detect_style(lines: list[tuple[int, str]]) -> str | None:
    """The numbering style used by most lines of the list (``bracket``, ``dot``, ``paren``, ``colon``, ``space``)."""
    counts = dict.fromkeys(STYLES, 0)
    for _, text in lines:
        body = BULLET.sub("", text.strip())
        for style, pattern in STYLES.items():
            if pattern.match(body):
                counts[style] += 1
                break
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else None


def _split_line(body: str, style: str, expected: int) -> list[tuple[int | None, str]]:
    """Cut one line into (number, text) pieces at the starts of the next expected references."""
    pieces: list[tuple[int | None, str]] = []
    start = STYLES[style].match(body)
    if start and style in IN_SEQUENCE_ONLY and int(start.group("num")) != expected:
        start = None
    number: int | None = None
    if start:
        number = int(start.group("num"))
        body = body[start.end() :]
        expected = number + 1
    if not start:
        other = _other_style_start(body, style, expected)
        if other:
            number, body, expected = expected, body[other.end() :], expected + 1
    while True:
        cut = _inline_start(body, style, expected)
        if not cut or cut.start() == 0:
            break
        pieces.append((number, body[: cut.start()]))
        number, body, expected = expected, body[cut.end() :], expected + 1
    pieces.append((number, body))
    return pieces


def _inline_start(body: str, style: str, number: int) -> re.Match[str] | None:
    """Where reference ``number`` starts inside ``body``: after a space, or right after a page's full stop."""
    for match in re.finditer(INLINE_TEMPLATES[style].format(n=number), body):
        before = body[: match.start()]
        if not before or before[-1].isspace() or style not in AFTER_PAGE_ONLY or PAGE_END.search(before):
            return match
    return None


def _other_style_start(body: str, style: str, expected: int) -> re.Match[str] | None:
    """``2. Yan L`` in a list numbered ``[1]``: the expected next number, written in another style."""
    for other, pattern in STYLES.items():
        match = pattern.match(body) if other != style else None
        if match and int(match.group("num")) == expected:
            return match
    return None


def parse_reference_list(lines: list[tuple[int, str]], own: OwnMarks | None = None) -> RefList:
    """Read a reference list from its lines (``(line number, text)``, the heading excluded); ``own`` tells the
    article's running headers and footers from the references, and lines the list or the body's headers print
    twice (:func:`.fulltext_repeats.repeated_lines`) are headers too."""
    warnings: list[Warning] = []
    kept = [(n, t) for n, t in lines if t.strip() and not _is_note(t, warnings, n)]
    style = detect_style(kept)
    if style is None:
        if kept:
            message = "no numbered references found in the list: each line read as one reference, numbered in order"
            warnings.append(Warning("references", message, (), kept[0][0]))
        items = [Item(i, line_no, [BULLET.sub("", text.strip())]) for i, (line_no, text) in enumerate(kept, 1)]
        return RefList(_finish(items, warnings), tuple(warnings))
    own = own or OwnMarks()
    repeated = repeated_lines([*(BULLET.sub("", text.strip()) for _, text in kept), *own.heads])
    items = _collect(kept, style, replace(own, repeated=repeated), warnings)
    for item in items:
        settle_heads(item, warnings)
    items = _split_lost_starts(items, warnings)
    return RefList(_finish(items, warnings), tuple(warnings))


def _is_note(text: str, warnings: list[Warning], line: int) -> bool:
    stripped = text.strip()
    if EDITOR_LINE.match(stripped):
        return True
    if PAGE_NOTE.match(stripped):
        warnings.append(Warning("references", "page-break note inside the reference list skipped", (stripped,), line))
        return True
    return False


def _collect(lines: list[tuple[int, str]], style: str, own: OwnMarks, warnings: list[Warning]) -> list[Item]:
    items: list[Item] = []
    for line_no, text in lines:
        body = BULLET.sub("", text.strip())
        expected = items[-1].number + 1 if items else 1
        if not STYLES[style].match(body) and _other_style_start(body, style, expected):
            message = f"reference {expected} is numbered unlike the rest of the list"
            warnings.append(Warning("references", message, (body[:20],), line_no))
        pieces = _split_line(body, style, expected)
        if len(pieces) > 1:
            numbers = [str(n) for n, _ in pieces if n is not None]
            warnings.append(
                Warning("references", "several references run together on one line", tuple(numbers), line_no)
            )
        for number, piece in pieces:
            if number is not None:
                release_held(items, own, warnings)
                items.append(Item(number, line_no, [piece]))
            elif items:
                place_unnumbered(items, piece, line_no, own, warnings)
            else:
                warnings.append(
                    Warning("references", "line before the first numbered reference", (piece.strip(),), line_no)
                )
    release_held(items, own, warnings)
    return items


def _split_lost_starts(items: list[Item], warnings: list[Warning]) -> list[Item]:
    """Give a missing number to the end of a reference that lost its start and ran into the reference before it.

    ``19: Bi H… 2020;23(7):589-596. doi:10.3779/…18. cancer[J]. Mol Biol Rep.2020;47(9):7229-7251. doi:…`` in a
    list without 20: the text after 19's locator and identifiers, with a locator of its own, is reference 20.
    """
    numbers = {item.number for item in items}
    last = max(numbers, default=0)
    out: list[Item] = []
    for item in items:
        out.append(item)
        lost = item.number + 1
        if lost in numbers or lost > last:
            continue
        text = join_parts(item.parts)
        cut = _second_work(text)
        if cut is None:
            continue
        item.parts = [text[:cut]]
        out.append(Item(lost, item.line, [text[cut:]]))
        numbers.add(lost)
        message = f"reference {lost} lost its start in the conversion and ran into reference {item.number}"
        warnings.append(Warning("references", message, (text[cut:].strip(),), item.line))
    return out


def _second_work(text: str) -> int | None:
    """Where a second work starts in one reference's text: after the first locator and its identifiers, when
    the rest has a locator of its own."""
    locator = LOCATOR.search(text)
    if not locator:
        return None
    end = WORK_END.match(text, locator.end())
    if not end or not LOCATOR.search(text, end.end()):
        return None
    return end.end()


def _finish(items: list[Item], warnings: list[Warning]) -> tuple[Reference, ...]:
    references: list[Reference] = []
    seen: dict[int, str] = {}
    for item in items:
        raw = clean_reference(join_parts(item.parts))
        if item.number in seen:
            message = f"reference number {item.number} appears twice"
            warnings.append(Warning("references", message, (seen[item.number], raw), item.line))
        elif raw in seen.values():
            twin = next(n for n, r in seen.items() if r == raw)
            warnings.append(
                Warning("references", f"references {twin} and {item.number} have the same text", (raw,), item.line)
            )
        seen.setdefault(item.number, raw)
        if not raw:
            warnings.append(Warning("references", f"reference {item.number} is empty", (), item.line))
        references.append(Reference(number=item.number, raw=raw, line=item.line))
    _check_sequence(references, warnings)
    return tuple(references)


def _check_sequence(references: list[Reference], warnings: list[Warning]) -> None:
    numbers = sorted({r.number for r in references})
    if not numbers:
        return
    missing = [n for n in range(1, numbers[-1] + 1) if n not in numbers]
    if missing:  # at the reference printed where the first missing one should be
        after = min((r for r in references if r.number > missing[0]), key=lambda r: r.number, default=None)
        message = "reference numbers missing from the list"
        warnings.append(Warning("references", message, tuple(str(n) for n in missing), after.line if after else None))
    order = [r.number for r in references]
    if order != sorted(order):
        warnings.append(Warning("references", "references are not in numeric order", tuple(str(n) for n in order)))
