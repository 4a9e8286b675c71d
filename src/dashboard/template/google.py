"""The template's checks (``rules``) as Sheets API ``spreadsheets.batchUpdate`` requests, for a
Google Sheet a team already keeps (``smallwins setup-sheet``).

Each tab is found by its title as the loader finds it (``Small wins`` is Wins) and each column
by the sheet's own header, wherever it is; a drop-down fed from another tab points at that tab's
title and first column as this sheet has them. Nothing is typed into a cell: only checks,
formats, the frozen header row and widths are set. Running it again sets the same again and does
not stack a second overdue highlight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gspread.utils import rowcol_to_a1

from dashboard.clean.frame import header_index
from dashboard.schema import TAB_BY_NAME, canonical_tab, header_positions
from dashboard.template.rules import (
    COLUMNS,
    DATE_FORMAT,
    OVERDUE_FILL,
    Choice,
    Column,
    Date,
    FromTab,
    overdue_formula,
)

PIXELS_PER_CHARACTER = 7  # a column of N characters is about 7N + 10 pixels wide in Sheets


@dataclass
class FoundTab:
    """A tab of the spreadsheet the dashboard reads: where its header and columns are."""

    name: str  # canonical (schema)
    title: str  # as the sheet calls it
    sheet_id: int
    header_row: int  # 0-based
    positions: dict[str, int]  # canonical column → 0-based position
    width: int  # columns in the header row
    rules: list[dict[str, Any]] = field(default_factory=list)  # its conditional formats now


def found_tabs(metadata: Mapping[str, Any], tops: dict[str, list[list[object]]]) -> list[FoundTab]:
    """The tabs of ``metadata`` (``spreadsheets.get``) the dashboard reads, with their header
    found in ``tops`` (title → the tab's top rows)."""
    found: list[FoundTab] = []
    for sheet in metadata.get("sheets", []):
        properties = sheet["properties"]
        tab = canonical_tab(properties["title"])
        rows = tops.get(properties["title"], [])
        at = header_index(tab, rows) if tab is not None else None
        if tab is None or at is None or any(f.name == tab.name for f in found):
            continue
        positions, _ = header_positions(TAB_BY_NAME[tab.name], rows[at])
        rules = sheet.get("conditionalFormats", [])
        found.append(
            FoundTab(
                tab.name,
                properties["title"],
                properties["sheetId"],
                at,
                positions,
                len(rows[at]),
                rules,
            )
        )
    return found


def _column_range(tab: FoundTab, position: int) -> dict[str, int]:
    """Every cell of a column below the header (to the grid's end: no endRowIndex)."""
    return {
        "sheetId": tab.sheet_id,
        "startRowIndex": tab.header_row + 1,
        "startColumnIndex": position,
        "endColumnIndex": position + 1,
    }


def _letters(position: int) -> str:
    """The column letters of a 0-based position: 0 → A, 26 → AA."""
    return rowcol_to_a1(1, position + 1).rstrip("0123456789")


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _condition(column: Column, tabs: dict[str, FoundTab]) -> dict[str, Any] | None:
    rule = column.rule
    if isinstance(rule, Choice):
        values = [{"userEnteredValue": value} for value in rule.values]
        return {
            "condition": {"type": "ONE_OF_LIST", "values": values},
            "strict": True,
            "showCustomUi": True,
        }
    if isinstance(rule, FromTab):
        source = tabs.get(rule.tab)
        first = TAB_BY_NAME[rule.tab].columns[0]
        if source is None or first not in source.positions:
            return None
        letters = _letters(source.positions[first])
        where = f"={_quoted(source.title)}!{letters}{source.header_row + 2}:{letters}"
        return {
            "condition": {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": where}]},
            "strict": False,
            "showCustomUi": True,
        }
    if isinstance(rule, Date):
        return {"condition": {"type": "DATE_IS_VALID"}, "strict": True}
    return None


def _column_requests(tab: FoundTab, column: Column, tabs: dict[str, FoundTab]) -> list[dict]:
    position = tab.positions[column.name]
    pixels = column.width * PIXELS_PER_CHARACTER + 10
    requests: list[dict] = [
        {
            "updateDimensionProperties": {
                "range": {
                    "sheetId": tab.sheet_id,
                    "dimension": "COLUMNS",
                    "startIndex": position,
                    "endIndex": position + 1,
                },
                "properties": {"pixelSize": pixels},
                "fields": "pixelSize",
            }
        }
    ]
    rule = _condition(column, tabs)
    if rule is not None:
        if column.note:
            rule["inputMessage"] = column.note
        requests.append(
            {"setDataValidation": {"range": _column_range(tab, position), "rule": rule}}
        )
    if isinstance(column.rule, Date):
        number = {"numberFormat": {"type": "DATE", "pattern": DATE_FORMAT}}
        requests.append(
            {
                "repeatCell": {
                    "range": _column_range(tab, position),
                    "cell": {"userEnteredFormat": number},
                    "fields": "userEnteredFormat.numberFormat",
                }
            }
        )
    return requests


def overdue_rule(tab: FoundTab) -> dict[str, Any] | None:
    """The highlight of overdue commitments, over the tab's rows below its header."""
    if "due" not in tab.positions or "status" not in tab.positions:
        return None
    due, status = (_letters(tab.positions[c]) for c in ("due", "status"))
    red, green, blue = (int(OVERDUE_FILL[i : i + 2], 16) / 255 for i in (0, 2, 4))
    rows = {
        "sheetId": tab.sheet_id,
        "startRowIndex": tab.header_row + 1,
        "startColumnIndex": 0,
        "endColumnIndex": tab.width,
    }
    formula = overdue_formula(due, status, tab.header_row + 2)
    return {
        "ranges": [rows],
        "booleanRule": {
            "condition": {"type": "CUSTOM_FORMULA", "values": [{"userEnteredValue": formula}]},
            "format": {"backgroundColor": {"red": red, "green": green, "blue": blue}},
        },
    }


def _same_rule(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same highlight (Google fills in defaults, so compare what we set)."""
    condition = ("booleanRule", "condition", "values")
    pick = [a, b]
    for key in condition:
        pick = [part.get(key, {}) if isinstance(part, dict) else {} for part in pick]
    return bool(pick[0]) and pick[0] == pick[1]


def setup_requests(tabs: list[FoundTab]) -> list[dict[str, Any]]:
    """Every request that gives ``tabs`` the template's checks and looks."""
    by_name = {tab.name: tab for tab in tabs}
    requests: list[dict[str, Any]] = []
    for tab in tabs:
        requests.append(
            {
                "updateSheetProperties": {
                    "properties": {
                        "sheetId": tab.sheet_id,
                        "gridProperties": {"frozenRowCount": tab.header_row + 1},
                    },
                    "fields": "gridProperties.frozenRowCount",
                }
            }
        )
        requests.append(
            {
                "repeatCell": {
                    "range": {
                        "sheetId": tab.sheet_id,
                        "startRowIndex": tab.header_row,
                        "endRowIndex": tab.header_row + 1,
                        "startColumnIndex": 0,
                        "endColumnIndex": tab.width,
                    },
                    "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                    "fields": "userEnteredFormat.textFormat.bold",
                }
            }
        )
        for column in COLUMNS[tab.name]:
            if column.name in tab.positions:
                requests += _column_requests(tab, column, by_name)
        overdue = overdue_rule(tab) if tab.name == "Commitments" else None
        if overdue is not None and not any(_same_rule(overdue, r) for r in tab.rules):
            requests.append({"addConditionalFormatRule": {"rule": overdue, "index": 0}})
    return requests


def checked_columns(tab: FoundTab, tabs: list[FoundTab]) -> list[str]:
    """The columns of ``tab`` that get a drop-down or a date check, as the sheet heads them."""
    by_name = {t.name: t for t in tabs}
    return [
        column.name
        for column in COLUMNS[tab.name]
        if column.name in tab.positions and _condition(column, by_name) is not None
    ]
