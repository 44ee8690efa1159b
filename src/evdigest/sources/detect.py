"""Family detection: which source family a text belongs to, with the reason for every family that does not fit."""

from __future__ import annotations

from types import ModuleType

from ..errors import ParseError
from .base import Origin


def detect(text: str, origin: Origin, families: tuple[ModuleType, ...] | None = None) -> ModuleType:
    """Return the first family (in registry order) whose ``sniff`` accepts ``text``.

    Raises :class:`~evdigest.errors.ParseError` naming the file and, for each
    family tried, why it did not match.
    """
    if families is None:
        from . import FAMILIES

        families = FAMILIES
    reasons = []
    for family in families:
        reason = family.sniff(text)
        if reason is None:
            return family
        reasons.append(f"{family.name}: {reason}")
    tried = "; ".join(reasons)
    raise ParseError(origin.path, 1, f"no known source family matches this text (tried {tried})")
