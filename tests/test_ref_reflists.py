"""Messy printed reference lists end to end: full-text sources -> ingest -> build_index.

``tests/fixtures/reflists/`` holds hand-written journal full texts whose lists are numbered
``1.`` / ``5.Yan`` (no space), ``（1）`` or not at all, with a download note and a running header
among the references, a reference split over two lines, a duplicate number, a garbled line and
no citation markers in the body.  Every printed reference must reach the index (an unreadable one
with its ``raw`` text and ``failed``), stray lines must be reported, nothing may crash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.export import entry_exports
from evdigest.ingest import ingest
from evdigest.model import Entry, Work
from evdigest.refs.index import build_index, references_json
from evdigest.sources.fulltext_refs import clean_reference, parse_reference_list

FIXTURES = Path(__file__).parent / "fixtures" / "reflists"
# A run of letters or digits: "Kalluri", "2020", "外泌体与骨关节炎"
WORD_RE = re.compile(r"\w+")

# Starts of every reference printed in each fixture, in list order.
PRINTED = {
    "dot-numbered-garbage.txt": [
        (1, "Kalluri R, LeBleu VS. The biology"),
        (2, "Théry C, Witwer KW, Aikawa E, et al. Minimal information"),
        (3, "陈旭, 马元. 外泌体与骨关节炎[J]"),
        (3, "Zhang Y, Liu Y, Liu H, et al. Exosomes: biogenesis"),
        (4, "%%% ### garbled line"),
        (5, "Yan L, Wu X. Exosomes produced from 3D cultures"),
    ],
    "paren-fullwidth.txt": [
        (1, "Kalluri R, LeBleu VS. The biology"),
        (2, "陈旭，马元．外泌体与骨关节炎［J］"),
        (3, "YAN L, WU X. Exosomes produced from 3D cultures"),
    ],
    "unnumbered.txt": [
        (1, "Kalluri R, LeBleu VS. The biology"),
        (2, "Wu G, Zheng J. Urinary exosomes"),
    ],
}


@pytest.fixture(scope="module")
def indexed() -> tuple[dict[str, Entry], tuple[Work, ...]]:
    result = ingest(sorted(FIXTURES.glob("*.txt")), FIXTURES)
    assert result.ok, result.failures
    entries, works = build_index(list(result.entries))
    return {Path(e.source).name: e for e in entries}, works


def ref_warnings(entry: Entry) -> list[str]:
    return [w.message for w in entry.warnings if w.field.startswith("references")]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_every_printed_reference_reaches_the_index(indexed, name: str) -> None:
    entries, works = indexed
    entry = entries[name]
    assert [(r.number, r.raw[: len(start)]) for r, (_, start) in zip(entry.references, PRINTED[name], strict=True)] == [
        (n, start) for n, start in PRINTED[name]
    ]
    by_id = {w.id: w for w in works}
    for ref in entry.references:
        work = by_id[ref.work_id]
        assert (entry.slug, ref.number) in {(c.entry, c.number) for c in work.cited_by}
        assert ref.csl and ref.csl["id"] == work.id


def test_stray_lines_are_left_out_and_reported(indexed) -> None:
    entry = indexed[0]["dot-numbered-garbage.txt"]
    text = " ".join(r.raw for r in entry.references)
    assert "Downloaded from" not in text and "Tissue Engineering Research" not in text
    strays = [w for w in entry.warnings if w.message.startswith("stray line after reference")]
    assert [(w.message, w.values) for w in strays] == [
        (
            "stray line after reference 1 (not part of it) left out",
            ("Downloaded from https://www.example.org/journal on 12 May 2024",),
        ),
        (
            "stray line after reference 3 (not part of it) left out",
            ("Chinese Journal of Tissue Engineering Research | Vol 30 | No. 1 | January 2026",),
        ),
    ]
    header = indexed[0]["paren-fullwidth.txt"]
    assert "stray line after reference 2 (not part of it) left out" in ref_warnings(header)


def test_split_references_are_joined_and_read_fully(indexed) -> None:
    entries, _ = indexed
    thery = entries["dot-numbered-garbage.txt"].references[1]
    assert thery.raw.endswith(
        "a position statement of the International Society for Extracellular Vesicles. "
        "J Extracell Vesicles. 2018;7(1):1535750."
    )
    assert thery.et_al and thery.csl["container-title"] == "J Extracell Vesicles"
    assert thery.csl["page"] == "1535750"
    yan = entries["paren-fullwidth.txt"].references[2]
    assert (yan.csl["volume"], yan.csl["issue"], yan.csl["page"]) == ("36", "2", "165-178")
    assert "reference 2 continues on a following line" in ref_warnings(entries["dot-numbered-garbage.txt"])
    assert "reference 3 continues on a following line" in ref_warnings(entries["paren-fullwidth.txt"])


def test_bad_list_warnings(indexed) -> None:
    entries, _ = indexed
    messy = ref_warnings(entries["dot-numbered-garbage.txt"])
    assert "reference number 3 appears twice" in messages_starting(messy, "reference number 3")
    assert "no citation markers found in the body; cited_in left empty" in messy
    unnumbered = ref_warnings(entries["unnumbered.txt"])
    assert any(m.startswith("no numbered references found in the list") for m in unnumbered)


def messages_starting(messages: list[str], start: str) -> list[str]:
    return [m for m in messages if m.startswith(start)]


def test_unreadable_line_is_flagged_with_its_raw_text(indexed) -> None:
    entries, works = indexed
    garbled = entries["dot-numbered-garbage.txt"].references[4]
    work = next(w for w in works if w.id == garbled.work_id)
    assert work.status == "failed" and work.raw == "%%% ### garbled line from the PDF converter ###"
    record = next(r for r in json.loads(references_json(works)) if r["id"] == work.id)
    assert record["raw"] == work.raw and record["status"] == "failed"
    assert "title" not in work.csl  # nothing guessed: the printed text is what is shown and exported
    exported = json.loads(entry_exports(entries["dot-numbered-garbage.txt"])[f"{garbled_slug(entries)}.refs.csl.json"])
    assert [item["note"] for item in exported if item["id"] == work.id] == [work.raw]


def garbled_slug(entries: dict[str, Entry]) -> str:
    return entries["dot-numbered-garbage.txt"].slug


def test_two_full_texts_citing_the_same_works_share_index_items(indexed) -> None:
    entries, works = indexed
    dot, paren = entries["dot-numbered-garbage.txt"], entries["paren-fullwidth.txt"]
    shared = [w for w in works if {c.entry for c in w.cited_by} >= {dot.slug, paren.slug}]
    firsts = sorted((w.csl["author"][0]["family"], len(w.cited_by)) for w in shared)
    # Kalluri (also in the unnumbered list), 陈旭 (ASCII vs full-width punctuation), Yan/YAN (case).
    assert firsts == [("Kalluri", 3), ("Yan", 2), ("陈", 2)]
    kalluri = next(w for w in shared if w.csl["author"][0]["family"] == "Kalluri")
    assert kalluri.csl["DOI"] == "10.1126/science.aau6977"  # the DOI of the one that printed it
    cited = {(c.entry, c.number): c.sentences for c in kalluri.cited_by}
    assert [s.sentence for s in cited[(paren.slug, 1)]] == ["外泌体中的微小RNA可以促进软骨细胞增殖^[1]。"]
    assert cited[(dot.slug, 1)] == ()


def test_ids_do_not_depend_on_reading_order(indexed) -> None:
    entries, works = indexed
    again = build_index(list(reversed(list(entries.values()))))[1]
    assert references_json(again) == references_json(works)


LINE = st.one_of(
    st.sampled_from(
        [
            "[1] Kalluri R, LeBleu VS. The biology of exosomes. Science. 2020;367(6478):eaau6977.",
            "2. Yan L, Wu X. Exosomes from 3D cultures. Cell Biol Toxicol. 2020;36(2):165-178.",
            "（3）陈旭，马元．外泌体与骨关节炎［J］．中国骨伤，2021，34（2）：101-105．",
            "4: Wu G. Stem cell exosomes[J]. Stem Cells, 2021, 39(5): 500-510.",
            "36(2):165-178.",
            "Downloaded from https://www.example.org on 12 May 2024",
            "· 188 · 中国组织工程研究 第30卷 第1期 2026年1月",
            "[2] [3] 1. （1）",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=8))
def test_nothing_in_a_list_is_lost(lines: list[str]) -> None:
    """Every word of every line ends up in a reference or in a warning; nothing raises."""
    result = parse_reference_list(list(enumerate(lines, start=1)))
    texts = [str(r.number) for r in result.references] + [r.raw for r in result.references]
    texts += [value for w in result.warnings for value in w.values]
    kept = {word for text in texts for word in WORD_RE.findall(clean_reference(text))}
    for line in lines:
        for word in WORD_RE.findall(clean_reference(line)):
            assert word in kept, (word, lines, result)


def test_a_reference_numbered_in_another_style_still_starts_a_reference() -> None:
    lines = [
        "[1] Kalluri R, LeBleu VS. The biology of exosomes. Science. 2020;367(6478):eaau6977.",
        "2. Yan L, Wu X. Exosomes from 3D cultures. Cell Biol Toxicol. 2020;36(2):165-178.",
        "[3] Wu G. Stem cell exosomes[J]. Stem Cells, 2021, 39(5): 500-510.",
    ]
    result = parse_reference_list(list(enumerate(lines, start=1)))
    assert [(r.number, r.raw[:6]) for r in result.references] == [(1, "Kallur"), (2, "Yan L,"), (3, "Wu G. ")]
    assert [w.message for w in result.warnings] == ["reference 2 is numbered unlike the rest of the list"]


def test_a_reference_that_lost_its_number_stays_a_reference_of_its_own() -> None:
    lines = [
        "[1] Kalluri R, LeBleu VS. The biology of exosomes. Science. 2020;367(6478):eaau6977.",
        "Yan L, Wu X. Exosomes from 3D cultures. Cell Biol Toxicol. 2020;36(2):165-178.",
        "[3] Wu G. Stem cell exosomes[J]. Stem Cells, 2021, 39(5): 500-510.",
    ]
    result = parse_reference_list(list(enumerate(lines, start=1)))
    assert [(r.number, r.raw[:6]) for r in result.references] == [(1, "Kallur"), (2, "Yan L,"), (3, "Wu G. ")]
    assert [w.message for w in result.warnings] == [
        "line after reference 1 reads as a reference of its own: numbered 2"
    ]
