"""One entry per paper: sources of the same paper are merged.

Two sources are the same paper when they have the same identity
(:func:`evdigest.sources.slug.identity`): the same DOI, or, when neither has a
DOI, the same first author, year and title (compared without case, accents or
punctuation).  A source without a DOI is also the same paper as sources giving
one DOI when all they both give agrees: the first author's name, the year, the
title in each language (at least one) and the journal
(:func:`evdigest.sources.same_paper.same_paper`); two different DOIs are two
papers, so a source without a DOI that matches both is kept apart with a
warning.  Sources of the same identity also have the same
slug hash, and a merged paper takes the slug and id of a source giving its DOI,
so merging them keeps slugs unique across the corpus.

Precedence (highest first), by family: ``journal-fulltext`` (the article as
printed), ``pubmed-cn`` (curated bibliographic record), ``platform-record``
(aggregated metadata); between sources of the same family, the source path in
sorting order.  The highest source is the *primary*: its ``source`` is kept
(and its ``id`` and ``slug``, unless it lacks the DOI another source gives:
then those of the highest source giving it) and the others are listed in
``also_from``.

Field by field, the primary's value is kept when it is not empty; an empty
value (``null``, ``""``, ``[]``) is filled from the next source in precedence.
Objects (``title``, ``journal``, ``dates``, ``metrics``, ``abstract``,
``keywords``) are merged member by member the same way; lists (authors,
references, ...) are taken whole from one source.  ``warnings`` and
``glossary`` are concatenated: a warning of a merged source names that source
(``source``), and one about a field its source left empty that another source
filled is dropped.  Where two sources give different non-empty
values for ``year``, ``volume``, ``issue``, ``pages``, ``article_number`` or
``journal.name``, a warning names the field and the competing values; so does one
where they list different numbers of authors.  Every
merge adds a warning naming the sources merged.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from ..model import Entry
from ..model import Warning as EntryWarning
from .answered import answered, is_empty
from .same_paper import same_paper
from .slug import comparable, identity

#: Family precedence, highest first.
PRECEDENCE = ("journal-fulltext", "pubmed-cn", "platform-record")
_KEPT_FROM_PRIMARY = ("id", "slug", "source", "family", "schema_version")
_CONCATENATED = ("warnings", "glossary")
_COMPARED = ("year", "volume", "issue", "pages", "article_number", "journal.name")


def merge_duplicates(entries: list[Entry]) -> list[Entry]:
    """Merge entries of the same paper into one each; the result keeps the position of each group's first entry.

    Entries of the same identity form a group; a group without a DOI then joins the one group with a DOI
    that is the same paper (a paper pasted once with its DOI and once without).  When
    it shares them with groups of different DOIs, which of those papers it is cannot be told: it stays
    apart, with a warning naming the DOIs.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        groups[identity(entry)].append(index)
    ambiguous = _join_without_doi(entries, groups)
    replaced: dict[int, Entry] = {}
    dropped: set[int] = set()
    for key, indexes in groups.items():
        indexes.sort()
        group = [entries[i] for i in indexes]
        merged = merge_entries(group) if len(group) > 1 else group[0]
        if key in ambiguous:
            merged = dataclasses.replace(merged, warnings=(*merged.warnings, ambiguous[key]))
        if merged is not group[0]:
            replaced[indexes[0]] = merged
        dropped.update(indexes[1:])
    return [replaced.get(i, entry) for i, entry in enumerate(entries) if i not in dropped]


def _join_without_doi(entries: list[Entry], groups: dict[str, list[int]]) -> dict[str, EntryWarning]:
    """Move each group without a DOI into the one group with a DOI that is the same paper (``groups`` is
    changed in place); the warnings of the groups that are the same paper as several DOIs, by key.

    A group is the same paper as a group with a DOI when some two of their sources are
    (:func:`~evdigest.sources.same_paper.same_paper`) and each of its sources agrees with some source of that
    paper (copies of one DOI may differ among themselves: one without authors, one with a subtitle). A group
    that joins brings its titles: another may join through them (one giving the Chinese title only, beside
    one giving both, beside a DOI copy giving the English title only), until none joins.
    """
    # only a group sharing a year and a title with another can be the same paper (same_paper): the groups with a
    # DOI are looked up by these, not each compared with every group without one
    by_title: dict[tuple[int | None, str], set[str]] = defaultdict(set)

    def index(doi: str, members: list[int]) -> None:
        for i in members:
            for title in _titles(entries[i]):
                by_title[(entries[i].year, title)].add(doi)

    for key in [k for k in groups if k.startswith("doi:")]:
        index(key, groups[key])
    ambiguous: dict[str, EntryWarning] = {}
    waiting = [k for k in groups if k.startswith("work:")]
    joined = True
    while joined:
        joined = False
        for key in list(waiting):
            mine = [entries[i] for i in groups[key]]
            candidates = {doi for e in mine for title in _titles(e) for doi in by_title.get((e.year, title), ())}
            matches = {doi for doi in sorted(candidates) if _same_groups(mine, [entries[i] for i in groups[doi]])}
            if len(matches) == 1:
                doi = next(iter(matches))
                members = groups.pop(key)
                groups[doi].extend(members)
                index(doi, members)
                waiting.remove(key)
                ambiguous.pop(key, None)
                joined = True
            elif matches:
                dois = tuple(sorted(doi.removeprefix("doi:") for doi in matches))
                message = (
                    "another source with the same first author, year and title gives a DOI, but they give "
                    "different DOIs; this source, which gives none, is kept apart"
                )
                ambiguous[key] = EntryWarning("doi", message, dois)
    return ambiguous


