"""Slugs and ids: path-safe, unique, stable whatever the rest of the corpus."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import Author, Bilingual, Entry
from evdigest.sources.merge import merge_duplicates
from evdigest.sources.same_paper import same_paper
from evdigest.sources.slug import (
    HASH_LENGTH,
    MAX_LENGTH,
    assign_slugs,
    identity,
    make_id,
    make_slug,
    readable_base,
    short_hash,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# A slug split into its readable base and its hash: "liu-2025-migrasomes-3f2a9c1b"
SLUG_PARTS = re.compile(rf"^(?P<base>.+)-(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})$")


def entry(
    source: str,
    *,
    en: str | None = None,
    zh: str | None = None,
    family: str | None = "Liu",
    year: int | None = 2025,
    doi: str | None = None,
    kind: str = "pubmed-cn",
) -> Entry:
    authors = (Author(name=family or "", family=family),) if family else ()
    return Entry(
        id="",
        slug="",
        source=source,
        family=kind,
        title=Bilingual(en=en, zh=zh),
        authors=authors,
        year=year,
        doi=doi,
    )


def valid(slug: str) -> bool:
    return bool(SLUG.match(slug)) and len(slug) <= MAX_LENGTH and ".." not in slug and "/" not in slug


def parts(slug: str) -> tuple[str, str]:
    match = SLUG_PARTS.match(slug)
    assert match, slug
    return match["base"], match["hash"]


def test_slug_is_readable_base_and_identity_hash() -> None:
    e = entry("a.txt", en="Migrasomes: the functional footprints left by cell migration.", doi="10.1/X")
    base, digest = parts(make_slug(e))
    assert base == readable_base(e) == "liu-2025-migrasomes-functional-footprints"
    assert digest == short_hash("doi:10.1/x") and identity(e) == "doi:10.1/x"


def test_identity_without_doi_is_author_year_title_then_source() -> None:
    a = entry("a.txt", en="Migrasomes: a review.")
    b = entry("b.txt", en="MIGRASOMES — A REVIEW")
    assert identity(a) == identity(b) == "work:liu|2025|migrasomesareview"
    assert identity(entry("c.txt", family=None, year=None)) == "source:c.txt"
    assert identity(entry("a.txt", doi="https://doi.org/10.1/AB ")) == "doi:10.1/ab"


def test_accents_are_folded() -> None:
    base, _ = parts(make_slug(entry("a.txt", en="Café vesicles", family="Müller")))
    assert base == "muller-2025-cafe-vesicles"


def test_chinese_only_metadata_uses_pinyin() -> None:
    base, _ = parts(make_slug(entry("a.txt", zh="外泌体分泌调控机制", family="吕")))
    assert base == "lv-2025-wai-mi-ti-fen-mi-tiao-kong-ji"


def test_two_chinese_only_titles_do_not_collapse() -> None:
    a = entry("a.txt", zh="外泌体分泌调控机制的研究进展", family=None, year=None)
    b = entry("b.txt", zh="外泌体分泌调控机制与疾病", family=None, year=None)
    slugs = [e.slug for e in assign_slugs([a, b])]
    assert parts(slugs[0])[0] == parts(slugs[1])[0] != ""
    assert len(set(slugs)) == 2 and all(valid(s) for s in slugs)


def test_adding_a_colliding_source_does_not_change_an_existing_slug() -> None:
    first = entry("sources/a.txt", en="Exosome secretion reviewed: health", doi="10.1/a")
    second = entry("sources/b.txt", en="Exosome secretion reviewed: disease", doi="10.1/b")
    alone = assign_slugs([first])[0].slug
    together = {e.source: e.slug for e in merge_duplicates(assign_slugs([second, first]))}
    assert readable_base(first) == readable_base(second)
    assert together["sources/a.txt"] == alone != together["sources/b.txt"]


def test_same_doi_keeps_one_slug_and_merges() -> None:
    a = entry("sources/a.txt", en="Exosome secretion", doi="10.1/x")
    b = entry("sources/b.txt", en="Exosome secretion", doi="10.1/X", kind="platform-record")
    slugs = {e.slug for e in assign_slugs([a, b])}
    merged = merge_duplicates(assign_slugs([b, a]))
    assert len(slugs) == 1 and [e.slug for e in merged] == list(slugs)
    assert merged[0].source == "sources/a.txt" and merged[0].also_from == ("sources/b.txt",)


def test_same_work_without_doi_merges() -> None:
    a = entry("sources/a.txt", en="Exosome secretion.")
    b = entry("sources/b.txt", en="Exosome Secretion", kind="platform-record")
    merged = merge_duplicates(assign_slugs([a, b]))
    assert len(merged) == 1
    assert any("same first author, year and title" in w.message for w in merged[0].warnings)


def test_nothing_usable_falls_back_to_doi_then_source_hash() -> None:
    bare = entry("sources/x.txt", family=None, year=None)
    assert make_slug(bare) == f"entry-{short_hash('source:sources/x.txt')}"
    with_doi = entry("sources/x.txt", family=None, year=None, doi="10.1080/15384101.2025.2601237")
    assert parts(make_slug(with_doi))[0] == "doi-10.1080-15384101.2025.2601237"


def test_id_is_stable_and_distinct() -> None:
    a, b = entry("a.txt"), entry("b.txt")
    assert make_id(a) == make_id(entry("a.txt")) and make_id(a) != make_id(b)
    assert make_id(entry("a.txt", doi="10.1/X")) == make_id(entry("other.txt", doi="10.1/x"))


def test_long_titles_are_cut() -> None:
    slug = make_slug(
        entry("a.txt", en="Supercalifragilisticexpialidocious " * 10, family="Wolfeschlegelsteinhausenbergerdorff" * 3)
    )
    assert valid(slug) and parts(slug)


@given(st.text(max_size=200), st.text(max_size=30), st.one_of(st.none(), st.integers(1000, 2999)))
def test_any_metadata_gives_a_valid_slug(title: str, family: str, year: int | None) -> None:
    e = entry("../dir/../x.txt", en=title, zh=title, family=family or None, year=year)
    slug = assign_slugs([e])[0].slug
    assert valid(slug), slug
    assert parts(slug)


# Papers whose readable bases often collide: few words, few characters, few authors and years.
WORDS = st.sampled_from(["exosome", "vesicle", "secretion", "review", "the", "of"])
PAPERS = st.tuples(
    st.one_of(st.none(), st.lists(WORDS, min_size=1, max_size=5).map(" ".join)),
    st.one_of(st.none(), st.text(alphabet="外泌体迁移囊泡", min_size=1, max_size=10)),
    st.sampled_from([None, "Liu", "吕", "Zhang"]),
    st.sampled_from([None, 2025, 2026]),
    st.one_of(st.none(), st.integers(0, 40).map(lambda n: f"10.1000/{n}")),
)


def corpus(papers: list[tuple]) -> list[Entry]:
    """One source per paper (several sources of one paper share its metadata)."""
    return [
        entry(f"sources/{i}.txt", en=en, zh=zh, family=family, year=year, doi=doi)
        for i, (en, zh, family, year, doi) in enumerate(papers)
    ]


def slug_of_each_source(entries: list[Entry]) -> dict[str, str]:
    merged = merge_duplicates(assign_slugs(entries))
    slugs = [e.slug for e in merged]
    assert len(slugs) == len(set(slugs)), "slugs must be unique across the corpus"
    return {source: e.slug for e in merged for source in (e.source, *e.also_from)}


def distinct(papers: list[tuple]) -> list[tuple]:
    """The papers none of which is another: a paper without a DOI that is the same paper as one that gives a
    DOI (pasted without its DOI), so only the first of the two is kept."""
    kept: list[tuple] = []
    for paper in papers:
        mine = corpus([paper])[0]
        if all(bool(mine.doi) == bool(other.doi) or same_paper(mine, other) is not True for other in corpus(kept)):
            kept.append(paper)
    return kept


@given(
    st.lists(PAPERS, min_size=1, max_size=12, unique_by=lambda p: identity(corpus([p])[0])).map(distinct),
    st.lists(st.integers(0, 11), max_size=4),
    st.randoms(use_true_random=False),
    st.integers(0, 12),
)
@settings(max_examples=150, deadline=None)
def test_permutations_and_additions_never_change_a_slug(papers, repeats, random, keep) -> None:
    # Sources of the same paper repeated under other names (pasted twice) are merged, keeping the slug.
    papers = papers + [papers[i] for i in repeats if i < len(papers)]
    full = corpus(papers)
    shuffled = full[:]
    random.shuffle(shuffled)
    everything = slug_of_each_source(full)
    assert slug_of_each_source(shuffled) == everything
    assert all(valid(s) for s in everything.values())
    subset = shuffled[:keep]
    assert slug_of_each_source(subset) == {e.source: everything[e.source] for e in subset}
    # One entry per paper: as many slugs as identities (sources without title or DOI stay apart).
    assert len(set(everything.values())) == len({identity(e) for e in full})


def test_chinese_only_author_gives_the_family_name() -> None:
    e = dataclasses.replace(
        entry("a.txt", zh="外泌体在肝纤维化治疗中的研究进展"), authors=(Author(name="", name_zh="刘芳"),)
    )
    assert readable_base(e).startswith("liu-2025-wai-mi-ti")
    compound = dataclasses.replace(e, authors=(Author(name="欧阳修"),))
    assert readable_base(compound).startswith("ouyang-2025-")
    # a surname read otherwise than the character's common reading, as the citation key reads it
    for name, start in (("单文", "shan-2025-"), ("曾明", "zeng-2025-"), ("区华", "ou-2025-"), ("解放", "xie-2025-")):
        assert readable_base(dataclasses.replace(e, authors=(Author(name="", name_zh=name),))).startswith(start)


def test_a_copy_without_doi_takes_the_slug_its_doi_gives() -> None:
    with_doi = entry("sources/b.txt", en="Exosome secretion", doi="10.1/x")
    without = entry("sources/a.txt", en="Exosome secretion.")
    alone = assign_slugs([with_doi])[0]
    for order in ([with_doi, without], [without, with_doi]):
        (merged,) = merge_duplicates(assign_slugs(order))
        assert (merged.slug, merged.id) == (alone.slug, alone.id)
        assert merged.source == "sources/a.txt" and merged.doi == "10.1/x"


def test_without_a_publication_year_the_slug_takes_the_year_the_paper_is_dated_by() -> None:
    from evdigest.model import Dates

    posted = dataclasses.replace(entry("a.txt", en="Exosomes", year=None), dates=Dates(online="2017-12"))
    assert parts(make_slug(posted))[0] == "liu-2017-exosomes"
    # the hash is that of the identity, which the year dated by does not enter: the slug's hash stays
    assert parts(make_slug(posted))[1] == parts(make_slug(entry("a.txt", en="Exosomes", year=None)))[1]
    # a publication year first; received and accepted dates date no paper
    published = dataclasses.replace(posted, year=2019)
    assert parts(make_slug(published))[0] == "liu-2019-exosomes"
    received = dataclasses.replace(posted, dates=Dates(received="2016-03-01"))
    assert parts(make_slug(received))[0] == "liu-exosomes"


def test_an_organisation_first_author_is_read_as_any_text() -> None:
    """An organisation printed as the first author (解放军总医院检验科) is no person: its first character keeps its
    common reading (jie), where a person's surname 解 is xie."""
    e = entry("a.txt", zh="外泌体在肝纤维化治疗中的研究进展")
    organisation = dataclasses.replace(e, authors=(Author(name="解放军总医院检验科"),))
    assert readable_base(organisation).startswith("jie-2025-")
    person = dataclasses.replace(e, authors=(Author(name="解放"),))
    assert readable_base(person).startswith("xie-2025-")
