"""Glossary: term pairs harvested from the samples, hand-written variations and real full texts."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evdigest.enrich import glossary as glossary_module
from evdigest.enrich.glossary import apply, corpus_glossary, harvest
from evdigest.model import Definition, Entry, GlossaryTerm, Keywords

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "glossary"
CHINAXIV = Path(__file__).resolve().parent / "fixtures" / "chinaxiv"
SAMPLES = ("liu-2025-migrasomes.txt", "zhang-2025-msc-evs.txt", "lyu-2026-exosome-secretion.txt")

# Keywords as the journal-fulltext sample prints them (关键词 / Key words lines).
LYU_KEYWORDS = Keywords(
    en=(
        "exosome",
        "biological function",
        "biogenesis",
        "secretion or release",
        "regulatory mechanism",
        "engineered exosome",
    ),
    zh=("外泌体", "生物学功能", "生发过程", "分泌释放", "调控机制", "工程化外泌体"),
)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def source_text(name: str) -> str:
    return read(CONTENT / "sources" / name)


def triples(terms: tuple[GlossaryTerm, ...] | list[GlossaryTerm]) -> set[tuple[str | None, str | None, str | None]]:
    return {(t.zh, t.en, t.abbr) for t in terms}


def assert_traceable(terms, texts: dict[str, str]) -> None:
    """Every span is found at its line of its file (or in the file when no line is known)."""
    for t in terms:
        text = texts[t.file]
        assert t.span, t
        if t.line is None:
            assert t.span in text, t
        else:
            assert t.span in text.split("\n")[t.line - 1], t


@pytest.fixture(scope="module")
def sample_entries() -> list[Entry]:
    entries = []
    for name in SAMPLES:
        source = f"sources/{name}"
        keywords = LYU_KEYWORDS if name.startswith("lyu") else Keywords()
        definitions = (Definition("外泌体", "是由细胞分泌到细胞外的膜性结构"),) if name.startswith("lyu") else ()
        entries.append(
            Entry(
                id=name,
                slug=name.removesuffix(".txt"),
                source=source,
                family="journal-fulltext",
                keywords=keywords,
                definitions=definitions,
                glossary=harvest(source_text(name), source),
            )
        )
    return entries


@pytest.fixture(scope="module")
def sample_texts() -> dict[str, str]:
    return {f"sources/{name}": source_text(name) for name in SAMPLES}


# --- harvest on the samples ----------------------------------------------------


def test_fulltext_sample_pairs_are_pinned() -> None:
    terms = harvest(source_text("lyu-2026-exosome-secretion.txt"), "sources/lyu-2026-exosome-secretion.txt")
    assert triples(terms) == {
        ("外泌体", "Exosomes", None),
        ("多囊泡体", "multivesicular bodies", "MVBs"),
        ("腔内囊泡", "intraluminal vesicles", "ILVs"),
        ("内吞体分选复合物", "endosomal sorting complex required for transport", "ESCRT"),
        ("磷脂酰肌醇 3 激酶", "phosphoinositide 3 kinase", "PI3K"),
        ("细胞外囊泡", None, "EV"),
        ("3D 培养的人脐带间充质干细胞衍生的外泌体", None, "3D-hUMSCs-Exos"),
        (None, "lactacystine", "Lac"),
        (None, "bafilomycin A1", "Baf"),
        (None, "Receptor-mediated endocytosis 8", "RME-8"),
        (None, "Mesenchymal stromal/stem cell", "MSC"),
        # the two parallel search-term lists of the methods
        ("生物学功能", "biological functions", None),
        ("生发过程", "biogenesis", None),
        ("分泌释放", "secretion or release", None),
        ("调控机制", "regulatory mechanisms", None),
        ("应用前景", "application prospects", None),
        ("分泌释放", "secretion and release", None),
    }


def test_an_entry_takes_no_pairs_from_its_reference_list() -> None:
    """What the titles of cited papers spell out is theirs: an ingested entry keeps the pairs of its own
    text only (``harvest`` above still finds RME-8 and MSC, printed in two references' titles)."""
    from evdigest.ingest import ingest

    (entry,) = ingest([CONTENT / "sources" / "lyu-2026-exosome-secretion.txt"], CONTENT).entries
    lines = [r.line for r in entry.references]
    assert not [t for t in entry.glossary if t.line is not None and min(lines) <= t.line <= max(lines)]
    assert {t.abbr for t in entry.glossary} >= {"MVBs", "ILVs", "ESCRT", "PI3K"}
    assert not {"RME-8", "MSC"} & {t.abbr for t in entry.glossary}


def test_chinese_boundaries_are_trimmed() -> None:
    """The naive pattern would take the clause before the term."""
    terms = harvest(source_text("lyu-2026-exosome-secretion.txt"), "sources/lyu-2026-exosome-secretion.txt")
    by_abbr = {t.abbr: t for t in terms if t.abbr}
    assert by_abbr["ESCRT"].zh == "内吞体分选复合物"
    assert by_abbr["ESCRT"].span == "内吞体分选复合物 (endosomal sorting complex required for transport, ESCRT)"
    assert by_abbr["ILVs"].zh == "腔内囊泡"
    assert by_abbr["ILVs"].span == "腔内囊泡 (intraluminal vesicles, ILVs)"
    zh_sides = {t.zh for t in terms}
    assert "要依赖于内吞体分选复合物" not in zh_sides
    assert "出芽作用形成多个腔内囊泡" not in zh_sides


def test_non_terms_are_skipped() -> None:
    """Units, numbers, figure notes, Chinese asides, citations and reference lists give no pairs."""
    terms = harvest(source_text("lyu-2026-exosome-secretion.txt"), "sources/lyu-2026-exosome-secretion.txt")
    spans = " ".join(t.span or "" for t in terms)
    for not_a_term in ("Figdraw", "mN/cm", "11.0", "82072137", "质膜", "LAMP1", "DNAJC13", "Basel", "to SP"):
        assert not_a_term not in spans


def test_pubmed_sample_pairs_are_pinned() -> None:
    terms = harvest(source_text("zhang-2025-msc-evs.txt"), "sources/zhang-2025-msc-evs.txt")
    assert triples(terms) == {
        ("间充质干细胞衍生的细胞外囊泡", None, "MSC-EVs"),
        ("重症2019冠状病毒病", None, "COVID-19"),
        ("三维", None, "3D"),
        (None, "Mesenchymal stem cell-derived extracellular vesicles", "MSC-EVs"),
        (None, "coronavirus disease 2019", "COVID-19"),
        (None, "3-dimensional", "3D"),
    }


def test_platform_record_has_no_printed_pairs() -> None:
    assert harvest(source_text("liu-2025-migrasomes.txt"), "sources/liu-2025-migrasomes.txt") == ()


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_spans_are_traceable(name: str) -> None:
    text = source_text(name)
    terms = harvest(text, f"sources/{name}")
    assert all(t.file == f"sources/{name}" and t.line for t in terms)
    assert_traceable(terms, {f"sources/{name}": text})


def test_crlf_source_gives_the_same_pairs() -> None:
    text = source_text("zhang-2025-msc-evs.txt")
    crlf = text.replace("\n", "\r\n").replace("\r\n", "\n")
    assert harvest(crlf, "a") == harvest(text, "a")


# --- hand-written variations ------------------------------------------------------


def test_variations_fixture() -> None:
    """Full-width parentheses and commas, glued digits, a lost comma, lists, and non-terms."""
    text = read(FIXTURES / "variations.txt")
    terms = harvest(text, "variations.txt")
    assert triples(terms) == {
        ("细胞外囊泡", "extracellular vesicles", "EVs"),
        ("外泌体", "Exosomes", None),
        ("内吞体分选复合物", None, "ESCRT"),
        ("腔内囊泡", "intraluminal vesicles", "ILVs"),
        ("程序性死亡配体1", None, "PD-L1"),
        ("微小残留疾病", "Minimal Residual Disease", "MRD"),
        (None, "Programmed death-ligand 1", "PD-L1"),
        ("生物标志物", "biomarkers", None),
    }
    assert_traceable(terms, {"variations.txt": text})
    lines = {t.line for t in terms}
    assert not lines & {4, 5, 6}, "units, citations, figure notes and lists are not terms"


def test_known_terms_trim_by_longest_match() -> None:
    """A term known elsewhere in the corpus cuts a boundary the text alone cannot."""
    text = "晚期内吞体腔内囊泡(ILVs)增多。\n"
    assert [t.zh for t in harvest(text, "t")] == ["晚期内吞体腔内囊泡"]
    known = harvest(text, "t", known=["腔内囊泡"])
    assert [(t.zh, t.span) for t in known] == [("腔内囊泡", "腔内囊泡(ILVs)")]


# --- real full texts (ChinaXiv, CC BY 4.0) ---------------------------------------------


def test_chinaxiv_lung_cancer_text() -> None:
    name = "ChinaXiv-202209.00113V1.md"
    text = read(CHINAXIV / name)
    terms = harvest(text, name)
    found = triples(terms)
    assert {
        ("循环肿瘤细胞", "Circulating Tumor Cell", "CTC"),
        ("微小残留疾病", "Minimal Residual Disease", "MRD"),
        ("下一代测序", "Next Generation Sequencing", "NGS"),
        ("表皮生长因子受体", None, "EGFR"),
        ("甲状腺转录因子-1", None, "TTF-1"),
    } <= found
    assert "生存率" not in {t.zh for t in terms}, "one Chinese side for PFS, OS and RFS is cut too short"
    assert_traceable(terms, {name: text})


def test_chinaxiv_exosome_review() -> None:
    name = "ChinaXiv-201901.00122V1.md"
    text = read(CHINAXIV / name)
    terms = harvest(text, name)
    assert {
        ("中性鞘磷脂酶", "neutral sphingomyelinase", "nSMase"),
        ("曲线下面积", "Area Under Curve", "AUC"),
    } <= triples(terms)
    assert_traceable(terms, {name: text})


def test_a_particle_is_crossed_only_when_the_words_after_it_are_too_few() -> None:
    """``的`` and ``中`` end the text before a term when the words after them already make up the English side."""
    lung = harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung")
    urine = harvest(read(CHINAXIV / "ChinaXiv-201712.00741V1.md"), "urine")
    assert ("游离细胞DNA", None, "cfDNA") in triples(lung)
    assert ("二维", None, "2D") in triples(urine)
    assert not {"清液中的游离细胞DNA", "囊泡大小的二维"} & {t.zh for t in lung + urine}
    by_abbr = {t.abbr: t for t in lung}
    assert by_abbr["cfDNA"].span == "游离细胞DNA（cfDNA）"


def test_particles_inside_long_terms_stay() -> None:
    """The words after 的 are too few for the abbreviation: the modifier belongs to the term."""
    text = "近年来,间充质干细胞衍生的细胞外囊泡(MSC-EVs)受到关注。另一项研究中,通过 3D 培养的人脐带间充质干细胞衍生的外泌体 (3D-hUMSCs-Exos) 有效。"
    assert [t.zh for t in harvest(text, "t")] == [
        "间充质干细胞衍生的细胞外囊泡",
        "3D 培养的人脐带间充质干细胞衍生的外泌体",
    ]


def test_a_verb_starts_a_term_when_the_abbreviation_needs_its_word() -> None:
    """``ctDNA`` is c/t/DNA: three words, so 循环 (tagged as a verb) belongs to the term."""
    terms = harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung")
    by_abbr = {t.abbr: t for t in terms}
    assert by_abbr["ctDNA"].zh == "循环肿瘤DNA"
    assert by_abbr["ctDNA"].span == "循环肿瘤DNA（Circulating TumorDNA,ctDNA）"
    assert "多个腔内囊泡" not in {
        t.zh for t in harvest("晚期内吞体形成多个腔内囊泡(intraluminal vesicles, ILVs)。\n", "t")
    }


def test_words_beyond_the_english_side_are_shed_from_the_left() -> None:
    """聚合酶链反应 is three words for Polymerase Chain Reaction; 特异性 before it belongs to the sentence
    (等位基因特异性). A word is shed only while what is left may start a term: 美国食品和药物管理局 is one word,
    and 培养 (a verb) does not start 人脐带间充质干细胞衍生的外泌体."""
    lung = {t.abbr: t.zh for t in harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung") if t.zh}
    assert lung["PCR"] == "聚合酶链反应"
    assert lung["FDA"] == "美国食品和药物管理局"
    lyu = {t.abbr: t.zh for t in harvest(source_text("lyu-2026-exosome-secretion.txt"), "lyu") if t.zh}
    assert lyu["3D-hUMSCs-Exos"] == "3D 培养的人脐带间充质干细胞衍生的外泌体"


def test_a_repeated_term_takes_the_nouns_the_abbreviation_still_asks_for() -> None:
    """胸腔积液 recurs in the text, but M, P and E ask for three words: 恶性 (malignant) belongs to the term.
    Only nouns are taken, and only as many as the abbreviation asks for (PE: 胸腔积液)."""
    lung = harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung")
    assert {t.zh for t in lung if t.abbr == "MPE"} == {"恶性胸腔积液"}
    repeated = "大量胸腔积液需要引流。抽取胸腔积液后复查。"
    assert [t.zh for t in harvest(repeated + "恶性胸腔积液（MPE）常见。", "t")] == ["恶性胸腔积液"]
    assert [t.zh for t in harvest(repeated + "晚期胸腔积液（MPE）常见。", "t")] == ["胸腔积液"]
    assert [t.zh for t in harvest(repeated + "恶性胸腔积液（PE）常见。", "t")] == ["胸腔积液"]


def test_a_repeated_term_takes_a_modifier_before_it_and_no_noun_naming_a_thing() -> None:
    """恶性 (malignant) and 慢性 (chronic) qualify the effusion; a patient's, a mouse's or a lung cancer's effusion
    is still 胸腔积液, and exosomes from a tumour (肿瘤来源, 来源 a source) are 外泌体, though the abbreviation
    asks for one word more."""
    repeated = "大量胸腔积液需要引流。抽取胸腔积液后复查。"
    assert [t.zh for t in harvest(repeated + "慢性胸腔积液（MPE）常见。", "t")] == ["慢性胸腔积液"]
    for owner in ("患者", "小鼠", "肺癌"):
        assert [t.zh for t in harvest(repeated + owner + "胸腔积液（MPE）常见。", "t")] == ["胸腔积液"]
    exosomes = "检测外泌体。分离外泌体后。"
    for abbr in ("TDE", "TEX"):
        assert [t.zh for t in harvest(exosomes + f"肿瘤来源外泌体（{abbr}）增多。", "t")] == ["外泌体"]


def test_a_noun_naming_whose_or_which_group_is_shed_unless_the_english_side_names_it() -> None:
    """Patients, mice and the like are whose the thing is, not part of its name: the patients' median
    progression-free survival is 中位无进展生存期 (mPFS), a lung cancer patient's malignant effusion 恶性胸腔积液
    (MPE), and BMSCs (bone marrow stem cells) are 骨髓间充质干细胞. An English side naming the mouse keeps 小鼠."""
    mpfs = "研究显示患者中位无进展生存期（median progression-free survival, mPFS）延长。"
    assert [t.zh for t in harvest(mpfs, "t")] == ["中位无进展生存期"]
    assert [t.zh for t in harvest("研究显示肺癌患者恶性胸腔积液（MPE）增多。", "t")] == ["恶性胸腔积液"]
    assert [t.zh for t in harvest("研究使用小鼠骨髓间充质干细胞（BMSCs）。", "t")] == ["骨髓间充质干细胞"]
    for named in ("mouse bone marrow MSCs, mBMSCs", "mBMSCs"):
        text = f"研究使用小鼠骨髓间充质干细胞（{named}）。"
        assert [t.zh for t in harvest(text, "t")] == ["小鼠骨髓间充质干细胞"]
    assert [t.zh for t in harvest("患者中位无进展生存期（mPFS）延长。", "t")] == ["中位无进展生存期"]
    # without a long form, an abbreviation's capital initial names the group: HPV is human papillomavirus
    for virus in ("人乳头瘤病毒（HPV）", "人乳头瘤病毒（human papillomavirus, HPV）"):
        assert [t.zh for t in harvest(f"检测{virus}感染。", "t")] == ["人乳头瘤病毒"]


def test_a_locative_read_with_the_first_character_of_an_unknown_word_is_split_from_it() -> None:
    """jieba reads 中外 (China and abroad) in 血液中外泌体 and cuts 泌 and 体 apart: 中 is in (exosomes in blood), and
    外 starts 外泌体. 中位 of 中位生存期 (median survival time) still opens its word."""
    assert [t.zh for t in harvest("检测血液中外泌体（exosomes）。", "t")] == ["外泌体"]
    assert [t.zh for t in harvest("检测血清中外泌体（exosomes, Exos）。", "t")] == ["外泌体"]
    # a word of 中 and one character after it is a word of its own: the centrosome, intermediate filaments
    assert [t.zh for t in harvest("细胞中心体（centrosome）复制。", "t")] == ["细胞中心体"]
    assert [t.zh for t in harvest("细胞中间丝（intermediate filaments, IFs）。", "t")] == ["细胞中间丝"]
    assert [t.zh for t in harvest("研究显示中位生存期（median survival time, MST）延长。", "t")] == ["中位生存期"]


def test_a_modifier_is_shed_only_where_the_rest_makes_up_the_english_side() -> None:
    """中性 (neutral) qualifies 粒细胞 (granulocytes): 中性粒细胞 is neutrophils, one English word, and 粒细胞 is no nearer
    its size. 特异性 (specific) is shed from 特异性聚合酶链反应, where 聚合酶链反应 makes up polymerase chain reaction."""
    assert [t.zh for t in harvest("检测血液中性粒细胞（neutrophils）。", "t")] == ["中性粒细胞"]
    pcr = "采用特异性聚合酶链反应（polymerase chain reaction, PCR）检测。"
    assert [t.zh for t in harvest(pcr, "t")] == ["聚合酶链反应"]


def test_a_conjunction_joins_two_nouns_inside_a_term_whose_long_form_relates_two_words() -> None:
    """与 is the "to" of the neutrophil-to-lymphocyte ratio; without a long form relating words, 与 still ends the
    text before a term."""
    nlr = "检测中性粒细胞与淋巴细胞比值（neutrophil-to-lymphocyte ratio, NLR）。"
    assert [t.zh for t in harvest(nlr, "t")] == ["中性粒细胞与淋巴细胞比值"]
    plr = "检测血小板与淋巴细胞比值（platelet to lymphocyte ratio, PLR）。"
    assert [t.zh for t in harvest(plr, "t")] == ["血小板与淋巴细胞比值"]
    assert [t.zh for t in harvest("检测血小板与淋巴细胞比值（lymphocyte ratio, LR）。", "t")] == ["淋巴细胞比值"]
    # two things named with "and" are two terms, not one, and neither is the pair: no term (微囊泡 was paired)
    for both in ("研究外泌体和微囊泡（exosomes and microvesicles）的区别。", "外泌体与癌症（exosomes and cancer）。"):
        assert not harvest(both, "t")
    # with an abbreviation, the pair is one name
    fda = "美国食品药品监督管理局（Food and Drug Administration, FDA）批准。"
    assert [(t.zh, t.en) for t in harvest(fda, "t")] == [("美国食品药品监督管理局", "Food and Drug Administration")]


def test_a_word_the_text_names_alone_is_shed_when_the_rest_makes_up_the_abbreviation() -> None:
    """The lung cancer review lists 唾液 (saliva) among its specimens and heads a section with it; LDH is lactate
    dehydrogenase (乳酸脱氢酶, L, D and H), measured in saliva. 咪唑, never printed alone, stays in 咪唑化合物 (ICs),
    and a lower-case initial abbreviates a modifier (uEVs: urinary)."""
    lung = harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung")
    assert {t.zh for t in lung if t.abbr == "LDH"} == {"乳酸脱氢酶"}
    assert {t.zh for t in lung if t.abbr == "ICs"} == {"咪唑化合物"}
    listed = "检测血液、尿液、唾液。"
    assert [t.zh for t in harvest(listed + "浓度和唾液乳酸脱氢酶（LDH）升高。", "t")] == ["乳酸脱氢酶"]
    assert [t.zh for t in harvest("浓度和唾液乳酸脱氢酶（LDH）升高。", "t")] == ["唾液乳酸脱氢酶"]
    assert [t.zh for t in harvest(listed + "患者的尿液细胞外囊泡（uEVs）增多。", "t")] == ["尿液细胞外囊泡"]


def test_a_counted_quantity_starts_no_term() -> None:
    """多个 counts the vesicles the text names twice (形成多个腔内囊泡, 包含了多个腔内囊泡): the term is 腔内囊泡."""
    terms = harvest(read(CHINAXIV / "ChinaXiv-201901.00122V1.md"), "exo")
    assert {t.zh for t in terms if t.abbr == "ILVs"} == {"腔内囊泡"}


def test_a_term_does_not_start_after_a_prefix() -> None:
    """非 binds to the next word: 编码RNA would start inside 非编码."""
    terms = harvest(read(CHINAXIV / "ChinaXiv-202209.00113V1.md"), "lung")
    assert {t.zh for t in terms if t.abbr == "lncRNA"} == {"长非编码RNA"}


def test_a_term_does_not_start_inside_a_word_cut_into_characters() -> None:
    """jieba does not know 外泌体 and cuts it into 外 / 泌 / 体: no term starts at 泌 or 体. GPC1 asks for four words,
    and 泌体中细胞表面磷脂酰肌醇聚糖-1 was the longest noun phrase of that size."""
    text = "发现患者血清外泌体中细胞表面磷脂酰肌醇聚糖-1（GPC1）丰度极高。"
    assert [t.zh for t in harvest(text, "t")] == ["磷脂酰肌醇聚糖-1"]


def test_a_one_word_long_form_made_of_parts_is_sized_by_its_abbreviation() -> None:
    """glypican-1 is one English word, but GPC1 names its parts (G, P, C, 1), as many as its Chinese name has:
    磷脂酰肌醇聚糖-1 is too long for one word, and was cut to 聚糖-1."""
    exo = harvest(read(CHINAXIV / "ChinaXiv-201901.00122V1.md"), "exo")
    assert ("磷脂酰肌醇聚糖-1", "glypican-1", "GPC1") in triples(exo)
    text = "研究发现白细胞介素-6（interleukin-6, IL-6）升高。"
    assert triples(harvest(text, "t")) == {("白细胞介素-6", "interleukin-6", "IL-6")}


def test_a_one_word_long_form_made_of_parts_leaves_out_the_words_its_name_does_not_ask_for() -> None:
    """On the surface (表面) of exosomes (外泌体, a word jieba does not know) is where glypican-1 is, no part of its
    name, even opening a sentence; 磷脂 is not shed either, as what is left would start at 酰, a piece of
    磷脂酰肌醇."""
    for text in (
        "表面磷脂酰肌醇蛋白聚糖-1（glypican-1, GPC1）丰度极高。",
        "外泌体表面的磷脂酰肌醇蛋白聚糖-1（glypican-1, GPC1）丰度极高。",
        "发现外泌体表面磷脂酰肌醇蛋白聚糖-1（glypican-1, GPC1）丰度极高。",
    ):
        assert [t.zh for t in harvest(text, "t")] == ["磷脂酰肌醇蛋白聚糖-1"], text
    assert [t.zh for t in harvest("间充质干细胞衍生的细胞外囊泡（MSC-EVs）增多。", "t")] == [
        "间充质干细胞衍生的细胞外囊泡"
    ]


def test_a_term_holds_no_locative_in() -> None:
    """中 (in) closes a phrase of place: interleukin-6 in serum exosomes is 白细胞介素-6."""
    assert [t.zh for t in harvest("检测血清外泌体中白细胞介素-6（IL-6）水平。", "t")] == ["白细胞介素-6"]
    text = "血清外泌体中白细胞介素-6（interleukin-6, IL-6）升高。"
    assert triples(harvest(text, "t")) == {("白细胞介素-6", "interleukin-6", "IL-6")}


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ("中位生存期（median survival time，MST）为 12 个月。", "中位生存期"),
        ("治疗组的中位无进展生存期（median progression-free survival, mPFS）延长。", "中位无进展生存期"),
        ("两组中位生存期（median survival time, MST）相近。", "中位生存期"),
        ("血清中的癌胚抗原（carcinoembryonic antigen, CEA）升高。", "癌胚抗原"),
    ],
)
def test_zhong_opening_a_word_jieba_cuts_is_no_locative(text: str, zh: str) -> None:
    """中 followed by a single character jieba cut from it (中 / 位 of 中位, median) opens the term, not a phrase of
    place: 中位生存期 was cut to 位生存期; 中 (in) before a particle still ends one."""
    assert [t.zh for t in harvest(text, "t")] == [zh]


