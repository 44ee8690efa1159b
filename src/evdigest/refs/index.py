"""The reference index: every reference of every entry parsed and deduplicated into works.

Same DOI -> same work.  Without a DOI, references whose first author's family
name and year agree and whose folded titles are at least
:data:`~evdigest.refs.keys.TITLE_SIMILARITY` alike (and carry the same numbers) are one work (a work never
holds two different DOIs).  Clusters are found with union-find over all pairs
inside a ``family|year`` block, so they - and the ids derived from their keys -
do not depend on the order entries were read in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..hashing import value_bytes
from ..model import CitedBy, Entry, Reference, Work, json_lines_array, to_json
from ..pinyin import syllables
from ..surname_readings import surname_syllables
from .cite_keys import base_key, unique_keys
from .keys import block_key, dedup_key, fold, item_year, matching_titles, work_id
from .links import CJK_RE, best_link
from .name_case import printed_spellings, with_spellings

STATUS_RANK = {"full": 0, "partial": 1, "failed": 2}


class Parsed(Protocol):
    """What the reference parser returns (``evdigest.refs.parse.ParsedReference``)."""

    item: dict[str, Any]
    et_al: bool
    status: str
    problems: tuple[str, ...]
    raw: str
    editors_et_al: bool


Parser = Callable[[str], Parsed]
Matcher = Callable[[Sequence[str], Sequence[bool]], list[tuple[int, int, float]]]
"""Compares the titles of one block: ``(titles, apart)`` -> the matching pairs ``(i, j, similarity)``."""


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """One reference of one entry, parsed."""

    slug: str
    ref: Reference
    parsed: Parsed
    key: str


@dataclass(frozen=True, slots=True)
class _Spelled:
    """A parsed reference with family names spelled as another reference of the digest prints them
    (:func:`~.name_case.with_spellings`)."""

    item: dict[str, Any]
    et_al: bool
    status: str
    problems: tuple[str, ...]
    raw: str
    editors_et_al: bool


def _default_parser() -> Parser:
    from .parse import parse_reference

    return parse_reference


def _strip_id(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "id"}


def build_index(
    entries: Sequence[Entry], *, parser: Parser | None = None, matcher: Matcher | None = None
) -> tuple[list[Entry], tuple[Work, ...]]:
    """Parse every reference, deduplicate across entries, and link both ways.

    Returns the entries with ``Reference.csl`` (id = the work id), ``work_id`` and
    the et-al flags filled, and the works sorted by first author, year, title and id, each with its citation key.
    ``matcher`` compares the titles of one block (default: :func:`block_matches`); a
    build passes one that remembers the blocks it compared before.
    """
    parse = parser or _default_parser()
    read: dict[str, Parsed] = {}
    for entry in entries:
        for ref in entry.references:
            if ref.raw not in read:
                read[ref.raw] = parse(ref.raw)
    spellings = printed_spellings((parsed.item, raw) for raw, parsed in read.items())
    cache: dict[str, tuple[Parsed, str]] = {}
    for raw, parsed in read.items():
        item = with_spellings(parsed.item, raw, spellings)  # LEBLEU as another reference prints it: LeBleu
        if item is not parsed.item:
            parsed = _Spelled(item, parsed.et_al, parsed.status, parsed.problems, parsed.raw, parsed.editors_et_al)
        cache[raw] = (parsed, dedup_key(parsed.item, raw))
    occurrences = [_Occurrence(entry.slug, ref, *cache[ref.raw]) for entry in entries for ref in entry.references]
    cluster_of = cluster_keys({o.key: o.parsed.item for o in occurrences}, matcher)
    members: dict[str, list[_Occurrence]] = {}
    for occ in occurrences:
        members.setdefault(cluster_of[occ.key], []).append(occ)
    works = {root: _make_work(root, occs) for root, occs in members.items()}
    found = iter(occurrences)  # in the order of the entries and their references
    items: dict[tuple[str, str], dict[str, Any]] = {}
    out = [_link_entry(entry, [next(found) for _ in entry.references], cluster_of, works, items) for entry in entries]
    return out, keyed(sorted(works.values(), key=work_sort_key))


def keyed(works: Sequence[Work]) -> tuple[Work, ...]:
    """``works`` (in index order) with their citation keys: :func:`~.cite_keys.base_key`, ``a``, ``b``… added
    in index order where two collide."""
    keys = unique_keys([base_key(w.csl) for w in works])
    return tuple(
        Work(w.id, w.csl, w.cited_by, w.et_al, w.editors_et_al, w.status, w.raw, key)
        for w, key in zip(works, keys, strict=True)
    )


def _link_entry(
    entry: Entry,
    occurrences: list[_Occurrence],
    cluster_of: dict[str, str],
    works: dict[str, Work],
    items: dict[tuple[str, str], dict[str, Any]],
) -> Entry:
    """The entry with each reference's CSL item, work id and et-al flags filled in (``occurrences``: its
    references', in order). A reference string's item is made once per work (``items``) and shared by
    every reference printing it: items are not changed once made."""
    refs = []
    for occ in occurrences:
        wid = works[cluster_of[occ.key]].id
        csl = items.get((wid, occ.ref.raw))
        if csl is None:
            csl = items[(wid, occ.ref.raw)] = _with_id(occ.parsed.item, wid)
        refs.append(occ.ref.linked(csl, wid, occ.parsed.et_al, occ.parsed.editors_et_al))
    return replace(entry, references=tuple(refs))


@dataclass(frozen=True, slots=True)
class Linking:
    """What :func:`build_index` made of a digest's reference strings, without what the entries' bodies say of
    them: per reference (in the order of the entries and their lists) its item, work id and et-al flags; per
    work, in index order, the work without its citing sentences and the places of the references it is
    cited by in that order. :func:`relink` makes the index again from it for entries printing the same
    reference strings (:func:`linking_key`), with nothing parsed or compared."""

    links: tuple[tuple[dict[str, Any] | None, str | None, bool, bool], ...]
    works: tuple[tuple[Work, tuple[int, ...]], ...]


def linking_key(entries: Sequence[Entry]) -> str:
    """A hash of what :func:`build_index` reads of ``entries`` besides the citing sentences: each entry's slug and
    its references' numbers and strings, in order."""
    listed = [(entry.slug, [(ref.number, ref.raw) for ref in entry.references]) for entry in entries]
    return hashlib.sha256(value_bytes(listed)).hexdigest()  # equal strings, equal bytes, shared or not


