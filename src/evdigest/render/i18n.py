"""Editions of the site and the message catalog of interface strings."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..model import quick_pickling
from ..text import CJK_IDEOGRAPH as HAN_RE

CATALOG = Path(__file__).with_name("messages.toml")

# A run of Han characters, e.g. "外泌体" in "MSC 外泌体".
# A Latin letter, e.g. the "e" of "exosome".
LATIN_RE = re.compile(r"[A-Za-z]")


@quick_pickling
@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of the site: its folder name and language codes."""

    code: str
    """Folder name: ``en``, ``zh-hans``, ``zh-hant``."""
    lang: str
    """BCP 47 tag used in ``lang`` and ``hreflang``."""
    label: str
    """The edition's own name for itself (shown in the switcher)."""
    og_locale: str
    primary: str
    """Which language of the data comes first: ``en`` or ``zh``."""


EDITIONS: dict[str, Edition] = {
    "en": Edition("en", "en", "English", "en_US", "en"),
    "zh-hans": Edition("zh-hans", "zh-Hans", "简体中文", "zh_CN", "zh"),
    "zh-hant": Edition("zh-hant", "zh-Hant", "繁體中文", "zh_TW", "zh"),
}


def edition(code: str) -> Edition:
    """Return the edition named ``code``; ``KeyError`` names unknown editions."""
    try:
        return EDITIONS[code]
    except KeyError:
        raise KeyError(f"unknown edition {code!r}; expected one of {', '.join(EDITIONS)}") from None


def zh_lang(code: str) -> str:
    """The language tag of Chinese text on pages of edition ``code`` (Traditional only on zh-hant)."""
    return "zh-Hant" if code == "zh-hant" else "zh-Hans"


def text_lang(text: str, code: str) -> str:
    """Guess the language tag of ``text`` shown in edition ``code``: any Han character makes it Chinese."""
    if not text or text.isascii():  # no Han character (a quick look through most English text)
        return "en"
    return zh_lang(code) if HAN_RE.search(text) else "en"


@cache
def _catalog(path: Path) -> dict[str, dict[str, str]]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _all_messages(path: Path, code: str) -> dict[str, str]:
    return {key: row[code] for key, row in _catalog(path).items() if code in row}


class Messages:
    """Interface strings of one edition, read from ``messages.toml``."""

    def __init__(self, code: str, path: Path = CATALOG) -> None:
        self.code = code
        self._table_path = path
        self._table = _catalog(path)

    def __call__(self, key: str, **values: object) -> str:
        """The string ``key`` in this edition, with ``{placeholders}`` filled from ``values``."""
        try:
            text = self._table[key][self.code]
        except KeyError:
            raise KeyError(f"{CATALOG.name}: no message {key!r} for edition {self.code!r}") from None
        return text.format(**values) if values else text

    def all(self) -> dict[str, str]:
        """Every message of this edition, for templates (``msg.key``): one dict per catalog and edition,
        which every page shares (not to be changed)."""
        return _all_messages(self._table_path, self.code)
