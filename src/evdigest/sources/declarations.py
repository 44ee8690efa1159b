"""Declarations printed without their heading at the end of an abstract: conflicts of interest, the authors'
sole responsibility, the absence of funding.

A page may close an abstract with the authors' declaration and no "利益冲突声明" or "Conflict of interest"
heading above it: "作者声明不存在利益冲突。", "所有作者均声明不存在利益冲突。", "本文作者声明无利益冲突",
"The authors declare no competing interests.". Taylor & Francis prints a companion sentence after it ("The
authors report no conflicts of interest. The authors alone are responsible for the content and writing of the
paper."; in the Expert Opinion and Expert Review journals "Declaration of interest: The authors have no
relevant affiliations or financial involvement with any organization or entity with a financial interest in
or financial conflict with the subject matter ... This includes employment, consultancies, honoraria, ...",
"Funding: This paper was not funded."). Such sentences are no abstract text.

A sentence is a declaration when, maybe after a statement label ("利益冲突声明：", "Competing interests:",
"Declaration of interest:", "Disclosure statement:", "Reviewer disclosures:", "Funding:"), it is one of these:

- a conflict-of-interest declaration: it opens with the authors (or the peer reviewers) as its subject ("The
  authors", "All authors", "None of the authors", "The author(s)", "Peer reviewers on this manuscript";
  "作者", "所有作者", "全体作者", "本文作者"; "本文" or "本研究" for the paper), or with "No conflict of
  interest" reported or declared, and denies a conflict of interest: a negation ("no", "not", "none",
  "absence", "without"; "无", "不存在", "没有", "未") before a conflict term ("conflict of interest",
  "competing interests", "commercial or financial relationships", "financial involvement"; "利益冲突",
  "利益关系");
- the companion sentences of Taylor & Francis: "The authors alone are responsible for the content and writing
  of the paper." ("作者对论文的内容和写作负全部责任。") and "This includes employment, consultancies, ...";
- a statement that the work received no funding: the paper or its authors as subject, then a denied receipt
  of a grant, funding or financial support ("This research received no specific grant from any funding
  agency ...", "The author(s) received no financial support ...", "This paper was not funded."), or "No
  funding was received."; "本研究未接受任何资助。", "本文无基金资助".

All within one sentence of a declaration's length.  A sentence of the abstract that speaks of conflicts of
interest or of funding ("Conflicts of interest between sponsors and investigators shape trial design.",
"This review discusses how public agencies fund exosome trials.") opens with no such subject, or denies
nothing, and stays.  Only declarations the abstract ends with are left out: a sentence followed by abstract
text stays.
"""

from __future__ import annotations

import re

from ..text import fold_punctuation

