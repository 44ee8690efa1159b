"""The JSON record of a ``platform-record`` paste, as read: the record, its ``resultStr``, the lines around it.

The authors line is the last line of text above the record (a label "Authors:" / "作者：" dropped); lines
above it are ignored with a warning.  The record is the JSON object that opens on the first line starting
with ``{``, or with ``[{`` (a JSON array holding it, as an export prints one record; the array's brackets
on lines of their own are not text); ``resultStr`` is a JSON document inside a JSON string (or an object already) whose values fill
what the outer record lacks.  The lines of text after the record are its plain text.  Blank lines and
Markdown code fences (```` ```json ```` ... ```` ``` ````) are not text.  A record that does not parse, or
a ``resultStr`` that does not hold a JSON object, is a :class:`~evdigest.errors.ParseError` at its line;
so is a second record after the first (one file, one paper), at its authors line, or at the next record of a
JSON array.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ParseError
from ..model import Warning as EntryWarning
from ..text import one_line, shorten, strip_tags
from .abstracts import escape_loose_brackets
from .base import Origin

#: Keys that mark a platform record: '"title":', '"resultStr":', '"PeriodicalIF":'
RECORD_KEYS = ("title", "authors", "doi", "abstract", "resultStr", "PeriodicalIF", "journal")
_RECORD_KEY = re.compile(r'"(?:' + "|".join(RECORD_KEYS) + r')"\s*:')
# A line of a pretty-printed record that opens with one of those keys: '  "doi": "10.1186/..."'
_RECORD_KEY_LINE = re.compile(r'^\s*"(?:' + "|".join(RECORD_KEYS) + r')"\s*:')
# How many lines of a pretty-printed record are read for a record key when the record does not parse
_RECORD_MEMBERS = 60
# A record after the first in a JSON array: '}, {', '},\n  {' (the comma, then where the next opens)
_NEXT_IN_ARRAY = re.compile(r"\s*,\s*(?=\{)")
# A line opening a record, at its "{": "{", '{"title": ...', '[{"title": ...' (in a JSON array), "[ {"
_RECORD_OPENING = re.compile(r"\s*(?:\[\s*)?(?=\{)")
# The end of a JSON array after its record: "]", "\n]"
_ARRAY_CLOSE = re.compile(r"\s*\]")
# A JSON array's bracket alone on its line, around a record: "[", "]", "],"
_ARRAY_BRACKET = re.compile(r"^\s*(?:\[|\]\s*,?)\s*$")
# A Markdown code fence, the record pasted inside one: "```json", "```", "~~~ json"
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*[\w-]*\s*$")
# A label before the names of the authors line: "Authors: ", "Author(s): ", "作者：", "AUTHORS "
_AUTHORS_LABEL = re.compile(r"^(?:authors?(?:\s*\(s\))?|作者(?:信息)?)(?:\s*[:：]\s*|\s+)", re.IGNORECASE)


@dataclass
class Record:
    """A platform record as read: the outer record, that of ``resultStr``, the line the record opens on
    (1-based), the authors line above it, the lines of plain text after it, and the warnings of reading it."""

    outer: dict[str, Any]
    inner: dict[str, Any]
    line: int
    authors_line: str | None
    plain: list[str]
    warnings: list[EntryWarning] = field(default_factory=list)

    def get(self, key: str) -> Any:
        """The outer value of ``key``, else the one in ``resultStr``; blank strings count as missing."""
        for source in (self.outer, self.inner):
            value = source.get(key)
            if isinstance(value, str):
                value = value.strip()
            if value not in (None, "", [], {}):
                return value
        return None

    def string(self, key: str) -> str | None:
        """:meth:`get` as text; a value of the wrong JSON type (list, object, boolean) is a warning and ``None``."""
        value = self.get(key)
        text = json_text(value)
        if value is not None and text is None and not isinstance(value, str):
            self.warn(
                key,
                f"the record's {key} is a JSON {type(value).__name__}, expected text",
                json.dumps(value, ensure_ascii=False)[:80],
            )
        return text

    def warn(self, field_name: str, message: str, *values: Any) -> None:
        self.warnings.append(EntryWarning(field_name, message, tuple(str(v) for v in values), self.line))


def read_record(text: str, origin: Origin) -> Record:
    """The record of a platform-record paste with the authors line above it and the plain text after it."""
    lines = text.split("\n")
    start_line = next((i for i, line in enumerate(lines) if _RECORD_OPENING.match(line)), None)
    if start_line is None:
        raise ParseError(origin.path, 1, 'expected a JSON record starting with "{" after the authors line')
    before = [(i, line.strip()) for i, line in enumerate(lines[:start_line]) if _is_text(line)]
    offset = _line_start(lines, start_line) + _opening(lines[start_line])
    try:
        outer, end = json.JSONDecoder().raw_decode(text, offset)
    except json.JSONDecodeError as err:
        line = text.count("\n", 0, err.pos) + 1
        cut = err.pos >= len(text.rstrip()) or text[err.pos] == "\n" or err.msg.startswith("Unterminated string")
        what = "truncated (it stops before its closing brace)" if cut else "invalid"
        raise ParseError(origin.path, line, f"the JSON record is {what}: {err.msg} (column {err.colno})") from err
    _no_second_record(text, lines, end, origin)
    if _in_array(lines, start_line):
        end = _array_end(text, end, origin)
    inner = _inner_record(outer.get("resultStr"), origin, start_line + 1)
    plain = [line.strip() for line in text[end:].split("\n") if _is_text(line)]
    authors_line = _AUTHORS_LABEL.sub("", before[-1][1]) if before else None
    record = Record(outer, inner, start_line + 1, authors_line, plain)
    if len(before) > 1:
        record.warnings.append(_ignored_text_warning(before[:-1]))
    return record


def opens_record(text: str, lines: list[str], index: int) -> bool:
    """Whether line ``index`` (0-based) of ``text`` opens a platform record: a JSON object with a platform key;
    one that does not parse (cut short, say) when a platform key opens it or one of its lines."""
    if not _RECORD_OPENING.match(lines[index]):
        return False
    line = lines[index][_opening(lines[index]) :].strip()
    offset = _line_start(lines, index) + _opening(lines[index])
    try:
        record, _ = json.JSONDecoder().raw_decode(text, offset)
    except json.JSONDecodeError:
        return bool(_RECORD_KEY.search(line)) or (line == "{" and _pretty_record_key(lines[index + 1 :]))
    return isinstance(record, dict) and any(key in record for key in RECORD_KEYS)


def _line_start(lines: list[str], index: int) -> int:
    """Where line ``index`` (0-based) of the text split into ``lines`` starts in it."""
    return sum(len(line) + 1 for line in lines[:index])


def _opening(line: str) -> int:
    """Where in ``line``, a line opening a record (:data:`_RECORD_OPENING`), the record's ``{`` is."""
    found = _RECORD_OPENING.match(line)
    assert found is not None
    return found.end()