def test_a_glued_english_side_does_not_size_the_chinese_one() -> None:
    """``Urinaryextracellularvesicles`` lost its spaces: the Chinese side is sized by ``uEVs`` instead."""
    terms = harvest(read(CHINAXIV / "ChinaXiv-201712.00741V1.md"), "urine")
    assert {t.zh for t in terms if t.abbr == "uEVs" and t.zh} == {"尿液细胞外囊泡"}
    assert ("尿液细胞外囊泡", "Urinaryextracellularvesicles", "uEVs") in triples(terms)


# --- the corpus step ----------------------------------------------------------------


def test_corpus_has_at_least_15_traceable_pairs(sample_entries, sample_texts) -> None:
    entries = apply(sample_entries, sample_texts)
    rows = corpus_glossary(entries)
    bilingual = [r for r in rows if r.zh and r.en]
    assert len(bilingual) >= 15
    assert_traceable(rows, sample_texts)
    kinds = {r.kind for r in bilingual}
    assert kinds == {"pattern", "keyword", "abbreviation"}


def test_abbreviation_aligns_english_and_chinese_abstracts(sample_entries, sample_texts) -> None:
    zhang = next(e for e in apply(sample_entries, sample_texts) if e.slug.startswith("zhang"))
    aligned = {(t.zh, t.en, t.abbr) for t in zhang.glossary if t.kind == "abbreviation"}
    assert aligned == {
        ("间充质干细胞衍生的细胞外囊泡", "Mesenchymal stem cell-derived extracellular vesicles", "MSC-EVs"),
        ("2019冠状病毒病", "coronavirus disease 2019", "COVID-19"),
        ("三维", "3-dimensional", "3D"),
    }
    assert all(t.zh and (t.en or t.abbr) or (t.en and t.abbr) for t in zhang.glossary)


