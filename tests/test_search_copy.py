"""The copies of pages Pagefind indexes: an English page's Chinese characters set apart as words."""

from __future__ import annotations

from pathlib import Path

from evdigest.render.search import write_index_copies
from evdigest.render.search_copy import index_copy, segmented_by_pagefind

EN = '<!doctype html><html lang="en"><body><p>Hubei, China 华中科技大学，临床</p></body></html>'
ZH = '<!doctype html><html lang="zh-Hans"><body><p>华中科技大学</p></body></html>'


def test_an_english_page_has_its_chinese_characters_spaced():
    copy = index_copy(EN.encode("utf-8"))
    assert copy is not None
    assert "<p>Hubei, China  华 中 科 技 大 学 ， 临 床</p>" in copy.decode("utf-8")


def test_a_chinese_run_meeting_a_tag_gets_no_space_there():
    """Pagefind sets blocks apart only where their text does not end in a space: a table cell or list item
    ending on a Chinese character ends on it in the copy too."""
    page = '<html lang="en"><body><table><tr><td>外泌体</td><td>生物学功能</td></tr></table></body></html>'
    copy = index_copy(page.encode("utf-8"))
    assert copy is not None
    assert "<td>外 泌 体</td><td>生 物 学 功 能</td>" in copy.decode("utf-8")


def test_pages_pagefind_segments_or_without_chinese_are_indexed_as_they_are():
    assert segmented_by_pagefind(ZH.encode("utf-8"))
    assert segmented_by_pagefind(b'<html class="x" lang="zh-Hant">')
    assert not segmented_by_pagefind(EN.encode("utf-8"))
    assert index_copy(ZH.encode("utf-8")) is None
    assert index_copy(b'<html lang="en"><p>exosomes</p></html>') is None


def test_copies_are_written_beside_the_pages_as_they_are(tmp_path: Path):
    site, copies = tmp_path / "site", tmp_path / "copies"
    for rel, text in (("en/a/index.html", EN), ("zh-hans/a/index.html", ZH)):
        (site / rel).parent.mkdir(parents=True)
        (site / rel).write_text(text, encoding="utf-8")
    write_index_copies(site, ["en/a/index.html", "zh-hans/a/index.html"], copies)
    assert (copies / "zh-hans/a/index.html").read_text(encoding="utf-8") == ZH
    assert " 临 床</p>" in (copies / "en/a/index.html").read_text(encoding="utf-8")
    assert (site / "en/a/index.html").read_text(encoding="utf-8") == EN  # the page itself is left alone
