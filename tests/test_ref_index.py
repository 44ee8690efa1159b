"""The reference index: deduplication across entries, stable ids, the threshold, references.json."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import Citation, Entry, Reference
from evdigest.refs.index import build_index, references_json
from evdigest.refs.keys import (
    TITLE_SIMILARITY,
    dedup_key,
    first_family,
    fold,
    matching_titles,
    similar_enough,
    title_numbers,
    title_similarity,
    titles_match,
)
from evdigest.refs.parse import parse_reference

FIXTURES = Path(__file__).parent / "fixtures" / "refs_pair"
SCHEMA = json.loads((Path(__file__).parent.parent / "src/evdigest/schema/csl-data.json").read_text(encoding="utf-8"))
PAIRS = json.loads((FIXTURES / "dedup_pairs.json").read_text(encoding="utf-8"))
EXTRA_FIELDS = ("cited_by", "et_al", "editors_et_al", "status", "raw", "link")


KALLURI = {
    "type": "article-journal",
    "author": [{"family": "Kalluri", "given": "R."}],
    "issued": {"date-parts": [[2020]]},
}
"""An item's author and year, for works told apart or merged by their titles and DOIs."""
KALLURI_TITLE = "The biology, function, and biomedical applications of exosomes"


def pair_entries() -> list[Entry]:
    return [
        Entry.from_dict(json.loads((FIXTURES / f"{n}.json").read_text(encoding="utf-8"))) for n in ("alpha", "beta")
    ]


class HandParsed:
    """A parse result written by hand (the shape ``parse_reference`` returns)."""

    def __init__(self, raw: str, item: dict, et_al: bool = False, status: str = "full") -> None:
        self.raw, self.item, self.et_al, self.status, self.problems = raw, item, et_al, status, ()
        self.editors_et_al = False


def hand_parser(items: dict[str, dict]):
    return lambda raw: HandParsed(raw, items[raw])


def entry(slug: str, *raws: str) -> Entry:
    refs = tuple(Reference(number=n, raw=raw) for n, raw in enumerate(raws, start=1))
    return Entry(id=slug, slug=slug, source=f"sources/{slug}.txt", family="journal-fulltext", references=refs)


def test_two_entries_citing_the_same_work_give_one_item_with_two_cited_by() -> None:
    entries, works = build_index(pair_entries())
    assert len(works) == 6
    by_citers = {tuple((c.entry, c.number) for c in w.cited_by): w for w in works}
    kalluri = by_citers[(("alpha-2024-exosomes", 1), ("beta-2025-vesicles", 3))]
    han = by_citers[(("alpha-2024-exosomes", 2), ("beta-2025-vesicles", 2))]
    ma = by_citers[(("alpha-2024-exosomes", 3), ("beta-2025-vesicles", 4))]
    assert kalluri.csl["DOI"].lower() == "10.1126/science.aau6977"
    assert fold(han.csl["title"]).startswith("exosome biogenesis machinery")
    assert han.et_al is True
    assert ma.csl["language"] == "zh"
    assert han.cited_by[0].sentences == (
        Citation(section="2", sentence="Biogenesis starts at the endosome[2]."),
        Citation(section="2.1", sentence="ESCRT complexes sort the cargo[2-3]."),
    )
    assert han.cited_by[1].sentences == (Citation(section="1", sentence="外泌体起源于内体[2]。"),)
    singles = [w for w in works if len(w.cited_by) == 1]
    assert len(singles) == 3


def test_entries_are_linked_to_their_works() -> None:
    entries, works = build_index(pair_entries())
    ids = {w.id for w in works}
    for e in entries:
        for ref in e.references:
            assert ref.work_id in ids
            assert ref.csl is not None and ref.csl["id"] == ref.work_id
    alpha, beta = entries
    assert alpha.references[1].work_id == beta.references[1].work_id
    assert alpha.references[0].work_id == beta.references[2].work_id
    assert alpha.references[1].et_al is True and alpha.references[0].et_al is False


