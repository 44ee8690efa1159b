"""The reference string parser: sample references, style variants, document types, robustness."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs.parse import ParsedReference, parse_reference
from evdigest.refs.parse_names import split_cjk_name

SAMPLE = Path(__file__).parent.parent / "content" / "sources" / "lyu-2026-exosome-secretion.txt"
# "- [30] 马元, 庄雪莹, 陈旭. …": one line of the sample's reference list
SAMPLE_REF_RE = re.compile(r"^- \[(\d+)\] (.+)$")


def sample_references() -> dict[int, str]:
    """The sample's printed references by number, Markdown emphasis removed (as ingest gives them)."""
    found = {}
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        match = SAMPLE_REF_RE.match(line)
        if match:
            found[int(match.group(1))] = match.group(2).replace("*", "")
    return found


REFS = sample_references()


def names(parsed: ParsedReference) -> list[tuple[str, str | None]]:
    return [(a.get("family", a.get("literal", "")), a.get("given")) for a in parsed.item.get("author", [])]


def test_sample_has_92_references() -> None:
    assert sorted(REFS) == list(range(1, 93))


@pytest.mark.parametrize("number", range(1, 93))
def test_every_sample_reference_has_the_core_fields(number: int) -> None:
    parsed = parse_reference(REFS[number])
    item = parsed.item
    assert parsed.status == "full", (number, parsed.problems)
    for key in ("author", "title", "container-title", "issued", "volume", "page"):
        assert item.get(key), (number, key)
    assert item["type"] == "article-journal"
    assert parsed.raw == REFS[number]


# (number, field, expected) read by hand from the printed strings.
SAMPLE_CASES = [
    (4, "author", [("Kalluri", "R."), ("Lebleu", "V. S.")]),
    (4, "page", "eaa06977"),
    (4, "number", "eaa06977"),
    (4, "issue", "6478"),
    (13, "number", "999404"),
    (46, "number", None),
    (6, "page", "90-108"),
    (9, "author", [("Yan", "L."), ("Wu", "X.")]),
    (9, "container-title", "Cell Biol Toxicol"),
    (9, "issued", {"date-parts": [[2020]]}),
    (15, "page", "e2103222"),
    (30, "author", [("马", "元"), ("庄", "雪莹"), ("陈", "旭")]),
    (30, "title", "间充质干细胞外泌体调控血管生成机制的研究进展"),
    (30, "container-title", "中国医科大学学报"),
    (30, "language", "zh"),
    (31, "page", "689-694"),
    (31, "language", "zh"),
    (37, "issue", "Suppl 1"),
    (38, "author", [("El Safadi", "D."), ("Mokhtari", "A."), ("Krejbich", "M.")]),
    (40, "title", "干细胞衍生外泌体: 再生医学的治疗新策略"),
    (40, "language", "zh"),
    (51, "page", "E1127-E1136"),
    (51, "volume", "115"),
    (51, "container-title", "Proc Natl Acad Sci U S A"),
    (55, "page", "110391"),
    (75, "author", [("Ortega", "F. G."), ("Roefs", "M. T."), ("De Miguel Perez", "D.")]),
    (85, "issue", "1-2"),
    (89, "page", "E1280-1288"),
    (
        89,
        "title",
        "The Effect of Glucose on the Release and Bioactivity of Exosomes From First Trimester Trophoblast Cells",
    ),
]


@pytest.mark.parametrize(("number", "key", "expected"), SAMPLE_CASES)
def test_sample_reference_fields(number: int, key: str, expected: object) -> None:
    parsed = parse_reference(REFS[number])
    got = names(parsed) if key == "author" else parsed.item.get(key)
    assert got == expected


@pytest.mark.parametrize(("number", "et_al"), [(4, False), (9, False), (30, False), (31, True), (40, True), (51, True)])
def test_et_al_is_a_flag_not_an_author(number: int, et_al: bool) -> None:
    parsed = parse_reference(REFS[number])
    assert parsed.et_al is et_al
    assert not [a for a in parsed.item["author"] if re.search(r"\bet\.? ?al\b|^al\.?$|等", a.get("family", ""))]


def test_chinese_references_are_zh_articles() -> None:
    for number in (30, 31, 40):
        parsed = parse_reference(REFS[number])
        assert parsed.item["language"] == "zh" and parsed.item["type"] == "article-journal"
    assert "language" not in parse_reference(REFS[9]).item


