"""Authors and affiliations of a journal full text.

Rule for this family: Latin names are printed family name first ("Lyu Ruyue",
"LIU Yan", glued "YANGCheng"), so the first word is the family name, unless
the pinyin of the Chinese name beside it is spelt given name first ("Xiaoming
WANG" for 王晓明), or, with no Chinese name, the name tells another order as
in every family (:mod:`~evdigest.sources.name_order`: "Xiaoming WANG").
Chinese names are paired with Latin ones in printed order, and each pair is
checked against the pinyin of the Chinese name: a Latin name the conversion
damaged ("HANGWansong'" for 张万松) is reported, never stored as the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Affiliation, Author, Warning
from ..pinyin import readings as pinyin_readings
from .base import AUTHORS_CUT_SHORT
from .fulltext_text import CJK_CHAR, cjk_count
from .given_names import Habit
from .latex import SUPERSCRIPT_DIGITS
from .names import (
    COMPOUND_SURNAMES,
    FAMILY_ORDER,
    PARTICLES,
    Order,
    list_habit,
    order_habit,
    pinyin_name,
    split_latin_name,
)

# separators between names on an author line: "吕茹月, 顾路路" / "杨 诚¹，郭文彬¹" / "A、B"; none inside the
# brackets of marks (no closing bracket ahead before an opening one): "王晓明[1,2]，李娜[1]"
NAME_SEP = re.compile(r"\s*[,，、;；]\s*(?![^\[［\]］]*[\]］])")
# affiliation numbers in brackets after a name: "[1,2]", "［1，2］", "[3]"
BRACKET_MARKS = re.compile(r"[\[［]\s*\d{1,2}(?:\s*[,，、]\s*\d{1,2})*\s*[\]］]")
# affiliation markers and damage after a name: "¹²", "1'²", "¹˒³", "」", "\*", "'", "’" (not the apostrophe
# between the letters of a name: "O'BRIEN", "D’Angelo")
NAME_MARKS = re.compile(r"(?:[\d¹²³⁴⁵⁶⁷⁸⁹⁰˒\"」\\*＊^†‡#]|(?<![A-Za-z])['’]|['’](?![A-Za-z]))+")
# a superscript 1 the conversion turned into a quote mark at the end of a name, Chinese or Latin: "林韩翡'",
# "卞军」", "ZHANG Wansong'", "LIU Yue’*", "LINHanfei'" (an apostrophe inside a name, "O'BRIEN", is no mark)
DAMAGED_ONE = re.compile(r"[A-Za-z\u4e00-\u9fff]\s*['’」](?:\\?[*＊])?\s*$")
# "et al." / "等" closing a cut-short author line: "Chen Xiao, Liu Wei, et al.", "陈晓, 刘伟, 等", "刘伟等"
ET_AL_END = re.compile(r"[\s,，、;；]*(?:\bet\s+al\b\.?|等)\s*$", re.IGNORECASE)
# between the clauses of a corresponding-author note, any of which may name an author:
# "欧阳建华，E-mail：…；张伟，E-mail：…", "欧阳建华、张伟", "OUYANG Jianhua and ZHANG Wei"
NOTE_CLAUSE = re.compile(r"\s*[,，;；、&]\s*|\s+and\s+")
# a Chinese name of two to four characters, maybe spaced: "杨 诚"
ZH_NAME = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$")
# a word of a Latin name: "Ruyue", "Yun-feng", "O'BRIEN", or initials printed with full stops, "J.", "J.-P.", "X.-M."
LATIN_WORD = r"(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z][A-Za-z'’-]*)"
# a particle starting a family name, in lower case or in capitals: "van", "DER"
PARTICLE_WORD = rf"(?:(?i:{'|'.join(sorted(PARTICLES))})\s+)"
# a legible Latin name at the start of a token: "Lyu Ruyue", "ZHU Yun-feng", "LIU ChangHong1\*", "SMITH J. A.", its
# family name maybe after particles: "Jan van der Berg", "VAN DER BERG JR J"
LATIN_NAME = re.compile(rf"^(?P<name>{PARTICLE_WORD}*{LATIN_WORD}(?:\s+{PARTICLE_WORD}*{LATIN_WORD}){{0,3}})")
# upper-case family name glued to the given name: "YANGCheng", "LINHanfei"
GLUED_NAME = re.compile(r"^(?P<family>[A-Z]{2,})(?P<given>[A-Z][a-z][A-Za-z-]*)$")
# words that make a line an institution: "Department of ...", "华中科技大学 ..."
INSTITUTION_EN = re.compile(
    r"Universit|Hospital|Institut|College|Department|Cent(?:er|re)|School|Laborator|Academy|Compan|Co\.,? ?Ltd|Faculty"
)
INSTITUTION_ZH = re.compile(r"大学|医院|研究所|研究院|学院|公司|中心|实验室|科学院|医科")
# "1南方医科大学", "1．116000辽宁省", "（1北京交通大学", "2.Inner Mongolia", "12. 吉林大学", a number glued to a
# six-digit postcode "1116000辽宁省" (a postcode alone, "116000辽宁省", is no number)
AFFIL_NUMBER = re.compile(r"^[（(]?\s*(?P<num>[1-9]\d?)(?:(?=\d{6}(?!\d))|(?!\d))\s*[．.、]?\s*(?=\S)")
# a superscript mark before an institution, or a superscript 1 damaged into a quote mark:
# "¹Department of Burns", "²南方医科大学", "¹⁰School", "'Department", "」南方医科大学"
AFFIL_SUPERSCRIPT = re.compile(r"^(?:(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|['’」](?=[A-Z\u4e00-\u9fff]))\s*(?=\S)")
# a superscript mark starting the next institution inside a run: "...China ²School", "...510630²南方", "; ¹²School"
NEXT_SUPERSCRIPT = r"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹])\s*(?=[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?\s*[A-Z\u4e00-\u9fff])"
# splits an English affiliation run: "...China 2.Inner Mongolia", "...China) (2 Henan", "...China ²School",
# "...China 10. Qilu Hospital"
EN_AFFIL_SPLIT = re.compile(rf"\s*[;；]\s*|\)\s*\(|(?<=\S)\s+(?=[1-9]\d?[.．]?\s?[A-Z])|{NEXT_SUPERSCRIPT}")
# splits a Chinese affiliation run: "...510630; 2. 南方医科大学", "...510630 ²南方医科大学"
ZH_AFFIL_SPLIT = re.compile(rf"\s*[;；]\s*|{NEXT_SUPERSCRIPT}")
# an affiliation number among the marks after a name, its digits printed together: "1", "12" in "1'12*"
MARK_NUMBER = re.compile(r"\d+")
# anything but a lowercase letter: "Lyu Ruyue" -> "lyuruyue"
NOT_LETTER = re.compile(r"[^a-z]")
# a word of a Latin name: "Ruyue"
WORD = re.compile(r"[A-Za-z]+")
# a word long enough to tell institutions apart: "Dublin"
LONG_WORD = re.compile(r"[A-Za-z]{4,}")
# spaces, hyphens and marks ignored when comparing names
NON_WORD = re.compile(r"\W")


@dataclass(frozen=True, slots=True)
class NameToken:
    """One name from an author line, with the affiliation numbers and marks printed after it."""

    text: str
    marks: tuple[int, ...] = ()
    starred: bool = False


def split_author_line(line: str) -> list[NameToken]:
    """Split a printed author line into names, reading the affiliation superscripts after each.

    Digits printed together are one number ("¹⁰", "¹²"); :func:`assign_affiliations` reads a number
    beyond the affiliations printed as one digit a mark.
    """
    tokens: list[NameToken] = []
    for part in _name_parts(line):
        part = part.strip()
        if not part:
            continue
        name, digits = _marked_name(part)
        if not digits and DAMAGED_ONE.search(part):
            digits = (1,)
        starred = "*" in part or "＊" in part
        if not name and tokens:
            last = tokens[-1]
            tokens[-1] = NameToken(last.text, last.marks + digits, last.starred or starred)
        elif name:
            tokens.append(NameToken(name, digits, starred))
    return tokens


def _marked_name(part: str) -> tuple[str, tuple[int, ...]]:
    """A printed name without its marks, and the affiliation numbers among them: "王晓明[1,2]" -> ("王晓明", (1, 2))."""
    bracketed = BRACKET_MARKS.findall(part)
    rest = BRACKET_MARKS.sub(" ", part)
    marks_text = " ".join(bracketed + NAME_MARKS.findall(rest)).translate(SUPERSCRIPT_DIGITS)
    numbers = tuple(int(number) for number in MARK_NUMBER.findall(marks_text))
    return NAME_MARKS.sub("", rest).strip(), numbers


def _name_parts(line: str) -> list[str]:
    """The printed names of a line: split at commas, and at spaces between whole Chinese names ("吴刚  郑洁  李晓红").

    A space inside one name ("杨 诚") stays: the line is split at spaces only when every piece is a name of
    two to four characters or marks alone ("王晓明1，2  李娜1": "2" goes with 王晓明), and a compound surname
    printed apart ("欧阳 娜娜") stays with its given name.
    """
    parts: list[str] = []
    for part in NAME_SEP.split(line.strip()):
        pieces = part.split()
        if len(pieces) > 1 and all(_name_or_marks(piece) for piece in pieces):
            parts.extend(_with_compound_surnames(pieces))
        else:
            parts.append(part)
    return parts


def _name_or_marks(piece: str) -> bool:
    """A piece of an author line that is a Chinese name with its marks ("李娜¹", "李娜[1]"), or marks alone ("2")."""
    name, _ = _marked_name(piece)
    return not name or bool(ZH_NAME.match(name))


def _with_compound_surnames(pieces: list[str]) -> list[str]:
    """Names printed apart, a compound surname standing alone joined to the given name after it."""
    names: list[str] = []
    for piece in pieces:
        if names and names[-1] in COMPOUND_SURNAMES:
            names[-1] += piece
        else:
            names.append(piece)
    return names


def squash(name: str) -> str:
    """A name reduced to lowercase letters and digits, for comparing spellings ("Harry Holthofer" ~ "HarryHolthofer")."""
    return NON_WORD.sub("", name).lower()


def is_zh_author_line(line: str) -> bool:
    """True when most comma-separated parts of the line are Chinese names of 2-4 characters."""
    tokens = split_author_line(line)
    zh = [t for t in tokens if ZH_NAME.match(t.text)]
    return bool(zh) and len(zh) * 2 >= len(tokens)


def _pinyin_pattern(name_zh: str) -> re.Pattern[str]:
    """A regex matching the pinyin of a Chinese name however it is spaced, cased or hyphenated."""
    parts: list[str] = []
    for readings in pinyin_readings(name_zh.replace(" ", "")):
        options = set()
        for reading in readings:
            options.add(reading)
            if "v" in reading or "ü" in reading:
                for alt in ("u", "yu", "v"):
                    options.add(reading.replace("ü", alt).replace("v", alt))
        parts.append("(?:" + "|".join(sorted(map(re.escape, options))) + ")")
    return re.compile("".join(parts))


def pinyin_order(latin: str, name_zh: str) -> Order | None:
    """The order in which a Latin name spells the pinyin of the Chinese name, ``None`` when it spells another name.

    "Lyu Ruyue" for 吕茹月 is family-first; "Ruyue Lyu", "Jian Hua OUYANG" for 欧阳建华 are given-first.
    """
    letters = NOT_LETTER.sub("", latin.lower())
    if not letters or not CJK_CHAR.search(name_zh):
        return None
    pattern = _pinyin_pattern(name_zh)
    if pattern.fullmatch(letters):
        return "family-first"
    words = WORD.findall(latin)
    family_first = "".join(words[-1:] + words[:-1]).lower()
    return "given-first" if len(words) > 1 and pattern.fullmatch(family_first) else None


def matches_pinyin(latin: str, name_zh: str) -> bool:
    """True when a Latin name spells the pinyin of the Chinese name (in either order)."""
    return pinyin_order(latin, name_zh) is not None


def latin_parts(
    token: str, order: Order | None = None, habit: Habit | None = None, list_order: Order | None = None
) -> tuple[str, str | None, str | None]:
    """Name as printed (glued names spaced), family and given: ``("YANG Cheng", "Yang", "Cheng")``.

    The name is read in ``order`` (as its Chinese name tells, which the list's order does not override);
    without one, in the family's order unless the name tells another ("Xiaoming WANG",
    :func:`~evdigest.sources.names.split_latin_name`), in a list printed in ``list_order``; its given name by the
    ``habit`` of its list (:func:`latin_habit`).
    """
    token = unglued(token)
    if len(token.split()) < 2:
        return token, None, None
    family, given = split_latin_name(token, order or FAMILY_ORDER["journal-fulltext"], habit, order or list_order)
    return token, family, given


def unglued(token: str) -> str:
    """A family name in capitals glued to the given name spaced from it: "YANGCheng" -> "YANG Cheng"."""
    glued = GLUED_NAME.match(token)
    return f"{glued.group('family')} {glued.group('given')}" if glued else token


def latin_habit(names: list[str | None]) -> Habit | None:
    """The habit of the legible Latin names of an author line (:func:`~evdigest.sources.names.list_habit`), each
    read as :func:`latin_parts` reads it without a Chinese name."""
    printed = latin_names(names)
    return list_habit(printed, FAMILY_ORDER["journal-fulltext"], order_habit(printed))


def latin_names(names: list[str | None]) -> list[str]:
    """The legible Latin names of an author line, glued names spaced."""
    return [unglued(name) for name in names if name]


def legible_latin(token: str) -> str | None:
    """The legible Latin name at the start of a token, or ``None`` when it looks damaged."""
    match = LATIN_NAME.match(token.strip())
    if not match:
        return None
    name = match.group("name").strip()
    if " " not in name and not GLUED_NAME.match(name):
        return None
    return name


@dataclass(frozen=True, slots=True)
class AuthorLines:
    """The author lines found in the front matter (any may be missing)."""

    zh: str | None
    zh_line: int | None
    en: str | None
    en_line: int | None
    wrapped: tuple[int, ...] = ()
    """Numbers of the lines the author lines wrap onto."""

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of every line holding author names."""
        return tuple(n for n in (self.zh_line, self.en_line) if n is not None) + self.wrapped


