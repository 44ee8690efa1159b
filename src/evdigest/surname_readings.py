"""Chinese surnames read as surnames: the pinyin of a personal name, its family name first.

pypinyin reads a character by its commonest reading, and has no reading of names: 单文 is ``dan wen``, 曾明
``ceng ming``, 区华 ``qu hua``, where the surnames are Shan, Zeng and Ou. A name's first character (or first
two, for a compound surname) is read here as a surname, the rest as pypinyin reads it; what a name is listed
under in the reference index, how it is sorted, its citation key and its pinyin spelling all take it.
"""

from __future__ import annotations

from .pinyin import syllables

SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "覃": "qin",
    "翟": "zhai", "乐": "yue", "召": "shao", "盖": "ge", "缪": "miao", "种": "chong", "重": "chong", "秘": "bi",
    "句": "gou", "员": "yun", "宿": "su", "牟": "mou", "柏": "bai", "都": "du", "薄": "bo", "阚": "kan", "卜": "bu",
    "颉": "xie", "藏": "zang", "折": "she", "繁": "po", "洗": "xian", "隗": "wei", "郇": "xun",
}  # fmt: skip
"""Surnames whose reading as a family name is not the character's common one (单 is Shan, not dan)."""

COMPOUND_SURNAME_READINGS = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"), "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
}  # fmt: skip
"""Compound surnames read otherwise than their characters alone (单于 is Chanyu, not Shan Yu): kept whole."""


PERSONAL_NAME_LENGTH = 4
"""The most characters a Chinese personal name has, family and given names together (欧阳娜娜): a longer one
is an organisation's (解放军总医院检验科, 重点实验室), read as any text."""


def surname_syllables(name: str, given: str = "") -> list[str]:
    """The pinyin syllables of a Chinese personal name or family name (:func:`~evdigest.pinyin.syllables`), its
    first character read as a surname: ``单文`` → ``["shan", "wen"]``, ``曾`` → ``["zeng"]``, ``尉迟恭`` →
    ``["yu", "chi", "gong"]``; a text not opening on a Chinese character as :func:`~evdigest.pinyin.syllables`
    reads it. ``given``: the given names printed after a family name ``name``, when known; a name longer than
    a person's with them (:data:`PERSONAL_NAME_LENGTH`: ``解`` before ``放军总医院``) is an organisation's, every
    character read as in any text (``jie fang jun …``)."""
    if len(name) + len(given) > PERSONAL_NAME_LENGTH:
        return syllables(name)
    compound = COMPOUND_SURNAME_READINGS.get(name[:2])
    if compound is not None:
        return [*compound, *(syllables(name[2:]) if name[2:] else ())]
    sounds = syllables(name)
    reading = SURNAME_READINGS.get(name[:1])
    if reading is not None and sounds:
        sounds[0] = reading
    return sounds
