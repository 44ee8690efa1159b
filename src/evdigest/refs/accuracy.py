"""Field-level accuracy of the reference parser against hand-labelled references.

Accuracy is counted per (reference, field): for every field that the expected
item or the parsed item has, the pair scores 1 when both hold the same value
after light normalisation, else 0 — a missing field and an extra field are
both errors.

Two kinds of expected data are read:

* the project's gold set (``tests/fixtures/refs/gold.json``): CSL-JSON items
  checked by hand against the printed strings;
* AnyStyle's labelled strings (``<sequence>`` elements whose children are
  labelled spans).  Only journal articles are kept: a sequence with a
  ``journal`` or ``container-title`` span **and** a ``volume`` or ``pages``
  span, and with none of the spans that mark books, chapters and proceedings
  (``publisher``, ``location``, ``editor``, ``isbn``, ``edition``, ``genre``,
  ``collection-title``, ``translator``).  Labels map to CSL fields:
  ``author`` -> ``author``, ``title`` -> ``title``, ``journal`` /
  ``container-title`` -> ``container-title``, ``date`` -> ``issued`` (the
  year), ``volume`` -> ``volume`` (and ``issue`` from ``12(3)``), ``pages``
  -> ``page``, ``doi`` -> ``DOI``.  Author spans are split into names with
  the parser's own name reader (the span itself comes from the labels) and
  compared as family name + initials.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evdigest.refs.parse import ParsedReference, parse_reference
from evdigest.refs.parse_names import parse_author_tokens

# Fields compared on the gold set (``et_al`` is the flag outside the CSL item).
GOLD_FIELDS = (
    "type",
    "author",
    "et_al",
    "title",
    "container-title",
    "container-title-short",
    "issued",
    "volume",
    "issue",
    "page",
    "number",
    "DOI",
    "PMID",
    "language",
)
# Fields AnyStyle labels (it has no type, language or short title).
ANYSTYLE_FIELDS = ("author", "title", "container-title", "issued", "volume", "issue", "page", "DOI")
# Labels that mark a book, a chapter or a proceedings paper rather than a journal article.
NON_JOURNAL_LABELS = frozenset(
    {"publisher", "location", "editor", "isbn", "edition", "genre", "collection-title", "translator"}
)

# "<italic>", "</i>": inline markup, ignored.
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*>")
# Typographic quotes folded to ASCII, as the parser does.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
# "–", "—", "‐": dashes folded to "-".
_DASHES = re.compile(r"\s*[-‐‑–—−]+\s*")
# Punctuation and quotes around a value: ". ", "“", "(".
_EDGE = re.compile(r"^[\s\"'`“”‘’«»(\[.,;:]+|[\s\"'`“”‘’«».,;:)\]]+$")
# "pp. ", "p.", "S. ": a page prefix.
_PAGE_PREFIX = re.compile(r"^(?:pages?|pp?|S)\.?\s*", re.IGNORECASE)
# "Vol. 9", "vol 9", "Volume 9", "Bd. 9": a volume prefix.
_VOLUME_PREFIX = re.compile(r"^(?:vol(?:ume)?|bd|t|tome|v)\.?\s*(?=\w)", re.IGNORECASE)
# "No. 134", "no 3", "n°3", "Heft 2": an issue given in the volume span.
_ISSUE_PREFIX = re.compile(r"^(?:no|nr|n°|issue|heft)\.?\s*", re.IGNORECASE)
# "2012;30(15)": a Vancouver year in front of the volume.
_YEAR_IN_VOLUME = re.compile(r"^((?:1[5-9]|20)\d\d)\s*[;:]\s*(?=\S)")
# "vol. 7, no. 3": an issue after the volume in the same span.
_ISSUE_IN_VOLUME = re.compile(r",?\s*(?:no|nr|n°|issue)\.?\s*(\w+)", re.IGNORECASE)
# "51:197–204", "3(1):1–122": pages labelled as part of the volume span.
_PAGES_IN_VOLUME = re.compile(r"(?<=[\d)])\s*:\s*(\w+\s*[-–]\s*\w+)$")
# "12(3)", "12 (3-4)": volume and issue together.
_VOLUME_ISSUE = re.compile(r"^(?P<volume>[\w.\-/]+?)\s*\((?P<issue>[^)]+)\)")
# The first year of a date span: "(2011).", "septembre 2014,".
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
# "In ", "in: ": the chapter/proceedings marker before a container title.
_IN_PREFIX = re.compile(r"^in:?\s+")
# "et al.", "et al", "等": a cut-short marker in an author span.
_ET_AL_SPAN = re.compile(r"[,\s]*(?:et\.?\s*al\.?|等)\s*[.,]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Expected:
    """One reference string with the fields a reader agreed it holds."""

    raw: str
    item: dict[str, Any]
    et_al: bool | None = None
    id: str = ""


@dataclass
class Score:
    """Counts of right fields, all fields and errors by field name."""

    correct: int = 0
    total: int = 0
    references: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Right fields / compared fields (1.0 when nothing was compared)."""
        return self.correct / self.total if self.total else 1.0

    def summary(self, name: str) -> str:
        """One line: ``name: 98.7 % of 1200 fields right (130 references)``."""
        return f"{name}: {100 * self.accuracy:.1f} % of {self.total} fields right ({self.references} references)"


