"""Labelled lines of a journal full text's front and back matter, and where they are."""

from __future__ import annotations

import re

from ..doi import DOI_PATTERN
from .fulltext_text import Line

# "摘要", "摘要：目的...", "【摘要】肺癌是...", "摘要 外泌体是..."
ZH_ABSTRACT = re.compile(r"^[【\[]?摘\s*要[】\]]?\s*[:：]?\s*(?P<rest>.*)$")
# "Abstract", "Abstract: Objective ...", "【Abstract】Lung cancer ..."
EN_ABSTRACT = re.compile(r"^[【\[]?(?:ABSTRACT|Abstract)(?:[】\]]\s*|\s*[:：]\s*|\s+|$)(?P<rest>.*)$")
# "关键词: 外泌体; ...", "【关键词】液体活检；...", "关键词 肿瘤 外泌体", "关键字：间充质干细胞；..."
ZH_KEYWORDS = re.compile(r"^[【\[]?关\s*键\s*[词字][】\]]?\s*[:：]?\s*(?P<rest>.*)$")
# "Key words: exosome; ...", "Keywords: semen; ...", "Key wordsTumor exosome", "【Key words】liquid biopsy"
EN_KEYWORDS = re.compile(r"^[【\[]?(?:Key\s*words?|KEY\s*WORDS?)[】\]]?\s*[:：]?\s*(?P<rest>.*)$")
# "... nanoparticle tracking analysis" after "Key words:" inside an abstract line
EN_KEYWORDS_INLINE = re.compile(r"\s*(?:Key\s*words?|Keywords)\s*[:：]\s*(?P<rest>.+)$")
# "文题释义:"
DEFINITIONS = re.compile(r"^文题释义\s*[:：]?\s*$")
# "基金资助: 国家自然科学基金...", "基金项目：辽宁省...", "【基金项目】...", and with a space for the colon (an
# ideographic one too): "基金项目　国家自然科学基金（82172345）"
FUNDING_ZH = re.compile(
    r"^[【\[]?(?:(?:基金资助|基金项目|资助项目|基金)[】\]]?\s*[:：]|(?:基金资助|基金项目|资助项目)(?:[】\]]|\s))"
    r"\s*(?P<rest>.+)$"
)
# "Funding: National Natural Science Foundation of China, No. 82072137 (to SP)"
FUNDING_EN = re.compile(r"^(?:Funding|Foundation items?|Supported by|Fund program)\s*[:：]\s*(?P<rest>.+)$", re.I)
# "引用本文: 吕茹月, ... [J]. 中国组织工程研究, 2026, 30(1):184-193.", "引用格式：...", "【引用本文】..."
CITE_ZH = re.compile(r"^[【\[]?(?:引用本文|本文引用格式|引用格式|引文格式)[】\]]?\s*[:：]?\s*(?P<rest>.+)$")
# "How to cite this article: LYU RY, ... Zhongguo Zuzhi Gongcheng Yanjiu. 2026;30(1):184-193.", "Cite this article as: ..."
CITE_EN = re.compile(
    r"^(?:How to cite(?: this (?:article|paper))?|Cite this (?:article|paper)(?: as)?|Citation)\s*[:：]\s*(?P<rest>.+)$",
    re.I,
)
# "通讯作者: 孙鹏, 博士, ...", "\*通信作者：刘长宏，教授"
CORRESPONDING_ZH = re.compile(r"^[\\*＊\s]*(?:通讯作者|通信作者)\s*[:：]\s*(?P<rest>.+)$")
# "Corresponding author: Sun Peng, PhD, ..." (also inside a line)
CORRESPONDING_EN = re.compile(r"Corresponding authors?\s*[:：]\s*(?P<rest>.+)$", re.I)
# "第一作者: 吕茹月, 女, 1993年生, ...", "作者简介：王晓明（1985—），男，..."
FIRST_AUTHOR = re.compile(r"^[【\[]?(?:第一作者|作者简介)(?:[】\]]\s*[:：]?|\s*[:：])")
# the labels of the dates printed in the front matter, in Chinese and in English (any case)
DATE_LABELS = (
    r"投稿日期|收稿日期|修回日期|修订日期|采用日期|接受日期|录用日期|在线日期|网络出版日期|网络首发日期"
    r"|网络出版时间|网络首发时间|(?i:Received|Revised|Accepted|Published online|Available online)"
)
# one date label, with its brackets and colon: "收稿日期: ", "[录用日期] ", "【修回日期】", "修回日期 2024",
# "Received: "
DATE_LABEL = re.compile(rf"[\[【]?\s*(?P<label>{DATE_LABELS})\s*(?:[\]】]\s*[:：]?|[:：]|(?=\d))\s*")
# a line of dates: "投稿日期: 2024-11-30", "收稿日期：2017年3月2日; 修回日期: ...", "[录用日期] 2024-04-01",
# "网络出版时间：2025-06-01 10:22:33", "Received: March 2, 2025; Revised: ..."
DATE_LINE = re.compile(rf"^[\[【]?\s*(?:{DATE_LABELS})\s*(?:[\]】]|[:：]|\d)")
# "中图分类号:", "文章编号:", "文献标识码: A", "文章快速阅读: ..."
META_LINE = re.compile(r"^(?P<label>中图分类号|文章编号|文献标识码|文章快速阅读|DOI|doi)\s*[:：]\s*(?P<rest>.*)$")
# "开放获取声明: 这是一篇开放获取文章, ..."
LICENSE_LINE = re.compile(r"^(?:开放获取声明|版权声明|License)\s*[:：]\s*(?P<rest>.+)$", re.I)
# back matter after the body: "作者贡献:", "利益冲突:", "版权转让:", "出版规范:", "致谢:"
BACK_MATTER = re.compile(
    r"^(?:作者贡献|利益冲突(?:情况)?|开放获取声明|版权转让|出版规范|致谢|伦理(?:问题|批准)?|数据(?:共享|可用性)(?:声明)?)\s*[:：]"
)
# "4 参考文献 References", "# 参考文献：", "# [参考文献]", "References", "参考文献 (References)", "**参考文献**",
# "## 参考文献 ##" (its leading marks already taken off), "参考文献 REFERENCES", "参考文献 References:"
REFERENCE_HEADING = re.compile(
    r"^(?:\*\*)?(?:\d+\s*)?[\[【]?(?:参\s*考\s*文\s*献)[\]】]?\s*[:：]?\s*"
    r"(?:[(（]?\s*(?:References?|REFERENCES)\s*[)）]?\s*[:：]?)?"
    r"\s*(?:\*\*|#+)?\s*$"
    r"|^(?:\*\*)?(?:References?|REFERENCES)\s*[:：]?\s*(?:\*\*|#+)?\s*$"
)
# "<https://orcid.org/0000-0001-9576-6102> (孙鹏)"
ORCID = re.compile(r"orcid\.org/(?P<id>\d{4}-\d{4}-\d{4}-\d{3}[\dX])>?\s*(?:[(（](?P<who>[^)）]+)[)）])?")
# "<https://doi.org/10.12307/2025.573>", "10.12114/j.issn.1007-9572.2022.0641 闫星",
# "10.1016/S1875-5364(24)60567-1", "10.12307/2026.001文章编号：2095-4344" (see :mod:`evdigest.doi`)
DOI = re.compile(rf"(?P<doi>{DOI_PATTERN})")
# a running header or footer of the journal's pages: "中国生物工程杂志 China Biotechnology 2024, 44(3): 123-130",
# "中华危重病急救医学 2024年5月第36卷第5期", "Chin Crit Care Med, May 2024, Vol.36, No.5", "·综述·",
# "ISSN 1000-7431", "CN 11-1234/R"
RUNNING_HEAD = re.compile(
    r"\b(?:19|20)\d{2}\s*[,，]\s*\d{1,3}\s*[(（]\s*\d{1,3}\s*[)）]"
    r"|第\s*\d+\s*[卷期]|\bVol\.?\s*\d+\s*[,，]?\s*No\.?\s*\d+"
    r"|^[·•・]\s*[^\s·•・]{2,8}\s*[·•・]$|\bISSN\s*:?\s*\d{4}-\d{3}[\dX]|\bCN\s*\d{2}-\d{4}"
)