def linking(linked: Sequence[Entry], works: Sequence[Work]) -> Linking:
    """The :class:`Linking` of :func:`build_index`'s result (``linked`` entries, ``works``)."""
    links = []
    place: dict[tuple[str | None, str, int], int] = {}
    for entry in linked:
        for ref in entry.references:
            place[(ref.work_id, entry.slug, ref.number)] = len(links)  # a number printed twice: the last one cites
            links.append((ref.csl, ref.work_id, ref.et_al, ref.editors_et_al))
    return Linking(
        tuple(links),
        tuple((replace(w, cited_by=()), tuple(place[(w.id, c.entry, c.number)] for c in w.cited_by)) for w in works),
    )


def relink(entries: Sequence[Entry], made: Linking) -> tuple[list[Entry], tuple[Work, ...]]:
    """What :func:`build_index` returns for ``entries``, from the :class:`Linking` it made for entries of the
    same :func:`linking_key`: the references' items and flags from ``made``, their citing sentences (and the
    works' ``cited_by``) from ``entries``."""
    links = iter(made.links)
    out = []
    cited: list[tuple[str, Reference]] = []
    for entry in entries:
        for ref in entry.references:
            cited.append((entry.slug, ref))
        out.append(replace(entry, references=tuple(ref.linked(*next(links)) for ref in entry.references)))
    works = []
    for work, places in made.works:
        by = tuple(
            CitedBy(entry=cited[i][0], number=cited[i][1].number, sentences=cited[i][1].cited_in) for i in places
        )
        works.append(Work(work.id, work.csl, by, work.et_al, work.editors_et_al, work.status, work.raw, work.key))
    return out, tuple(works)


def cluster_keys(items: dict[str, dict[str, Any]], matcher: Matcher | None = None) -> dict[str, str]:
    """Map every dedup key to its cluster's key (the DOI key if the cluster has one, else the smallest)."""
    parent = {key: key for key in items}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    has_doi = {key: key.startswith("doi:") for key in items}
    for _score, a, b in _candidate_edges(items, matcher or block_matches):
        ra, rb = find(a), find(b)
        if ra == rb or (has_doi[ra] and has_doi[rb]):
            continue
        keep, drop = sorted((ra, rb), key=lambda k: (not has_doi[k], k))
        parent[drop] = keep
    return {key: find(key) for key in items}


def block_matches(titles: Sequence[str], apart: Sequence[bool]) -> list[tuple[int, int, float]]:
    """The pairs ``(i, j, similarity)`` of one block's titles that match (see :func:`matching_titles`)."""
    return list(matching_titles(titles, apart=apart))