# Hand-written variants of the styles users paste: (raw, expected fields).
VARIANTS = [
    (
        "YAN L , WU X . Exosomes from 3D cultures . Cell Biol Toxicol . 2020 ; 36 ( 2 ) : 165 - 178 .",
        {"volume": "36", "issue": "2", "page": "165-178", "container-title": "Cell Biol Toxicol"},
    ),
    (
        "Kalluri R, LeBleu VS. The biology of exosomes. Science. 2020;367:eaau6977.",
        {"volume": "367", "page": "eaau6977", "number": "eaau6977"},
    ),
    (
        "Smith J, Jones K, et al. A title. Nat Med. 2021 Mar 5;27(3):400-410. doi: 10.1038/s41591-021-01234-5. PMID: 33612345.",
        {
            "DOI": "10.1038/s41591-021-01234-5",
            "PMID": "33612345",
            "issued": {"date-parts": [[2021, 3, 5]]},
            "page": "400-410",
        },
    ),
    (
        "Wang Y, Li X. A study of vesicles. J Extracell Vesicles. 2023 Jan 3. doi:10.1002/jev2.12345. Online ahead of print.",
        {"DOI": "10.1002/jev2.12345", "container-title": "J Extracell Vesicles", "note": "online ahead of print"},
    ),
    (
        "Li Y, Chen Z. Exosomes in sepsis. Front Immunol. 2022;13:100. https://doi.org/10.3389/fimmu.2022.00100",
        {"DOI": "10.3389/fimmu.2022.00100", "volume": "13", "page": "100"},
    ),
    (
        "何雨笑,鲁继斌．循环肿瘤细胞的应用［J]．现代肿瘤医学,2021,29(3) :535-539. D0I:10.3969/j.issn.1672-4992.2021.03.040.",
        {"DOI": "10.3969/j.issn.1672-4992.2021.03.040", "container-title": "现代肿瘤医学", "page": "535-539"},
    ),
    (
        "马元，庄雪莹，陈旭．间充质干细胞外泌体的研究进展［Ｊ］．中国医科大学学报，２０２１，５０（１０）：９４４－９４７．",
        {
            "author": [("马", "元"), ("庄", "雪莹"), ("陈", "旭")],
            "container-title": "中国医科大学学报",
            "issued": {"date-parts": [[2021]]},
            "volume": "50",
            "issue": "10",
            "page": "944-947",
            "type": "article-journal",
        },
    ),
    (
        "欧阳娜娜, 司马迁, 王五. 外泌体研究[J]. 中华医学杂志, 2019, 99(1): 1-5.",
        {"author": [("欧阳", "娜娜"), ("司马", "迁"), ("王", "五")], "language": "zh"},
    ),
    (
        "李玉静,刁振宇,薛平平,等.血清中胎盘来源外泌体的分离与鉴定 [J].医学研究生学报,2015(6):632-6.",
        {"issue": "6", "page": "632-6", "issued": {"date-parts": [[2015]]}},
    ),
    (
        "Kennedy TC, Hirsch FR. Molecular markers in sputum. Lung Cancer. 2004;45 Suppl 2:S21-S27.",
        {"volume": "45", "issue": "Suppl 2", "page": "S21-S27"},
    ),
    (
        "Romero, C., Paunesku, D., & Dweck, C. (2011). Brainology in the classroom. Journal of Research, 45(3), 123-145.",
        {
            "author": [("Romero", "C."), ("Paunesku", "D."), ("Dweck", "C.")],
            "issued": {"date-parts": [[2011]]},
            "container-title": "Journal of Research",
            "volume": "45",
            "issue": "3",
            "page": "123-145",
        },
    ),
    (
        "S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012.",
        {"author": [("Han", "S. E."), ("Chen", "G.")], "container-title": "Nano Lett", "volume": "10", "page": "1012"},
    ),
]


