"""Atomic output: the new site is assembled beside the old one and switched in with one rename.

Layout of an output folder::

    site -> .builds/v000042     the published site: a symlink to a complete version
    .builds/v000041, v000042    the previous and the current version (older ones pruned)
    .builds/v000042.files       each version's file list (path → blob), for the build that reuses it
    .builds/spare, spare.files  after the first version: a hard-linked copy of it, for the next build to reuse
    .cache/                     blobs and index (see :mod:`evdigest.build.cache`)
    reports/                    reports (not deployed)
    .tmp-<pid>-<n>/             one running build's staging area (site, blobs, index, reports)

A build holds the folder's lock (:func:`lock`) from start to end, and removes first what builds that
were killed left (:meth:`OutputDir.leftovers`); a build that finds nothing to do removes it too, when
no build holds the lock. A build writes only inside its staging area until :meth:`Transaction.commit`,
which renames the assembled site into ``.builds/``, flips the ``site`` symlink
with ``os.replace`` of a temporary symlink (atomic on POSIX), then moves the
staged blobs, cache index and reports into place. A build killed at any point
before the flip leaves the previous site untouched; a build that fails removes
its staging area, so that the output folder is as it was.

The new site is assembled (:meth:`Transaction.assemble`) just before the commit, from the
version the commit would prune (the previous one, not the published one) when there is
one: moved into the staging area, only the files that differ from its file list are
replaced, where linking every file anew and deleting the old version took longer than
rendering a changed entry. A build that publishes the only version (the first build, or one
after the others were removed) leaves a hard-linked copy of it as the spare that the next build
reuses, so that the first rebuild is as quick as the ones after it; the copy is made after the
flip, and a copy left incomplete is completed from its file list when it is reused.
"""

from __future__ import annotations

import errno
import fcntl
import itertools
import json
import os
import re
import shutil
import threading
from pathlib import Path

from ..errors import BuildError
from .cache import EARLIER_INDEX_NAMES, INDEX_NAME, BlobStore, remove_tree

BUILDS = ".builds"
CACHE = ".cache"
REPORTS = "reports"
SITE = "site"
KEEP_VERSIONS = 2
FILES_SUFFIX = ".files"
"""A version's file list: ``.builds/v000042.files`` (JSON, path → blob)."""
SPARE = "spare"
"""A copy of the only published version, for the next build to reuse (:meth:`Transaction.assemble`)."""
# A published version folder: v000042
VERSION_RE = re.compile(r"^v(\d{6,})$")
# A staging area of a build: .tmp-1234-1
STAGING_RE = re.compile(r"^\.tmp-(\d+)-\d+$")
# What a build writes beside the output and renames before it ends: the symlink of the flip (.site-1234)
TEMPORARY_RE = re.compile(r"^\.site-\d+$")
# A version's file list being written (.builds/.v000042.files.1234, .builds/.spare.files.1234)
TEMPORARY_LIST_RE = re.compile(r"^\.(?:v\d{6,}|spare)\.files\.\d+$")

_counter = itertools.count(1)


class OutputDir:
    """An output folder (``output/`` in the layout, or any ``--output DIR``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.site = self.root / SITE
        self.builds = self.root / BUILDS
        self.cache = self.root / CACHE
        self.reports = self.root / REPORTS

    def current_version(self) -> str | None:
        """The published version's folder name, or ``None`` when nothing (or a plain folder) is published."""
        if not self.site.is_symlink():
            return None
        target = Path(os.readlink(self.site))
        return target.name if (self.builds / target.name).is_dir() else None

    def current_site(self) -> Path | None:
        """The folder of the published site, or ``None``."""
        if self.site.is_dir():
            return self.builds / self.current_version() if self.current_version() else self.site
        return None

    def leftovers(self) -> list[Path]:
        """What builds that were killed left in the folder: staging areas, and the temporary symlink and file
        lists of a commit. Only dead builds' while no build holds the lock (:func:`lock`)."""
        if not self.root.is_dir():
            return []
        found = [p for p in self.root.iterdir() if STAGING_RE.match(p.name) or TEMPORARY_RE.match(p.name)]
        if self.builds.is_dir():
            found += [p for p in self.builds.iterdir() if TEMPORARY_LIST_RE.match(p.name)]
        return sorted(found)

    def remove_leftovers(self) -> list[str]:
        """Remove what builds that were killed left (:meth:`leftovers`), unless a build holds the lock (it may
        be its own); the names removed, relative to the folder."""
        if not self.leftovers():
            return []
        fd = lock(self.root)
        if fd is None:
            return []
        try:
            return self.remove_leftovers_locked()
        finally:
            os.close(fd)

    def remove_leftovers_locked(self) -> list[str]:
        """:meth:`remove_leftovers`, for the holder of the lock."""
        found = self.leftovers()
        for path in found:
            remove_tree(path)
        return [path.relative_to(self.root).as_posix() for path in found]

    def begin(self) -> Transaction:
        """Start a build: lock the folder and create a staging area (removed again by :meth:`Transaction.rollback`)."""
        return Transaction(self)

    def next_version(self) -> str:
        """A version name greater than every existing one."""
        numbers = [0]
        if self.builds.exists():
            numbers += [int(m.group(1)) for p in self.builds.iterdir() if (m := VERSION_RE.match(p.name))]
        return f"v{max(numbers) + 1:06d}"


