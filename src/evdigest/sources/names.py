"""Author names: splitting printed author lists into :class:`~evdigest.model.Author`.

Which part of a Latin-script name is the family name depends on the family of
the source, never on guessing from the name itself:

* ``platform-record`` prints names **given-first** ("Yue Liu", "Kai Zhao"):
  the family name is the last word, together with lowercase particles before it
  ("Ana de la Cruz" -> family "de la Cruz").
* ``pubmed-cn`` prints names **family-first** ("Zhang Tianhe", or PubMed's
  "Zhang T"): the family name is the first word.
* ``journal-fulltext`` prints Latin names **family-first** as well
  ("Lyu Ruyue", "LYU Ruyue"); Chinese names are split by
  :func:`split_chinese_name` (compound surnames such as 欧阳 kept whole).

A name written with a comma ("Liu, Yue") is always family-first, whatever the
family, and a name all in capitals is split where a particle starts the family name ("JAN VAN DER BERG",
"VAN DER BERG JAN"). A generational suffix ("Jr", "III") is no given name: it follows the
family name ("John Smith Jr" -> family "Smith Jr", given "John"; "SMITH JA JR" -> "Smith Jr", "JA"), but "JR"
alone after a family name is PubMed's initials. Initials with full stops before one name are given-first ("J. A.
Smith"), and a Chinese name in pinyin opening on a common family name, its given name in syllables ("WANG DE
HUA"), family-first, in every family, unless the list's other names tell they are printed given-first
(:func:`order_habit`); a family name in capitals at one end of a name in mixed case ("Xiaoming WANG", "WANG
Xiaoming") and a Vietnamese family name at one end ("An Van Nguyen", "NGUYEN VAN AN") tell the order in every
family (:mod:`~evdigest.sources.name_order`). Family and given names printed in
capitals are written as names are written ("WANG XIAOMING" -> Wang, Xiaoming), initials kept ("LI XM"), two
letters that may be either read as the list prints its other given names (:mod:`~evdigest.sources.given_names`).
Affiliation markers glued to a name ("Zhang Tianhe1,2", "Liu Y*", "Qian Chen¹²", "Hu Bo*[1,2]") are read
into affiliation numbers and the corresponding-author flag; only "*" and "✉" mark the corresponding author
("#" and "†" mostly mark equal contribution).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..model import Author
from ..name_particles import OPENING
from ..name_syllables import CANTONESE_SURNAMES, KOREAN_SURNAMES, KOREAN_SURNAMES_GIVEN_TOO, is_name_syllable
from ..refs.name_case import title_cased
from ..refs.pinyin_names import SURNAMES, is_syllable
from ..text import CJK_IDEOGRAPH, fold_punctuation, half_width_alnum, has_cjk
from .given_names import Habit, given_case, given_habit, given_kind, syllables_case
from .latex import SUPERSCRIPT_DIGITS
from .name_order import (
    DOTTED_INITIALS,
    SURNAME_OR_INITIALS,
    Order,
    capitals_order,
    in_capitals,
    is_vietnamese,
    letters,
    vietnamese_order,
)

#: The order each source family prints Latin names in.
FAMILY_ORDER: dict[str, Order] = {
    "platform-record": "given-first",
    "pubmed-cn": "family-first",
    "journal-fulltext": "family-first",
}

# Separators between authors: "A, B; C，D、E" and "A and B" / "A & B"
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,;，；、]|\s+and\s+|\s*&\s*)\s*")
# One printed mark: a number "1" / "^1", a symbol "*", or numbers in brackets "[1,2]", "(1)"
_MARK_TOKEN = r"(?:\^?\d{1,2}|[*†‡#✉]|\[\d{1,2}(?:\s*,\s*\d{1,2})*\]|\(\d{1,2}(?:\s*,\s*\d{1,2})*\))"
# Markers glued to the end of a name: "Zhang Tianhe1,2*", "Liu Y^1", "Zhou Jun†", "Hu Bo*[1,2]", "张三(1,2)"
_MARKERS = re.compile(rf"(?P<marks>\s*{_MARK_TOKEN}(?:[\s,]*{_MARK_TOKEN})*)\s*$")
# Marker-only pieces left by splitting "Zhang Tianhe1, 2, Zhang Liang2": "2", "2*"
_MARKER_ONLY = re.compile(rf"^{_MARK_TOKEN}+$")
# One marker: "1", "*"
_MARK = re.compile(r"\d{1,2}|[*†‡#✉]")
# The marks naming the corresponding author; "#" and "†" mostly mark equal contribution
_CORRESPONDING_MARKS = frozenset("*✉")
# Brackets that hold marks or a name in another script, where a comma separates no authors: "[1,2]", "(李晓明)"
_OPENING, _CLOSING = "([", ")]"
# Full-width marks -> ASCII: "＊" -> "*", "＃" -> "#" (full-width digits and punctuation: fold_punctuation)
_WIDE_MARKS = str.maketrans({"＊": "*", "＃": "#"})
# Superscript digits and commas, as pages print affiliation marks: "¹²", "¹˒³", "¹⁰"
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹˒]+")
# A name followed by its other script or a note in brackets: "Li Xiaoming(李晓明)", "李晓明(Li Xiaoming)",
# "Zhao Hong1(通讯作者)"
_BRACKETED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)$")
# A note that the author is the corresponding one: "通讯作者", "通信作者", "*Corresponding author"
_CORRESPONDING_NOTE = re.compile(r"^[*\s]*(?:通讯作者|通信作者|corresponding author)$", re.IGNORECASE)
# Two Latin letters in a row, as any Latin name has: "Li", "Wang Y"
_LATIN_NAME = re.compile(r"[A-Za-z]{2}")
# Generational suffixes: "Jr", "Jr.", "III"
_SUFFIX_WORD = r"(?:Jr\.?|Sr\.?|II|III|IV)"
_SUFFIX = re.compile(rf"^{_SUFFIX_WORD}$")
# The same in capitals too, closing a name printed all in capitals: "JR", "SR"
_SUFFIX_ANY_CASE = re.compile(rf"^{_SUFFIX_WORD}$", re.IGNORECASE)
# Given names closed by a generational suffix: "John Jr", "John, Jr.", "Robert III"
_GIVEN_SUFFIX = re.compile(rf"^(?P<given>.*?\S)[\s,]+(?P<suffix>{_SUFFIX_WORD})$")
# A generational suffix closing a family name: "Smith Jr", "Smith III"
_FAMILY_SUFFIX = re.compile(rf" {_SUFFIX_WORD}$")
# Particles opening a family name (:mod:`~evdigest.name_particles`) that split a source's name: not "do", a
# Vietnamese family and middle name as well ("NGUYEN DO AN"), nor "el", "ibn", "van't", "zu"
PARTICLES = OPENING - {"do", "el", "ibn", "van't", "zu"}
# Two-character Chinese family names
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
        "申屠",
        "轩辕",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "澹台",
        "万俟",
        "闻人",
        "赫连",
        "钟离",
    }
)
# A word naming a group of authors, whose name in capitals is an acronym: "MISEV2023 Consortium", "ISEV Board"
_GROUP = re.compile(
    r"\b(?:Consortium|Group|Committee|Board|Society|Association|Network|Collaborat\w*|Investigators|Team|Panel"
    r"|Task\s+Force|Initiative|Council|Organi[sz]ation|Foundation|Working)\b",
    re.IGNORECASE,
)
# "et al." / "等" closing a truncated author list
_ET_AL = re.compile(r"^(?:et\s+al\.?|等)$", re.IGNORECASE)
# "et al." / "等" closing the last name itself: "Wang Y et al.", "王雨等", "王雨2等。"
_TRAILING_ET_AL = re.compile(r"(?:\s+et\s+al\b\.?|(?P<deng>等))\s*[.。]?$", re.IGNORECASE)


def superscript_marks(text: str) -> str:
    """Superscript affiliation marks in plain digits, one number each: "Qian Chen¹²" -> "Qian Chen1,2".

    Superscripts run together ("¹²³") are one digit a mark when the digits rise and hold
    no zero, as marks are printed in order; otherwise ("¹⁰", "¹¹") they are one number.
    """

    def plain(match: re.Match[str]) -> str:
        marks = []
        for run in match.group().translate(SUPERSCRIPT_DIGITS).split(","):
            rising = "0" not in run and all(a < b for a, b in zip(run, run[1:], strict=False))
            marks.extend(run if rising else [run])
        return ",".join(mark for mark in marks if mark)

    return _SUPERSCRIPTS.sub(plain, text)


def ascii_marks(text: str) -> str:
    """Full-width digits, letters, punctuation and marks in an author list as ASCII: "Sun Qing２＊" -> "Sun Qing2*"."""
    return half_width_alnum(fold_punctuation(text)).translate(_WIDE_MARKS)


def split_author_list(text: str) -> list[str]:
    """Split a printed author list ("A, B; C and D") into name pieces, dropping empty ones.

    Separators inside brackets ("Hu Bo[1,2]") separate no names. Marker-only pieces
    ("2" in "Zhang Tianhe1, 2, ...") are kept so that :func:`parse_authors` can attach
    them to the preceding name.
    """
    pieces, start, depth, scanned = [], 0, 0, 0
    for separator in _AUTHOR_SEPARATOR.finditer(text):
        depth += _bracket_depth(text[scanned : separator.start()])
        scanned = separator.start()
        if depth <= 0:
            pieces.append(text[start : separator.start()])
            start = separator.end()
    pieces.append(text[start:])
    if depth + _bracket_depth(text[scanned:]) != 0:  # a bracket left open: it sets off nothing
        pieces = _AUTHOR_SEPARATOR.split(text)
    return [piece.strip() for piece in pieces if piece and piece.strip()]


def _bracket_depth(text: str) -> int:
    """How many more brackets ``text`` opens than it closes (ASCII and full-width)."""
    folded = fold_punctuation(text)
    return sum(folded.count(c) for c in _OPENING) - sum(folded.count(c) for c in _CLOSING)


def split_latin_name(
    name: str, order: Order = "given-first", habit: Habit | None = None, list_order: Order | None = None
) -> tuple[str | None, str | None]:
    """Split a Latin-script name into ``(family, given)`` by the printed ``order``.

    "Yue Liu" given-first -> ``("Liu", "Yue")``; "Zhang Tianhe" family-first ->
    ``("Zhang", "Tianhe")``; "Liu, Yue" -> ``("Liu", "Yue")`` whatever the order.
    A single word is a family name with no given name. Words in capitals where the order puts
    the family name, beside given names that are not, are the family name ("DE LA CRUZ Ana",
    "Jan VAN DER BERG"). A family or given name printed in capitals is written as names are written
    (:func:`cased`: "MACARTHUR Jane" -> ``("MacArthur", "Jane")``, "YUE LIU" -> ``("Liu", "Yue")``),
    initials kept ("LI XM" -> ``("Li", "XM")``), two letters that may be either read by the ``habit`` of the
    list the name is in (:func:`list_habit`: "NG AI" among "SMITH JA, LEE KM" -> ``("Ng", "AI")``), a Chinese
    name in pinyin by the order the list's other names are printed in, ``list_order`` (:func:`order_habit`).
    """
    family, given = printed_parts(name, order, habit, list_order)
    return cased(family, given, habit)


def list_habit(names: Iterable[str], order: Order, list_order: Order | None = None) -> Habit | None:
    """The habit of a list of printed names (:func:`~evdigest.sources.given_names.given_habit`), each read in
    ``order`` in a list printed in ``list_order``: ``initials`` for "SMITH JA, LEE KM, NG AI", ``names`` for
    "ZHANG Wei, LI An, WANG Yu". A name the habit reads one way or the other tells none: its given name read with
    no habit ("SMITH HO": Smith, a Cantonese family name after it) may be the family name read among initials
    ("SMITH HO, JONES AB, LEE KM": Smith, HO)."""
    return given_habit(_told_given(name, order, list_order) for name in names if not has_cjk(name))


def _told_given(name: str, order: Order, list_order: Order | None) -> str | None:
    """The given name of a printed name read with no habit; ``None`` when, read in a list that prints initials, the
    name has initials for its given name instead ("SMITH HO": a list's habit tells it, see :func:`list_habit`; not
    "Ka Lok HO", whose given name is no initials however read)."""
    read = printed_parts(name, order, None, list_order)
    among_initials = printed_parts(name, order, "initials", list_order)
    if read != among_initials and given_kind(among_initials[1] or "") == "initials":
        return None
    return read[1]


def printed_parts(
    name: str, order: Order, habit: Habit | None = None, list_order: Order | None = None
) -> tuple[str | None, str | None]:
    """The family and given names of a Latin-script name as printed (see :func:`split_latin_name`), in a list of
    the ``habit`` and ``list_order`` given (:func:`list_habit`, :func:`order_habit`). A generational suffix
    closing a name follows the family name when a given name is left before it ("SMITH JA JR" -> "SMITH Jr",
    "JA"; "John Smith Jr"), or when it is printed as suffixes are ("van der Berg Jr"); in capitals after a
    family name alone it is PubMed's initials ("VAN DER BERG JR" -> given "JR")."""
    name = " ".join(name.split())
    if not name:
        return None, None
    family, comma, given = name.partition(",")
    if comma and _SUFFIX.match(given.strip()):
        name = f"{family.strip()} {given.strip()}"  # "John Smith, Jr": the comma only sets off the suffix
    elif comma:
        return suffix_after_family(family.strip() or None, given.strip() or None)
    words = name.split(" ")
    if len(words) == 1:
        return words[0], None
    if len(words) > 2 and _SUFFIX_ANY_CASE.match(words[-1]):
        family, given = printed_parts(" ".join(words[:-1]), order, habit, list_order)
        if given or _SUFFIX.match(words[-1]):
            return f"{family} {_suffix_written(words[-1])}", given
    split = _split_at_particle(words, order)
    if split is not None:
        return split
    if _read_order(words, order, habit, list_order) == "family-first":
        count = _family_words(words)
        return " ".join(words[:count]), " ".join(words[count:])
    start = len(words) - _family_words(words[::-1])
    while start > 1 and words[start - 1] in PARTICLES and not _chinese_or_vietnamese(words):
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start]) or None


