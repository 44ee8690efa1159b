"""Editorial overrides: ``content/editorial/<slug>.md``.

An editorial file is YAML front matter followed by the editor's commentary in
Markdown::

    ---
    added: 2026-01-15
    tags: [migrasomes, review]
    abstract:
      zh:
        - {label: null, text: 迁移体是……}
    ---
    The editor's commentary, in **Markdown**.

The front matter (read with a ``yaml.SafeLoader`` that keeps dates as
strings) may set any entry field except
the ones that identify the entry (see :data:`evdigest.schema.NOT_EDITABLE`).
It is validated against the entry schema, so a misspelt field is an error
naming the file and line.  Objects are merged key by key on top of what was
extracted; lists and plain values are replaced.  Every field set this way is
listed, as a dotted name ("abstract.zh", "tags"), in ``Entry.overridden``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EditorialError, SourceError
from ..model import Entry
from ..paths import shown_path
from ..schema import editorial_errors
from .answered import answered
from .editorial_problems import problems
from .reading import read_source

# The line opening or closing the front matter: "---" (closing may also be "...")
_FENCE = re.compile(r"^---\s*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)\s*$")
# A DOI as the schema takes it but in any case: "10.1002/(SICI)1097-4636(199706)35:4<507::AID-JBM11>3.0.CO;2-#"
_DOI_ANY_CASE = re.compile(r"10\.[0-9]{4,9}/\S+")


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps dates as written ("2026-01-15"): the schema checks them, with a line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Editorial:
    """One parsed editorial file."""

    slug: str
    path: str
    """The file as shown in messages."""
    data: dict[str, Any]
    commentary: str | None


@dataclass(frozen=True, slots=True)
class EditorialResult:
    """Entries with overrides applied (those whose editorial file failed left out), the editorial files that
    failed, and those that matched no entry (``file:1: message``)."""

    entries: list[Entry]
    errors: list[SourceError]
    unmatched: list[str]


def read_editorial(path: Path, display: str) -> Editorial:
    """Read and validate one editorial file; raise :class:`EditorialError` naming file and line."""
    try:
        text = read_source(path, display, max_bytes=1_000_000)
    except SourceError as err:
        raise EditorialError(err.path, err.line, err.message) from err
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Editorial(path.stem, display, {}, text.strip() or None)
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        raise EditorialError(display, 1, "the front matter opened with '---' is never closed (expected a line '---')")
    front = "\n".join(lines[1:end])
    data, node = _load_yaml(front, display)
    doi = data.get("doi")
    if isinstance(doi, str) and _DOI_ANY_CASE.fullmatch(doi):
        # DOIs are case-insensitive and every entry's is kept in lower case (as sources' are): a DOI copied
        # with its capitals ("10.1002/(SICI)…") names the same work, so it is lowered rather than refused;
        # what is no DOI at all is left as written, for its error to quote
        data["doi"] = doi.lower()
    _validate(data, node, display)
    body = "\n".join(lines[end + 1 :]).strip()
    return Editorial(path.stem, display, data, body or None)


def _load_yaml(front: str, display: str) -> tuple[dict[str, Any], yaml.Node | None]:
    try:
        node = yaml.compose(front, Loader=_Loader)
        data = yaml.load(front, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err)
        raise EditorialError(display, line, f"the front matter is not valid YAML: {problem}") from err
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        raise EditorialError(
            display, 2, f"the front matter must be a mapping of field names to values, found a {type(data).__name__}"
        )
    return _plain(data), node


def _plain(value: Any) -> Any:
    """Mapping keys as strings (as in JSON), containers converted recursively."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _validate(data: dict[str, Any], node: yaml.Node | None, display: str) -> None:
    """Raise an :class:`EditorialError` for the first problem (by line), carrying every other one."""
    errors = editorial_errors(data)
    if not errors:
        return
    first, *others = problems(errors, node)
    raise EditorialError(
        display, first.line, first.message, [EditorialError(display, p.line, p.message) for p in others]
    )


