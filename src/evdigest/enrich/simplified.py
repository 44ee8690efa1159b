"""Sources printed in Traditional Chinese, read in Simplified like every other source.

The entries' Chinese text is Simplified: the zh-hans edition shows it as it is and the
zh-hant edition converts it (:mod:`evdigest.enrich.hant`). A source printed in
Traditional script (a paper from Taiwan or Hong Kong) is converted to Simplified before
it is parsed, character by character with OpenCC's common phrases (``t2s``: 關鍵詞 →
关键词), so that the parsers meet the labels they know and every Chinese field comes out
Simplified. Words are not swapped for the mainland's (程式, 智慧 and 記憶體 stay 程式, 智慧
and 记忆体: they may be names or terms), but for the headings of PubMed pages printed in
Taiwan (作者資訊 is 作者信息). Latin text and line numbers are left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .hant import _opencc, script_map

# Fewest Traditional-only characters that make a text Traditional, and how many times the Simplified-only
# ones they must outnumber (a few characters, such as 乾/干 or 著, sit in the other script's map now and then).
MIN_TRADITIONAL = 3
RATIO = 4


# How much of a text is looked at: its front matter tells its script
LOOK = 4000
# Common characters only Traditional text writes: a text holding fewer than MIN_TRADITIONAL of them is
# Simplified (or not Chinese), found without loading OpenCC's tables
COMMON_TRADITIONAL = re.compile(
    "[與這個們學國體為發會來對動說時過關開實現間細裡應經點問題種質變資訊機構網際後從無結論義獻內護醫療藥臨診斷腫環當]"
)


@lru_cache(maxsize=1)
def _scripts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A character only Traditional text writes, and one only Simplified text writes."""
    traditional, simplified = script_map("zh-hans")[0], script_map("zh-hant")[0]
    return re.compile(f"[{re.escape(traditional)}]"), re.compile(f"[{re.escape(simplified)}]")


def is_traditional(text: str) -> bool:
    """Whether a text's Chinese is written in Traditional characters (its first ``LOOK`` characters)."""
    head = text[:LOOK]
    if len(COMMON_TRADITIONAL.findall(head)) < MIN_TRADITIONAL:
        return False
    traditional, simplified = _scripts()
    t = len(traditional.findall(head))
    return t >= MIN_TRADITIONAL and t > RATIO * len(simplified.findall(head))


# Headings of a PubMed page printed in Taiwan, as their Simplified pages print them
HEADINGS = {"作者资讯": "作者信息", "机构资讯": "机构信息", "出版资讯": "出版信息"}
# A heading of HEADINGS at the start of a line: "作者资讯", "出版资讯：…"
HEADING_RE = re.compile(r"^\s*(?:" + "|".join(HEADINGS) + ")")


def to_simplified(text: str) -> str:
    """``text`` with its Chinese in Simplified characters, line by line (lines keep their numbers)."""
    converter = _opencc("t2s")
    lines = (converter.convert(line) for line in text.split("\n"))
    return "\n".join(HEADING_RE.sub(lambda m: HEADINGS[m.group().strip()], line) for line in lines)