def _suffix_written(suffix: str) -> str:
    """A generational suffix written as suffixes are: "JR" -> "Jr", "SR." -> "Sr.", "III" as printed."""
    return suffix.capitalize() if suffix[:2].upper() in ("JR", "SR") else suffix


def _read_order(words: list[str], order: Order, habit: Habit | None, list_order: Order | None) -> Order:
    """The order a name with no particle is read in: family-first with initials after the family name
    (:func:`_initials_last`); given-first with initials with full stops before one name ("J. A. Smith", "J.-P.
    Dupont"); as a family name in capitals at one end tells (:func:`~evdigest.sources.name_order.capitals_order`:
    "Xiaoming WANG", "WANG Xiaoming"), else a Vietnamese family name
    (:func:`~evdigest.sources.name_order.vietnamese_order`: "An Van Nguyen", "NGUYEN VAN AN"); family-first when a
    Chinese name in pinyin or Cantonese or a Korean name (:func:`_chinese_family_first`) in a list not printed given-first; in the order the
    list's other names tell, ``list_order``, a name closed by two capitals that may be initials or a name ("LI
    AN", "NG AI" among "ZHANG W", "SMITH JA" family-first); else the family's ``order``."""
    if _initials_last(words, habit):
        return "family-first"
    if len(words) > 1 and all(DOTTED_INITIALS.fullmatch(word) for word in words[:-1]):
        if given_kind(words[-1]) != "initials":
            return "given-first"
    told = capitals_order(words, habit, list_order) or vietnamese_order(words)
    if told is not None:
        return told
    if list_order != "given-first" and _chinese_family_first(words):
        return "family-first"
    if list_order is not None and given_kind(words[-1]) is None:
        return list_order
    return order


