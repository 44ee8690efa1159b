"""Citation markers in body text: find them, resolve ranges and lists, index them by sentence.

Markers as printed: ``^[1-6]``, ``^[5-6, 46]``, ``[1-2]``, ``[47]``; and the forms
PDF conversion damages: ``[-3]`` (the start of the range lost), ``[4.5]`` (commas read as
full stops) and ``[1`` (the closing bracket and maybe digits lost).  Sentences are split
on 。！？ after the paragraphs have been joined again.  A bracket of numbers that the text
shows to be a quantity (a unit after it, a sign before it, decimals) is not a marker.

Every marker read is written back in the one form the pages link (``^[1-2]``: a bracket
printed ``[1-2]`` or ``［1－2］``, and a damaged one as it was read, ``[47]`` → ``^[4-7]``);
a marker whose numbers are lost (``[1``) or not all in the reference list stays as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Citation
from .latex import SUPERSCRIPT_DIGITS

# The dashes of a range, for a character class: ASCII, en and em dashes, tildes, full-width, the minus sign
# and Unicode hyphens
DASHES = r"\-–—~～－−‐‑‒"
_DASH = f"[{DASHES}]"
# Opening and closing brackets of a marker: ASCII, full-width, tortoise-shell ("〔13〕")
_OPEN, _CLOSE = r"[\[［〔]", r"[\]］〕]"

# "^[1-6]", "^[5-6, 46]", "[1-2]", "[47]", "[3，5～7]"
MARKER = re.compile(rf"\^?{_OPEN}\s*(?P<spec>\d{{1,3}}(?:\s*[{DASHES},，、]\s*\d{{1,3}})*)\s*{_CLOSE}")

# "[1]-[3]", "[5]～[8]": a range printed as two markers
JOINED = re.compile(
    rf"\^?{_OPEN} ?(?P<start>\d{{1,3}}) ?{_CLOSE}[ \t]*{_DASH}[ \t]*\^?{_OPEN} ?(?P<end>\d{{1,3}}) ?{_CLOSE}"
)

# "外泌体⁹", "CTC¹⁰⁻¹²": reference numbers printed as superscript digits, after Chinese text, closing
# punctuation or a word of three or more letters (not a power, "10⁹", a unit, "cm²", a charge, "Fe³⁺", a
# footnote mark, "¹⁾", or an isotope, "¹³¹I")
SUPERSCRIPT = re.compile(
    r"(?:(?<=[\u3400-\u9fff）」”])|(?<=[A-Za-z]{3}))(?P<digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?:[⁻˗,，、][⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*)(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻+⁾A-Z])"
)
_SUPERSCRIPT_NUMERALS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_DIGIT = re.compile(f"[{_SUPERSCRIPT_NUMERALS}]")
# Where a text may hold a marker in brackets
_BRACKET = re.compile(r"[\[［〔]")

# "[-3]": a range whose first number the conversion dropped
LOST_START = re.compile(rf"\^?{_OPEN}\s*{_DASH}\s*(?P<end>\d{{1,3}})\s*{_CLOSE}")

# "[10-]": a range whose last number the conversion dropped
LOST_END = re.compile(rf"\^?{_OPEN}\s*(?P<start>\d{{1,3}})\s*{_DASH}\s*{_CLOSE}")

# "[4.5]", "[7.9.21,23]": commas the conversion read as full stops (a bracket of reference numbers holds no decimals)
DOTTED = re.compile(rf"\^?{_OPEN}\s*(?P<spec>\d{{1,3}}(?:\s*[{DASHES},，、.．]\s*\d{{1,3}})*)\s*{_CLOSE}")

# A unit, multiplier or count after a bracket of numbers, which is then a quantity, not a citation:
# "[30-150] nm", "[2.5]倍", "[10]%", "[2-4]周", "[12]例", "[1-5]×10^9"
UNIT_AFTER = re.compile(
    r"\s?(?:(?:[nμµu]m|mm|cm|kDa|Da|bp|kb|[mμµn]g|kg|m[lL]|[μµ][lL]|[mμµn]?mol|min|h|s|d)(?![A-Za-z])"
    r"|[%％℃°×倍岁]|周(?![围期边])|天(?!然)|次(?![要级序])|例(?!如)|个月|小时)"
)
# A sign before a bracket of numbers, which is then a value: "OR=[1, 3]", "±[2]"
SIGN_BEFORE = re.compile(r"[=±]\s?$")
# What a bracket of reference numbers whose commas became full stops follows: text, as in "等[4.5]",
# "(MVB)[4.5]", "miR-21-5p[4.5]" (a bracket of decimals after a number, a space or nothing is an interval or
# an estimate: "0.78 [0.72, 0.83]")
DOTTED_AFTER = re.compile(r"[\u3400-\u9fff）」”)A-Za-z]$")

# "等[1通过": an opening bracket and digits with no closing bracket (not "[95% CI]", "[18F]": a bracket closed
# a few characters on)
UNCLOSED = re.compile(rf"\^?{_OPEN}(?P<num>\d{{1,3}})(?=[^\d\]］〕\s,，、{DASHES}])(?![^\[\]［］〔〕]{{0,30}}{_CLOSE})")

# one sentence: text up to and including 。！？ (and closing quotes/brackets after it)
SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*|[^。！？]+$")

RANGE_SEP = re.compile(rf"\s*{_DASH}\s*")
LIST_SEP = re.compile(r"\s*[,，、]\s*")

MAX_RANGE = 200


@dataclass(frozen=True, slots=True)
class Marker:
    """One citation marker found in a piece of text."""

    numbers: tuple[int, ...]
    text: str
    """The marker as printed."""
    damaged: bool = False
    start: int = 0
    """Where the marker starts in the text it was found in."""


def expand(spec: str) -> tuple[int, ...]:
    """Resolve a marker's inside (``5-6, 46``) into reference numbers (``5, 6, 46``).

    A reversed or implausibly long range keeps only its two ends.
    """
    numbers: list[int] = []
    for part in LIST_SEP.split(spec.strip()):
        if not part:
            continue
        ends = [int(n) for n in RANGE_SEP.split(part) if n.isdigit()]
        if len(ends) == 2 and ends[0] <= ends[1] and ends[1] - ends[0] <= MAX_RANGE:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    seen: dict[int, None] = {}
    for n in numbers:
        seen.setdefault(n, None)
    return tuple(seen)


def find_markers(text: str, highest_so_far: int = 0) -> list[Marker]:
    """All citation markers of ``text`` in order.

    ``[-N]`` is read as the range from ``highest_so_far + 1`` to N (references are
    numbered in order of first citation) and flagged as damaged; an unclosed
    ``[N`` is returned as damaged with no numbers, since its digits may be cut.
    """
    found: list[Marker] = []
    if _BRACKET.search(text):
        found += _bracketed(text)
    if _SUPERSCRIPT_DIGIT.search(text):
        for match in SUPERSCRIPT.finditer(text):
            numbers = expand(match.group("digits").translate(SUPERSCRIPT_DIGITS))
            found.append(Marker(numbers, match.group(0), start=match.start()))
    found.sort(key=lambda marker: marker.start)
    resolved: list[Marker] = []
    highest = highest_so_far
    for marker in found:
        lost = LOST_START.fullmatch(marker.text)
        if lost:
            end = int(lost.group("end"))
            start = highest + 1 if highest < end else end
            marker = Marker(tuple(range(start, end + 1)), marker.text, damaged=True, start=marker.start)
        resolved.append(marker)
        highest = max([highest, *marker.numbers])
    return resolved


def _bracketed(text: str) -> list[Marker]:
    """The markers in brackets of ``text`` (see :func:`find_markers`), unordered."""
    found: list[Marker] = []
    taken: set[int] = set()  # where a bracket is a quantity (UNIT_AFTER, SIGN_BEFORE) or part of a range in two
    for match in JOINED.finditer(text):
        start, end = int(match.group("start")), int(match.group("end"))
        at = match.start()
        quantity = UNIT_AFTER.match(text, match.end()) or SIGN_BEFORE.search(text, max(0, at - 2), at)
        if start < end <= start + MAX_RANGE and not quantity:
            found.append(Marker(tuple(range(start, end + 1)), match.group(0), start=match.start()))
            taken.update(range(match.start(), match.end()))
    dotted = set()
    for match in DOTTED.finditer(text):  # every bracket of numbers: MARKER's and the dotted ones
        at = match.start()
        superscript = match.group(0).startswith("^")  # as printed: a citation whatever is around it
        quantity = UNIT_AFTER.match(text, match.end()) or SIGN_BEFORE.search(text, max(0, at - 2), at)
        if at in taken or not superscript and quantity:
            continue
        if MARKER.fullmatch(match.group(0)):
            found.append(Marker(expand(match.group("spec")), match.group(0), start=at))
            continue
        dotted.add(at)
        numbers = _dotted_numbers(match.group("spec"))
        if numbers and DOTTED_AFTER.search(text, max(0, at - 1), at):
            found.append(Marker(numbers, match.group(0), damaged=True, start=at))
        elif numbers:  # "CD63[7.9]": a list, perhaps, that cannot be told from decimals here: reported
            found.append(Marker((), match.group(0), damaged=True, start=at))
    for match in LOST_START.finditer(text):
        found.append(Marker((), match.group(0), damaged=True, start=match.start()))
    for match in LOST_END.finditer(text):
        found.append(Marker((int(match.group("start")),), match.group(0), damaged=True, start=match.start()))
    for match in UNCLOSED.finditer(text):
        if match.start() not in dotted:
            found.append(Marker((), match.group(0), damaged=True, start=match.start()))
    return found


def _dotted_numbers(spec: str) -> tuple[int, ...]:
    """The numbers of ``[7.9.21,23]`` (commas read as full stops): ``(7, 9, 21, 23)``, or ``()`` when the
    bracket reads as decimals rather than a list of references: a range in it, a number written with a
    leading zero, a list of numbers with one decimal point each (``[1.2, 3.4]``), numbers not in rising
    order (``[1.5, 3.6]``, ``[1.13-2.04]``)."""
    if RANGE_SEP.search(spec):
        return ()
    listed = [part for part in re.split(r"\s*[,，、]\s*", spec) if part]
    if len(listed) > 1 and all(len(re.findall(r"[.．]", part)) == 1 for part in listed):
        return ()  # "[1.2, 3.4]": decimals, listed
    parts = [part for part in re.split(r"\s*[,，、.．]\s*", spec) if part]
    if any(part.startswith("0") for part in parts):
        return ()
    numbers = tuple(int(part) for part in parts)
    return numbers if all(a < b for a, b in zip(numbers, numbers[1:], strict=False)) else ()


def split_sentences(paragraph: str) -> list[str]:
    """Split a joined paragraph into sentences on 。！？ (each keeps its end mark)."""
    return [s.strip() for s in SENTENCE.findall(paragraph) if s.strip()]


def written(marker: Marker, known: frozenset[int] = frozenset()) -> str:
    """A marker in the form the pages link: ``^[1-2]``, its inside as printed (``～``, ``－`` as ASCII) when
    it was read as printed, else its numbers (``[47]`` read as 4 to 7: ``^[4-7]``); as printed when its
    numbers are lost, or when ``known`` (the reference list's numbers) lacks one of them (``[30, 150]`` in
    a list of 40: a quantity rather than a citation)."""
    if not marker.numbers or not all(n in known for n in marker.numbers):
        return marker.text
    if not marker.damaged:
        found = MARKER.fullmatch(marker.text)
        if found:
            return f"^[{found.group('spec').strip().translate(_ASCII_DASHES)}]"
    return f"^[{_spans(marker.numbers)}]"


_ASCII_DASHES = str.maketrans({"～": "~", "－": "-", "−": "-", "‐": "-", "‑": "-", "‒": "-"})


def _spans(numbers: tuple[int, ...]) -> str:
    """Numbers as runs of three or more: ``(4, 5, 6, 9, 11, 12)`` → ``4-6, 9, 11, 12``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def strip_markers(text: str) -> str:
    """The text with its citation markers removed (for reading, not for indexing)."""
    return MARKER.sub("", text)


@dataclass(slots=True)
class CitationIndex:
    """Where each reference number is cited, built up place by place in reading order."""

    cited: dict[int, list[Citation]]
    damaged: list[str]
    known: frozenset[int] = frozenset()
    """The numbers of the reference list, used to repair markers that lost their dash."""
    highest: int = 0

    @classmethod
    def empty(cls, known: Iterable[int] = ()) -> CitationIndex:
        """A new, empty index for a reference list with the ``known`` numbers."""
        return cls(cited={}, damaged=[], known=frozenset(known))

    def add_text(self, section: str | None, text: str) -> str:
        """Index every marker of a paragraph (split into sentences) under ``section``; the paragraph with its
        markers written as the pages link them (:func:`written`)."""
        out: list[str] = []
        for match in SENTENCE.finditer(text):
            piece = match.group()
            sentence = piece.strip()
            if sentence:
                start = piece.index(sentence)
                piece = piece[:start] + self.add_sentence(section, sentence) + piece[start + len(sentence) :]
            out.append(piece)
        return "".join(out)

    def add_sentence(self, section: str | None, sentence: str) -> str:
        """Index the markers of one sentence (one :class:`Citation` for every number it cites: a reading
        kept across builds stores it once); the sentence with its markers written as the pages link them
        (:func:`written`), as the citations hold it."""
        markers = self._markers(sentence)
        citation = Citation(section=section, sentence=self._written(sentence, markers))
        for marker in markers:
            if marker.damaged:
                self.damaged.append(marker.text)
            for number in marker.numbers:
                places = self.cited.setdefault(number, [])
                if citation not in places:
                    places.append(citation)
            self.highest = max([self.highest, *marker.numbers])
        return citation.sentence

    def written_out(self, text: str) -> str:
        """``text`` (a table cell, a caption) with its markers written as the pages link them, as
        :meth:`add_sentence` would write them next; nothing is indexed."""
        return self._written(text, self._markers(text))

    def _markers(self, text: str) -> list[Marker]:
        return [self._repair(marker) for marker in find_markers(text, self.highest)]

    def _written(self, text: str, markers: list[Marker]) -> str:
        shown, last = [], 0
        for marker in markers:
            if marker.start >= last:  # markers of different patterns do not overlap; if they did, the first is written
                shown += [text[last : marker.start], written(marker, self.known)]
                last = marker.start + len(marker.text)
        return "".join(shown) + text[last:]

    def _repair(self, marker: Marker) -> Marker:
        """Read ``[47]`` as ``[4-7]`` when 47 is not in the list but 4 to 7 are (the dash was lost); read
        ``[4.5]`` as ``[4,5]`` only when 4 and 5 are in the list (else its numbers are unknown)."""
        if marker.damaged and DOTTED.fullmatch(marker.text) and not MARKER.fullmatch(marker.text):
            if self.known and not all(n in self.known for n in marker.numbers):
                return Marker((), marker.text, damaged=True, start=marker.start)
            return marker
        if marker.text[:1] in _SUPERSCRIPT_NUMERALS and not all(n in self.known for n in marker.numbers):
            return Marker((), marker.text, start=marker.start)  # "⁹" the list lacks: not a citation (a power, a note)
        if not self.known or marker.damaged or len(marker.numbers) != 1 or marker.numbers[0] in self.known:
            return marker
        if marker.numbers[0] < max(self.known):  # a number the list skips (a reference lost), not a lost dash
            return marker
        digits = str(marker.numbers[0])
        for cut in range(1, len(digits)):
            start, end = int(digits[:cut]), int(digits[cut:])
            if start < end and digits[cut] != "0" and all(n in self.known for n in range(start, end + 1)):
                return Marker(tuple(range(start, end + 1)), marker.text, damaged=True, start=marker.start)
        return marker

    def add_all(self, section: str | None, texts: Iterable[str]) -> tuple[str, ...]:
        """Index several paragraphs of the same section; the paragraphs as :meth:`add_text` writes them."""
        return tuple(self.add_text(section, text) for text in texts)
