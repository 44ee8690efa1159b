"""Small layout helpers of the site templates, as Python filters and globals (a macro call costs far more).

They write exactly what the macros of the same names in ``macros.html.j2`` write;
the macros stay there for user templates that import them. The built-in templates use them as
filters (``{{ value|t }}``, ``{{ code|lang }}``): Jinja calls a filter directly, while a call of a global
goes through the template context's checks, which cost about as much again on a page making hundreds
of them. As globals (``{{ t(value) }}``, ``{{ lang(code) }}``) they write the same.
"""

from __future__ import annotations

from typing import Any, NoReturn

from jinja2 import Environment, pass_environment
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

try:  # MarkupSafe's escaping of a plain string (C, else its Python fallback), without making a Markup
    from markupsafe._speedups import _escape_inner as _escaped
except ImportError:  # pragma: no cover - a MarkupSafe without it
    _escaped = None

NO_MARKUP = Markup("")


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


class OutputEscaping(CodeGenerator):
    """Jinja's code generator, escaping what an autoescaped template writes out with
    :func:`output_escape` (through its environment's ``output_escape``) instead of ``escape``.

    Only the output of expressions changes: Jinja joins those pieces into a string, or into ``Markup``
    where the result is a value (a macro's, a ``{% set %}`` block's), and ``|e``, ``Markup`` and the
    escaping of constants at compile time are Jinja's own."""

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.output_escape(")
        if finalize.src is not None:
            self.write(finalize.src)


class NamedFailures:
    """A Jinja environment mixin: an error a template's code raises that is not Jinja's own (a division
    by zero, a filter failing on its value) becomes a ``TemplateRuntimeError`` naming the template file and
    line and what went wrong, so that the build fails with that message rather than a traceback; Jinja's own
    errors at run time (a name the page does not give) gain the file and line too."""

    def handle_exception(self, source: str | None = None) -> NoReturn:
        from jinja2 import TemplateError, TemplateRuntimeError, UndefinedError
        from jinja2.debug import rewrite_traceback_stack

        err = rewrite_traceback_stack(source=source)
        if isinstance(err, UndefinedError | TemplateRuntimeError) and (place := template_place(err)):
            raise type(err)(f"{place}{err}") from err  # "'no_such_name' is undefined", with where
        if isinstance(err, TemplateError):
            raise err
        raise TemplateRuntimeError(f"{template_place(err)}{type(err).__name__}: {err}") from err


def template_place(err: BaseException) -> str:
    """``file:line: `` of the innermost template line in ``err``'s traceback (as Jinja rewrote it), or ``""``."""
    place = ""
    tb = err.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # a frame Jinja made for a template line
            place = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return place


def lang(value: Any) -> Markup:
    """`` lang="…"`` when ``value`` is set (the text's language differs from the page's), else nothing."""
    return Markup(f' lang="{output_escape(value)}"') if value else NO_MARKUP


@pass_environment
def t(env: Environment, value: Any) -> Markup:
    """``value.text``, inside ``<span lang="…">`` when ``value.lang`` is set."""
    text = output_escape(env.getattr(value, "text"))
    code = env.getattr(value, "lang")
    return Markup(f'<span lang="{output_escape(code)}">{text}</span>') if code else Markup(text)


def install(env: Environment) -> None:
    """Make the helpers filters and global names of ``env``'s templates."""
    env.filters.update(lang=lang, t=t)
    env.globals.update(lang=lang, t=t)
