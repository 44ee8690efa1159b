"""Author lists of reference strings: where they end and how each name splits.

Handles Vancouver/NLM (``KALLURI R, LEBLEU VS``), GB/T 7714 with Chinese names
(``马元, 庄雪莹, 陈旭``), inverted names (``Romero, C., Paunesku, D., & Dweck, C.``)
and given-first names (``S. E. Han, G. Chen``).  ``et al.`` / ``等`` end a list
and are reported separately: they are not authors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from evdigest.name_particles import ARABIC, OPENING, PARTICLES
from evdigest.name_syllables import CANTONESE_SURNAMES, KOREAN_SURNAMES, is_name_syllable
from evdigest.refs.name_case import given_cased
from evdigest.refs.parse_cities import is_city_and_region
from evdigest.refs.parse_editions import opens_publication
from evdigest.refs.parse_places import read_journal_place_year, read_meeting_place_year, read_meeting_year
from evdigest.refs.parse_words import JOURNAL_WORDS, TITLE_LABELS
from evdigest.refs.pinyin_names import family_first
from evdigest.vietnamese_surnames import (
    VIETNAMESE_MIDDLE_NAMES,
    VIETNAMESE_SURNAMES,
    VIETNAMESE_SURNAMES_GIVEN_TOO,
    is_vietnamese,
)

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# Lower-case particles of family names (:mod:`~evdigest.name_particles`) a reference's name is read with: "van
# Niel", "da Cunha Santos", "de la Macorra" (not "las", "los", "van't", "'t", "e", "het", "dem", "do", "zu").
_READ_PARTICLES = PARTICLES - {"las", "los", "van't", "'t", "e", "het", "dem", "do", "zu"}
_PARTICLE = rf"(?:{'|'.join(sorted(_READ_PARTICLES, key=lambda p: (-len(p), p)))})"
# One word of a family name: "LEBLEU", "Guillamat-Prats", "O'Flaherty", "van", "Bel'skaya".
_FAMILY_WORD = rf"(?:[{_UPPER}][{_LETTER}'’\-]*|{_PARTICLE}(?=\s))"
# Initials without or with dots: "VS", "A K", "M.", "J.-P.", "L. L.", "R.-M.", "G. SJ" (written together, spaced
# one by one, or after a dotted first initial: "POL E" is a name and an initial, not four initials).
_INITIALS = (
    rf"(?:[{_UPPER}]\.?(?:-?[{_UPPER}]\.?){{0,3}}|[{_UPPER}]\.?(?:(?:\s-?|-)[{_UPPER}]\.?){{1,3}}"
    rf"|[{_UPPER}]\.(?:\s?-?[{_UPPER}]\.?){{1,3}})"
)
# "nguyen", "tran", "do": Vietnamese family names no given name is, which tell a name printed family name first
_FAMILY_FIRST_SURNAMES = VIETNAMESE_SURNAMES - VIETNAMESE_SURNAMES_GIVEN_TOO
# "Jr", "Sr", "III": a suffix after a name.
_SUFFIX = r"(?:Jr|Sr|II|III|IV)"

# "LEBLEU VS", "EL SAFADI D", "van Niel G", "Heidegger M.": family then initials (Vancouver).
_NLM_NAME = re.compile(
    rf"^(?P<family>{_FAMILY_WORD}(?:[\s-]{_FAMILY_WORD}){{0,3}}?|[a-z][{_LETTER}'’\-]+)\s+(?P<given>{_INITIALS})"
    rf"(?:\s+(?P<suffix>{_SUFFIX})\.?)?$"
)
# "Jr.", "III": a suffix printed as its own item of an inverted list ("Bonifacino, J. S., Jr.").
_SUFFIX_ONLY = re.compile(rf"^{_SUFFIX}\.?$")
# "J. Smith Jr.", "Mauricio Breternitz Sr.": a name and its suffix, with its full stop
_DOTTED_SUFFIX = re.compile(rf"^(?P<name>.*\S)\s+(?P<suffix>{_SUFFIX})\.$")
# "LYU Ruyue", "HAN Qing-feng", "OUYANG Nana", "EL SAFADI Dina": a capitalised family name, then the
# given name written out (GB/T 7714 for Chinese authors in Latin script).
_UPPER_FAMILY_NAME = re.compile(
    r"^(?P<family>[A-Z][A-Z'’\-]+(?:\s[A-Z][A-Z'’\-]+)?)\s+(?P<given>[A-Z][a-z]+(?:[\s-][A-Za-z][a-z]+){0,2})$"
)
# "LiM": family and initials glued by PDF conversion.
_GLUED_NAME = re.compile(rf"^(?P<family>[{_UPPER}][a-z]+)(?P<given>[{_UPPER}]{{1,2}})$")
# Particles written capitalised opening a family name: "Di Marco", "De Smedt", "Van Der Berg", "La Rosa".
_CAPITAL_PARTICLES = frozenset(particle.capitalize() for particle in OPENING - ARABIC if particle.isalpha())
# A syllable of a Vietnamese name printed without its diacritics: "Anh", "Luong", "Thi", "Nguyen" (not "Smedt")
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?"
)
# Spellings of Vietnamese names Latin ones seldom hold: nh closing a syllable ("Anh", "Minh"), ngh, nh and kh opening
# one ("Nghia", "Nhung", "Khoa"), uong, uoc and ieu ("Luong", "Phuoc", "Hieu")
_VIETNAMESE_SPELLING = re.compile(r"nh$|^(?:ngh|nh|kh)|uo(?:ng|c)$|ieu$")
# "S. E. Han", "G. Chen", "Nicholson B. Adams", "J. Gerald Kennedy": given names first.
_GIVEN_FIRST = re.compile(
    rf"^(?P<given>(?:[{_UPPER}]\.\s?-?)+|(?:[{_UPPER}]\.\s)?(?:[{_UPPER}][a-zà-ÿ]+(?:-[{_UPPER}]?[a-zà-ÿ]+)?\s+){{1,3}}"
    rf"(?:[{_UPPER}]\.?\s?){{0,2}})\s*"
    rf"(?P<family>(?:(?:{_PARTICLE}|{'|'.join(sorted(_CAPITAL_PARTICLES))}|Mc|Mac)\s+)*[{_UPPER}][{_LETTER}'’\-]+)$"
)
# "S. E.", "J.-P.": initials only, with dots.
_INITIALS_ONLY = re.compile(rf"^(?:[{_UPPER}]\.\s?-?)+$")
# "C.", "L. L.", "S", "J.-P.": a whole token of initials.
_INITIALS_FULL = re.compile(rf"^{_INITIALS}$")
# Particles closing an inverted name's given names, the family name's but dropped when names are sorted (CSL's
# dropping-particle): "Beauvoir, Simone de", "Goethe, Johann Wolfgang von", "Berg, Jan van der", "Gogh, V. van".
_DROPPING_WORD = rf"(?:{'|'.join(sorted(OPENING - ARABIC, key=lambda p: (-len(p), p)))})"
_DROPPING = rf"{_DROPPING_WORD}(?:\s+(?:{_DROPPING_WORD}|dem)){{0,2}}"
_DROPPING_PARTICLE = re.compile(rf"(?<=\S)\s+(?P<particle>{_DROPPING})$")
# The same particles opening the family name of a name printed given name first: "Simone de Beauvoir", "Jean de La
# Fontaine", "Jan van der Berg" (not a capitalised one, "Tom De Smedt", nor an Arabic one, "Osama bin Laden")
_OPENING_PARTICLE = re.compile(rf"^(?P<particle>{_DROPPING})\s+(?=[{_UPPER}])")
# "Nicholson", "Jean-Paul": a given name written out, maybe of two joined by a hyphen.
_GIVEN_WORD = rf"[{_UPPER}][a-zà-ÿ]+(?:-[{_UPPER}][a-zà-ÿ]+)?"
# "C.", "L. L.", "S", "Nicholson B.", "Jean-Paul", "Simone de": a given-name part of an inverted name.
_GIVEN_PART = re.compile(rf"^(?:{_INITIALS}|{_GIVEN_WORD}(?:\s+[{_UPPER}]\.?|\s+{_GIVEN_WORD})*)(?:\s+{_DROPPING})?$")
# "M. The", "J. Scott": a word after the full stop of an initial in a given name
_WORD_AFTER_INITIAL = re.compile(rf"[{_UPPER}]\.\s+[{_UPPER}][a-zà-ÿ]+")
# "Romero", "Kurioka", "Van Der Pol": a family name alone.
_FAMILY_ONLY = re.compile(rf"^[{_UPPER}a-z][{_LETTER}'’\-]+(?:\s[{_UPPER}a-z][{_LETTER}'’\-]+){{0,2}}$")
# "马元", "欧阳娜娜": a Chinese name.
_CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,6}$")
# "阿布都·热依木", "玛丽·居里": a name transliterated into Chinese characters, its parts joined by "·".
_CJK_TRANSLITERATED = re.compile(r"^[\u3400-\u9fff]{1,10}(?:·[\u3400-\u9fff]{1,10}){1,3}$")
# "中华医学会", "世界卫生组织", "国家市场监督管理总局", "卫生部": a Chinese organisation, known by the word that
# ends it after at least two characters (张中心 and 王会 are people; 会 and 院 only end longer names).
_CJK_ORGANISATION = re.compile(
    r"^[\u3400-\u9fff]{2,30}(?:组织|委员会|联合会|协会|学会|研究会|中心|大学|学院|医院|研究院|研究所|科学院|"
    r"公司|集团|基金会|出版社|办公室|总局|政府|联盟|部|局|委|署|厅)$"
    r"|^[\u3400-\u9fff]{3,30}[会院所社]$"
)
# Head words of organisation names: "World Health Organization", "Society for Extracellular Vesicles".
_ORGANISATION_WORDS = frozenset(
    "Organization Organisation Society Association Institute Institutes Committee Subcommittee Consortium "
    "Investigators Collaborators Collaboration Collaborative Group Council Agency Department Ministry Centers "
    "Centres Center Centre Foundation University College Academy Academies Federation Commission Network "
    "Administration Authority Initiative Coalition Secretariat Corporation".split()
)
# Small words inside an organisation name: "Institute of Medicine", "Committee for the Investigators".
_ORGANISATION_LINKS = frozenset("of for the and on in to de du des la & für".split())
# "World Health Organization", "EV-TRACK Consortium", "Institute of Medicine (US)": capitalised words,
# small linking words and a closing country in brackets.
_LATIN_ORGANISATION = re.compile(
    rf"^[{_UPPER}A-Z0-9][\w'’&\-]*(?:\s+(?:[{_UPPER}A-Z0-9][\w'’&\-]*|(?:of|for|the|and|on|in|to|de|du|des|la|&|für)(?=\s)))+"
    r"(?:\s+\([A-Z][\w .]{0,20}\))?$"
)
# "et al", "et al.", "etal", "等", "et. al": the list was cut short.
_ET_AL = re.compile(r"^(?:et\.?\s*al\.?|等|等\.)$", re.IGNORECASE)
# "and Dweck", "& Dweck": a connector before the last name.
_CONNECTOR = re.compile(r"^(?:and\s+|&\s+|et\s+(?!al\b)|\.\.\.\s*|…\s*)", re.IGNORECASE)
# "Novak, T., … Zhang, C.", "Novak, T. . . . & Zhang, C.", "Novak, T.... Zhang": the ellipsis APA 7 prints between the
# nineteenth and the last author (folded to "..."), with the comma before it and a connector after it
_ELLIPSIS = re.compile(r"\s*,?\s*\.(?:\s?\.){2}(?!\s?\.)\s*(?:(?:&|and)\s+)?")
# Separators inside an author list: ", " and "; " (", et al" stays a token).
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+")
# "L. L., W. E. Howard": what follows the dot of an initial inside a list (not its end).
_AFTER_INITIAL = re.compile(rf"\s?-?[{_UPPER}]\.|\s*[,;&]|\s+and\s|-")
# ". ", " (2011)", ", ": where an author list may end.
_LIST_END = re.compile(
    r"\.|\s(?=\((?:(?:[A-Z][a-z]+\.?\s)?(?:1[5-9]|20)\d\d[a-z]?(?:,[^)]{0,20})?\)|n\.\s?d\.\)|s\.\s?d\.\)))|\s(?=(?:1[5-9]|20)\d\d[a-z]?[.\s])|,\s?|:\s|\s(?=[\"«])"
)
# The word just before a cut: "Opt" in "J. Opt. Soc. Am.".
# "2019;1:2", "2019 Mar 5;12(3)", "Springer; 2002": Vancouver's year before a journal's numbers or after a publisher
_VANCOUVER_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;|;\s*c?(?:1[5-9]|20)\d\d\b")
_WORD_BEFORE = re.compile(r"\w+$")
# "Nature, London, 2001, 410(6831): 1-5", "Nature, 2001, 410: 1-5": a journal, maybe its place, then the year, the
# volume and the pages parted by commas and a colon, as GB/T 7714 prints them
_COMMA_JOURNAL_NUMBERS = re.compile(
    r"\s*[^\d,.;:()]+(?:,\s*[^\d,.;:()]+){0,2},\s*(?:1[5-9]|20)\d\d,\s*\d+\s*(?:\(\s*[\w\-]+\s*\))?\s*:\s*\w*\d"
)
# ", et al" written without the comma: "Zhang SQ et al", "张伟 等", "张伟等".
_ET_AL_GLUED = re.compile(r"\s+(?:et\.?\s*al\.?|等)$|(?<=[\u3400-\u9fff])等$", re.IGNORECASE)

# Words that never make a family name on their own: small words and the particles read, but those a name before
# initials may be ("di", a Chinese family name too; "ten", "al", "y"…).
_ALONE_TOO = frozenset("di della dos das ter ten y al el bin ibn".split())
_NOT_FAMILY = (_READ_PARTICLES - _ALONE_TOO) | {"and", "in", "of", "the"}

# Chinese compound family names (two characters).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 端木 澹台 轩辕 呼延 南宫 独孤 西门 闻人 万俟 赫连 申屠 公羊 钟离 宗政 濮阳 太史 仲孙".split()
)


# "Homer", "Virgil", "Augustine": an author known by a name of one word, not a word labelling a title's part
# ("Proceedings.", "Introduction.")
LONE_NAME = rf"(?!(?:{'|'.join(sorted(TITLE_LABELS))})\b)[A-Z][a-zà-ÿ'’]{{2,}}"


@dataclass(frozen=True)
class AuthorList:
    """The authors read from the start of a reference and where the list ended."""

    names: tuple[dict[str, str], ...]
    et_al: bool
    end: int
    """Index in the text just after the list and its closing punctuation."""


def split_cjk_name(name: str) -> dict[str, str]:
    """``马元`` -> family 马, given 元; ``欧阳娜娜`` -> family 欧阳, given 娜娜."""
    name = name.replace("·", "")
    size = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return {"family": name[:size], "given": name[size:]}


def format_initials(initials: str) -> str:
    """``VS`` -> ``V. S.``; ``J.-P.`` stays; ``A K`` -> ``A. K.``."""
    letters = initials.replace(" ", "")
    if "-" in letters:
        parts = [p.replace(".", "") for p in letters.split("-")]
        return "-".join(" ".join(c + "." for c in part) for part in parts if part)
    return " ".join(c + "." for c in letters.replace(".", ""))


def is_organisation(name: str) -> bool:
    """``World Health Organization``, ``中华医学会``: a group author rather than a person."""
    if _CJK_ORGANISATION.match(name):
        return True
    if not _LATIN_ORGANISATION.match(name):
        return False
    words = re.sub(r"\s*\([^)]*\)$", "", name).split()
    return any(
        word in _ORGANISATION_WORDS and (i == len(words) - 1 or words[i + 1] in _ORGANISATION_LINKS)
        for i, word in enumerate(words)
    )


def parse_name(token: str) -> dict[str, str] | None:
    """Read one author token as a CSL name, or ``None`` when it is not a complete name."""
    found = _read_name(token)
    return found[0] if found else None


def _read_name(token: str) -> tuple[dict[str, str], str] | None:
    """A CSL name and its style: ``cjk``, ``nlm`` (family + initials), ``initials-first``, ``given-first``.

    A reference's tokens are read again for every place its author list may end: each distinct token is
    read once (:func:`_read_name_once`), and each caller gets a name of its own."""
    found = _read_name_once(token)
    return (dict(found[0]), found[1]) if found else None


@lru_cache(maxsize=1 << 14)
def _read_name_once(token: str) -> tuple[dict[str, str], str] | None:
    """:func:`_read_name` of one token."""
    token = _CONNECTOR.sub("", token.strip()).strip()
    if is_organisation(token) or _CJK_TRANSLITERATED.match(token):
        return {"literal": token}, "literal"
    if _CJK_NAME.match(token):
        return split_cjk_name(token), "cjk"
    vietnamese = _vietnamese_capitals(token)
    if vietnamese:
        return vietnamese, "nlm"
    for pattern in (_NLM_NAME, _GLUED_NAME):
        match = pattern.match(token)
        if match and match.group("family") not in _NOT_FAMILY:
            name = {"family": match.group("family"), "given": format_initials(match.group("given"))}
            if match.groupdict().get("suffix"):
                name["suffix"] = match.group("suffix")
            return name, "nlm"
    match = _UPPER_FAMILY_NAME.match(token)
    if match:
        return {"family": match.group("family"), "given": match.group("given")}, "nlm"
    dotted = _DOTTED_SUFFIX.match(token)
    if dotted and _GIVEN_FIRST.match(dotted["name"]):  # "J. Smith Jr.": the suffix's full stop is no family name's
        before = _read_name_once(dotted["name"])
        if before and "family" in before[0] and "suffix" not in before[0]:
            return {**before[0], "suffix": dotted["suffix"]}, before[1]
    match = _GIVEN_FIRST.match(token)
    before = _read_name_once(match.group("given").strip()) if match and _SUFFIX_ONLY.match(match["family"]) else None
    if before and "family" in before[0]:  # "A. Poulin Jr", "Mauricio Breternitz Jr": a suffix after a name written
        return {**before[0], "suffix": match["family"]}, before[1]  # given names first
    if match:
        given = match.group("given").strip()
        style = "initials-first" if _INITIALS_ONLY.match(given) else "given-first"
        return _given_first_name(match.group("family"), given), style
    return None


def _vietnamese_capitals(token: str) -> dict[str, str] | None:
    """``DO VAN MINH`` -> ``DO`` + ``Van Minh``: a Vietnamese name printed in capitals, family name first, a common
    Vietnamese family name opening it and a middle name after it (:func:`~evdigest.vietnamese_surnames.is_vietnamese`,
    :func:`_family_first_vietnamese`), every word a Vietnamese syllable of two letters or more: its given names written out, not a family name ``DO
    VAN`` and the initials ``M. I. N. H.``; ``None`` for any other token (``NGUYEN VA``, ``DO VAN M``)."""
    words = token.split()
    lower = [word.lower() for word in words]
    if not token.isupper() or not is_vietnamese(words) or not _family_first_vietnamese(lower):
        return None
    if not all(len(word) > 1 and _VIETNAMESE_SYLLABLE.fullmatch(word) for word in lower):
        return None
    return {"family": words[0], "given": " ".join(map(given_cased, words[1:]))}


def parse_author_tokens(tokens: list[str]) -> tuple[list[dict[str, str]], bool] | None:
    """Read a list of comma-separated tokens as names; ``None`` if one of them is not a name."""
    names: list[dict[str, str]] = []
    styles: set[str] = set()
    et_al = False
    found: tuple[dict[str, str], str] | None = None
    last = _CONNECTOR.sub("", tokens[-1].strip()).strip() if tokens else ""
    glued = _ET_AL_GLUED.search(last)
    if glued:  # "Zhang SQ et al", "张伟等", and "Ma, L. et al", whose initials must be seen as such below
        et_al, tokens = True, [*tokens[:-1], last[: glued.start()]]
    i = 0
    while i < len(tokens):
        token = _CONNECTOR.sub("", tokens[i].strip()).strip()
        if _ET_AL.match(token):
            if i != len(tokens) - 1:
                return None
            et_al = True
        elif _SUFFIX_ONLY.match(token) and names and "family" in names[-1]:
            if "given" not in names[-1] and i + 1 < len(tokens) and _INITIALS_FULL.match(tokens[i + 1].strip()):
                names[-1]["given"] = tokens[i + 1].strip()  # "Guerney, Jr., B. G."
                i += 1
            names[-1]["suffix"] = token.rstrip(".")
        elif _inverted_first(tokens, i) or (found := _read_name(token)) is None and _inverted(tokens, i):
            if styles & {"given-first", "initials-first"}:
                return None
            names.append(_inverted_name(token, tokens[i + 1].strip()))
            styles.add("inverted")
            i += 1
        elif found is not None:
            names.append(found[0])
            styles.add(found[1])
        elif _FAMILY_ONLY.match(token) and (names or _suffixed(tokens, i)) and token[:1].isupper() and " " not in token:
            names.append({"family": token})  # given names, if any, come after a suffix ("Guerney, Jr., B. G.")
            styles.add("family")
        else:
            return None
        i += 1
    if styles == {"given-first"}:  # every name read given name first ("Xiaoyu Zhang")
        _pinyin_family_first(names)
    return (names, et_al) if names and _consistent(styles) else None


def _inverted_name(family: str, given: str) -> dict[str, str]:
    """``Beauvoir`` + ``Simone de``: an inverted name, the particle closing its given names apart
    (``dropping-particle``) and initials written with full stops."""
    name = {"family": family}
    particle = _DROPPING_PARTICLE.search(given)
    if particle:
        given = given[: particle.start()]
    name["given"] = format_initials(given) if given.isupper() else given
    if particle:
        name["dropping-particle"] = particle.group("particle")
    return name


def _given_first_name(family: str, given: str) -> dict[str, str]:
    """``Simone`` + ``de Beauvoir``: a name printed given name first, a lower-case particle opening its family name
    apart as the name's ``dropping-particle``, as its inverted printing (``Beauvoir, Simone de``) reads it; capitalised
    particles closing the given names open the family name (:func:`_capital_particles`)."""
    family, given = _capital_particles(*_family_name_first(family, given))
    particle = _OPENING_PARTICLE.match(family)
    if not particle:
        return {"family": family, "given": given}
    return {"family": family[particle.end() :], "given": given, "dropping-particle": particle.group("particle")}


def _family_name_first(family: str, given: str) -> tuple[str, str]:
    """``Hye`` + ``Kim Da`` -> ``Kim`` + ``Da Hye``: a Korean or Cantonese name printed family name first in a list
    of names given first, a common Korean or Cantonese family name opening it and syllables of those names after it
    (``Kim Da Hye``, ``Park Ji Hoon``, ``Chan Tai Man``); not when its last word is such a family name too (``Seo Da
    Kim``, ``Jung Hoon Kim``), nor a pinyin one, whose family names open given names as often (``Xiao Di Wang``)."""
    words = [*given.split(), family]
    lower = [word.lower() for word in words]
    surnames = KOREAN_SURNAMES | CANTONESE_SURNAMES
    if len(words) < 3 or lower[0] not in surnames or lower[-1] in surnames or not all(map(is_name_syllable, lower)):
        return family, given
    return words[0], " ".join(words[1:])


def _capital_particles(family: str, given: str) -> tuple[str, str]:
    """``Marco`` + ``Luigi Di`` -> ``Di Marco`` + ``Luigi``: capitalised particles after the first given name are the
    family name's, as its inverted (``Di Marco, Luigi``) and Vancouver (``Di Marco L``) printings read them (``Tom De
    Smedt``, ``Jan Van Der Berg``, ``Paulo Do Carmo``); not in a name of Chinese, Cantonese, Korean or Vietnamese
    syllables (:func:`_syllable_name`), whose ``De``, ``Da``, ``Van`` or ``Le`` is a given or a family name's
    (``Xiao Di Wang``, ``Lee Da Eun``, ``Anh Van Nguyen``, ``Hung Van Cao``). A Vietnamese name opening on its family
    name (``Nguyen Van An``, ``Le Van Luong``; :func:`~evdigest.vietnamese_surnames.is_vietnamese`) is read so."""
    words = given.split()
    name = [*words, *family.split()]
    if is_vietnamese(name) and _family_first_vietnamese([word.lower() for word in name]):
        return name[0], " ".join(name[1:])
    cut = len(words)
    while cut > 1 and words[cut - 1] in _CAPITAL_PARTICLES:
        cut -= 1
    if cut == len(words) or _syllable_name(name):
        return family, given
    return " ".join([*words[cut:], family]), " ".join(words[:cut])


def _family_first_vietnamese(lower: list[str]) -> bool:
    """Whether a Vietnamese name (in lower case) opens on its family name: a family name no given name is at its
    start and none at its end (``nguyen van an``, ``tran thi mai``), or one given names are too (``mai``, ``lam``)
    before a middle name and no family name at its end (``mai van an``; not ``mai van nguyen``, given names first,
    nor ``hung van cao``, whose Hung is no family name)."""
    if lower[0] in _FAMILY_FIRST_SURNAMES:
        return lower[-1] not in _FAMILY_FIRST_SURNAMES
    return (
        lower[0] in VIETNAMESE_SURNAMES and lower[1] in VIETNAMESE_MIDDLE_NAMES and lower[-1] not in VIETNAMESE_SURNAMES
    )


def _syllable_name(words: list[str]) -> bool:
    """Whether a name is Chinese, Cantonese or Korean, its words other than capitalised particles syllables of those
    names (``Xiao Di Wang``, ``Lee Da Eun``, ``Hung Van Cao``), or Vietnamese, every word a Vietnamese syllable and
    one of them a Vietnamese family or middle name or spelt as only Vietnamese names are (``Thi Le Ha``, ``Anh Van
    Luong``; not ``Tom Van Dam``)."""
    lower = [
        "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d")) if c.isalpha() and c.isascii())
        for word in words
    ]
    others = [word for word, printed in zip(lower, words, strict=True) if printed not in _CAPITAL_PARTICLES]
    if all(map(is_name_syllable, others)):
        return True
    vietnamese = VIETNAMESE_SURNAMES | VIETNAMESE_MIDDLE_NAMES
    return all(map(_VIETNAMESE_SYLLABLE.fullmatch, lower)) and any(
        word in vietnamese or _VIETNAMESE_SPELLING.search(word) for word in others
    )


def _pinyin_family_first(names: list[dict[str, str]]) -> None:
    """Read ``Zhang Xiaoyu`` family name first when the list's names are pinyin and say so
    (:func:`~.pinyin_names.family_first`): family and given swapped in place."""
    pairs = [(name["given"], name["family"]) for name in names]
    if all(" " not in given and "." not in given for given, _ in pairs) and family_first(pairs):
        for name, (first, second) in zip(names, pairs, strict=True):
            name["family"], name["given"] = first, second


def _suffixed(tokens: list[str], i: int) -> bool:
    """``Guerney`` + ``Jr.`` + ``B. G.``: a family name, its suffix, then its initials."""
    return (
        i + 2 < len(tokens)
        and bool(_SUFFIX_ONLY.match(tokens[i + 1].strip()))
        and bool(_INITIALS_FULL.match(tokens[i + 2].strip()))
    )


def _inverted_first(tokens: list[str], i: int) -> bool:
    """``De Raedt`` + ``L.``, ``La Fontaine`` + ``Jean de``: read as an inverted name even though ``De Raedt`` reads
    as given + family; given names written out only after a family name opening on a capitalised particle, which
    a given name is not."""
    found = _read_name(tokens[i])
    if found is not None and found[1] != "given-first":
        return False
    if _inverted(tokens, i, initials_only=True):
        return True
    return found is not None and found[0]["given"].lower() in OPENING and _inverted(tokens, i)


def _inverted(tokens: list[str], i: int, initials_only: bool = False) -> bool:
    """``Romero`` followed by ``C.`` (or ``Nicholson B.``): an inverted name over two tokens; not words of a title
    ending in lower case (``human-machine dialog`` + ``Vol``), a family name's last word being capitalised."""
    token = _CONNECTOR.sub("", tokens[i].strip()).strip()
    if i + 1 >= len(tokens) or not _FAMILY_ONLY.match(token) or token.split()[-1][:1].islower():
        return False
    following = tokens[i + 1].strip()
    if token.isupper() and following.isalpha() and following.isupper() and len(following) > 2:
        return False  # "NIH, FDA": two organisations' acronyms, not a family name and its initials
    return bool((_INITIALS_FULL if initials_only else _GIVEN_PART).match(following))


