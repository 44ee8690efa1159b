"""The reference list of an entry, on its page and in its PDF: each reference as the entry printed it, linked once,
reachable by id."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_site_render import XHTML, check_links, parse_page, render_site

from evdigest.config import Config
from evdigest.model import Bilingual, Citation, Digest, Entry, Journal, Reference
from evdigest.refs.index import build_index
from evdigest.render.pdf_view import ViewBuilder

# One paper printed by two entries: cut short by one (et al.), with all five authors by the other.
JOHNSTONE_CUT = (
    "Johnstone RM,Adam M,Hammond JR,et al. Vesicle formation during reticulocyte maturation.Association of plasma "
    "membrane activities with released vesicles (exosomes)[J].JBiol Chem,1987, 262(19): 9412-20."
)
JOHNSTONE_WHOLE = (
    "Johnstone RM, Adam M, Hammond JR, Orr L, Turbide C. Vesicle formation during reticulocyte maturation. "
    "Association of plasma membrane activities with released vesicles (exosomes)[J]. J Biol Chem. 1987;"
    "262(19):9412-9420."
)


def entry(slug: str, *refs: str) -> Entry:
    """A Chinese review printing ``refs``, numbered from 1."""
    return Entry(
        id=slug,
        slug=slug,
        source=f"sources/{slug}.md",
        family="chinaxiv",
        title=Bilingual("Seminal exosomes", "精液外泌体的研究进展"),
        journal=Journal("ChinaXiv", "中国科学院科技论文预发布平台"),
        year=2017,
        references=tuple(Reference(n, raw) for n, raw in enumerate(refs, start=1)),
        added="2026-01-10",
    )


def indexed(*entries: Entry) -> Digest:
    """The digest of ``entries`` with their references parsed and deduplicated."""
    linked, works = build_index(entries)
    return Digest(tuple(linked), works, ())


def reference_texts(site: Path, code: str, slug: str) -> dict[str, str]:
    """The text of each item of an entry page's reference list, by its id (without the trailing links)."""
    root = parse_page(site / code / "entries" / slug / "index.html")
    items = root.iter(f"{XHTML}li")
    return {li.get("id"): "".join(li.find(f"{XHTML}span").itertext()) for li in items if li.get("id", "")[:4] == "ref-"}


@pytest.fixture(scope="module")
def johnstone_site(tmp_path_factory) -> Path:
    digest = indexed(entry("yang-semen", JOHNSTONE_CUT), entry("yan-lung", JOHNSTONE_WHOLE))
    assert len(digest.works) == 1 and not digest.works[0].et_al
    site, _ = render_site(tmp_path_factory.mktemp("site"), digest)
    return site


def test_an_entry_page_shows_a_reference_cut_short_as_it_printed_it(johnstone_site: Path) -> None:
    title = "Vesicle formation during reticulocyte maturation.Association of plasma membrane activities with released"
    assert reference_texts(johnstone_site, "en", "yang-semen") == {
        "ref-1": f"Johnstone RM, Adam M, Hammond JR, et al. {title} vesicles (exosomes). JBiol Chem. 1987;262(19):9412–20."
    }
    assert reference_texts(johnstone_site, "zh-hans", "yang-semen") == {
        "ref-1": f"JOHNSTONE R M, ADAM M, HAMMOND J R, et al. {title} vesicles (exosomes)[J]. JBiol Chem, 1987, "
        "262(19): 9412-9420."
    }
    whole = reference_texts(johnstone_site, "en", "yan-lung")["ref-1"]
    assert whole.startswith("Johnstone RM, Adam M, Hammond JR, Orr L, Turbide C. Vesicle formation")


def test_a_pdf_shows_a_reference_cut_short_as_it_printed_it(tmp_path: Path) -> None:
    digest = indexed(entry("yang-semen", JOHNSTONE_CUT), entry("yan-lung", JOHNSTONE_WHOLE))
    views = ViewBuilder(Config(content_dir=tmp_path), digest.works)
    cut, whole = (views.reference(e.references[0], "en").html for e in digest.entries)
    assert cut.startswith("Johnstone RM, Adam M, Hammond JR, et al. Vesicle formation")
    assert whole.startswith("Johnstone RM, Adam M, Hammond JR, Orr L, Turbide C. Vesicle formation")


ROTHWELL = (
    "Rothwell DG,Ayub M, Cook N, et al. Utility of ctDNA to support patient selection for early phase clinical "
    "trials: theTARGETstudy[J].NatMed.2019;25(5):738-743. doi:10.1038/s41591-019-0380-z."
)


