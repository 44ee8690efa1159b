"""The store of laid-out PDF parts: found by key from one listing of the folder, and by another
store's later writes."""

from __future__ import annotations

from pathlib import Path

from evdigest.render.pdf_parts import Part, PartStore


def test_parts_are_found_by_key_and_after_another_store_wrote_them(tmp_path: Path, monkeypatch) -> None:
    first, second = PartStore(), PartStore()
    stored = first.put(tmp_path, "en", "aaa", Part(b"%PDF-a", 2, {"titles": [["en", "A"]]}))
    assert isinstance(stored.content, Path) and stored.data == b"%PDF-a" and stored.info == {"titles": [["en", "A"]]}
    hit = second.get(tmp_path, "en", "aaa")
    assert hit is not None and hit.pages == 2 and hit.data == b"%PDF-a" and hit.info == {"titles": [["en", "A"]]}
    assert second.get(tmp_path, "en", "bbb") is None
    first.put(tmp_path, "en", "bbb", Part(b"%PDF-b", 5))  # after ``second`` listed the folder
    found = second.get(tmp_path, "en", "bbb")
    assert found is not None and found.pages == 5 and found.data == b"%PDF-b"
    globs: list[str] = []
    original = Path.glob

    def counting(self, pattern):
        globs.append(pattern)
        return original(self, pattern)

    monkeypatch.setattr(Path, "glob", counting)
    third = PartStore()
    for _ in range(3):
        assert third.get(tmp_path, "en", "aaa") is not None and third.get(tmp_path, "en", "bbb") is not None
    assert globs == []  # one listing of the folder, no search per part
    assert third.get(tmp_path, "zh-hans", "aaa") is None


def test_pruning_keeps_the_parts_used_and_forgets_the_listing(tmp_path: Path) -> None:
    writer = PartStore()
    writer.put(tmp_path, "en", "old", Part(b"%PDF-old", 1))
    writer.put(tmp_path, "en", "new", Part(b"%PDF-new", 1))
    reader = PartStore()
    assert reader.get(tmp_path, "en", "new") is not None
    assert reader.prune(tmp_path, "en") == 1
    assert reader.get(tmp_path, "en", "old") is None and reader.get(tmp_path, "en", "new") is not None
