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
# "BACKGROUND: ...", "RESULTS AND CONCLUSION: ...", "Objective: ...", "【Objective】...", and a label in capitals
# without a colon, before a capital: "OBJECTIVE  To summarize..."
EN_LABEL = re.compile(
    rf"^(?:[【\[](?P<bracketed>{EN_LABELS})[】\]]\s*[:：]?"
    r"|(?P<label>[A-Z][A-Z ]{2,40}|Background|Objectives?|Aims?|Purpose|Methods?|Results?|Conclusions?|Design)\s*[:：]"
    r"|(?P<capitals>BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|RESULTS?(?: AND CONCLUSIONS?)?|CONCLUSIONS?|DESIGN)"
    r"\s+(?=[A-Z]))\s*"
)
# inline structure with no separators: "目的介绍...。方法选自...。结果 提取物...结论 经过..."
ZH_INLINE = re.compile(r"(?:^|(?<=[。.]))\s*(?P<label>目的|方法|结果|结论)(?:\s*[:：])?\s*")
# "Objective To extract...Methods Exosomes...Results The...Conclusion The", "OBJECTIVE  To summarize... METHODS  CNKI"
EN_INLINE = re.compile(
    r"(?:^|(?<=[.。)]))\s*(?P<label>Objectives?|Methods?|Results?|Conclusions?|Background"
    r"|OBJECTIVES?|METHODS?|RESULTS?|CONCLUSIONS?|BACKGROUND)(?=[\s:：A-Z])\s*[:：]?\s*"
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
    for paragraph in (part for p in paragraphs for part in _bracketed_parts(p, lang)):
        match = label_re.match(paragraph)
        if match:
            label = match.group("bracketed") or match.group("label") or match.group("capitals")
            sections.append(AbstractSection(label, paragraph[match.end() :].strip()))
        elif sections:
            last = sections[-1]
            sections[-1] = AbstractSection(last.label, join_text(last.text, paragraph))
        else:
            sections.append(AbstractSection(None, paragraph.strip()))
    if len(sections) == 1 and sections[0].label is None:
        return _inline_sections(sections[0].text, lang)
    return tuple(section for section in sections if section.text)


def _bracketed_parts(paragraph: str, lang: str) -> list[str]:
    """A paragraph opening on a bracketed label, cut before each bracketed label it holds
    ("【目的】总结...。【方法】检索..." -> "【目的】总结...。", "【方法】检索..."); any other paragraph whole."""
    pattern = ZH_BRACKETED if lang == "zh" else EN_BRACKETED
    starts = [m.start() for m in pattern.finditer(paragraph)]
    if not starts or starts[0] != 0:
        return [paragraph]
    return [paragraph[a:b].strip() for a, b in zip(starts, [*starts[1:], len(paragraph)], strict=True)]


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


def abstract_paragraphs(lines: list[Line | None], first: str, lang: str, skip: set[int]) -> tuple[list[str], set[int]]:
    """The paragraphs of an abstract region in one language, and the numbers of the lines read.

    ``lines`` follow the label line (``first`` is the text after the label). A line with no blank line
    before it carries on the paragraph above, whatever its script, unless it opens on a structure label
    ("...（mesenchymal stem cell-derived" / "extracellular vesicles, MSC-EVs）促进..."); a line after a blank
    line starts a paragraph when it is written in the abstract's language, so a block in the other language
    in between is left out. ``None`` in ``lines`` stands for a line that ends a paragraph (a labelled one).
    """
    label = ZH_LABEL if lang == "zh" else EN_LABEL
    paragraphs = [first] if first else []
    used: set[int] = set()
    open_ = bool(first)
    for line in lines:
        if line is None or not line.text or line.number in skip:
            open_ = False
            continue
        if open_ and not label.match(line.text):
            paragraphs[-1] = join_text(paragraphs[-1], line.text)
        elif open_ or _in_language(line.text, lang):
            paragraphs.append(line.text)
        else:
            continue
        used.add(line.number)
        open_ = True
    return paragraphs, used


def _in_language(text: str, lang: str) -> bool:
    """True for a line written in the abstract's language."""
    return is_latin_text(text) if lang == "en" else is_cjk_text(text)


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
