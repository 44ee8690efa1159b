"""The front matter of a journal full text: titles, authors, abstracts, keywords and where the body starts.

The front matter runs from the top of the text to the last keyword line (and the
labelled lines right after it, such as Funding and How to cite).  Its parts come
in a loose order and may interleave: in the sample the English abstract is cut
by a block of Chinese author notes, so each abstract keeps only the paragraphs
written in its own language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Abstracts, Affiliation, Author, Bilingual, Definition, Keywords, Link, Warning
from . import fulltext_authors as fa
from .fulltext_abstracts import (
    EN_LABEL,
    ZH_LABEL,
    abstract_paragraphs,
    abstract_sections,
    read_definitions,
    split_keywords,
)
from .fulltext_keywords import is_keyword_tail, join_keyword_lines, opens_with_predicate, reads_as_body
from .fulltext_labels import (
    CORRESPONDING_EN,
    CORRESPONDING_ZH,
    DEFINITIONS,
    DOI,
    EN_ABSTRACT,
    EN_KEYWORDS,
    EN_KEYWORDS_INLINE,
    ORCID,
    ZH_ABSTRACT,
    ZH_KEYWORDS,
    find_first,
    is_labelled,
    is_running_head,
    wrapped_lines,
)
from .fulltext_text import Line, cjk_count, is_cjk_text, is_latin_text, join_text, strip_title
from .keywords import SENTENCE, SEPARATOR

# "外泌体分泌调控机制及...": a line of Chinese at least this long can be a title
MIN_TITLE_CJK = 5
# an author line that stops on a separator goes on after a blank line: "张伟, 李娜,"
NAME_LIST_OPEN = (",", "，", "、", ";", "；")
# the number opening a reference: "[1] ", "［2］", "3. ", "4: ", "（5）"
NUMBERED_REFERENCE = re.compile(r"^(?:[-*]\s*)?(?:[\[［(（]\s*\d{1,3}\s*[\]］)）]|\d{1,3}\s*[.．:：、])")
# a title is printed on at most this many lines
MAX_TITLE_LINES = 3
# a numbered affiliation line: "1南方医科大学...", "1. 北京大学...", "（1北京交通大学"
AFFILIATION_START = re.compile(r"^[（(]?\s*\d")
# a Chinese postcode: "510515"
POSTCODE = re.compile(r"\d{6}")
# what an affiliation holds and a title does not: a postcode or a comma ("南方医科大学, 广东省广州市 510515")
POSTCODE_OR_COMMA = re.compile(r"\d{6}|[,，]")
# an English title line that stops on a small word or a colon, so the next line carries it on: "... healing by"
OPEN_TITLE_END = re.compile(r"(?:\b(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|via|with)|[:\-–—])$", re.I)
# a line made only of a postcode or page number continuing the line before: "510515"
DIGITS_ONLY = re.compile(r"^[\d\s)）]+$")
# a word of 25+ letters with no space: text the conversion glued together
GLUED_WORD = re.compile(r"[A-Za-z]{25,}")
# an English author line starts with a capital, maybe after the particles of a family name: "Lyu Ruyue, ...",
# "van der Berg J, ..."
STARTS_UPPER = re.compile(rf"{fa.PARTICLE_WORD}*[A-Z]")
# how far into the body first-page footnotes (收稿日期, 基金项目, 作者简介, 通信作者) are looked for: lines of text
FOOTNOTE_REACH = 20


@dataclass(slots=True)
class Markers:
    """Indexes of the labelled front-matter lines (``None`` when absent)."""

    zh_abstract: int | None
    en_abstract: int | None
    zh_keywords: int | None
    en_keywords: int | None
    definitions: int | None


@dataclass(slots=True)
class Front:
    """Everything read from the front matter."""

    title: Bilingual = field(default_factory=Bilingual)
    authors: list[Author] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    abstract: Abstracts = field(default_factory=Abstracts)
    keywords: Keywords = field(default_factory=Keywords)
    definitions: tuple[Definition, ...] = ()
    urls: list[Link] = field(default_factory=list)
    body_start: int = 0
    footnotes: tuple[Line, ...] = ()
    """First-page footnotes the conversion placed in the body (:func:`body_footnotes`), read as front matter."""
    used: set[int] = field(default_factory=set)
    """Line numbers the front matter has already accounted for."""

    def without_footnotes(self, lines: Sequence[Line]) -> list[Line]:
        """``lines`` (of the body) with the footnote lines blank."""
        moved = {line.number for line in self.footnotes}
        return [Line(line.number, "") if line.number in moved else line for line in lines]


def find_markers(lines: list[Line], stop: int) -> Markers:
    """Where the abstracts, keyword lines and 文题释义 are (searched before the reference list)."""
    return Markers(
        find_first(lines, ZH_ABSTRACT, 0, stop),
        find_first(lines, EN_ABSTRACT, 0, stop),
        find_first(lines, ZH_KEYWORDS, 0, stop),
        find_first(lines, EN_KEYWORDS, 0, stop),
        find_first(lines, DEFINITIONS, 0, stop),
    )


def body_start(lines: list[Line], marks: Markers, stop: int) -> int:
    """Index of the first body line: after the last abstract or keyword line (with the lines a keyword list
    wraps onto) and the labelled lines following it."""
    keyword_lines = [i for i in (marks.zh_keywords, marks.en_keywords) if i is not None]
    ends = [i for i in (marks.zh_keywords, marks.en_keywords, marks.zh_abstract, marks.en_abstract) if i is not None]
    if not ends:
        return 0
    wrapped = {j for i in keyword_lines for j in keyword_continuation(lines, i, stop)} | carried_lines(lines, stop)
    index = max(ends) + 1
    while index < stop and (
        not lines[index].text or index in wrapped or _front_line(lines[index].text, bool(keyword_lines))
    ):
        index += 1
    return index


def keyword_continuation(lines: list[Line], index: int, stop: int) -> list[int]:
    """The lines a keyword list at ``index`` wraps onto: each next line, with no blank line between, in the
    list's script, no label, no sentence, when the line before ends with a separator or the line holds one
    ("【关键词】间充质干细胞；细胞外囊泡；" / "糖尿病创面；血管新生"), or when it ends a keyword the line before
    cuts (:func:`.fulltext_keywords.is_keyword_tail`, "工程化" / "外泌体") and the list ends with it or the
    lines after it that are such ends too."""
    found: list[int] = []
    previous = lines[index].text
    for j in range(index + 1, stop):
        text = lines[j].text
        if not _keyword_line(lines, index, j):
            break
        if not (
            SEPARATOR.search(previous.rstrip()[-1:]) or SEPARATOR.search(text) or _keyword_end(lines, index, j, stop)
        ):
            break
        found.append(j)
        previous = text
    return found


def _keyword_line(lines: list[Line], index: int, j: int) -> bool:
    """Whether line ``j`` may carry on the keyword list at ``index``: a line like a list's
    (:func:`_list_like_line`) that does not read as a sentence of the body
    (:func:`.fulltext_keywords.reads_as_body`: "外泌体是由细胞分泌的膜性囊泡，起源于内体")."""
    return _list_like_line(lines, index, j) and not reads_as_body(
        lines[j].text, "".join(line.text for line in lines[index:j])
    )


def _list_like_line(lines: list[Line], index: int, j: int) -> bool:
    """Whether line ``j`` is text in the script of the keyword list at ``index``, short, with no label and no
    sentence's stop."""
    text = lines[j].text
    if not text or _front_line(text, False) or _labelled_front(text) or SENTENCE.search(text):
        return False
    return len(text) <= 100 and bool(cjk_count(text)) == is_cjk_text(lines[index].text)


