"""A CSL name written family name first, as the exports (:mod:`evdigest.export`) and the pages' metadata
(:mod:`evdigest.render.meta`) write it; the Chinese personal names of an item, as its formatted reference prints
them."""

from __future__ import annotations

import re
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


NAME_VARIABLES = (
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "editorial-director",
    "original-author",
    "reviewed-author",
    "director",
    "illustrator",
    "interviewer",
    "recipient",
    "composer",
)
"""CSL's variables that hold people: a formatted reference may print any of them."""

# A family or given name written in Chinese characters: "沈", "阳明", "欧阳"
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")


def chinese_names(csl: dict[str, Any] | None) -> tuple[str, ...]:
    """The Chinese personal names of a CSL item as a formatted reference prints them, family name then given
    names without a space (``沈阳明``, ``欧阳娜娜``), authors first: what a Traditional edition converts as
    names, not as words (沈阳 is a city, 范 a surname). A literal name (an organisation) is not one."""
    found: list[str] = []
    for variable in NAME_VARIABLES:
        for name in (csl or {}).get(variable) or ():
            if not isinstance(name, dict) or "literal" in name:
                continue
            family, given = (str(name.get(key) or "") for key in ("family", "given"))
            if _HAN.match(family) and _HAN.match(given):
                found.append(family + given)
    return tuple(dict.fromkeys(found))