def build_authors(lines: AuthorLines, warnings: list[Warning]) -> list[Author]:
    """Pair the Chinese and Latin author lines into :class:`Author` objects."""
    zh_text, en_text = _without_et_al(lines.zh), _without_et_al(lines.en)
    if zh_text != lines.zh or en_text != lines.en:
        cut, number = (lines.zh, lines.zh_line) if zh_text != lines.zh else (lines.en, lines.en_line)
        warnings.append(Warning("authors", AUTHORS_CUT_SHORT, (cut or "",), number))
    zh_tokens = split_author_line(zh_text) if zh_text else []
    en_tokens = split_author_line(en_text) if en_text else []
    en_names = [legible_latin(t.text) for t in en_tokens]
    habit = latin_habit(en_names)
    if not zh_tokens:
        list_order = order_habit(latin_names(en_names))
        return [_latin_only(t, habit, list_order) for t in en_tokens if legible_latin(t.text)]
    if not en_tokens:
        message = "no Latin author names printed: written from the Chinese names in pinyin"
        warnings.append(Warning("authors", message, (), lines.zh_line))
    authors: list[Author] = []
    used: set[int] = set()
    for index, token in enumerate(zh_tokens):
        if not CJK_CHAR.search(token.text):
            authors.append(_latin_in_zh_line(token, en_names, used, habit))
            continue
        name_zh = token.text.replace(" ", "")
        position = _find_latin(name_zh, index, en_names, used)
        spelled = pinyin_name(name_zh) if position is None else None
        if position is None and en_tokens:
            printed = en_tokens[index].text if index < len(en_tokens) else ""
            written = f"; written from the Chinese name as {spelled[0]}" if spelled else ""
            warnings.append(
                Warning(
                    "authors",
                    f"Latin name of {name_zh} is missing or damaged by the conversion{written}",
                    (printed,) if printed else (),
                    lines.en_line or lines.zh_line,
                )
            )
        if position is None:
            name, family, given = spelled or ("", None, None)
            if spelled and _capital_families(en_names):  # printed as the list prints its names: "ZHANG Wansong"
                name = f"{family.upper()} {given}" if given else family.upper()
            authors.append(Author(name, name_zh, family, given, token.marks, token.starred))
            continue
        used.add(position)
        printed = en_names[position] or ""  # it spells the Chinese name: its given name is no initials
        name, family, given = latin_parts(printed, pinyin_order(printed, name_zh), "names")
        authors.append(Author(name, name_zh, family, given, token.marks, token.starred))
    return authors


