"""Bibliographic exports: BibTeX, RIS and CSL-JSON.

Per entry ``<slug>.{bib,ris,csl.json}`` (the review's own record) and
``<slug>.refs.{bib,ris,csl.json}`` (its reference list, in list order); for the
whole index ``references.{bib,ris,csl.json}`` (one record per work, index order).
:func:`entry_exports` and :func:`index_exports` are pure (name -> bytes) so a
build can cache them; :func:`write_exports` writes them all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..hashing import value_bytes
from ..model import Entry, Reference, Work
from ..refs.index import work_sort_key
from ..refs.record import entry_to_csl
from ..version import code_version
from . import bibtex, csljson, ris
from .common import base_key, unique_keys

FORMATS = (bibtex, ris, csljson)


def reference_item(slug: str, ref: Reference) -> dict[str, Any]:
    """The CSL item of one reference for export; an unread one keeps its printed text as ``note``."""
    item = dict(ref.csl) if ref.csl else {"type": "document"}
    item.setdefault("id", ref.work_id or f"{slug}-ref{ref.number}")
    if not item.get("title") and ref.raw:
        item["note"] = ref.raw
    return item


def work_item(work: Work) -> dict[str, Any]:
    """The CSL item of one work for export; an unread one keeps its printed text as ``note``."""
    item = {**work.csl, "id": work.id}
    if not item.get("title") and work.raw:
        item["note"] = work.raw
    return item


def _dump_all(stem: str, items: Sequence[tuple[dict[str, Any], bool]]) -> dict[str, bytes]:
    return {stem + fmt.SUFFIX: fmt.dumps(items).encode("utf-8") for fmt in FORMATS}


def entry_exports(entry: Entry) -> dict[str, bytes]:
    """``{file name: content}`` of one entry's own record and of its reference list."""
    files = _dump_all(entry.slug, [(entry_to_csl(entry), entry.authors_et_al)])
    refs = sorted(entry.references, key=lambda r: r.number)
    items, seen = [], set()
    for ref in refs:
        item = reference_item(entry.slug, ref)
        if item["id"] in seen:  # a list printing one work twice: each record keeps an id of its own
            item["id"] = f"{item['id']}-ref{ref.number}"
        seen.add(item["id"])
        items.append((item, ref.et_al))
    files.update(_dump_all(f"{entry.slug}.refs", items))
    return files


_SEP = "\0"
"""Between the parts kept for a work (citation key base, RIS, CSL-JSON, citation key, BibTeX): one string
a work, which a build reads back several times quicker than five."""


def index_exports(
    works: Iterable[Work], memo: Any = None, keys: Mapping[str, str] | None = None, *, ordered: bool = False
) -> dict[str, bytes]:
    """``{file name: content}`` of the whole reference index (``references.*``); ``ordered``: the works are
    in index order already (a digest's are), so they are not sorted again.

    ``memo`` (``get(name, key)`` / ``put(name, key, value)``, as a build's kept values) keeps each
    work's records and citation key base across calls, under the work's key in ``keys`` (one that
    changes whenever the work's item does, as the build engine's work keys), else under a hash of the
    work's item and the code (its BibTeX record with the citation key it was made with).
    """
    works = list(works) if ordered else sorted(works, key=work_sort_key)
    if memo is None:
        return _dump_all("references", [(work_item(w), w.et_al) for w in works])
    version = code_version().encode()  # records kept by other code are made again
    kept = []
    for work in works:
        item = None
        key = keys.get(work.id) if keys else None
        if key is None:
            item = (work_item(work), work.et_al)
            key = hashlib.sha256(version + value_bytes(item)).hexdigest()
        packed = memo.get(work.id, key)
        parts = packed.split(_SEP) if isinstance(packed, str) else []
        made = len(parts) != 5
        if made:
            item = item or (work_item(work), work.et_al)
            parts = [base_key(item[0]), ris.record(*item), csljson.record(*item), "", ""]
        kept.append((work, key, parts, made, item))
    cites = unique_keys([parts[0] for _, _, parts, _, _ in kept])
    records: dict[Any, list[str]] = {fmt: [] for fmt in FORMATS}
    for (work, key, parts, made, item), cite in zip(kept, cites, strict=True):
        if parts[3] != cite:
            item = item or (work_item(work), work.et_al)
            parts[3:] = [cite, bibtex.record(*item, cite)]
            made = True
        records[bibtex].append(parts[4])
        records[ris].append(parts[1])
        records[csljson].append(parts[2])
        if made and not any(_SEP in part for part in parts):
            memo.put(work.id, key, _SEP.join(parts))
    return {"references" + fmt.SUFFIX: fmt.join(records[fmt]).encode("utf-8") for fmt in FORMATS}


def write_exports(entries: Sequence[Entry], works: Sequence[Work], export_dir: Path) -> list[Path]:
    """Write every export file into ``export_dir`` (``output/site/export``); returns the paths written, sorted."""
    files: dict[str, bytes] = {}
    for entry in entries:
        files.update(entry_exports(entry))
    files.update(index_exports(works))
    export_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files):
        path = export_dir / name
        if not path.exists() or path.read_bytes() != files[name]:
            path.write_bytes(files[name])
        written.append(path)
    return written