def deep_merge(base: dict[str, Any], override: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[str]]:
    """Merge ``override`` onto ``base``: objects key by key, lists and values replaced.

    Returns the merged dict and the dotted names of the fields set.
    """
    merged = dict(base)
    names: list[str] = []
    for key, value in override.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key], inner = deep_merge(base[key], value, f"{dotted}.")
            names.extend(inner)
        else:
            merged[key] = value
            names.append(dotted)
    return merged, names


def apply_editorial(entry: Entry, editorial: Editorial) -> Entry:
    """The entry with the editorial file's fields and commentary on top; ``overridden`` lists what was set.

    A warning about a field the source left empty and the file fills ("the page gives no English
    keywords" under ``keywords: {en: [...]}``) is answered and left out, as when another source of the
    paper fills it: otherwise ``--strict`` could never pass. Warnings the file sets itself are kept as set.
    """
    merged, names = deep_merge(entry.to_dict(), editorial.data)
    if editorial.commentary is not None:
        merged["commentary"] = editorial.commentary
        names.append("commentary")
    merged["overridden"] = sorted(set(entry.overridden) | set(names))
    result = Entry.from_dict(merged)
    if "warnings" in editorial.data:
        return result
    kept = tuple(w for w in result.warnings if not answered(w, entry, result))
    return result if len(kept) == len(result.warnings) else dataclasses.replace(result, warnings=kept)


def apply_editorials(
    entries: list[Entry], editorial_dir: Path, content_dir: Path | None = None, unread: Sequence[str] = ()
) -> EditorialResult:
    """Apply every ``<slug>.md`` in ``editorial_dir`` to the entry of that slug. Messages name a file relative
    to ``content_dir`` when it is inside it (``editorial/<slug>.md``, as sources are named); ``unread``: the
    sources that could not be read, as messages name them (an entry's slug is made from its parsed text, so
    a file matching no entry may be one of theirs).

    An editorial file is part of its entry's source: a malformed one is returned as an error
    and its entry is left out, as the entry of a source that cannot be read is (published
    without the file, it would lose the editor's corrections and commentary with no more
    than a line in the build's output). Files whose slug matches no entry are returned as ``unmatched``.
    """
    if not editorial_dir.is_dir():
        return EditorialResult(list(entries), [], [])
    by_slug = {entry.slug: index for index, entry in enumerate(entries)}
    result: list[Entry | None] = list(entries)
    errors: list[SourceError] = []
    unmatched: list[str] = []
    for path in sorted(editorial_dir.glob("*.md")):
        display = shown_path(path, content_dir)
        if path.stem not in by_slug:
            unmatched.append(_unmatched(display, path.stem, by_slug, unread))
            continue
        index = by_slug[path.stem]
        try:
            editorial = read_editorial(path, display)
        except EditorialError as err:
            errors.extend((err, *err.more))
            result[index] = None
            continue
        result[index] = apply_editorial(entries[index], editorial)
    return EditorialResult([entry for entry in result if entry is not None], errors, unmatched)


__all__ = ["Editorial", "EditorialResult", "apply_editorial", "apply_editorials", "deep_merge", "read_editorial"]


def _unmatched(display: str, slug: str, slugs: dict[str, int], unread: Sequence[str]) -> str:
    """The message for an editorial file that matches no entry, naming the closest slug when one is near,
    else the sources that could not be read: its own may be among them, and then the file's slug is not
    wrong."""
    close = [s for s in slugs if s.startswith(f"{slug}-")] or difflib.get_close_matches(slug, slugs, n=1, cutoff=0.8)
    if close:
        return f"{display}:1: no source has the slug '{slug}'; this editorial file is not applied (did you mean '{close[0]}'?)"
    if unread:
        which = unread[0] if len(unread) == 1 else f"one of {', '.join(unread)}"
        errors = "error" if len(unread) == 1 else "errors"
        return (
            f"{display}:1: no source read has the slug '{slug}': its source may be {which}, which could not be read"
            f" (see the {errors} above); this editorial file is not applied"
        )
    return f"{display}:1: no source has the slug '{slug}'; this editorial file is not applied"
