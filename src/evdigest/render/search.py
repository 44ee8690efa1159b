"""The site search index: Pagefind (extended build, which segments Chinese) run over pages of the assembled site.

The build indexes the entry pages in shards (one Pagefind bundle per shard, see
:func:`shard_of`); ``assets/search.js`` loads the first
bundle listed in ``pagefind/shards.json`` and merges the others with Pagefind's
``mergeIndex``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import BuildError
from .search_copy import index_copy

# Pagefind's own output folder inside the site.
BUNDLE_DIR = "pagefind"

# Entries are spread over bundles, so that a changed entry re-indexes one of them: about this many
# entries a bundle (Pagefind takes ~0.25 s a run and ~9 ms a page), in a power-of-two number of bundles
# between the two bounds (the search page merges every bundle, and more bundles slow it down).
ENTRIES_PER_SHARD = 32
MIN_SHARDS = 16
MAX_SHARDS = 64
# The list of bundles, in ``BUNDLE_DIR``: read by ``assets/search.js``.
SHARD_LISTING = "shards.json"

# Files Pagefind writes that the site does not use (its ready-made UIs): left out of every bundle.
UNUSED = re.compile(r"^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$")

# Characters with a meaning in Pagefind's glob patterns.
GLOB_SPECIAL = re.compile(r"[*?\[\]{},\\!]")


def shard_count(entries: int) -> int:
    """How many bundles ``entries`` entries are indexed in (a change of it re-indexes every bundle once)."""
    count = MIN_SHARDS
    while count < MAX_SHARDS and count * ENTRIES_PER_SHARD < entries:
        count *= 2
    return count


def shard_of(slug: str, count: int = MIN_SHARDS) -> str:
    """The bundle of ``count`` an entry's pages are indexed in (stable: a hash of the slug)."""
    return f"s{int(hashlib.sha256(slug.encode('utf-8')).hexdigest()[:8], 16) % count:02d}"


def shard_listing(names: Sequence[str]) -> bytes:
    """``pagefind/shards.json``: the bundle folders, sorted (the first is loaded, the others merged)."""
    return json.dumps(sorted(names), separators=(",", ":")).encode("utf-8") + b"\n"


def page_glob(pages: Sequence[str]) -> str:
    """A Pagefind ``--glob`` pattern matching exactly ``pages`` (site-relative paths)."""
    bad = [p for p in pages if GLOB_SPECIAL.search(p)]
    if bad:
        raise BuildError(f"cannot index {bad[0]!r} for search: its path holds a glob character")
    return "{" + ",".join(sorted(pages)) + "}"


@functools.cache
def pagefind_executable() -> list[str]:
    """How to run the extended Pagefind binary shipped by ``pagefind[extended]``: the binary itself when
    its package tells where it is (starting ``python -m pagefind`` to find it costs a tenth of a second
    every time), else that module."""
    try:
        from pagefind_bin_extended import get_executable

        found = Path(get_executable())
    except Exception:  # noqa: BLE001 - any failure to locate it: let the pagefind module look
        return [sys.executable, "-m", "pagefind"]
    return [str(found)] if found.is_file() and os.access(found, os.X_OK) else [sys.executable, "-m", "pagefind"]


def pagefind_command(site_dir: Path, pages: Sequence[str], dest: Path) -> list[str]:
    """The command line that indexes ``pages`` of ``site_dir`` into ``dest`` with the Pagefind binary
    shipped by the Python package."""
    return [
        *pagefind_executable(),
        "--site",
        str(site_dir),
        "--glob",
        page_glob(pages),
        "--output-path",
        str(dest),
        "--silent",
    ]


def write_index_copies(site_dir: Path, pages: Sequence[str], folder: Path) -> None:
    """Write into ``folder`` what Pagefind indexes of ``pages`` of ``site_dir``: each page as
    :func:`~evdigest.render.search_copy.index_copy` makes it, or as it is (all in one folder: Pagefind
    indexes a bundle in one run, and a page's address is its path in the folder it reads)."""
    for page in pages:
        data = (site_dir / page).read_bytes()
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(index_copy(data) or data)


def build_search_index(site_dir: Path, pages: Sequence[str], dest: str) -> None:
    """Index ``pages`` (entry pages, marked ``data-pagefind-body``) into the folder ``dest`` of the site.

    Each edition's pages declare their own language, so Pagefind writes one index per
    edition and the search page of an edition loads only its own. It reads copies of the pages
    (:func:`write_index_copies`), in which an English page's Chinese characters are words of their own. Raises
    :class:`~evdigest.errors.BuildError` with Pagefind's output when indexing fails.
    """
    site_dir = Path(site_dir)
    missing = [p for p in pages if not (site_dir / p).is_file()]
    if not pages or missing:
        raise BuildError(f"{site_dir}: nothing to index for search: {missing[:3] or 'no pages'}")
    out = site_dir / dest
    with tempfile.TemporaryDirectory(prefix="evdigest-search-") as tmp:
        write_index_copies(site_dir, pages, Path(tmp))
        result = subprocess.run(pagefind_command(Path(tmp), pages, out), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BuildError(f"{site_dir}: Pagefind failed (exit {result.returncode}): {output}")
    if not (out / "pagefind.js").is_file():
        raise BuildError(f"{site_dir}: Pagefind wrote no {dest}/pagefind.js")
    for path in out.iterdir():
        if UNUSED.match(path.name):
            path.unlink()
