"""The ``pubmed-cn`` family: a Chinese PubMed-style page.

Shape::

    再生领域的微小巨人: ...                 <- Chinese title
    The tiny giants of regeneration: ...    <- English title
    作者信息
    Zhang Tianhe, Zhang Liang, ...          <- authors, family-first, maybe with markers "Zhang Tianhe1,2"
    机构信息
    Department of Pediatrics, ...           <- one affiliation a line, maybe numbered "1. ..."
    出版信息
    Front Cell Dev Biol. 2025 Jul 17;13:1612589. doi: 10.3389/fcell.2025.1612589. eCollection 2025.
    Mesenchymal stem cell-derived ...       <- English abstract (maybe "BACKGROUND: ..." sections)
    间充质干细胞衍生的 ...                  <- Chinese abstract (maybe "背景: ..." sections)

Optional lines anywhere after the citation: ``PMID: ...``, ``PMCID: ...``,
``DOI: ...``, ``关键词: ...`` / ``Keywords: ...``, a copyright/licence line,
``Funding: ...`` / ``基金: ...``, a conflict-of-interest statement under its heading or, without one, a
declaration closing a line ("作者声明不存在利益冲突。", "J.S. is a consultant for Abcam.", :mod:`.declarations`),
which is left out (a funding statement among them, "This work was supported by ...", read as funding).

Without the 出版信息 heading the citation, on one line or wrapped, may stand above the titles (as PubMed prints it) or
right after the affiliations; affiliations with no heading after them end at the citation or the abstract.
A heading printed a second time starts a second page pasted into the same file: an error at its line.

The citation's journal is the NLM abbreviation: it is both ``journal.name``
and ``journal.abbrev``.  Dates follow PubMed's convention: with "eCollection YYYY" the citation date is
the electronic publication date (``dates.epub``) and the eCollection date the
publication date; with "Epub <date>" the citation date is the publication
date; for an article "Online ahead of print" / "[Epub ahead of print]" the citation date is the
electronic publication date and there is no publication date yet; otherwise the citation date is the
publication date.  ``year`` is the year of the publication date (the eCollection year when there is
one), else of the citation date.  A publisher's identifier in place of pages ("S0168-8278(25)00123-4")
is not kept.  A citation
"volume:number" is ``pages`` when it holds a hyphen and ``article_number``
when it is a single number of five or more digits or starts with a letter
("e1234"). A supplement or part after the volume ("79 Suppl 1") is the issue.
A citation not of this form keeps what can be read of it (journal, date,
volume, issue, pages), with a warning naming what was read.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..errors import ParseError
from ..model import Abstracts, Affiliation, Author, Bilingual, Dates, Entry, Funding, Journal, Keywords
from ..model import Warning as EntryWarning
from ..text import CJK_IDEOGRAPH, cjk_ratio, fold_punctuation, half_width_alnum, has_cjk, strip_title_stop
from .abstracts import join_paragraphs, split_sections
from .base import AUTHORS_CUT_SHORT, Origin
from .declarations import STATEMENT_LABELS, trailing_declarations
from .fields import half_width_fields, is_article_number, iso_date, normalize_doi, normalize_pages, year_of
from .keywords import SENTENCE, label_language, merge_keywords, read_keywords
from .names import FAMILY_ORDER, by_script, paired_in_order, parse_authors, unpaired

name = "pubmed-cn"

_FAMILY_HEADINGS = ("作者信息", "机构信息", "出版信息")
# Traditional-script headings (pages saved from a Traditional Chinese interface) -> the Simplified ones
_TRADITIONAL = {"作者資訊": "作者信息", "機構資訊": "机构信息", "機構信息": "机构信息", "出版資訊": "出版信息"}
# A heading line, maybe with its content after a colon: "作者信息", "出版信息: Front Cell Dev Biol. ...", "作者資訊"
_HEADING = re.compile(
    r"^(?P<heading>作者信息|机构信息|出版信息|作者資訊|機構資訊|機構信息|出版資訊|摘要|英文摘要|中文摘要|Abstract)\s*(?:[:：]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# NLM citation: "Front Cell Dev Biol. 2025 Jul 17;13:1612589." / "J Extracell Vesicles. 2024;13(2):e12345."
_CITATION = re.compile(
    r"^(?P<journal>.+?)\.\s+(?P<date>\d{4}(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?(?:\s+\d{1,2})?)\s*"
    r"(?:;\s*(?P<volume>[^(:;.\s]+)?(?:\s+(?P<supplement>Suppl\.?(?:\s*\d+)?|Pt\s*\d+|Spec No))?"
    r"\s*(?:\((?P<issue>[^)]*)\))?)?\s*(?::\s*(?P<pages>[^.;\s]+))?\s*(?:\.|$)"
)
# The journal and date opening a citation otherwise unreadable: "J Hepatol. 2023 Winter;79 Part A:..."
_CITATION_HEAD = re.compile(r"^(?P<journal>[^.;]+?)\.\s+(?P<date>(?:1[89]|20)\d{2}\b[^;:.]*)")
# Volume and issue or supplement after the date: ";79(6)", ";79 Suppl 1", "; 12"
_CITATION_VOLUME = re.compile(
    r";\s*(?P<volume>\d+[A-Za-z]?)\b(?:\s*\((?P<issue>[^)]*)\)|\s+(?P<supplement>Suppl\.?(?:\s*\d+)?|Pt\s*\d+))?"
)
# Pages right after the volume: ":S45-S52", ":1045-52", ":e12345"
_CITATION_PAGES = re.compile(r"\s*:\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:-[A-Za-z]?\d+[A-Za-z]?)?)(?=[.;\s]|$)")
# What a citation line holds: a year followed by ";" or ".", or a DOI: "2025 Jul 17;13", "2023;45(7)", "doi: 10."
_LOOKS_CITATION = re.compile(r"\b(?:1[89]|20)\d{2}\b[^.;]*[;.]|\bdoi\s*:", re.IGNORECASE)
# The end of a citation wrapped onto a line of its own: "eCollection 2024.", "Epub 2023 Sep 1.",
# "doi: 10.3389/fimmu.2024.1345678.", "10.3389/fimmu.2024.1345678", "https://doi.org/10.1111/all.15789",
# "Online ahead of print.", "[Epub ahead of print]"
_CITATION_TAIL = re.compile(
    r"^(?:(?:(?:doi\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?|(?:https?://)?(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+"
    r"|eCollection\s+\d{4}[^.]*|\[Epub ahead of print\]|Epub(?:\s+ahead of print)?(?:\s+\d{4}[^.]*)?"
    r"|Online ahead of print|Print\s+\d{4}[^.]*)\s*\.?\s*)+$",
    re.IGNORECASE,
)
# A publisher's identifier where an article ahead of print has no pages yet: Elsevier's PII
# "S0168-8278(25)00123-4", BMJ's "gutjnl-2024-333412"
_PUBLISHER_ID = re.compile(r"^(?:S\d{4}-?\d{3}[\dX]\(\d{2}\)\d{5}-?[\dX]|[a-z]+-\d{4}-\d{5,})$", re.IGNORECASE)
# An article online before its issue: "Online ahead of print.", "[Epub ahead of print]"
_AHEAD_OF_PRINT = re.compile(r"\b(?:Online|Epub) ahead of print\b", re.IGNORECASE)
# A citation line cut off where it must go on: "J Hepatol. 2023 Dec;79(6):", "... doi:"
_CITATION_CUT = re.compile(r"(?:[:;,]|\bdoi)\s*$", re.IGNORECASE)
# "doi: 10.3389/fcell.2025.1612589." inside the citation or on its own line, or as a link:
# "https://doi.org/10.1111/all.15789", "DOI: https://doi.org/10.1111/all.15789"
_DOI_FIELD = re.compile(
    r"(?:\bdoi\s*[:：]?\s*(?:https?://(?:dx\.)?doi\.org/)?|\bdoi\.org/)(?P<doi>10\.\d{4,9}/\S+)", re.IGNORECASE
)
# "Epub 2025 Jul 17." / "eCollection 2025."
_EPUB = re.compile(r"\bEpub\s+(?P<date>\d{4}(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2})?)")
_ECOLLECTION = re.compile(r"\beCollection\s+(?P<date>\d{4}(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2})?)")
# "PMID: 40756765" / "PMCID: PMC12312345"
_PMID = re.compile(r"\bPMID\s*[:：]?\s*(?P<id>\d{5,9})\b")
_PMCID = re.compile(r"\bPMCID\s*[:：]?\s*(?P<id>PMC\d+)\b", re.IGNORECASE)
# A line holding only identifiers: "PMID: 40756765 PMCID: PMC12312345 DOI: 10.3389/..."
_ID_LINE = re.compile(r"^(?:(?:PMID|PMCID|DOI)\s*[:：]\s*\S+\s*)+$", re.IGNORECASE)
# The labels of keywords: "关键词", "关键字", "Keywords", "Key words"
_KEYWORD_LABELS = r"关键词|关键字|Key\s*words?"
# Keyword lines: "关键词: 外泌体; 干细胞" / "Keywords: exosomes; stem cells"
_KEYWORDS = re.compile(rf"^(?P<label>{_KEYWORD_LABELS})\s*[:：]\s*(?P<words>.+)$", re.IGNORECASE)
# MeSH terms printed on the heading's line: "MeSH: Periodontitis/therapy; Exosomes", "主题词：牙周炎/治疗；外泌体"
_MESH = re.compile(r"^(?:MeSH(?:\s+terms)?|MeSH\s*主题词|主题词)\s*[:：]\s*\S", re.IGNORECASE)
# The labels of funding: "Funding", "Grant support", "基金项目", "资助信息"
_FUNDING_LABELS = r"Funding|Grant support|基金(?:项目|信息)?|资助(?:信息)?"
# Funding lines: "Funding: National Natural Science Foundation ..." / "基金: 国家自然科学基金"
_FUNDING = re.compile(rf"^(?:{_FUNDING_LABELS})\s*[:：]\s*(?P<text>.+)$", re.IGNORECASE)
# Copyright / licence statements: "Copyright © 2025 Zhang, ... (CC BY)."
_COPYRIGHT = re.compile(r"^(?:Copyright|©|\(c\)|版权)", re.IGNORECASE)
# A Creative Commons licence name: "CC BY", "CC BY-NC-ND 4.0", "CC0"
_CC_LICENSE = re.compile(r"\bCC(?:0|[ -]BY(?:-(?:NC|ND|SA))*(?:\s+\d\.\d)?)\b")
# Trailing page matter that is no abstract: "利益冲突声明: ...", "Conflict of interest statement: The authors ..."
_SKIP = re.compile(rf"^(?:{STATEMENT_LABELS})", re.IGNORECASE)
# A heading alone on its line, its text on the lines below: "Keywords:", "关键词", "Funding", "基金项目：",
# "Copyright", "Conflict of interest statement", "利益冲突声明"
_BLOCK_HEADING = re.compile(
    rf"^(?:(?P<keywords>{_KEYWORD_LABELS})|(?P<funding>{_FUNDING_LABELS})|(?P<licence>Copyright|版权(?:声明|信息)?)"
    rf"|(?P<statement>(?:{STATEMENT_LABELS})(?:\s*statements?|声明)?))\s*[:：]?$",
    re.IGNORECASE,
)
# PubMed's notes on the article, each on its line: "[Article in Chinese]", "Erratum in: J Hepatol. 2023;79(3):830.",
# "Comment on: ...", "Free PMC article."; "Erratum in" alone heads the citations of the note.
_NOTE = re.compile(
    r"^(?:\[(?:Article in [A-Za-z, ]+|Epub ahead of print)\]\.?"
    r"|(?P<heading>(?:Erratum|Comment|Update|Retraction|Retracted and republished|Republished"
    r"|Corrected and republished|Expression of concern|Published erratum)\s+(?:in|on|of|for|from)\b)\s*(?P<colon>:.*)?"
    r"|Free(?: PMC)? article\.?)$",
    re.IGNORECASE,
)
# A heading of PubMed's page after the abstract, "Cited by 12 articles", "References (45)", "MeSH terms": nothing from
# there on is abstract; under "Grants and funding" each line is a grant.
_FURNITURE = re.compile(
    r"^(?:Similar articles|Cited by|References|Publication types|MeSH(?:\s+terms)?|Substances|(?P<grants>Grants and funding)"
    r"|LinkOut(?:\s*-\s*more resources)?|Related information|Full text links|Figures|Associated data"
    r"|Supplementary info|相似文献|相关文献|被引(?:文献|用)|施引文献|参考文献|出版类型|文献类型|MeSH\s*主题词"
    r"|主题词|化学物质|(?P<grants_zh>基金资助))(?:\s+\d+\s+articles?|\s*\(\d+\))?\s*:?$",
    re.IGNORECASE,
)
# PubMed's note on a title, on its line or after the title: "[Article in Chinese]", "[Epub ahead of print]"
_TITLE_NOTE = re.compile(r"\s*\[(?:Article in [A-Za-z, ]+|Epub ahead of print)\]\.?\s*$", re.IGNORECASE)
# A translated title, which PubMed prints in square brackets: "[Research progress of exosomes]"
_TRANSLATED_TITLE = re.compile(r"^\[(?P<title>[^\[\]]+)\]$")
# An article-type label on its own line above a title: "综述", "Review", "【述评】", "[Systematic Review]"
_TITLE_LABEL = re.compile(
    r"^[\[【]?(?:综述|述评|评述|论著|短篇论著|专家共识|专家论坛|指南|病例报告|个案报道|系统评价|Meta分析|荟萃分析|讲座|专题"
    r"|(?:Mini[- ]|Systematic |Narrative )?Review(?: Article)?|Meta-Analysis|Original (?:Article|Research)"
    r"|Research Article|Editorial|Perspective|Commentary|Case Reports?|Letter|Guideline)[\]】]?$",
    re.IGNORECASE,
)
# Numbering in front of an affiliation: "1. Department ...", "[2] Dept", "(3) Dept", "1 Dept", "1Department",
# "¹ Dept"
_AFFILIATION_NUMBER = re.compile(
    r"^(?:\[(?P<a>\d{1,2})\]|\((?P<d>\d{1,2})\)|(?P<b>\d{1,2})(?:[.、)]\s*|\s+|(?=[A-Z\u4e00-\u9fff]))|(?P<c>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*)"
)
# A word of an institution's name: "Department of ...", "... Hospital", "湘雅医院", "研究所"
_INSTITUTION = re.compile(
    r"\b(?:Department|Dept|Division|Unit|Section|School|College|Faculty|Universit(?:y|ies|é|ät|at|ario|aria)"
    r"|Hospital|Institute|Institut|Cent(?:er|re)|Laborator(?:y|ies)|Academy|Clinic|Foundation|Ministry"
    r"|Inc|Ltd|GmbH|AG|Corporation|Company)\b|大学|医院|学院|研究所|研究院|中心|实验室|科学院|公司|学校|医科"
)
# An affiliation is an address, not a paragraph
_LONGEST_AFFILIATION = 300
# A run of Latin letters, one word of an English text: "ExoDx", "AUC", "n"
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Chinese punctuation and particles, never part of English prose: "，", "。", "、", "的"
_CHINESE_MARKS = re.compile(r"[，。、；：？！《》【】的了]")


def sniff(text: str) -> str | None:
    """``None`` when at least two of the headings 作者信息 / 机构信息 / 出版信息 are lines of the text."""
    found = []
    for line in text.split("\n"):
        heading = _heading(line.strip())
        if heading in _FAMILY_HEADINGS:
            found.append(heading)
    found = sorted(set(found), key=_FAMILY_HEADINGS.index)
    if len(found) >= 2:
        return None
    have = f"found only {found[0]}" if found else "found none"
    return f"needs two of the heading lines 作者信息, 机构信息, 出版信息 ({have})"


def _heading(line: str) -> str | None:
    """The (Simplified) heading a line is, or ``None``."""
    match = _HEADING.match(fold_punctuation(line))
    if match is None:
        return None
    return _TRADITIONAL.get(match.group("heading"), match.group("heading"))


@dataclass
class _Page:
    """The text split into its blocks: title lines, one block per heading, and the body after the citation."""

    titles: list[tuple[int, str]] = field(default_factory=list)
    blocks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    body: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[EntryWarning] = field(default_factory=list)
    headings: dict[str, int] = field(default_factory=dict)
    """The family headings printed, each with its line."""

    def warn(self, field_name: str, message: str, *values: str, line: int | None = None) -> None:
        self.warnings.append(EntryWarning(field_name, message, tuple(values), line))


def parse(text: str, origin: Origin) -> Entry:
    """Parse a PubMed-style page into an :class:`Entry` (``id``/``slug`` left empty)."""
    page = _split(text, origin)
    title = _titles(page)
    affiliations = _affiliations(page)
    authors = _authors(page, len(affiliations))
    citation = _citation(page)
    extras = _body(page, _family_names(authors))
    doi = citation.pop("doi", None) or extras.doi
    if doi is None:
        page.warn("doi", "the page gives no DOI")
    entry = Entry(
        id="",
        slug="",
        source=origin.path,
        family=name,
        title=title,
        authors=authors,
        affiliations=affiliations,
        journal=Journal(name=citation.get("journal"), abbrev=citation.get("journal")),
        year=citation.get("year"),
        volume=citation.get("volume"),
        issue=citation.get("issue"),
        pages=citation.get("pages"),
        article_number=citation.get("article_number"),
        doi=doi,
        pmid=citation.get("pmid") or extras.pmid,
        pmcid=citation.get("pmcid") or extras.pmcid,
        dates=Dates(published=citation.get("published"), epub=citation.get("epub")),
        funding=tuple(extras.funding),
        license=extras.license,
        abstract=extras.abstract,
        keywords=extras.keywords,
        warnings=tuple(dict.fromkeys(page.warnings)),
    )
    return half_width_fields(entry)


def _split(text: str, origin: Origin) -> _Page:
    page = _Page()
    lines = [(number, raw.strip()) for number, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    last = _last_heading(lines)
    above: list[tuple[int, str]] = []  # a citation printed above the titles, as PubMed does
    current: str | None = None
    for index, (number, line) in enumerate(lines):
        match = _HEADING.match(fold_punctuation(line))
        if match and _heading(line) in _FAMILY_HEADINGS:
            current = _heading(line)
            if current in page.headings:
                raise _second_page(origin, current, page.headings[current], number)
            page.headings[current] = number
            page.blocks.setdefault(current, [])
            if match.group("rest"):
                page.blocks[current].append((number, line[match.start("rest") :].strip()))
            continue
        if match:  # 摘要 / Abstract markers only separate blocks
            current = "body"
            continue
        if current == "机构信息" and last == current and not _is_affiliation(line):
            # no heading ends the affiliations: they end at the citation or the abstract
            current = "出版信息" if _is_citation(line) and not page.blocks.get("出版信息") else "body"
            page.blocks.setdefault(current, [])
        if current is None and (
            _is_citation(line) or (above and _continues_citation(above[-1][1], line)) or _opens_citation(lines, index)
        ):
            above.append((number, line))
        elif current is None:
            page.titles.append((number, line))
        elif current == "出版信息" and page.blocks[current] and _continues_citation(page.blocks[current][-1][1], line):
            page.blocks[current].append((number, line))
        elif current == "出版信息" and (page.blocks[current] or not _LOOKS_CITATION.search(_fold(line))):
            page.body.append((number, line))
            current = "body"
        elif current == "body":
            page.body.append((number, line))
        else:
            page.blocks[current].append((number, line))
    if above and not page.blocks.get("出版信息"):
        page.blocks["出版信息"] = above
    if not page.titles and not page.blocks:
        raise ParseError(origin.path, 1, "expected a title line and the headings 作者信息, 机构信息, 出版信息")
    return page


def _second_page(origin: Origin, heading: str, first: int, again: int) -> ParseError:
    """The error for a family heading printed a second time: a second page pasted after the first, whose
    authors, affiliations and citation would be read as the first paper's and its titles and abstract as
    the first abstract's.  The second page's titles are on the lines above its heading."""
    message = (
        f"the file holds a second page: {heading} again at line {again} (first at line {first}), the second "
        "paper's titles on the lines above it: paste one paper per file"
    )
    return ParseError(origin.path, again, message)


def _last_heading(lines: list[tuple[int, str]]) -> str | None:
    """The (Simplified) family heading printed last on the page."""
    headings = [_heading(line) for _, line in lines]
    return next((h for h in reversed(headings) if h in _FAMILY_HEADINGS), None)


def _is_citation(line: str) -> bool:
    """Whether a line outside 出版信息 is a whole citation: "Front Cell Dev Biol. 2024 Mar 12;12:1354321. doi: ..."."""
    folded = fold_punctuation(_citation_text(line))
    return not has_cjk(line) and bool(_CITATION.match(folded)) and (";" in folded or bool(_DOI_FIELD.search(folded)))


def _opens_citation(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether line ``index`` opens a citation wrapped onto the lines after it, no whole citation alone: an
    article ahead of print has no volume to give the ";" of a citation, and its DOI is on the next line
    ("Zhonghua Xin Xue Guan Bing Za Zhi. 2024 Mar 5:S0253-3758(24)00012-3." then "doi: 10.3760/...
    Online ahead of print.").  The lines going on with it (:func:`_continues_citation`), joined, are one."""
    text = previous = lines[index][1]
    for _, line in lines[index + 1 :]:
        if not _continues_citation(previous, line):
            return False
        text, previous = f"{text} {line}", line
        if _is_citation(text):
            return True
    return False


