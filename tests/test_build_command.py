"""``python -m evdigest build``: configuration errors exit 1 and write nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evdigest.cli import main


def test_config_error_exits_1_and_creates_no_output(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "evdigest.toml").write_text("jobz = 2\n", encoding="utf-8")
    code = main(["build", "--content", str(content), "--output", str(tmp_path / "out")])
    assert code == 1
    err = capsys.readouterr().err
    assert "unknown key 'jobz'" in err and "evdigest.toml" in err
    assert not (tmp_path / "out").exists()


def test_unknown_only_value_is_an_error(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    code = main(["build", "--content", str(content), "--output", str(tmp_path / "out"), "--only", "html,epub"])
    assert code == 1
    assert "--only: unknown output 'epub'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_build_help_lists_the_options() -> None:
    result = subprocess.run([sys.executable, "-m", "evdigest", "build", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for option in ("--content", "--output", "--config", "--force", "--strict", "--jobs", "--only"):
        assert option in result.stdout
