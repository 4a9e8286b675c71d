"""Faults in the double, through the real gspread client: a hang until heal(), a standing
latency, and what heal() clears; and what each recorded request says (status, user).

No test here times anything: a fault shows as a client's timeout (a delay far longer than the
client's patience) or as a request the double saw and has not answered; its absence as an answer
that comes within a patience far shorter than the fault."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import requests
from gspread.exceptions import APIError

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import DRIVE_METADATA_SCOPE, READ_SCOPE, service_client
from tests.waiting import CEILING_SECONDS, wait_until

KEY = "1FaultsWorkbook0000000000000000001"
OTHER = "1FaultsWorkbook0000000000000000002"
FOREVER = 3_600.0  # a fault's length: far past any client's patience here
USER = "dashboard@smallwins-test.iam.gserviceaccount.com"


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    with SheetsDouble() as server:
        server.add_spreadsheet(KEY, {"Wins": [["Date", "Win"]]}, public=True)
        server.add_spreadsheet(OTHER, {"Wins": [["Date", "Win"]]}, public=True)
        yield server
        assert server.errors == []


def _unanswered(double: SheetsDouble, kind: str) -> list[str | None]:
    """The spreadsheets of the requests of ``kind`` the double saw and has not answered."""
    return [r.key for r in double.requests if r.kind == kind and r.status is None]


def test_a_hang_times_a_client_out_and_heal_answers_again(double) -> None:
    client = service_client(double)
    client.http_client.set_timeout(1.0)
    double.hang()

    with pytest.raises(requests.exceptions.ReadTimeout):
        client.http_client.fetch_sheet_metadata(KEY)  # its token is still issued
    wait_until(lambda: _unanswered(double, "metadata") == [KEY], "the hung request, unanswered")
    double.heal()
    client.http_client.set_timeout(CEILING_SECONDS)
    answer = client.http_client.fetch_sheet_metadata(KEY)

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
    wait_until(lambda: double.count("batchGet") == 1, "the double to see the batchGet")
    metadata = requests.get(url, params={"key": double.api_key})  # another kind is not hung
    hanging = _unanswered(double, "batchGet")  # answered after the metadata: still hanging
    double.heal()
    waiting.join(timeout=CEILING_SECONDS)

    assert metadata.status_code == 200
    assert hanging == [KEY]  # seen, not yet answered
    assert [a.status_code for a in answers] == [200]
    assert answers[0].json()["valueRanges"][0]["values"] == [["Date", "Win"]]
    assert double.count("batchGet", status=200) == 1


def test_stop_drops_hanging_connections_promptly() -> None:
    double = SheetsDouble()
    double.add_spreadsheet(KEY, {"Wins": []}, public=True)
    url = f"{double.start()}/v4/spreadsheets/{KEY}"
    double.hang()
    failures: list[Exception] = []

    def ask() -> None:  # a client that would wait for an hour: only a dropped connection ends it
        try:
            requests.get(url, params={"key": double.api_key}, timeout=FOREVER)
        except requests.exceptions.ConnectionError as error:
            failures.append(error)

    waiting = threading.Thread(target=ask, daemon=True)
    waiting.start()
    wait_until(lambda: double.count("metadata") == 1, "the double to see the request")
    double.stop()
    waiting.join(timeout=CEILING_SECONDS)

    assert not waiting.is_alive(), "the hanging connection was not dropped"
    assert len(failures) == 1 and double.count(status=200) == 0


def test_latency_delays_every_matching_answer_until_heal(double) -> None:
    http = service_client(double).http_client
    http.fetch_sheet_metadata(KEY)  # token fetched before the latency
    double.set_latency(FOREVER, kind="metadata")
    http.set_timeout(1.0)

    for _ in range(3):  # standing, not one-shot like delay_next
        with pytest.raises(requests.exceptions.ReadTimeout):
            http.fetch_sheet_metadata(KEY)
    http.set_timeout(CEILING_SECONDS)
    other_kind = http.values_batch_get(KEY, ["Wins"])  # only metadata is delayed
    double.heal()
    healed = http.fetch_sheet_metadata(KEY)  # within the ceiling: the latency is gone

    wait_until(lambda: _unanswered(double, "metadata") == [KEY] * 3, "three delayed answers")
    assert other_kind["valueRanges"][0]["values"] == [["Date", "Win"]]
    assert healed["spreadsheetId"] == KEY


def test_heal_clears_pending_failures_and_delays_but_not_a_disabled_drive(double) -> None:
    client = service_client(double, [READ_SCOPE, DRIVE_METADATA_SCOPE])
    double.fail_next(500, times=5)
    double.delay_next(FOREVER, times=5, kind="batchGet")
    double.disable_drive()
    with pytest.raises(APIError) as failed:
        client.http_client.fetch_sheet_metadata(KEY)
    double.heal()

    client.http_client.set_timeout(CEILING_SECONDS)  # an hour's delay left would time it out
    client.http_client.fetch_sheet_metadata(KEY)
    answer = client.http_client.values_batch_get(KEY, ["Wins"])
    assert failed.value.code == 500
    assert answer["valueRanges"][0]["values"] == [["Date", "Win"]]
    with pytest.raises(APIError) as drive_off:
        client.list_spreadsheet_files()
    assert drive_off.value.code == 403


def test_a_hang_can_hold_one_spreadsheet_back(double) -> None:
    """``hang(kind, key)``: one sheet's read waits while the others are answered — how a test
    holds a slow sheet back for exactly as long as it needs, whatever the machine's speed."""
    http = service_client(double).http_client
    http.fetch_sheet_metadata(KEY)
    double.hang("batchGet", key=OTHER)
    answers: list[dict] = []
    waiting = threading.Thread(
        target=lambda: answers.append(http.values_batch_get(OTHER, ["Wins"]))
    )
    waiting.start()
    wait_until(lambda: _unanswered(double, "batchGet") == [OTHER], "the held-back read")

    assert http.values_batch_get(KEY, ["Wins"])["valueRanges"][0]["values"] == [["Date", "Win"]]
    assert answers == []
    double.heal()
    waiting.join(timeout=CEILING_SECONDS)
    assert [a["valueRanges"][0]["values"] for a in answers] == [[["Date", "Win"]]]


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
