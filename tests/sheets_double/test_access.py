"""Who may do what on the double, through gspread and google-auth: scopes, a denied sheet, API
keys on public and private sheets, no credentials at all, a 401 hidden by one token refresh, and
the service-account key file the double hands out."""

from __future__ import annotations

import json
from collections.abc import Iterator

import gspread
import pytest
import requests
from google.oauth2.service_account import Credentials
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import READ_SCOPE, anonymous_client, redirected, service_client
from tests.sheets_double.riverside import PRIVATE, PUBLIC, UNFORMATTED, riverside


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    yield from riverside()


def test_read_only_token_cannot_append(double: SheetsDouble) -> None:
    worksheet = service_client(double, READ_SCOPE).open_by_key(PRIVATE).worksheet("Wins log")

    with pytest.raises(APIError) as refused:
        worksheet.append_row(["2024-05-03", "no"])

    assert refused.value.code == 403
    assert refused.value.error["message"] == "Request had insufficient authentication scopes."
    assert double.sheets(PRIVATE)["Wins log"] == [["Date", "Win"]]


def test_denied_spreadsheet_is_permission_error(double: SheetsDouble) -> None:
    double.deny(PRIVATE)

    with pytest.raises(PermissionError) as denied:
        service_client(double).open_by_key(PRIVATE)

    assert denied.value.__cause__.response.json()["error"]["status"] == "PERMISSION_DENIED"


def test_google_auth_hides_one_401_by_refreshing_the_token(double: SheetsDouble) -> None:
    double.fail_next(401, kind="metadata")

    assert service_client(double).open_by_key(PRIVATE).title == "Riverside collaboration"
    assert (double.count("token"), double.count("metadata")) == (2, 2)

    double.fail_next(401, times=3, kind="metadata")
    with pytest.raises(APIError) as refused:
        service_client(double).open_by_key(PRIVATE)
    assert refused.value.code == 401
    assert (double.count("token"), double.count("metadata")) == (5, 5)


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
