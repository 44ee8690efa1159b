"""Where a line of a reference list that starts no reference belongs.

A line without a number is the rest of the reference before it, the English translation a Chinese journal
prints after a Chinese reference (held over several lines until its year tells it is one), a reference that
lost its number, or a stray line (page notes, running headers, download notes), left out with a warning.  A
line that reads like a running header or footer of the journal's pages (``·1234· 中国组织工程研究 2023年第27卷第5期``,
a page number, the article's own DOI, a header of another journal printed on several pages) is left out, with a
warning, unless the reference needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..doi import doi_end
from ..model import Warning
from ..refs.parse import parse_reference
from ..refs.parse_clean import fold, split_translation, translation_open
from .fulltext_labels import (
    DOI,
    HEAD_YEAR,
    PAGE_FURNITURE,
    PAGE_NUMBER,
    RUNNING_HEAD,
    RUNNING_HEAD_LENGTH,
    is_page_head,
    is_running_head,
)
from .fulltext_repeats import page_key
from .latex import replace_math

# "*Int J Nanomedicine*", "**Cell**", "_Nature_"
EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(?P<body>.+?)(?<=\S)\1")
CJK = re.compile(r"[\u4e00-\u9fff]")
# full-width punctuation, which carries its own spacing
FULL_WIDTH_PUNCTUATION = "，．。：；、（）［］【】《》"

# What a line after a reference must leave as it was read to be its continuation
KEY_FIELDS = ("title", "container-title", "volume", "issued")
# "1234", "27", "5": the numbers of a line
NUMBERS = re.compile(r"\d+")
# The most lines a translation is held for before it reaches its year (``ZHANG San, LI Si. Role of`` + ``exosomes…``)
TRANSLATION_LINES = 4


@dataclass(slots=True)
class Item:
    """One reference of the list as its lines are read."""

    number: int
    line: int
    parts: list[str] = field(default_factory=list)
    held: list[tuple[int, str]] = field(default_factory=list)
    """Lines that may be a wrapped translation of the reference, until its year tells (line number, text)."""
    heads: dict[int, tuple[int, bool]] = field(default_factory=dict)
    """Parts that read like a running header (index in ``parts``: line number, and whether it prints the article's
    own marks or is printed on several pages), kept only if the reference needs them, which its whole text tells
    (:func:`settle_heads`)."""

    def read(self) -> list[str]:
        """The parts that are the reference's for sure (not those read like a running header)."""
        return [part for index, part in enumerate(self.parts) if index not in self.heads]


@dataclass(frozen=True, slots=True)
class OwnMarks:
    """What the article's own page headers and footers print besides the marks of any journal's (volume and issue
    marks, page numbers): its DOI, its journal's names (none shorter than four characters is looked for), its
    volume and issue, and the headers its body's pages print."""

    doi: str | None = None
    journals: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    heads: tuple[str, ...] = ()
    """The running headers the body's pages print (:attr:`.fulltext_body.Body.heads`)."""
    repeated: frozenset[str] = frozenset()
    """Lines printed on several pages (:func:`.fulltext_repeats.repeated_lines` of the reference list's lines and
    the body's headers), headers of any journal."""

    def has_doi(self, text: str) -> bool:
        """``DOI: 10.12307/2023.123``: the line prints the article's DOI, which none of its references has."""
        return bool(self.doi) and any(doi_end(m.group("doi")).lower() == self.doi for m in DOI.finditer(text))

    def printed_in(self, text: str) -> bool:
        """A short line that only a header of this article prints: its volume and issue (``第27卷 第5期``), or a
        header of its body's pages, whatever the page (``·1236· 中国组织工程研究 2023年第27卷第5期`` as ``·1234· …``), or
        part of one (``Chinese Journal of Tissue Engineering Research`` out of ``www.CJTER.com Chinese Journal of
        Tissue Engineering Research``)."""
        if len(text) > RUNNING_HEAD_LENGTH:
            return False
        if self.volume and self.issue and {self.volume, self.issue} <= _mark_numbers(text):
            return True
        shape = _head_shape(text)
        return any(
            shape == _head_shape(head) or (len(shape) >= 10 and shape in _head_shape(head)) for head in self.heads
        )

    def names_journal(self, text: str) -> bool:
        """``中国组织工程研究``, ``Chin J Tissue Eng Res, 2023``: a short line naming the article's journal (as a header
        does, and a reference to the journal's earlier issues)."""
        return len(text) <= RUNNING_HEAD_LENGTH and any(
            len(name) >= 4 and re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.IGNORECASE)
            for name in self.journals
        )

    def repeats(self, text: str) -> bool:
        """The line is printed whole on several pages, its page number aside (:attr:`repeated`)."""
        return page_key(text) in self.repeated


