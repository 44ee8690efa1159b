"""``evdigest bench``: benchmark the build on synthetic corpora made from the sample sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BuildError, ConfigError
from .build import jobs_count

HELP = "Benchmark the build on synthetic corpora (per-stage time and memory, rebuilds, PDF speed-up, HTML floor)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``evdigest bench``."""
    parser.add_argument("--sizes", default="100,1000", help="comma-separated corpus sizes (default: 100,1000)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF stages (quick run)")
    parser.add_argument("--pdf-max", type=int, default=100, help="largest corpus that gets PDFs (default: 100)")
    parser.add_argument(
        "--pdf-entries", type=int, default=10, help="entries whose summaries time --jobs 1 vs 2 (default: 10)"
    )
    parser.add_argument("--jobs", type=jobs_count, default=0, help="worker processes (default: all cores)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="folder holding the sample sources")
    parser.add_argument("--output", type=Path, default=Path("output"), help="results go to OUTPUT/reports/")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and outputs (temp folder)")


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and print the table."""
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"error: --sizes must be whole numbers separated by commas, not {args.sizes!r}", file=sys.stderr)
        return 2
    try:
        from ..build.bench import run_bench

        results = run_bench(
            sizes,
            output=args.output,
            sample_content=args.content,
            pdf=not args.no_pdf,
            pdf_max=args.pdf_max,
            pdf_entries=args.pdf_entries,
            jobs=args.jobs,
            keep=args.keep,
            log=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except (ConfigError, BuildError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    from ..build.bench import format_table

    print(format_table(results))
    return 1 if any("failed" in run for run in results["runs"]) else 0
