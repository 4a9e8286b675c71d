"""The double's errors as gspread surfaces them: a range it cannot parse or past the grid (400),
an unknown spreadsheet (404), an injected quota error (429), an answer slower than the timeout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from gspread.exceptions import APIError, SpreadsheetNotFound

from tests.sheets_double import SheetsDouble
from tests.sheets_double.clients import service_client
from tests.sheets_double.riverside import PRIVATE, TABS, riverside


@pytest.fixture
def double() -> Iterator[SheetsDouble]:
    yield from riverside()


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


def test_unknown_key_is_spreadsheet_not_found(double: SheetsDouble) -> None:
    with pytest.raises(SpreadsheetNotFound):
        service_client(double).open_by_key("1NoSuchWorkbook0000000000000000000")


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


def test_slow_answer_raises_read_timeout(double: SheetsDouble) -> None:
    client = service_client(double)
    client.http_client.set_timeout(0.5)
    double.delay_next(3.0, kind="metadata")

    with pytest.raises(requests.exceptions.ReadTimeout):
        client.open_by_key(PRIVATE)
