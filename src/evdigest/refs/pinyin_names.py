"""Chinese names in pinyin printed family name first (``Zhang Xiaoyu``), told from given-first names.

An author list of two-word names reads as given name first (``Xiaoyu Zhang``). Chinese
journals print pinyin names family name first as often, in mixed case as well as in capitals
(``ZHANG Xiaoyu``, read elsewhere). A list is read family name first when every name is two
pinyin words and the names say so: one starts with a common Chinese surname and ends in a
word that is not one (``Zhang Xiaoyu``), and none the other way round (``Xiaoyu Zhang``,
``Anna Li``).
"""

from __future__ import annotations

import re

# The finals each initial takes in Mandarin's table of syllables (none: "a", "er"; y and w as pinyin writes i, u and
# ü opening a syllable: "yi", "yue", "wu"), so that a syllable pinyin has not is none: "fin", "her", "ko", "jan",
# "van". ü after n and l is written ü or v ("nü", "lv", "lüe", "lve"), and u before e as well ("lue").
_FINALS_OF = {
    "": "a o e ê ai ei ao ou an en ang eng er",
    "b": "a o i u ai ei ao an en ie in ang eng ian iao ing ong iang",
    "p": "a o i u ai ei ao an en ie in ou ang eng ian iao ing",
    "m": "a o e i u ai ei ao an en ie in iu ou ang eng ian iao ing",
    "f": "a o u ei an en ou ang eng iao",
    "d": "a e i u ai ei ao an en ia ie in iu ou ui un uo ang eng ian iao ing ong uan",
    "t": "a e i u ai ei ao an ie ou ui un uo ang eng ian iao ing ong uan",
    "n": "a e i u ü v ai ei ao an en ia ie in iu ou un uo üe ve ue ang eng ian iao ing ong uan iang",
    "l": "a o e i u ü v ai ei ao an en ia ie in iu ou un uo üe ve ue ang eng ian iao ing ong uan iang",
    "g": "a e u ai ei ao an en ou ua ui un uo ang eng ong uai uan uang",
    "k": "a e u ai ei ao an en ou ua ui un uo ang eng ong uai uan uang",
    "h": "a e u ai ei ao an en ou ua ui un uo ang eng ong uai uan uang",
    "zh": "a e i u ai ei ao an en ou ua ui un uo ang eng ong uai uan uang",
    "ch": "a e i u ai ao an en ou ua ui un uo ang eng ong uai uan uang",
    "sh": "a e i u ai ei ao an en ou ua ui un uo ang eng uai uan uang",
    "r": "e i u an ao en ou ua ui un uo ang eng ong uan",
    "z": "a e i u ai ei ao an en ou ui un uo ang eng ong uan",
    "c": "a e i u ai ei ao an en ou ui un uo ang eng ong uan",
    "s": "a e i u ai ei ao an en ou ui un uo ang eng ong uan",
    "j": "i u ia ie in iu ue un ian iao ing uan iang iong",
    "q": "i u ia ie in iu ue un ian iao ing uan iang iong",
    "x": "i u ia ie in iu ue un ian iao ing uan iang iong",
    "y": "a e i o u an ao in ou ue un ang ing ong uan",
    "w": "a o u ai an ei en ang eng ong",
}
# One pinyin syllable without tone marks: an initial (or none) and a final it takes (longest first).
_SYLLABLE = "(?:{})".format(
    "|".join(
        f"{initial}(?:{'|'.join(sorted(finals.split(), key=len, reverse=True))})"
        for initial, finals in sorted(_FINALS_OF.items(), key=lambda item: -len(item[0]))
    )
)
# A given name or a family name in pinyin: one to three syllables, maybe hyphenated ("Xiaoyu", "Qing-feng").
_PINYIN_WORD = re.compile(rf"(?:{_SYLLABLE}-?){{1,3}}", re.IGNORECASE)
_ONE_SYLLABLE = re.compile(_SYLLABLE, re.IGNORECASE)
# A word of two or three syllables each opening with an initial, as pinyin joins them with no apostrophe ("Jianguo",
# "Huimin"; not "Le'ao", "Xi'an"), "lo" no name's syllable ("Paolo")
_JOINED_WORD = re.compile(
    "(?:{}){{2,3}}".format(
        "|".join(
            f"{initial}(?:{'|'.join(sorted(set(finals.split()) - ({'o'} if initial == 'l' else set()), key=len, reverse=True))})"
            for initial, finals in sorted(_FINALS_OF.items(), key=lambda item: -len(item[0]))
            if initial
        )
    ),
    re.IGNORECASE,
)
# The syllables of two letters pinyin has, which names are spelt with: "LI XU", "WANG NA" (pinyin has more, "ei",
# "fo", "lo", "yo", which names are not)
TWO_LETTER_SYLLABLES = frozenset(
    "ai an ao en ou ba bi bo bu ca ce ci cu da de di du fa fu ga ge gu ha he hu ji ju ka ke ku la le li lu ma "
    "me mi mo mu na ne ni nu pa pi po pu qi qu re ri ru sa se si su ta te ti tu wa wo wu xi xu ya ye yi yu za "
    "ze zi zu".split()
)

