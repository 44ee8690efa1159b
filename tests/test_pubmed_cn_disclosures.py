"""The pubmed-cn family: the authors' ties and the work's funding printed with no heading at the end of an abstract."""

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
CITED = (
    "外泌体与骨关节炎\n"
    "Exosomes and osteoarthritis.\n"
    "作者信息\n"
    "Li Ming, Smith John\n"
    "机构信息\n"
    "Department of Orthopedics, Renji Hospital, Shanghai, China.\n"
    "出版信息\n"
    "J Extracell Vesicles. 2024 Mar;13(3):e12412. doi: 10.1002/jev2.12412.\n"
)
EN = "Extracellular vesicles relieve cartilage degeneration in animal models of osteoarthritis."
ZH = "细胞外囊泡可缓解骨关节炎动物模型的软骨退变。"


def read_fixture(name: str) -> Entry:
    path = FIXTURES / name
    return pubmed_cn.parse(read_source(path, path.name), Origin(f"sources/{name}"))


def paste(*lines: str) -> Entry:
    """A page with the given lines after its citation."""
    return pubmed_cn.parse(CITED + "\n".join(lines) + "\n", Origin("sources/paste.txt"))


def abstract(entry: Entry, lang: str) -> list[str]:
    return [s.text for s in getattr(entry.abstract, lang)]


def funding(entry: Entry) -> list[tuple[str, str]]:
    return [(f.text, f.lang) for f in entry.funding]


def test_ties_and_funding_closing_both_abstracts_are_no_abstract() -> None:
    entry = read_fixture("pubmed-body-disclosures-unlabelled.txt")
    assert abstract(entry, "en") == [
        "Mesenchymal stem cell-derived extracellular vesicles (MSC-EVs) relieve cartilage degeneration in animal "
        "models of osteoarthritis. Pharmaceutical companies have funded several trials of MSC-EVs. Conflicts between "
        "EV subpopulations remain unresolved, and no potency assay is accepted. This review discusses manufacturing, "
        "dosing and regulatory hurdles."
    ]
    assert abstract(entry, "zh") == [
        "间充质干细胞来源的细胞外囊泡（MSC-EVs）可缓解骨关节炎动物模型的软骨退变。多家制药公司资助了MSC-EVs临床试验。"
        "本文讨论了生产、给药剂量和监管方面的障碍。"
    ]
    assert funding(entry) == [
        ("This work was supported by the National Natural Science Foundation of China (82071234).", "en"),
        ("本研究由国家自然科学基金（82071234）资助。", "zh"),
    ]
    assert entry.keywords.zh == ("细胞外囊泡", "间充质干细胞", "骨关节炎")


def test_labelled_statements_closing_a_structured_abstract_are_no_section_text() -> None:
    entry = read_fixture("pubmed-body-disclosures-labelled.txt")
    assert [(s.label, s.text) for s in entry.abstract.en][-1] == (
        "CONCLUSIONS",
        "Exosomes are promising biomarkers and therapeutics for SA-AKI.",
    )
    assert [(s.label, s.text) for s in entry.abstract.zh][-1] == (
        "结论",
        "外泌体有望成为SA-AKI的生物标志物和治疗手段。",
    )
    assert [s.label for s in entry.abstract.en] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert funding(entry) == [
        ("Sichuan Science and Technology Program (2022YFS0123).", "en"),
        ("四川省科技计划项目（2022YFS0123）", "zh"),
    ]


