"""The double's values through the real gspread client: metadata, values.get and batchGet in
both render options, ranges resolved against the grid, and appends (RAW and USER_ENTERED).

If the double drifted from Google, every dashboard test built on it would prove nothing; these
tests hold it to what gspread does with its answers (``test_recorded.py`` holds it to Google's
recorded bytes).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import WRITE_SCOPE, service_client
from tests.sheets_double.riverside import PRIVATE, PROJECTS, TABS, UNFORMATTED, riverside


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    yield from riverside()


def test_open_by_key_costs_one_token_and_one_metadata_request(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)

    assert spreadsheet.title == "Riverside collaboration"
    assert (double.count("token"), double.count("metadata", PRIVATE)) == (1, 1)
    token_request = next(r for r in double.requests if r.kind == "token")
    assert token_request.body["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
    metadata_request = next(r for r in double.requests if r.kind == "metadata")
    assert metadata_request.headers["authorization"] == "Bearer ya29.test-token-1"
    assert metadata_request.query == {"includeGridData": ["false"]}

    assert [ws.title for ws in spreadsheet.worksheets()] == ["Projects", "Wins log", "Notes"]
    assert double.count("metadata") == 2  # gspread's worksheets() asks again, it caches nothing
    assert double.count("token") == 1


def test_batch_get_unformatted_gives_ragged_rows_numbers_and_serial_dates(
    double: SheetsDouble,
) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)

    body = spreadsheet.values_batch_get(TABS, params=dict(UNFORMATTED))

    assert double.count("batchGet") == 1
    assert double.requests[-1].query["ranges"] == TABS
    projects, wins, notes = body["valueRanges"]
    assert body["spreadsheetId"] == PRIVATE
    assert projects == {
        "range": "Projects!A1:Z1000",
        "majorDimension": "ROWS",
        "values": [
            ["Project", "Started", "Members", "Active", "Score"],
            ["Garden", 43831, 53, True, 1.5],
            ["Library", 43831.5, 7, False],
            [],
            ["Bikes", "", 2],
        ],
    }
    assert wins["range"] == "'Wins log'!A1:Z1000"
    assert notes == {"range": "Notes!A1:Z1000", "majorDimension": "ROWS"}


def test_formatted_value_is_the_default_and_gives_display_strings(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)

    projects = spreadsheet.values_batch_get(["'Projects'"])["valueRanges"][0]["values"]

    assert projects[1:3] == [
        ["Garden", "2020-01-01", "53", "TRUE", "1.5"],
        ["Library", "2020-01-01 12:00:00", "7", "FALSE"],
    ]


def test_unformatted_values_with_formatted_string_dates(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)
    params = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "FORMATTED_STRING"}

    row = spreadsheet.values_get("'Projects'!A2:E2", params=params)["values"][0]

    assert row == ["Garden", "2020-01-01", 53, True, 1.5]


def test_ranges_resolve_against_the_grid(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)

    header = spreadsheet.values_get("'Projects'!A1:1")
    box = spreadsheet.values_get("Projects!B1:C10")
    columns = spreadsheet.values_batch_get(["Projects!A:Z"])["valueRanges"][0]

    assert header["range"] == "Projects!A1:Z1"
    assert header["values"] == [PROJECTS[0]]
    assert box["range"] == "Projects!B1:C10"
    assert box["values"] == [
        ["Started", "Members"],
        ["2020-01-01", "53"],
        ["2020-01-01 12:00:00", "7"],
        [],
        ["", "2"],
    ]
    assert columns["range"] == "Projects!A1:Z1000"
    assert double.count("get") == 2


def test_append_row_raw_adds_a_row_and_keeps_formulas_as_text(double: SheetsDouble) -> None:
    worksheet = service_client(double, WRITE_SCOPE).open_by_key(PRIVATE).worksheet("Wins log")

    answer = worksheet.append_row(["2024-05-01", "=1+1"], value_input_option="RAW")

    assert answer == {
        "spreadsheetId": PRIVATE,
        "tableRange": "'Wins log'!A1:B1",
        "updates": {
            "spreadsheetId": PRIVATE,
            "updatedRange": "'Wins log'!A2:B2",
            "updatedRows": 1,
            "updatedColumns": 2,
            "updatedCells": 2,
        },
    }
    assert double.count("append", PRIVATE) == 1
    assert double.requests[-1].query["valueInputOption"] == ["RAW"]
    assert double.sheets(PRIVATE)["Wins log"] == [["Date", "Win"], ["2024-05-01", "=1+1"]]
    assert double.formula_cells(PRIVATE) == set()
    assert worksheet.get_all_values() == [["Date", "Win"], ["2024-05-01", "=1+1"]]


def test_append_row_user_entered_parses_values_and_records_formulas(double: SheetsDouble) -> None:
    worksheet = service_client(double, WRITE_SCOPE).open_by_key(PRIVATE).worksheet("Wins log")

    worksheet.append_row(["2024-05-02", "=1+1", "53"], value_input_option="USER_ENTERED")

    assert double.sheets(PRIVATE)["Wins log"][1] == [date(2024, 5, 2), "=1+1", 53]
    assert double.formula_cells(PRIVATE) == {("Wins log", 2, 2)}