@pytest.mark.parametrize(("raw", "expected"), VARIANTS)
def test_style_variants(raw: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    for key, value in expected.items():
        got = names(parsed) if key == "author" else parsed.item.get(key)
        assert got == value, (key, parsed.item)


# GB/T 7714 document types and Vancouver chapters: (raw, CSL type, fields).
TYPES = [
    (
        "王五. 细胞生物学[M]. 北京: 科学出版社, 2018: 12-30.",
        "book",
        {"publisher": "科学出版社", "publisher-place": "北京", "page": "12-30"},
    ),
    (
        "李四. 外泌体的分离[M]//王五, 赵六. 细胞生物学. 2版. 北京: 科学出版社, 2018: 12-30.",
        "chapter",
        {
            "editor": [{"family": "王", "given": "五"}, {"family": "赵", "given": "六"}],
            "container-title": "细胞生物学",
            "page": "12-30",
        },
    ),
    (
        "Théry C, Amigorena S. Exosomes in immune responses. In: Smith J, Lee K, editors. Extracellular vesicles. "
        "2nd ed. New York: Springer; 2010. p. 123-45.",
        "chapter",
        {
            "editor": [{"family": "Smith", "given": "J."}, {"family": "Lee", "given": "K."}],
            "container-title": "Extracellular vesicles",
            "publisher": "Springer",
            "page": "123-45",
        },
    ),
    ("张三. 外泌体分离方法研究[D]. 上海: 复旦大学, 2020.", "thesis", {"publisher": "复旦大学", "genre": "thesis"}),
    (
        "张三. 外泌体检测方法[C]//中华医学会第十次全国检验医学学术会议论文集. 北京: 中华医学会, 2019: 45-50.",
        "paper-conference",
        {"container-title": "中华医学会第十次全国检验医学学术会议论文集", "page": "45-50"},
    ),
    ("Li X. Exosome isolation[C]. Beijing: Science Press, 2019: 45-50.", "paper-conference", {"page": "45-50"}),
    (
        "国家卫生健康委员会. 诊疗方案[EB/OL]. (2021-03-05)[2021-06-01]. https://www.nhc.gov.cn/a.html.",
        "webpage",
        {
            "author": [{"literal": "国家卫生健康委员会"}],
            "URL": "https://www.nhc.gov.cn/a.html",
            "issued": {"date-parts": [[2021, 3, 5]]},
            "accessed": {"date-parts": [[2021, 6, 1]]},
        },
    ),
    (
        "WHO. Global report on sepsis[R]. Geneva: World Health Organization, 2020.",
        "report",
        {"author": [{"literal": "WHO"}], "title": "Global report on sepsis", "publisher": "World Health Organization"},
    ),
    (
        "张三. 一种外泌体提取装置: CN112345678A[P]. 2021-02-01.",
        "patent",
        {"number": "CN112345678A", "title": "一种外泌体提取装置", "issued": {"date-parts": [[2021, 2, 1]]}},
    ),
    (
        "国家标准化管理委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.",
        "standard",
        {"number": "GB/T 7714—2015", "publisher": "中国标准出版社", "title": "信息与文献 参考文献著录规则"},
    ),
    (
        "国家市场监督管理总局. 医疗器械生物学评价 第5部分: 体外细胞毒性试验: GB/T 16886.5—2017[S]. 北京: 中国标准出版社, 2017.",
        "standard",
        {"number": "GB/T 16886.5—2017", "title": "医疗器械生物学评价 第5部分: 体外细胞毒性试验"},
    ),
    (
        "张三. 循证医 学研究进展[J]. 中华医学杂志, 2020, 50(1): 1-5.",  # a space a line break left
        "article-journal",
        {"title": "循证医学研究进展"},
    ),
    (
        "李四. 外泌体研究新进展[N]. 健康报, 2022-05-06(3).",
        "article-newspaper",
        {"container-title": "健康报", "issued": {"date-parts": [[2022, 5, 6]]}, "page": "3"},
    ),
]


@pytest.mark.parametrize(("raw", "csl_type", "expected"), TYPES)
def test_document_types(raw: str, csl_type: str, expected: dict) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["type"] == csl_type
    assert parsed.item.get("title")
    for key, value in expected.items():
        assert parsed.item.get(key) == value, (key, parsed.item)


@pytest.mark.parametrize("raw", ["", "   ", "see above", "????", "12345", "[J]."])
def test_unreadable_strings_fail_but_keep_raw(raw: str) -> None:
    parsed = parse_reference(raw)
    assert parsed.status == "failed"
    assert parsed.raw == raw


def test_partial_reference_names_what_is_missing() -> None:
    parsed = parse_reference(
        "Kim DK, Kang B, Kim OY, et al. EVpedia: an integrated database[J].2013,2. doi: 10.3402/jev.v2i0.20384."
    )
    assert parsed.status == "partial"
    assert "no container-title" in parsed.problems
    assert parsed.item["DOI"] == "10.3402/jev.v2i0.20384"


def test_compound_surnames() -> None:
    assert split_cjk_name("欧阳娜娜") == {"family": "欧阳", "given": "娜娜"}
    assert split_cjk_name("马元") == {"family": "马", "given": "元"}


def test_item_is_strict_csl() -> None:
    allowed = {
        "type", "author", "title", "container-title", "container-title-short", "issued", "volume", "issue",
        "page", "number", "DOI", "PMID", "PMCID", "URL", "accessed", "language", "note", "publisher",
        "publisher-place", "editor",
    }  # fmt: skip
    for raw in REFS.values():
        assert set(parse_reference(raw).item) <= allowed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_string_parses_without_raising(raw: str) -> None:
    parsed = parse_reference(raw)
    assert isinstance(parsed, ParsedReference)
    assert parsed.raw == raw
    assert parsed.status in ("full", "partial", "failed")
    assert isinstance(parsed.item.get("type"), str)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(REFS)), st.text(alphabet=" ,.;:()[]*-–", max_size=6))
