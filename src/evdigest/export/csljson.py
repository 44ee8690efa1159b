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
    return json.dumps([export_item(item, et_al) for item, et_al in items], ensure_ascii=False, indent=2) + "\n"
