"""Greek letters the PDF conversion set apart with spaces: ``NF- κ B`` is ``NF-κB``.

A journal typesets Greek letters in a symbol font; converting its PDF to text often writes each such
letter as a word of its own, with a space on each side, inside names that are one word: ``Wnt/ β -catenin``,
``amyloid- β -induced``, ``HIF-1 α -stabilizing``, ``TGF- β 1``, ``β -半乳糖苷酶``. The spaces are removed
where the letter is joined to its neighbours by a hyphen or a slash, or belongs to a gene's or protein's
name ending in a number (``HIF-1 α`` → ``HIF-1α``, ``interleukin-1 β``), or to ``NF-κB`` and an isoform's
one-digit number (``TGF-β 1`` → ``TGF-β1``). A letter standing alone (``α = 0.05``, ``降低 β 淀粉样蛋白``, ``α - β``), a
negative value after it (``β -0.12``), a quantity (``TNF-α 10 ng/mL``, ``TNF-α 1 ng/mL``) and a word after
it (``IFN-γ T cells``, ``SARS-CoV-2 α variant``) are left as they are.
"""

from __future__ import annotations

import re

GREEK = "\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03f5"
"""Greek capitals and small letters (with the symbol forms ϑ, ϕ, ϵ)."""

_ANY_GREEK = re.compile(f"[{GREEK}]")
# a Greek letter that is a word by itself: no Latin or Greek letter touches it
_LONE = rf"(?<![A-Za-z{GREEK}])[{GREEK}](?![A-Za-z{GREEK}])"
# "Wnt/ β", "NF- κ": a hyphen or slash ending a word, then spaces, then the letter
_AFTER_JOINER = re.compile(rf"(?<=\S[-/]) +(?={_LONE})")
# "β -catenin", "γ -H2AX", "β -半乳糖苷酶": the letter, spaces, then a hyphen opening a word (not "β -0.12")
_BEFORE_HYPHEN = re.compile(rf"({_LONE}) +(?=-[A-Za-z\u3400-\u9fff])")
# a gene's or protein's name before "-1 α": in capitals ("HIF", "IL") or a protein's spelled out ("interleukin",
# "hypoxia-inducible factor", "inflammatory protein"); not a short capitalised word ("Day-7 β-cell", "Set-2 β")
_GENE = r"(?:[A-Z][A-Z0-9]+|(?i:interleukin|factor|protein|kinase|receptor))"
# "HIF-1 α", "IL-1 β", "factor-1 α": the name, a hyphen and a number, then the letter
_AFTER_NUMBER = re.compile(rf"((?<![A-Za-z0-9]){_GENE}-\d{{1,2}}) ({_LONE})")
# what follows a quantity, a count or a time: "1 ng/mL", "2 μg", "5 U", "10 %", "3 h", "2 weeks", "3 例", "2 周"
_UNIT = (
    r"\s*(?:(?:[nμµmkp]?[gLlM]|[nμµmp]?mol|I?U|%|h|min|d|[×x*])(?![A-Za-z])"
    r"|(?:weeks?|days?|hours?|months?|years?|times|patients?|mice|rats?|cases?|cells?|groups?|donors?|samples?"
    r"|subjects?|animals?|wells?|replicates?|doses?)\b|[例周天次个只月年倍名组])"
)
# "NF-κ B": κB; "TGF-β 1": an isoform's one-digit number after the letter, no quantity after it
_BEFORE_PART = re.compile(rf"(-κ) (B)(?![A-Za-z0-9])|(-[{GREEK}]) ([1-4])(?![0-9]|[.,][0-9]|{_UNIT})")


def join_greek(text: str) -> str:
    """``text`` with the spaces the conversion set around Greek letters inside names removed."""
    if not _ANY_GREEK.search(text):
        return text
    text = _AFTER_JOINER.sub("", text)
    text = _BEFORE_HYPHEN.sub(r"\1", text)
    text = _AFTER_NUMBER.sub(r"\1\2", text)
    return _BEFORE_PART.sub(lambda m: "".join(part for part in m.groups() if part), text)
