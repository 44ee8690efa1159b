"""What is wrong with an editorial file's front matter, in words, and on which line.

The schema validator speaks of patterns and JSON types (``'2026-13-45' does not match '^[0-9]{4}(-(0[1-9]|…'``);
an editor writes YAML and wants ``added: '2026-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`` with the
line to fix. Every problem is told, not only the first, so that one pass over the file fixes them all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from ..schema import NOT_EDITABLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jsonschema.exceptions import ValidationError

_DATE = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
#: What each pattern of the entry schema asks for, in words (a pattern not listed here is quoted).
PATTERN_WORDS = {
    _DATE: "a date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "^10\\.[0-9]{4,9}/[^A-Z\\s]+$": "a DOI (10.<digits>/<suffix>, without spaces)",
    "^[0-9]+$": "a number written in digits",
    "^PMC[0-9]+$": "a PMC identifier (PMC and digits)",
    "^Q[1-4]$": "a JCR quartile (Q1, Q2, Q3 or Q4)",
}
#: JSON types as an editor writes them in YAML.
TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "null": "empty (null)",
}
_REQUIRED = re.compile(r"^'(?P<name>[^']+)' is a required property$")
_SHOWN = 60


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of a front matter: the file line it is on and what is wrong."""

    line: int
    message: str


def problems(errors: Sequence[ValidationError], node: yaml.Node | None) -> list[Problem]:
    """Every schema error of a front matter in words, each on its line (the file's: the front matter starts on
    line 2), sorted by line; an object with several unknown keys gives one problem per key."""
    found = [Problem(locate(path, node), message) for error in errors for path, message in _explain(error)]
    return sorted(dict.fromkeys(found), key=lambda p: p.line)


def _explain(error: ValidationError) -> list[tuple[list[Any], str]]:
    """(path to locate, message) for each problem one error stands for."""
    path = list(error.absolute_path)
    where = dotted(path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(error.schema.get("properties", {}))
        return [(path + [key], _unknown(key, where, allowed)) for key in sorted(set(value) - set(allowed))]
    if kind == "required":
        match = _REQUIRED.match(error.message)
        name = match.group("name") if match else "?"
        return [(path, f"{where or 'the front matter'}: '{name}' is missing (it is required)")]
    return [(path, f"{where or 'the front matter'}: {_words(error)}")]


def _unknown(key: str, where: str, allowed: list[str]) -> str:
    if not where and key in NOT_EDITABLE:
        return f"field '{key}' cannot be set by an editorial file"
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(allowed)}"
    return f"unknown field '{where + '.' if where else ''}{key}'{hint}"


def _words(error: ValidationError) -> str:
    value, rule, kind = error.instance, error.validator_value, error.validator
    if kind == "type":
        expected = [rule] if isinstance(rule, str) else list(rule)
        found = (
            _type_of(value) if isinstance(value, (dict, list)) or value is None else f"{_type_of(value)} {shown(value)}"
        )
        return f"expected {' or '.join(TYPE_WORDS.get(t, t) for t in expected)}, found {found}"
    if kind == "pattern":
        return f"{shown(value)} is not {PATTERN_WORDS.get(rule, f'of the form {rule!r}')}"
    if kind == "enum":
        return f"{shown(value)} is not one of: {', '.join(str(v) for v in rule)}"
    if kind == "const":
        return f"{shown(value)} must be {rule!r}"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{shown(value)} is too small (at least {rule})"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{shown(value)} is too large (at most {rule})"
    if kind == "minLength":
        return "must not be empty" if rule == 1 else f"{shown(value)} is too short (at least {rule} characters)"
    if kind == "minItems":
        return f"the list needs at least {rule} item{'s' if rule != 1 else ''}"
    return error.message


def _type_of(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def shown(value: Any) -> str:
    """A value as a message quotes it, cut short when long."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def dotted(path: Sequence[Any]) -> str:
    """A field's path as an editor reads it: ``abstract.zh[0].text``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def locate(path: Sequence[Any], node: yaml.Node | None) -> int:
    """The file line of the value (or, for an unknown key, of the key) at ``path`` in the front matter."""
    current = node
    key_line = None
    for part in path:
        if isinstance(current, yaml.MappingNode):
            pair = next(((k, v) for k, v in current.value if k.value == str(part)), None)
            if pair is None:
                break
            key_line, current = pair[0].start_mark.line, pair[1]
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
            key_line = current.start_mark.line
        else:
            break
    if key_line is None:
        return 2 if node is not None else 1
    return key_line + 2  # the front matter starts on line 2
