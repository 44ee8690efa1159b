"""Traditional Chinese (Taiwan) from Simplified: OpenCC plus the corrections our texts need.

OpenCC's ``s2twp`` (Taiwan standard with Taiwan phrases) is the base, but on
biomedical text it makes known mistakes: 生发过程 (biogenesis) becomes 生髮過程
("hair growth"), 被发表 becomes 被髮表, and Taiwan computing phrases break words
(少数组织 -> 少陣列織, 循环 -> 迴圈, 激活 -> 啟用). So :class:`HantConverter`

* converts only runs of Chinese text: Latin text, DOIs, URLs and numbers are
  copied unchanged;
* applies a domain phrase dictionary first (``content/phrases.tsv``, which
  editors extend): a listed phrase is replaced as written there;
* shields protected strings from OpenCC's Taiwan phrases: a glossary term is
  converted with ``s2tw``, which chooses characters by phrase but swaps no words
  (变异系数 -> 變異係數, 循环 -> 循環, not 迴圈); a personal name character by
  character, its family name kept where it is a surname of its own (吕茹月 ->
  呂茹月, 范志强 -> 范志強, not 範; 沈阳明 -> 沈陽明, not the city 瀋陽); dictionary
  phrases inside them still apply;
* turns curly quotes inside Chinese text into 「」 (『』 for single quotes);
  quotes inside English text stay;
* records every phrase the dictionary changed (and every protected string whose
  character-by-character form differs from OpenCC's phrase conversion) for the
  conversion report (:func:`write_report`).

This is the only module that imports ``opencc``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import (
    AbstractSection,
    Affiliation,
    Citation,
    Definition,
    Entry,
    Figure,
    Funding,
    GlossaryTerm,
    Reference,
    Section,
    Table,
    quick_pickling,
)
from ..paths import shown_path

# A run of Chinese text OpenCC may convert: ideographs and CJK/full-width punctuation ("外泌体的生发过程，")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff65]+")
# One CJK ideograph or CJK punctuation mark: "外", "，"
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff65]")
# Text copied unchanged whatever it holds: "https://doi.org/10.12307/2025.573", "10.3389/fcell.2025.1612589"
_VERBATIM = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|\b10\.\d{4,9}/[A-Za-z0-9\-._;()/:<>]+"
)
# A double-quoted span on one line: “再生小巨人”
_DOUBLE_QUOTED = re.compile(r"“([^“”\n]*)”")
# A single-quoted span on one line: ‘脂筏’
_SINGLE_QUOTED = re.compile(r"‘([^‘’\n]*)’")
# A line of the phrase dictionary: "生发过程<TAB>生發過程" (an optional third column is a note)
_PHRASE_LINE = re.compile(r"^([^\t#]+)\t([^\t]+)(?:\t.*)?$")


@quick_pickling
@dataclass(frozen=True, slots=True)
class Change:
    """One place where the converter did not take OpenCC's phrase conversion."""

    phrase: str
    """The Simplified text."""
    result: str
    """What the converter wrote."""
    opencc: str
    """What OpenCC ``s2twp`` alone makes of the phrase (for ``protected`` rows: free-text conversion)."""
    where: str
    """Which text it was in (``slug:field``), as given to :meth:`HantConverter.convert`."""
    kind: str = "dictionary"
    """``dictionary`` (a phrase of the dictionary) or ``protected`` (a name or glossary term, see the module)."""


def load_phrases(path: Path, content_dir: Path | None = None) -> dict[str, str]:
    """Read the phrase dictionary: ``simplified<TAB>traditional[<TAB>note]`` lines, ``#`` comments.

    A malformed line, or a file that is not UTF-8 text or cannot be read, raises
    :class:`~evdigest.errors.ConfigError` naming file (relative to ``content_dir`` when it is inside it) and
    line.
    """
    shown = shown_path(path, content_dir)
    phrases: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise ConfigError(f"{shown}:{line}: the phrase dictionary must be UTF-8 text") from err
    except OSError as err:
        raise ConfigError(f"{shown}: cannot read the phrase dictionary: {err.strerror or err}") from err
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _PHRASE_LINE.match(line)
        if m is None or not _CJK_CHAR.search(m.group(1)):
            raise ConfigError(f"{shown}:{n}: expected 'simplified<TAB>traditional', got {line!r}")
        simplified, traditional = m.group(1).strip(), m.group(2).strip()
        if simplified in phrases and phrases[simplified] != traditional:
            raise ConfigError(f"{shown}:{n}: {simplified!r} is listed twice with different conversions")
        phrases[simplified] = traditional
    return phrases


