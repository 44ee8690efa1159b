"""``invoke bench``: time the build on synthetic corpora made from the samples.

For each corpus size it reports, per stage, wall time, CPU time (the process
and its finished children) and peak memory summed over the process tree; the
corpus statistics; a no-op rebuild; rebuilds after one changed source (three, each
changing a source of another family; the median is reported, with each); the PDF
speed-up of ``--jobs 2`` over ``--jobs 1``; and, as the floor for the HTML stage,
a bare Jinja2 + markdown-it-py render of the same pages in the same run.
Results go to ``<output>/reports/bench.json`` and a readable table.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..config import load_config
from ..model import Entry
from ..render.entry_view import shows_fulltext
from .engine import build
from .report import BuildReport, MemorySample
from .synth import CorpusStats, generate, load_samples

STAGE_NAMES = {
    "ingest": "ingest",
    "enrich": "enrich",
    "html": "html pages",
    "html-aggregates": "html aggregates",
    "search": "search index",
    "pdf": "pdf summaries",
    "pdf-aggregates": "digest pdf",
    "exports": "exports",
    "exports-aggregates": "exports",
    "data-aggregates": "data",
    "assemble": "assemble",
}


def tree_memory() -> MemorySample:
    """Memory of this process and all its descendants, in bytes: the sum of their proportional set sizes
    (PSS, so that pages forked workers share are counted once), or of their RSS where PSS is unavailable,
    and the largest single process's."""
    import psutil

    me = psutil.Process()
    sizes = [0]
    for proc in [me, *me.children(recursive=True)]:
        try:
            sizes.append(_pss(proc.pid) or proc.memory_info().rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return MemorySample(sum(sizes), max(sizes))


def _pss(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def stage_table(report: BuildReport) -> dict[str, dict[str, float]]:
    """Stage timings merged under the benchmark's stage names (wall and CPU summed, memory the maximum:
    ``peak_mb`` summed over the process tree, ``process_mb`` of the largest process)."""
    merged: dict[str, dict[str, float]] = {}
    for timing in report.stages:
        name = STAGE_NAMES.get(timing.name)
        if name is None:
            continue
        row = merged.setdefault(name, {"wall": 0.0, "cpu": 0.0, "peak_mb": 0.0, "process_mb": 0.0})
        row["wall"] += timing.wall
        row["cpu"] += timing.cpu
        row["peak_mb"] = max(row["peak_mb"], (timing.peak_rss or 0) / 2**20)
        row["process_mb"] = max(row["process_mb"], (timing.peak_process or 0) / 2**20)
    return merged


def floor_markdown(entry: Entry, *, fulltext: bool = False) -> str:
    """The page of one entry as plain Markdown, with what the entry page shows: titles, authors, citation,
    abstracts, keywords, definitions, glossary, tables, figures, commentary, the full text when the page
    shows it (``fulltext``), and the references with their citing sentences."""
    lines = [f"# {entry.title.en or entry.title.zh or entry.slug}", ""]
    if entry.title.zh:
        lines += [f"## {entry.title.zh}", ""]
    lines += [", ".join(a.name or a.name_zh or "" for a in entry.authors), ""]
    lines += [f"{a.en or ''} {a.zh or ''}\n" for a in entry.affiliations]
    lines += [
        f"*{entry.journal.name or ''}* {entry.year or ''};{entry.volume or ''}:{entry.pages or ''}. doi:{entry.doi}",
        "",
    ]
    for lang, sections in (("Abstract", entry.abstract.en), ("摘要", entry.abstract.zh)):
        if sections:
            lines += [f"## {lang}", ""]
            lines += [f"**{s.label}** {s.text}\n" if s.label else f"{s.text}\n" for s in sections]
    lines += ["## Keywords", "", "; ".join(entry.keywords.en + entry.keywords.zh), ""]
    if entry.definitions:
        lines += ["## Definitions", ""] + [f"**{d.term}**: {d.text}\n" for d in entry.definitions]
    if entry.glossary:
        lines += ["## Glossary", "", "| 中文 | English | Abbr. |", "| --- | --- | --- |"]
        lines += [f"| {g.zh or ''} | {g.en or ''} | {g.abbr or ''} |" for g in entry.glossary] + [""]
    for table in entry.tables:
        width = max([len(table.header), *(len(row) for row in table.rows)], default=1) or 1
        header = list(table.header) + [""] * (width - len(table.header))
        lines += [f"**{table.label}** {table.caption} {table.caption_en or ''}", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(list(row) + [""] * (width - len(row))) + " |" for row in table.rows] + [""]
        lines += [table.note, ""] if table.note else []
    if entry.figures:
        lines += ["## Figures", ""] + [f"- {f.label} {f.caption} {f.note or ''}" for f in entry.figures] + [""]
    if entry.commentary:
        lines += ["## Commentary", "", entry.commentary, ""]
    if fulltext:
        for section in entry.sections:
            lines += [f"### {section.number or ''} {section.title}", ""]
            lines += [f"{paragraph}\n" for paragraph in section.paragraphs]
    lines += ["## References", ""]
    for r in entry.references:
        lines.append(f"{r.number}. {r.raw}")
        lines += [f"    - {c.section or ''} {c.sentence}" for c in r.cited_in]
    return "\n".join(lines) + "\n"


def floor_render(
    entries: Sequence[Entry], editions: int, dest: Path, *, fulltext: Callable[[Entry], bool] = lambda e: False
) -> dict[str, float]:
    """Render every entry's page ``editions`` times with bare Jinja2 + markdown-it-py and write the files
    (``fulltext``: whether an entry's page shows its full text)."""
    from jinja2 import Environment
    from markdown_it import MarkdownIt

    template = Environment(autoescape=True).from_string(
        "<!doctype html><html><head><meta charset=utf-8><title>{{ title }}</title></head>"
        "<body><main>{{ body|safe }}</main></body></html>"
    )
    md = MarkdownIt("commonmark").enable("table")
    dest.mkdir(parents=True, exist_ok=True)
    texts = [floor_markdown(e, fulltext=fulltext(e)) for e in entries]
    start = time.perf_counter()
    markdown_time = 0.0
    pages = 0
    for edition in range(editions):
        for entry, text in zip(entries, texts, strict=True):
            t = time.perf_counter()
            body = md.render(text)
            markdown_time += time.perf_counter() - t
            html = template.render(title=entry.title.en or entry.slug, body=body)
            (dest / f"{entry.slug}.{edition}.html").write_text(html, encoding="utf-8")
            pages += 1
    wall = time.perf_counter() - start
    return {
        "pages": pages,
        "wall": wall,
        "ms_per_page": 1000 * wall / max(pages, 1),
        "markdown_share": markdown_time / wall if wall else 0.0,
    }


CHANGES = 3
"""Rebuilds after one changed source, each changing another one: the median is reported."""


def sources_to_change(sources: Path, count: int = CHANGES) -> list[Path]:
    """``count`` sources from the middle of the corpus, of as many families as there are (a generated
    source's name ends with its family: ``bench-00500-journal-fulltext.txt``), taken in turn."""
    paths = sorted(sources.iterdir())
    middle = len(paths) // 2
    ordered = paths[middle:] + paths[:middle]
    chosen: list[Path] = []
    while len(chosen) < min(count, len(paths)):
        families = {p.stem.split("-", 2)[-1] for p in chosen}
        fresh = [p for p in ordered if p not in chosen and p.stem.split("-", 2)[-1] not in families]
        chosen.append((fresh or [p for p in ordered if p not in chosen])[0])
    return chosen


def _touch(path: Path) -> Path:
    """Change one source's text a little (a sentence appended to its last paragraph)."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + " 本句为基准测试所加。\n", encoding="utf-8")
    return path


def _pdf_pages(site: Path) -> int:
    from pypdf import PdfReader

    return sum(
        len(PdfReader(p).pages) for p in sorted((site / "pdf").glob("*.pdf")) if not p.name.startswith("digest-")
    )


def _run(
    content: Path, output: Path, *, jobs: int, only: Sequence[str], force: bool = False
) -> tuple[BuildReport, float]:
    """One build in a fresh interpreter, as ``invoke build`` runs: what the benchmark's earlier builds
    left in this process is neither measured nor shared with the build's workers."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_build_once, content, output, jobs, tuple(only), force).result()


def _build_once(
    content: Path, output: Path, jobs: int, only: tuple[str, ...], force: bool
) -> tuple[BuildReport, float]:
    config = load_config(content, output)
    start = time.perf_counter()
    report = build(config, jobs=jobs, only=only, force=force, progress=False, sampler=tree_memory)
    report.detach_sampler()  # a function and a thread of this process: not sent back
    return report, time.perf_counter() - start


def pdf_speedup(content: Path, work: Path, entries: int) -> dict[str, Any]:
    """Render the summaries of ``entries`` sources with ``--jobs 1`` and ``--jobs 2``; pages/s and speed-up."""
    small = work / "pdf-content"
    (small / "sources").mkdir(parents=True)
    for src in sorted((content / "sources").iterdir())[:entries]:
        shutil.copy(src, small / "sources" / src.name)
    shutil.copy(content / "evdigest.toml", small / "evdigest.toml")
    result: dict[str, Any] = {"entries": entries}
    for jobs in (1, 2):
        report, _ = _run(small, work / f"pdf-out-{jobs}", jobs=jobs, only=("pdf",))
        if report.failed:
            return {**result, "failed": report.failed}
        timing = stage_table(report)["pdf summaries"]
        pages = _pdf_pages(work / f"pdf-out-{jobs}" / "site")
        result[f"jobs{jobs}"] = {
            **timing,
            "pages": pages,
            "pages_per_s": pages / timing["wall"] if timing["wall"] else 0,
        }
    result["speedup"] = result["jobs1"]["wall"] / result["jobs2"]["wall"] if result["jobs2"]["wall"] else 0.0
    return result


def bench_size(
    samples: list[Any], size: int, work: Path, *, pdf: bool, jobs: int, log: Callable[[str], None]
) -> dict[str, Any]:
    """Generate a corpus of ``size`` entries and measure cold, no-op and one-change builds."""
    content = work / f"corpus-{size}"
    (content / "sources").mkdir(parents=True)
    (content / "evdigest.toml").write_text('issue_date = "2026-11-15"\n', encoding="utf-8")
    stats: CorpusStats = generate(samples, size, content / "sources")
    output = work / f"out-{size}"
    only = ("html", "exports", "pdf") if pdf else ("html", "exports")
    log(f"[{size}] cold build ({', '.join(only)}) …")
    cold, cold_wall = _run(content, output, jobs=jobs, only=only)
    if cold.failed:
        return {"size": size, "failed": cold.failed}
    log(f"[{size}] cold build {cold_wall:.1f}s; no-op rebuild …")
    noop, noop_wall = _run(content, output, jobs=jobs, only=only)
    changes = []
    for path in sources_to_change(content / "sources"):
        log(f"[{size}] rebuild after changing {_touch(path).name} …")
        report, wall = _run(content, output, jobs=jobs, only=only)
        changes.append((wall, path.name, report))
    one_wall, _, one = sorted(changes, key=lambda c: c[0])[len(changes) // 2]  # the median rebuild
    entries = [Entry.from_dict(d) for d in json.loads((output / "site" / "data" / "entries.json").read_text("utf-8"))]
    config = load_config(content, output)
    shown = lambda entry: shows_fulltext(entry, republish=config.republish_fulltext)  # noqa: E731
    floor = floor_render(entries, len(config.editions), work / f"floor-{size}", fulltext=shown)
    editions = len(config.editions)
    summaries = None
    if pdf and "pdf summaries" in stage_table(cold):
        pages = _pdf_pages(output / "site")
        summaries = {"pages": pages, "pages_per_s": pages / stage_table(cold)["pdf summaries"]["wall"]}
    table = stage_table(cold)
    html_wall = sum(table.get(name, {"wall": 0.0})["wall"] for name in ("html pages", "html aggregates"))
    html_pages = len(entries) * editions
    html_ms = 1000 * html_wall / max(html_pages, 1)
    return {
        "size": size,
        "entries": len(entries),
        "editions": editions,
        "pdf_summaries": summaries,
        "corpus": dataclasses.asdict(stats),
        "cold": {"wall": cold_wall, "stages": stage_table(cold), "files": cold.files, "skipped": len(cold.errors)},
        "noop": {"wall": noop_wall, "up_to_date": noop.up_to_date},
        "one_change": {
            "wall": one_wall,
            "share_of_cold": one_wall / cold_wall if cold_wall else 0.0,
            "stages": stage_table(one),
            "rebuilt": [str(a) for a in one.actions],
            "runs": [
                {"source": name, "wall": wall, "share_of_cold": wall / cold_wall if cold_wall else 0.0}
                for wall, name, _ in changes
            ],
        },
        "html": {
            "pages": html_pages,
            "ms_per_page": html_ms,
            "floor": floor,
            "ratio_to_floor": html_ms / floor["ms_per_page"],
        },
    }


def compile_package() -> bool:
    """Byte-compile the package's modules, as an installed package has them: the builds measured each run
    in a fresh interpreter, which would otherwise compile every module it imports from its source again
    when Python may not write bytecode (``PYTHONDONTWRITEBYTECODE``). False when some could not be written."""
    import compileall

    package = Path(__file__).resolve().parents[1]
    return bool(compileall.compile_dir(package, quiet=2, force=False))


def run_bench(
    sizes: Sequence[int] = (100, 1000),
    *,
    output: Path = Path("output"),
    sample_content: Path = Path("content"),
    pdf: bool = True,
    pdf_max: int = 100,
    pdf_entries: int = 10,
    jobs: int = 0,
    keep: bool = False,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run the benchmark and write ``<output>/reports/bench.json`` and ``bench.txt``; returns the results."""
    compile_package()
    samples = load_samples(sample_content / "sources", sample_content)
    work = Path(tempfile.mkdtemp(prefix="evdigest-bench-"))
    results: dict[str, Any] = {"cores": os.cpu_count(), "jobs": jobs or os.cpu_count(), "runs": []}
    try:
        for size in sizes:
            with_pdf = pdf and size <= pdf_max
            results["runs"].append(bench_size(samples, size, work, pdf=with_pdf, jobs=jobs, log=log))
        if pdf and results["runs"]:
            log(f"PDF speed-up on {pdf_entries} entries …")
            results["pdf_speedup"] = pdf_speedup(work / f"corpus-{sizes[0]}", work, pdf_entries)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    reports = output / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (reports / "bench.txt").write_text(format_table(results) + "\n", encoding="utf-8")
    return results


def format_table(results: dict[str, Any]) -> str:
    """The results as readable Markdown tables."""
    lines: list[str] = []
    for run in results["runs"]:
        if "failed" in run:
            lines += [f"## {run['size']} entries: build failed: {run['failed']}", ""]
            continue
        c = run["corpus"]
        lines += [
            f"## {run['entries']} entries",
            "",
            f"Corpus: {c['sources']} sources {c['families']}, {c['references']} references "
            f"({c['distinct_references']} distinct, {100 * c['shared_share']:.0f} % shared), "
            f"{c['bytes_mean'] / 1024:.1f} KB per source, {c['distinct_texts']} distinct texts.",
            "",
            "| stage | wall s | CPU s | peak MB (PSS, process tree) | peak MB (largest process) |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, row in run["cold"]["stages"].items():
            lines.append(
                f"| {name} | {row['wall']:.2f} | {row['cpu']:.2f} | {row['peak_mb']:.0f} | {row.get('process_mb', 0):.0f} |"
            )
        h = run["html"]
        lines += [
            f"| **cold build** | {run['cold']['wall']:.2f} | | {_most(run['cold']['stages'], 'peak_mb')} "
            f"| {_most(run['cold']['stages'], 'process_mb')} |",
            f"| no-op rebuild | {run['noop']['wall']:.3f} | | | |",
            f"| one changed source{_median_of(run['one_change'])} | {run['one_change']['wall']:.2f} "
            f"({100 * run['one_change']['share_of_cold']:.1f} % of cold) "
            f"| | {_most(run['one_change']['stages'], 'peak_mb')} | {_most(run['one_change']['stages'], 'process_mb')} |",
            "",
            *_changes(run["one_change"]),
            f"HTML (entry pages and aggregates): {h['ms_per_page']:.2f} ms/page over {h['pages']} entry pages; bare Jinja2 + markdown-it-py floor "
            f"{h['floor']['ms_per_page']:.2f} ms/page ({100 * h['floor']['markdown_share']:.0f} % in markdown-it); "
            f"ratio {h['ratio_to_floor']:.2f}× the floor.",
            "",
        ]
        summaries = run.get("pdf_summaries")
        if summaries:
            lines += [
                f"PDF summaries in the cold build: {summaries['pages']} pages, {summaries['pages_per_s']:.2f} pages/s.",
                "",
            ]
        digest = run["cold"]["stages"].get("digest pdf")
        if digest:
            editions = run.get("editions", 3)
            again = run["one_change"]["stages"].get("digest pdf", {"wall": 0.0})
            lines += [
                f"Digest PDF: {digest['wall']:.2f} s cold for {editions} editions "
                f"({digest['wall'] / editions:.2f} s per digest); in the median rebuild after one changed source "
                f"{again['wall']:.2f} s ({100 * again['wall'] / digest['wall']:.1f} % of cold).",
                "",
            ]
    speed = results.get("pdf_speedup")
    if speed and "failed" not in speed:
        one, two = speed["jobs1"], speed["jobs2"]
        lines.append(
            f"PDF summaries ({speed['entries']} entries): --jobs 1 {one['pages_per_s']:.2f} pages/s, "
            f"--jobs 2 {two['pages_per_s']:.2f} pages/s, speed-up {speed['speedup']:.2f}×."
        )
    elif speed:
        lines.append(f"PDF speed-up: failed: {speed['failed']}")
    return "\n".join(lines)


def _median_of(change: dict[str, Any]) -> str:
    runs = change.get("runs") or []
    return f" (median of {len(runs)})" if len(runs) > 1 else ""


def _changes(change: dict[str, Any]) -> list[str]:
    """A line listing each rebuild after one changed source, when there were several."""
    runs = change.get("runs") or []
    if len(runs) < 2:
        return []
    each = ", ".join(f"{r['source']} {r['wall']:.2f} s ({100 * r['share_of_cold']:.1f} %)" for r in runs)
    return [f"Rebuilds after one changed source: {each}.", ""]


def _most(stages: dict[str, dict[str, float]], column: str) -> str:
    """The largest value of a memory column over the stages, in whole MB."""
    return f"{max((row.get(column, 0.0) for row in stages.values()), default=0.0):.0f}"
