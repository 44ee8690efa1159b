"""Atom feeds, ``sitemap.xml`` and ``robots.txt``."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

from ..config import Config
from ..model import Entry
from .entry_files import entry_page_file, entry_stem
from .i18n import Edition, edition
from .names import newest_first, pick
from .page import x_default
from .safe import to_text
from .urls import absolute, page_path


def _stamp(date: str | None, fallback: str) -> str:
    """An RFC 3339 timestamp from an ISO date (``2025-03`` → ``2025-03-01T00:00:00Z``)."""
    value = date or fallback
    parts = (value.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1].zfill(2)}-{parts[2].zfill(2)}T00:00:00Z"


def atom_feed(
    env: Environment,
    config: Config,
    ed: Edition,
    entries: list[Entry],
    title: str,
    listed: Callable[[Entry], Entry] | None = None,
) -> bytes:
    """The Atom feed of one edition: entries by date added (editorial), newest first; the newest
    ``config.feed_items`` of them (all when it is 0). ``listed`` gives an entry as the edition shows it
    (e.g. converted to Traditional), asked for the entries the feed shows only."""
    items = []
    for entry in newest_first(entries)[: config.feed_items or None]:
        entry = listed(entry) if listed is not None else entry
        first, _ = pick(ed.primary, to_text(entry.title.en), to_text(entry.title.zh))
        blocks = (
            entry.abstract.zh if ed.primary == "zh" and entry.abstract.zh else entry.abstract.en or entry.abstract.zh
        )
        url = absolute(config.base_url, entry_page_file(ed.code, entry_stem(entry)))
        items.append(
            {
                "id": url,
                "url": url,
                "title": first or entry.slug,
                "updated": _stamp(entry.added, config.issue_date),
                "summary": " ".join(to_text(s.text) for s in blocks)[:600],
                "authors": [pick(ed.primary, a.name or None, a.name_zh)[0] or "" for a in entry.authors],
            }
        )
    updated = max((_stamp(e.added, config.issue_date) for e in entries), default=_stamp(None, config.issue_date))
    feed = {
        "id": absolute(config.base_url, f"{ed.code}/feed.xml"),
        "self": absolute(config.base_url, f"{ed.code}/feed.xml"),
        "home": absolute(config.base_url, page_path(ed.code)),
        "lang": ed.lang,
        "title": title,
        "updated": updated,
        "authors": list(config.authors),
        "items": items,
    }
    return env.get_template("feed.xml.j2").render(feed=feed).encode("utf-8")


def sitemap(env: Environment, config: Config, parts_list: list[tuple[str, ...]]) -> bytes:
    """``sitemap.xml``: every edition's pages, each with ``xhtml:link`` alternates to its other editions."""
    urls = []
    for parts in parts_list:
        alternates = [
            {"hreflang": edition(c).lang, "href": absolute(config.base_url, page_path(c, *parts))}
            for c in config.editions
        ]
        alternates.append({"hreflang": "x-default", "href": x_default(config, parts)})
        urls += [{"loc": a["href"], "alternates": alternates} for a in alternates[:-1]]
    homes = [u["alternates"] for u in urls[:1]]
    urls.insert(0, {"loc": absolute(config.base_url, "index.html"), "alternates": homes[0] if homes else []})
    return env.get_template("sitemap.xml.j2").render(urls=urls).encode("utf-8")


def robots_txt(env: Environment, config: Config) -> bytes:
    """``robots.txt`` allowing everything and naming the sitemap."""
    return env.get_template("robots.txt.j2").render(sitemap=absolute(config.base_url, "sitemap.xml")).encode("utf-8")
