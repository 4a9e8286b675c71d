"""Two writers with the same id at the same moment against a slow Google: one row.

The real gspread client, over loopback, against the Sheets API test double, which holds both
appends until it has seen them (as when Google takes seconds a call): so both writers have read
the id column before either row lands, however busy the machine; then the second to append sees
the first's row and clears its own.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.config import SourceConfig
from dashboard.writing import NewWin, write
from dashboard.writing import sheets as sheets_writer
from tests.fixtures import river_valley
from tests.waiting import CEILING_SECONDS, wait_until

KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"
SOURCE = SourceConfig(location=KEY, kind="gsheets", name="rv", writable=True)


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(sheets_writer.time, "sleep", lambda seconds: None)


def _win(text: str) -> NewWin:
    return NewWin(dt.date(2024, 3, 1), text, "Food Hub", "Ann Lee", id="w-same")


def _carrying(google, row_id: str) -> list[int]:
    rows = google.sheets(KEY)["Wins"]
    return [n for n, row in enumerate(rows, start=1) if row and row[-1] == row_id]


def test_two_writers_with_one_id_at_once_leave_one_row(google):
    google.add_spreadsheet(KEY, river_valley())
    before = len(google.sheets(KEY)["Wins"])
    google.hang("append")  # each writer's append waits, its id check done
    with ThreadPoolExecutor(max_workers=2) as pool:
        writing = [
            pool.submit(write, SOURCE, _win(text), timeout=CEILING_SECONDS)
            for text in ("first", "second")
        ]
        wait_until(lambda: google.count("append") == 2, "both appends, after both id checks")
        google.heal()
        results = [future.result(timeout=CEILING_SECONDS) for future in writing]
    assert google.count("append") == 2  # both appended: their id checks saw no row
    assert sorted(results) == [False, True]  # one kept its row, the other withdrew
    assert len(_carrying(google, "w-same")) == 1
    rows = google.sheets(KEY)["Wins"]
    assert len([row for row in rows[before:] if any(cell not in ("", None) for cell in row)]) == 1


def test_a_lone_writer_keeps_its_row(google):
    google.add_spreadsheet(KEY, river_valley())
    assert write(SOURCE, _win("alone")) is True
    assert google.count("update") == 0  # nothing cleared
    assert len(_carrying(google, "w-same")) == 1
