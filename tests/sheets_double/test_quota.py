"""Sheets' per-user quotas, through the real gspread client: reads and writes counted apart,
per user, over a sliding window, refused with Google's 429 RESOURCE_EXHAUSTED."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import (
    DRIVE_METADATA_SCOPE,
    READ_SCOPE,
    WRITE_SCOPE,
    api_key_client,
    service_client,
)
from tests.waiting import ManualClock

KEY = "1QuotaWorkbook000000000000000000001"
OTHER_USER = "second@smallwins-test.iam.gserviceaccount.com"


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(KEY, {"Wins": [["Date", "Win"]]}, public=True)
        yield server
        assert server.errors == []


def test_the_61st_read_in_a_window_of_60_is_429_and_after_the_window_200(double) -> None:
    """The window is measured by the test's own clock, so a busy machine that takes longer than
    a real minute to send the 61 reads still sends them all within the window."""
    http = service_client(double).http_client
    http.fetch_sheet_metadata(KEY)  # the token is fetched before the quota is on
    clock = ManualClock()
    double.set_quota(60, seconds=60.0, clock=clock)
    double.reset_counts()
    http.fetch_sheet_metadata(KEY)  # admitted at the window's start
    clock.advance(30.0)
    # metadata, batchGet and get share the read bucket: 1 + 19 + 20 + 20 = 60 reads
    for _ in range(19):
        http.fetch_sheet_metadata(KEY)
    for _ in range(20):
        http.values_batch_get(KEY, ["Wins"])
    for _ in range(20):
        http.values_get(KEY, "Wins!A1:B1")
    with pytest.raises(APIError) as refused:
        http.values_batch_get(KEY, ["Wins"])

    assert refused.value.code == 429
    assert refused.value.response.headers.get("Retry-After") is None  # Google sends none
    error = refused.value.response.json()["error"]
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["message"] == (
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute "
        "per user' of service 'sheets.googleapis.com' for consumer "
        "'project_number:000000000000'."
    )
    info = error["details"][0]
    assert info["reason"] == "RATE_LIMIT_EXCEEDED"
    assert info["metadata"]["quota_limit"] == "ReadRequestsPerMinutePerUser"
    assert info["metadata"]["quota_limit_value"] == "60"
    assert (double.count(status=200), double.count(status=429)) == (60, 1)
    assert double.count("batchGet", status=429) == 1  # refused, and still recorded

    # a sliding window: just short of a minute after the first read, still full…
    clock.advance(29.9)
    with pytest.raises(APIError) as still_full:
        http.values_batch_get(KEY, ["Wins"])
    assert still_full.value.code == 429
    # …a minute after it, the first read has left the window: one more fits, and only one
    clock.advance(0.1)
    assert http.values_batch_get(KEY, ["Wins"])["valueRanges"][0]["values"] == [["Date", "Win"]]
    with pytest.raises(APIError) as full_again:
        http.values_batch_get(KEY, ["Wins"])
    assert full_again.value.code == 429
    assert double.count("batchGet", status=200) == 21
    assert double.count("batchGet", status=429) == 3


def test_writes_have_their_own_bucket(double) -> None:
    worksheet = service_client(double, WRITE_SCOPE).open_by_key(KEY).worksheet("Wins")
    double.set_quota(2)

    worksheet.append_row(["2024-05-01", "first"])  # a write: the read bucket is untouched
    worksheet.spreadsheet.values_get("Wins!A1:B1")
    worksheet.spreadsheet.values_get("Wins!A1:B1")
    with pytest.raises(APIError) as reads_out:
        worksheet.spreadsheet.values_get("Wins!A1:B1")
    worksheet.append_row(["2024-05-02", "second"])  # the 2nd write still fits
    with pytest.raises(APIError) as writes_out:
        worksheet.append_row(["2024-05-03", "third"])

    assert reads_out.value.code == writes_out.value.code == 429
    assert "'Read requests per minute per user'" in reads_out.value.error["message"]
    assert "'Write requests per minute per user'" in writes_out.value.error["message"]
    assert writes_out.value.error["details"][0]["metadata"]["quota_limit"] == (
        "WriteRequestsPerMinutePerUser"
    )
    # the refused write was not served: two rows under the header, not three
    assert double.sheets(KEY)["Wins"] == [
        ["Date", "Win"],
        ["2024-05-01", "first"],
        ["2024-05-02", "second"],
    ]
    assert (double.count("append", status=200), double.count("append", status=429)) == (2, 1)


def test_each_user_has_its_own_quota(double) -> None:
    double.set_quota(1)
    first, second = service_client(double), service_client(double, client_email=OTHER_USER)

    first.http_client.fetch_sheet_metadata(KEY)
    with pytest.raises(APIError) as refused:
        first.http_client.fetch_sheet_metadata(KEY)
    second.http_client.fetch_sheet_metadata(KEY)  # another service account: another user
    api_key_client(double).http_client.fetch_sheet_metadata(KEY)  # an API key is its own user

    assert refused.value.code == 429
    users = [(r.user, r.status) for r in double.requests if r.kind == "metadata"]
    assert users == [
        ("dashboard@smallwins-test.iam.gserviceaccount.com", 200),
        ("dashboard@smallwins-test.iam.gserviceaccount.com", 429),
        (OTHER_USER, 200),
        (double.api_key, 200),
    ]
    assert double.count("token", status=200) == 2  # token requests are never counted


def test_retry_after_only_when_asked_and_rounded_up_to_whole_seconds(double) -> None:
    http = service_client(double).http_client
    double.set_quota(0, retry_after=1.5)

    with pytest.raises(APIError) as refused:
        http.fetch_sheet_metadata(KEY)

    assert refused.value.code == 429
    assert refused.value.response.headers["Retry-After"] == "2"  # HTTP counts whole seconds


def test_drive_requests_do_not_count_and_heal_keeps_the_quota(double) -> None:
    client = service_client(double, [READ_SCOPE, DRIVE_METADATA_SCOPE])
    double.set_quota(1)

    for _ in range(3):
        assert len(client.list_spreadsheet_files()) == 1
        assert client.http_client.get_file_drive_metadata(KEY)["id"] == KEY
    client.http_client.fetch_sheet_metadata(KEY)
    double.heal()  # a quota is Google's policy, not a fault
    with pytest.raises(APIError) as refused:
        client.http_client.fetch_sheet_metadata(KEY)
    double.set_quota(None)
    client.http_client.fetch_sheet_metadata(KEY)

    assert refused.value.code == 429
    assert double.count("drive_list", status=200) == double.count("drive_get", status=200) == 3
    assert double.count("metadata", status=200) == 2


def test_a_quota_counts_only_identified_callers(double) -> None:
    double.set_quota(1)

    for _ in range(2):  # no credential and a wrong key are refused before the quota
        assert requests.get(f"{double.url}/v4/spreadsheets/{KEY}").status_code == 401
        answer = requests.get(f"{double.url}/v4/spreadsheets/{KEY}", params={"key": "wrong"})
        assert answer.status_code == 400
    assert requests.get(f"{double.url}/v4/spreadsheets/{KEY}", params={"key": double.api_key}).ok

    assert [r.user for r in double.requests] == [None, None, None, None, double.api_key]
