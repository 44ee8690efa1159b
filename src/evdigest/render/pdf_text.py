"""Edition-specific text: Traditional conversion and reference styles, from the enrichment and reference modules."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..config import Config
from ..model import Entry
from ..refs.csl_names import chinese_names


class TextTools:
    """Convert and format text for one edition; the converter and formatters are built once and reused."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._converter: Any = None
        self._formatters: dict[str, Any] = {}

    def converter(self) -> Any:
        """The Simplified-to-Traditional converter with the digest's phrase dictionary."""
        if self._converter is None:
            from ..enrich.hant import HantConverter

            self._converter = HantConverter(self.config.phrases_file, self.config.content_dir)
        return self._converter

    def localize_entry(self, entry: Entry, edition: str) -> Entry:
        """The entry as the edition prints it: Chinese text converted to Traditional for ``zh-hant`` (all
        but the body, which no PDF prints)."""
        if edition != "zh-hant":
            return entry
        from ..enrich.hant import hant_entry

        return hant_entry(entry, self.converter(), sections=False)

    def text(self, text: str, edition: str, names: tuple[str, ...] = ()) -> str:
        """A piece of Chinese text as the edition prints it; ``names``: the personal names it prints, converted
        as names (by character), not as words."""
        if edition != "zh-hant" or not text:
            return text
        return self.converter().convert_names(text, names)

    def formatter(self, edition: str) -> Any:
        """The reference formatter of the edition's citation style."""
        style = self.config.style_en if edition == "en" else self.config.style_zh
        if style not in self._formatters:
            from ..refs.format import get_formatter

            self._formatters[style] = get_formatter(style)
        return self._formatters[style]

    def format_html(self, csl: dict[str, Any], *, et_al: bool, edition: str, editors_et_al: bool = False) -> Markup:
        """A reference formatted in the edition's style, as safe HTML (``et_al``, ``editors_et_al``: the printed
        author or editor list was cut short)."""
        lang = "en" if edition == "en" else "zh"
        formatted = self.formatter(edition).format(csl, et_al=et_al, editors_et_al=editors_et_al, lang=lang)
        return Markup(self.text(str(formatted.html), edition, chinese_names(csl)))
