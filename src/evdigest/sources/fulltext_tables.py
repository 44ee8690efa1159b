"""Tables and figure captions of a journal full text.

Tables come as a caption line (``表 1 | ...``, ``表16例精液基本参数 Tab.1 ...``)
followed by rows whose cells are set apart by tabs or by runs of spaces, as Markdown
pipe rows (``| 来源 | 动物模型 |`` over a ``| --- | --- |`` rule), or as ``<table>``
HTML (ChinaXiv conversions), where the caption may sit in a first row spanning all
columns.  A table continued on the next page (``续表1``) goes on with the same table.  Figure captions
are ``图 N | ...`` lines, with an optional ``图注：`` note printed before them; a table's note (``注：…``) follows
its rows.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# "表 1 | 外泌体研究领域的重要里程碑", "表16例精液基本参数 Tab.1 Demographic data", "表2NTA检测..."
TABLE_CAPTION = re.compile(r"^表\s*(?P<num>\d{1,3})(?P<rest>.*)$")
# "图 1 | PubMed 数据库检索策略", "图3 | ...", "图1精液外泌体的标志物 Fig.1Marker expression ..."
FIGURE_CAPTION = re.compile(r"^图\s*(?P<num>\d{1,3})(?P<rest>.*)$")
# the note under a table: "注：MSC-EVs 为...", "注 1：", "*注*：", "Note: ...", "Notes: a ..."
TABLE_NOTE = re.compile(r"^\*{0,2}(?:注\s*\d?|Notes?)\*{0,2}\s*[:：]\s*(?P<rest>\S.*)$")
# "图注：图 A 为 ..."
FIGURE_NOTE = re.compile(r"^图注\s*[:：]\s*(?P<rest>.+)$")
# the English caption after the Chinese one: " Tab.1 Demographic data ...", " Fig.2 Morphology ..."
TABLE_EN = re.compile(r"\s*\b(?:Tab(?:le)?)\s*\.?\s*\d+\s*[.:]?\s*")
FIGURE_EN = re.compile(r"\s*\b(?:Fig(?:ure)?)\s*\.?\s*\d+\s*[.:]?\s*")
# the English caption on a line of its own under the Chinese one: "Fig. 1 Schematic diagram ...",
# "Figure 1  Schematic ...", "Table 1 Effects of ...", "Tab.2: Demographic data"
FIGURE_EN_LINE = re.compile(r"^Fig(?:ure)?\s*\.?\s*(?P<num>\d{1,3})\s*[.:：|｜]?\s*(?P<rest>\S.*)$")
TABLE_EN_LINE = re.compile(r"^Tab(?:le)?\s*\.?\s*(?P<num>\d{1,3})\s*[.:：|｜]?\s*(?P<rest>\S.*)$")
# the separator between label and caption: " | ", "｜", "："
LABEL_SEP = re.compile(r"^\s*[|｜:：.．]?\s*")
# "| 骨髓 | 大鼠 | 促进血管新生 | [7] |": a Markdown pipe row
PIPE_ROW = re.compile(r"^\|.*\|$")
# "| --- | :---: | ---: |": the rule under a pipe table's header
PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# the gap between two cells of a row aligned with spaces: "骨髓    大鼠        促进血管新生"
ALIGNED_GAP = re.compile(r"\t|\s{2,}")
# "续表1", "续表 2", "表1（续）": the rest of a table on the next page
CONTINUED = re.compile(r"^(?:续表\s*(?P<num>\d{1,3})|表\s*(?P<after>\d{1,3})\s*[（(]\s*续\s*[)）])\s*$")
# "<table>...</table>" anywhere on the line
HTML_TABLE = re.compile(r"<table\b", re.I)
# a space the conversion left inside a Chinese word where a cell's line wrapped: "有核细 胞"
WRAP_SPACE = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff])")
# a caption line may not be a sentence of the body: no full stop at its end
SENTENCE_END = re.compile(r"[。！？]\s*$")


class _TableHTML(HTMLParser):
    """Collect the rows and cells (with their colspan) of HTML tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int]]] = []
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a row or a cell (reading its colspan)."""
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1

    def handle_endtag(self, tag: str) -> None:
        """Close a cell: store its text, spaces tidied."""
        if tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append((cell_text("".join(self._cell)), self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        """Collect text inside the open cell."""
        if self._cell is not None:
            self._cell.append(data)


def cell_text(text: str) -> str:
    """A cell's text on one line: white space runs as one space, none between two Chinese characters."""
    return WRAP_SPACE.sub("", re.sub(r"\s+", " ", text)).strip()


def html_rows(text: str) -> list[tuple[list[str], int]]:
    """Rows of the HTML tables in a line: each row's cells and the number of columns it spans."""
    parser = _TableHTML()
    parser.feed(text)
    parser.close()
    return [([cell for cell, _ in row], sum(span for _, span in row)) for row in parser.rows if row]


def tab_cells(text: str) -> tuple[str, ...]:
    """The cells of a tab-separated table row."""
    return tuple(cell_text(cell) for cell in text.split("\t"))


def pipe_cells(text: str) -> tuple[str, ...]:
    """The cells of a Markdown pipe row: ``"| 骨髓 | 大鼠 |"`` -> ``("骨髓", "大鼠")``."""
    return tuple(cell_text(cell) for cell in text.strip().strip("|").split("|"))


def aligned_cells(text: str) -> tuple[str, ...]:
    """The cells of a row set apart by tabs or by two spaces or more (one cell when there is no such gap)."""
    return tuple(cell_text(cell) for cell in ALIGNED_GAP.split(text.strip()))


def continued_number(text: str) -> int | None:
    """The number of the table a ``续表1`` / ``表1（续）`` line continues, or ``None``."""
    match = CONTINUED.match(text)
    return int(match.group("num") or match.group("after")) if match else None


def split_label(match: re.Match[str], expected: int, english: re.Pattern[str]) -> tuple[int, str, str | None]:
    """Number, Chinese caption and English caption of a 表/图 caption line.

    The label number may be glued to a caption starting with a digit ("表16例精液"
    is 表 1, "6例精液..."): the expected next number decides.
    """
    digits = match.group("num")
    rest = match.group("rest")
    number = int(digits)
    wanted = str(expected)
    if number != expected and digits.startswith(wanted) and len(digits) > len(wanted):
        number, rest = expected, digits[len(wanted) :] + rest
    rest = LABEL_SEP.sub("", rest, count=1)
    parts = english.split(rest, maxsplit=1)
    caption = parts[0].strip()
    caption_en = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return number, caption, caption_en


def english_caption(text: str, pattern: re.Pattern[str], label: str) -> str | None:
    """The English caption a line holds for the table or figure ``label`` (``"表 1"``, ``"图 2"``): the line
    starts with the English label of the same number."""
    match = pattern.match(text)
    if not match or label.split()[-1:] != [str(int(match.group("num")))]:
        return None
    return match.group("rest").strip() or None


def is_caption_line(text: str) -> bool:
    """True when a 表/图 line reads as a caption, not as a sentence of the body that starts with 表 or 图."""
    return not SENTENCE_END.search(text) and len(text) < 300
