"""Conflict-of-interest declarations printed without their heading, at the end of an abstract.

A page may close an abstract with the authors' declaration and no "利益冲突声明" or "Conflict of interest"
heading above it: "作者声明不存在利益冲突。", "所有作者均声明不存在利益冲突。", "本文作者声明无利益冲突",
"The authors declare no competing interests.". Such a sentence is no abstract text.

A sentence is a declaration when, maybe after a statement label ("利益冲突声明：", "Competing interests:"),
it opens with the authors as its subject ("The authors", "All authors", "None of the authors", "The
author(s)"; "作者", "所有作者", "全体作者", "本文作者"; "本文" or "本研究" for the paper), or with "No
conflict of interest" reported or declared, and denies a conflict of interest: a negation ("no", "not",
"none", "absence", "without"; "无", "不存在", "没有", "未") before a conflict term ("conflict of interest",
"competing interests", "commercial or financial relationships"; "利益冲突", "利益关系"), all within one
sentence of a declaration's length.  A sentence of the abstract that speaks of conflicts of interest
("Conflicts of interest between sponsors and investigators shape trial design.") opens with no such
subject, or denies nothing, and stays.
"""

from __future__ import annotations

import re

from ..text import fold_punctuation

# The labels of the statements a page prints after the abstract: "利益冲突", "Conflicts of interest",
# "Competing interests", "Declaration of competing interest"
STATEMENT_LABELS = (
    r"利益冲突|冲突声明|Conflicts?\s+of\s+interests?|Competing\s+interests?"
    r"|Declarations?\s+of\s+(?:competing\s+)?interests?"
)
# A statement's label opening the sentence: "利益冲突声明：", "Conflict of interest statement: "
_LABEL = re.compile(rf"^(?:{STATEMENT_LABELS})(?:\s*statements?|声明)?\s*:\s*", re.IGNORECASE)
# The subject a declaration opens with: "The authors", "All the authors", "None of the authors", "The author(s)",
# "Authors"; "作者", "所有作者均", "本文作者", "全体作者", "本研究"
_SUBJECT = re.compile(
    r"^(?:(?:the|all(?:\s+the)?|both|none\s+of\s+the|each\s+of\s+the)\s+)?authors?(?:\s*\(s\))?(?![a-z])"
    r"|^(?:本文|本研究|本论文)?(?:所有|全体|全部|各位?)?作者|^(?:本文|本研究|本论文)",
    re.IGNORECASE,
)
# A declaration opening with what is denied: "No potential conflict of interest was reported by the author(s)."
_DENIAL_FIRST = re.compile(
    r"^no\s+(?:potential\s+|known\s+)?(?:conflicts?\s+of\s+interests?|competing\s+(?:financial\s+)?interests?)"
    r".*\b(?:reported|declared|disclosed|exists?)\b",
    re.IGNORECASE,
)
# A negation followed, in the same sentence, by a conflict of interest: "no competing interests", "in the
# absence of any commercial or financial relationships", "不存在任何可能被视为潜在利益冲突"
_DENIAL = re.compile(
    r"\b(?:no|not|none|nothing|absence|without)\b.*?(?:conflicts?\s+of\s+interests?|competing\s+(?:financial\s+)?"
    r"interests?|(?:commercial|financial)\s+(?:or\s+financial\s+)?relationships?)"
    r"|(?:无|不存在|没有|未|并无)[^。；]*?(?:利益冲突|利益关系)",
    re.IGNORECASE,
)
# The most characters of a declaration sentence (the longest standard ones have about 200)
_LONGEST = 300
# The end of a sentence: a Chinese full stop (or "！？；"), or an ASCII one before a space or the line's end
_SENTENCE_END = re.compile(r"[。！？；]\s*|[.!?;](?:\s+|$)")


def is_declaration(sentence: str) -> bool:
    """Whether one sentence is a conflict-of-interest declaration (see the module's docstring)."""
    folded = fold_punctuation(sentence).strip()
    if not folded or len(folded) > _LONGEST:
        return False
    folded = _LABEL.sub("", folded)
    if _DENIAL_FIRST.match(folded):
        return True
    return bool(_SUBJECT.match(folded) and _DENIAL.search(folded))


def without_declarations(line: str) -> str:
    """``line`` without the declarations it ends with (all of it when it holds nothing else), as printed:
    "外泌体提供了一种无细胞策略。作者声明不存在利益冲突。" -> "外泌体提供了一种无细胞策略。"."""
    starts = [0] + [end.end() for end in _SENTENCE_END.finditer(line) if end.end() < len(line)]
    cut = len(line)
    for start in reversed(starts):
        if not is_declaration(line[start:cut]):
            break
        cut = start
    return line[:cut].rstrip()
