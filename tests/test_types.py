"""The type check of ``src/`` (``[tool.mypy]`` in pyproject.toml) holds, and every
``# type: ignore`` in it names its error code and says why it is there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "dashboard"
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[a-z-]+(?:,\s*[a-z-]+)*\])?")


def _mypy(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_finds_no_error_in_src():
    result = _mypy()  # files and strictness from pyproject's [tool.mypy]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_mypy_reports_a_wrong_type_in_src(tmp_path):
    """The check would fail: the same configuration finds a str passed for a count."""
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from dashboard import formatting\n\nformatting.plural('three', 'win')\n")
    result = _mypy("--config-file", str(ROOT / "pyproject.toml"), str(wrong))
    assert result.returncode == 1
    assert 'Argument 1 to "plural" has incompatible type "str"' in result.stdout


def _ignores() -> list[tuple[str, int, str, str]]:
    """(file, line number, the line, the line above) of every ``type: ignore`` in src/."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if IGNORE.search(line):
                above = lines[number - 2] if number > 1 else ""
                found.append((str(path.relative_to(ROOT)), number, line, above))
    return found


def test_every_type_ignore_names_its_code_and_says_why():
    unexplained = []
    for file, number, line, above in _ignores():
        match = IGNORE.search(line)
        assert match is not None
        said_after = "#" in line[match.end() :]
        said_above = above.strip().startswith("#")
        if match["code"] is None or not (said_after or said_above):
            unexplained.append(f"{file}:{number}: {line.strip()}")
    assert not unexplained, "\n".join(unexplained)


def test_a_misspelt_figure_is_a_type_error(tmp_path):
    """The pages' figures are typed (``ui.figures``): a typo is caught before a page runs."""
    page = tmp_path / "page.py"
    page.write_text(
        "from dashboard.ui import figures\n"
        "from dashboard.ui.page import View\n\n\n"
        "def people(view: View) -> int:\n"
        "    return figures.headline(view).network_nodez\n"
    )
    result = _mypy("--config-file", str(ROOT / "pyproject.toml"), str(page))
    assert result.returncode == 1
    assert '"Headline" has no attribute "network_nodez"' in result.stdout
