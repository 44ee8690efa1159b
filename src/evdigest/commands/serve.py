"""``evdigest serve``: build, serve the site on 127.0.0.1, rebuild on changes and reload the browser."""

from __future__ import annotations

import argparse
import sys

from ..errors import BuildError, ConfigError
from .build import add_common_arguments, jobs_count

HELP = "Serve output/site on 127.0.0.1, rebuild when content, templates or the config change, reload the browser."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``evdigest serve``."""
    add_common_arguments(parser)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    parser.add_argument(
        "--jobs", type=jobs_count, default=0, help="worker processes (default: the config's, else all cores)"
    )


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 1 when the first build fails and there is no site to serve."""
    try:
        from ..build.serve import serve

        return serve(args.content, args.output, config_file=args.config, port=args.port, jobs=args.jobs)
    except (ConfigError, BuildError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
