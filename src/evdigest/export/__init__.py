"""Bibliographic exports: BibTeX, RIS and CSL-JSON.

Per entry ``<stem>.{bib,ris,csl.json}`` (the review's own record) and
``<stem>.refs.{bib,ris,csl.json}`` (its reference list, in list order, each work once); for the
whole index ``references.{bib,ris,csl.json}`` (one record per work, index order); an entry's
``<stem>`` names its pages and PDFs too (:func:`~evdigest.render.entry_files.entry_stem`). A work has the same
record and citation key (:attr:`~evdigest.model.Work.key`) in the index's files and in every list citing it; a
review's own record has a key unique across the digest (:func:`own_keys`). Every CSL-JSON item carries its BibTeX
key as ``citation-key``, so that a document citing by key can be pointed at either file.
:func:`entry_exports` and :func:`index_exports` are pure (name -> bytes) so a
build can cache them; :func:`write_exports` writes them all.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..hashing import value_bytes
from ..model import Entry, Reference, Work
from ..refs.cite_keys import base_key, citation_keys, letters
from ..refs.index import keyed, work_sort_key
from ..refs.record import entry_to_csl
from ..render.entry_files import entry_stem
from ..version import code_version
from . import bibtex, csljson, ris
from .common import Exported

FORMATS = (bibtex, ris, csljson)


def reference_item(slug: str, ref: Reference) -> dict[str, Any]:
    """The CSL item of one reference for export; an unread one keeps its printed text as ``note``."""
    item = dict(ref.csl) if ref.csl else {"type": "document"}
    item.setdefault("id", ref.work_id or f"{slug}-ref{ref.number}")
    if not item.get("title") and ref.raw:
        item["note"] = ref.raw
    return item


READ_IN_PART = {"partial": "Read only in part", "failed": "Not read"}
"""The mark of a work whose reference was not read whole (:attr:`~evdigest.model.Work.status`)."""


def work_item(work: Work) -> dict[str, Any]:
    """The CSL item of one work for export; an unread one keeps its printed text as ``note``, and one read only
    in part or not at all is marked in ``annote`` with the reference as printed (``Read only in part from the
    reference as printed: …``), which each format puts where a reference manager shows it."""
    item = {**work.csl, "id": work.id}
    if not item.get("title") and work.raw:
        item["note"] = work.raw
    if work.status in READ_IN_PART and work.raw:
        item["annote"] = f"{READ_IN_PART[work.status]} from the reference as printed: {work.raw}"
    return item


def work_exported(work: Work) -> Exported:
    """A work's item for export (:func:`work_item`) and its et-al flags."""
    return Exported(work_item(work), work.et_al, work.editors_et_al)


def with_key(one: Exported, key: str) -> Exported:
    """``one`` with its BibTeX citation key as CSL's ``citation-key``, so that the CSL-JSON and the BibTeX files
    cite a record by the same key."""
    return one._replace(item={**one.item, "citation-key": key})


def _dump_all(stem: str, items: Sequence[Exported], keys: Sequence[str] | None = None) -> dict[str, bytes]:
    """``{stem + suffix: content}`` of every format; ``keys``: the BibTeX citation keys (else made here)."""
    keys = list(keys) if keys else citation_keys([one.item for one in items])
    items = [with_key(one, key) for one, key in zip(items, keys, strict=True)]
    files = {stem + fmt.SUFFIX: fmt.dumps(items).encode("utf-8") for fmt in (ris, csljson)}
    bib = bibtex.join([bibtex.record(*one, key=key) for one, key in zip(items, keys, strict=True)])
    files[stem + bibtex.SUFFIX] = bib.encode("utf-8")
    return files


def own_keys(entries: Iterable[Entry], works: Sequence[Work] = ()) -> dict[str, str]:
    """The citation key of each review's own record, by slug, one namespace with the reference index's keys
    (``works``, in index order), the same in every build of the same entries and works:

    - a review the index holds as a cited work (the same DOI) has that work's key: one paper, one key in every
      file of the digest;
    - another has :func:`~evdigest.refs.cite_keys.base_key`, with ``a``, ``b``… added, in slug order, where
      two reviews share it or a work of the index has it, past the letters the works have taken (a key names
      one paper across the digest's files)."""
    work_keys = index_keys(works) if works else []
    by_doi = {str(w.csl.get("DOI")).lower(): key for w, key in zip(works, work_keys, strict=True) if w.csl.get("DOI")}
    keys: dict[str, str] = {}
    rest: list[tuple[Entry, str]] = []
    for entry in sorted(entries, key=lambda e: e.slug):
        cited = by_doi.get(entry.doi.lower()) if entry.doi else None
        if cited is not None:
            keys[entry.slug] = cited
        else:
            rest.append((entry, base_key(entry_to_csl(entry))))
    counts = Counter(base for _, base in rest)
    counts.update(_work_bases({base for _, base in rest}, work_keys))  # lettered, as the index letters its own
    used = set(work_keys)
    for entry, base in rest:
        key = base
        if counts[base] > 1 or base in used:
            key = next(base + suffix for suffix in letters() if base + suffix not in used)
        used.add(key)
        keys[entry.slug] = key
    return keys


