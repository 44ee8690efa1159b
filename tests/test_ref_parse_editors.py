"""Editors of a reference: of the book a chapter is in and of an edited book, as Vancouver, APA, GB/T 7714 and
Chicago print them."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference

ZHANG_LI = [{"family": "张", "given": "三"}, {"family": "李", "given": "四"}]


@pytest.mark.parametrize(
    ("raw", "editors"),
    [
        ("王五. 外泌体的生物学[M]//张三, 李四. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四, 主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四, 编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五．外泌体的生物学［M］//张三，李四，主编．细胞生物学．北京：科学出版社，2015：12-30．", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三等编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI[:1]),
        ("王五. 外泌体的生物学[M]//张三, 等主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI[:1]),
        (
            "王五. 外泌体的生物学[M]//欧阳娜娜, 总主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.",
            [{"family": "欧阳", "given": "娜娜"}],
        ),
    ],
)
def test_gbt_chapter_editors_after_the_double_slash_with_or_without_their_label(raw: str, editors: list) -> None:
    """``[M]//张三, 李四. 书名.``: the host's names are its editors, the label 主编 / 编 after them (glued, after a
    comma, after 等) no name of theirs."""
    item = parse_reference(raw).item
    assert item["editor"] == editors
    assert item["author"] == [{"family": "王", "given": "五"}]
    assert (item["type"], item["title"], item["container-title"]) == ("chapter", "外泌体的生物学", "细胞生物学")
    assert (item["publisher-place"], item["publisher"], item["page"]) == ("北京", "科学出版社", "12-30")


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("张三, 李四, 主编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四主编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四, 编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四, 编著. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四编著. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四, 编译. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
    ],
)
def test_gbt_book_editors_are_named_by_their_label(raw: str, role: str) -> None:
    """A book's names labelled 主编 or 编 are its editors; 编著 (written and compiled) and 编译 (compiled and
    translated) name its authors; neither label is a name."""
    item = parse_reference(raw).item
    assert item[role] == ZHANG_LI
    assert ("editor" if role == "author" else "author") not in item
    assert (item["type"], item["title"], item["publisher"]) == ("book", "细胞生物学", "科学出版社")


def test_a_word_ending_in_bian_is_no_editors_label() -> None:
    """汇编 (a compilation) is a word of the title, and an organisation author stays the author."""
    item = parse_reference("中华医学会. 临床诊疗指南汇编[M]. 北京: 人民卫生出版社, 2015.").item
    assert item["author"] == [{"literal": "中华医学会"}] and "editor" not in item
    assert item["title"] == "临床诊疗指南汇编"
