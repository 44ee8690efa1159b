"""Where a DOI printed in text begins and ends, read one way by every source family and by the references.

A DOI's suffix may hold almost any printable character: Crossref's SICI DOIs, such as
``10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#``, hold brackets, angle brackets, colons,
a semicolon and a hash. What ends one is what text puts after it: white space, a quote, a comma or semicolon
not followed by a digit ("10.12307/2025.573,CN 21-1581/R"), Chinese text or
full-width punctuation glued to it ("10.12307/2026.001文章编号"), a bracket it did not open ("(DOI: 10.1/x)"),
an angle bracket that opens a tag or closes a link ("10.1/x</a>", "<https://doi.org/10.1/x>"), and a final
full stop, comma or semicolon of the sentence ("doi: 10.1/x.").
"""

from __future__ import annotations

import re

# One character of a DOI's suffix outside brackets: not white space, a quote (straight or curly), an (angle)
# bracket, Chinese text or full-width punctuation; a comma or semicolon only before a digit, as a SICI's
# "…3.0.CO;2-#" holds one (glued to the text after it, "10.1/x,CN 21-1581/R" or "10.1/x;CN", it ends the DOI)
_CHAR = r"(?:[^\s\"<>()\[\],;\u2018-\u201f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]|[,;](?=\d))"
# A DOI's suffix: its characters, and brackets only in pairs it opens, "(SICI)", "(24)"; an angle bracket
# only as a SICI's "<507::AID-JBM11>", opened before a digit (a tag opens before a letter or "/": "<br>")
DOI_SUFFIX = rf"(?:{_CHAR}|\({_CHAR}*\)|\[{_CHAR}*\]|<\d{_CHAR}*>)+"
# A DOI: "10.3389/fcell.2025.1612589", "10.1016/S1875-5364(24)60567-1" (trimmed by :func:`doi_end`)
DOI_PATTERN = rf"10\.\d{{4,9}}/{DOI_SUFFIX}"
_DOI = re.compile(DOI_PATTERN)
# What ends the sentence a DOI closes, not the DOI: "doi: 10.1/x.", "10.1/x;"
_TRAILING = ".,;"


def doi_end(doi: str) -> str:
    """``doi`` without the full stop, comma or semicolon that follows it in a sentence: ``10.1/x.`` -> ``10.1/x``
    (a DOI does not end in one; a SICI's ``;`` stands inside it, ``…3.0.CO;2-#``)."""
    return doi.rstrip(_TRAILING)


def find_doi(text: str | None) -> str | None:
    """The first DOI in ``text``, bare and in lower case (DOIs ignore case), or ``None``: a resolver link's
    or a ``doi:`` label's DOI too, ``https://doi.org/10.1080/X.`` -> ``10.1080/x``."""
    if not text:
        return None
    match = _DOI.search(text)
    if not match:
        return None
    return doi_end(match.group()).lower() or None
