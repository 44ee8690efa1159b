"""Books, theses, web pages, chapters and newspaper articles printed Vancouver or APA style."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from evdigest.refs.parse import parse_reference
from evdigest.refs.parse_types import date_parts

CSL_SCHEMA = Path(__file__).parent.parent / "src" / "evdigest" / "schema" / "csl-data.json"

# (printed string, expected item fields); every case must parse as "full".
CASES = [
    (
        "Murray PR, Rosenthal KS, Pfaller MA. Medical microbiology. 4th ed. St. Louis: Mosby; 2002.",
        {
            "type": "book",
            "title": "Medical microbiology",
            "edition": "4",
            "publisher-place": "St. Louis",
            "publisher": "Mosby",
            "issued": {"date-parts": [[2002]]},
        },
    ),
    (
        "Borkowski MM. Infant sleep and feeding: a telephone survey [dissertation]. Mount Pleasant (MI): Central "
        "Michigan University; 2002.",
        {
            "type": "thesis",
            "genre": "dissertation",
            "title": "Infant sleep and feeding: a telephone survey",
            "publisher-place": "Mount Pleasant (MI)",
            "publisher": "Central Michigan University",
        },
    ),
    (
        "Nguyen T. Exosomal microRNA markers in breast cancer [master's thesis]. Melbourne (AU): University of "
        "Melbourne; 2019.",
        {"type": "thesis", "genre": "master's thesis", "publisher": "University of Melbourne"},
    ),
    (
        "Smith J. Exosomes in cancer (Unpublished doctoral dissertation). University of Pennsylvania, Philadelphia, "
        "PA; 2001.",
        {
            "type": "thesis",
            "genre": "doctoral dissertation",
            "title": "Exosomes in cancer",
            "publisher-place": "Philadelphia, PA",
            "publisher": "University of Pennsylvania",
            "issued": {"date-parts": [[2001]]},
        },
    ),
    (
        "Nguyen T. Exosomal microRNA markers in breast cancer (Master's thesis). Melbourne (AU): University of "
        "Melbourne; 2019.",
        {"type": "thesis", "genre": "Master's thesis", "title": "Exosomal microRNA markers in breast cancer"},
    ),
    (
        "Institute of Medicine (US). Cancer biomarkers: the promises and challenges. Washington (DC): National "
        "Academies Press (US); 2007.",
        {
            "type": "book",
            "author": [{"literal": "Institute of Medicine (US)"}],
            "title": "Cancer biomarkers: the promises and challenges",
            "publisher-place": "Washington (DC)",
            "publisher": "National Academies Press (US)",
        },
    ),
    (
        "WHO. Global tuberculosis report 2021. Geneva: World Health Organization; 2021.",
        {"type": "book", "author": [{"literal": "WHO"}], "publisher": "World Health Organization"},
    ),
    (
        "National Cancer Institute. Liquid biopsy [Internet]. Bethesda (MD): NCI; 2023 [cited 2024 May 3]. "
        "Available from: https://www.cancer.gov/publications/def/liquid-biopsy",
        {
            "type": "webpage",
            "title": "Liquid biopsy",
            "publisher-place": "Bethesda (MD)",
            "publisher": "NCI",
            "issued": {"date-parts": [[2023]]},
            "URL": "https://www.cancer.gov/publications/def/liquid-biopsy",
            "accessed": {"date-parts": [[2024, 5, 3]]},
        },
    ),
    (
        "International Society for Extracellular Vesicles. MISEV guidelines [Internet]. 2023 [cited 2024 May 3]. "
        "Available from: https://www.isev.org/misev",
        {"type": "webpage", "title": "MISEV guidelines", "issued": {"date-parts": [[2023]]}},
    ),
    (
        "Cancer-Pain.org [Internet]. New York: Association of Cancer Online Resources, Inc.; c2000-01 [updated "
        "2002 May 16; cited 2002 Jul 9]. Available from: http://www.cancer-pain.org/.",
        {
            "type": "webpage",
            "title": "Cancer-Pain.org",
            "publisher": "Association of Cancer Online Resources, Inc.",
            "issued": {"date-parts": [[2000]]},
            "accessed": {"date-parts": [[2002, 7, 9]]},
        },
    ),
    (
        "Harnden P, Joffe JK, Jones WG, editors. Germ cell tumours V. Proceedings of the 5th Germ Cell Tumour "
        "Conference; 2001 Sep 13-15; Leeds, UK. New York: Springer; 2002.",
        {
            "type": "book",
            "editor": [
                {"family": "Harnden", "given": "P."},
                {"family": "Joffe", "given": "J. K."},
                {"family": "Jones", "given": "W. G."},
            ],
            "title": "Germ cell tumours V. Proceedings of the 5th Germ Cell Tumour Conference",
            "event-date": {"date-parts": [[2001, 9, 13]]},
            "event-place": "Leeds, UK",
            "publisher": "Springer",
        },
    ),
    (
        "Rice AS, Farquhar-Smith WP, Bridges D, Brooks JW. Cannabinoids and pain. In: Dostorovsky JO, Carr DB, "
        "Koltzenburg M, editors. Proceedings of the 10th World Congress on Pain; 2002 Aug 17-22; San Diego, CA. "
        "Seattle: IASP Press; c2003. p. 437-68.",
        {
            "type": "paper-conference",
            "title": "Cannabinoids and pain",
            "editor": [
                {"family": "Dostorovsky", "given": "J. O."},
                {"family": "Carr", "given": "D. B."},
                {"family": "Koltzenburg", "given": "M."},
            ],
            "container-title": "Proceedings of the 10th World Congress on Pain",
            "event-date": {"date-parts": [[2002, 8, 17]]},
            "event-place": "San Diego, CA",
            "publisher-place": "Seattle",
            "publisher": "IASP Press",
            "issued": {"date-parts": [[2003]]},
            "page": "437-68",
        },
    ),
    (
        "Christensen S, Oppacher F. An analysis of Koza's computational effort statistic for genetic programming. "
        "In: Foster JA, Lutton E, Miller J, Ryan C, Tettamanzi AG, editors. Genetic programming. EuroGP 2002: "
        "Proceedings of the 5th European Conference on Genetic Programming; 2002 Apr 3-5; Kinsdale, Ireland. "
        "Berlin: Springer; 2002. p. 182-91.",
        {
            "type": "paper-conference",
            "container-title": "Genetic programming. EuroGP 2002: Proceedings of the 5th European Conference on "
            "Genetic Programming",
            "event-date": {"date-parts": [[2002, 4, 3]]},
            "event-place": "Kinsdale, Ireland",
            "publisher-place": "Berlin",
            "publisher": "Springer",
            "page": "182-91",
        },
    ),
    (
        "Smith J. A paper. In: Jones K, editor. Proceedings of the 1st Meeting; 2002 Apr 3-5; Washington, D.C. "
        "St. Louis: Mosby; 2003. p. 1-9.",
        {"type": "paper-conference", "event-place": "Washington, D.C", "publisher-place": "St. Louis"},
    ),
    (
        "Tynan T. Medical improvements lower homicide rate: study sees drop in assault rate. The Washington Post. "
        "2002 Aug 12;Sect. A:2 (col. 4).",
        {
            "type": "article-newspaper",
            "title": "Medical improvements lower homicide rate: study sees drop in assault rate",
            "container-title": "The Washington Post",
            "issued": {"date-parts": [[2002, 8, 12]]},
            "page": "A2",
        },
    ),
    (
        "Alberts, B., Johnson, A., & Walter, P. (2014). Molecular biology of the cell (6th ed.). Garland Science.",
        {
            "type": "book",
            "title": "Molecular biology of the cell",
            "edition": "6",
            "publisher": "Garland Science",
            "issued": {"date-parts": [[2014]]},
        },
    ),
    (
        "World Health Organization. (2021). Global tuberculosis report 2021. World Health Organization.",
        {"type": "book", "title": "Global tuberculosis report 2021", "publisher": "World Health Organization"},
    ),
    (
        "Shoham, Y. (1988). Reasoning about change. Cambridge, MA: MIT Press.",
        {"type": "book", "publisher-place": "Cambridge, MA", "publisher": "MIT Press"},
    ),
    (
        "Raposo, G., & Stahl, P. D. (2016). Extracellular vesicles. In R. A. Bradshaw & P. D. Stahl (Eds.), "
        "Encyclopedia of cell biology (pp. 185–190). Academic Press.",
        {
            "type": "chapter",
            "title": "Extracellular vesicles",
            "editor": [{"family": "Bradshaw", "given": "R. A."}, {"family": "Stahl", "given": "P. D."}],
            "container-title": "Encyclopedia of cell biology",
            "page": "185-190",
            "publisher": "Academic Press",
            "issued": {"date-parts": [[2016]]},
        },
    ),
    (
        "Baral, C., & Lee, V. (1991). Duality between semantics of logic programs. In Proc. Intl. Workshop on "
        "Logic Programming. Springer.",
        {
            "type": "paper-conference",
            "title": "Duality between semantics of logic programs",
            "container-title": "Proc. Intl. Workshop on Logic Programming",
            "publisher": "Springer",
        },
    ),
    (
        "王建枝, 钱睿哲. 病理生理学[M]. 9版. 北京: 人民卫生出版社, 2018: 45-67.",
        {"type": "book", "edition": "9", "publisher": "人民卫生出版社", "page": "45-67"},
    ),
    (
        "ALBERTS B, JOHNSON A, LEWIS J, et al. Molecular biology of the cell[M]. 6th ed. New York: Garland "
        "Science, 2014: 695-752.",
        {"type": "book", "edition": "6", "publisher": "Garland Science", "publisher-place": "New York"},
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_items_that_are_not_journal_articles(raw: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    for key, value in expected.items():
        assert parsed.item.get(key) == value, (key, parsed.item)
    assert (
        "container-title" in expected
        or parsed.item["type"] in ("chapter", "paper-conference")
        or ("container-title" not in parsed.item)
    )
    assert parsed.status == "full", parsed.problems


def test_items_stay_strict_csl() -> None:
    items = [{**parse_reference(raw).item, "id": f"ref{i}"} for i, (raw, _) in enumerate(CASES)]
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(items))
    assert errors == [], [e.message for e in errors[:5]]


def test_a_journal_printed_with_internet_stays_an_article() -> None:
    parsed = parse_reference(
        "Brown T, Green S. Vesicle proteomics. J Proteome Res [Internet]. 2021 [cited 2024 May 3];20(5):2345-56. "
        "Available from: https://pubs.acs.org/doi/10.1021/acs.jproteome.0c00999"
    )
    assert parsed.item["type"] == "article-journal"
    assert (parsed.item["volume"], parsed.item["page"]) == ("20", "2345-56")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2024 May 3", [2024, 5, 3]),
        ("2024-01-02", [2024, 1, 2]),
        ("5 March 2021", [2021, 3, 5]),
        ("May 31, 2013", [2013, 5, 31]),
        ("2002 Jul", [2002, 7]),
        ("no date", None),
    ],
)
def test_date_parts(text: str, parts: list[int] | None) -> None:
    assert date_parts(text) == parts


def test_a_journal_with_a_publisher_word_and_no_numbers_is_no_book() -> None:
    parsed = parse_reference("Smith, J. (2020). Television and elections. The International Journal of Press/Politics.")
    assert parsed.item["type"] == "article-journal"
    assert parsed.item["container-title"] == "The International Journal of Press/Politics"


def test_apa_chapter_in_a_volume_of_its_book() -> None:
    parsed = parse_reference(
        "Fisher, J. A. (1990). The myth of anthropomorphism. In M. Bekoff & D. Jamieson (Eds.), Interpretation "
        "of animal behavior (Vol. 1) (pp. 96-116). Boulder, CO: Westview Press."
    )
    item = parsed.item
    assert (item["type"], item["container-title"], item["volume"], item["page"]) == (
        "chapter",
        "Interpretation of animal behavior",
        "1",
        "96-116",
    )
    assert (item["publisher-place"], item["publisher"]) == ("Boulder, CO", "Westview Press")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Smith J, Doe A, Lee K, et al. Exosome profiling in plasma. bioRxiv. 2021. doi:10.1101/2021.01.01.425000",
            {"container-title": "bioRxiv", "DOI": "10.1101/2021.01.01.425000"},
        ),
        (
            # NLM: the server's identifier, [Preprint], the date it was read
            "Smith J, Doe A. Exosome profiling in plasma. bioRxiv 2021.01.01.425000 [Preprint]. 2021 "
            "[cited 2021 Feb 1]. Available from: https://doi.org/10.1101/2021.01.01.425000",
            {
                "container-title": "bioRxiv",
                "issued": {"date-parts": [[2021]]},
                "accessed": {"date-parts": [[2021, 2, 1]]},
            },
        ),
        (
            # Nature: "Preprint at" its link
            "Smith, J. & Doe, A. Exosome profiling in plasma. Preprint at https://doi.org/10.1101/2021.01.01.425000 (2021).",
            {"title": "Exosome profiling in plasma", "container-title": None, "issued": {"date-parts": [[2021]]}},
        ),
        (
            "Smith J, Doe A. Deep learning for vesicle images. arXiv preprint arXiv:2101.00001, 2021.",
            {"container-title": "arXiv", "note": "arXiv:2101.00001"},
        ),
        (
            "Smith J, Doe A. Exosome profiling in plasma. Research Square. 2022. doi:10.21203/rs.3.rs-123456/v1",
            {"container-title": "Research Square"},
        ),
    ],
)
def test_preprints_need_no_volume_or_pages(raw: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    assert parsed.status == "full", parsed.problems
    assert parsed.item["type"] == "article-journal"
    assert {key: parsed.item.get(key) for key in expected} == expected


def test_a_journal_sharing_biorxivs_doi_prefix_still_needs_its_numbers() -> None:
    parsed = parse_reference("Zhang H, Kim HS. Nanoparticles of cells. Genome Res. 2018. doi:10.1101/gr.229102.117")
    assert parsed.status == "partial"
    assert "no volume" in parsed.problems


@pytest.mark.parametrize(
    ("raw", "container", "publisher", "page"),
    [
        (
            "He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning for image recognition. In Proceedings "
            "of the IEEE Conference on Computer Vision and Pattern Recognition (pp. 770–778). IEEE.",
            "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
            "IEEE",
            "770-778",
        ),
        (
            "Boddy, M., 1991. Any Time Problem Solving Using Dynamic Programming. In Proceedings AAAI-91. AAAI.",
            "Proceedings AAAI-91",
            "AAAI",
            None,
        ),
    ],
)
def test_an_apa_paper_in_proceedings_names_its_proceedings_pages_and_publisher(
    raw: str, container: str, publisher: str, page: str | None
) -> None:
    item = parse_reference(raw).item
    assert item["type"] == "paper-conference"
    assert (item["container-title"], item["publisher"], item.get("page")) == (container, publisher, page)


@pytest.mark.parametrize(
    ("raw", "edition"),
    [
        ("Smith, J. (2019). Exosome biology (pp. 12–30). London: Academic Press.", None),
        ("Smith, J. (2019). Exosome biology (2nd ed., pp. 12–30). London: Academic Press.", "2"),
    ],
)
def test_an_apa_book_s_pages_in_brackets_are_its_pages_not_its_title(raw: str, edition: str | None) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["page"], item.get("edition")) == (
        "book",
        "Exosome biology",
        "12-30",
        edition,
    )
    assert (item["publisher-place"], item["publisher"]) == ("London", "Academic Press")


def test_a_conference_paper_s_place_alone_after_its_proceedings_is_the_place() -> None:
    item = parse_reference(
        "Frank, A., & Jaeger, T. (2008). Speaking rationally. In Proceedings of the 30th annual meeting of the "
        "cognitive science society (p. 939-994). Washington, D. C.."
    ).item
    assert (item["type"], item["page"], item.get("publisher-place"), item.get("publisher")) == (
        "paper-conference",
        "939-994",
        "Washington, D. C",
        None,
    )


# Citing Medicine's papers in proceedings and papers read at meetings, printed with no editors: (printed string,
# expected item fields). The conference's date and place are its event's, the proceedings or the meeting the container.
UNEDITED_CONFERENCE_PAPERS = [
    (
        "Smith J, Lee K. Exosome release in hypoxia. In: Proceedings of the 12th International Symposium on "
        "Extracellular Vesicles; 2014 Apr 30-May 3; Rotterdam, the Netherlands. p. 112-5.",
        {
            "title": "Exosome release in hypoxia",
            "container-title": "Proceedings of the 12th International Symposium on Extracellular Vesicles",
            "event-date": {"date-parts": [[2014, 4, 30]]},
            "event-place": "Rotterdam, the Netherlands",
            "issued": {"date-parts": [[2014]]},
            "page": "112-5",
            "publisher": None,
        },
    ),
    (
        "Wang L. Migrasome formation. In: Annual Meeting of the ISEV; 2019 Apr 24-28; Kyoto, Japan. Bethesda (MD): "
        "ISEV; 2019. p. 45.",
        {
            "container-title": "Annual Meeting of the ISEV",
            "event-date": {"date-parts": [[2019, 4, 24]]},
            "event-place": "Kyoto, Japan",
            "publisher-place": "Bethesda (MD)",
            "publisher": "ISEV",
            "issued": {"date-parts": [[2019]]},
            "page": "45",
        },
    ),
    (
        "Chen X, et al. EV isolation by SEC. Paper presented at: 8th Asian Conference on Biomaterials; 2016 Oct 10-12; "
        "Shanghai, China.",
        {
            "title": "EV isolation by SEC",
            "container-title": "8th Asian Conference on Biomaterials",
            "event-date": {"date-parts": [[2016, 10, 10]]},
            "event-place": "Shanghai, China",
            "issued": {"date-parts": [[2016]]},
        },
    ),
    (
        "Chasman J, Kaplan RF. The effects of occupation on preserved cognitive functioning in dementia. Poster session "
        "presented at: Excellence in Clinical Practice. 4th Annual Conference of the American Academy of Clinical "
        "Neuropsychology; 2006 Jun 15-17; Philadelphia, PA.",
        {
            "container-title": "Excellence in Clinical Practice. 4th Annual Conference of the American Academy of "
            "Clinical Neuropsychology",
            "event-place": "Philadelphia, PA",
        },
    ),
    (
        "Smith J. Exosome release in hypoxia [abstract]. In: Abstracts of the 5th ISEV Annual Meeting; 2016 May 3-7; "
        "Rotterdam, the Netherlands. p. 12.",
        {
            "title": "Exosome release in hypoxia",
            "genre": "abstract",
            "container-title": "Abstracts of the 5th ISEV Annual Meeting",
            "page": "12",
        },
    ),
    (
        "Li Y. Tetraspanins in EV biogenesis. In: 3rd Workshop on Exosome Biology; 2015; Beijing, China. p. 7-9.",
        {
            "container-title": "3rd Workshop on Exosome Biology",
            "event-date": {"date-parts": [[2015]]},
            "event-place": "Beijing, China",
            "issued": {"date-parts": [[2015]]},
        },
    ),
    (
        "Zhao M. EV proteomics. In: 20th Congress of the Chinese Society of Biochemistry; 2017 Jul 5-8; Wuhan, China. "
        "Beijing: Chinese Society of Biochemistry; 2017. p. 210-1.",
        {"container-title": "20th Congress of the Chinese Society of Biochemistry", "publisher-place": "Beijing"},
    ),
    (
        "Brown, S., & Caste, V. (2004, May). Integrated obstacle detection framework. Paper presented at the IEEE "
        "Intelligent Vehicles Symposium, Detroit, MI.",
        {
            "container-title": "IEEE Intelligent Vehicles Symposium",
            "event-place": "Detroit, MI",
            "issued": {"date-parts": [[2004]]},
        },
    ),
    # AMA: the meeting's month, maybe its days, before the year
    (
        "Smith J. A paper. Paper presented at: Annual Meeting of ASCO; June 2001; Chicago, IL.",
        {
            "title": "A paper",
            "container-title": "Annual Meeting of ASCO",
            "event-date": {"date-parts": [[2001, 6]]},
            "event-place": "Chicago, IL",
            "issued": {"date-parts": [[2001]]},
        },
    ),
    (
        "Smith J. A paper. Paper presented at: 37th Annual Meeting of ASCO; June 3-5, 2001; Chicago, IL.",
        {
            "container-title": "37th Annual Meeting of ASCO",
            "event-date": {"date-parts": [[2001, 6, 3]]},
            "event-place": "Chicago, IL",
            "issued": {"date-parts": [[2001]]},
        },
    ),
    (
        "Smith J. A paper. In: Annual Meeting of ASCO; Sept. 12, 2001; Chicago, IL. p. 12.",
        {
            "container-title": "Annual Meeting of ASCO",
            "event-date": {"date-parts": [[2001, 9, 12]]},
            "event-place": "Chicago, IL",
            "page": "12",
        },
    ),
]


@pytest.mark.parametrize(("raw", "expected"), UNEDITED_CONFERENCE_PAPERS)
def test_a_conference_paper_with_no_editors_names_its_conference(raw: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["type"] == "paper-conference"
    for key, value in expected.items():
        assert parsed.item.get(key) == value, (key, parsed.item)
    assert parsed.status == "full", parsed.problems


def test_a_host_dated_by_a_year_alone_names_a_conference_only_with_a_conference_s_word() -> None:
    item = parse_reference("Li Y. Tetraspanins in EV biogenesis. In: EVBio2015; 2015; Beijing, China. p. 7-9.").item
    assert item["type"] != "paper-conference" and "event-place" not in item


@pytest.mark.parametrize(
    ("raw", "place", "publisher", "page"),
    [
        ("张三, 李四. 外泌体研究进展[C]//第十届全国细胞生物学大会论文集. 北京, 2018: 12-15.", "北京", None, "12-15"),
        (
            "张三, 李四. 外泌体研究进展[C]//第十届全国细胞生物学大会论文集. 乌鲁木齐, 2018: 12-15.",
            "乌鲁木齐",
            None,
            "12-15",
        ),
        (
            "张三, 李四. 外泌体研究进展[C]//第十届全国细胞生物学大会论文集. 中华医学会, 2018: 12-15.",
            None,
            "中华医学会",
            "12-15",
        ),
        ("张三, 李四. 外泌体研究进展[C]//第十届全国细胞生物学大会论文集. 2018: 12.", None, None, "12"),
        (
            "张三, 李四. 外泌体研究进展[C]//第十届全国细胞生物学大会论文集. 北京: 中国细胞生物学学会, 2018: 12-15.",
            "北京",
            "中国细胞生物学学会",
            "12-15",
        ),
    ],
)
def test_a_gbt_conference_paper_names_its_proceedings_and_where_and_when_they_were_printed(
    raw: str, place: str | None, publisher: str | None, page: str
) -> None:
    """A city alone before the year is the proceedings' place, an organisation their publisher; a year and pages
    alone date them."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert (item["type"], item["container-title"]) == ("paper-conference", "第十届全国细胞生物学大会论文集")
    assert (item.get("publisher-place"), item.get("publisher"), item["page"]) == (place, publisher, page)
    assert item["issued"] == {"date-parts": [[2018]]} and parsed.status == "full"


