"""Editorial Markdown that mixes English and Chinese paragraphs, each marked with its own ``lang``."""

from __future__ import annotations

import re

from markupsafe import Markup

from .i18n import HAN_RE, zh_lang
from .markdown import heading_shift, render_with_notes, split_footnotes

# A blank line between Markdown blocks, e.g. the "\n\n" after a paragraph.
BLOCK_GAP_RE = re.compile(r"\n[ \t]*\n")
# A construct that must stay in one Markdown document, e.g. "```python" (a fence) or "[doi]: https://…" (a link
# definition; a footnote's, "[^1]: Note.", is taken out first: see render_bilingual).
WHOLE_DOC_RE = re.compile(r"^\s{0,3}(?:```|~~~|\[(?!\^)[^\]]+\]:\s)", re.MULTILINE)
# What a footnote definition taken out of a list item leaves (split_footnotes), e.g. "  [^1]:" or "- [^1]:".
NOTE_STUB_RE = re.compile(r"^[ \t>]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t>]*)?\[\^[^\]\s]+\]:$")
# A footnote's label, of its mark or its definition, e.g. "[^note-on-the-source]" in "这是中文[^note-on-the-source]。".
FOOTNOTE_LABEL_RE = re.compile(r"\[\^[^\]\s]+\]")
# A Latin letter, e.g. "A" in "A review".
LATIN_RE = re.compile(r"[A-Za-z]")
# A run of Chinese text: Han characters with CJK punctuation between or after them, e.g. "中国组织工程研究" or "见图 4。".
HAN_RUN_RE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]"
    r"(?:[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\d ]*"
    r"[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef])?"
)
# An HTML tag in rendered output, e.g. "<em>" or '<a href="…">'.
TAG_RE = re.compile(r"(<[^>]*>)")


def block_lang(text: str, code: str) -> str:
    """``en`` or the edition's Chinese tag: a block is Chinese when Han characters outweigh Latin letters.
    Footnote labels are not counted: a label is no text of the page (a mark shows a number), and a long ASCII
    one made a short Chinese paragraph English."""
    text = FOOTNOTE_LABEL_RE.sub("", text)
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_RE.findall(text))
    return zh_lang(code) if han and han * 3 >= latin else "en"


def mark_han_runs(html: str, lang: str) -> str:
    """Wrap each run of Chinese in the text (never inside tags) of ``html`` in ``<span lang=…>``."""
    parts = TAG_RE.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = HAN_RUN_RE.sub(lambda m: f'<span lang="{lang}">{m.group(0)}</span>', parts[i])
    return "".join(parts)


def language_groups(text: str, code: str) -> list[tuple[str, str]]:
    """``(lang, markdown)`` runs of consecutive blocks in one language, in the text's order. What a footnote
    definition taken out of a list item leaves (:data:`NOTE_STUB_RE`) has no language of its own: it stays in
    the run before it, with its list item, where a run of its own would split the list."""
    if WHOLE_DOC_RE.search(text):
        return [(block_lang(text, code), text)]
    groups: list[tuple[str, list[str]]] = []
    for block in BLOCK_GAP_RE.split(text.strip()):
        if not block.strip():
            continue
        if groups and all(NOTE_STUB_RE.match(line.strip(" ")) for line in block.split("\n")):
            groups[-1][1].append(block)  # no text, in the list item before it: in that item's run
            continue
        lang = block_lang(block, code)
        if groups and groups[-1][0] == lang:
            groups[-1][1].append(block)
        else:
            groups.append((lang, [block]))
    return [(lang, "\n\n".join(blocks)) for lang, blocks in groups]


def render_bilingual(text: str, code: str, page_lang: str, *, allow_html: bool, heading_level: int, ids: str) -> Markup:
    """Markdown whose paragraphs may be English or Chinese, each language run in its own ``lang`` element.

    When the text is one run in each language, the page's language comes first; Chinese
    phrases inside English paragraphs sit in ``<span lang="zh-…">``. The text's top headings are at
    ``heading_level`` (one under the heading the text is shown under), the others below them as in the text
    (:func:`~.markdown.heading_shift`, taken over the whole text: its runs keep one outline).

    Footnote definitions are not paragraphs of a run: each run is rendered with all of them and lists, at its
    end, the notes its marks lead to (a commentary and its translation each with its notes, in its language
    and place), numbered on from the run before, so that a number is one note of the text, and an id too:
    ``ids`` names the text on its page, in the ids of its footnotes (:func:`~.markdown.render_with_notes`). A
    note in the other language than its run's (an English note marked in the Chinese run) is in an element
    of its own language.
    """
    rest, notes = split_footnotes(text, allow_html=allow_html)
    groups = language_groups(rest, code)
    if len(groups) == 2 and groups[1][0] == page_lang:
        groups.reverse()
    shift = heading_shift(text, heading_level)
    out = []
    notes_before = 0
    for lang, markdown in groups:
        source = f"{markdown}\n\n{notes}" if notes else markdown
        rendered, listed = render_with_notes(
            source,
            allow_html=allow_html,
            shift=shift,
            ids=ids,
            notes_before=notes_before,
            code=code,
            note_lang=lambda note, run=lang: None if (own := block_lang(note, code)) == run else own,
        )
        html = str(rendered)
        notes_before += listed
        if lang == "en":
            html = mark_han_runs(html, zh_lang(code))
        out.append(html if lang == page_lang else f'<div lang="{lang}">{html}</div>')
    return Markup("".join(out))
