"""Numbered section headings of a journal full text.

A heading is a line starting with a section number that follows the previous
one (``1`` -> ``1.1`` -> ``1.1.1`` -> ``1.2`` -> ``2``): this keeps sentences
such as "20 世纪80 年代初期" or "3D 培养" out, and splits numbers the
conversion glued to the title ("2.224huEVs" is 2.2 "24huEVs ...").  Headings
may carry the first paragraph on the same line ("2.1 外泌体的生物特性 外泌体是一类...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fulltext_text import CJK_CHAR

# "2.1 外泌体的生物特性 ...", "1.1.1研究对象从...", "0 引言 Introduction", "3讨论"
NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,3}){0,3})\.?\s*(?P<rest>\S.*)$")
# a number followed by a unit or counter reads as a quantity, not a heading: "3 倍", "1 型", "20 世纪"
QUANTITY = re.compile(
    r"^\s*(?:[年月日倍个种名例次型期岁天周株只组项篇位分秒小时世代%％~～\-–—,，.．:：×/]|h\b|mg|ml|mL|nm|μ)"
)
# "引言 Introduction": a Chinese title followed by its English one
TITLE_EN = re.compile(r"^(?P<zh>.*[\u4e00-\u9fff）)])\s+(?P<en>[A-Za-z][A-Za-z ,&'/-]*)$")
# punctuation that a title does not contain
TITLE_STOP = re.compile(r"[，。,；;！？]")
# the gap between a title and the text on the same line: "特性 外泌体"
SPACE = re.compile(r"\s+")
# "外周血：从早期..." / "Methods: ..."
COLON = re.compile(r"[:：]")
MAX_TITLE = 30


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading as read: number, title (maybe empty), English title, first paragraph."""

    number: tuple[int, ...]
    title: str
    title_en: str | None
    rest: str
    skipped: bool = False


def number_text(number: tuple[int, ...]) -> str:
    """``(2, 1)`` -> ``"2.1"``."""
    return ".".join(str(n) for n in number)


def follows(current: tuple[int, ...] | None, candidate: tuple[int, ...]) -> tuple[bool, bool]:
    """Whether ``candidate`` can follow ``current``, and whether a number was skipped on the way."""
    if current is None:
        return candidate[0] in (0, 1) and all(n == 1 for n in candidate[1:]), False
    if candidate == current + (1,):
        return True, False
    for depth in range(len(current)):
        prefix = current[:depth]
        for step in (1, 2):
            bumped = prefix + (current[depth] + step,)
            if candidate in (bumped, bumped + (1,)):
                return True, step == 2
    return False, False


def read_heading(text: str, marked: bool, current: tuple[int, ...] | None) -> Heading | None:
    """The heading a line starts with, or ``None`` when it is not one (``marked``: a Markdown ``#`` line)."""
    match = NUMBERED.match(text)
    if not match:
        return None
    digits, rest = match.group("num"), match.group("rest")
    while digits:
        number = tuple(int(part) for part in digits.split(".") if part)
        ok, skipped = follows(current, number) if number else (False, False)
        if ok and _plausible(rest, marked, len(number)):
            return _split(number, rest, marked, skipped)
        if not marked or "." not in digits or digits.endswith("."):
            return None
        rest = digits[-1] + rest
        digits = digits[:-1].rstrip(".") if digits[:-1].endswith(".") else digits[:-1]
    return None


def _plausible(rest: str, marked: bool, depth: int) -> bool:
    if QUANTITY.match(rest) and not marked:
        return False
    if CJK_CHAR.match(rest[0]) or rest[0] in "（(":
        return True
    return marked or (depth >= 2 and rest[0].isalpha())


def _split(number: tuple[int, ...], rest: str, marked: bool, skipped: bool) -> Heading:
    """Separate the title from a paragraph printed on the same line."""
    rest = rest.strip()
    if marked or (len(rest) <= MAX_TITLE + 10 and not TITLE_STOP.search(rest)):
        title, title_en = _title_en(rest.rstrip("：:").strip())
        return Heading(number, title, title_en, "", skipped)
    cut = _title_end(rest)
    if cut is None:
        return Heading(number, "", None, rest, skipped)
    title, body = rest[: cut[0]].strip(), rest[cut[1] :].strip()
    return Heading(number, title, None, body, skipped)


def _title_end(rest: str) -> tuple[int, int] | None:
    """Where the title stops and the paragraph starts: (end of title, start of paragraph)."""
    for space in SPACE.finditer(rest[: MAX_TITLE + 1]):
        if space.start() >= 2 and _clean_title(rest[: space.start()]) and _title_break(rest, space):
            return space.start(), space.end()
    colon = COLON.search(rest)
    if colon and 2 <= colon.start() <= MAX_TITLE + 10 and _clean_title(rest[: colon.start()]):
        return colon.start(), colon.end()
    for end in range(2, MAX_TITLE):
        if rest[end : end + 2] == rest[:2] and _clean_title(rest[:end]):
            return end, end
    return None


def _title_break(rest: str, space: re.Match[str]) -> bool:
    """A space between a Chinese title and Chinese text ("特性 外泌体", "影响 (1)"), not inside a term ("肿瘤 DNA")."""
    before, after = rest[space.start() - 1], rest[space.end() : space.end() + 1]
    if not (CJK_CHAR.match(before) or before in "）)"):
        return False
    if after.isascii() and after.isalnum():
        colon = COLON.search(rest[space.end() : space.end() + MAX_TITLE + 10])
        return not (colon and _clean_title(rest[space.end() : space.end() + colon.start()]))
    return True


def _clean_title(text: str) -> bool:
    return not TITLE_STOP.search(text)


def _title_en(title: str) -> tuple[str, str | None]:
    match = TITLE_EN.match(title)
    if match and CJK_CHAR.search(match.group("zh")):
        return match.group("zh").strip(), match.group("en").strip()
    return title, None
