"""Pure text functions shared by the source parsers.

Nothing here changes the wording of a text: normalisation only touches Unicode
composition, line endings and whitespace, and :func:`fold_punctuation` returns a
copy meant for *matching* (it has the same length as its input, so positions
found in the folded copy index the original).
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

# Full-width (and ideographic) punctuation -> its ASCII twin, for pattern matching only.
_FULLWIDTH = str.maketrans(
    {
        "：": ":",
        "，": ",",
        "；": ";",
        "（": "(",
        "）": ")",
        "［": "[",
        "］": "]",
        "．": ".",
        "！": "!",
        "？": "?",
        "　": " ",
    }
)

# Full-width Latin letters and digits -> ASCII: "ＲＮＡ" -> "RNA", "２０２０" -> "2020" (punctuation untouched)
_FULLWIDTH_ALNUM = str.maketrans(
    {
        chr(wide): chr(wide - 0xFEE0)
        for first, last in (("０", "９"), ("Ａ", "Ｚ"), ("ａ", "ｚ"))
        for wide in range(ord(first), ord(last) + 1)
    }
)

# A run of spaces/tabs (not newlines): "a \t  b"
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# Line ends besides CR and LF (see normalize_newlines): VT, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR
_OTHER_LINE_ENDS = "\x0b\x85\u2028\u2029"
# What a JSON record's strings are told by, and those line ends (one just before LF goes with it)
_JSON_TOKEN = re.compile(f'\\\\.|["{{}}]|[{_OTHER_LINE_ENDS}]\n?', re.DOTALL)
# Three or more newlines, possibly with blanks between: "a\n \n\n b"
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Markdown strong/emphasis markers around a span: "**Cell**", "*Nature*", "__x__", "_x_"
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
# A trailing full stop on a title: "Migrasomes: a review." / "迁移体。"
_TITLE_STOP = re.compile(r"[\s.。．]+$")
#: One CJK ideograph — Unified Ideographs with extensions A to F, and compatibility ideographs: "外", "𠮷".
#: The one definition of "a Chinese character" every module uses.
CJK_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_CJK = CJK_IDEOGRAPH
# Block-level HTML tags after which a line break belongs: "</p>", "<br/>", "<li>"
_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section"}
)
# Block-level JATS elements (Crossref abstracts), without their "jats:" prefix: "<jats:p>", "<jats:sec>"
_JATS_BLOCK_TAGS = frozenset(
    {
        "abstract",
        "trans-abstract",
        "sec",
        "title",
        "p",
        "list",
        "list-item",
        "def-list",
        "def-item",
        "disp-quote",
        "boxed-text",
        "fig",
        "table-wrap",
        "caption",
        "statement",
    }
)
# The JATS elements whose own <jats:title> is a heading of the text that follows it
_JATS_TITLED = frozenset({"jats:sec", "jats:abstract", "jats:trans-abstract"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normalisation form C."""
    return unicodedata.normalize("NFC", text)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into LF, and so the other line ends Unicode knows: the line and
    paragraph separators (U+2028, U+2029: what some web pages and editors end lines with), NEL (U+0085)
    and the vertical tab (U+000B: Word's manual line break, copied as such). One of these just before a
    line end is part of it: a line ending in U+2028 and LF is one line end, not two."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(end in text for end in _OTHER_LINE_ENDS):
        text = _other_line_ends(text)
    return text


def _other_line_ends(text: str) -> str:
    """The line ends of :func:`normalize_newlines` besides CR and LF written as LF, but inside the strings of a
    JSON record (a platform record's abstract may hold U+2028, which JSON allows there and a raw LF it does
    not): there U+2028, U+2029 and NEL are kept, and a vertical tab, which JSON allows nowhere, is a space.

    A JSON string is told by its quotes within braces: a ``"`` outside braces is the prose's own."""
    parts: list[str] = []
    depth, in_string, start = 0, False, 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token[0] in _OTHER_LINE_ENDS:
            if in_string and token[0] != "\x0b":
                continue
            parts += [text[start : match.start()], " " if in_string else "\n"]
            start = match.end()
            if in_string and token.endswith("\n"):  # the string is cut short there: JSON tells so
                parts.append("\n")
        elif token == '"':
            in_string = depth > 0 and not in_string
        elif not in_string and token in "{}":
            depth = depth + 1 if token == "{" else max(depth - 1, 0)
    parts.append(text[start:])
    return "".join(parts)


def normalize_text(text: str) -> str:
    """NFC plus LF line endings: the form every parser receives."""
    return nfc(normalize_newlines(text))


def fold_punctuation(text: str) -> str:
    """Map full-width punctuation (``：，；（）``) to ASCII; same length as ``text``, for matching only."""
    return text.translate(_FULLWIDTH)


def half_width_alnum(text: str) -> str:
    """Print full-width Latin letters and digits as ASCII ("微小ＲＮＡ" -> "微小RNA"); Chinese punctuation stays."""
    return text.translate(_FULLWIDTH_ALNUM)


def collapse_whitespace(text: str) -> str:
    """Collapse runs of spaces/tabs to one space, trim lines, squeeze blank-line runs to one blank line."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def one_line(text: str) -> str:
    """Collapse every whitespace run (newlines included) to one space and trim."""
    return " ".join(text.split())


def _is_block(tag: str) -> bool:
    """True for an HTML or JATS block element (``p``, ``br``, ``jats:sec``, ``jats:p``)."""
    if tag.startswith("jats:"):
        return tag[5:] in _JATS_BLOCK_TAGS
    return tag in _BLOCK_TAGS


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, with newlines at block boundaries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _is_block(tag):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if _is_block(tag):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class _TitledTextExtractor(_TextExtractor):
    """:class:`_TextExtractor` that also cuts the text at JATS headings: the ``<jats:title>`` of a
    ``<jats:sec>`` (or of the whole ``<jats:abstract>``, or at the top of the fragment).

    ``groups`` holds ``(title parts or None, text parts)`` in order; a ``<jats:title>`` anywhere else
    (a figure caption's, a list's) stays ordinary text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []  # the JATS elements open around the current position
        self.title: list[str] | None = None  # the heading being read
        self.groups: list[tuple[list[str] | None, list[str]]] = [(None, self.parts)]

    def _start_group(self, title: list[str] | None) -> None:
        self.parts = []
        self.groups.append((title, self.parts))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.title is not None and _is_block(tag):  # a heading left open ends where a block starts
            self.title = None
        if tag == "jats:title" and self.title is None and (not self.open or self.open[-1] in _JATS_TITLED):
            self.title = []
            self._start_group(self.title)
        elif tag == "jats:sec":
            self._start_group(None)
        if tag.startswith("jats:"):
            self.open.append(tag)
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if tag == "jats:title" and self.title is not None and "jats:title" not in self.open:
            self.title = None
        elif tag == "jats:sec":
            self._start_group(None)
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        (self.title if self.title is not None else self.parts).append(data)


def _plain(parts: list[str]) -> str:
    """The collected pieces of a fragment as text: entities decoded, whitespace collapsed."""
    return collapse_whitespace(html.unescape("".join(parts)))


def strip_tags(fragment: str) -> str:
    """Turn an HTML fragment into plain text: tags dropped, entities decoded, paragraphs on their own lines.

    JATS elements (``<jats:p>``, ``<jats:sec>``, ``<jats:title>``) count as blocks like their HTML kin.
    """
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return _plain(parser.parts)


def strip_tags_by_heading(fragment: str) -> list[tuple[str | None, str]]:
    """:func:`strip_tags` cut at the JATS headings of the fragment: ``(heading, text)`` pairs in order.

    ``<jats:sec><jats:title>Background</jats:title><jats:p>EVs.</jats:p></jats:sec>`` gives
    ``[("Background", "EVs.")]``; text before the first heading (or between sections) has the
    heading ``None``; a fragment with no JATS headings gives one pair ``(None, strip_tags(fragment))``.
    Headings and texts are sanitised exactly as :func:`strip_tags` does; empty pairs are left out.
    """
    parser = _TitledTextExtractor()
    parser.feed(fragment)
    parser.close()
    pairs: list[tuple[str | None, str]] = []
    for title_parts, parts in parser.groups:
        heading = one_line(_plain(title_parts)) if title_parts is not None else ""
        text = _plain(parts)
        if heading or text:
            pairs.append((heading or None, text))
    return pairs


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" where it was longer (for warnings)."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def strip_markdown_emphasis(text: str) -> str:
    """Remove Markdown ``**strong**`` / ``*emphasis*`` / ``_emphasis_`` markers, keeping the words."""
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(4), text)
    return text


def strip_title_stop(title: str) -> str:
    """Drop a trailing full stop (``.`` or ``。``) from a title; a question or exclamation mark stays."""
    return _TITLE_STOP.sub("", title.strip())


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph."""
    return _CJK.search(text) is not None


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among the letters and ideographs of ``text`` (0.0 for none)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _CJK.match(ch)) / len(letters)
