"""CSL-JSON export: a JSON array of strict CSL items (``schema/csl-data.json``).

A cut-short author list is kept as ``"custom": {"et-al": true}`` (the schema's
place for values CSL has no variable for); nothing else is added to the items.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

SUFFIX = ".csl.json"


def export_item(item: dict[str, Any], et_al: bool) -> dict[str, Any]:
    """The item with its keys sorted (``id`` and ``type`` first) and the et-al flag in ``custom``."""
    out = {"id": item.get("id"), "type": item.get("type", "document")}
    out.update({key: item[key] for key in sorted(item) if key not in ("id", "type")})
    if et_al:
        out["custom"] = {**out.get("custom", {}), "et-al": True}
    return out


def dumps(items: Sequence[tuple[dict[str, Any], bool]]) -> str:
    """CSL-JSON for ``(csl item, et_al)`` pairs, in the given order, UTF-8 text, two-space indent."""
    return join([record(item, et_al) for item, et_al in items])


def record(item: dict[str, Any], et_al: bool) -> str:
    """One item as it stands in the array: two-space indent, nested one level."""
    text = json.dumps(export_item(item, et_al), ensure_ascii=False, indent=2)
    return "  " + text.replace("\n", "\n  ")  # JSON strings hold no raw line breaks: every one is layout


def join(records: Sequence[str]) -> str:
    """The array of ``records`` (:func:`record`), as ``json.dumps(..., indent=2)`` writes it, and a line break."""
    return "[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n"
