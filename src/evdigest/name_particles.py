"""The particles of family names: the small words that open a family name or stand inside one ("van der Berg",
"de la Cruz", "dos Santos", "von dem Bussche", "da Costa e Silva", "bin Laden").

One list, read by the sources' name rules (:mod:`evdigest.sources.names`) and by the references' ones
(:mod:`evdigest.refs.parse_names`, :mod:`evdigest.refs.name_case`), each rule taking the part of it it needs.
"""

from __future__ import annotations

#: Every particle, in lower case.
PARTICLES = frozenset(
    "al bin da das de del della dem den der di do dos du e el het ibn la las le los 't ten ter van van't von y "
    "zu".split()
)
#: Particles that only stand inside a family name, after a word of it: "da Costa e Silva", "Ortega y Gasset",
#: "van het Hof", "van 't Hoff", "von dem Bussche"; a letter alone is as often an initial.
INNER_ONLY = frozenset("dem e het 't y".split())
#: Particles that open a family name.
OPENING = PARTICLES - INNER_ONLY
#: Arabic particles, written capitalised inside a name as often as not: "Al Rashid", "Bin Zayed"
ARABIC = frozenset("al bin el ibn".split())
#: Particles written in lower case opening a family name as well: "van der Pol", "da Silva", "dos Santos", "van't
#: Hoff" (not "de", "di", "la", "le": "De Luca", "Di Marco", "Le Blanc" are as often written capitalised).
LOWER_CASE_OPENING = frozenset("da das den der do dos ten ter van van't von zu".split())
