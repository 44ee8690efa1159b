"""Fixed words the PDFs print, per edition."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "abstract_en": "Abstract",
        "abstract_zh": "Abstract (Chinese)",
        "keywords": "Keywords",
        "references": "References",
        "tables": "Tables",
        "figures": "Figures",
        "contents": "Contents",
        "reference_index": "Reference index",
        "glossary": "Glossary",
        "continued": "{section} (continued)",
        "cited_by": "cited by",
        "entries": "entries",
        "issue": "Issue",
        "page_of": "Page {page} of {pages}",
        "scan": "Scan for the online version",
        "term_zh": "Chinese",
        "term_en": "English",
        "term_abbr": "Abbr.",
    },
    "zh-hans": {
        "abstract_en": "英文摘要",
        "abstract_zh": "摘要",
        "keywords": "关键词",
        "references": "参考文献",
        "tables": "表格",
        "figures": "图",
        "contents": "目录",
        "reference_index": "参考文献索引",
        "glossary": "术语表",
        "continued": "{section}（续）",
        "cited_by": "引用于",
        "entries": "篇综述",
        "issue": "出版日期",
        "page_of": "第 {page} 页，共 {pages} 页",
        "scan": "扫码阅读在线版",
        "term_zh": "中文",
        "term_en": "英文",
        "term_abbr": "缩写",
    },
    "zh-hant": {
        "abstract_en": "英文摘要",
        "abstract_zh": "摘要",
        "keywords": "關鍵詞",
        "references": "參考文獻",
        "tables": "表格",
        "figures": "圖",
        "contents": "目錄",
        "reference_index": "參考文獻索引",
        "glossary": "術語表",
        "continued": "{section}（續）",
        "cited_by": "引用於",
        "entries": "篇綜述",
        "issue": "出版日期",
        "page_of": "第 {page} 頁，共 {pages} 頁",
        "scan": "掃碼閱讀線上版",
        "term_zh": "中文",
        "term_en": "英文",
        "term_abbr": "縮寫",
    },
}

DOC_LANG = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
"""The ``lang`` attribute of each edition's documents."""

ZH_LANG = {"en": "zh-Hans", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
"""The ``lang`` of Chinese text in each edition (the English edition prints the source's Simplified text)."""


SITE_MESSAGES = {"commentary": "entry_commentary"}
"""Printed words that are the site's own (from its message catalog), so that both always say the same."""


def labels(edition: str) -> dict[str, str]:
    """Return the printed words of ``edition`` (``KeyError`` for an unknown edition)."""
    words = dict(LABELS[edition])
    if edition not in _SITE_WORDS:
        from .i18n import Messages

        msg = Messages(edition)
        _SITE_WORDS[edition] = {word: msg(key) for word, key in SITE_MESSAGES.items()}
    words.update(_SITE_WORDS[edition])
    return words


_SITE_WORDS: dict[str, dict[str, str]] = {}
