"""Two writers with the same id at the same moment against a slow Google: one row.

The real gspread client, over loopback, against the Sheets API test double with every call
delayed (as when Google takes seconds a call): both writers read the id column before either
appends, both append, and the second to append sees the first's row and clears its own.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.config import SourceConfig
from dashboard.writing import NewWin, write
from dashboard.writing import sheets as sheets_writer
from tests.fixtures import river_valley

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
    google.delay_next(0.4, times=40)  # every Sheets call takes 0.4 s: the two run in step
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda text: write(SOURCE, _win(text)), ["first", "second"]))
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