def _keyword_end(lines: list[Line], index: int, j: int, stop: int) -> bool:
    """Whether line ``j`` ends a keyword cut at the end of the line before, with the lines after it up to a
    blank line, another part of the front matter or a line in the other script such ends too, or a line of the
    body that starts a sentence of its own ("新生" / "近年来，外泌体…"); one carrying on a sentence they open
    ("外泌体" / "是由多种细胞分泌的膜性囊泡，") makes them the body's."""
    for k in range(j, stop):
        if k > j and not _keyword_line(lines, index, k):
            return not (_list_like_line(lines, index, k) and opens_with_predicate(lines[k].text, lines[k - 1].text))
        if not is_keyword_tail(lines[k].text, lines[k].heading):
            return False
    return True


def carried_lines(lines: list[Line], stop: int) -> set[int]:
    """Indexes of the lines that carry on a labelled line other than an abstract or keyword label (funding,
    author notes) before ``stop`` (:func:`.fulltext_labels.wrapped_lines`)."""
    region = lines[:stop]
    labelled = [i for i, line in enumerate(region) if line.text and is_labelled(line.text)]
    return {j for i in labelled if not _labelled_front(region[i].text) for j in wrapped_lines(region, i)}


def body_footnotes(lines: list[Line], start: int, stop: int) -> list[int]:
    """Indexes of the first-page footnotes (labelled lines such as "收稿日期：…", "基金项目：…", "作者简介：…",
    "*通信作者：…", with the lines they wrap onto) the conversion placed among the first lines of the body
    (from ``start``, before ``stop``)."""
    region = lines[:stop]
    found: list[int] = []
    texts = [i for i in range(start, stop) if region[i].text][:FOOTNOTE_REACH]
    for index in texts:
        text = region[index].text
        if index not in found and is_labelled(text) and not _labelled_front(text) and not DEFINITIONS.match(text):
            found.extend([index, *wrapped_lines(region, index)])
    return found


