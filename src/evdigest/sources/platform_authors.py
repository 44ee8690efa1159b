"""The authors of a ``platform-record`` and the affiliations that go with them.

Three places may list them: the record's author key, that of ``resultStr``, and the authors line above the
record; the first that yields an author is used, the others checked against it.  A list is a string
("Yue Liu, Kai Zhao", names given first; "Liu, Yue; Chen, Xingwen", one name between semicolons) or a JSON
list of names or of author objects of the Semantic Scholar, Crossref or OpenAlex shape, with affiliations
and ORCID iDs where given.  Names in Chinese in one of these and in Latin script in another (or both in one
list) are the same authors, paired in order when they are as many.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import Any

from ..model import Affiliation, Author
from ..text import has_cjk, one_line
from .base import AUTHORS_CUT_SHORT
from .given_names import Habit, given_habit
from .names import (
    FAMILY_ORDER,
    Order,
    by_script,
    cased,
    list_habit,
    make_author,
    order_habit,
    paired_in_order,
    parse_authors,
    printed_parts,
    strip_markers,
    suffix_after_family,
    unpaired,
)
from .platform_json import Record, json_text

# Keys holding the author list: platforms and Semantic Scholar "authors", Crossref "author", OpenAlex "authorships"
_AUTHOR_KEYS = ("authors", "author", "authorships")
# An ORCID iD, bare or in its URL: "https://orcid.org/0000-0002-1825-0097"
_ORCID = re.compile(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")
# The semicolons between names: "Liu, Yue; Chen, Xingwen", "Liu, Yue；Chen, Xingwen"
_NAME_SEMICOLON = re.compile(r"\s*[;；]\s*")


@dataclass
class _AuthorList:
    """One list of the record's authors as read: the record's own, that of ``resultStr`` or the authors line."""

    authors: tuple[Author, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    et_al: bool = False
    text: str | None = None  # as printed, for warnings
    place: str = "the authors line"  # where it is printed, for warnings

    @property
    def script(self) -> str | None:
        """``"latin"`` or ``"chinese"`` when every name is in that script, else ``None`` (both, or none)."""
        latin, chinese = by_script(self.authors)
        return "latin" if latin and not chinese else "chinese" if chinese and not latin else None


def record_authors(record: Record) -> tuple[tuple[Author, ...], tuple[Affiliation, ...]]:
    """The record's author list (with the affiliations it gives), else that of ``resultStr``, else the
    authors line above the record; its names paired in order with the same authors' names in the other script.

    The list is a string ("Yue Liu, Kai Zhao") or a JSON list of names or of objects
    (Semantic Scholar ``{"name"}``, Crossref ``{"given", "family", "affiliation"}``, OpenAlex
    ``{"author": {"display_name"}, "institutions"}``).  A list that yields no author never
    hides the authors line.  Chinese names in one place and Latin ones in another (the record's
    authors "刘悦, 陈兴文", and those of ``resultStr`` or of the authors line "Yue Liu, Xingwen Chen"), or
    both in one list, are the same authors, paired in order as the ``pubmed-cn`` reader pairs them; lists
    of different lengths cannot be paired, and the list used is kept as it is, with a warning.
    """
    order = FAMILY_ORDER["platform-record"]
    outer, inner = _listed_authors(record, record.outer, order), _listed_authors(record, record.inner, order)
    line_authors, line_et_al = _author_text(record.authors_line, order) if record.authors_line else ((), False)
    line = _AuthorList(line_authors, (), line_et_al, record.authors_line)
    used = next((listed for listed in (outer, inner, line) if listed.authors), None)
    if used is None:
        record.warn("authors", "the record gives no authors")
        return (), ()
    other = _other_script(used, [inner, line])
    same = other if other is not None and line.script == other.script else used  # the record's, in its script
    if line.authors and line not in (used, other) and _names(same.authors) != _names(line.authors):
        record.warn(
            "authors",
            "the authors line and the record's authors differ; the record's list is used",
            line.text,
            same.text,
        )
    if used.et_al:
        record.warn("authors", AUTHORS_CUT_SHORT, used.text)
    return _paired(record, used, other)


def _listed_authors(record: Record, source: dict[str, Any], order: Order) -> _AuthorList:
    """The authors under the first author key ``source`` (the record, or ``resultStr``) gives; a value
    that yields no author is a warning."""
    key = next((key for key in _AUTHOR_KEYS if source.get(key) not in (None, "", [], {})), "authors")
    listed = source.get(key)
    place = "the record's authors" if source is record.outer else "the authors of resultStr"
    result = _AuthorList(place=place)
    if isinstance(listed, str):
        authors, et_al = _author_text(listed, order)
        result = _AuthorList(authors, (), et_al, listed, place)
    elif isinstance(listed, list):
        authors, affiliations, et_al = _author_list(listed, order)
        printed = ", ".join(a.name or a.name_zh or "" for a in authors)
        result = _AuthorList(authors, affiliations, et_al, printed, place)
    if listed is not None and not result.authors:
        where = "" if source is record.outer else " in resultStr"
        record.warn(
            "authors",
            f"no author could be read from the record's {key}{where} (a JSON {type(listed).__name__})",
            json.dumps(listed, ensure_ascii=False)[:80],
        )
    return result


def _other_script(used: _AuthorList, others: list[_AuthorList]) -> _AuthorList | None:
    """The list among ``others`` of the same authors in the other script than ``used``: one of as many
    names if there is one, else the first."""
    candidates = [
        other for other in others if other is not used and used.script and other.script not in (None, used.script)
    ]
    same_length = [other for other in candidates if len(other.authors) == len(used.authors)]
    return (same_length or candidates or [None])[0]


def _paired(
    record: Record, used: _AuthorList, other: _AuthorList | None
) -> tuple[tuple[Author, ...], tuple[Affiliation, ...]]:
    """The authors of ``used`` paired in order with their names in the other script, in ``used`` itself
    (a list holding both) or in ``other``; ``used`` as it is, with a warning, when they are not as many.

    The affiliations are those of ``used``, else those of ``other`` (its authors' indexes point into them)."""
    authors, affiliations = used.authors, used.affiliations
    if other is not None:
        if used.affiliations:
            authors += tuple(dataclasses.replace(a, affiliations=()) for a in other.authors)
        else:
            authors, affiliations = authors + other.authors, other.affiliations
    latin, chinese = by_script(authors)
    if not latin or not chinese:
        return used.authors, used.affiliations
    paired = paired_in_order(latin, chinese)
    if paired is None:
        kept = "both kept as printed" if other is None else f"{used.place} kept as printed"
        record.warn("authors", unpaired(latin, chinese, kept), *(x.text for x in (used, other) if x and x.text))
        return used.authors, used.affiliations
    return paired, affiliations


def _author_text(text: str, order: Order) -> tuple[tuple[Author, ...], bool]:
    """The authors of a printed list and whether it ends in "et al.", by :func:`parse_authors`; but names
    between semicolons that each hold one comma are family-first, one name each ("Liu, Yue; Chen, Xingwen"
    is Liu Yue and Chen Xingwen, not four names), as a name written with a comma always is."""
    names = [name for name in _NAME_SEMICOLON.split(text.strip()) if name]
    et_al = bool(names) and parse_authors(names[-1], order) == ((), True)
    if et_al:
        names.pop()
    if len(names) < 2 or any(name.count(",") != 1 for name in names):
        return parse_authors(text, order)
    unmarked = [strip_markers(name) for name in names]
    printed_order = order_habit(plain for plain, _, _ in unmarked)
    habit = list_habit((plain for plain, _, _ in unmarked), order, printed_order)
    authors = (
        make_author(plain, order, numbers, mark, habit=habit, list_order=printed_order)
        for plain, numbers, mark in unmarked
    )
    return tuple(authors), et_al


def _names(authors: tuple[Author, ...]) -> list[tuple[str, str]]:
    """The authors' family and given names for comparing two lists ("Zhao, Kai" is "Kai Zhao");
    spacing and case ignored."""
    return [(one_line(a.family or "").casefold(), one_line(a.given or "").casefold()) for a in authors]


def _author_list(items: list[Any], order: Order) -> tuple[tuple[Author, ...], tuple[Affiliation, ...], bool]:
    """Authors from a JSON list of names or author objects, the affiliations they give, and whether the
    list ends in "et al."."""
    authors: list[Author] = []
    affiliations: list[Affiliation] = []
    et_al = False
    printed_order = order_habit(filter(None, map(_printed_name, items)))
    habit = given_habit(_printed_given(item, order, printed_order) for item in items)
    for item in items:
        if isinstance(item, dict):
            author, places = _author_object(item, order, habit, printed_order), _affiliation_names(item)
        else:
            text = json_text(item) if isinstance(item, str) else None
            author = make_author(text, order, habit=habit, list_order=printed_order) if text else None
            places = []
        if author is not None and not author.name_zh and parse_authors(author.name, order) == ((), True):
            et_al, author = True, None  # "et al." closing the list
        if author is None:
            continue
        indexes = []
        for place in places:
            affiliation = Affiliation(zh=place) if has_cjk(place) else Affiliation(en=place)
            if affiliation not in affiliations:
                affiliations.append(affiliation)
            indexes.append(affiliations.index(affiliation))
        authors.append(dataclasses.replace(author, affiliations=tuple(dict.fromkeys(indexes))))
    return tuple(authors), tuple(affiliations), et_al


def _author_object(
    item: dict[str, Any], order: Order, habit: Habit | None, list_order: Order | None = None
) -> Author | None:
    """One author object: ``{"name"}``, ``{"display_name"}``, ``{"given", "family"}`` (with Crossref's
    ``"suffix"`` after the family name), ``{"author": {...}}``; of a list of the ``habit`` and ``list_order``
    given."""
    person = _person(item)
    given, family = json_text(person.get("given")), json_text(person.get("family"))
    suffix = json_text(person.get("suffix"))
    family, given = suffix_after_family(f"{family} {suffix}" if family and suffix else family, given)
    orcid = _ORCID.search(str(person.get("orcid") or person.get("ORCID") or ""))
    orcid_id = orcid.group() if orcid else None
    if family:
        if has_cjk(family + (given or "")):
            return Author(name="", name_zh=family + (given or ""), family=family, given=given, orcid=orcid_id)
        full = f"{given} {family}" if given else family
        family, given = cased(family, given, habit)
        return Author(name=full, family=family, given=given, orcid=orcid_id)
    full = _full_name(person)
    if not full:
        return None
    return dataclasses.replace(make_author(full, order, habit=habit, list_order=list_order), orcid=orcid_id)


def _person(item: dict[str, Any]) -> dict[str, Any]:
    """The person of an author object: OpenAlex's ``{"author": {...}}``, else the object itself."""
    return item["author"] if isinstance(item.get("author"), dict) else item


def _full_name(person: dict[str, Any]) -> str | None:
    """The whole name an author object prints: Semantic Scholar's ``name``, OpenAlex's ``display_name`` or raw."""
    return (
        json_text(person.get("name"))
        or json_text(person.get("display_name"))
        or json_text(person.get("raw_author_name"))
    )


def _printed_given(item: Any, order: Order, list_order: Order | None) -> str | None:
    """The given name of a JSON list's Latin author as printed (in capitals, maybe), for the list's habit; the
    list printed in ``list_order``."""
    if isinstance(item, dict):
        person = _person(item)
        if json_text(person.get("family")):
            given = json_text(person.get("given"))
            return None if given and has_cjk(given) else given
    text = _printed_name(item)
    if not text or has_cjk(text) or parse_authors(text, order) == ((), True):  # "et al." closing the list
        return None
    return printed_parts(text, order, None, list_order)[1]


def _printed_name(item: Any) -> str | None:
    """The whole name a JSON list's author prints: the item itself, or an author object's (:func:`_full_name`);
    ``None`` for an object giving its family and given names apart."""
    if isinstance(item, dict):
        person = _person(item)
        item = None if json_text(person.get("family")) else _full_name(person)
    return json_text(item) if isinstance(item, str) else None


def _affiliation_names(item: dict[str, Any]) -> list[str]:
    """The affiliations an author object gives: Crossref ``affiliation: [{"name"}]``, Semantic Scholar
    ``affiliations: ["..."]``, OpenAlex ``institutions: [{"display_name"}]`` (or its raw strings)."""
    found: list[str] = []
    for key in ("affiliation", "affiliations", "institutions", "raw_affiliation_strings"):
        value = item.get(key)
        for place in value if isinstance(value, list) else [value]:
            if isinstance(place, dict):
                place = place.get("name") or place.get("display_name")
            text = json_text(place)
            if text:
                found.append(text)
        if found:
            break
    return list(dict.fromkeys(found))
