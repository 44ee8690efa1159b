"""The digest's works and glossary stored as a pack: read back equal, unchanged works copied as bytes."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.build import workpack
from evdigest.model import Citation, CitedBy, GlossaryTerm, Work


def work(n: int, sentence: str = "外泌体起源于内体[1]。") -> Work:
    return Work(
        id=f"w{n:010d}",
        csl={"id": f"w{n:010d}", "type": "article-journal", "title": f"Title {n}", "issued": {"date-parts": [[2020]]}},
        cited_by=(CitedBy(entry=f"entry-{n}", number=n, sentences=(Citation(section="1", sentence=sentence),)),),
        et_al=n % 2 == 0,
        raw=f"Author {n}. Title {n}. Journal. 2020.",
    )


GLOSSARY = (GlossaryTerm("外泌体", "exosome", None), GlossaryTerm("迁移体", "migrasome", None, kind="keyword"))


def packed(works, glossary, keys, previous=None) -> bytes:
    return b"".join(workpack.pack(tuple(works), tuple(glossary), keys, previous))


@given(st.lists(st.integers(0, 50), unique=True, max_size=12), st.booleans())
def test_a_pack_reads_back_the_works_in_order_and_the_glossary(numbers: list[int], with_glossary: bool) -> None:
    works = [work(n) for n in numbers]
    glossary = GLOSSARY if with_glossary else ()
    data = packed(works, glossary, {w.id: f"key-{w.id}" for w in works})
    assert workpack.Pack(data).load() == (tuple(works), glossary)


def test_works_with_unchanged_keys_are_copied_and_the_others_pickled_again(monkeypatch) -> None:
    works = [work(n) for n in range(5)]
    keys = {w.id: f"key-{w.id}" for w in works}
    first = workpack.Pack(packed(works, GLOSSARY, keys))

    changed = dataclasses.replace(works[2], cited_by=(*works[2].cited_by, CitedBy("entry-9", 4)))
    new = [*works[:2], changed, *works[3:], work(7)]  # one work changed, one new
    new_keys = {**keys, changed.id: "key-changed", "w0000000007": "key-new"}
    pickled: list[object] = []
    dumps = pickle.dumps

    def counting(value, *args, **kwargs):
        pickled.append(value)
        return dumps(value, *args, **kwargs)

    monkeypatch.setattr(workpack.pickle, "dumps", counting)
    second = workpack.Pack(packed(new, GLOSSARY, new_keys, first))
    monkeypatch.undo()
    assert [value for value in pickled if isinstance(value, Work)] == [changed, new[-1]]
    assert second.load() == (tuple(new), GLOSSARY)
    for w in works[:2] + works[3:]:
        assert second.kept(w.id, keys[w.id]) == first.kept(w.id, keys[w.id])
    assert second.kept(changed.id, keys[changed.id]) is None  # asked under its old key: not this value


def test_a_work_without_a_key_is_never_taken_from_the_last_pack() -> None:
    works = [work(1)]
    first = workpack.Pack(packed(works, (), {}))
    other = dataclasses.replace(works[0], raw="changed")
    assert workpack.Pack(packed([other], (), {}, first)).load() == ((other,), ())


@pytest.mark.parametrize("data", [b"", pickle.dumps(((), ())), workpack.MARKER + b"\x01"])
def test_anything_else_is_not_a_pack(data: bytes) -> None:
    with pytest.raises(ValueError):
        workpack.Pack(data)