def shown_links(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each reference a page lists (an item holding a ``ref-text``): its text and its links' labels and targets."""
    shown = []
    for li in parse_page(path).iter(f"{XHTML}li"):
        text = next((el for el in li if el.get("class") == "ref-text"), None)
        if text is not None:
            links = [("".join(a.itertext()), a.get("href")) for a in li if a.get("class") == "ref-link"]
            shown.append(("".join(text.itertext()), links))
    return shown


def test_a_doi_printed_in_a_reference_is_linked_under_a_short_label(tmp_path: Path) -> None:
    site, _ = render_site(tmp_path, indexed(entry("yan-lung", ROTHWELL)))
    pages = [site / code / "entries" / "yan-lung" / "index.html" for code in ("en", "zh-hans")]
    pages += [site / code / "references" / "r" / "index.html" for code in ("en", "zh-hans")]
    for page in pages:
        ((text, links),) = shown_links(page)
        assert text.count("10.1038/s41591-019-0380-z") == 1, page
        assert links == [("DOI", "https://doi.org/10.1038/s41591-019-0380-z")], page


# A source numbering two references 3, its sentence citing [3].
WU = (
    "Wu G, Zheng J. Urinary exosomes in kidney injury[J]. Kidney Int, 2020, 98(2): 300-310.",
    "Zheng J. Exosome proteins[J]. J Am Soc Nephrol, 2019, 30(1): 10-20.",
    "Wu G. Stem cell exosomes for acute kidney injury[J]. Stem Cells, 2021, 39(5): 500-510.",
    "Li X. Duplicate number example[J]. Kidney Dis, 2018, 4(2): 80-90.",
    "Chen Y. A reference after a gap[J]. Nephron, 2017, 135(1): 1-9.",
)


def wu_entry() -> Entry:
    """A review whose reference list numbers two references 3 and skips 4."""
    cited = (Citation("2", "间充质干细胞外泌体可以减轻急性肾损伤^[3]。"),)
    refs = [Reference(n, raw, cited if n == 3 else ()) for n, raw in zip((1, 2, 3, 3, 5), WU, strict=True)]
    return replace(entry("wu-kidney"), references=tuple(refs))


def test_references_numbered_alike_have_their_own_ids_and_a_marker_leads_to_the_first(tmp_path: Path) -> None:
    site, _ = render_site(tmp_path, indexed(wu_entry()))
    for code in ("en", "zh-hans"):
        root = parse_page(site / code / "entries" / "wu-kidney" / "index.html")
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), code
        items = [li for li in root.iter(f"{XHTML}li") if li.get("id", "").startswith("ref-")]
        assert [(li.get("id"), li.get("value")) for li in items] == [
            ("ref-1", "1"),
            ("ref-2", "2"),
            ("ref-3", "3"),
            ("ref-3-2", "3"),
            ("ref-5", "5"),
        ]
        markers = {a.get("href") for a in root.iter(f"{XHTML}a") if (a.get("href") or "").startswith("#ref-")}
        assert markers == {"#ref-3"}, code
    assert back_links(site, "en") == {
        "Wu G, Zheng J.": "#ref-1",
        "Zheng J.": "#ref-2",
        "Wu G.": "#ref-3",
        "Li X.": "#ref-3-2",
        "Chen Y.": "#ref-5",
    }
    assert check_links(site) > 0


def back_links(site: Path, code: str) -> dict[str, str]:
    """The works of the reference index, by their authors, and where each one's back-link leads."""
    found = {}
    for page in sorted((site / code / "references").glob("*/index.html")):
        for li in parse_page(page).iter(f"{XHTML}li"):
            text = next((el for el in li if el.get("class") == "ref-text"), None)
            if text is not None:
                shown = "".join(text.itertext())
                (cited,) = [el for el in li if el.get("class") == "cited-by"]
                (link,) = cited.iterfind(f"{XHTML}ul/{XHTML}li/{XHTML}a")
                found[shown[: shown.index(".") + 1]] = link.get("href").split("/")[-1]
    return found


# Chapters in books whose editor lists were printed cut short, in English (Vancouver) and Chinese (GB/T 7714).
SMITH_CHAPTER = (
    "Smith J. Exosome biology. In: Jones K, et al., editors. Extracellular vesicles. Boston: Springer; 2010. p. 1-10."
)
WANG_CHAPTER = "王五. 外泌体的生物学[M]//王五, 赵六, 等. 细胞生物学. 北京: 科学出版社, 2015: 12-30."
EDITORS_CUT_SHORT = {
    "en": {
        "ref-1": "Smith J. Exosome biology. In: Jones K, et al., editors. Extracellular vesicles. Boston: Springer; "
        "2010. p. 1–10.",
        "ref-2": "王五. 外泌体的生物学. In: 王五, 赵六, 等, editors. 细胞生物学. 北京: 科学出版社; 2015. p. 12–30.",
    },
    "zh-hans": {
        "ref-1": "SMITH J. Exosome biology[M]//JONES K, et al. Extracellular vesicles. Boston: Springer, 2010: 1-10.",
        "ref-2": "王五. 外泌体的生物学[M]//王五, 赵六, 等. 细胞生物学. 北京: 科学出版社, 2015: 12-30.",
    },
}


