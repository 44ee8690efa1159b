"""Editorial Markdown (commentary, about pages) rendered with markdown-it-py, raw HTML off by default."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock, reference
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import ConfigError
from ..model import quick_pickling
from ..paths import shown_path
from .i18n import Messages, edition
from .safe import sanitize_markdown_html
from .urls import PAGE_NAME_RE

NOTES_BEFORE = "evdigest_notes_before"
"""The ``env`` key of a parse that holds how many notes the runs before the text listed (:func:`render_with_notes`)."""
OWN_KEY = "evdigest_own_key"
"""The ``env`` key of a parse that holds the key its footnotes' ids and names are written after
(:func:`render_with_notes`)."""
BACK_LABEL = "evdigest_back_label"
"""The ``env`` key of a parse that holds the name of a note's link back to its mark (:func:`_footnote_anchor`)."""
BACK_LANG = "evdigest_back_lang"
"""The ``env`` key of a parse that holds the language of that name: the edition's (:func:`_footnote_anchor`)."""
NOTE_LANG = "evdigest_note_lang"
"""The ``env`` key of a parse that holds what gives a note's language from its text (:func:`_footnote_open`)."""
FOOTNOTE_LINES = "evdigest_footnote_lines"
"""The ``env`` key of a parse that holds the lines of the text's footnote definitions (:func:`_footnote_lines`)."""

# The first level-one heading of a page, e.g. "# About this digest".
H1_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def render_markdown(text: str, *, allow_html: bool, shift: int = 0, ids: str | None = None) -> Markup:
    """Markdown to sanitised HTML (:func:`render_with_notes`, for a text shown whole)."""
    return render_with_notes(text, allow_html=allow_html, shift=shift, ids=ids)[0]


def render_with_notes(
    text: str,
    *,
    allow_html: bool,
    shift: int = 0,
    ids: str | None = None,
    notes_before: int = 0,
    code: str = "en",
    note_lang: Callable[[str], str | None] | None = None,
) -> tuple[Markup, int]:
    """Markdown to sanitised HTML, and how many notes the list at its end holds (those its marks lead to); raw HTML in the text is escaped unless ``allow_html``. Each heading goes
    ``shift`` levels down (:func:`heading_shift`, :func:`_demote`). Footnotes (``x[^1]``, ``[^1]: Note.``)
    are numbered marks linked to a list at the end of the text, and back; their ids carry ``ids``
    (``fn-commentary-1``, ``fnref-commentary-1``), which names the text on its page, so that two texts of one
    page or of one PDF (the digest holds every entry's commentary) never share an id. The first note is
    number ``notes_before + 1``: a text rendered a run at a time numbers its notes through its runs. A note's
    link back (``↩``) is named in the language of edition ``code`` (``Back to the text``, ``返回正文``). A
    note whose text ``note_lang`` gives a language tag is in that language (``<li lang="en">``): a text of
    several language runs lists a note after the run that marks it, which may be in the other language.

    The footnotes' ids, classes, numbers (``value``) and that name, a deep heading's role and level
    (:func:`_demote`) and the number a list starts at are written after a key made for this call alone, which
    the sanitiser takes off: raw HTML, which cannot know the key, keeps none of them (its
    ``<a id="fnref-commentary-1">`` would repeat a mark's id, its ``<p role="heading" aria-level="1">`` be a
    heading above the page's, its ``class="footnote-backref"`` or ``<li value="99">`` pass for a note)."""
    md = _parser(allow_html)
    own = secrets.token_hex(8)
    env = {
        NOTES_BEFORE: notes_before,
        OWN_KEY: own,
        BACK_LABEL: Messages(code)("footnote_back"),
        BACK_LANG: edition(code).lang,
        NOTE_LANG: note_lang,
    }
    if ids:
        env["docId"] = ids
    tokens = md.parse(text, env)
    if shift:
        _demote(tokens, shift, own)
    for token in tokens:  # a list's number (``3. three``), after the key as the renderer's other attributes
        if token.type == "ordered_list_open" and token.attrGet("start") is not None:
            token.attrSet("start", f"{own}{token.attrGet('start')}")
    html = sanitize_markdown_html(md.renderer.render(tokens, md.options, env), own=own)
    return html, len(env.get("footnotes", {}).get("list", {}))