_CANTONESE_OR_KOREAN_SURNAMES = CANTONESE_SURNAMES | KOREAN_SURNAMES
_KOREAN_SURNAMES_ONLY = KOREAN_SURNAMES - KOREAN_SURNAMES_GIVEN_TOO
"""Korean family names that open no given name."""


def _chinese_family_first(words: list[str]) -> bool:
    """Whether a name is a Chinese name printed family name first, its given name in syllables: a common Chinese
    family name in pinyin first, two pinyin syllables or more after it ("WANG DE HUA", "Li Xiao Ming"; not "YUE
    LIU", which tells nothing), or a common Cantonese one first, two syllables or more in pinyin or Cantonese after
    it ("CHAN DE WAI", "WONG KA LOK"; not "DE WAI CHAN", "KA LOK WONG"), or a common Korean one first, two
    syllables or more in pinyin or Korean after it ("KIM DA HYE", "PARK JI HOON"; not "JUNG HOON KIM", its first word
    opening given names too and its last a family name)."""
    lower = [word.lower() for word in words]
    if len(lower) < 3:
        return False
    if lower[0] in SURNAMES and all(map(is_syllable, lower[1:])):
        return True
    if lower[0] in KOREAN_SURNAMES_GIVEN_TOO and lower[-1] in _KOREAN_SURNAMES_ONLY:
        return False
    return lower[0] in _CANTONESE_OR_KOREAN_SURNAMES and all(map(is_name_syllable, lower[1:]))