def test_ids_and_json_do_not_depend_on_reading_order() -> None:
    entries = pair_entries()
    _, works = build_index(entries)
    shuffled = [replace(e, references=tuple(reversed(e.references))) for e in reversed(entries)]
    _, again = build_index(shuffled)
    assert [w.id for w in works] == [w.id for w in again]
    assert references_json(works) == references_json(again)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_work_ids_are_a_function_of_the_set_of_references(rnd: random.Random) -> None:
    entries = pair_entries()
    reference = {w.id: {(c.entry, c.number) for c in w.cited_by} for w in build_index(entries)[1]}
    mixed = [replace(e, references=tuple(rnd.sample(e.references, len(e.references)))) for e in entries]
    rnd.shuffle(mixed)
    got = {w.id: {(c.entry, c.number) for c in w.cited_by} for w in build_index(mixed)[1]}
    assert got == reference


@pytest.mark.parametrize(("a", "b"), PAIRS["merge"])
def test_pairs_that_must_merge(a: str, b: str) -> None:
    assert titles_match(a, b)


@pytest.mark.parametrize(("a", "b"), PAIRS["distinct"])
def test_pairs_that_must_not_merge(a: str, b: str) -> None:
    assert not titles_match(a, b)


def test_threshold_lies_between_the_measured_scores() -> None:
    merge = [title_similarity(a, b) for a, b in PAIRS["merge"]]
    distinct = [title_similarity(a, b) for a, b in PAIRS["distinct"] if title_numbers(a) == title_numbers(b)]
    print(f"merge pairs: min {min(merge):.3f}; distinct pairs (same numbers): max {max(distinct):.3f}")
    assert max(distinct) + 0.01 < TITLE_SIMILARITY < min(merge) - 0.01


def test_a_reference_without_doi_joins_the_work_with_that_doi_but_two_dois_never_merge() -> None:
    base, title = KALLURI, KALLURI_TITLE
    items = {
        "a": {**base, "title": title, "DOI": "10.1126/science.aau6977"},
        "b": {**base, "title": title.upper()},
        "c": {**base, "title": title + ".", "DOI": "10.9999/other"},
    }
    _, works = build_index([entry("one", "a", "c"), entry("two", "b")], parser=hand_parser(items))
    assert len(works) == 2
    merged = next(w for w in works if w.csl.get("DOI") == "10.1126/science.aau6977")
    assert {(c.entry, c.number) for c in merged.cited_by} == {("one", 1), ("two", 1)}


def test_same_author_and_year_but_another_title_stays_apart() -> None:
    base = {
        "type": "article-journal",
        "author": [{"family": "LOGOZZI", "given": "M."}],
        "issued": {"date-parts": [[2018]]},
    }
    items = {
        "a": {**base, "title": "Exosomes in cancer development and clinical applications"},
        "b": {**base, "title": "Exosomes in cancer diagnosis and clinical applications"},
    }
    _, works = build_index([entry("one", "a"), entry("two", "b")], parser=hand_parser(items))
    assert len(works) == 2


def test_unreadable_references_are_kept_as_failed_works() -> None:
    garbage = "see the supplementary material online"

    def parser(raw: str) -> HandParsed:
        return HandParsed(raw, {"type": "document"}, status="failed")

    _, works = build_index([entry("one", garbage), entry("two", garbage.upper(), "Another   line.")], parser=parser)
    assert len(works) == 2
    kept = next(w for w in works if len(w.cited_by) == 2)
    assert kept.status == "failed" and kept.raw in (garbage, garbage.upper())
    assert dedup_key({"type": "document"}, garbage) == dedup_key({"type": "document"}, garbage.upper())


def test_the_real_parser_keeps_garbage_listed() -> None:
    _, works = build_index([entry("one", "?? page 12 ??")])
    assert len(works) == 1 and works[0].raw == "?? page 12 ??"
    assert works[0].status in ("failed", "partial")


def test_references_json_items_are_csl_plus_index_fields() -> None:
    _, works = build_index(pair_entries())
    text = references_json(works)
    assert text == references_json(tuple(reversed(works)))
    records = json.loads(text)
    assert [r["id"] for r in records] == [w.id for w in works]
    lines = text.splitlines()  # one work per line
    assert lines[0] == "[" and lines[-1] == "]" and [json.loads(line.rstrip(",")) for line in lines[1:-1]] == records
    assert references_json(()) == "[]\n"
    for record in records:
        assert set(EXTRA_FIELDS) <= set(record)
        assert isinstance(record["et_al"], bool) and isinstance(record["editors_et_al"], bool)
        assert record["status"] in ("full", "partial", "failed")
        assert all(set(c) == {"entry", "number", "sentences"} for c in record["cited_by"])
        csl = {k: v for k, v in record.items() if k not in EXTRA_FIELDS}
        jsonschema.validate([csl], SCHEMA)
    ma = next(r for r in records if r.get("language") == "zh" and len(r["cited_by"]) == 2)
    assert ma["link"]["kind"] == "cnki-search"
    kalluri = next(r for r in records if r.get("DOI"))
    assert kalluri["link"] == {"kind": "doi", "url": "https://doi.org/" + kalluri["DOI"]}


