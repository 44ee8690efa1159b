"""The entry model: typed, frozen dataclasses shared by every stage.

Sources are parsed into :class:`Entry`; enrichment returns new entries with
``dataclasses.replace``; renderers only read them.  ``Entry.to_dict()`` gives
exactly the JSON shape described by ``schema/entry.schema.json`` (the shape of
``data/entries.json``) and ``Entry.from_dict()`` reads it back.
"""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

SCHEMA_VERSION = "1.0"

FAMILIES = ("platform-record", "pubmed-cn", "journal-fulltext")

_T = TypeVar("_T", bound=type)


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A string given in English and/or Chinese (Simplified as printed)."""

    en: str | None = None
    zh: str | None = None


@dataclass(frozen=True, slots=True)
class Author:
    """One author, in the printed order."""

    name: str
    """The name as printed in Latin script ("Yue Liu", "Lyu Ruyue"); may be empty when only a Chinese name is printed."""
    name_zh: str | None = None
    """The Chinese name where the source gives one (paired with ``name`` in order)."""
    family: str | None = None
    given: str | None = None
    affiliations: tuple[int, ...] = ()
    """Indexes into ``Entry.affiliations``."""
    corresponding: bool = False
    orcid: str | None = None


@dataclass(frozen=True, slots=True)
class Affiliation:
    """One institution, in English and/or Chinese."""

    en: str | None = None
    zh: str | None = None


@dataclass(frozen=True, slots=True)
class Journal:
    name: str | None = None
    name_zh: str | None = None
    abbrev: str | None = None
    issn: str | None = None


@dataclass(frozen=True, slots=True)
class Dates:
    """ISO dates (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all the source gives)."""

    received: str | None = None
    revised: str | None = None
    accepted: str | None = None
    online: str | None = None
    epub: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Funding:
    text: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Metrics:
    impact_factor: float | None = None
    jcr_quartile: str | None = None
    jcr_category: str | None = None
    cas_region: int | None = None
    cas_category: str | None = None
    citation_count: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A URL the source gives, with its kind: ``open-access-pdf``, ``landing``, ``orcid``, ``doi``."""

    rel: str
    url: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Posting:
    """Where a paper was posted as a preprint: the server, the paper's identifier there, as the server names it,
    and the month it was posted."""

    server: str
    """``ChinaXiv``"""
    id: str
    """``201712.00265``"""
    label: str
    """``ChinaXiv:201712.00265V1``"""
    posted: str | None = None
    """``2017-12``"""


@dataclass(frozen=True, slots=True)
class AbstractSection:
    label: str | None
    """Section label as printed (``BACKGROUND``, ``背景``), ``None`` when unstructured."""
    text: str


@dataclass(frozen=True, slots=True)
class Abstracts:
    en: tuple[AbstractSection, ...] = ()
    zh: tuple[AbstractSection, ...] = ()


@dataclass(frozen=True, slots=True)
class Keywords:
    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Definition:
    """A term explained by the source (文题释义)."""

    term: str
    text: str
    lang: str = "zh"


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered body section; paragraphs are joined again where the PDF conversion broke them, and their
    citation markers written ``^[1-2]`` however the source printed them."""

    number: str | None
    title: str
    paragraphs: tuple[str, ...] = ()
    title_en: str | None = None
    line: int | None = None
    level: int = 1
    """1 for a section, 2 for a subsection (``2.1``), and so on: the depth of its number, or for a heading with
    no number, of its Markdown mark among the body's headings."""


@dataclass(frozen=True, slots=True)
class Table:
    label: str
    caption: str
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    caption_en: str | None = None
    line: int | None = None
    note: str | None = None
    """The note printed under the table (``注：…``, ``Note: …``): abbreviations, statistics marks."""


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    caption: str
    note: str | None = None
    caption_en: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """One place in the body where a reference is cited."""

    section: str | None
    """The number (or title) of the citing section."""
    sentence: str
    """The citing sentence, its citation markers written ``^[1-2]`` however the source printed them."""