def _consistent(styles: set[str]) -> bool:
    """One list keeps one way of writing names (Vancouver and inverted names may mix, as may MLA's)."""
    styles = styles - {"cjk", "literal"}
    if "family" in styles and styles & {"given-first", "initials-first"}:
        return False
    if "given-first" in styles:
        return styles <= {"given-first", "inverted"}
    return not {"initials-first", "nlm"} <= styles


def read_authors(text: str) -> AuthorList | None:
    """Find the author list at the start of ``text``: the longest cut that reads as names.

    APA's ellipsis between the nineteenth and the last author (``Novak, T., … Zhang, C.``, ``Novak, T. . . . &
    Zhang, C.``) marks names left out: the name after it is the last author, and the list is cut short (``et_al``).
    """
    ellipsis = _ELLIPSIS.search(text)
    if ellipsis:  # read as a separator of the same length, so that the list's end is a place in ``text``
        gap = ellipsis.group()
        found = _read_authors(text[: ellipsis.start()] + "," + " " * (len(gap) - 1) + text[ellipsis.end() :])
        if found and found.end > ellipsis.end():
            return AuthorList(found.names, True, found.end)
    return _read_authors(text)


def _read_authors(text: str) -> AuthorList | None:
    """:func:`read_authors` of a text without an ellipsis among its names."""
    best: AuthorList | None = None
    for end, after in _candidate_ends(text):
        prefix = text[:end].strip()
        tokens = [t for t in _SEPARATOR.split(prefix) if t.strip()]
        result = parse_author_tokens(tokens) if tokens else None
        if result is None or not _plausible(result[0], prefix):
            continue
        if best and text[end:after].strip() == ":" and _absorbs_title_word(best.names, result[0]):
            continue
        if best and _title_after_initials(best, result[0], text, after):
            continue
        if _title_in_given_name(result[0], text[end:after]):
            continue
        best = AuthorList(tuple(result[0]), result[1], after)
    return _before_place(text, best) if best else None


