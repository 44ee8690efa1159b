"""``evdigest build``: build the site, PDFs and exports of a content folder into an output folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build.engine import RENDER_GROUPS, build
from ..config import load_config
from ..errors import BuildError, ConfigError

HELP = "Build the digest: site, PDFs, exports (incremental; atomic; --force ignores the cache)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``evdigest build``."""
    add_common_arguments(parser)
    parser.add_argument("--force", action="store_true", help="ignore the build cache and rebuild everything")
    parser.add_argument(
        "--strict", action="store_true", help="publish nothing and exit 1 on any source error or warning"
    )
    parser.add_argument(
        "--jobs", type=jobs_count, default=0, help="worker processes (default: the config's, else all cores)"
    )
    parser.add_argument(
        "--only",
        default=None,
        help=f"comma-separated outputs to render, others kept from the last build ({','.join(RENDER_GROUPS)})",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


def jobs_count(text: str) -> int:
    """A ``--jobs`` value: a whole number, 0 (one per core) or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one per core) or more, got {value}")
    return value


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """``--content``, ``--output`` and ``--config``, shared by build, serve and bench."""
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--output", type=Path, default=Path("output"), help="output folder (default: output)")
    parser.add_argument("--config", type=Path, default=None, help="configuration file (default: found in --content)")


def run(args: argparse.Namespace) -> int:
    """Build; exit 0 when published (skipped sources included), 1 when nothing was published."""
    try:
        config = load_config(args.content, args.output, config_file=args.config)
        only = [name for name in (args.only or "").split(",") if name.strip()]
        if args.only is not None and not only:  # given, but empty: not a build of everything
            raise BuildError(f"--only names no output (choose from {', '.join(RENDER_GROUPS)})")
        report = build(config, force=args.force, strict=args.strict, jobs=args.jobs, only=only, progress=not args.quiet)
    except (ConfigError, BuildError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.quiet:
        for line in [*report.errors, *([report.failed] if report.failed else [])]:
            print(f"error: {line}", file=sys.stderr)
    return report.exit_code