def test_sample_references_with_noise_appended_never_raise(number: int, noise: str) -> None:
    raw = REFS[number] + noise
    parsed = parse_reference(raw)
    assert parsed.raw == raw


def test_items_validate_against_the_csl_data_schema() -> None:
    schema_path = Path(__file__).parent.parent / "src" / "evdigest" / "schema" / "csl-data.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    raws = list(REFS.values()) + [raw for raw, *_ in TYPES + VARIANTS]
    items = [{**parse_reference(raw).item, "id": f"ref{i}"} for i, raw in enumerate(raws)]
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(items))
    assert errors == [], [e.message for e in errors[:5]]


@given(
    st.lists(
        st.sampled_from(
            ["Beijing", ": ", "Science Press", ", ", "; ", "2020", "2020-03", ": 12-30", ".", " ", "Vol", "12"]
        ),
        max_size=12,
    ).map("".join)
)
def test_publishers_are_read_as_the_whole_pattern_reads_them(text: str) -> None:
    from evdigest.refs.parse_source import _PUBLISHER, read_publisher

    match = _PUBLISHER.search(text)
    assert read_publisher(text) == ({k: v.strip() for k, v in match.groupdict().items() if v} if match else None)


@pytest.mark.parametrize(
    ("date", "parts", "printed"),
    [
        ("2018 Nov 23", [2018, 11, 23], "2018 Nov 23"),
        ("2019 Dec", [2019, 12], "2019 Dec"),
        ("2020 Sept 1", [2020, 9, 1], "2020 Sep 1"),
        ("2021 March", [2021, 3], "2021 Mar"),
        ("2019 Jan-Feb", [2019, 1], "2019 Jan"),  # an issue of two months: the first
        ("2019 Nov-Dec", [2019, 11], "2019 Nov"),
        ("2020 Jul/Aug", [2020, 7], "2020 Jul"),
        ("2020 Sept - Oct", [2020, 9], "2020 Sep"),
        ("2020 Dec-2021 Jan", [2020, 12], "2020 Dec"),  # over the turn of a year
        ("2019 Nov-Dec 15", [2019, 11], "2019 Nov"),  # a day after a span belongs to neither month alone
        ("2019 Spring", [2019], "2019"),
        ("2019 Feb 30", [2019, 2], "2019 Feb"),  # no such day
        ("2019", [2019], "2019"),
    ],
)
def test_a_vancouver_date_keeps_its_month_and_day(date: str, parts: list[int], printed: str) -> None:
    """The month and day a reference prints (``2018 Nov 23;7(1)``) are kept: NLM prints them again, and the
    exports carry them (BibTeX ``month``)."""
    from evdigest.export.bibtex import entry_fields
    from evdigest.refs.format import get_formatter

    parsed = parse_reference(f"Théry C, Witwer KW. Minimal information. J Extracell Vesicles. {date};7(1):1535750.")
    assert parsed.item["issued"] == {"date-parts": [parts]}
    assert (parsed.item["volume"], parsed.item["page"]) == ("7", "1535750")
    text = get_formatter("nlm-citation-sequence").format(parsed.item).text
    assert text.endswith(f"J Extracell Vesicles. {printed};7(1):1535750.")
    month = [value for key, value in entry_fields(parsed.item, False) if key == "month"]
    assert month == ([str(parts[1])] if len(parts) > 1 else [])


