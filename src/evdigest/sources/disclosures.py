"""Disclosures printed without their heading at the end of an abstract: the authors' ties to companies and the
work's funding.

Besides denying conflicts (:mod:`.declarations`), a page may close an abstract with what the authors declare:
"J.S. is a consultant for Abcam.", "A.B. holds shares in ExoBio Inc.", "J.S. has received speaker fees from
Novartis.", "Dr. Li reports grants from NSFC during the conduct of the study.", "The authors declare the following
competing interests: ...", "作者李明为某公司顾问。"; or who funded the work: "This work was supported by the National
Natural Science Foundation of China (82071234).", "Supported by grants from the NIH (R01CA123456).", "本研究由国家
自然科学基金(81971234)资助。", and the funders' companion sentence "The funders had no role in study design ...".

A tie is a person or the authors as subject (initials "J.S.", "J.-P.D.", "JS"; "J. Smith", "John Smith", "Smith
J", two names not opened by a word of a sentence such as "Recently" or "Both", one of them an author's
where the authors are known ("Thermo Fisher holds patents" is no tie); a title and a name "Dr. Li", "Prof.
Wang Li"; "The authors", "One of the authors (J.S.)", "The corresponding author"; several joined by commas and
"and"; "作者李明", "本文通讯作者") followed by a relation to a company or a payer: a role ("is a consultant for",
"are employees of", "serves on the advisory board of"; "为...顾问"; a role science text gives too, inventor,
editor, director, speaker, president or owner, only on a patent or with a company's name after it: "is an inventor
on a patent", "is a director of ExoBio Inc."), a holding ("holds shares in", "has a patent"; "持有...股份"), a
payment received ("has received speaker fees from", "reports grants from"; "获得...咨询费") or a declared interest
("declare the following competing interests", "have declared competing interests", "have the following competing
interests"; interests between others are no tie: "report the financial relationships between sponsors and
investigators").

Funding is the work ("This work", "The present study"), or no subject, supported or funded by a funder named right
after "by", "through" or "under", an article and a few words of its name before it (a grant, fund, foundation,
programme, project, council, agency, ministry, institute, award, NIH, NSFC, or a grant number): "supported by the
National Natural Science Foundation of China", "funded in part by grants from"; data, evidence, findings or results
there are no funder ("supported by data from the UK Biobank project"), and a sentence opening with the participle
that goes on to a main clause is none ("Supported by grants from the NIH, the consortium has built an atlas.").  The
authors acknowledging support, with a funder in the sentence, is funding too.  A sentence of the abstract that
speaks of funding, shares or companies ("Pharmaceutical companies have funded several trials of MSC-EVs.", "Hans
Clevers is the inventor of organoid technology.") has no such subject or relation and stays.
"""

from __future__ import annotations

import re

