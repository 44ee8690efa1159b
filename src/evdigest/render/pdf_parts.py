"""Laid-out PDF parts on disk, named by a hash of what they are laid out from.

A part is stored as ``<key>.<pages>.pdf`` under ``pdf-parts/<edition>/``, with an
optional ``<key>.json`` beside it holding what the digest needs to know about
the part without laying it out again (an entry's contents titles).  The key
hashes the part's inputs (entry data, stylesheets, configuration), so a part is
found without rendering its HTML, and a stale or foreign part is never used.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PARTS_DIR = "pdf-parts"


@dataclass(frozen=True, slots=True)
class Part:
    """Laid-out pages without footers: PDF bytes (or the stored file holding them), their page count
    and what the digest records about them."""

    content: bytes | Path
    """The PDF, or the file it is stored in (read when needed: a digest joins thousands of parts and
    leaves their pages on disk until it writes them)."""
    pages: int
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def data(self) -> bytes:
        """The PDF's bytes."""
        return self.content if isinstance(self.content, bytes) else self.content.read_bytes()


def input_key(*values: object) -> str:
    """A stable hash of ``values`` (strings, bytes or reprs of frozen data)."""
    digest = hashlib.sha256()
    for value in values:
        raw = value if isinstance(value, bytes) else (value if isinstance(value, str) else repr(value)).encode()
        digest.update(len(raw).to_bytes(8, "big") + raw)
    return digest.hexdigest()[:40]


class PartStore:
    """Read and write parts under one cache folder; remember which ones a build used."""

    def __init__(self) -> None:
        self.used: set[Path] = set()
        self._names: dict[Path, dict[str, str]] = {}
        """Per folder, the file of each key found there (listed once: a digest looks up thousands of parts)."""

    @staticmethod
    def folder(cache_dir: Path, edition: str) -> Path:
        """The folder of ``edition``'s parts."""
        return cache_dir / PARTS_DIR / edition

    def get(self, cache_dir: Path, edition: str, key: str) -> Part | None:
        """The part stored under ``key`` (naming its file, not read yet), or ``None``."""
        folder = self.folder(cache_dir, edition)
        names = self._listing(folder)
        if key not in names:  # not there when the folder was listed: another process may have stored it since
            hits = sorted(folder.glob(f"{key}.*.pdf")) if folder.is_dir() else []
            if not hits:
                return None
            names[key] = hits[0].name
        path = folder / names[key]
        info: dict[str, Any] = {}
        sidecar = folder / f"{key}.json"
        if sidecar.is_file():
            info = json.loads(sidecar.read_text(encoding="utf-8"))
            self.used.add(sidecar)
        self.used.add(path)
        return Part(path, int(path.name.split(".")[1]), info)

    def put(self, cache_dir: Path, edition: str, key: str, part: Part) -> Part:
        """Store ``part`` under ``key`` (atomically: a concurrent reader sees the whole file or none); the part
        as stored (naming its file)."""
        folder = self.folder(cache_dir, edition)
        folder.mkdir(parents=True, exist_ok=True)
        if part.info:
            sidecar = folder / f"{key}.json"
            _atomic_write(sidecar, json.dumps(part.info, ensure_ascii=False, sort_keys=True).encode())
            self.used.add(sidecar)
        target = folder / f"{key}.{part.pages}.pdf"
        _atomic_write(target, part.data)
        self.used.add(target)
        names = self._names.get(folder)
        if names is not None:
            names[key] = min(names.get(key, target.name), target.name)
        return Part(target, part.pages, part.info)

    def _listing(self, folder: Path) -> dict[str, str]:
        """Key → file name of the parts in ``folder`` (the first name in order when a key has several, as
        a sorted glob finds it)."""
        names = self._names.get(folder)
        if names is None:
            names = {}
            if folder.is_dir():
                for name in sorted(os.listdir(folder)):
                    key, dot, rest = name.partition(".")
                    if dot and rest.endswith(".pdf") and not name.startswith("."):
                        names.setdefault(key, name)
            self._names[folder] = names
        return names

    def prune(self, cache_dir: Path, edition: str) -> int:
        """Delete the parts of ``edition`` not used since this store was made; return how many files."""
        folder = self.folder(cache_dir, edition)
        if not folder.is_dir():
            return 0
        stale = [p for p in folder.iterdir() if p.suffix in (".pdf", ".json") and p not in self.used]
        for path in stale:
            path.unlink()
        self._names.pop(folder, None)
        return len(stale)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
