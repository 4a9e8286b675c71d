"""Is a workbook in a shape we can read? Required tabs and their required columns, checked on
the raw rows before any cleaning.

A Google Sheet edited into a broken shape (a tab deleted or renamed, a required column renamed, a
header row pushed below the rows searched) is not a *good read*: it does not replace the last
good snapshot, and a missing required tab makes the app serve that snapshot instead.
"""

from __future__ import annotations

from dashboard.clean.frame import missing_required
from dashboard.schema import TABS, canonical_tab
from dashboard.sources.local import RawSheets


def missing_tabs(sheets: RawSheets) -> list[str]:
    """Messages for each required tab the workbook lacks."""
    present = {tab.name for tab in map(canonical_tab, sheets) if tab is not None}
    return [
        f"the '{tab.name}' tab is missing (expected a tab with columns {', '.join(tab.columns)})"
        for tab in TABS
        if tab.required_tab and tab.name not in present
    ]


def missing_columns(sheets: RawSheets) -> list[str]:
    """Messages for each required column a known tab's header row lacks."""
    return [
        f"tab '{title}' has no '{column}' column, which is required"
        for title, rows in sheets.items()
        if (tab := canonical_tab(title)) is not None
        for column in missing_required(tab, rows)
    ]
