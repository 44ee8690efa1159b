"""Slugs and ids: path-safe, unique, stable whatever the rest of the corpus."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Author, Bilingual, Entry
from evdigest.sources.slug import MAX_LENGTH, assign_slugs, make_id, make_slug

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def entry(
    source: str,
    *,
    en: str | None = None,
    zh: str | None = None,
    family: str | None = "Liu",
    year: int | None = 2025,
    doi: str | None = None,
) -> Entry:
    authors = (Author(name=family or "", family=family),) if family else ()
    return Entry(
        id="",
        slug="",
        source=source,
        family="pubmed-cn",
        title=Bilingual(en=en, zh=zh),
        authors=authors,
        year=year,
        doi=doi,
    )


def valid(slug: str) -> bool:
    return bool(SLUG.match(slug)) and len(slug) <= MAX_LENGTH and ".." not in slug and "/" not in slug


def test_slug_from_author_year_title() -> None:
    assert (
        make_slug(entry("a.txt", en="Migrasomes: the functional footprints left by cell migration."))
        == "liu-2025-migrasomes-functional-footprints"
    )


def test_accents_are_folded() -> None:
    assert make_slug(entry("a.txt", en="Café vesicles", family="Müller")) == "muller-2025-cafe-vesicles"


def test_chinese_only_metadata_uses_pinyin() -> None:
    slug = make_slug(entry("a.txt", zh="外泌体分泌调控机制", family="吕"))
    assert slug == "lv-2025-wai-mi-ti-fen-mi-tiao-kong-ji"


def test_two_chinese_only_titles_do_not_collapse() -> None:
    a = entry("a.txt", zh="外泌体分泌调控", family=None, year=None)
    b = entry("b.txt", zh="迁移体生物学功能", family=None, year=None)
    slugs = [e.slug for e in assign_slugs([a, b])]
    assert all(slugs) and len(set(slugs)) == 2 and all(valid(s) for s in slugs)


def test_same_base_different_papers_get_distinct_stable_suffixes() -> None:
    a = entry("sources/a.txt", zh="外泌体综述", family=None, year=None)
    b = entry("sources/b.txt", zh="外泌体综述", family=None, year=None)
    first = [e.slug for e in assign_slugs([a, b])]
    second = [e.slug for e in assign_slugs([b, a])]
    assert first[0] != first[1]
    assert first == second[::-1]


def test_slug_does_not_depend_on_the_rest_of_the_corpus() -> None:
    a = entry("sources/a.txt", en="Exosome secretion")
    other = entry("sources/z.txt", en="Something else entirely", family="Zhou")
    alone = assign_slugs([a])[0]
    together = assign_slugs([other, a])[1]
    assert alone.slug == together.slug and alone.id == together.id


def test_same_doi_keeps_one_slug() -> None:
    a = entry("sources/a.txt", en="Exosome secretion", doi="10.1/x")
    b = entry("sources/b.txt", en="Exosome secretion", doi="10.1/x")
    assert len({e.slug for e in assign_slugs([a, b])}) == 1


def test_nothing_usable_falls_back_to_doi_then_hash() -> None:
    bare = entry("sources/x.txt", family=None, year=None)
    assert re.fullmatch(r"entry-[0-9a-f]{8}", make_slug(bare))
    with_doi = entry("sources/x.txt", family=None, year=None, doi="10.1080/15384101.2025.2601237")
    assert make_slug(with_doi) == "doi-10.1080-15384101.2025.2601237"


def test_id_is_stable_and_distinct() -> None:
    a, b = entry("a.txt"), entry("b.txt")
    assert make_id(a) == make_id(entry("a.txt")) and make_id(a) != make_id(b)
    assert make_id(entry("a.txt", doi="10.1/X")) == make_id(entry("other.txt", doi="10.1/x"))


def test_long_titles_are_cut() -> None:
    slug = make_slug(
        entry("a.txt", en="Supercalifragilisticexpialidocious " * 10, family="Wolfeschlegelsteinhausenbergerdorff" * 3)
    )
    assert valid(slug)


@given(st.text(max_size=200), st.text(max_size=30), st.one_of(st.none(), st.integers(1000, 2999)))
def test_any_metadata_gives_a_valid_slug(title: str, family: str, year: int | None) -> None:
    e = entry("../dir/../x.txt", en=title, zh=title, family=family or None, year=year)
    slug = assign_slugs([e])[0].slug
    assert valid(slug), slug
