"""Source families: each module has ``name``, ``sniff(text)`` and ``parse(text, origin)``.

:data:`FAMILIES` lists them in sniffing order: the most specific shape first
(a JSON record, then a page with fixed headings, then free journal full text).
"""

from __future__ import annotations

from types import ModuleType

from . import journal_fulltext, platform_record, pubmed_cn

FAMILIES: tuple[ModuleType, ...] = (platform_record, pubmed_cn, journal_fulltext)
