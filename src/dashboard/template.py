"""A blank workbook with every tab and header, for a team to start from (``template PATH``)."""

from __future__ import annotations

from pathlib import Path

from dashboard.schema import SECTORS, TABS, WIN_SIZES
from dashboard.sources.local import RawSheets, write_xlsx

HOW_TO_USE = [
    ["How to use this workbook"],
    ["One row per record. Keep the header row; add columns or tabs of your own if you like —"],
    ["the dashboard ignores what it does not know."],
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
                "small wins; people: names separated by , ; / & or 'and'; "
                f"size: {', '.join(WIN_SIZES)}",
                "30/30 check-ins; attendees: a list like Wins' people",
            ),
            strict=True,
        )
    ],
    [""],
    ["Dates: a date cell, 2025-03-31 or 3/31/2025. Sectors: " + ", ".join(SECTORS) + "."],
    ["Problems the dashboard finds are listed on its Data health page, by tab, row and column."],
]


def template_sheets() -> RawSheets:
    sheets: RawSheets = {"How to use": HOW_TO_USE}
    for tab in TABS:
        sheets[tab.name] = [list(tab.columns)]
    return sheets


def write_template(path: str | Path) -> Path:
    """Write the blank workbook to ``path`` (``.xlsx``; a folder gets one CSV per tab)."""
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        write_xlsx(target, template_sheets())
        return target
    target.mkdir(parents=True, exist_ok=True)
    import csv

    for tab in TABS:
        with (target / f"{tab.name}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerow(tab.columns)
    return target