def _mark_numbers(text: str) -> set[str]:
    """The volume and issue numbers of a header's marks (``第27卷第5期``, ``Vol 27 | No 5``, ``2023, 27(5)``)."""
    marks = [*RUNNING_HEAD.finditer(text), *PAGE_FURNITURE.finditer(text)]
    return {number for mark in marks for number in NUMBERS.findall(mark.group()) if not HEAD_YEAR.fullmatch(number)}


def _head_shape(text: str) -> str:
    """A header's text whatever its page: numbers as ``#``, spaces single, case folded."""
    return " ".join(NUMBERS.sub("#", text).casefold().split())


def head_kind(piece: str, own: OwnMarks) -> str | None:
    """``own`` for a line only this article's headers print (:meth:`OwnMarks.printed_in`) or a page number,
    ``page`` for any other line that reads like a running header or footer (:func:`.fulltext_labels.is_page_head`,
    :func:`.fulltext_labels.is_running_head`, the journal's name), else None.  Such a line printed on several
    pages (:meth:`OwnMarks.repeats`: ``Journal of Cellular Physiology 2019, 34(2)``, a header of another
    journal) is ``own`` too: a header for sure."""
    if own.printed_in(piece) or PAGE_NUMBER.match(piece.strip()):
        return "own"
    if not (is_page_head(piece) or is_running_head(piece) or own.names_journal(piece)):
        return None
    return "own" if own.repeats(piece) else "page"


def clean_reference(text: str) -> str:
    """Reference text as printed: Markdown emphasis removed, LaTeX fragments made readable, spaces tidied."""
    text = replace_math(text)
    previous = None
    while previous != text:
        previous = text
        text = EMPHASIS.sub(lambda m: m.group("body"), text)
    return re.sub(r"\s+", " ", text).strip()


def place_unnumbered(items: list[Item], piece: str, line_no: int, own: OwnMarks, warnings: list[Warning]) -> None:
    """A line without a number: part of a translation wrapped over lines (held until it reads as one), the rest
    of the reference before it, a reference of its own, a running header, or a stray line."""
    last = items[-1]
    if own.has_doi(piece):
        _left_out(last, piece, line_no, warnings)
        return
    kind = head_kind(piece, own)
    if last.held or (not CJK.search(piece) and translation_open(clean_reference(join_parts([*last.read(), piece])))):
        last.held.append((line_no, piece))
        # the line that ends a translation may read like a header ("Cancer, 2020, 23(8): 689-694."), the lines
        # before it that did not end it may be one
        heads = {index for index, (_, text) in enumerate(last.held[:-1]) if head_kind(text, own)}
        lines = [text for index, (_, text) in enumerate(last.held) if index not in heads]
        if lines and _is_translation(last, lines):
            last.parts += lines
            for index in sorted(heads):
                _left_out(last, last.held[index][1], last.held[index][0], warnings)
            last.held.clear()
        elif (CJK.search(piece) and not kind) or len(last.held) >= TRANSLATION_LINES:
            release_held(items, own, warnings)
        return
    _place_line(items, piece, line_no, own, warnings)


def release_held(items: list[Item], own: OwnMarks, warnings: list[Warning]) -> None:
    """Lines held as a translation that did not become one: each placed as any other line."""
    if not items:
        return
    held, items[-1].held = items[-1].held, []
    for line_no, piece in held:
        _place_line(items, piece, line_no, own, warnings)


def _place_line(items: list[Item], piece: str, line_no: int, own: OwnMarks, warnings: list[Warning]) -> None:
    """A line without a number and not held: the rest of the reference before it (its translation too), a
    running header (told when the reference is whole), a reference of its own, or a stray line."""
    last = items[-1]
    if _is_translation(last, [piece]):
        last.parts.append(piece)
    elif not _is_stray(last, piece):
        kind = head_kind(piece, own)
        if kind:
            last.heads[len(last.parts)] = (line_no, kind == "own")
        else:
            _continued(last, piece, line_no, warnings)
        last.parts.append(piece)
    elif parse_reference(clean_reference(piece)).status == "full":
        items.append(Item(last.number + 1, line_no, [piece]))
        message = f"line after reference {last.number} reads as a reference of its own: numbered {last.number + 1}"
        warnings.append(Warning("references", message, (piece.strip(),), line_no))
    else:
        message = f"stray line after reference {last.number} (not part of it) left out"
        warnings.append(Warning("references", message, (piece.strip(),), line_no))