def _demote(tokens: list[Token], shift: int, own: str = "") -> None:
    """Move each heading ``shift`` levels down. HTML has six heading levels and a text's deepest headings can
    pass h6 once they sit under the page's own (a commentary's ``####`` under its h2 heading is level 6, its
    ``#####`` level 7): those are a paragraph with the heading role and their level (``<p role="heading"
    aria-level="7">``), as ARIA's heading role takes any level, so that every level of the text stays a level
    of its own in the outline a screen reader gives. Pulling all the text's headings up instead would put its
    top ones beside the heading it is shown under, and capping them at h6 made ``####`` and ``#####`` one
    level. The role and level are written after ``own``, the call's key (:func:`render_with_notes`)."""
    for token in tokens:
        if token.type not in ("heading_open", "heading_close"):
            continue
        level = int(token.tag[1:]) + shift
        if level <= 6:
            token.tag = f"h{level}"
            continue
        token.tag = "p"
        if token.type == "heading_open":
            token.attrSet("role", f"{own}heading")
            token.attrSet("aria-level", f"{own}{level}")


def heading_shift(text: str, level: int) -> int:
    """How many levels the headings of ``text`` go down for its top one to be at ``level``: the level under
    the heading of the part of the page the text is shown in (a commentary under its h2 heading: level 3,
    ``# Background`` → h3, ``## Methods`` → h4; an about page under its h1 title: level 2). A heading is
    never lifted: a text whose headings are lower already keeps them."""
    levels = [int(token.tag[1:]) for token in _parser(False).parse(text) if token.type == "heading_open"]
    return max(0, level - min(levels)) if levels else 0


