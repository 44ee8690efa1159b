"""Small layout helpers of the site templates, as Python filters and globals (a macro call costs far more).

They write exactly what the macros of the same names in ``macros.html.j2`` write;
the macros stay there for user templates that import them. The built-in templates use them as
filters (``{{ value|t }}``, ``{{ code|lang }}``): Jinja calls a filter directly, while a call of a global
goes through the template context's checks, which cost about as much again on a page making hundreds
of them. As globals (``{{ t(value) }}``, ``{{ lang(code) }}``) they write the same.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from jinja2 import Environment, pass_environment
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

try:  # MarkupSafe's escaping of a plain string (C, else its Python fallback), without making a Markup
    from markupsafe._speedups import _escape_inner as _escaped
except ImportError:  # pragma: no cover - a MarkupSafe without it
    _escaped = None

NO_MARKUP = Markup("")

as_markup = partial(str.__new__, Markup)
"""``Markup(text)`` of a plain string ``text``, made without the call in Python that ``Markup`` makes (it
looks for ``__html__`` first): the helpers below make a few hundred on every page."""


def output_escape(value: Any) -> str:
    """What ``str(escape(value))`` is, without the ``Markup`` that ``escape`` makes of it.

    Jinja escapes every expression a template writes out with ``escape`` and joins the results into the
    page, where they are plain text again; making each one a ``Markup`` first (a call in Python, under
    MarkupSafe 3) took a tenth of rendering an entry page, with about a thousand values on it."""
    if _escaped is None:  # pragma: no cover
        return str(escape(value))
    kind = type(value)
    if kind is str:
        return _escaped(value)
    if kind is Markup:  # its own text, without the copy ``str(value.__html__())`` would make
        return value
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return _escaped(str(value))


DELEGATION = "yield from "


class OutputEscaping(CodeGenerator):
    """Jinja's code generator, escaping what an autoescaped template writes out with
    :func:`output_escape` (through its environment's ``output_escape``) instead of ``escape``.

    Only the output of expressions changes: Jinja joins those pieces into a string, or into ``Markup``
    where the result is a value (a macro's, a ``{% set %}`` block's), and ``|e``, ``Markup`` and the
    escaping of constants at compile time are Jinja's own."""

    def writeline(self, x: str, node: Any = None, extra: int = 0) -> None:
        """A line of the template's code; a block's, a parent template's or an included template's output is
        joined into one string where Jinja passes its pieces on one at a time (``yield from``): a piece of an
        entry page's main block passed through three generators (the block's, the page's and its parent
        template's) on its way to the page, and a page has about two thousand."""
        if x.startswith(DELEGATION):
            x = f"yield environment.concat({x[len(DELEGATION) :]})"
        super().writeline(x, node, extra)

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.output_escape(")
        if finalize.src is not None:
            self.write(finalize.src)


def lang(value: Any) -> Markup:
    """`` lang="…"`` when ``value`` is set (the text's language differs from the page's), else nothing."""
    return as_markup(f' lang="{output_escape(value)}"') if value else NO_MARKUP


@pass_environment
def t(env: Environment, value: Any) -> Markup:
    """``value.text``, inside ``<span lang="…">`` when ``value.lang`` is set."""
    try:  # an object's attributes, as ``env.getattr`` reads them first
        text, code = value.text, value.lang
    except AttributeError:  # a dict's keys
        text, code = env.getattr(value, "text"), env.getattr(value, "lang")
    text = output_escape(text)
    return as_markup(f'<span lang="{output_escape(code)}">{text}</span>') if code else as_markup(text)


def install(env: Environment) -> None:
    """Make the helpers filters and global names of ``env``'s templates."""
    env.filters.update(lang=lang, t=t)
    env.globals.update(lang=lang, t=t)
