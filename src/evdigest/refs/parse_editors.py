"""Editor statements of references: the label that makes a list of names a book's editors.

GB/T 7714 prints the editors of a book, or of the book a chapter is in (after ``//``), as a names sentence with
主编 or 编 after the names: ``张三, 李四, 主编. 书名``, ``张三, 李四主编.``, ``王五, 等主编.``, ``赵六 编.``.
Read as names, the label would be one more (``主编`` as family 主, given 编), or part of the last (``李四主编``);
it is taken out first, and the names before it are the editors. The authors' labels, 编著 and 编译 (``张三, 李四,
编著.``), are taken out too.

An editor list may be cut short as an author list is (``王五, 等主编.``, ``In: Jones K, et al., editors.``, ``edited by
J. Smith et al.``): :func:`put_editors` keeps that with the item while it is read, and :func:`take_editors_et_al`
takes it out for the reference's ``editors_et_al`` flag, as ``et_al`` is the authors'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from evdigest.refs.parse_names import parse_author_tokens

# "张三, 李四, 主编. ", "张三, 李四主编. ", "王五, 等主编. ", "赵六 编. ", "钱七等编, ": names, then 主编 (总主编) or 编
# (合编) ending their sentence, not a glued 编 that makes a word with the character before it (汇编, 选编, 改编, 新编,
# 续编, 类编); "张三, 李四, 编著. ", "张三编译. ": the label of the authors (编著, written and compiled; 编译, compiled
# and translated)
_CJK_LABEL = re.compile(
    r"^(?P<names>[^.;:\[\]()/]{1,200}?)(?:\s*[,，]\s*|\s+|(?<=[\u3400-\u9fff])(?<![汇选改新续类]))"
    r"(?:(?P<authors>编[著译])|(?:总?主|合)?编(?![写选辑]))\s*(?:[.,;，。]\s*|$)"
)
# ", " or "; " between the names of a list
_SEPARATOR = re.compile(r"\s*[,;，]\s*")
# The key an item carries while it is read when its editor list was cut short: no CSL variable, taken out before the
# item is returned (:func:`take_editors_et_al`)
_CUT_SHORT = "_editors_et_al"


def take_editor_label(text: str) -> tuple[str, bool]:
    """``张三, 李四, 主编. 书名`` -> ``("张三, 李四. 书名", True)``: the text with a GB/T 7714 label taken from after
    the names that open it, and whether it named them editors (``张三, 李四, 编著.``: the authors, ``False``); the text
    as it is, and ``False``, when there is none or what precedes it does not read as names."""
    match = _CJK_LABEL.match(text)
    if not match:
        return text, False
    names = match.group("names").strip(" ,，")
    tokens = [token for token in _SEPARATOR.split(names) if token.strip()]
    if not tokens or parse_author_tokens(tokens) is None:
        return text, False
    rest = text[match.end() :].strip()
    editors = not match.group("authors")
    return (f"{names}. {rest}" if rest else f"{names}."), editors


def put_editors(item: dict[str, Any], names: Iterable[dict[str, str]], et_al: bool) -> None:
    """Set ``item``'s editors; ``et_al``: the printed list ends in "et al." / 等 (the names are the first of more)."""
    item["editor"] = list(names)
    if et_al:
        item[_CUT_SHORT] = True
    else:
        item.pop(_CUT_SHORT, None)


def take_editors_et_al(item: dict[str, Any]) -> bool:
    """Whether ``item``'s editor list was cut short (:func:`put_editors`), the mark taken out of the item."""
    return bool(item.pop(_CUT_SHORT, False))
