"""Logging a win to a local workbook against reading it: the append's cost as a ratio to `check`.

A workbook of 20,000 wins (``generate.py`` at scale 0.2: 40,000 commitments, 1,000 people, 2,000
meetings) is written three ways — by openpyxl, as Excel writes its parts (shared strings, formulas
with saved values) and as a CSV folder. For each, in one process, the median of ``--runs`` of:

- ``check_s``: what ``check`` does — read every tab, clean, merge, list the problems;
- ``append_s``: ``writing.write`` of one win (read the file, add the row, write it beside, rename);
- ``lock_s``: how long the write held the file lock (the rest is done before taking it);

and ``ratio`` = append_s / check_s (goal ≤ 3). Prints one JSON line per kind of file.

    python benchmarks/write.py [--runs 3] [--scale 0.2]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import generate  # noqa: E402

from dashboard.cli.check_text import check_text  # noqa: E402
from dashboard.config import Settings, SourceConfig  # noqa: E402
from dashboard.loader import load  # noqa: E402
from dashboard.sources.local import write_xlsx  # noqa: E402
from dashboard.writing import NewWin, write  # noqa: E402
from dashboard.writing import local as local_writer  # noqa: E402
from tests.writing.office_files import write_office_workbook  # noqa: E402


def _sheets(folder: Path) -> dict[str, list[list[object]]]:
    sheets = {}
    for file in sorted(folder.glob("*.csv")):
        with file.open(newline="", encoding="utf-8") as handle:
            sheets[file.stem] = list(csv.reader(handle))
    return sheets


def _project(sheets: dict) -> str:
    header, first = sheets["Projects"][0], sheets["Projects"][1]
    return first[[h.lower() for h in header].index("project")]


class _LockTimer:
    """Wraps ``writing.local.locked`` to add up how long the lock is held."""

    def __init__(self) -> None:
        self.held = 0.0
        self._real = local_writer.locked

    @contextmanager
    def __call__(self, target: Path):
        with self._real(target):
            began = time.perf_counter()
            try:
                yield
            finally:
                self.held += time.perf_counter() - began


def measure(source: SourceConfig, project: str, runs: int) -> dict[str, float]:
    settings = Settings(sources=(source,))
    checks, appends, locks = [], [], []
    timer = _LockTimer()
    local_writer.locked = timer
    try:
        for run in range(runs):
            began = time.perf_counter()
            check_text(load(settings, fallback=False))
            checks.append(time.perf_counter() - began)
            win = NewWin(dt.date(2024, 12, 1), f"Benchmark win {run}", project, id=f"w-bench-{run}")
            timer.held = 0.0
            began = time.perf_counter()
            assert write(source, win) is True
            appends.append(time.perf_counter() - began)
            locks.append(timer.held)
    finally:
        local_writer.locked = timer._real
    check_s, append_s = statistics.median(checks), statistics.median(appends)
    return {
        "check_s": round(check_s, 3),
        "append_s": round(append_s, 3),
        "lock_s": round(statistics.median(locks), 4),
        "ratio": round(append_s / check_s, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=0.2, help="0.2: 20,000 wins")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="smallwins-write-") as tmp:
        folder = Path(tmp)
        generate.generate(folder / "csv", seed=1, scale=args.scale)
        sheets = _sheets(folder / "csv")
        project = _project(sheets)
        wins = len(sheets["Wins"]) - 1
        write_xlsx(folder / "openpyxl.xlsx", sheets)
        write_office_workbook(folder / "excel.xlsx", sheets)
        for kind, location in (
            ("xlsx, written by openpyxl", folder / "openpyxl.xlsx"),
            ("xlsx, written as Excel does", folder / "excel.xlsx"),
            ("csv folder", folder / "csv"),
        ):
            source = SourceConfig(
                location=str(location),
                kind="csv" if "csv" in kind else "xlsx",
                name="bench",
                writable=True,
            )
            figures = measure(source, project, args.runs)
            print(json.dumps({"file": kind, "wins": wins, **figures}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