def _before_place(text: str, found: AuthorList) -> AuthorList:
    """``Smith, John, Exosomes, Cambridge, Massachusetts, 2000.`` read as three names (``Exosomes, Cambridge`` and
    ``Massachusetts``): in a text printed with commas only, a city followed by a state, a province or a country
    (``Cambridge, Massachusetts``, ``Boston, Mass.``, ``Paris, France``) is a place, not a given name and a family
    name, and the word before it (``Exosomes``, ``Proceedings of ICML``) no family name either; the names end before
    them, family names read alone just before them (``Smith, John, Exosomes, Proceedings of ICML, Boston, …``) the
    title's too; so is a family name read alone before a meeting's name, its place and the year (``Smith, John,
    Exosomes, World Congress of Cardiology, Dublin, Ireland, 2001.``: :func:`read_meeting_place_year`) or before a
    meeting's name and the year, no place printed (``Smith, John, Exosomes, World Congress of Cardiology, 2001.``:
    :func:`read_meeting_year`)."""
    tokens = list(re.finditer(r"[^,]+", text))
    words = [token.group().strip() for token in tokens]
    after = text[found.end :].lstrip(" ,")
    if "given" not in found.names[-1] and (read_meeting_place_year(after) or read_meeting_year(after)):
        for cut in range(len(tokens) - 1, 0, -1):  # "…, Exosomes, World Congress of Cardiology, Dublin, …"
            result = parse_author_tokens(words[:cut])
            if tokens[cut].start() < found.end and result is not None and "given" in result[0][-1]:
                return AuthorList(tuple(result[0]), result[1], tokens[cut].start())
    for j in range(2, len(tokens) - 1):
        if tokens[j].start() >= found.end:  # the place read among the names
            break
        if is_city_and_region(words[j], words[j + 1]):
            for cut in range(j - 1, 0, -1):
                result = parse_author_tokens(words[:cut])
                if result is not None and "given" in result[0][-1]:
                    return AuthorList(tuple(result[0]), result[1], tokens[cut].start())
            break
    return found