def test_keyword_pairs_point_at_the_keyword_line(sample_entries, sample_texts) -> None:
    lyu = next(e for e in apply(sample_entries, sample_texts) if e.slug.startswith("lyu"))
    keywords = {t.zh: t for t in lyu.glossary if t.kind == "keyword" and t.span == t.zh}
    assert keywords["工程化外泌体"].en == "engineered exosome"
    line = sample_texts[lyu.source].split("\n")[keywords["工程化外泌体"].line - 1]
    assert line.startswith("关键词")


def _line_by_line(text: str, keyword: str) -> int | None:
    """The keyword's line as a reader finds it: the first labelled line holding it, else the first holding it."""
    lines = text.split("\n")
    for want_label in (True, False):
        for n, line in enumerate(lines, start=1):
            if keyword in line and (not want_label or "关键词" in line or "關鍵詞" in line):
                return n
    return None


@given(
    st.lists(
        st.sampled_from(["关键词：", "關鍵詞", "外泌体", "囊泡", "；", " ", "\n", "\r\n", "键", "a"]), max_size=30
    ),
    st.sampled_from(["外泌体", "囊泡", "外泌体；囊泡", "键", "关键词", "a", "\n"]),
)
def test_keyword_line_is_the_labelled_line_first(parts: list[str], keyword: str) -> None:
    text = "".join(parts)
    assert glossary_module._keyword_line(text.encode("utf-8"), keyword) == _line_by_line(text, keyword)


