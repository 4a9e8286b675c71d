"""``spreadsheets.batchUpdate`` in the double, through the real gspread client: Google's request
and answer shapes, an atomic batch, 400 for what Google refuses, the write scope, the write quota.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import READ_SCOPE, WRITE_SCOPE, service_client

KEY = "1BatchUpdateWorkbook0000000000000001"
GRID = (1000, 26)  # a new tab's grid, as Google makes it


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(KEY, {"Wins": [["Date", "Win", "Size"]], "People": [["Name"]]})
        yield server
        assert server.errors == []


def _ids(double: SheetsDouble) -> dict[str, int]:
    metadata = service_client(double).http_client.fetch_sheet_metadata(KEY)
    return {s["properties"]["title"]: s["properties"]["sheetId"] for s in metadata["sheets"]}


def _size_list(sheet_id: int) -> dict:
    return {
        "setDataValidation": {
            "range": {
                "sheetId": sheet_id,
                "startRowIndex": 1,
                "startColumnIndex": 2,
                "endColumnIndex": 3,
            },
            "rule": {
                "condition": {
                    "type": "ONE_OF_LIST",
                    "values": [{"userEnteredValue": "small"}, {"userEnteredValue": "large"}],
                },
                "strict": True,
                "showCustomUi": True,
            },
        }
    }


def test_the_five_requests_are_answered_and_kept(double) -> None:
    wins = _ids(double)["Wins"]
    overdue = {
        "ranges": [{"sheetId": wins, "startRowIndex": 1}],
        "booleanRule": {
            "condition": {
                "type": "CUSTOM_FORMULA",
                "values": [{"userEnteredValue": "=$A2<TODAY()"}],
            },
            "format": {"backgroundColor": {"red": 1}},
        },
    }
    requests = [
        _size_list(wins),
        {
            "repeatCell": {
                "range": {"sheetId": wins, "startRowIndex": 0, "endRowIndex": 1},
                "cell": {
                    "userEnteredFormat": {
                        "textFormat": {"bold": True},
                        "backgroundColor": {"red": 1},
                    }
                },
                "fields": "userEnteredFormat.textFormat.bold",
            }
        },
        {
            "updateSheetProperties": {
                "properties": {"sheetId": wins, "gridProperties": {"frozenRowCount": 1}},
                "fields": "gridProperties.frozenRowCount",
            }
        },
        {
            "updateDimensionProperties": {
                "range": {"sheetId": wins, "dimension": "COLUMNS", "startIndex": 1, "endIndex": 2},
                "properties": {"pixelSize": 300},
                "fields": "pixelSize",
            }
        },
        {"addConditionalFormatRule": {"rule": overdue, "index": 0}},
    ]
    answer = (
        service_client(double, WRITE_SCOPE).open_by_key(KEY).batch_update({"requests": requests})
    )
    assert answer == {"spreadsheetId": KEY, "replies": [{}, {}, {}, {}, {}]}
    kept = double.formatting(KEY)["Wins"]
    # the size list on C2 … C1000: 999 cells of column index 2, none in the header row
    assert {cell for cell in kept.validations} == {(row, 2) for row in range(1, GRID[0])}
    assert kept.validations[(5, 2)]["condition"]["values"][1] == {"userEnteredValue": "large"}
    # bold on the 26 cells of row 1; the background was not in "fields", so it was not set
    assert kept.formats[(0, 25)] == {"userEnteredFormat": {"textFormat": {"bold": True}}}
    assert (1, 0) not in kept.formats
    assert kept.frozen_rows == 1 and kept.column_widths == {1: 300}
    assert kept.conditional_formats == [overdue]
    assert double.formatting(KEY)["People"].validations == {}  # another tab: untouched
    metadata = service_client(double).http_client.fetch_sheet_metadata(KEY)
    sheet = metadata["sheets"][0]
    assert sheet["properties"]["gridProperties"]["frozenRowCount"] == 1
    assert sheet["conditionalFormats"] == [overdue]
    assert double.count("batchUpdate", KEY, 200) == 1


def _refusal(double, requests) -> dict:
    with pytest.raises(APIError) as refused:
        service_client(double, WRITE_SCOPE).open_by_key(KEY).batch_update({"requests": requests})
    assert refused.value.code == 400
    return refused.value.response.json()["error"]


def test_an_unknown_request_is_refused_and_nothing_of_the_batch_is_applied(double) -> None:
    wins = _ids(double)["Wins"]
    error = _refusal(double, [_size_list(wins), {"mergeCells": {}}])
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == (
        "Invalid JSON payload received. Unknown name \"mergeCells\" at 'requests[1]': "
        "Cannot find field."
    )
    assert double.formatting(KEY)["Wins"].validations == {}  # the first request was not applied


def test_a_range_on_no_tab_or_past_the_grid_is_refused(double) -> None:
    error = _refusal(double, [_size_list(424242)])
    assert error["message"] == "Invalid requests[0].setDataValidation: No grid with id: 424242"
    wins = _ids(double)["Wins"]
    past = {
        "repeatCell": {
            "range": {"sheetId": wins, "startRowIndex": 0, "endRowIndex": 1001},
            "cell": {},
            "fields": "*",
        }
    }
    error = _refusal(double, [past])
    assert error["message"] == (
        "Invalid requests[0].repeatCell: Range exceeds grid limits. Max rows: 1000, max columns: 26"
    )


def test_a_read_only_token_may_not_batch_update(double) -> None:
    wins = _ids(double)["Wins"]
    with pytest.raises(APIError) as refused:
        service_client(double, READ_SCOPE).open_by_key(KEY).batch_update(
            {"requests": [_size_list(wins)]}
        )
    assert refused.value.code == 403
    assert refused.value.response.json()["error"]["message"] == (
        "Request had insufficient authentication scopes."
    )
    assert double.formatting(KEY)["Wins"].validations == {}


def test_a_batch_update_counts_as_a_write_for_the_quota(double) -> None:
    wins = _ids(double)["Wins"]
    book = service_client(double, WRITE_SCOPE).open_by_key(KEY)  # its metadata: a read
    double.set_quota(1)
    book.batch_update({"requests": [_size_list(wins)]})  # the one write of the minute
    with pytest.raises(APIError) as refused:
        book.batch_update({"requests": [_size_list(wins)]})
    assert refused.value.code == 429
    assert (
        "'Write requests per minute per user'" in refused.value.response.json()["error"]["message"]
    )
    book.client.values_batch_get(KEY, ["Wins"])  # reads are counted apart: served