def normalise_text(value: str) -> str:
    """NFKC, folded spaces and dashes, no edge punctuation or quotes, case-folded."""
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", str(value)).translate(_QUOTES))
    text = _DASHES.sub("-", text)
    text = " ".join(text.split())
    return _EDGE.sub("", text).casefold()


def normalise_page(value: str) -> str:
    """``pp. 1477–81.`` -> ``1477-81``."""
    text = _PAGE_PREFIX.sub("", normalise_text(value))
    return text.replace(" ", "")


def author_key(name: dict[str, str]) -> str:
    """``{"family": "LEBLEU", "given": "V. S."}`` -> ``lebleu vs``; literal names as written."""
    if "literal" in name:
        return normalise_text(name["literal"])
    family = normalise_text(name.get("family", ""))
    given = name.get("given", "")
    if re.search(r"[\u3400-\u9fff]", family + given):
        return family + given
    initials = "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part)
    return f"{family} {initials.casefold()}".strip()


def normalise_field(name: str, value: Any) -> Any:
    """The comparable form of one field value."""
    if name == "author":
        return tuple(author_key(n) for n in value)
    if name == "issued":
        parts = value.get("date-parts") if isinstance(value, dict) else None
        return int(parts[0][0]) if parts and parts[0] else normalise_text(json.dumps(value))
    if name == "page" or name == "number":
        return normalise_page(value)
    if name in ("volume", "issue"):
        return normalise_text(_VOLUME_PREFIX.sub("", str(value)))
    if name == "container-title":
        return _IN_PREFIX.sub("", normalise_text(value))
    if name == "DOI":
        return str(value).strip().rstrip(".").casefold()
    if isinstance(value, bool):
        return value
    return normalise_text(value)


def compare(expected: Expected, parsed: ParsedReference, fields: Iterable[str]) -> tuple[int, int, list[str]]:
    """Right fields, compared fields and the names of the wrong ones for one reference."""
    correct = total = 0
    wrong: list[str] = []
    for name in fields:
        want = expected.et_al if name == "et_al" else expected.item.get(name)
        got = parsed.et_al if name == "et_al" else parsed.item.get(name)
        if name == "et_al" and expected.et_al is None:
            continue
        if name == "et_al" and not want and not got:
            continue
        if want is None and got is None:
            continue
        total += 1
        if want is not None and got is not None and normalise_field(name, want) == normalise_field(name, got):
            correct += 1
        else:
            wrong.append(name)
    return correct, total, wrong


def score(
    expected: Iterable[Expected],
    fields: Iterable[str],
    parser: Callable[[str], ParsedReference] = parse_reference,
) -> Score:
    """Parse every expected string and count right fields."""
    fields = tuple(fields)
    result = Score()
    for case in expected:
        parsed = parser(case.raw)
        correct, total, wrong = compare(case, parsed, fields)
        result.correct += correct
        result.total += total
        result.references += 1
        result.errors.update(wrong)
        if wrong and len(result.examples) < 400:
            result.examples.append(f"{case.id or case.raw[:60]}: {', '.join(wrong)}")
    return result