def test_keyword_pairs_point_at_the_same_line_in_text_and_bytes(sample_entries, sample_texts) -> None:
    as_bytes = {source: text.encode("utf-8") for source, text in sample_texts.items()}
    lines = [[t.line for t in e.glossary] for e in apply(sample_entries, sample_texts)]
    assert lines == [[t.line for t in e.glossary] for e in apply(sample_entries, as_bytes)]
    assert any(line is not None for found in lines for line in found)


def test_keywords_of_different_lengths_are_not_paired() -> None:
    entry = Entry(id="x", slug="x", source="x", family="pubmed-cn", keywords=Keywords(en=("a", "b"), zh=("甲",)))
    assert apply([entry])[0].glossary == ()


def test_chinese_keywords_printed_in_latin_letters_pair_with_nothing() -> None:
    keywords = Keywords(en=("exosomes", "PD-L1", "miR-21", "drug resistance"), zh=("外泌体", "PD-L1", "miR-21", "耐药"))
    entry = Entry(id="x", slug="x", source="x", family="pubmed-cn", keywords=keywords)
    assert [(t.zh, t.en) for t in apply([entry])[0].glossary] == [("外泌体", "exosomes"), ("耐药", "drug resistance")]


def test_apply_returns_new_entries_and_is_stable(sample_entries, sample_texts) -> None:
    before = [e.glossary for e in sample_entries]
    once = apply(sample_entries, sample_texts)
    assert [e.glossary for e in sample_entries] == before
    twice = apply(once, sample_texts)
    assert [triples(e.glossary) for e in twice] == [triples(e.glossary) for e in once]
    assert corpus_glossary(apply(list(reversed(sample_entries)), sample_texts)) == corpus_glossary(once)