def test_an_editor_list_cut_short_ends_in_et_al_on_the_pages_and_in_the_pdfs(tmp_path: Path) -> None:
    """The entry page, the reference index and the PDF write a book's editors printed cut short as the edition's
    style writes the et-al term (``In: Jones K, et al., editors.``, ``//王五, 赵六, 等.``)."""
    digest = indexed(entry("yan-lung", SMITH_CHAPTER, WANG_CHAPTER))
    assert [work.editors_et_al for work in digest.works] == [True, True]
    site, _ = render_site(tmp_path / "site", digest)
    views = ViewBuilder(Config(content_dir=tmp_path), digest.works)
    for code, expected in EDITORS_CUT_SHORT.items():
        assert reference_texts(site, code, "yan-lung") == expected
        index = [text for page in (site / code / "references").glob("*/index.html") for text, _ in shown_links(page)]
        assert sorted(index) == sorted(expected.values())
        refs = [str(views.reference(ref, code).html) for ref in digest.entries[0].references]
        works = [str(views.work(work, code).html) for work in digest.works]
        assert refs == list(expected.values()) and sorted(works) == sorted(expected.values())


# A Chinese reference whose authors' names read as words too: 沈阳 (a city), 范 (範, a pattern), 于 (於, at).
SHEN = "沈阳明, 范志强, 于发. 沈阳地区外泌体研究[J]. 中国医科大学学报, 2021,50(10):957-959."
SHEN_HANT = "沈陽明, 范志強, 于發. 瀋陽地區外泌體研究[J]. 中國醫科大學學報, 2021, 50(10): 957-959."


def test_the_traditional_edition_converts_a_references_chinese_names_as_names(tmp_path: Path) -> None:
    """Its entry page, its reference index and its PDFs write a reference's authors character by character,
    their surnames kept (沈陽明, 范志強, 于發, not 瀋陽明, 範志強, 於發), and its title's words as words (瀋陽地區)."""
    digest = indexed(entry("yan-lung", SHEN))
    site, _ = render_site(tmp_path / "site", digest, editions=("en", "zh-hans", "zh-hant"))
    assert reference_texts(site, "zh-hant", "yan-lung") == {"ref-1": SHEN_HANT}
    index = [text for page in (site / "zh-hant" / "references").glob("*/index.html") for text, _ in shown_links(page)]
    assert index == [SHEN_HANT]
    views = ViewBuilder(Config(content_dir=tmp_path), digest.works)
    assert str(views.reference(digest.entries[0].references[0], "zh-hant").html) == SHEN_HANT
    assert str(views.work(digest.works[0], "zh-hant").html) == SHEN_HANT


# Authors whose names are words of the title too: 沈阳 (the city), 于海 (in 关于海洋), 范化 (in 规范化).
NAMED = "沈阳, 于海, 范化. 关于海洋来源的沈阳地区外泌体规范化研究[J]. 中华骨科杂志, 2020,40(2):100-110."
NAMED_HANT = "沈陽, 于海, 范化. 關於海洋來源的瀋陽地區外泌體規範化研究[J]. 中華骨科雜誌, 2020, 40(2): 100-110."


def test_a_references_names_inside_its_title_s_words_are_converted_as_words(tmp_path: Path) -> None:
    """A name is converted as one where it stands alone (its author list), not inside another word of the title
    (关于海洋 is 關於海洋, 沈阳地区 瀋陽地區, 规范化 規範化), and not in the other texts of the digest either."""
    digest = indexed(entry("yan-lung", NAMED))
    site, _ = render_site(tmp_path / "site", digest, editions=("en", "zh-hans", "zh-hant"))
    assert reference_texts(site, "zh-hant", "yan-lung") == {"ref-1": NAMED_HANT}
    views = ViewBuilder(Config(content_dir=tmp_path), digest.works)
    assert str(views.reference(digest.entries[0].references[0], "zh-hant").html) == NAMED_HANT


def test_the_reference_index_files_a_chinese_first_author_under_the_letter_of_the_surname(tmp_path: Path) -> None:
    """单文 is listed under S (Shan), not D; 曾明 under Z, 区华 under O, 解放 under X, 仇华 under Q; and an entry's
    reference leads to that letter's page."""
    names = {"单文": "s", "曾明": "z", "区华": "o", "解放": "x", "仇华": "q"}
    refs = [f"{name}. 外泌体研究{n}[J]. 中国医科大学学报, 2021, 50(10): 957-959." for n, name in enumerate(names)]
    site, _ = render_site(tmp_path, indexed(entry("yan-lung", *refs)))
    for code in ("en", "zh-hans"):
        filed = {
            text.split(".")[0]: page.parent.name
            for page in (site / code / "references").glob("*/index.html")
            for text, _ in shown_links(page)
        }
        assert filed == names, code
        root = parse_page(site / code / "entries" / "yan-lung" / "index.html")
        index_links = {
            a.get("href").split("/")[-2] for a in root.iter(f"{XHTML}a") if "#work-" in (a.get("href") or "")
        }
        assert index_links == set(names.values()), code
