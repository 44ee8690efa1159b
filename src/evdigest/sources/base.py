"""The contract every source family implements, and where a text came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import Entry

AUTHORS_CUT_SHORT = "the author list is cut short (et al.)"
"""The warning of a source whose author list ends in "et al." / 等; reading the source marks its entry
(``Entry.authors_et_al``)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a source text came from: its path relative to the content folder."""

    path: str


class Family(Protocol):
    """One source family: ``name``, ``sniff`` and ``parse``."""

    name: str

    def sniff(self, text: str) -> str | None:
        """Return ``None`` when the text is of this family, else the reason it is not."""

    def parse(self, text: str, origin: Origin) -> Entry:
        """Parse a decoded, normalised text; raise :class:`~evdigest.errors.ParseError` with a line."""
