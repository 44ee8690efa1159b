"""What a build leaves out of the content folder without an error, said as notes.

A source in a subfolder of ``sources/`` (``sources/2025/x.txt``) is not read, and an about page whose name
cannot be its address (``pages/Team Members.md``, ``pages/团队.md``) is not made: both look to an editor
like files the digest holds. A configuration without ``base_url`` makes absolute links with a placeholder, and a
``pyproject.toml``'s ``[tool.evdigest]`` beside an ``evdigest.toml`` is not read.
None of these stops a build or fails ``--strict``; each is a note naming the file and what to do.

The notes are worked out afresh by every build, one with nothing to do too: they depend on files (a
source's subfolder) that the build's inputs leave out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..config import EDITIONS, Config, base_url_note, unread_pyproject_note
from ..paths import SOURCES_FOLDER, hidden_or_backup, shown_path
from ..render.urls import PAGE_NAME_RE

PAGES_FOLDER = "pages"


def content_notes(config: Config) -> list[str]:
    """The notes for ``config``'s content folder: the placeholder ``base_url``, a ``[tool.evdigest]`` table not
    read, sources in subfolders, about pages that are not made."""
    notes = [note for note in (base_url_note(config), unread_pyproject_note(config)) if note]
    content = config.content_dir
    return [
        *notes,
        *subfolder_sources(content / SOURCES_FOLDER, content),
        *unnamed_pages(content / PAGES_FOLDER, content),
    ]


def subfolder_sources(folder: Path, content_dir: Path) -> list[str]:
    """A note for each file in a subfolder of ``folder`` (hidden files and editor backups left out): a build
    reads the files directly in ``sources/`` only."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as listing:  # the sources themselves are not looked at: a build with nothing to do
        subfolders = [Path(entry.path) for entry in listing if entry.is_dir() and not entry.name.startswith(".")]
    found = sorted(
        path
        for subfolder in subfolders
        for path in subfolder.rglob("*")
        if path.is_file() and not hidden_or_backup(path, folder)
    )
    return [
        f"{shown_path(path, content_dir)}:1: skipped: a source in a subfolder of {SOURCES_FOLDER}/ is not read"
        f" (move it into {SOURCES_FOLDER}/ itself)"
        for path in found
    ]


def unnamed_pages(folder: Path, content_dir: Path) -> list[str]:
    """A note for each Markdown file of ``folder`` that makes no about page: its name is no page address
    (:data:`~evdigest.render.markdown.PAGE_NAME_RE`) or it names no edition (``about.fr.md``)."""
    if not folder.is_dir():
        return []
    notes = []
    for path in sorted(folder.glob("*.md")):
        if hidden_or_backup(path, folder):
            continue
        name, _, variant = path.name[: -len(".md")].partition(".")
        shown = shown_path(path, content_dir)
        if not PAGE_NAME_RE.fullmatch(name):
            notes.append(f"{shown}:1: skipped: {_bad_name(name)}")
        elif variant and variant not in EDITIONS:
            notes.append(
                f"{shown}:1: skipped: '{variant}' is no edition; a page of one edition is named"
                f" <name>.<edition>.md ({', '.join(EDITIONS)})"
            )
    return notes


def _bad_name(name: str) -> str:
    safe = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    such = f"rename it {safe}.md" if safe else "rename it in Latin letters, e.g. team.md"
    return (
        "an about page's name is its address (about/<name>/): lower-case letters a-z, digits and hyphens,"
        f" starting with a letter or digit ({such}; the page's title is its first heading)"
    )
