"""Work over a list shared out among forked processes (:mod:`evdigest.build.split`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evdigest.build.split import Split, cut
from evdigest.refs import format_cache


@given(st.lists(st.integers(), max_size=40), st.integers(min_value=1, max_value=8))
def test_cut_keeps_every_item_in_order_in_even_parts(items: list[int], parts: int) -> None:
    found = cut(items, parts)
    assert [x for part in found for x in part] == items
    assert len(found) == min(parts, len(items))
    assert all(found) and (not found or max(map(len, found)) - min(map(len, found)) <= 1)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_order_from_every_process(jobs: int) -> None:
    items = list(range(11))
    found = Split(jobs, None)(lambda part: [(x * x, os.getpid()) for x in part], items, "squares")
    assert [value for value, _ in found] == [x * x for x in items]
    pids = {pid for _, pid in found}
    assert len(pids) == jobs and os.getpid() in pids  # the first part is done here, the others forked


def test_an_empty_list_forks_nothing() -> None:
    assert Split(2, None)(lambda part: [os.getpid()], [], "nothing") == []


def test_an_error_in_a_forked_part_is_raised_here() -> None:
    def work(part):
        if 5 in part:
            raise ValueError("no such reference: 5")
        return list(part)

    with pytest.raises(ValueError, match="no such reference: 5"):
        Split(2, None)(work, list(range(6)), "references")


def test_what_a_forked_part_formatted_is_kept_for_the_next_build(tmp_path: Path) -> None:
    store = format_cache.open_store(tmp_path / "refs")
    try:

        def work(part):
            for x in part:
                format_cache.active_store().put("style", f"item {x}", (f"text {x}", f"<i>{x}</i>"))
            return list(part)

        assert Split(2, None)(work, [1, 2, 3, 4], "references") == [1, 2, 3, 4]
        assert [store.get("style", f"item {x}") for x in (1, 2, 3, 4)] == [
            (f"text {x}", f"<i>{x}</i>") for x in (1, 2, 3, 4)
        ]
        store.save()
        assert format_cache.FormatStore(tmp_path / "refs").get("style", "item 4") == ("text 4", "<i>4</i>")
    finally:
        format_cache.close_store()