def settle_heads(item: Item, warnings: list[Warning]) -> None:
    """Leave out each part read like a running header that the whole reference does not need.

    One that prints the article's own marks (its journal, volume and issue, a page number) or is printed on
    several pages (a header of another journal) stays only when the reference reads fully with it, its page
    number aside, and not without it (``中国组织工程研究, 2020, 24(3): 301-306.`` ending a reference to an earlier
    issue); these are told first, so a line of the reference after them is told without them.  Any other
    (``2014, 306(11): F1251-9.``) stays when the reference reads better with it (a better status or fewer
    problems), or as well and the same.
    """
    left_out: set[int] = set()
    told: dict[int, tuple[int, str, bool]] = {}
    for index, (line_no, own) in sorted(item.heads.items(), key=lambda head: (not head[1][1], -head[0])):
        piece = item.parts[index]
        rest = [i for i in range(len(item.parts)) if i not in left_out and i != index]
        with_it = [page_key(piece) if i == index and own else item.parts[i] for i in sorted([*rest, index])]
        (kept, kept_fields), (left, left_fields) = _reading(with_it), _reading([item.parts[i] for i in rest])
        if own:
            needed = kept[0] == 2 and left[0] < 2
        else:
            needed = kept > left or (kept == left and kept_fields == left_fields)
        if not needed:
            left_out.add(index)
        told[index] = (line_no, piece, needed)
    item.parts = [part for index, part in enumerate(item.parts) if index not in left_out]
    item.heads.clear()
    for _, (line_no, piece, needed) in sorted(told.items()):
        (_continued if needed else _left_out)(item, piece, line_no, warnings)


def _continued(item: Item, piece: str, line_no: int, warnings: list[Warning]) -> None:
    message = f"reference {item.number} continues on a following line"
    warnings.append(Warning("references", message, (piece.strip(),), line_no))


def _left_out(item: Item, piece: str, line_no: int, warnings: list[Warning]) -> None:
    message = f"running header or footer of the journal's pages inside reference {item.number} left out"
    warnings.append(Warning("references", message, (piece.strip(),), line_no))


def _reading(parts: list[str]) -> tuple[tuple[int, int], tuple[Any, ...]]:
    """How well the parts read as one reference (status, then fewer problems) and what they read as."""
    parsed = parse_reference(clean_reference(join_parts(parts)))
    quality = (("failed", "partial", "full").index(parsed.status), -len(parsed.problems))
    return quality, tuple(parsed.item.get(key) for key in (*KEY_FIELDS, "page"))


def _is_translation(item: Item, pieces: list[str]) -> bool:
    """The lines are (or end) the English translation Chinese journals print after a Chinese reference."""
    alone = split_translation(fold(clean_reference(join_parts(item.read()))))[1]
    return (
        alone is None and split_translation(fold(clean_reference(join_parts([*item.read(), *pieces]))))[1] is not None
    )


def _is_stray(item: Item, piece: str) -> bool:
    """A line that is not the rest of the reference before it: a running header, a download note, another reference.

    The reference already reads fully on its own, and with the line added it no longer does, or it reads
    differently (another title, journal, volume or year).  A line that only adds a DOI, a PMID or the end
    of a page range leaves what was read in place, and is a continuation.
    """
    parts = item.read()
    if not piece.strip() or not parts:
        return False
    before = parse_reference(clean_reference(join_parts(parts)))
    if before.status != "full":
        return False
    after = parse_reference(clean_reference(join_parts([*parts, piece])))
    if after.status != "full":
        return True
    if any(after.item.get(key) != before.item.get(key) for key in KEY_FIELDS if key in before.item):
        return True
    return not str(after.item.get("page", "")).startswith(str(before.item.get("page", "")))


def join_parts(parts: list[str]) -> str:
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text and not joins_closed(text[-1], part[0]):
            text += " "
        text += part
    return text


def joins_closed(last: str, first: str) -> bool:
    """Two lines of a reference joined with no space: between Chinese characters, after a hyphen or slash, and
    on either side of full-width punctuation ("35（3）：" + "345-351．")."""
    if CJK.match(last) and CJK.match(first):
        return True
    return last in "-/" or last in FULL_WIDTH_PUNCTUATION or first in FULL_WIDTH_PUNCTUATION
