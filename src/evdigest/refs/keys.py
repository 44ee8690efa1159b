"""Normalised keys of references, for deduplication across entries.

Two references are the same work when they share a DOI, or - without a DOI - when
their first authors' family names and years are equal and their titles, folded
(case, punctuation, whitespace, full-width forms, accents), are at least
:data:`TITLE_SIMILARITY` alike.  The threshold is measured in
``tests/fixtures/refs_pair/dedup_pairs.json`` (pairs that must merge and pairs that must not).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..name_particles import OPENING, PARTICLES
from ..name_syllables import is_name_syllable
from ..vietnamese_surnames import VIETNAMESE_MIDDLE_NAMES, VIETNAMESE_SURNAMES
from .links import clean_doi
from .pinyin_names import PINYIN_SPELLING, is_pinyin

TITLE_SIMILARITY = 0.96
"""Lowest title similarity (:func:`title_similarity`) at which two references are one work.

Measured on ``tests/fixtures/refs_pair/dedup_pairs.json``: the same work printed
differently scores >= 0.99, different works with one word changed score <= 0.94;
titles that differ only in a number (``miR-125``/``miR-126``, ``part I``/``part II``)
score up to 0.99 and are told apart by :func:`title_numbers` instead.
"""

# Greek letters written out, so "NF-κB" and "NF-kappaB" agree (after case folding).
GREEK_NAMES = str.maketrans(
    {
        "α": "alpha",
        "β": "beta",
        "γ": "gamma",
        "δ": "delta",
        "ε": "epsilon",
        "ζ": "zeta",
        "η": "eta",
        "θ": "theta",
        "ι": "iota",
        "κ": "kappa",
        "λ": "lambda",
        "μ": "mu",
        "ν": "nu",
        "ξ": "xi",
        "π": "pi",
        "ρ": "rho",
        "σ": "sigma",
        "ς": "sigma",
        "τ": "tau",
        "φ": "phi",
        "χ": "chi",
        "ψ": "psi",
        "ω": "omega",
    }
)
# Words that make the next token a roman numeral: "part II", "phase I", "type 2"
NUMBERED_WORDS = frozenset({"part", "phase", "type", "stage", "class", "section", "volume", "grade"})
# A roman numeral up to 20: "ii", "xiv"
ROMAN_RE = re.compile(r"^(?:x{0,2})(?:ix|iv|v?i{0,3})$")
# A run of digits: "301" in "mir301a"
DIGITS_RE = re.compile(r"\d+")

# Everything that is neither a letter nor a digit (after NFKC): "-", ":", "β -catenin" spaces, "（"
NON_WORD_RE = re.compile(r"[\W_]+")
# A four-digit year inside a date-parts value or a string: "2021", "2021a"
YEAR_RE = re.compile(r"(1[5-9]\d\d|20\d\d)")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold case, full-width forms, accents, Greek letters, punctuation and whitespace.

    ``"Ｔhe  NF-κB Journey!"`` -> ``"the nf kappab journey"``.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).casefold().translate(GREEK_NAMES)
    return " ".join(NON_WORD_RE.sub(" ", text).split())


def fold_tight(text: str) -> str:
    """:func:`fold` without any spaces (``"β -catenin"`` and ``"β-catenin"`` agree)."""
    return fold(text).replace(" ", "")


def normal_doi(doi: str) -> str:
    """A DOI for comparison: prefix stripped, lower case (DOIs are case-insensitive)."""
    return unicodedata.normalize("NFKC", clean_doi(doi)).casefold()


def item_year(item: dict[str, Any]) -> str:
    """The year of a CSL item's ``issued`` date, or ``""``."""
    issued = item.get("issued") or {}
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or []
        if parts and parts[0]:
            match = YEAR_RE.search(str(parts[0][0]))
            if match:
                return match.group(1)
        issued = issued.get("raw") or issued.get("literal") or ""
    match = YEAR_RE.search(str(issued))
    return match.group(1) if match else ""


def first_family(item: dict[str, Any]) -> str:
    """The first word of the first author's folded family name (or literal name) after its particles, or ``""``.

    Only the first word, so that ``EL SAFADI`` / ``El-Safadi`` and a family name read with
    the initials still attached (``HAN QF``) fall into the same block as ``Han``; after the particles, so that a
    family name printed with them (``van Niel G``) and one read apart from them (``G. van Niel``, ``Niel, G. van``:
    family ``Niel``, the particle the name's ``dropping-particle``) fall into one block too. A particle that is a
    Chinese, Korean or Vietnamese family name as well (``Du``, ``Le``, ``Do``) is the block but before a Latin family
    name (``Du Bois``, ``Le Blanc``): ``DU QF``, ``Le Van``, ``Do Van Minh`` fall into ``du``, ``le``, ``do``; a
    family name of particles only (``van der``) into its first.
    """
    authors = item.get("author") or item.get("editor") or []
    if not authors:
        return ""
    name = authors[0]
    words = fold(str(name.get("family") or name.get("literal") or "")).split()
    rest = words
    while len(rest) > 1 and rest[0] in OPENING and (not _family_name_too(rest[0]) or _latin_family(rest[1])):
        rest = rest[1:]
    if all(word in PARTICLES for word in rest):
        rest = words
    return rest[0] if rest else ""