def _pretty_record_key(lines: list[str]) -> bool:
    """True when a platform key opens one of the lines of the record a bare ``{`` line opens."""
    for line in lines[:_RECORD_MEMBERS]:
        if _RECORD_KEY_LINE.match(line):
            return True
        if line.startswith("}"):  # the record's end
            return False
    return False


def _no_second_record(text: str, lines: list[str], end: int, origin: Origin) -> None:
    """Raise a :class:`~evdigest.errors.ParseError` when a second record follows the one ending at ``end``:
    the next in a JSON array ("}, {"), or a line after it opening a record as the first does, its authors
    line above it.  One entry is one paper: the second would otherwise be dropped without a word."""
    following = _NEXT_IN_ARRAY.match(text, end)
    if following:
        line = text.count("\n", 0, following.end()) + 1
        message = f"the JSON record is followed by a second one in a JSON array, at line {line}"
        raise ParseError(origin.path, line, f"{message}: paste one paper per file")
    first = text.count("\n", 0, end) + 1  # the line the record ends on, 1-based
    for index in range(first, len(lines)):
        if opens_record(text, lines, index):
            above = [i for i in range(first, index) if _is_text(lines[i])]
            line = (above[-1] if above else index) + 1  # its authors line, when it has one
            message = f"the file holds a second record at line {line} (its JSON opens at line {index + 1})"
            raise ParseError(origin.path, line, f"{message}: paste one paper per file")


def _in_array(lines: list[str], index: int) -> bool:
    """Whether the record opening on line ``index`` (0-based) is inside a JSON array: ``[`` before its ``{``,
    or on the last line above it that is not blank or a code fence."""
    if "[" in lines[index][: _opening(lines[index])]:
        return True
    above = [line.strip() for line in lines[:index] if line.strip() and not _FENCE.match(line)]
    return bool(above) and above[-1] == "["


def _array_end(text: str, end: int, origin: Origin) -> int:
    """Where the JSON array holding the record that ends at ``end`` closes: after its ``]``. Anything else
    there (a number, a string) is an error at its line: it would be read as the text after the record."""
    closing = _ARRAY_CLOSE.match(text, end)
    if closing is None:
        at = end + len(text[end:]) - len(text[end:].lstrip())
        line = text.count("\n", 0, at) + 1
        raise ParseError(origin.path, line, 'the JSON array holding the record goes on after it (expected "]")')
    return closing.end()


def _is_text(line: str) -> bool:
    """True for a line around the record that holds text: neither blank, nor a Markdown code fence, nor the
    bracket of a JSON array holding the record (taken for the authors line, "[" differed from the record's)."""
    return bool(line.strip()) and not _FENCE.match(line) and not _ARRAY_BRACKET.match(line)


def _ignored_text_warning(ignored: list[tuple[int, str]]) -> EntryWarning:
    """The warning for lines above the authors line (0-based indexes), shortened, at the first of them."""
    message = "text before the authors line was ignored (expected only the authors line above the JSON record)"
    return EntryWarning("source", message, tuple(shorten(text) for _, text in ignored), ignored[0][0] + 1)


def _inner_record(value: Any, origin: Origin, line: int) -> dict[str, Any]:
    """The nested ``resultStr`` record (a JSON string, or already an object); ``{}`` when absent."""
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise ParseError(origin.path, line, f"resultStr should hold a JSON string, found {type(value).__name__}")
    try:
        inner = json.loads(value)
    except json.JSONDecodeError as err:
        raise ParseError(
            origin.path, line, f"resultStr holds invalid JSON: {err.msg} (character {err.pos} of resultStr)"
        ) from err
    if not isinstance(inner, dict):
        raise ParseError(origin.path, line, f"resultStr should hold a JSON object, found {type(inner).__name__}")
    return inner


def json_text(value: Any) -> str | None:
    """A JSON string or number as one line of plain text (tags dropped, a ``<`` that opens none kept);
    ``None`` for anything else (null, lists, objects, booleans)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = one_line(strip_tags(escape_loose_brackets(str(value))))
    return text or None
