"""The recording replayer: what Google really sent, served again to the real gspread client."""

from __future__ import annotations

import pytest
from gspread.exceptions import APIError, SpreadsheetNotFound

from tests.sheets_double import ReplayServer, recorded_interactions
from tests.sheets_double.cassettes import spreadsheet_ids
from tests.sheets_double.clients import anonymous_client


def test_replay_get_all_values_ragged_rows_and_missing_values() -> None:
    interactions = recorded_interactions("WorksheetTest.test_get_all_values")
    first, second = spreadsheet_ids(interactions)[:2]
    with ReplayServer(interactions) as replay:
        client = anonymous_client(replay.url)
        spreadsheet = client.open_by_key(first)

        padded = spreadsheet.sheet1.get_all_values()
        empty = spreadsheet.values_get("'Sheet1'!A1:D1")
        raw = client.open_by_key(second).values_get("'Sheet1'")

    assert padded == [
        ["A1", "B1", "", "D1"],
        ["", "b2", "", ""],
        ["", "", "", ""],
        ["A4", "B4", "", "D4"],
    ]
    assert empty == {"range": "Sheet1!A1:D1", "majorDimension": "ROWS"}
    assert raw["values"] == [["A1", "B1", "", "D1"], ["", "b2"], [], ["A4", "B4", "", "D4"]]
    assert replay.unmatched == []
    assert replay.count() == 6


def test_replay_non_existing_spreadsheet_is_404() -> None:
    interactions = recorded_interactions("ClientTest.test_access_non_existing_spreadsheet")
    with ReplayServer(interactions) as replay, pytest.raises(SpreadsheetNotFound) as missing:
        anonymous_client(replay.url).open_by_key("test")

    assert missing.value.__cause__.response.status_code == 404
    assert missing.value.__cause__.response.json() == {
        "error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    }
    assert replay.unmatched == []


def test_replay_private_spreadsheet_is_permission_error() -> None:
    interactions = recorded_interactions("ClientTest.test_access_private_spreadsheet")
    with ReplayServer(interactions) as replay, pytest.raises(PermissionError) as denied:
        anonymous_client(replay.url).open_by_key("1jIKzPs8LsiZZdLdeMEP-5ZIHw6RkjiOmj1LrJN706Yc")

    assert denied.value.__cause__.code == 403
    assert denied.value.__cause__.error["message"] == "The caller does not have permission"
    assert replay.unmatched == []


def test_replay_answers_only_what_was_recorded() -> None:
    interactions = recorded_interactions("ClientTest.test_access_private_spreadsheet")
    with ReplayServer(interactions) as replay, pytest.raises(APIError) as unknown:
        anonymous_client(replay.url).open_by_key("1NotInTheRecording000000000000000")

    assert unknown.value.code == 501
    assert len(replay.unmatched) == 1