def _work_bases(bases: set[str], keys: Sequence[str]) -> set[str]:
    """Those of ``bases`` that a work keyed ``keys`` has: its key is the base, or the base and the letters the
    index adds to tell works of one base apart (``zhang2025tinya``). Read from the keys, not by keying the works
    again, which loads the pinyin tables into a build that may need none."""
    ordered = sorted(keys)
    found: set[str] = set()
    for base in bases:
        at = bisect.bisect_left(ordered, base)
        while at < len(ordered) and ordered[at].startswith(base):
            if _LETTERS.fullmatch(ordered[at][len(base) :]):
                found.add(base)
                break
            at += 1
    return found


_LETTERS = re.compile(r"[a-z]{0,2}")
"""What the index adds to a base key to tell works apart: nothing, ``a`` … ``z``, ``aa`` …"""


def entry_exports(entry: Entry, works: Mapping[str, Work] | None = None, key: str | None = None) -> dict[str, bytes]:
    """``{file name: content}`` of one entry's own record and of its reference list (:func:`reference_list`);
    ``works``: the index's works by id (without them, references are exported as each was read); ``key``: the
    own record's citation key in the digest (:func:`own_keys`; without it, the record's own)."""
    stem = entry_stem(entry)
    item = entry_to_csl(entry)
    files = _dump_all(stem, [Exported(item, entry.authors_et_al)], [key or base_key(item)])
    if entry.references:  # an entry without references has no reference list to export
        files.update(_dump_all(f"{stem}.refs", *reference_list(entry, works or {})))
    return files


def reference_list(entry: Entry, works: Mapping[str, Work]) -> tuple[list[Exported], list[str]]:
    """The records of an entry's reference list in list order and their citation keys, each work once, at the
    first number citing it: a work of the index (``works``) with its item and key, as the index's exports give
    it; a reference the index does not hold as it was read, keyed within the list."""
    records: list[Exported] = []
    keys: list[str | None] = []
    seen: set[str] = set()
    for ref in sorted(entry.references, key=lambda r: r.number):
        work = works.get(ref.work_id) if ref.work_id else None
        one = (
            work_exported(work)
            if work is not None
            else Exported(reference_item(entry.slug, ref), ref.et_al, ref.editors_et_al)
        )
        if one.item["id"] in seen:  # the same work printed twice in the list
            continue
        seen.add(one.item["id"])
        records.append(one)
        keys.append(work.key if work is not None and work.key else None)
    made = iter(citation_keys([one.item for one, key in zip(records, keys, strict=True) if key is None]))
    return records, [key or next(made) for key in keys]


def index_keys(works: Sequence[Work]) -> list[str]:
    """The citation keys of ``works`` (in index order): their own, as the index gives every work one; works made
    without one, or with keys that are not unique among them, are keyed here as the index keys them."""
    own = [w.key for w in works]
    return own if all(own) and len(set(own)) == len(own) else [w.key for w in keyed(works)]


_SEP = "\0"
"""Between the parts kept for a work (RIS, CSL-JSON, citation key, BibTeX): one string a work, which a build
reads back several times quicker than four."""


def index_exports(
    works: Iterable[Work], memo: Any = None, keys: Mapping[str, str] | None = None, *, ordered: bool = False
) -> dict[str, bytes]:
    """``{file name: content}`` of the whole reference index (``references.*``); ``ordered``: the works are
    in index order already (a digest's are), so they are not sorted again.

    ``memo`` (``get(name, key)`` / ``put(name, key, value)``, as a build's kept values) keeps each
    work's records across calls, under the work's key in ``keys`` (one that changes whenever the work's item
    or citation key does, as the build engine's work keys), else under a hash of the work's item and the code
    (with the citation key its BibTeX record was made with).
    """
    works = list(works) if ordered else sorted(works, key=work_sort_key)
    cites = index_keys(works)
    if memo is None:
        return _dump_all("references", [work_exported(w) for w in works], cites)
    version = code_version().encode()  # records kept by other code are made again
    records: dict[Any, list[str]] = {fmt: [] for fmt in FORMATS}
    for work, cite in zip(works, cites, strict=True):
        item = None
        key = keys.get(work.id) if keys else None
        if key is None:
            item = work_exported(work)
            key = hashlib.sha256(version + value_bytes(item)).hexdigest()
        packed = memo.get(work.id, key)
        parts = packed.split(_SEP) if isinstance(packed, str) else []
        made = len(parts) != 4
        if made:
            item = item or work_exported(work)
            parts = [ris.record(*item), "", "", ""]
        if parts[2] != cite:  # a work whose key another work's now shares: its keyed records are made again
            item = with_key(item or work_exported(work), cite)
            parts[1:] = [csljson.record(*item), cite, bibtex.record(*item, key=cite)]
            made = True
        if made and not any(_SEP in part for part in parts):
            memo.put(work.id, key, _SEP.join(parts))
        records[ris].append(parts[0])
        records[csljson].append(parts[1])
        records[bibtex].append(parts[3])
    return {"references" + fmt.SUFFIX: fmt.join(records[fmt]).encode("utf-8") for fmt in FORMATS}


def write_exports(entries: Sequence[Entry], works: Sequence[Work], export_dir: Path) -> list[Path]:
    """Write every export file into ``export_dir`` (``output/site/export``); returns the paths written, sorted."""
    files: dict[str, bytes] = {}
    by_id = {work.id: work for work in works}
    keys = own_keys(entries, works)
    for entry in entries:
        files.update(entry_exports(entry, by_id, keys[entry.slug]))
    files.update(index_exports(works))
    export_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files):
        path = export_dir / name
        if not path.exists() or path.read_bytes() != files[name]:
            path.write_bytes(files[name])
        written.append(path)
    return written