PHRASES_FILE = "phrases.tsv"
"""Name of the phrase dictionary in the content folder (``content/phrases.tsv``)."""


def load_converter(content: Path) -> HantConverter:
    """A converter with the content folder's phrase dictionary (none when the folder has no ``phrases.tsv``)."""
    path = content / PHRASES_FILE
    return HantConverter(path if path.is_file() else None, content)


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of ``words``, longest first."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, unique))) if unique else None


@functools.lru_cache(maxsize=4096)  # a reference's names, met again in each edition's pages and the index
def _standalone(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex matching any of ``words`` (Chinese) where no Chinese character stands beside it."""
    found = _alternation(words)
    if found is None:
        return None
    return re.compile(rf"(?<![\u3400-\u9fff])(?:{found.pattern})(?![\u3400-\u9fff])")


OPENCC_CONFIGS = ("s2twp", "s2tw")
"""OpenCC's conversions a converter uses: with Taiwan phrases for text, without them for protected strings."""

_loaded: dict[str, Any] = {}
"""OpenCC converters by configuration, loaded once per process (they keep no state between calls)."""


def _opencc(name: str) -> Any:
    """The OpenCC converter of configuration ``name``, loaded the first time a process asks for it. (Loading
    holds the interpreter's lock: a thread loading it beside the reading of the sources would stop the
    reading meanwhile, so each process that converts loads it when it first converts.)"""
    found = _loaded.get(name)
    if found is None:
        import opencc

        found = _loaded[name] = opencc.OpenCC(name)
    return found


# Family names OpenCC would write as another word's character (于 as 於, 范 as 範): kept as printed.
_SURNAMES_KEPT = frozenset("于范余党郁干朴种游")
# A Chinese personal name of a family and a given name: "吕茹月", "欧阳娜娜"
_CHINESE_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$")

SCRIPT_CONFIGS = {"zh-hant": "s2tw", "zh-hans": "tw2s"}
"""OpenCC's character conversions into each edition's script (for what a reader types into a search)."""
SCRIPT_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000))
"""The Chinese characters a character map covers: CJK Unified Ideographs and Extension A."""


def script_map(code: str) -> tuple[str, str]:
    """Every character OpenCC writes otherwise in edition ``code``'s script (``zh-hant``: Simplified ones in
    Traditional; ``zh-hans`` the other way), as two strings of equal length: the characters and what each
    becomes. Character by character, without phrases: a search box converts what a reader types with it."""
    chars = [chr(c) for start, end in SCRIPT_RANGES for c in range(start, end)]
    # one character a line, converted in one call: no phrase spans two lines
    made = _opencc(SCRIPT_CONFIGS[code]).convert("\n".join(chars)).split("\n")
    if len(made) != len(chars):  # pragma: no cover - a conversion that joined or split lines
        made = [_opencc(SCRIPT_CONFIGS[code]).convert(c) for c in chars]
    pairs = [(c, t) for c, t in zip(chars, made, strict=True) if len(t) == 1 and t != c]
    return "".join(c for c, _ in pairs), "".join(t for _, t in pairs)


