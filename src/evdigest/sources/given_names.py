"""Given names printed in capitals: names or initials.

A given name printed in capitals is written as names are written (``XIAOMING`` → Xiaoming, ``JEAN-PAUL`` →
Jean-Paul) unless it is initials, each word and each part of a hyphenated word judged alone. Most parts tell
by themselves: a letter alone, letters with a full stop (``J.``, ``J.-P.``), letters with no vowel (``XM``,
``JPM``) and two letters that spell neither a pinyin syllable nor a name (``JA``, ``VS``) are initials; three
letters or more with a vowel (``YUE``, ``LYNN``) are a name. Two letters that spell a pinyin syllable or a
short name (``AI``, ``AN``, ``YU``, ``ED``, ``JO``) may be either, and follow the habit of their author list
(:func:`given_habit`): initials among ``SMITH JA, LEE KM, NG AI``, names among ``ZHANG WEI, LI AN, WANG YU``,
but beside a part of the same given name that is a name by itself they are a name too (``NGUYEN VAN AN`` among
``SMITH JA, LEE KM``: Van An).
In a list with no habit they are a name when they spell a pinyin syllable after a family name in capitals
(``LI XU``), else initials (``SMITH ED``, and ``Li XU``, ``Smith MA`` as PubMed prints initials).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from ..refs.name_case import given_cased
from ..refs.pinyin_names import TWO_LETTER_SYLLABLES

Habit = Literal["initials", "names"]
"""How an author list prints its given names: as initials (``SMITH JA``) or as names (``ZHANG Wei``)."""

# Given names of two letters that are no pinyin syllable: "SMITH ED", "BROWN JO"
_TWO_LETTER_NAMES = frozenset("al ed jo ty vi".split())
# A vowel of a name in lower case, accents taken off: a "y" between letters is one ("lynn"), a "y" at either end
# not ("yjx", "xmy": initials)
_VOWEL = re.compile(r"[aeiouæøœ]|(?<=[a-z])y(?=[a-z])")


def given_case(given: str | None, family_in_capitals: bool, habit: Habit | None = None) -> str | None:
    """A given name printed in capitals written as names are written (:func:`~evdigest.refs.name_case.given_cased`:
    ``WANG XIAOMING`` → Xiaoming, ``JEAN-PAUL`` → Jean-Paul, ``XIAO-MING`` → Xiao-Ming), each word and each part
    of a hyphenated word judged alone, initials kept (``J.``, ``J.-P.``, ``JP``, ``XM``, ``JEAN-P.`` → Jean-P.;
    two letters that may be either by the given name's other parts, else the list's ``habit``, see the module);
    any other as printed."""
    if not given:
        return given
    if given_kind(given) == "names":  # "VAN AN": a name's parts are names, whatever the list's habit
        habit = "names"
    words = (
        "-".join(
            given_cased(part) if part.isupper() and _reads_as_name(part, family_in_capitals, habit) else part
            for part in word.split("-")
        )
        for word in given.split(" ")
    )
    return " ".join(words)


def syllables_case(given: str | None) -> str | None:
    """A given name of syllables, as a Vietnamese one is, each word in capitals with a vowel written as a name
    whatever it spells (``DO AN`` → Do An, ``VU HAI`` → Vu Hai; ``A`` and ``TH`` as printed): no syllable is
    initials."""
    if not given:
        return given
    return " ".join(
        given_cased(word) if word.isupper() and len(word) > 1 and _VOWEL.search(_letters(word)) else word
        for word in given.split(" ")
    )


def given_habit(givens: Iterable[str | None]) -> Habit | None:
    """The habit of an author list, from its printed given names: the kind most of those that tell are of
    (``JA``, ``KM``, ``J.-P.`` initials; ``WEI``, ``Wei``, ``Jean-Paul`` names); ``None`` when neither is the
    more, as in a list whose given names are all two letters that may be either."""
    kinds = Counter(given_kind(given) for given in givens if given)
    if kinds["initials"] != kinds["names"]:
        return "initials" if kinds["initials"] > kinds["names"] else "names"
    return None


def given_kind(given: str) -> Habit | None:
    """What a printed given name is: names when a part of it is (``XIAO MING``, ``Wei``, ``Jean-P.``), initials
    when every part is (``JA``, ``J.-P.``), else ``None`` (``AN``, ``YU``: they may be either)."""
    kinds = {_part_kind(part) for word in given.split(" ") for part in word.split("-") if part}
    return "names" if "names" in kinds else "initials" if kinds == {"initials"} else None


def _part_kind(part: str) -> Habit | None:
    """What a part of a given name is by itself: printed in mixed case, a name; in capitals, see the module;
    ``None`` for two capitals that may be either."""
    letters = _letters(part)
    if "." in part or len(letters) < 2:
        return "initials"
    if not part.isupper():
        return "names"
    if len(letters) == 2:
        return None if letters in TWO_LETTER_SYLLABLES | _TWO_LETTER_NAMES else "initials"
    return "names" if _VOWEL.search(letters) else "initials"


def _reads_as_name(part: str, family_in_capitals: bool, habit: Habit | None) -> bool:
    """Whether a part of a given name printed in capitals is a name, not initials: by itself (:func:`_part_kind`),
    else by the list's ``habit``, else when it spells a pinyin syllable after a family name in capitals."""
    kind = _part_kind(part) or habit
    if kind is not None:
        return kind == "names"
    return family_in_capitals and _letters(part) in TWO_LETTER_SYLLABLES


def _letters(part: str) -> str:
    """The letters of a part in lower case, accents taken off: "JOSÉ" -> "jose"."""
    return "".join(c for c in unicodedata.normalize("NFD", part.lower()) if c.isalpha())
