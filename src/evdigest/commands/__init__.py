"""Subcommands of ``python -m evdigest``: each module has ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""

from __future__ import annotations

from types import ModuleType

from . import ingest

COMMANDS: dict[str, ModuleType] = {
    "ingest": ingest,
}
