"""Slugs and ids: stable, path-safe names for entries.

A slug is ``<first author's family name>-<year>-<title words>``
("liu-2025-migrasomes-functional-footprints-left"), using pinyin for Chinese
names and Chinese-only titles (one syllable per character, so two different
Chinese titles give different slugs).  Only ``[a-z0-9.-]`` is used, at most
:data:`MAX_LENGTH` characters, never starting with a dot.  When nothing usable
is left the DOI is used ("doi-10.1080-15384101.2025.2601237"), and as a last
resort a hash of the source path ("entry-3f2a9c1b").

A slug depends on its own entry only.  When two different papers give the same
slug, each of them gets a suffix hashed from its own DOI (or source path when
it has no DOI), so the result never depends on the order of the corpus or on
which other sources are in it, beyond those sharing the same slug.  Entries
that share a DOI are the same paper: they keep one slug and are merged later.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

from ..model import Entry
from ..text import has_cjk

MAX_LENGTH = 80
_TITLE_WORDS = 3
_CHINESE_SYLLABLES = 8

# Anything a slug may not hold: "Ä", " ", "/", ":"
_NOT_SLUG = re.compile(r"[^a-z0-9.]+")
# Runs of dots (".." must never appear): "a..b"
_DOTS = re.compile(r"\.{2,}")
# Latin words of a title: "Migrasomes", "next-generation" (split on the hyphen), "3D"
_WORD = re.compile(r"[a-z0-9]+")
# CJK ideographs: "迁"
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STOPWORDS = frozenset("a an the of and or in on for to with as by from at its their into via is are be".split())


def make_slug(entry: Entry) -> str:
    """The base slug of one entry (before collisions are resolved); never empty."""
    parts = [_author_part(entry), str(entry.year) if entry.year else "", _title_part(entry)]
    slug = _clean("-".join(p for p in parts if p))
    if not _title_part(entry) and entry.doi:
        slug = _clean(f"{slug}-doi-{entry.doi}" if slug else f"doi-{entry.doi}")
    if not slug:
        slug = f"entry-{short_hash(_identity(entry))}"
    return slug


def make_id(entry: Entry) -> str:
    """A stable opaque id: a hash of the DOI, or of the source path when there is no DOI."""
    return f"e{short_hash(_identity(entry), 12)}"


def assign_slugs(entries: Iterable[Entry]) -> list[Entry]:
    """Give every entry its slug and id, unique across ``entries``; order of the input is kept."""
    entries = list(entries)
    bases = [make_slug(entry) for entry in entries]
    identities: dict[str, set[str]] = defaultdict(set)
    for entry, base in zip(entries, bases, strict=True):
        identities[base].add(_identity(entry))
    result = []
    for entry, base in zip(entries, bases, strict=True):
        slug = base
        if len(identities[base]) > 1:
            suffix = short_hash(_identity(entry), 8)
            slug = _clean(f"{_cut(base, MAX_LENGTH - len(suffix) - 1)}-{suffix}")
        result.append(dataclasses.replace(entry, slug=slug, id=entry.id or make_id(entry)))
    return result


def short_hash(text: str, length: int = 8) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _identity(entry: Entry) -> str:
    return f"doi:{entry.doi.lower()}" if entry.doi else f"source:{entry.source}"


def _author_part(entry: Entry) -> str:
    if not entry.authors:
        return ""
    author = entry.authors[0]
    family = author.family or author.name or author.name_zh or ""
    if has_cjk(family):
        return "".join(lazy_pinyin(family, style=Style.NORMAL))
    return _ascii(family)


def _title_part(entry: Entry) -> str:
    if entry.title.en and _WORD.search(_ascii(entry.title.en)):
        words = [w for w in _WORD.findall(_ascii(entry.title.en)) if w not in _STOPWORDS]
        return "-".join(words[:_TITLE_WORDS])
    if entry.title.zh:
        ideographs = _IDEOGRAPH.findall(entry.title.zh)[:_CHINESE_SYLLABLES]
        return "-".join(lazy_pinyin("".join(ideographs), style=Style.NORMAL))
    return ""


def _ascii(text: str) -> str:
    """Lowercase ASCII: accents dropped ("Müller" -> "muller"), other scripts removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _clean(text: str) -> str:
    slug = _NOT_SLUG.sub("-", _ascii(text))
    slug = _DOTS.sub(".", slug)
    slug = re.sub(r"-{2,}", "-", slug).strip("-.")
    return _cut(slug, MAX_LENGTH)


def _cut(slug: str, limit: int) -> str:
    """Shorten to ``limit`` characters, at a hyphen where possible."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if "-" in cut[limit // 2 :]:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-.")
