"""The build cache: content-addressed blobs, staged until commit; the index and file hashing."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest import __version__
from evdigest.build.cache import (
    INDEX_NAME,
    BlobStore,
    FileHasher,
    KeyedMemo,
    PlacedLines,
    dump_index,
    empty_index,
    hash_json,
    load_index,
    referenced_blobs,
    sha256_bytes,
)
from evdigest.model import json_lines_array


@pytest.mark.parametrize("listed", [False, True])
def test_blobs_are_staged_until_commit(tmp_path: Path, listed: bool) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging", listed=listed)
    sha = store.put(b"hello")
    assert sha == sha256_bytes(b"hello")
    assert store.path(sha).parent == tmp_path / "staging"
    assert not (tmp_path / "blobs").exists()
    assert store.commit() == 1
    assert store.path(sha) == tmp_path / "blobs" / sha[:2] / sha
    assert store.read(sha) == b"hello"
    assert store.put(b"hello") == sha and not any((tmp_path / "staging").iterdir())


@pytest.mark.parametrize("listed", [False, True])
def test_adopt_moves_a_file_in(tmp_path: Path, listed: bool) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging", listed=listed)
    made = tmp_path / "made.bin"
    made.write_bytes(b"pagefind")
    sha = store.adopt(made)
    assert not made.exists() and store.read(sha) == b"pagefind"


@pytest.mark.parametrize("listed", [False, True])
def test_gc_keeps_only_referenced_blobs(tmp_path: Path, listed: bool) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging", listed=listed)
    keep, drop = store.put(b"keep"), store.put(b"drop")
    store.commit()
    assert store.gc({keep}) == 1
    assert store.has(keep) and not store.has(drop)


def test_a_listed_store_knows_the_blobs_committed_before_it_and_by_it(tmp_path: Path) -> None:
    earlier = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    old, gone = earlier.put(b"old"), earlier.put(b"gone")
    earlier.commit()
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging", listed=True)
    assert store.has(old) and store.read(old) == b"old"
    assert not store.has(sha256_bytes(b"new"))
    new = store.put(b"new")
    assert store.path(new).parent == tmp_path / "staging"
    store.commit()
    assert store.path(new) == tmp_path / "blobs" / new[:2] / new
    assert store.gc({old, new}) == 1
    assert not store.has(gone) and store.has(old) and store.has(new)
    (tmp_path / "blobs" / old[:2] / old).unlink()  # behind its back: a listed store still counts it
    assert store.has(old)
    assert not BlobStore(tmp_path / "blobs", tmp_path / "staging", listed=True).has(old)


def test_file_hasher_reuses_hashes_of_unchanged_files(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one")
    first = FileHasher()
    digest = first(path)
    assert digest == sha256_bytes(b"one")
    # A record with the same size, mtime and inode is trusted without reading the file.
    record = {str(path): [*first.seen[str(path)][:3], "recorded"]}
    assert FileHasher(record)(path) == "recorded"
    path.write_text("two!")
    assert FileHasher(record)(path) == sha256_bytes(b"two!")


def test_tree_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    assert list(FileHasher().tree(tmp_path)) == ["a/x.txt"]
    assert FileHasher().tree(tmp_path / "missing") == {}


def test_index_round_trip_and_version_check(tmp_path: Path) -> None:
    index = empty_index()
    index["fingerprint"] = "abc"
    index["renders"] = {"html": {"s0": {"key": "k", "files": {"en/s0.html": "0" * 64}}}}
    dump_index(index, tmp_path / INDEX_NAME)
    assert load_index(tmp_path) == index and "cleared" not in load_index(tmp_path)
    published = {"renders": index["renders"], "aggregates": index["aggregates"]}
    assert load_index(tmp_path, force=True) == {**empty_index(), "cleared": "--force", "published_outputs": published}
    index["version"] = __version__ + ".other"
    dump_index(index, tmp_path / INDEX_NAME)
    changed = "the program changed since the last build"
    assert load_index(tmp_path) == {**empty_index(), "cleared": changed, "published_outputs": published}
    for damaged in (b"{not a pickle", b"", pickle.dumps(index)[:100]):
        (tmp_path / INDEX_NAME).write_bytes(damaged)
        assert load_index(tmp_path) == {**empty_index(), "cleared": "the build cache could not be read"}
    (tmp_path / INDEX_NAME).write_bytes(pickle.dumps(["not", "a", "dict"]))
    assert load_index(tmp_path)["fingerprint"] is None and load_index(tmp_path)["cleared"]
    (tmp_path / INDEX_NAME).unlink()
    assert load_index(tmp_path) == empty_index()  # no cache yet: a first build, nothing set aside


def test_referenced_blobs_cover_every_record() -> None:
    index = empty_index()
    index["manifest"] = {"a.html": "m"}
    index["parsed"] = {
        "sources/s.txt": {"sha": "x", "blob": "e", "extra": "x"},
        "sources/t.txt": {"sha": "y", "blob": "f"},
    }
    index["ingest"] = {"key": "k", "shared": "s"}
    index["digest"] = {"blob": "d", "entries": ["i", "j"], "memo": "o"}
    index["renders"] = {"html": {"s": {"files": {"x": "r"}}}}
    index["aggregates"] = {"html": {"files": {"y": "g"}}}
    assert referenced_blobs(index) == {"m", "e", "x", "f", "i", "j", "s", "d", "o", "r", "g"}


def test_hash_json_is_order_independent() -> None:
    assert hash_json({"a": 1, "b": [1, 2]}) == hash_json({"b": [1, 2], "a": 1})
    assert hash_json({"a": 1}) != hash_json({"a": 2})


def test_blob_files_are_readable_by_everyone(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    sha = store.put(b"page")
    assert os.stat(store.path(sha)).st_mode & 0o444 == 0o444


def test_keyed_memo_keeps_what_the_build_used_and_replaces_its_file(tmp_path: Path) -> None:
    path = tmp_path / "memo.pickle"
    memo = KeyedMemo(path)
    assert memo.get("a", "k1") is None
    memo.put("a", "k1", "A1")
    memo.put("b", "k1", "B1")
    memo.save()
    linked = tmp_path / "linked.pickle"
    os.link(path, linked)  # the cache folder is a hard-linked copy: the old file must stay as it was
    before = linked.read_bytes()
    memo = KeyedMemo(path)
    assert memo.get("a", "k1") == "A1" and memo.get("b", "k2") is None
    memo.save()
    assert linked.read_bytes() == before
    assert KeyedMemo(path).get("b", "k1") is None  # not used by the last build: dropped
    path.write_bytes(b"not a pickle")
    assert KeyedMemo(path).get("a", "k1") is None
    packed = KeyedMemo(tmp_path / "packed.pickle", compress=True)
    packed.put("a", "k1", {"html": "<li>外泌体</li>" * 100})
    packed.save()
    assert KeyedMemo(tmp_path / "packed.pickle", compress=True).get("a", "k1") == {"html": "<li>外泌体</li>" * 100}
    assert (tmp_path / "packed.pickle").stat().st_size < 1000
    packed = KeyedMemo(tmp_path / "packed.pickle", compress=True)
    assert not packed.keep("a", "k2") and packed.keep("a", "k1")  # carried over, not unpacked
    inode = (tmp_path / "packed.pickle").stat().st_ino
    packed.save()
    assert (tmp_path / "packed.pickle").stat().st_ino == inode  # all used again, none added: not rewritten
    assert KeyedMemo(tmp_path / "packed.pickle", compress=True).get("a", "k1") == {"html": "<li>外泌体</li>" * 100}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from(["k1", "k2"]), st.text(max_size=30)), max_size=12),
    st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from(["get", "keep", "put"])), max_size=12),
)
def test_packed_memo_round_trips_what_it_carries_over_unread(tmp_path_factory, first, second) -> None:
    """A packed memo answers what the build before it used or stored, whether it was unpacked, carried
    over unread or put again, over several builds; the file of the build before is left as it was."""
    folder = tmp_path_factory.mktemp("packed")
    path = folder / "rows.pickle"
    memo, expected = KeyedMemo(path, compress=True), {}
    for slug, key, value in first:
        memo.put(slug, key, {"html": value * 3})
        expected[slug] = (key, {"html": value * 3})
    memo.save()
    os.link(path, folder / "linked")
    before = path.read_bytes()
    memo, kept = KeyedMemo(path, compress=True), {}
    for slug, action in second:
        if slug not in expected:
            continue
        key, value = kept.get(slug, expected[slug])  # what the memo holds now (this build's, if put)
        if action == "get":
            assert memo.get(slug, key) == value and memo.get(slug, "other") is None
        elif action == "keep":
            assert memo.keep(slug, key)
        else:
            value = {"html": f"new {slug}"}
            memo.put(slug, key, value)
        kept[slug] = (key, value)
    memo.save()
    assert (folder / "linked").read_bytes() == before
    again = KeyedMemo(path, compress=True)
    for slug, (key, _) in expected.items():
        assert again.get(slug, key) == (kept[slug][1] if slug in kept else None)
    again.save()


def test_a_damaged_packed_memo_answers_nothing(tmp_path: Path) -> None:
    path = tmp_path / "rows.pickle"
    memo = KeyedMemo(path, compress=True)
    memo.put("a", "k", "A" * 50)
    memo.put("b", "k", "B" * 50)
    memo.save()
    whole = path.read_bytes()
    for damaged in (whole[:-10], whole[:30], b"", whole.replace(b"packed-memo 1", b"packed-memo 9"), b"x" * 200):
        path.write_bytes(damaged)
        memo = KeyedMemo(path, compress=True)
        assert memo.get("a", "k") in (None, "A" * 50) and memo.get("b", "k") is None, damaged[:40]
        memo.save()
    pickle_path = tmp_path / "plain.pickle"  # the layout of an unpacked memo, as older builds wrote it
    pickle_path.write_bytes(pickle.dumps({"a": ("k", zlib.compress(pickle.dumps("A")))}))
    assert KeyedMemo(pickle_path, compress=True).get("a", "k") is None


def test_entries_json_holds_every_entry_one_per_line_with_or_without_the_memo(tmp_path: Path) -> None:
    from build_doubles import parse_fake

    from evdigest.build.renderers import entries_json, entries_json_chunks

    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    entries = []
    for i, refs in enumerate(["x, y", "", "z"]):
        (content / "sources" / f"s{i}.txt").write_text(f"title: Review {i} “引号”\nrefs: {refs}\n", "utf-8")
        entries.append(parse_fake(content / "sources" / f"s{i}.txt", content))
    plain = entries_json(entries)
    assert json.loads(plain) == [e.to_dict() for e in entries]
    assert len(plain.decode().splitlines()) == len(entries) + 2
    memo = KeyedMemo(tmp_path / "memo.pickle")
    keys = {e.slug: "k" for e in entries}
    assert entries_json(entries, memo, keys) == plain
    memo.save()
    assert entries_json(list(reversed(entries)), KeyedMemo(tmp_path / "memo.pickle"), keys) == plain
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    for changed in ({}, {}, {entries[1].slug: "changed"}):
        lines = PlacedLines(tmp_path / "memo.places", store.path)
        assert (
            stored_with(lines, entries_json_chunks(list(reversed(entries)), lines, {**keys, **changed}), store) == plain
        )
    assert entries_json([]) == b"[]\n"


def stored_with(lines: PlacedLines, chunks, store: BlobStore) -> bytes:
    """The file of ``chunks`` as a build stores it, with ``lines`` kept for the next build."""
    sha = store.put_chunks(lines.placed(chunks))
    lines.save(sha)
    return store.read(sha)


def test_placed_lines_give_back_the_lines_whose_key_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "kept.places"
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")

    def made(kept: PlacedLines, items: list[tuple[str, str, bytes | None]]) -> tuple[bytes, list[bytes | None]]:
        """A file of one line per item (a line of None: the kept one, if any), and what was kept."""
        found: list[bytes | None] = []

        def lines():
            for name, key, line in items:
                if line is None:
                    found.append(kept.get(name, key))
                    line = found[-1] or b"made again"
                else:
                    kept.put(name, key, line)
                yield line

        return stored_with(kept, json_lines_array(lines()), store), found

    kept = PlacedLines(path, store.path)
    assert kept.get("a", "k1") is None
    first, _ = made(kept, [("a", "k1", "外泌体 a".encode()), ("b", "k1", b""), ("c", "k1", b'{"c": 3}')])
    store.commit()
    linked = tmp_path / "linked.places"
    os.link(path, linked)  # the cache folder is a hard-linked copy: the old file must stay as it was
    before = linked.read_bytes()
    _, found = made(PlacedLines(path, store.path), [("a", "k2", b"A2"), ("b", "k1", None), ("c", "k1", None)])
    assert found == [b"", b'{"c": 3}'] and linked.read_bytes() == before
    _, found = made(PlacedLines(path, store.path), [("a", "k1", None), ("a", "k2", None), ("c", "k1", None)])
    assert found == [None, b"A2", b'{"c": 3}']  # another key: made again
    _, found = made(PlacedLines(path, store.path), [("b", "k1", None)])
    assert found == [None]  # not asked for by the last build: dropped
    assert PlacedLines(path, None).get("a", "k2") is None  # no store to read from
    _, found = made(PlacedLines(path, store.path), [("x", "k", b"x")])
    shutil.rmtree(tmp_path / "blobs")
    shutil.rmtree(tmp_path / "staging")
    assert PlacedLines(path, store.path).get("x", "k") is None  # the stored file is gone
    for damaged in (b"", b"A2\n", pickle.dumps({"file": "x"}), pickle.dumps([1, 2])):
        path.write_bytes(damaged)
        assert PlacedLines(path, store.path).get("a", "k2") is None, damaged


def test_a_line_not_at_the_end_of_the_next_chunk_is_not_kept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    kept = PlacedLines(tmp_path / "kept.places", store.path)

    def chunks():
        kept.put("a", "k", b"A")
        yield b"[A, "  # not where a line ends
        kept.put("b", "k", b"B")
        kept.put("c", "k", b"C")
        yield b"B, C]"  # two lines before one chunk
        kept.put("d", "k", b"D")
        yield b"D"

    assert stored_with(kept, chunks(), store) == b"[A, B, C]D"
    again = PlacedLines(tmp_path / "kept.places", store.path)
    assert [again.get(name, "k") for name in "abcd"] == [None, None, None, b"D"]


@given(st.lists(st.tuples(st.text(max_size=8), st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")))))
def test_placed_lines_round_trip(tmp_path_factory, items) -> None:
    folder = tmp_path_factory.mktemp("kept")
    store = BlobStore(folder / "blobs", folder / "staging")
    kept = PlacedLines(folder / "kept.places", store.path)
    items = list(dict(items).items())

    def lines():
        for name, line in items:
            kept.put(name, "k", line)
            yield line

    stored_with(kept, json_lines_array(lines()), store)
    again = PlacedLines(folder / "kept.places", store.path)
    assert [again.get(name, "k") for name, _ in items] == [line for _, line in items]


def test_references_json_lines_are_kept_per_work_and_come_out_the_same(tmp_path: Path, monkeypatch) -> None:
    from evdigest.build.renderers import references_json_chunks
    from evdigest.ingest import ingest
    from evdigest.refs import index as index_module

    content = Path(__file__).resolve().parents[1] / "content"
    entries, works = index_module.build_index(ingest(sorted((content / "sources").glob("*.txt")), content).entries)
    plain = index_module.references_json(works).encode("utf-8")
    assert b"".join(references_json_chunks(works)) == plain
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    assert stored_with(PlacedLines(tmp_path / "refs.places", store.path), references_json_chunks(works), store) == plain
    memo = PlacedLines(tmp_path / "refs.places", store.path)
    assert stored_with(memo, references_json_chunks(works, memo), store) == plain
    changed = dataclasses.replace(works[0], status="changed")
    calls: list[str] = []
    original = index_module.work_json

    def counting(work):
        calls.append(work.id)
        return original(work)

    monkeypatch.setattr(index_module, "work_json", counting)
    memo = PlacedLines(tmp_path / "refs.places", store.path)
    again = stored_with(memo, references_json_chunks((changed, *works[1:]), memo), store)
    assert calls == [changed.id]  # only the changed work is written again
    assert again == index_module.references_json((changed, *works[1:])).encode("utf-8")
    from evdigest.build import cache

    calls.clear()
    monkeypatch.setattr(cache, "code_version", lambda: "other code")
    memo = PlacedLines(tmp_path / "refs.places", store.path)
    assert stored_with(memo, references_json_chunks(works, memo), store) == plain
    assert len(calls) == len(works)  # lines kept by other code are written again
    assert b"".join(references_json_chunks(())) == b"[]\n"


def test_blobs_stored_in_chunks_equal_blobs_stored_whole(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", tmp_path / "staging")
    data = "外泌体 exosomes\n".encode() * 10_000
    sha = store.put_chunks(data[i : i + 4096] for i in range(0, len(data), 4096))
    assert sha == sha256_bytes(data) and store.read(sha) == data
    assert store.put_chunks([data]) == sha == store.put(data)
    assert sorted(p.name for p in (tmp_path / "staging").iterdir()) == [sha]  # no temporary file left

    def broken():
        yield b"part"
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        store.put_chunks(broken())
    assert sorted(p.name for p in (tmp_path / "staging").iterdir()) == [sha]


def test_code_version_follows_the_package_files(tmp_path: Path, monkeypatch) -> None:
    """Kept outputs are keyed by the code that made them: a changed package file changes the key,
    compiled bytecode does not."""
    from evdigest import version

    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"1")
    monkeypatch.setattr(version, "PACKAGE_DIR", tmp_path)
    first = version.code_version.__wrapped__()
    assert first.startswith(__version__ + "+")
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"2")
    assert version.code_version.__wrapped__() == first
    (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert version.code_version.__wrapped__() != first


def test_tree_lists_what_rglob_lists_and_skips_top_folders(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for rel in ("a.txt", "sources/s.txt", "editorial/e.toml", "pages/about.md", "pages/deep/x.md", "sourcesfile"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel, encoding="utf-8")
    for rel in (".hidden", "pages/.draft.md", ".git/config", "pages/__pycache__/m.pyc"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.txt").write_text("o", encoding="utf-8")
    os.symlink(tmp_path / "outside" / "o.txt", root / "pages" / "linked.txt")  # a linked file is listed
    os.symlink(tmp_path / "outside", root / "linked-folder")  # a linked folder is not entered

    def by_rglob(top: Path) -> list[str]:
        files = [p for p in top.rglob("*") if p.is_file()]
        rels = [p.relative_to(top) for p in files]
        return sorted(r.as_posix() for r in rels if not any(x.startswith(".") or x == "__pycache__" for x in r.parts))

    listed = FileHasher().tree(root)
    assert list(listed) == by_rglob(root)
    assert listed["pages/linked.txt"] == sha256_bytes(b"o")
    skipped = FileHasher().tree(root, skip=("sources", "editorial"))
    assert list(skipped) == [r for r in by_rglob(root) if not r.startswith(("sources/", "editorial/"))]
    assert "sourcesfile" in skipped
