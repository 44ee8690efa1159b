"""Vancouver/NLM and GB/T 7714 strings as PubMed and journals print them: names, identifiers, notes, dates.

Each case pins the whole reading (authors, title, journal, numbers, identifiers, status) so that a
trailing ``doi:``/``PMID:``/``Epub`` never leaks into the journal or the title, and initials never
glue to the wrong name (``HAN QF, LI WJ`` once read as family ``HAN QF``, given ``L. I. W. J.``).
"""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference

KALLURI = [("Kalluri", "R."), ("LeBleu", "V. S.")]
SCIENCE = {"container-title": "Science", "volume": "367", "issue": "6478", "page": "eaau6977", "number": "eaau6977"}
TITLE = "The biology, function, and biomedical applications of exosomes"
HEAD = f"Kalluri R, LeBleu VS. {TITLE}. Science."

# (printed string, expected authors, expected fields); every case must parse as "full".
CASES = [
    (
        "HAN QF, LI WJ, HU KS, et al. Exosome-mediated communication in cancer. Mol Cancer. 2022;21(1):207.",
        [("Han", "Q. F."), ("Li", "W. J."), ("Hu", "K. S.")],
        {"title": "Exosome-mediated communication in cancer", "container-title": "Mol Cancer", "page": "207"},
    ),
    (
        "HAN QF,LI WJ,HU KS. Exosome-mediated communication. Mol Cancer,2022,21(1):207.",
        [("Han", "Q. F."), ("Li", "W. J."), ("Hu", "K. S.")],
        {"container-title": "Mol Cancer", "volume": "21", "issue": "1"},
    ),
    (
        "HAN Q F, LI W J. Exosome-mediated communication[J]. Mol Cancer, 2022, 21(1): 207.",
        [("Han", "Q. F."), ("Li", "W. J.")],
        {"container-title": "Mol Cancer", "page": "207"},
    ),
    (
        f"{HEAD} 2020;367(6478):eaau6977. doi:10.1126/science.aau6977",
        KALLURI,
        {**SCIENCE, "title": TITLE, "DOI": "10.1126/science.aau6977"},
    ),
    (
        f"{HEAD} 2020 Feb 7;367(6478):eaau6977. doi: 10.1126/science.aau6977. PMID: 32029601; PMCID: PMC7717626.",
        KALLURI,
        {**SCIENCE, "title": TITLE, "DOI": "10.1126/science.aau6977", "PMID": "32029601", "PMCID": "PMC7717626"},
    ),
    (
        f"{HEAD} 2020;367(6478):eaau6977. doi:10.1126/science.aau6977. PMID: 32029601.",
        KALLURI,
        {**SCIENCE, "DOI": "10.1126/science.aau6977", "PMID": "32029601"},
    ),
    (
        f"Kalluri R, LeBleu VS. {TITLE}. Science 2020;367(6478):eaau6977 doi:10.1126/science.aau6977",
        KALLURI,
        {**SCIENCE, "title": TITLE, "DOI": "10.1126/science.aau6977"},
    ),
    (f"{HEAD} 2020;367(6478):eaau6977. PMID: 32029601", KALLURI, {**SCIENCE, "PMID": "32029601"}),
    (f"{HEAD} 2020;367(6478):eaau6977. [PMID: 32029601]", KALLURI, {**SCIENCE, "PMID": "32029601"}),
    (
        f"{HEAD} 2020;367(6478):eaau6977. https://doi.org/10.1126/science.aau6977",
        KALLURI,
        {**SCIENCE, "DOI": "10.1126/science.aau6977"},
    ),
    (
        f"{HEAD} 2020;367(6478):eaau6977. DOI: 10.1126/science.aau6977. Epub 2020 Feb 7.",
        KALLURI,
        {**SCIENCE, "DOI": "10.1126/science.aau6977", "note": None},
    ),
    (
        "Smith J, Doe A. Exosomes in disease. J Extracell Vesicles. 2023 Jan 4:e12300. "
        "doi: 10.1002/jev2.12300. Epub ahead of print. PMID: 36600000.",
        [("Smith", "J."), ("Doe", "A.")],
        {"container-title": "J Extracell Vesicles", "page": "e12300", "PMID": "36600000", "volume": None},
    ),
    (
        "Smith J, Doe A. Exosomes in disease. J Extracell Vesicles. 2023 Jan 4. doi: 10.1002/jev2.12300. "
        "[Epub ahead of print]",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "Exosomes in disease", "container-title": "J Extracell Vesicles", "DOI": "10.1002/jev2.12300"},
    ),
    (
        # PMC's citation of an online-only article: the date it was published follows the locator
        "Yáñez-Mó M, Siljander PR, Andreu Z, et al. Biological properties of extracellular vesicles. "
        "J Extracell Vesicles. 2015;4:27066. Published 2015 May 14. doi:10.3402/jev.v4.27066",
        [("Yáñez-Mó", "M."), ("Siljander", "P. R."), ("Andreu", "Z.")],
        {"container-title": "J Extracell Vesicles", "volume": "4", "page": "27066", "DOI": "10.3402/jev.v4.27066"},
    ),
    (
        "Smith J, Doe A. Exosomes in disease. Cell Mol Life Sci. 2023;80:12. Published online: 05 January 2023.",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "Exosomes in disease", "container-title": "Cell Mol Life Sci", "volume": "80", "page": "12"},
    ),
    (
        "Smith J, Doe A. Exosomes in disease. Cell Mol Life Sci. 2023;80:12. Published January 5, 2023.",
        [("Smith", "J."), ("Doe", "A.")],
        {"container-title": "Cell Mol Life Sci", "volume": "80", "page": "12", "note": None},
    ),
    (
        "Smith J, Doe A. Published 2015 data on exosomes: a bibliometric study. Scientometrics. 2016;4:27066.",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "Published 2015 data on exosomes: a bibliometric study", "container-title": "Scientometrics"},
    ),
    (
        "Smith J, Doe A. Exosome profiling in plasma. J Proteome Res. In press.",
        [("Smith", "J."), ("Doe", "A.")],
        {"container-title": "J Proteome Res", "status": "in press", "note": None, "issued": None},
    ),
    (
        # APA and Harvard print the status where the year goes, after the authors
        "Smith J, Doe A. (in press). Exosome profiling in plasma. J Proteome Res.",
        [("Smith", "J."), ("Doe", "A.")],
        {
            "title": "Exosome profiling in plasma",
            "container-title": "J Proteome Res",
            "status": "in press",
            "issued": None,
        },
    ),
    (
        "Smith, J., & Doe, A. (Forthcoming). Exosome profiling in plasma. Journal of Proteome Research.",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "Exosome profiling in plasma", "status": "forthcoming", "issued": None},
    ),
    (
        # a mark inside a title, in a reference printing its year: the title's words, no status
        "Smith J, Doe A. Exosomes (in press) and the press. J Proteome Res. 2020;12:1-10.",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "Exosomes (in press) and the press", "status": None, "issued": {"date-parts": [[2020]]}},
    ),
    (
        "Smith J, Doe A. The [forthcoming] election and exosomes. J Proteome Res. 2020;12:1-10.",
        [("Smith", "J."), ("Doe", "A.")],
        {"title": "The [forthcoming] election and exosomes", "status": None, "volume": "12"},
    ),
    (
        "Smith J (in press) Exosome profiling in plasma. J Proteome Res.",
        [("Smith", "J.")],
        {"title": "Exosome profiling in plasma", "container-title": "J Proteome Res", "status": "in press"},
    ),
    (
        "张三, 李四. 外泌体研究[J]. 中华医学杂志, (待发表).",
        [("张", "三"), ("李", "四")],
        {"title": "外泌体研究", "container-title": "中华医学杂志", "status": "in press"},
    ),
    (
        "张三, 李四. (已接收). 外泌体研究[J]. 中华医学杂志.",
        [("张", "三"), ("李", "四")],
        {"title": "外泌体研究", "container-title": "中华医学杂志", "status": "in press"},
    ),
    (
        "Smith J, Doe A. Exosome profiling in plasma. J Proteome Res. 2024 [in press]. doi:10.1021/acs.jproteome.4c00001",
        [("Smith", "J."), ("Doe", "A.")],
        {"container-title": "J Proteome Res", "status": "in press", "DOI": "10.1021/acs.jproteome.4c00001"},
    ),
    (
        # a Chinese paper cited in English, its language said at the end
        "Zhang W, Li M. Exosomes and tumor immunity[J]. Chin J Immunol, 2020, 36(5): 620-625. (in Chinese)",
        [("Zhang", "W."), ("Li", "M.")],
        {
            "container-title": "Chin J Immunol",
            "issued": {"date-parts": [[2020]]},
            "note": "in Chinese",
            "language": None,
        },
    ),
    (
        "Zhang W, Li M. Exosomes and tumor immunity. Zhongguo Mian Yi Xue Za Zhi. 2020;36(5):620-5. Chinese. "
        "PMID: 32000000.",
        [("Zhang", "W."), ("Li", "M.")],
        {"container-title": "Zhongguo Mian Yi Xue Za Zhi", "page": "620-5", "note": "in Chinese", "PMID": "32000000"},
    ),
    (
        "Zhang W, Li M. Exosomes in Chinese hamster ovary cells. Biotechnol J. 2020;15(5):1900-5.",
        [("Zhang", "W."), ("Li", "M.")],
        {"title": "Exosomes in Chinese hamster ovary cells", "note": None},
    ),
    (
        "Yan L, Wu X. Exosomes produced from 3D cultures. Cell Biol Toxicol. 2020 Mar;36(2):165-178. "
        "doi: 10.1007/s10565-019-09504-5. Epub 2019 Oct 24. PMID: 31650000.",
        [("Yan", "L."), ("Wu", "X.")],
        {"container-title": "Cell Biol Toxicol", "volume": "36", "issue": "2", "page": "165-178", "PMID": "31650000"},
    ),
    (
        "Li W, Wang X. Another title about cells. Cell. 2019;177(2):428-445.e14.",
        [("Li", "W."), ("Wang", "X.")],
        {"title": "Another title about cells", "container-title": "Cell", "page": "428-445.e14"},
    ),
    (
        "Tie J, Wang Y, Tomasetti C, et al. Circulating tumor DNA analysis detects minimal residual disease. "
        "Sci Transl Med. 2016;8(346):346ra92. doi:10.1126/scitranslmed.aaf6219.",
        [("Tie", "J."), ("Wang", "Y."), ("Tomasetti", "C.")],
        {"container-title": "Sci Transl Med", "page": "346ra92", "number": "346ra92"},
    ),
    (
        "EL SAFADI D, MOKHTARI A, KREJBICH M, et al. Extracellular vesicles in tumors. Int J Mol Sci. 2023;24(3):2103222.",
        [("El Safadi", "D."), ("Mokhtari", "A."), ("Krejbich", "M.")],
        {"page": "2103222", "number": "2103222"},
    ),
    (
        f"Kalluri R, et al. {TITLE}. Science. 2020 Feb 7;367(6478):eaau6977. doi: 10.1126/science.aau6977. "
        "Erratum in: Science. 2021;371(6530):eabg1234.",
        [("Kalluri", "R.")],
        {**SCIENCE, "title": TITLE, "note": "Erratum in: Science. 2021;371(6530):eabg1234"},
    ),
    (
        "ZHANG Y, LIU Y, LIU H, et al. Exosomes: biogenesis, biologic function and clinical potential[J/OL]. "
        "Cell Biosci, 2019, 9: 19[2024-01-01]. https://doi.org/10.1186/s13578-019-0282-2.",
        [("Zhang", "Y."), ("Liu", "Y."), ("Liu", "H.")],
        {"container-title": "Cell Biosci", "volume": "9", "page": "19", "accessed": {"date-parts": [[2024, 1, 1]]}},
    ),
    (
        "LYU Ruyue, GU Lulu, LIU Qian, et al. Regulatory mechanisms of exosome secretion[J]. "
        "Chinese Journal of Tissue Engineering Research, 2026, 30(1): 184-193.",
        [("Lyu", "Ruyue"), ("Gu", "Lulu"), ("Liu", "Qian")],
        {"container-title": "Chinese Journal of Tissue Engineering Research", "page": "184-193"},
    ),
    (
        "HAN Qing-feng, OUYANG Nana, EL SAFADI D. Exosome biogenesis in cancer. Mol Cancer. 2022;21(1):207.",
        [("Han", "Qing-feng"), ("Ouyang", "Nana"), ("El Safadi", "D.")],
        {"title": "Exosome biogenesis in cancer", "container-title": "Mol Cancer"},
    ),
    (
        "Bei JC, Byrne FL, Takenaka K, et al. Analysis of the circular RNA transcriptome[J]. Oncotarget, 2018, "
        "5(pp): 5786-5796.",
        [("Bei", "J. C."), ("Byrne", "F. L."), ("Takenaka", "K.")],
        {"volume": "5", "issue": None, "page": "5786-5796"},
    ),
]


