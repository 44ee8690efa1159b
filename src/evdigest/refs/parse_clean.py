"""Cleaning of one reference string before it is split into fields.

The cleaner folds full-width punctuation, removes Markdown emphasis, LaTeX
fragments left by PDF conversion and the list number, and takes out the
identifiers printed at the end (DOI, PMID, PMCID, URL) and the
"Epub ahead of print" notes, so that the remaining text is
``authors. title. journal. year;volume(issue):pages``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..doi import DOI_PATTERN, doi_end

# Full-width and typographic punctuation folded to ASCII ("，" -> ", ").
_FOLD = str.maketrans(
    {
        "，": ", ",
        "；": "; ",
        "：": ": ",
        "（": "(",
        "）": ")",
        "［": "[",
        "］": "]",
        "【": "[",
        "】": "]",
        "．": ". ",
        "。": ". ",
        "、": ", ",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "\u00a0": " ",
        "\u3000": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)

# "$J$", "$\textsuperscript { \textregistered }$": a LaTeX fragment from PDF conversion.
_LATEX = re.compile(r"\$([^$]*)\$")
# " $\textsuperscript { \textregistered }$": a superscript, joined to the word before it.
_LATEX_SUPERSCRIPT = re.compile(r"\s*\$(\s*\\textsuperscript\s*\{[^}$]*\}\s*)\$")
# LaTeX symbol commands kept as characters.
_LATEX_SYMBOLS = {"\\textregistered": "®", "\\texttrademark": "™", "\\copyright": "©", "\\alpha": "α", "\\beta": "β"}
# "\textsuperscript" inside a LaTeX fragment.
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
# "<italic>", "</i>", "<sup>": inline markup around words.
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*>")
# "*Mol Cancer*", "**bold**": Markdown emphasis markers.
_EMPHASIS = re.compile(r"\*+")
# "- [12] ", "[12]", "12:", "2：", "12. ", "(12) ": the list number in front (not the country mark of a foreign
# author: "[美] 温伯格")
# "———. ", "–––––. ", "---, ", "__________ . ", "——. ", "-- ", "–– ": the rule a bibliography prints for the author
# of the reference above (Chicago, MLA), no name of this one: two dashes or more
_SAME_AUTHOR = re.compile(r"^\s*(?:[—–_-]\s?){2,}\s*[.,]?\s*(?=\S)")
# "- ": a list's bullet, one hyphen and a space before a letter ("- H. PLAGNOL, « La codification… »"); two dashes
# are the rule for the author above ("-- 2001. Exosomes.", "-- Exosomes, Boston: Harvard, 2001.")
_BULLET = re.compile(r"^\s*-\s+(?=[^\W\d_])")
_NUMBER = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\d{1,3}\s+(?=[A-Z][a-z])|\[(?!(?![一二三四五六七八九十]+\])[\u4e00-\u9fff]{1,3}\])\s*[\w:-]{1,30}\s*\]"
    r"(?=\s*\S)|\(\s*\d{1,3}\s*\)|\d{1,4}\s*[:.)](?!\d))\s*"
)
# "循证医 学": a space left between two CJK characters by a line break; not the space before the part of
# a standard ("医疗器械生物学评价 第5部分").
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])(?!第\s*[\d一二三四五六七八九十]+\s*部分)")
# "[S]", "[S/OL]": the GB/T 7714 type code of a standard (spaces inside it already removed).
_STANDARD_CODE = re.compile(r"\[S(?:/OL)?\]")
# "[ J]", "[J ]": spaces inside a GB/T 7714 type code.
_CODE_SPACE = re.compile(r"\[\s*([A-Z]{1,2}(?:/OL)?)\s*\]")
# "doi:10.1038/nm.3519", "DOI: 10...", "D0I:10...", "https://doi.org/10...", "DOI:http://dx.doi.org/10...", ACM's
# "[doi>10...]".
_DOI = re.compile(
    r"(?:\b(?:doi|DOI|D0I|DoI|Doi)\s*[:：>]?\s*(?:https?://(?:dx\.)?doi\.org/)?|https?://(?:dx\.)?doi\.org/)"
    rf"(?P<doi>{DOI_PATTERN}(?:\s+\d+(?=\s*\.?\s*$))?)"
)
# "Immunology, 2019, 10.1111/imm.13001.", "2020;10.1080/20013078.2020.1234567": a DOI printed with no label or link,
# where the locator goes or after it (not inside a link: ".../doi/10.1111/…")
_BARE_DOI = re.compile(rf"(?<![\w./-])(?P<doi>{DOI_PATTERN}(?:\s+\d+(?=\s*\.?\s*$))?)")
# "Immunology, 2019, ", "J Ultrasound Med, 2018，", "2020;", "2023: ", "(2019). … Immunology, ": the end of the text
# before a DOI that stands where the locator goes, after the year's or the journal's separator (after a full stop,
# "Genome Res. 2018. doi:…", the DOI is printed besides a locator left out)
_LOCATOR_BEFORE = re.compile(r"(?:(?<![\d.])(?:1[5-9]|20)\d\d[a-z]?\)?\s*[,;:]|[^\d\s.]\s*[,;])\s*$")
# "Immunology, 2006,10(1111):1365-2567.", "2018;10(1111):bph.14123": a DOI (10.1111/j.1365-2567.…) printed where the
# volume, issue and pages go, its dot and slash lost: "10", a registrant code of four or five digits, and an ISSN or
# a DOI suffix with letters (no volume 10 has an issue numbered 1111)
_DAMAGED_DOI = re.compile(
    r"(?<![\w.])(?P<locator>10\s*\(\s*(?P<registrant>\d{4,5})\s*\)\s*:\s*"
    r"(?P<suffix>(?:\d{4}-\d{3}[\dX]|[\w-]*[A-Za-z])[\w.()-]*?))[\s.]*$"
)
# "PMID: 32029601", "PMID 32029601".
_PMID = re.compile(r"\bPMID\s*[:：]?\s*(?P<pmid>\d{1,9})\b")
# "PMCID: PMC7071934".
_PMCID = re.compile(r"\bPMCID\s*[:：]?\s*(?P<pmcid>PMC\d+)\b")
# "[Epub ahead of print]", "Online ahead of print.": the article is not yet in an issue.
_AHEAD_OF_PRINT = re.compile(r"\[?\b(?:Epub ahead of print|Online[- ]ahead[- ]of[- ]print)\]?\.?", re.IGNORECASE)
# "Epub 2020 Jan 5.": the date the article went online (it may be in an issue since).
_EPUB_DATE = re.compile(r"\[?\bEpub\s+(?P<date>\d{4}(?:\s+[A-Z][a-z]{2,8})?(?:\s+\d{1,2})?)\]?\.?", re.IGNORECASE)
# "Published 2015 May 14.", "Published online 2020 Jan 5.", "Published online: 05 January 2020": the online
# date PMC's and publishers' citations print after the locator (a sentence of its own, not a title's word).
_PUBLISHED_DATE = re.compile(
    r"(?:(?<=[.;]\s)|^)Published(?:\s+online)?\s*:?\s+"
    r"(?P<date>\d{4}(?:\s+[A-Z][a-z]{2,8})?(?:\s+\d{1,2})?|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|[A-Z][a-z]{2,8}\s+\d{1,2},\s*\d{4})"
    r"(?=\s*(?:[.;]|$))\.?"
)
# "eCollection 2020.", "eCollection 2020 Jan.": PubMed's note on when an online article joined an issue.
_ECOLLECTION = re.compile(r"\beCollection\s+\d{4}(?:\s+[A-Z][a-z]{2,8})?(?:\s+\d{1,2})?\.?")
# "pii: S1570-9639(18)30207-3", "2024 Jan 5:S0092-8674(23)01234-5": a publisher item identifier (no CSL
# field), also printed by PubMed as the locator of an article online ahead of print.
_PII = re.compile(
    r"(?:\bpii\s*:\s*|(?<=\d):\s*(?=S\d))(?P<pii>S?[\dX]{4}-?[\dX]{3,4}\s*\(\d{2}\)\s*[\dX]{5}-[\dX])",
    re.IGNORECASE,
)
# "(in Chinese)", "[In Chinese with English abstract]", PubMed's ". Chinese.": the language of the work cited,
# printed at the end of a reference written in English.
_LANGUAGES = "Chinese|Japanese|Korean|German|French|Spanish|Russian|Portuguese|Italian"
_LANGUAGE_NOTE = re.compile(
    rf"(?:\s*[(\[]\s*in\s+(?P<bracketed>{_LANGUAGES})(?:\s+with\s+(?:an\s+)?English\s+abstract)?\s*[)\]]"
    rf"|(?<=\.)\s+(?P<bare>{_LANGUAGES}))[\s.;,]*$",
    re.IGNORECASE,
)
# "in press", "forthcoming", Chinese "待发表" (to be published), "已接收" (accepted): accepted, not yet published.
_IN_PRESS_WORDS = r"in\s+press|forthcoming|待发表|已接收"
# "J Proteome Res. In press.", "2024 (in press)", "[forthcoming]", "中华医学杂志, (待发表).": printed at the end.
_IN_PRESS = re.compile(rf"(?:^|[,;.]\s*|\s+)[(\[]?\s*(?P<status>{_IN_PRESS_WORDS})\s*[)\]]?[\s.;,]*$", re.IGNORECASE)
# "Smith J, Lee K. (in press). Title", "Hartner, Marcus (forthcoming). Title": printed in brackets where the year
# goes, after the authors.
_IN_PRESS_DATE = re.compile(rf"\.?\s*[(\[]\s*(?P<status>{_IN_PRESS_WORDS})\s*[)\]]\s*[.,:]?\s+(?=\S)", re.IGNORECASE)
# "[Preprint]" (NLM, after the server and its identifier), "Preprint at" (Nature, before its link).
_PREPRINT_MARK = re.compile(r"\s*\[Preprint\]|(?<=\.)\s*Preprint at\b(?=\s*(?:\(|$))", re.IGNORECASE)
# "bioRxiv 2021.01.01.425000", "medRxiv 2020.04.07.20056424v2", "arXiv:2101.00001", "arXiv preprint
# arXiv:2101.00001v3": a preprint server and the preprint's identifier there.
_SERVER_ID = re.compile(
    r"\b(?P<server>bioRxiv|medRxiv)\s+(?P<id>\d{4}\.\d{2}\.\d{2}\.\d{5,8})(?:v\d+)?"
    r"|\b(?P<arxiv>arXiv)(?:\s+preprint)?\s*(?:arXiv)?\s*:\s*(?P<arxiv_id>\d{4}\.\d{4,5})(?:v\d+)?",
)
# "https://www.example.org/page" (a DOI link is taken first).
_URL = re.compile(r"(?:Available (?:from|at)\s*:?\s*)?(?P<url>https?://\S+)")
# "[2021-03-05]", "[cited 2021 Mar 5]", "[updated 2002 May 16; cited 2002 Jul 9]", "(accessed 5 March 2021)":
# the date a web page was read.
_ACCESSED = re.compile(
    r"\[(?:updated [^\];]*;\s*)?(?:cited|accessed|引用日期)?\s*(?P<date>[^\]]*\d{4}[^\]]*)\]|\((?:cited|accessed|accessed on)\s+(?P<date2>[^)]*\d{4}[^)]*)\)",
    re.IGNORECASE,
)
# "[2024-01-01]", "[2024-1-1]": a bare ISO date in brackets, the access date of GB/T 7714 "/OL" references.
_ACCESSED_ISO = re.compile(r"\[\s*(?P<date>(?:1[5-9]|20)\d\d-\d{1,2}-\d{1,2})\s*\]")
# ". Erratum in: Science. 2021;371:1.", ". Comment in: ...": PubMed notes about other records, at the end.
_LINKED_RECORD = re.compile(
    r"[.;]\s*(?P<note>(?:Erratum|Comment|Update|Retraction|Retracted and republished|Republished|Expression of concern)"
    r"\s+(?:in|on|of|for)\s*:.*)$",
    re.IGNORECASE,
)
# ". [See also: Dover edition 1960].", " (See also LAPACK Working Note No. 70).": a note closing the reference that
# points to another record
_SEE_ALSO = re.compile(r"\s*(?:\[(?P<square>[Ss]ee also\b[^\[\]]*)\]|\((?P<round>[Ss]ee also\b[^()]*)\))\s*\.?\s*$")
# "...; 90-108": stray spaces around separators to close.
_SPACE_BEFORE = re.compile(r"\s+(?=[,.;:)\]])")
# "Retrieved from:", "Available from:" left where a URL was taken out.
_RETRIEVED = re.compile(r"\b(?:Retrieved|Retirado|Accessed|Available)(?:\s+(?:from|de|at|on))?\s*:?\s*(?=[.\]]|$)")
# "()" or "[ ]" left where an identifier was taken out.
_EMPTY_BRACKETS = re.compile(r"\s*(?:\(\s*\)|\[\s*\])")
# "…901-905. WANG XM, LI N. Role of exosomes…[J]. Natl Med J China, 2021, 101(12): 901-905.": where the English
# translation a Chinese journal prints after a Chinese reference may start (after the Chinese locator's last number),
# also in brackets: "…901-905. [WANG XM, …]", "…901-905.(WANG XM, …)"
_TRANSLATION_START = re.compile(r"(?<=\d)(?:\s*\.)+(?:\s+(?=[A-Z])|\s*(?P<bracket>[(\[])\s*(?=[A-Z]))")
# "…901-905.]", "…(in Chinese))": the bracket that closes a bracketed translation
_TRANSLATION_CLOSE = {"(": re.compile(r"\)[\s.]*$"), "[": re.compile(r"\][\s.]*$")}
# "2021": a year, to match a translation's to its reference's
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# "外泌体": a Chinese character
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
# Runs of spaces.
_SPACES = re.compile(r"\s+")
# ":eaau6977..;." / "165-178. ." at the end: punctuation left where identifiers were taken out.
_TRAILING_PUNCT_RUN = re.compile(r"(?:\s*[.;,]){2,}\s*$")


@dataclass
class Cleaned:
    """The reference text ready for splitting, with the identifiers taken out."""

    text: str
    ids: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    preprint: bool = False
    """Marked ``[Preprint]`` or printed with a preprint server's identifier."""
    epub: str | None = None
    """The online date of an ``Epub 2020 Jan 5`` or ``Published 2020 Jan 5`` note (ahead of print only if no
    issue holds the article)."""
    same_author: bool = False
    """Opened by the rule printed for the author of the reference above (``———.``, ``---,``): no names follow."""
    status: str | None = None
    """``in press`` or ``forthcoming`` (CSL ``status``) when the text is marked so (``待发表``, ``已接收``: in press):
    accepted, not yet published; the mark is taken out of the text."""
    doi_locator: bool = False
    """The DOI is printed right after the year, where volume and pages go (``Immunology, 2019, 10.1111/imm.13001``,
    ``J Ultrasound Med, 2018, doi: 10.1002/jum.14898``): an article cited by its DOI alone."""
    damaged_doi: str | None = None
    """A DOI printed where the locator goes, damaged (``10(1111):1365-2567``): taken out, not read as numbers."""


