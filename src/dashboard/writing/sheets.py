"""Appending a record to a Google Sheet: once, whatever the network does.

Before each attempt the id column is read: a double click, a browser retry, or a timeout whose
write did reach Google all find the id there and write nothing more. Reading and appending are two
calls, so two writers with the same id at the same moment (two people pressing *Log* on one form
link, a script started twice) can both find it absent and both append. So after appending, the id
column is read once more: when an earlier row carries the id too, the later writer clears its own
row (rows are never deleted, so no other row moves; the loader skips blank rows). Google appends
one call after another, so the writer that appended second always sees the first writer's row.
Values go in with ``RAW`` input, so text a user typed (``=HYPERLINK(…)``, ``+1``, ``@name``) is
stored as text, never run as a formula.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import gspread
import requests
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient
from gspread.utils import absolute_range_name, rowcol_to_a1

from dashboard.schema import canonical_tab
from dashboard.sources.gsheets import SheetsError
from dashboard.sources.http import Budget, RetryPolicy, retrying, transient
from dashboard.writing.layout import HEADER_SEARCH_ROWS, layout_of
from dashboard.writing.records import NewCommitment, NewWin

WRITE_RETRY = RetryPolicy(attempts=4, max_delay=8.0)  # 1, 2, 4 s apart (with jitter)
T = TypeVar("T")
_ROW_OF_RANGE = re.compile(r"!\$?[A-Za-z]+\$?(\d+)")


def _column(position: int) -> str:
    return rowcol_to_a1(1, position + 1).rstrip("0123456789")


def _tab_title(http: HTTPClient, key: str, tab: str) -> str:
    metadata = http.fetch_sheet_metadata(key)
    for sheet in metadata.get("sheets", []):
        title = sheet["properties"]["title"]
        found = canonical_tab(title)
        if found is not None and found.name == tab:
            return title
    raise SheetsError(f"the spreadsheet has no {tab} tab")


def _read(http: HTTPClient, key: str, a1: str) -> list[list[object]]:
    """One range, read with ``values:batchGet`` — the read the loader uses too."""
    answer = http.values_batch_get(key, [a1], params={"valueRenderOption": "UNFORMATTED_VALUE"})
    ranges = answer.get("valueRanges", [])
    return ranges[0].get("values", []) if ranges else []


def _rows_with_id(http: HTTPClient, key: str, title: str, column: str, row_id: str) -> list[int]:
    """The sheet row numbers whose id cell is ``row_id``."""
    rows = _read(http, key, absolute_range_name(title, f"{column}1:{column}"))
    return [n for n, row in enumerate(rows, start=1) if row and str(row[0]).strip() == row_id]


def _has_id(http: HTTPClient, key: str, title: str, column: str, row_id: str) -> bool:
    return bool(_rows_with_id(http, key, title, column, row_id))


def _appended_row(answer: object) -> int | None:
    """The row ``values:append`` wrote, from its ``updates.updatedRange`` (``Wins!A7:F7``)."""
    updated = answer.get("updates", {}).get("updatedRange", "") if isinstance(answer, dict) else ""
    match = _ROW_OF_RANGE.search(str(updated))
    return int(match.group(1)) if match else None


class _GaveUp(Exception):
    """Google kept timing out or answering a retryable status for every attempt."""


def _attempts(call: Callable[[], T], sleep: Callable[[float], None]) -> T:
    """``call()``, tried again under ``WRITE_RETRY`` (the project's one retry policy, from
    ``sources/http.py``) while Google times out or answers a status worth retrying. The writer's
    client sends each request once; retrying lives here, where each attempt starts by reading
    the id column again, so a retry never writes twice."""
    policy = replace(WRITE_RETRY, sleep=sleep)
    try:
        for attempt in retrying(policy, Budget(policy.budget_seconds)):
            with attempt:
                return call()
    except (APIError, requests.Timeout, requests.ConnectionError) as error:
        if transient(error):
            raise _GaveUp from None
        raise
    raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover


def _withdraw_if_second(
    http: HTTPClient,
    key: str,
    title: str,
    id_column: str,
    record_id: str,
    mine: int | None,
    width: int,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """After appending at row ``mine``: when an earlier row carries the same id (another writer
    got there first), clear ``mine`` and say so (``True``). Checked before clearing that the row
    is still ours, so a clear repeated after a timeout cannot blank a row written since."""
    if mine is None:
        return False

    def withdraw() -> bool:
        carrying = _rows_with_id(http, key, title, id_column, record_id)
        if mine not in carrying or carrying[0] == mine:
            return mine not in carrying  # already cleared, or ours is the first: kept
        http.values_update(
            key,
            absolute_range_name(title, f"A{mine}:{_column(width - 1)}{mine}"),
            params={"valueInputOption": "RAW"},
            body={"values": [[""] * width]},
        )
        return True

    try:
        return _attempts(withdraw, sleep)
    except _GaveUp:  # could not check: the row stays (a repeated id counts its first row only)
        return False


def append_record(
    gc: gspread.Client,
    key: str,
    record: NewWin | NewCommitment,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Append ``record`` to its tab; ``False`` when a row with its id is already there."""
    http = gc.http_client
    title = _tab_title(http, key, record.tab)
    top = _read(http, key, absolute_range_name(title, f"1:{HEADER_SEARCH_ROWS}"))
    layout = layout_of(record.tab, top)
    if layout.add_id_at is not None:
        cell = rowcol_to_a1(layout.header_row, layout.add_id_at + 1)
        http.values_update(
            key,
            absolute_range_name(title, cell),
            params={"valueInputOption": "RAW"},
            body={"values": [["id"]]},
        )
    id_column = _column(layout.positions["id"])
    row = layout.row(record.cells())

    def append() -> bool:
        if _has_id(http, key, title, id_column, record.id):
            return False
        answer = http.values_append(
            key,
            absolute_range_name(title, f"A{layout.header_row}"),
            params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
            body={"values": [row]},
        )
        mine = _appended_row(answer)
        return not _withdraw_if_second(
            http, key, title, id_column, record.id, mine, layout.width, sleep
        )

    try:
        return _attempts(append, sleep)
    except _GaveUp:
        raise SheetsError(
            f"Google Sheets did not confirm the new row after {WRITE_RETRY.attempts} attempts; "
            "nothing was lost — try again (the same entry will not be written twice)"
        ) from None
