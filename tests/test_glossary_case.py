"""Glossary terms capitalised only because they opened a sentence are written in lower case."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.enrich.glossary import apply
from evdigest.enrich.glossary_case import lowered_first_word
from evdigest.ingest import ingest
from evdigest.model import Abstracts, AbstractSection, Entry, GlossaryTerm, Keywords

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Exosomes carry cargo. The release of exosomes and traditional mesenchymal stem cell therapy differ; "
    "extracellular vesicles reach dendritic cells."
)


@pytest.mark.parametrize(
    ("en", "lowered"),
    [
        ("Exosomes", "exosomes"),
        (
            "Mesenchymal stem cell-derived extracellular vesicles",
            "mesenchymal stem cell-derived extracellular vesicles",
        ),
        # singular beside plural, and the other way round
        ("Extracellular vesicle", "extracellular vesicle"),
        ("Dendritic cell", "dendritic cell"),
        ("Exosome", "exosome"),
    ],
)
def test_a_word_the_text_writes_in_lower_case_is_lowered(en: str, lowered: str) -> None:
    assert lowered_first_word(en, TEXT) == lowered


@pytest.mark.parametrize(
    "en",
    [
        "Golgi apparatus",  # the text never writes "golgi"
        "Exosomes Released",  # a title, not a sentence's first word
        "Mesenchymal Stem Cells",
        "MicroRNA",
        "MSC-EVs",
        "exosomes",  # already in lower case
        "Exosomal",  # "exosomal" is not in the text ("exosomes" is another word)
        # eponyms and genera whose first word is also a common word the text uses
        "Down syndrome",
        "Candida albicans",
        "Hodgkin lymphoma",
        "Notch signaling",
    ],
)
def test_other_terms_stay_as_printed(en: str) -> None:
    text = TEXT + " The Golgi apparatus. Genes were down-regulated; candida grew; non-hodgkin; a notch."
    assert lowered_first_word(en, text) is None


def _entry(*terms: GlossaryTerm, abstract: str = "", keywords: tuple[str, ...] = ()) -> Entry:
    return Entry(
        id="x",
        slug="x",
        source="x.txt",
        family="pubmed-cn",
        abstract=Abstracts(en=(AbstractSection(None, abstract),)),
        keywords=Keywords(en=keywords),
        glossary=terms,
    )


def test_the_corpus_step_lowers_what_the_entry_writes_in_lower_case() -> None:
    entry = _entry(
        GlossaryTerm("外泌体", "Exosomes", None, "x.txt", 3, "外泌体 (Exosomes)"),
        GlossaryTerm("高尔基体", "Golgi apparatus", None, "x.txt", 4, "高尔基体 (Golgi apparatus)"),
        abstract="The Golgi apparatus sorts cargo into exosomes.",
    )
    (out,) = apply([entry])
    assert {(t.zh, t.en) for t in out.glossary} == {("外泌体", "exosomes"), ("高尔基体", "Golgi apparatus")}


def test_the_samples_terms_that_opened_sentences(tmp_path: Path) -> None:
    entries = ingest(sorted((ROOT / "content" / "sources").iterdir()), tmp_path).entries
    pairs = {(t.zh, t.en) for e in apply(list(entries)) for t in e.glossary}
    assert ("外泌体", "exosomes") in pairs  # "外泌体 (Exosomes) 是一类…"
    assert ("间充质干细胞衍生的细胞外囊泡", "mesenchymal stem cell-derived extracellular vesicles") in pairs
    assert not [en for _, en in pairs if en and en[:1].isupper() and en[1:2].islower() and " " not in en]


@given(st.text(alphabet="AaBbEe -xyz", max_size=20), st.text(alphabet="aAbBeE .xyz", max_size=40))
def test_only_the_first_letter_changes(en: str, text: str) -> None:
    lowered = lowered_first_word(en, text)
    if lowered is not None:
        assert lowered == en[0].lower() + en[1:] and en[0].isupper()
