"""Preprints: the ChinaXiv identifier of a paper posted there (``201712.00265``), read from the paper's text or its
file name.

A ChinaXiv identifier is the year and month the paper was posted and a serial number (``YYYYMM.NNNNN``), with
an optional version (``v1``); its page is ``https://chinaxiv.org/abs/<id>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Entry, Posting

SERVER = "ChinaXiv"

_ID = r"(?P<id>(?P<year>20\d\d)(?P<month>0[1-9]|1[0-2])\.\d{5})(?!\d)(?:\s?[vV](?P<version>\d+))?"
# An identifier printed in a text, as the server stamps its pages or as a link: "chinaXiv:201712.00265v1",
# "ChinaXiv：201901.00122", "http://www.chinaxiv.org/abs/202209.00113"
PRINTED_RE = re.compile(r"chinaxiv(?:\.org/abs/|\s*[:：]\s*)" + _ID, re.IGNORECASE)
# An identifier in a file name: "ChinaXiv-201712.00265V1.md", "chinaxiv_201901.00122v2.txt"
NAME_RE = re.compile(r"chinaxiv[-_ .:]*" + _ID, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Preprint:
    """A paper's identifier at ChinaXiv."""

    id: str
    """``201712.00265``"""
    version: str | None = None
    """``1`` for ``…V1``; ``None`` when not printed."""

    @property
    def server(self) -> str:
        return SERVER

    @property
    def url(self) -> str:
        """The paper's landing page: ``https://chinaxiv.org/abs/201712.00265``."""
        return page_url(self.id)

    @property
    def label(self) -> str:
        """As ChinaXiv names it: ``ChinaXiv:201712.00265V1``."""
        return f"{SERVER}:{self.id}" + (f"V{self.version}" if self.version else "")

    @property
    def posted(self) -> str:
        """The month the paper was posted, from its identifier: ``2017-12``."""
        return f"{self.id[:4]}-{self.id[4:6]}"

    def posting(self) -> Posting:
        """What the entry model keeps of it."""
        return Posting(self.server, self.id, self.label, self.posted)


def page_url(identifier: str) -> str:
    """The landing page of the paper posted at ChinaXiv as ``identifier``: ``https://chinaxiv.org/abs/201712.00265``."""
    return f"https://chinaxiv.org/abs/{identifier}"


def posting_url(posting: Posting) -> str | None:
    """The landing page of a posting, ``None`` for a server whose pages are not known."""
    return page_url(posting.id) if posting.server == SERVER else None


def _preprint(match: re.Match[str] | None) -> Preprint | None:
    return Preprint(match.group("id"), match.group("version")) if match else None


def printed_preprint(text: str) -> Preprint | None:
    """The first ChinaXiv identifier a text prints (``chinaXiv:201712.00265v1``), else ``None``."""
    return _preprint(PRINTED_RE.search(text))


def named_preprint(path: str) -> Preprint | None:
    """The ChinaXiv identifier in a file's name (``sources/ChinaXiv-201712.00265V1.md``), else ``None``."""
    return _preprint(NAME_RE.search(path.replace("\\", "/").rsplit("/", 1)[-1]))


def entry_preprint(entry: Entry) -> Posting | None:
    """The posting of a review that names no journal: the entry is that preprint (its record, its citation
    line and its page's metadata are the preprint's); ``None`` for a review a journal published."""
    if entry.journal.name or entry.journal.name_zh:
        return None
    return entry.preprint
