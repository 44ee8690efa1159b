"""Small layout helpers of the site templates, as Python filters and globals (a macro call costs far more).

They write exactly what the macros of the same names in ``macros.html.j2`` write;
the macros stay there for user templates that import them. The built-in templates use them as
filters (``{{ value|t }}``, ``{{ code|lang }}``): Jinja calls a filter directly, while a call of a global
goes through the template context's checks, which cost about as much again on a page making hundreds
of them. As globals (``{{ t(value) }}``, ``{{ lang(code) }}``) they write the same.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, pass_environment
from markupsafe import Markup, escape

NO_MARKUP = Markup("")


def lang(value: Any) -> Markup:
    """`` lang="…"`` when ``value`` is set (the text's language differs from the page's), else nothing."""
    return Markup(f' lang="{escape(value)}"') if value else NO_MARKUP


@pass_environment
def t(env: Environment, value: Any) -> Markup:
    """``value.text``, inside ``<span lang="…">`` when ``value.lang`` is set."""
    text = escape(env.getattr(value, "text"))
    code = env.getattr(value, "lang")
    return Markup(f'<span lang="{escape(code)}">{text}</span>') if code else Markup(text)


def install(env: Environment) -> None:
    """Make the helpers filters and global names of ``env``'s templates."""
    env.filters.update(lang=lang, t=t)
    env.globals.update(lang=lang, t=t)