def _labelled_front(text: str) -> bool:
    """A line starting a part of the front matter: an abstract or keyword label."""
    return any(p.match(text) for p in (ZH_ABSTRACT, EN_ABSTRACT, ZH_KEYWORDS, EN_KEYWORDS))


def _front_line(text: str, keywords_seen: bool) -> bool:
    """A line that still belongs to the front matter after the last abstract or keyword label."""
    if is_labelled(text):
        return True
    return not keywords_seen and bool(ZH_LABEL.match(text) or EN_LABEL.match(text))


def read_front(lines: list[Line], stop: int, warnings: list[Warning], tail: Sequence[Line] = ()) -> Front:
    """Read the front matter of the text (lines before index ``stop``, the reference heading).

    ``tail`` is the English front matter some journals print after the reference list
    (see :func:`find_english_tail`); it is read as if it followed the Chinese front matter.
    """
    marks = find_markers(lines, stop)
    front = Front(body_start=body_start(lines, marks, stop))
    front.footnotes = tuple(lines[i] for i in body_footnotes(lines, front.body_start, stop))
    region = lines[: front.body_start] + list(front.footnotes) + list(tail)
    if tail:
        marks = _with_tail_markers(region, marks, front.body_start)
    zh_title = _title_span(region, _zh_title(region, marks), _zh_continues)
    en_title = _title_span(region, _en_title(region, marks, zh_title[-1] if zh_title else None), _en_continues)
    front.title = Bilingual(en=_title_text(region, en_title), zh=_title_text(region, zh_title))
    front.used.update(region[i].number for i in zh_title + en_title)
    front.used.update(line.number for line in region if line.text and is_running_head(line.text))
    front.used.update(region[i].number for i in carried_lines(region, len(region)))
    _read_definitions(lines, marks, front, warnings)
    _read_abstracts(region, marks, front, warnings)
    _read_authors(region, zh_title, en_title, front, warnings)
    _read_people_notes(region, front, warnings)
    _report_missing(front, warnings)
    return front


def _with_tail_markers(region: list[Line], marks: Markers, start: int) -> Markers:
    """The markers with the English abstract and keywords of the tail (from index ``start`` of ``region``)."""
    return dataclasses.replace(
        marks,
        en_abstract=marks.en_abstract if marks.en_abstract is not None else find_first(region, EN_ABSTRACT, start),
        en_keywords=marks.en_keywords if marks.en_keywords is not None else find_first(region, EN_KEYWORDS, start),
    )


def find_english_tail(lines: list[Line], heading: int) -> int | None:
    """Index of the English title that starts an English front matter printed after the reference list.

    Such a block starts with an English title line followed by author names or the abstract,
    and holds an ``Abstract`` or ``Key words`` line; ``None`` when the text has none, or already
    has an English abstract before the references.
    """
    if find_first(lines, EN_ABSTRACT, 0, heading) is not None:
        return None
    found = (find_first(lines, EN_ABSTRACT, heading + 1), find_first(lines, EN_KEYWORDS, heading + 1))
    ends = [i for i in found if i is not None]
    if not ends:
        return None
    end = min(ends)
    for index in range(heading + 1, end):
        text = lines[index].text
        if not text or NUMBERED_REFERENCE.match(text) or not _could_be_en_title(text):
            continue
        span = _title_span(lines, index, _en_continues)
        following = _next_text_index(lines, span[-1], len(lines))
        if following == end or (following is not None and _is_latin_name_line(lines[following].text)):
            return index
    return None