ENGLISH_TIES = [
    "Conflict of interest statement: J.S. is a consultant for Abcam.",
    "Competing interests: A.B. holds shares in ExoBio Inc.",
    "J.S. has received speaker fees from Novartis.",
    "The authors declare the following competing interests: J.S. is a consultant for Abcam; A.B. holds shares in "
    "ExoBio Inc.",
    "Dr. Li reports grants from NSFC during the conduct of the study.",
    "Prof. Wang Li reports personal fees from Takeda outside the submitted work.",
    "J. Smith is an employee of ExoBio.",
    "J.-P.D. and A.B. are co-founders of ExoBio Inc.",
    "J.S., A.B. and C.D. hold stock options in ExoBio.",
    "One of the authors (J.S.) is a paid consultant for Abcam.",
    "Xiaoming Li serves on the scientific advisory board of Codiak BioSciences.",
    # two names naming an author of the page (Smith John)
    "John Smith holds patents on EV isolation kits.",
    "JS is an inventor on a patent application filed by Harvard University.",
    "J.S. is a director of ExoBio Inc.",
    "J.S. is a paid speaker for Novartis.",
    "The authors have the following competing interests: J.S. owns ExoBio.",
    "Smith J has received honoraria from Roche.",
    "Conflict of Interest Disclosures: Dr Smith reported receiving personal fees from Pfizer outside the submitted "
    "work.",
    "J.S. is a consultant for Abcam. The other authors have nothing to disclose.",
    "Competing interests: A.B. holds shares in ExoBio Inc., which sells isolation kits. ExoBio had no role in this "
    "review.",
]
CHINESE_TIES = [
    "利益冲突：作者李明为某公司顾问。",
    "利益冲突声明：作者李明持有某生物科技公司股份。",
    "作者李明为某公司顾问。",
    "李明为某生物科技公司顾问。",
    "作者声明存在以下利益冲突：李明为某公司顾问。",
    "利益冲突：作者李明为某公司顾问。其他作者声明无利益冲突。",
]


@pytest.mark.parametrize("tie", ENGLISH_TIES)
def test_an_english_tie_closing_the_abstract_is_no_abstract(tie: str) -> None:
    alone = paste(EN, tie, ZH)
    glued = paste(f"{EN} {tie}", ZH)
    assert abstract(alone, "en") == abstract(glued, "en") == [EN] and abstract(glued, "zh") == [ZH]
    assert glued.funding == ()


@pytest.mark.parametrize("tie", CHINESE_TIES)
def test_a_chinese_tie_closing_the_abstract_is_no_abstract(tie: str) -> None:
    alone = paste(EN, ZH, tie)
    glued = paste(EN, ZH + tie)
    assert abstract(alone, "zh") == abstract(glued, "zh") == [ZH] and abstract(glued, "en") == [EN]
    assert glued.funding == ()


@pytest.mark.parametrize(
    ("statement", "read"),
    [
        (
            "Funding: This work was supported by the National Natural Science Foundation of China (82071234).",
            "This work was supported by the National Natural Science Foundation of China (82071234).",
        ),
        (
            "This work was supported by the National Natural Science Foundation of China (82071234).",
            "This work was supported by the National Natural Science Foundation of China (82071234).",
        ),
        ("Supported by grants from the NIH (R01CA123456).", "Supported by grants from the NIH (R01CA123456)."),
        (
            "Supported by grants from the NIH (R01CA123456), the NSFC (82071234), and the Ministry of Science and "
            "Technology of China.",
            "Supported by grants from the NIH (R01CA123456), the NSFC (82071234), and the Ministry of Science and "
            "Technology of China.",
        ),
        (
            "This work was funded by the European Union's Horizon 2020 research and innovation programme under grant "
            "agreement No 123456.",
            "This work was funded by the European Union's Horizon 2020 research and innovation programme under grant "
            "agreement No 123456.",
        ),
        (
            "This work was supported in part by the Intramural Research Program of the NIH.",
            "This work was supported in part by the Intramural Research Program of the NIH.",
        ),
        ("Financial support: NSFC (82071234). Disclosures: None.", "NSFC (82071234)."),
        (
            "This work was supported by NSFC (82071234). The funders had no role in study design, data collection and "
            "analysis, decision to publish, or preparation of the manuscript.",
            "This work was supported by NSFC (82071234). The funders had no role in study design, data collection and "
            "analysis, decision to publish, or preparation of the manuscript.",
        ),
        (
            "The author(s) disclosed receipt of the following financial support for the research, authorship, and/or "
            "publication of this article: NSFC (82071234).",
            "The author(s) disclosed receipt of the following financial support for the research, authorship, and/or "
            "publication of this article: NSFC (82071234).",
        ),
        (
            "This research received no specific grant from any funding agency.",
            "This research received no specific grant from any funding agency.",
        ),
    ],
)
def test_an_english_funding_statement_closing_the_abstract_is_the_funding(statement: str, read: str) -> None:
    entry = paste(f"{EN} {statement}", ZH)
    assert abstract(entry, "en") == [EN] and funding(entry) == [(read, "en")]


