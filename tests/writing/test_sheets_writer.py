"""Logging to a Google Sheet through the real gspread client, against the Sheets API test double."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.config import SourceConfig
from dashboard.writing import NewCommitment, NewWin, WriteError, write
from dashboard.writing import sheets as sheets_writer
from tests.fixtures import river_valley

KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"
SOURCE = SourceConfig(location=KEY, kind="gsheets", name="rv", writable=True)


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(sheets_writer.time, "sleep", lambda seconds: None)


def _win(**changes) -> NewWin:
    fields = dict(
        date=dt.date(2024, 3, 1),
        win="Grant won",
        project="Food Hub",
        people="Ann Lee, Eve Park",
        category="funding",
        size="large",
        evidence="https://example.org/news",
        id="w-test-1",
    )
    fields.update(changes)
    return NewWin(**fields)


def test_one_row_in_the_sheets_own_column_order(google):
    google.add_spreadsheet(KEY, river_valley())
    assert write(SOURCE, _win()) is True
    rows = google.sheets(KEY)["Wins"]
    # the Wins tab's header: Timestamp, Win, Project, People, Size, ID (no category/evidence)
    assert rows[0] == ["Timestamp", "Win", "Project", "People", "Size", "ID"]
    assert rows[-1] == [
        "2024-03-01",
        "Grant won",
        "Food Hub",
        "Ann Lee, Eve Park",
        "large",
        "w-test-1",
    ]
    assert len(rows) == len(river_valley()["Wins"]) + 1
    (append,) = [r for r in google.requests if r.kind == "append"]
    assert append.query["valueInputOption"] == ["RAW"]
    # reads go through values:batchGet, the call the loader uses: header rows, the id column
    # before appending, and the id column again after (an earlier row with the same id?)
    assert google.count("get") == 0 and google.count("batchGet") == 3


def test_extra_columns_are_left_blank_and_a_missing_id_column_is_added(google):
    sheets = river_valley()
    sheets["Commitments"][0] = ["Notes", "Made", "Project", "Who", "By when", "Action step"]
    google.add_spreadsheet(KEY, sheets)
    record = NewCommitment(
        "Ann Lee",
        "Food Hub",
        "Call the grocer",
        dt.date(2024, 3, 20),
        dt.date(2024, 3, 1),
        id="c-test-1",
    )
    assert write(SOURCE, record) is True
    rows = google.sheets(KEY)["Commitments"]
    assert rows[0][-1] == "id"
    assert rows[-1] == [
        "",
        "2024-03-01",
        "Food Hub",
        "Ann Lee",
        "2024-03-20",
        "Call the grocer",
        "c-test-1",
    ]


@pytest.mark.slow
def test_a_timeout_after_google_wrote_leaves_exactly_one_row(google, tmp_path):
    google.add_spreadsheet(KEY, river_valley())
    before = len(google.sheets(KEY)["Wins"])
    google.delay_next(3_600, times=1, kind="append", after=True)  # written, its answer lost
    assert write(SOURCE, _win(), timeout=5) is False  # the retry found its id: not again
    rows = google.sheets(KEY)["Wins"]
    assert len(rows) == before + 1
    assert sum(row[-1] == "w-test-1" for row in rows) == 1
    assert google.count("append") == 1


def test_the_same_id_twice_writes_one_row(google):
    google.add_spreadsheet(KEY, river_valley())
    assert write(SOURCE, _win()) is True
    assert write(SOURCE, _win(win="Clicked twice")) is False
    assert [row[-1] for row in google.sheets(KEY)["Wins"]].count("w-test-1") == 1


def test_server_errors_are_retried_then_written_once(google):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(503, times=2, kind="append")
    assert write(SOURCE, _win()) is True
    assert google.count("append") == 3
    assert [row[-1] for row in google.sheets(KEY)["Wins"]].count("w-test-1") == 1


def test_formula_looking_text_stays_text(google):
    google.add_spreadsheet(KEY, river_valley())
    write(SOURCE, _win(win='=HYPERLINK("http://evil.example","click")', people="@Ann, +Bo"))
    rows = google.sheets(KEY)["Wins"]
    assert rows[-1][1] == '=HYPERLINK("http://evil.example","click")'
    assert google.formula_cells(KEY) == set()


def test_an_api_key_cannot_write(double, monkeypatch):
    double.add_spreadsheet(KEY, river_valley(), public=True)
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.chdir("/")
    with pytest.raises(WriteError, match="only an API key"):
        write(
            SourceConfig(location=KEY, kind="gsheets", api_key=double.api_key, writable=True),
            _win(),
        )
    monkeypatch.setenv("SMALLWINS_SHEETS_API_KEY", double.api_key)
    with pytest.raises(WriteError, match="service account"):
        write(SOURCE, _win())
    assert double.count("append") == 0


def test_a_sheet_not_shared_for_editing_says_so(google):
    google.add_spreadsheet(KEY, river_valley())
    google.deny(KEY)
    with pytest.raises(WriteError):
        write(SOURCE, _win())
