"""Entries recognised without pickling them: a print of what the corpus steps changed since the reading."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.build.cache import sha256_bytes
from evdigest.build.entry_hashes import Recognition, digest_hashes, entry_print
from evdigest.hashing import value_bytes
from evdigest.model import Entry, GlossaryTerm, Warning

ENTRY = Entry.from_dict(
    json.loads((Path(__file__).parent / "fixtures" / "pdf" / "entry-lyu.json").read_text(encoding="utf-8"))
)
READ = ("blob-of-the-reading", ENTRY)
TERMS = [("外泌体", "外泌体".encode())]


def enriched(entry: Entry, slug: str, wids: tuple[str, ...], glossary: tuple[GlossaryTerm, ...]) -> Entry:
    """What the corpus steps do to an entry read from its source: new slug, items and ids on its
    references (new objects, as the reference index makes them), its glossary and a warning."""
    refs = (
        tuple(
            dataclasses.replace(r, csl={"id": wid, "title": f"item {wid}"}, work_id=wid)
            for r, wid in zip(entry.references, wids, strict=False)
        )
        + entry.references[len(wids) :]
    )
    warnings = (Warning("glossary", "an abbreviation stands for two terms"),)
    return dataclasses.replace(entry, slug=slug, references=refs, glossary=glossary, warnings=warnings)


SLUGS = st.sampled_from(["lyu-2026", "lyu-2026-b"])
WIDS = st.lists(st.sampled_from(["w1", "w2", "w3"]), min_size=1, max_size=3).map(tuple)
GLOSSARIES = st.sampled_from([(), (GlossaryTerm("外泌体", "exosome"),), (GlossaryTerm("外泌体", "exosomes"),)])


@settings(max_examples=60, deadline=None)
@given(SLUGS, WIDS, GLOSSARIES, SLUGS, WIDS, GLOSSARIES)
def test_entries_with_the_same_print_are_the_same_entry(s1, w1, g1, s2, w2, g2) -> None:
    a, b = enriched(ENTRY, s1, w1, g1), enriched(ENTRY, s2, w2, g2)
    same_value = value_bytes(a) == value_bytes(b)
    assert (entry_print(a, READ, "t") == entry_print(b, READ, "t")) == same_value


def test_a_print_changes_with_the_reading_the_terms_and_a_deep_change() -> None:
    a = enriched(ENTRY, "lyu", ("w1",), ())
    base = entry_print(a, READ, "t")
    assert entry_print(a, ("another reading", ENTRY), "t") != base
    assert entry_print(a, READ, "other terms") != base
    deeper = dataclasses.replace(a.references[0], raw=a.references[0].raw + " Erratum.")
    changed = dataclasses.replace(a, references=(deeper, *a.references[1:]))
    assert entry_print(changed, READ, "t") != base
    assert entry_print(a, None, "t") is None


def test_known_entries_are_not_pickled_again(monkeypatch) -> None:
    from evdigest.build import entry_hashes as module

    a = enriched(ENTRY, "lyu", ("w1",), ())
    b = dataclasses.replace(enriched(ENTRY, "lyu-b", ("w2",), ()), source="sources/b.txt")
    originals = {ENTRY.source: READ, "sources/b.txt": ("blob-b", ENTRY)}
    stored: dict[str, bytes] = {}

    def store(data: bytes) -> str:
        stored[sha := sha256_bytes(data)] = data
        return sha

    def entry_hashes(entries: list[Entry], **kwargs: object) -> list[tuple[str, frozenset[str]]]:
        return digest_hashes(entries, (), store, TERMS, **kwargs)[0]  # type: ignore[arg-type]

    first_build = Recognition(originals, {}, stored.__contains__)
    first = entry_hashes([a, b], recognise=first_build)
    remembered = first_build.remember
    assert first == [(sha256_bytes(value_bytes(e)), frozenset({"外泌体"})) for e in (a, b)]

    pickled: list[object] = []
    real = module.value_bytes
    monkeypatch.setattr(module, "value_bytes", lambda value: pickled.append(value) or real(value))
    again = {"recognise": Recognition(originals, remembered, stored.__contains__)}
    assert entry_hashes([a, b], **again) == first
    assert not any(isinstance(value, Entry) for value in pickled)  # recognised, not pickled

    moved = enriched(ENTRY, "lyu", ("w3",), ())  # a reference now points at another work
    assert entry_hashes([moved, b], **again)[0][0] == sha256_bytes(real(moved))
    del stored[first[1][0]]  # the blob of b is gone: b is pickled and stored again
    pickled.clear()
    assert entry_hashes([a, b], **again) == first and b in pickled and first[1][0] in stored