_TITLE_WORDS = st.sampled_from(["exosome", "exosomes", "vesicle", "miR-125", "miR-126", "NF-κB", "the", "of", "β"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_TITLE_WORDS, min_size=1, max_size=12),
    st.lists(_TITLE_WORDS, min_size=0, max_size=3),
    st.floats(min_value=0.5, max_value=1.0),
)
def test_quick_similarity_bound_agrees_with_the_full_ratio(words, extra, threshold) -> None:
    a = " ".join(words)
    b = " ".join(words[: len(words) // 2] + extra + words[len(words) // 2 :])
    assert similar_enough(a, b, threshold) == (title_similarity(a, b) >= threshold)
    assert similar_enough(a, a, threshold) == (title_similarity(a, a) >= threshold)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(_TITLE_WORDS, min_size=0, max_size=10).map(" ".join) | st.sampled_from(["", "Part II", "Part III"]),
        min_size=0,
        max_size=9,
    ),
    st.data(),
)
def test_matching_titles_compares_as_pair_by_pair(titles: list[str], data: st.DataObject) -> None:
    """One matcher per second title finds exactly the pairs (and scores) of comparing each pair afresh."""
    titles = titles + [t + " s" for t in titles[:3]]  # near copies, so that some pairs match
    apart = data.draw(st.lists(st.booleans(), min_size=len(titles), max_size=len(titles)))
    expected = [
        (i, j, title_similarity(titles[i], titles[j]))
        for j in range(len(titles))
        for i in range(j)
        if not (apart[i] and apart[j]) and titles_match(titles[i], titles[j])
    ]
    assert list(matching_titles(titles, apart)) == expected


def test_a_build_compares_each_block_of_titles_once_and_keeps_only_what_it_used(monkeypatch) -> None:
    from evdigest.build.cache import UsedMemo
    from evdigest.build.renderers import BLOCK_PREFIX, RealStages
    from evdigest.refs import index as index_module

    compared: list[tuple[str, ...]] = []
    real = index_module.matching_titles

    def counting(titles, apart=None):
        compared.append(tuple(titles))
        return real(titles, apart=apart)

    monkeypatch.setattr(index_module, "matching_titles", counting)
    entries = pair_entries()
    first = UsedMemo({"an old reference string": object()})
    digest = RealStages().enrich(entries, first)
    assert compared, "the pair's references fall into blocks of titles"
    blocks = {k for k in first.kept() if k.startswith(BLOCK_PREFIX)}
    assert len(blocks) == len(compared)
    assert "an old reference string" not in first.kept()

    compared.clear()
    again = UsedMemo(first.kept())
    assert RealStages().enrich(entries, again) == digest
    assert compared == []  # every block came from the memo
    assert again.kept().keys() == first.kept().keys()

    # one title changed: only its block is compared again, and the result is what a fresh build gives
    alpha, beta = entries
    ref = next(r for r in beta.references if "Exosome biogenesis" in r.raw or "exosome biogenesis" in r.raw)
    changed = ref.raw.replace("biogenesis", "biogenesis and release", 1)
    beta = replace(beta, references=tuple(replace(r, raw=changed) if r is ref else r for r in beta.references))
    after = UsedMemo(again.kept())
    result = RealStages().enrich([alpha, beta], after)
    assert len(compared) == 1
    assert result == RealStages().enrich([alpha, beta], UsedMemo({}))


def test_a_digest_s_works_are_in_index_order_so_writers_need_not_sort_them_again() -> None:
    from evdigest.refs.index import references_json_chunks, work_sort_key

    entries, works = build_index(pair_entries())
    assert list(works) == sorted(works, key=work_sort_key)
    assert b"".join(references_json_chunks(works, ordered=True)) == references_json(works).encode("utf-8")
    shuffled = list(reversed(works))
    assert b"".join(references_json_chunks(shuffled)) == references_json(works).encode("utf-8")


