"""The pubmed-cn family after the citation line: abstracts, their labels, keywords and the page's tail."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.model import Entry
from evdigest.sources import pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.reading import read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
HEAD = (
    "外泌体在牙周炎中的作用\n"
    "Exosomes in periodontitis.\n"
    "作者信息\n"
    "Cao Yu, Luo Jie\n"
    "机构信息\n"
    "West China School of Stomatology, Sichuan University, Chengdu, China.\n"
    "出版信息\n"
    "Int J Oral Sci. 2023 Aug 1;15(1):30. doi: 10.1038/s41368-023-00236-5.\n"
)
EN = "Periodontitis is a chronic inflammatory disease of the tissues around the teeth."
ZH = "牙周炎是一种发生在牙齿周围组织的慢性炎症性疾病。"


def parse_fixture(name: str) -> Entry:
    path = FIXTURES / name
    text = read_source(path, path.name)
    assert pubmed_cn.sniff(text) is None
    return pubmed_cn.parse(text, Origin(f"sources/{name}"))


def page(*body: str) -> Entry:
    """A page with the given lines after its citation."""
    return pubmed_cn.parse(HEAD + "\n".join(body) + "\n", Origin("sources/page.txt"))


def texts(entry: Entry, lang: str) -> list[str]:
    return [s.text for s in getattr(entry.abstract, lang)]


def test_statements_after_the_abstract_are_no_abstract() -> None:
    entry = parse_fixture("pubmed-body-coi-tail.txt")
    assert texts(entry, "en") == [
        "Skin aging is driven by intrinsic and extrinsic factors. Exosomes offer a cell-free strategy for rejuvenation."
    ]
    assert texts(entry, "zh") == ["皮肤衰老由内在和外在因素驱动。外泌体为皮肤年轻化提供了一种无细胞策略。"]
    assert [(f.text, f.lang) for f in entry.funding] == [
        ("National Natural Science Foundation of China (82073421).", "en"),
        ("Shanghai Municipal Health Commission (202140123).", "en"),
    ]
    assert entry.keywords.en == ("exosomes", "skin aging", "photoaging")


@pytest.mark.parametrize(
    "tail",
    [
        ("Copyright © 2023 The Author(s).",),
        ("© 2023. The Author(s).",),
        ("Copyright", "The Author(s) 2023. Published by Springer Nature."),
        ("Funding: National Natural Science Foundation of China (82071234).",),
        ("Funding", "National Natural Science Foundation of China (82071234)."),
        ("基金", "国家自然科学基金（82071234）"),
        ("基金项目：", "国家自然科学基金（82071234）", "四川省科技计划项目（2022YFS0001）"),
        ("Conflict of interest statement", "The authors declare no competing interests."),
        ("Conflict of interest statement: The authors declare no competing interests.",),
        ("Competing interests", "The authors declare no competing interests."),
        ("Declaration of competing interest", "None."),
        ("利益冲突声明", "作者声明无利益冲突。"),
        ("利益冲突：无。",),
        ("Disclosure statement", "Y. Zhang has received speaker fees from Takeda."),
        ("Reviewer disclosures", "A reviewer on this manuscript has disclosed serving as a consultant for Codiak."),
        ("利益声明", "张毅曾获得武田公司的演讲费。"),
        ("Figures", "Figure 1. Periodontal ligament cells release exosomes."),
        ("References", "1. Kinane DF, et al. Periodontal diseases. Nat Rev Dis Primers. 2017;3:17038."),
        ("Cited by 3 articles", "Exosomes in oral disease. Li Y, et al. J Dent Res. 2024."),
        ("LinkOut - more resources", "Full Text Sources", "Springer"),
        ("Grants and funding", "82071234/National Natural Science Foundation of China"),
        ("Publication types", "Review"),
        ("Related information", "MedGen"),
    ],
)
def test_the_page_s_tail_stays_out_of_both_abstracts(tail: tuple[str, ...]) -> None:
    entry = page(EN, ZH, *tail)
    assert texts(entry, "en") == [EN] and texts(entry, "zh") == [ZH]


@pytest.mark.parametrize(
    ("heading", "lines", "read"),
    [
        ("Funding", ["National Natural Science Foundation of China (82071234)."], ["en"]),
        ("基金", ["国家自然科学基金（82071234）", "四川省科技计划项目（2022YFS0001）"], ["zh", "zh"]),
    ],
)
def test_a_funding_heading_alone_reads_the_lines_under_it(heading: str, lines: list[str], read: list[str]) -> None:
    entry = page(EN, ZH, heading, *lines)
    assert [(f.text, f.lang) for f in entry.funding] == list(zip(lines, read, strict=True))


def test_a_copyright_heading_alone_reads_the_licence_under_it() -> None:
    entry = page(EN, ZH, "Copyright", "© The Author(s) 2023. This article is licensed under CC BY 4.0.")
    assert entry.license == "CC BY 4.0"


def test_a_statement_ends_where_the_other_language_begins() -> None:
    entry = page(EN, "Conflict of interest statement", "The authors declare no competing interests.", ZH)
    assert texts(entry, "en") == [EN] and texts(entry, "zh") == [ZH]
    entry = page(EN, "利益冲突声明", "作者声明无利益冲突。", "Funding: Sichuan Science and Technology Program.")
    assert texts(entry, "en") == [EN] and [f.text for f in entry.funding] == ["Sichuan Science and Technology Program."]


def test_keyword_labels_alone_on_their_line_head_the_list_below() -> None:
    entry = parse_fixture("pubmed-body-keywords-own-line.txt")
    assert entry.keywords.en == ("Osteoarthritis", "exosomes", "cartilage repair")
    assert entry.keywords.zh == ("骨关节炎", "外泌体", "软骨修复")
    assert len(entry.abstract.en) == 1 and entry.abstract.en[0].text.startswith("Osteoarthritis is")
    assert len(entry.abstract.zh) == 1 and entry.abstract.zh[0].text.startswith("骨关节炎是")
    assert entry.license is None and "keywords.zh" not in {w.field for w in entry.warnings}


@pytest.mark.parametrize(
    ("label", "words", "expected"),
    [
        ("Keywords", "periodontitis, exosomes, bone regeneration", ("periodontitis", "exosomes", "bone regeneration")),
        ("KEY WORDS:", "periodontitis; exosomes", ("periodontitis", "exosomes")),
        ("关键词：", "牙周炎；外泌体；PD-L1", ("牙周炎", "外泌体", "PD-L1")),
        ("关键字", "牙周炎 外泌体 骨再生", ("牙周炎", "外泌体", "骨再生")),
    ],
)
def test_a_keyword_label_alone_or_inline_gives_the_same_keywords(label: str, words: str, expected: tuple) -> None:
    inline = page(EN, ZH, f"{label.rstrip(':：')}: {words}")
    alone = page(EN, ZH, label, words)
    assert alone.keywords == inline.keywords and expected in (alone.keywords.en, alone.keywords.zh)
    assert texts(alone, "en") == [EN] and texts(alone, "zh") == [ZH]


_KEYWORD = st.sampled_from(("exosomes", "PD-L1", "bone regeneration", "外泌体", "牙周炎", "miR-21", "骨再生"))


@given(
    st.sampled_from(("Keywords", "Key words", "KEYWORDS", "关键词", "关键字")),
    st.lists(_KEYWORD, min_size=1, max_size=5),
    st.sampled_from(("; ", "；", ", ")),
)
@settings(max_examples=50, deadline=None)
def test_keywords_below_their_label_read_as_beside_it(label: str, words: list[str], separator: str) -> None:
    listed = separator.join(words)
    inline = page(EN, ZH, f"{label}: {listed}")
    assert page(EN, ZH, label, listed).keywords == page(EN, ZH, f"{label}:", listed).keywords == inline.keywords
    assert inline.keywords.en + inline.keywords.zh


def test_keywords_one_a_line_end_at_the_other_script_or_a_sentence() -> None:
    entry = page(EN, "Keywords:", "periodontitis", "exosomes", ZH)
    assert entry.keywords.en == ("periodontitis", "exosomes") and texts(entry, "zh") == [ZH]
    entry = page(ZH, "关键词", "牙周炎", "外泌体", "本文综述了外泌体在牙周再生中的应用。")
    assert entry.keywords.zh == ("牙周炎", "外泌体")
    assert texts(entry, "zh") == [ZH, "本文综述了外泌体在牙周再生中的应用。"]


def test_mesh_terms_are_neither_abstract_nor_keywords() -> None:
    entry = parse_fixture("pubmed-body-mesh.txt")
    assert texts(entry, "en") == [
        "Periodontitis is a chronic inflammatory disease. Exosomes modulate the host response and bone regeneration."
    ]
    assert texts(entry, "zh") == ["牙周炎是一种慢性炎症性疾病。外泌体可调节宿主反应和骨再生。"]
    assert entry.keywords.en == ("periodontitis", "exosomes", "bone regeneration")
    assert entry.keywords.zh == ("牙周炎", "外泌体", "骨再生")


@pytest.mark.parametrize(
    "mesh",
    [
        ("MeSH: Periodontitis/therapy; Exosomes",),
        ("MeSH terms: Humans; Periodontitis / therapy*",),
        ("MeSH terms", "Humans", "Periodontitis / therapy*"),
        ("MeSH 主题词：牙周炎/治疗；外泌体",),
        ("主题词：牙周炎/治疗；外泌体",),
        ("主题词", "牙周炎/治疗", "外泌体"),
    ],
)
def test_mesh_lines_stay_out_of_abstracts_and_keywords(mesh: tuple[str, ...]) -> None:
    entry = page(EN, ZH, "Keywords: periodontitis; exosomes", *mesh)
    assert texts(entry, "en") == [EN] and texts(entry, "zh") == [ZH]
    assert entry.keywords.en == ("periodontitis", "exosomes") and entry.keywords.zh == ()


def test_section_labels_alone_on_their_line_label_the_text_below() -> None:
    entry = parse_fixture("pubmed-body-label-own-line.txt")
    assert [(s.label, s.text[:12]) for s in entry.abstract.en] == [
        ("Background", "Ischemic str"),
        ("Methods", "We reviewed "),
        ("Results", "Exosomes red"),
        ("Conclusions", "Exosomes imp"),
    ]
    assert [(s.label, s.text[:4]) for s in entry.abstract.zh] == [
        ("背景", "缺血性脑"),
        ("方法", "我们回顾"),
        ("结果", "45项研"),
        ("结论", "外泌体改"),
    ]


@pytest.mark.parametrize(
    ("name", "en", "zh"),
    [
        (
            "pubmed-body-expert-opinion.txt",
            ["Introduction", "Areas covered", "Expert opinion"],
            ["引言", "涵盖领域", "专家观点"],
        ),
        (
            "pubmed-body-curr-opin.txt",
            ["Purpose of review", "Recent findings", "Summary"],
            ["综述目的", "最新发现", "总结"],
        ),
    ],
)
def test_the_labels_of_review_abstracts(name: str, en: list[str], zh: list[str]) -> None:
    entry = parse_fixture(name)
    assert [s.label for s in entry.abstract.en] == en and [s.label for s in entry.abstract.zh] == zh
    assert entry.abstract.en[1].text.startswith(("This review summarizes", "EVs from cardiomyocytes"))


def test_declarations_without_a_heading_end_no_abstract() -> None:
    entry = parse_fixture("pubmed-body-coi-unlabelled.txt")
    assert texts(entry, "en") == [
        "Skin aging is driven by intrinsic and extrinsic factors. Conflicts of interest between cosmetic sponsors "
        "and investigators shape many trials. Exosomes offer a cell-free strategy for rejuvenation."
    ]
    assert texts(entry, "zh") == ["皮肤衰老由内在和外在因素驱动。外泌体为皮肤年轻化提供了一种无细胞策略。"]
    assert [f.text for f in entry.funding] == ["National Natural Science Foundation of China (82073421)."]
    assert entry.keywords.zh == ("外泌体", "皮肤衰老", "光老化")


@pytest.mark.parametrize(
    "declaration",
    [
        "作者声明不存在利益冲突。",
        "所有作者均声明不存在利益冲突。",
        "本文作者声明无利益冲突",
        "全体作者声明无利益冲突。",
        "作者声明，本研究不存在任何可能被视为潜在利益冲突的商业或财务关系。",
        "利益冲突声明：作者声明无利益冲突。",
        "利益声明：作者报告不存在利益冲突。",
        "作者声明不存在利益冲突。作者对论文的内容和写作负全部责任。",
        "本研究未接受任何资助。",
        "本研究未获得公共、商业或非营利部门任何资助机构的特定资助。",
        "本文无基金资助。作者声明不存在利益冲突。",
    ],
)
def test_a_chinese_declaration_without_a_heading_is_no_abstract(declaration: str) -> None:
    alone = page(EN, ZH, declaration)
    glued = page(EN, ZH + declaration)
    assert texts(alone, "zh") == texts(glued, "zh") == [ZH] and texts(alone, "en") == [EN]


@pytest.mark.parametrize(
    "declaration",
    [
        "The authors declare no competing interests.",
        "The authors declare that they have no known competing financial interests or personal relationships "
        "that could have appeared to influence the work reported in this paper.",
        "The authors declare that the research was conducted in the absence of any commercial or financial "
        "relationships that could be construed as a potential conflict of interest.",
        "The author(s) declared no potential conflicts of interest with respect to the research, authorship, "
        "and/or publication of this article.",
        "No potential conflict of interest was reported by the author(s).",
        "None of the authors has any conflict of interest to disclose.",
        "The authors report no conflicts of interest. The authors alone are responsible for the content and writing "
        "of the paper.",
        "The authors alone are responsible for the content and writing of this article.",
        "No potential conflict of interest was reported by the author(s). The authors alone are responsible for the "
        "content and writing of the paper.",
        "Disclosure statement: No potential conflict of interest was reported by the author(s).",
        "This research received no specific grant from any funding agency in the public, commercial, or "
        "not-for-profit sectors.",
        "This research did not receive any specific grant from funding agencies in the public, commercial, or "
        "not-for-profit sectors.",
        "The author(s) received no financial support for the research, authorship, and/or publication of this article.",
        "The author(s) declare that no financial support was received for the research, authorship, and/or "
        "publication of this article.",
        "Funding: This paper was not funded. Declaration of interest: The authors have no relevant affiliations or "
        "financial involvement with any organization or entity with a financial interest in or financial conflict "
        "with the subject matter or materials discussed in the manuscript.",
        "No funding was received. Reviewer disclosures: Peer reviewers on this manuscript have no relevant financial "
        "or other relationships to disclose.",
    ],
)
def test_an_english_declaration_without_a_heading_is_no_abstract(declaration: str) -> None:
    alone = page(EN, declaration, ZH)
    glued = page(f"{EN} {declaration}", ZH)
    assert texts(alone, "en") == texts(glued, "en") == [EN] and texts(alone, "zh") == [ZH]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Conflicts of interest between sponsors and investigators shape trial design."),
        ("en", "The authors reviewed conflicts of interest in 30 trials of exosome therapies."),
        ("en", "We found no competing interests among the trial sponsors."),
        ("zh", "利益冲突是临床研究中不可忽视的问题。"),
        ("zh", "本文综述了外泌体在无细胞治疗中的应用。"),
        ("en", "This review discusses how public agencies fund exosome trials."),
        ("en", "This review highlights that no funding mechanisms exist for trials of exosome therapies."),
        ("en", "No funding agency has yet supported a phase III trial of exosome therapy."),
        ("en", "Clinicians alone are responsible for the content of the registry."),
        ("zh", "本研究未发现资助来源与疗效存在关联。"),
        ("zh", "本文综述了公共资助对外泌体研究的影响。"),
        # a declaration that abstract text follows is no declaration closing the abstract
        (
            "en",
            "The authors alone are responsible for the content and writing of the paper. Exosomes are found in saliva.",
        ),
        ("en", "This research received no specific grant from any funding agency. Exosomes are found in saliva."),
        ("zh", "本研究未接受任何资助。外泌体存在于唾液中。"),
    ],
)
def test_a_sentence_of_the_abstract_about_conflicts_funding_or_responsibility_stays(lang: str, sentence: str) -> None:
    paragraphs = {"en": f"{EN} {sentence}", "zh": f"{ZH}{sentence}"}
    entry = page(paragraphs["en"] if lang == "en" else EN, paragraphs["zh"] if lang == "zh" else ZH)
    assert texts(entry, lang) == [paragraphs[lang]]


def test_a_declaration_without_a_heading_after_funding_is_no_funding() -> None:
    entry = page(EN, ZH, "基金项目", "国家自然科学基金（82071234）", "作者声明无利益冲突。")
    assert [f.text for f in entry.funding] == ["国家自然科学基金（82071234）"]
    assert texts(entry, "zh") == [ZH]


def test_taylor_francis_declarations_end_no_abstract() -> None:
    entry = parse_fixture("pubmed-body-declaration-of-interest.txt")
    assert [(s.label, s.text) for s in entry.abstract.en] == [
        ("Introduction", "Exosomes carry proteins and nucleic acids of their cells of origin into body fluids."),
        (
            "Areas covered",
            "This review summarizes isolation methods, cargo profiling and clinical studies of exosomal biomarkers "
            "in cancer.",
        ),
        (
            "Expert opinion",
            "Standardized isolation and large validation cohorts are needed before exosomal tests reach the clinic.",
        ),
    ]
    assert [(s.label, s.text) for s in entry.abstract.zh] == [
        ("引言", "外泌体将其来源细胞的蛋白质和核酸带入体液。"),
        ("涵盖领域", "本综述总结了外泌体生物标志物的分离方法、内容物分析和癌症临床研究。"),
        ("专家观点", "外泌体检测进入临床前，需要标准化的分离方法和大型验证队列。"),
    ]
    assert [(f.text, f.lang) for f in entry.funding] == [("This paper was not funded.", "en")]
    assert entry.keywords.zh == ("外泌体", "液体活检", "生物标志物", "癌症")


@pytest.mark.parametrize(
    "lines",
    [
        ["Funding", "This research received no specific grant from any funding agency."],
        ["Funding: This paper was not funded."],
        ["基金项目", "本研究未接受任何资助。"],
    ],
)
def test_a_statement_of_no_funding_under_a_funding_label_is_the_funding(lines: list[str]) -> None:
    entry = page(EN, ZH, *lines)
    statement = lines[-1].removeprefix("Funding: ")
    assert [f.text for f in entry.funding] == [statement]
    assert texts(entry, "en") == [EN] and texts(entry, "zh") == [ZH]
