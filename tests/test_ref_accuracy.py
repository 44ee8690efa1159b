"""Field-level accuracy of the reference parser (gold set and AnyStyle) and the quality report."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.model import Entry, Reference
from evdigest.refs.accuracy import (
    ANYSTYLE_FIELDS,
    GOLD_FIELDS,
    Expected,
    anystyle_item,
    author_key,
    compare,
    load_anystyle,
    load_gold,
    normalise_field,
    score,
)
from evdigest.refs.parse import ParsedReference, parse_reference
from evdigest.refs.report import entry_quality, quality_report

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "refs" / "gold.json"
ANYSTYLE_GOLD = FIXTURES / "anystyle" / "gold.xml"

# Lowest accepted accuracy on AnyStyle's gold.xml journal articles: a regression floor a little
# under the measured figure (the test prints the real one).
ANYSTYLE_FLOOR = 0.90


def test_gold_set_covers_the_sample_and_the_chinaxiv_lists() -> None:
    gold = load_gold(GOLD)
    ids = {case.id for case in gold}
    assert len(gold) >= 40
    for number in (4, 9, 30, 31, 40, 51, 89):
        assert f"lyu-2026-exosome-secretion#{number}" in ids
    assert sum(case.id.startswith("lyu-2026-exosome-secretion#") for case in gold) == 92
    for paper in ("201712.00265", "201712.00741", "201901.00122", "202209.00113"):
        assert any(case.id.startswith(f"ChinaXiv-{paper}") for case in gold), paper
    assert sum(case.item.get("language") == "zh" for case in gold) >= 6


def test_gold_accuracy_at_least_98_percent() -> None:
    result = score(load_gold(GOLD), GOLD_FIELDS)
    print("\n" + result.summary("gold set"), dict(result.errors))
    assert result.total > 1500
    assert result.accuracy >= 0.98, result.examples[:20]


def test_anystyle_journal_article_accuracy() -> None:
    cases = load_anystyle(ANYSTYLE_GOLD)
    result = score(cases, ANYSTYLE_FIELDS)
    print("\n" + result.summary("AnyStyle gold.xml journal articles"), dict(result.errors))
    assert len(cases) > 300
    assert result.accuracy >= ANYSTYLE_FLOOR


def _parsed(item: dict, et_al: bool = False) -> ParsedReference:
    return ParsedReference(item, et_al, "full", (), "raw")


def test_missing_and_extra_fields_are_both_errors() -> None:
    expected = Expected("raw", {"title": "A title.", "volume": "12", "page": "1–9"})
    parsed = _parsed({"title": "A title", "issue": "3", "page": "1-9"})
    correct, total, wrong = compare(expected, parsed, GOLD_FIELDS)
    assert (correct, total) == (2, 4)
    assert sorted(wrong) == ["issue", "volume"]


def test_fields_absent_on_both_sides_are_not_counted() -> None:
    expected = Expected("raw", {"title": "T"}, et_al=False)
    correct, total, wrong = compare(expected, _parsed({"title": "T"}), GOLD_FIELDS)
    assert (correct, total, wrong) == (1, 1, [])
    correct, total, wrong = compare(Expected("raw", {"title": "T"}, et_al=True), _parsed({"title": "T"}), GOLD_FIELDS)
    assert (correct, total, wrong) == (1, 2, ["et_al"])


def test_light_normalisation() -> None:
    assert author_key({"family": "LEBLEU", "given": "V. S."}) == "lebleu vs"
    assert author_key({"family": "Lebleu", "given": "Valerie S."}) == "lebleu vs"
    assert author_key({"family": "马", "given": "元"}) == "马元"
    assert normalise_field("title", "“Design for Reliability,”") == normalise_field("title", "Design for Reliability")
    assert normalise_field("page", "pp. 1477–81.") == "1477-81"
    assert normalise_field("container-title", "In Proceedings of X,") == "proceedings of x"
    assert normalise_field("issued", {"date-parts": [[2020, 5]]}) == 2020
    assert normalise_field("DOI", "10.1038/NM.3519") == "10.1038/nm.3519"


def test_anystyle_labels_map_to_csl_fields() -> None:
    spans = [
        ("author", "Pagallo, G., & Haussler, D."),
        ("date", "(1990)."),
        ("title", "Boolean feature discovery in empirical learning."),
        ("journal", "Machine Learning,"),
        ("volume", "5 (1),"),
        ("pages", "pp. 71-99."),
    ]
    item, et_al = anystyle_item(spans)
    assert item["author"] == [{"family": "Pagallo", "given": "G."}, {"family": "Haussler", "given": "D."}]
    assert item["issued"] == {"date-parts": [[1990]]}
    assert (item["volume"], item["issue"], item["page"]) == ("5", "1", "71-99")
    assert et_al is False
    vancouver, _ = anystyle_item([("journal", "J Clin Oncol."), ("volume", "2012;30(15):")])
    assert (vancouver["issued"], vancouver["volume"], vancouver["issue"]) == ({"date-parts": [[2012]]}, "30", "15")


def test_anystyle_loader_keeps_only_journal_articles(tmp_path: Path) -> None:
    xml = tmp_path / "sample.xml"
    xml.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<dataset>
  <sequence><author>Smith J.</author><title>A paper.</title><journal>Nature,</journal>
    <volume>12,</volume><pages>1-9.</pages><date>2001.</date></sequence>
  <sequence><author>Doe A.</author><title>A book.</title><location>Paris:</location>
    <publisher>Gallimard,</publisher><date>1986.</date></sequence>
  <sequence><author>Roe B.</author><title>A chapter.</title><container-title>Handbook</container-title>
    <pages>pp. 3-9.</pages><publisher>Elsevier.</publisher></sequence>
  <sequence><author>Poe C.</author><title>No numbers.</title><journal>Nature.</journal></sequence>
</dataset>
""",
        encoding="utf-8",
    )
    cases = load_anystyle(xml)
    assert len(cases) == 1
    assert cases[0].raw == "Smith J. A paper. Nature, 12, 1-9. 2001."
    assert cases[0].item["container-title"] == "Nature,"