@dataclass(frozen=True, slots=True)
class Reference:
    number: int
    raw: str
    """The reference as printed, Markdown emphasis removed."""
    cited_in: tuple[Citation, ...] = ()
    line: int | None = None
    csl: dict[str, Any] | None = None
    """The reference parsed into a CSL-JSON item (filled by the reference parser)."""
    work_id: str | None = None
    """Id of the deduplicated work in the reference index."""
    et_al: bool = False
    """The printed author list was cut short ("et al." / 等); kept out of the strict CSL item."""
    editors_et_al: bool = False
    """The printed editor list was cut short (``王五, 等主编``, ``Jones K, et al., editors``), as ``et_al``."""

    def linked(
        self, csl: dict[str, Any] | None, work_id: str | None, et_al: bool, editors_et_al: bool = False
    ) -> Reference:
        """This reference with what the reference index fills in: its item, its work's id and the et-al flags
        (``dataclasses.replace`` does the same at twice the cost, for the 20 000 references of a large
        digest in every build)."""
        return Reference(self.number, self.raw, self.cited_in, self.line, csl, work_id, et_al, editors_et_al)


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A bilingual term pair harvested from the text, with where it came from."""

    zh: str | None
    en: str | None
    abbr: str | None = None
    file: str | None = None
    line: int | None = None
    span: str | None = None
    """The exact text the pair was read from."""
    kind: str = "pattern"
    """``pattern`` (zh (en, ABBR)), ``keyword`` (aligned keyword lists) or ``abbreviation`` (aligned through a shared abbreviation)."""


@dataclass(frozen=True, slots=True)
class Warning:
    """Something the source lacked, or where two places in one source disagree."""

    field: str
    message: str
    values: tuple[str, ...] = ()
    line: int | None = None
    source: str | None = None
    """The source the line is in, when it is not the entry's own (a source merged into it)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One review paper, as read from one source (or merged from several)."""

    id: str
    slug: str
    source: str
    """Path relative to the content folder."""
    family: str
    title: Bilingual = field(default_factory=Bilingual)
    authors: tuple[Author, ...] = ()
    authors_et_al: bool = False
    """The source's author list ends in "et al." / 等: ``authors`` are the first of more."""
    affiliations: tuple[Affiliation, ...] = ()
    journal: Journal = field(default_factory=Journal)
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    dates: Dates = field(default_factory=Dates)
    funding: tuple[Funding, ...] = ()
    metrics: Metrics = field(default_factory=Metrics)
    urls: tuple[Link, ...] = ()
    license: str | None = None
    publication_type: str | None = None
    preprint: Posting | None = None
    """Where the paper was posted as a preprint (read from the identifier the server stamps on it); with no
    journal named, the entry is that preprint."""
    abstract: Abstracts = field(default_factory=Abstracts)
    keywords: Keywords = field(default_factory=Keywords)
    definitions: tuple[Definition, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()
    references: tuple[Reference, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    warnings: tuple[Warning, ...] = ()
    # Editorial fields (content/editorial/<slug>.md)
    tags: tuple[str, ...] = ()
    added: str | None = None
    """ISO date the entry was added to the digest (editorial; never the wall clock)."""
    commentary: str | None = None
    """The editor's commentary, Markdown."""
    overridden: tuple[str, ...] = ()
    """Dotted names of the fields an editorial file set."""
    also_from: tuple[str, ...] = ()
    """Other sources merged into this entry (the same paper pasted twice)."""
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        return from_jsonable(cls, data)


# --- JSON conversion -------------------------------------------------------


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (``None`` for other types), looked up once per type."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def json_lines_array(lines: Iterable[bytes]) -> Iterator[bytes]:
    """A JSON array with one item (already encoded) per line, in chunks: ``[``, the items joined by ``,``, ``]``
    (the form of ``data/entries.json`` and ``data/references.json``)."""
    first = True
    for line in lines:
        yield (b"[\n" if first else b",\n") + line
        first = False
    yield b"[]\n" if first else b"\n]\n"


def to_jsonable(value: Any) -> Any:
    """Turn a model object into plain JSON data (dicts, lists, str, numbers, None)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    names = _field_names(type(value))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    return value


def to_json(value: Any, **options: Any) -> str:
    """``json.dumps(to_jsonable(value), **options)``, written by the encoder as it walks the value: it asks
    for the fields of each model object as it meets one (the strings, numbers, lists and dicts in between
    are its own), where :func:`to_jsonable` first copied every value of the tree in Python."""
    return json.dumps(value, default=_fields_of, **options)


def _fields_of(value: Any) -> dict[str, Any]:
    """A model object's fields by name, for :func:`to_json` (``TypeError`` for anything else, as ``json``).

    A dict field (a CSL item, which editorial data may give keys of other types) goes through
    :func:`to_jsonable`, whose keys are ``str(key)``: ``json`` would write ``True`` as ``true``."""
    names = _field_names(type(value))
    if names is None:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    fields = {}
    for name in names:
        field = getattr(value, name)
        fields[name] = to_jsonable(field) if type(field) is dict else field
    return fields


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def from_jsonable(tp: Any, data: Any) -> Any:
    """Build a model object of type ``tp`` from JSON data (the inverse of :func:`to_jsonable`).

    Unknown keys raise ``KeyError`` naming the key; callers validate against the
    JSON Schema first for friendlier messages.
    """
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return from_jsonable(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        inner = args[0] if args else Any
        return tuple(from_jsonable(inner, v) for v in data)
    if origin is dict or tp is Any:
        return data
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {}
        for key, val in data.items():
            if key not in hints:
                raise KeyError(f"unknown field {key!r} for {tp.__name__}")
            kwargs[key] = from_jsonable(hints[key], val)
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data


# --- Cross-entry objects (built after every source is read) ----------------


@dataclass(frozen=True, slots=True)
class CitedBy:
    """One citing entry of a work in the reference index."""

    entry: str
    """The citing entry's slug."""
    number: int
    """The reference number in that entry's list."""
    sentences: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Work:
    """One deduplicated work of the reference index."""

    id: str
    """Derived from the dedup key (a hash): independent of the order entries were read in."""
    csl: dict[str, Any]
    """CSL-JSON item (strict: extra evdigest fields live outside it)."""
    cited_by: tuple[CitedBy, ...] = ()
    et_al: bool = False
    """The printed author list was cut short ("et al." / 等)."""
    editors_et_al: bool = False
    """The printed editor list was cut short ("et al." / 等)."""
    status: str = "full"
    """How well the reference string parsed: ``full``, ``partial`` or ``failed``."""
    raw: str = ""
    key: str = ""
    """The work's citation key in the exports (``kalluri2020biology``), unique in the index
    (:mod:`~evdigest.refs.cite_keys`); the same in the index's and every citing entry's reference list."""


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the renderers need, after enrichment."""

    entries: tuple[Entry, ...] = ()
    works: tuple[Work, ...] = ()
    """The reference index's works in index order (by first author, year, title and id)."""
    glossary: tuple[GlossaryTerm, ...] = ()
    """The corpus glossary: one row per distinct pair."""


# --- pickling ----------------------------------------------------------------


def quick_pickling(cls: _T) -> _T:
    """Pickle a frozen slots dataclass by its field values in order, read with one C-level getter and
    written back by a function made for the class (each field set by name, no loop). Returns the class
    (a class decorator, for such dataclasses elsewhere that caches keep or hash).

    ``dataclasses`` looks the fields up again for every object, which doubles the time the
    build cache spends pickling digests and kept conversions; a large digest holds hundreds of
    thousands of such objects, and a loop over the fields took half the time of reading it back.
    A list state written by ``dataclasses`` still loads.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    values = operator.attrgetter(*names)

    if len(names) == 1:

        def getstate(self: Any) -> tuple[Any, ...]:
            return (values(self),)

    else:

        def getstate(self: Any) -> tuple[Any, ...]:
            return values(self)

    cls.__getstate__ = getstate  # type: ignore[attr-defined]
    cls.__setstate__ = _state_setter(cls, names)  # type: ignore[attr-defined]
    return cls


def _state_setter(cls: type, names: tuple[str, ...]) -> Any:
    """``setstate(self, state)`` setting the fields ``names`` of a frozen object of ``cls`` from ``state``
    in order (a ``ValueError`` when ``state`` holds another number of values).

    A field that is a slot of ``cls`` itself is set through its slot's own setter, a third quicker than
    ``object.__setattr__`` with the name (unpickling a large digest sets some hundred thousand objects);
    any other field through ``object.__setattr__``."""
    assert all(name.isidentifier() for name in names)
    local = [f"_v{i}" for i in range(len(names))]
    lines = ["def setstate(self, state):", f"    ({', '.join(local)},) = state"]
    scope: dict[str, Any] = {"_set": object.__setattr__}
    for i, (name, value) in enumerate(zip(names, local, strict=True)):
        slot = vars(cls).get(name)
        if type(slot) is types.MemberDescriptorType:
            scope[f"_slot{i}"] = slot.__set__
            lines.append(f"    _slot{i}(self, {value})")
        else:
            lines.append(f"    _set(self, {name!r}, {value})")
    exec("\n".join(lines), scope)  # noqa: S102 - made from field names only
    return scope["setstate"]


for _cls in list(globals().values()):
    if isinstance(_cls, type) and dataclasses.is_dataclass(_cls) and _cls.__module__ == __name__:
        if "__slots__" in vars(_cls):
            quick_pickling(_cls)