FRONT_LABELS = (
    ZH_ABSTRACT,
    ZH_KEYWORDS,
    EN_KEYWORDS,
    DEFINITIONS,
    FUNDING_ZH,
    FUNDING_EN,
    CITE_ZH,
    CITE_EN,
    CORRESPONDING_ZH,
    FIRST_AUTHOR,
    DATE_LINE,
    META_LINE,
)


def is_labelled(text: str) -> bool:
    """True for a front-matter line that starts with a known label (abstract, keywords, funding, ...)."""
    if text.startswith("Corresponding author") or "orcid.org/" in text:
        return True
    return any(p.match(text) for p in FRONT_LABELS) or bool(EN_ABSTRACT.match(text))


# a labelled line that stops on a separator, so the next line carries it on: "基金项目：国家自然科学基金（82172345）；"
OPEN_END = re.compile(r"[；;，,、]$")


def wrapped_lines(lines: list[Line], index: int) -> list[int]:
    """The indexes of the lines the labelled line at ``index`` wraps onto: each next line, with no blank line
    between, no label, while the line before stops on a separator
    ("基金项目：国家自然科学基金（82172345）；" / "江苏省重点研发计划（BE2022001）")."""
    found: list[int] = []
    for following in range(index + 1, len(lines)):
        line, previous = lines[following], lines[following - 1]
        if not line.text or line.number != previous.number + 1 or is_labelled(line.text):
            break
        if not OPEN_END.search(previous.text):
            break
        found.append(following)
    return found


