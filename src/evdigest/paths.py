"""Paths of content files: their real paths (each folder resolved once) and how messages name them."""

from __future__ import annotations

import os
from pathlib import Path

#: The subfolder of a content folder that holds its sources.
SOURCES_FOLDER = "sources"
#: Name endings of editor backups and leftovers, never read from a folder: "a.txt~", "a.txt.bak", "#a.txt#".
BACKUP_ENDINGS = ("~", "#", ".bak", ".orig", ".rej", ".swp", ".swo", ".tmp")


def hidden_or_backup(path: Path, root: Path) -> bool:
    """Whether ``path``, below ``root``, is hidden (it or a folder on the way starts with ".") or an editor's
    backup (:data:`BACKUP_ENDINGS`): no content file, listed nowhere."""
    parts = path.relative_to(root).parts
    return any(part.startswith(".") for part in parts) or path.name.endswith(BACKUP_ENDINGS)


def real_path(path: Path | str, folders: dict[str, str] | None = None) -> str:
    """``os.path.realpath(path)`` (what ``Path.resolve`` gives), each folder resolved once per ``folders``
    (a cache the caller keeps for one reading of the sources); a path that is a symbolic link itself
    is resolved whole."""
    full = os.path.abspath(path)
    if folders is None or os.path.islink(full):
        return os.path.realpath(full)
    folder, name = os.path.split(full)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return os.path.join(real, name)


def shown_path(path: Path | str, content_dir: Path | str | None) -> str:
    """How a message names the file at ``path``: relative to the content folder ``content_dir`` in POSIX form
    when it is inside it (``editorial/x.md``, as sources are named), else as given (a build's are absolute)."""
    if content_dir is None:
        return str(path)
    for resolve in (os.path.abspath, os.path.realpath):  # as written first, then through symbolic links
        full, base = Path(resolve(path)), Path(resolve(content_dir))
        if full != base and full.is_relative_to(base):
            return full.relative_to(base).as_posix()
    return str(path)
