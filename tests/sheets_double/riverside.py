"""A small workbook on the double for its own tests: a private one read by the service account,
a public one read with an API key; dates, numbers, booleans, blank and ragged rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from tests.sheets_double.double import SheetsDouble

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


def riverside() -> Iterator[SheetsDouble]:
    """The double serving both workbooks; it must have logged no error of its own by the end
    (a test module's ``double`` fixture yields from this)."""
    with SheetsDouble() as server:
        server.add_spreadsheet(
            PRIVATE,
            {"Projects": PROJECTS, "Wins log": [["Date", "Win"]], "Notes": []},
            title="Riverside collaboration",
        )
        server.add_spreadsheet(PUBLIC, {"Projects": [["Project"], ["Garden"]]}, public=True)
        yield server
        assert server.errors == []
