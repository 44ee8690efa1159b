"""CSL-JSON export: a JSON array of strict CSL items (``schema/csl-data.json``).

A cut-short author list is kept as ``"custom": {"et-al": true}`` (the schema's
place for values CSL has no variable for), a cut-short editor list as ``"custom": {"editor-et-al": true}``; a
reader's note (``annote``) is written in ``note``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

SUFFIX = ".csl.json"


def export_item(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> dict[str, Any]:
    """The item with its keys sorted (``id`` and ``type`` first), the et-al flags in ``custom`` and a reader's
    note (``annote``) in ``note``, which Zotero shows (as Extra) where it drops ``annote``: after the item's
    own note, or instead of it when the reader's note holds it (an unread reference's printed text)."""
    out = {"id": item.get("id"), "type": item.get("type", "document")}
    out.update({key: item[key] for key in sorted(item) if key not in ("id", "type", "annote")})
    annote = item.get("annote")
    if annote:
        note = out.get("note")
        out["note"] = f"{note}\n\n{annote}" if note and str(note) not in annote else annote
    if et_al:
        out["custom"] = {**out.get("custom", {}), "et-al": True}
    if editors_et_al and item.get("editor"):
        out["custom"] = {**out.get("custom", {}), "editor-et-al": True}
    return out


def dumps(items: Sequence[tuple[Any, ...]]) -> str:
    """CSL-JSON for ``(csl item, et_al[, editors_et_al])`` tuples (:class:`~.common.Exported`), in the given order,
    UTF-8 text, two-space indent."""
    return join([record(*one) for one in items])


def record(item: dict[str, Any], et_al: bool, editors_et_al: bool = False) -> str:
    """One item as it stands in the array: two-space indent, nested one level."""
    text = json.dumps(export_item(item, et_al, editors_et_al), ensure_ascii=False, indent=2)
    return "  " + text.replace("\n", "\n  ")  # JSON strings hold no raw line breaks: every one is layout


def join(records: Sequence[str]) -> str:
    """The array of ``records`` (:func:`record`), as ``json.dumps(..., indent=2)`` writes it, and a line break."""
    return "[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n"