def test_a_day_glued_to_an_issue_is_the_volume() -> None:
    """``2018 Nov 23(4)``: the ";" before the volume was lost; 23 is the volume, not a day."""
    item = parse_reference("Smith J, Doe A. Vesicle budding. Nature. 2018 Nov 23(4):100-5.").item
    assert (item["issued"], item["volume"], item["issue"], item["page"]) == (
        {"date-parts": [[2018, 11]]},
        "23",
        "4",
        "100-5",
    )
    cochrane = parse_reference("Smith J. Interventions. Cochrane Database Syst Rev. 2013 Jan 31;(1):CD008286.").item
    assert (cochrane["issued"], cochrane.get("volume"), cochrane["issue"]) == (
        {"date-parts": [[2013, 1, 31]]},
        None,
        "1",
    )


@pytest.mark.parametrize(
    "raw",
    [
        # reference 27 of ChinaXiv 201901.00122: a Wiley DOI (10.1111/j.1365-2567.…) where the numbers go
        "Hao S,Bai O,Li F,et al. Mature dendritic cells pulsed with exosomes stimulate efficient cytotoxic "
        "T-lymphocyte responsesand antitumour immunity[J]. Immunology, 2006,10(1111):1365-2567.",
        "Hao S, Bai O, Li F, et al. Mature dendritic cells pulsed with exosomes. Immunology. 2006;10(1111):1365-2567.",
        "郝三, 白欧. 树突状细胞与外泌体[J]. Immunology, 2006, 10（1111）：1365-2567．",
        "Hao S, Bai O. Mature dendritic cells pulsed with exosomes[J]. Br J Pharmacol, 2018, 10(1111):bph.14123.",
        "Hao S, Bai O. Mature dendritic cells pulsed with exosomes[J]. Br J Pharmacol, 2018, 10(1111): j.1476-5381.2018.x",
    ],
)
def test_a_doi_prefix_printed_as_the_locator_is_no_volume_issue_or_pages(raw: str) -> None:
    parsed = parse_reference(raw)
    assert not {"volume", "issue", "page", "number"} & set(parsed.item)
    assert parsed.item["container-title"] in ("Immunology", "Br J Pharmacol")
    assert parsed.item["issued"]["date-parts"][0][0] in (2006, 2018)
    assert parsed.status == "partial"
    assert any(p.startswith("a damaged DOI printed as the locator") and "10(1111):" in p for p in parsed.problems)


@pytest.mark.parametrize(
    ("raw", "locator"),
    [
        ("Kalluri R. The biology of exosomes. Science. 2020;367(6478):eaau6977.", ("367", "6478", "eaau6977")),
        ("Smith J, Doe A. Exosome yield in culture. Cancer Res. 2020;10(12):1365-1375.", ("10", "12", "1365-1375")),
        ("Smith J, Doe A. Exosome yield in culture[J]. Cell Res, 2020, 10(1111):1-10.", ("10", "1111", "1-10")),
    ],
)
def test_a_locator_that_is_no_doi_keeps_its_numbers(raw: str, locator: tuple[str, str, str]) -> None:
    item = parse_reference(raw).item
    assert (item["volume"], item["issue"], item["page"]) == locator


@pytest.mark.parametrize(
    ("raw", "page"),
    [
        ("Smith J. Title of paper. J Clin Oncol. 2012;30(Suppl 4):S4-003.", "S4-003"),
        ("Smith J. Title of paper. J Clin Oncol 2012; 30 Suppl 4: S4-003.", "S4-003"),
        ("Smith J. Title of paper. J Clin Oncol. 2012 Apr;30(4):S4–S10.", "S4-S10"),
        ("Smith J, Lee K. Title of paper. Ann Oncol. 2019;30 Suppl 5:v851-v934.", "v851-v934"),
        ("Smith J. Title of paper. J Clin Oncol. 2012;30:e1234-e1240.", "e1234-e1240"),
        ("Smith, J. (2012). Title of paper. Journal of Oncology, 30(4), S4-003.", "S4-003"),
        ("Smith, J. (2012). Title of paper. Journal of Oncology, 30, e1234–e1240.", "e1234-e1240"),
        ("Smith, J. (2012) 'Title of paper', Journal of Oncology, 30(4), pp. S4–S10.", "S4-S10"),
        ('Smith, J. 2012. "Title of paper." Journal of Oncology 30 (4): S4–S10.', "S4-S10"),
        ("张三, 李四. 外泌体研究[J]. 中华医学杂志, 2012, 30(4): S4-003.", "S4-003"),
        ("张三, 李四. 外泌体研究[J]. 中华医学杂志, 2012, 30(4): A12-A19.", "A12-A19"),
    ],
)
def test_a_page_range_with_letters_is_kept_whole(raw: str, page: str) -> None:
    item = parse_reference(raw).item
    assert item["page"] == page
    assert "number" not in item