def _capital_families(names: list[str | None]) -> bool:
    """Whether the legible Latin names of a list print their family names in capitals ("YANG Cheng")."""
    printed = latin_names(names)
    firsts = [name.split()[0] for name in printed if " " in name]
    return bool(firsts) and all(first.isupper() and len(first) > 1 for first in firsts)


def _without_et_al(line: str | None) -> str | None:
    """An author line without the "et al." / "等" that closes a cut-short list."""
    return ET_AL_END.sub("", line) if line else line


def _find_latin(name_zh: str, index: int, en_names: list[str | None], used: set[int]) -> int | None:
    if index < len(en_names) and index not in used and en_names[index] and matches_pinyin(en_names[index], name_zh):
        return index
    for position, candidate in enumerate(en_names):
        if position not in used and candidate and matches_pinyin(candidate, name_zh):
            return position
    return None


def _latin_in_zh_line(token: NameToken, en_names: list[str | None], used: set[int], habit: Habit | None) -> Author:
    """A Latin name printed on the Chinese author line (a foreign co-author, given name first unless initials follow
    the family name: "Harry Holthofer", "SMITH JA", "DUPONT J.-P."): prefer the better-spaced copy."""
    squashed = squash(token.text)
    printed = token.text
    for position, candidate in enumerate(en_names):
        if candidate and position not in used and squash(candidate) == squashed:
            used.add(position)
            if candidate.count(" ") > printed.count(" "):
                printed = candidate
            break
    parts = split_latin_name(printed, "given-first", habit) if len(printed.split()) > 1 else (None, None)
    return Author(printed, None, *parts, token.marks, token.starred)