def fold(raw: str) -> str:
    """Fold full-width punctuation (then NFKC), Markdown emphasis, LaTeX bits and spacing to plain text."""
    text = unicodedata.normalize("NFKC", raw.translate(_FOLD)).replace("``", '"').replace("''", '"')
    text = _LATEX_SUPERSCRIPT.sub(lambda m: _latex_text(m), text)
    text = _LATEX.sub(_latex_text, text)
    text = _EMPHASIS.sub("", _HTML_TAG.sub("", text))
    text = _CODE_SPACE.sub(r"[\1]", text)
    text = _SPACES.sub(" ", text).strip()
    if _STANDARD_CODE.search(text):  # a standard's title is printed in parts: "信息与文献 参考文献著录规则"
        return text
    return _CJK_GAP.sub("", text)


def _latex_text(match: re.Match[str]) -> str:
    """``$J$`` -> ``J``; ``$\textsuperscript { \textregistered }$`` -> ``®``."""
    inner = match.group(1)
    for command, symbol in _LATEX_SYMBOLS.items():
        inner = inner.replace(command, symbol)
    return _LATEX_COMMAND.sub("", inner).replace("{", "").replace("}", "").replace(" ", "")


def clean(raw: str) -> Cleaned:
    """Return the text of ``raw`` without list number and identifiers, plus the identifiers found."""
    text, same = _SAME_AUTHOR.subn("", _NUMBER.sub("", _BULLET.sub("", fold(raw), count=1), count=1), count=1)
    out = Cleaned(text, same_author=bool(same))
    _take(out, _DOI, "doi", "DOI")
    _take(out, _PMCID, "pmcid", "PMCID")
    _take(out, _PMID, "pmid", "PMID")
    _take(out, _URL, "url", "URL")
    _take(out, _PII, "pii", "PII")
    if "DOI" not in out.ids:
        _take(out, _BARE_DOI, "doi", "DOI")
    out.text = split_translation(out.text)[0]  # its identifiers taken out first: they may follow the translation
    damaged = _DAMAGED_DOI.search(out.text)
    if damaged:
        out.damaged_doi = re.sub(r"\s+", "", damaged.group("locator"))
        out.text = out.text[: damaged.start()].rstrip(" ,;:") + "."
    linked = _LINKED_RECORD.search(out.text)
    if linked:
        out.notes.append(linked.group("note").strip(" ."))
        out.text = out.text[: linked.start()] + "."
    see = _SEE_ALSO.search(out.text)
    if see:
        out.notes.append((see.group("square") or see.group("round")).strip(" ."))
        out.text = out.text[: see.start()].rstrip()
    _take_preprint(out)
    # "[cited 2021 Feb 1]" is read for a web page or a preprint; a bare "[2021-02-01]" is GB/T's access date
    match = _ACCESSED.search(out.text) if "URL" in out.ids or out.preprint else _ACCESSED_ISO.search(out.text)
    if match:
        out.ids["accessed"] = (match.group("date") or match.groupdict().get("date2") or "").strip()
        out.text = out.text[: match.start()] + out.text[match.end() :]
    out.text, ahead = _AHEAD_OF_PRINT.subn("", out.text)
    if ahead:
        out.notes.append("online ahead of print")
    out.text = _ECOLLECTION.sub("", out.text)
    for pattern in (_EPUB_DATE, _PUBLISHED_DATE):
        epub = pattern.search(out.text)
        if epub:
            out.epub = out.epub or epub.group("date")
            out.text = pattern.sub("", out.text)
    if "PII" in out.ids:
        out.notes.append("PII: " + out.ids.pop("PII").replace(" ", ""))
    for _ in range(2):  # either order: "J Proteome Res. In press. Chinese."
        language = _LANGUAGE_NOTE.search(out.text)
        if language:
            out.notes.append(f"in {(language.group('bracketed') or language.group('bare')).capitalize()}")
            out.text = out.text[: language.start()] + "."
        closing = _IN_PRESS.search(out.text)
        if closing:
            out.status = out.status or _status(closing.group("status"))
            out.text = _IN_PRESS.sub(".", out.text)
    dated = _IN_PRESS_DATE.search(out.text)
    if dated and not _YEAR.search(out.text[: dated.start()] + " " + out.text[dated.end() :]):
        # where the year goes, in a reference printing no year: "Exosomes (in press) and cancer. …, 2020" keeps it
        out.status = out.status or _status(dated.group("status"))
        out.text = out.text[: dated.start()] + ". " + out.text[dated.end() :]
    out.text = _EMPTY_BRACKETS.sub("", _RETRIEVED.sub("", out.text))
    out.text = _SPACE_BEFORE.sub("", _SPACES.sub(" ", out.text)).strip(" ,;")
    out.text = _TRAILING_PUNCT_RUN.sub(".", out.text)
    return out


