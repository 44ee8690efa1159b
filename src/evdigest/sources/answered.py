"""Whether a warning about a missing field still holds once something else has filled the field.

A source that lacks a field says so in a warning (``keywords.en``: "the page gives no English keywords").
Another source of the same paper (:mod:`.merge`) or the entry's editorial file (:mod:`.editorial`) may
fill the field; the warning is then answered and left out, so that ``--strict`` can pass once the gap is
filled.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..model import Entry
from ..model import Warning as EntryWarning


def answered(warning: EntryWarning, before: Entry, after: Entry) -> bool:
    """Whether ``warning`` of ``before`` is about a field ``before`` left empty that ``after`` has."""
    return is_empty(field_value(before, warning.field)) and not is_empty(field_value(after, warning.field))


def field_value(entry: Entry, dotted: str) -> Any:
    """The value of a warning's field (``keywords.en``, ``doi``), or ``None`` for a name that is no field."""
    value: Any = entry
    for part in dotted.split("."):
        if not dataclasses.is_dataclass(value) or not hasattr(value, part):
            return None
        value = getattr(value, part)
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value


def is_empty(value: Any) -> bool:
    """``None``, ``""``, an empty list, or an object whose members are all empty."""
    return (
        value is None
        or value == ""
        or value == []
        or value == ()
        or (isinstance(value, dict) and all(is_empty(v) for v in value.values()))
    )
