"""Small hand-written workbooks shared by tests; expected figures are worked out from these."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from dashboard.config import SourceConfig
from dashboard.loader import clean
from dashboard.sources import RawSource


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
        location=f"{label}.xlsx", kind="xlsx", name=label, collaboration=collaboration,
        day_first=day_first,
    )  # fmt: skip
    return clean([RawSource(config, sheets, label, dt.datetime(2024, 3, 1, tzinfo=dt.UTC))])


def write_csv_folder(folder: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """The workbook as a folder of CSV files, one per tab (the CSV source's layout)."""
    folder.mkdir(parents=True, exist_ok=True)
    for tab, rows in sheets.items():
        with (folder / f"{tab}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    return folder
