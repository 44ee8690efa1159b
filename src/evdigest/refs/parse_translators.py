"""Translators printed in a reference, and the country mark Chinese references print before a foreign author.

GB/T 7714 prints the translators after the title and its type code: ``书名[M]. 张三, 李四, 译. 北京: …`` (``等译``
when the list is cut short), Vancouver after the title too: ``Leggatt J, translator.``. English styles print
``Translated by J. Smith``, ``Trans. by J. Smith``, ``Trans. Richard Howard`` (MLA), ``trans. John Gledson``
(Chicago), ``(H. Weaver, Trans.)`` (APA) or ``Timothy Bahti (trans.)``. They are CSL ``translator``, taken out of
the text before its authors, title and publisher are read; the sentence a label's statement follows is the title of
the translated work (``The Iliad. Trans. Robert Fagles.``), never its authors.

A Chinese reference marks a foreign author's country before the name (``[美] 温伯格``, ``（英）道金斯``): the mark is no
part of the name, and a name written in Chinese characters after it is a foreign name spelt in them, not a Chinese
family name and given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from evdigest.refs.parse_names import parse_author_tokens, parse_name
from evdigest.refs.parse_places import CLOSING_PUBLICATION
from evdigest.refs.parse_words import JOURNAL_WORDS

# "詹启敏, 刘芝华, 译.", "卢允中, 张岱云, 陈复加, 等译.", "巴曙松 译.", "张三译.": GB/T 7714's translators, a sentence of
# their own after the title (not "翻译", "编译" or "合译": a glued 译 follows no character that makes a word of it);
# Vancouver's "Leggatt J, translator."
_ROLE_AFTER_NAMES = re.compile(
    r"(?:(?<=\.)|^)\s*(?P<names>[^.;:\[\]()]{1,200}?)"
    r"(?:\s*,\s*(?:等\s*)?|\s+|\s*等\s*|(?<=[\u3400-\u9fff])(?<![翻编合校摘节破误转]))"
    r"译\s*(?:[.;,]\s*|$)"
    r"|(?:(?<=\.)|^)\s*(?P<vancouver>[^.;:\[\]()]{1,200}?),\s*translators?\s*(?:[.;,]\s*|$)"
)
# "(H. Weaver, Trans.)", "(F. W. Truscott & F. L. Emory, Trans.)", "(J. Strachey, Ed. & Trans.)": APA's translators
_APA_TRANSLATED = re.compile(r"\s*\((?P<names>[^()]+?),\s*(?:Eds?\.\s*(?:&|and)\s*)?Trans\.\)")
# "(translated by Douglas Martin)", "(trans. J. Smith)": a translator statement in brackets
_BRACKETED = re.compile(r"\s*\(\s*(?:[Tt]ranslated\s+by|[Tt]rans\.(?:\s+by)?)\s+(?P<names>[^()]+?)\s*\)")
# "Translated by", "Edited and translated by", "Translated from the French by", "Trans. by", "Trans.", "trans.",
# "(Trans.)", "Traduction de", "Trad.", "Übersetzt von": the label before a translator list that starts a sentence or
# follows a comma (not the "Trans." of a journal's name: "IEEE Trans. Softw. Eng."); "edited and translated by"
# after a comma names a host book's editors, left to the chapter's reading
_LABEL = re.compile(
    r"(?:^|(?<=[.,;]\s))(?:[Tt]ranslated(?:\s+from\s+(?:the\s+)?[A-Z][a-z]+)?\s+by"
    r"|(?<=\.\s)Edited\s+and\s+translated\s+by|[Tt]rans\.(?:\s+by)?|\(Trans\.\)|Traduction\s+de|Trad\."
    r"|[Üü]bersetzt\s+von)\s+(?=[A-Z])"
)
# ". " ending a sentence, not the dot of an initial ("Thomas P. Whitney"), or the bracket of a publication (Chicago's
# "trans. Guenther Roth (Berkeley: …"): where a translator list must end
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])\.(?:\s+|$)|;\s*|\s+(?P<bracket>(?=\())|$")
# "Timothy Bahti (trans.)", "Douglas W. Stott (ed. and trans.)": the translators before a mark
_AFTER_NAMES = re.compile(r"\s*\((?:eds?\.\s+(?:and|&)\s+)?trans\.?\)", re.IGNORECASE)
# ", " or ". " where a name list before a mark may start (the dot of an initial is checked apart)
_NAMES_START = re.compile(r"(?:[,;]|(?<![A-Z])\.)\s+")
# "[美] ", "（英）", "〔德〕", "(古希腊)": a foreign author's country, before the name at the start of a list, after
# a comma of the list or after GB/T's "//" (not a number: "[一]")
_COUNTRY = re.compile(
    r"(?:^|(?<=,)|(?<=//))\s*[\[(〔]\s*(?![一二三四五六七八九十]+\s*[\])〕])[\u4e00-\u9fff]{1,3}\s*[\])〕]\s*"
)
# ". ", "[M]": the end of a sentence or a type code, which no name list holds
_SENTENCE = re.compile(r"\.(?:\s|$)|\[[A-Z]")
# "温伯格", "道金斯": a name in Chinese characters right after a country mark
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,10}(?=\s*(?:[,.;]|$))")
# "译", "translator", "Trans.", "Trad.", "Traduction", "Übersetzt": a word every translator statement holds
_ANY_LABEL = re.compile(r"译|[Tt]rans(?:lat|\.)|Trad|[Üü]bersetzt")
# " and ", ", and ", " & ": before the last name of a list
_AND = re.compile(r",?\s+(?:and|&)\s+")
# ", ", "; ": between the names of a list
_SEPARATOR = re.compile(r"\s*[,;]\s*")


@dataclass
class Translated:
    """A reference's text without its translator statement and country marks, and what they told."""

    text: str
    translators: list[dict[str, str]] = field(default_factory=list)
    foreign: set[str] = field(default_factory=set)
    """Names in Chinese characters printed after a country mark (``温伯格``): foreign names, read whole."""
    follows_title: int | None = None
    """Where in ``text`` the sentence after a translator statement opened by its label now starts (``The Iliad.
    Trans. Robert Fagles. New York`` -> the index of ``New York``): the sentence before the statement is the title of
    the translated work, never its authors."""
    publication: bool = False
    """The translator list ran on into the publication after a comma (MLA 9's ``Translated by Robert Fagles, Penguin
    Books, 1990.``)."""