def _latin_only(token: NameToken, habit: Habit | None, list_order: Order | None) -> Author:
    name, family, given = latin_parts(legible_latin(token.text) or "", habit=habit, list_order=list_order)
    return Author(name, None, family, given, token.marks, token.starred)


def note_clauses(note: str) -> list[str]:
    """The clauses of a corresponding-author note, each of which may name an author:
    "欧阳建华，研究员；张伟" -> ["欧阳建华", "研究员", "张伟"]."""
    return [clause for clause in NOTE_CLAUSE.split(note.strip()) if clause]


def author_line_remainder(line: str, count: int) -> str:
    """What follows the first ``count`` names on an English author line (affiliations glued on by the conversion)."""
    parts = NAME_SEP.split(line.strip(), maxsplit=count - 1) if count > 0 else [line]
    last = parts[-1] if parts else ""
    match = LATIN_NAME.match(NAME_MARKS.sub(" ", last).strip())
    if not match:
        return ""
    cut = last.find(match.group("name").split()[-1])
    rest = last[cut + len(match.group("name").split()[-1]) :] if cut >= 0 else ""
    return NAME_MARKS.sub(" ", rest, count=1).strip()


# --- affiliations ------------------------------------------------------------


def split_affiliations(text: str, lang: str) -> list[tuple[int | None, str]]:
    """Split a run of affiliation text into (printed number, institution) pieces."""
    splitter = ZH_AFFIL_SPLIT if lang == "zh" else EN_AFFIL_SPLIT
    pieces: list[tuple[int | None, str]] = []
    for chunk in splitter.split(text):
        chunk = chunk.strip().strip("（）()").strip()
        if not chunk:
            continue
        pieces.append(_numbered_affiliation(chunk, lang))
    return pieces