def _candidate_edges(items: dict[str, dict[str, Any]], matcher: Matcher) -> list[tuple[float, str, str]]:
    """Pairs of keys in one ``family|year`` block with similar titles, most similar first."""
    blocks: dict[str, list[str]] = {}
    for key in sorted(items):
        block = block_key(items[key])
        if block:
            blocks.setdefault(block, []).append(key)
    edges = []
    for keys in blocks.values():
        titles = [str(items[key]["title"]) for key in keys]
        for i, j, score in matcher(titles, [key.startswith("doi:") for key in keys]):
            edges.append((score, keys[i], keys[j]))
    return sorted(edges, key=lambda e: (-e[0], e[1], e[2]))


def _with_id(item: dict[str, Any], wid: str) -> dict[str, Any]:
    """``item`` with ``id`` set to ``wid`` and written first (``{"id": wid, **_strip_id(item)}``, one dict
    made instead of two: a key given again keeps its first place)."""
    made = {"id": wid, **item}
    made["id"] = wid
    return made


def _make_work(root: str, occs: list[_Occurrence]) -> Work:
    """One work from the references of a cluster: the best-read item, gaps filled from the others (each
    distinct item once: the references printing one string share theirs)."""
    ranked = sorted(occs, key=lambda o: (STATUS_RANK.get(o.parsed.status, 3), -len(o.parsed.item), o.key, o.ref.raw))
    best = ranked[0]
    csl = _strip_id(best.parsed.item)
    merged = {id(best.parsed.item)}
    for other in ranked[1:]:
        item = other.parsed.item
        if id(item) in merged:
            continue
        merged.add(id(item))
        for field, value in item.items():
            if field != "id" and field not in csl:
                csl[field] = value
    wid = work_id(root)
    cited = sorted({(o.slug, o.ref.number): o for o in occs}.values(), key=lambda o: (o.slug, o.ref.number))
    return Work(
        id=wid,
        csl=_with_id(csl, wid),
        cited_by=tuple(CitedBy(entry=o.slug, number=o.ref.number, sentences=o.ref.cited_in) for o in cited),
        et_al=best.parsed.et_al,
        editors_et_al=best.parsed.editors_et_al,
        status=best.parsed.status,
        raw=best.ref.raw,
    )


def work_sort_key(work: Work) -> tuple[str, str, str, str]:
    """Works in index order: first author (Chinese names by pinyin), year, title (folded), then id."""
    authors = work.csl.get("author") or [{}]
    person = authors[0]
    family = fold(str(person.get("family") or person.get("literal") or ""))
    if CJK_RE.search(family):  # a family name read as a surname (单 is shan), an organisation as any text
        given = fold(str(person.get("given") or ""))
        family = " ".join(surname_syllables(family, given) if person.get("family") else syllables(family))
    return (family, item_year(work.csl), fold(str(work.csl.get("title") or work.raw)), work.id)


def work_record(work: Work) -> dict[str, Any]:
    """One item of ``references.json``: id, the CSL fields, then cited_by, et_al, editors_et_al, status, raw and
    link."""
    record: dict[str, Any] = {"id": work.id}
    record.update({k: work.csl[k] for k in sorted(work.csl) if k != "id"})
    record["cited_by"] = list(work.cited_by)  # model objects: :func:`work_json` writes their fields
    record["et_al"] = work.et_al
    record["editors_et_al"] = work.editors_et_al
    record["status"] = work.status
    record["raw"] = work.raw
    link = best_link(work.csl)
    record["link"] = {"kind": link.kind, "url": link.url} if link else None
    return record


def work_json(work: Work) -> str:
    """One line of ``references.json``: :func:`work_record` as compact JSON."""
    return to_json(work_record(work), ensure_ascii=False)


def references_json(works: Iterable[Work]) -> str:
    """The text of ``output/site/data/references.json``: a JSON array, one object per work and line, stable order.

    One work per line keeps the file quick to write (the C encoder; ``indent`` would take the
    pure-Python one) and its changes readable line by line.
    """
    return b"".join(references_json_chunks(works)).decode("utf-8")


def references_json_chunks(
    works: Iterable[Work], line: Callable[[Work], bytes] | None = None, *, ordered: bool = False
) -> Iterator[bytes]:
    """:func:`references_json` as UTF-8 chunks, one work at a time; ``line`` writes a work's line
    (default: :func:`work_json`; a build passes one that keeps lines of unchanged works). ``ordered``:
    the works are in index order already (a digest's are), so they are not sorted again."""
    write = line or (lambda work: work_json(work).encode("utf-8"))
    return json_lines_array(write(w) for w in (works if ordered else sorted(works, key=work_sort_key)))
