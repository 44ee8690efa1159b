"""Printed keyword lists read by their label's language."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evdigest.model import Keywords
from evdigest.sources.keywords import label_language, merge_keywords, read_keywords, split_keywords


def test_labels_name_their_language() -> None:
    assert [label_language(label) for label in ("关键词", "关键字", "Keywords", "Key words")] == [
        "zh",
        "zh",
        "en",
        "en",
    ]


def test_a_chinese_list_is_chinese_whole() -> None:
    assert read_keywords("外泌体；PD-L1；miR-21；免疫逃逸。", "zh") == Keywords(
        zh=("外泌体", "PD-L1", "miR-21", "免疫逃逸")
    )


def test_an_english_list_sends_only_chinese_script_words_to_chinese() -> None:
    assert read_keywords("exosomes, PD-L1, 外泌体", "en") == Keywords(en=("exosomes", "PD-L1"), zh=("外泌体",))


def test_a_list_without_chinese_words_is_english() -> None:
    assert read_keywords("exosomes; stem cells", "zh") == Keywords(en=("exosomes", "stem cells"))


def test_duplicates_are_dropped_first_spelling_kept() -> None:
    merged = merge_keywords(
        read_keywords("Exosomes; PD-L1; exosomes", "en"), read_keywords("pd-l1；外泌体；外泌体", "zh")
    )
    assert merged == Keywords(en=("Exosomes", "PD-L1"), zh=("pd-l1", "外泌体"))


_WORD = st.text(st.sampled_from("abPD-L1外泌体"), min_size=1, max_size=8).filter(lambda w: w.strip(".-"))


@given(st.lists(_WORD, max_size=6), st.sampled_from(["en", "zh"]))
def test_every_listed_word_is_kept_once(words: list[str], lang: str) -> None:
    read = read_keywords("；".join(words), lang)  # type: ignore[arg-type]
    listed = split_keywords("；".join(words))
    assert {w.casefold() for w in read.en + read.zh} == {w.casefold() for w in listed}
    for kept in (read.en, read.zh):
        assert len({w.casefold() for w in kept}) == len(kept)


def test_a_chinese_list_printed_with_spaces_only_is_split_at_them() -> None:
    assert read_keywords("外泌体 肝纤维化 肝星状细胞", "zh") == Keywords(zh=("外泌体", "肝纤维化", "肝星状细胞"))
    assert read_keywords("外泌体 肝纤维化；肝星状细胞", "zh") == Keywords(zh=("外泌体 肝纤维化", "肝星状细胞"))
    assert read_keywords("liver fibrosis", "en") == Keywords(en=("liver fibrosis",))
