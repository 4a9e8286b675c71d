"""The layers of README "Development", held by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(src: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command())", "--no-cache"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT / "src", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_back_import_breaks_the_layers_contract(tmp_path):
    """The contract is not vacuous: cleaning that imports the UI is caught."""
    shutil.copytree(ROOT / "src" / "dashboard", tmp_path / "src" / "dashboard")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    names = tmp_path / "src" / "dashboard" / "clean" / "names.py"
    names.write_text(names.read_text() + "\nimport dashboard.ui.figures  # noqa\n")
    result = _lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert "dashboard.clean.names -> dashboard.ui.figures" in result.stdout


def test_streamlit_outside_the_ui_layer_is_caught(tmp_path):
    shutil.copytree(ROOT / "src" / "dashboard", tmp_path / "src" / "dashboard")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    headline = tmp_path / "src" / "dashboard" / "metrics" / "headline.py"
    headline.write_text(headline.read_text() + "\nimport streamlit  # noqa\n")
    result = _lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert "dashboard.metrics.headline -> streamlit" in result.stdout
