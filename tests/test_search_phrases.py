"""The Traditional edition's Taiwan phrases, which its search applies to a query converted by character."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.enrich.hant import HantConverter
from evdigest.enrich.taiwan_phrases import phrase_pairs, taiwan_phrases

CONTENT = Path(__file__).resolve().parents[1] / "content"

needs_dictionary = pytest.mark.skipif(not taiwan_phrases(), reason="OpenCC's Taiwan phrase dictionary is not readable")


@needs_dictionary
def test_words_the_pages_write_as_taiwan_phrases_are_listed_as_the_character_map_writes_them():
    conv = HantConverter(CONTENT / "phrases.tsv", CONTENT)
    pairs = phrase_pairs(conv)
    assert pairs["納米"] == "奈米" and pairs["數據"] == "資料" and pairs["信息"] == "資訊"
    assert pairs["信息傳遞"] == "訊息傳遞"  # the digest's dictionary, longer than 信息
    assert "類型" not in pairs and "循環" not in pairs  # the dictionary keeps them as OpenCC's s2tw writes them
    assert conv.report() == []  # listing them records nothing for the conversion report


def test_the_digests_own_phrases_are_listed_without_opencc_dictionary(monkeypatch, tmp_path):
    """Without the Taiwan dictionary (no ``opencc_dict`` tool), the digest's dictionary still counts."""
    monkeypatch.setattr("evdigest.enrich.taiwan_phrases.taiwan_phrases", lambda: ())
    (tmp_path / "phrases.tsv").write_text("信息传递\t訊息傳遞\n", encoding="utf-8")
    assert phrase_pairs(HantConverter(tmp_path / "phrases.tsv", tmp_path)) == {"信息傳遞": "訊息傳遞"}
