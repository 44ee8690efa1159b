"""Keyword lists of a full text that the PDF conversion wrapped inside a keyword.

A line that stops without a separator is carried on by a short line holding none
("关键词：外泌体；调控机制；工程化" / "外泌体", "...; engineered" / "exosome"): the
end of the keyword it cuts, joined as text is (no space between Chinese
characters, one between words, none after a hyphen: "angio-" / "genesis").

A Chinese list printed with spaces only does not show whether a break between two
lines is a separator: "糖尿病" / "创面 血管新生" may be one keyword or two. The
English list decides when only one reading gives the two lists the same length:
all breaks inside keywords, none, or of several lines the breaks most like a cut
word, when they alone are as many as the English list asks ("细胞外" / "囊泡", a
character alone at the break, before "糖尿病创面" / "血管新生"); otherwise the
break is inside a keyword only when jieba reads one word across it ("间充质干细" /
"胞": 干细胞), and two words each whole on their side ("外泌体" / "分子标志物")
stay two keywords.

A line of the body printed under the list with no blank line between is no more
keywords, though it holds a comma ("关键词：工程化外泌体" / "外泌体是由细胞分泌的膜性
囊泡，起源于内体"): it reads as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .fulltext_headings import read_heading
from .fulltext_labels import is_page_head, is_running_head
from .fulltext_text import CJK_CHAR, cjk_count, cut_latin_word, join_text
from .keywords import SENTENCE, SEPARATOR

# the longest line read as the end of a wrapped keyword list: "分子标志物", "nanoparticle tracking analysis"
MAX_TAIL = 40
# the most Chinese characters of a keyword's word: "间充质干细胞来源细胞外囊泡"
MAX_TAIL_WORD = 15

# the most words of an English keyword: "secretion or release", "nanoparticle tracking analysis"
MAX_KEYWORD_WORDS = 6
# the predicate of a clause, which no keyword holds: "外泌体是由细胞分泌的", "起源于内体", "Exosomes are"
PREDICATE = re.compile(r"是由|是一种|是一类|是指|起源于|\b(?:is|are|was|were)\b")
# 为 as a copula ("外泌体为直径30~150 nm的膜性囊泡"), not in a word ("行为", "作为")
COPULA = re.compile(r"(?<![行作成认因称])为[^;；,，、]*的")
# the 以 of 以…为, which a keyword may hold ("以患者为中心的护理"): before 为, in the same keyword
FRAME = re.compile(r"以[^;；,，、]*$")
# the opening of a sentence, which no keyword holds either: "近年来，", "研究表明"
OPENING = re.compile(r"近年来|研究表明")
SEMICOLON = re.compile(r"[;；]")
COMMA = re.compile(r"[,，]")


def reads_as_body(text: str, listed: str) -> bool:
    """True for a line under the keyword list ``listed`` (its lines so far, the line read after them) that reads
    as a sentence of the body: it holds a clause's predicate (:func:`_predicate`) or a sentence's opening
    (:data:`OPENING`), a piece longer than a keyword (:func:`_longer_than_keyword`), or commas and no semicolon
    under a list separated by semicolons ("…；工程化外泌体" / "外泌体在组织再生中的作用，").
    """
    if _predicate(listed + text, len(listed), anywhere=True) or OPENING.search(text):
        return True
    if any(_longer_than_keyword(piece) for piece in SEPARATOR.split(text)):
        return True
    return bool(
        SEMICOLON.search(listed) and not COMMA.search(listed) and COMMA.search(text) and not SEMICOLON.search(text)
    )


def _longer_than_keyword(piece: str) -> bool:
    """True for a piece of text between separators longer than a keyword: a word of over :data:`MAX_TAIL_WORD`
    Chinese characters, or over :data:`MAX_KEYWORD_WORDS` words of English (of any length: "microenvironment",
    "immunohistochemistry")."""
    if any(cjk_count(word) > MAX_TAIL_WORD for word in piece.split()):
        return True
    return not cjk_count(piece) and len(piece.split()) > MAX_KEYWORD_WORDS


def opens_with_predicate(text: str, before: str) -> bool:
    """True for a line that carries on a sentence the line ``before`` it opens ("是由多种细胞分泌的膜性囊泡，"
    after "外泌体"): it starts with a clause's predicate, read after that line ("以患者" / "为中心的护理" holds
    none)."""
    return _predicate(before + text, len(before), anywhere=False)


def _predicate(text: str, start: int, anywhere: bool) -> bool:
    """Whether ``text`` holds a clause's predicate (:data:`PREDICATE`, or :data:`COPULA` with no :data:`FRAME`
    before it) from ``start`` on (``anywhere``) or right at ``start``."""
    if (PREDICATE.search if anywhere else PREDICATE.match)(text, start):
        return True
    found = COPULA.finditer(text, start) if anywhere else [COPULA.match(text, start)]
    copulas = [copula for copula in found if copula]
    return any(not FRAME.search(text[: copula.start()]) for copula in copulas)


def is_keyword_tail(text: str, marked: bool) -> bool:
    """True for a line that may end a keyword list wrapped inside a keyword (``marked``: a Markdown heading
    line): short, no separator, no sentence, no piece longer than a keyword (:func:`_longer_than_keyword`), no
    heading ("引言", "1 材料与方法"), no running head."""
    if marked or len(text) > MAX_TAIL or SEPARATOR.search(text) or SENTENCE.search(text):
        return False
    if _longer_than_keyword(text):
        return False
    return read_heading(text, False, None) is None and not is_running_head(text) and not is_page_head(text)


def join_keyword_lines(texts: Sequence[str], lang: str, paired: int | None) -> str:
    """The text of a keyword list printed over the lines ``texts`` (the first one without its label).

    A Chinese list printed with spaces only is joined as the module docstring says, ``paired`` being the
    length of the English list (``None`` without one); any other list is joined as text is.
    """
    parts = [text.strip() for text in texts if text.strip()]
    if lang != "zh" or len(parts) < 2 or any(SEPARATOR.search(part) for part in parts):
        joined = ""
        for part in parts:
            joined = join_text(joined, part)
        return joined
    inside = _breaks_inside(parts, paired)
    joined = parts[0]
    for part, cut in zip(parts[1:], inside, strict=True):
        joined = joined + ("" if cut else " ") + part
    return joined


def _breaks_inside(parts: Sequence[str], paired: int | None) -> list[bool]:
    """For each break between two of the lines ``parts`` of a Chinese list printed with spaces only, whether
    it falls inside a keyword: as the English list's length tells (:func:`_breaks_to_cut`), else where jieba reads
    a word across it."""
    scores = [_cut_score(left.split()[-1], right.split()[0]) for left, right in zip(parts, parts[1:], strict=False)]
    count = sum(len(part.split()) for part in parts)
    told = _breaks_to_cut(scores, count - paired) if paired is not None else None
    return told if told is not None else [score == _WORD_ACROSS for score in scores]


def _breaks_to_cut(scores: Sequence[int], cuts: int) -> list[bool] | None:
    """The breaks that fall inside a keyword when ``cuts`` of them do, the English list's length less the words
    printed: all, none, or the ``cuts`` breaks most like a cut word by their ``scores`` (:func:`_cut_score`) when
    those are the only ones (a word across before a character alone before neither); ``None`` when no or more
    than one choice gives the lists one length."""
    if not 0 <= cuts <= len(scores):
        return None
    ranked = sorted(scores, reverse=True)
    if 0 < cuts < len(scores) and ranked[cuts - 1] == ranked[cuts]:
        return None
    least = ranked[cuts - 1] if cuts else _WORD_ACROSS + 1
    return [score >= least for score in scores]


# How like a word cut a break is: jieba reads a word across it, or a character alone beside it
_WORD_ACROSS, _CHARACTER_ALONE = 2, 1


def _cut_score(left: str, right: str) -> int:
    """How like a word cut the break between ``left`` and ``right``, both Chinese, is: :data:`_WORD_ACROSS` when
    jieba reads a word across it ("间充质干细" + "胞": 干细胞, "分子标" + "志物": 标志物), :data:`_CHARACTER_ALONE`
    when it reads a character alone at it, the piece of a word it does not know ("细胞外" + "囊泡"), else 0
    ("外泌体" + "分子标志物", "糖尿病创面" + "血管新生"). The words come from the active segmentation
    (:func:`.glossary.word_tokens`), kept with the source's others. A Latin word cut after Chinese characters
    (:func:`~evdigest.sources.fulltext_text.cut_latin_word`: "微小R" + "NA") is a word across too."""
    if cut_latin_word(left, right):
        return _WORD_ACROSS
    if not (CJK_CHAR.match(left[-1]) and CJK_CHAR.match(right[0])):
        return 0
    from ..enrich.glossary import word_tokens

    tokens = word_tokens(left + right)
    if any(token.start < len(left) < token.start + len(token.word) for token in tokens):
        return _WORD_ACROSS
    at_break = [token for token in tokens if token.start + len(token.word) == len(left) or token.start == len(left)]
    return _CHARACTER_ALONE if any(len(token.word) == 1 for token in at_break) else 0
