"""The Sheets test double and the recording replayer, driven through the real gspread client.

If the double drifted from Google, every dashboard test built on it would prove nothing; so these
tests hold it to the recorded exchanges in ``tests/recordings`` (same JSON, byte for
byte where the data allows) and to what gspread and google-auth do with its answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import parse_qsl, unquote, urlsplit

import gspread
import pytest
import requests
from google.oauth2.service_account import Credentials
from gspread.exceptions import APIError, SpreadsheetNotFound

from tests.sheets_double import ReplayServer, SheetsDouble, recorded_interactions
from tests.sheets_double.clients import (
    READ_SCOPE,
    WRITE_SCOPE,
    anonymous_client,
    redirected,
    service_client,
)

PRIVATE = "1SmallWinsPrivateWorkbook00000000001"
PUBLIC = "1SmallWinsPublicWorkbook000000000002"
UNFORMATTED = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}
PROJECTS = [
    ["Project", "Started", "Members", "Active", "Score"],
    ["Garden", date(2020, 1, 1), 53, True, 1.5],
    ["Library", datetime(2020, 1, 1, 12, 0), 7, False, None],
    [None, None, None],
    ["Bikes", "", 2, None, ""],
    [None, ""],
]
TABS = ["'Projects'", "'Wins log'", "'Notes'"]


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(
            PRIVATE,
            {"Projects": PROJECTS, "Wins log": [["Date", "Win"]], "Notes": []},
            title="Riverside collaboration",
        )
        server.add_spreadsheet(PUBLIC, {"Projects": [["Project"], ["Garden"]]}, public=True)
        yield server
        assert server.errors == []


# --- the double through gspread ----------------------------------------------------------------


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


def test_unknown_tab_and_out_of_grid_ranges_are_400(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)

    with pytest.raises(APIError) as unknown:
        spreadsheet.values_batch_get(["'Nope'!A1:B2"])
    with pytest.raises(APIError) as too_wide:
        spreadsheet.values_get("'Projects'!A1:AA1")

    assert unknown.value.code == 400
    assert unknown.value.error["message"] == "Unable to parse range: 'Nope'!A1:B2"
    assert unknown.value.error["status"] == "INVALID_ARGUMENT"
    assert too_wide.value.code == 400
    assert "exceeds grid limits. Max rows: 1000, max columns: 26" in str(too_wide.value)


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


def test_read_only_token_cannot_append(double: SheetsDouble) -> None:
    worksheet = service_client(double, READ_SCOPE).open_by_key(PRIVATE).worksheet("Wins log")

    with pytest.raises(APIError) as refused:
        worksheet.append_row(["2024-05-03", "no"])

    assert refused.value.code == 403
    assert refused.value.error["message"] == "Request had insufficient authentication scopes."
    assert double.sheets(PRIVATE)["Wins log"] == [["Date", "Win"]]


def test_unknown_key_is_spreadsheet_not_found(double: SheetsDouble) -> None:
    with pytest.raises(SpreadsheetNotFound):
        service_client(double).open_by_key("1NoSuchWorkbook0000000000000000000")


def test_denied_spreadsheet_is_permission_error(double: SheetsDouble) -> None:
    double.deny(PRIVATE)

    with pytest.raises(PermissionError) as denied:
        service_client(double).open_by_key(PRIVATE)

    assert denied.value.__cause__.response.json()["error"]["status"] == "PERMISSION_DENIED"


def test_injected_quota_error_surfaces_once_as_api_error(double: SheetsDouble) -> None:
    spreadsheet = service_client(double).open_by_key(PRIVATE)
    double.fail_next(429, kind="batchGet")

    with pytest.raises(APIError) as quota:
        spreadsheet.values_batch_get(TABS)

    assert quota.value.code == 429
    assert quota.value.error["status"] == "RESOURCE_EXHAUSTED"
    assert quota.value.error["message"].startswith(
        "Quota exceeded for quota metric 'Read requests'"
    )
    assert len(spreadsheet.values_batch_get(TABS)["valueRanges"]) == 3
    assert double.count("batchGet") == 2


def test_google_auth_hides_one_401_by_refreshing_the_token(double: SheetsDouble) -> None:
    double.fail_next(401, kind="metadata")

    assert service_client(double).open_by_key(PRIVATE).title == "Riverside collaboration"
    assert (double.count("token"), double.count("metadata")) == (2, 2)

    double.fail_next(401, times=3, kind="metadata")
    with pytest.raises(APIError) as refused:
        service_client(double).open_by_key(PRIVATE)
    assert refused.value.code == 401
    assert (double.count("token"), double.count("metadata")) == (5, 5)


def test_slow_answer_raises_read_timeout(double: SheetsDouble) -> None:
    client = service_client(double)
    client.http_client.set_timeout(0.5)
    double.delay_next(3.0, kind="metadata")

    with pytest.raises(requests.exceptions.ReadTimeout):
        client.open_by_key(PRIVATE)


def test_api_key_reads_a_public_spreadsheet(double: SheetsDouble) -> None:
    client = gspread.api_key(double.api_key, http_client=redirected(double.url))

    spreadsheet = client.open_by_key(PUBLIC)
    body = spreadsheet.values_batch_get(["'Projects'"], params=dict(UNFORMATTED))

    assert body["valueRanges"][0]["values"] == [["Project"], ["Garden"]]
    assert double.count("token") == 0
    # google-auth's API-key credentials send a header, not the ``key=`` query parameter
    assert double.requests[-1].headers["x-goog-api-key"] == double.api_key
    assert "authorization" not in double.requests[-1].headers


def test_api_key_is_refused_by_a_private_spreadsheet(double: SheetsDouble) -> None:
    with pytest.raises(PermissionError):
        gspread.api_key(double.api_key, http_client=redirected(double.url)).open_by_key(PRIVATE)
    with pytest.raises(APIError) as wrong_key:
        gspread.api_key("not-the-key", http_client=redirected(double.url)).open_by_key(PUBLIC)
    assert wrong_key.value.code == 400

    answer = requests.get(f"{double.url}/v4/spreadsheets/{PUBLIC}", params={"key": "test-api-key"})
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json; charset=UTF-8"


def test_no_credentials_is_401_unauthenticated(double: SheetsDouble) -> None:
    with pytest.raises(APIError) as missing:
        anonymous_client(double.url).open_by_key(PUBLIC)

    assert missing.value.code == 401
    assert missing.value.error["status"] == "UNAUTHENTICATED"
    assert missing.value.error["message"].startswith("Request is missing required authentication")


def test_service_account_info_is_a_usable_key_file(double: SheetsDouble, tmp_path) -> None:
    info = double.service_account_info(tmp_path)

    on_disk = json.loads((tmp_path / "service_account.json").read_text())
    creds = Credentials.from_service_account_info(on_disk, scopes=[READ_SCOPE])
    assert on_disk == info
    assert info["token_uri"] == f"{double.url}/token"
    assert info["private_key"].startswith("-----BEGIN PRIVATE KEY-----")
    assert creds.service_account_email == info["client_email"]


# --- replaying what Google really sent ---------------------------------------------------------


def _spreadsheet_ids(interactions: list[dict]) -> list[str]:
    """Ids of the spreadsheets whose metadata the recording reads, in first-read order."""
    paths = [urlsplit(i["request"]["uri"]).path for i in interactions]
    found = (re.fullmatch(r"/v4/spreadsheets/([^/:]+)", path) for path in paths)
    return list(dict.fromkeys(match.group(1) for match in found if match))


def _recorded_body(
    cassette: str, method: str, path_end: str, query: dict[str, str] | None = None
) -> dict:
    """Google's JSON answer to the first recorded request with that method, path end, query."""
    for interaction in recorded_interactions(cassette):
        request = interaction["request"]
        uri = urlsplit(request["uri"])
        if (
            request["method"] == method
            and unquote(uri.path).endswith(path_end)
            and (query is None or dict(parse_qsl(uri.query)) == query)
        ):
            return json.loads(interaction["response"]["body"]["string"])
    raise LookupError(f"{cassette} has no {method} ...{path_end} {query}")