def take_translators(text: str) -> Translated:
    """Take the translators (GB/T 7714's ``张三, 译.``, ``Translated by``, ``Trans.``, APA's ``(J. Smith, Trans.)``)
    and the country marks before foreign authors' names out of ``text``."""
    foreign: set[str] = set()
    out = Translated(_without_countries(text, foreign), foreign=foreign)
    if _ANY_LABEL.search(text):  # most references name no translator: the patterns are not tried on them
        for take in (_take_role, _take_bracketed, _take_labelled, _take_marked):
            if take(out):
                break
    return out


def translated_book(item: dict[str, Any], translated: Translated) -> bool:
    """A work whose translator list ran on into its publication (``Madame Bovary. Translated by Lydia Davis, Viking,
    2010.``) read as an article with no volume, issue or pages: a book, what read as its journal its publisher; True
    when so changed."""
    if not translated.publication or item.get("type") != "article-journal" or "container-title" not in item:
        return False
    if any(key in item for key in ("volume", "issue", "page")):
        return False
    item["type"] = "book"
    item["publisher"] = item.pop("container-title")
    return True


def whole_foreign_names(names: list[dict[str, Any]], foreign: set[str]) -> list[dict[str, Any]]:
    """Authors read from a list with country marks: a foreign name in Chinese characters (``温伯格``, split as
    family 温 and given 伯格) written whole, as a literal name."""
    return [
        {"literal": name["family"] + name["given"]}
        if name.get("family", "") + name.get("given", "") in foreign and "literal" not in name
        else name
        for name in names
    ]


def _without_countries(text: str, found: set[str]) -> str:
    """``[美] 温伯格, [英] 道金斯. 书名[M]`` -> ``温伯格, 道金斯. 书名[M]`` (the names after the marks in ``found``)."""
    parts: list[str] = []
    end = 0
    for mark in _COUNTRY.finditer(text):
        if not _in_names(text, mark.start()):
            continue
        parts.append(text[end : mark.start()] + (" " if mark.start() and text[mark.start() - 1] == "," else ""))
        end = mark.end()
        name = _CJK_RUN.match(text, end)
        if name:
            found.add(name.group())
    return "".join(parts) + text[end:] if parts else text


def _in_names(text: str, at: int) -> bool:
    """A mark at the start, or inside a name list (no sentence before it since the start or the last ``//``)."""
    return not _SENTENCE.search(text[:at].rpartition("//")[2])


def _take_role(out: Translated) -> bool:
    """GB/T 7714: ``书名[M]. 詹启敏, 刘芝华, 译. 北京: 科学出版社, 2009.``; Vancouver: ``Title. Leggatt J, translator.
    New York: Knopf; 1997.``"""
    for match in _ROLE_AFTER_NAMES.finditer(out.text):
        names = name_list(match.group("names") or match.group("vancouver"))
        if names:
            out.translators = names
            out.text = _cut(out.text, match.start(), match.end(), ". ")
            return True
    return False


def _take_bracketed(out: Translated) -> bool:
    """APA's ``The psychology of the child (H. Weaver, Trans.). Basic Books.``, and ``Johann Gutenberg (translated by
    Douglas Martin). New York``."""
    for pattern in (_APA_TRANSLATED, _BRACKETED):
        match = pattern.search(out.text)
        names = name_list(match.group("names")) if match else None
        if match and names:
            out.translators = names
            out.text = _cut(out.text, match.start(), match.end(), "")
            return True
    return False


