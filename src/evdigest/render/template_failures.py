"""How a template error is told: ``<file>:<line>: <what went wrong>``, whatever Jinja raised.

A template of the content folder is named relative to it (``templates/home.html.j2:1:``), a built-in one
relative to the project's template folder and said to be built in (``site/base.html.j2:3: … (built-in
template)``), any other by its absolute path; so are syntax errors (Jinja writes ``File "...", line N``),
names a page does not give, errors a template's code raises and templates a template asks for and that
do not exist (``{% extends "nope.html.j2" %}``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    TemplateError,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplateSyntaxError,
    UndefinedError,
)

from ..paths import shown_path

BUILTIN_ROOT = Path(__file__).resolve().parents[3] / "templates"
"""The project's template folder (``site/`` and ``pdf/`` below it)."""

BUILTIN = " (built-in template)"


class Placed(TemplateError):
    """A template error whose message names the template's file and line already (it pickles as its
    message, so it reads the same when a worker process hands it on)."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)

    @property
    def message(self) -> str:
        return self.args[0]

    def __str__(self) -> str:
        return self.args[0]

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), self.args


class PlacedSyntaxError(Placed, TemplateSyntaxError):
    """A template that does not compile."""

    translated = True  # told already: Jinja passes it on as it is


class PlacedUndefinedError(Placed, UndefinedError):
    """A name or attribute the page does not give."""


class PlacedRuntimeError(Placed, TemplateRuntimeError):
    """An error raised while a template renders."""


class PlacedNotFound(Placed, TemplateNotFound):
    """A template asked for that no template folder holds."""


@dataclass(frozen=True)
class TemplateNames:
    """How messages name template files: relative to ``content_dir`` when inside it."""

    content_dir: Path | None = None

    def file(self, filename: str) -> str:
        """The template file ``filename`` as a message names it (``site/x.html.j2 (built-in template)`` when built in)."""
        full = Path(os.path.abspath(filename))
        if full.is_relative_to(BUILTIN_ROOT):
            return full.relative_to(BUILTIN_ROOT).as_posix() + BUILTIN
        return shown_path(filename, self.content_dir)

    def place(self, filename: str | None, line: int | None, what: str) -> str:
        """``<file>:<line>: <what>``, a built-in template's name said after ``what``."""
        if not filename:
            return what
        name = self.file(filename)
        builtin = name.endswith(BUILTIN)
        return f"{name.removesuffix(BUILTIN)}:{line or 1}: {what}{BUILTIN if builtin else ''}"

    def folders(self, loader: BaseLoader | None) -> str:
        """The folders ``loader`` looks in, as messages name them, in its order."""
        found = []
        for folder in _search_path(loader):
            name = self.file(folder)
            found.append(f"{name.removesuffix(BUILTIN)}/{' (built-in)' if name.endswith(BUILTIN) else ''}")
        return ", ".join(found)


def _search_path(loader: BaseLoader | None) -> list[str]:
    if isinstance(loader, ChoiceLoader):
        return [folder for inner in loader.loaders for folder in _search_path(inner)]
    if isinstance(loader, FileSystemLoader):
        return list(loader.searchpath)
    return []


class NamedFailures:
    """A Jinja environment mixin: every error a template raises, Jinja's own (a syntax error, a name the
    page does not give, a missing template) or not (a division by zero, a filter failing on its value),
    becomes a template error whose message names the template file and line and what went wrong, so that
    the build fails with that message rather than a traceback or Jinja's ``File "...", line N``."""

    template_names = TemplateNames()
    """How the messages name template files (an environment is given the content folder's)."""

    loader: BaseLoader | None

    def handle_exception(self, source: str | None = None) -> NoReturn:
        from jinja2.debug import rewrite_traceback_stack

        err = rewrite_traceback_stack(source=source)
        if isinstance(err, Placed):  # from a template this one includes, told already
            raise err
        raise placed(err, self.template_names, self.loader) from err


def placed(err: BaseException, names: TemplateNames, loader: BaseLoader | None) -> TemplateError:
    """``err``, raised by a template or while compiling one, as a :class:`Placed` error."""
    if isinstance(err, TemplateSyntaxError):
        return PlacedSyntaxError(names.place(err.filename or err.name, err.lineno, str(err.message)))
    filename, line = template_line(err)
    if isinstance(err, TemplateNotFound):
        wanted = ", ".join(repr(n) for n in err.templates if isinstance(n, str)) or repr(err.name)
        what = f"template {wanted} not found" if len(err.templates) < 2 else f"none of the templates {wanted} found"
        searched = names.folders(loader)
        return PlacedNotFound(names.place(filename, line, f"{what} (looked in {searched})" if searched else what))
    if isinstance(err, UndefinedError):
        return PlacedUndefinedError(names.place(filename, line, str(err)))
    what = str(err) if isinstance(err, TemplateError) else f"{type(err).__name__}: {err}"
    return PlacedRuntimeError(names.place(filename, line, what))


def template_line(err: BaseException) -> tuple[str | None, int | None]:
    """The file and line of the innermost template line in ``err``'s traceback (as Jinja rewrote it)."""
    place: tuple[str | None, int | None] = (None, None)
    tb = err.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # a frame Jinja made for a template line
            place = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return place