def _family_name_too(particle: str) -> bool:
    """Whether a particle is a Chinese, Cantonese, Korean or Vietnamese family name too: "du", "le", "do"."""
    return is_name_syllable(particle) or particle in VIETNAMESE_SURNAMES


def _latin_family(word: str) -> bool:
    """Whether a folded word after a particle goes on a Latin family name ("bois", "blanc", "luca", "la" of "de la
    Cruz"): no Vietnamese family or middle name ("van" of "Le Van"), initials ("qf"), syllable of a Chinese,
    Cantonese or Korean name ("min") nor a word spelt as only pinyin spells ("xiaoming")."""
    if word in VIETNAMESE_SURNAMES | VIETNAMESE_MIDDLE_NAMES:
        return False
    if word in OPENING:
        return True
    pinyin = is_pinyin(word) and PINYIN_SPELLING.search(word) is not None
    return len(word) > 2 and any(vowel in word for vowel in "aeiouy") and not is_name_syllable(word) and not pinyin


def title_similarity(a: str, b: str) -> float:
    """Similarity of two folded titles, 0..1 (``difflib`` ratio on the space-free forms)."""
    a, b = fold_tight(a), fold_tight(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def similar_enough(a: str, b: str, threshold: float = TITLE_SIMILARITY) -> bool:
    """``title_similarity(a, b) >= threshold``, rejecting most pairs by cheap upper bounds first.

    ``difflib``'s ratio is ``2 * matches / (len(a) + len(b))``; matches cannot exceed the
    shorter length (:meth:`~difflib.SequenceMatcher.real_quick_ratio`) nor the shared
    character counts (:meth:`~difflib.SequenceMatcher.quick_ratio`), so a pair whose bound
    is below the threshold is decided without the full comparison.
    """
    a, b = fold_tight(a), fold_tight(b)
    if not a or not b:
        return False
    if a == b:
        return True
    return _ratio_reaching(SequenceMatcher(None, a, b, autojunk=False), threshold) is not None


def _ratio_reaching(matcher: SequenceMatcher[str], threshold: float) -> float | None:
    """The matcher's ratio when it reaches ``threshold``, else ``None`` (cheap upper bounds first)."""
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else None


@lru_cache(maxsize=1 << 16)
def title_numbers(title: str) -> tuple[str, ...]:
    """The numbers of a title - digit runs and roman numerals after "part", "phase"… - in order."""
    words = fold(title).split()
    numbers = DIGITS_RE.findall(" ".join(words))
    for before, word in zip(words, words[1:], strict=False):
        if before in NUMBERED_WORDS and ROMAN_RE.match(word) and word:
            numbers.append(word)
    return tuple(numbers)


def titles_match(a: str, b: str) -> bool:
    """Two titles name the same work: the same numbers, and similarity >= :data:`TITLE_SIMILARITY`."""
    return title_numbers(a) == title_numbers(b) and similar_enough(a, b)


def matching_titles(titles: Sequence[str], apart: Sequence[bool] | None = None) -> Iterator[tuple[int, int, float]]:
    """Every pair ``(i, j, similarity)``, ``i < j``, of ``titles`` that :func:`titles_match`, with
    :func:`title_similarity` of the two; a pair of titles both marked in ``apart`` is skipped
    (two references with different DOIs are never compared).

    The same comparisons as ``titles_match(titles[i], titles[j])`` pair by pair, with one
    :class:`~difflib.SequenceMatcher` per second title: the matcher indexes its second
    sequence once, which took most of the time when every pair built its own.
    """
    tight = [fold_tight(t) for t in titles]
    numbers = [title_numbers(t) for t in titles]
    for j, b in enumerate(tight):
        if not b:
            continue
        matcher: SequenceMatcher[str] | None = None
        for i in range(j):
            a = tight[i]
            if not a or numbers[i] != numbers[j] or (apart is not None and apart[i] and apart[j]):
                continue
            if a == b:
                yield i, j, 1.0
                continue
            if matcher is None:
                matcher = SequenceMatcher(None, a, b, autojunk=False)
            else:
                matcher.set_seq1(a)
            ratio = _ratio_reaching(matcher, TITLE_SIMILARITY)
            if ratio is not None:
                yield i, j, ratio


def block_key(item: dict[str, Any]) -> str | None:
    """``family|year`` of an item, the block inside which titles are compared; ``None`` when either is missing."""
    family, year = first_family(item), item_year(item)
    if not family or not year or not item.get("title"):
        return None
    return f"{family}|{year}"


def dedup_key(item: dict[str, Any], raw: str) -> str:
    """The key of one reference: ``doi:…``, ``aty:family|year|title`` or ``raw:…`` for an unreadable one."""
    if item.get("DOI"):
        return "doi:" + normal_doi(str(item["DOI"]))
    block = block_key(item)
    if block:
        return f"aty:{block}|{fold_tight(str(item['title']))}"
    return "raw:" + fold_tight(raw)


def work_id(key: str) -> str:
    """A short, stable id of a work from its key: ``w`` + 10 hex digits of SHA-256."""
    return "w" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
