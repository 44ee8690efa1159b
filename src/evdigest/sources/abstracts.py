"""Splitting an abstract into labelled sections ("BACKGROUND: ...", "背景：...").

A label counts only at the start of the text, of a line, or right after a
sentence end, and only from the known vocabulary below, so that an ordinary
colon inside a sentence ("two types: A and B") never starts a section.  A label
needs its colon, except alone on its line ("Methods"), where it labels the text below.

An abstract in markup (HTML, or Crossref's JATS) is read by :func:`markup_sections`:
there a section's heading (``<jats:sec><jats:title>Methods</jats:title>``, ``<h4>Methods</h4>``)
is its label whatever its wording, with no colon needed.  Only the tags of HTML and JATS
elements are markup: a ``<`` that opens none ("CD4<CD8", "p<0.05") is text.
"""

from __future__ import annotations

import re

from ..model import AbstractSection
from ..text import one_line, strip_tags, strip_tags_by_heading

_EN_LABELS = (
    r"background(?:\s+and\s+(?:aims?|objectives?|purpose))?",
    r"introduction",
    r"context",
    r"rationale",
    r"objectives?",
    r"aims?(?:\s+of\s+the\s+review)?",
    r"purpose(?:\s+of\s+(?:the\s+)?review)?",
    r"areas\s+covered",
    r"scope(?:\s+of\s+(?:the\s+)?review)?",
    r"methods?(?:\s+and\s+materials)?",
    r"materials?\s+and\s+methods",
    r"design",
    r"data\s+sources",
    r"study\s+selection",
    r"results?(?:\s+and\s+conclusions?)?",
    r"(?:recent\s+)?findings",
    r"main\s+body",
    r"major\s+conclusions",
    r"key\s+scientific\s+concepts\s+of\s+review",
    r"discussion",
    r"conclusions?(?:\s+and\s+(?:relevance|implications|perspectives))?",
    r"general\s+significance",
    r"significance",
    r"perspectives?",
    r"expert\s+(?:opinion|commentary)",
    r"summary",
)
_ZH_LABELS = (
    "结果与结论",
    "目的与方法",
    "综述目的",
    "背景",
    "引言",
    "目的",
    "方法",
    "结果",
    "结论",
    "意义",
    "设计",
    "资料来源",
    "涵盖领域",
    "最新发现",
    "专家观点",
    "总结",
    "展望",
)

# A heading in front of the whole abstract (not a section label): "摘要: ...", "Abstract: "
_LEADING_HEADING = re.compile(r"^\s*(?:abstract|摘要)\s*[:：]\s*", re.IGNORECASE)
# A heading that names the whole abstract, not a section: "Abstract", "摘要:"
_ABSTRACT_HEADING = re.compile(r"^\s*(?:abstract|摘要)\s*[:：]?\s*$", re.IGNORECASE)
# The elements abstracts are printed with, HTML and JATS (any element of the jats:, mml: or xlink: namespaces):
# "p", "sup", "h4", "jats:sec", "mml:mi"
_ELEMENTS = (
    r"(?:jats|mml|xlink):[a-z][\w.-]*|h[1-6]|p|br|hr|b|i|u|s|em|strong|sup|sub|span|div|a|ul|ol|li|dl|dt|dd|sc|"
    r"small|big|font|tt|code|abbr|cite|q|blockquote|section|article|header|footer|title|label|caption|table|"
    r"thead|tbody|tfoot|tr|td|th|img|figure|figcaption|italic|bold|underline|sec|list|list-item|xref|ext-link|"
    r"inline-formula|disp-formula|named-content|styled-content|abstract|math|mi|mo|mn|msup|msub|mrow"
)
# A tag of one of those elements, its attributes all given values, or a comment: "<p>", "</jats:title>",
# "<br/>", '<a href="https://doi.org/10.1000/a">', "<!-- end -->" (not "<CD8 ratio ... >" nor "<0.05")
_TAG = re.compile(
    rf"<!--.*?-->|</?(?:{_ELEMENTS})(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))*\s*/?>",
    re.IGNORECASE | re.DOTALL,
)
# An HTML heading, its words in group "words": "<h4>Background</h4>", "<h3 class='t'>Methods:</h3>"
_HTML_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*>(?P<words>.*?)</h(?P=level)\s*>", re.IGNORECASE | re.DOTALL)
# The colon a heading may end with: "Background:"
_HEADING_COLON = re.compile(r"\s*[:：]\s*$")
_LABELS = "|".join(_EN_LABELS + _ZH_LABELS)
# A section label followed by a colon, at a start or after a sentence end: "BACKGROUND: ", "Methods：", "背景:";
# or alone on its line, with no colon needed: "Methods\n", "目的\n"
_LABEL = re.compile(
    rf"(?:^|(?<=[.。!?！？;；])\s*|(?<=\n))\s*(?P<label>{_LABELS})\s*[:：]\s*"
    rf"|^[ \t]*(?P<bare>{_LABELS})[ \t]*$\s*",
    re.IGNORECASE | re.MULTILINE,
)


