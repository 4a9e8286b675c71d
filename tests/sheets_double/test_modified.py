"""Drive's modifiedTime in the double: set when a spreadsheet is added, moved (strictly later,
to the millisecond) by every change through the API or by hand, and by nothing else."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import DRIVE_METADATA_SCOPE, WRITE_SCOPE, service_client

KEY = "1ModifiedWorkbook00000000000000001"
OTHER = "1ModifiedWorkbook00000000000000002"
RFC3339_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
LAST_YEAR = datetime(2025, 6, 30, 23, 59, 59, 999999, tzinfo=UTC)


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(KEY, {"Wins": [["Date", "Win"]]}, modified_time=LAST_YEAR)
        server.add_spreadsheet(OTHER, {"Wins": []}, modified_time=LAST_YEAR)
        yield server
        assert server.errors == []


def _moment(text: str) -> datetime:
    assert RFC3339_MS.fullmatch(text), text
    return datetime.fromisoformat(text)


def test_added_time_is_reported_in_utc_with_milliseconds(double) -> None:
    # 2025-06-30 23:59:59.999999 keeps its milliseconds (.999), never rounds into July
    assert double.modified_time(KEY) == "2025-06-30T23:59:59.999Z"
    eastern = datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=timezone(timedelta(hours=-5)))
    double.add_spreadsheet("1Eastern", {"Wins": []}, modified_time=eastern)
    assert double.modified_time("1Eastern") == "2024-01-02T08:04:05.006Z"  # 03:04 -5h = 08:04 UTC
    before = datetime.now(UTC) - timedelta(milliseconds=1)
    double.add_spreadsheet("1Now", {"Wins": []})
    assert before <= _moment(double.modified_time("1Now")) <= datetime.now(UTC)


def test_appends_move_modified_time_strictly_forward_and_reads_do_not(double) -> None:
    client = service_client(double, [WRITE_SCOPE, DRIVE_METADATA_SCOPE])
    worksheet = client.open_by_key(KEY).worksheet("Wins")
    seen = [client.http_client.get_file_drive_metadata(KEY)["modifiedTime"]]

    for n in range(5):  # faster than a millisecond apart, still each later than the last
        worksheet.append_row([f"2024-05-0{n + 1}", f"win {n}"])
        seen.append(client.http_client.get_file_drive_metadata(KEY)["modifiedTime"])
    worksheet.get_all_values()
    client.http_client.fetch_sheet_metadata(KEY)

    moments = [_moment(text) for text in seen]
    assert moments[0] == LAST_YEAR.replace(microsecond=999000)
    assert all(b - a >= timedelta(milliseconds=1) for a, b in itertools.pairwise(moments))
    assert double.modified_time(KEY) == seen[-1]  # reads changed nothing
    assert double.modified_time(OTHER) == "2025-06-30T23:59:59.999Z"  # another file untouched


def test_a_refused_write_does_not_move_it(double) -> None:
    spreadsheet = service_client(double, WRITE_SCOPE).open_by_key(KEY)

    with pytest.raises(APIError):
        spreadsheet.values_append("'Nope'!A1", {"valueInputOption": "RAW"}, {"values": [["x"]]})
    with pytest.raises(APIError):
        spreadsheet.values_update("Wins!A1", params={}, body={"values": [["x"]]})

    assert double.modified_time(KEY) == "2025-06-30T23:59:59.999Z"


def test_update_edit_and_touch_move_it(double) -> None:
    spreadsheet = service_client(double, WRITE_SCOPE).open_by_key(KEY)
    times = [double.modified_time(KEY)]

    spreadsheet.values_update("Wins!A2", {"valueInputOption": "RAW"}, {"values": [["x", "y"]]})
    times.append(double.modified_time(KEY))
    double.edit(KEY, "Wins", [["Date", "Win"], ["2024-05-01", "53"], ["=1+1"]])
    times.append(double.modified_time(KEY))
    double.edit(KEY, "People", [["Name"], ["Ann Lee"]])
    times.append(double.modified_time(KEY))
    double.touch(KEY)
    times.append(double.modified_time(KEY))

    assert times == sorted(set(times))  # five distinct, increasing
    # typed as a person would: a date and a number are parsed, a formula is recorded
    assert double.sheets(KEY) == {
        "Wins": [["Date", "Win"], [date(2024, 5, 1), 53], ["=1+1"]],
        "People": [["Name"], ["Ann Lee"]],
    }
    assert double.formula_cells(KEY) == {("Wins", 3, 1)}
    titles = [s["properties"]["title"] for s in spreadsheet.fetch_sheet_metadata()["sheets"]]
    assert titles == ["Wins", "People"]


def test_the_list_shows_the_latest_change_first(double) -> None:
    client = service_client(double, DRIVE_METADATA_SCOPE)
    double.edit(OTHER, "Wins", [["Date"]])

    listed = client.list_spreadsheet_files()

    assert [f["id"] for f in listed] == [OTHER, KEY]
    assert listed[0]["modifiedTime"] == double.modified_time(OTHER) > listed[1]["modifiedTime"]
    assert listed[1]["createdTime"] == listed[1]["modifiedTime"] == "2025-06-30T23:59:59.999Z"


def test_a_change_never_moves_it_back_even_from_a_clock_ahead(double) -> None:
    # a modifiedTime ahead of this machine's clock (Google's clock, not ours): each change still
    # moves it later, by the 1 ms Drive can show, rather than back to "now"
    ahead = datetime(2999, 1, 1, tzinfo=UTC)
    double.add_spreadsheet("1Ahead", {"Wins": []}, modified_time=ahead)

    double.touch("1Ahead")
    double.edit("1Ahead", "Wins", [["Date"]])

    assert double.modified_time("1Ahead") == "2999-01-01T00:00:00.002Z"
