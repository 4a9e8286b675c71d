"""Small hand-written workbooks shared by tests; expected figures are worked out from these."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from dashboard.config import SourceConfig
from dashboard.loader import clean
from dashboard.sources import RawSource
from dashboard.sources.local import write_xlsx

# The spreadsheet key river_valley() is served under by the Sheets API test double.
RIVER_VALLEY_KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"
CSV_FIELD_LIMIT = 131_072  # Python csv's field_size_limit: no spreadsheet writes a longer cell


def river_valley() -> dict[str, list[list[object]]]:
    """A small, deliberately varied workbook: aliases, a title row, blank rows, bad cells."""
    return {
        "How to use": [["Anything here is ignored"]],
        "Collaborations": [["Collaboration", "Region"], ["River Valley", "Midwest"]],
        "People": [
            ["Name", "E-mail", "Organisation", "Sector", "Collaboration", "Notes"],
            ["José Pérez", "Jose@Example.org", "Acme Tools", "Business", "River Valley", "x"],
            ["Ann Lee", "", "State University", "education", "river valley"],
            [],
            ["Bo Chen", "bo.chen.example.org", "County", "govt"],
        ],
        "Projects": [
            ["", ""],  # a blank row above the header
            ["Project name", "Collaboration", "Status", "Started"],
            ["Apprenticeships", "River Valley", "", "2024-01-15"],
            ["Food Hub", "", "on hold", "soon"],
        ],
        "Commitments": [
            [
                "Who is responsible",
                "Action step",
                "Project",
                "Made",
                "By when",
                "Status",
                "Done",
                "Results/learning",
            ],
            [
                " jose  PÉREZ",
                "Call the board",
                "apprenticeships",
                45306,
                "2/1/2024",
                "Completed",
                "2024-01-30",
                "They want a pilot",
            ],
            ["ann lee", "Draft MOU", "Food Hub", "2024-01-20", "2024-02-20", "in progress"],
            ["Dee Dunn", "Host tour", "Food Hub", "TBD", "", "open"],
            ["", "", "", "", "", ""],
            [
                "jose@example.org",
                "Find funder",
                "Food Hub",
                dt.date(2024, 2, 1),
                "next week",
                "waiting on Bob",
            ],
            ["Bo Chen", "", "", "2024-02-02"],
        ],
        "Wins": [
            ["Timestamp", "Win", "Project", "People", "Size", "ID"],
            [
                "2/10/2024 09:15:00",
                "First apprentice hired",
                "Apprenticeships",
                "José Pérez and Ann Lee",
                "Large",
                "w-1",
            ],
            [
                "2/10/2024",
                "first apprentice  hired",
                "APPRENTICESHIPS",
                "ann lee; jose@example.org",
                "large",
                "w-1",
            ],
            ["#REF!", "Lost row", "Food Hub", "Ann Lee"],
            [45340, "Grocer joined", "Food Hub", "Ann Lee & Eve Park", "huge", "w-2"],
            [45341, "Second grocer", "Food Hub", "Eve Park", "small", "w-2"],
        ],
        "Meetings": [
            ["Date", "Project", "Collaboration", "Attendees"],
            [45350, "Apprenticeships", "", "Ann Lee / José Pérez\nBo Chen"],
            [45351, "", "Lakeside", "Eve Park"],
        ],
    }


def dataset_of(sheets, label="rv", collaboration=None, day_first=False):
    """Clean a raw workbook as if it were read from a source named ``label``."""
    config = SourceConfig(
        location=f"{label}.xlsx",
        kind="xlsx",
        name=label,
        collaboration=collaboration,
        day_first=day_first,
    )
    return clean([RawSource(config, sheets, label, dt.datetime(2024, 3, 1, tzinfo=dt.UTC))])


def write_csv_folder(folder: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """The workbook as a folder of CSV files, one per tab (the CSV source's layout)."""
    folder.mkdir(parents=True, exist_ok=True)
    for tab, rows in sheets.items():
        with (folder / f"{tab}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    return folder


def region_key(number: int) -> str:
    """The spreadsheet key of region(number) on the Sheets API test double."""
    return f"1Region{number:02d}Key" + "x" * 30


def region(number: int) -> dict[str, list[list[object]]]:
    """One collaboration's sheet: 2 people, 1 project, 1 commitment kept, 1 win of both."""
    name, project = f"Region {number:02d}", f"Hub {number:02d}"
    ann, bo = f"Ann {number:02d}", f"Bo {number:02d}"
    return {
        "How to use": [["Anything here is ignored"]],
        "People": [["Name", "Organization"], [ann, "Acme"], [bo, "County"]],
        "Projects": [["Project", "Collaboration"], [project, name]],
        "Commitments": [
            ["Person", "Project", "Made", "Due", "Status", "Done"],
            [ann, project, 45400, 45410, "done", 45405],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People"],
            [45401, f"Win {number:02d}", project, f"{ann}, {bo}"],
        ],
    }


def _storm(double, status):
    return lambda: double.fail_next(status, times=50)


def _without_wins(double):
    sheets = river_valley()
    del sheets["Wins"]
    return lambda: double.add_spreadsheet(RIVER_VALLEY_KEY, sheets, title="River Valley book")


# Google failing after a good read of river_valley(): fault name → (a function of the double that
# gives the step injecting the fault, words of the reason the app then gives).
GOOGLE_FAULTS = {
    "429 storm": (lambda d: _storm(d, 429), "quota exceeded"),
    "500s": (lambda d: _storm(d, 500), "answered 500"),
    "slow past the timeout": (
        lambda d: lambda: d.delay_next(2.5, times=50),
        "did not answer in time",
    ),
    "401": (lambda d: _storm(d, 401), "refused the credentials"),
    "access revoked": (
        lambda d: lambda: d.deny(RIVER_VALLEY_KEY),
        "is not shared with the service account",
    ),
    "deleted required tab": (_without_wins, "the 'Wins' tab is missing"),
}


def bad_and_good(folder: Path) -> Path:
    """A configuration of three unreadable sources and River Valley's good workbook: random
    bytes named .xlsx, an empty .xlsx, a CSV folder with a cell past ``CSV_FIELD_LIMIT``."""
    (folder / "random.xlsx").write_bytes(os.urandom(4096))
    (folder / "empty.xlsx").write_bytes(b"")
    lake = river_valley()
    lake["Wins"].append([45342, "x" * (CSV_FIELD_LIMIT + 1), "Food Hub"])
    write_csv_folder(folder / "lake", lake)
    write_xlsx(folder / "river.xlsx", river_valley())
    config = folder / "smallwins.toml"
    config.write_text(
        '[[sources]]\nname = "Random"\nlocation = "random.xlsx"\n\n'
        '[[sources]]\nname = "Empty"\nlocation = "empty.xlsx"\n\n'
        '[[sources]]\nname = "Lake"\nlocation = "lake"\nkind = "csv"\n\n'
        '[[sources]]\nname = "River"\nlocation = "river.xlsx"\n'
    )
    return config