def split_sections(text: str) -> tuple[AbstractSection, ...]:
    """Split an abstract into ``AbstractSection``s; one unlabelled section when no label is found.

    Text before the first label becomes an unlabelled section of its own; a label
    with no text after it labels nothing.  Whitespace inside each section is
    collapsed to single spaces.
    """
    return _read_sections(text)[0]


def _read_sections(text: str) -> tuple[tuple[AbstractSection, ...], str | None]:
    """The sections of ``text`` and the label it ends with when no text follows that label ("Methods:")."""
    text = _LEADING_HEADING.sub("", text.strip())
    if not text:
        return (), None
    matches = list(_LABEL.finditer(text))
    if not matches:
        return (AbstractSection(None, one_line(text)),), None
    sections: list[AbstractSection] = []
    head = text[: matches[0].start()].strip()
    if head:
        sections.append(AbstractSection(None, one_line(head)))
    trailing = None
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = one_line(text[match.end() : end])
        label = (match.group("label") or match.group("bare")).strip()
        if body:
            sections.append(AbstractSection(label, body))
        elif end == len(text):
            trailing = label
    return tuple(sections), trailing


def join_paragraphs(paragraphs: list[str]) -> tuple[AbstractSection, ...]:
    """Sections of an abstract printed as several paragraphs; unlabelled paragraphs continue the previous section,
    and a paragraph that ends with a label ("Methods:" alone on its line) labels the next one."""
    sections: list[AbstractSection] = []
    pending: str | None = None
    for paragraph in paragraphs:
        read, trailing = _read_sections(paragraph)
        for section in read:
            if section.label is None and pending is not None:
                section = AbstractSection(pending, section.text)
            elif section.label is None and sections and sections[-1].label is not None:
                last = sections.pop()
                section = AbstractSection(last.label, f"{last.text} {section.text}")
            sections.append(section)
            pending = None
        pending = trailing or pending
    return tuple(sections)


def escape_loose_brackets(fragment: str) -> str:
    """``fragment`` with every ``<`` that opens no HTML or JATS tag written ``&lt;``, so that an HTML reader
    keeps it as text: "CD4<CD8 ratio; >2.5 ng/mL" is read as printed, not as a tag ``<CD8 ratio; >``."""
    parts: list[str] = []
    end = 0
    for tag in _TAG.finditer(fragment):
        parts += [fragment[end : tag.start()].replace("<", "&lt;"), tag.group()]
        end = tag.end()
    parts.append(fragment[end:].replace("<", "&lt;"))
    return "".join(parts)


def markup_sections(fragment: str) -> tuple[AbstractSection, ...]:
    """Sections of an abstract given as an HTML or JATS fragment.

    A section heading, JATS (``<jats:sec><jats:title>``) or HTML (``<h4>Background</h4>``), is the
    label of the paragraphs under it (a trailing colon dropped); a heading that only names the
    abstract ("Abstract") is no label.  Text under no heading is split by :func:`join_paragraphs`,
    so ``<p><b>Background:</b> ...</p>`` keeps working.  Tags are removed and entities decoded by
    :func:`~evdigest.text.strip_tags_by_heading`; a ``<`` that opens no tag is text
    (:func:`escape_loose_brackets`).
    """
    sections: list[AbstractSection] = []
    for html_heading, part in _by_html_heading(escape_loose_brackets(fragment)):
        for heading, text in strip_tags_by_heading(part):
            sections.extend(_headed_sections(heading or html_heading, text))
    return tuple(sections)


def _by_html_heading(fragment: str) -> list[tuple[str | None, str]]:
    """``fragment`` cut at its HTML headings: ``(heading, markup under it)`` pairs in order, the markup
    before the first heading under ``None``."""
    pairs: list[tuple[str | None, str]] = []
    heading: str | None = None
    start = 0
    for match in _HTML_HEADING.finditer(fragment):
        pairs.append((heading, fragment[start : match.start()]))
        heading, start = one_line(strip_tags(match.group("words"))) or None, match.end()
    pairs.append((heading, fragment[start:]))
    return pairs


def _headed_sections(heading: str | None, text: str) -> tuple[AbstractSection, ...]:
    """The sections of the plain ``text`` under ``heading``: one labelled by the heading, or, under no
    heading or one that names the whole abstract, those :func:`join_paragraphs` finds."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    label = _HEADING_COLON.sub("", heading) if heading else None
    if not label or _ABSTRACT_HEADING.match(label):
        return join_paragraphs(paragraphs)
    return (AbstractSection(label, one_line(" ".join(paragraphs))),) if paragraphs else ()