# The labels of the statements a page prints after the abstract: "利益冲突", "利益声明", "Conflicts of interest",
# "Competing interests", "Declaration of competing interest", "Disclosure statement", "Reviewer disclosures"
STATEMENT_LABELS = (
    r"利益冲突|冲突声明|利益声明|披露声明|Conflicts?\s+of\s+interests?|Competing\s+interests?"
    r"|Declarations?\s+of\s+(?:competing\s+)?interests?|Disclosure\s+statements?|Reviewer\s+disclosures?"
)
# A statement's label opening the sentence: "利益冲突声明：", "Conflict of interest statement: ", "Funding: "
_LABEL = re.compile(
    rf"^(?:(?:{STATEMENT_LABELS})(?:\s*statements?|声明)?|Funding|资助|基金(?:项目)?)\s*:\s*", re.IGNORECASE
)
# The subject a declaration opens with: "The authors", "All the authors", "None of the authors", "The author(s)",
# "Authors", "Peer reviewers on this manuscript"; "作者", "所有作者均", "本文作者", "全体作者", "本研究"
_SUBJECT = re.compile(
    r"^(?:(?:the|all(?:\s+the)?|both|none\s+of\s+the|each\s+of\s+the)\s+)?authors?(?:\s*\(s\))?(?![a-z])"
    r"|^(?:the\s+)?(?:peer\s+)?reviewers?\s+(?:on|of)\s+this\s+(?:manuscript|paper|article)\b"
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
    r"interests?|(?:commercial|financial)\s+(?:or\s+(?:financial|other)\s+)?relationships?|financial\s+involvement)"
    r"|(?:无|不存在|没有|未|并无)[^。；]*?(?:利益冲突|利益关系)",
    re.IGNORECASE,
)
# Taylor & Francis's companion sentences: "The authors alone are responsible for the content and writing of the
# paper.", "作者对论文的内容和写作负全部责任。", "This includes employment, consultancies, honoraria, ..."
_COMPANION = re.compile(
    r"^(?:the\s+)?authors?(?:\s*\(s\))?\s+alone\s+(?:are|is)\s+responsible\s+for\s+the\s+content\s+and\s+writing\b"
    r"|^(?:本文|本论文)?(?:所有|全体)?作者[^。；]{0,6}对(?:本文|论文|文章|该文|本论文)的?内容(?:和|与|及)(?:撰写|写作)"
    r"[^。；]{0,8}负[^。；]{0,4}责"
    r"|^this\s+includes\s+employment,\s+consultancies\b",
    re.IGNORECASE,
)
# The paper or its authors as the subject of a funding statement: "This research", "The present study", "The author(s)"
_WORK = r"(?:this|the(?:\s+present)?|our)\s+(?:research|study|work|paper|article|review|manuscript|project)"
_FUNDED = rf"(?:{_WORK}|(?:(?:the|all(?:\s+the)?)\s+)?authors?(?:\s*\(s\))?)"
# A receipt denied: "received no", "did not receive", "declare that no"
_NOT_RECEIVED = (
    r"(?:(?:declare[sd]?|state[sd]?|report(?:s|ed)?|confirm(?:s|ed)?)\s+(?:that\s+)?)?"
    r"(?:(?:received|receives|obtained|had|has|have)\s+no|(?:did|does|do|has|have|had)\s+not\s+(?:receive[ds]?|obtain(?:ed)?)"
    r"|no)"
)
# What was not received, up to three words on: "no specific grant", "any funding", "no financial support"
_FUNDING_TERM = r"(?:[\w-]+\s+){0,3}?(?:grants?|funding|financial\s+support|sponsorship)\b"
# A statement that the work received no funding: "This research received no specific grant from any funding agency
# ...", "This research did not receive any specific grant ...", "The author(s) received no financial support ...",
# "The author(s) declare that no financial support was received ...", "This paper was not funded.", "No funding was
# received."; "本研究未接受任何资助", "本文无基金资助", "本研究未获得...任何资助机构的特定资助"
_NO_FUNDING = re.compile(
    rf"^{_FUNDED}\s+{_NOT_RECEIVED}\s+{_FUNDING_TERM}"
    rf"|^{_WORK}\s+(?:(?:was|is)\s+(?:not\s+funded|unfunded)|has\s+not\s+been\s+funded)\b"
    r"|^no\s+(?:specific\s+|external\s+)?(?:funding|financial\s+support|grants?)\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:received|obtained|provided)\b"
    r"|^(?:本文|本研究|本论文|本工作|本综述|(?:所有|全体)?作者)均?(?:未|没有|无|并未|并无)[^。；]{0,30}?"
    r"(?:资助|经费支持|资金支持)[。；]?$",
    re.IGNORECASE,
)
# The most characters of a declaration sentence (the longest standard ones have about 200)
_LONGEST = 300
# The end of a sentence: a Chinese full stop (or "！？；"), or an ASCII one before a space or the line's end
_SENTENCE_END = re.compile(r"[。！？；]\s*|[.!?;](?:\s+|$)")


def is_declaration(sentence: str, funding: bool = True) -> bool:
    """Whether one sentence is a declaration (see the module's docstring); a statement that the work received
    no funding counts only when ``funding`` is true (it is the funding statement under a funding heading)."""
    folded = fold_punctuation(sentence).strip()
    if not folded or len(folded) > _LONGEST:
        return False
    folded = _LABEL.sub("", folded)
    if _COMPANION.match(folded) or (funding and _NO_FUNDING.match(folded)):
        return True
    if _DENIAL_FIRST.match(folded):
        return True
    return bool(_SUBJECT.match(folded) and _DENIAL.search(folded))


def without_declarations(line: str, funding: bool = True) -> str:
    """``line`` without the declarations it ends with (all of it when it holds nothing else), as printed:
    "外泌体提供了一种无细胞策略。作者声明不存在利益冲突。" -> "外泌体提供了一种无细胞策略。"; with ``funding``
    false, a statement that the work received no funding is no declaration (the line is funding text)."""
    starts = [0] + [end.end() for end in _SENTENCE_END.finditer(line) if end.end() < len(line)]
    cut = len(line)
    for start in reversed(starts):
        if not is_declaration(line[start:cut], funding):
            break
        cut = start
    return line[:cut].rstrip()