def test_replay_get_all_values_ragged_rows_and_missing_values() -> None:
    interactions = recorded_interactions("WorksheetTest.test_get_all_values")
    first, second = _spreadsheet_ids(interactions)[:2]
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


# --- the double's answers against the recordings ------------------------------------------------


def test_double_answers_values_get_as_recorded() -> None:
    cassette = "WorksheetTest.test_get_all_values"
    key = _spreadsheet_ids(recorded_interactions(cassette))[0]
    cells = [["A1", "B1", "", "D1"], ["", "b2", "", ""], ["", "", "", ""], ["A4", "B4", "", "D4"]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": cells}, grid={"Sheet1": (4, 4)})
        double.add_spreadsheet("empty" + key, {"Sheet1": []}, grid={"Sheet1": (4, 4)})
        client = service_client(double)

        whole = client.open_by_key(key).values_get("'Sheet1'")
        empty = client.open_by_key("empty" + key).values_get("'Sheet1'!A1:D1")

    assert whole == _recorded_body(cassette, "GET", f"{key}/values/'Sheet1'", query={})
    assert empty == _recorded_body(cassette, "GET", f"{key}/values/'Sheet1'!A1:D1")


def test_double_answers_batch_get_as_recorded() -> None:
    cassette = "SpreadsheetTest.test_values_batch_get"
    key = _spreadsheet_ids(recorded_interactions(cassette))[0]
    tab = "🌵 test_values_batch_get 1"
    fruit = [["🍇", "🍉", "🍋"], ["🍐", "🍎", "🍓"]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": [], tab: fruit}, grid={tab: (10, 10)})
        spreadsheet = service_client(double).open_by_key(key)

        body = spreadsheet.values_batch_get([f"{tab}!A:A", f"{tab}!B:B", f"{tab}!C:C"])

    assert body == _recorded_body(cassette, "GET", f"{key}/values:batchGet")


def test_double_renders_values_as_recorded() -> None:
    cassette = "WorksheetTest.test_get_all_records_value_render_options"
    key = _spreadsheet_ids(recorded_interactions(cassette))[0]
    cells = [[2, date(2020, 1, 1), "string", 53], [1.5, 0.12, date(1999, 1, 2), ""]]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": cells}, grid={"Sheet1": (2, 4)})
        spreadsheet = service_client(double).open_by_key(key)

        formatted = spreadsheet.values_get("'Sheet1'")
        unformatted = spreadsheet.values_get("'Sheet1'", {"valueRenderOption": "UNFORMATTED_VALUE"})

    path = f"{key}/values/'Sheet1'"
    assert formatted == _recorded_body(cassette, "GET", path, query={})
    assert unformatted == _recorded_body(
        cassette, "GET", path, query={"valueRenderOption": "UNFORMATTED_VALUE"}
    )


def test_double_appends_and_reads_the_header_as_recorded() -> None:
    cassette = "WorksheetTest.test_append_row"
    key = _spreadsheet_ids(recorded_interactions(cassette))[0]
    row = [f"test_append_row {n}" for n in range(1, 11)]
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": []})
        spreadsheet = service_client(double, WRITE_SCOPE).open_by_key(key)

        appended = spreadsheet.sheet1.append_row(row)
        header = spreadsheet.values_get("'Sheet1'!A1:1")

    assert appended == _recorded_body(cassette, "POST", f"{key}/values/'Sheet1':append")
    assert header == _recorded_body(cassette, "GET", f"{key}/values/'Sheet1'!A1:1")


def test_double_metadata_has_the_recorded_shape() -> None:
    cassette = "ClientTest.test_access_private_spreadsheet"
    key = _spreadsheet_ids(recorded_interactions(cassette))[0]
    recorded = _recorded_body(cassette, "GET", f"spreadsheets/{key}")
    with SheetsDouble() as double:
        double.add_spreadsheet(key, {"Sheet1": []}, title=recorded["properties"]["title"])
        ours = service_client(double).http_client.fetch_sheet_metadata(key)

    assert ours.keys() == recorded.keys()
    assert ours["sheets"] == recorded["sheets"]
    assert ours["spreadsheetUrl"] == recorded["spreadsheetUrl"]
    assert ours["properties"].items() <= recorded["properties"].items()