def test_samples_raise_no_abbreviation_warning(sample_entries, sample_texts) -> None:
    assert all(not e.warnings for e in apply(sample_entries, sample_texts))


def test_naive_boundaries_are_retrimmed_against_the_corpus() -> None:
    """Terms read with a naive pattern are cut back to the longest term known in the corpus."""
    naive = (
        GlossaryTerm(
            "要依赖于内吞体分选复合物",
            "endosomal sorting complex required for transport",
            "ESCRT",
            "a.txt",
            1,
            "要依赖于内吞体分选复合物 (endosomal sorting complex required for transport, ESCRT)",
        ),
        GlossaryTerm(
            "出芽作用形成多个腔内囊泡",
            "intraluminal vesicles",
            "ILVs",
            "a.txt",
            2,
            "出芽作用形成多个腔内囊泡 (intraluminal vesicles, ILVs)",
        ),
    )
    clean = (
        GlossaryTerm("内吞体分选复合物", None, "ESCRT", "b.txt", 1, "内吞体分选复合物 (ESCRT)"),
        GlossaryTerm("腔内囊泡", "intraluminal vesicle", None, "b.txt", 2, "腔内囊泡 (intraluminal vesicle)"),
    )
    a = Entry(id="a", slug="a", source="a.txt", family="journal-fulltext", glossary=naive)
    b = Entry(id="b", slug="b", source="b.txt", family="journal-fulltext", glossary=clean)
    out_a, _out_b = apply([a, b])
    got = {t.abbr: t for t in out_a.glossary}
    assert got["ESCRT"].zh == "内吞体分选复合物"
    assert got["ESCRT"].span.startswith("内吞体分选复合物 (")
    assert got["ILVs"].zh == "腔内囊泡"
    assert not out_a.warnings