@cache
def _parser(allow_html: bool) -> MarkdownIt:
    """CommonMark with tables and footnotes, and without footnote definitions read as link definitions (see
    :func:`_reference`); one per setting, reused (a parser keeps nothing between texts: a text's footnotes
    are kept in the ``env`` of its own parse).

    A mark in a link's text (``[a source[^1]](https://…)``) is read once the link is: looking for the end
    of a link's text, the parser skips what an inline rule reads, and a mark skipped so (a nested ``[…]``
    token) ends the link, as a link inside a link would; the mark is then put after the link
    (:func:`_refs_out_of_links`).

    Inline notes (``^[Note.]``) are not read: ``^[50]`` is how the entries' texts write a citation marker
    (:mod:`.cites`), which a commentary quoting them would turn into a note."""
    md = MarkdownIt("commonmark", {"html": allow_html, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(footnote_plugin, inline=False)
    md.add_render_rule("footnote_caption", _footnote_caption)
    md.add_render_rule("footnote_anchor_name", _footnote_anchor_name)
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_open", _footnote_open)
    md.add_render_rule("footnote_anchor", _footnote_anchor)
    md.add_render_rule("footnote_block_open", _footnote_block_open)
    plugin_ref = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "footnote_ref")
    md.inline.ruler.at("footnote_ref", lambda state, silent: not silent and plugin_ref(state, silent))
    md.core.ruler.after("inline", "footnote_refs_out_of_links", _refs_out_of_links)
    md.core.ruler.before("footnote_tail", "footnote_lines", _footnote_lines)
    md.block.ruler.at("reference", _reference)
    return md


def _refs_out_of_links(state: StateCore) -> None:
    """Core rule: a footnote mark read in a link's text goes right after the link, in the order written: a
    mark is a link to its note, and HTML has no link inside a link (a browser would end the outer one). A mark
    in an image's text goes after the image too: an image's text is its ``alt``, where a mark is no link."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        out: list[Token] = []
        held: list[Token] = []
        depth = 0
        for token in block.children:
            if token.type == "footnote_ref" and depth:
                held.append(token)
                continue
            out.append(token)
            if token.type == "image" and token.children:  # a mark in an image's text: after the image
                marks = [child for child in token.children if child.type == "footnote_ref"]
                token.children = [child for child in token.children if child.type != "footnote_ref"]
                (held if depth else out).extend(marks)
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
                if not depth:
                    out.extend(held)
                    held.clear()
        block.children = out + held


def _footnote_lines(state: StateCore) -> None:
    """Core rule: the lines (start, end) of each footnote definition of the text, wherever it sits (at the
    top level, in a list item, in a quote), in the ``env`` (:func:`split_footnotes`), read before the plugin's
    tail rule moves the notes to the end; a definition inside another is one of its lines. With each, whether
    it sits in a list item."""
    places: list[tuple[int, int, bool]] = []
    items = 0
    for token in state.tokens:
        if token.type == "list_item_open":
            items += 1
        elif token.type == "list_item_close":
            items -= 1
        elif token.type == "footnote_reference_open" and token.map:
            start, end = token.map
            if not places or start >= places[-1][1]:
                places.append((start, end, items > 0))
    state.env[FOOTNOTE_LINES] = places


def split_footnotes(text: str, *, allow_html: bool) -> tuple[str, str]:
    """``text`` without its footnote definitions (``[^1]: Note.`` and the lines it holds), and those
    definitions: a text rendered a run of paragraphs at a time (:func:`~.bilingual.render_bilingual`)
    gives each run the definitions, so that a mark in any run finds its note. A definition inside a list
    item or a quote is taken out of it too, without what puts its lines there (their indent, ``>``): the
    plugin lists it with the others, and left in its run it would be a note the other runs never find. Its
    lines stay in the text as what put them there alone (blank, ``>``), so that the blocks around it stay
    apart as they were: a deleted line let the paragraph after a list join the list's last item, and the
    paragraphs of a quote around a definition become one. In a list item, its first line stays as a definition
    with no text (``[^1]:``, which lists no note: the run's own definition of the label, after it, is the
    note): a block of the item, as the definition was, keeps a list loose that it made loose (``<li><p>``)."""
    if "[^" not in text:  # no footnote: no second parse of the text
        return text, ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # the line breaks the parser counts, and no other
    env: dict = {}
    _parser(allow_html).parse(text, env)
    places = env.get(FOOTNOTE_LINES, ())
    if not places:
        return text, ""
    lines = text.split("\n")
    notes = []
    for start, end, in_item in places:
        first = lines[start]
        at = first.find("[^")  # what is before it puts the definition in its list item or quote
        width = _columns(first[:at])
        notes.append(first[at:])
        lines[start] = first[: first.index("]:", at) + 2] if in_item else first[:at].rstrip()
        for n in range(start + 1, end):
            prefix, note = _unindent(lines[n], width)
            notes.append(note)
            lines[n] = prefix.rstrip()
    return "\n".join(lines), "\n".join(notes)


def _columns(text: str, column: int = 0) -> int:
    """The column ``text`` ends at from ``column``, a tab going on to the next multiple of 4 (CommonMark's tab
    stops): ``-\t[^1]:`` puts the definition at column 4, as the parser reads it, not at its third character."""
    for char in text:
        column += 4 - column % 4 if char == "\t" else 1
    return column


def _unindent(line: str, width: int) -> tuple[str, str]:
    """``line`` parted into up to ``width`` columns of what puts it in a list item or a quote (spaces, tabs,
    ``>``) and the rest. Tabs count as the columns they reach (:func:`_columns`): a note's second paragraph
    indented with tabs stays indented past the definition's column, in the note, where counting a tab as one
    column took all its indent and made it a paragraph of the text. A tab reaching past ``width`` leaves the
    columns it has there as spaces."""
    n = column = 0
    while column < width and n < len(line) and line[n] in " \t>":
        after = _columns(line[n], column)
        if after > width:
            return line[:n], " " * (after - width) + line[n + 1 :]
        column = after
        n += 1
    return line[:n], line[n:]


def _footnote_number(tokens: list[Token], idx: int, env) -> int:
    """A note's number: its place in the text's list, after the notes of the runs before it."""
    return tokens[idx].meta["id"] + 1 + env.get(NOTES_BEFORE, 0)


def _footnote_caption(self, tokens: list[Token], idx: int, options, env) -> str:
    """A footnote's mark: its number alone (a superscript ``1``), where the plugin writes ``[1]``, and
    ``[1:1]`` for the second mark of one note: an entry's references are cited ``[1]`` in the
    Chinese style, and a note's mark must not read as one of them."""
    return str(_footnote_number(tokens, idx, env))


def _footnote_anchor_name(self, tokens: list[Token], idx: int, options, env) -> str:
    """The plugin's ``-<docId>-<n>`` part of a note's ids, ``n`` its number (:func:`_footnote_number`)."""
    doc_id = env.get("docId")
    return (f"-{doc_id}-" if isinstance(doc_id, str) else "") + str(_footnote_number(tokens, idx, env))


def _footnote_ref(self, tokens: list[Token], idx: int, options, env) -> str:
    """The plugin's mark, its id after the call's key (:func:`render_with_notes`)."""
    name = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    caption = self.rules["footnote_caption"](tokens, idx, options, env)
    sub = tokens[idx].meta.get("subId", -1)
    ref = f"{name}:{sub}" if sub > 0 else name
    own = env.get(OWN_KEY, "")
    return f'<sup class="{own}footnote-ref"><a href="#fn{name}" id="{own}fnref{ref}">{caption}</a></sup>'


def _footnote_open(self, tokens: list[Token], idx: int, options, env) -> str:
    """The plugin's note, with its number as the item's ``value``: a browser numbers the list from it, and
    the PDFs print it (WeasyPrint reads neither ``value`` nor a list's ``start``: see print.css); its id, class
    and number after the call's key; its language when it is not its run's (``note_lang`` of
    :func:`render_with_notes`)."""
    name = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    own = env.get(OWN_KEY, "")
    lang = ""
    if guess := env.get(NOTE_LANG):
        words = []
        for token in tokens[idx + 1 :]:
            if token.type == "footnote_close":
                break
            words.append(token.content)
        if tag := guess(" ".join(words)):
            lang = f' lang="{escapeHtml(tag)}"'
    number = _footnote_number(tokens, idx, env)
    return f'<li id="{own}fn{name}" class="{own}footnote-item" value="{own}{number}"{lang}>'


def _footnote_anchor(self, tokens: list[Token], idx: int, options, env) -> str:
    """The plugin's link back from a note to its mark, named (``aria-label``, after the call's key, as its
    class is) in the edition's language, which the link is marked with (it may sit in a run of the other
    language): its ``↩`` alone is no name a screen reader can say."""
    name = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    sub = tokens[idx].meta.get("subId", -1)
    ref = f"{name}:{sub}" if sub > 0 else name
    own = env.get(OWN_KEY, "")
    label = escapeHtml(own + env.get(BACK_LABEL, ""))
    lang = f' lang="{escapeHtml(env[BACK_LANG])}"' if env.get(BACK_LANG) else ""
    # the variation selector keeps ↩ a text character (no emoji), as the plugin writes it
    return f' <a href="#fnref{ref}" class="{own}footnote-backref" aria-label="{label}"{lang}>\u21a9\ufe0e</a>'


def _footnote_block_open(self, tokens: list[Token], idx: int, options, env) -> str:
    """The plugin's opening of the notes' list, its classes after the call's key (:func:`render_with_notes`)."""
    own = env.get(OWN_KEY, "")
    return f'<hr class="{own}footnotes-sep">\n<section class="{own}footnotes">\n<ol class="{own}footnotes-list">\n'


def _reference(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """CommonMark's link reference definition, but never for what looks like a footnote's (``[^1]: Note.``):
    what the footnote rule does not read as one (``[^a b]: Note.``, a label with a space) would otherwise be
    the link of ``[^a b]`` to the address ``Note.``, a link to nowhere; it is shown as written instead."""
    at = state.bMarks[start] + state.tShift[start]
    if state.src.startswith("[^", at):
        return False
    return reference(state, start, end, silent)


@quick_pickling
@dataclass(frozen=True, slots=True)
class MarkdownPage:
    """One about page: its name (file stem), title and Markdown body for each edition that has one."""

    name: str
    title: dict[str, str]
    body: dict[str, str]


def _split_title(text: str, fallback: str) -> tuple[str, str]:
    match = H1_RE.search(text)
    if not match:
        return fallback, text
    return match.group(1).strip(), text[: match.start()] + text[match.end() :]


def load_pages(
    folder: Path, editions: tuple[str, ...], convert_hant, content_dir: Path | None = None
) -> list[MarkdownPage]:
    """Read ``<name>.md`` and its edition variants ``<name>.<edition>.md`` from ``folder``; errors name a file
    relative to ``content_dir`` when it is inside it.

    An edition without its own file uses, in order: its own file, ``zh-hans`` converted
    (for ``zh-hant``), the plain ``<name>.md``.
    """
    if not folder.is_dir():
        return []
    names = sorted({p.name.split(".")[0] for p in folder.glob("*.md")})
    pages = []
    for name in names:
        if not PAGE_NAME_RE.fullmatch(name):  # no address: a note says so (evdigest.build.overlooked)
            continue
        texts = {ed: _read(folder / f"{name}.{ed}.md", content_dir) for ed in ("en", "zh-hans", "zh-hant")}
        default = _read(folder / f"{name}.md", content_dir)
        title, body = {}, {}
        for ed in editions:
            text = texts.get(ed)
            if text is None and ed == "zh-hant" and texts.get("zh-hans") is not None:
                text = convert_hant(texts["zh-hans"])
            if text is None:
                text = convert_hant(default) if ed == "zh-hant" and default is not None else default
            if text is None:
                text = texts.get("en") or ""
            title[ed], body[ed] = _split_title(text, name.replace("-", " ").title())
        pages.append(MarkdownPage(name, title, body))
    return pages


def _read(path: Path, content_dir: Path | None) -> str | None:
    """An about page's text, ``None`` when there is no such file; a file that is not UTF-8 text is an error
    naming it (relative to ``content_dir`` when it is inside it) and its line."""
    if not path.is_file():
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(f"{shown_path(path, content_dir)}:{line}: an about page must be UTF-8 text") from None