def told_order(name: str) -> Order | None:
    """The order a Latin name tells by itself it is printed in: family-first with a comma ("Liu, Yue"), with
    initials after the family name ("Smith JA") or its family name alone in capitals first ("WANG Xiaoming");
    given-first with initials with full stops first ("J. A. Smith") or its family name alone in capitals last
    ("Xiaoming WANG"); ``None`` when it tells nothing ("Yue Liu", "WANG DE HUA")."""
    words = " ".join(name.split()).split(" ")
    if "," in name:
        return "family-first"
    if len(words) < 2 or _split_at_particle(words, "given-first") is not None:
        return None
    if _initials_last(words, None):
        return "family-first"
    if all(DOTTED_INITIALS.fullmatch(word) for word in words[:-1]):
        return "given-first"
    return capitals_order(words)


def order_habit(names: Iterable[str]) -> Order | None:
    """The order a list's names are printed in as those that tell it say (:func:`told_order`): the order most of
    them tell, ``None`` when neither is the more."""
    told = Counter(told_order(name) for name in names if not has_cjk(name))
    if told["given-first"] != told["family-first"]:
        return "given-first" if told["given-first"] > told["family-first"] else "family-first"
    return None


def _split_at_particle(words: list[str], order: Order) -> tuple[str, str | None] | None:
    """The family and given names of a name told by a particle starting the family name (in lower case in a name
    printed in mixed case, "Jan van der Berg"; any particle in a name all in capitals, which do not set it apart):
    before the family name's last word and after the given names ("JAN VAN DER BERG", "Maria de la Cruz"), or
    first, the given names after the family name ("VAN DER BERG JAN", "van der Berg J"), whatever the family's
    order; a particle inside a family-first name ends it after the next word ("GARCIA DE LA TORRE MARIA"). A
    generational suffix printed before initials follows the family name ("VAN DER BERG JR J"; one closing the
    name is :func:`printed_parts`'), the family name alone with no given name ("VAN DER BERG"). ``None`` for a name
    with no particle, a name of two words in capitals whose second is a syllable of a Chinese, Cantonese or Korean
    name, read as others of two words are ("TEN LI": a word spelt as a particle may be a name; not "DE LUCA", "VAN
    DAM", "DA SILVA", "TER HAAR", family names), a Chinese, Cantonese or Korean name ("WANG DE HUA", "DU LI", "CHAN DE WAI", "KIM DA
    HYE") or a Vietnamese one ("NGUYEN VAN AN", "Nguyen van An")."""
    if _chinese_or_vietnamese(words):
        return None
    mixed = any(c.islower() for word in words for c in word)
    particles = [(word if mixed else word.lower()) in PARTICLES for word in words]
    first = next((i for i, particle in enumerate(particles) if particle), None)
    if first is None:
        return None
    last = next((i for i in range(first, len(words)) if not particles[i]), None)
    if last is None:
        return None
    if last == len(words) - 1:
        if first == 0 and len(words) == 2 and not mixed and is_name_syllable(letters(words[1])):
            return None  # "TEN LI": a word in capitals spelt as a particle before a name syllable may be a name
        return " ".join(words[first:]), " ".join(words[:first]) or None
    if first == 0 or order == "family-first":
        family, given = words[: last + 1], words[last + 1 :]
        if len(given) > 1 and _SUFFIX_ANY_CASE.match(given[0]):  # "VAN DER BERG JR J"
            family, given = family + given[:1], given[1:]
        return " ".join(family), " ".join(given)
    return None