def _zh_title(region: list[Line], marks: Markers) -> int | None:
    limit = min(
        [i for i in (marks.zh_abstract, marks.definitions, marks.en_abstract) if i is not None] or [len(region)]
    )
    limit = min(limit, len(region))
    candidates = [i for i in range(limit) if cjk_count(region[i].text) >= MIN_TITLE_CJK and _title_like(region[i].text)]
    headings = [i for i in candidates if region[i].heading and i < 10]
    if headings:
        return headings[0]
    plain = [i for i in candidates if not fa.is_zh_author_line(region[i].text) and not DOI.search(region[i].text)]
    return plain[0] if plain else None


def _title_like(text: str) -> bool:
    """A line that may hold a title: not a labelled line, nor a running header of the journal's pages."""
    return not is_labelled(text) and not is_running_head(text)


def _title_span(region: list[Line], start: int | None, continues: Callable[[Line, Line], bool]) -> list[int]:
    """The indexes of a title's lines: the first, and up to two more when the title wraps onto them."""
    if start is None:
        return []
    span = [start]
    while len(span) < MAX_TITLE_LINES:
        following = _next_title_line(region, span[-1])
        if following is None or not continues(region[span[-1]], region[following]):
            break
        span.append(following)
    return span


def _next_title_line(region: list[Line], index: int) -> int | None:
    """The line that may continue a title: the very next one, or the next Markdown heading after blank lines."""
    if index + 1 < len(region) and region[index + 1].text:
        return index + 1
    following = next((i for i in range(index + 1, len(region)) if region[i].text), None)
    if following is not None and region[index].heading and region[following].heading:
        return following
    return None


def _title_text(region: list[Line], span: list[int]) -> str | None:
    if not span:
        return None
    text = ""
    for index in span:
        text = join_text(text, strip_title(region[index].text))
    return strip_title(text)


def _zh_continues(title: Line, line: Line) -> bool:
    """True when ``line`` carries on a Chinese title ("...调控巨噬细胞极化" / "促进糖尿病创面愈合的研究进展")."""
    text = line.text
    if not is_cjk_text(text) or title.text.endswith(("。", ".")) or not _title_like(text):
        return False
    if fa.is_zh_author_line(text) or DOI.search(text) or AFFILIATION_START.match(text):
        return False
    return not (fa.INSTITUTION_ZH.search(text) and POSTCODE_OR_COMMA.search(text))


def _en_continues(title: Line, line: Line) -> bool:
    """True when ``line`` carries on an English title: it starts in lowercase, or the title stops on a small word."""
    text = line.text
    if not is_latin_text(text, 3) or not _title_like(text) or "http" in text or DOI.search(text):
        return False
    if text[0].islower():
        return True
    return bool(OPEN_TITLE_END.search(title.text)) and len(fa.split_author_line(text)) == 1


def _en_title(region: list[Line], marks: Markers, zh_title: int | None) -> int | None:
    after = max([i for i in (marks.zh_keywords, marks.zh_abstract, zh_title) if i is not None] or [-1])
    stop = marks.en_abstract if marks.en_abstract is not None and marks.en_abstract > after else len(region)
    for start in (after + 1, 0):
        for index in range(start, min(stop, len(region))):
            text = region[index].text
            if _could_be_en_title(text):
                return index
    return None


def _could_be_en_title(text: str) -> bool:
    if not is_latin_text(text) or not _title_like(text) or "http" in text or DOI.search(text):
        return False
    if fa.INSTITUTION_EN.search(text) and "," in text:
        return False
    names = [t for t in fa.split_author_line(text) if fa.legible_latin(t.text)]
    return len(text.split()) >= 3 and len(names) < 3


def _read_definitions(lines: list[Line], marks: Markers, front: Front, warnings: list[Warning]) -> None:
    if marks.definitions is None:
        return
    end = marks.definitions + 1
    while end < len(lines) and not (lines[end].text and is_labelled(lines[end].text)):
        end += 1
    block = lines[marks.definitions + 1 : end]
    front.definitions = read_definitions(block, warnings)
    front.used.update(line.number for line in block if line.text)


