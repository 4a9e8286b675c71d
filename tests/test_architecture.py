"""The layers of docs/development.md ("The layers"), held by import-linter's contracts in
pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(src: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            " sys.exit(lint_imports_command())",
            "--no-cache",
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT / "src", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # cleaning that imports the UI: a back-import across the layers
        (
            "clean/names.py",
            "import dashboard.ui.figures",
            "dashboard.clean.names -> dashboard.ui.figures",
        ),
        # a metric that imports Streamlit: outside the ui layer
        ("metrics/headline.py", "import streamlit", "dashboard.metrics.headline -> streamlit"),
    ],
)
def test_a_broken_rule_is_caught(tmp_path, module, line, broken):
    """The contracts are not vacuous: each catches the import it forbids."""
    shutil.copytree(ROOT / "src" / "dashboard", tmp_path / "src" / "dashboard")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    changed = tmp_path / "src" / "dashboard" / module
    changed.write_text(changed.read_text() + f"\n{line}  # noqa\n")
    result = _lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert broken in result.stdout