def _initials_last(words: list[str], habit: Habit | None) -> bool:
    """Whether a name printed given-first by its family is printed family-first, with initials after the family
    name ("SMITH JA", "Smith JA", "DUPONT J.-P."): its last word is initials by itself
    (:func:`~evdigest.sources.given_names.given_kind`), not a Chinese family name in pinyin ("Ruyue LV" stays
    given-first), and its first word a name by itself ("AI NG" stays given-first). Letters that may be a family
    name in Cantonese ("Ai NG", "Ka Lok HO") are initials in a list whose ``habit`` is initials ("Smith JA, Lee KM,
    Ai NG")."""
    first, last = words[0], words[-1]
    if given_kind(last) != "initials" or given_kind(first) != "names" or letters(last) in SURNAMES:
        return False
    return letters(last) not in SURNAME_OR_INITIALS or habit == "initials"


def _chinese_or_vietnamese(words: list[str]) -> bool:
    """Whether a name is a Chinese, Cantonese or Korean one, each word one syllable in pinyin or as Cantonese and
    Korean names are spelt ("WANG DE HUA", "DE HUA LIU", "DU XIAO MING", "CHAN DE WAI", "ZHUO DA MING", "KIM DA
    HYE"; not "DI MARIA ANNA", "JAN DE JONG"), or a Vietnamese one
    (:func:`~evdigest.sources.name_order.is_vietnamese`: "NGUYEN VAN AN", "LE THANH HAI"), so that a word spelt
    as a particle is none."""
    lower = [word.lower() for word in words]
    return all(map(is_name_syllable, lower)) or is_vietnamese(words)


