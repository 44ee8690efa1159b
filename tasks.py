"""Tasks of the project (``invoke --list``); each one calls the evdigest package."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from invoke import Context, task

PY = f'"{sys.executable}"'


def _flags(**options: object) -> str:
    """Command-line flags from keyword options (True → ``--name``, other values → ``--name value``)."""
    parts = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            parts.append(flag)
        elif value not in (None, False, "", 0):
            parts.append(f'{flag} "{value}"')
    return " ".join(parts)


@task(
    help={
        "content": "content folder (default: content)",
        "output": "output folder, in place of output/ in the layout (default: output)",
        "force": "ignore the build cache and rebuild everything",
        "strict": "publish nothing and exit 1 on any source error or warning",
        "jobs": "worker processes (default: the number of cores)",
        "config": "configuration file (default: evdigest.toml or pyproject.toml in the content folder)",
        "only": "make only these outputs, comma-separated (html, pdf, exports); keep the others' files",
    }
)
def build(
    c: Context,
    content: str = "content",
    output: str = "output",
    force: bool = False,
    strict: bool = False,
    jobs: int = 0,
    config: str = "",
    only: str = "",
) -> None:
    """Build the site, PDFs and exports (incremental and atomic; prints what it rebuilt and why)."""
    opts = _flags(content=content, output=output, force=force, strict=strict, jobs=jobs, config=config, only=only)
    c.run(f"{PY} -m evdigest build {opts}", pty=sys.stdout.isatty())


@task(help={"content": "content folder (default: content)"})
def ingest(c: Context, content: str = "content") -> None:
    """Parse the sources and print a table of entries, field coverage and warnings."""
    c.run(f'{PY} -m evdigest ingest "{content}" --content "{content}" --table')


@task(help={"content": "content folder (default: content)", "output": "output folder (default: output)"})
def refs(c: Context, content: str = "content", output: str = "output") -> None:
    """Print the reference-parsing quality report; updates data/references.json through an incremental build."""
    from evdigest.build.quality import reference_quality
    from evdigest.config import load_config

    code, text = reference_quality(load_config(Path(content), Path(output)))
    print(text)
    if code:
        sys.exit(code)


@task(
    help={
        "print": "also write print-shop copies (3 mm bleed, crop marks) to <output>/print/",
        "content": "content folder (default: content)",
        "output": "output folder (default: output)",
        "jobs": "worker processes (default: the number of cores)",
    }
)
def pdf(c: Context, print: bool = False, content: str = "content", output: str = "output", jobs: int = 0) -> None:  # noqa: A002
    """Build the PDFs only (summaries and digests); --print adds print-shop copies."""
    c.run(f"{PY} -m evdigest build {_flags(content=content, output=output, jobs=jobs)} --only pdf")
    if print:
        from evdigest.render.pdf import print_copies

        print_copies(Path(output) / "site", Path(output) / "print")


@task(
    help={
        "content": "content folder (default: content)",
        "output": "output folder (default: output)",
        "port": "port on 127.0.0.1 (default: 8000)",
        "jobs": "worker processes (default: the number of cores)",
    }
)
def serve(c: Context, content: str = "content", output: str = "output", port: int = 8000, jobs: int = 0) -> None:
    """Serve output/site on 127.0.0.1, rebuild on changes to content, templates or config, reload the browser."""
    c.run(f"{PY} -m evdigest serve {_flags(content=content, output=output, port=port, jobs=jobs)}", pty=True)


@task(
    help={
        "sizes": "comma-separated corpus sizes (default: 100,1000)",
        "no_pdf": "skip the PDF stages (quick run)",
        "pdf_entries": "entries whose summaries time the --jobs 1 / --jobs 2 PDF speed-up (default: 10)",
        "output": "output folder; results go to <output>/reports/bench.json (default: output)",
    }
)
def bench(
    c: Context, sizes: str = "100,1000", no_pdf: bool = False, pdf_entries: int = 10, output: str = "output"
) -> None:
    """Benchmark the build on synthetic corpora made from the samples; writes output/reports/bench.json."""
    opts = _flags(sizes=sizes, no_pdf=no_pdf, pdf_entries=pdf_entries, output=output)
    c.run(f"{PY} -m evdigest bench {opts}", pty=sys.stdout.isatty())


@task(help={"args": "extra arguments for pytest, e.g. '-m \"not slow\"'"})
def test(c: Context, args: str = "") -> None:
    """Lint and run the test suite (scripts/test.sh)."""
    c.run(f"bash scripts/test.sh {args}", pty=sys.stdout.isatty())


@task(help={"fix": "apply ruff's fixes and formatting"})
def lint(c: Context, fix: bool = False) -> None:
    """Check the code with ruff (lint and formatting)."""
    ruff = str(Path(sys.executable).with_name("ruff"))
    c.run(f'"{ruff}" check src tests tasks.py' + (" --fix" if fix else ""))
    c.run(f'"{ruff}" format' + ("" if fix else " --check") + " src tests tasks.py")


@task(help={"output": "output folder to remove (default: output)"})
def clean(c: Context, output: str = "output") -> None:
    """Remove the output folder (site, reports and build cache)."""
    shutil.rmtree(output, ignore_errors=True)