def test_a_gbt_book_printed_with_its_city_alone_names_its_place() -> None:
    item = parse_reference("张三. 外泌体[M]. 上海, 2015.").item
    assert (item["type"], item.get("publisher-place"), item.get("publisher")) == ("book", "上海", None)


@pytest.mark.parametrize(
    ("raw", "publisher"),
    [
        ("钱钟书. 管锥编[M]. 三联书店, 2007.", "三联书店"),
        ("王五. 书名[M]. 中信出版, 2019.", "中信出版"),
        ("费孝通. 乡土中国[M]. 中华书局, 2013.", "中华书局"),
        ("张三. 外泌体[M]. 中华医学会, 2015.", "中华医学会"),
    ],
)
def test_a_gbt_book_printed_with_its_publisher_alone_names_its_publisher_not_a_place(raw: str, publisher: str) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item.get("publisher"), item.get("publisher-place")) == ("book", publisher, None)


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("张三. 外泌体[M]. 三联书店: 北京, 2015.", "北京", "三联书店"),
        ("李四. 细胞生物学[M]. 人民卫生出版社：上海，2010.", "上海", "人民卫生出版社"),
        ("王五. 干细胞的迁移[D]. 北京大学: 北京, 2019.", "北京", "北京大学"),
        ("赵六. 免疫学[M]. 科学出版社: 北京, 2015: 12-30.", "北京", "科学出版社"),
        ("张三. 外泌体[M]. 北京: 三联书店, 2015.", "北京", "三联书店"),
        ("Smith J. Cell biology[M]. Academic Press: London, 2004.", "London", "Academic Press"),
    ],
)
def test_a_publisher_printed_before_its_place_is_read_as_the_publisher(raw: str, place: str, publisher: str) -> None:
    item = parse_reference(raw).item
    assert (item.get("publisher-place"), item.get("publisher")) == (place, publisher)


