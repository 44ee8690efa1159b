"""The invoke tasks pass their options on to ``python -m evdigest`` (tasks.py stays thin)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from invoke import Context

ROOT = Path(__file__).resolve().parent.parent


def _tasks():
    spec = importlib.util.spec_from_file_location("evdigest_tasks", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorded(Context):
    def __init__(self) -> None:
        super().__init__()
        self.commands: list[str] = []

    def run(self, command: str, **kwargs):  # noqa: ANN003, ANN201 - invoke's signature
        self.commands.append(command)


def test_build_passes_only_and_the_other_options_on() -> None:
    c = Recorded()
    _tasks().build.body(c, content="c", output="o", strict=True, jobs=2, only="html,exports")
    (command,) = c.commands
    assert command.startswith(f"{sys.executable} -m evdigest build") or " -m evdigest build " in command
    for part in ('--content "c"', '--output "o"', "--strict", '--jobs "2"', '--only "html,exports"'):
        assert part in command
    assert "--force" not in command
