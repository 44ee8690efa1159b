"""Bilingual term pairs harvested from the texts themselves, and the corpus glossary.

Nothing here ships a term list: a term is "known" only because some text of the
corpus printed it (a ``zh (en, ABBR)`` pattern, a keyword, a defined term).

:func:`harvest` reads one source text and returns every pattern it finds, with
the file, the line and the exact span:

* ``多囊泡体 (multivesicular bodies, MVBs)`` -> zh, en and abbreviation;
* ``外泌体 (Exosomes)`` -> zh and en;
* ``细胞外囊泡 (EV)`` -> zh and abbreviation;
* ``extracellular vesicles (MSC-EVs)`` -> en and abbreviation (long form found
  with the Schwartz-Hearst letter match).

The Chinese side of a pattern has no printed left boundary, so the text before
the parenthesis is cut into words (jieba) and the longest suffix that is a term
is kept: one already known (longest match), one the text uses after several
different characters (``腔内囊泡`` follows 个, 将, 和, 至 ...), a whole noun
phrase opening a sentence, or the longest noun phrase free of prepositions,
conjunctions, adverbs, predicate verbs and the locative 中 (``外泌体中白细胞介素-6``
is interleukin-6 in exosomes). A known or repeated term shorter than the English
side takes the modifier before it that makes it up (``恶性胸腔积液 (MPE)``, where
the text repeats ``胸腔积液``; not ``患者`` or another noun naming a thing). Its
length must suit the English side (about one to three and a half characters per
English word; a one-word long form made of parts, ``glypican-1 (GPC1)``, is sized
by its abbreviation's initials, and the words before its name that it does not
ask for are shed, ``外泌体表面`` of ``外泌体表面磷脂酰肌醇蛋白聚糖-1``), and so must
its words: the long form's content words or the abbreviation's initials (``ctDNA``
is c, t and DNA) tell how many, at about two characters a word; a modifier first
is shed only where the rest makes them up exactly (``中性粒细胞``, neutrophils, keeps
中性). A particle inside
(``的``) or a verbal noun first (``循环``) belongs to the term only when the words
after it are too few (``二维 (2D)``, not ``囊泡大小的二维``; ``循环肿瘤DNA (ctDNA)``), a
conjunction (与, 和, 及) only between two nouns where the long form relates two words
with to or versus (``中性粒细胞与淋巴细胞比值``, neutrophil-to-lymphocyte ratio; two things
named with and, no abbreviation, make no term: ``外泌体和微囊泡 (exosomes and microvesicles)``),
and no term starts after a prefix (``长非编码RNA``) or inside a word jieba cut into
characters (``泌体`` of ``外泌体``); a locative 中 jieba read with the first character of such a word is split
from it (``血液中外泌体``: ``中`` / ``外泌体``). A first word the text
prints alone names a thing of its own and is left out when the words after it make
up the abbreviation (``唾液乳酸脱氢酶 (LDH)``, where the text lists 唾液 among its
specimens, gives ``乳酸脱氢酶``). A first word naming whose or which organism or group
a thing is (患者, 小鼠, 对照组 ...; a short table with the English words naming each) is left out whatever the
count unless the English side names it: ``患者中位无进展生存期 (mPFS)`` gives ``中位无进展生存期``, ``小鼠骨髓间充质干细胞``
keeps 小鼠 for ``mouse bone marrow MSCs`` or ``mBMSCs``, not for ``BMSCs``.

:func:`apply` is the corpus step (keyword pairs, English sides that lost their
spaces in conversion spaced as another text prints them, pairs aligned through a
shared abbreviation, boundaries re-trimmed against every term of the corpus,
dedup, warnings) and :func:`corpus_glossary` gives one row per distinct pair.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import logging
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from ..model import Entry, GlossaryTerm, Warning
from ..text import CJK_IDEOGRAPH as _CJK
from .glossary_case import recased

# A parenthetical on one line, half- or full-width: "(multivesicular bodies, MVBs)", "（MSC-EVs）"
_PAREN = re.compile(r"[(（]([^()（）\n]{1,160})[)）]")
# A character that may belong to the Chinese side of a term: "磷脂酰肌醇 3 激酶", "β-catenin 通路"
_ZH_RUN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9\-α-ωΑ-Ω ]")
# A character of an English long form: "cell-derived", "3-dimensional", "stromal/stem"
_EN_RUN_CHAR = re.compile(r"[A-Za-z0-9\-/'α-ωΑ-Ω ]")
# The last character before a glued Latin/digit tail: "程序性死亡配体1" -> "体"
_GLUED_TAIL = re.compile(r"(.)[A-Za-z0-9\-]*$")
# A whitespace-separated word: "cell-derived"
_WORD = re.compile(r"\S+")
# Abbreviation shape, one token: "MVBs", "MSC-EVs", "PI3K", "COVID-19", "3D", "Lac"
_ABBR_SHAPE = re.compile(r"^[A-Za-z0-9α-ωΑ-Ω][A-Za-z0-9α-ωΑ-Ω\-/+.]{0,19}$")
# Dimensions are abbreviations, not quantities: "3D", "2D"
_DIMENSION = re.compile(r"^\d+D$")
# A quantity or bare number, not a term: "11.0", "4 W", "1.5 mN/cm²", "30%", "1-6"
_QUANTITY = re.compile(r"^[\d.,\-–~±]+\s*(?:[%‰°]|[A-Za-zµμΩ]{1,4}(?:/[A-Za-z]{1,4})?[²³]?)?$")
# Citations, figure references, editorial asides: "Smith et al.", "2020", "Fig. 3", "to SP", "n = 5"
_NOT_TERM = re.compile(
    r"\bet al\b|\b(?:19|20)\d{2}\b|=|^(?:fig|figure|table|tab|see|cf|e\.g|i\.e|ref|refs|to|from|by|in|p|pp)\b\.?",
    re.IGNORECASE,
)
# Lists, LaTeX and symbols are not one term: "CD63、ALIX", "$\\dot{29}$"
_NOT_LATIN_TERM = re.compile(r"[、$\\{}<>|^*#@]")
# Separator between the English long form and the abbreviation inside one parenthetical: ", " / "，" / "; "
_PART_SEP = re.compile(r"\s*[,，;；]\s*")
# Words that do not count when sizing a long form: "required for transport"
_EN_STOP = frozenset({"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
# A quoted list on one line: “外泌体, 生物学功能, 生发过程” / "exosomes, biological functions"
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,400})[”\"]")
# Separator between the items of a list: ", " / "，" / "、" / "; "
_LIST_SEP = re.compile(r"\s*[,，、;；]\s*")
# Keyword label on a line of the source: "关键词: 外泌体; ..."
_KEYWORD_LABEL = re.compile(r"关键词|關鍵詞")

# jieba part-of-speech tags of words that never start or sit inside a term: prepositions,
# conjunctions, adverbs, pronouns ("通过", "和", "主要", "其")
_BREAK_TAGS = ("p", "c", "d", "r")
# Particles cannot start a term, though 的 may sit inside one ("间充质干细胞衍生的细胞外囊泡")
_NO_START_TAGS = ("p", "c", "d", "r", "u")
# Single-character verbs, prepositions and locatives jieba may tag otherwise:
# "...检测到甲状腺转录因子-1", "...对照组中最高突变等位基因分数"
_NO_START_WORDS = frozenset("到在对从将把被由向给让使令于中上下里后前时")
# Locatives that close a phrase of place and sit inside no term ("外泌体中白细胞介素-6"), unlike
# 外, 内, 上 and 下 ("细胞外囊泡", "曲线下面积")
_LOCATIVE_BREAKS = frozenset({"中"})
# Copulas and naming verbs, which end the text before a term ("...机制是中性鞘磷脂酶")
_COPULAS = frozenset({"是", "为", "即", "称", "称为", "又称", "简称", "叫做", "被称为"})
# Tags of words that may start a term only with evidence (multi-character verbs and measure
# words: "依赖于", "形成"; "循环肿瘤细胞" starts with a word jieba tags as a verb)
_WEAK_START_TAGS = ("v", "q")
# A hyphen between two Chinese words links two terms: "晚期内涵体-多泡体"
_JOINED = re.compile(r"[\u3400-\u9fff]-[\u3400-\u9fff]")
# Date units that follow a number: "2016年" is a date, "年" starts no term
_DATE_UNITS = frozenset({"年", "月", "日"})
# Measure words: a numeral word ending in one counts things ("多个", "一种", "两类"), it names none ("三维")
_MEASURES = frozenset("个种类些次位名项例只条群批份倍组")
# Predicate verbs of scientific prose: a candidate holding one is a clause, not a term
# (grammar words, not terminology: "通过内向出芽作用形成多个腔内囊泡")
_PREDICATES = frozenset(
    "形成 进行 携带 释放 包括 包含 含有 导致 促进 抑制 具有 发挥 参与 介导 调节 诱导 依赖 依赖于 使用 利用 采用 "
    "产生 影响 引起 表现 出现 作为 成为 存在 激活 识别 结合 增加 减少 降低 提高 检测 分析 发现 显示 表明 认为 "
    "可以 能够 需要 实现 获得 得到 构建 制备 观察 评估 比较 用于".split()
)
# Suffixes that make a noun an attribute of the next: "恶性" (malignant), "转移性", "突变型"
_ATTRIBUTIVE = frozenset("性型")
# What a sentence or list item starts after: "。多囊泡体", "：外泌体", "②多囊泡体"
_CLAUSE_OPENERS = frozenset("。！？；：;:!?\t①②③④⑤⑥⑦⑧⑨⑩")
# Nouns naming whose or which organism or group a thing is, with the English words that name them: "患者中位无进展
# 生存期" is the patients' median progression-free survival (mPFS), "小鼠骨髓间充质干细胞" mouse BMSCs
_GROUPS = {
    "患者": ("patient",),
    "病人": ("patient",),
    "小鼠": ("mouse", "mice", "murine"),
    "大鼠": ("rat",),
    "人": ("human",),
    "人类": ("human",),
    "儿童": ("child", "paediatric", "pediatric"),
    "成人": ("adult",),
    "健康人": ("healthy",),
    "对照组": ("control",),
}
# Conjunctions that join two nouns inside a term whose English side relates two words: "中性粒细胞与淋巴细胞比值"
# (neutrophil-to-lymphocyte ratio)
_JOINERS = frozenset("与和及")
# Particles that join a modifier to its noun: "衍生的细胞外囊泡", "囊泡大小的二维"
_PARTICLES = frozenset({"的", "之"})
# A word of the English side glued to the next by a lost space: "TumorDNA" -> Tumor | DNA
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A word no English term has: its spaces were lost in conversion ("Urinaryextracellularvesicles")
_GLUED = re.compile(r"[A-Za-z]{21,}")
# What is not a letter or digit of an English side: " ", "-", "/"
_NOT_ALNUM = re.compile(r"[\W_]+")
# Letters of an abbreviation that start a word: capitals, numbers and lower-case initials
# ("ctDNA" -> c t D N A, "uEVs" -> u E V, "nSMase" -> n S M, "3D-hUMSCs-Exos" -> 3 D h U M S C E)
_ABBR_INITIAL = re.compile(r"[A-Z]|\d+|(?<![A-Za-z])[a-z]+")
# A Latin word or number printed in Chinese text: "DNA" in "循环肿瘤DNA", "3D" in "3D 培养的"
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
# Size of a Chinese term relative to its English: at least one character per English word
# (or abbreviation letter) and at most this many.
_CHARS_PER_WORD = 3.5
# Longest Chinese run looked at before a parenthesis, in characters.
_MAX_RUN = 32


class _Token(NamedTuple):
    start: int
    word: str
    flag: str


@functools.cache
def _pos_tokenizer():  # -> jieba.posseg.POSTokenizer
    """A private jieba tokenizer (built once, on first use; the global one is left alone).

    It reads the part-of-speech table jieba loaded when ``jieba.posseg`` was imported (nothing
    adds words to it) instead of parsing the dictionary file a second time.
    """
    import jieba
    import jieba.posseg

    class SharedTags(jieba.posseg.POSTokenizer):  # type: ignore[misc]
        def load_word_tag(self, f):
            f.close()
            self.word_tag_tab = jieba.posseg.dt.word_tag_tab

    jieba.setLogLevel(logging.WARNING)
    return SharedTags(jieba.Tokenizer())


def release_tokenizer() -> None:
    """Drop the jieba tokenizer and jieba's part-of-speech module (together about 180 MB of dictionaries
    and tables); the next use imports and builds them again."""
    _pos_tokenizer.cache_clear()
    unload("jieba.posseg")


def unload(package: str) -> None:
    """Forget an imported package and empty its modules, so that their module-level tables are freed
    now (a module holds itself in a reference cycle, which only a full collection would free);
    the next import loads the package afresh. Nothing may keep using objects from it."""
    parent, _, child = package.rpartition(".")
    module = sys.modules.get(package)
    if module is None:
        return
    if parent in sys.modules and getattr(sys.modules[parent], child, None) is module:
        delattr(sys.modules[parent], child)
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        vars(sys.modules.pop(name)).clear()


Segments = dict[str, tuple[tuple[str, str], ...]]
"""Word segmentations by text: each word with its part-of-speech tag, in order."""


class Segmentation:
    """Word segmentations made while reading: those ``kept`` from an earlier reading and those ``used``
    now (kept ones included), so that jieba and its dictionaries are loaded only for text not seen
    before. Segmenting depends on the text alone (and jieba's version, which a keeper records)."""

    def __init__(self, kept: Segments | None = None) -> None:
        self.kept: Segments = kept or {}
        self.used: Segments = {}

    def words(self, text: str) -> tuple[tuple[str, str], ...]:
        """The words of ``text`` with their tags."""
        pairs = self.used.get(text)
        if pairs is None:
            pairs = self.kept.get(text)
            if pairs is None:
                pairs = tuple((pair.word, pair.flag) for pair in _pos_tokenizer().lcut(text, HMM=False))
            self.used[text] = pairs
        return pairs


_SEGMENTATION: contextvars.ContextVar[Segmentation | None] = contextvars.ContextVar("segmentation", default=None)


@contextlib.contextmanager
def segmenting(segmentation: Segmentation) -> Iterator[Segmentation]:
    """Segment words through ``segmentation`` inside the ``with`` block (:func:`harvest` uses its own)."""
    token = _SEGMENTATION.set(segmentation)
    try:
        yield segmentation
    finally:
        _SEGMENTATION.reset(token)


def word_tokens(text: str) -> list[_Token]:
    """Word-segment ``text`` with part-of-speech tags, keeping each word's offset, through the segmentation
    :func:`segmenting` makes active (a fresh one outside it), which keeps what it segments."""
    segmentation = _SEGMENTATION.get()
    if segmentation is None:
        segmentation = Segmentation()
    out: list[_Token] = []
    pos = 0
    for word, flag in segmentation.words(text):
        out.append(_Token(pos, word, flag))
        pos += len(word)
    return out


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def _is_abbreviation(token: str) -> bool:
    """``MVBs``, ``MSC-EVs``, ``PI3K``, ``3D``, ``Lac`` are abbreviations; ``Exosomes``, ``11.0`` are not."""
    if not _ABBR_SHAPE.match(token) or not any(c.isalpha() for c in token):
        return False
    upper = sum(c.isupper() for c in token)
    has_digit = any(c.isdigit() for c in token)
    return upper >= 2 or (has_digit and upper >= 1) or (len(token) <= 4 and token[0].isupper())


def _split_paren(inner: str) -> tuple[str | None, str | None] | None:
    """Split a parenthetical into (English long form, abbreviation); ``None`` when it is no term."""
    inner = inner.strip()
    if _DIMENSION.match(inner):
        return (None, inner)
    if not inner or _CJK.search(inner) or _NOT_LATIN_TERM.search(inner):
        return None
    if _QUANTITY.match(inner) or _NOT_TERM.search(inner):
        return None
    if not re.search(r"[A-Za-z]{2}|[A-Za-z]\d|\d[A-Za-z]", inner):
        return None
    parts = _PART_SEP.split(inner)
    if len(parts) == 1:
        if _is_abbreviation(inner):
            return None, inner
        *words, last = inner.split()
        if words and _is_abbreviation(last) and _long_form(" ".join(words), last) == " ".join(words):
            return " ".join(words), last  # comma lost in conversion: "Minimal Residual Disease MRD"
        return _clean_en(inner), None
    *head, last = parts
    if len(head) == 1 and _is_abbreviation(last) and not _is_abbreviation(head[0]):
        en = _clean_en(head[0])
        return (en, last) if en else None
    return None


def _clean_en(text: str) -> str | None:
    """An English term: letters, at most eight words, not a quantity."""
    words = text.split()
    if not words or len(words) > 8 or _QUANTITY.match(text) or not re.search(r"[A-Za-z]{3}", text):
        return None
    return text


@functools.lru_cache(maxsize=1 << 16)
def _size(en: str | None, abbr: str | None) -> int:
    """How many words the English side has: content words of ``en``, else letters of ``abbr``.

    ``endosomal sorting complex required for transport`` -> 5, ``PI3K`` -> 3 (P, I, 3), ``MVBs`` -> 3.
    A glued ``en`` (``Urinaryextracellularvesicles``) says nothing of its size: ``abbr`` tells it.
    """
    if _sized_by_long_form(en, abbr):
        return _en_words(en or "")
    if abbr:
        return max(1, len(re.findall(r"[A-Z]|\d+", abbr)))
    return 1


def _sized_by_long_form(en: str | None, abbr: str | None) -> bool:
    """Whether the long form tells the English side's size: it is there, and neither glued nor one word made of
    parts where an abbreviation can tell it instead (see :func:`_compound_word`)."""
    return bool(en) and not (abbr and (_GLUED.search(en or "") or _compound_word(en or "", abbr)))


def _compound_word(en: str, abbr: str) -> bool:
    """Whether a one-word long form is built of parts its abbreviation names one initial each: ``glypican-1``
    (``GPC1``: G, P, C, 1) is ``磷脂酰肌醇聚糖-1`` in Chinese, a name of as many parts, too long for one word."""
    return _en_words(en) == 1 and len(re.findall(r"[A-Z]|\d+", abbr)) > 1


def _en_words(en: str) -> int:
    """Content words of an English side, words glued by a lost space apart: ``Circulating TumorDNA`` -> 3."""
    words = re.split(r"[\s\-/]+", _CAMEL.sub(" ", en).lower())
    return max(1, len([w for w in words if w and w not in _EN_STOP and re.search("[a-z]", w)]))


def _units(en: str | None, abbr: str | None, printed: str) -> int:
    """How many Chinese words the English side asks for: content words of ``en``, else the abbreviation's
    initials, a part of the abbreviation that ``printed`` (the Chinese text) prints as it is counting one.

    ``ctDNA`` before ``循环肿瘤DNA`` -> 3 (c, t, DNA); ``lncRNA`` -> 4; ``2D``, ``3D`` (二维, 三维) -> 1.
    """
    if _sized_by_long_form(en, abbr):
        return _en_words(en or "")
    if not abbr or _DIMENSION.match(abbr):
        return 1
    rest, shown = abbr, 0
    for word in _LATIN_WORD.findall(printed):
        if word in rest:
            rest, shown = rest.replace(word, "-", 1), shown + 1
    return max(1, shown + sum(len(m) if m.islower() else 1 for m in _ABBR_INITIAL.findall(rest)))


def _zh_words(text: str) -> int:
    """About how many words a Chinese text has: two characters a word (jieba splits a technical word it does not
    know into characters, ``囊`` / ``泡``), a Latin word or number counting one. ``游离细胞DNA`` -> 3."""
    cjk = _cjk_count(text)
    return (cjk + 1) // 2 + len(_LATIN_WORD.findall(text))


def _size_range(en: str | None, abbr: str | None) -> tuple[int, float]:
    """Plausible length (characters, spaces not counted) of the Chinese term for this English side."""
    k = _size(en, abbr)
    return max(2, k), _CHARS_PER_WORD * k + 2


# --- the Chinese boundary ------------------------------------------------------


def _zh_run_start(line: str, end: int) -> int:
    """Start of the run of term characters ending at ``end`` (spaces before ``end`` skipped)."""
    start = end
    while start > 0 and end - start < _MAX_RUN and _ZH_RUN_CHAR.match(line[start - 1]):
        start -= 1
    while start < end and line[start] == " ":
        start += 1
    return start


def _accessor_variety(text: str, term: str) -> int:
    """How many different characters (a boundary counting as one) precede ``term`` in ``text``."""
    left: set[str] = set()
    i = text.find(term)
    while i >= 0:
        before = text[i - 1] if i > 0 else "\n"
        left.add(before if _CJK.match(before) or before.isalnum() else "#")
        i = text.find(term, i + 1)
    return len(left)


def _candidates(run: str) -> list[tuple[str, list[_Token]]]:
    """Word-aligned suffixes of ``run``, longest first, each with its tokens.

    None starts right after a prefix, which belongs to the next word (``非`` of ``长非编码RNA``), or inside a
    word jieba does not know (see :func:`_inside_word`).
    """
    tokens = _locatives_apart(word_tokens(run))
    out = []
    for k, tok in enumerate(tokens):
        if tok.word.isspace() or (k > 0 and tokens[k - 1].flag == "h") or _inside_word(tokens, k):
            continue
        if k > 0 and _opens_word(tokens, k - 1):  # 位 of 中位
            continue
        out.append((run[tok.start :].rstrip(), tokens[k:]))
    return out


def _locatives_apart(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` with the locative 中 (in) after a noun split from the character jieba read it with, when that
    character starts a word jieba does not know and cut into characters: ``血液`` / ``中外`` / ``泌`` / ``体``
    (外泌体 in blood) gives ``中`` / ``外``, 中 tagged as the postposition it is (``p``, a word no term holds).
    Such a word is cut into two characters after it at least: ``中心`` / ``体`` (细胞中心体, the centrosome) and
    ``中间`` / ``丝`` (intermediate filaments) stay, as does ``中性`` / ``粒细胞``."""
    out = list(tokens)
    for k in range(len(tokens) - 3, 0, -1):
        before, tok, after, then = tokens[k - 1], tokens[k], tokens[k + 1], tokens[k + 2]
        if len(tok.word) != 2 or tok.word[0] not in _LOCATIVE_BREAKS or not _CJK.match(tok.word[1]):
            continue
        if not before.flag.startswith("n") or not _inside_word([_Token(tok.start + 1, tok.word[1], "ng"), after], 1):
            continue
        if not _inside_word([after, then], 1):  # one character after it: a word of its own (中心 / 体)
            continue
        out[k : k + 1] = [_Token(tok.start, tok.word[0], "p"), _Token(tok.start + 1, tok.word[1], "ng")]
    return out


def _inside_word(tokens: list[_Token], k: int) -> bool:
    """Whether word ``k`` continues a word jieba does not know and cut into characters: it and the word before are
    single ideographs, and the one before is no grammar word (``泌`` and ``体`` of ``外`` / ``泌`` / ``体``, not
    ``小`` after ``的``)."""
    if k == 0:
        return False
    before, tok = tokens[k - 1], tokens[k]
    if len(before.word) != 1 or len(tok.word) != 1 or not (_CJK.match(before.word) and _CJK.match(tok.word)):
        return False
    return not (before.flag.startswith(_NO_START_TAGS + ("m", "q")) or before.word in _NO_START_WORDS | _COPULAS)


def _is_break(tok: _Token) -> bool:
    """A word no term holds: a preposition, conjunction, adverb, pronoun or copula, or the locative 中 (in), which
    closes a phrase of place (``外泌体中白细胞介素-6`` is interleukin-6 in exosomes; see :func:`_opens_word`)."""
    return tok.flag.startswith(_BREAK_TAGS) or tok.word in _COPULAS or tok.word in _LOCATIVE_BREAKS


def _joins(tokens: list[_Token], k: int, en: str | None) -> bool:
    """Whether word ``k`` is 与, 和 or 及 joining two nouns inside a term whose long form relates two of its words
    (``to``, ``versus``): ``中性粒细胞与淋巴细胞比值`` is the neutrophil-to-lymphocyte ratio (NLR), one measure.
    Two things named with ``and`` are two terms (``外泌体和微囊泡``, exosomes and microvesicles), not one."""
    if tokens[k].word not in _JOINERS or not 0 < k < len(tokens) - 1 or not en:
        return False
    if not re.search(r"\w[\s\-]+(?:to|versus|vs\.?)[\s\-]+\w", en, re.IGNORECASE):
        return False
    return tokens[k - 1].flag.startswith("n") and tokens[k + 1].flag.startswith("n")


def _two_things(en: str | None, abbr: str | None) -> bool:
    """Whether an English side without an abbreviation names two things joined by ``and`` or ``or``
    (``exosomes and microvesicles``): a Chinese side without its own conjunction (微囊泡 of 外泌体和微囊泡) is one
    of them, no translation of the pair. With an abbreviation the pair is one name (Food and Drug
    Administration, FDA: 美国食品药品监督管理局)."""
    return bool(en) and not abbr and re.search(r"\w\s+(?:and|or|&)\s+\w", en or "", re.IGNORECASE) is not None


def _opens_word(tokens: list[_Token], k: int) -> bool:
    """Whether word ``k``, a locative 中, is the first character of a word jieba does not know and cut into
    characters: a single ideograph follows that is no grammar word or verb (``中`` / ``位`` of 中位生存期, median
    survival time), where 中 (in) is followed by a word (``血清中`` / ``癌胚抗原``) or a particle (``中`` / ``的``)."""
    if tokens[k].word not in _LOCATIVE_BREAKS or tokens[k].flag == "p" or k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    if len(after.word) != 1 or not _CJK.match(after.word):
        return False
    return not (after.flag.startswith(_NO_START_TAGS + ("v",)) or after.word in _NO_START_WORDS | _COPULAS)


def _bad_start(run: str, tok: _Token) -> bool:
    """A term cannot start with a particle, preposition ..., with punctuation, with a counted quantity
    (``多个``), or with 年/月/日 after a number."""
    if tok.flag.startswith(_NO_START_TAGS) or not tok.word[0].isalnum() or tok.word in _NO_START_WORDS:
        return True
    if _counted(tok):
        return True
    before = run[tok.start - 1] if tok.start > 0 else " "
    if before == "-" or (before.isascii() and before.isalnum() and tok.word[0].isascii()):
        return True
    return tok.word in _DATE_UNITS and tok.start > 0 and run[tok.start - 1].isdigit()


def _weak_start(tok: _Token) -> bool:
    """A word that starts a term only with evidence: a multi-character verb, or a counted quantity (多个)."""
    if len(tok.word) < 2:
        return False
    return tok.flag.startswith(_WEAK_START_TAGS) or _counted(tok)


def _counted(tok: _Token) -> bool:
    """A numeral word ending in a measure word: ``多个``, ``一种``, ``两类`` (not ``三维``)."""
    return len(tok.word) >= 2 and tok.flag.startswith("m") and tok.word[-1] in _MEASURES


def _needless_particle(cand: str, toks: list[_Token], units: int) -> bool:
    """Whether a particle inside ``cand`` joins a modifier its term does not need: the words after the last
    one already make up the English side (``囊泡大小的二维`` for 2D, where ``二维`` is the term), not too few
    for it (``间充质干细胞衍生的细胞外囊泡`` for MSC-EVs)."""
    inside = [t for t in toks[:-1] if t.word in _PARTICLES]
    if not inside:
        return False
    last = inside[-1]
    return _zh_words(cand[last.start - toks[0].start + len(last.word) :]) >= units


def _needed_verb(cand: str, toks: list[_Token], units: int) -> bool:
    """Whether a verb used as a noun first (jieba's ``vn``) is the one word the rest lacks for the English side:
    ``循环`` of ``循环肿瘤DNA`` (ctDNA: c, t, DNA), where ``肿瘤DNA`` is two words. A plain verb never is
    (``治疗`` before ``重症2019冠状病毒病``)."""
    first = toks[0]
    return first.flag == "vn" and _zh_words(cand[len(first.word) :]) == units - 1


def _predicate_verb(toks: list[_Token]) -> bool:
    """Whether a common predicate verb sits inside (not last): ``形成多个腔内囊泡``, ``进行透射电镜``.

    Verbs that modify a noun stay (``衍生的细胞外囊泡``, ``残留疾病``, ``死亡配体``).
    """
    return any(tok.word in _PREDICATES for tok in toks[:-1])


def _trim(
    run: str,
    context: str,
    known: frozenset[str],
    size: tuple[int, float],
    clause_start: bool = False,
    units: int = 1,
    names_modifier: bool = False,
    one_name: bool = False,
    english: tuple[str | None, str | None] = (None, None),
) -> str | None:
    """The term at the end of ``run``: the longest suffix with evidence that it is one.

    Evidence, tried in turn: a term known in the corpus; one that ``context`` uses
    after at least two different characters (``腔内囊泡`` follows 个, 将, 和 ...);
    else the whole run when it opens a line or a sentence (``clause_start``), or a
    noun phrase: no preposition, conjunction (but one joining two nouns where the long
    form relates two words, see :func:`_joins`), adverb, pronoun or predicate verb
    inside and no verb or measure word first. Every answer has a length
    plausible for its English side (``size``); ``None`` when nothing fits.
    ``units`` is how many words the English side asks for (see :func:`_units`): a
    particle inside, or a verb first, belongs to the term only when the words
    after it are fewer. ``names_modifier`` says the abbreviation has a letter for
    a modifier (see :func:`_names_modifier`): a word the text prints alone is then
    not shed as a modifier of its own. ``one_name`` says the English side is one word made of parts (see
    :func:`_compound_word`): the words it does not ask for are shed even from a run opening a sentence, and
    a word jieba does not know among them (see :func:`_shed`). ``english`` is the long form and the abbreviation:
    a first word naming a group they do not name is shed (see :func:`_unnamed_group`).
    """
    lo, hi = size
    fits = []
    for cand, toks in _candidates(run):
        if _cjk_count(cand) < 2 or not lo <= len(cand.replace(" ", "")) <= hi:
            continue
        if (_bad_start(run, toks[0]) and not _opens_word(toks, 0)) or _JOINED.search(cand):
            continue
        if any(
            _is_break(t) and not _opens_word(toks, i) and not _joins(toks, i, english[0]) for i, t in enumerate(toks)
        ):
            continue
        if _needless_particle(cand, toks, units):
            continue
        fits.append((cand, toks))
    for i in range(len(run)):  # known terms match at any character, not only at a word boundary
        cand = run[i:].rstrip()
        if cand in known and lo <= len(cand.replace(" ", "")) <= hi:
            return _grown(fits, cand, units)
    for cand, _toks in fits:
        if len(cand) >= 3 and _accessor_variety(context, cand) >= 2:
            return _grown(fits, cand, units)
    if clause_start and fits and fits[0][0] == run.rstrip() and _may_start(*fits[0], units):
        if not one_name and not _unnamed_group(fits[0][1][0].word, *english):
            return fits[0][0]
        return _shed(fits, 0, units, "" if names_modifier else context, one_name, english)
    for i, (cand, toks) in enumerate(fits):
        if _noun_phrase(cand, toks, units):
            return _shed(fits, i, units, "" if names_modifier else context, one_name, english)
    return None


def _grown(fits: list[tuple[str, list[_Token]]], cand: str, units: int) -> str:
    """``cand``, a known or repeated term, with the modifier before it that the English side still asks for:
    ``恶性胸腔积液 (MPE)`` keeps 恶性, as M, P and E ask for three words and ``胸腔积液``, a term the text repeats, is
    two. The longer term must make up the English side exactly, with whole words that qualify the term (see
    :func:`_modifier`), and be a noun phrase; else ``cand`` stays. A noun naming a thing of its own is no part
    of the term the text repeats, whatever the count: ``患者胸腔积液`` (a patient's), ``肿瘤来源外泌体`` (来源, source, of
    肿瘤来源, from a tumour); nor is a time (``晚期`` before ``非小细胞肺癌``) or a verb (``递送``
    before ``微小RNA``), and no word is taken across the start of the term (``体腔`` of ``腔内囊泡``)."""
    if _zh_words(cand) >= units:
        return cand
    for longer, toks in reversed(fits):  # shortest first
        if len(longer) <= len(cand) or not longer.endswith(cand):
            continue
        cut = len(longer) - len(cand)
        added = [t for t in toks if t.start - toks[0].start < cut and not t.word.isspace()]
        whole = any(t.start - toks[0].start == cut for t in toks)
        if not whole or not _modifier(added) or not _noun_phrase(longer, toks, units):
            return cand
        if _zh_words(longer) >= units:
            return longer if _zh_words(longer) == units else cand
    return cand


def _modifier(words: list[_Token]) -> bool:
    """Whether ``words`` qualify the noun after them rather than name a thing: words jieba tags as distinguishing
    words or adjectives (``慢性``, ``新型``, ``巨大``), or a noun made an attribute by the suffix 性 or 型 (``恶性``
    malignant, ``转移性``, ``癌性``, ``突变型``), which jieba tags as a noun like ``患者`` and ``肿瘤``."""
    if not words:
        return False
    if all(t.flag.startswith(("a", "b")) for t in words):
        return True
    text = "".join(t.word for t in words)
    return len(text) >= 2 and text[-1] in _ATTRIBUTIVE and all(t.flag.startswith(("n", "zg")) for t in words)


def _noun_phrase(cand: str, toks: list[_Token], units: int) -> bool:
    """Whether ``cand`` is a term by its words alone: no predicate verb inside, a first word that may start one."""
    return _may_start(cand, toks, units) and not _predicate_verb(toks)


def _shed(
    fits: list[tuple[str, list[_Token]]],
    i: int,
    units: int,
    context: str,
    one_name: bool = False,
    english: tuple[str | None, str | None] = (None, None),
) -> str:
    """``fits[i]`` without the words first that make it longer than its English side asks for (one word more
    is allowed), shed one at a time while what is left is still a noun phrase: ``特异性聚合酶链反应`` for
    Polymerase Chain Reaction -> ``聚合酶链反应``; ``3D 培养的人脐带间充质干细胞衍生的外泌体`` stays, as 培养
    (a verb) starts no term. A word that qualifies the next (see :func:`_modifier`) is shed only where what is
    left makes up the English side exactly: 特异性 of ``特异性聚合酶链反应`` is, 中性 of ``中性粒细胞`` (neutrophils) is
    not, as ``粒细胞`` is no nearer one word. A single character is neither shed nor left first: it is likely a piece of a
    word (``间`` of 间充质, which jieba does not know, ``酰`` of 磷脂酰肌醇 after ``磷脂``). The one word more is
    shed too when ``context`` names it alone (see :func:`_separate_modifier`).

    When the English side is ``one_name`` (one word made of parts, ``glypican-1``), a word jieba does not know
    and cut into characters is shed whole: ``外泌体表面磷脂酰肌醇蛋白聚糖-1`` names where glypican-1 is (on the
    surface of exosomes), and gives ``磷脂酰肌醇蛋白聚糖-1``. Another English side may name a thing whose
    Chinese name such a word starts (``间充质干细胞``, mesenchymal stem cells).

    A first word naming a group that ``english`` (long form, abbreviation) does not name is shed whatever the
    count, even one character, and before a locative 中 that opens a word (see :func:`_unnamed_group`)."""
    cand, toks = fits[i]
    while i + 1 < len(fits):
        shorter, rest = fits[i + 1]
        first = _first_word(toks) if one_name else toks[:1]
        after = next((t for t in toks[len(first) :] if not t.word.isspace()), None)
        word = "".join(t.word for t in first)
        group = _unnamed_group(word, *english)
        if after is None or rest[0].start != after.start or (len(word) < 2 and not group):
            break
        if _single_ideograph(rest[0]) and not (group and _opens_word(rest, 0)):
            break
        if not _noun_phrase(shorter, rest, units):
            break
        if _modifier(first) and _zh_words(shorter) != units:
            break
        if _zh_words(cand) <= units + 1 and not group and not _separate_modifier(word, shorter, rest, units, context):
            break
        i, cand, toks = i + 1, shorter, rest
    return cand


def _first_word(toks: list[_Token]) -> list[_Token]:
    """The tokens of the first word: one jieba knows, or the characters it cut a word it does not know into
    (``外`` / ``泌`` / ``体``; see :func:`_inside_word`)."""
    n = 1
    while n < len(toks) and _inside_word(toks, n) and toks[n].word not in _NO_START_WORDS:
        n += 1
    return toks[:n]


def _unnamed_group(word: str, en: str | None, abbr: str | None) -> bool:
    """Whether ``word`` names whose or which organism or group a thing is (患者, 小鼠, 对照组 ...) and the English
    side does not: the long form holds none of its English words (``mouse bone marrow MSCs`` names 小鼠), and the
    abbreviation opens with no lower-case initial of one (``mBMSCs``, m for mouse; ``BMSCs`` is bone marrow stem
    cells, so 小鼠 of ``小鼠骨髓间充质干细胞`` is no part of it). Without a long form, an abbreviation opening with
    a capital initial of one names it too: ``HPV`` is human papillomavirus, 人乳头瘤病毒 whole."""
    names = _GROUPS.get(word)
    if names is None:
        return False
    if en and any(re.search(rf"\b{name}", en, re.IGNORECASE) for name in names):
        return False
    lead = re.match(r"[a-z]+", abbr or "")
    if lead and any(name.startswith(lead.group()) for name in names):
        return False
    first = (abbr or "")[:1]
    return en is not None or not (first.isupper() and any(name.startswith(first.lower()) for name in names))


def _single_ideograph(tok: _Token) -> bool:
    return len(tok.word) == 1 and _CJK.match(tok.word) is not None


def _separate_modifier(first: str, rest: str, rest_toks: list[_Token], units: int, context: str) -> bool:
    """Whether ``first`` names a thing of its own before a term that needs no more words: the text prints it
    alone (between punctuation, as in a list ``尿液、唾液、痰液`` or a heading ``3.2 唾液：``) and the words
    after it, starting on a whole word, already make up the English side. ``唾液乳酸脱氢酶 (LDH)`` is lactate
    dehydrogenase (乳酸脱氢酶, L, D and H) measured in saliva; ``咪唑化合物 (ICs)`` keeps 咪唑, which the text
    never prints alone."""
    if len(rest_toks[0].word) < 2 or _zh_words(rest) < units:
        return False
    return _named_alone(first, context)


def _names_modifier(abbr: str | None) -> bool:
    """Whether an abbreviation opens with a lower-case initial, which abbreviates a modifier of the term:
    ``uEVs`` (urinary), ``sEVs`` (small), ``cfDNA`` (cell-free), unlike ``LDH``."""
    return bool(abbr) and abbr[0].islower()


def _named_alone(word: str, context: str) -> bool:
    """Whether ``context`` prints ``word`` with no letter, digit or ideograph either side of it."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", context) is not None


def _may_start(cand: str, toks: list[_Token], units: int) -> bool:
    """Whether ``cand`` may start with its first word without other evidence (see :func:`_needed_verb`)."""
    return not _weak_start(toks[0]) or _needed_verb(cand, toks, units)


# --- English long forms -------------------------------------------------------


def _long_form(before: str, abbr: str) -> str | None:
    """Schwartz-Hearst: the shortest word sequence ending ``before`` whose letters spell ``abbr``."""
    chars = [c.lower() for c in abbr if c.isalnum()]
    if len(chars) < 2:
        return None
    limit = min(len(chars) + 5, 2 * len(chars))
    starts = [m.start() for m in _WORD.finditer(before)]
    window = before[starts[-limit] :] if len(starts) >= limit else before.lstrip()
    s, i = len(chars) - 1, len(window) - 1
    while s >= 0:
        c = chars[s]
        while i >= 0 and (window[i].lower() != c or (s == 0 and i > 0 and window[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(window.rfind(" ", 0, i + 1), window.rfind("\t", 0, i + 1)) + 1
    long_form = window[start:]
    if len(long_form) <= len(abbr) or long_form.lower() == abbr.lower():
        return None
    return long_form


def _en_run(line: str, end: int) -> tuple[int, str]:
    """The Latin text before ``end`` back to punctuation or a CJK character: (start, text)."""
    start = end
    while start > 0 and _EN_RUN_CHAR.match(line[start - 1]):
        start -= 1
    return start, line[start:end]


# --- harvest ----------------------------------------------------------------------


class _Raw(NamedTuple):
    line_no: int
    line: str
    run_start: int
    paren_start: int
    paren_end: int
    en: str | None
    abbr: str | None


def _ends_chinese(before: str) -> bool:
    """Whether text before a parenthesis ends in Chinese: ``外泌体``, or ``配体1`` (Latin glued to Chinese)."""
    m = _GLUED_TAIL.search(before)
    return bool(m and _CJK.match(m.group(1)))


def _zh_raws(text: str) -> list[_Raw]:
    """Parentheticals that follow Chinese text: ``外泌体 (Exosomes)``."""
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        for m in _PAREN.finditer(line):
            parts = _split_paren(m.group(1))
            end = len(line[: m.start()].rstrip())
            if parts is None or not _ends_chinese(line[:end]):
                continue
            out.append(_Raw(n, line, _zh_run_start(line, end), m.start(), m.end(), *parts))
    return out


def _zh_terms(text: str, source: str, raws: list[_Raw], known: frozenset[str]) -> list[GlossaryTerm]:
    terms = []
    for raw in raws:
        run = raw.line[raw.run_start : raw.paren_start].rstrip()
        opens = raw.run_start == 0 or raw.line[raw.run_start - 1] in _CLAUSE_OPENERS
        units = _units(raw.en, raw.abbr, run)
        size = _size_range(raw.en, raw.abbr)
        one_name = bool(raw.en and raw.abbr and _compound_word(raw.en, raw.abbr))
        english = (raw.en, raw.abbr)
        zh = _trim(run, text, known, size, opens, units, _names_modifier(raw.abbr), one_name, english)
        if zh is None or 2 * _zh_words(zh) < units:  # far too short: "二维" for a four-word English side
            continue
        if _two_things(raw.en, raw.abbr) and not any(joiner in zh for joiner in _JOINERS):
            continue  # "外泌体和微囊泡 (exosomes and microvesicles)": 微囊泡 is not both
        start = raw.run_start + len(run) - len(zh)
        terms.append(
            GlossaryTerm(zh, raw.en, raw.abbr, source, raw.line_no, raw.line[start : raw.paren_end], "pattern")
        )
    return terms


def _en_terms(text: str, source: str) -> list[GlossaryTerm]:
    """Abbreviations defined in English text: ``Mesenchymal stem cell-derived extracellular vesicles (MSC-EVs)``."""
    terms = []
    for n, line in enumerate(text.split("\n"), start=1):
        for m in _PAREN.finditer(line):
            abbr = m.group(1).strip()
            if not _is_abbreviation(abbr) or _NOT_TERM.search(abbr):
                continue
            end = len(line[: m.start()].rstrip())
            if end == 0 or not (line[end - 1].isalnum() and line[end - 1].isascii()):
                continue
            start, before = _en_run(line, end)
            long_form = _long_form(before, abbr)
            if long_form is None:
                continue
            span_start = start + len(before) - len(long_form)
            terms.append(GlossaryTerm(None, long_form, abbr, source, n, line[span_start : m.end()], "pattern"))
    return terms


def _split_list(text: str, zh: bool) -> list[str] | None:
    """Items of a quoted list when every item is Chinese (``zh``) or every item is Latin."""
    items = [i.strip() for i in _LIST_SEP.split(text.strip())]
    if len(items) < 2 or not all(items):
        return None
    for item in items:
        has_cjk, has_latin = bool(_CJK.search(item)), bool(re.search("[A-Za-z]{2}", item))
        if (zh and (not has_cjk or has_latin)) or (not zh and (has_cjk or not has_latin or len(item.split()) > 6)):
            return None
    return items


def _list_terms(text: str, source: str) -> list[GlossaryTerm]:
    """Parallel search-term lists printed on one line, the same length in both languages."""
    terms = []
    for n, line in enumerate(text.split("\n"), start=1):
        quoted = list(_QUOTED.finditer(line))
        for a, b in zip(quoted, quoted[1:], strict=False):
            for first, second in ((a, b), (b, a)):
                zh, en = _split_list(first.group(1), zh=True), _split_list(second.group(1), zh=False)
                if zh and en and len(zh) == len(en):
                    span = line[a.start() : b.end()]
                    terms += [GlossaryTerm(z, e, None, source, n, span, "keyword") for z, e in zip(zh, en, strict=True)]
    return terms


def harvest(
    text: str, source: str, known: Iterable[str] = (), segmentation: Segmentation | None = None
) -> tuple[GlossaryTerm, ...]:
    """Bilingual term pairs printed in one source text, each with its file, line and exact span.

    ``text`` is decoded, NFC, with ``\\n`` newlines; ``source`` is its path relative
    to the content folder. ``known`` adds Chinese terms known from elsewhere in the
    corpus; the terms of ``text`` itself are always known (two passes). A Chinese
    side found for several abbreviations (生存率 for PFS, OS and RFS) is cut too
    short to tell them apart and is dropped. ``segmentation`` may bring the word
    segmentations of an earlier reading of the source and collects this one's.
    """
    with segmenting(segmentation or Segmentation()):
        raws = _zh_raws(text)
        first = _zh_terms(text, source, raws, frozenset(known))
        seen = frozenset(known) | {t.zh for t in first if t.zh}
        zh_terms = _underspecified(_zh_terms(text, source, raws, seen))
    return tuple(_dedupe(zh_terms + _en_terms(text, source) + _list_terms(text, source)))


def _underspecified(terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
    """Drop ``zh (ABBR)`` terms whose Chinese side also stands for another abbreviation in the same text."""
    abbrs: dict[str, set[str]] = defaultdict(set)
    for t in terms:
        if t.zh and t.abbr:
            abbrs[t.zh].add(t.abbr)
    return [t for t in terms if t.en or not t.abbr or len(abbrs[t.zh or ""]) < 2]


# --- corpus step -----------------------------------------------------------------


def _key(term: GlossaryTerm) -> tuple[str, str, str]:
    """Identity of a pair: Chinese and abbreviation as printed but for width and spaces (``磷脂酰肌醇 3 激酶``,
    ``ＰＩ３Ｋ``), English folded (width, case, plural, hyphens)."""
    return (_fold_printed(term.zh), _fold_en(term.en), _fold_printed(term.abbr))


@functools.lru_cache(maxsize=1 << 16)  # a corpus's terms recur across its entries
def _fold_printed(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()) if text else ""


@functools.lru_cache(maxsize=1 << 16)  # the same English sides recur across a corpus's entries
def _fold_en(en: str | None) -> str:
    if not en:
        return ""
    words = re.split(r"[\s\-]+", unicodedata.normalize("NFKC", en).casefold().strip())
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _dedupe(terms: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """First occurrence of each pair; partial pairs covered by a fuller one dropped.

    A pair is covered by another that agrees on each of its filled parts and fills more;
    candidates are looked up by the pair's first filled part instead of compared with all.
    """
    unique: dict[tuple[str, str, str], GlossaryTerm] = {}
    for term in terms:
        unique.setdefault(_key(term), term)
    by_part: dict[tuple[int, str], list[tuple[tuple[str, str, str], int]]] = defaultdict(list)
    for k, t in unique.items():
        for i, part in enumerate(k):
            if part:
                by_part[(i, part)].append((k, _filled(t)))

    def covered(k: tuple[str, str, str], filled: int) -> bool:
        first = next((i for i, part in enumerate(k) if part), None)
        if first is None:
            return False
        return any(
            ok != k and of > filled and all(a == "" or a == b for a, b in zip(k, ok, strict=True))
            for ok, of in by_part[(first, k[first])]
        )

    return [t for k, t in unique.items() if _filled(t) >= 2 and not covered(k, _filled(t))]


def _filled(term: GlossaryTerm) -> int:
    return bool(term.zh) + bool(term.en) + bool(term.abbr)


def _keyword_pairs(entry: Entry, text: str | bytes | None) -> list[GlossaryTerm]:
    """``keywords.zh`` and ``keywords.en`` paired in order when both lists have the same length, but for
    the Chinese keywords printed in Latin letters."""
    zh, en = entry.keywords.zh, entry.keywords.en
    if not zh or len(zh) != len(en):
        return []
    if isinstance(text, str):
        text = text.encode("utf-8", "surrogatepass")
    return [
        GlossaryTerm(z, e, None, entry.source, _keyword_line(text, z), z, "keyword")
        for z, e in zip(zh, en, strict=True)
        if _CJK.search(z)  # a Latin term in the Chinese list ("PD-L1") is no translation of its partner
    ]


def _keyword_line(text: bytes | None, keyword: str) -> int | None:
    """Line of the source (its UTF-8 bytes) holding ``keyword``: the keyword line when there is one.

    Only the lines holding the keyword are looked at (the text is not split into lines). A keyword's
    UTF-8 bytes occur in the text's exactly where the keyword occurs in the text, and a line break is
    one byte that no other character's bytes contain.
    """
    if text is None or "\n" in keyword:
        return None
    word = keyword.encode("utf-8", "surrogatepass")
    first = None
    at = text.find(word)
    while at != -1:
        start = text.rfind(b"\n", 0, at) + 1
        end = text.find(b"\n", at + len(word))
        end = len(text) if end == -1 else end
        if _KEYWORD_LABEL.search(text[start:end].decode("utf-8", "surrogatepass")):
            return text.count(b"\n", 0, start) + 1
        if first is None:
            first = start
        at = text.find(word, end + 1) if end < len(text) else -1
    return None if first is None else text.count(b"\n", 0, first) + 1


def _align(
    terms: list[GlossaryTerm], pool: list[GlossaryTerm], corpus: Mapping[str, str] | None = None
) -> list[GlossaryTerm]:
    """Complete ``zh (ABBR)`` terms with the English of an ``en (ABBR)`` term sharing the abbreviation.

    The entry's own terms are preferred (``MSC-EVs`` in the English and the Chinese
    abstract), then the rest of the corpus (``pool``, or its table ``corpus`` from
    :func:`_abbreviation_table` when the caller computed it once for every entry).
    """
    own = _abbreviation_table(terms)
    if corpus is None:
        corpus = _abbreviation_table(sorted(pool, key=_pool_order))
    out = []
    for t in terms:
        en = (own.get(t.abbr) or corpus.get(t.abbr)) if t.zh and t.abbr and not t.en else None
        out.append(_fit(dataclasses.replace(t, en=en, kind="abbreviation")) if en else t)
    return out


def _pool_order(t: GlossaryTerm) -> tuple[str, int, str, str]:
    return (t.file or "", t.line or 0, t.abbr or "", t.en or "")


def _abbreviation_table(terms: Iterable[GlossaryTerm]) -> dict[str, str]:
    """Abbreviation -> the English of the first ``en (ABBR)`` term (no Chinese side) for it."""
    table: dict[str, str] = {}
    for t in terms:
        if t.abbr and t.en and not t.zh:
            table.setdefault(t.abbr, t.en)
    return table


def _fit(term: GlossaryTerm) -> GlossaryTerm:
    """Cut leading words off a Chinese side too long for the English it was aligned with.

    ``重症2019冠状病毒病 (COVID-19)`` aligned with ``coronavirus disease 2019``
    becomes ``2019冠状病毒病``: the longest word-aligned suffix whose length fits
    the English side (see :func:`_size_range`); unchanged when none fits.
    """
    zh = term.zh or ""
    lo, hi = _size_range(term.en, term.abbr)
    if len(zh.replace(" ", "")) <= hi:
        return term
    for tok in word_tokens(zh)[1:]:
        cand = zh[tok.start :].strip()
        if _cjk_count(cand) >= 2 and lo <= len(cand.replace(" ", "")) <= hi and not _bad_start(zh, tok):
            span = term.span[term.span.find(cand) :] if term.span and cand in term.span else term.span
            return dataclasses.replace(term, zh=cand, span=span)
    return term


def _retrim(term: GlossaryTerm, known: frozenset[str]) -> GlossaryTerm:
    """Shorten a Chinese side to the longest other known term it ends with, when what is cut is no term part.

    The cut-off words must hold a verb, preposition, conjunction, particle,
    adverb or measure word (``要依赖于`` + ``内吞体分选复合物``), and the rest must
    stay long enough for the English side / abbreviation.
    """
    zh = term.zh
    if not zh or term.kind == "keyword":
        return term
    lo, hi = _size_range(term.en, term.abbr)
    for i in range(1, len(zh)):
        cand = zh[i:].lstrip()
        if cand not in known or not lo <= len(cand.replace(" ", "")) <= hi:
            continue
        cut = word_tokens(zh[: len(zh) - len(cand)])
        if any(t.flag.startswith(_NO_START_TAGS) or _weak_start(t) or t.word in _COPULAS for t in cut):
            span = term.span[term.span.find(cand) :] if term.span and cand in term.span else term.span
            return dataclasses.replace(term, zh=cand, span=span)
        return term
    return term


@functools.lru_cache(maxsize=1 << 16)
def _letters(en: str) -> str:
    """The letters and digits of an English side, folded and singular, to find one printed with spaces lost:
    ``Nanoparticle trackinganalysis`` -> ``nanoparticletrackinganalysis``, ``multivesicular bodies`` ->
    ``multivesicularbody``."""
    letters = _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", en).casefold())
    if letters.endswith("ies"):
        return letters[:-3] + "y"
    return letters[:-1] if letters.endswith("s") and not letters.endswith("ss") else letters


def _respace(glued: str, spaced: str) -> str:
    """``glued`` with a separator wherever ``spaced``, the same letters, has one it lacks; its own letters kept:
    ``Circulating TumorDNA`` spaced as ``Circulating tumor DNA`` -> ``Circulating Tumor DNA``."""
    out: list[str] = []
    j = 0
    for c in glued:
        if c.isalnum():
            sep = ""
            while j < len(spaced) and not spaced[j].isalnum():
                sep = sep or spaced[j]
                j += 1
            if sep and out and out[-1].isalnum():
                out.append(" " if sep.isspace() else sep)
            j += 1
        out.append(c)
    return "".join(out)


def _spacings(terms: Iterable[GlossaryTerm]) -> dict[str, str]:
    """Letters of each English side (see :func:`_letters`) -> the first of its forms with the most separators."""
    best: dict[str, str] = {}
    for t in sorted(terms, key=_pool_order):
        if t.en:
            key = _letters(t.en)
            if key not in best or _separators(t.en) > _separators(best[key]):
                best[key] = t.en
    return best


@functools.lru_cache(maxsize=1 << 16)
def _separators(en: str) -> int:
    return len(_NOT_ALNUM.findall(en.strip()))


def _unglue(terms: list[GlossaryTerm], spacings: Mapping[str, str]) -> list[GlossaryTerm]:
    """English sides that lost spaces in conversion spaced as another text prints them; pairs whose English
    stays glued (a word no English term has, ``extracellularvesicles``) dropped."""
    out = []
    for t in terms:
        if t.en:
            spaced = spacings.get(_letters(t.en), t.en)
            if _separators(spaced) > _separators(t.en):
                t = dataclasses.replace(t, en=_respace(t.en, spaced))
            if _GLUED.search(t.en or ""):
                continue
        out.append(t)
    return out


def _conflicts(terms: Iterable[GlossaryTerm]) -> dict[str, tuple[str, set[str]]]:
    """Abbreviation -> what its pairs disagree on and the differing forms: ``"terms"`` when it stands for
    different English terms (folded as in :func:`_key`; the Chinese forms listed with them), ``"translations"``
    when the English agrees and only the Chinese differs (the corpus translates one term in several ways)."""
    by_abbr: dict[str, dict[str, str]] = defaultdict(dict)
    zh_by_abbr: dict[str, dict[str, str]] = defaultdict(dict)
    for t in terms:
        if t.abbr and t.en:
            by_abbr[t.abbr].setdefault(_fold_en(t.en), t.en)
        if t.abbr and t.zh:
            zh_by_abbr[t.abbr].setdefault(_fold_printed(t.zh), t.zh)
    out: dict[str, tuple[str, set[str]]] = {}
    for abbr in set(by_abbr) | set(zh_by_abbr):
        ens, zhs = set(by_abbr[abbr].values()), set(zh_by_abbr[abbr].values())
        if len(ens) > 1:
            out[abbr] = ("terms", ens | zhs)
        elif len(zhs) > 1:
            out[abbr] = ("translations", zhs)
    return out


CONFLICT_MESSAGES = {
    "terms": "abbreviation {abbr} stands for different terms in the corpus",
    "translations": "abbreviation {abbr}{en} is translated in different ways in the corpus",
}
"""The glossary warning for each kind of disagreement :func:`_conflicts` finds."""


def apply(entries: list[Entry], texts: Mapping[str, str | bytes] | None = None) -> list[Entry]:
    """The corpus step: keyword pairs, English sides spaced again and in lower case where only a sentence
    capitalised them (:func:`~evdigest.enrich.glossary_case.recased`), abbreviation alignment, boundary
    re-trim, dedup and warnings.

    ``entries`` carry what :func:`harvest` found in their source (``glossary``).
    ``texts`` (source path -> text, or its UTF-8 bytes), when given, lets keyword pairs point at
    their line. Returns new entries; the input is not changed.
    """
    texts = texts or {}
    staged = [list(e.glossary) + _keyword_pairs(e, texts.get(e.source)) for e in entries]
    spacings = _spacings(t for terms in staged for t in terms)
    staged = [recased(_unglue(terms, spacings), e) for terms, e in zip(staged, entries, strict=True)]
    pool = [t for terms in staged for t in terms]
    corpus = _abbreviation_table(sorted(pool, key=_pool_order))
    staged = [_align(terms, pool, corpus) for terms in staged]
    known = frozenset(t.zh for terms in staged for t in terms if t.zh) | frozenset(
        d.term for e in entries for d in e.definitions if _CJK.search(d.term)
    )
    final = [_dedupe(_retrim(t, known) for t in terms) for terms in staged]
    conflicts = _conflicts(t for terms in final for t in terms)
    english: dict[str, str] = {}  # each abbreviation's first English side, named where only translations differ
    for t in (t for terms in final for t in terms if t.abbr in conflicts and t.en):
        english.setdefault(t.abbr, t.en)
    out = []
    for entry, terms in zip(entries, final, strict=True):
        warnings = list(entry.warnings)
        for abbr in sorted({t.abbr for t in terms if t.abbr and t.abbr in conflicts}):
            line = next((t.line for t in terms if t.abbr == abbr), None)
            kind, forms = conflicts[abbr]
            en = f" ({english[abbr]})" if kind == "translations" and abbr in english else ""
            message = CONFLICT_MESSAGES[kind].format(abbr=abbr, en=en)
            warning = Warning("glossary", message, tuple(sorted(forms)), line)
            if warning not in warnings:
                warnings.append(warning)
        out.append(dataclasses.replace(entry, glossary=tuple(terms), warnings=tuple(warnings)))
    return out


def corpus_glossary(entries: Iterable[Entry]) -> tuple[GlossaryTerm, ...]:
    """One row per distinct pair across the corpus (first occurrence by slug), sorted by English then Chinese.

    A pair that another entry's fuller pair covers is no row of its own (the keyword ``纳米颗粒跟踪分析``
    beside ``纳米颗粒跟踪分析 (NTA)``), as within an entry (see :func:`_dedupe`).
    """
    terms = [term for entry in sorted(entries, key=lambda e: e.slug) for term in entry.glossary]
    rows = _dedupe(terms)
    return tuple(sorted(rows, key=lambda t: (_fold_en(t.en) or "~", t.zh or "", t.abbr or "")))
