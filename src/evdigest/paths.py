"""Real paths of source files, each folder resolved once."""

from __future__ import annotations

import os
from pathlib import Path


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
