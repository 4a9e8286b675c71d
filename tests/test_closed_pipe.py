"""Output to a reader that went away (``smallwins summary --json | head -5``) ends quietly: exit
0, no traceback, no "Exception ignored" — for every command that prints."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMMANDS = [
    ["summary", "--as-of", "2026-10-31", "--json"],
    ["summary", "--as-of", "2026-10-31"],
    ["check"],
    ["--help"],
    ["agenda", "--help"],
    ["template", "{tmp}/team.xlsx"],
    ["demo", "{tmp}/demo.xlsx"],
    ["network", "--as-of", "2026-10-31", "--out", "{tmp}/n.graphml"],
    ["agenda", "--date", "2026-10-31", "--project", "Food Waste Recovery", "--out", "{tmp}/a.md"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_closed_pipe_ends_quietly(command, tmp_path):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte: every write meets a closed pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", *(c.format(tmp=tmp_path) for c in command)],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
