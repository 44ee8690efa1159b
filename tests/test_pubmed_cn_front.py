"""The pubmed-cn family's front matter: titles, authors, affiliations and the citation line as pages print them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.refs.record import entry_to_csl
from evdigest.render.i18n import edition
from evdigest.render.meta import citation_tags
from evdigest.sources import pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.reading import read_source
from evdigest.sources.slug import make_slug

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "sources" / "pubmed-cn"


def parse(name: str) -> Entry:
    path = VARIANTS / name
    text = read_source(path, path.name)
    assert pubmed_cn.sniff(text) is None
    return pubmed_cn.parse(text, Origin(f"sources/{name}"))


def parse_text(text: str) -> Entry:
    return pubmed_cn.parse(text, Origin("page.txt"))


def citation_of(entry: Entry) -> tuple:
    return (
        entry.journal.name,
        entry.year,
        entry.volume,
        entry.issue,
        entry.pages,
        entry.article_number,
        entry.doi,
        entry.dates.published,
        entry.dates.epub,
    )


def test_full_width_punctuation_and_digits_are_read_as_structure() -> None:
    entry = parse("pubmed-front-fullwidth.txt")
    assert citation_of(entry) == (
        "J Hematol Oncol",
        2024,
        "17",
        "1",
        "9",
        None,
        "10.1186/s13045-024-01530-7",
        "2024-02-06",
        None,
    )
    assert [(a.name, a.family, a.given, a.affiliations, a.corresponding) for a in entry.authors] == [
        ("Zhou Wei", "Zhou", "Wei", (0, 1), False),
        ("Chen Lu", "Chen", "Lu", (1,), True),
    ]
    assert [(a.en, a.zh) for a in entry.affiliations] == [
        ("Department of Colorectal Surgery, Sun Yat-sen University Cancer Center, Guangzhou, China．", None),
        (None, "中山大学附属第六医院结直肠外科，广州　510655"),
    ]
    assert not {w.field for w in entry.warnings} & {"journal", "year", "volume", "authors.affiliations"}


_WIDE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789.:;()"})
_WIDE_PUNCTUATION = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in ".:;()"})


@given(
    journal=st.sampled_from(["Mol Cancer", "J Hepatol", "Front Cell Dev Biol", "Zhonghua Yi Xue Za Zhi"]),
    year=st.integers(1990, 2030),
    month=st.sampled_from(["", " Jan", " Oct 12", " Mar 3"]),
    volume=st.integers(1, 400),
    issue=st.sampled_from(["", "(1)", "(12)"]),
    locator=st.sampled_from([":167", ":1045-1052", ":e12345", ""]),
    wide_digits=st.booleans(),
)
def test_a_full_width_citation_reads_like_the_half_width_one(
    journal: str, year: int, month: str, volume: int, issue: str, locator: str, wide_digits: bool
) -> None:
    head = f"{journal}. {year}{month};{volume}{issue}{locator}."
    wide = head.replace(". ", "．").translate(_WIDE if wide_digits else _WIDE_PUNCTUATION)
    citation, wide = f"{head} doi: 10.1000/xyz.{year}.", f"{wide}doi：10.1000/xyz.{year}．"
    page = "外泌体\nExosomes.\n作者信息\nLi Si\n出版信息\n{}\nAbstract text.\n摘要。\n"
    assert citation_of(parse_text(page.format(wide))) == citation_of(parse_text(page.format(citation)))


def test_bracketed_marks_are_affiliations_and_hash_marks_equal_contribution() -> None:
    entry = parse("pubmed-front-marks.txt")
    assert [(a.name, a.family, a.given, a.affiliations, a.corresponding) for a in entry.authors] == [
        ("Gao Yan", "Gao", "Yan", (0,), False),
        ("Lin Feng", "Lin", "Feng", (1,), False),
        ("Qiu Rui", "Qiu", "Rui", (0,), False),
        ("Shen Jun", "Shen", "Jun", (0, 1), True),
    ]
    assert [a.en for a in entry.affiliations] == [
        "Department of Gastrointestinal Surgery, The First Affiliated Hospital of Nanjing Medical University, "
        "Nanjing, China.",
        "Jiangsu Key Laboratory of Cancer Biomarkers, Nanjing Medical University, Nanjing, China.",
    ]


def test_names_printed_with_their_chinese_form_in_brackets() -> None:
    entry = parse("pubmed-front-paired.txt")
    assert [(a.name, a.name_zh, a.family, a.given, a.affiliations, a.corresponding) for a in entry.authors] == [
        ("Wang Jianguo", "王建国", "Wang", "Jianguo", (0,), False),
        ("Ouyang Min", "欧阳敏", "Ouyang", "Min", (0, 1), False),
        ("Xu Li", "徐丽", "Xu", "Li", (1,), True),
    ]
    assert "authors" not in {w.field for w in entry.warnings}


def test_et_al_closing_the_last_name_ends_the_list(tmp_path: Path) -> None:
    from evdigest.ingest import ingest

    source = VARIANTS / "pubmed-front-etal.txt"
    (entry,) = ingest([source], source.parent).entries
    assert entry.authors_et_al
    assert [(a.name, a.name_zh, a.family, a.given) for a in entry.authors] == [
        ("Liu H", "刘浩", "Liu", "H"),
        ("Guo M", "郭敏", "Guo", "M"),
        ("Deng X", "邓欣", "Deng", "X"),
    ]


def test_labels_above_the_titles_and_pubmed_s_brackets_and_notes_are_no_title() -> None:
    entry = parse("pubmed-front-title-notes.txt")
    assert entry.title.zh == "外泌体在肝纤维化中的研究进展"
    assert entry.title.en == "Research progress of exosomes in liver fibrosis"


@pytest.mark.parametrize(
    ("titles", "zh", "en"),
    [
        (
            "外泌体综述\n[Research progress of exosomes] [Article in Chinese]",
            "外泌体综述",
            "Research progress of exosomes",
        ),
        ("综述\nReview of exosome isolation methods.", "综述", "Review of exosome isolation methods"),
        ("【述评】\n外泌体与代谢\n[18F]FDG imaging of exosomes", "外泌体与代谢", "[18F]FDG imaging of exosomes"),
        ("外泌体与代谢\nReview\n[Exosomes and metabolism].", "外泌体与代谢", "Exosomes and metabolism"),
        (
            "外泌体与代谢\nExosomes and metabolism: a systematic\nReview",
            "外泌体与代谢",
            "Exosomes and metabolism: a systematic Review",
        ),
    ],
)
def test_only_labels_and_notes_are_taken_from_the_titles(titles: str, zh: str, en: str) -> None:
    entry = parse_text(f"{titles}\n作者信息\nLi Si\n出版信息\nX. 2020;1:1.\nText.\n")
    assert (entry.title.zh, entry.title.en) == (zh, en)


def test_a_doi_link_under_the_citation_is_its_doi() -> None:
    entry = parse("pubmed-front-doi-link.txt")
    assert entry.doi == "10.1016/j.jaci.2023.04.012" and "doi" not in {w.field for w in entry.warnings}
    assert [s.text for s in entry.abstract.en] == ["Atopic dermatitis is a chronic inflammatory skin disease."]
    assert (entry.journal.name, entry.pages, entry.dates.published, entry.dates.epub) == (
        "J Allergy Clin Immunol",
        "345-357",
        "2023-08",
        "2023-05-02",
    )


@pytest.mark.parametrize(
    "link",
    [
        "https://doi.org/10.1016/j.jaci.2023.04.012",
        "http://dx.doi.org/10.1016/j.jaci.2023.04.012.",
        "doi.org/10.1016/j.jaci.2023.04.012",
        "DOI: https://doi.org/10.1016/j.jaci.2023.04.012",
    ],
)
def test_doi_links_in_the_citation(link: str) -> None:
    for citation in (
        f"J Allergy Clin Immunol. 2023 Aug;152(2):345-357. {link}",
        f"J Allergy Clin Immunol. 2023.\n{link}",
    ):
        entry = parse_text(f"外泌体\nExosomes.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n")
        assert entry.doi == "10.1016/j.jaci.2023.04.012"
        assert [s.text for s in entry.abstract.en] == ["Abstract text."]


def test_an_article_online_ahead_of_print_has_an_epub_date_and_no_pages() -> None:
    entry = parse("pubmed-front-ahead-of-print.txt")
    assert citation_of(entry) == (
        "J Hepatol",
        2025,
        None,
        None,
        None,
        None,
        "10.1016/j.jhep.2025.04.009",
        None,
        "2025-04-14",
    )


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (
            "Cell Cycle. 2025 Dec 10:1-22. doi: 10.1080/15384101.2025.2601237. Online ahead of print.",
            ("1-22", None, "2025-12-10", 2025),
        ),
        (
            "J Hepatol. 2025 Mar 3:S0168-8278(25)00123-4. doi: 10.1016/j.jhep.2025.02.012.\n[Epub ahead of print]",
            (None, None, "2025-03-03", 2025),
        ),
        ("Gut. 2024 Dec 30:gutjnl-2024-333412. Epub ahead of print.", (None, None, "2024-12-30", 2024)),
        (
            "Allergy. 2023 Sep;78(9):2345-2360. doi: 10.1111/all.15789. Epub 2023 Jun 20.",
            ("2345-2360", "2023-09", "2023-06-20", 2023),
        ),
    ],
)
def test_ahead_of_print_dates(citation: str, expected: tuple) -> None:
    entry = parse_text(f"外泌体\nExosomes.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n")
    assert (entry.pages, entry.dates.published, entry.dates.epub, entry.year) == expected
    assert [s.text for s in entry.abstract.en] == ["Abstract text."]


def test_a_page_without_the_citation_heading() -> None:
    entry = parse("pubmed-front-no-pubinfo.txt")
    assert (entry.title.zh, entry.title.en) == ("外泌体在类风湿关节炎中的作用", "Exosomes in rheumatoid arthritis")
    assert [(a.en, a.zh) for a in entry.affiliations] == [
        ("Department of Rheumatology, Peking Union Medical College Hospital, Beijing, China.", None),
        (None, "北京协和医院风湿免疫科，北京 100730"),
    ]
    assert [a.affiliations for a in entry.authors] == [(0,), (1,)]
    assert citation_of(entry) == (
        "Front Immunol",
        2023,
        "14",
        None,
        None,
        "1287654",
        "10.3389/fimmu.2023.1287654",
        "2023",
        "2023-11-07",
    )
    assert [s.text for s in entry.abstract.en] == [
        "Exosomes from synovial fibroblasts sustain inflammation in rheumatoid arthritis."
    ]
    assert [s.text for s in entry.abstract.zh] == ["滑膜成纤维细胞来源的外泌体维持类风湿关节炎的炎症。"]
    assert entry.keywords.zh == ("外泌体", "类风湿关节炎")
    assert not {w.field for w in entry.warnings} & {"journal", "doi", "abstract.en", "abstract.zh"}


def test_an_ahead_of_print_citation_wrapped_above_the_titles_is_read_as_on_one_line() -> None:
    # the citation's date and publisher id on one line, its DOI and "Online ahead of print." on the next
    wrapped = parse("pubmed-front-wrapped-ahead-of-print.txt")
    text = read_source(VARIANTS / "pubmed-front-wrapped-ahead-of-print.txt", "page.txt")
    one_line = parse_text(text.replace("00012-3.\ndoi:", "00012-3. doi:"))
    assert (wrapped.title.zh, wrapped.title.en) == ("外泌体与心血管疾病", "Exosomes and cardiovascular disease")
    assert (
        citation_of(wrapped)
        == citation_of(one_line)
        == (
            "Zhonghua Xin Xue Guan Bing Za Zhi",
            2024,
            None,
            None,
            None,
            None,
            "10.3760/cma.j.cn112148-20240101-00001",
            None,
            "2024-03-05",
        )
    )
    assert [w.field for w in wrapped.warnings] == [w.field for w in one_line.warnings] == ["volume"]


AFFILIATIONS_LAST = (
    "外泌体\nExosomes.\n作者信息\nLi Si\n机构信息\nDepartment of Surgery, Ruijin Hospital, Shanghai, China.\n"
)


@pytest.mark.parametrize(
    ("after", "en", "zh"),
    [
        ("BACKGROUND: Exosomes carry RNA.\n背景：外泌体携带RNA。\n", ["Exosomes carry RNA."], ["外泌体携带RNA。"]),
        ("Keywords: exosomes\nExosomes carry RNA.\n", ["Exosomes carry RNA."], []),
        ("外泌体携带RNA。\n", [], ["外泌体携带RNA。"]),
    ],
)
def test_the_affiliations_end_where_the_abstract_starts(after: str, en: list[str], zh: list[str]) -> None:
    entry = parse_text(AFFILIATIONS_LAST + after)
    assert [a.en for a in entry.affiliations] == ["Department of Surgery, Ruijin Hospital, Shanghai, China."]
    assert ([s.text for s in entry.abstract.en], [s.text for s in entry.abstract.zh]) == (en, zh)


def test_a_citation_after_the_affiliations_without_its_heading() -> None:
    citation = "Mol Ther. 2022 Jan 5;30(1):123-135. doi: 10.1016/j.ymthe.2021.10.015. Epub 2021 Oct 22.\n"
    entry = parse_text(AFFILIATIONS_LAST + citation + "Exosomes carry RNA.\n")
    assert (entry.journal.name, entry.volume, entry.pages, entry.doi) == (
        "Mol Ther",
        "30",
        "123-135",
        "10.1016/j.ymthe.2021.10.015",
    )
    assert len(entry.affiliations) == 1 and [s.text for s in entry.abstract.en] == ["Exosomes carry RNA."]


def test_affiliations_before_the_citation_heading_are_kept_as_printed() -> None:
    entry = parse_text(
        "外泌体\nExosomes.\n作者信息\nLi Si\n机构信息\nNovartis AG, Basel, Switzerland\n出版信息\nX. 2020;1:1.\nText.\n"
    )
    assert [a.en for a in entry.affiliations] == ["Novartis AG, Basel, Switzerland"]


@pytest.mark.parametrize("number", ["1. ", "１．", "[1] ", "［１］", "(1) ", "（１）", "1、", "１、"])
def test_affiliation_numbers_half_and_full_width(number: str) -> None:
    text = f"外泌体\nExosomes.\n作者信息\nLi Si1\n机构信息\n{number}四川大学华西医院检验科，成都 610041\n出版信息\nX. 2020;1:1.\n"
    entry = parse_text(text)
    assert [a.zh for a in entry.affiliations] == ["四川大学华西医院检验科，成都 610041"]


def test_family_names_in_capitals_are_written_as_names_are() -> None:
    entry = parse("pubmed-front-capitals.txt")
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("MACARTHUR Jane", "MacArthur", "Jane"),
        ("O'BRIEN Sean", "O'Brien", "Sean"),
        ("MCDONALD Ann", "McDonald", "Ann"),
        ("DE LA CRUZ Ana", "De la Cruz", "Ana"),
        ("VAN DER BERG Jan", "van der Berg", "Jan"),
        ("MACHADO Rui", "Machado", "Rui"),
    ]
    assert [a.affiliations for a in entry.authors] == [(0,), (0,), (1,), (1,), (0,), (1,)]


def test_given_names_in_capitals_are_written_as_names_are_and_initials_are_kept() -> None:
    entry = parse("pubmed-front-capital-given-names.txt")
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("WANG XIAOMING", "Wang", "Xiaoming"),
        ("LI XU", "Li", "Xu"),
        ("ZHANG XIAO-MING", "Zhang", "Xiao-Ming"),
        ("LIU X", "Liu", "X"),
        ("CHEN XM", "Chen", "XM"),
        ("DUPONT JEAN-PAUL", "Dupont", "Jean-Paul"),
        ("MARTIN J.-P.", "Martin", "J.-P."),
    ]
    assert make_slug(entry).startswith("wang-2024-")
    tags = [t.content for t in citation_tags(entry, edition("en"), None) if t.name == "citation_author"]
    assert tags[:2] == ["Wang, Xiaoming", "Li, Xu"]
    record = entry_to_csl(dataclasses.replace(entry, slug=make_slug(entry)))
    assert record["author"][5] == {"family": "Dupont", "given": "Jean-Paul"}
