from __future__ import annotations

import pytest

from evdigest.doi import find_doi
from evdigest.refs.parse import parse_reference
from evdigest.sources.fields import normalize_doi

SICI = "10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#"


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        (f"doi: {SICI}.", SICI.lower()),  # "<", ">", ";", "#" and brackets stand inside a SICI
        (f"(DOI: {SICI})", SICI.lower()),  # the closing bracket it did not open ends it
        (f"https://doi.org/{SICI} eCollection 2025.", SICI.lower()),
        ("doi: 10.3389/fcell.2025.1612589. eCollection 2025.", "10.3389/fcell.2025.1612589"),
        ("(DOI: 10.13345/j.cjb.240112)", "10.13345/j.cjb.240112"),
        ("DOI: 10.1016/S1875-5364(24)60567-1;", "10.1016/s1875-5364(24)60567-1"),
        ('<a href="https://doi.org/10.1000/a">link</a>', "10.1000/a"),
        ("<https://doi.org/10.12307/2025.573>", "10.12307/2025.573"),
        ("10.1000/a<br/>", "10.1000/a"),
        ("[doi>10.1145/3290605.3300233]", "10.1145/3290605.3300233"),
        ("10.12307/2026.001文章编号：2095-4344", "10.12307/2026.001"),
        ("DOI：10.3389/fcell.2025.1612589。", "10.3389/fcell.2025.1612589"),
        # a comma or semicolon glued to the text after it ends it; before a digit it stands inside a SICI
        ("DOI:10.12307/2025.573,CN 21-1581/R", "10.12307/2025.573"),
        ("DOI: 10.1234/abcd;CN 11-1234/R", "10.1234/abcd"),
        ("10.1175/1520-0469(1998)055<2221:ABLPOT>2.0.CO;2", "10.1175/1520-0469(1998)055<2221:ablpot>2.0.co;2"),
        ("“doi:10.1234/abcd”", "10.1234/abcd"),  # curly quotes around it
        ("no DOI here", None),
    ],
)
def test_a_doi_ends_where_the_text_after_it_begins(text: str, doi: str | None) -> None:
    assert find_doi(text) == doi
    assert normalize_doi(text) == doi  # the sources read DOIs this way


def test_the_references_read_a_doi_as_the_sources_do() -> None:
    raw = f"Smith J, Lee K. Bone cement wear. J Biomed Mater Res. 1997;35(4):507-516. doi: {SICI}."
    parsed = parse_reference(raw)
    assert parsed.item["DOI"].lower() == find_doi(raw) == SICI.lower()