@pytest.mark.parametrize(
    ("statement", "read"),
    [
        ("基金项目：国家自然科学基金(81971234)", "国家自然科学基金(81971234)"),
        (
            "基金项目：国家自然科学基金（81971234）；四川省科技计划项目（2022YFS0001）",
            "国家自然科学基金（81971234）；四川省科技计划项目（2022YFS0001）",
        ),
        ("资助项目：国家重点研发计划（2022YFA1234500）。", "国家重点研发计划（2022YFA1234500）。"),
        ("本研究由国家自然科学基金(81971234)资助。", "本研究由国家自然科学基金(81971234)资助。"),
        ("本研究得到国家自然科学基金项目（81971234）的支持。", "本研究得到国家自然科学基金项目（81971234）的支持。"),
        ("受国家自然科学基金(81971234)资助。", "受国家自然科学基金(81971234)资助。"),
    ],
)
def test_a_chinese_funding_statement_closing_the_abstract_is_the_funding(statement: str, read: str) -> None:
    entry = paste(EN, ZH + statement)
    assert abstract(entry, "zh") == [ZH] and funding(entry) == [(read, "zh")]


ENGLISH_SENTENCES = [
    "Conflicts between EV subpopulations remain unresolved.",
    "Pharmaceutical companies have funded several trials of MSC-EVs.",
    "Several companies hold patents on EV isolation methods.",
    "This study was supported by evidence from three cohorts.",
    "The authors report how funding from industry shapes EV research.",
    "Exosome therapy has received funding from venture capital.",
    "MSC-EVs are employed by several clinics as adjuvants.",
    "These trials were funded by Novartis and Pfizer.",
    "Isolation kits from Thermo Fisher Scientific Inc. are widely used.",
    # two names naming no author of the page: a company
    "Thermo Fisher holds patents on EV isolation kits.",
    "Eli Lilly has received grants from the NIH.",
    "Most kits are sold in the U.S.",
    # data, evidence or results supporting a work are no funder, nor is a participle before a main clause funding
    "This study was supported by data from the UK Biobank project.",
    "This study was supported by results of the PRIDE project.",
    "Supported by evidence from 12 clinical programmes, MSC-EVs are safe.",
    "Supported by grants from the NIH, the consortium has built an EV atlas.",
    # a scientist's role with no company, a sentence's opening word with a company, interests described
    "Hans Clevers is the inventor of organoid technology.",
    "Hans Clevers is the director of the Hubrecht Institute.",
    "Jan Lotvall is the editor of the MISEV guidelines.",
    "Recently Lonza received grants from the European Union.",
    "The authors have described the financial relationships between sponsors and trial outcomes.",
    "The authors have summarised the competing interests of trial sponsors.",
    "The authors report the financial relationships between sponsors and trial investigators.",
]
CHINESE_SENTENCES = [
    "利益冲突是临床研究中不可忽视的问题。",
    "由于缺乏基金资助，多数研究规模较小。",
    "本研究得到了一致的结果。",
    "多家公司持有外泌体分离方法的专利。",
    "制药公司资助了多项MSC-EVs临床试验。",
]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("en", s) for s in ENGLISH_SENTENCES]
    + [("zh", s) for s in CHINESE_SENTENCES]
    + [
        # a tie or a funding statement that abstract text follows closes no abstract
        ("en", "J.S. is a consultant for Abcam. Exosomes are found in saliva."),
        ("en", "This work was supported by NSFC (82071234). Exosomes are found in saliva."),
        ("zh", "作者李明为某公司顾问。外泌体存在于唾液中。"),
    ],
)
def test_a_sentence_of_the_abstract_about_funding_shares_or_companies_stays(lang: str, sentence: str) -> None:
    paragraphs = {"en": f"{EN} {sentence}", "zh": f"{ZH}{sentence}"}
    entry = paste(paragraphs["en"] if lang == "en" else EN, paragraphs["zh"] if lang == "zh" else ZH)
    assert abstract(entry, lang) == [paragraphs[lang]] and entry.funding == ()


