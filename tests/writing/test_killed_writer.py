"""A ``log-win`` killed mid-write leaves nothing behind for long (issue 21, finding 15).

A real ``kill -9`` of ``smallwins log-win`` while its temporary copy of the workbook
(``.team.xlsx.XXXX.tmp``) is being written: the copy is left, as no process can clean up after a
SIGKILL. The next write removes it (its writer's lock died with the writer), and the workbook is
whole with the new win. A copy some living writer holds is never removed.
"""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import load_workbook

from dashboard import cli
from dashboard.atomic import remove_abandoned
from dashboard.sources.local import write_xlsx
from tests.fixtures import river_valley

ROOT = Path(__file__).resolve().parents[2]


def _big_workbook(path: Path) -> Path:
    sheets = river_valley()
    filler = [
        [f"2/{1 + i % 27}/2024", f"Win number {i}", "Food Hub", "Ann Lee", "small"]
        for i in range(30_000)
    ]
    sheets["Wins"] = [*sheets["Wins"], *filler]
    write_xlsx(path, sheets)
    return path


def _log_win(book: Path, text: str) -> list[str]:
    return ["log-win", str(book), "--date", "2024-03-01", "--win", text, "--project", "Food Hub"]


def _kill_mid_write(book: Path) -> bool:
    """Start ``log-win`` and kill -9 it once its temporary copy exists; True when caught."""
    child = subprocess.Popen(
        [sys.executable, "-m", "dashboard", *_log_win(book, "Killed win")],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300  # a ceiling, not a measure
        while child.poll() is None and time.monotonic() < deadline:
            if list(book.parent.glob(f".{book.name}.*.tmp")):
                child.send_signal(signal.SIGKILL)
                child.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_a_killed_log_win_leaves_a_copy_the_next_write_removes(tmp_path):
    book = _big_workbook(tmp_path / "team.xlsx")
    for _ in range(10):  # the write window is short: try again until the kill lands in it
        if _kill_mid_write(book):
            break
    else:
        raise AssertionError("log-win never caught mid-write in 10 tries")
    assert list(tmp_path.glob(".team.xlsx.*.tmp"))  # the attack: a hidden full copy left
    before = len(list(load_workbook(book, read_only=True)["Wins"].iter_rows()))  # still whole
    assert cli.main(_log_win(book, "Next win")) == 0
    assert not list(tmp_path.glob(".team.xlsx.*.tmp"))
    rows = list(load_workbook(book, read_only=True)["Wins"].iter_rows(values_only=True))
    assert len(rows) in (before + 1, before + 2)  # the killed win landed or did not; never half
    assert rows[-1][1] == "Next win"
    from dashboard.sources.cache import cache_dir

    for folder in (cache_dir(), cache_dir() / "locks"):  # the write's lock: its owner's only
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_copy_a_living_writer_holds_is_left_alone(tmp_path):
    target = tmp_path / "team.xlsx"
    target.write_bytes(b"workbook")
    busy = tmp_path / ".team.xlsx.0a0b0c0d.tmp"
    busy.write_bytes(b"being written")
    holder = os.open(busy, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        assert remove_abandoned(target) == []
        assert busy.exists()
    finally:
        os.close(holder)
    assert remove_abandoned(target) == [busy]