def _entry(slug: str, *terms: GlossaryTerm, keywords: Keywords | None = None) -> Entry:
    keywords = keywords or Keywords()
    return Entry(id=slug, slug=slug, source=slug, family="journal-fulltext", glossary=terms, keywords=keywords)


def test_english_glued_by_lost_spaces_is_spaced_as_the_corpus_prints_it() -> None:
    """A converted PDF lost spaces of some long forms; another text of the corpus prints the same letters
    spaced, and the glued side takes its spaces (keeping its own letters)."""
    urine = _entry(
        "urine",
        GlossaryTerm(
            "尿液细胞外囊泡",
            "Urinaryextracellularvesicles",
            "uEVs",
            "urine",
            21,
            "尿液细胞外囊泡(Urinaryextracellularvesicles,uEVs)",
        ),
        GlossaryTerm(
            None, "urinary extracellular vesicles", "uEVs", "urine", 19, "urinary extracellular vesicles (uEVs)"
        ),
        GlossaryTerm(
            "纳米微粒跟踪分析",
            "Nanoparticle trackinganalysis",
            "NTA",
            "urine",
            49,
            "纳米微粒跟踪分析(Nanoparticle trackinganalysis, NTA)",
        ),
        keywords=Keywords(en=("nanoparticle tracking analysis",), zh=("纳米颗粒跟踪分析",)),
    )
    lung = _entry(
        "lung",
        GlossaryTerm(
            "循环肿瘤DNA",
            "Circulating TumorDNA",
            "ctDNA",
            "lung",
            25,
            "循环肿瘤DNA（Circulating TumorDNA,ctDNA）",
        ),
        keywords=Keywords(en=("Circulating tumor DNA",), zh=("循环肿瘤DNA",)),
    )
    exo = _entry(
        "exo",
        GlossaryTerm("多泡小体", "multivesicularbody", "MVB", "exo", 33, "多泡小体(multivesicularbody，MVB)"),
        GlossaryTerm("多囊泡体", "multivesicular bodies", "MVBs", "exo", 1, "多囊泡体 (multivesicular bodies, MVBs)"),
    )
    out = {e.slug: triples(e.glossary) for e in apply([urine, lung, exo])}
    assert out["urine"] == {
        ("尿液细胞外囊泡", "Urinary extracellular vesicles", "uEVs"),
        ("纳米微粒跟踪分析", "nanoparticle tracking analysis", "NTA"),  # the keyword writes it in lower case
        ("纳米颗粒跟踪分析", "nanoparticle tracking analysis", None),
    }
    assert out["lung"] == {("循环肿瘤DNA", "Circulating Tumor DNA", "ctDNA")}
    assert ("多泡小体", "multivesicular body", "MVB") in out["exo"]


def test_english_still_glued_drops_its_pair() -> None:
    """No text of the corpus spaces ``extracellularvesicles``: a 21-letter word is no English term."""
    glued = GlossaryTerm(
        "细胞外囊泡", "extracellularvesicles", "EVs", "urine", 21, "细胞外囊泡(extracellularvesicles,EVs)"
    )
    spaced = GlossaryTerm("变异系数", "coefficient of variation", "CV", "urine", 55, "变异系数(CV)")
    (out,) = apply([_entry("urine", glued, spaced)])
    assert triples(out.glossary) == {("变异系数", "coefficient of variation", "CV")}


def test_same_abbreviation_for_two_terms_is_a_warning() -> None:
    name = "ChinaXiv-202209.00113V1.md"
    entry = Entry(
        id="c",
        slug="c",
        source=name,
        family="journal-fulltext",
        glossary=harvest(read(CHINAXIV / name), name),
    )
    (out,) = apply([entry])
    warnings = [w for w in out.warnings if w.field == "glossary"]
    assert len(warnings) == 1
    assert "MRD" in warnings[0].message
    assert {"微小残留疾病", "微小残留病灶"} <= set(warnings[0].values)
    assert warnings[0].line is not None


def test_conflict_across_entries_warns_both() -> None:
    t1 = GlossaryTerm("细胞外囊泡", "extracellular vesicles", "EVs", "a", 1, "细胞外囊泡 (extracellular vesicles, EVs)")
    t2 = GlossaryTerm("胞外囊泡", "extracellular vesicles", "EVs", "b", 1, "胞外囊泡 (extracellular vesicles, EVs)")
    entries = [
        Entry(id=s, slug=s, source=s, family="journal-fulltext", glossary=(t,)) for s, t in (("a", t1), ("b", t2))
    ]
    out = apply(entries)
    assert all(len(e.warnings) == 1 for e in out)
    assert dataclasses.replace(out[0].warnings[0], line=None) == dataclasses.replace(out[1].warnings[0], line=None)
    # one English term in two Chinese forms: the warning says the term is translated in two ways
    warning = out[0].warnings[0]
    assert warning.message == (
        "abbreviation EVs (extracellular vesicles) is translated in different ways in the corpus"
    )
    assert warning.values == ("细胞外囊泡", "胞外囊泡")


def test_an_abbreviation_of_two_english_terms_stands_for_different_terms() -> None:
    t1 = GlossaryTerm(
        "循环肿瘤细胞", "circulating tumor cells", "CTC", "a", 1, "循环肿瘤细胞 (circulating tumor cells, CTC)"
    )
    t2 = GlossaryTerm(
        "胶原三股螺旋", "collagen triple helix", "CTC", "b", 1, "胶原三股螺旋 (collagen triple helix, CTC)"
    )
    entries = [
        Entry(id=s, slug=s, source=s, family="journal-fulltext", glossary=(t,)) for s, t in (("a", t1), ("b", t2))
    ]
    (warning,) = apply(entries)[0].warnings
    assert warning.message == "abbreviation CTC stands for different terms in the corpus"
    assert set(warning.values) == {"circulating tumor cells", "collagen triple helix", "循环肿瘤细胞", "胶原三股螺旋"}


def test_plural_and_case_are_one_pair() -> None:
    t1 = GlossaryTerm("外泌体", "Exosomes", None, "a", 1, "外泌体 (Exosomes)")
    entry = Entry(
        id="a", slug="a", source="a", family="x", glossary=(t1,), keywords=Keywords(en=("exosome",), zh=("外泌体",))
    )
    assert len(corpus_glossary(apply([entry]))) == 1


