"""The ``platform-record`` family: an authors line, a JSON record, then plain text.

Shape (one record exported from a literature platform)::

    Yue Liu, Xingwen Chen, ...                       <- authors, given-first
    {"title":"迁移体...","doi":"10.1080/...","abstract":"<p>...","journal":{...},
     "PeriodicalIF":3.4,"resultStr":"{\\"title\\":\\"Migrasomes...\\", ...}", ...}
    Migrasomes: the "functional footprints" ...     <- English title
    Migrasomes are membrane-bound vesicles ...      <- English abstract
    期刊介绍:                                         <- journal description (not extracted)

``resultStr`` is a JSON document inside a JSON string; its values fill what the
outer record lacks.  In the plain text, the first line is the title only when it reads
as one (not a label, not a paragraph of sentences); headings naming the abstract
("Abstract", "摘要") are dropped and keyword lines ("Keywords: ...", "关键词：...") add
to the record's keywords.  Titles and abstracts are assigned to a language by their
script, wherever they sit; an abstract in HTML or JATS markup keeps its section
headings as labels.  The entry's ``year`` is that of the issue the paper is printed in, else
of its e-publication (:mod:`.platform_dates`).

The record may be pretty-printed, its keys in any order, and pasted inside Markdown code
fences (```` ```json ```` ... ```` ``` ````), which are not text.  Its authors are a string
or a JSON list of names or author objects (Semantic Scholar, Crossref, OpenAlex
shapes, with affiliations where given); when the record's list yields no author that of ``resultStr``,
else the authors line above the record, is used.  Names in Chinese in one of these and in Latin script in
another (or both in one list) are paired in order, when they are as many.  A ``journal.pages`` that is an article
number ("e12404", "106512") is ``article_number``, by the rule of ``pubmed-cn``.
A record exported as ASCII (``\\u5916`` escapes) has its Chinese written out before it is read
(:func:`written_out`), so that its script is told and its terms found as in any other record.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ParseError
from ..model import Abstracts, Affiliation, Author, Bilingual, Entry, Journal, Keywords, Link, Metrics
from ..model import Warning as EntryWarning
from ..text import cjk_ratio, has_cjk, normalize_text, one_line, shorten, strip_tags, strip_title_stop
from .abstracts import escape_loose_brackets, markup_sections
from .base import AUTHORS_CUT_SHORT, Origin
from .fields import find_pmcid, half_width_fields, is_article_number, normalize_doi, normalize_pages
from .keywords import label_language, merge_keywords, read_keywords, sort_keywords
from .names import (
    FAMILY_ORDER,
    Order,
    by_script,
    family_case,
    make_author,
    paired_in_order,
    parse_authors,
    strip_markers,
    suffix_after_family,
    unpaired,
)
from .platform_dates import record_dates

name = "platform-record"

# Keys that mark a platform record: '"title":', '"resultStr":', '"PeriodicalIF":'
_RECORD_KEYS = ("title", "authors", "doi", "abstract", "resultStr", "PeriodicalIF", "journal")
_RECORD_KEY = re.compile(r'"(?:' + "|".join(_RECORD_KEYS) + r')"\s*:')
# A line of a pretty-printed record that opens with one of those keys: '  "doi": "10.1186/..."'
_RECORD_KEY_LINE = re.compile(r'^\s*"(?:' + "|".join(_RECORD_KEYS) + r')"\s*:')
# The start of the journal description after the record: "期刊介绍:" / "Journal introduction:"
_JOURNAL_INTRO = re.compile(r"^(?:期刊介绍|期刊简介|Journal (?:introduction|description))\s*[:：]?", re.IGNORECASE)
# A Markdown code fence, the record pasted inside one: "```json", "```", "~~~ json"
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*[\w-]*\s*$")
# A line that labels what follows it: "期刊介绍:", "Abstract:", "摘要："
_LABEL_LINE = re.compile(r"[:：]\s*$")
# A line naming the abstract that follows it: "Abstract", "摘要", "【摘要】"
_ABSTRACT_HEADING = re.compile(r"^[【\[]?(?:abstract|摘\s*要)[】\]]?\s*[:：]?$", re.IGNORECASE)
# A keyword line, its label and words: "Keywords: exosomes; obesity", "关键词：外泌体；肥胖", "【关键词】外泌体"
_KEYWORD_LINE = re.compile(
    r"^[【\[]?(?P<label>key\s*words?|关键[词字])(?:[】\]]\s*[:：]?|\s*[:：])\s*(?P<words>.+)$", re.IGNORECASE
)
# A full stop inside a line before the next sentence: "migrating cells. They", "细胞器。它们"
# (not one closing a quotation: "足迹。”")
_SENTENCE_STOP = re.compile(r"(?<=[a-z0-9%)\]])\.\s+(?=[A-Z])|。(?=[^\s”’\"'）)」』】])")
# The fewest words of a Latin sentence ("Exosomes vs." is no sentence)
_SENTENCE_WORDS = 4
# The most characters of a title, in Latin and in Chinese script
_TITLE_CHARS = 300
_TITLE_CHARS_ZH = 120
# A label before the names of the authors line: "Authors: ", "Author(s): ", "作者：", "AUTHORS "
_AUTHORS_LABEL = re.compile(r"^(?:authors?(?:\s*\(s\))?|作者(?:信息)?)(?:\s*[:：]\s*|\s+)", re.IGNORECASE)
# Keys compared between the outer record and resultStr (both should agree)
_COMPARED_KEYS = ("doi", "authors", "PeriodicalIF", "publicationDate", "EPubDate", "JCR", "PeriodicalName")
# Keys holding the author list: platforms and Semantic Scholar "authors", Crossref "author", OpenAlex "authorships"
_AUTHOR_KEYS = ("authors", "author", "authorships")
# An ORCID iD, bare or in its URL: "https://orcid.org/0000-0002-1825-0097"
_ORCID = re.compile(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")
# The semicolons between names: "Liu, Yue; Chen, Xingwen", "Liu, Yue；Chen, Xingwen"
_NAME_SEMICOLON = re.compile(r"\s*[;；]\s*")
_SNIFF_LINES = 6
# How many lines of a pretty-printed record sniffing reads for a record key when the record does not parse
_SNIFF_MEMBERS = 60


def sniff(text: str) -> str | None:
    """``None`` when a JSON record with platform keys opens within the first non-blank lines, else why not.

    The record is parsed, so its keys may come in any order; a record that does not parse
    (cut short, say) still counts when a platform key opens one of its lines, so that
    :func:`parse` reports what is wrong with it.
    """
    lines = text.split("\n")
    opening = [i for i, line in enumerate(lines) if line.strip()][:_SNIFF_LINES]
    for index in opening:
        line = lines[index].strip()
        if not line.startswith("{"):
            continue
        offset = sum(len(before) + 1 for before in lines[:index]) + len(lines[index]) - len(lines[index].lstrip())
        try:
            record, _ = json.JSONDecoder().raw_decode(text, offset)
        except json.JSONDecodeError:
            if _RECORD_KEY.search(line) or (line == "{" and _pretty_record_key(lines[index + 1 :])):
                return None
            continue
        if isinstance(record, dict) and any(key in record for key in _RECORD_KEYS):
            return None
    return 'no JSON record ({"title": ..., "doi": ...}) among the first lines'


# A JSON escape of a CJK character (CJK punctuation, kana and ideographs U+3000–U+9FFF, compatibility
# ideographs, full-width forms), not an escaped backslash followed by "u": "\u5916" (group 1: the escaped
# backslashes before it, kept)
_CJK_ESCAPE = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u([3-9][0-9a-fA-F]{3}|[fF][9aA][0-9a-fA-F]{2}|[fF]{2}[0-9a-eA-E][0-9a-fA-F])"
)


def written_out(text: str) -> str:
    """A record's text with its escaped Chinese written out (``"\\u5916\\u6ccc\\u4f53"`` → ``"外泌体"``): the
    same JSON, in which reading can tell the script (a record exported as ASCII may be in Traditional
    characters) and the glossary can find its terms. Any other text is returned as it is."""
    if "\\u" not in text or sniff(text) is not None:
        return text
    written = _CJK_ESCAPE.sub(lambda m: m.group(1) + chr(int(m.group(2), 16)), text)
    return normalize_text(written) if written != text else text


def _pretty_record_key(lines: list[str]) -> bool:
    """True when a platform key opens one of the lines of the record a bare ``{`` line opens."""
    for line in lines[:_SNIFF_MEMBERS]:
        if _RECORD_KEY_LINE.match(line):
            return True
        if line.startswith("}"):  # the record's end
            return False
    return False


@dataclass
class _Record:
    outer: dict[str, Any]
    inner: dict[str, Any]
    line: int
    authors_line: str | None
    plain: list[str]
    warnings: list[EntryWarning] = field(default_factory=list)

    def get(self, key: str) -> Any:
        """The outer value of ``key``, else the one in ``resultStr``; blank strings count as missing."""
        for source in (self.outer, self.inner):
            value = source.get(key)
            if isinstance(value, str):
                value = value.strip()
            if value not in (None, "", [], {}):
                return value
        return None

    def string(self, key: str) -> str | None:
        """:meth:`get` as text; a value of the wrong JSON type (list, object, boolean) is a warning and ``None``."""
        value = self.get(key)
        text = _text(value)
        if value is not None and text is None and not isinstance(value, str):
            self.warn(
                key,
                f"the record's {key} is a JSON {type(value).__name__}, expected text",
                json.dumps(value, ensure_ascii=False)[:80],
            )
        return text

    def warn(self, field_name: str, message: str, *values: Any) -> None:
        self.warnings.append(EntryWarning(field_name, message, tuple(str(v) for v in values), self.line))


def parse(text: str, origin: Origin) -> Entry:
    """Parse a platform record into an :class:`Entry` (``id``/``slug`` left empty)."""
    record = _read_record(text, origin)
    title = _titles(record)
    abstract = _abstracts(record)
    authors, affiliations = _authors(record)
    journal, volume, issue, pages, article_number = _journal(record)
    issue_year = _journal_value(_journal_blocks(record), "year")
    dates, year = record_dates(record, issue_year, in_issue=bool(volume or issue))
    doi = normalize_doi(record.string("doi")) or normalize_doi(record.string("DOIUrl"))
    if doi is None:
        record.warn("doi", "the record gives no DOI")
    keywords = _keywords(record)
    _compare_outer_inner(record)
    entry = Entry(
        id="",
        slug="",
        source=origin.path,
        family=name,
        title=title,
        authors=authors,
        affiliations=affiliations,
        journal=journal,
        year=year,
        volume=volume,
        issue=issue,
        pages=pages,
        article_number=article_number,
        doi=doi,
        pmid=record.string("pmid") or record.string("PMID"),
        pmcid=record.string("PMCID") or find_pmcid(record.string("openAccessPdf")),
        dates=dates,
        metrics=_metrics(record),
        urls=_urls(record),
        license=record.string("license"),
        publication_type=_publication_type(record.get("publicationTypes")),
        abstract=abstract,
        keywords=keywords,
        warnings=tuple(dict.fromkeys(record.warnings)),
    )
    return half_width_fields(entry)


def _read_record(text: str, origin: Origin) -> _Record:
    lines = text.split("\n")
    start_line = next((i for i, line in enumerate(lines) if line.lstrip().startswith("{")), None)
    if start_line is None:
        raise ParseError(origin.path, 1, 'expected a JSON record starting with "{" after the authors line')
    before = [(i, line.strip()) for i, line in enumerate(lines[:start_line]) if _is_text(line)]
    offset = sum(len(line) + 1 for line in lines[:start_line]) + (
        len(lines[start_line]) - len(lines[start_line].lstrip())
    )
    try:
        outer, end = json.JSONDecoder().raw_decode(text, offset)
    except json.JSONDecodeError as err:
        line = text.count("\n", 0, err.pos) + 1
        cut = err.pos >= len(text.rstrip()) or text[err.pos] == "\n" or err.msg.startswith("Unterminated string")
        what = "truncated (it stops before its closing brace)" if cut else "invalid"
        raise ParseError(origin.path, line, f"the JSON record is {what}: {err.msg} (column {err.colno})") from err
    inner = _inner_record(outer.get("resultStr"), origin, start_line + 1)
    plain = [line.strip() for line in text[end:].split("\n") if _is_text(line)]
    authors_line = _AUTHORS_LABEL.sub("", before[-1][1]) if before else None
    record = _Record(outer, inner, start_line + 1, authors_line, plain)
    if len(before) > 1:
        record.warnings.append(_ignored_text_warning(before[:-1]))
    return record


def _is_text(line: str) -> bool:
    """True for a line around the record that holds text: neither blank nor a Markdown code fence."""
    return bool(line.strip()) and not _FENCE.match(line)


def _ignored_text_warning(ignored: list[tuple[int, str]]) -> EntryWarning:
    """The warning for lines above the authors line (0-based indexes), shortened, at the first of them."""
    message = "text before the authors line was ignored (expected only the authors line above the JSON record)"
    return EntryWarning("source", message, tuple(shorten(text) for _, text in ignored), ignored[0][0] + 1)


def _inner_record(value: Any, origin: Origin, line: int) -> dict[str, Any]:
    """The nested ``resultStr`` record (a JSON string, or already an object); ``{}`` when absent."""
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise ParseError(origin.path, line, f"resultStr should hold a JSON string, found {type(value).__name__}")
    try:
        inner = json.loads(value)
    except json.JSONDecodeError as err:
        raise ParseError(
            origin.path, line, f"resultStr holds invalid JSON: {err.msg} (character {err.pos} of resultStr)"
        ) from err
    if not isinstance(inner, dict):
        raise ParseError(origin.path, line, f"resultStr should hold a JSON object, found {type(inner).__name__}")
    return inner


def _text(value: Any) -> str | None:
    """A JSON string or number as one line of plain text (tags dropped, a ``<`` that opens none kept);
    ``None`` for anything else (null, lists, objects, booleans)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = one_line(strip_tags(escape_loose_brackets(str(value))))
    return text or None


def _titles(record: _Record) -> Bilingual:
    candidates = [record.outer.get("title"), record.inner.get("title"), record.get("TitleCN"), record.get("TitleEN")]
    candidates.append(_plain_title(record.plain))
    en = zh = None
    for candidate in candidates:
        text = _text(candidate) if isinstance(candidate, str) else None
        if not text:
            continue
        if has_cjk(text) and zh is None:
            zh = strip_title_stop(text)
        elif not has_cjk(text) and en is None:
            en = strip_title_stop(text)
    if en is None:
        record.warn("title.en", "the record gives no English title")
    if zh is None:
        record.warn("title.zh", "the record gives no Chinese title")
    return Bilingual(en=en, zh=zh)


def _plain_title(plain: list[str]) -> str | None:
    """The first line of the plain text after the record when it reads as a title: not a label
    ("期刊介绍:", "Abstract", "Keywords: ...") nor a paragraph of sentences, which is the abstract."""
    if not plain or _is_label(plain[0]):
        return None
    line = plain[0]
    if len(line) > (_TITLE_CHARS_ZH if has_cjk(line) else _TITLE_CHARS) or _holds_sentences(line):
        return None
    return line


def _is_label(line: str) -> bool:
    """True for a line of the plain text that labels what follows or lists keywords, no title or abstract."""
    return any(pattern.search(line) for pattern in (_LABEL_LINE, _JOURNAL_INTRO, _ABSTRACT_HEADING, _KEYWORD_LINE))


def _holds_sentences(line: str) -> bool:
    """True when a sentence ends inside ``line`` and another follows: "Migrasomes are organelles that
    form on fibers. They mediate communication." (a Chinese one ends at "。"; a Latin one has
    at least four words, so that "Exosomes vs. microvesicles" is one phrase)."""
    start = 0
    for stop in _SENTENCE_STOP.finditer(line):
        sentence = line[start : stop.start()]
        if stop.group().startswith("。") or len(sentence.split()) >= _SENTENCE_WORDS:
            return True
        start = stop.end()
    return False


def _abstracts(record: _Record) -> Abstracts:
    candidates = [
        record.outer.get("abstract"),
        record.inner.get("abstract"),
        record.get("AbstractTextCN"),
        record.get("AbstractTextEN"),
    ]
    plain = _plain_abstract(record.plain)
    candidates.append("\n".join(line for line in plain if cjk_ratio(line) < 0.3))
    candidates.append("\n".join(line for line in plain if cjk_ratio(line) >= 0.3))
    en = zh = ()
    for candidate in candidates:
        if not isinstance(candidate, str) or not candidate.strip():
            continue
        sections = markup_sections(candidate)
        if not sections:
            continue
        if cjk_ratio(" ".join(f"{s.label or ''} {s.text}" for s in sections)) >= 0.3:
            zh = zh or sections
        else:
            en = en or sections
    if not en:
        record.warn("abstract.en", "the record gives no English abstract")
    if not zh:
        record.warn("abstract.zh", "the record gives no Chinese abstract")
    return Abstracts(en=en, zh=zh)


def _plain_body(plain: list[str]) -> list[str]:
    """The lines of the plain text after the record that follow its title line, if any, up to 期刊介绍."""
    body: list[str] = []
    for line in plain[1 if _plain_title(plain) else 0 :]:
        if _JOURNAL_INTRO.match(line):
            break
        body.append(line)
    return body


def _plain_abstract(plain: list[str]) -> list[str]:
    """The abstract paragraphs of the plain text after the record: its body without the headings that
    name the abstract ("Abstract", "摘要") and the keyword lines."""
    return [line for line in _plain_body(plain) if not _ABSTRACT_HEADING.match(line) and not _KEYWORD_LINE.match(line)]


def _plain_keywords(plain: list[str]) -> list[Keywords]:
    """The keyword lists of the plain text after the record, each read in its label's language."""
    matches = (_KEYWORD_LINE.match(line) for line in _plain_body(plain))
    return [read_keywords(match["words"], label_language(match["label"])) for match in matches if match]


@dataclass
class _AuthorList:
    """One list of the record's authors as read: the record's own, that of ``resultStr`` or the authors line."""

    authors: tuple[Author, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    et_al: bool = False
    text: str | None = None  # as printed, for warnings
    place: str = "the authors line"  # where it is printed, for warnings

    @property
    def script(self) -> str | None:
        """``"latin"`` or ``"chinese"`` when every name is in that script, else ``None`` (both, or none)."""
        latin, chinese = by_script(self.authors)
        return "latin" if latin and not chinese else "chinese" if chinese and not latin else None


def _authors(record: _Record) -> tuple[tuple[Author, ...], tuple[Affiliation, ...]]:
    """The record's author list (with the affiliations it gives), else that of ``resultStr``, else the
    authors line above the record; its names paired in order with the same authors' names in the other script.

    The list is a string ("Yue Liu, Kai Zhao") or a JSON list of names or of objects
    (Semantic Scholar ``{"name"}``, Crossref ``{"given", "family", "affiliation"}``, OpenAlex
    ``{"author": {"display_name"}, "institutions"}``).  A list that yields no author never
    hides the authors line.  Chinese names in one place and Latin ones in another (the record's
    authors "刘悦, 陈兴文", and those of ``resultStr`` or of the authors line "Yue Liu, Xingwen Chen"), or
    both in one list, are the same authors, paired in order as the ``pubmed-cn`` reader pairs them; lists
    of different lengths cannot be paired, and the list used is kept as it is, with a warning.
    """
    order = FAMILY_ORDER[name]
    outer, inner = _listed_authors(record, record.outer, order), _listed_authors(record, record.inner, order)
    line_authors, line_et_al = _author_text(record.authors_line, order) if record.authors_line else ((), False)
    line = _AuthorList(line_authors, (), line_et_al, record.authors_line)
    used = next((listed for listed in (outer, inner, line) if listed.authors), None)
    if used is None:
        record.warn("authors", "the record gives no authors")
        return (), ()
    other = _other_script(used, [inner, line])
    same = other if other is not None and line.script == other.script else used  # the record's, in its script
    if line.authors and line not in (used, other) and _names(same.authors) != _names(line.authors):
        record.warn(
            "authors",
            "the authors line and the record's authors differ; the record's list is used",
            line.text,
            same.text,
        )
    if used.et_al:
        record.warn("authors", AUTHORS_CUT_SHORT, used.text)
    return _paired(record, used, other)


def _listed_authors(record: _Record, source: dict[str, Any], order: Order) -> _AuthorList:
    """The authors under the first author key ``source`` (the record, or ``resultStr``) gives; a value
    that yields no author is a warning."""
    key = next((key for key in _AUTHOR_KEYS if source.get(key) not in (None, "", [], {})), "authors")
    listed = source.get(key)
    place = "the record's authors" if source is record.outer else "the authors of resultStr"
    result = _AuthorList(place=place)
    if isinstance(listed, str):
        authors, et_al = _author_text(listed, order)
        result = _AuthorList(authors, (), et_al, listed, place)
    elif isinstance(listed, list):
        authors, affiliations, et_al = _author_list(listed, order)
        printed = ", ".join(a.name or a.name_zh or "" for a in authors)
        result = _AuthorList(authors, affiliations, et_al, printed, place)
    if listed is not None and not result.authors:
        where = "" if source is record.outer else " in resultStr"
        record.warn(
            "authors",
            f"no author could be read from the record's {key}{where} (a JSON {type(listed).__name__})",
            json.dumps(listed, ensure_ascii=False)[:80],
        )
    return result


def _other_script(used: _AuthorList, others: list[_AuthorList]) -> _AuthorList | None:
    """The list among ``others`` of the same authors in the other script than ``used``: one of as many
    names if there is one, else the first."""
    candidates = [
        other for other in others if other is not used and used.script and other.script not in (None, used.script)
    ]
    same_length = [other for other in candidates if len(other.authors) == len(used.authors)]
    return (same_length or candidates or [None])[0]


def _paired(
    record: _Record, used: _AuthorList, other: _AuthorList | None
) -> tuple[tuple[Author, ...], tuple[Affiliation, ...]]:
    """The authors of ``used`` paired in order with their names in the other script, in ``used`` itself
    (a list holding both) or in ``other``; ``used`` as it is, with a warning, when they are not as many.

    The affiliations are those of ``used``, else those of ``other`` (its authors' indexes point into them)."""
    authors, affiliations = used.authors, used.affiliations
    if other is not None:
        if used.affiliations:
            authors += tuple(dataclasses.replace(a, affiliations=()) for a in other.authors)
        else:
            authors, affiliations = authors + other.authors, other.affiliations
    latin, chinese = by_script(authors)
    if not latin or not chinese:
        return used.authors, used.affiliations
    paired = paired_in_order(latin, chinese)
    if paired is None:
        kept = "both kept as printed" if other is None else f"{used.place} kept as printed"
        record.warn("authors", unpaired(latin, chinese, kept), *(x.text for x in (used, other) if x and x.text))
        return used.authors, used.affiliations
    return paired, affiliations


def _author_text(text: str, order: Order) -> tuple[tuple[Author, ...], bool]:
    """The authors of a printed list and whether it ends in "et al.", by :func:`parse_authors`; but names
    between semicolons that each hold one comma are family-first, one name each ("Liu, Yue; Chen, Xingwen"
    is Liu Yue and Chen Xingwen, not four names), as a name written with a comma always is."""
    names = [name for name in _NAME_SEMICOLON.split(text.strip()) if name]
    et_al = bool(names) and parse_authors(names[-1], order) == ((), True)
    if et_al:
        names.pop()
    if len(names) < 2 or any(name.count(",") != 1 for name in names):
        return parse_authors(text, order)
    return tuple(make_author(plain, order, numbers, mark) for plain, numbers, mark in map(strip_markers, names)), et_al


def _names(authors: tuple[Author, ...]) -> list[tuple[str, str]]:
    """The authors' family and given names for comparing two lists ("Zhao, Kai" is "Kai Zhao");
    spacing and case ignored."""
    return [(one_line(a.family or "").casefold(), one_line(a.given or "").casefold()) for a in authors]


def _author_list(items: list[Any], order: Order) -> tuple[tuple[Author, ...], tuple[Affiliation, ...], bool]:
    """Authors from a JSON list of names or author objects, the affiliations they give, and whether the
    list ends in "et al."."""
    authors: list[Author] = []
    affiliations: list[Affiliation] = []
    et_al = False
    for item in items:
        if isinstance(item, dict):
            author, places = _author_object(item, order), _affiliation_names(item)
        else:
            text = _text(item) if isinstance(item, str) else None
            author, places = (make_author(text, order) if text else None), []
        if author is not None and not author.name_zh and parse_authors(author.name, order) == ((), True):
            et_al, author = True, None  # "et al." closing the list
        if author is None:
            continue
        indexes = []
        for place in places:
            affiliation = Affiliation(zh=place) if has_cjk(place) else Affiliation(en=place)
            if affiliation not in affiliations:
                affiliations.append(affiliation)
            indexes.append(affiliations.index(affiliation))
        authors.append(dataclasses.replace(author, affiliations=tuple(dict.fromkeys(indexes))))
    return tuple(authors), tuple(affiliations), et_al


def _author_object(item: dict[str, Any], order: Order) -> Author | None:
    """One author object: ``{"name"}``, ``{"display_name"}``, ``{"given", "family"}`` (with Crossref's
    ``"suffix"`` after the family name), ``{"author": {...}}``."""
    person = item.get("author") if isinstance(item.get("author"), dict) else item
    given, family = _text(person.get("given")), _text(person.get("family"))
    suffix = _text(person.get("suffix"))
    family, given = suffix_after_family(f"{family} {suffix}" if family and suffix else family, given)
    orcid = _ORCID.search(str(person.get("orcid") or person.get("ORCID") or ""))
    orcid_id = orcid.group() if orcid else None
    if family:
        if has_cjk(family + (given or "")):
            return Author(name="", name_zh=family + (given or ""), family=family, given=given, orcid=orcid_id)
        full = f"{given} {family}" if given else family
        return Author(name=full, family=family_case(family, given), given=given, orcid=orcid_id)
    full = _text(person.get("name")) or _text(person.get("display_name")) or _text(person.get("raw_author_name"))
    if not full:
        return None
    return dataclasses.replace(make_author(full, order), orcid=orcid_id)


def _affiliation_names(item: dict[str, Any]) -> list[str]:
    """The affiliations an author object gives: Crossref ``affiliation: [{"name"}]``, Semantic Scholar
    ``affiliations: ["..."]``, OpenAlex ``institutions: [{"display_name"}]`` (or its raw strings)."""
    found: list[str] = []
    for key in ("affiliation", "affiliations", "institutions", "raw_affiliation_strings"):
        value = item.get(key)
        for place in value if isinstance(value, list) else [value]:
            if isinstance(place, dict):
                place = place.get("name") or place.get("display_name")
            text = _text(place)
            if text:
                found.append(text)
        if found:
            break
    return list(dict.fromkeys(found))


def _journal(record: _Record) -> tuple[Journal, str | None, str | None, str | None, str | None]:
    """The journal, volume, issue, pages and article number; the record's ``pages`` is an article
    number ("e12404", "106512") by the rule the ``pubmed-cn`` family reads its citations with.

    Each value is the outer record's, else that of ``resultStr`` (a blank value counts as missing).
    """
    blocks = _journal_blocks(record)
    values: dict[str, str | None] = {}
    for key in ("volume", "issue", "pages"):
        values[key] = _journal_value(blocks, key)
        blank = _blank_value(blocks, key)
        if values[key] is None and blank is not None:
            record.warn(f"{key}", f"the record's journal {key} is blank", repr(blank))
    journal_name = _journal_value(blocks, "name") or record.string("PeriodicalName")
    if journal_name is None:
        record.warn("journal.name", "the record gives no journal name")
    journal = Journal(name=journal_name, issn=_journal_value(blocks, "issn") or record.string("ISSN"))
    pages = normalize_pages(values["pages"])
    if pages and is_article_number(pages):
        return journal, values["volume"], values["issue"], None, pages
    return journal, values["volume"], values["issue"], pages, None


def _journal_blocks(record: _Record) -> list[dict[str, Any]]:
    """The ``journal`` objects of the outer record and of ``resultStr``, in that order; a journal
    given as text is an object with that name."""
    blocks = []
    for source in (record.outer, record.inner):
        block = source.get("journal")
        if isinstance(block, dict):
            blocks.append(block)
        elif block is not None:
            blocks.append({"name": block})
    return blocks


def _journal_value(blocks: list[dict[str, Any]], key: str) -> str | None:
    """The first of the journal objects' ``key`` values that is text (or a number) and not blank."""
    return next((text for text in (_text(block.get(key)) for block in blocks) if text), None)


def _blank_value(blocks: list[dict[str, Any]], key: str) -> str | None:
    """The first of the journal objects' ``key`` values that is spaces only (``"volume": " "``)."""
    return next((raw for raw in (block.get(key) for block in blocks) if isinstance(raw, str) and raw.isspace()), None)


def _metrics(record: _Record) -> Metrics:
    return Metrics(
        impact_factor=_number(record.get("PeriodicalIF"), float),
        jcr_quartile=record.string("JCR"),
        jcr_category=record.string("JCRName"),
        cas_region=_number(record.get("RegionNum"), int),
        cas_category=record.string("RegionCategory"),
        citation_count=_number(record.get("citationCount"), int),
    )


def _number(value: Any, kind: type) -> Any:
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if kind is int else number


def _urls(record: _Record) -> tuple[Link, ...]:
    links: list[Link] = []
    pdf = record.string("openAccessPdf")
    for key, rel in (
        ("ListUrlMain", "landing"),
        ("url", "landing"),
        ("DOIUrl", "doi"),
        ("openAccessPdf", "open-access-pdf"),
    ):
        url = record.string(key)
        if not url or not url.startswith(("http://", "https://")):
            continue
        if rel == "landing" and normalize_doi(url) and "doi.org/" in url:
            rel = "doi"
        if all(link.url != url for link in links):
            links.append(Link(rel=rel, url=url))
    open_access = record.get("isOpenAccess")
    if open_access is False and pdf:
        record.warn(
            "urls", "the record says isOpenAccess=false but gives an open-access PDF link", "isOpenAccess=false", pdf
        )
    if open_access is True and not pdf:
        record.warn("urls", "the record says isOpenAccess=true but gives no open-access PDF link", "isOpenAccess=true")
    return tuple(links)


def _keywords(record: _Record) -> Keywords:
    """The record's keyword lists, each read in its key's language (``KeywordsCN`` Chinese, Latin terms
    such as "PD-L1" included; ``keywords`` English), see :mod:`evdigest.sources.keywords`, followed by
    the keyword lines of the plain text after the record ("Keywords: ...", "关键词：...")."""
    lists = []
    for key, lang in (("keywords", "en"), ("Keywords", "en"), ("KeywordsCN", "zh"), ("keywordsCN", "zh")):
        value = record.get(key)
        if isinstance(value, list):  # one keyword an item, commas inside it included
            lists.append(sort_keywords((word for word in map(_text, value) if word), lang))
        elif isinstance(value, str) and value.strip():
            lists.append(read_keywords(value, lang))
    keywords = merge_keywords(*lists, *_plain_keywords(record.plain))
    if not keywords.en:
        record.warn("keywords.en", "the record gives no English keywords")
    if not keywords.zh:
        record.warn("keywords.zh", "the record gives no Chinese keywords")
    return keywords


def _publication_type(value: Any) -> str | None:
    if isinstance(value, list):
        value = "; ".join(text for text in map(_text, value) if text)
    return _text(value)


def _compare_outer_inner(record: _Record) -> None:
    """Warn where the outer record and ``resultStr`` give different values for the same key (not for the
    authors given in Chinese in one and in Latin script in the other, which are paired)."""
    for key in _COMPARED_KEYS:
        outer, inner = record.outer.get(key), record.inner.get(key)
        if outer in (None, "") or inner in (None, ""):
            continue
        if key == "authors" and has_cjk(str(outer)) != has_cjk(str(inner)):
            continue
        if one_line(str(outer)).lower() != one_line(str(inner)).lower():
            record.warn(key, f"the record and its resultStr give different {key}", outer, inner)
