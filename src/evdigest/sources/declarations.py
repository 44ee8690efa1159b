"""Declarations printed without their heading at the end of an abstract: conflicts of interest, the authors'
ties and sole responsibility, the work's funding or its absence.

A page may close an abstract with the authors' declaration and no "利益冲突声明" or "Conflict of interest"
heading above it: "作者声明不存在利益冲突。", "所有作者均声明不存在利益冲突。", "本文作者声明无利益冲突",
"The authors declare no competing interests.". Taylor & Francis prints a companion sentence after it ("The
authors report no conflicts of interest. The authors alone are responsible for the content and writing of the
paper."; in the Expert Opinion and Expert Review journals "Declaration of interest: The authors have no
relevant affiliations or financial involvement with any organization or entity with a financial interest in
or financial conflict with the subject matter ... This includes employment, consultancies, honoraria, ...",
"Funding: This paper was not funded."). Such sentences are no abstract text.

A sentence is a declaration when it opens with a statement label and something after it ("利益冲突声明：...",
"Competing interests: ...", "Declaration of interest: ...", "Disclosure statement: ...", "Reviewer disclosures:
...", "Conflict of Interest Disclosures: ...", "Funding: ...", "Financial support: ...", "基金项目：...",
"资助项目：..."), or, maybe after a label, it is one of these:

- a conflict-of-interest declaration: it opens with the authors (or the peer reviewers) as its subject ("The
  authors", "All authors", "None of the authors", "The author(s)", "The remaining authors", "Peer reviewers on
  this manuscript"; "作者", "所有作者", "全体作者", "本文作者"; "本文" or "本研究" for the paper), or with "No
  conflict of interest" reported or declared, and denies a conflict of interest: a negation ("no", "not",
  "none", "absence", "without"; "无", "不存在", "没有", "未") before a conflict term ("conflict of interest",
  "competing interests", "commercial or financial relationships", "financial involvement", "disclosures";
  "利益冲突", "利益关系"), or "nothing to disclose";
- the authors' ties to companies or payers, and who funded the work (:mod:`.disclosures`): "J.S. is a
  consultant for Abcam.", "Dr. Li reports grants from NSFC during the conduct of the study.", "This work was
  supported by the National Natural Science Foundation of China (82071234).", "作者李明为某公司顾问。";
- the companion sentences of Taylor & Francis: "The authors alone are responsible for the content and writing
  of the paper." ("作者对论文的内容和写作负全部责任。") and "This includes employment, consultancies, ...";
- a statement that the work received no funding: the paper or its authors as subject, then a denied receipt
  of a grant, funding or financial support ("This research received no specific grant from any funding
  agency ...", "The author(s) received no financial support ...", "This paper was not funded."), or "No
  funding was received."; "本研究未接受任何资助。", "本文无基金资助".

All within one sentence of a declaration's length.  A sentence of the abstract that speaks of conflicts of
interest, funding, shares or companies ("Conflicts of interest between sponsors and investigators shape trial
design.", "Pharmaceutical companies have funded several trials of MSC-EVs.") opens with no such subject, or
denies nothing, and stays.  Only declarations the abstract ends with are left out: a sentence followed by
abstract text stays, unless a statement label opens the sentences after it (the label's statement runs on to the
end: "Competing interests: A.B. holds shares in ExoBio Inc. ExoBio had no role in this review.").

Each declaration is of a kind: ``"funding"`` (a funding label, who funded the work, no funding received, the
funders' role) or ``"interests"`` (all the others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold_punctuation, half_width_alnum
from .disclosures import AUTHORS, TITLE_ABBREVIATIONS, WORK, is_funding, is_tie

# The labels of the statements a page prints after the abstract: "利益冲突", "利益声明", "Conflicts of interest",
# "Competing interests", "Declaration of competing interest", "Disclosure statement", "Reviewer disclosures"
STATEMENT_LABELS = (
    r"利益冲突|冲突声明|利益声明|披露声明|Conflicts?\s+of\s+interests?|Competing\s+interests?"
    r"|Declarations?\s+of\s+(?:competing\s+)?interests?|Disclosure\s+statements?|Reviewer\s+disclosures?"
)
# A statement's label opening the sentence, its kind in the group that matched: "利益冲突声明：", "Conflict of
# interest statement: ", "Conflict of Interest Disclosures: ", "Funding: ", "Financial support: ", "基金项目："
_LABEL = re.compile(
    rf"^(?:(?P<interests>(?:{STATEMENT_LABELS}|(?:Financial\s+)?Disclosures?|Duality\s+of\s+interests?)"
    r"(?:\s*(?:statements?|disclosures?)|声明)?)"
    r"|(?P<funding>Funding(?:\s+(?:information|sources?|statements?|details))?|Sources?\s+of\s+(?:funding|support)"
    r"|Financial\s+support|Grant\s+support|Role\s+of\s+the\s+funding\s+source|资助(?:项目|信息|来源)?"
    r"|基金(?:项目|资助|支持|信息)?|项目资助|经费(?:来源|支持)?))\s*:\s*",
    re.IGNORECASE,
)
# The subject a declaration opens with: "The authors", "All the authors", "None of the authors", "The author(s)",
# "Authors", "The remaining authors", "Peer reviewers on this manuscript"; "作者", "所有作者均", "本文作者", "全体作者",
# "其余作者", "本研究"
_SUBJECT = re.compile(
    rf"^{AUTHORS}"
    r"|^(?:the\s+)?(?:peer\s+)?reviewers?\s+(?:on|of)\s+this\s+(?:manuscript|paper|article)\b"
    r"|^(?:本文|本研究|本论文)?(?:所有|全体|全部|各位?|其他|其它|其余)?作者|^(?:本文|本研究|本论文)",
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
    r"interests?|(?:commercial|financial)\s+(?:or\s+(?:financial|other)\s+)?relationships?|financial\s+involvement"
    r"|disclosures?|conflicts?\s+to\s+(?:declare|disclose|report))"
    r"|\b(?:nothing|none)\s+to\s+(?:disclose|declare|report)\b"
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
_FUNDED = rf"(?:{WORK}|{AUTHORS})"
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
    rf"|^{WORK}\s+(?:(?:was|is)\s+(?:not\s+funded|unfunded)|has\s+not\s+been\s+funded)\b"
    r"|^no\s+(?:specific\s+|external\s+)?(?:funding|financial\s+support|grants?)\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:received|obtained|provided)\b"
    r"|^(?:本文|本研究|本论文|本工作|本综述|(?:所有|全体)?作者)均?(?:未|没有|无|并未|并无)[^。；]{0,30}?"
    r"(?:资助|经费支持|资金支持)[。；]?$",
    re.IGNORECASE,
)
# The most characters of a declaration sentence (the longest standard ones have about 200)
_LONGEST = 300
# The most characters of a labelled statement running over several sentences to the end of the line
_LONGEST_STATEMENT = 600
# The end of a sentence: a Chinese full stop (or "！？；．"), or an ASCII one before a space or the line's end
_SENTENCE_END = re.compile(r"[。！？；．]\s*|[.!?;](?:\s+|$)")
# A title a full stop never ends a sentence after: "Dr. Li", "Prof. Wang"
_TITLE = re.compile(rf"(?<![A-Za-z])(?:{TITLE_ABBREVIATIONS})$")
# A capital letter before a full stop that may be an initial, not a sentence's end: "J.S. is", "J. Smith"
_INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]$")


@dataclass(frozen=True, slots=True)
class Declaration:
    """A declaration left out of an abstract: its kind ("funding" or "interests") and its text without its label."""

    kind: str
    text: str


def declaration_kind(sentence: str, funding: bool = True, people: frozenset[str] | None = None) -> str | None:
    """The kind of declaration one sentence is (see the module's docstring), or ``None``; a funding statement
    counts only when ``funding`` is true (otherwise the line is funding text under a funding label or heading);
    ``people``, the names of the page's authors, tell a tie's subject of two names (:func:`.disclosures.is_tie`)."""
    folded = half_width_alnum(fold_punctuation(sentence)).strip()
    if not folded or len(folded) > _LONGEST:
        return None
    label = _LABEL.match(folded)
    if label and folded[label.end() :].strip():
        return label.lastgroup if funding or label.lastgroup != "funding" else None
    folded = folded[label.end() :] if label else folded
    if funding and (_NO_FUNDING.match(folded) or is_funding(folded)):
        return "funding"
    if _COMPANION.match(folded) or _DENIAL_FIRST.match(folded) or is_tie(folded, people):
        return "interests"
    return "interests" if _SUBJECT.match(folded) and _DENIAL.search(folded) else None


def trailing_declarations(
    line: str, funding: bool = True, people: frozenset[str] | None = None
) -> tuple[str, tuple[Declaration, ...]]:
    """``line`` without the declarations it ends with (all of it when it holds nothing else), and those
    declarations in order, consecutive sentences of one kind as one: "外泌体提供了一种无细胞策略。作者声明不存在利益
    冲突。" -> ("外泌体提供了一种无细胞策略。", (Declaration("interests", "作者声明不存在利益冲突。"),)); with
    ``funding`` false, a funding statement is no declaration (the line is funding text); ``people`` as for
    :func:`declaration_kind`."""
    starts = _sentence_starts(line)
    spans: list[tuple[int, int, str]] = []
    cut = len(line)
    while True:
        cut = _trailing_sentences(line, starts, cut, (funding, people), spans)
        statement = _labelled_statement(line, starts, cut, funding)
        if statement is None:
            break
        spans.insert(0, (statement[0], cut, statement[1]))
        cut = statement[0]
    return line[:cut].rstrip(), _grouped(line, spans)


def _sentence_starts(line: str) -> list[tuple[int, bool]]:
    """Where each sentence of ``line`` starts, and whether the full stop before it may be an initial's ("J.S. is")
    rather than a sentence's end; a full stop after a title ("Dr. Li") ends none."""
    text = half_width_alnum(line)
    starts = [(0, False)]
    for end in _SENTENCE_END.finditer(text):
        before = text[: end.start()]
        if end.end() >= len(text) or (end.group().startswith(".") and _TITLE.search(before)):
            continue
        starts.append((end.end(), end.group().startswith(".") and bool(_INITIAL.search(before))))
    return starts


def _trailing_sentences(
    line: str,
    starts: list[tuple[int, bool]],
    cut: int,
    reading: tuple[bool, frozenset[str] | None],
    spans: list[tuple[int, int, str]],
) -> int:
    """Where the run of declaration sentences ending at ``cut`` starts (each added to ``spans``); a sentence that
    is none after a full stop that may be an initial's is read with the text before it ("J.S." + "is a ..."); each
    sentence read by :func:`declaration_kind` with ``reading``, its ``funding`` and ``people``."""
    index = max(i for i, (start, _) in enumerate(starts) if start < cut) if cut else -1
    while index >= 0:
        start, after_initial = starts[index]
        kind = declaration_kind(line[start:cut], *reading)
        if kind is not None:
            spans.insert(0, (start, cut, kind))
            cut = start
        elif not after_initial:
            break
        index -= 1
    return cut


def _labelled_statement(line: str, starts: list[tuple[int, bool]], cut: int, funding: bool) -> tuple[int, str] | None:
    """The start and kind of the last labelled statement before ``cut``, its text running to ``cut`` within a
    statement's length ("Competing interests: A.B. holds shares in ExoBio Inc. ExoBio had no role ..."); what comes
    before it is read sentence by sentence again (a funding statement between two labelled ones is funding)."""
    for start, _ in reversed(starts):
        if start >= cut or cut - start > _LONGEST_STATEMENT:
            continue
        folded = half_width_alnum(fold_punctuation(line[start:cut]))
        label = _LABEL.match(folded)
        if label and folded[label.end() :].strip() and (funding or label.lastgroup != "funding"):
            return start, label.lastgroup
    return None


def _grouped(line: str, spans: list[tuple[int, int, str]]) -> tuple[Declaration, ...]:
    """The declarations of ``spans``, as printed: a sentence joins the one before when of its kind and not
    labelled; labels are left out of the text."""
    merged: list[list] = []  # [start of the text after its label, end, kind]
    for start, end, kind in spans:
        label = _LABEL.match(half_width_alnum(fold_punctuation(line[start:end])))
        if label is None and merged and merged[-1][2] == kind:
            merged[-1][1] = end
        else:
            merged.append([start + (label.end() if label else 0), end, kind])
    return tuple(Declaration(kind, line[start:end].strip()) for start, end, kind in merged if line[start:end].strip())
