"""Titles, abstracts and keywords of a ``platform-record``: the record's and those of the plain text after it.

The record's ``title`` and ``abstract`` (outer, then ``resultStr``), ``TitleCN``/``TitleEN`` and
``AbstractTextCN``/``AbstractTextEN`` and the plain text are assigned to a language by their script,
wherever they sit; the first of each language is used.  An abstract in HTML or JATS markup keeps its
section headings as labels.  In the plain text (up to the journal description, "期刊介绍:"), the first
line is the title only when it reads as one (not a label, not a paragraph of sentences); headings naming
the abstract ("Abstract", "摘要") are dropped, and keyword lines ("Keywords: ...", "关键词：...") add to
the record's keyword lists (``keywords``, ``KeywordsCN``).
"""

from __future__ import annotations

import re

from ..model import Abstracts, Bilingual, Keywords
from ..text import cjk_ratio, has_cjk, strip_title_stop
from .abstracts import markup_sections
from .keywords import label_language, merge_keywords, read_keywords, sort_keywords
from .platform_json import Record, json_text

# The start of the journal description after the record: "期刊介绍:" / "Journal introduction:"
_JOURNAL_INTRO = re.compile(r"^(?:期刊介绍|期刊简介|Journal (?:introduction|description))\s*[:：]?", re.IGNORECASE)
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


def record_titles(record: Record) -> Bilingual:
    """The English and Chinese titles: the first of the record's titles and the plain text's title line in
    each script, a closing full stop dropped."""
    candidates = [record.outer.get("title"), record.inner.get("title"), record.get("TitleCN"), record.get("TitleEN")]
    candidates.append(_plain_title(record.plain))
    en = zh = None
    for candidate in candidates:
        text = json_text(candidate) if isinstance(candidate, str) else None
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


def record_abstracts(record: Record) -> Abstracts:
    """The English and Chinese abstracts: the first of the record's abstracts and the plain text's abstract
    paragraphs in each script, read into sections."""
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


def record_keywords(record: Record) -> Keywords:
    """The record's keyword lists, each read in its key's language (``KeywordsCN`` Chinese, Latin terms
    such as "PD-L1" included; ``keywords`` English), see :mod:`evdigest.sources.keywords`, followed by
    the keyword lines of the plain text after the record ("Keywords: ...", "关键词：...")."""
    lists = []
    for key, lang in (("keywords", "en"), ("Keywords", "en"), ("KeywordsCN", "zh"), ("keywordsCN", "zh")):
        value = record.get(key)
        if isinstance(value, list):  # one keyword an item, commas inside it included
            lists.append(sort_keywords((word for word in map(json_text, value) if word), lang))
        elif isinstance(value, str) and value.strip():
            lists.append(read_keywords(value, lang))
    keywords = merge_keywords(*lists, *_plain_keywords(record.plain))
    if not keywords.en:
        record.warn("keywords.en", "the record gives no English keywords")
    if not keywords.zh:
        record.warn("keywords.zh", "the record gives no Chinese keywords")
    return keywords