# Longest line read as a page header or footer: a sentence mentioning "第2期临床试验" is not one
RUNNING_HEAD_LENGTH = 80


def is_running_head(text: str) -> bool:
    """True for a page header or footer the conversion left in the text (journal, volume, issue, column):
    a short line holding one of their marks."""
    return len(text) <= RUNNING_HEAD_LENGTH and not text.rstrip().endswith("。") and bool(RUNNING_HEAD.search(text))


# a page number alone: "· 186 ·", "- 12 -", "186"
PAGE_NUMBER = re.compile(r"^[·•・\-–—]?\s*\d{1,4}\s*[·•・\-–—]?$")
# a page header or footer's other forms: "Chinese Journal of Tissue Engineering Research | Vol 30 | No 1 | January 2026",
# "www.CJTER.com Chinese Journal of Tissue Engineering Research", a page number
PAGE_FURNITURE = re.compile(
    r"\bVol\.?\s*\d+\s*[|｜,，]?\s*No\.?\s*\d+"
    r"|^(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+/?(?:\s+[A-Za-z][A-Za-z ,&'.-]*)?$"
    rf"|{PAGE_NUMBER.pattern}"
)
# a volume or an issue alone, the one mark of a header that a sentence may also hold: "第2期"
ISSUE_MARK = re.compile(r"第\s*\d+\s*[卷期]")
# a year, which a header of a Chinese journal prints beside its volume or issue: "2026年1月"
HEAD_YEAR = re.compile(r"(?:19|20)\d{2}")
# sentence punctuation a page header does not hold once its journal, volume and date marks are taken out
HEAD_SENTENCE = re.compile(r"[，。；、！？]")


def is_page_head(text: str) -> bool:
    """True for a running header or footer of the journal's pages (journal name with volume, issue or date, the
    journal's web address, a page number) printed between two lines of the body: a short line that holds no
    sentence punctuation once those marks are taken out, so "处于第2期临床试验阶段，" stays text."""
    if len(text) > RUNNING_HEAD_LENGTH:
        return False
    if PAGE_FURNITURE.search(text):
        return not HEAD_SENTENCE.search(PAGE_FURNITURE.sub("", text))
    marks = RUNNING_HEAD.findall(text)
    if not marks or (len(marks) == 1 and ISSUE_MARK.fullmatch(marks[0]) and not HEAD_YEAR.search(text)):
        return False  # "第2期临床试验的结果", a line of text: a header also prints the year or the volume
    return not HEAD_SENTENCE.search(RUNNING_HEAD.sub("", text))


def find_first(lines: list[Line], pattern: re.Pattern[str], start: int = 0, stop: int | None = None) -> int | None:
    """Index of the first line from ``start`` (before ``stop``) matching ``pattern``."""
    end = len(lines) if stop is None else stop
    for index in range(start, end):
        if lines[index].text and pattern.match(lines[index].text):
            return index
    return None


def find_reference_heading(lines: list[Line]) -> int | None:
    """Index of the reference-list heading (the last one, should the word appear twice)."""
    found = None
    for index, line in enumerate(lines):
        if line.text and REFERENCE_HEADING.match(line.text):
            found = index
    return found