def _region_end(lines: list[Line], start: int, keyword_line: int | None) -> int:
    if keyword_line is not None and keyword_line > start:
        return keyword_line
    end = start + 1
    while end < len(lines) and not (
        lines[end].text and (ZH_KEYWORDS.match(lines[end].text) or EN_KEYWORDS.match(lines[end].text))
    ):
        end += 1
    return end


def _read_abstracts(lines: list[Line], marks: Markers, front: Front, warnings: list[Warning]) -> None:
    zh_sections: tuple = ()
    en_sections: tuple = ()
    zh_keywords: tuple[str, ...] = ()
    en_keywords: tuple[str, ...] = ()
    if marks.zh_abstract is not None:
        zh_sections = _one_abstract(lines, marks.zh_abstract, marks.zh_keywords, "zh", front)
    if marks.en_abstract is not None:
        en_sections, inline_keywords = _en_abstract(lines, marks, front)
        if inline_keywords and marks.en_keywords is None:
            en_keywords = split_keywords(inline_keywords, "en", lines[marks.en_abstract].number, warnings)
    if marks.en_keywords is not None:
        en_keywords = _keyword_list(lines, marks.en_keywords, EN_KEYWORDS, "en", front, warnings)
    if marks.zh_keywords is not None:
        # an English list printed without separators ("Tumor exosome molecular marker") tells no length
        paired = len(en_keywords) if len(en_keywords) > 1 or (en_keywords and " " not in en_keywords[0]) else None
        zh_keywords = _keyword_list(lines, marks.zh_keywords, ZH_KEYWORDS, "zh", front, warnings, paired)
    front.abstract = Abstracts(en=en_sections, zh=zh_sections)
    front.keywords = Keywords(en=en_keywords, zh=zh_keywords)
    if zh_keywords and en_keywords and len(zh_keywords) != len(en_keywords):
        en_line = marks.en_keywords if marks.en_keywords is not None else marks.en_abstract
        counts = (str(len(zh_keywords)), str(len(en_keywords)))
        message = "Chinese and English keyword lists differ in length"
        warnings.append(Warning("keywords", message, counts, lines[en_line].number if en_line is not None else None))


def _keyword_list(
    lines: list[Line],
    index: int,
    label: re.Pattern[str],
    lang: str,
    front: Front,
    warnings: list[Warning],
    paired: int | None = None,
) -> tuple[str, ...]:
    """The keywords of the labelled line at ``index`` and of the lines it wraps onto (:func:`keyword_continuation`),
    ``paired`` being the length of the list in the other language (:func:`.fulltext_keywords.join_keyword_lines`)."""
    wrapped = keyword_continuation(lines, index, len(lines))
    first = label.match(lines[index].text).group("rest")
    text = join_keyword_lines([first, *(lines[j].text for j in wrapped)], lang, paired)
    front.used.update(lines[j].number for j in (index, *wrapped))
    return split_keywords(text, lang, lines[index].number, warnings)


def _one_abstract(lines: list[Line], start: int, keyword_line: int | None, lang: str, front: Front) -> tuple:
    end = _region_end(lines, start, keyword_line)
    first = ZH_ABSTRACT.match(lines[start].text).group("rest")
    paragraphs, used = abstract_paragraphs(_abstract_block(lines, start, end), first, lang, front.used)
    front.used.update(used)
    front.used.add(lines[start].number)
    return abstract_sections(paragraphs, lang)


def _abstract_block(lines: list[Line], start: int, end: int) -> list[Line | None]:
    """The lines after an abstract label up to ``end``, a labelled line (author note, funding) as ``None``."""
    return [None if is_labelled(line.text) else line for line in lines[start + 1 : end]]


def _en_abstract(lines: list[Line], marks: Markers, front: Front) -> tuple[tuple, str | None]:
    start = marks.en_abstract
    end = _region_end(lines, start, marks.en_keywords)
    first = EN_ABSTRACT.match(lines[start].text).group("rest")
    inline_keywords = None
    texts, used = abstract_paragraphs(_abstract_block(lines, start, end), first, "en", front.used)
    for index, text in enumerate(texts):
        match = EN_KEYWORDS_INLINE.search(text)
        if match:
            inline_keywords = match.group("rest")
            texts[index] = text[: match.start()]
    front.used.add(lines[start].number)
    front.used.update(used)
    paragraphs = [t for t in texts if t.strip()]
    return abstract_sections(paragraphs, "en"), inline_keywords


