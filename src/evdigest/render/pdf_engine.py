"""WeasyPrint, loaded once per process: parsed stylesheets, font configuration and the URL fetcher are reused."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from ..config import Config
from ..errors import BuildError
from .pdf_fetch import AssetFetcher
from .pdf_templates import OVERLAY_STYLESHEETS, STYLESHEETS, asset_dirs, find_file

VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1")
"""The archival variants ``config.pdf.variant`` may name."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One laid-out document written to PDF bytes."""

    data: bytes
    pages: int


class Engine:
    """Lay out print HTML with the project's stylesheets; one instance per process."""

    def __init__(self, config: Config) -> None:
        variant = config.pdf.variant
        if variant is not None and variant not in VARIANTS:
            raise BuildError(
                f"config pdf.variant: unknown PDF variant {variant!r}; expected one of {', '.join(VARIANTS)}"
            )
        self.variant = variant
        self.fetcher = AssetFetcher(asset_dirs(config))
        self.base_url = find_file(config, "print.css").parent.as_uri() + "/"
        self.font_config = FontConfiguration()
        self._sheets: dict[str, CSS] = {}
        self._frozen = False
        self.stylesheets = [self._sheet(config, name) for name in STYLESHEETS]
        self.overlay_stylesheets = [self._sheet(config, name) for name in OVERLAY_STYLESHEETS]

    def _sheet(self, config: Config, name: str) -> CSS:
        if name not in self._sheets:
            self._sheets[name] = CSS(
                filename=str(find_file(config, name)), url_fetcher=self.fetcher, font_config=self.font_config
            )
        return self._sheets[name]

    def layout(self, html: str, *, overlay: bool = False) -> Document:
        """Parse and paginate ``html``; every resource goes through the asset fetcher."""
        document = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher)
        sheets = self.overlay_stylesheets if overlay else self.stylesheets
        return document.render(stylesheets=sheets, font_config=self.font_config, pdf_variant=self.variant)

    def write(self, document: Document) -> bytes:
        """The PDF bytes of a laid-out document (with the configured archival variant)."""
        return document.write_pdf(pdf_variant=self.variant, pdf_identifier=True)

    def render(self, html: str, *, overlay: bool = False) -> Rendered:
        """Lay out and write ``html``; memory held by the layout is released before returning."""
        document = self.layout(html, overlay=overlay)
        pages = len(document.pages)
        data = self.write(document)
        del document
        gc.collect()
        if not self._frozen:
            # Everything alive now (fonts, stylesheets, caches, the digest) stays for the
            # process's life: move it out of the collector's sight, so that the collection
            # after each document scans that document's garbage only.
            gc.freeze()
            self._frozen = True
        return Rendered(data, pages)

    def take_refused(self) -> list[str]:
        """URLs the fetcher refused since the last call."""
        return self.fetcher.take_refused()
