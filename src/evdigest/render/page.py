"""The frame every page shares: language switcher, alternates, canonical, navigation, search box."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..model import quick_pickling
from .i18n import Edition, Messages, edition
from .meta import MetaTag
from .urls import about_parts, absolute, page_path, relative

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'"
)
"""The Content-Security-Policy of every page: resources from the site itself only, no inline code."""

SEARCH_CSP = CSP.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self';")
"""The search page's policy: Pagefind also compiles WebAssembly and runs a worker."""

ASSETS = {
    "css": "assets/site.css",
    "print": "assets/print.css",
    "js": "assets/site.js",
    "icon": "assets/favicon.svg",
    "choose": "assets/choose-edition.js",
    "search": "assets/search.js",
}


def default_edition(config: Config) -> str:
    """The edition the site speaks where no edition is asked for (the root's chooser and 404 page, the
    ``x-default`` alternates): English when the digest has it, else its first edition."""
    return "en" if "en" in config.editions else config.editions[0]


def x_default(config: Config, parts: tuple[str, ...]) -> str:
    """The ``x-default`` alternate of a page: the edition chooser at the root for the homes, else the default
    edition's (:func:`default_edition`)."""
    if not parts:
        return absolute(config.base_url, "index.html")
    return absolute(config.base_url, page_path(default_edition(config), *parts))


@quick_pickling
@dataclass(frozen=True, slots=True)
class Link:
    """A link of the page frame (navigation, switcher, alternates)."""

    label: str
    href: str
    lang: str | None = None
    hreflang: str | None = None
    current: bool = False
    type: str | None = None


@dataclass(slots=True)
class Page:
    """Everything the base layout needs; ``view`` holds the page's own content."""

    path: str
    lang: str
    title: str
    description: str
    site_title: str
    canonical: str
    alternates: list[Link]
    switcher: list[Link]
    nav: list[Link]
    assets: dict[str, str]
    search_action: str
    feed: str | None
    msg: dict[str, str]
    csp: str = CSP
    meta: list[MetaTag] = field(default_factory=list)
    og: list[MetaTag] = field(default_factory=list)
    typed_links: list[Link] = field(default_factory=list)
    jsonld: dict[str, Any] | None = None
    indexed: bool = False
    view: Any = None


def site_title(config: Config, code: str, convert: Any) -> str:
    """The digest's title in edition ``code`` (``convert``: Simplified → Traditional, applied on ``zh-hant`` only)."""
    if code == "en":
        return config.title_en
    return convert(config.title_zh) if code == "zh-hant" else config.title_zh


def site_description(config: Config, code: str, convert: Any) -> str:
    """The digest's description in edition ``code``."""
    if code == "en":
        return config.description_en
    return convert(config.description_zh) if code == "zh-hant" else config.description_zh


class Chrome:
    """Builds :class:`Page` frames for one site (one per ``SiteRenderer``)."""

    def __init__(self, config: Config, convert: Any, about: list[tuple[str, dict[str, str]]]) -> None:
        self.config = config
        self.convert = convert
        self.about = about
        """``(name, {edition: title})`` of the about pages, in menu order."""

    def alternates(self, parts: tuple[str, ...]) -> list[Link]:
        """Absolute ``hreflang`` alternates of a page, with ``x-default`` (see :func:`x_default`)."""
        base = self.config.base_url
        links = [
            Link(edition(c).label, absolute(base, page_path(c, *parts)), hreflang=edition(c).lang)
            for c in self.config.editions
        ]
        links.append(Link("x-default", x_default(self.config, parts), hreflang="x-default"))
        return links

    def frame(self, code: str, parts: tuple[str, ...], title: str, description: str, current: str) -> Page:
        """A page of edition ``code`` at ``page_path(code, *parts)``; ``current`` names the active menu item."""
        ed: Edition = edition(code)
        msg = Messages(code)
        path = page_path(code, *parts)
        alternates = self.alternates(parts)
        switcher = [
            Link(
                edition(c).label,
                relative(path, page_path(c, *parts)),
                lang=edition(c).lang,
                hreflang=edition(c).lang,
                current=c == code,
            )
            for c in self.config.editions
        ]
        nav = [
            Link(msg("site_nav_home"), relative(path, page_path(code)), current=current == "home"),
            Link(
                msg("site_nav_references"),
                relative(path, page_path(code, "references")),
                current=current == "references",
            ),
            Link(msg("site_nav_glossary"), relative(path, page_path(code, "glossary")), current=current == "glossary"),
        ]
        nav += [
            Link(titles[code], relative(path, page_path(code, *about_parts(name))), current=current == f"about/{name}")
            for name, titles in self.about
        ]
        site = site_title(self.config, code, self.convert)
        return Page(
            path=path,
            lang=ed.lang,
            title=title if title == site else f"{title} · {site}",
            description=description,
            site_title=site,
            canonical=absolute(self.config.base_url, path),
            alternates=alternates,
            switcher=switcher,
            nav=nav,
            assets={k: relative(path, v) for k, v in ASSETS.items()},
            search_action=relative(path, page_path(code, "search")),
            feed=relative(path, f"{code}/feed.xml"),
            msg=msg.all(),
        )
