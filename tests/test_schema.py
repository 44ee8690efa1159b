"""The entry JSON Schema: matches the model, validates every parsed sample."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evdigest import model
from evdigest.ingest import ingest
from evdigest.schema import editorial_schema, load_schema, validate_entry

ROOT = Path(__file__).resolve().parent.parent


def _dataclass_of(tp):
    """The model dataclass inside a type hint (unwrapping Optional and tuple), or None."""
    for arg in (tp, *typing.get_args(tp)):
        if dataclasses.is_dataclass(arg):
            return arg
        for inner in typing.get_args(arg):
            if dataclasses.is_dataclass(inner):
                return inner
    return None


def _pairs(cls, schema_obj, schema):
    """Yield (dataclass, schema object) for the class and every dataclass reachable from it."""
    yield cls, schema_obj
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        inner = _dataclass_of(hints[field.name])
        if inner is None:
            continue
        prop = schema_obj["properties"][field.name]
        ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
        assert ref, f"{cls.__name__}.{field.name} should refer to a definition"
        yield from _pairs(inner, schema["$defs"][ref.split("/")[-1]], schema)


def test_schema_objects_match_the_model_exactly() -> None:
    schema = load_schema()
    for cls, obj in _pairs(model.Entry, schema, schema):
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(obj["properties"]) == names, cls.__name__
        assert obj["additionalProperties"] is False, cls.__name__
        without_default = [
            f.name
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        assert obj.get("required", []) == without_default, cls.__name__


def test_schema_version_and_draft() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"]["const"] == model.SCHEMA_VERSION


@pytest.fixture(scope="module")
def sample_entries() -> list[dict]:
    result = ingest([ROOT / "content" / "sources"], ROOT / "content")
    assert not result.failures, [str(f) for f in result.failures]
    return [entry.to_dict() for entry in result.entries]


def test_every_sample_entry_validates(sample_entries: list[dict]) -> None:
    assert len(sample_entries) == 3
    for data in sample_entries:
        assert validate_entry(data) == [], data["source"]


def test_round_trip_through_from_dict(sample_entries: list[dict]) -> None:
    for data in sample_entries:
        assert model.Entry.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"abstrct": {}}, "(entry)"),
        ({"slug": "Bad/Slug"}, "slug"),
        ({"source": "/abs/path.txt"}, "source"),
        ({"doi": "10.1080/UPPER"}, "doi"),
        ({"family": "blog"}, "family"),
        ({"year": "2025"}, "year"),
        ({"schema_version": "0.9"}, "schema_version"),
        ({"title": {"en": "x", "fr": "y"}}, "title"),
    ],
)
def test_invalid_entries_are_reported(sample_entries: list[dict], change: dict, where: str) -> None:
    problems = validate_entry(sample_entries[0] | change)
    assert problems and problems[0].startswith(f"{where}: ")


def test_editorial_schema_drops_identity_fields() -> None:
    schema = editorial_schema()
    assert "required" not in schema
    assert {"id", "slug", "source", "family", "overridden"}.isdisjoint(schema["properties"])
    assert {"tags", "added", "abstract"} <= set(schema["properties"])


def test_model_objects_pickle_quickly_and_load_older_pickles() -> None:
    """The build cache pickles digests: state is the field values in order, and the list state
    ``dataclasses`` wrote earlier still loads."""
    import pickle

    from evdigest.model import Citation, CitedBy, Digest, Work

    work = Work(id="w1", csl={"title": "外泌体"}, raw="raw", cited_by=(CitedBy("e", 3, (Citation("1", "句子"),)),))
    digest = Digest((), (work,), ())
    assert pickle.loads(pickle.dumps(digest)) == digest
    citation = Citation("2", "s")
    assert citation.__getstate__() == ("2", "s")
    older = object.__new__(Citation)
    older.__setstate__(["2", "s"])  # the form dataclasses' own __getstate__ returned
    assert older == citation and dataclasses.astuple(older) == ("2", "s")
    for wrong in (["2"], ["2", "s", "extra"]):  # written for another set of fields: refused, not half-set
        with pytest.raises(ValueError):
            object.__new__(Citation).__setstate__(wrong)


def test_quick_pickling_sets_own_slots_and_inherited_fields_alike() -> None:
    """A field that is a slot of the class is set through that slot; one inherited from a slotted base is
    set by name; a frozen object so loaded still refuses to be changed."""
    from dataclasses import FrozenInstanceError, dataclass

    from evdigest.model import quick_pickling

    @dataclass(frozen=True, slots=True)
    class Base:
        a: int
        b: str = "b"

    @quick_pickling
    @dataclass(frozen=True, slots=True)
    class Child(Base):
        c: tuple[int, ...] = ()

    child = Child(1, "x", (2, 3))
    assert child.__getstate__() == (1, "x", (2, 3))
    copy = object.__new__(Child)
    copy.__setstate__((1, "x", (2, 3)))
    assert copy == child and (copy.a, copy.b, copy.c) == (1, "x", (2, 3))
    with pytest.raises(FrozenInstanceError):
        copy.a = 5  # type: ignore[misc]
    with pytest.raises(ValueError):
        object.__new__(Child).__setstate__((1, "x"))


def test_the_views_caches_keep_pickle_by_their_field_values() -> None:
    """Cards, rows and kept pages hold the site's small view objects: they pickle by their field values
    in order too, and come back equal."""
    import pickle

    from evdigest.render.chart import Bar, Label, YearChart
    from evdigest.render.entry_view import Text
    from evdigest.render.i18n import edition
    from evdigest.render.meta import MetaTag
    from evdigest.render.page import Link

    values = [
        Text("外泌体", "zh-Hans"),
        Text("exosome"),
        edition("zh-hant"),
        MetaTag("citation_title", "外泌体"),
        Link("BibTeX", "../export/a.bib", type="application/x-bibtex"),
    ]
    for value in values:
        state = value.__getstate__()
        assert isinstance(state, tuple) and list(state) == [getattr(value, f.name) for f in dataclasses.fields(value)]
        assert pickle.loads(pickle.dumps(value)) == value
    for kind in (Bar, Label, YearChart):
        assert "__setstate__" in vars(kind) and vars(kind)["__setstate__"].__name__ == "setstate"


_KEY = st.one_of(st.text(max_size=4), st.integers(-3, 3), st.booleans(), st.none(), st.floats(allow_nan=False))
_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=6))
_VALUE = st.recursive(
    _LEAF,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEY, inner, max_size=3)),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def parsed_entries() -> list[model.Entry]:
    result = ingest([ROOT / "content" / "sources"], ROOT / "content")
    return list(result.entries)


def test_entry_json_is_the_json_of_its_dict(parsed_entries: list[model.Entry]) -> None:
    """``to_json`` writes what ``json.dumps(entry.to_dict())`` writes, for every sample and both ASCII forms."""
    for entry in parsed_entries:
        for ascii_only in (True, False):
            expected = json.dumps(entry.to_dict(), ensure_ascii=ascii_only)
            assert model.to_json(entry, ensure_ascii=ascii_only) == expected, entry.source


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text(max_size=6), _VALUE, max_size=4), st.dictionaries(_KEY, _VALUE, max_size=3))
def test_reference_items_of_any_keys_are_written_as_to_dict_writes_them(
    parsed_entries: list[model.Entry], item: dict, extra: dict
) -> None:
    """A CSL item's keys are written as ``str(key)`` (``True`` as ``"True"``), however deep, as before."""
    entry = next(e for e in parsed_entries if e.references)
    ref = dataclasses.replace(entry.references[0], csl={**item, "nested": [extra, {"x": extra}]})
    entry = dataclasses.replace(entry, references=(ref, *entry.references[1:]))
    assert model.to_json(entry, ensure_ascii=False) == json.dumps(entry.to_dict(), ensure_ascii=False)


def test_to_json_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        model.to_json({"when": object()})


def test_a_linked_reference_is_the_reference_with_the_index_fields_replaced() -> None:
    """:meth:`Reference.linked` writes every field out; a field added to the class must be added there too."""
    fields = [f.name for f in dataclasses.fields(model.Reference)]
    assert fields == ["number", "raw", "cited_in", "line", "csl", "work_id", "et_al", "editors_et_al"]
    ref = model.Reference(7, "Raw.", (model.Citation("2.1", "A sentence^[7]."),), 12, {"id": "x"}, "w0", False)
    item = {"id": "w1", "title": "T"}
    assert ref.linked(item, "w1", True) == dataclasses.replace(ref, csl=item, work_id="w1", et_al=True)
    both = dataclasses.replace(ref, csl=item, work_id="w1", et_al=True, editors_et_al=True)
    assert ref.linked(item, "w1", True, True) == both