def test_a_pair_and_its_keyword_in_two_entries_are_one_row() -> None:
    """纳米颗粒跟踪分析 is a keyword of one text and a pair with NTA in another: the fuller pair is the row."""
    semen = _entry(
        "semen",
        GlossaryTerm(
            "纳米颗粒跟踪分析",
            "nanoparticle tracking analysis",
            "NTA",
            "semen",
            45,
            "纳米颗粒跟踪分析(NTA)",
            "abbreviation",
        ),
    )
    urine = _entry("urine", keywords=Keywords(en=("nanoparticle tracking analysis",), zh=("纳米颗粒跟踪分析",)))
    rows = corpus_glossary(apply([semen, urine]))
    assert triples(rows) == {("纳米颗粒跟踪分析", "nanoparticle tracking analysis", "NTA")}


def test_pairs_equal_but_for_width_spaces_and_case_are_one_row() -> None:
    """Printed words that differ stay two rows: "secretion or release" is not "secretion and release"."""
    printed = GlossaryTerm("磷脂酰肌醇 3 激酶", "phosphoinositide 3 kinase", "PI3K", "a", 1, "磷脂酰肌醇 3 激酶")
    variant = GlossaryTerm("磷脂酰肌醇3激酶", "Phosphoinositide  3 Kinase", "ＰＩ３Ｋ", "b", 1, "磷脂酰肌醇3激酶")
    release = GlossaryTerm("分泌释放", "secretion or release", None, "a", 2, "分泌释放", "keyword")
    released = GlossaryTerm("分泌释放", "secretion and release", None, "b", 2, "分泌释放", "keyword")
    rows = corpus_glossary(apply([_entry("a", printed, release), _entry("b", variant, released)]))
    assert triples(rows) == {
        ("磷脂酰肌醇 3 激酶", "phosphoinositide 3 kinase", "PI3K"),
        ("分泌释放", "secretion or release", None),
        ("分泌释放", "secretion and release", None),
    }


# --- property -----------------------------------------------------------------------

_ALPHABET = st.one_of(
    st.sampled_from(list('外泌体囊泡腔内复合物的和通过形成多个于主要依赖(（)）, ，、;“”"ABCDEMSVsx3-\n ')),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=160))
def test_harvest_never_raises_and_spans_are_in_the_text(text: str) -> None:
    for term in harvest(text, "fuzz.txt"):
        assert term.file == "fuzz.txt"
        assert term.line is not None and term.span
        assert term.span in text.split("\n")[term.line - 1]
        assert term.zh is None or term.zh in term.span
        assert term.en is None or term.en in term.span


_RUN_PIECES = st.sampled_from(
    [
        "外泌体",
        "细胞外囊泡",
        "的",
        "中",
        "循环",
        "肿瘤",
        "DNA",
        "长",
        "非",
        "编码",
        "RNA",
        "二维",
        "和",
        "，",
        "。",
        " ",
        "囊泡大小",
    ]
)
_BRACKETS = st.sampled_from(
    ["(2D)", "（ctDNA）", "(extracellular vesicles, EVs)", "（Circulating Tumor DNA,ctDNA）", "(lncRNA)", "(Exosomes)"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_RUN_PIECES, _BRACKETS), max_size=16))
def test_the_chinese_side_ends_at_the_bracket_and_starts_at_a_word(parts: list[str]) -> None:
    """The Chinese side is a suffix of the text before its bracket, starting where a word of that text starts,
    not after a prefix (or at a term the text prints elsewhere too, which is known). A locative 中 jieba read with
    the first character of a word it does not know is a word apart (肿瘤 / 中外 / 泌 / 体: 中 / 外泌体)."""
    text = "".join(parts)
    for term in harvest(text, "p.txt"):
        if not term.zh:
            continue
        line = text.split("\n")[term.line - 1]
        at = line.index(term.span)
        rest = term.span[len(term.zh) :].lstrip()
        assert term.span.startswith(term.zh) and rest[:1] in ("(", "（")
        if text.count(term.zh) > 1:
            continue
        end = at + len(term.zh)
        start = glossary_module._zh_run_start(line, end)
        tokens = glossary_module._locatives_apart(glossary_module.word_tokens(line[start:end]))
        starts = {start + tok.start: k for k, tok in enumerate(tokens)}
        assert at in starts, (term.zh, line)
        assert starts[at] == 0 or tokens[starts[at] - 1].flag != "h", "a prefix belongs to the next word"


def test_real_ingest_gives_at_least_15_distinct_traceable_pairs(tmp_path: Path) -> None:
    """Through ``ingest()`` on the three samples: ≥ 15 distinct zh/en pairs, each span at its line."""
    from evdigest.ingest import ingest

    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    for name in SAMPLES:
        (content / "sources" / name).write_bytes((CONTENT / "sources" / name).read_bytes())
    result = ingest([content], content)
    assert result.ok
    rows = corpus_glossary(result.entries)
    pairs = {(r.zh, r.en.casefold()) for r in rows if r.zh and r.en}
    assert len(pairs) >= 15, pairs
    texts = {f"sources/{name}": source_text(name) for name in SAMPLES}
    assert_traceable([t for e in result.entries for t in e.glossary], texts)
    assert {r.kind for r in rows if r.zh and r.en} == {"pattern", "keyword", "abbreviation"}
    assert ("间充质干细胞衍生的细胞外囊泡", "MSC-EVs") in {(r.zh, r.abbr) for r in rows}
    assert {("多囊泡体", "multivesicular bodies"), ("腔内囊泡", "intraluminal vesicles")} <= pairs


def _covered_by_any(term: GlossaryTerm, others: list[GlossaryTerm]) -> bool:
    """The definition of a covered pair, checked against every other pair (the slow way)."""
    from evdigest.enrich.glossary import _filled, _key

    k = _key(term)
    return any(
        _key(o) != k and all(a in ("", b) for a, b in zip(k, _key(o), strict=True)) and _filled(o) > _filled(term)
        for o in others
    )


_SIDE = st.sampled_from(
    [None, "", "外泌体", "细胞外囊泡", "Exosome", "exosomes", "extra-cellular vesicle", "EV", "EVs"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_SIDE, _SIDE, _SIDE), max_size=12))
def test_dedupe_drops_exactly_the_covered_pairs(sides) -> None:
    from evdigest.enrich.glossary import _dedupe, _filled, _key

    terms = [GlossaryTerm(zh, en, abbr) for zh, en, abbr in sides]
    first = {}
    for t in terms:
        first.setdefault(_key(t), t)
    kept = list(first.values())
    expected = [t for t in kept if _filled(t) >= 2 and not _covered_by_any(t, kept)]
    assert _dedupe(terms) == expected


