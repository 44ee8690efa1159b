"""The site search index: Pagefind (extended build, which segments Chinese) run over the assembled site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import BuildError

# Pagefind's own output folder inside the site.
BUNDLE_DIR = "pagefind"


def pagefind_command(site_dir: Path) -> list[str]:
    """The command line that indexes ``site_dir`` with the Pagefind binary shipped by the Python package."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--silent"]


def build_search_index(site_dir: Path) -> None:
    """Index every page marked ``data-pagefind-body`` (the entry pages); one index per ``<html lang>``.

    Each edition's pages declare their own language, so Pagefind writes one index per
    edition and the search page of an edition loads only its own. Raises
    :class:`~evdigest.errors.BuildError` with Pagefind's output when indexing fails.
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise BuildError(f"{site_dir}: no index.html; build the site before indexing it")
    result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BuildError(f"{site_dir}: Pagefind failed (exit {result.returncode}): {output}")
    if not (site_dir / BUNDLE_DIR / "pagefind.js").is_file():
        raise BuildError(f"{site_dir}: Pagefind wrote no {BUNDLE_DIR}/pagefind.js")
