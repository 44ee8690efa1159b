"""The words the Traditional edition writes as Taiwan phrases, for the search box: 纳米 is 奈米 there, 数据 資料.

A search converts what a reader types into the edition's script character by character
(:func:`~evdigest.enrich.hant.script_map`), but the pages were converted with OpenCC's ``s2twp``, whose
Taiwan phrases swap whole words (納米 -> 奈米, 信息 -> 資訊), and with the digest's phrase dictionary
(信息传递 -> 訊息傳遞). A query converted by character finds none of them. :func:`phrase_pairs` lists,
for every phrase OpenCC's Taiwan phrase dictionary or the digest's dictionary holds, what the
character map makes of it and what the pages show instead; ``assets/site.js`` applies them, longest
first, to the query the character map made.
"""

from __future__ import annotations

import functools
import importlib.util
import subprocess
import tempfile
from pathlib import Path

from .hant import HantConverter, _opencc, script_map

# OpenCC's dictionary of Taiwan phrases (Traditional -> Taiwan), the one s2twp applies after s2t.
TAIWAN_DICTIONARY = "TWPhrases.ocd2"


def _opencc_files() -> Path | None:
    """The installed opencc package's own folder of the C library (its tools and dictionaries), if any."""
    spec = importlib.util.find_spec("opencc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        clib = Path(folder) / "clib"
        if clib.is_dir():
            return clib
    return None


@functools.cache
def taiwan_phrases() -> tuple[str, ...]:
    """The Traditional phrases of OpenCC's Taiwan phrase dictionary (its keys), read with the ``opencc_dict``
    tool the opencc package ships (the dictionary is a compiled trie); none when either is missing."""
    clib = _opencc_files()
    tool = clib / "bin" / "opencc_dict" if clib else None
    source = clib / "share" / "opencc" / TAIWAN_DICTIONARY if clib else None
    if tool is None or source is None or not tool.is_file() or not source.is_file():
        return ()
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "phrases.txt"
        command = [str(tool), "-i", str(source), "-o", str(text), "-f", "ocd2", "-t", "text"]
        done = subprocess.run(command, capture_output=True, check=False)
        if done.returncode != 0 or not text.is_file():
            return ()
        lines = text.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({line.split("\t", 1)[0] for line in lines if "\t" in line}))


def phrase_pairs(conv: HantConverter) -> dict[str, str]:
    """Each phrase as the character map writes it (``zh-hant``), with what the edition's pages show for it
    when that differs: 納米 -> 奈米, 數據 -> 資料, 信息傳遞 -> 訊息傳遞. The phrases are those of OpenCC's
    Taiwan dictionary (in Simplified, as the pages' sources write them) and of the digest's dictionary;
    what the pages show is the converter's free-text conversion (dictionary, then ``s2twp``)."""
    found, made = script_map("zh-hant")
    by_character = dict(zip(found, made, strict=True))
    to_simplified = _opencc("t2s")
    simplified = {to_simplified.convert(phrase) for phrase in taiwan_phrases()} | set(conv.phrases)
    pairs: dict[str, str] = {}
    for phrase in sorted(simplified):
        typed = "".join(by_character.get(ch, ch) for ch in phrase)
        shown = conv.free_text(phrase)
        if len(typed) > 1 and shown != typed:
            pairs[typed] = shown
    return dict(sorted(pairs.items()))