def cased(family: str | None, given: str | None, habit: Habit | None = None) -> tuple[str | None, str | None]:
    """A printed family and given name each written as names are written when printed in capitals
    (:func:`family_case`, :func:`~evdigest.sources.given_names.given_case`, by the ``habit`` of the list the name
    is in; a Vietnamese name's given name is syllables, :func:`~evdigest.sources.given_names.syllables_case`:
    "NGUYEN DO AN" -> Nguyen, Do An); a generational suffix after the family name is no part of it, and a group's
    name is kept as printed ("ISEV BOARD")."""
    if family is None:
        return None, given
    if given and (is_vietnamese([*family.split(), *given.split()]) or is_vietnamese([*given.split(), *family.split()])):
        given = syllables_case(given)
    suffix = _FAMILY_SUFFIX.search(family)
    bare = family[: suffix.start()] if suffix else family
    if _GROUP.search(f"{family} {given}"):  # "MISEV2023 Consortium", "ISEV Board": the capitals are an acronym
        return family, given
    return family_case(bare, given) + (suffix.group() if suffix else ""), given_case(given, in_capitals(bare), habit)


def _family_words(words: list[str]) -> int:
    """How many of the first ``words`` of a name are its family name: one in a Vietnamese name
    (:func:`~evdigest.sources.name_order.is_vietnamese`), its middle name a given name however printed ("NGUYEN VAN
    A": Nguyen, Van A), else those in capitals before words that are not (:func:`_capitals_run`: "DE LA CRUZ Ana"),
    else one."""
    return 1 if is_vietnamese(words) else _capitals_run(words) or 1


def _capitals_run(words: list[str]) -> int:
    """How many of the first ``words`` are in capitals, when some of the others are not ("DE LA CRUZ Ana": 3);
    0 when all are, or the first is not."""
    count = 0
    while count < len(words) and in_capitals(words[count]):
        count += 1
    return count if count < len(words) and not all(in_capitals(word) for word in words) else 0


def family_case(family: str, given: str | None) -> str:
    """A Latin family name printed in capitals written as names are written, by the rules of
    :func:`~evdigest.refs.name_case.title_cased` ("MACARTHUR" -> "MacArthur", "MACHADO" -> "Machado",
    "MCDONALD" -> "McDonald", "O'BRIEN" -> "O'Brien", "VAN DER BERG" -> "van der Berg", "DE LA CRUZ" -> "De la
    Cruz"); any other as printed, and so is one with no ``given`` name ("WHO") or holding digits, where the
    capitals are an acronym (a group's, "ISEV Board of Directors", is left to :func:`cased`), unless a particle
    starts it ("VAN DER BERG III" -> "van der Berg III")."""
    if not in_capitals(family) or any(c.isdigit() for c in family):
        return family
    if not given and not (" " in family and family.split(" ")[0].lower() in PARTICLES):
        return family
    return title_cased(family)


