"""The body of a journal full text: sections with their paragraphs, tables, figures and back matter.

Paragraphs the PDF conversion broke are joined again: a paragraph that stops
without closing punctuation continues with the next paragraph line of the same
section, even when a table, a figure caption or a figure note was printed in
between (the text around 表 1, 表 2 and 图 4/图 5 of the sample).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..model import Figure, Section, Table, Warning
from . import fulltext_tables as ft
from .fulltext_headings import Heading, number_text, read_heading, separate_title
from .fulltext_labels import BACK_MATTER, LICENSE_LINE, is_page_head
from .fulltext_refs import EDITOR_LINE, PAGE_NOTE
from .fulltext_text import LATIN_LETTER, Line, cjk_count, ends_open, join_text

# "```" code fence (a search strategy printed as a figure)
FENCE = re.compile(r"^```")
# "![](images/33217db8.jpg)"
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
# text of a figure the conversion read as a line: "SC SE ED", "Calnexin ALIX 三", "8 C"
DEBRIS_MAX = 25
SENTENCE_MARKS = re.compile(r"[，。、；：,;:（）()]")


@dataclass(slots=True)
class _Section:
    number: str | None
    title: str
    title_en: str | None
    line: int
    paragraphs: list[str] = field(default_factory=list)
    depth: int = 0
    """The depth of its Markdown heading mark (0 when not marked)."""


@dataclass(slots=True)
class Body:
    """What the body holds, in reading order."""

    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    back: list[Line] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    """The running headers and footers of the journal's pages left out of the body."""


@dataclass(slots=True)
class _State:
    sections: list[_Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    back: list[Line] = field(default_factory=list)
    number: tuple[int, ...] | None = None
    table_open: bool = False
    open_rows: int = 0
    in_code: bool = False
    note: str | None = None
    last_kind: str = ""
    debris: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)


def read_body(lines: list[Line], warnings: list[Warning]) -> Body:
    """Read the body lines (between the front matter and the reference heading)."""
    state = _State()
    for line in lines:
        _one_line(state, line, warnings)
    if state.note:
        warnings.append(Warning("figures", "figure note with no figure caption after it", (state.note,)))
    if state.heads:
        warnings.append(
            Warning("sections", "running headers of the journal's pages left out of the body", tuple(state.heads))
        )
    if state.debris:
        warnings.append(
            Warning("sections", "short lines of figure text left out of the paragraphs", tuple(state.debris))
        )
    kept = [s for s in state.sections if s.paragraphs or s.title]
    top = min((s.depth for s in kept if s.depth), default=0)
    sections = [
        Section(s.number, s.title, tuple(p for p in s.paragraphs if p), s.title_en, s.line, section_level(s, top))
        for s in kept
    ]
    return Body(sections, state.tables, state.figures, state.back, state.heads)


def section_level(section: _Section, top: int) -> int:
    """A section's level: the depth of its number (``2.1`` is 2); with no number, the depth of its Markdown
    mark below the body's shallowest (``top``): ``## 背景`` then ``### 细胞来源`` are 1 and 2, and a ``###``
    heading among ``##``-marked numbered sections is a subsection. A heading not marked is a section."""
    if section.number:
        return section.number.strip(".").count(".") + 1
    return section.depth - top + 1 if section.depth and top else 1


def _one_line(state: _State, line: Line, warnings: list[Warning]) -> None:
    text = line.text
    if state.in_code or FENCE.match(text):
        state.in_code = state.in_code != bool(FENCE.match(text))
        return
    if not text:
        if state.table_open and state.open_rows:
            state.table_open = False
        return
    if IMAGE.match(text) or EDITOR_LINE.match(text) or PAGE_NOTE.match(text):
        return
    if is_page_head(text):
        state.heads.append(text)
        return
    for handler in (_table_line, _figure_line, _back_line, _heading_line):
        if handler(state, line, warnings):
            return
    _paragraph_line(state, line)