def test_the_tokenizer_is_built_again_after_it_was_released() -> None:
    """The build drops the jieba tokenizer after reading the sources (its dictionaries are large); a later
    use builds it again and segments the same way."""
    from evdigest.enrich import glossary

    before = glossary.word_tokens("外泌体是细胞外囊泡")
    first = glossary._pos_tokenizer()
    glossary.release_tokenizer()
    assert glossary._pos_tokenizer.cache_info().currsize == 0
    assert "jieba.posseg" not in sys.modules and not hasattr(sys.modules["jieba"], "posseg")
    assert glossary.word_tokens("外泌体是细胞外囊泡") == before
    assert glossary._pos_tokenizer() is not first
    assert "jieba.posseg" in sys.modules


def test_releasing_the_tokenizer_frees_its_tables() -> None:
    """Nothing keeps the tokenizer, jieba's part-of-speech tokenizer (which holds the tag table) or the
    modules holding the HMM tables alive after release: they are freed at once, not at some later
    full collection."""
    import gc
    import weakref

    from evdigest.enrich import glossary

    glossary.word_tokens("外泌体是细胞外囊泡")
    posseg = sys.modules["jieba.posseg"]
    held = [
        weakref.ref(glossary._pos_tokenizer()),
        weakref.ref(posseg.dt),
        weakref.ref(posseg),
        weakref.ref(sys.modules["jieba.posseg.prob_emit"]),
        weakref.ref(sys.modules["jieba.posseg.char_state_tab"]),
    ]
    del posseg
    gc.disable()  # freed by reference counting alone
    try:
        glossary.release_tokenizer()
        alive = [ref() for ref in held if ref() is not None]
    finally:
        gc.enable()
    assert not alive


def test_reading_the_sources_for_a_build_releases_the_tokenizer() -> None:
    from pathlib import Path

    from evdigest.build.renderers import RealStages
    from evdigest.enrich import glossary

    class NoMemo:
        def get(self, path):
            return None

        def put(self, path, outcome, extra=None):
            pass

        def extra(self, path):
            return None

        def shared(self):
            return None

        def put_shared(self, value):
            pass

    content = Path(__file__).resolve().parents[1] / "content"
    outcome = RealStages().ingest(sorted((content / "sources").glob("*.txt")), content, 1, NoMemo())
    assert outcome.entries and any(t.zh for e in outcome.entries for t in e.glossary)  # words were segmented
    assert glossary._pos_tokenizer.cache_info().currsize == 0


class _KeepingMemo:
    """A build's source memo in memory: results by path (every source "changed" when ``changed``)."""

    def __init__(self) -> None:
        self.results: dict = {}
        self.extras: dict = {}
        self.kept_shared = None
        self.changed: set = set()

    def get(self, path):
        return None if path in self.changed else self.results.get(path)

    def put(self, path, outcome, extra=None):
        self.results[path] = outcome
        if extra is not None:
            self.extras[path] = extra

    def extra(self, path):
        return self.extras.get(path)

    def shared(self):
        return self.kept_shared

    def put_shared(self, value):
        self.kept_shared = value


def test_segmentations_are_kept_for_the_next_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build keeps the word segmentations each source and the corpus steps used: reading a changed
    source again whose term runs are unchanged, and the corpus steps, load no segmenter; a segmenter
    of another version segments afresh. The entries are the same either way."""
    from pathlib import Path

    from evdigest.build import renderers
    from evdigest.build.renderers import RealStages
    from evdigest.enrich import glossary

    content = Path(__file__).resolve().parents[1] / "content"
    paths = sorted((content / "sources").glob("*.txt"))
    memo = _KeepingMemo()
    first = RealStages().ingest(paths, content, 1, memo)
    assert memo.extras and set(memo.extras) <= set(paths)  # sources that have Chinese term runs
    assert memo.kept_shared is not None

    def no_segmenter():
        raise AssertionError("the segmenter was loaded")

    no_segmenter.cache_clear = lambda: None  # type: ignore[attr-defined]
    memo.changed = set(paths)
    with monkeypatch.context() as patch:
        patch.setattr(glossary, "_pos_tokenizer", no_segmenter)
        again = RealStages().ingest(paths, content, 1, memo)
    assert again.entries == first.entries

    loads: list[int] = []
    real = glossary._pos_tokenizer

    def counted():
        loads.append(1)
        return real()

    counted.cache_clear = real.cache_clear  # type: ignore[attr-defined]

    monkeypatch.setattr(glossary, "_pos_tokenizer", counted)
    monkeypatch.setattr(renderers, "_segmenter_version", lambda: "another")
    assert RealStages().ingest(paths, content, 1, memo).entries == first.entries
    assert loads


def test_the_words_a_keyword_wrap_is_read_by_are_kept_for_the_next_reading(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Chinese keyword list printed with spaces only and wrapped inside a keyword ("分子标" / "志物") is read by
    the words jieba finds across the break, which are kept with the source's other segmentations: reading the
    source again loads no segmenter."""
    from pathlib import Path

    from evdigest.build.renderers import RealStages
    from evdigest.enrich import glossary

    spaced = Path(__file__).parent / "fixtures" / "chinaxiv" / "ChinaXiv-201901.00122V1.md"
    text = spaced.read_text(encoding="utf-8")
    assert "关键词 肿瘤 外泌体 分子标志物" in text
    (tmp_path / "sources").mkdir()
    source = tmp_path / "sources" / "wrapped.md"
    source.write_text(
        text.replace("关键词 肿瘤 外泌体 分子标志物", "关键词 肿瘤 外泌体 分子标\n志物", 1), encoding="utf-8"
    )
    memo = _KeepingMemo()
    first = RealStages().ingest([source], tmp_path, 1, memo)
    assert [e.keywords.zh for e in first.entries] == [("肿瘤", "外泌体", "分子标志物")]

    def no_segmenter():
        raise AssertionError("the segmenter was loaded")

    no_segmenter.cache_clear = lambda: None  # type: ignore[attr-defined]
    memo.changed = {source}
    monkeypatch.setattr(glossary, "_pos_tokenizer", no_segmenter)
    assert RealStages().ingest([source], tmp_path, 1, memo).entries == first.entries
