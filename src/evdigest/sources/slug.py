"""Slugs and ids: stable, path-safe names for entries.

A slug is ``<readable base>-<hash>``:

* the readable base is ``<first author's family name>-<year>-<title words>``
  ("liu-2025-migrasomes-functional-footprints"), using pinyin for Chinese names
  and Chinese-only titles; without a publication year, the year of the date the
  paper is dated by (a preprint's posting month, :mod:`evdigest.dating`), as in
  its citation key; without a title, the DOI ("doi-10.1080-15384101.2025.2601237");
  with nothing usable, ``entry``;
* the hash is the first :data:`HASH_LENGTH` hex digits of the SHA-256 of the
  paper's *identity* (see :func:`identity`): its normalised DOI; without a DOI,
  its normalised first author, year and title; as a last resort its source path.

A slug therefore depends on its own entry only: adding, removing or reordering
other sources never changes it, and no knowledge of the corpus is needed.  Two
different papers differ in identity and so in hash (even when their readable
bases are equal, as for two Chinese-only titles that begin alike); entries of the
same identity are the same paper and are merged into one entry (see
:mod:`evdigest.sources.merge`).  Only ``[a-z0-9.-]`` is used, at most
:data:`MAX_LENGTH` characters, never starting with a dot and never holding
``..`` or ``/``.  The id is ``e`` followed by a longer hash of the same identity.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from ..dating import dated_year
from ..model import Entry
from ..pinyin import syllables
from ..surname_readings import surname_syllables
from ..text import CJK_IDEOGRAPH as _IDEOGRAPH
from ..text import has_cjk
from .names import split_chinese_name

MAX_LENGTH = 80
HASH_LENGTH = 8
_ID_HASH_LENGTH = 12
_TITLE_WORDS = 3
_CHINESE_SYLLABLES = 8
_EMPTY_BASE = "entry"

# Anything a slug may not hold: "Ä", " ", "/", ":"
_NOT_SLUG = re.compile(r"[^a-z0-9.]+")
# Runs of dots (".." must never appear): "a..b"
_DOTS = re.compile(r"\.{2,}")
# Runs of hyphens: "a--b"
_HYPHENS = re.compile(r"-{2,}")
# Latin words of a title: "Migrasomes", "next-generation" (split on the hyphen), "3D"
_WORD = re.compile(r"[a-z0-9]+")
# What a DOI may be prefixed with when pasted: "https://doi.org/", "doi: "
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# Anything but letters and digits, dropped when comparing titles and names: " ", ":", "。", "-"
_NOT_ALNUM = re.compile(r"[\W_]+")
_STOPWORDS = frozenset("a an the of and or in on for to with as by from at its their into via is are be".split())


def make_slug(entry: Entry) -> str:
    """The slug of one entry: ``<readable base>-<hash of its identity>``; never empty, at most :data:`MAX_LENGTH`."""
    suffix = short_hash(identity(entry), HASH_LENGTH)
    base = _cut(readable_base(entry), MAX_LENGTH - HASH_LENGTH - 1) or _EMPTY_BASE
    return f"{base}-{suffix}"


def readable_base(entry: Entry) -> str:
    """The readable part of the slug: author family, year and a few title words (or the DOI); may be empty."""
    title = _title_part(entry)
    year = dated_year(entry)  # a preprint's posting year when it has no publication year, as its citation key
    parts = [_author_part(entry), str(year) if year else "", title]
    base = _clean("-".join(p for p in parts if p))
    if not title and entry.doi:
        base = _clean(f"{base}-doi-{normalize_doi(entry.doi)}" if base else f"doi-{normalize_doi(entry.doi)}")
    return base


def make_id(entry: Entry) -> str:
    """A stable opaque id: ``e`` and a hash of the entry's identity (the same paper always gets the same id)."""
    return f"e{short_hash(identity(entry), _ID_HASH_LENGTH)}"


def assign_slugs(entries: Iterable[Entry]) -> list[Entry]:
    """Give every entry its slug and (when it has none) its id; the order of the input is kept.

    Each slug is computed from its own entry alone (see the module docstring).
    """
    return [dataclasses.replace(e, slug=make_slug(e), id=e.id or make_id(e)) for e in entries]


def identity(entry: Entry) -> str:
    """What makes two entries the same paper: ``doi:<doi>``, else ``work:<author>|<year>|<title>``, else ``source:<path>``.

    DOIs are lowercased and stripped of ``https://doi.org/`` or ``doi:``; names
    and titles are compared case-folded, without accents, spaces or punctuation
    (so "Migrasomes: a review." and "MIGRASOMES - A REVIEW" are one title).  A
    title is required for the second form; author and year may be missing.
    """
    if entry.doi and normalize_doi(entry.doi):
        return f"doi:{normalize_doi(entry.doi)}"
    title = comparable(entry.title.en or "") or comparable(entry.title.zh or "")
    if title:
        return f"work:{comparable(_author_part(entry))}|{entry.year or ''}|{title}"
    return f"source:{entry.source}"


def normalize_doi(doi: str) -> str:
    """A DOI as compared: bare (no resolver prefix), trimmed and lowercased."""
    return _DOI_PREFIX.sub("", doi.strip()).strip().lower()


def short_hash(text: str, length: int = HASH_LENGTH) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def comparable(text: str) -> str:
    """``text`` as titles and names are compared: case-folded, without accents, spaces or punctuation."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    without_marks = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", without_marks)


def _author_part(entry: Entry) -> str:
    if not entry.authors:
        return ""
    author = entry.authors[0]
    family, given = author.family or "", author.given or ""
    if not family:
        name = author.name or author.name_zh or ""
        family = (split_chinese_name(name)[0] or "") if has_cjk(name) else name
        given = name[len(family) :]
    if has_cjk(family):
        # read as a surname, as in the citation key (单 is shan), unless the name is an organisation's
        return "".join(surname_syllables(family, given if has_cjk(given) else ""))
    return _ascii(family)


def _title_part(entry: Entry) -> str:
    if entry.title.en and _WORD.search(_ascii(entry.title.en)):
        words = [w for w in _WORD.findall(_ascii(entry.title.en)) if w not in _STOPWORDS]
        return "-".join(words[:_TITLE_WORDS])
    if entry.title.zh:
        ideographs = _IDEOGRAPH.findall(entry.title.zh)[:_CHINESE_SYLLABLES]
        return "-".join(syllables("".join(ideographs)))
    return ""


def _ascii(text: str) -> str:
    """Lowercase ASCII: accents dropped ("Müller" -> "muller"), other scripts removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _clean(text: str) -> str:
    slug = _NOT_SLUG.sub("-", _ascii(text))
    slug = _DOTS.sub(".", slug)
    slug = _HYPHENS.sub("-", slug).strip("-.")
    return _cut(slug, MAX_LENGTH)


def _cut(slug: str, limit: int) -> str:
    """Shorten to ``limit`` characters, at a hyphen where possible."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if "-" in cut[limit // 2 :]:
        cut = cut[: cut.rindex("-")]
    return _DOTS.sub(".", cut).strip("-.")
