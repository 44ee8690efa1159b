"""Site paths and the relative links between them (the site must work under any sub-path)."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache


def page_path(edition: str, *parts: str) -> str:
    """The file of a page: ``page_path("en", "entries", "x")`` is ``en/entries/x/index.html``."""
    return posixpath.join(edition, *parts, "index.html")


ABOUT = "about"
"""The section of the about pages (``content/pages/*.md``)."""
PAGE_NAME_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
"""The name of an about page (``<name>.md``), which is its address (``about/<name>/``)."""


def about_parts(name: str) -> tuple[str, ...]:
    """The path of the about page ``<name>.md``: ``about.md`` is the section itself (``about/``), any
    other page sits in it (``about/<name>/``)."""
    return (ABOUT,) if name == ABOUT else (ABOUT, name)


@lru_cache(maxsize=1 << 16)
def relative(from_file: str, to_file: str) -> str:
    """A relative link from the page file ``from_file`` to ``to_file`` (both relative to the site root).

    Links to ``index.html`` end at the folder (``../references/``) so that plain
    static servers and hosts with pretty URLs both serve them.
    """
    target = to_file
    if posixpath.basename(target) == "index.html":
        target = posixpath.dirname(target)
        folder = True
    else:
        folder = False
    start = posixpath.dirname(from_file) or "."
    rel = _relpath(target or ".", start)
    if folder:
        rel = "./" if rel == "." else rel + "/"
    return rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two paths below the same root, by their text alone
    (``relpath`` asks the system for the working folder on every call)."""
    to = [part for part in posixpath.normpath("/" + path).split("/") if part]
    at = [part for part in posixpath.normpath("/" + start).split("/") if part]
    common = 0
    for a, b in zip(to, at, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def absolute(base_url: str, to_file: str) -> str:
    """The absolute URL of ``to_file`` under ``base_url`` (canonical, alternates, feeds, sitemap)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    if posixpath.basename(to_file) == "index.html":
        to_file = posixpath.dirname(to_file)
        to_file = to_file + "/" if to_file else ""
    return base + to_file