def _titles(entry: Entry) -> set[str]:
    """The entry's titles as :func:`~evdigest.sources.same_paper.same_paper` compares them."""
    return {folded for title in (entry.title.en, entry.title.zh) if (folded := comparable(title or ""))}


def _same_groups(mine: list[Entry], theirs: list[Entry]) -> bool:
    """Whether the sources ``mine`` (no DOI) are the paper of the sources ``theirs``: some two are the same paper,
    and none of ``mine`` differs from every one of ``theirs``."""
    verdicts = [[same_paper(a, b) for b in theirs] for a in mine]
    return any(True in row for row in verdicts) and all(any(v is not False for v in row) for row in verdicts)


def rank(entry: Entry) -> tuple[int, str]:
    """Sort key of the precedence: family rank, then source path."""
    family_rank = PRECEDENCE.index(entry.family) if entry.family in PRECEDENCE else len(PRECEDENCE)
    return family_rank, entry.source


def merge_entries(entries: list[Entry]) -> Entry:
    """Merge several entries of the same paper into one (see the module docstring for the precedence)."""
    ordered = sorted(entries, key=rank)
    primary, others = ordered[0], ordered[1:]
    data = primary.to_dict()
    for other in others:
        data = _fill(data, other.to_dict(), top=True)
    sources = [e.source for e in ordered]
    merged = Entry.from_dict({**data, "warnings": []})
    data["warnings"] = [
        note_to_dict(dataclasses.replace(w, source=w.source or (e.source if e is not primary else None)))
        for e in ordered
        for w in e.warnings
        if not answered(w, e, merged)
    ]
    data["glossary"] = _unique([g for e in ordered for g in e.to_dict()["glossary"]])
    data["also_from"] = sorted({s for e in others for s in (e.source, *e.also_from)} | set(primary.also_from))
    data["overridden"] = sorted({name for e in ordered for name in e.overridden})
    # a paper's slug and id are those its DOI gives, whichever of its sources ranks first
    keeper = next((e for e in ordered if e.doi), primary)
    data["slug"], data["id"] = keeper.slug, keeper.id
    notes = _disagreements(ordered)
    if all(e.doi for e in ordered):
        same = f"DOI {primary.doi}"
    elif keeper.doi:
        same = f"the same first author, year and title; only some give DOI {keeper.doi}"
    else:
        same = "the same first author, year and title"
    notes.append(
        EntryWarning(
            "source",
            f"the same paper ({same}) comes from {len(ordered)} sources; merged, {primary.source} first",
            tuple(sources),
        )
    )
    data["warnings"].extend(note_to_dict(n) for n in notes)
    return Entry.from_dict(data)


def note_to_dict(note: EntryWarning) -> dict[str, Any]:
    """A warning as JSON data."""
    return {
        "field": note.field,
        "message": note.message,
        "values": list(note.values),
        "line": note.line,
        "source": note.source,
    }


def _fill(primary: dict[str, Any], other: dict[str, Any], top: bool = False) -> dict[str, Any]:
    merged = dict(primary)
    for key, value in other.items():
        if top and (key in _KEPT_FROM_PRIMARY or key in _CONCATENATED):
            continue
        mine = merged.get(key)
        if isinstance(mine, dict) and isinstance(value, dict):
            merged[key] = _fill(mine, value)
        elif is_empty(mine) and not is_empty(value):
            merged[key] = value
    return merged


def _disagreements(ordered: list[Entry]) -> list[EntryWarning]:
    notes = []
    for dotted in _COMPARED:
        values = []
        for entry in ordered:
            value: Any = entry
            for part in dotted.split("."):
                value = getattr(value, part)
            if value not in (None, "") and str(value) not in values:
                values.append(str(value))
        if len(values) > 1:
            notes.append(
                EntryWarning(dotted, f"the merged sources give different {dotted}; the first is kept", tuple(values))
            )
    counts = [(entry.source, len(entry.authors)) for entry in ordered if entry.authors]
    if len({count for _, count in counts}) > 1:
        message = "the merged sources list different numbers of authors; the first source's list is kept"
        notes.append(EntryWarning("authors", message, tuple(f"{source}: {count}" for source, count in counts)))
    return notes


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
