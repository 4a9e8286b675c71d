"""Faults in the double, through the real gspread client: a hang until heal(), a standing
latency, and what heal() clears; and what each recorded request says (status, user)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import requests
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import DRIVE_METADATA_SCOPE, READ_SCOPE, service_client

KEY = "1FaultsWorkbook0000000000000000001"
USER = "dashboard@smallwins-test.iam.gserviceaccount.com"


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(KEY, {"Wins": [["Date", "Win"]]}, public=True)
        yield server
        assert server.errors == []


def _until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_a_hang_times_a_client_out_and_heal_answers_again(double) -> None:
    client = service_client(double)
    client.http_client.set_timeout(1.0)
    double.hang()

    started = time.monotonic()
    with pytest.raises(requests.exceptions.ReadTimeout):
        client.http_client.fetch_sheet_metadata(KEY)  # its token is still issued
    waited = time.monotonic() - started
    double.heal()
    answer = client.http_client.fetch_sheet_metadata(KEY)

    assert 1.0 <= waited < 3.0
    assert answer["spreadsheetId"] == KEY
    assert double.count("token", status=200) == 1  # the token endpoint never hangs
    assert double.count("metadata", status=200) >= 1


def test_heal_answers_the_requests_that_were_hanging(double) -> None:
    double.hang("batchGet")
    url = f"{double.url}/v4/spreadsheets/{KEY}"
    answers: list[requests.Response] = []
    waiting = threading.Thread(
        target=lambda: answers.append(
            requests.get(f"{url}/values:batchGet", params={"key": double.api_key, "ranges": "Wins"})
        )
    )
    waiting.start()
    _until(lambda: double.count("batchGet") == 1)
    metadata = requests.get(url, params={"key": double.api_key})  # another kind is not hung
    time.sleep(0.2)
    hanging = [r.status for r in double.requests if r.kind == "batchGet"]
    double.heal()
    waiting.join(timeout=5)

    assert metadata.status_code == 200
    assert hanging == [None]  # seen, not yet answered
    assert [a.status_code for a in answers] == [200]
    assert answers[0].json()["valueRanges"][0]["values"] == [["Date", "Win"]]
    assert double.count("batchGet", status=200) == 1


def test_stop_drops_hanging_connections_promptly() -> None:
    double = SheetsDouble()
    double.add_spreadsheet(KEY, {"Wins": []}, public=True)
    url = f"{double.start()}/v4/spreadsheets/{KEY}"
    double.hang()
    failures: list[Exception] = []

    def ask() -> None:
        try:
            requests.get(url, params={"key": double.api_key}, timeout=10)
        except requests.exceptions.ConnectionError as error:
            failures.append(error)

    waiting = threading.Thread(target=ask)
    waiting.start()
    _until(lambda: double.count("metadata") == 1)
    started = time.monotonic()
    double.stop()
    waiting.join(timeout=5)

    assert time.monotonic() - started < 3.0
    assert len(failures) == 1 and double.count(status=200) == 0


def test_latency_delays_every_matching_answer_until_heal(double) -> None:
    http = service_client(double).http_client
    http.fetch_sheet_metadata(KEY)  # token fetched before timing
    double.set_latency(0.5, kind="metadata")

    timings = []
    for _ in range(3):  # standing, not one-shot like delay_next
        started = time.monotonic()
        http.fetch_sheet_metadata(KEY)
        timings.append(time.monotonic() - started)
    double.heal()
    started = time.monotonic()
    http.fetch_sheet_metadata(KEY)
    healed = time.monotonic() - started

    assert min(timings) >= 0.5
    assert healed < 0.5


def test_heal_clears_pending_failures_and_delays_but_not_a_disabled_drive(double) -> None:
    client = service_client(double, [READ_SCOPE, DRIVE_METADATA_SCOPE])
    double.fail_next(500, times=5)
    double.delay_next(5.0, times=5, kind="batchGet")
    double.disable_drive()
    with pytest.raises(APIError) as failed:
        client.http_client.fetch_sheet_metadata(KEY)
    double.heal()

    started = time.monotonic()
    client.http_client.fetch_sheet_metadata(KEY)
    client.http_client.values_batch_get(KEY, ["Wins"])
    assert failed.value.code == 500
    assert time.monotonic() - started < 2.0
    with pytest.raises(APIError) as drive_off:
        client.list_spreadsheet_files()
    assert drive_off.value.code == 403


def test_each_request_records_its_status_and_user(double) -> None:
    client = service_client(double)
    client.http_client.fetch_sheet_metadata(KEY)
    with pytest.raises(APIError):
        client.http_client.fetch_sheet_metadata("1NoSuchWorkbook")
    requests.get(f"{double.url}/v4/spreadsheets/{KEY}", params={"key": double.api_key})
    requests.get(f"{double.url}/nowhere")

    seen = [(r.kind, r.status, r.user) for r in double.requests]
    assert seen == [
        ("token", 200, USER),  # the JWT assertion's iss: the service account's e-mail
        ("metadata", 200, USER),
        ("metadata", 404, USER),
        ("metadata", 200, double.api_key),
        ("other", 404, None),
    ]
    assert (double.count(status=404), double.count("metadata", status=200)) == (2, 2)
    with pytest.raises(ValueError):
        double.count("values")  # not one of KINDS
