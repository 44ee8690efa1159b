"""The pubmed-cn family: the sample and hand-written variations."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.model import Entry
from evdigest.sources import pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.reading import read_source

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "sources" / "zhang-2025-msc-evs.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VARIANTS = FIXTURES / "sources" / "pubmed-cn"


def parse(path: Path) -> Entry:
    text = read_source(path, path.name)
    assert pubmed_cn.sniff(text) is None
    return pubmed_cn.parse(text, Origin(f"sources/{path.name}"))


def fields(entry: Entry) -> set[str]:
    return {w.field for w in entry.warnings}


@pytest.fixture(scope="module")
def sample() -> Entry:
    return parse(SAMPLE)


def test_sample_authors_and_affiliations(sample: Entry) -> None:
    assert [(a.name, a.family, a.given) for a in sample.authors] == [
        ("Zhang Tianhe", "Zhang", "Tianhe"),
        ("Zhang Liang", "Zhang", "Liang"),
        ("Ma Xiaoxue", "Ma", "Xiaoxue"),
        ("Song Wenliang", "Song", "Wenliang"),
    ]
    assert [a.en for a in sample.affiliations] == [
        "Department of Pediatrics, Shengjing Hospital of China Medical University, Shenyang, China.",
        "Department of Neonatology, The Frist Hospital of China Medical University, Shenyang, China.",
    ]
    assert "authors.affiliations" in fields(sample)


def test_sample_citation(sample: Entry) -> None:
    assert sample.journal.name == sample.journal.abbrev == "Front Cell Dev Biol"
    assert (sample.year, sample.volume, sample.issue, sample.pages, sample.article_number) == (
        2025,
        "13",
        None,
        None,
        "1612589",
    )
    assert sample.doi == "10.3389/fcell.2025.1612589"
    assert sample.dates.epub == "2025-07-17" and sample.dates.published == "2025"


def test_sample_titles_and_abstracts(sample: Entry) -> None:
    assert sample.title.zh == "再生领域的微小巨人:间充质干细胞衍生的细胞外囊泡作为下一代治疗手段"
    assert (
        sample.title.en
        == "The tiny giants of regeneration: MSC-derived extracellular vesicles as next-generation therapeutics"
    )
    assert len(sample.abstract.en) == 1 and sample.abstract.en[0].text.startswith(
        "Mesenchymal stem cell-derived extracellular vesicles (MSC-EVs)"
    )
    assert sample.abstract.en[0].text.endswith("offering new solutions for precision medicine.")
    assert len(sample.abstract.zh) == 1 and sample.abstract.zh[0].text.startswith(
        "间充质干细胞衍生的细胞外囊泡(MSC-EVs)"
    )
    assert sample.abstract.zh[0].text.endswith("为精准医学提供新的解决方案。")


def test_structured_abstracts_markers_ids_keywords_licence() -> None:
    entry = parse(VARIANTS / "structured-abstract.txt")
    assert [s.label for s in entry.abstract.en] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert [s.label for s in entry.abstract.zh] == ["背景", "方法", "结果", "结论"]
    assert entry.abstract.zh[2].text == "共纳入42项研究，合并敏感度为0.81。"
    assert [(a.name, a.affiliations, a.corresponding) for a in entry.authors] == [
        ("Wang Xiaoming", (0, 1), False),
        ("Li Na", (1,), False),
        ("Ou-Yang Jie", (0,), True),
        ("Chen Hao", (2,), False),
    ]
    assert len(entry.affiliations) == 3 and entry.affiliations[0].en.startswith("Department of Nephrology")
    assert (entry.journal.name, entry.volume, entry.issue, entry.article_number) == (
        "J Extracell Vesicles",
        "13",
        "2",
        "e12401",
    )
    assert entry.doi == "10.1002/jev2.12401"
    assert entry.dates.published == "2024-02" and entry.dates.epub == "2024-01-29"
    assert (entry.pmid, entry.pmcid, entry.license) == ("38291234", "PMC10823456", "CC BY 4.0")
    assert entry.keywords.zh == ("细胞外囊泡", "肾脏疾病", "生物标志物")
    assert entry.keywords.en == ("extracellular vesicles", "kidney disease", "biomarkers")
    assert entry.title.en == "Diagnostic value of small extracellular vesicles in kidney disease: a systematic review"


def test_gb18030_page_parses_like_the_utf8_one() -> None:
    assert parse(VARIANTS / "gb18030.txt").to_dict() | {"source": ""} == parse(
        VARIANTS / "structured-abstract.txt"
    ).to_dict() | {"source": ""}


def test_full_width_punctuation_and_crlf() -> None:
    entry = parse(VARIANTS / "fullwidth-crlf.txt")
    assert entry.title.zh == "外泌体在心肌修复中的作用？" and entry.title.en == "Exosomes in myocardial repair?"
    assert [a.name for a in entry.authors] == ["Zhang Tianhe", "Zhang Liang", "Ma Xiaoxue"]
    assert all(a.affiliations == (0,) for a in entry.authors)
    assert (entry.journal.name, entry.volume, entry.article_number) == ("Front Cardiovasc Med", "11", "1498765")
    assert entry.doi == "10.3389/fcvm.2024.1498765"
    assert entry.dates.epub == "2025-01-09" and entry.dates.published == "2024" and entry.year == 2024
    assert entry.abstract.zh[0].text == "外泌体通过递送微小RNA（miRNA）保护梗死后的心肌细胞。"


def test_long_author_list_over_two_lines() -> None:
    entry = parse(VARIANTS / "long-authors.txt")
    assert len(entry.authors) == 30
    assert (entry.authors[0].family, entry.authors[0].given) == ("Zhang", "Wei")
    assert (entry.authors[15].family, entry.authors[-1].name) == ("Lin", "Xiao Jie")
    assert (entry.volume, entry.issue, entry.pages) == ("16", "1", "118")


def test_missing_doi_and_affiliations_are_warnings() -> None:
    entry = parse(VARIANTS / "missing-doi.txt")
    assert entry.doi is None and entry.affiliations == ()
    assert {"doi", "affiliations"} <= fields(entry)
    assert (entry.journal.name, entry.year, entry.volume, entry.issue, entry.pages) == (
        "Zhonghua Zhong Liu Za Zhi",
        2023,
        "45",
        "7",
        "551-560",
    )


def test_utf16_page() -> None:
    assert parse(VARIANTS / "utf16-bom.txt").title.zh == "外泌体与肿瘤免疫"


def test_missing_citation_line_is_a_warning_not_an_error() -> None:
    entry = parse(FIXTURES / "bad" / "pubmed-missing-fields.txt")
    assert entry.journal.name is None and entry.year is None
    assert {"journal", "affiliations", "abstract.zh"} <= fields(entry)
    assert entry.abstract.en[0].text == "Exosomes are studied widely."


def test_traditional_headings_big5() -> None:
    entry = parse(FIXTURES / "bad" / "big5.txt")
    assert entry.title.zh == "外泌體在再生醫學中的應用" and entry.journal.name == "J Biomed Sci"


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (
            "Nature. 2020 Apr;580(7801):123-130. doi: 10.1038/s41586-020-2000-0.",
            ("Nature", 2020, "580", "7801", "123-130", None),
        ),
        ("J Extracell Vesicles. 2018;7(1):1535750.", ("J Extracell Vesicles", 2018, "7", "1", None, "1535750")),
        (
            "Cell Cycle. 2025 Dec 10:1-22. doi: 10.1080/15384101.2025.2601237. Online ahead of print.",
            ("Cell Cycle", 2025, None, None, "1-22", None),
        ),
        (
            "J Hepatol. 2023 Dec;79 Suppl 1:S45-S52. doi: 10.1016/j.jhep.2023.09.011.",
            ("J Hepatol", 2023, "79", "Suppl 1", "S45-S52", None),
        ),
        ("BMC Genomics. 2016 Aug 22;17 Suppl 5:634.", ("BMC Genomics", 2016, "17", "Suppl 5", "634", None)),
        ("Clin Chem. 2019;65(Suppl 2):S112-S118.", ("Clin Chem", 2019, "65", "Suppl 2", "S112-S118", None)),
    ],
)
def test_citation_variants(citation: str, expected: tuple) -> None:
    text = f"标题\nTitle.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n中文摘要。\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert (entry.journal.name, entry.year, entry.volume, entry.issue, entry.pages, entry.article_number) == expected


@pytest.mark.parametrize("stop", ["。", "．", "，", "；", "）"])
def test_a_doi_ends_at_full_width_punctuation(stop: str) -> None:
    citation = f"Front Cell Dev Biol. 2025 Jul 17;13:1612589. doi: 10.3389/fcell.2025.1612589{stop}eCollection 2025."
    text = f"标题\nTitle.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n中文摘要。\nDOI: 10.3389/fcell.2025.1612589{stop}\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert entry.doi == "10.3389/fcell.2025.1612589"
    assert (entry.journal.name, entry.volume, entry.article_number) == ("Front Cell Dev Biol", "13", "1612589")


def test_unparseable_citation_is_a_warning() -> None:
    text = "标题\nTitle.\n作者信息\nLi Si\n出版信息\nsome journal, 2021; doi: 10.1000/ABC\nAbstract.\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert entry.doi == "10.1000/abc"
    assert any(w.field == "journal" and w.line == 6 for w in entry.warnings)


def test_sniff_needs_two_headings() -> None:
    assert "found only 作者信息" in pubmed_cn.sniff("标题\n作者信息\nLi Si\n")
    assert pubmed_cn.sniff("标题\n作者信息：Li Si\n出版信息：X. 2020;1:1.\n") is None


def test_latin_and_chinese_author_lists_are_paired() -> None:
    text = "外泌体综述\nA review of\nexosomes.\n作者信息\nZhang Tianhe1, Ma Xiaoxue1\n张天鹤, 马晓雪\n机构信息\n1. Dept A\n出版信息\nX. 2020;1:1.\nText.\n"
    entry = pubmed_cn.parse(text, Origin("p.txt"))
    assert [(a.name, a.name_zh, a.family, a.affiliations) for a in entry.authors] == [
        ("Zhang Tianhe", "张天鹤", "Zhang", (0,)),
        ("Ma Xiaoxue", "马晓雪", "Ma", (0,)),
    ]
    assert entry.title.en == "A review of exosomes"


def test_full_width_letters_and_digits_in_short_fields_are_ascii() -> None:
    text = (
        "外泌体ｍｉＲ－２１与肺癌：综述\nExosomal ｍｉＲ－２１ in lung cancer\n作者信息\nＬｉ Ｎａ1, Ｗａｎｇ Ｊｉｅ1\n"
        "机构信息\n1. 示例大学第２附属医院检验科，四川成都　610041\n出版信息\nＣｈｉｎ Ｊ Ｌａｂ Ｍｅｄ. 2024;47(2):101-105.\n"
        "关键词：外泌体；ｍｉＲ－２１；肺癌\n"
    )
    entry = pubmed_cn.parse(text, Origin("p.txt"))
    assert (entry.title.zh, entry.title.en) == ("外泌体miR－21与肺癌：综述", "Exosomal miR－21 in lung cancer")
    assert [(a.name, a.family, a.given) for a in entry.authors] == [("Li Na", "Li", "Na"), ("Wang Jie", "Wang", "Jie")]
    assert [a.zh for a in entry.affiliations] == ["示例大学第2附属医院检验科，四川成都　610041"]
    assert entry.journal.name == "Chin J Lab Med"
    assert entry.keywords.zh == ("外泌体", "miR－21", "肺癌")


def test_unpairable_name_lists_are_kept_with_a_warning() -> None:
    text = "外泌体综述\nTitle\n作者信息\nZhang Tianhe, Ma Xiaoxue\n张天鹤\n出版信息\nX. 2020;1:1.\n"
    entry = pubmed_cn.parse(text, Origin("p.txt"))
    assert len(entry.authors) == 3 and any(w.field == "authors" and w.line == 4 for w in entry.warnings)


def test_chinese_sections_dense_with_latin_terms_stay_chinese() -> None:
    entry = parse(VARIANTS / "latin-heavy-chinese.txt")
    assert [s.label for s in entry.abstract.en] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert [s.label for s in entry.abstract.zh] == ["背景", "方法", "结果", "结论"]
    assert entry.abstract.zh[1].text == "检索PubMed, Embase, Web of Science and Cochrane Library"
    assert entry.abstract.zh[2].text == "共纳入19项研究（n=2,310），exosomal miR-21 + CA19-9联合检测的合并AUC为0.91。"
    assert entry.abstract.zh[3].text == "miR-21 + CA19-9 (ROC AUC 0.91) for early PDAC detection"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("采用ExoDx Prostate IntelliScore检测", "zh"),
        ("ExoDx Prostate IntelliScore的合并AUC为0.86", "zh"),
        (
            "Traditional remedies such as ginseng (人参) were given to the control group in both arms of the trial.",
            "en",
        ),
    ],
)
def test_an_unlabelled_line_goes_by_its_share_of_chinese(line: str, lang: str) -> None:
    text = f"标题\nTitle.\n作者信息\nLi Si\n出版信息\nX. 2020;1:1.\n{line}\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert getattr(entry.abstract, lang)[0].text == line


def test_a_chinese_keyword_list_keeps_its_latin_terms() -> None:
    entry = parse(VARIANTS / "keywords-latin-terms.txt")
    assert entry.keywords.zh == ("外泌体", "PD-L1", "miR-21", "CD8+ T细胞", "肝细胞癌")
    assert entry.keywords.en == ("exosomes", "PD-L1", "miR-21", "CD8+ T cells", "hepatocellular carcinoma")


def test_a_keyword_list_without_chinese_words_is_english_whatever_its_label() -> None:
    text = "标题\nTitle.\n作者信息\nLi Si\n出版信息\nX. 2020;1:1.\nText.\n关键词: exosomes; PD-L1\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert (entry.keywords.en, entry.keywords.zh) == (("exosomes", "PD-L1"), ())


def test_chinese_keywords_separated_by_spaces_are_split() -> None:
    entry = parse(VARIANTS / "keywords-spaces.txt")
    assert entry.keywords.zh == ("脂肪干细胞", "外泌体", "糖尿病创面", "miR-126")
    assert entry.keywords.en == ("adipose-derived stem cells", "exosomes", "diabetic wound", "miR-126")


def test_superscript_affiliation_marks() -> None:
    entry = parse(VARIANTS / "superscript-marks.txt")
    assert [(a.family, a.given, a.affiliations, a.corresponding) for a in entry.authors] == [
        ("Shen", "Yiwen", (0, 1), False),
        ("Kong", "Dehua", (1,), False),
        ("Wei", "Lan", (0, 2), False),
        ("Jiang", "Bo", (0,), True),
    ]
    assert [a.en for a in entry.affiliations] == [
        "Department of Neurology, Huashan Hospital, Fudan University, Shanghai, China.",
        "State Key Laboratory of Medical Neurobiology, Fudan University, Shanghai, China.",
        "Institute of Brain Science, Fudan University, Shanghai, China.",
    ]
    assert "authors.affiliations" not in fields(entry)


def test_pubmed_notes_and_the_page_after_the_abstract_are_no_abstract() -> None:
    entry = parse(VARIANTS / "page-notes.txt")
    assert [s.text for s in entry.abstract.en] == [
        "Urinary exosomes from patients with diabetic kidney disease carry podocyte proteins before albuminuria appears."
    ]
    assert [s.text for s in entry.abstract.zh] == ["糖尿病肾病患者的尿液外泌体在出现白蛋白尿之前即携带足细胞蛋白。"]
    assert entry.keywords.en == ("urinary exosomes", "diabetic kidney disease", "proteomics")
    assert [f.text for f in entry.funding] == [
        "81870512/National Natural Science Foundation of China",
        "BK20191234/Natural Science Foundation of Jiangsu Province",
    ]
    assert entry.pmid is None and entry.doi == "10.3760/cma.j.cn112138-20211201-00843"


@pytest.mark.parametrize(
    ("citation", "expected", "read"),
    [
        (
            "Zhonghua Yi Xue Za Zhi. 2022 Dec 20-27;102(47):3781-3786.",
            ("Zhonghua Yi Xue Za Zhi", 2022, "102", "47", "3781-3786"),
            "journal, date, volume, pages",
        ),
        ("Int J Mol Sci. 2024 (in press).", ("Int J Mol Sci", 2024, None, None, None), "journal, date"),
        ("Semin Cancer Biol. 2023 Winter;89:12-25.", ("Semin Cancer Biol", 2023, "89", None, "12-25"), None),
    ],
)
def test_what_can_be_read_of_an_unusual_citation_is_kept(citation: str, expected: tuple, read: str | None) -> None:
    text = f"标题\nTitle.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert (entry.journal.name, entry.year, entry.volume, entry.issue, entry.pages) == expected
    journal_warnings = [w.message for w in entry.warnings if w.field == "journal"]
    assert journal_warnings == (
        [f"the 出版信息 line is not of the form 'Journal. YYYY Mon DD;Volume(Issue):Pages.' (read: {read})"]
        if read
        else []
    )


def test_a_citation_wrapped_over_lines_is_read_whole() -> None:
    entry = parse(VARIANTS / "wrapped-citation.txt")
    assert (entry.journal.name, entry.year, entry.volume, entry.article_number) == (
        "Biomaterials",
        2024,
        "304",
        "122401",
    )
    assert entry.doi == "10.1016/j.biomaterials.2023.122401"
    assert (entry.dates.published, entry.dates.epub) == ("2024-01", "2023-11-28")
    assert [s.text for s in entry.abstract.en] == [
        "Exosomes from mesenchymal stem cells embedded in an injectable hydrogel restore cartilage in a rat "
        "osteochondral defect."
    ]
    assert "journal" not in fields(entry)


def test_an_ecollection_note_on_the_next_line_belongs_to_the_citation() -> None:
    citation = "Front Immunol. 2024 Feb 2;15:1345678. doi: 10.3389/fimmu.2024.1345678.\neCollection 2024."
    text = f"标题\nTitle.\n作者信息\nLi Si\n出版信息\n{citation}\nAbstract text.\n中文摘要。\n"
    entry = pubmed_cn.parse(text, Origin("c.txt"))
    assert (entry.dates.published, entry.dates.epub, entry.year) == ("2024", "2024-02-02", 2024)
    assert [s.text for s in entry.abstract.en] == ["Abstract text."]


def test_a_page_printed_in_traditional_chinese_is_given_in_simplified(tmp_path: Path) -> None:
    from evdigest.enrich.simplified import is_traditional
    from evdigest.ingest import ingest

    source = FIXTURES / "sources" / "pubmed-cn" / "traditional-script.txt"
    (entry,) = ingest([source], source.parent).entries
    assert entry.title.zh == "间充质干细胞外泌体在骨关节炎软骨修复中的作用"
    assert [s.label for s in entry.abstract.zh] == ["背景", "结果"]
    assert entry.abstract.zh[0].text.startswith("间充质干细胞来源的外泌体可促进软骨修复，并调节关节内的发炎反应")
    assert entry.keywords.zh == ("外泌体", "间充质干细胞", "骨关节炎", "软骨修复")
    assert entry.keywords.en[0] == "exosomes" and entry.title.en.startswith("Mesenchymal")
    assert any("printed in Traditional Chinese; it was read in Simplified" in w.message for w in entry.warnings)
    assert not is_traditional(entry.title.zh + entry.abstract.zh[0].text)


def test_sources_printed_in_simplified_chinese_are_read_as_they_are() -> None:
    from evdigest.enrich.simplified import is_traditional

    sources = [*(FIXTURES / "sources").glob("*/*.txt"), *(ROOT / "content" / "sources").glob("*.txt")]
    texts = {s.name: read_source(s, s.name) for s in sources if s.name != "traditional-script.txt"}
    assert len(texts) > 20 and not [name for name, text in texts.items() if is_traditional(text)]


def test_an_author_list_ending_in_et_al_marks_the_entry(tmp_path: Path) -> None:
    from evdigest.ingest import ingest
    from evdigest.render.pdf_view import _authors

    text = (VARIANTS / "structured-abstract.txt").read_text(encoding="utf-8")
    source = tmp_path / "page.txt"
    source.write_text(text.replace("Chen Hao3\n", "Chen Hao3, et al.\n"), encoding="utf-8")
    (entry,) = ingest([source], tmp_path).entries
    assert entry.authors_et_al and len(entry.authors) == 4
    assert _authors(entry, "en", "zh-Hans")[0].text.endswith("Chen Hao, et al.")
    (plain,) = ingest([VARIANTS / "structured-abstract.txt"], VARIANTS).entries
    assert not plain.authors_et_al


def structured_with(old: str, new: str) -> Entry:
    """The structured-abstract page with one passage printed otherwise."""
    text = (VARIANTS / "structured-abstract.txt").read_text(encoding="utf-8")
    assert old in text
    return pubmed_cn.parse(text.replace(old, new), Origin("page.txt"))


def test_an_english_line_quoting_chinese_stays_in_the_english_abstract() -> None:
    entry = structured_with(
        "METHODS: We searched PubMed and Embase for studies of urinary sEVs in kidney disease.",
        "METHODS: We searched PubMed and Embase, and studies of Huangqi decoction（黄芪汤） or “中医” therapy.",
    )
    assert [s.label for s in entry.abstract.en] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert "黄芪汤" in entry.abstract.en[1].text and [s.label for s in entry.abstract.zh] == [
        "背景",
        "方法",
        "结果",
        "结论",
    ]


def test_simplified_reading_keeps_words_that_may_be_names_or_terms() -> None:
    from evdigest.enrich.simplified import to_simplified

    assert to_simplified("程式宏 李智慧 記憶體T細胞 關鍵詞") == "程式宏 李智慧 记忆体T细胞 关键词"
    assert (
        to_simplified("作者資訊\n機構資訊\n出版資訊：Thromb Haemost.")
        == "作者信息\n机构信息\n出版信息：Thromb Haemost."
    )


def test_the_page_s_ids_and_licence_after_its_similar_articles_are_read() -> None:
    entry = structured_with(
        "PMID: 38291234\n",
        "Similar articles\nUrinary EVs in CKD. Li X, et al. Kidney Int. 2022. PMID: 35000001\nPMID: 38291234\n",
    )
    assert entry.pmid == "38291234" and entry.pmcid == "PMC10823456"
    assert entry.license and "CC BY 4.0" in entry.license


def test_a_second_page_in_the_file_is_an_error_at_its_heading() -> None:
    from evdigest.errors import ParseError

    first = read_source(SAMPLE, SAMPLE.name)
    second = read_source(VARIANTS / "structured-abstract.txt", "structured-abstract.txt")
    text = f"{first.rstrip()}\n\n{second}"
    again = len(first.rstrip().split("\n")) + 1 + second.split("\n").index("作者信息") + 1
    with pytest.raises(ParseError, match="second page: 作者信息 again at line") as info:
        pubmed_cn.parse(text, Origin("sources/two.txt"))
    assert info.value.line == again
    assert str(info.value).startswith(f"sources/two.txt:{again}: ")
    assert str(info.value).endswith("paste one paper per file")


def test_a_sici_doi_on_the_citation_line_is_read_whole(tmp_path: Path) -> None:
    """Crossref's SICI DOIs hold "<", ">", ";" and "#": the DOI ends at the full stop after it, not at "<"."""
    text = SAMPLE.read_text(encoding="utf-8")
    printed = "doi: 10.3389/fcell.2025.1612589."
    assert printed in text
    sici = "10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#"
    path = tmp_path / SAMPLE.name
    path.write_text(text.replace(printed, f"doi: {sici}.", 1), encoding="utf-8")
    assert parse(path).doi == sici.lower()