def _take_labelled(out: Translated) -> bool:
    """``Title. Translated by J. Smith. New York``, ``Title, trans. John Gledson. New York``: the names the label
    opens, up to the sentence after them."""
    for label in _LABEL.finditer(out.text):
        sentence = _SENTENCE_END.search(out.text, label.end())
        end = sentence.start() if sentence else len(out.text)
        names = name_list(out.text[label.end() : end])
        stop = sentence.end() if sentence else end
        if not names:  # MLA 9: "Translated by Robert Fagles, Penguin Books, 1990."
            names, publication = _names_before_publication(out.text[label.end() : end])
            stop, out.publication = label.end() + publication, bool(names)
        if names and sentence and sentence["bracket"] is not None:  # the title runs on to the bracket
            out.translators = names
            out.text = _cut(out.text, label.start(), stop, " ")
            return True
        if names:
            out.translators = names
            rest = out.text[stop:].strip()
            out.text = _cut(out.text, label.start(), stop, ". ")
            out.follows_title = len(out.text) - len(rest)
            return True
    return False


def _names_before_publication(text: str) -> tuple[list[dict[str, str]] | None, int]:
    """MLA 9's ``Robert Fagles, Penguin Books, 1990``: the names before the first comma after which a publication
    (``Publisher, Year``, ``Place: Publisher, Year``) fills the rest of the sentence, and where that publication
    starts; ``(None, 0)`` when the text is not so printed."""
    for comma in re.finditer(r",\s*", text):
        if CLOSING_PUBLICATION.match(text[comma.end() :]):
            names = name_list(text[: comma.start()])
            return (names, comma.end()) if names else (None, 0)
    return None, 0


def _take_marked(out: Translated) -> bool:
    """``Toward an Aesthetic of Reception, Timothy Bahti (trans.) (Minneapolis…``: the names before the mark, from the
    nearest comma or sentence end that leaves only names."""
    mark = _AFTER_NAMES.search(out.text)
    if not mark:
        return False
    head = out.text[: mark.start()]
    for start in sorted((m.end() for m in _NAMES_START.finditer(head)), reverse=True):
        names = name_list(head[start:])
        if names:
            out.translators = names
            out.text = _cut(out.text, start, mark.end(), " ")
            return True
    return False


def name_list(text: str) -> list[dict[str, str]] | None:
    """The people of a translator list (``詹启敏, 刘芝华``, ``H. Weaver & F. L. Emory``, ``Hanson, S.``), or ``None``.

    Unlike an author list, a list written given name first may mix full given names and initials (``Thomas P.
    Whitney and H. Willets``)."""
    found = read_name_list(text)
    return found[0] if found else None


def read_name_list(text: str) -> tuple[list[dict[str, str]], bool] | None:
    """:func:`name_list` and whether the list ends in "et al." / 等 (``J. Smith et al.``: cut short), or ``None``."""
    people: list[dict[str, str]] = []
    et_al = False
    for group in _AND.split(text.strip(" .,;")):  # a name inverted with a comma is never split by "and"
        tokens = [token for token in _SEPARATOR.split(group.strip(" ,;")) if token.strip()]
        found = parse_author_tokens(tokens) if tokens else None
        names = found[0] if found else [parse_name(token) for token in tokens]
        if not names or None in names or (not found and not all("given" in name for name in names)):
            return None
        people += [name for name in names if name is not None]
        et_al = bool(found and found[1])
    return (people, et_al) if _people(people) else None


def _people(names: list[dict[str, str]]) -> bool:
    """Names of people or of an organisation, not words of a journal's name read as names (family ``Soc``)."""
    for name in names:
        if "literal" in name:
            continue
        if any(word in JOURNAL_WORDS and len(word) > 1 for word in name.get("family", "").split()):
            return False  # "R. Soc" of "Trans. R. Soc. Trop. Med. Hyg."
    return bool(names)


def _cut(text: str, start: int, end: int, joint: str) -> str:
    """``text`` without ``text[start:end]``, the two sides joined by ``joint``: ``". "`` ends the sentence before
    (a comma before it becomes the full stop); punctuation left twice at the joint is written once."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if joint == ". ":
        before = before.rstrip(",;")
        joint = " " if before.endswith(".") else joint
    if after[:1] in (".", ",", ";") and before[-1:] in (".", ",", ";"):
        before = before[:-1]  # "language, (H. J. Silverman, Trans.). Evanston" -> "language. Evanston"
    if after[:1] == "(":  # "Economy and Society, trans. Guenther Roth (Berkeley" -> "Economy and Society (Berkeley"
        before = before.rstrip(",")
    return (before + (joint if before and after else "") + after).strip()