def test_a_work_takes_the_best_item_with_gaps_filled_and_every_item_puts_its_id_first() -> None:
    """The best-read item wins each field; fields it lacks come from the other items, each looked at
    once however many references print it; an item's own ``id`` gives way to the work's, written first."""
    base, title = KALLURI, KALLURI_TITLE
    items = {
        "full": {"id": "mine", **base, "title": title, "DOI": "10.1126/science.aau6977", "volume": "367"},
        "short": {**base, "title": title, "DOI": "10.1126/science.aau6977", "page": "eaau6977", "volume": "99"},
    }
    parsed = {raw: HandParsed(raw, item) for raw, item in items.items()}
    asked: list[str] = []
    linked, works = build_index(
        [entry("one", "full", "short"), entry("two", "short"), entry("three", "short")],
        parser=lambda raw: asked.append(raw) or parsed[raw],
    )
    (work,) = works
    assert list(work.csl)[0] == "id" and work.csl["id"] == work.id
    assert work.csl["volume"] == "367" and work.csl["page"] == "eaau6977"  # the fuller item first, then gaps
    assert sorted(asked) == ["full", "short"]  # each printed string parsed once
    for e in linked:
        for ref in e.references:
            assert list(ref.csl)[0] == "id" and ref.csl["id"] == work.id == ref.work_id
            assert {k: v for k, v in ref.csl.items() if k != "id"} == {
                k: v for k, v in items[ref.raw].items() if k != "id"
            }
    shared = [ref.csl for e in linked for ref in e.references if ref.raw == "short"]
    assert all(item is shared[0] for item in shared)  # one item per printed string and work
    assert items["full"]["id"] == "mine"  # the parser's items are left as they were


def _with_sentences(entry_: Entry, said: str) -> Entry:
    """``entry_`` with each reference cited by one sentence saying ``said``."""
    refs = tuple(replace(r, cited_in=(Citation("1", f"{said} ^[{r.number}]"),)) for r in entry_.references)
    return replace(entry_, references=refs)


def test_an_index_made_again_from_what_the_last_one_kept_is_the_index_made_afresh() -> None:
    from evdigest.refs.index import linking, relink

    alpha, beta = pair_entries()
    # a number printed twice, by two strings and by one string (the last reference of a number cites)
    twice = (*beta.references, replace(beta.references[0], cited_in=()), replace(beta.references[1], raw="Lee K."))
    entries = [_with_sentences(alpha, "Before"), replace(beta, references=twice)]
    made = linking(*build_index(entries))
    later = [_with_sentences(alpha, "After"), entries[1]]  # the bodies changed, the reference strings did not
    linked, works = relink(later, made)
    assert (linked, works) == build_index(later)
    assert {s.sentence for w in works for c in w.cited_by if c.entry == alpha.slug for s in c.sentences} == {
        f"After ^[{r.number}]" for r in alpha.references
    }


def test_a_build_whose_reference_strings_are_the_last_one_s_does_not_make_the_index_again(monkeypatch) -> None:
    from evdigest.build.cache import UsedMemo
    from evdigest.build.renderers import RealStages
    from evdigest.refs import index as index_module
    from evdigest.refs import parse as parse_module

    alpha, beta = pair_entries()
    first = UsedMemo({})
    RealStages().enrich([alpha, beta], first)
    later = [_with_sentences(alpha, "A sentence added to the body"), beta]
    fresh = RealStages().enrich(later, UsedMemo({}))

    def fails(*args, **kwargs):
        raise AssertionError("the index is made from what the last build kept")

    monkeypatch.setattr(index_module, "build_index", fails)
    monkeypatch.setattr(parse_module, "parse_reference", fails)
    again = UsedMemo(first.kept())
    assert RealStages().enrich(later, again) == fresh
    assert again.kept().keys() == first.kept().keys()  # what later builds parse from is kept