# (printed string, title, type, publisher, year): a year printed after the authors, then a coded title
YEAR_BEFORE_CODED_TITLE = [
    ("Homer. (1991). The Iliad[M]. London: Penguin.", "The Iliad", "book", "Penguin", 1991),
    ("张三. (2015). 外泌体[M]. 北京: 科学出版社.", "外泌体", "book", "科学出版社", 2015),
    ("Smith, J. (2001). Title of book[M]. London: Penguin.", "Title of book", "book", "Penguin", 2001),
    ("Smith J. 2001. Title of book[M]. London: Penguin.", "Title of book", "book", "Penguin", 2001),
    ("Smith J. (2010). A thesis[D]. Boston: Harvard University.", "A thesis", "thesis", "Harvard University", 2010),
    ("张三, 李四. (2001). 外泌体综述[J]. 中华医学杂志, 12(3): 1-5.", "外泌体综述", "article-journal", None, 2001),
]


@pytest.mark.parametrize(("raw", "title", "kind", "publisher", "year"), YEAR_BEFORE_CODED_TITLE)
def test_a_year_after_the_authors_is_no_part_of_a_coded_title(
    raw: str, title: str, kind: str, publisher: str | None, year: int
) -> None:
    item = parse_reference(raw).item
    assert (item["title"], item["type"], item.get("publisher")) == (title, kind, publisher)
    assert item["issued"] == {"date-parts": [[year]]}
    assert "author" in item


