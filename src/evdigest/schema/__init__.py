"""The JSON Schema of one entry (``entry.schema.json``) and validation against it.

The schema describes ``Entry.to_dict()`` exactly (every object closed with
``additionalProperties: false``) and is the shape of ``data/entries.json``.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported where a validator is made: a build without editorial files needs none
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

#: Fields an editorial file may not set: they identify the entry or are set by the pipeline.
NOT_EDITABLE = ("id", "slug", "source", "family", "schema_version", "overridden", "also_from", "commentary")


@cache
def load_schema() -> dict[str, Any]:
    """The entry schema as a dict (read once from the package)."""
    text = resources.files(__package__).joinpath("entry.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema())


@cache
def _editorial_validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(editorial_schema())


def editorial_schema() -> dict[str, Any]:
    """The schema of an editorial override: any entry field but :data:`NOT_EDITABLE`, none required.

    Nested objects keep their own rules (closed, typed); list items must be
    complete items since lists are replaced, not merged.
    """
    schema = copy.deepcopy(load_schema())
    schema.pop("required", None)
    for key in NOT_EDITABLE:
        schema["properties"].pop(key, None)
    schema["title"] = "evdigest editorial override"
    return schema


def validate_entry(data: Any) -> list[str]:
    """Validate one entry dict; return readable problems (``"authors/0/name: ..."``), empty when valid."""
    return [_describe(error) for error in _sorted_errors(_validator(), data)]


def editorial_errors(data: Any) -> list[ValidationError]:
    """Schema errors of an editorial override (raw, so that callers can locate them in the YAML)."""
    return _sorted_errors(_editorial_validator(), data)


def _sorted_errors(validator: Draft202012Validator, data: Any) -> list[ValidationError]:
    return sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])


def _describe(error: ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(entry)"
    return f"{where}: {error.message}"
