"""``python -m tests.sheets_double`` as an evaluator runs it: start it, paste its lines, and
``python -m dashboard check`` reads the demo workbook as a Google Sheet through it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.waiting import CEILING_SECONDS

ROOT = Path(__file__).resolve().parents[2]


def _read_instructions(process: subprocess.Popen) -> dict[str, str]:
    """The exported variables and the check command, from the lines it prints."""
    lines: list[str] = []
    deadline = time.monotonic() + CEILING_SECONDS
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if line.strip().startswith("streamlit run app.py"):
            found = dict(re.findall(r"^export (\w+)=(\S+)$", "\n".join(lines), re.MULTILINE))
            check = next(x for x in lines if x.startswith("python -m dashboard check "))
            return {**found, "check": check}
    raise AssertionError("no instructions printed:\n" + "\n".join(lines))


def test_the_printed_lines_let_check_read_the_demo_as_a_google_sheet(tmp_path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sheets_double", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        told = _read_instructions(process)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SMALLWINS_", "GOOGLE_"))}
        env["SMALLWINS_CACHE_DIR"] = str(tmp_path / "cache")
        for name in ("SMALLWINS_SHEETS_ENDPOINT", "GOOGLE_APPLICATION_CREDENTIALS"):
            env[name] = told[name]
        key = told["check"].split()[-1]
        result = subprocess.run(
            told["check"].split(),
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        config = Path(told["SMALLWINS_CONFIG"]).read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert told["SMALLWINS_SHEETS_ENDPOINT"].startswith("http://127.0.0.1:")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"(gsheets) {key} — read " in result.stdout
    # the demo workbook's Collaborations tab has four rows under its header (River Valley,
    # High Plains, Coastal Food, Northern Tech): all four came through gspread, OAuth, the double
    assert "Loaded: 4 collaborations" in result.stdout
    assert f'location = "{key}"' in config
    assert not Path(told["GOOGLE_APPLICATION_CREDENTIALS"]).exists()  # removed on exit