def suffix_after_family(family: str | None, given: str | None) -> tuple[str | None, str | None]:
    """Move a generational suffix printed after the given names to the family name:
    ``("Smith", "John Jr")`` -> ``("Smith Jr", "John")``."""
    match = _GIVEN_SUFFIX.match(given or "")
    if family is None or match is None:
        return family, given
    return f"{family} {match.group('suffix')}", match.group("given")


def split_chinese_name(name: str) -> tuple[str | None, str | None]:
    """Split a Chinese name into ``(family, given)``: "吕茹月" -> ("吕", "茹月"); "欧阳修" -> ("欧阳", "修")."""
    name = "".join(name.split())
    if not name:
        return None, None
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    if len(name) == 1:
        return name, None
    return name[0], name[1:]


def pinyin_name(name_zh: str) -> tuple[str, str, str | None] | None:
    """A Chinese name written in pinyin, family name first as Chinese journals print it: ``(name, family,
    given)``, ``张万松`` → ``("Zhang Wansong", "Zhang", "Wansong")``, ``吕茹月`` → ``Lyu Ruyue`` (ü as yu),
    ``欧阳娜娜`` → ``Ouyang Nana``; ``None`` for a name not all Chinese characters."""
    from ..pinyin import syllables
    from ..surname_readings import surname_syllables

    family, given = split_chinese_name(name_zh)
    if not family or not all(CJK_IDEOGRAPH.match(ch) for ch in name_zh.replace(" ", "")):
        return None

    def spelled(text: str, surname: bool = False) -> str:
        sounds = surname_syllables(text, given or "") if surname else syllables(text)
        joined = "".join(sounds).replace("lv", "lyu").replace("nv", "nyu").replace("ü", "yu")
        return joined.capitalize()

    family_latin = spelled(family, surname=True)
    given_latin = spelled(given) if given else None
    return " ".join(p for p in (family_latin, given_latin) if p), family_latin, given_latin


def strip_markers(piece: str) -> tuple[str, tuple[int, ...], bool]:
    """Remove affiliation markers from a name: ``"Zhang Tianhe1,2*"`` -> ``("Zhang Tianhe", (1, 2), True)``.

    Affiliation numbers are returned as printed (1-based).
    """
    match = _MARKERS.search(piece)
    if not match or match.start() == 0:
        return piece.strip(), (), False
    marks = _MARK.findall(match.group("marks"))
    numbers = tuple(int(m) for m in marks if m.isdigit())
    corresponding = any(m in _CORRESPONDING_MARKS for m in marks)
    return piece[: match.start()].strip(), numbers, corresponding


def bracketed_name(name: str) -> tuple[str, str | None, tuple[int, ...], bool]:
    """Read a name printed with its other script or a note in brackets, its markers before the bracket:
    ``"Li Xiaoming1(李晓明)"`` -> ``("Li Xiaoming", "李晓明", (1,), False)``; ``"Zhao Hong(通讯作者)"`` ->
    ``("Zhao Hong", None, (), True)``. A name without such a bracket is returned as it is."""
    match = _BRACKETED.match(name)
    if match is None:
        return name, None, (), False
    first, numbers, corresponding = strip_markers(match.group("name"))
    inner = match.group("inner").strip()
    if _CORRESPONDING_NOTE.match(inner):
        return first, None, numbers, True
    latin, chinese = (inner, first) if has_cjk(first) else (first, inner)
    if has_cjk(latin) or not has_cjk(chinese) or not _LATIN_NAME.search(latin):  # "张三(1)": no other script
        return name, None, (), False
    return latin, chinese, numbers, corresponding


