"""What the words of a Latin name tell of the order it is printed in, whatever the family's order.

Two signs tell it at either end of a name, when the other end does not tell the same:

* A word in capitals beside words in mixed case is the family name (``Xiaoming WANG``, ``Jean-Paul DUPONT``
  given-first; ``WANG Xiaoming``, ``DE LA CRUZ Ana`` family-first), unless it is initials (``JA Smith``) or a
  given name in pinyin after a Chinese family name (``Zhang XIAOMING``). Two letters that may be initials or a
  name follow the list the name is in: a Chinese family name in Cantonese (``Ka Lok HO``, ``Ai NG``; HO, LO,
  AU, IP, NG) is the family name but in a list that prints initials (``Smith JA, Lee KM, Ho KL``); a pinyin
  syllable (``Na LI``, ``LI An``) only in a list printed in the order it tells (:func:`capitals_order`) or beside
  a given name of two syllables or more (``Ka Lok YU``, ``Xiaoming YU``; one word spelt as Latin names are too,
  ``Hanna MA``, only in a list that prints given names as names), else PubMed's initials (``Li XU``,
  ``Smith MA``, ``Hanna MA``).
* A common Vietnamese family name (``NGUYEN VAN AN`` family-first, ``An Van Nguyen`` given-first), in a name
  that is not all pinyin or has a Vietnamese middle name beside it (``LE VAN AN``; :func:`is_vietnamese`); ``Yu
  Le``, ``Dang Wei`` stay as their family prints them (:func:`vietnamese_order`).
"""

from __future__ import annotations

import re
from typing import Literal

from ..name_syllables import is_name_syllable
from ..refs.pinyin_names import PINYIN_SPELLING, SURNAMES, is_joined_pinyin, is_pinyin, is_syllable
from ..vietnamese_surnames import VIETNAMESE_SURNAMES, VIETNAMESE_SURNAMES_GIVEN_TOO, is_vietnamese
from .given_names import Habit, given_kind

Order = Literal["given-first", "family-first"]
"""The order a Latin name is printed in."""

# initials printed with full stops: "J.", "J.-P.", "J.A."
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.-?)+")
# Vietnamese family names that are no pinyin but Chinese and Korean names spell too: Ho (Cantonese), Do (Korean)
_CHINESE_TOO = frozenset({"ho", "do"})
# Letters that are a Chinese family name in Cantonese or initials: "Ai NG", "Ka Lok HO"
SURNAME_OR_INITIALS = frozenset({"ng", "ho", "lo", "au", "ip"})
# Vowels pinyin writes together that Latin and Japanese names hold as well ("Huimin", "Jianguo"; "Paolo", "Nagao",
# "Kazuo"): pinyin only in a word of syllables opening with an initial that no Japanese name spells
_PINYIN_VOWELS = re.compile(r"iu|ui|uo|ao|ong")
# A name spelt in Japanese syllables (Hepburn): "Nagao", "Takao", "Kazuo", "Kaoru", "Haobo" ("ia" apart, which
# Japanese names seldom hold: "Jianguo")
_JAPANESE_WORD = re.compile(
    r"(?:[kgnbpmr][aiueo]|[kgnbpmrh]y[auo]|[sz][aueo]|(?:sh|ch|j)[aiuo]|ts?u|[td][aeo]|h[aieo]|fu|y[auo]|wa"
    r"|(?<!i)a|[iueo]|n(?![aeiouy]))+"
)


def in_capitals(word: str) -> bool:
    """A word of two letters or more, all capitals: "MACARTHUR", "O'BRIEN", "DE" (not initials, "J", "J.-P.")."""
    return word.isupper() and sum(c.isalpha() for c in word) > 1 and not DOTTED_INITIALS.fullmatch(word)


def capitals_order(words: list[str], habit: Habit | None = None, list_order: Order | None = None) -> Order | None:
    """The order the capitals tell a name printed in mixed case is in, its family name the word in capitals at
    one end (see the module), in a list of the ``habit`` and ``list_order`` given; ``None`` when they tell
    nothing ("Yue Liu", "YUE LIU", "JA Smith", "Zhang XIAOMING", "Li XU" alone)."""
    if len(words) < 2 or in_capitals(words[0]) == in_capitals(words[-1]):
        return None
    told: Order = "family-first" if in_capitals(words[0]) else "given-first"
    word, other = (words[0], words[-1]) if told == "family-first" else (words[-1], words[0])
    if letters(word) in SURNAME_OR_INITIALS:
        return told if habit != "initials" else None
    kind = given_kind(word)
    if kind is None:  # two letters that spell a pinyin syllable or a name: "Na LI", "Li XU"
        given = words[1:] if told == "family-first" else words[:-1]
        return told if list_order == told or _given_in_syllables(given, habit) else None
    if kind == "initials" or (letters(other) in SURNAMES and letters(word) not in SURNAMES):
        return None
    return told


def _given_in_syllables(words: list[str], habit: Habit | None) -> bool:
    """Whether words in mixed case are a Chinese, Cantonese or Korean given name, so that two capitals beside them
    are the family name, no initials: two syllables or more, in words or parts of one ("Ka Lok YU", "Xiao Ming YU",
    "Wei-Ming YU"), or one word of pinyin syllables, not a common family name ("Li XU", "Ouyang XU"), spelt as
    pinyin spells and Latin and Japanese names seldom do (:data:`PINYIN_SPELLING`: "Xiaoming YU", "Guoqiang MA";
    pinyin's vowels in syllables no Latin or Japanese name is spelt in: "Jianguo MA", "Huimin LI") in any list, any
    other ("Hanna", "Lina", "Nagao", "Paolo") only in a list that prints given names as names: alone or among
    initials "Hanna MA" is PubMed's Hanna M. A., read in its family's order."""
    if any(in_capitals(word) for word in words):
        return False
    parts = [part for word in words for part in word.split("-") if part]
    if len(parts) > 1:
        return all(is_name_syllable(letters(part)) for part in parts)
    word = letters(parts[0]) if parts else ""
    if not is_pinyin(word) or is_syllable(word) or word in SURNAMES:
        return False
    if habit == "names" or PINYIN_SPELLING.search(word):
        return True
    return bool(_PINYIN_VOWELS.search(word)) and is_joined_pinyin(word) and not _JAPANESE_WORD.fullmatch(word)


def vietnamese_order(words: list[str]) -> Order | None:
    """The order a common Vietnamese family name at one end of a name tells, when the other end is none
    ("NGUYEN VAN AN", "LE VAN AN", "Nguyen An" family-first; "An Van Nguyen", "AN NGUYEN" given-first); ``None``
    for a name all in pinyin or Vietnamese family names Chinese and Korean names spell too, Chinese as much as
    Vietnamese, but for one :func:`is_vietnamese` ("Yu Le", "Dang Wei", "Yu Ho", "Lo Ka Ho"), or with a family
    name at both ends."""
    chinese = all(is_pinyin(letters(word)) or letters(word) in _CHINESE_TOO for word in words)
    if len(words) < 2 or (chinese and not is_vietnamese(words)):
        return None
    surnames = VIETNAMESE_SURNAMES - VIETNAMESE_SURNAMES_GIVEN_TOO
    first, last = letters(words[0]) in surnames, letters(words[-1]) in surnames
    if first == last:
        return None
    return "family-first" if first else "given-first"


def letters(word: str) -> str:
    """The letters of a word in lower case: "J.-P." -> "jp"."""
    return "".join(c for c in word.lower() if c.isalpha())
