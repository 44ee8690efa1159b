"""Journal articles written without citeproc-py give exactly citeproc-py's markup (bundled styles only)."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs import format as fmt
from evdigest.refs.format_native import gbt_article, native_writer, nlm_article
from evdigest.refs.parse import parse_reference

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = Path(__file__).resolve().parents[1] / "content"
NLM = "nlm-citation-sequence"
GBT = "china-national-standard-gb-t-7714-2015-numeric"


@pytest.fixture(scope="module")
def formatters() -> dict[str, fmt.Formatter]:
    return {NLM: fmt.Formatter(NLM), GBT: fmt.Formatter(GBT)}


def citeproc_markup(formatter: fmt.Formatter, prepared: dict) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return formatter._render(prepared)


def real_references() -> list[tuple[dict, bool]]:
    """Every reference of the samples and the Chinese full texts, and every AnyStyle string, as parsed."""
    from evdigest.ingest import ingest

    sources = sorted((FIXTURES / "chinaxiv").glob("*.md")) + sorted((CONTENT / "sources").glob("*.txt"))
    raws = [r.raw for e in ingest(sources, CONTENT).entries for r in e.references]
    for name in ("core.xml", "gold.xml"):
        for sequence in ET.parse(FIXTURES / "anystyle" / name).getroot().iter("sequence"):
            raws.append(" ".join(" ".join((c.text or "").split()) for c in sequence if (c.text or "").strip()))
    parsed = [parse_reference(raw) for raw in raws]
    return [(p.item, p.et_al) for p in parsed]


@pytest.mark.slow
def test_real_articles_come_out_as_citeproc_writes_them(formatters) -> None:
    items = real_references()
    assert len(items) > 2000
    native = 0
    for item, et_al in items:
        prepared = fmt._prepared(item, et_al)
        for style, write in ((NLM, nlm_article), (GBT, gbt_article)):
            mine = write(prepared)
            if mine is None:
                continue
            native += 1
            assert mine == citeproc_markup(formatters[style], prepared), (style, item)
    assert native > len(items)  # most articles (in both styles) are written natively


# Parts of plain journal articles, including the shapes the writer must refuse.
FAMILIES = st.sampled_from(["Kalluri", "LeBleu", "Scholz-Chen", "O'Neil", "van Niel", "Müller", "Zhang", "吕", "欧阳"])
GIVENS = st.sampled_from(["R.", "V. S.", "VS", "Jean-Paul", "J.-P.", "Jin-yi", "Étienne", "茹月", "元", "a.", ""])
PERSON = st.fixed_dictionaries({"family": FAMILIES, "given": GIVENS})
TITLES = st.sampled_from(
    [
        "Exosomes in hypoxia-induced remodeling of the tumor microenvironment",
        "What is an exosome?",
        "Exosomes: a missing link between inflammation and Alzheimer's disease?",
        "Why? Two questions?",
        "Really!",
        "外泌体研究进展",
        "The P4-ATPase TAT-5 inhibits budding (in C. elegans)",
        "Cargo & sorting",
        "Trailing period.",
    ]
)
JOURNALS = st.sampled_from(
    ["Cancer Lett", "Proc. Natl. Acad. Sci. U.S.A.", "中国组织工程研究", "iScience", "J Extracell Vesicles"]
)
PAGES = st.sampled_from(
    [
        "18-28",
        "302-313",
        "2-23",
        "40-4",
        "E1127-E1136",
        "e12002",
        "7630-2504",
        "1752",
        "101–124",
        "eaau6977",
        "eaa1-eaa9",
    ]
)
ARTICLES = st.fixed_dictionaries(
    {
        "type": st.just("article-journal"),
        "author": st.lists(PERSON, min_size=1, max_size=9),
        "title": TITLES,
        "container-title": JOURNALS,
        "issued": st.sampled_from(
            [
                {"date-parts": [[2020]]},
                {"date-parts": [[2021, 3]]},
                {"date-parts": [[2018, 11, 23]]},
                {"date-parts": [[2019, 9, 1]]},
                {"date-parts": [[1999]]},
            ]
        ),
    },
    optional={
        "container-title-short": JOURNALS,
        "volume": st.sampled_from(["4", "367", "12A"]),
        "issue": st.sampled_from(["1", "6478", "S1", "1-2", "3-4", "1–2", "Suppl 1", "Suppl. 2", "Suppl"]),
        "page": PAGES,
        "number": st.sampled_from(["e12002", "583", "eaau6977"]),
        "DOI": st.sampled_from(["10.1126/science.aau6977", "10.1016/0304-3975(94)00281-M"]),
        "language": st.sampled_from(["zh", "en"]),
        "PMID": st.just("32029601"),
    },
)


@settings(max_examples=300, deadline=None)
@given(item=ARTICLES, et_al=st.booleans())
def test_generated_articles_come_out_as_citeproc_writes_them_or_are_left_to_it(formatters, item, et_al) -> None:
    prepared = fmt._prepared(item, et_al)
    for style, write in ((NLM, nlm_article), (GBT, gbt_article)):
        mine = write(prepared)
        if mine is not None:
            assert mine == citeproc_markup(formatters[style], prepared), style


def test_only_the_bundled_style_files_are_written_natively(tmp_path: Path) -> None:
    from evdigest.refs import format_native

    assert format_native.ET_AL_NAME == fmt.ET_AL_NAME  # the cut-short marker both paths write
    bundled = fmt.style_path(NLM).read_bytes()
    assert native_writer(bundled) is nlm_article
    assert native_writer(fmt.style_path(GBT).read_bytes()) is gbt_article
    changed = tmp_path / "nlm-copy.csl"
    changed.write_bytes(bundled.replace(b'et-al-min="7" et-al-use-first="6"', b'et-al-min="3" et-al-use-first="1"'))
    assert native_writer(changed.read_bytes()) is None
    copy = fmt.Formatter(str(changed))
    assert copy.native is None
    item = {
        "type": "article-journal",
        "author": [{"family": f"Author{c}", "given": "A."} for c in "ABCD"],
        "title": "Exosomes",
        "container-title": "Cancer Lett",
        "issued": {"date-parts": [[2020]]},
    }
    assert copy.format(item).text.startswith("AuthorA A et al. Exosomes")  # the changed rule applies
    assert fmt.Formatter(NLM).format(item).text.startswith("AuthorA A, AuthorB A, AuthorC A, AuthorD A. Exosomes")