class Transaction:
    """One build's staging area and lock; nothing outside the staging area changes before :meth:`commit`."""

    def __init__(self, out: OutputDir) -> None:
        self.out = out
        self.created_root = not out.root.exists()
        try:
            out.root.mkdir(parents=True, exist_ok=True)
        except FileExistsError as err:
            raise BuildError(f"{out.root}: the output must be a folder, and this is a file") from err
        except OSError as err:
            raise BuildError(f"{out.root}: cannot make the output folder: {err.strerror or err}") from err
        fd = lock(out.root)
        if fd is None:
            raise BuildError(f"{out.root}: another build is writing to this output folder")
        self.lock_fd = fd
        self.leftovers = out.remove_leftovers_locked()
        """What builds that were killed had left in the folder, removed (names relative to it)."""
        self.version = out.next_version()
        self.staging = out.root / f".tmp-{os.getpid()}-{next(_counter)}"
        self.staging.mkdir()
        self.site_dir = self.staging / SITE
        self.site_dir.mkdir()
        self._site = os.fspath(self.site_dir)
        self._folders: set[str] = set()
        """Folders of the new site made so far (each is made once)."""
        self._linked: set[str] = set()
        """Files of the new site linked so far (:meth:`link`)."""
        self._files: dict[str, str] | None = None
        """The new site's file list once assembled (:meth:`assemble`), written beside its version."""
        self._listing: tuple[tuple[Path, dict[str, str]], threading.Thread, list[set[str]]] | None = None
        """The folder :meth:`assemble` will reuse with its file list, the thread listing the files it holds
        and that listing when done."""
        self.blobs = BlobStore(out.cache / "blobs", self.staging / "blobs", listed=True)  # under the lock
        self.index_file = self.staging / INDEX_NAME
        self.reports_dir = self.staging / REPORTS
        self.closed = False

    # --- assembling ---------------------------------------------------------------

    def link(self, relpath: str, sha: str) -> None:
        """Place blob ``sha`` at ``relpath`` in the new site (a hard link; a copy where links are refused)."""
        target = os.path.join(self._site, relpath)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        source = self.blobs.path(sha)
        try:
            os.link(source, target)
        except OSError as err:
            if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK):
                raise
            shutil.copyfile(source, target)
        self._linked.add(relpath)

    def assemble(self, files: dict[str, str], *, reuse: bool = True) -> None:
        """Make the new site hold exactly ``files`` (path → blob).

        With ``reuse``, the newest version that the commit would prune, with its file list, becomes the
        new site, and only the files that differ from that list are replaced; files linked before (for the
        search stage) are dropped with the staging folder. Otherwise, or when the reused folder does not
        take the changes, every file not linked yet is linked. Call it once rendering is over and only
        the commit remains: the reused version is part of the staging area from then on."""
        self._files = dict(files)
        found = (self._listing[0] if self._listing else self._reusable()) if reuse else None
        if found is not None:
            base, listed = found
            present = self._listed()
            self._restart(base)
            (self.out.builds / f"{base.name}{FILES_SUFFIX}").unlink(missing_ok=True)
            try:
                self._update(files, listed, present)
                return
            except OSError:  # something in the old folder is not as its list says: build the site afresh
                self._restart(None)
        for path, sha in sorted(files.items()):
            if path not in self._linked:
                self.link(path, sha)

    def _restart(self, base: Path | None) -> None:
        """Begin the new site again: as the folder ``base`` (moved here), or empty."""
        remove_tree(self.site_dir)
        if base is None:
            self.site_dir.mkdir()
        else:
            os.rename(base, self.site_dir)
        self._folders.clear()
        self._linked.clear()

    def list_reusable(self) -> None:
        """Begin listing the files of the folder :meth:`assemble` will reuse, in a thread: a large site's
        listing then runs while the build waits for its other processes, not after them."""
        found = self._reusable()
        if found is None:
            return
        done: list[set[str]] = []
        thread = threading.Thread(target=lambda: done.append(_files_below(os.fspath(found[0]))), daemon=True)
        thread.start()
        self._listing = (found, thread, done)

    def _listed(self) -> set[str] | None:
        """The files of the reused folder as :meth:`list_reusable` listed them, or None when it did not list
        them (or failed to)."""
        if self._listing is None:
            return None
        _, thread, done = self._listing
        thread.join()
        return done[0] if done else None

    def _older(self) -> list[str]:
        """The published versions the commit would prune (neither the newest nor the current), newest first."""
        if not self.out.builds.is_dir():
            return []
        current = self.out.current_version()
        published = sorted(p.name for p in self.out.builds.iterdir() if VERSION_RE.match(p.name) and p.is_dir())
        kept = set(published[len(published) - (KEEP_VERSIONS - 1) :]) | {current}
        return [name for name in reversed(published) if name not in kept]

    def _reusable(self) -> tuple[Path, dict[str, str]] | None:
        """The newest version the commit would prune that has a readable file list, with that list; else
        the spare copy of the only version (:meth:`_make_spare`)."""
        for name in [*self._older(), SPARE]:
            try:
                listed = json.loads((self.out.builds / f"{name}{FILES_SUFFIX}").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(listed, dict) and (self.out.builds / name).is_dir():
                return self.out.builds / name, listed
        return None

    def _make_spare(self, version: str) -> None:
        """Copy the version just published, with hard links, as the spare the next build reuses; its file
        list is written last, so that a copy cut short is never reused (the commit's pruning removes it).
        A copy that cannot be made costs the next build its speed, nothing else."""
        spare = self.out.builds / SPARE
        listing = self.out.builds / f"{SPARE}{FILES_SUFFIX}"
        try:
            listing.unlink(missing_ok=True)
            remove_tree(spare)
            shutil.copytree(self.out.builds / version, spare, copy_function=os.link, symlinks=True)
            tmp = listing.with_name(f".{listing.name}.{os.getpid()}")
            shutil.copyfile(self.out.builds / f"{version}{FILES_SUFFIX}", tmp)
            os.replace(tmp, listing)
        except OSError:
            remove_tree(spare)

    def _update(self, files: dict[str, str], listed: dict[str, str], present: set[str] | None = None) -> None:
        """Turn the reused folder (now the staging site, once holding ``listed``; ``present``: its files,
        when they were listed before it was moved here) into ``files``."""
        if present is None:
            present = _files_below(self._site)
        gone = sorted(present - files.keys())
        for path in gone:
            os.unlink(os.path.join(self._site, path))
        for folder in sorted({os.path.dirname(path) for path in gone}, key=len, reverse=True):
            _remove_empty(self._site, folder)
        for path, sha in sorted(files.items()):
            if path in present:
                if listed.get(path) == sha:
                    continue
                os.unlink(os.path.join(self._site, path))
            self.link(path, sha)

    def write_report(self, name: str, text: str) -> None:
        """Stage a report for ``reports/``."""
        self.reports_dir.mkdir(exist_ok=True)
        (self.reports_dir / name).write_text(text, encoding="utf-8")

    # --- finishing ----------------------------------------------------------------

    def commit(self, *, publish: bool = True) -> str | None:
        """Switch the new site in (when ``publish``), then move blobs, index and reports into place."""
        version = self._publish() if publish else None
        if version is not None and self._files is not None and not self._older():
            self._make_spare(version)
        self.blobs.commit()
        if self.index_file.exists():
            self.out.cache.mkdir(exist_ok=True)
            os.replace(self.index_file, self.out.cache / INDEX_NAME)
            for earlier in EARLIER_INDEX_NAMES:
                (self.out.cache / earlier).unlink(missing_ok=True)
        chunks = self.staging / "chunks"
        if chunks.exists():
            for staged in sorted(chunks.iterdir()):
                if not any(staged.iterdir()):
                    continue
                target = self.out.cache / "chunks" / staged.name
                target.parent.mkdir(parents=True, exist_ok=True)
                remove_tree(target)
                os.rename(staged, target)
        if self.reports_dir.exists():
            self.out.reports.mkdir(exist_ok=True)
            for report in sorted(self.reports_dir.iterdir()):
                os.replace(report, self.out.reports / report.name)
        self._prune()
        self._finish()
        return version

    def rollback(self) -> None:
        """Remove the staging area (and the output folder itself if this build created it and it is empty)."""
        if self.closed:
            return
        self._finish()
        if self.created_root and self.out.root.exists() and not any(self.out.root.iterdir()):
            self.out.root.rmdir()

    def chunk_dir(self, name: str) -> Path:
        """A renderer's own cache folder for this build: a hard-linked copy of ``.cache/chunks/<name>``,
        moved back into the cache by :meth:`commit`."""
        staged = self.staging / "chunks" / name
        if not staged.exists():
            previous = self.out.cache / "chunks" / name
            if previous.is_dir():
                shutil.copytree(previous, staged, copy_function=os.link)
            else:
                staged.mkdir(parents=True)
        return staged

    def _publish(self) -> str:
        version = self.version
        self.out.builds.mkdir(exist_ok=True)
        os.rename(self.site_dir, self.out.builds / version)
        if self._files is not None:
            listing = self.out.builds / f"{version}{FILES_SUFFIX}"
            tmp = listing.with_name(f".{listing.name}.{os.getpid()}")
            tmp.write_text(json.dumps(self._files, sort_keys=True, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, listing)
        if self.out.site.exists() and not self.out.site.is_symlink():
            # A plain folder from elsewhere: keep it as an old version so the flip can replace it.
            os.rename(self.out.site, self.out.builds / f"{version}-previous")
        tmp_link = self.out.root / f".site-{os.getpid()}"
        remove_tree(tmp_link)
        os.symlink(f"{BUILDS}/{version}", tmp_link)
        os.replace(tmp_link, self.out.site)
        return version

    def _finish(self) -> None:
        remove_tree(self.staging)
        os.close(self.lock_fd)
        self.closed = True

    def _prune(self) -> None:
        """Drop old versions (keeping the newest ones) and staging areas of builds that were killed."""
        current = self.out.current_version()
        if self.out.builds.exists():
            versions = sorted((p for p in self.out.builds.iterdir()), key=lambda p: p.name)
            published = [p for p in versions if VERSION_RE.match(p.name)]
            keep = {p.name for p in published[-KEEP_VERSIONS:]} | {current}
            if keep == {current}:  # no older version for the next build to reuse: the spare stands in
                keep.add(SPARE)
            keep |= {f"{name}{FILES_SUFFIX}" for name in keep if name}
            for path in versions:
                if path.name not in keep:
                    remove_tree(path)
        for path in self.out.root.iterdir():
            if STAGING_RE.match(path.name) or TEMPORARY_RE.match(path.name):
                remove_tree(path)


def lock(root: Path) -> int | None:
    """Take the lock of the output folder ``root`` (an exclusive ``flock`` of the folder, held by a build
    from its start to its end, and by no process it started); the descriptor holding it, or ``None`` when
    another build holds it."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _files_below(root: str) -> set[str]:
    """The paths (``/``-separated, relative to ``root``) of every file below ``root``."""
    found: set[str] = set()
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as listing:
            for item in listing:
                if item.is_dir(follow_symlinks=False):
                    stack.append((f"{prefix}{item.name}/", item.path))
                else:
                    found.add(prefix + item.name)
    return found


def _remove_empty(root: str, folder: str) -> None:
    """Remove ``folder`` (relative to ``root``) and its parents below ``root`` while they are empty."""
    while folder:
        try:
            os.rmdir(os.path.join(root, folder))
        except OSError:
            return
        folder = os.path.dirname(folder)
