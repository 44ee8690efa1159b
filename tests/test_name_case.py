"""Latin family names printed in capitals (GB/T 7714) written as names are written elsewhere."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Entry, Reference
from evdigest.refs.format import get_formatter
from evdigest.refs.index import build_index
from evdigest.refs.name_case import given_cased, title_cased
from evdigest.refs.parse import parse_reference


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("GURUNATHAN", "Gurunathan"),
        ("RÄDLER", "Rädler"),
        ("VAN DER POL", "van der Pol"),
        ("DOS SANTOS", "dos Santos"),
        ("DE LUCA", "De Luca"),
        ("SMITH-JONES", "Smith-Jones"),
        ("O'BRIEN", "O'Brien"),
        ("D’ANGELO", "D’Angelo"),
        ("MCDONALD", "McDonald"),
        ("LI", "Li"),
        ("VAN DE VEN", "van de Ven"),
        ("VAN'T HOFF", "van't Hoff"),
        ("DE LA FUENTE", "De la Fuente"),
        ("LE BLANC", "Le Blanc"),
        ("GARCÍA DE LA TORRE", "García de la Torre"),
        ("DA COSTA E SILVA", "da Costa e Silva"),
        ("VON DEM BUSSCHE", "von dem Bussche"),
        ("MCCARTHY", "McCarthy"),
        ("MACARTHUR", "MacArthur"),
        ("MACKENZIE-SMITH", "MacKenzie-Smith"),
        ("MACHADO", "Machado"),
        ("MACCHIARINI", "Macchiarini"),
        ("MACREZ", "Macrez"),
        ("MAC", "Mac"),
    ],
)
def test_a_name_in_capitals_in_title_case(printed: str, written: str) -> None:
    assert title_cased(printed) == written


@given(st.text(alphabet=st.sampled_from(list("ABCDEÉÖ' -")), min_size=1, max_size=20))
def test_title_case_changes_case_only(printed: str) -> None:
    assert title_cased(printed).upper() == printed.upper()


def test_gbt_capitals_are_names_in_the_english_style_and_the_exports_and_capitals_again_in_gbt() -> None:
    parsed = parse_reference("KALLURI R, LEBLEU V S. The biology of exosomes[J]. Science, 2020, 367(6478): eaau6977.")
    assert [a["family"] for a in parsed.item["author"]] == ["Kalluri", "Lebleu"]
    assert get_formatter("nlm-citation-sequence").format(parsed.item).text.startswith("Kalluri R, Lebleu VS.")
    gbt = get_formatter("china-national-standard-gb-t-7714-2015-numeric").format(parsed.item).text
    assert gbt.startswith("KALLURI R, LEBLEU V S.")


@pytest.mark.parametrize(
    "raw",
    [
        "SMITH J, Jones K. A title[J]. Nature, 2020, 1(1): 1-2.",  # capitals beside a name that is not: as printed
        "WHO. Global tuberculosis report[R]. Geneva: WHO, 2020.",  # an organisation
        "吕茹月, 张三. 外泌体研究[J]. 中华医学杂志, 2020, 100(1): 1-5.",  # no case
    ],
)
def test_other_names_stay_as_printed(raw: str) -> None:
    names = parse_reference(raw).item["author"]
    assert all(name.get("family", name.get("literal")) in raw for name in names)


def test_an_acronym_among_the_authors_stays_and_a_one_letter_name_does_not_hold_the_others_back() -> None:
    acronym = parse_reference("SMITH J, WHO. Title[J]. Nature, 2019, 7(1): 1-5.").item["author"]
    assert acronym == [{"family": "Smith", "given": "J."}, {"family": "WHO"}]
    one_letter = parse_reference("ZHANG S, LI S, E J. Title[J]. Nature, 2019, 7(1): 1-5.").item["author"]
    assert [a["family"] for a in one_letter] == ["Zhang", "Li", "E"]


def test_a_name_another_reference_prints_in_mixed_case_is_written_so() -> None:
    """LEBLEU is not Lebleu when the digest prints LeBleu elsewhere; the same work's references agree."""
    gbt = "KALLURI R, LEBLEU V S. The biology, function, and biomedical applications of exosomes[J]. Science, 2020, 367(6478): eaau6977."
    vancouver = "Kalluri R, LeBleu VS. The biology, function, and biomedical applications of exosomes. Science. 2020;367(6478):eaau6977."
    other = (
        "LEBLEU V S, KALLURI R. A peek into cancer-associated fibroblasts[J]. Dis Model Mech, 2018, 11(4): dmm029447."
    )
    entries = [
        Entry(
            id="a",
            slug="a",
            source="a.txt",
            family="journal-fulltext",
            references=(Reference(1, gbt), Reference(2, other)),
        ),
        Entry(id="b", slug="b", source="b.txt", family="journal-fulltext", references=(Reference(1, vancouver),)),
    ]
    linked, works = build_index(entries)
    families = [[a["family"] for a in r.csl["author"]] for e in linked for r in e.references]
    assert families == [["Kalluri", "LeBleu"], ["LeBleu", "Kalluri"], ["Kalluri", "LeBleu"]]
    assert sorted([a["family"] for a in w.csl["author"]] for w in works) == [
        ["Kalluri", "LeBleu"],
        ["LeBleu", "Kalluri"],
    ]


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("XIAOMING", "Xiaoming"),
        ("JEAN-PAUL", "Jean-Paul"),
        ("XIAO-MING", "Xiao-Ming"),
        ("XI'AN", "Xi'an"),
        ("ÉMILE", "Émile"),
    ],
)
def test_a_given_name_in_capitals_in_title_case(printed: str, written: str) -> None:
    assert given_cased(printed) == written


@given(st.text(alphabet=st.sampled_from(list("ABCDEÉÖ'-")), min_size=1, max_size=20))
def test_given_name_case_changes_case_only(printed: str) -> None:
    assert given_cased(printed).upper() == printed.upper()