def _table_line(state: _State, line: Line, warnings: list[Warning]) -> bool:
    text = line.text
    if ft.HTML_TABLE.search(text):
        _html_table(state, line, warnings)
        return True
    if _table_note(state, text):
        return True
    if _english_table_caption(state, text):
        return True
    if ft.PIPE_RULE.match(text) and "|" in text and state.tables and state.last_kind == "table":
        return True
    if ft.PIPE_ROW.match(text) and text.count("|") >= 3:
        if not state.table_open:
            _uncaptioned(state, line, warnings)
        _add_row(state, ft.pipe_cells(text))
        return True
    if state.table_open and len(cells := ft.aligned_cells(text)) >= 2:
        _add_row(state, cells)
        return True
    number = ft.continued_number(text)
    if number is not None and state.tables and state.tables[-1].label == f"表 {number}":
        state.table_open, state.open_rows, state.last_kind = True, 0, "table"
        return True
    match = ft.TABLE_CAPTION.match(text)
    if match and ft.is_caption_line(text):
        number, caption, caption_en = ft.split_label(match, len(state.tables) + 1, ft.TABLE_EN)
        state.tables.append(Table(f"表 {number}", caption, caption_en=caption_en, line=line.number))
        state.table_open, state.open_rows, state.last_kind = True, 0, "table"
        return True
    return False


def _table_note(state: _State, text: str) -> bool:
    """Keep the note printed under a table's rows (``注：…``; a second note line, ``Note: …``, is added to it)."""
    if state.last_kind not in ("table", "table-note") or not state.tables:
        return False
    match = ft.TABLE_NOTE.match(text)
    if match is None:
        return False
    table = state.tables[-1]
    note = match.group("rest").strip()
    state.tables[-1] = _with(table, note=f"{table.note} {note}" if table.note else note)
    state.table_open, state.last_kind = False, "table-note"
    return True


def _english_table_caption(state: _State, text: str) -> bool:
    """Set the English caption printed on its own line under the Chinese one (before the table's rows)."""
    if state.last_kind != "table" or not state.tables:
        return False
    table = state.tables[-1]
    if table.caption_en or table.header or table.rows:
        return False
    caption_en = ft.english_caption(text, ft.TABLE_EN_LINE, table.label)
    if caption_en is None:
        return False
    state.tables[-1] = _with(table, caption_en=caption_en)
    return True


def _uncaptioned(state: _State, line: Line, warnings: list[Warning]) -> None:
    """Open a table printed with no caption before it."""
    state.tables.append(Table("", "", line=line.number))
    warnings.append(Warning("tables", "table without a caption", (), line.number))
    state.table_open, state.open_rows, state.last_kind = True, 0, "table"


def _add_row(state: _State, cells: tuple[str, ...]) -> None:
    """Add a row to the open table: its header first; the header printed again over the rest of a table
    continued on the next page is left out."""
    table = state.tables[-1]
    if not table.header:
        state.tables[-1] = _with(table, header=cells)
    elif cells != table.header:
        state.tables[-1] = _with(table, rows=table.rows + (cells,))
        state.open_rows += 1
    state.last_kind = "table"


def _html_table(state: _State, line: Line, warnings: list[Warning]) -> None:
    rows = ft.html_rows(line.text)
    if not rows:
        return
    first_cells, _ = rows[0]
    caption_row = ft.TABLE_CAPTION.match(first_cells[0]) if len(first_cells) == 1 else None
    if caption_row:
        number, caption, caption_en = ft.split_label(caption_row, len(state.tables) + 1, ft.TABLE_EN)
        state.tables.append(Table(f"表 {number}", caption, caption_en=caption_en, line=line.number))
        rows = rows[1:]
    elif state.table_open and state.tables and not state.tables[-1].header:
        pass
    elif state.last_kind == "table" and state.tables:
        warnings.append(
            Warning("tables", f"{state.tables[-1].label} continues in a second HTML table", (), line.number)
        )
        table = state.tables[-1]
        state.tables[-1] = _with(table, rows=_continued(table.rows, [tuple(cells) for cells, _ in rows]))
        return
    else:
        _uncaptioned(state, line, warnings)
    table = state.tables[-1]
    header = tuple(rows[0][0]) if rows else ()
    body = tuple(tuple(cells) for cells, _ in rows[1:])
    state.tables[-1] = _with(table, header=header, rows=body)
    state.table_open, state.last_kind = False, "table"