def _absorbs_title_word(before: tuple[dict[str, str], ...], after: list[dict[str, str]]) -> bool:
    """``Théry C. Exosomes:`` read as one name: a cut at a colon that only grows the last name.

    A list that already ended at a dot keeps that end when the longer cut up to ``: `` holds no more
    names, only a last name rebuilt from the first word of the title.
    """
    return len(after) == len(before) and list(before) != after


def _title_after_initials(before: AuthorList, after: list[dict[str, str]], text: str, end: int) -> bool:
    """``Smith J. Exosomes. J Immunol. 2019;1:2.`` read as one name given first (``Smith J.`` + ``Exosomes``): a
    Vancouver list, its last name a family name and initials, ends at their full stop; the word starting the next
    sentence is the title's. Read so in a reference printed the Vancouver way (``2019;1:2``, ``Springer; 2002``),
    where a name given first with its middle initial (``John B. Adams``) is not written, and where the longer list
    would leave no title, only an edition, a volume or the publication after it (``Smith J. Biochemistry, 2nd ed.,
    Macmillan, 2001.``, ending at ``end``), a journal, its place and the year (``Smith J. Exosomes. Nature, London,
    UK, 2001.``), a journal, maybe its place, the year, the volume and the pages parted by commas (``Smith J.
    Exosomes. Nature, London, 2001, 410(6831): 1-5.``) or a meeting, its place and the year (``Smith J. Exosomes.
    World Congress of Cardiology, Dublin, Ireland, 2001.``)."""
    last = before.names[-1]
    return (
        _absorbs_title_word(before.names, after)
        and "family" in last
        and bool(_INITIALS_FULL.match(last.get("given", "")))
        and after[-1].get("family") != last["family"]
        and bool(
            _VANCOUVER_YEAR.search(text, before.end)
            or opens_publication(text[end:])
            or read_journal_place_year(text[end:])
            or _COMMA_JOURNAL_NUMBERS.match(text, end)
            or read_meeting_place_year(text[end:])
        )
    )


