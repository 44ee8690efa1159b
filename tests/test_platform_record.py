"""The platform-record family: the sample and hand-written variations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.errors import ParseError
from evdigest.model import Bilingual, Entry
from evdigest.sources import journal_fulltext, platform_record, pubmed_cn
from evdigest.sources.base import Origin
from evdigest.sources.reading import read_source
from evdigest.sources.slug import make_slug
from evdigest.text import one_line, strip_title_stop

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "sources" / "liu-2025-migrasomes.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VARIANTS = FIXTURES / "sources" / "platform-record"


def parse(path: Path) -> Entry:
    text = read_source(path, path.name)
    assert platform_record.sniff(text) is None
    return platform_record.parse(text, Origin(f"sources/{path.name}"))


def warning_fields(entry: Entry) -> list[str]:
    return [w.field for w in entry.warnings]


@pytest.fixture(scope="module")
def sample() -> Entry:
    return parse(SAMPLE)


def test_sample_bibliographic_fields(sample: Entry) -> None:
    assert sample.family == "platform-record" and sample.source == "sources/liu-2025-migrasomes.txt"
    assert sample.id == "" and sample.slug == ""
    assert [a.name for a in sample.authors] == [
        "Yue Liu",
        "Xingwen Chen",
        "Jun Zhou",
        "Qian Wang",
        "Yongbin Ma",
        "Kai Zhao",
    ]
    assert [(a.family, a.given) for a in sample.authors][:2] == [("Liu", "Yue"), ("Chen", "Xingwen")]
    assert sample.doi == "10.1080/15384101.2025.2601237"
    assert sample.journal.name == "Cell Cycle"
    assert sample.pages == "1-22" and sample.volume is None
    assert sample.metrics.impact_factor == 3.4 and sample.metrics.jcr_quartile == "Q3"
    assert sample.metrics.jcr_category == "CELL BIOLOGY" and sample.metrics.cas_region == 3
    assert sample.dates.published == "2026-12-01" and sample.dates.epub == "2025-12-10"
    assert sample.year == 2025
    assert sample.pmcid == "PMC12915876"
    assert sample.publication_type == "Journal Article"


def test_sample_titles_and_abstract(sample: Entry) -> None:
    assert sample.title.zh == "迁移体:细胞迁移留下的“功能性足迹”"
    assert sample.title.en == 'Migrasomes: the "functional footprints" left by cell migration'
    assert len(sample.abstract.en) == 1 and sample.abstract.en[0].label is None
    text = sample.abstract.en[0].text
    assert text.startswith("Migrasomes are membrane-bound vesicles") and text.endswith("diagnostics and therapeutics.")
    assert "<" not in text and ">" not in text
    assert sample.abstract.zh == ()


def test_sample_urls(sample: Entry) -> None:
    rels = {link.rel: link.url for link in sample.urls}
    assert rels["open-access-pdf"] == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12915876/pdf/"
    assert rels["doi"] == "https://doi.org/10.1080/15384101.2025.2601237"


def test_sample_warnings_name_field_and_values(sample: Entry) -> None:
    by_field = {w.field: w for w in sample.warnings}
    assert {"abstract.zh", "keywords.en", "keywords.zh", "volume", "dates", "urls"} <= set(by_field)
    assert by_field["dates"].values == ("publicationDate=2026-12-01", "EPubDate=2025-12-10")
    assert "isOpenAccess=false" in by_field["urls"].values
    assert any("PMC12915876" in v for v in by_field["urls"].values)
    assert all(w.line == 2 for w in sample.warnings)


def test_structured_html_abstract_and_chinese_fields() -> None:
    entry = parse(VARIANTS / "structured-abstract.txt")
    assert [s.label for s in entry.abstract.en] == ["Background", "Methods", "Results", "Conclusions"]
    assert entry.abstract.en[0].text == "Extracellular vesicles (EVs) cross the blood–brain barrier."
    assert [s.label for s in entry.abstract.zh] == ["背景", "方法", "结果", "结论"]
    assert entry.title.zh == "神经退行性疾病中的细胞外囊泡：机制与生物标志物"
    assert entry.keywords.en == ("extracellular vesicles", "neurodegeneration", "biomarkers")
    assert entry.keywords.zh == ("细胞外囊泡", "神经退行性疾病")
    assert entry.doi == "10.1016/j.nbd.2024.106512"
    assert (entry.volume, entry.issue, entry.pages, entry.pmid) == ("195", "3", None, "38612345")
    assert entry.article_number == "106512"
    assert entry.metrics.citation_count == 12


def test_long_author_list_with_particles() -> None:
    entry = parse(VARIANTS / "structured-abstract.txt")
    assert len(entry.authors) == 15
    assert (entry.authors[1].family, entry.authors[1].given) == ("de la Cruz", "Anna")
    assert entry.authors[9].name == "Tom Müller" and entry.authors[-1].family == "Berg"
    assert (entry.authors[4].name, entry.authors[4].family, entry.authors[4].given) == (
        "John Smith Jr",
        "Smith Jr",
        "John",
    )


SUFFIXED_AUTHORS = (
    '"John Smith, Jr, Qian Wang"',
    '[{"given": "John", "family": "Smith", "suffix": "Jr"}, {"given": "Qian", "family": "Wang"}]',
    '[{"given": "John Jr", "family": "Smith"}, {"name": "Qian Wang"}]',
)


def test_a_name_suffix_follows_the_family_name() -> None:
    records = [f'{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n' for authors in SUFFIXED_AUTHORS]
    read = [[(a.family, a.given) for a in platform_record.parse(r, Origin("a.txt")).authors] for r in records]
    assert read == [[("Smith Jr", "John"), ("Wang", "Qian")]] * len(SUFFIXED_AUTHORS)


def test_missing_doi_is_a_warning() -> None:
    entry = parse(VARIANTS / "missing-doi.txt")
    assert entry.doi is None and "doi" in warning_fields(entry)
    assert entry.title.zh == "外泌体分泌调控综述"
    assert entry.title.en == "Regulation of exosome secretion"
    assert entry.abstract.en[0].text == "Exosomes are secreted by most cells."
    assert entry.pages == "184-193" and entry.volume == "30" and entry.year == 2026


def test_pretty_printed_record_with_crlf() -> None:
    entry = parse(VARIANTS / "pretty-crlf.txt")
    assert entry.doi == "10.1080/15384101.2024.1111111"
    assert entry.pages == "401-415" and entry.issue == "4"
    assert entry.metrics.impact_factor == 3.4
    assert "title.zh" in warning_fields(entry)


def test_truncated_json_names_the_line() -> None:
    path = FIXTURES / "bad" / "truncated-json.txt"
    text = read_source(path, "t.txt")
    with pytest.raises(ParseError, match="truncated") as info:
        platform_record.parse(text, Origin("sources/t.txt"))
    assert info.value.line == 2 and str(info.value).startswith("sources/t.txt:2: ")


def test_invalid_result_str_names_the_line() -> None:
    text = read_source(FIXTURES / "bad" / "bad-resultstr.txt", "b.txt")
    with pytest.raises(ParseError, match="resultStr") as info:
        platform_record.parse(text, Origin("b.txt"))
    assert info.value.line == 2


def test_text_without_a_record() -> None:
    with pytest.raises(ParseError, match="expected a JSON record") as info:
        platform_record.parse('Kai Zhao\n["title", "doi"]\n', Origin("a.txt"))
    assert info.value.line == 1


def test_authors_line_and_record_disagree() -> None:
    text = 'Kai Zhao, Qian Wang\n{"title": "A", "authors": "Kai Zhao", "doi": "10.1000/a"}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [a.name for a in entry.authors] == ["Kai Zhao"]
    assert any(w.field == "authors" and w.values == ("Kai Zhao, Qian Wang", "Kai Zhao") for w in entry.warnings)


def test_outer_and_inner_disagreement_is_warned() -> None:
    text = 'Kai Zhao\n{"title": "A", "doi": "10.1000/a", "resultStr": "{\\"doi\\": \\"10.1000/b\\"}"}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert entry.doi == "10.1000/a"
    assert any(w.field == "doi" and w.values == ("10.1000/a", "10.1000/b") for w in entry.warnings)


@pytest.mark.parametrize("text", ["just prose\nwith lines\n", "{not json at all", "", "作者信息\n出版信息\n"])
def test_sniff_rejects_other_texts_with_a_reason(text: str) -> None:
    reason = platform_record.sniff(text)
    assert reason and "JSON record" in reason


def test_record_cut_inside_a_string_is_truncated() -> None:
    with pytest.raises(ParseError, match="truncated") as info:
        platform_record.parse('Kai Zhao\n{"title": "Migrasomes', Origin("a.txt"))
    assert info.value.line == 2


def test_values_of_the_wrong_json_type_are_warnings() -> None:
    entry = platform_record.parse(
        'Kai Zhao\n{"title": "A", "doi": ["10.1000/a"], "openAccessPdf": {"u": 1}}\n', Origin("a.txt")
    )
    assert entry.doi is None
    fields = [w.field for w in entry.warnings]
    assert fields.count("doi") == 2 and fields.count("openAccessPdf") == 1


def test_plain_text_after_the_record_gives_both_abstracts() -> None:
    text = 'Kai Zhao\n{"title": "迁移体", "doi": "10.1000/a"}\nMigrasomes\nEnglish abstract.\n中文摘要在这里。\n期刊介绍:\nAbout the journal.\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert entry.title.en == "Migrasomes" and entry.title.zh == "迁移体"
    assert entry.abstract.en[0].text == "English abstract." and entry.abstract.zh[0].text == "中文摘要在这里。"
    assert "About the journal." not in str(entry.abstract)


def test_pretty_printed_record_whose_first_key_is_no_platform_key() -> None:
    entry = parse(VARIANTS / "pretty-first-key.txt")
    assert entry.doi == "10.1186/s13045-024-01550-3"
    assert [a.name for a in entry.authors] == ["Hongyu Li", "Meng Zhao"]
    assert entry.title.en == "Tumour-derived extracellular vesicles and the pre-metastatic niche"


def test_sniff_reads_past_the_first_key_of_a_record_cut_short() -> None:
    text = 'Kai Zhao\n{\n  "PeriodicalId": 4321,\n  "ArticlePicture": [],\n  "doi": "10.1000/a",\n  "title": "Migra'
    assert platform_record.sniff(text) is None
    with pytest.raises(ParseError, match="truncated"):
        platform_record.parse(text, Origin("a.txt"))


@pytest.mark.parametrize(
    "text",
    [
        'Kai Zhao\n{\n  "PeriodicalId": 4321,\n  "platform": "x"\n}\n',  # a JSON object with no platform key
        '{\n  "PeriodicalId": 4321\n}\n"title": "A"\n',  # a key after the object ends is not in it
        "# 外泌体\n{\n\n摘要：外泌体是细胞分泌的囊泡。\n",
    ],
)
def test_sniff_wants_a_platform_key_inside_the_record(text: str) -> None:
    assert platform_record.sniff(text) is not None


def test_sniff_leaves_the_other_families_sample_texts_alone() -> None:
    for path in (ROOT / "content" / "sources").iterdir():
        text = read_source(path, path.name)
        if journal_fulltext.sniff(text) is None or pubmed_cn.sniff(text) is None:
            assert platform_record.sniff(text) is not None, path.name


def test_authors_as_a_list_of_objects() -> None:
    entry = parse(VARIANTS / "authors-list-of-objects.txt")
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("Hongyu Li", "Li", "Hongyu"),
        ("Meng Zhao", "Zhao", "Meng"),
    ]
    assert "authors" not in warning_fields(entry)


def test_crossref_authors_with_affiliations_and_orcid() -> None:
    entry = parse(VARIANTS / "crossref-jats.txt")
    assert [(a.family, a.given) for a in entry.authors] == [
        ("Tanaka", "Hiroshi"),
        ("Zhang", "Wei"),
        ("de la Cruz", "Anna"),
    ]
    assert [a.en for a in entry.affiliations] == [
        "Department of Oral Medicine, Osaka University",
        "School of Stomatology, Sichuan University",
    ]
    assert [a.affiliations for a in entry.authors] == [(0,), (1, 0), ()]
    assert entry.authors[0].orcid == "0000-0002-1825-0097" and entry.authors[1].orcid is None
    assert "authors" not in warning_fields(entry)


def test_jats_abstract_sections() -> None:
    entry = parse(VARIANTS / "crossref-jats.txt")
    assert [(s.label, s.text) for s in entry.abstract.en] == [
        ("Background", "Salivary sEVs carry oral cancer biomarkers & microRNAs."),
        ("Search strategy", "We reviewed 64 studies. Two reviewers screened them."),
        ("Conclusions", "sEV miR-21 detects early lesions."),
    ]


def test_an_elocator_in_pages_is_the_article_number() -> None:
    entry = parse(VARIANTS / "crossref-jats.txt")
    assert (entry.pages, entry.article_number) == (None, "e12404")
    entry = parse(VARIANTS / "authors-list-of-objects.txt")
    assert (entry.pages, entry.article_number) == ("33", None)


@pytest.mark.parametrize(
    "authors",
    [
        '[{"name": "Kai Zhao"}, {"name": "Qian Wang"}]',
        '[{"authorId": "1", "name": "Kai Zhao"}, {"authorId": "2", "name": "Qian Wang"}]',
        '[{"given": "Kai", "family": "Zhao"}, {"given": "Qian", "family": "Wang"}]',
        '[{"author": {"display_name": "Kai Zhao"}}, {"author": {"display_name": "Qian Wang"}}]',
        '[{"display_name": "Kai Zhao"}, {"display_name": "Qian Wang"}]',
        '["Kai Zhao", "Qian Wang"]',
        '["Zhao, Kai", "Wang, Qian"]',
    ],
)
def test_common_author_list_shapes(authors: str) -> None:
    text = f'Kai Zhao, Qian Wang\n{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [(a.family, a.given) for a in entry.authors] == [("Zhao", "Kai"), ("Wang", "Qian")]
    assert "authors" not in warning_fields(entry)


def test_openalex_authorships_with_institutions() -> None:
    record = (
        '{"title": "A", "doi": "10.1000/a", "authorships": ['
        '{"author": {"display_name": "Kai Zhao", "orcid": "https://orcid.org/0000-0001-2345-678X"},'
        ' "institutions": [{"display_name": "Binzhou Medical University"}]},'
        ' {"author": {"display_name": "Qian Wang"}, "raw_affiliation_strings": ["Jiangsu University"]}]}'
    )
    entry = platform_record.parse(f"Kai Zhao, Qian Wang\n{record}\n", Origin("a.txt"))
    assert [a.name for a in entry.authors] == ["Kai Zhao", "Qian Wang"]
    assert [a.en for a in entry.affiliations] == ["Binzhou Medical University", "Jiangsu University"]
    assert entry.authors[0].orcid == "0000-0001-2345-678X" and entry.authors[1].affiliations == (1,)


@pytest.mark.parametrize("authors", ['[{"authorId": "1"}, {"authorId": "2"}]', "[null, 3]", "{}", "42", '" ; "'])
def test_an_unreadable_author_list_never_hides_the_authors_line(authors: str) -> None:
    text = f'Kai Zhao, Qian Wang\n{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [a.name for a in entry.authors] == ["Kai Zhao", "Qian Wang"]


def test_an_unreadable_author_list_with_no_authors_line_is_warned() -> None:
    entry = platform_record.parse('{"title": "A", "authors": [{"authorId": "1"}]}\n', Origin("a.txt"))
    assert entry.authors == ()
    messages = [w.message for w in entry.warnings if w.field == "authors"]
    assert any("no author could be read" in m for m in messages) and "the record gives no authors" in messages


def test_an_author_list_closed_by_et_al() -> None:
    text = '{"title": "A", "authors": [{"name": "Kai Zhao"}, {"name": "et al."}]}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [a.name for a in entry.authors] == ["Kai Zhao"]
    assert any(w.message == "the author list is cut short (et al.)" for w in entry.warnings)


def test_a_chinese_author_object() -> None:
    text = '{"title": "A", "authors": [{"given": "茹月", "family": "吕"}, {"name": "顾露露"}]}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [(a.name_zh, a.family, a.given) for a in entry.authors] == [
        ("吕茹月", "吕", "茹月"),
        ("顾露露", "顾", "露露"),
    ]


def test_full_width_letters_and_digits_in_short_fields_are_ascii() -> None:
    text = (
        '{"title": "Exosomal ＰＤ－Ｌ１ in cancer", "TitleCN": "外泌体ＰＤ－Ｌ１与肿瘤", "authors": "Ｙａｎ Ｌｉ",'
        ' "doi": "10.1016/j.canlet.2024.216001", "journal": {"name": "Ｃａｎｃｅｒ Ｌｅｔｔ", "volume": "588"},'
        ' "abstract": "Exosomes carry ＰＤ－Ｌ１.", "KeywordsCN": "外泌体；ＰＤ－Ｌ１"}\n'
    )
    data = platform_record.parse(text, Origin("sources/record.txt")).to_dict()
    assert {key: data[key] for key in ("title", "journal", "keywords")} == {
        "title": {"en": "Exosomal PD－L1 in cancer", "zh": "外泌体PD－L1与肿瘤"},
        "journal": {"name": "Cancer Lett", "name_zh": None, "abbrev": None, "issn": None},
        "keywords": {"en": [], "zh": ["外泌体", "PD－L1"]},
    }
    assert [(a["name"], a["family"], a["given"]) for a in data["authors"]] == [("Yan Li", "Li", "Yan")]
    assert data["abstract"]["en"] == [{"label": None, "text": "Exosomes carry PD－L1."}]


def test_text_above_the_authors_line_is_named_shortened_at_its_line() -> None:
    note = "Exported from the literature platform on 2024-05-02; " * 3
    text = f'文献详情\n\n{note}\nKai Zhao, Qian Wang\n{{"title": "A", "doi": "10.1000/a", "authors": "Kai Zhao, Qian Wang"}}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    [warning] = [w for w in entry.warnings if w.field == "source"]
    assert warning.message == (
        "text before the authors line was ignored (expected only the authors line above the JSON record)"
    )
    assert warning.values == ("文献详情", note[:79].rstrip() + "…") and warning.line == 1
    assert [a.name for a in entry.authors] == ["Kai Zhao", "Qian Wang"]


def test_keyword_lists_are_read_in_their_key_s_language() -> None:
    text = (
        '{"title": "Exosomal PD-L1 and resistance to checkpoint therapy", "authors": "Yan Li, Jia Chen",'
        ' "doi": "10.1016/j.canlet.2024.216001", "journal": {"name": "Cancer Lett", "volume": "588"},'
        ' "keywords": ["exosomes", "immune checkpoint blockade", "Exosomes"],'
        ' "KeywordsCN": "外泌体；PD-L1；miR-21；免疫检查点阻断"}\n'
    )
    entry = platform_record.parse(text, Origin("sources/record.txt"))
    assert entry.keywords.zh == ("外泌体", "PD-L1", "miR-21", "免疫检查点阻断")
    assert entry.keywords.en == ("exosomes", "immune checkpoint blockade")
    assert not [w for w in entry.warnings if w.field.startswith("keywords")]


def test_an_author_list_ending_in_et_al_marks_the_entry(tmp_path: Path) -> None:
    from evdigest.ingest import ingest

    source = tmp_path / "record.txt"
    source.write_text(
        "Lei Chen, Yuting Ma, et al.\n"
        '{"title": "Exosomes in sepsis", "authors": "Lei Chen, Yuting Ma, et al.", "doi": "10.1000/sepsis.1",'
        ' "journal": {"name": "Crit Care", "volume": "28"}, "publicationDate": "2024-04-01"}\n',
        encoding="utf-8",
    )
    (entry,) = ingest([source], tmp_path).entries
    assert [a.name for a in entry.authors] == ["Lei Chen", "Yuting Ma"] and entry.authors_et_al


def test_a_json_keyword_list_keeps_commas_inside_its_keywords() -> None:
    text = (
        '{"title": "Vitamin D and exosomes", "authors": "Yan Li", "doi": "10.1000/vitd.1",'
        ' "keywords": ["Cells, Cultured", "1,25-dihydroxyvitamin D3"], "KeywordsCN": ["外泌体", "维生素D, 活性"]}\n'
    )
    entry = platform_record.parse(text, Origin("sources/record.txt"))
    assert entry.keywords.en == ("Cells, Cultured", "1,25-dihydroxyvitamin D3")
    assert entry.keywords.zh == ("外泌体", "维生素D, 活性")


@pytest.mark.parametrize(
    ("pages", "kept"),
    [("e12404", "article_number"), ("S12", "pages"), ("E1127", "pages"), ("106512", "article_number")],
)
def test_a_record_s_single_locator_is_a_page_or_an_article_number(pages: str, kept: str) -> None:
    text = (
        '{"title": "Exosomes in sepsis", "authors": "Yan Li", "doi": "10.1000/sepsis.2",'
        f' "journal": {{"name": "Crit Care", "volume": "28", "pages": "{pages}"}}}}\n'
    )
    entry = platform_record.parse(text, Origin("sources/record.txt"))
    assert (
        getattr(entry, kept) == pages
        and getattr(entry, "pages" if kept == "article_number" else "article_number") is None
    )


TRADITIONAL_RECORD = {
    "title": "間充質幹細胞來源的外泌體在骨關節炎中的作用",
    "authors": "Wei Chen, Mei Lin",
    "doi": "10.1234/ev.2024.001",
    "abstract": "<p>間充質幹細胞來源的外泌體（exosomes）可促進軟骨修復，並調節關節內的發炎反應。</p>",
    "keywords": ["外泌體", "骨關節炎"],
    "journal": {"name": "中華骨科雜誌", "year": 2024, "volume": "44", "pages": "101-108"},
}


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_record_in_traditional_chinese_is_read_in_simplified_also_when_exported_as_ascii(
    tmp_path: Path, ascii_only: bool
) -> None:
    """Platforms export JSON with ``\\uXXXX`` escapes (``ensure_ascii``): the record's script is told, and its
    terms found, as in a record writing its Chinese out."""
    import json

    from evdigest.ingest import ingest

    source = tmp_path / "record.txt"
    record = json.dumps(TRADITIONAL_RECORD, ensure_ascii=ascii_only)
    source.write_text(f"Wei Chen, Mei Lin\n{record}\n", encoding="utf-8")
    assert ("\\u9593" in record) is ascii_only
    (entry,) = ingest([source], tmp_path).entries
    assert entry.title.zh == "间充质干细胞来源的外泌体在骨关节炎中的作用"
    assert entry.keywords.zh == ("外泌体", "骨关节炎")
    assert entry.abstract.zh[0].text.startswith("间充质干细胞来源的外泌体（exosomes）可促进软骨修复")
    assert any("printed in Traditional Chinese" in w.message for w in entry.warnings)
    assert [(t.zh, t.en) for t in entry.glossary] == [("外泌体", "exosomes")]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["title", "abstract", "note", "resultStr"]),
        st.text(alphabet=st.sampled_from(list('外泌體、。「」Ａ１ab\\"/u0 \n\t\u00e9\u0301')), max_size=20),
        min_size=1,
    )
)
def test_escaped_chinese_written_out_leaves_the_same_json(values: dict[str, str]) -> None:
    """Writing out a record's escaped Chinese changes none of its values (an escaped backslash before
    ``u`` stays one)."""
    import json

    record = {"title": "t", **values}
    text = "Authors\n" + json.dumps(record, ensure_ascii=True) + "\nMore text.\n"
    written = platform_record.written_out(text)
    assert json.JSONDecoder().raw_decode(written, written.index("{"))[0] == record
    assert not [c for c in "外泌體、。「」Ａ１" if f"\\u{ord(c):04x}" in written]


def test_brackets_in_record_text_that_open_no_tag_are_kept() -> None:
    entry = parse(VARIANTS / "html-headings-and-brackets.txt")
    assert "Patients with a CD4<CD8 ratio had shorter survival; levels >2.5 ng/mL" in str(entry.abstract.en)
    assert "CD4<CD8比值的患者生存期较短；水平>2.5 ng/mL预测耐药" in str(entry.abstract.zh)
    text = '{"title": "Survival with a CD4<CD8 ratio >1 in <i>HIV</i>", "doi": "10.1000/a"}\n'
    assert platform_record.parse(text, Origin("a.txt")).title.en == "Survival with a CD4<CD8 ratio >1 in HIV"


def test_html_headings_label_the_abstract_sections() -> None:
    entry = parse(VARIANTS / "html-headings-and-brackets.txt")
    assert [s.label for s in entry.abstract.en] == ["Background", "Methods", "Results", "Conclusions"]
    assert entry.abstract.en[1].text == "We measured exosomal PD-L1 in 120 patients."
    assert [s.label for s in entry.abstract.zh] == ["背景", "结果"]


def test_names_written_with_a_comma_between_semicolons_are_family_first() -> None:
    entry = parse(VARIANTS / "family-first-with-commas.txt")
    assert [(a.family, a.given) for a in entry.authors] == [("Liu", "Yue"), ("Chen", "Xingwen"), ("Zhou", "Jun")]
    assert "authors" not in warning_fields(entry)


@pytest.mark.parametrize(
    ("authors", "read", "et_al"),
    [
        ("Liu, Y.; Chen, X.-W.; et al.", [("Liu", "Y."), ("Chen", "X.-W.")], True),
        ("Liu, Yue；Chen, Xingwen", [("Liu", "Yue"), ("Chen", "Xingwen")], False),
        ("Yue Liu; Kai Zhao", [("Liu", "Yue"), ("Zhao", "Kai")], False),
        ("Yue Liu, Kai Zhao; Qian Wang", [("Liu", "Yue"), ("Zhao", "Kai"), ("Wang", "Qian")], False),
    ],
)
def test_a_semicolon_list_is_family_first_only_when_each_name_holds_one_comma(
    authors: str, read: list[tuple[str, str]], et_al: bool
) -> None:
    entry = platform_record.parse(f'{{"title": "A", "doi": "10.1000/a", "authors": "{authors}"}}\n', Origin("a.txt"))
    assert [(a.family, a.given) for a in entry.authors] == read
    assert any(w.message == "the author list is cut short (et al.)" for w in entry.warnings) is et_al


def test_blank_outer_journal_values_are_taken_from_result_str() -> None:
    entry = parse(VARIANTS / "blank-outer-values.txt")
    assert (entry.journal.name, entry.volume, entry.issue, entry.pages) == ("Vaccine", "41", "2", "301-310")
    assert entry.doi == "10.1016/j.vaccine.2022.11.001" and entry.metrics.impact_factor is None
    assert not {"journal.name", "volume", "issue", "pages"} & set(warning_fields(entry))


def test_an_outer_journal_fills_what_result_str_lacks_and_blank_values_left_unfilled_are_warned() -> None:
    inner = '{\\"journal\\": {\\"name\\": \\"Vaccine\\", \\"volume\\": \\"41\\"}}'
    text = f'{{"title": "A", "doi": "10.1000/a", "journal": {{"name": "Vaccine", "issue": "2", "pages": " "}}, "resultStr": "{inner}"}}\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert (entry.journal.name, entry.volume, entry.issue, entry.pages) == ("Vaccine", "41", "2", None)
    assert [w.message for w in entry.warnings if w.field == "pages"] == ["the record's journal pages is blank"]


def test_markdown_code_fences_around_the_record_are_ignored() -> None:
    entry = parse(VARIANTS / "markdown-fenced.txt")
    assert [a.name for a in entry.authors] == ["Yue Liu", "Kai Zhao"]
    assert entry.title.en == "Migrasomes and immunity" and entry.abstract.en[0].text == "Migrasomes and immunity."
    assert "source" not in warning_fields(entry)
    text = 'Kai Zhao\n\n~~~ json\n{\n  "title": "迁移体",\n  "doi": "10.1000/a"\n}\n~~~\n\nMigrasomes\n```\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert [a.name for a in entry.authors] == ["Kai Zhao"] and entry.title.en == "Migrasomes"
    assert entry.abstract.en == () and "source" not in warning_fields(entry)


def test_a_label_line_after_the_record_is_no_title() -> None:
    entry = parse(VARIANTS / "no-plain-title.txt")
    assert entry.title == Bilingual(en="Migrasomes: an emerging organelle in cell communication", zh=None)
    assert "title.zh" in warning_fields(entry)
    assert "Trends in Cell Biology publishes" not in str(entry.abstract)


def test_a_paragraph_of_sentences_after_the_record_is_the_abstract_not_the_title() -> None:
    entry = parse(VARIANTS / "abstract-only-tail.txt")
    assert entry.title == Bilingual(en=None, zh="迁移体：细胞通讯中的新兴细胞器")
    assert [s.text for s in entry.abstract.en] == [
        "Migrasomes are organelles that form on retraction fibers of migrating cells. They mediate cell communication."
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Exosomes vs. microvesicles in cancer: friend or foe? A review.", True),
        ("Extracellular vesicles in neurodegeneration: mechanisms and biomarkers.", True),
        ("迁移体：细胞迁移留下的功能性足迹", True),
        ("迁移体是新发现的细胞器。它们介导细胞间通讯。", False),
        ("Exosomes are vesicles. " * 20, False),
        ("Journal introduction:", False),
    ],
)
def test_the_first_line_after_the_record_is_a_title_only_when_it_reads_as_one(line: str, title: bool) -> None:
    text = f'Kai Zhao\n{{"doi": "10.1000/a"}}\n{line}\nOne more paragraph.\n'
    entry = platform_record.parse(text, Origin("a.txt"))
    assert (strip_title_stop(one_line(line)) in (entry.title.en, entry.title.zh)) is title


def test_a_title_closing_a_quotation_after_its_stop_is_still_a_title() -> None:
    text = 'Kai Zhao\n{"title": "Migrasomes", "doi": "10.1000/a"}\n迁移体：细胞迁移留下的“功能性足迹。”\n'
    assert platform_record.parse(text, Origin("a.txt")).title.zh == "迁移体：细胞迁移留下的“功能性足迹。”"


def test_a_label_before_the_authors_line_is_no_part_of_the_first_name() -> None:
    entry = parse(VARIANTS / "authors-label.txt")
    assert [(a.family, a.given) for a in entry.authors] == [("Liu", "Yue"), ("Chen", "Xingwen"), ("Zhao", "Kai")]
    for line in ("作者：刘悦，陈兴文", "Author(s): 刘悦, 陈兴文", "AUTHORS 刘悦，陈兴文"):
        entry = platform_record.parse(f'{line}\n{{"title": "迁移体", "doi": "10.1000/a"}}\n', Origin("a.txt"))
        assert [(a.family, a.given) for a in entry.authors] == [("刘", "悦"), ("陈", "兴文")], line


def test_keyword_lines_and_abstract_headings_after_the_record() -> None:
    entry = parse(VARIANTS / "plain-tail-labels.txt")
    assert entry.title.en == "Exosomes in obesity-related metabolic disease"
    assert [(s.label, s.text) for s in entry.abstract.en] == [
        (None, "Adipose tissue releases exosomes that act on distant organs.")
    ]
    assert [(s.label, s.text) for s in entry.abstract.zh] == [(None, "脂肪组织释放的外泌体作用于远端器官。")]
    assert entry.keywords.en == ("exosomes", "obesity", "adipokines")
    assert entry.keywords.zh == ("外泌体", "肥胖", "脂肪因子")


def test_keyword_lines_after_the_record_are_merged_with_the_record_s() -> None:
    text = (
        'Kai Zhao\n{"title": "迁移体", "doi": "10.1000/a", "keywords": ["migrasomes", "Exosomes"]}\n'
        "Abstract:\nMigrasomes are organelles.\n【关键词】迁移体；PD-L1\nKey words: exosomes; cell migration\n"
    )
    entry = platform_record.parse(text, Origin("a.txt"))
    assert entry.title.en is None and [s.text for s in entry.abstract.en] == ["Migrasomes are organelles."]
    assert entry.keywords.en == ("migrasomes", "Exosomes", "cell migration")
    assert entry.keywords.zh == ("迁移体", "PD-L1")
    assert not [w for w in entry.warnings if w.field.startswith("keywords")]


PAIRED = [("Yue Liu", "刘悦", "Liu", "Yue"), ("Xingwen Chen", "陈兴文", "Chen", "Xingwen"),
          ("Xiaoming Ouyang", "欧阳晓明", "Ouyang", "Xiaoming")]  # fmt: skip


def names_of(entry: Entry) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a.name, a.name_zh, a.family, a.given) for a in entry.authors]


def test_chinese_authors_in_the_record_are_paired_with_the_latin_ones_of_resultstr() -> None:
    entry = parse(VARIANTS / "chinese-authors-latin-resultstr.txt")
    assert names_of(entry) == PAIRED
    assert "authors" not in warning_fields(entry)


def record_with_authors(outer: str | None, inner: str | None) -> str:
    """A record giving ``outer`` as its authors and ``inner`` as those of its resultStr (JSON values)."""
    import json

    result = {"title": "Advances in migrasome research", **({"authors": json.loads(inner)} if inner else {})}
    members = [f'"authors": {outer}'] if outer else []
    members += ['"title": "迁移体研究进展"', '"doi": "10.16476/j.pibb.2024.0123"']
    members.append(f'"resultStr": {json.dumps(json.dumps(result, ensure_ascii=False), ensure_ascii=False)}')
    return "{" + ", ".join(members) + "}\n"


LATIN = '"Yue Liu, Xingwen Chen, Xiaoming Ouyang"'
CHINESE = '"刘悦, 陈兴文, 欧阳晓明"'


@pytest.mark.parametrize(
    ("above", "outer", "inner"),
    [
        ("", LATIN, CHINESE),  # the reverse of the fixture: Latin in the record, Chinese in resultStr
        ("", CHINESE, '["Yue Liu", "Xingwen Chen", "Xiaoming Ouyang"]'),
        ("Yue Liu, Xingwen Chen, Xiaoming Ouyang\n", CHINESE, None),  # Latin on the authors line only
        ("刘悦, 陈兴文, 欧阳晓明\n", LATIN, None),
        ("", '"Yue Liu, Xingwen Chen, Xiaoming Ouyang, 刘悦, 陈兴文, 欧阳晓明"', None),  # both in one list
        ("", '[{"name": "刘悦"}, {"name": "陈兴文"}, {"given": "晓明", "family": "欧阳"}]', LATIN),
    ],
)
def test_the_two_scripts_of_the_authors_are_paired_in_order(above: str, outer: str, inner: str | None) -> None:
    entry = platform_record.parse(above + record_with_authors(outer, inner), Origin("a.txt"))
    assert names_of(entry) == PAIRED
    assert "authors" not in warning_fields(entry)


def test_crossref_affiliations_stay_with_the_authors_they_are_paired_to() -> None:
    outer = (
        '[{"given": "悦", "family": "刘", "affiliation": [{"name": "中国科学院大学"}]},'
        ' {"given": "兴文", "family": "陈", "affiliation": [{"name": "清华大学"}, {"name": "中国科学院大学"}]}]'
    )
    entry = platform_record.parse(record_with_authors(outer, '"Yue Liu, Xingwen Chen"'), Origin("a.txt"))
    assert [(a.name, a.name_zh, a.affiliations) for a in entry.authors] == [
        ("Yue Liu", "刘悦", (0,)),
        ("Xingwen Chen", "陈兴文", (1, 0)),
    ]
    assert [a.zh for a in entry.affiliations] == ["中国科学院大学", "清华大学"]


def test_lists_of_different_lengths_are_not_paired_and_the_record_s_is_kept() -> None:
    entry = platform_record.parse(record_with_authors(CHINESE, '"Yue Liu, Xingwen Chen"'), Origin("a.txt"))
    assert names_of(entry) == [("", "刘悦", "刘", "悦"), ("", "陈兴文", "陈", "兴文"), ("", "欧阳晓明", "欧阳", "晓明")]
    messages = [w.message for w in entry.warnings if w.field == "authors"]
    assert messages == ["2 Latin and 3 Chinese names cannot be paired; the record's authors kept as printed"]


@pytest.mark.parametrize(
    "authors",
    [
        '"Jane MACARTHUR, Sean O\'BRIEN, Ana DE LA CRUZ, Jan VAN DER BERG"',
        '[{"given": "Jane", "family": "MACARTHUR"}, {"given": "Sean", "family": "O\'BRIEN"},'
        ' {"given": "Ana", "family": "DE LA CRUZ"}, {"given": "Jan", "family": "VAN DER BERG"}]',
    ],
)
def test_family_names_in_capitals_are_written_as_names_are(authors: str) -> None:
    entry = platform_record.parse(f'{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n', Origin("a.txt"))
    assert [(a.family, a.given) for a in entry.authors] == [
        ("MacArthur", "Jane"),
        ("O'Brien", "Sean"),
        ("De la Cruz", "Ana"),
        ("van der Berg", "Jan"),
    ]


def test_the_year_of_a_paper_printed_in_an_issue_is_the_issue_s_not_the_earlier_e_publication() -> None:
    """Nat Rev Endocrinol. 2024;20(2), online in November 2023: cited as of 2024, as PubMed prints it."""
    entry = parse(VARIANTS / "plain-tail-labels.txt")
    assert (entry.volume, entry.issue) == ("20", "2")
    assert (entry.dates.published, entry.dates.epub, entry.year) == ("2024-02-01", "2023-11-20", 2024)
    assert "dates" not in warning_fields(entry)


def dated_record(journal: str, dates: str) -> str:
    return f'{{"title": "Exosomes", "doi": "10.1000/a", "authors": "Kai Zhao", "journal": {journal}, {dates}}}\n'


@pytest.mark.parametrize(
    ("journal", "dates", "year"),
    [
        # online in 2025, in no issue yet (volume blank): the platform's date set ahead is not the year
        ('{"name": "Cell Cycle", "volume": " ", "pages": "1-22"}',
         '"publicationDate": "2026-12-01", "EPubDate": "2025/12/10 0:00:00"', 2025),
        ('{"name": "Cell Cycle"}', '"publicationDate": "2025-12-10"', 2025),
        # the issue's year printed in the journal object
        ('{"name": "中华骨科杂志", "year": 2024, "volume": "44", "pages": "101-108"}', '"EPubDate": "2023-12-20"', 2024),
        # Crossref's dates: print and online as date-parts; the metadata's own dates are not the paper's
        ('{"name": "Nat Rev Endocrinol", "volume": "20", "issue": "2"}',
         '"published-print": {"date-parts": [[2024, 2]]}, "published-online": {"date-parts": [[2023, 11, 20]]},'
         ' "issued": {"date-parts": [[2023, 11, 20]]}, "created": {"date-parts": [[2023, 11, 19]]},'
         ' "indexed": {"date-parts": [[2025, 3, 2]]}', 2024),
        ('{"name": "Nat Rev Endocrinol"}',
         '"published-online": {"date-parts": [[2023, 11, 20]]}, "created": {"date-parts": [[2023, 11, 19]]},'
         ' "journal-issue": {"issue": "2", "published-print": {"date-parts": [[2024, 2]]}}', 2024),
    ],
)  # fmt: skip
def test_the_year_is_the_issue_s_else_the_online_date_s(journal: str, dates: str, year: int) -> None:
    entry = platform_record.parse(dated_record(journal, dates), Origin("a.txt"))
    assert entry.year == year


def test_crossref_dates_are_read_as_dates() -> None:
    dates = '"published-print": {"date-parts": [[2024, 2]]}, "published-online": {"date-parts": [[2023, 11, 20]]}'
    entry = platform_record.parse(dated_record('{"name": "Nat Rev Endocrinol", "volume": "20"}', dates), Origin("a"))
    assert (entry.dates.published, entry.dates.epub) == ("2024-02", "2023-11-20")
    assert "year" not in warning_fields(entry)


@pytest.mark.parametrize(
    "authors",
    [
        '"YUE LIU, XINGWEN CHEN, JEAN-PAUL DUPONT, J.-P. MARTIN, JP BERNARD"',
        '[{"given": "YUE", "family": "LIU"}, {"given": "XINGWEN", "family": "CHEN"},'
        ' {"given": "JEAN-PAUL", "family": "DUPONT"}, {"given": "J.-P.", "family": "MARTIN"},'
        ' {"given": "JP", "family": "BERNARD"}]',
        '[{"name": "YUE LIU"}, {"name": "XINGWEN CHEN"}, {"name": "JEAN-PAUL DUPONT"}, {"name": "J.-P. MARTIN"},'
        ' {"name": "JP BERNARD"}]',
    ],
)
def test_given_names_in_capitals_are_written_as_names_are_and_initials_are_kept(authors: str) -> None:
    entry = platform_record.parse(f'{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n', Origin("a.txt"))
    assert [(a.name, a.family, a.given) for a in entry.authors] == [
        ("YUE LIU", "Liu", "Yue"),
        ("XINGWEN CHEN", "Chen", "Xingwen"),
        ("JEAN-PAUL DUPONT", "Dupont", "Jean-Paul"),
        ("J.-P. MARTIN", "Martin", "J.-P."),
        ("JP BERNARD", "Bernard", "JP"),
    ]
    assert make_slug(entry).startswith("liu-")


@pytest.mark.parametrize(
    ("authors", "given"),
    [
        (
            '[{"given": "JA", "family": "SMITH"}, {"given": "KM", "family": "LEE"}, {"given": "AI", "family": "NG"}]',
            "AI",
        ),
        (
            '[{"given": "JOHN", "family": "SMITH"}, {"given": "KIM", "family": "LEE"}, {"given": "AI", "family": "NG"}]',
            "Ai",
        ),
        ('[{"name": "JA SMITH"}, {"name": "KM LEE"}, {"name": "AI NG"}, "et al."]', "AI"),
        ('"SMITH, JA; LEE, KM; NG, AI"', "AI"),
    ],
)
def test_two_capitals_that_may_be_initials_or_a_name_are_read_as_the_record_prints_given_names(
    authors: str, given: str
) -> None:
    entry = platform_record.parse(f'{{"title": "A", "doi": "10.1000/a", "authors": {authors}}}\n', Origin("a.txt"))
    assert [a.family for a in entry.authors] == ["Smith", "Lee", "Ng"]
    assert entry.authors[-1].given == given


def test_two_records_one_after_the_other_are_an_error_at_the_second() -> None:
    first = (VARIANTS / "authors-label.txt").read_text(encoding="utf-8")
    second = (VARIANTS / "pretty-crlf.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    text = f"{first.rstrip()}\n\n{second}"
    authors = len(first.rstrip().split("\n")) + 2  # the second record's authors line, above its "{"
    assert text.split("\n")[authors - 1] == "Kai Zhao, Qian Wang" and text.split("\n")[authors] == "{"
    with pytest.raises(ParseError, match="second record") as info:
        platform_record.parse(text, Origin("sources/two.txt"))
    assert info.value.line == authors
    assert str(info.value) == (
        f"sources/two.txt:{authors}: the file holds a second record at line {authors} "
        f"(its JSON opens at line {authors + 1}): paste one paper per file"
    )


@pytest.mark.parametrize("indent", [None, 2])
def test_a_record_in_a_json_array_is_read_as_the_record_alone(indent: int | None) -> None:
    """A record exported as a JSON array of one, on one line (``[{...}]``) or pretty-printed with the
    brackets on lines of their own, is read as the record alone: the one-line array was no known family, and
    the ``[`` line above a pretty-printed one was taken for the authors line (a warning that it and the
    record's authors differ)."""
    import json

    first = (VARIANTS / "authors-label.txt").read_text(encoding="utf-8").split("\n")
    record = json.loads(first[1])
    alone = json.dumps(record, ensure_ascii=False, indent=indent)
    array = json.dumps([record], ensure_ascii=False, indent=indent)
    for authors in ("", "Yue Liu, Xingwen Chen, Kai Zhao\n"):
        expected = platform_record.parse(f"{authors}{alone}\nMigrasomes in cancer: a review.\n", Origin("a.txt"))
        text = f"{authors}{array}\nMigrasomes in cancer: a review.\n"
        assert platform_record.sniff(text) is None
        entry = platform_record.parse(text, Origin("a.txt"))
        assert entry.authors == expected.authors and len(entry.authors) == (3 if authors else 0)
        shift = 1 if indent else 0  # the "[" line above the record
        assert [(w.field, w.message, (w.line or 0) - shift) for w in entry.warnings] == [
            (w.field, w.message, w.line or 0) for w in expected.warnings
        ]
        assert (entry.title, entry.abstract, entry.journal, entry.doi) == (
            expected.title,
            expected.abstract,
            expected.journal,
            expected.doi,
        )


def test_a_json_array_going_on_after_its_record_is_an_error_at_that_line() -> None:
    """What follows the record inside its array is no text after the record (``[{...}, 1]`` gave the title
    ", 1]"): an error at the line it is on."""
    import json

    first = (VARIANTS / "authors-label.txt").read_text(encoding="utf-8").split("\n")
    record = json.dumps(json.loads(first[1]), ensure_ascii=False)
    with pytest.raises(ParseError, match=r'goes on after it \(expected "\]"\)') as info:
        platform_record.parse(f"Yue Liu\n[{record}, 1]\nMigrasomes in cancer: a review.\n", Origin("a.txt"))
    assert info.value.line == 2
    with pytest.raises(ParseError, match="goes on after it") as info:
        platform_record.parse(f'Yue Liu\n[\n{record}\n\n  "more"\n]\nTitle.\n', Origin("a.txt"))
    assert info.value.line == 5


def test_a_json_array_of_two_records_is_an_error_at_the_second() -> None:
    import json

    first = (VARIANTS / "authors-label.txt").read_text(encoding="utf-8").split("\n")
    record = json.loads(first[1])
    array = json.dumps([record, {**record, "doi": "10.1186/s13045-024-09999-9"}], ensure_ascii=False, indent=2)
    text = f"Yue Liu, Xingwen Chen, Kai Zhao\n{array}\n"
    second = text.split("\n").index("  {", 3) + 1
    with pytest.raises(ParseError, match="second one in a JSON array") as info:
        platform_record.parse(text, Origin("sources/array.txt"))
    assert info.value.line == second
    # one record alone is read as before
    assert platform_record.parse(f"Yue Liu\n{json.dumps(record, ensure_ascii=False)}\n", Origin("a.txt")).doi


def test_a_sici_doi_of_the_record_is_read_whole(tmp_path: Path) -> None:
    """Crossref's SICI DOIs hold "<", ">", ";" and "#": none of them ends the DOI."""
    text = SAMPLE.read_text(encoding="utf-8")
    given = '"doi":"10.1080/15384101.2025.2601237","DOIUrl":null'
    assert given in text
    sici = "10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#"
    record = f'"doi":"{sici}","DOIUrl":null'
    path = tmp_path / SAMPLE.name
    path.write_text(text.replace(given, record, 1), encoding="utf-8")
    assert parse(path).doi == sici.lower()