def without_et_al(piece: str) -> tuple[str, bool]:
    """A name without the "et al." / "等" closing it, and whether there was one: "王雨等" -> ("王雨", True).

    "等" closes a Chinese name of two characters or more ("王等" may be a name)."""
    match = _TRAILING_ET_AL.search(piece)
    if match is None:
        return piece, False
    rest = piece[: match.start()].strip()
    if match.group("deng") and len(CJK_IDEOGRAPH.findall(rest)) < 2:
        return piece, False
    return rest, True


def make_author(
    piece: str,
    order: Order,
    numbers: tuple[int, ...] = (),
    corresponding: bool = False,
    name_zh: str | None = None,
    habit: Habit | None = None,
    list_order: Order | None = None,
) -> Author:
    """Build an :class:`Author` from one printed name (with ``name_zh``, its Chinese form printed beside it) of a
    list of the ``habit`` and ``list_order`` given; affiliation ``numbers`` are 1-based as printed."""
    affiliations = tuple(n - 1 for n in numbers if n > 0)
    if has_cjk(piece):
        name, name_zh, (family, given) = "", piece, split_chinese_name(piece)
    else:
        name, (family, given) = piece, split_latin_name(piece, order, habit, list_order)
    return Author(
        name=name, name_zh=name_zh, family=family, given=given, affiliations=affiliations, corresponding=corresponding
    )


def parse_authors(text: str, order: Order) -> tuple[tuple[Author, ...], bool]:
    """Parse a printed author list into authors, in order; also tell whether it ended with "et al."/"等".

    Marker-only pieces ("2" after "Zhang Tianhe1,") are added to the preceding author; a name's
    Chinese form in brackets ("Li Xiaoming(李晓明)") is its ``name_zh``; given names that may be initials or
    names are read by the list's habits (:func:`list_habit`, :func:`order_habit`).
    """
    names: list[list] = []  # [name, numbers, corresponding, name_zh]
    et_al = False
    for piece in split_author_list(superscript_marks(ascii_marks(text))):
        if _ET_AL.match(piece):
            et_al = True
            continue
        if _SUFFIX.match(piece) and names:  # "John Smith, Jr": the suffix belongs to the name before it
            names[-1][0] += f" {piece}"
            continue
        if _MARKER_ONLY.match(piece) and names:
            marks = _MARK.findall(piece)
            names[-1][1] += tuple(int(m) for m in marks if m.isdigit())
            names[-1][2] = names[-1][2] or any(m in _CORRESPONDING_MARKS for m in marks)
            continue
        piece, cut_short = without_et_al(piece)
        et_al = et_al or cut_short
        name, numbers, corresponding = strip_markers(piece)
        name, name_zh, more, noted = bracketed_name(name)
        if name:
            names.append([name, more + numbers, corresponding or noted, name_zh])
    printed_order = order_habit(name for name, *_ in names)
    habit = list_habit((name for name, *_ in names), order, printed_order)
    authors = tuple(make_author(name, order, *rest, habit=habit, list_order=printed_order) for name, *rest in names)
    return authors, et_al


def by_script(authors: Sequence[Author]) -> tuple[list[Author], list[Author]]:
    """The authors printed in Latin script (with a ``name``) and those printed in Chinese only, each in order."""
    return [a for a in authors if a.name], [a for a in authors if not a.name]


def paired_in_order(latin: Sequence[Author], chinese: Sequence[Author]) -> tuple[Author, ...] | None:
    """A Latin and a Chinese list of the same authors ("Zhang Tianhe, ..." and "张天鹤, ...") paired in order:
    each Latin author with the Chinese name, and the affiliations, corresponding mark and ORCID it lacks,
    of the Chinese one in its place; ``None`` when the lists are not of one length."""
    if len(latin) != len(chinese):
        return None
    return tuple(
        dataclasses.replace(
            en,
            name_zh=en.name_zh or zh.name_zh,
            affiliations=en.affiliations or zh.affiliations,
            corresponding=en.corresponding or zh.corresponding,
            orcid=en.orcid or zh.orcid,
        )
        for en, zh in zip(latin, chinese, strict=True)
    )


def unpaired(latin: Sequence[Author], chinese: Sequence[Author], kept: str) -> str:
    """The warning for a Latin and a Chinese list that :func:`paired_in_order` cannot pair, saying what is kept."""
    return f"{len(latin)} Latin and {len(chinese)} Chinese names cannot be paired; {kept}"