def _status(word: str) -> str:
    """CSL ``status`` of an in-press mark: ``forthcoming`` as printed, every other mark ``in press``."""
    return "forthcoming" if word.lower() == "forthcoming" else "in press"


def split_translation(text: str) -> tuple[str, str | None]:
    """A Chinese reference and the English translation printed after it, or the text and ``None``.

    ``王晓明, 李娜. 外泌体的作用[J]. 中华医学杂志, 2021, 101(12): 901-905. WANG XM, LI N. Role of exosomes[J].
    Natl Med J China, 2021, 101(12): 901-905.`` is cut after ``901-905.``: the Chinese part begins in Chinese
    and ends at a number, the English part has no Chinese and gives only years the Chinese part gives.  A
    translation printed in brackets (``… 901-905. [WANG XM, … 901-905.]``) is returned without them.
    """
    for start in _translation_starts(text):
        before, after = text[: start.start()], text[start.end() :]
        years = set(_YEAR.findall(after))
        if years and years <= set(_YEAR.findall(before)):
            bracket = start.group("bracket")
            return before + ".", _TRANSLATION_CLOSE[bracket].sub("", after) if bracket else after
    return text, None


def translation_open(text: str) -> bool:
    """``text`` ends in the beginning of a translation (:func:`split_translation`) that has not reached its year
    yet: ``…2020, 50(3): 301-306. ZHANG San, LI Si. Role of exosomes in`` (the rest is on the next lines)."""
    return any(not _YEAR.search(text[start.end() :]) for start in _translation_starts(text))