def _entry(raws: list[str]) -> Entry:
    references = tuple(Reference(number=i, raw=raw) for i, raw in enumerate(raws, start=1))
    return Entry(id="e1", slug="lyu-2026", source="sources/x.txt", family="journal-fulltext", references=references)


def test_quality_report_counts_and_lists_what_did_not_parse() -> None:
    raws = [
        "KALLURI R, LEBLEU VS. The biology of exosomes. Science. 2020;367(6478): eaa06977.",
        "Kim DK, Kang B, et al. EVpedia: an integrated database[J].2013,2.",
        "see above",
    ]
    quality = entry_quality(_entry(raws))
    assert (quality.counts["full"], quality.counts["partial"], quality.counts["failed"]) == (1, 1, 1)
    text = quality_report([_entry(raws)])
    assert "lyu-2026: 3 references, 1 full, 1 partial, 1 failed" in text
    assert "[2] partial: no container-title" in text
    assert "[3] failed" in text and "see above" in text
    assert "KALLURI" not in text
    assert text.splitlines()[-1] == "all entries: 3 references, 1 full, 1 partial, 1 failed"


@pytest.mark.parametrize("raw", ["x" * 400])
def test_quality_report_shortens_long_strings(raw: str) -> None:
    text = quality_report([_entry([raw])])
    assert "…" in text and raw not in text


def test_gold_items_round_trip_through_the_parser_unchanged_for_the_sample() -> None:
    gold = {case.id: case for case in load_gold(GOLD)}
    for number in (4, 30, 51):
        case = gold[f"lyu-2026-exosome-secretion#{number}"]
        assert compare(case, parse_reference(case.raw), GOLD_FIELDS)[2] == []