# Common Chinese surnames in pinyin (single and compound): a word that starts such a name.
SURNAMES = frozenset(
    """
    ai an bai bao bi bian cai cao cen chai chang chen cheng chi cui dai deng di ding dong du duan fan fang fei
    feng fu gao ge geng gong gu guan guo han hao he hong hou hu hua huang ji jia jiang jiao jin kang kong kuang
    lai lan lei li lian liang liao lin ling liu long lu luo lv lyu ma mao mei meng miao mo mu ni nie niu ou pan
    pang pei peng qi qian qiao qin qiu qu ren rong ruan shao shen sheng shi song su sun tan tang tao tian tong
    wan wang wei wen weng wu xia xiang xiao xie xin xing xiong xu xue yan yang yao ye yi yin you yu yuan yue zeng
    zhai zhan zhang zhao zheng zhong zhou zhu zhuang zou zuo ouyang situ sima zhuge shangguan huangfu murong
    """.split()
)


# Spellings of pinyin that Latin and Japanese names seldom hold: x, zh, q but in qu before a vowel, iao, and ng
# closing a syllable ("Xiaoming", "Guoqiang", "Yongmei", "Liuyang"; not "Hanna", "Julia", "Quentin", "Kengo")
PINYIN_SPELLING = re.compile(r"x|zh|q(?!u[aeio])|iao|ng(?![aeiou])")


def is_pinyin(word: str) -> bool:
    """Whether ``word`` reads as one to three pinyin syllables (``Xiaoyu``, ``Qing-feng``; not ``Van``)."""
    return bool(_PINYIN_WORD.fullmatch(word))


def is_joined_pinyin(word: str) -> bool:
    """Whether ``word`` reads as two or three pinyin syllables each opening with an initial, as pinyin writes a name
    in one word (``Jianguo``, ``Huimin``; not ``Leao``, ``Paolo``, ``Xiao``)."""
    return bool(_JOINED_WORD.fullmatch(word))


def is_syllable(word: str) -> bool:
    """Whether ``word`` reads as one pinyin syllable (``Xiao``, ``De``; not ``Jan``)."""
    return bool(_ONE_SYLLABLE.fullmatch(word))


def family_first(names: list[tuple[str, str]]) -> bool:
    """Whether a list of two-word names ``(first word, second word)`` is printed family name first."""
    if not names or not all(is_pinyin(a) and is_pinyin(b) for a, b in names):
        return False
    surname = [(a.lower() in SURNAMES, b.lower() in SURNAMES) for a, b in names]
    return any(first and not second for first, second in surname) and not any(
        second and not first for first, second in surname
    )
