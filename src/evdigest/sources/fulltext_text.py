"""Small text helpers shared by the journal full-text readers: lines, scripts, joining."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from ..text import CJK_IDEOGRAPH as CJK_CHAR
from .greek_spacing import join_greek
from .latex import SUPERSCRIPTS, replace_math

LATIN_LETTER = re.compile(r"[A-Za-z]")
# "# 1 材料和方法", "## Abstract": Markdown heading marks
HEADING_MARK = re.compile(r"^#{1,6}\s*")
# Latin letters opening a text: "NA", "RNA调控"
_LATIN_START = re.compile(r"[A-Za-z]+")
# characters that may end a finished paragraph
CLOSING = tuple('。！？.!?；;”"’」』')
# a Markdown backslash escape of ASCII punctuation outside math: "22\~63岁", "Wang等人\*"
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# inline HTML scripts the conversion may leave: "外泌体<sup>[3]</sup>", "10<sup>9</sup>", "CO<sub>2</sub>"
HTML_SCRIPT = re.compile(r"(?P<before>.?)<(?P<tag>sup|sub)>(?P<inner>[^<>]{0,40})</(?P=tag)>", re.IGNORECASE)
# a superscript citation in brackets: "[3]", "［1－3］"
SUP_BRACKETED = re.compile(r"^\s*[\[［〔]\s*(?P<spec>\d{1,3}(?:\s*[-–—~～－−,，、]\s*\d{1,3})*)\s*[\]］〕]\s*$")
# a superscript of digits and signs: "2", "1-3", "1, 2", "-9", "2+"
SUP_PLAIN = re.compile(r"^[\d\s,，、+\-–—~～－−]{1,20}$")
# the dashes of such a superscript, read as "-"
SUP_DASH = re.compile(r"[–—~～－−]")
# invisible or blank-looking characters the conversion leaves on otherwise empty lines
BLANKISH = re.compile(r"^[\s\u00a0\u200b\u3000]*$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source: its 1-based number, its text (math made readable), whether it was a Markdown
    heading and how deep (the number of ``#``, 0 for a line that is not a heading)."""

    number: int
    text: str
    heading: bool = False
    depth: int = 0

    @property
    def blank(self) -> bool:
        """True for empty or whitespace-only lines (including no-break spaces)."""
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The text as :class:`Line` objects: Markdown heading marks and backslash escapes removed, math fragments
    made readable, Greek letters set apart by the conversion joined to their names again (:func:`join_greek`)."""
    lines: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        mark = HEADING_MARK.match(raw)
        heading = mark is not None
        body = raw[mark.end() :] if mark else raw
        body = "" if BLANKISH.match(body) else replace_math(body).strip().replace("\u00a0", " ")
        body = MARKDOWN_ESCAPE.sub(r"\1", body)
        if "</" in body:
            body = HTML_SCRIPT.sub(_script, body)
        body = join_greek(body)
        lines.append(Line(number, body, heading, len(mark.group().rstrip()) if mark else 0))
    return lines


def _script(match: re.Match[str]) -> str:
    """An inline ``<sup>``/``<sub>`` as text: a superscript citation in brackets is a citation marker
    (``^[3]``), one of digits and signs the same superscript characters (``CTC⁹``, ``10⁹``, ``Ca²⁺``: the
    citation markers tell a citation from a power or a charge by what is around it); anything else is its
    text (``CO2``)."""
    before, inner = match.group("before"), match.group("inner")
    if match.group("tag").lower() == "sup":
        bracketed = SUP_BRACKETED.match(inner)
        if bracketed:
            return f"{before}^[{bracketed.group('spec')}]"
        if SUP_PLAIN.match(inner) and any(c.isdigit() for c in inner):
            return before + SUP_DASH.sub("-", inner).replace(" ", "").translate(SUPERSCRIPTS)
    return before + inner


def cjk_count(text: str) -> int:
    """How many CJK ideographs the text holds."""
    return len(CJK_CHAR.findall(text))


def is_latin_text(text: str, min_letters: int = 10) -> bool:
    """True for text written mostly in Latin script (English title, abstract, affiliation)."""
    letters = len(LATIN_LETTER.findall(text))
    return letters >= min_letters and cjk_count(text) * 10 <= letters


def is_cjk_text(text: str) -> bool:
    """True for text with Chinese characters outnumbering Latin letters."""
    cjk = cjk_count(text)
    return cjk > 0 and cjk * 2 >= len(LATIN_LETTER.findall(text))


def join_text(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between Chinese characters, one between words, none inside a
    Latin word cut right after Chinese characters (:func:`cut_latin_word`)."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if CJK_CHAR.match(left[-1]) or CJK_CHAR.match(right[0]) or left[-1] in "，、（(-/" or right[0] in "，。、）)":
        return left + right
    if cut_latin_word(left, right):
        return left + right
    return left + " " + right


def cut_latin_word(left: str, right: str) -> bool:
    """Whether the Latin letters closing ``left`` right after a Chinese character and two capitals or more opening
    ``right`` are one word the line cut, as Chinese text wraps anywhere: "微小R" / "NA" (微小RNA), "通过mi" /
    "RNA" (miRNA), "lnc" / "RNA"; not a capitalised word before them ("采用Western" / "ELISA"), letters in lower
    case after ("采用Western" / "blot") nor letters after a space ("外泌体 mi" / "RNA")."""
    stem = left.rstrip(string.ascii_letters)  # only the text's end is looked at: a paragraph joins line by line
    before, after = left[len(stem) :], _LATIN_START.match(right)
    if not before or not stem or not CJK_CHAR.match(stem[-1]):
        return False
    if after is None or not after.group().isupper() or len(after.group()) < 2:
        return False
    return not (len(before) > 1 and before.istitle())


def ends_open(text: str) -> bool:
    """True when a paragraph stops without closing punctuation (the PDF broke it mid-sentence)."""
    stripped = text.rstrip()
    return bool(stripped) and not stripped.endswith(CLOSING)


def strip_title(text: str) -> str:
    """A title without heading marks, surrounding spaces or a trailing full stop (a question mark stays)."""
    title = HEADING_MARK.sub("", text).strip()
    return title.rstrip("。.．").strip()
