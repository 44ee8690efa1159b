"""Where the print templates and stylesheets live, and the Jinja environment for the HTML ones.

HTML templates are rendered with autoescaping; stylesheets are never rendered
through Jinja: WeasyPrint loads them as files (``CSS(filename=...)``).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..config import Config
from ..errors import BuildError
from .template_failures import BUILTIN_ROOT, NamedFailures, TemplateNames

BUILTIN_DIR = BUILTIN_ROOT / "pdf"
"""The built-in print templates (``templates/pdf/`` of the project)."""

STYLESHEETS = ("print.css",)
OVERLAY_STYLESHEETS = ("print.css", "overlay.css")


def template_dirs(config: Config) -> list[Path]:
    """Folders searched for print templates, overrides first."""
    dirs = []
    if config.templates_dir is not None and (config.templates_dir / "pdf").is_dir():
        dirs.append(config.templates_dir / "pdf")
    dirs.append(BUILTIN_DIR)
    return dirs


def asset_dirs(config: Config) -> list[Path]:
    """Folders the PDF step may read files from: the print templates and the content's ``assets/``."""
    return [*template_dirs(config), config.content_dir / "assets"]


def find_file(config: Config, name: str) -> Path:
    """The first template file called ``name`` (an override before the built-in one)."""
    for folder in template_dirs(config):
        if (folder / name).is_file():
            return folder / name
    searched = ", ".join(str(d) for d in template_dirs(config))
    raise BuildError(f"print template {name} not found (searched {searched})")


def template_files(config: Config | None = None) -> list[Path]:
    """Every file the PDFs depend on (HTML templates and stylesheets), sorted, for cache keys."""
    dirs = template_dirs(config) if config is not None else [BUILTIN_DIR]
    seen: dict[str, Path] = {}
    for folder in dirs:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".html", ".css") and path.name not in seen:
                seen[path.name] = path
    return sorted(seen.values())


class PrintEnvironment(NamedFailures, Environment):
    """Jinja's environment, naming the template file and line of any error a template raises."""


def environment(config: Config) -> Environment:
    """The autoescaping Jinja environment of the print HTML templates."""
    env = PrintEnvironment(
        loader=FileSystemLoader([str(d) for d in template_dirs(config)]),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.template_names = TemplateNames(config.content_dir)
    return env
