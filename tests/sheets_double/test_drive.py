"""Drive v3 files.list / files.get in the double, through the real gspread client, held to the
recorded Drive answers in ``tests/recordings``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from gspread.exceptions import APIError

from tests.sheets_double import ReplayServer, SheetsDouble, recorded_interactions
from tests.sheets_double.clients import (
    DRIVE_METADATA_SCOPE,
    READ_SCOPE,
    anonymous_client,
    api_key_client,
    service_client,
)

SCOPES = [READ_SCOPE, DRIVE_METADATA_SCOPE]  # what the app asks for
SHARED = "1DriveSharedWorkbook00000000000001"
UNSHARED = "1DriveUnsharedWorkbook000000000002"
PUBLIC = "1DrivePublicWorkbook00000000000003"
MODIFIED = datetime(2024, 3, 1, 9, 30, 15, 123456)  # naive = UTC; Drive keeps the milliseconds


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(SHARED, {"Wins": []}, title="Riverside", modified_time=MODIFIED)
        server.add_spreadsheet(UNSHARED, {"Wins": []}, title="Hidden", shared=False)
        server.add_spreadsheet(PUBLIC, {"Wins": []}, title="Open", public=True, shared=False)
        yield server
        assert server.errors == []


def _recorded_drive_get(cassette: str, path_part: str) -> tuple[str, dict[str, str], str]:
    """The first recorded Drive GET whose URI holds ``path_part``: path, query, body text."""
    for interaction in recorded_interactions(cassette):
        uri = urlsplit(interaction["request"]["uri"])
        if interaction["request"]["method"] == "GET" and path_part in uri.path + "?" + uri.query:
            return uri.path, dict(parse_qsl(uri.query)), interaction["response"]["body"]["string"]
    raise LookupError(path_part)


def test_files_list_answers_as_recorded_byte_for_byte() -> None:
    path, query, recorded = _recorded_drive_get("ClientTest.test_list_spreadsheet_files", "?q=")
    (file,) = json.loads(recorded)["files"]
    with SheetsDouble() as double:
        double.add_spreadsheet(
            file["id"],
            {"Sheet1": []},
            title=file["name"],
            created_time=datetime.fromisoformat(file["createdTime"]),
            modified_time=datetime.fromisoformat(file["modifiedTime"]),
        )
        client = service_client(double, SCOPES)

        listed = client.list_spreadsheet_files()
        raw = client.http_client.request("get", "https://www.googleapis.com" + path, params=query)

    assert listed == [file]
    assert raw.text == recorded
    assert raw.headers["Content-Type"] == "application/json; charset=UTF-8"


def test_files_get_answers_as_recorded_byte_for_byte() -> None:
    cassette = "ClientTest.test_access_non_existing_spreadsheet"
    path, query, recorded = _recorded_drive_get(cassette, "/drive/v3/files/")
    file = json.loads(recorded)
    with SheetsDouble() as double:
        double.add_spreadsheet(
            file["id"],
            {"Sheet1": []},
            title=file["name"],
            created_time=datetime.fromisoformat(file["createdTime"]),
            modified_time=datetime.fromisoformat(file["modifiedTime"]),
        )
        client = service_client(double, SCOPES)

        metadata = client.http_client.get_file_drive_metadata(file["id"])
        raw = client.http_client.request("get", "https://www.googleapis.com" + path, params=query)

    assert metadata == file
    assert raw.text == recorded


def test_replayed_files_list_reaches_gspread_unchanged() -> None:
    interactions = recorded_interactions("ClientTest.test_list_spreadsheet_files")
    with ReplayServer(interactions) as replay:
        files = anonymous_client(replay.url).list_spreadsheet_files()

    assert [f["name"] for f in files] == ["Test ClientTest test_list_spreadsheet_files"]
    assert replay.unmatched == []


def test_a_service_account_lists_only_what_is_shared_with_it(double) -> None:
    client = service_client(double, SCOPES)

    listed = client.list_spreadsheet_files()
    hidden = [client.list_spreadsheet_files(title) for title in ("Hidden", "Open")]

    # the public sheet is readable by link but was never shared: Drive does not list it
    assert listed == [
        {
            "id": SHARED,
            "name": "Riverside",
            "createdTime": "2024-03-01T09:30:15.123Z",
            "modifiedTime": "2024-03-01T09:30:15.123Z",
        }
    ]
    assert hidden == [[], []]
    assert client.list_spreadsheet_files("Riverside") == listed  # q: ... and name = "Riverside"
    assert double.requests[-1].query["q"] == [
        'mimeType="application/vnd.google-apps.spreadsheet" and name = "Riverside"'
    ]


def test_an_unshared_or_denied_file_is_drive_404_and_sheets_403(double) -> None:
    client = service_client(double, SCOPES)
    double.deny(SHARED)

    for key in (UNSHARED, SHARED, "1NoSuchFile"):
        with pytest.raises(APIError) as missing:
            client.http_client.get_file_drive_metadata(key)
        message = f"File not found: {key}."
        assert missing.value.response.json() == {
            "error": {
                "code": 404,
                "message": message,
                "errors": [
                    {
                        "message": message,
                        "domain": "global",
                        "reason": "notFound",
                        "location": "fileId",
                        "locationType": "parameter",
                    }
                ],
            }
        }
    with pytest.raises(PermissionError):
        client.open_by_key(UNSHARED)
    assert client.list_spreadsheet_files() == []
    assert client.http_client.get_file_drive_metadata(PUBLIC)["name"] == "Open"  # by its link


def test_fields_pick_the_answer_and_drive_defaults_apply_without_them(double) -> None:
    http = service_client(double, SCOPES).http_client
    files = "https://www.googleapis.com/drive/v3/files"

    default = http.request("get", f"{files}/{SHARED}").json()
    two = http.request("get", f"{files}/{SHARED}", params={"fields": "modifiedTime,id"}).json()
    listed = http.request("get", files, params={"fields": "files/id"}).json()
    everything = http.request("get", files).json()
    with pytest.raises(APIError) as unknown:
        http.request("get", f"{files}/{SHARED}", params={"fields": "id,owners"})

    mime = "application/vnd.google-apps.spreadsheet"
    assert default == {"kind": "drive#file", "id": SHARED, "name": "Riverside", "mimeType": mime}
    assert two == {"id": SHARED, "modifiedTime": "2024-03-01T09:30:15.123Z"}  # Drive's order
    assert listed == {"files": [{"id": SHARED}]}
    assert everything == {"kind": "drive#fileList", "incompleteSearch": False, "files": [default]}
    assert unknown.value.code == 400


def test_1500_spreadsheets_come_in_two_pages_of_at_most_1000(double) -> None:
    keys = [f"1Region{n:04d}" + "0" * 24 for n in range(1500)]
    for key in keys:
        double.add_spreadsheet(key, {"Wins": []}, title=key[:11], modified_time=MODIFIED)
    client = service_client(double, SCOPES)

    files = client.list_spreadsheet_files()
    pages = [r for r in double.requests if r.kind == "drive_list"]
    default_page = client.http_client.request("get", "https://www.googleapis.com/drive/v3/files")

    assert len(files) == 1501 and {f["id"] for f in files} == {SHARED, *keys}
    assert [r.query["pageSize"] for r in pages] == [["1000"], ["1000"]]
    assert "pageToken" not in pages[0].query and pages[1].query["pageToken"]
    assert len(default_page.json()["files"]) == 100  # Drive's default pageSize
    assert default_page.json()["nextPageToken"]


def test_q_terms_quotes_and_page_size_limits(double) -> None:
    http = service_client(double, SCOPES).http_client
    files = "https://www.googleapis.com/drive/v3/files"

    def names(q: str) -> list[str]:
        return [f["name"] for f in http.request("get", files, params={"q": q}).json()["files"]]

    sheet = "mimeType = 'application/vnd.google-apps.spreadsheet'"
    assert names(f"{sheet} and name = 'Riverside' and trashed = false") == ["Riverside"]
    assert names(f"{sheet} and trashed = true") == []
    assert names("mimeType = 'application/vnd.google-apps.folder'") == []
    assert names("modifiedTime > '2024-03-01T09:30:15'") == ["Riverside"]
    assert names("modifiedTime > '2024-03-01T09:30:15.123Z'") == []
    for bad in ("name contains 'River'", "'folder1' in parents", "name = 'Riverside"):
        with pytest.raises(APIError) as refused:
            names(bad)
        assert refused.value.response.json()["error"]["errors"][0]["location"] == "q"
    with pytest.raises(APIError) as too_big:
        http.request("get", files, params={"pageSize": 1001})
    assert too_big.value.response.json()["error"]["errors"][0]["location"] == "pageSize"


def test_an_api_key_may_get_a_public_file_but_not_list(double) -> None:
    http = api_key_client(double).http_client

    public = http.get_file_drive_metadata(PUBLIC)
    with pytest.raises(APIError) as private:
        http.get_file_drive_metadata(SHARED)
    with pytest.raises(APIError) as listing:
        api_key_client(double).list_spreadsheet_files()

    assert public["name"] == "Open"
    assert private.value.code == 404
    assert listing.value.code == 401
    error = listing.value.response.json()["error"]
    assert error["status"] == "UNAUTHENTICATED"
    assert error["errors"][0]["message"] == "Login Required."
    assert error["details"][0]["metadata"]["method"] == "google.apps.drive.v3.DriveFiles.List"
    assert requests.get(f"{double.url}/drive/v3/files").status_code == 401  # no credential


def test_drive_needs_a_drive_scope_and_sheets_needs_a_sheets_one(double) -> None:
    sheets_only = service_client(double, READ_SCOPE)
    drive_only = service_client(double, DRIVE_METADATA_SCOPE)
    both = service_client(double, SCOPES)

    with pytest.raises(APIError) as refused:
        sheets_only.list_spreadsheet_files()
    with pytest.raises(APIError) as no_sheets:
        drive_only.http_client.fetch_sheet_metadata(SHARED)

    error = refused.value.response.json()["error"]
    assert (refused.value.code, error["status"]) == (403, "PERMISSION_DENIED")
    assert error["message"] == "Request had insufficient authentication scopes."
    assert error["errors"][0]["reason"] == "insufficientPermissions"
    assert error["details"][0]["reason"] == "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
    assert no_sheets.value.code == 403
    assert drive_only.http_client.get_file_drive_metadata(SHARED)["id"] == SHARED
    assert both.http_client.fetch_sheet_metadata(SHARED)["spreadsheetId"] == SHARED
    assert both.http_client.get_file_drive_metadata(SHARED)["id"] == SHARED


def test_disabled_drive_says_so_in_googles_words_and_sheets_still_work(double) -> None:
    client = service_client(double, SCOPES)
    double.disable_drive()

    with pytest.raises(APIError) as disabled:
        client.list_spreadsheet_files()
    sheets_answer = client.http_client.fetch_sheet_metadata(SHARED)
    double.heal()  # not a fault: the API stays off until it is switched on
    with pytest.raises(APIError):
        client.http_client.get_file_drive_metadata(SHARED)
    double.enable_drive()

    message = (
        "Google Drive API has not been used in project 000000000000 before or it is disabled. "
        "Enable it by visiting https://console.developers.google.com/apis/api/drive.googleapis"
        ".com/overview?project=000000000000 then retry. If you enabled this API recently, wait a "
        "few minutes for the action to propagate to our systems and retry."
    )
    assert disabled.value.response.json() == {
        "error": {
            "code": 403,
            "message": message,
            "errors": [
                {
                    "message": message,
                    "domain": "usageLimits",
                    "reason": "accessNotConfigured",
                    "extendedHelp": "https://console.developers.google.com",
                }
            ],
            "status": "PERMISSION_DENIED",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "SERVICE_DISABLED",
                    "domain": "googleapis.com",
                    "metadata": {
                        "service": "drive.googleapis.com",
                        "consumer": "projects/000000000000",
                    },
                }
            ],
        }
    }
    assert sheets_answer["spreadsheetId"] == SHARED
    assert client.http_client.get_file_drive_metadata(SHARED)["id"] == SHARED
