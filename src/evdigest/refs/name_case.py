"""Family names printed in capitals, written as names are written elsewhere.

GB/T 7714 prints Latin family names in capitals (``KALLURI R, LEBLEU V S``). The Chinese
style prints them so again whatever they are, but the English edition's style and the
reference managers reading the exports expect ``Kalluri``. A reference whose people's Latin
family names are all in capitals has them written in title case (:func:`title_cased`:
``VAN DER POL`` → ``van der Pol``, ``O'BRIEN`` → ``O'Brien``, ``MCDONALD`` → ``McDonald``,
``MACARTHUR`` → ``MacArthur`` but ``MACHADO`` → ``Machado``); a name another reference of the
digest prints in mixed case is written as that one prints it (``LEBLEU`` → ``LeBleu``, see
:func:`printed_spellings`). A reference mixing capitals with other names keeps them as printed,
and so does an acronym read as a family name alone (``WHO``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..name_particles import ARABIC, LOWER_CASE_OPENING
from ..name_particles import PARTICLES as ALL_PARTICLES

# Words that stay in lower case before the rest of a family name: "van der Pol", "da Silva", "dos Santos",
# "van't Hoff" (not "De Luca", "Di Marco", "Le Blanc"); and inside a family name, after its first word: "van de Ven",
# "von dem Bussche", "De la Fuente", "García de la Torre", "da Costa e Silva"
PARTICLES = LOWER_CASE_OPENING
INNER_PARTICLES = ALL_PARTICLES - ARABIC
# A Latin letter; a family name without one (Chinese) has no case to change.
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
# An apostrophe inside a name, kept by splitting at it: "o'brien", "d’angelo"
_APOSTROPHE = re.compile(r"(['’])")
# "Mc" is always written with a capital after it: "McDonald", "McCarthy".
_MC = re.compile(r"^Mc(?=[a-z])")
# "Mac" is written with a capital after it only in the Scottish and Irish names usually written so, as capitals
# cannot tell "MacKenzie" from "Mackenzie": any other "Mac" name keeps its lower case ("Macchiarini",
# "Machado", "Mackie", "Macrez"). A spelling printed elsewhere in the digest is preferred to both
# (:func:`with_spellings`). The words after "Mac", in lower case:
_MAC_NAMES = frozenset(
    "allister arthur aulay bride callum cormack dermott donald donnell dougall ewen farlane gillivray gregor "
    "innes intosh intyre iver kay kenzie kinnon lachlan lean lennan leod mahon manus millan namara neil neill "
    "pherson queen rae whinney".split()
)
_NAME_KEYS = ("author", "editor", "translator")


def title_cased(family: str) -> str:
    """A family name printed in capitals, in title case: ``GURUNATHAN`` → ``Gurunathan``, ``VAN DER POL`` →
    ``van der Pol``, ``VAN DE VEN`` → ``van de Ven``, ``DE LA FUENTE`` → ``De la Fuente``, ``GARCÍA DE LA TORRE``
    → ``García de la Torre``, ``DE LUCA`` → ``De Luca``, ``SMITH-JONES`` → ``Smith-Jones``, ``D'ANGELO`` →
    ``D'Angelo``, ``MCDONALD`` → ``McDonald``, ``MACARTHUR`` → ``MacArthur`` (``Mac`` names of a known list;
    ``MACCHIARINI`` → ``Macchiarini``). The source readers write Latin family names printed in capitals with it
    too (:func:`evdigest.sources.names.split_latin_name`)."""
    words = family.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i < len(words) - 1 and (lower in PARTICLES or (i > 0 and lower in INNER_PARTICLES)):
            out.append(lower)
        else:
            out.append("-".join(_capitalised(part) for part in lower.split("-")))
    return " ".join(out)


def given_cased(given: str) -> str:
    """A given name printed in capitals, each part of a hyphenated one capitalised: ``XIAOMING`` → ``Xiaoming``,
    ``JEAN-PAUL`` → ``Jean-Paul``, ``XIAO-MING`` → ``Xiao-Ming``; an apostrophe parts pinyin syllables, not
    names, so what follows it stays in lower case (``XI'AN`` → ``Xi'an``). Telling such a name from initials
    (``JP``) is the caller's part (:func:`evdigest.sources.given_names.given_case`)."""
    return "-".join(part[:1].upper() + part[1:].lower() for part in given.split("-"))


def _capitalised(part: str) -> str:
    """``o'brien`` → ``O'Brien`` (``’`` too), ``mcdonald`` → ``McDonald``, ``macarthur`` → ``MacArthur``, ``machado`` →
    ``Machado``."""
    word = "".join(piece[:1].upper() + piece[1:] for piece in _APOSTROPHE.split(part))
    if _MC.match(word):
        return "Mc" + word[2:3].upper() + word[3:]
    if word.startswith("Mac") and word[3:] in _MAC_NAMES:
        return "Mac" + word[3:4].upper() + word[4:]
    return word


def _person(name: Any) -> bool:
    """A person's name with a Latin family name: one with a given name too (``WHO`` or ``ISEV`` read as a
    family name alone is an organisation's acronym, left as printed)."""
    return (
        isinstance(name, dict)
        and bool(name.get("given"))
        and bool(name.get("family"))
        and bool(_LATIN.search(str(name["family"])))
    )


def _families(item: dict[str, Any]) -> list[str]:
    """The Latin family names of the people among an item's authors and editors."""
    return [str(name["family"]) for key in _NAME_KEYS for name in item.get(key) or [] if _person(name)]


def _capitals(family: str) -> bool:
    return family.isupper() and sum(c.isalpha() for c in family) > 1


def recase_capitals(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` with its people's Latin family names in title case when every one of them is printed in
    capitals (one of a single letter, ``E J``, says nothing either way) — a new item, with new names' dicts;
    else ``item`` itself."""
    families = [f for f in _families(item) if sum(c.isalpha() for c in f) > 1]
    if not families or not all(_capitals(f) for f in families):
        return item
    return _renamed(item, lambda family: title_cased(family) if _capitals(family) else family)


def _renamed(item: dict[str, Any], rename: Any) -> dict[str, Any]:
    made = dict(item)
    for key in _NAME_KEYS:
        if item.get(key):
            made[key] = [
                {**name, "family": rename(str(name["family"]))} if _person(name) else name for name in item[key]
            ]
    return made


def printed_spellings(items: Iterable[tuple[dict[str, Any], str]]) -> dict[str, str]:
    """Per case-folded family name, the spelling references print it in when it is neither all capitals nor
    all lower case (``LeBleu``), the most printed one first (ties: the first in sorted order); from
    ``(item, printed string)`` pairs, a name counting where the string prints it as the item has it."""
    seen: dict[str, Counter[str]] = {}
    for item, raw in items:
        for family in _families(item):
            if family in raw and not family.isupper() and not family.islower():
                seen.setdefault(family.casefold(), Counter())[family] += 1
    return {key: min(counts, key=lambda s: (-counts[s], s)) for key, counts in seen.items()}


def with_spellings(item: dict[str, Any], raw: str, spellings: dict[str, str]) -> dict[str, Any]:
    """``item`` with each family name it did not print as it has it (one written in title case from capitals)
    written as :func:`printed_spellings` found it printed elsewhere; ``item`` itself when none changes."""
    changed = [f for f in _families(item) if f not in raw and spellings.get(f.casefold(), f) != f]
    if not changed:
        return item
    return _renamed(item, lambda family: spellings.get(family.casefold(), family) if family in changed else family)
