"""Formatted references kept across builds (``output/.cache/refs/``).

Formatting one reference through citeproc-py is the slow part of rendering
reference lists, and every build (every worker process, the aggregate pages)
formats the same references again. The store keeps ``(text, html)`` per
formatted item, one file per *style key*: a hash of the style file's bytes, the
citeproc-py version and the post-processing code (:mod:`evdigest.refs.format`),
so a change of any of them misses. Inside a style's table an item is keyed by
its canonical JSON, the et-al flags (the authors', the editors') and whether it is
formatted as Chinese (the only thing the language argument decides).

One store is active per process (:func:`active_store`); the build engine opens
it on the output's cache folder, collects what forked workers formatted
(:meth:`FormatStore.drain` / :meth:`FormatStore.merge`) and saves it after a
successful build, deleting the tables of style keys the build did not use
(:meth:`FormatStore.prune`). Without an open store nothing is kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

Formatted = tuple[str, str]
"""``(text, html)`` of one formatted reference."""

SUFFIX = ".pickle"
# Bumped when the layout of a table file or of its item keys changes.
STORE_VERSION = "4"
# The modules whose code shapes a formatted string after citeproc-py (part of every style key).
FORMATTING_CODE = ("format.py", "format_native.py", "links.py")


def style_key(style_source: bytes) -> str:
    """The key of one style's table: its bytes, the citeproc-py version and the formatting code."""
    digest = hashlib.sha256()
    digest.update(STORE_VERSION.encode() + b"\0")
    digest.update(metadata.version("citeproc-py").encode() + b"\0")
    for code in FORMATTING_CODE:
        digest.update(Path(__file__).with_name(code).read_bytes() + b"\0")
    digest.update(style_source)
    return digest.hexdigest()[:32]


def item_key(item_json: str, *, et_al: bool, chinese: bool, editors_et_al: bool = False) -> str:
    """The key of one item inside a style's table (``item_json``: canonical JSON without ``id``)."""
    return f"{int(et_al)}{int(chinese)}{int(editors_et_al)}{item_json}"


class FormatStore:
    """Formatted references by style key, loaded from and saved to ``folder`` (``None``: memory only)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.tables: dict[str, dict[str, Formatted]] = {}
        self.fresh: dict[str, dict[str, Formatted]] = {}
        """What was added since the last :meth:`drain` (what a worker hands back)."""
        self.dirty: set[str] = set()
        """Style keys with entries not yet saved."""
        self.used: set[str] = set()
        """Style keys looked up or added to in this process (or by workers whose entries were merged)."""

    def table(self, key: str) -> dict[str, Formatted]:
        """The table of one style key, read from disk the first time it is asked for."""
        self.used.add(key)
        found = self.tables.get(key)
        if found is None:
            found = self.tables[key] = self._load(key)
        return found

    def _load(self, key: str) -> dict[str, Formatted]:
        if self.folder is None:
            return {}
        try:
            data = pickle.loads((self.folder / f"{key}{SUFFIX}").read_bytes())
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str, item: str) -> Formatted | None:
        """The formatted item of a style key, or ``None``."""
        return self.table(key).get(item)

    def put(self, key: str, item: str, value: Formatted) -> None:
        """Keep a newly formatted item (a memory-only store keeps nothing: the formatter has its own cache)."""
        if self.folder is None:
            return
        self.table(key)[item] = value
        self.fresh.setdefault(key, {})[item] = value
        self.dirty.add(key)

    def drain(self) -> dict[str, dict[str, Formatted]]:
        """The entries added since the last call, then forgotten as fresh (they stay in the tables); every
        style key used so far is in it, so that the parent knows which tables its workers read."""
        fresh, self.fresh = self.fresh, {}
        return {key: fresh.get(key, {}) for key in sorted(self.used | set(fresh))}

    def merge(self, fresh: dict[str, dict[str, Formatted]]) -> None:
        """Add entries another process formatted (see :meth:`drain`)."""
        for key, items in fresh.items():
            self.used.add(key)
            if items:
                self.table(key).update(items)
                self.dirty.add(key)

    def save(self) -> None:
        """Write every table that changed, each atomically (temporary file, then rename)."""
        if self.folder is None or not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for key in sorted(self.dirty):
            data = pickle.dumps(dict(sorted(self.tables[key].items())), protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self.folder / f"{key}{SUFFIX}")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        self.dirty.clear()

    def prune(self) -> list[str]:
        """Delete the tables of style keys this build did not use (styles no longer configured, or
        written by another citeproc-py version or formatting code); returns the keys deleted.

        A build that formatted nothing (every page kept) deletes nothing.
        """
        keep = self.used
        if self.folder is None or not keep or not self.folder.is_dir():
            return []
        dropped = []
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            key = path.name[: -len(SUFFIX)]
            if key not in keep:
                path.unlink(missing_ok=True)
                self.tables.pop(key, None)
                dropped.append(key)
        return dropped


_ACTIVE = FormatStore()


def active_store() -> FormatStore:
    """The store of this process (forked workers inherit the parent's)."""
    return _ACTIVE


def open_store(folder: Path) -> FormatStore:
    """Make a store on ``folder`` the active one and return it."""
    global _ACTIVE
    _ACTIVE = FormatStore(folder)
    return _ACTIVE


def close_store() -> None:
    """Go back to a memory-only store."""
    global _ACTIVE
    _ACTIVE = FormatStore()
