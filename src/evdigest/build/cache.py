"""The build cache in ``output/.cache/``: content-addressed blobs and an index of what produced them.

Every output file and every parsed entry is stored once as a blob named by the
SHA-256 of its bytes; published site files are hard links to these blobs, so an
unchanged file costs neither a render nor a copy. The index (``index.pickle``)
records, for each source, entry and aggregate, the key of its inputs (hashes of
the source, its editorial file, the templates, the configuration and the package
version) and the blobs that key produced. New blobs and the new index are staged
beside the output and moved in only when a build succeeds.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import json
import os
import pickle
import shutil
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from ..version import code_version

_chunk_files = itertools.count(1)

INDEX_FORMAT = 1
INDEX_NAME = "index.pickle"
"""The index's file in the cache folder: a pickle of plain data (read and written in a third of the time
the same index takes as JSON, a few hundredths of a second of every rebuild of a large digest)."""
EARLIER_INDEX_NAMES = ("index.json",)
"""Index files of earlier versions, deleted when a build commits."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection inside: for reading back a large pickle, which makes many objects and no
    garbage (collections on the way would walk the growing heap for nothing; it took twice as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def canonical_text(value: Any) -> str:
    """A JSON value in a canonical form (sorted keys, no spaces, characters unescaped)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def hash_json(value: Any) -> str:
    """SHA-256 of a JSON value in its canonical form (:func:`canonical_text`)."""
    return sha256_bytes(canonical_text(value).encode("utf-8"))


def combine(*parts: str) -> str:
    """One key from several keys (and the code's version, :func:`~evdigest.version.code_version`)."""
    return sha256_bytes("\0".join((code_version(), *parts)).encode("utf-8"))


class FileHasher:
    """Hashes files, skipping the read when size, mtime and inode match the previous build's record."""

    def __init__(self, previous: dict[str, list[Any]] | None = None) -> None:
        self.previous = previous or {}
        self.seen: dict[str, list[Any]] = {}

    def __call__(self, path: Path | str) -> str:
        """Hex SHA-256 of the file's bytes."""
        key = os.fspath(path)
        st = os.stat(key)
        sig = [st.st_size, st.st_mtime_ns, st.st_ino]
        old = self.previous.get(key)
        if old is not None and old[:3] == sig:
            digest = old[3]
        else:
            with open(key, "rb") as fh:
                digest = sha256_bytes(fh.read())
        self.seen[key] = [*sig, digest]
        return digest

    def tree(self, root: Path | None, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
        """Hashes of every file under ``root`` by relative POSIX path (empty when ``root`` is missing):
        hidden files and folders and ``__pycache__`` left out, linked files followed, linked folders
        not entered (as ``Path.rglob`` lists them); ``skip``: folders directly in ``root`` left out."""
        if root is None or not root.exists():
            return {}
        if root.is_file():
            return {root.name: self(root)}
        found: dict[str, str] = {}
        stack = [("", os.fspath(root))]
        while stack:
            prefix, folder = stack.pop()
            with os.scandir(folder) as listing:
                for item in listing:
                    if item.name.startswith(".") or item.name == "__pycache__":
                        continue
                    if item.is_dir():
                        if not item.is_symlink() and not (not prefix and item.name in skip):
                            stack.append((f"{prefix}{item.name}/", item.path))
                    elif item.is_file():
                        found[prefix + item.name] = item.path
        return {rel: self(found[rel]) for rel in sorted(found)}


class BlobStore:
    """Content-addressed files: committed ones in ``root``, this build's new ones in ``staging``.

    With ``listed`` (a store no other process commits to or deletes from meanwhile: the build's, under
    its lock), the committed blobs are listed once, when first asked about, and looked up in that list
    afterwards instead of one file-system lookup each (a build asks about tens of thousands); blobs it
    commits or deletes itself are added to the list or taken out."""

    def __init__(self, root: Path, staging: Path, *, listed: bool = False) -> None:
        self.root = root
        self.staging = staging
        # plain strings: a build asks about tens of thousands of blobs
        self._root = os.fspath(root)
        self._staging = os.fspath(staging)
        self.listed = listed
        self._names: set[str] | None = None
        """The committed blobs, once listed (with ``listed``)."""

    def _committed(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def _listing(self) -> set[str]:
        if self._names is None:
            names: set[str] = set()
            try:
                folders = os.listdir(self._root)
            except FileNotFoundError:
                folders = []
            for folder in folders:
                with contextlib.suppress(NotADirectoryError, FileNotFoundError):
                    names.update(os.listdir(os.path.join(self._root, folder)))
            self._names = names
        return self._names

    def _where(self, sha: str) -> str | None:
        # committed first: most blobs a build asks about were stored by earlier builds (a blob both
        # staged and committed has the same bytes in both places)
        committed = os.path.join(self._root, sha[:2], sha)
        stored = (sha in self._listing()) if self.listed else os.path.exists(committed)
        if stored:
            return committed
        staged = os.path.join(self._staging, sha)
        return staged if os.path.exists(staged) else None

    def path(self, sha: str) -> Path:
        """Where the blob is now (staged or committed); raises ``KeyError`` when it is in neither."""
        found = self._where(sha)
        if found is None:
            raise KeyError(sha)
        return Path(found)

    def has(self, sha: str) -> bool:
        """True when the blob is stored."""
        return self._where(sha) is not None

    def read(self, sha: str) -> bytes:
        """The blob's bytes."""
        return self.path(sha).read_bytes()

    def put(self, data: bytes) -> str:
        """Store ``data`` (staged until :meth:`commit`) and return its hash."""
        sha = sha256_bytes(data)
        if not self.has(sha):
            self.staging.mkdir(parents=True, exist_ok=True)
            tmp = self.staging / f".{sha}.{os.getpid()}.{threading.get_ident()}"  # the search stage's thread too
            tmp.write_bytes(data)
            os.replace(tmp, self.staging / sha)
        return sha

    def put_chunks(self, chunks: Iterable[bytes]) -> str:
        """Store the concatenation of ``chunks``, written as they come (a large file is never whole in
        memory); returns its hash."""
        self.staging.mkdir(parents=True, exist_ok=True)
        tmp = self.staging / f".chunks.{os.getpid()}.{next(_chunk_files)}"
        digest = hashlib.sha256()
        try:
            with open(tmp, "wb") as fh:
                for chunk in chunks:
                    digest.update(chunk)
                    fh.write(chunk)
            sha = digest.hexdigest()
            if self.has(sha):
                tmp.unlink()
            else:
                os.replace(tmp, self.staging / sha)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return sha

    def adopt(self, path: Path) -> str:
        """Store the file at ``path`` by moving it into the staging area; returns its hash."""
        sha = sha256_bytes(path.read_bytes())
        if self.has(sha):
            path.unlink()
        else:
            self.staging.mkdir(parents=True, exist_ok=True)
            os.replace(path, self.staging / sha)
        return sha

    def commit(self) -> int:
        """Move staged blobs into the store; returns how many were added."""
        if not self.staging.exists():
            return 0
        moved = 0
        for staged in self.staging.iterdir():
            if staged.name.startswith("."):
                continue
            target = self._committed(staged.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            if self._names is not None:
                self._names.add(staged.name)
            moved += 1
        return moved

    def gc(self, keep: Iterable[str]) -> int:
        """Delete committed blobs not in ``keep``; returns how many were deleted."""
        keep_set = set(keep)
        removed = 0
        if not self.root.exists():
            return 0
        for folder in self.root.iterdir():
            for blob in folder.iterdir():
                if blob.name not in keep_set:
                    blob.unlink()
                    if self._names is not None:
                        self._names.discard(blob.name)
                    removed += 1
        return removed


def empty_index() -> dict[str, Any]:
    """The index of a cache that holds nothing."""
    return {
        "format": INDEX_FORMAT,
        "version": code_version(),
        "fingerprint": None,
        "published": None,
        "stat": {},
        "parsed": {},
        "ingest": None,
        "digest": None,
        "renders": {},
        "aggregates": {},
        "manifest": {},
        "problems": {"errors": [], "warnings": [], "notices": []},
    }


def load_index(cache_dir: Path, *, force: bool = False) -> dict[str, Any]:
    """The previous build's index, or an empty one when there is none, it is unreadable,
    it was written by other code (another version or changed files), or ``force`` is set.

    An index set aside says why under ``cleared`` (what the build reports as the reason for
    rebuilding everything)."""
    path = cache_dir / INDEX_NAME
    if not path.exists():
        return {**empty_index(), "cleared": "--force"} if force else empty_index()
    try:
        with collector_paused():
            data = pickle.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return {**empty_index(), "cleared": "the build cache could not be read"}
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return {**empty_index(), "cleared": "the program changed since the last build"}
    if force or data.get("version") != code_version():
        reason = "--force" if force else "the program changed since the last build"
        return {**empty_index(), "cleared": reason, "published_outputs": published_outputs(data)}
    return {**empty_index(), **data}


def published_outputs(index: dict[str, Any]) -> dict[str, Any]:
    """What an index set aside still tells: each renderer's files as the last build published them (its
    ``renders`` and ``aggregates``), for a build limited with ``--only`` to keep the files of the others."""
    return {"renders": index.get("renders") or {}, "aggregates": index.get("aggregates") or {}}


def dump_index(index: dict[str, Any], path: Path) -> None:
    """Write the index to ``path`` (see :data:`INDEX_NAME`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))


def referenced_blobs(index: dict[str, Any]) -> set[str]:
    """Every blob hash the index points to."""
    shas: set[str] = set(index.get("manifest", {}).values())
    for record in index.get("parsed", {}).values():
        shas.add(record["blob"])
        if record.get("extra"):
            shas.add(record["extra"])
    if (index.get("ingest") or {}).get("shared"):
        shas.add(index["ingest"]["shared"])
    if index.get("digest"):
        shas.add(index["digest"]["blob"])
        shas.update(index["digest"].get("entries", ()))
        for name in ("memo", "works"):
            if index["digest"].get(name):
                shas.add(index["digest"][name])
    for per_entry in index.get("renders", {}).values():
        for record in per_entry.values():
            shas.update(record["files"].values())
    for record in index.get("aggregates", {}).values():
        shas.update(record["files"].values())
    return shas


def remove_tree(path: Path) -> None:
    """Delete a folder or a file or a symlink, if present."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


class KeyedMemo:
    """Per-entry results a renderer keeps across builds in its cache folder, each under the entry's key.

    :meth:`get` returns the value stored for ``(slug, key)`` in the previous build; :meth:`save`
    keeps what this build used or stored, so entries that are gone or changed are dropped.
    The file is replaced, never written in place (the cache folder is a hard-linked copy).

    With ``compress``, each value is kept zlib-compressed in a file that is mapped, not read: only its
    index (slug → key and place) is unpickled, and a value is unpacked when it is asked for (a
    reference index keeps tens of thousands of rows, most of which a rebuild carries over unread).
    """

    def __init__(self, path: Path, *, compress: bool = False) -> None:
        self.path = path
        self.compress = compress
        """Keep each value zlib-compressed (large text values, unpacked one at a time)."""
        self.old: dict[str, tuple[str, Any]] = {}
        """Per slug: key and value (with ``compress``: key and ``(start, end)`` in the mapped file)."""
        self.new: dict[str, tuple[str, Any]] = {}
        self.stored = False
        """Something was put in this build (else the file needs rewriting only when values were dropped)."""
        self._map: Any = None
        try:
            if compress:
                self.old = self._map_packed(path)
            else:
                with open(path, "rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, dict):
                    self.old = loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.old = {}

    def _map_packed(self, path: Path) -> dict[str, tuple[str, Any]]:
        """The index of a packed file, which stays mapped (``ValueError`` when the file is not one)."""
        self._map = mapped_file(path)
        index, base = read_pack_head(self._map, _PACKED)
        if not isinstance(index, dict):
            raise ValueError("not a packed memo")
        found: dict[str, tuple[str, Any]] = {}
        for slug, (key, start, end) in index.items():
            if not 0 <= start <= end <= len(self._map) - base:
                raise ValueError("a value outside the file")
            found[slug] = (key, (base + start, base + end))
        return found

    def _packed(self, value: Any) -> bytes:
        """The compressed bytes of a value kept or put (a place in the mapped file, or the bytes)."""
        return self._map[value[0] : value[1]] if isinstance(value, tuple) else value

    def get(self, slug: str, key: str) -> Any | None:
        """The value stored for ``slug`` under ``key``, or ``None``."""
        found = self.new.get(slug) or self.old.get(slug)
        if found is None or found[0] != key:
            return None
        value = found[1]
        if self.compress:
            try:
                value = pickle.loads(zlib.decompress(self._packed(value)))
            except (TypeError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                return None  # written by another version: a miss
        self.new[slug] = found
        return value

    def has(self, slug: str, key: str) -> bool:
        """Whether a value is stored for ``slug`` under ``key`` (without using it)."""
        found = self.new.get(slug) or self.old.get(slug)
        return found is not None and found[0] == key

    def keep(self, slug: str, key: str) -> bool:
        """Carry the value stored for ``slug`` under ``key`` over to the next build without unpacking it;
        False when there is none."""
        found = self.new.get(slug) or self.old.get(slug)
        if found is None or found[0] != key:
            return False
        self.new[slug] = found
        return True

    def put(self, slug: str, key: str, value: Any) -> None:
        """Store ``value`` for ``slug`` under ``key``."""
        if self.compress:
            value = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self.new[slug] = (key, value)
        self.stored = True

    def snapshot(self) -> dict[str, tuple[str, Any]]:
        """What this build has used or stored so far, for :meth:`since` (in a forked process: what it
        inherited)."""
        return dict(self.new)

    def since(self, snapshot: dict[str, tuple[str, Any]]) -> tuple[dict[str, tuple[str, Any]], bool]:
        """What was used or stored after :meth:`snapshot` gave ``snapshot``, and whether anything was
        stored: for :meth:`adopt` in the process this one was forked from (a kept value's place is a
        place in the same mapped file there)."""
        changed = {slug: found for slug, found in self.new.items() if snapshot.get(slug) is not found}
        return changed, self.stored

    def adopt(self, changes: tuple[dict[str, tuple[str, Any]], bool]) -> None:
        """Take over what a forked process used or stored (its :meth:`since`)."""
        changed, stored = changes
        self.new.update(changed)
        self.stored = self.stored or stored

    def save(self) -> None:
        """Write what this build used or stored; a file that would come out the same is left as it is."""
        try:
            if not self.stored and self.new.keys() == self.old.keys() and self.path.exists():
                return  # every value was used again, none added: the file already holds exactly these
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                if self.compress:
                    self._write_packed(fh)
                else:
                    pickle.dump(self.new, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            if self._map is not None:
                self._map.close()
                self._map = None

    def _write_packed(self, fh: Any) -> None:
        """The packed file: a marker, the index's size and pickle (places counted from the end of the
        index), then every compressed value in turn."""
        values = [self._packed(value) for _, value in self.new.values()]
        index: dict[str, tuple[str, int, int]] = {}
        start = 0
        for (slug, (key, _)), data in zip(self.new.items(), values, strict=True):
            index[slug] = (key, start, start + len(data))
            start += len(data)
        fh.write(pack_head(_PACKED, index))
        for data in values:
            fh.write(data)


def pack_head(marker: bytes, index: Any) -> bytes:
    """The head of a packed file (a :class:`KeyedMemo`'s, the digest's works): ``marker``, the size of
    the index's pickle (8 bytes, little-endian), then that pickle; the values follow, their places in the
    index counted from the end of the head."""
    data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    return marker + len(data).to_bytes(8, "little") + data


def read_pack_head(data: Any, marker: bytes) -> tuple[Any, int]:
    """The index of a packed file (its bytes or map, see :func:`pack_head`) and where its values begin;
    ``ValueError`` when it is not one that starts with ``marker``."""
    start = len(marker) + 8
    if data is None or len(data) < start or data[: len(marker)] != marker:
        raise ValueError("not a packed file")
    size = int.from_bytes(data[len(marker) : start], "little")
    return pickle.loads(data[start : start + size]), start + size


def mapped_file(path: Path) -> Any:
    """The file at ``path`` mapped for reading, or None when it is empty (``OSError`` when it is missing)."""
    import mmap

    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if os.fstat(fh.fileno()).st_size else None


_PACKED = b"evdigest-packed-memo 1\n"
"""The first bytes of a :class:`KeyedMemo` file with compressed values (and of no pickle)."""


class PlacedLines:
    """The lines of a file a renderer makes one item at a time (``data/entries.json``, say), kept across builds
    as their places in the file as the build stored it: an item whose key is unchanged takes its line from
    the last build's file, read where it was in the blob store. Only an index is kept in the cache folder:
    the file's hash, and each item's name, key and place.

    The file's chunks pass through :meth:`placed` on their way to the store, which notes where each line
    asked for (:meth:`get`) or put (:meth:`put`) lands; :meth:`save` writes the index with one rename.
    A line must not hold ``\\n``."""

    def __init__(self, path: Path, blob_path: Callable[[str], Path] | None) -> None:
        self.path = path
        self._old: dict[str, tuple[str, int, int]] = {}
        """Per name: key, start and end of its line in the last build's file."""
        self._map: Any = None
        self._lines: list[tuple[str, str, int, int]] = []
        """This build's lines placed so far: name, key, start and end."""
        self._waiting: list[tuple[str, str, bytes]] = []
        """Lines asked for or put and not yet seen in a chunk."""
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
            if blob_path is not None and isinstance(index, dict):
                self._map = mapped_file(blob_path(index["file"]))
                size = len(self._map) if self._map is not None else 0
                self._old = {name: (key, a, b) for name, key, a, b in index["lines"] if 0 <= a <= b <= size}
        except (OSError, KeyError, ValueError, TypeError, EOFError, pickle.UnpicklingError, AttributeError):
            self._old = {}

    def get(self, name: str, key: str) -> bytes | None:
        """The line kept for ``name`` under ``key`` (and kept again for the next build), or ``None``."""
        found = self._old.get(name)
        if found is None or found[0] != key:
            return None
        line = self._map[found[1] : found[2]]
        self._waiting.append((name, key, line))
        return line

    def put(self, name: str, key: str, line: bytes) -> None:
        """Keep ``line`` for ``name`` under ``key``."""
        self._waiting.append((name, key, line))

    def placed(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """``chunks`` as they come, each line asked for or put placed where it lands: at the end of the
        chunk that follows (a line not there, or one of several before one chunk, is not kept)."""
        at = 0
        for chunk in chunks:
            waiting, self._waiting = self._waiting, []
            if len(waiting) == 1 and chunk.endswith(waiting[0][2]):
                name, key, line = waiting[0]
                self._lines.append((name, key, at + len(chunk) - len(line), at + len(chunk)))
            at += len(chunk)
            yield chunk

    def save(self, sha: str) -> None:
        """Write the index: the lines placed, in the file stored under ``sha``."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:  # a new file: the cache folder is a hard-linked copy
                pickle.dump({"file": sha, "lines": self._lines}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            if self._map is not None:
                self._map.close()
                self._map = None


class UsedMemo(MutableMapping[str, Any]):
    """A memo of results by string that notes which keys a stage looked up or stored (:attr:`used`), so that
    what the next build keeps is exactly what this one needed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.used.add(key)
        return self.data[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.used.add(key)
        return key in self.data

    def __setitem__(self, key: str, value: Any) -> None:
        self.used.add(key)
        self.data[key] = value

    def __delitem__(self, key: str) -> None:
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def kept(self) -> dict[str, Any]:
        """The results this build used, in key order."""
        return {key: self.data[key] for key in sorted(self.used) if key in self.data}
