"""Numbered section headings of a journal full text.

A heading is a line starting with a section number that follows the previous
one (``1`` -> ``1.1`` -> ``1.1.1`` -> ``1.2`` -> ``2``): this keeps sentences
such as "20 世纪80 年代初期" or "3D 培养" out, and splits numbers the
conversion glued to the title ("2.224huEVs" is 2.2 "24huEVs ...").  Headings
may carry the first paragraph on the same line ("2.1 外泌体的生物特性 外泌体是一类...").

Headings numbered in Chinese are read the same way, ``一、`` at the first level and ``（一）`` at the second
(numbered ``1`` and ``1.1``); a Markdown heading with no number, or a usual title such as "引言" alone on its
line, opens a section with no number.
"""

from __future__ import annotations

import dataclasses
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
# "一、资料和方法", "三．讨论"
CHINESE_NUMBERED = re.compile(r"^(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<rest>\S.*)$")
# "（一）检索策略", "(二) 纳入与排除标准"
CHINESE_SUB = re.compile(r"^[（(]\s*(?P<num>[一二三四五六七八九十]{1,3})\s*[）)]\s*(?P<rest>\S.*)$")
# a usual title printed alone on its line with no number: "引言", "讨论 Discussion", "总结与展望"
PLAIN_TITLE = re.compile(
    r"^(?:引言|前言|讨论|结论|小结|结语|总结|展望|总结与展望|结论与展望)(?:\s+[A-Za-z][A-Za-z ]*)?$"
)
CHINESE_DIGITS = "一二三四五六七八九"
# a word that opens the paragraph glued to its heading: "1.2 外泌体的形成与内容物的选择随着早期内吞体...",
# "2.5 卵巢癌作为常见的妇科恶性肿瘤之一，"
OPENER = re.compile(r"随着|作为|目前|近年来")
# a method verb that opens the paragraph glued to a short method title: "1.2.2Westernblot取外泌体悬液...",
# "1.2.3透射电镜取 20~40 μL", "1.1.1研究对象从2016年3月..." (not the end of a word: 提取, 获取, 即将)
METHOD_VERB = re.compile(r"(?<![提摄获选采吸抽读萃录争收截领即])[取将]|从(?=\d)")
# "Westernblot", "Northernblot": the conversion dropped the space of a method's name
BLOT = re.compile(r"\b(Western|Northern|Southern|Eastern)\s*blot\b", re.I)
# the longest method title before such a verb
METHOD_TITLE = 12
MAX_TITLE = 30


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading as read: number, title (maybe empty), English title, first paragraph."""

    number: tuple[int, ...] | None
    title: str
    title_en: str | None
    rest: str
    skipped: bool = False


def number_text(number: tuple[int, ...] | None) -> str | None:
    """``(2, 1)`` -> ``"2.1"``; ``None`` for a heading with no number."""
    return None if number is None else ".".join(str(n) for n in number)


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
    if match:
        return _numbered(match, marked, current)
    chinese = _chinese_heading(text, marked, current)
    if chinese is not None:
        return chinese
    if PLAIN_TITLE.match(text) or (marked and _short_title(text)):
        title, title_en = _title_en(text.rstrip("：:").strip())
        return Heading(None, title, title_en, "")
    return None


def _numbered(match: re.Match[str], marked: bool, current: tuple[int, ...] | None) -> Heading | None:
    """A heading numbered in digits, the number maybe glued to its title."""
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


def _chinese_heading(text: str, marked: bool, current: tuple[int, ...] | None) -> Heading | None:
    """A heading numbered ``一、`` (first level) or ``（一）`` (second level, under the current first level): the
    next number, none skipped."""
    match = CHINESE_NUMBERED.match(text)
    sub = None if match else CHINESE_SUB.match(text)
    found = match or sub
    value = chinese_number(found.group("num")) if found else None
    if found is None or value is None:
        return None
    if sub and current is None:
        return None
    number = (current[0], value) if sub and current else (value,)
    ok, skipped = follows(current, number)
    rest = found.group("rest")
    # numbers counted in a sentence, not a heading: "三、四两组间差异..."
    if not ok or skipped or rest[0] in CHINESE_DIGITS + "十" or not _plausible(rest, marked, len(number)):
        return None
    return _split(number, rest, marked, False)


def chinese_number(text: str) -> int | None:
    """``"三"`` -> 3, ``"十二"`` -> 12, ``"二十"`` -> 20; ``None`` for what is not such a number (``"一十十"``)."""
    tens, ten, units = text.partition("十")
    if not ten:
        return CHINESE_DIGITS.index(text) + 1 if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    high = CHINESE_DIGITS.index(tens) + 1 if tens else 1
    return high * 10 + (CHINESE_DIGITS.index(units) + 1 if units else 0)


def _short_title(text: str) -> bool:
    """A Markdown heading line that reads as a title: short, with no sentence punctuation."""
    return 2 <= len(text) <= MAX_TITLE + 10 and _clean_title(text) and not text.endswith(("。", "."))


def separate_title(heading: Heading, siblings: list[str]) -> Heading:
    """Read again a numbered heading whose title was not separated from the paragraph glued to it, or whose
    title took the paragraph's first verb ("透射电镜取"): the title ends where its siblings' titles end (2.1 肺癌,
    2.2 胰腺癌 ... 2.5 卵巢癌), before a word that opens a sentence (随着, 作为, 目前, 近年来), or, for a method
    subsection, before a method verb (取, 将, 从 a date). A title no rule separates stays empty."""
    if heading.number is None or not heading.rest:
        return heading
    method = len(heading.number) >= 3
    if heading.title:
        verb = METHOD_VERB.search(heading.title)
        if not method or not verb or verb.start() < 2 or verb.end() != len(heading.title):
            return heading
        title, rest = heading.title[: verb.start()], f"{verb.group()} {heading.rest}"
        return dataclasses.replace(heading, title=title, rest=rest)
    rest = heading.rest
    cut = _sibling_end(rest, siblings) or _opener_end(rest) or (_verb_end(rest) if method else None)
    if cut is None:
        return heading
    title = BLOT.sub(lambda m: f"{m.group(1)} blot", rest[:cut].strip())
    return dataclasses.replace(heading, title=title, rest=rest[cut:].strip())


def _sibling_end(rest: str, siblings: list[str]) -> int | None:
    """Where a title ends with the character all its (two or more) siblings' titles end with: "卵巢癌"."""
    ends = {title[-1] for title in siblings if title}
    if len(siblings) < 2 or len(ends) != 1 or not all(siblings):
        return None
    end = ends.pop()
    index = rest.find(end, 1, MAX_TITLE)
    if not CJK_CHAR.match(end) or index < 1 or not _clean_title(rest[: index + 1]):
        return None
    return index + 1


def _opener_end(rest: str) -> int | None:
    """Where a sentence-opening word starts the paragraph, a comma after it telling a sentence."""
    opener = OPENER.search(rest, 2, MAX_TITLE + 1)
    if opener is None or not _clean_title(rest[: opener.start()]) or "，" not in rest[opener.end() : opener.end() + 40]:
        return None
    return opener.start()


def _verb_end(rest: str) -> int | None:
    """Where a method verb starts the paragraph after a short method title: "Westernblot取..."."""
    verb = METHOD_VERB.search(rest, 2, METHOD_TITLE + 1)
    if verb is None or not _clean_title(rest[: verb.start()]):
        return None
    return verb.start()


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