def _numbered_affiliation(chunk: str, lang: str) -> tuple[int | None, str]:
    """One institution with the number printed before it, as a digit or a superscript (else ``None``)."""
    mark = AFFIL_SUPERSCRIPT.match(chunk)
    if mark:
        sup = mark.group("sup")
        return (int(sup.translate(SUPERSCRIPT_DIGITS)) if sup else 1), chunk[mark.end() :].strip()
    number = AFFIL_NUMBER.match(chunk)
    if number and (lang == "en" or cjk_count(chunk[number.end() :][:1]) or chunk[number.end()].isdigit()):
        return int(number.group("num")), chunk[number.end() :].strip()
    return None, chunk


def pair_affiliations(zh: list[tuple[int | None, str]], en: list[tuple[int | None, str]]) -> list[Affiliation]:
    """Pair the Chinese block of affiliations with the English one, by printed number, else by order.

    The Chinese block may hold an institution only in English (a foreign co-author's);
    an English affiliation that repeats one of those, or is printed twice, is not added twice.
    Two departments of one hospital are two affiliations, however many words they share.
    """
    slots: list[list[str | None]] = [[text, None] if cjk_count(text) else [None, text] for _, text in zh]
    numbers = [number for number, _ in zh]
    for order, (number, text) in enumerate(en):
        if any(_repeats(slot, text) for slot in slots):
            continue
        target = numbers.index(number) if number is not None and number in numbers else None
        if target is None:
            free = [i for i, slot in enumerate(slots) if slot[1] is None]
            target = free[0] if free and (number is None or order < len(slots)) else None
        if target is None or slots[target][1] is not None:
            if _copied(number, text, slots, numbers):
                continue
            slots.append([None, text])
            numbers.append(number)
        else:
            slots[target][1] = text
    return [Affiliation(en=en_text, zh=zh_text) for zh_text, en_text in slots]


