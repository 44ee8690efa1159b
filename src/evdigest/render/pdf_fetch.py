"""The URL fetcher every WeasyPrint object of the PDF step is given.

WeasyPrint, left alone, reads any local file (``file://`` URLs, bare and ``../``
paths, ``rel=attachment`` links embed them into the PDF) and fetches any URL a
stylesheet, ``@import`` or ``url()`` names.  :class:`AssetFetcher` allows
``data:`` URLs and files inside the project's own asset folders only, never
follows redirects, and refuses — and records — everything else.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

LOGGER = logging.getLogger("evdigest.render.pdf")

# "data:image/svg+xml;base64,PHN2Zy..." / "FILE:///work/templates/pdf/x.svg"
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9.+-]*):")


class RefusedURL(ValueError):
    """Raised (and caught by WeasyPrint) for a URL outside the allowed set."""


class AssetFetcher(URLFetcher):
    """Fetch ``data:`` URLs and files under ``roots``; refuse and record anything else."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, fail_on_errors=False)
        self.roots = tuple(root.resolve() for root in roots)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return the resource for an allowed URL; raise :class:`RefusedURL` for every other one."""
        match = SCHEME_RE.match(url)
        scheme = match[1].lower() if match else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self._inside_roots(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        LOGGER.warning("refused to fetch %s: only data: URLs and the project's asset folders are allowed", url[:200])
        raise RefusedURL(f"refused {url[:200]}: not a data: URL or a file in the asset folders")

    def _inside_roots(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return False
        path = Path(url2pathname(parts.path)).resolve()
        return any(path.is_relative_to(root) for root in self.roots) and path.is_file()

    def take_refused(self) -> list[str]:
        """Return the URLs refused since the last call, and forget them."""
        refused, self.refused = self.refused, []
        return refused