def opencc_version() -> str:
    """The installed OpenCC's version (what a character map is kept under)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("opencc")
    except PackageNotFoundError:  # pragma: no cover - installed another way
        return "unknown"


class HantConverter:
    """Simplified -> Traditional (Taiwan) for our texts; build one per run and reuse it."""

    def __init__(self, phrases: Path | None = None, content_dir: Path | None = None) -> None:
        """Load OpenCC (``s2twp`` for text, ``s2tw`` for protected strings) and the dictionary (its errors
        name it relative to ``content_dir`` when it is inside it)."""
        self._phrase_conv = _opencc("s2twp")
        self._char_conv = _opencc("s2tw")
        self.phrases: dict[str, str] = load_phrases(phrases, content_dir) if phrases is not None else {}
        self._phrase_re = _alternation(self.phrases)
        self._protect_cache: dict[frozenset[str], re.Pattern[str] | None] = {}
        """The regex of each set of protected strings met inside a text (small sets: quick to compile)."""
        self._char_cache: dict[str, str] = {}
        self._run_cache: dict[str, str] = {}
        self._term_cache: dict[str, str] = {}
        self._protect_given: dict[tuple[str, ...], frozenset[str]] = {}
        self._memo: dict[tuple[str, frozenset[str], frozenset[str]], tuple[str, tuple[Change, ...]]] = {}
        """``(text, protected strings inside it, the names among them) → (result, changes)``: a text met again
        is converted once."""
        self._changes: list[Change] = []
        self._fingerprint: str | None = None

    # -- public -----------------------------------------------------------------

    def convert(self, text: str, protect: Iterable[str] = (), where: str = "", names: Iterable[str] = ()) -> str:
        """Convert ``text`` to Traditional Chinese (Taiwan); Latin text, DOIs, URLs and numbers stay as they are.

        ``protect`` lists names and terms kept out of reach of Taiwan phrase rules (see the module; a
        name among them is converted as one when it is among ``names``: see :meth:`converted`); ``where``
        labels the text in the report.
        """
        result, changes = self.converted(text, protect, names)
        if changes:
            self.record(changes, where)
        return result

    def converted(
        self, text: str, protect: Iterable[str] = (), names: Iterable[str] = ()
    ) -> tuple[str, tuple[Change, ...]]:
        """:meth:`convert` without recording: the result and the report rows converting ``text`` records
        (their ``where`` empty; :meth:`record` records them). ``names``: the protected strings that are
        personal names in this text (an entry's authors), converted by character; they count for this text
        only, so that one entry's author is no name in another entry's glossary."""
        if not _CJK_CHAR.search(text):
            return text, ()
        # Only the protected strings inside the text can change its conversion: the others can match
        # nowhere in it, so they are left out of the memo's key and of the regex. Which of them are names
        # (converted otherwise than terms) is in the key too: a name may be told after a text holding it
        # was converted.
        inside = frozenset(t for t in self._protection(protect) if t in text)
        named = frozenset(n for n in names if n in inside and _CHINESE_NAME.match(n))
        key = (text, inside, named)
        found = self._memo.get(key)
        if found is None:
            start = len(self._changes)
            if inside not in self._protect_cache:
                self._protect_cache[inside] = _alternation(inside)
            result = self._convert_fresh(text, self._protect_cache[inside], named)
            found = (result, tuple(self._changes[start:]))
            del self._changes[start:]
            self._memo[key] = found
        return found

    def convert_names(self, text: str, names: Iterable[str], protect: Iterable[str] = (), where: str = "") -> str:
        """:meth:`convert` of a text that prints the personal names ``names`` (a formatted reference and its
        authors and editors): each converted as a name, by character (沈阳明 -> 沈陽明, not the city 瀋陽),
        where it stands as a word of its own, no Chinese character beside it (``沈阳, 于海.``); the rest of
        the text as usual, a name's characters inside other words too (``沈阳地区`` -> ``瀋陽地區``, ``关于海洋``
        -> ``關於海洋``). The names count for this text only: another text holding the same characters (a
        glossary term, say) is converted as it would be without it."""
        pattern = _standalone(tuple(n for n in dict.fromkeys(names) if _CHINESE_NAME.match(n)))
        if pattern is None or not pattern.search(text):
            return self.convert(text, protect, where)
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            out.append(self.convert(text[pos : m.start()], protect, where))
            out.append(self._convert_protected(m.group(0), where, name=True))
            pos = m.end()
        out.append(self.convert(text[pos:], protect, where))
        return "".join(out)

    def record(self, changes: Iterable[Change], where: str) -> None:
        """Record report rows of a conversion (:meth:`converted`) as made at ``where``."""
        self._changes.extend(Change(c.phrase, c.result, c.opencc, where=where, kind=c.kind) for c in changes)

    def report(self) -> list[Change]:
        """Every phrase the dictionary changed (and protected strings OpenCC would have written otherwise)."""
        return list(self._changes)

    def mark(self) -> int:
        """A position in the report, for :meth:`changes_since`."""
        return len(self._changes)

    def changes_since(self, mark: int) -> tuple[Change, ...]:
        """The report rows recorded after :meth:`mark` returned ``mark``."""
        return tuple(self._changes[mark:])

    def drop_since(self, mark: int) -> None:
        """Forget the report rows recorded after :meth:`mark` returned ``mark`` (a conversion whose rows
        were replayed already)."""
        del self._changes[mark:]

    def replay(self, changes: Iterable[Change]) -> None:
        """Add rows recorded by an earlier conversion of the same text (taken from a cache)."""
        self._changes.extend(changes)

    def insert_at(self, mark: int, changes: Iterable[Change]) -> None:
        """Put rows recorded elsewhere (another process converting the same way) at the place :meth:`mark`
        gave, as if they had been recorded there."""
        self._changes[mark:mark] = list(changes)

    def fingerprint(self) -> str:
        """A hash of the phrase dictionary: conversions kept across builds are valid while it is unchanged."""
        if self._fingerprint is None:
            text = "\n".join(f"{k}\t{v}" for k, v in sorted(self.phrases.items()))
            self._fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self._fingerprint

    # -- internals ----------------------------------------------------------------

    def _protection(self, protect: Iterable[str]) -> frozenset[str]:
        """The Chinese strings of ``protect`` (kept per distinct tuple given)."""
        as_given = protect if isinstance(protect, tuple) else None
        if as_given is not None:
            found = self._protect_given.get(as_given)
            if found is not None:
                return found
        terms = frozenset(p for p in protect if p and _CJK_CHAR.search(p))
        if as_given is not None:
            self._protect_given[as_given] = terms
        return terms

    def _convert_fresh(self, text: str, pattern: re.Pattern[str] | None, names: frozenset[str] = frozenset()) -> str:
        """:meth:`convert` without the memo; changes are recorded with an empty ``where``."""
        out: list[str] = []
        pos = 0
        for m in _VERBATIM.finditer(text):
            out.append(self._convert_free(text[pos : m.start()], pattern, "", names))
            out.append(m.group(0))
            pos = m.end()
        out.append(self._convert_free(text[pos:], pattern, "", names))
        return _quotes("".join(out))

    def _convert_free(
        self, text: str, pattern: re.Pattern[str] | None, where: str, names: frozenset[str] = frozenset()
    ) -> str:
        """Protected strings by character, the rest by dictionary then OpenCC phrases."""
        if pattern is None:
            return self._convert_phrases(text, where)
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            out.append(self._convert_phrases(text[pos : m.start()], where))
            out.append(self._convert_protected(m.group(0), where, name=m.group(0) in names))
            pos = m.end()
        out.append(self._convert_phrases(text[pos:], where))
        return "".join(out)

    def _convert_protected(self, term: str, where: str, *, name: bool) -> str:
        """A name or glossary term (``name``: a personal name): dictionary phrases inside it; a name's other
        characters alone (its family name kept when it is one of :data:`_SURNAMES_KEPT`), a term's through
        ``s2tw``."""
        convert = self._by_character if name else self._term
        out: list[str] = []
        pos = 0
        for m in self._phrase_re.finditer(term) if self._phrase_re else ():
            out.append(convert(term[pos : m.start()]))
            out.append(self._dictionary(m.group(0), where))
            pos = m.end()
        out.append(convert(term[pos:]))
        result = "".join(out)
        if name and term[0] in _SURNAMES_KEPT:
            result = term[0] + result[1:]
        free = self._free_quietly(term)
        if result != free:
            self._changes.append(Change(term, result, free, where, "protected"))
        return result

    def free_text(self, text: str) -> str:
        """What free text ``text`` becomes (the dictionary's phrases as listed, OpenCC ``s2twp`` between them),
        leaving the report as it was."""
        mark = self.mark()
        try:
            return self._convert_phrases(text, "")
        finally:
            self.drop_since(mark)

    def _free_quietly(self, text: str) -> str:
        """What free-text conversion (dictionary, then OpenCC) gives, without recording changes."""
        if self._phrase_re is None:
            return self._opencc(text)
        return self._opencc(self._phrase_re.sub(lambda m: self.phrases[m.group(0)], text))

    def _convert_phrases(self, text: str, where: str) -> str:
        """Free text: dictionary phrases as listed, the Chinese runs between them through OpenCC."""
        if not text:
            return text
        if self._phrase_re is None:
            return self._opencc(text)
        out: list[str] = []
        pos = 0
        for m in self._phrase_re.finditer(text):
            out.append(self._opencc(text[pos : m.start()]))
            out.append(self._dictionary(m.group(0), where))
            pos = m.end()
        out.append(self._opencc(text[pos:]))
        return "".join(out)

    def _dictionary(self, phrase: str, where: str) -> str:
        result = self.phrases[phrase]
        opencc_alone = self._opencc(phrase)
        if result != opencc_alone:
            self._changes.append(Change(phrase, result, opencc_alone, where, "dictionary"))
        return result

    def _opencc(self, text: str) -> str:
        """OpenCC ``s2twp`` on the Chinese runs of ``text`` only."""
        return _CJK_RUN.sub(self._run, text)

    def _run(self, match: re.Match[str]) -> str:
        """One Chinese run through OpenCC ``s2twp``, each distinct run once."""
        run = match.group(0)
        found = self._run_cache.get(run)
        if found is None:
            found = self._run_cache[run] = self._phrase_conv.convert(run)
        return found

    def _term(self, text: str) -> str:
        """A glossary term's text through OpenCC ``s2tw``: characters chosen by phrase, no word swapped."""
        found = self._term_cache.get(text)
        if found is None:
            found = self._term_cache[text] = _CJK_RUN.sub(lambda m: self._char_conv.convert(m.group(0)), text)
        return found

    def _by_character(self, text: str) -> str:
        out = []
        for ch in text:
            if ch not in self._char_cache:
                self._char_cache[ch] = self._char_conv.convert(ch) if _CJK_CHAR.match(ch) else ch
            out.append(self._char_cache[ch])
        return "".join(out)


def _chinese_context(text: str, start: int, end: int, inner: str) -> bool:
    """Whether the quote pair at ``start``..``end`` sits in Chinese text (by its content or its neighbours)."""
    if re.search(r"[\u3400-\u9fff]", inner):
        return True
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return bool((before and _CJK_CHAR.match(before[-1])) or (after and _CJK_CHAR.match(after[0])))


def _quotes(text: str) -> str:
    """Curly quotes inside Chinese text -> 「」 and 『』; quotes inside English text stay."""
    for pattern, opening, closing in ((_DOUBLE_QUOTED, "「", "」"), (_SINGLE_QUOTED, "『", "』")):
        text = pattern.sub(
            lambda m, o=opening, c=closing: (
                f"{o}{m.group(1)}{c}" if _chinese_context(m.string, m.start(), m.end(), m.group(1)) else m.group(0)
            ),
            text,
        )
    return text


# --- entries ----------------------------------------------------------------------


def _entry_protect(entry: Entry, extra: Iterable[str]) -> tuple[str, ...]:
    """Names and terms shielded from phrase rules: Chinese author names, glossary/keyword/defined terms."""
    names = [a.name_zh for a in entry.authors if a.name_zh]
    terms = [t.zh for t in entry.glossary if t.zh] + list(entry.keywords.zh)
    terms += [d.term for d in entry.definitions]
    return tuple(dict.fromkeys([*names, *terms, *extra]))


class _EntryConverter:
    """Converts the Chinese fields of one entry, labelling each text for the report."""

    def __init__(self, entry: Entry, conv: HantConverter, protect: tuple[str, ...]) -> None:
        self.slug = entry.slug
        self.conv = conv
        self.names = tuple(a.name_zh for a in entry.authors if a.name_zh)
        """The entry's authors: names in its texts only (see :meth:`HantConverter.converted`)."""
        self.protect = protect
        self._done: dict[str, tuple[str, tuple[Change, ...]]] = {}
        """Each text converted with the entry's protection, with its report rows: an entry repeats many
        texts (a citing sentence under each reference it cites), each recorded again where it occurs."""

    def text(self, value: str | None, field: str) -> str | None:
        if value is None:
            return None
        found = self._done.get(value)
        if found is None:
            found = self._done[value] = self.conv.converted(value, self.protect, self.names)
        if found[1]:
            self.conv.record(found[1], f"{self.slug}:{field}")
        return found[0]

    def name(self, value: str | None, field: str) -> str | None:
        """A personal name: by character (see :meth:`HantConverter.converted`)."""
        if value is None:
            return None
        return self.conv.convert(value, (*self.protect, value), f"{self.slug}:{field}", self.names)

    def many(self, values: Iterable[str], field: str) -> tuple[str, ...]:
        return tuple(self.text(v, f"{field}[{i}]") or "" for i, v in enumerate(values))


def _sections(c: _EntryConverter, sections: tuple[Section, ...]) -> tuple[Section, ...]:
    return tuple(
        dataclasses.replace(
            s, title=c.text(s.title, f"sections[{i}].title") or "", paragraphs=c.many(s.paragraphs, f"sections[{i}]")
        )
        for i, s in enumerate(sections)
    )


def _tables(c: _EntryConverter, tables: tuple[Table, ...]) -> tuple[Table, ...]:
    return tuple(
        dataclasses.replace(
            t,
            label=c.text(t.label, f"tables[{i}].label") or "",
            caption=c.text(t.caption, f"tables[{i}].caption") or "",
            header=c.many(t.header, f"tables[{i}].header"),
            rows=tuple(c.many(row, f"tables[{i}].rows[{j}]") for j, row in enumerate(t.rows)),
            note=c.text(t.note, f"tables[{i}].note"),
        )
        for i, t in enumerate(tables)
    )


def _figures(c: _EntryConverter, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    return tuple(
        dataclasses.replace(
            f,
            label=c.text(f.label, f"figures[{i}].label") or "",
            caption=c.text(f.caption, f"figures[{i}].caption") or "",
            note=c.text(f.note, f"figures[{i}].note"),
        )
        for i, f in enumerate(figures)
    )


def _references(c: _EntryConverter, refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """The references with their citing sentences converted; each reference itself (its printed string and
    item) stays as read: it is converted once formatted in the edition's style (converting it twice would
    read Traditional text as Simplified: 循環 → 迴圈)."""

    def cited(r: Reference) -> tuple[Citation, ...]:
        where = f"references[{r.number}].cited_in"
        return tuple(Citation(c.text(x.section, where), c.text(x.sentence, where) or "") for x in r.cited_in)

    return tuple(dataclasses.replace(r, cited_in=cited(r)) for r in refs)


def _front(c: _EntryConverter, entry: Entry) -> dict[str, Any]:
    """Title, authors, affiliations, journal, metrics, links, licence, type, funding, abstract, keywords,
    definitions, glossary."""
    return {
        "title": dataclasses.replace(entry.title, zh=c.text(entry.title.zh, "title.zh")),
        "authors": tuple(
            dataclasses.replace(a, name_zh=c.name(a.name_zh, f"authors[{i}].name_zh"))
            for i, a in enumerate(entry.authors)
        ),
        "affiliations": tuple(
            Affiliation(a.en, c.text(a.zh, f"affiliations[{i}].zh")) for i, a in enumerate(entry.affiliations)
        ),
        "journal": dataclasses.replace(entry.journal, name_zh=c.text(entry.journal.name_zh, "journal.name_zh")),
        "metrics": dataclasses.replace(
            entry.metrics,
            jcr_category=c.text(entry.metrics.jcr_category, "metrics.jcr_category"),
            cas_category=c.text(entry.metrics.cas_category, "metrics.cas_category"),
        ),
        "urls": tuple(
            dataclasses.replace(u, label=c.text(u.label, f"urls[{i}].label")) for i, u in enumerate(entry.urls)
        ),
        "license": c.text(entry.license, "license"),
        "publication_type": c.text(entry.publication_type, "publication_type"),
        "funding": tuple(
            Funding(c.text(f.text, f"funding[{i}]") or "", f.lang) if f.lang.startswith("zh") else f
            for i, f in enumerate(entry.funding)
        ),
        "abstract": dataclasses.replace(
            entry.abstract,
            zh=tuple(
                AbstractSection(c.text(s.label, f"abstract.zh[{i}].label"), c.text(s.text, f"abstract.zh[{i}]") or "")
                for i, s in enumerate(entry.abstract.zh)
            ),
        ),
        "keywords": dataclasses.replace(entry.keywords, zh=c.many(entry.keywords.zh, "keywords.zh")),
        "definitions": tuple(
            Definition(
                c.text(d.term, f"definitions[{i}].term") or "", c.text(d.text, f"definitions[{i}]") or "", d.lang
            )
            for i, d in enumerate(entry.definitions)
        ),
        "glossary": tuple(
            dataclasses.replace(t, zh=c.text(t.zh, f"glossary[{i}].zh")) for i, t in enumerate(entry.glossary)
        ),
    }


def hant_entry(entry: Entry, conv: HantConverter, protect: Iterable[str] = (), *, sections: bool = True) -> Entry:
    """The entry with every Chinese field in Traditional Chinese (Taiwan); Latin text untouched.

    Chinese author names, glossary terms, keywords and defined terms of the
    entry (plus ``protect``, e.g. the corpus glossary) are shielded from phrase rules.
    Without ``sections`` the body is left as it is (for a page that does not show it: converting
    it would only add rows to the conversion report of text that is never published).
    """
    c = _EntryConverter(entry, conv, _entry_protect(entry, protect))
    return dataclasses.replace(
        entry,
        **_front(c, entry),
        sections=_sections(c, entry.sections) if sections else entry.sections,
        tables=_tables(c, entry.tables),
        figures=_figures(c, entry.figures),
        references=_references(c, entry.references),
        tags=c.many(entry.tags, "tags"),
        commentary=c.text(entry.commentary, "commentary"),
    )


def hant_glossary(terms: Iterable[GlossaryTerm], conv: HantConverter) -> tuple[GlossaryTerm, ...]:
    """Glossary rows with their Chinese side converted as a protected term (for the corpus glossary page)."""
    return tuple(
        dataclasses.replace(t, zh=conv.convert(t.zh, (t.zh,), f"glossary:{t.zh}")) if t.zh else t for t in terms
    )


# --- the report ----------------------------------------------------------------------


def _grouped(changes: Iterable[Change]) -> list[tuple[Change, int, list[str]]]:
    """Changes grouped by (kind, phrase, result): first change, count, places."""
    groups: dict[tuple[str, str, str], tuple[Change, list[str]]] = {}
    for ch in changes:
        key = (ch.kind, ch.phrase, ch.result)
        if key not in groups:
            groups[key] = (ch, [])
        groups[key][1].append(ch.where)
    return [(first, len(places), places) for (_k, (first, places)) in sorted(groups.items())]


def write_report(conv: HantConverter, path: Path) -> Path:
    """Write the conversion report: every phrase the dictionary changed, with where.

    ``.tsv`` gives tab-separated rows (one per place); any other suffix a Markdown
    table grouped by phrase. Returns ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    changes = conv.report()
    if path.suffix == ".tsv":
        lines = ["kind\tphrase\tresult\topencc\twhere"]
        lines += [f"{c.kind}\t{c.phrase}\t{c.result}\t{c.opencc}\t{c.where}" for c in changes]
    else:
        lines = [
            "# Traditional Chinese conversion report",
            "",
            f"{len(changes)} changes to OpenCC s2twp: `dictionary` rows come from the phrase dictionary,",
            "`protected` rows are names (by character) and glossary terms (OpenCC s2tw, no Taiwan phrases).",
            "",
            "| kind | phrase | written | OpenCC alone | count | where |",
            "| --- | --- | --- | --- | ---: | --- |",
        ]
        for first, count, places in _grouped(changes):
            shown = ", ".join(dict.fromkeys(places))
            lines.append(
                f"| {first.kind} | {first.phrase} | {first.result} | {first.opencc} | {count} | {shown.replace('|', '/')} |"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
