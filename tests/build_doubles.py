"""Test doubles for the build engine: small stages whose every call is logged to a file.

A fake source is a few ``key: value`` lines::

    slug: alpha
    title: Alpha review
    refs: w1, w2
    warn: no Chinese abstract

A source whose text contains ``UNPARSABLE`` fails with a ``file:line`` error.
Templates are files in ``<root>/templates``; a template holding ``BROKEN``
makes its renderer raise a Jinja error, one holding ``FAIL-AGGREGATE`` fails its aggregates. A file
``<root>/await-search`` makes the fake pdf aggregate wait (that many seconds, else 10) for a search run to
begin. The log (``<root>/calls.log``) gets one
line per parse, entry render, aggregate render and search run, also from
worker processes.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError

from evdigest.config import Config, load_config
from evdigest.errors import SourceError
from evdigest.model import Bilingual, Digest, Entry, Reference, Warning, Work


def log(root: Path, line: str) -> None:
    with open(root / "calls.log", "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def calls(root: Path) -> list[str]:
    path = root / "calls.log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def reset_calls(root: Path) -> None:
    (root / "calls.log").unlink(missing_ok=True)


@dataclass
class FakeIngest:
    entries: list[Entry] = field(default_factory=list)
    failures: list[Any] = field(default_factory=list)
    notices: list[Any] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)


def parse_fake(path: Path, content_dir: Path) -> Entry:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(content_dir).as_posix()
    if "UNPARSABLE" in text:
        line = text[: text.index("UNPARSABLE")].count("\n") + 1
        raise SourceError(rel, line, "expected 'key: value' lines")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    slug = fields.get("slug", path.stem)
    refs = [r.strip() for r in fields.get("refs", "").split(",") if r.strip()]
    warnings = (Warning("abstract.zh", fields["warn"]),) if "warn" in fields else ()
    return Entry(
        id=slug,
        slug=slug,
        source=rel,
        family="pubmed-cn",
        title=Bilingual(en=fields.get("title", slug)),
        doi=fields.get("doi"),
        references=tuple(Reference(i + 1, raw) for i, raw in enumerate(refs)),
        warnings=warnings,
    )


def with_editorial(entry: Entry, content_dir: Path) -> Entry:
    """The corpus step: tags from ``editorial/<slug>.md``."""
    editorial = content_dir / "editorial" / f"{entry.slug}.md"
    tags = tuple(editorial.read_text(encoding="utf-8").split()) if editorial.exists() else ()
    return dataclasses.replace(entry, tags=tags)


def merge_by_doi(entries: list[Entry]) -> list[Entry]:
    """The corpus step: one entry per DOI, the other sources listed in ``also_from``."""
    first: dict[str, int] = {}
    merged: list[Entry] = []
    for entry in sorted(entries, key=lambda e: e.source):
        if entry.doi and entry.doi in first:
            i = first[entry.doi]
            merged[i] = dataclasses.replace(merged[i], also_from=(*merged[i].also_from, entry.source))
            continue
        if entry.doi:
            first[entry.doi] = len(merged)
        merged.append(entry)
    return merged


class FakeRenderer:
    """Writes ``<name>/<slug>.txt`` per entry and ``<name>/index.txt`` for the digest."""

    def __init__(self, root: Path, name: str, digest: Digest, *, parallel: bool = True, delay: float = 0.0) -> None:
        self.root = root
        self.name = name
        self.parallel = parallel
        self.aggregates_apart = name == "html"  # made in a forked process: files, notes and reports come back
        self.digest = digest
        self.delay = delay
        self.template = (root / "templates" / f"{name}.tpl").read_text(encoding="utf-8")
        if "BROKEN" in self.template:
            raise TemplateSyntaxError("unexpected end of template", 1, name, f"{name}.tpl")

    def fingerprint(self) -> str:
        return self.template

    def entry_outputs(self, entry: Entry) -> dict[str, bytes]:
        log(self.root, f"render {self.name} {entry.slug} pid={os.getpid()}")
        if self.delay:
            marker = self.root / "rendering"
            marker.write_text(entry.slug)
            time.sleep(self.delay)
        ext = "html" if self.name == "html" else "txt"
        body = f"{self.template}|{entry.title.en}|{','.join(entry.tags)}|{len(entry.references)}"
        return {f"{self.name}/{entry.slug}.{ext}": body.encode("utf-8")}

    def aggregate_outputs(self, cache_dir: Path) -> Any:
        """A mapping of files; the ``pdf`` renderer streams its files instead, in chunks (both are allowed)."""
        log(self.root, f"aggregate {self.name}")
        if "FAIL-AGGREGATE" in self.template:
            raise UndefinedError(f"{self.name}.tpl: 'index' is undefined")
        if self.name == "pdf" and (self.root / "await-search").exists():
            waited = time.monotonic() + float((self.root / "await-search").read_text() or 10)
            while not (self.root / "searching").exists() and time.monotonic() < waited:
                time.sleep(0.01)
            log(self.root, f"aggregate pdf {'after' if (self.root / 'searching').exists() else 'without'} search")
        titles = "\n".join(f"{e.slug}: {e.title.en}" for e in self.digest.entries)
        if self.name != "pdf":
            return {f"{self.name}/index.txt": f"{self.template}\n{titles}\n".encode()}
        return self._streamed(titles)

    def _streamed(self, titles: str) -> Any:
        yield f"{self.name}/index.txt", iter([f"{self.template}\n".encode(), f"{titles}\n".encode()])
        if "TWICE" in self.template:
            yield f"{self.name}/index.txt", b"again"

    def reports(self) -> dict[str, str]:
        return {f"{self.name}.txt": f"{len(self.digest.entries)} entries\n"}


class FakeStages:
    """Stages over fake sources; renderer names are ``html``, ``pdf`` and ``exports``."""

    def __init__(self, root: Path, *, delay: float = 0.0) -> None:
        self.root = root
        self.delay = delay

    def ingest(self, paths: Sequence[Path], content_dir: Path, jobs: int, memo: Any) -> FakeIngest:
        result = FakeIngest()
        for path in paths:
            value = memo.get(path)
            if value is None:
                log(self.root, f"parse {path.relative_to(content_dir).as_posix()}")
                try:
                    value = parse_fake(path, content_dir)
                except SourceError as err:
                    value = str(err)
                memo.put(path, value)
            if isinstance(value, str):
                result.failures.append(value)
            else:
                result.entries.append(value)
        result.entries = merge_by_doi([with_editorial(e, content_dir) for e in result.entries])
        return result

    def enrich(self, entries: Sequence[Entry], memo: Any) -> Digest:
        log(self.root, "enrich")
        for entry in entries:
            for ref in entry.references:
                if ref.raw not in memo:
                    log(self.root, f"parse-ref {ref.raw}")
                    memo[ref.raw] = ref.raw.upper()
        works: dict[str, list[str]] = {}
        linked = []
        for entry in entries:
            refs = tuple(Reference(r.number, r.raw, work_id=r.raw) for r in entry.references)
            for ref in refs:
                works.setdefault(ref.raw, []).append(entry.slug)
            linked.append(dataclasses.replace(entry, references=refs))
        work_list = tuple(Work(id=w, csl={"id": w, "title": w}, raw=w) for w in sorted(works))
        return Digest(tuple(linked), work_list, ())

    def template_files(self, config: Config) -> list[Path]:
        return sorted((self.root / "templates").glob("*.tpl"))

    def renderers(self, config: Config, digest: Digest, only: Sequence[str]) -> list[Any]:
        names = [n for n in ("html", "pdf", "exports") if not only or n in only]
        return [FakeRenderer(self.root, n, digest, delay=self.delay if n == "pdf" else 0.0) for n in names]

    def search_index(self, site_dir: Path, pages: Sequence[str], dest: str) -> None:
        log(self.root, f"search {dest}")
        (self.root / "searching").touch()
        missing = [p for p in pages if not (site_dir / p).is_file()]
        assert not missing, f"indexing pages that are not in the site: {missing}"
        (site_dir / dest).mkdir(parents=True)
        (site_dir / dest / "index.txt").write_text("\n".join(sorted(pages)) + "\n", encoding="utf-8")


# --- corpus helpers -------------------------------------------------------------------


def make_corpus(root: Path, count: int = 3) -> tuple[Path, Path]:
    """A content folder with ``count`` fake sources and templates; returns (content, output)."""
    content = root / "content"
    (content / "sources").mkdir(parents=True)
    (content / "editorial").mkdir()
    (root / "templates").mkdir()
    for name in ("html", "pdf", "exports"):
        (root / "templates" / f"{name}.tpl").write_text(f"{name} template v1", encoding="utf-8")
    for i in range(count):
        write_source(content, f"s{i}", f"Review number {i}", refs=f"shared, own{i}")
    (content / "evdigest.toml").write_text('issue_date = "2026-11-15"\n', encoding="utf-8")
    return content, root / "output"


def write_source(content: Path, slug: str, title: str, refs: str = "", extra: str = "") -> Path:
    path = content / "sources" / f"{slug}.txt"
    path.write_text(f"slug: {slug}\ntitle: {title}\nrefs: {refs}\n{extra}", encoding="utf-8")
    return path


def config_for(content: Path, output: Path) -> Config:
    return load_config(content, output)


def snapshot(path: Path) -> dict[str, Any]:
    """Every file's bytes and every symlink's target under ``path`` (links not followed)."""
    found: dict[str, Any] = {}
    if not path.exists() and not path.is_symlink():
        return found
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            rel = full.relative_to(path).as_posix()
            if full.is_symlink():
                found[rel] = ("link", os.readlink(full))
            elif full.is_file():
                found[rel] = full.read_bytes()
            else:
                found[rel] = "dir"
    return found


def site_files(output: Path) -> dict[str, bytes]:
    """The published site's files (following the ``site`` symlink)."""
    site = output / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def main(argv: list[str]) -> int:
    """Run one build with the fake stages (used by the SIGKILL test): ROOT CONTENT OUTPUT DELAY."""
    from evdigest.build.engine import build

    root, content, output, delay = Path(argv[0]), Path(argv[1]), Path(argv[2]), float(argv[3])
    report = build(load_config(content, output), stages=FakeStages(root, delay=delay), jobs=2, progress=False)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