def _translation_starts(text: str) -> list[re.Match[str]]:
    """Where a translation may start in ``text``: a Chinese reference, then a part without Chinese."""
    if not _CJK_CHAR.search(text[:40]):
        return []
    return [start for start in _TRANSLATION_START.finditer(text) if not _CJK_CHAR.search(text, start.end())]


def _take_preprint(out: Cleaned) -> None:
    """Take out a preprint's mark (``[Preprint]``, ``Preprint at``) and its identifier at its server, which leaves
    the server's name as the journal: ``bioRxiv 2021.01.01.425000`` → ``bioRxiv`` (its DOI tells the preprint),
    ``arXiv preprint arXiv:2101.00001`` → ``arXiv``, the identifier kept as a note."""
    out.text, marked = _PREPRINT_MARK.subn("", out.text)
    server = _SERVER_ID.search(out.text)
    if server:
        if server.group("arxiv_id"):
            out.notes.append(f"arXiv:{server.group('arxiv_id')}")
        name = server.group("server") or server.group("arxiv")
        out.text = out.text[: server.start()] + name + out.text[server.end() :]
    out.preprint = bool(marked or server)


def _take(out: Cleaned, pattern: re.Pattern[str], group: str, key: str) -> None:
    """Move the first match of ``pattern`` out of the text into ``out.ids[key]``."""
    match = pattern.search(out.text)
    if not match:
        return
    value = doi_end(match.group(group)) if key == "DOI" else match.group(group).rstrip(".,;)]")
    end = match.start(group) + len(value)
    if key == "DOI":
        value = value.replace(" ", "")
    out.ids[key] = value
    before = out.text[: match.start()]
    if key == "DOI" and _LOCATOR_BEFORE.search(before):
        out.doi_locator = True
        before = before.rstrip(" ,;:") + "."  # "Mol Cancer, 2023: 10.1186/…": no separator left dangling
    out.text = (before + " " + out.text[end:]).strip()