def _continued(rows: tuple[tuple[str, ...], ...], more: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A table's rows followed by those of its continuation on the next page. A first continued row whose
    first cell is empty and whose width is the last row's holds the end of that row's cells, cut by the
    page break: it is joined to that row rather than kept as a row of its own."""
    if rows and more and not more[0][0] and len(more[0]) == len(rows[-1]) and any(more[0]):
        last = tuple(
            ft.cell_text(f"{old} {tail}") if tail else old for old, tail in zip(rows[-1], more[0], strict=True)
        )
        return (*rows[:-1], last, *more[1:])
    return rows + tuple(more)


def _with(table: Table, **changes) -> Table:
    values = {
        "label": table.label,
        "caption": table.caption,
        "header": table.header,
        "rows": table.rows,
        "caption_en": table.caption_en,
        "line": table.line,
        "note": table.note,
    }
    values.update(changes)
    return Table(**values)


def _figure_line(state: _State, line: Line, warnings: list[Warning]) -> bool:
    if state.last_kind == "figure" and state.figures and not state.figures[-1].caption_en:
        caption_en = ft.english_caption(line.text, ft.FIGURE_EN_LINE, state.figures[-1].label)
        if caption_en is not None:
            state.figures[-1] = dataclasses.replace(state.figures[-1], caption_en=caption_en)
            return True
    note = ft.FIGURE_NOTE.match(line.text)
    if note:
        state.note = note.group("rest").strip()
        return True
    match = ft.FIGURE_CAPTION.match(line.text)
    if not match or not ft.is_caption_line(line.text):
        return False
    number, caption, caption_en = ft.split_label(match, len(state.figures) + 1, ft.FIGURE_EN)
    state.figures.append(Figure(f"图 {number}", caption, state.note, caption_en, line.number))
    state.note, state.table_open, state.last_kind = None, False, "figure"
    return True


def _back_line(state: _State, line: Line, warnings: list[Warning]) -> bool:
    if BACK_MATTER.match(line.text) or LICENSE_LINE.match(line.text):
        state.back.append(line)
        state.last_kind = "back"
        return True
    return False


def _heading_line(state: _State, line: Line, warnings: list[Warning]) -> bool:
    heading = read_heading(line.text, line.heading, state.number)
    if heading is None:
        return False
    if heading.number is not None:
        heading = separate_title(heading, _sibling_titles(state, heading.number))
    _open_section(state, heading, line, warnings)
    return True


def _sibling_titles(state: _State, number: tuple[int, ...]) -> list[str]:
    """Titles of the sections before ``number`` under the same parent ("2.1", "2.2" for "2.5")."""
    parent = number_text(number[:-1]) or ""
    return [
        s.title
        for s in state.sections
        if s.number and s.number.count(".") == len(number) - 1 and s.number.rpartition(".")[0] == parent
    ]


def _open_section(state: _State, heading: Heading, line: Line, warnings: list[Warning]) -> None:
    number = number_text(heading.number)
    if heading.skipped and number:
        warnings.append(Warning("sections", f"section number skipped before {number}", (number,), line.number))
    if not heading.title:
        warnings.append(
            Warning(
                "sections", f"title of section {number} not separable from its text", (line.text[:40],), line.number
            )
        )
    section = _Section(number, heading.title, heading.title_en, line.number, depth=line.depth)
    if heading.rest:
        section.paragraphs.append(heading.rest)
    state.sections.append(section)
    if heading.number is not None:
        state.number = heading.number
    state.table_open, state.last_kind = False, "heading"


def _paragraph_line(state: _State, line: Line) -> None:
    text = line.text
    section = state.sections[-1] if state.sections else None
    open_paragraph = section is not None and bool(section.paragraphs) and ends_open(section.paragraphs[-1])
    if _is_debris(text) and not (open_paragraph and _runs_on(text)):
        state.debris.append(text)
        return
    if section is None:
        section = _Section(None, "", None, line.number)
        state.sections.append(section)
    if open_paragraph:
        section.paragraphs[-1] = join_text(section.paragraphs[-1], text)
    else:
        section.paragraphs.append(text)
    state.table_open, state.last_kind = False, "paragraph"


def _is_debris(text: str) -> bool:
    """Short lines with no sentence punctuation and few Chinese characters: text read off a figure."""
    return len(text) <= DEBRIS_MAX and cjk_count(text) <= 2 and not SENTENCE_MARKS.search(text)


def _runs_on(text: str) -> bool:
    """A short line of a sentence the PDF broke, not a figure's: Chinese characters and Latin letters with no space
    between any of them ("采用Western" / "blot检测…", "NA与mi" / "RNA…"), where a figure's labels stand apart
    ("TSG101 CD63", "SC SE ED", "8 C")."""
    return not any(char.isspace() for char in text) and cjk_count(text) > 0 and bool(LATIN_LETTER.search(text))
