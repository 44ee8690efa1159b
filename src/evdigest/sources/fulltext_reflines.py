"""Where a line of a reference list that starts no reference belongs.

A line without a number is the rest of the reference before it, the English translation a Chinese journal
prints after a Chinese reference (held over several lines until its year tells it is one), a reference that
lost its number, or a stray line (page notes, running headers, download notes), left out with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Warning
from ..refs.parse import parse_reference
from ..refs.parse_clean import fold, split_translation, translation_open
from .latex import replace_math

# "*Int J Nanomedicine*", "**Cell**", "_Nature_"
EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(?P<body>.+?)(?<=\S)\1")
CJK = re.compile(r"[\u4e00-\u9fff]")
# full-width punctuation, which carries its own spacing
FULL_WIDTH_PUNCTUATION = "，．。：；、（）［］【】《》"

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


def clean_reference(text: str) -> str:
    """Reference text as printed: Markdown emphasis removed, LaTeX fragments made readable, spaces tidied."""
    text = replace_math(text)
    previous = None
    while previous != text:
        previous = text
        text = EMPHASIS.sub(lambda m: m.group("body"), text)
    return re.sub(r"\s+", " ", text).strip()


def place_unnumbered(items: list[Item], piece: str, line_no: int, warnings: list[Warning]) -> None:
    """A line without a number: part of a translation wrapped over lines (held until it reads as one), the rest
    of the reference before it, a reference of its own, or a stray line."""
    last = items[-1]
    if last.held or (not CJK.search(piece) and translation_open(clean_reference(join_parts([*last.parts, piece])))):
        last.held.append((line_no, piece))
        if _is_translation(last, [text for _, text in last.held]):
            last.parts += [text for _, text in last.held]
            last.held.clear()
        elif CJK.search(piece) or len(last.held) >= TRANSLATION_LINES:
            release_held(items, warnings)
        return
    _place_line(items, piece, line_no, warnings)


def release_held(items: list[Item], warnings: list[Warning]) -> None:
    """Lines held as a translation that did not become one: each placed as any other line."""
    if not items:
        return
    held, items[-1].held = items[-1].held, []
    for line_no, piece in held:
        _place_line(items, piece, line_no, warnings)


def _place_line(items: list[Item], piece: str, line_no: int, warnings: list[Warning]) -> None:
    """A line without a number and not held: the rest of the reference before it (its translation too), a
    reference of its own, or a stray line."""
    last = items[-1]
    if _is_translation(last, [piece]):
        last.parts.append(piece)
    elif not _is_stray(last, piece):
        last.parts.append(piece)
        message = f"reference {last.number} continues on a following line"
        warnings.append(Warning("references", message, (piece.strip(),), line_no))
    elif parse_reference(clean_reference(piece)).status == "full":
        items.append(Item(last.number + 1, line_no, [piece]))
        message = f"line after reference {last.number} reads as a reference of its own: numbered {last.number + 1}"
        warnings.append(Warning("references", message, (piece.strip(),), line_no))
    else:
        message = f"stray line after reference {last.number} (not part of it) left out"
        warnings.append(Warning("references", message, (piece.strip(),), line_no))


def _is_translation(item: Item, pieces: list[str]) -> bool:
    """The lines are (or end) the English translation Chinese journals print after a Chinese reference."""
    alone = split_translation(fold(clean_reference(join_parts(item.parts))))[1]
    return alone is None and split_translation(fold(clean_reference(join_parts([*item.parts, *pieces]))))[1] is not None


def _is_stray(item: Item, piece: str) -> bool:
    """A line that is not the rest of the reference before it: a running header, a download note, another reference.

    The reference already reads fully on its own, and with the line added it no longer does, or it reads
    differently (another title, journal, volume or year).  A line that only adds a DOI, a PMID or the end
    of a page range leaves what was read in place, and is a continuation.
    """
    if not piece.strip() or not item.parts:
        return False
    before = parse_reference(clean_reference(join_parts(item.parts)))
    if before.status != "full":
        return False
    after = parse_reference(clean_reference(join_parts([*item.parts, piece])))
    if after.status != "full":
        return True
    kept = ("title", "container-title", "volume", "issued")
    if any(after.item.get(key) != before.item.get(key) for key in kept if key in before.item):
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