def _copied(number: int | None, text: str, slots: list[list[str | None]], numbers: list[int | None]) -> bool:
    """Whether an English affiliation left with no place is a copy, maybe damaged, of one already paired:
    it names the same place and no number of its own ("...Nanjing 21OO29, China" after "...Nanjing 210029, China")."""
    new_number = number is not None and number not in numbers
    return not new_number and any(slot[1] and _same_place(slot[1], text) for slot in slots)


def _repeats(slot: list[str | None], text: str) -> bool:
    """Whether an English affiliation is one a slot holds already: the same text, or the same place as
    an institution the Chinese block printed only in English ("Centre for BioAnalytical Sciences,
    Dublin City University" / "BioAnalytical Sciences,Dublin City University")."""
    zh_text, en_text = slot
    if not en_text:
        return False
    return squash(en_text) == squash(text) or (zh_text is None and _same_place(en_text, text))


def _words(text: str) -> set[str]:
    return {w.lower() for w in LONG_WORD.findall(text)}


def _same_place(left: str, right: str) -> bool:
    """Two English affiliation strings naming the same institution (most of their words shared)."""
    a, b = _words(left), _words(right)
    return bool(a and b) and len(a & b) * 2 >= len(a | b)


def assign_affiliations(authors: list[Author], count: int) -> list[Author]:
    """Turn printed affiliation numbers into indexes; a single affiliation belongs to every author."""
    result: list[Author] = []
    for author in authors:
        numbers = [n for printed in author.affiliations for n in affiliation_numbers(printed, count)]
        indexes = tuple(sorted({n - 1 for n in numbers if 0 < n <= count}))
        if not indexes and count == 1:
            indexes = (0,)
        result.append(
            Author(
                author.name, author.name_zh, author.family, author.given, indexes, author.corresponding, author.orcid
            )
        )
    return result


def affiliation_numbers(printed: int, count: int) -> tuple[int, ...]:
    """The affiliations a mark of digits printed together names, with ``count`` affiliations printed.

    It is one number when there are that many affiliations ("¹²" is 12 of twelve); else, when its
    digits rise and hold no zero, as marks are printed in order, one digit a mark ("¹²" is 1 and 2 of three).
    """
    digits = str(printed)
    rising = "0" not in digits and all(a < b for a, b in zip(digits, digits[1:], strict=False))
    if printed <= count or not rising:
        return (printed,)
    return tuple(int(digit) for digit in digits)