@pytest.mark.parametrize(("raw", "authors", "expected"), CASES)
def test_vancouver_with_identifiers_and_notes(raw: str, authors: list, expected: dict) -> None:
    parsed = parse_reference(raw)
    assert parsed.status == "full", (parsed.problems, parsed.item)
    assert [(a.get("family"), a.get("given")) for a in parsed.item["author"]] == authors
    for key, value in expected.items():
        assert parsed.item.get(key) == value, (key, parsed.item)
    journal = parsed.item["container-title"]
    assert not any(ch.isdigit() for ch in journal), journal
    assert "doi" not in parsed.item.get("title", "").lower()


@pytest.mark.parametrize(
    ("raw", "et_al"),
    [
        ("HAN QF, LI WJ, HU KS, et al. A title here. Mol Cancer. 2022;21(1):207.", True),
        ("HAN QF, LI WJ, HU KS et al. A title here. Mol Cancer. 2022;21(1):207.", True),
        ("韩其飞, 李伟杰, 等. 外泌体研究[J]. 中华医学杂志, 2022, 21(1): 207.", True),
        ("HAN QF, LI WJ. A title here. Mol Cancer. 2022;21(1):207.", False),
    ],
)
def test_et_al_never_becomes_an_author(raw: str, et_al: bool) -> None:
    parsed = parse_reference(raw)
    assert parsed.et_al is et_al
    families = [a.get("family", "") for a in parsed.item["author"]]
    assert not any("et" in f.lower().split() or "等" in f for f in families), families


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        (
            "O'Brien K, Breyne K. RNA delivery by extracellular vesicles. Nat Rev Mol Cell Biol. 2020 Oct;21(10):585-606. "
            "doi: 10.1038/s41580-020-0251-y. Epub 2020 May 26. PMID: 32457507.",
            None,
        ),
        (
            "Kumar S, Patel R. Extracellular vesicles in sepsis. Crit Care. 2023 Mar 2. doi: 10.1186/s13054-023-04350-1. "
            "Epub 2023 Mar 2.",
            "online ahead of print",
        ),
        (
            "Smith AB, Jones CD. Vesicles as liquid biopsy in glioma. J Extracell Vesicles. 2024 Jan 5. "
            "doi: 10.1002/jev2.12400. [Epub ahead of print]",
            "online ahead of print",
        ),
    ],
)
def test_only_an_article_in_no_issue_is_ahead_of_print(raw: str, note: str | None) -> None:
    parsed = parse_reference(raw)
    assert parsed.item.get("note") == note
    assert parsed.status == "full", parsed.problems
    assert "Epub" not in parsed.item.get("container-title", "")


@pytest.mark.parametrize(
    ("journal", "short"),
    [("J Extracell Vesicles", "J Extracell Vesicles"), ("The Journal of Urology", None), ("Gynecol & Obstet", None)],
)
def test_a_journal_printed_in_full_is_no_abbreviation(journal: str, short: str | None) -> None:
    item = parse_reference(f"Smith J, Doe A. Exosomes in urine. {journal}. 2019;201(4):700-8.").item
    assert (item["container-title"], item.get("container-title-short")) == (journal, short)