ENGLISH_FUNDING = [
    "This work was supported by the National Natural Science Foundation of China (82071234).",
    "Funding: Sichuan Science and Technology Program (2022YFS0123).",
]


@given(
    st.lists(st.sampled_from(ENGLISH_SENTENCES), min_size=1, max_size=4),
    st.lists(st.sampled_from(ENGLISH_TIES + ENGLISH_FUNDING), min_size=1, max_size=3),
)
@settings(max_examples=60, deadline=None)
def test_any_run_of_declarations_closing_an_english_abstract_leaves_the_abstract_whole(
    sentences: list[str], declarations: list[str]
) -> None:
    text = " ".join([EN, *sentences])
    entry = paste(" ".join([text, *declarations]), ZH)
    assert abstract(entry, "en") == [text]
    read = [d.removeprefix("Funding: ") for d in declarations if d in ENGLISH_FUNDING]
    assert " ".join(f.text for f in entry.funding) == " ".join(read)


@given(
    st.lists(st.sampled_from(CHINESE_SENTENCES), min_size=1, max_size=4),
    st.lists(st.sampled_from(CHINESE_TIES + ["基金项目：国家自然科学基金（81971234）。"]), min_size=1, max_size=3),
)
@settings(max_examples=60, deadline=None)
def test_any_run_of_declarations_closing_a_chinese_abstract_leaves_the_abstract_whole(
    sentences: list[str], declarations: list[str]
) -> None:
    text = "".join([ZH, *sentences])
    entry = paste(EN, "".join([text, *declarations]))
    assert abstract(entry, "zh") == [text]


def test_a_funding_statement_between_two_labelled_statements_is_funding() -> None:
    """A labelled statement runs on to the end of its line, but not over a later labelled one: the funding
    statement between them is read as funding, the text after each label stays with it."""
    tail = (
        "Conflict of interest statement: J.S. is a consultant for Abcam. This work was supported by the National "
        "Natural Science Foundation of China (82071234). Competing interests: A.B. holds shares in ExoBio Inc., "
        "which sells isolation kits. ExoBio had no role in this review."
    )
    entry = paste(f"{EN} {tail}", ZH)
    assert abstract(entry, "en") == [EN]
    assert funding(entry) == [
        ("This work was supported by the National Natural Science Foundation of China (82071234).", "en")
    ]


def test_a_funding_statement_under_a_funding_heading_is_read_once() -> None:
    entry = paste(EN, ZH, "Funding", "This work was supported by the National Natural Science Foundation of China.")
    assert funding(entry) == [("This work was supported by the National Natural Science Foundation of China.", "en")]


def test_two_names_are_a_person_on_a_page_printing_no_author_in_latin_letters() -> None:
    """With no Latin name to tell them by, two names owning a holding are an author's tie, as they read alone."""
    page = CITED.replace("Li Ming, Smith John", "李明, 史密斯") + f"{EN} John Smith holds patents on EV kits.\n{ZH}\n"
    entry = pubmed_cn.parse(page, Origin("sources/paste.txt"))
    assert abstract(entry, "en") == [EN]