def _read_authors(
    lines: list[Line], zh_title: list[int], en_title: list[int], front: Front, warnings: list[Warning]
) -> None:
    author_lines = _author_lines(lines, zh_title, en_title, len(lines))
    authors = fa.build_authors(author_lines, warnings)
    front.authors = authors
    front.used.update(author_lines.numbers)
    en_text = author_lines.en
    extra_en = fa.author_line_remainder(en_text, len(authors)) if en_text and authors else ""
    front.affiliations = _affiliations(lines, extra_en, front, warnings)
    front.authors = fa.assign_affiliations(authors, len(front.affiliations))
    if not authors:
        expected = _next_text_index(lines, (zh_title or en_title or [None])[-1], len(lines))
        line = author_lines.zh_line or (lines[expected].number if expected is not None else None)
        message = "no author line found after the title (expected names separated by commas)"
        warnings.append(Warning("authors", message, (), line))


def _author_lines(lines: list[Line], zh_title: list[int], en_title: list[int], stop: int) -> fa.AuthorLines:
    """The Chinese author line (after the Chinese title) and the English one (after the English title).

    Either may wrap onto following lines; those are joined to it.
    """
    zh_index = _next_text_index(lines, zh_title[-1] if zh_title else None, stop)
    zh_text = _strip_leading_doi(lines[zh_index].text) if zh_index is not None else None
    if zh_text is not None and not fa.is_zh_author_line(zh_text):
        zh_index, zh_text = None, None
    en_index = _next_text_index(lines, en_title[-1] if en_title else None, stop)
    en_text = lines[en_index].text if en_index is not None else None
    if en_text is not None and not _starts_with_latin_name(en_text):
        en_index, en_text = None, None
    zh_more = _wrapped_author_lines(lines, zh_index, stop, _is_zh_name_line)
    en_more = _wrapped_author_lines(lines, en_index, stop, _is_latin_name_line)
    return fa.AuthorLines(
        _join_names(zh_text, lines, zh_more),
        lines[zh_index].number if zh_index is not None else None,
        _join_names(en_text, lines, en_more),
        lines[en_index].number if en_index is not None else None,
        tuple(lines[i].number for i in zh_more + en_more),
    )


def _starts_with_latin_name(text: str) -> bool:
    """A line that may be the English author line: it opens on a legible name, not a label or an institution."""
    if is_labelled(text) or not STARTS_UPPER.match(text):
        return False
    tokens = fa.split_author_line(text)
    name = fa.legible_latin(tokens[0].text) if tokens else None
    return bool(name) and not fa.INSTITUTION_EN.search(name or "")


def _wrapped_author_lines(
    lines: list[Line], index: int | None, stop: int, is_names: Callable[[str], bool]
) -> list[int]:
    """The lines an author line wraps onto: the very next ones (or any after a line ending in a comma) naming
    authors only."""
    more: list[int] = []
    while index is not None:
        following = _next_text_index(lines, index, stop)
        adjacent = following == index + 1 or lines[index].text.endswith(NAME_LIST_OPEN)
        if following is None or not adjacent or is_labelled(lines[following].text):
            break
        if not is_names(lines[following].text):
            break
        more.append(following)
        index = following
    return more


def _is_zh_name_line(text: str) -> bool:
    """A line of Chinese author names ("孙波, 胡霞"), no institution or postcode."""
    return (
        fa.is_zh_author_line(text)
        and not fa.INSTITUTION_ZH.search(text)
        and not POSTCODE_OR_COMMA.search(text.replace(",", "").replace("，", ""))
    )


def _is_latin_name_line(text: str) -> bool:
    """A line of Latin author names only ("Sun Bo, Hu Xia"), no institution."""
    tokens = fa.split_author_line(text)
    if not tokens or fa.INSTITUTION_EN.search(text) or not STARTS_UPPER.match(text):
        return False
    return all(fa.legible_latin(t.text) == t.text for t in tokens)


def _join_names(text: str | None, lines: list[Line], more: list[int]) -> str | None:
    """An author line with the lines it wraps onto, joined by commas."""
    for index in more:
        text = f"{(text or '').rstrip().rstrip(',，、;；')}, {lines[index].text}"
    return text


def _next_text_index(lines: list[Line], index: int | None, stop: int) -> int | None:
    if index is None:
        return None
    for position in range(index + 1, min(stop, len(lines))):
        if lines[position].text:
            return position
    return None


