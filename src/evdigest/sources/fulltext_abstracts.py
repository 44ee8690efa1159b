"""Abstracts, keywords and term definitions (文题释义) of a journal full text."""

from __future__ import annotations

import re

from ..model import AbstractSection, Definition, Warning
from .fulltext_text import Line, is_cjk_text, is_latin_text, join_text
from .keywords import split_keywords as split_list

# the structure labels of a Chinese abstract
ZH_LABELS = r"背景|目的|方法|结果与结论|结果|结论|意义|设计|对象|干预"
# the structure labels of an English abstract, in any case
EN_LABELS = r"(?i:Background|Objectives?|Aims?|Purpose|Methods?|Results?(?: and Conclusions?)?|Conclusions?|Design)"
# "背景: ...", "结果与结论：...", "【目的】..." at the start of an abstract paragraph
ZH_LABEL = re.compile(rf"^(?:[【\[](?P<bracketed>{ZH_LABELS})[】\]]\s*[:：]?|(?P<label>{ZH_LABELS})\s*[:：])\s*")
# "BACKGROUND: ...", "RESULTS AND CONCLUSION: ...", "Objective: ...", "【Objective】..."
EN_LABEL = re.compile(
    rf"^(?:[【\[](?P<bracketed>{EN_LABELS})[】\]]\s*[:：]?"
    r"|(?P<label>[A-Z][A-Z ]{2,40}|Background|Objectives?|Aims?|Purpose|Methods?|Results?|Conclusions?|Design)\s*[:：])\s*"
)
# inline structure with no separators: "目的介绍...。方法选自...。结果 提取物...结论 经过..."
ZH_INLINE = re.compile(r"(?:^|(?<=[。.]))\s*(?P<label>目的|方法|结果|结论)(?:\s*[:：])?\s*")
# "Objective To extract...Methods Exosomes...Results The...Conclusion The"
EN_INLINE = re.compile(
    r"(?:^|(?<=[.。)]))\s*(?P<label>Objectives?|Methods?|Results?|Conclusions?|Background)(?=[\s:：A-Z])\s*[:：]?\s*"
)
# bracketed labels anywhere in a paragraph: "【目的】探讨...。【方法】检索...", "【Objective】To explore...【Methods】..."
ZH_BRACKETED = re.compile(rf"\s*[【\[](?P<label>{ZH_LABELS})[】\]]\s*[:：]?\s*")
EN_BRACKETED = re.compile(rf"\s*[【\[](?P<label>{EN_LABELS})[】\]]\s*[:：]?\s*")
# "外泌体: 是由细胞分泌..." (a term up to 30 characters, then its explanation)
DEFINITION = re.compile(r"^(?P<term>[^:：。，,]{1,30})\s*[:：]\s*(?P<text>.+)$")


def abstract_sections(paragraphs: list[str], lang: str) -> tuple[AbstractSection, ...]:
    """Labelled sections of an abstract; an unlabelled paragraph continues the one before it."""
    label_re = ZH_LABEL if lang == "zh" else EN_LABEL
    if len(paragraphs) == 1:
        inline = _inline_sections(paragraphs[0].strip(), lang)
        if len(inline) > 1:
            return inline
    sections: list[AbstractSection] = []
    for paragraph in paragraphs:
        match = label_re.match(paragraph)
        if match:
            label = match.group("bracketed") or match.group("label")
            sections.append(AbstractSection(label, paragraph[match.end() :].strip()))
        elif sections:
            last = sections[-1]
            sections[-1] = AbstractSection(last.label, join_text(last.text, paragraph))
        else:
            sections.append(AbstractSection(None, paragraph.strip()))
    if len(sections) == 1 and sections[0].label is None:
        return _inline_sections(sections[0].text, lang)
    return tuple(section for section in sections if section.text)


def _inline_sections(text: str, lang: str) -> tuple[AbstractSection, ...]:
    """Split an abstract whose structure labels are run into the text ("目的介绍...。方法选自...")."""
    patterns = (ZH_BRACKETED, ZH_INLINE) if lang == "zh" else (EN_BRACKETED, EN_INLINE)
    for pattern in patterns:
        matches = list(pattern.finditer(text))
        labels = {m.group("label").lower().rstrip("s") for m in matches}
        if len(matches) >= 2 and len(labels) >= 2 and matches[0].start() == 0:
            break
    else:
        return (AbstractSection(None, text),) if text else ()
    sections: list[AbstractSection] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end].strip()
        if body:
            sections.append(AbstractSection(match.group("label"), body))
    return tuple(sections)


def abstract_paragraphs(lines: list[Line], first: str, lang: str, skip: set[int]) -> list[str]:
    """The paragraphs of an abstract region in one language, leaving out lines of the other language."""
    paragraphs = [first] if first else []
    for line in lines:
        if not line.text or line.number in skip:
            continue
        if (lang == "en" and is_latin_text(line.text)) or (lang == "zh" and is_cjk_text(line.text)):
            paragraphs.append(line.text)
    return paragraphs


def split_keywords(text: str, lang: str, line: int | None, warnings: list[Warning]) -> tuple[str, ...]:
    """Keywords from the text after the label (:func:`evdigest.sources.keywords.split_keywords`); Chinese ones
    may be separated by spaces only, an English list so printed is kept as one with a warning."""
    parts = split_list(text)
    if len(parts) == 1 and " " in parts[0]:
        text = parts[0]
        if lang == "zh":
            parts = text.split()
        else:
            warnings.append(
                Warning(f"keywords.{lang}", "keywords printed without separators; kept as one", (text,), line)
            )
    return tuple(parts)


def read_definitions(lines: list[Line], warnings: list[Warning]) -> tuple[Definition, ...]:
    """Terms and explanations from the lines after a 文题释义 label."""
    definitions: list[Definition] = []
    for line in lines:
        if not line.text:
            continue
        match = DEFINITION.match(line.text)
        if match:
            definitions.append(Definition(match.group("term").strip(), match.group("text").strip()))
        elif definitions:
            last = definitions[-1]
            definitions[-1] = Definition(last.term, join_text(last.text, line.text), last.lang)
        else:
            warnings.append(Warning("definitions", "line without a term under 文题释义", (line.text,), line.number))
    return tuple(definitions)
