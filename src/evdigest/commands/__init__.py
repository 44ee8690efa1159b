"""Subcommands of ``python -m evdigest``: each module has ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""

from __future__ import annotations

from types import ModuleType

from . import bench, build, ingest, serve

COMMANDS: dict[str, ModuleType] = {
    "ingest": ingest,
    "build": build,
    "serve": serve,
    "bench": bench,
}
