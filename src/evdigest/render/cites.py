"""Citation markers of the source text (``^[50]``, ``^[5-6, 46]``) as superscript links to reference items."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from markupsafe import Markup, escape

# A citation marker as the parsers keep it, e.g. "^[50]", "^[5-6, 46]" or "^[12–14，20]".
CITE_RE = re.compile(r"\s?\^\[(\d+(?:\s*[-–—~,，、]\s*\d+)*)\]")
# One number or range inside a marker, e.g. "5-6" or "46".
PART_RE = re.compile(r"(\d+)(?:\s*[-–—~]\s*(\d+))?")


def has_cites(text: str | None) -> bool:
    """True when ``text`` holds a citation marker."""
    return bool(text and CITE_RE.search(text))


def cite_numbers(text: str | None) -> list[int]:
    """Every reference number a text's markers cite, ranges expanded, in order of appearance."""
    found: list[int] = []
    for marker in CITE_RE.finditer(text or ""):
        for part in PART_RE.finditer(marker.group(1)):
            low = int(part.group(1))
            high = int(part.group(2) or low)
            found += range(low, high + 1) if 0 <= high - low <= 500 else [low, high]
    return found


def strip_cites(text: str) -> str:
    """``text`` without its citation markers (for plain-text uses: titles, descriptions, alt text)."""
    return CITE_RE.sub("", text)


@lru_cache(maxsize=1 << 12)
def _marker_parts(body: str) -> tuple[tuple[str, str | None], ...]:
    """The numbers and ranges of one marker's body, as printed: ``"5-6, 46"`` → ``(("5", "6"), ("46", None))``
    (markers repeat a few forms, read once each)."""
    return tuple((part.group(1), part.group(2)) for part in PART_RE.finditer(body))


def _marker(body: str, known: Collection[int], link: Callable[[int], str]) -> str:
    """The HTML of one marker's body: ``[<a>5</a>–<a>6</a>, <a>46</a>]``, each number ``n`` linked to
    ``link(n)`` (an escaped URL) when ``known``."""

    def number(value: str) -> str:
        n = int(value)
        return f'<a href="{link(n)}">{value}</a>' if n in known else value

    shown = [number(low) + ("–" + number(high) if high else "") for low, high in _marker_parts(body)]
    return f'<sup class="cite">[{", ".join(shown)}]</sup>'


def cite_markup(text: str, known: Collection[int], href: Callable[[int], str]) -> Markup:
    """``text`` escaped, each citation marker a superscript ``[n]`` linking to ``href(n)`` when ``n`` is known.

    ``known`` holds the reference numbers the target list has; other numbers stay plain text.
    """
    return _linked(text, lambda body: _marker(body, known, lambda n: str(escape(href(n)))))


@lru_cache(maxsize=1 << 15)
def cite_markup_to(text: str, known: frozenset[int], prefix: str) -> Markup:
    """:func:`cite_markup` with each known ``n`` linking to ``prefix + n``; each distinct text is marked up once.

    The sentences of one entry repeat its markers (``[12]`` in several of them): each is written once for a
    list of known numbers and a prefix (:func:`_marker_to`)."""
    start = str(escape(prefix))  # a number needs no escaping
    return _linked(text, lambda body: _marker_to(body, known, start))


@lru_cache(maxsize=1 << 12)
def _marker_to(body: str, known: frozenset[int], start: str) -> str:
    """:func:`_marker` linking each known ``n`` to ``start + n``."""
    return _marker(body, known, lambda n: f"{start}{n}")


def release_caches() -> None:
    """Empty the caches of marked-up texts and markers."""
    cite_markup_to.cache_clear()
    _marker_to.cache_clear()


def _linked(text: str, marker: Callable[[str], str]) -> Markup:
    """``text`` escaped, each marker written by ``marker`` from its body."""
    # escaping leaves a marker as it is (it holds none of ``&<>"'``) and makes none: the whole text is
    # escaped at once, then each marker replaced
    escaped = str(escape(text))
    if "^[" not in escaped:
        return Markup(escaped)
    return Markup(CITE_RE.sub(lambda found: marker(found.group(1)), escaped))
