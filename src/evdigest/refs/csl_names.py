"""A CSL name written family name first, as the exports (:mod:`evdigest.export`) and the pages' metadata
(:mod:`evdigest.render.meta`) write it."""

from __future__ import annotations

from typing import Any


def name_parts(name: dict[str, Any], *, von: bool = False) -> tuple[str, str]:
    """``(family, given)`` of a CSL name; a literal name is all family. A particle dropped when names are sorted
    (``dropping-particle``) closes the given names, as an inverted name prints it (``("Beauvoir", "Simone de")``),
    or with ``von`` opens the family name, BibTeX's von part (``("de Beauvoir", "Simone")``), which biblatex sorts
    under the family name and prints after the given names."""
    if "literal" in name:
        return str(name["literal"]), ""
    family, given, particle = (str(name.get(key) or "") for key in ("family", "given", "dropping-particle"))
    if particle and von:
        return f"{particle} {family}", given
    return family, f"{given} {particle}".strip()


def family_first(name: dict[str, Any]) -> str:
    """``Family, Given`` of a CSL name (:func:`name_parts`), the family name alone when it has no given names
    (``Beauvoir, Simone de``, ``WHO``)."""
    family, given = name_parts(name)
    return f"{family}, {given}" if given else family
