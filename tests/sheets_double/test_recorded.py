"""The double's answers against the recordings: the same JSON Google sent, byte for byte where
the data allows (values.get, batchGet, render options, append, metadata)."""

from __future__ import annotations

from datetime import date

from tests.sheets_double import SheetsDouble, recorded_interactions
from tests.sheets_double.cassettes import recorded_body, spreadsheet_ids
from tests.sheets_double.clients import WRITE_SCOPE, service_client


def test_double_answers_values_get_as_recorded() -> None:
    cassette = "WorksheetTest.test_get_all_values"
    key = spreadsheet_ids(recorded_interactions(cassette))[0]
    cells = [["A1", "B1", "", "D1"], ["", "b2", "", ""], ["", "", "", ""], ["A4", "B4", "", "D4"]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": cells}, grid={"Sheet1": (4, 4)})
        double.add_spreadsheet("empty" + key, {"Sheet1": []}, grid={"Sheet1": (4, 4)})
        client = service_client(double)

        whole = client.open_by_key(key).values_get("'Sheet1'")
        empty = client.open_by_key("empty" + key).values_get("'Sheet1'!A1:D1")

    assert whole == recorded_body(cassette, "GET", f"{key}/values/'Sheet1'", query={})
    assert empty == recorded_body(cassette, "GET", f"{key}/values/'Sheet1'!A1:D1")


def test_double_answers_batch_get_as_recorded() -> None:
    cassette = "SpreadsheetTest.test_values_batch_get"
    key = spreadsheet_ids(recorded_interactions(cassette))[0]
    tab = "🌵 test_values_batch_get 1"
    fruit = [["🍇", "🍉", "🍋"], ["🍐", "🍎", "🍓"]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": [], tab: fruit}, grid={tab: (10, 10)})
        spreadsheet = service_client(double).open_by_key(key)

        body = spreadsheet.values_batch_get([f"{tab}!A:A", f"{tab}!B:B", f"{tab}!C:C"])

    assert body == recorded_body(cassette, "GET", f"{key}/values:batchGet")


def test_double_renders_values_as_recorded() -> None:
    cassette = "WorksheetTest.test_get_all_records_value_render_options"
    key = spreadsheet_ids(recorded_interactions(cassette))[0]
    cells = [[2, date(2020, 1, 1), "string", 53], [1.5, 0.12, date(1999, 1, 2), ""]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": cells}, grid={"Sheet1": (2, 4)})
        spreadsheet = service_client(double).open_by_key(key)

        formatted = spreadsheet.values_get("'Sheet1'")
        unformatted = spreadsheet.values_get("'Sheet1'", {"valueRenderOption": "UNFORMATTED_VALUE"})

    path = f"{key}/values/'Sheet1'"
    assert formatted == recorded_body(cassette, "GET", path, query={})
    assert unformatted == recorded_body(
        cassette, "GET", path, query={"valueRenderOption": "UNFORMATTED_VALUE"}
    )


def test_double_appends_and_reads_the_header_as_recorded() -> None:
    cassette = "WorksheetTest.test_append_row"
    key = spreadsheet_ids(recorded_interactions(cassette))[0]
    row = [f"test_append_row {n}" for n in range(1, 11)]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": []})
        spreadsheet = service_client(double, WRITE_SCOPE).open_by_key(key)

        appended = spreadsheet.sheet1.append_row(row)
        header = spreadsheet.values_get("'Sheet1'!A1:1")

    assert appended == recorded_body(cassette, "POST", f"{key}/values/'Sheet1':append")
    assert header == recorded_body(cassette, "GET", f"{key}/values/'Sheet1'!A1:1")


def test_double_metadata_has_the_recorded_shape() -> None:
    cassette = "ClientTest.test_access_private_spreadsheet"
    key = spreadsheet_ids(recorded_interactions(cassette))[0]
    recorded = recorded_body(cassette, "GET", f"spreadsheets/{key}")
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": []}, title=recorded["properties"]["title"])
        ours = service_client(double).http_client.fetch_sheet_metadata(key)

    assert ours.keys() == recorded.keys()
    assert ours["sheets"] == recorded["sheets"]
    assert ours["spreadsheetUrl"] == recorded["spreadsheetUrl"]
    assert ours["properties"].items() <= recorded["properties"].items()
