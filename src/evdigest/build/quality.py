"""``invoke refs``: refresh ``data/references.json`` (through an incremental build) and report reference parsing."""

from __future__ import annotations

import json
import os

from ..config import Config
from ..model import Entry
from .engine import build
from .output import OutputDir

REPORT_NAME = "references-quality.txt"


def reference_quality(config: Config, *, jobs: int = 0) -> tuple[int, str]:
    """Build the reference index (``data/`` and exports only), then return (exit code, quality report).

    The report is also written to ``reports/references-quality.txt`` in the output folder.
    """
    from ..refs.report import quality_report

    report = build(config, only=("exports",), jobs=jobs)
    out = OutputDir(config.output_dir)
    site = out.current_site()
    if report.failed or site is None:
        return 1, report.failed or "no site was published"
    data = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))
    text = quality_report([Entry.from_dict(item) for item in data]) + "\n"
    out.reports.mkdir(parents=True, exist_ok=True)
    tmp = out.reports / f".{REPORT_NAME}.{os.getpid()}"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out.reports / REPORT_NAME)
    return 0, text