def _is_affiliation(line: str) -> bool:
    """Whether a line under 机构信息, with no heading after it, is still an affiliation: one naming an
    institution, not a labelled line ("关键词：", "BACKGROUND:"), a citation or a sentence of an abstract."""
    folded = _fold(line)
    if _is_citation(line) or any(p.match(folded) for p in (_KEYWORDS, _ID_LINE, _FUNDING, _COPYRIGHT)):
        return False
    sections = split_sections(line)
    if sections and sections[0].label:
        return False
    return bool(_INSTITUTION.search(line)) and len(line) <= _LONGEST_AFFILIATION and not line.endswith("。")


def _continues_citation(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the citation on the line before (a citation wrapped in two)."""
    if has_cjk(line):
        return False
    return bool(_CITATION_TAIL.match(_fold(line)) or _CITATION_CUT.search(_fold(previous)))


def _fold(line: str) -> str:
    """``line`` with full-width punctuation, digits and letters in ASCII ("２０２３；２２" -> "2023;22"), for matching
    the page's structure; same length as ``line``."""
    return half_width_alnum(fold_punctuation(line))


def _titles(page: _Page) -> Bilingual:
    """Chinese title lines joined as they are, English ones with a space (a long title may wrap).

    Article-type labels above a title ("综述", "Review") and PubMed's notes ("[Article in Chinese]") are
    left out, and PubMed's square brackets around a translated title taken off.
    """
    lines = _title_lines(page.titles)
    zh = "".join(line for line in lines if has_cjk(line)) or None
    en = " ".join(line for line in lines if not has_cjk(line)) or None
    if zh is None:
        page.warn("title.zh", "the page gives no Chinese title (expected on the first line)", line=1)
    if en is None:
        page.warn("title.en", "the page gives no English title (expected after the Chinese one)", line=1)
    en = strip_title_stop(_TRANSLATED_TITLE.sub(r"\g<title>", strip_title_stop(en))) if en else None
    return Bilingual(en=en, zh=strip_title_stop(zh) if zh else None)


def _title_lines(titles: list[tuple[int, str]]) -> list[str]:
    """The title lines without PubMed's notes and without the labels before the first title line of their
    script (a wrapped title's last word "Review" stays)."""
    lines = [line for line in (_TITLE_NOTE.sub("", text).strip() for _, text in titles) if line]
    kept: list[str] = []
    for index, line in enumerate(lines):
        script = has_cjk(line)
        started = any(has_cjk(other) == script for other in kept)
        later = any(has_cjk(other) == script and not _TITLE_LABEL.match(other) for other in lines[index + 1 :])
        if started or not later or not _TITLE_LABEL.match(line):
            kept.append(line)
    return kept


def _affiliations(page: _Page) -> tuple[Affiliation, ...]:
    lines = page.blocks.get("机构信息")
    if not lines:
        page.warn("affiliations", "the page has no 机构信息 (affiliations) block")
        return ()
    result = []
    for _, line in lines:
        match = _AFFILIATION_NUMBER.match(_fold(line))
        text = line[match.end() :].strip() if match else line
        if text:
            result.append(Affiliation(zh=text) if has_cjk(text) else Affiliation(en=text))
    return tuple(result)


def _authors(page: _Page, affiliation_count: int) -> tuple[Author, ...]:
    lines = page.blocks.get("作者信息")
    if not lines:
        page.warn("authors", "the page has no 作者信息 (authors) block")
        return ()
    text = ", ".join(line for _, line in lines)
    authors, et_al = parse_authors(text, FAMILY_ORDER[name])
    first_line = lines[0][0]
    authors = _pair_scripts(authors, page, first_line)
    if et_al:
        page.warn("authors", AUTHORS_CUT_SHORT, line=first_line)
    if any(index >= affiliation_count for a in authors for index in a.affiliations):
        page.warn(
            "authors.affiliations",
            "an author's affiliation number has no affiliation line",
            str(affiliation_count),
            line=first_line,
        )
        authors = tuple(
            _replace_affiliations(a, tuple(i for i in a.affiliations if i < affiliation_count)) for a in authors
        )
    if not any(a.affiliations for a in authors):
        if affiliation_count == 1:
            authors = tuple(_replace_affiliations(a, (0,)) for a in authors)
        elif affiliation_count > 1:
            page.warn(
                "authors.affiliations",
                f"the page lists {affiliation_count} affiliations without saying which author belongs to which",
                line=first_line,
            )
    return authors


def _replace_affiliations(author: Author, indexes: tuple[int, ...]) -> Author:
    return dataclasses.replace(author, affiliations=indexes)


def _pair_scripts(authors: tuple[Author, ...], page: _Page, line: int) -> tuple[Author, ...]:
    """A Latin and a Chinese list of the same authors ("Zhang Tianhe, ..." and "张天鹤, ...") paired in order."""
    latin, chinese = by_script(authors)
    if not latin or not chinese:
        return authors
    paired = paired_in_order(latin, chinese)
    if paired is None:
        page.warn("authors", unpaired(latin, chinese, "both kept as printed"), line=line)
        return authors
    return paired


def _citation(page: _Page) -> dict:
    lines = page.blocks.get("出版信息")
    if not lines:
        page.warn("journal", "the page has no 出版信息 (citation) line: journal, year and volume are unknown")
        return {}
    number, printed = lines[0][0], " ".join(text for _, text in lines)
    line = _citation_text(printed)
    folded = fold_punctuation(line)
    parts = _citation_parts(folded)
    if parts is None:
        parts = _partial_citation(folded)
        read = ", ".join(key for key in ("journal", "date", "volume", "pages") if parts.get(key)) or "nothing"
        page.warn(
            "journal",
            f"the 出版信息 line is not of the form 'Journal. YYYY Mon DD;Volume(Issue):Pages.' (read: {read})",
            printed,
            line=number,
        )
    result = _citation_fields(parts, page, number)
    doi = _DOI_FIELD.search(folded)
    if doi:  # as printed: a full-width full stop after it is not part of it
        result["doi"] = normalize_doi(line[doi.start("doi") : doi.end("doi")])
    _citation_dates(folded, parts.get("date"), result, page, number)
    for key, pattern in (("pmid", _PMID), ("pmcid", _PMCID)):
        found = pattern.search(folded)
        if found:
            result[key] = found.group("id").upper() if key == "pmcid" else found.group("id")
    return result


def _citation_text(line: str) -> str:
    """The citation with full-width digits and letters in ASCII and a space after a full-width full stop, as
    after a half-width one: "Mol Cancer．２０２３ Oct 12；22" -> "Mol Cancer. 2023 Oct 12；22"."""
    return half_width_alnum(line).replace("．", ". ")


def _citation_parts(folded: str) -> dict[str, str | None] | None:
    """The parts of a citation of PubMed's form, or ``None``; a supplement or part is the issue ("Suppl 1")."""
    match = _CITATION.match(folded)
    if match is None:
        return None
    parts = match.groupdict()
    parts["issue"] = " ".join(p.strip() for p in (parts["issue"], parts.pop("supplement")) if p and p.strip())
    return parts


def _partial_citation(folded: str) -> dict[str, str | None]:
    """What can be read of a citation not of PubMed's form: the journal and date, volume, issue, pages."""
    parts: dict[str, str | None] = {}
    head = _CITATION_HEAD.match(folded)
    if head:
        parts.update(head.groupdict())
    volume = _CITATION_VOLUME.search(folded, head.end() if head else 0)
    if volume:
        parts["volume"] = volume.group("volume")
        parts["issue"] = volume.group("issue") or volume.group("supplement")
        pages = _CITATION_PAGES.match(folded, volume.end())
        parts["pages"] = pages.group("pages") if pages else None
    return parts


def _citation_fields(parts: dict[str, str | None], page: _Page, line: int) -> dict:
    result: dict = {}
    for key in ("journal", "volume", "issue"):
        if parts.get(key):
            result[key] = parts[key].strip()
    locator = parts.get("pages")
    if locator and not _PUBLISHER_ID.match(locator):
        key = "article_number" if is_article_number(locator) else "pages"
        result[key] = normalize_pages(locator) if key == "pages" else locator
    if parts.get("journal") and not parts.get("volume"):
        page.warn("volume", "the citation gives no volume", line=line)
    return result


def _citation_dates(folded: str, printed: str | None, result: dict, page: _Page, line: int) -> None:
    """Fill published/epub/year following PubMed's convention (see the module docstring)."""
    cited = iso_date(printed)
    epub = _EPUB.search(folded)
    collection = _ECOLLECTION.search(folded)
    if collection:
        result["epub"] = cited
        result["published"] = iso_date(collection.group("date"))
    elif _AHEAD_OF_PRINT.search(folded):  # online before its issue: no publication date yet
        result["epub"] = iso_date(epub.group("date")) if epub else cited
        result["published"] = None
    else:
        result["published"] = cited
        if epub:
            result["epub"] = iso_date(epub.group("date"))
    if printed and cited is None:
        page.warn("dates", "the citation date is not a date", printed, line=line)
    year = year_of(result.get("published")) or year_of(cited) or year_of(printed)
    if year is None:
        page.warn("year", "the citation gives no year", line=line)
    result["year"] = year


@dataclass
class _Extras:
    abstract: Abstracts
    keywords: Keywords
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    license: str | None = None
    funding: list[Funding] = field(default_factory=list)


@dataclass
class _Block:
    """A heading printed alone on its line ("Funding", "利益冲突声明") and the lines under it.

    The first line under the heading is its text, and so is each next one in the same script; a line in
    the other script ends it, since there the abstract in the other language (or its translation) starts.
    Under a keyword label each line is a list (one keyword a line, or all of them), and a sentence ends it.
    """

    kind: str  # "keywords", "funding", "licence" or "statement" (left out)
    label: str
    chinese: bool | None = None  # the script of its first line

    def takes(self, line: str) -> bool:
        """Whether ``line`` is text under the heading."""
        if self.kind == "keywords" and SENTENCE.search(line):
            return False
        chinese = _is_chinese(line)
        if self.chinese is None:
            self.chinese = chinese
        return chinese == self.chinese

    def read(self, line: str, extras: _Extras) -> None:
        if self.kind == "keywords":
            _read_keyword_list(line, self.label, extras)
        elif self.kind == "funding":
            extras.funding.append(_funding(line))
        elif self.kind == "licence":
            _read_licence(line, extras)


def _family_names(authors: tuple[Author, ...]) -> frozenset[str] | None:
    """The words of the authors' Latin family names in lower case ("li", "smith"); ``None`` when no name is printed
    in Latin letters."""
    words = frozenset(word.lower() for a in authors if a.name and a.family for word in a.family.split())
    return words or None


def _body(page: _Page, people: frozenset[str] | None = None) -> _Extras:
    """Abstract paragraphs by language, plus identifier, keyword, funding and licence lines and headings; the
    authors' family names, ``people``, tell the persons named by the declarations closing the abstract."""
    en: list[str] = []
    zh: list[str] = []
    extras = _Extras(Abstracts(), Keywords())
    block: _Block | None = None
    for printed in _page_text(page, extras):
        # declarations printed without their heading, their funding statements read as funding; a funding
        # statement is funding text under "Funding"
        funding = not _is_funding_text(printed, block)
        line, declarations = trailing_declarations(printed, funding, people)
        extras.funding.extend(_funding(d.text) for d in declarations if d.kind == "funding")
        if not line:  # left out; under a heading it is in that heading's script, or ends the heading's text
            if block is not None and not block.takes(printed):
                block = None
            continue
        folded = fold_punctuation(line)
        heading = _BLOCK_HEADING.match(folded)
        if heading:
            kind = heading.lastgroup or "statement"
            block = _Block(kind, heading.group(kind))
        elif _read_metadata_line(line, folded, extras):
            block = None
        elif block is not None and block.takes(line):
            block.read(line, extras)
        else:
            block = None
            (zh if _is_chinese(line) else en).append(line)
    extras.abstract = Abstracts(en=join_paragraphs(en), zh=join_paragraphs(zh))
    for lang, label in (("en", "English"), ("zh", "Chinese")):
        if not getattr(extras.abstract, lang):
            page.warn(f"abstract.{lang}", f"the page gives no {label} abstract")
        if not getattr(extras.keywords, lang):
            page.warn(f"keywords.{lang}", f"the page gives no {label} keywords")
    return extras


def _is_funding_text(line: str, block: _Block | None) -> bool:
    """Whether ``line`` is read as funding: it opens with a funding label ("Funding: This paper was not
    funded.") or is text under a funding heading."""
    return bool(_FUNDING.match(fold_punctuation(line))) or (
        block is not None and block.kind == "funding" and block.takes(line)
    )


def _page_text(page: _Page, extras: _Extras) -> list[str]:
    """The body lines without PubMed's notes and the page sections after the abstract (grants read as funding)."""
    lines: list[str] = []
    after_abstract: str | None = None  # "grants" or "other" once a section after the abstract starts
    in_note = False
    for _, line in page.body:
        folded = fold_punctuation(line)
        furniture = _FURNITURE.match(folded)
        if furniture:
            after_abstract = "grants" if furniture.group("grants") or furniture.group("grants_zh") else "other"
        elif after_abstract == "grants" and not _PMID.search(folded):
            extras.funding.append(_funding(line))
        elif after_abstract is not None:
            if _ID_LINE.match(folded) or _COPYRIGHT.match(folded):  # the page's own ids and licence end it
                lines.append(line)
        else:
            note = _NOTE.match(folded)
            if note:
                in_note = bool(note.group("heading")) and not note.group("colon")
            elif not (in_note and (_CITATION.match(folded) or _PMID.search(folded))):
                in_note = False
                lines.append(line)
    return lines


def _is_chinese(line: str) -> bool:
    """Whether an abstract line is Chinese, even when dense with Latin terms ("结果：ExoDx Prostate的AUC为0.86。").

    A line without ideographs is English. One with ideographs is Chinese when they make up
    a third of its letters, when it opens with a Chinese section label ("结果：") or holds
    Chinese punctuation or particles, or when they are half of its words (an ideograph
    counted as a word, like each run of Latin letters).
    """
    ideographs = len(CJK_IDEOGRAPH.findall(line))
    if not ideographs:
        return False
    if cjk_ratio(line) >= 0.3 or _CHINESE_MARKS.search(line):
        return True
    sections = split_sections(line)
    if sections and sections[0].label and has_cjk(sections[0].label):
        return True
    return ideographs / (ideographs + len(_LATIN_WORD.findall(line))) >= 0.5


def _read_metadata_line(line: str, folded: str, extras: _Extras) -> bool:
    """Read identifier, keyword, funding, licence and skipped lines; False for abstract text.

    MeSH terms (``MeSH: ...``, ``主题词：...``) are skipped, not read as keywords: they are the indexers'
    headings, with check tags ("Humans", "Animals"), subheadings ("/therapy") and stars for major topics,
    not the authors' words for their paper, and the two lists would not pair term by term as the
    authors' English and Chinese keywords do.  PubMed's "MeSH terms" section is left out the same way.
    """
    if _ID_LINE.match(folded):
        pmid, pmcid, doi = _PMID.search(folded), _PMCID.search(folded), _DOI_FIELD.search(folded)
        extras.pmid = extras.pmid or (pmid.group("id") if pmid else None)
        extras.pmcid = extras.pmcid or (pmcid.group("id").upper() if pmcid else None)
        extras.doi = extras.doi or (normalize_doi(line[doi.start("doi") : doi.end("doi")]) if doi else None)
        return True
    match = _KEYWORDS.match(folded)
    if match:
        _read_keyword_list(line[match.start("words") :], match.group("label"), extras)
        return True
    match = _FUNDING.match(folded)
    if match:
        extras.funding.append(_funding(line[match.start("text") :].strip()))
        return True
    if _COPYRIGHT.match(folded) or "Creative Commons" in line:
        _read_licence(line, extras)
        return True
    return bool(_SKIP.match(folded) or _MESH.match(folded))


def _read_keyword_list(text: str, label: str, extras: _Extras) -> None:
    """Add a printed keyword list, read in its label's language, to the keywords."""
    extras.keywords = merge_keywords(extras.keywords, read_keywords(text, label_language(label)))


def _funding(text: str) -> Funding:
    """One funding line, in the language of its script."""
    return Funding(text, "zh" if has_cjk(text) else "en")


def _read_licence(line: str, extras: _Extras) -> None:
    """The Creative Commons licence a copyright line names, unless one is known already."""
    licence = _CC_LICENSE.search(line)
    extras.license = extras.license or (licence.group().replace("CC-BY", "CC BY") if licence else None)