def test_a_coded_title_opening_with_a_year_keeps_it() -> None:
    item = parse_reference("张三. 2019年中国报告[R]. 北京: 卫生部, 2020.").item
    assert (item["title"], item["issued"]) == ("2019年中国报告", {"date-parts": [[2020]]})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Catherine Wah and Serge Belongie. Attribute-based detection of unfamiliar classes. In Computer Vision and "
            "Pattern Recognition (CVPR), pages 779–786. IEEE, 2013.",
            {"publisher": "IEEE", "issued": {"date-parts": [[2013]]}, "page": "779-786"},
        ),
        (
            "Doyle, Arthur Conan. “The Resident Patient.” In The Complete Sherlock Holmes, 422-434. New York: "
            "Doubleday, 1960.",
            {
                "publisher": "Doubleday",
                "publisher-place": "New York",
                "issued": {"date-parts": [[1960]]},
                "page": "422-434",
            },
        ),
    ],
)
def test_a_publisher_and_year_after_a_paper_s_pages_are_read(raw: str, expected: dict) -> None:
    """``…, pages 779–786. IEEE, 2013.``: the publication printed after the pages is the paper's publisher and its
    year, not text left unread."""
    parsed = parse_reference(raw)
    assert {key: parsed.item.get(key) for key in expected} == expected
    assert not any("after the numbers" in problem for problem in parsed.problems)


def test_a_journal_s_name_after_the_pages_is_no_publisher() -> None:
    parsed = parse_reference("Smith J. Exosomes. In Proc. Workshop, pages 1-9. Journal of Things, 2013.")
    assert "publisher" not in parsed.item


def test_a_chapter_s_publisher_and_year_after_its_pages_are_read() -> None:
    raw = (
        "Albert R. Meyer and Mitchell Wand. Continuation semantics in typed lambda calculi. In Rohit Parikh, editor, "
        "Logics of Programs, volume 193 of Lecture Notes in Computer Science, pages 219-224. Springer-Verlag, 1985."
    )
    parsed = parse_reference(raw)
    assert parsed.item["type"] == "chapter"
    assert (parsed.item["publisher"], parsed.item["issued"]) == ("Springer-Verlag", {"date-parts": [[1985]]})