def _title_in_given_name(names: list[dict[str, str]], closing: str) -> bool:
    """``Brown, Anna M. The Old Mill Road`` read as one name (given ``Anna M. The Old Mill Road``): an inverted name's
    initial ends its given name with a full stop, and the words after it start the title (``Hale, Edwin T. Harbours,
    a History``, ``Reed, Laura K. Rivers and Towns``). A word after the initial is the name's only when it is the
    list's last word and a full stop closes the list (MLA's ``Lane, Peter J. Scott.``)."""
    for i, name in enumerate(names):
        given = name.get("given", "")
        words = list(_WORD_AFTER_INITIAL.finditer(given))
        if words and (i < len(names) - 1 or len(words) > 1 or words[0].end() < len(given) or closing != "."):
            return True
    return False


def _plausible(names: list[dict[str, str]], prefix: str) -> bool:
    """Reject a "list" that is really one title word read as a family name."""
    if any("given" in n or "literal" in n for n in names):
        return True
    return len(names) > 1 and len(prefix) < 60


def _candidate_ends(text: str) -> list[tuple[int, int]]:
    """Places where an author list may end: before a dot, a ``(2011)`` year or a ``, 2011`` year."""
    ends: list[tuple[int, int]] = []
    for match in _LIST_END.finditer(text):
        start = match.start()
        word = _WORD_BEFORE.search(text, 0, start)
        if match.group() == "." and word and word.group() in JOURNAL_WORDS and len(word.group()) > 1:
            continue
        if match.group() == "." and _ends_with_initial(text, start):
            if _AFTER_INITIAL.match(text, start + 1):
                continue
            ends.append((start + 1, match.end()))
        else:
            ends.append((start, match.end()))
    return ends


def _ends_with_initial(text: str, dot: int) -> bool:
    """True when the dot at ``dot`` closes an initial ("Dweck, C."), kept with the name."""
    return dot >= 1 and text[dot - 1].isupper() and (dot == 1 or not text[dot - 2].isalpha())