# The paper as a subject: "This research", "The present study", "Our work"
WORK = r"(?:this|the(?:\s+present)?|our)\s+(?:research|study|work|paper|article|review|manuscript|project)"
# The authors as a subject: "The authors", "All the authors", "None of the authors", "The author(s)", "The remaining
# authors", "One of the authors (J.S.)", "The corresponding author"
AUTHORS = (
    r"(?:(?:the|all(?:\s+the)?|all\s+other|both|none\s+of\s+the|each\s+of\s+the|(?:the\s+)?(?:remaining|other|"
    r"corresponding|first|senior|last)|(?:one|two|three|several|some)(?:\s+of\s+the)?)\s+)?(?:co-?)?authors?"
    r"(?:\s*\(s\))?(?![a-z])"
)
# A word of a name: "Smith", "Jean-Pierre", "O'Brien"
_NAME = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?"
# A capitalised word opening a sentence that is no given name: "Recently Lonza", "Both Novartis", "Many Companies"
_NO_GIVEN_NAME = (
    r"(?!(?:The|This|These|Those|That|Its|Our|Their|Such|Other|Some|Several|Many|Most|Both|All|Each|Every|Few"
    r"|Recently|Currently|Previously|Formerly|Today|Now|Later|Since|Then|Thus|Hence|However|Moreover|Notably"
    r"|Similarly|Likewise|Also|Here|There|Yet|Still|In|At|On|For|From|By|With|As|After|Before|When|While"
    r"|Although|Though|If|Because|Meanwhile|Instead|Indeed|Finally|Overall|Together|Nevertheless)\b)"
)
# A person's title printed abbreviated, a full stop after it closing no sentence: "Dr", "Drs", "Prof", "Mrs"
TITLE_ABBREVIATIONS = r"Drs?|Profs?|Mrs?|Ms"
# One person: "Dr. Li", "Prof Wang Li", "J.S.", "J.-P. D.", "J. Smith", "JS", "John Smith", "John A. Smith", "Smith J"
_PERSON = (
    rf"(?:(?:{TITLE_ABBREVIATIONS}|Professor)\.?\s+{_NAME}(?:\s+{_NAME})?"
    rf"|(?:[A-Z]\.\s?-?){{2,4}}(?![A-Za-z])|[A-Z]\.\s?{_NAME}|[A-Z]{{2,3}}(?![\w-])"
    rf"|{_NO_GIVEN_NAME}{_NAME}\s+(?:[A-Z]\.\s?)?{_NAME}|{_NAME}\s+[A-Z]{{1,2}}(?![\w-]))"
)
# One subject: a person or the authors, maybe with the authors' initials after it: "One author (J.S.)"
_ONE = rf"(?:(?i:{AUTHORS})(?:\s+{_PERSON})?|{_PERSON})(?:\s*\([^()]{{1,40}}\))?"
# The subject of a tie, several joined: "J.S., A.B. and C.D.", "Drs. Li and Wang", "The authors"
_SUBJECTS = rf"{_ONE}(?:\s*,\s*{_ONE})*(?:\s*,?\s+(?:and|&)\s+{_ONE})?(?:\s+(?i:also|currently|previously|formerly))?"
# A role for a company or a payer: "consultant", "employee", "member of the scientific advisory board", "CEO"
_ROLE = (
    r"(?:consultant|advis[eo]r|employee|co-?founder|founder|shareholder|stockholder|equity\s+holder|officer"
    r"|board\s+member|member\s+of\s+the\s+(?:scientific\s+)?advisory\s+board|CEO|CSO|CTO|CMO)s?"
)
# A role that science text gives too ("the inventor of organoid technology", "the director of the Hubrecht
# Institute"), a tie only on a patent or with a company's name (no article before it) after it: "inventor on a
# patent", "an inventor of patents", "a director of ExoBio Inc.", "a paid speaker for Novartis", "the owner of Exo Ltd"
_COMPANY_ROLE = (
    r"(?:inventor|speaker|editor|director|owner|president)s?\s+(?:(?:on|of)\s+(?:[\w-]+\s+){0,2}?patents?\b"
    r"|(?:for|of|at|from|by|with)\s+(?-i:[A-Z])[\w&.-]*)"
)
# What a person may hold: "shares", "stock options", "an equity interest", "a patent", "patent applications"
_HOLDING = (
    r"(?:shares|stocks?|stock\s+options?|equity|(?:equity|financial|ownership)\s+(?:interests?|stakes?)|patents?"
    r"|patent\s+applications?|intellectual\s+property|royalty\s+interests?)"
)
# What a person may be paid: "speaker fees", "grants", "honoraria", "personal fees", "travel support"
_PAYMENT = (
    r"(?:grants?|fees|honoraria|honorarium|funding|(?:research|financial|non-financial|travel)\s+support|payments?"
    r"|royalties|compensation|reimbursements?|salary|salaries|travel\s+(?:grants?|expenses))"
)
# A conflict declared: "competing interests", "conflicts of interest", "financial relationships"
_INTEREST = (
    r"(?:competing\s+(?:financial\s+)?interests?|conflicts?\s+of\s+interests?|(?:financial|commercial)\s+"
    r"(?:interests?|relationships?|ties)|relationships?\s+with\s+(?:industry|companies))"
)
# Up to a few words, none opening a clause ("report how funding ..." is no disclosure)
_WORDS = r"(?:(?!(?:how|whether|why|what|which|that|the\s+role)\b)[\w-]+,?\s+)"
# A relation of a person to a company or a payer (see the module's docstring)
_RELATION = (
    r"(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|(?:serve|act|work)(?:s|ed)?\s+as)\s+(?:(?:an?|the)\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_ROLE}\b|{_COMPANY_ROLE})"
    r"|(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:currently|formerly|also)\s+)?employed\s+(?:by|at)\b"
    r"|works?\s+for\b"
    rf"|(?:holds?|held|owns?|owned|has|have|had)\s+(?:(?:a|an|the|some|minor|significant|personal)\s+)*{_HOLDING}\b"
    r"|(?:has|have)\s+(?:filed|applied\s+for)\s+(?:a\s+)?patents?\b"
    r"|(?:(?:has|have|had)\s+(?:also\s+|previously\s+)?)?(?:received|receives?|reports?|reported|accepted|disclosed)\s+"
    rf"{_WORDS}{{0,5}}?{_PAYMENT}\b[^.;]{{0,80}}?\b(?:from|by)\b"
    r"|(?:serves?|served|sits?|sat|is|are|was|were|has\s+served|have\s+served)\s+on\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:boards?|bureaus?|committees?)\b"
    rf"|(?:(?:declares?|declared|reports?|reported|discloses?|disclosed|states?|stated)\s+{_WORDS}{{0,4}}?"
    rf"|(?:has|have|had)\s+(?:(?:declared|reported|disclosed)\s+{_WORDS}{{0,4}}?|the\s+following\s+))"
    rf"{_INTEREST}\b(?!\s+between\b)"
    r")"
)
_TIE = re.compile(rf"^(?P<subject>{_SUBJECTS})\s+(?i:{_RELATION})")
# A subject of two names alone, which may name a company as well as a person: "John Smith", "Thermo Fisher", "Eli
# Lilly"
_TWO_NAMES = re.compile(
    rf"{_NO_GIVEN_NAME}{_NAME}\s+(?:[A-Z]\.\s?)?{_NAME}(?:\s+(?i:also|currently|previously|formerly))?"
)
# A Chinese tie: "作者李明为某公司顾问", "本文通讯作者持有某公司股份", "作者声明存在以下利益冲突", "李明为某公司顾问"
_ZH_TIE = re.compile(
    r"^(?:本文|本研究)?(?:所有|全体|通讯|第一|共同)?作者[\u4e00-\u9fff、和与及]{0,12}?"
    r"(?:(?:为|是|系|担任|现任|曾任|兼任)[^。；]{0,30}?(?:顾问|雇员|员工|职员|股东|创始人|董事|监事|编委)"
    r"|持有[^。；]{0,30}?(?:股份|股票|股权|期权|专利)"
    r"|(?:获得|接受|收到|领取)(?:过|了)?[^。；]{0,40}?(?:讲课费|演讲费|咨询费|劳务费|酬金|报酬|酬劳|资助|经费)"
    r"|(?:声明|申明|报告)[^。；]{0,20}?(?:存在|有)[^。；]{0,20}?(?:利益冲突|利益关系))"
    r"|^[\u4e00-\u9fff]{2,4}(?:博士|教授|医生|医师)?(?:为|是|系|担任|现任|曾任|持有)[^。；]{0,30}?"
    r"(?:公司|企业|集团|药业)[^。；]{0,10}?(?:顾问|雇员|员工|职员|股东|创始人|董事|股份|股票|股权|期权)"
)
# A funder: "grant", "Foundation", "programme", "council", "NIH", a grant number "(82071234)", "R01CA123456"
_FUNDER_WORD = (
    r"(?:\b(?:grants?|fund(?:s|ing)?|foundations?|programm?e?s?|projects?|councils?|agenc(?:y|ies)|ministry"
    r"|institutes?|NIH|NSFC|awards?|fellowships?|scholarships?)\b|\d{5,}|\b[A-Z]{1,3}\d{2}[A-Z]{0,2}\d{4,})"
)
_FUNDER = re.compile(_FUNDER_WORD, re.IGNORECASE)
# What supports a claim, not a work: "data", "evidence", "findings"; and the words after which no funder's name
# goes on: "of", "from", "that"
_NO_FUNDER = (
    r"(?:data|evidence|findings|results|observations|experiments|analyses|studies|measurements|simulations|models"
    r"|reports|literature|cohorts?|of|from|in|on|at|with|about|between|among|that|which)\b"
)
# The work supported by a funder named right after "by", "through" or "under" (maybe an article and a few words of
# its name first): "This work was supported by the National Natural Science Foundation ...", "This study was funded
# in part by NSFC (82071234)", "Supported by grants from ..."
_FUNDED_BY = re.compile(
    rf"^(?P<subject>(?:{WORK}|this\s+(?:publication|trial|analysis))\s+(?:was|is|has\s+been|were)\s+)?"
    r"(?:(?:partly|partially|financially|jointly|generously|mainly|fully|in\s+part)\s+)*"
    r"(?:supported|funded|sponsored|financed)\s+(?:in\s+part\s+)?(?:by|through|under)\s+(?:(?:the|an?)\s+)?"
    rf"(?:(?!{_NO_FUNDER})[\w&'.-]+\s+){{0,8}}?\(?{_FUNDER_WORD}",
    re.IGNORECASE,
)
# A main clause after a participle opening the sentence: "Supported by grants from the NIH, the consortium has built
# ..." (a relative clause or a list of funders goes on the statement: ", which ...", ", and the Ministry ...")
_MAIN_CLAUSE = re.compile(
    r",\s+(?!(?:which|who|whose|that|and|or|as|with|under|grants?|nos?|numbers?)\b)[^,;()]*?\b(?:is|are|was|were"
    r"|has|have|had|can|could|may|might|will|would|should|must|remains?|shows?|showed|provides?|provided)\b",
    re.IGNORECASE,
)
# The authors acknowledging support (a funder named in the sentence): "The authors acknowledge financial support
# from ...", "The author(s) disclosed receipt of the following financial support ..."
_FUNDED = re.compile(
    rf"^(?:{WORK}|{AUTHORS}|we)\s+(?:(?:gratefully\s+)?acknowledge[sd]?|(?:has\s+|have\s+)?(?:received|obtained)"
    r"|disclosed\s+receipt\s+of)\s+(?:(?:the\s+following|the|financial|generous)\s+)*(?:support|funding|grants?)\b",
    re.IGNORECASE,
)
# The work supported by a funder, in Chinese: "本研究由...基金资助", "本文得到...项目支持", "受...基金资助"
_ZH_FUNDED = re.compile(
    r"^(?:本文|本研究|本工作|本项目|本综述|本论文|本课题|该研究|该工作)(?:的研究|工作)?(?:得到|获得|受到?|由|承蒙|获)"
    r"[^。；]{0,120}?(?:基金|项目|计划|专项|经费|课题|委员会|科技厅|科技局)[^。；]{0,60}?(?:资助|支持|赞助)"
    r"|^(?:受(?!益)|由(?!于)|获|承蒙)[^。；]{0,120}?基金[^。；]{0,60}?资助"
)
# The funders' companion sentence: "The funders had no role in study design ...", "资助方未参与研究设计……"
_FUNDERS_ROLE = re.compile(
    r"^the\s+(?:funders?|sponsors?|funding\s+(?:bod(?:y|ies)|agenc(?:y|ies)|sources?))\s+(?:had|have|has|played)\s+"
    r"no\s+role\b|^(?:资助方|资助者|资助机构)[^。；]{0,10}?(?:未|没有|不)[^。；]{0,4}参与",
    re.IGNORECASE,
)


def is_tie(folded: str, people: frozenset[str] | None = None) -> bool:
    """Whether ``folded`` (its punctuation folded, its label removed) discloses the authors' ties; with ``people``,
    the names of the page's authors in lower case, a subject of two names alone is a person only when one of them
    is an author's ("Thermo Fisher holds patents on ..." is no tie, "John Smith holds patents on ..." by John Smith
    is)."""
    tie = _TIE.match(folded)
    if tie and people is not None and _TWO_NAMES.fullmatch(tie.group("subject")):
        return any(word.lower() in people for word in re.findall(r"[\w'-]+", tie.group("subject")))
    return bool(tie or _ZH_TIE.match(folded))


def is_funding(folded: str) -> bool:
    """Whether ``folded`` (its punctuation folded, its label removed) says who funded the work."""
    if _FUNDERS_ROLE.match(folded) or _ZH_FUNDED.match(folded):
        return True
    funded = _FUNDED_BY.match(folded)
    if funded:
        return bool(funded.group("subject") or not _MAIN_CLAUSE.search(folded, funded.end()))
    return bool(_FUNDED.match(folded) and _FUNDER.search(folded))