def test_a_first_author_s_particle_leaves_the_work_s_block_alone() -> None:
    """``van Niel G``, ``G. van Niel`` and ``Niel, G. van``: the family name printed with its particle or read apart
    from it (CSL's dropping particle), one block of titles to compare."""
    title = "Shedding light on the cell biology of extracellular vesicles"
    printed = [
        f"van Niel G, D'Angelo G, Raposo G. {title}. Nat Rev Mol Cell Biol. 2018;19(4):213-228.",
        f"G. van Niel, G. D'Angelo, and G. Raposo, “{title},” Nat. Rev. Mol. Cell Biol., vol. 19, pp. 213-228, 2018.",
        f"Niel, G. van, D'Angelo, G., & Raposo, G. (2018). {title}. Nat Rev Mol Cell Biol, 19(4), 213-228.",
    ]
    assert {first_family(parse_reference(raw).item) for raw in printed} == {"niel"}
    assert first_family({"author": [{"family": "De Luca"}]}) == "luca"
    assert first_family({"author": [{"family": "Di"}]}) == "di"


def test_the_index_is_kept_under_its_reference_strings_whichever_objects_hold_them() -> None:
    """Two entries citing one string give the same key whether their references share the string or hold
    equal copies of it (a build reading its sources afresh makes copies; one reading them back, shared ones)."""
    from evdigest.refs.index import linking_key

    printed = "Kalluri R, LeBleu VS. The biology, function, and biomedical applications of exosomes. Science. 2020."
    copy = "".join(list(printed))
    assert copy is not printed
    shared = [entry("a", printed), entry("b", printed)]
    copied = [entry("a", printed), entry("b", copy)]
    assert linking_key(shared) == linking_key(copied)
    assert linking_key(shared) != linking_key([entry("a", printed), entry("b", printed + " ")])


@pytest.mark.parametrize(
    ("family", "block"),
    [
        # a particle that is a Chinese, Korean or Vietnamese family name too, before initials or a given name
        ("DU QF", "du"),
        ("Le Van", "le"),
        ("Do Van Minh", "do"),
        ("Du Xiaoming", "du"),
        # a family name of particles only
        ("van der", "van"),
        # before a Latin family name the same particle is a particle
        ("Du Bois", "bois"),
        ("Le Blanc", "blanc"),
        ("de la Cruz", "cruz"),
        ("Da Silva", "silva"),
    ],
)
def test_a_particle_that_is_a_family_name_too_is_the_block_before_no_latin_name(family: str, block: str) -> None:
    assert first_family({"author": [{"family": family}]}) == block


# First authors whose surnames read otherwise than their characters' common readings (单 Shan, not Dan).
SURNAMED = {
    "单文": "shan2021",
    "曾明": "zeng2021",
    "区华": "ou2021",
    "解放": "xie2021",
    "仇华": "qiu2021",
    "尉迟恭": "yuchi2021",
}


def test_a_chinese_first_author_is_keyed_and_sorted_by_the_reading_of_the_surname() -> None:
    """单文 is keyed ``shan2021…`` and sorted under S, not ``dan2021…`` under D; 曾明 under Z, 区华 under O,
    解放 under X, 仇华 under Q; a compound surname is read whole (尉迟 Yuchi)."""
    raws = [
        f"{name}, 李明. 外泌体研究{n}[J]. 中国医科大学学报, 2021, 50(10): 957-959." for n, name in enumerate(SURNAMED)
    ]
    entry = Entry(id="e", slug="e", source="sources/e.md", family="chinaxiv", added="2026-01-10")
    entry = replace(entry, references=tuple(Reference(n, raw) for n, raw in enumerate(raws, start=1)))
    _, works = build_index([entry])
    keys = {w.csl["author"][0]["family"] + w.csl["author"][0]["given"]: w.key for w in works}
    assert {name: key[: len(SURNAMED[name])] for name, key in keys.items()} == SURNAMED
    assert list(keys) == ["区华", "仇华", "单文", "解放", "尉迟恭", "曾明"]


def test_an_organisation_read_as_a_family_name_keeps_its_characters_common_readings() -> None:
    """A first author longer than a person's name (重点实验室 read as family 重, given 点实验室; 解放军总医院) is an
    organisation's: keyed and sorted by its characters' common readings (zhong, jie), not as a surname (chong,
    xie)."""
    from evdigest.refs.cite_keys import base_key
    from evdigest.render.index_view import first_author_key

    for family, rest, key in (("重", "点实验室", "zhong"), ("解", "放军总医院", "jie"), ("单", "文", "shan")):
        csl = {"author": [{"family": family, "given": rest}], "issued": {"date-parts": [[2021]]}, "title": "T"}
        assert base_key(csl).startswith(f"{key}2021")
        assert first_author_key(csl, "").startswith(key)
