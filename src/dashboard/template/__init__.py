"""The workbook a team starts from (``template PATH``), and the same checks applied to a Google
Sheet the team already has (``setup-sheet``): see ``rules``.

An ``.xlsx`` gets every tab with its header, drop-down lists, date checks, widths, a frozen bold
header row and the overdue highlight, ready to import into Google Sheets; a folder gets one CSV
file per tab with its header (CSV holds no checks).
"""

from __future__ import annotations

import csv
from pathlib import Path

from dashboard.schema import SECTORS, TABS, WIN_SIZES
from dashboard.template.rules import COLUMNS
from dashboard.template.xlsx import write_xlsx_template

__all__ = ["HOW_TO_USE", "write_template"]

HOW_TO_USE = [
    ["How to use this workbook"],
    [
        "",
        "One row per record. Keep the header row; add columns or tabs of your own if you like: "
        "the dashboard ignores what it does not know.",
    ],
    [
        "",
        "Fill in People, Projects and Collaborations first: the Person, Project, Lead and "
        "Collaboration columns of the other tabs offer them in a drop-down list. Status, "
        f"sector and size offer the words the dashboard reads (sizes: {', '.join(WIN_SIZES)}; "
        f"sectors: {', '.join(SECTORS)}); date columns take dates only.",
    ],
    ["", "An open commitment past its due date turns red on the Commitments tab."],
    [""],
    ["Tab", "What goes in it", "Required columns"],
    *[
        [tab.name, description, ", ".join(tab.required)]
        for tab, description in zip(
            TABS,
            (
                "one row per regional collaboration",
                "everyone taking part; email identifies a person where given",
                "the pathfinder projects; status: active, completed, paused or dropped",
                "who does what by when; status: open, done, missed or dropped; "
                "done = the date it was done; result = what was learned",
                "small wins; people: names separated by commas (or ; / & and 'and'); "
                "leave ID blank",
                "30/30 check-ins; attendees: a list like Wins' people",
            ),
            strict=True,
        )
    ],
    [""],
    [
        "",
        "Dates: a date cell, 2025-03-31 or 3/31/2025. Problems the dashboard finds are listed "
        "on its Data health page, by tab, row and column.",
    ],
]


def write_template(path: str | Path) -> Path:
    """Write the blank workbook to ``path`` (``.xlsx``; a folder gets one CSV per tab)."""
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        target.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx_template(target, HOW_TO_USE)
        return target
    target.mkdir(parents=True, exist_ok=True)
    for title, columns in COLUMNS.items():
        with (target / f"{title}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerow([column.header for column in columns])
    return target