def load_gold(path: Path) -> list[Expected]:
    """Read the hand-checked gold set: ``[{"id", "raw", "et_al", "item"}, ...]``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Expected(d["raw"], d["item"], d.get("et_al", False), d.get("id", "")) for d in data]


def load_anystyle(path: Path) -> list[Expected]:
    """Read AnyStyle's XML and keep its journal-article strings, with CSL fields from the labels."""
    root = ET.parse(path).getroot()
    out = []
    for number, sequence in enumerate(root.iter("sequence"), start=1):
        spans = [(child.tag, " ".join((child.text or "").split())) for child in sequence]
        labels = {tag for tag, _ in spans}
        if not labels & {"journal", "container-title"} or not labels & {"volume", "pages"}:
            continue
        if labels & NON_JOURNAL_LABELS:
            continue
        raw = " ".join(text for _, text in spans if text)
        item, et_al = anystyle_item(spans)
        out.append(Expected(raw, item, et_al, f"{Path(path).name}#{number}"))
    return out


def anystyle_item(spans: list[tuple[str, str]]) -> tuple[dict[str, Any], bool]:
    """Map AnyStyle's labelled spans to CSL fields (first span of each label)."""
    item: dict[str, Any] = {}
    et_al = False
    volume_page = None
    for tag, text in spans:
        if not text:
            continue
        if tag == "author" and "author" not in item:
            names, et_al = _anystyle_authors(text)
            if names:
                item["author"] = names
        elif tag == "title" and "title" not in item:
            item["title"] = text
        elif tag in ("journal", "container-title") and "container-title" not in item:
            item["container-title"] = text
        elif tag == "date" and "issued" not in item and _YEAR.search(text):
            item["issued"] = {"date-parts": [[int(_YEAR.search(text).group())]]}
        elif tag == "volume" and "volume" not in item and "issue" not in item:
            found = _anystyle_volume(text)
            year = found.pop("year", None)
            volume_page = found.pop("page", None) or volume_page
            if year and "issued" not in item:
                item["issued"] = {"date-parts": [[int(year)]]}
            item.update(found)
        elif tag == "pages" and "page" not in item:
            item["page"] = _EDGE.sub("", _PAGE_PREFIX.sub("", text.strip(" .,;:()")))
        elif tag == "doi" and "DOI" not in item:
            item["DOI"] = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", text, flags=re.IGNORECASE)
    if volume_page and "page" not in item:
        item["page"] = volume_page
    return item, et_al


def _anystyle_authors(text: str) -> tuple[list[dict[str, str]], bool]:
    """Split a labelled author span into names (family + given)."""
    et_al = bool(_ET_AL_SPAN.search(text))
    text = _ET_AL_SPAN.sub("", text).strip(" .,;:")
    tokens = [t for t in re.split(r"\s*[,;]\s*|\s+(?:and|&)\s+", text) if t.strip()]
    parsed = parse_author_tokens(tokens) if tokens else None
    if parsed is None:
        return [{"literal": text}], et_al
    return parsed[0], et_al or parsed[1]


def _anystyle_volume(text: str) -> dict[str, str]:
    """``Vol. 9,`` -> volume 9; ``12(3)`` -> volume 12, issue 3; ``No. 134`` -> issue 134.

    Vancouver strings label ``2012;30(15)`` as one volume span: the year is split off.
    """
    text = _VOLUME_PREFIX.sub("", text.strip(" .,;:").lstrip("("))
    year = _YEAR_IN_VOLUME.match(text)
    if year:
        return {"year": year.group(1), **_anystyle_volume(text[year.end() :])}
    if _ISSUE_PREFIX.match(text):
        return {"issue": _ISSUE_PREFIX.sub("", text).split(",")[0].strip()}
    pages = _PAGES_IN_VOLUME.search(text)
    if pages:
        return {**_anystyle_volume(text[: pages.start()]), "page": pages.group(1)}
    both = _VOLUME_ISSUE.match(text)
    if both:
        return {"volume": both.group("volume"), "issue": both.group("issue").strip()}
    volume = re.split(r"[,\s]", text)[0]
    issue = _ISSUE_IN_VOLUME.search(text)
    found = {"volume": volume} if volume else {}
    if issue:
        found["issue"] = issue.group(1)
    return found