def _strip_leading_doi(text: str) -> str:
    match = DOI.match(text)
    return text[match.end() :].strip() if match else text


def _affiliations(region: list[Line], extra_en: str, front: Front, warnings: list[Warning]) -> list[Affiliation]:
    """Affiliation lines anywhere in the front matter (Chinese and English), paired into :class:`Affiliation`."""
    zh_runs: list[str] = []
    en_runs: list[str] = []
    previous: list[str] | None = None
    for line in region:
        text = line.text
        if not text or line.number in front.used or is_labelled(text) or _is_author_note(text, front):
            previous = None if text else previous
            continue
        if previous and (DIGITS_ONLY.match(text) or previous[-1].rstrip().endswith((",", "，", ";", "；"))):
            previous[-1] = previous[-1].rstrip() + text.strip()
        elif is_cjk_text(text) and fa.INSTITUTION_ZH.search(text):
            zh_runs.append(text)
            previous = zh_runs
        elif is_latin_text(text) and fa.INSTITUTION_EN.search(text):
            previous = None
            if GLUED_WORD.search(text):
                warnings.append(
                    Warning("affiliations", "English affiliation damaged by the conversion", (text,), line.number)
                )
                continue
            en_runs.append(text)
            previous = en_runs
        else:
            previous = None
            continue
        front.used.add(line.number)
    if extra_en and fa.INSTITUTION_EN.search(extra_en):
        en_runs.append(CORRESPONDING_EN.sub("", extra_en).strip())
    zh = [p for run in zh_runs for p in fa.split_affiliations(run, "zh")]
    en = [p for run in en_runs for p in fa.split_affiliations(run, "en")]
    return fa.pair_affiliations(zh, en)


def _is_author_note(text: str, front: Front) -> bool:
    """A biography line of an author ("Lyu Ruyue, Master candidate, ...")."""
    return any(a.name and text.startswith(a.name + ",") for a in front.authors)


def _read_people_notes(region: list[Line], front: Front, warnings: list[Warning]) -> None:
    """Mark the corresponding authors (every one the note names), then attach printed ORCIDs to the authors they name."""
    for line in region:
        corresponding = CORRESPONDING_ZH.match(line.text) or CORRESPONDING_EN.search(line.text)
        for who in fa.note_clauses(corresponding.group("rest")) if corresponding else ():
            _mark(front, who, lambda a: dataclasses.replace(a, corresponding=True))
    for line in region:
        orcid = ORCID.search(line.text)
        if orcid:
            _attach_orcid(front, orcid, line, warnings)


def _attach_orcid(front: Front, match: re.Match[str], line: Line, warnings: list[Warning]) -> None:
    """Attach an ORCID to the author named after it, else to the only corresponding author."""
    orcid, who = match.group("id"), (match.group("who") or "").strip()
    front.urls.append(Link("orcid", f"https://orcid.org/{orcid}", who or None))
    if not who:
        corresponding = [a for a in front.authors if a.corresponding]
        who = (corresponding[0].name_zh or corresponding[0].name) if len(corresponding) == 1 else ""
    if not (who and _mark(front, who, lambda a: dataclasses.replace(a, orcid=orcid))):
        warnings.append(Warning("authors.orcid", "ORCID printed without a matching author", (orcid, who), line.number))


def _mark(front: Front, who: str, change: Callable[[Author], Author]) -> bool:
    """Apply ``change`` to the author named ``who`` (Chinese or Latin name); False when no author matches."""
    squashed = fa.squash(who)
    for index, author in enumerate(front.authors):
        names = {fa.squash(author.name), (author.name_zh or "").replace(" ", "")}
        if squashed and (squashed in names or who.replace(" ", "") in names):
            front.authors[index] = change(author)
            return True
    return False


def _report_missing(front: Front, warnings: list[Warning]) -> None:
    checks = (
        ("title.zh", front.title.zh, "no Chinese title found"),
        ("title.en", front.title.en, "no English title found"),
        ("abstract.zh", front.abstract.zh, "no Chinese abstract found"),
        ("abstract.en", front.abstract.en, "no English abstract found"),
        ("keywords.zh", front.keywords.zh, "no Chinese keywords found"),
        ("keywords.en", front.keywords.en, "no English keywords found"),
        ("affiliations", front.affiliations, "no affiliations found"),
    )
    for name, value, message in checks:
        if not value:
            warnings.append(Warning(name, message))
