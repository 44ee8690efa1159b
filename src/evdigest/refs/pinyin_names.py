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

# One pinyin syllable without tone marks: an initial (or none) and a final. j, q and x take only the finals opening
# on i or u (ü): "jiang", "xu", not "jan", "jong"; v and ü, written for ü after n and l ("lv", "nü"), open no
# syllable: "van" is none.
_FINALS = r"iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u"
_SYLLABLE = (
    rf"(?:(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw])(?:{_FINALS}|ve|v|ü)|(?:{_FINALS})"
    r"|[jqx](?:iang|iong|ian|iao|ing|ia|ie|iu|in|i|uan|ue|un|u))"
)
# A given name or a family name in pinyin: one to three syllables, maybe hyphenated ("Xiaoyu", "Qing-feng").
_PINYIN_WORD = re.compile(rf"(?:{_SYLLABLE}-?){{1,3}}", re.IGNORECASE)
_ONE_SYLLABLE = re.compile(_SYLLABLE, re.IGNORECASE)
# The syllables of two letters pinyin has, which names are spelt with: "LI XU", "WANG NA" (the pattern spells more,
# "ko", "to", as it spells any initial before any final)
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


def is_pinyin(word: str) -> bool:
    """Whether ``word`` reads as one to three pinyin syllables (``Xiaoyu``, ``Qing-feng``; not ``Van``)."""
    return bool(_PINYIN_WORD.fullmatch(word))


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
