"""Real paths of source files: the same as ``Path.resolve`` gives, folders resolved once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evdigest.paths import real_path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content folder with a linked folder, a linked file and a link to a link."""
    (tmp_path / "real" / "sources").mkdir(parents=True)
    (tmp_path / "real" / "sources" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("b", encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "content")
    os.symlink(tmp_path / "elsewhere" / "b.txt", tmp_path / "real" / "sources" / "b.txt")
    os.symlink("b.txt", tmp_path / "real" / "sources" / "c.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "path",
    [
        "content/sources/a.txt",
        "content/sources/b.txt",
        "content/sources/c.txt",
        "content/sources/missing.txt",
        "content/sources/../sources/a.txt",
        "content",
        "real/sources/a.txt",
    ],
)
def test_real_paths_are_those_resolve_gives(tree: Path, path: str) -> None:
    folders: dict[str, str] = {}
    for _ in range(2):  # the second time from the folders already resolved
        assert real_path(path, folders) == str(Path(path).resolve())
        assert real_path(tree / path, folders) == str((tree / path).resolve())
    assert real_path(path) == str(Path(path).resolve())


def test_each_folder_is_resolved_once(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resolved: list[str] = []
    realpath = os.path.realpath

    def counting(path, *args, **kwargs):
        resolved.append(path)
        return realpath(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", counting)
    folders: dict[str, str] = {}
    names = [real_path(tree / "content" / "sources" / name, folders) for name in ("a.txt", "x.txt", "y.txt")]
    assert len(resolved) == 1 and names[0] == str(tree / "real" / "sources" / "a.txt")
