"""References as pages show them: formatted, linked, with their language and year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..model import Entry
from ..refs.csl_names import chinese_names
from ..refs.format import get_formatter
from ..refs.links import reference_links
from .i18n import text_lang
from .safe import safe_url, sanitize_inline, to_text

RefKey = tuple[str, bool, bool, Any]
"""The key a reference is kept under by :func:`looked_up`: printed string, et-al flags (authors', editors') and its
item's id (or ``repr``)."""

# A plausible publication year inside a printed reference, e.g. "2019" in "Cell. 2019;177(2):428".
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class ShownRef:
    """One reference as a page shows it."""

    text: str
    html: Markup
    lang: str
    links: tuple[tuple[str, str], ...]
    """``(label, url)`` pairs, absolute http(s) only."""


def reference_ids(numbers: Iterable[int]) -> list[str]:
    """The HTML ids of an entry's reference list, in order: ``ref-3`` for the first reference numbered 3
    (where a citation marker ``[3]`` leads), ``ref-3-2``, ``ref-3-3``… for further ones its source
    numbers 3 too."""
    seen: Counter[int] = Counter()
    ids = []
    for number in numbers:
        seen[number] += 1
        ids.append(f"ref-{number}" if seen[number] == 1 else f"ref-{number}-{seen[number]}")
    return ids


def repeated_ids(entries: Iterable[Entry]) -> dict[tuple[str, int, str], str]:
    """The ids of the references an entry numbers like an earlier one of a different work, by ``(entry,
    number, work id)``: the reference index's back-links lead there, others to ``ref-<number>``."""
    found: dict[tuple[str, int, str], str] = {}
    for entry in entries:
        numbers = [ref.number for ref in entry.references]
        if len(set(numbers)) == len(numbers):
            continue
        first: dict[tuple[str, int, str], str] = {}
        for ref, ref_id in zip(entry.references, reference_ids(numbers), strict=True):
            first.setdefault((entry.slug, ref.number, ref.work_id or ""), ref_id)
        found.update((key, ref_id) for key, ref_id in first.items() if ref_id != f"ref-{key[1]}")
    return found


def csl_year(csl: dict[str, Any] | None, raw: str = "") -> int | None:
    """The publication year of a CSL item, else the first plausible year in the printed text."""
    parts = ((csl or {}).get("issued") or {}).get("date-parts") or []
    if parts and parts[0]:
        try:
            return int(parts[0][0])
        except (TypeError, ValueError):
            pass
    match = YEAR_RE.search(raw or "")
    return int(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class RefToFormat:
    """A reference to format in a citation style, with the key its ``plain`` table keeps it under
    (:func:`looked_up`)."""

    style: str
    key: RefKey
    csl: dict[str, Any] | None
    raw: str
    et_al: bool
    editors_et_al: bool = False


class RefShower:
    """Formats references for one edition (``style`` by edition; ``convert`` for Traditional output, and
    ``convert_names``, when given, for a reference printing Chinese personal names: the text and the names,
    converted as names rather than as words).

    ``plain``, when given, holds each reference as the style formats it before conversion, shared by the
    showers of one style: the Simplified and Traditional editions format a reference alike and convert
    it afterwards, so the second of them only converts."""

    def __init__(
        self,
        style: str,
        code: str,
        convert: Any,
        plain: dict[Any, Any] | None = None,
        convert_names: Callable[[str, tuple[str, ...]], str] | None = None,
    ) -> None:
        self.style = style
        self.code = code
        self.convert = convert
        self.convert_names = convert_names
        self._shown: dict[RefKey, tuple[dict[str, Any] | None, ShownRef]] = {}
        self._plain: dict[RefKey, tuple[dict[str, Any] | None, _Plain]] = plain if plain is not None else {}

    def show(self, csl: dict[str, Any] | None, raw: str, et_al: bool = False, editors_et_al: bool = False) -> ShownRef:
        """Format one reference; a reference that did not parse is shown as printed (``et_al``,
        ``editors_et_al``: the printed author or editor list was cut short).

        Each distinct reference is formatted once per shower (and once per ``plain`` table). A reference
        is looked up by its printed string and its item's id, then its item compared with the one
        formatted: the reference index gives every reference printing the same string of a work the
        same item, and comparing two items is quicker than writing one out as a key. Another item under
        the same string and id (one not made by the index) is looked up by its ``repr`` (equal items
        built alike have equal reprs).
        """
        key, shown = looked_up(self._shown, csl, raw, et_al, editors_et_al)
        if shown is not None:
            return shown
        plain_key, plain = looked_up(self._plain, csl, raw, et_al, editors_et_al)
        if plain is None:
            plain = self._format(csl, raw, et_al, editors_et_al)
            self._plain[plain_key] = (csl, plain)
        text, markup, links = plain
        names = chinese_names(csl) if self.convert_names is not None else ()
        if names and self.convert_names is not None:
            text, markup = self.convert_names(text, names), Markup(self.convert_names(str(markup), names))
        else:
            text, markup = self.convert(text), Markup(self.convert(str(markup)))
        shown = ShownRef(text, markup, text_lang(text, self.code), links)
        self._shown[key] = (csl, shown)
        return shown

    def _format(self, csl: dict[str, Any] | None, raw: str, et_al: bool, editors_et_al: bool) -> _Plain:
        return format_plain(self.style, csl, raw, et_al, editors_et_al)


_Plain = tuple[str, Markup, tuple[tuple[str, str], ...]]
"""A reference as its style formats it, before conversion: text, markup and links."""


def format_plain(
    style: str,
    csl: dict[str, Any] | None,
    raw: str,
    et_al: bool,
    editors_et_al: bool = False,
    links: tuple[tuple[str, str], ...] | None = None,
) -> _Plain:
    """One reference as ``style`` formats it, before conversion (the ``plain`` tables of :class:`RefShower`);
    a reference that did not parse is its printed text. ``links``: the item's :func:`shown_links`, when
    the caller has them already (they are the same in every style)."""
    if csl and csl.get("title"):
        formatted = get_formatter(style).format(csl, et_al=et_al, editors_et_al=editors_et_al)
        text, markup = formatted.text, sanitize_inline(formatted.html)
    else:
        text = to_text(raw)
        markup = Markup(escape(text))
    return text, markup, shown_links(csl) if links is None else links


def shown_links(csl: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """The ``(label, url)`` links a page shows with a reference: absolute http(s) only."""
    return tuple((link.label, url) for link in reference_links(csl or {}) if (url := safe_url(link.url)))


def looked_up(
    table: dict[RefKey, tuple[dict[str, Any] | None, Any]],
    csl: dict[str, Any] | None,
    raw: str,
    et_al: bool,
    editors_et_al: bool = False,
) -> tuple[RefKey, Any]:
    """The key a reference is kept under in ``table`` (see :meth:`RefShower.show`) and what is kept there
    for it, or ``None``. A table is filled by ``table[key] = (csl, value)``."""
    key: RefKey = (raw, et_al, editors_et_al, csl.get("id") if csl else None)
    found = table.get(key)
    if found is None:
        return key, None
    if found[0] == csl:
        return key, found[1]
    key = (raw, et_al, editors_et_al, repr(csl))
    found = table.get(key)
    return key, found[1] if found is not None else None
