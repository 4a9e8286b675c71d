"""``spreadsheets.batchUpdate``: the requests that set checks and looks on a tab, as Google
documents them (Sheets API v4, "Method: spreadsheets.batchUpdate" and its Request types), and
what the double keeps of them so a test can assert what was set.

Served: ``setDataValidation``, ``repeatCell``, ``updateSheetProperties``,
``updateDimensionProperties`` and ``addConditionalFormatRule``. As at Google the batch is
atomic — every request is checked before any is applied, and the first bad one answers 400
naming it (``requests[2]``): a request type the double does not know, a ``sheetId`` with no
grid, or a range past the grid. The answer is ``{"spreadsheetId", "replies": [{} per
request]}``: none of these five requests has a reply body.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from tests.sheets_double.errors import ApiError

KNOWN = (
    "setDataValidation",
    "repeatCell",
    "updateSheetProperties",
    "updateDimensionProperties",
    "addConditionalFormatRule",
)


@dataclass
class Formatting:
    """What a tab was given: validation and format per cell (0-based row, column), frozen rows,
    column widths in pixels, conditional format rules in order."""

    validations: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    formats: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    frozen_rows: int = 0
    column_widths: dict[int, int] = field(default_factory=dict)
    conditional_formats: list[dict[str, Any]] = field(default_factory=list)


def _masked(value: dict[str, Any], fields: str) -> dict[str, Any]:
    """The parts of ``value`` that a ``fields`` mask names (``a.b,c``), as nested dicts."""
    out: dict[str, Any] = {}
    for path in (p.strip() for p in fields.split(",") if p.strip()):
        source, target = value, out
        parts = path.split(".")
        for part in parts[:-1]:
            source = source.get(part, {}) if isinstance(source, dict) else {}
            target = target.setdefault(part, {})
        if isinstance(source, dict) and parts[-1] in source:
            target[parts[-1]] = copy.deepcopy(source[parts[-1]])
    return out


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


class Batch:
    """One batchUpdate against a workbook's tabs (each with ``sheet_id``, ``grid_rows``,
    ``grid_cols`` and ``formatting``)."""

    def __init__(self, tabs: list[Any]) -> None:
        self.tabs = {tab.sheet_id: tab for tab in tabs}

    def _tab(self, where: str, sheet_id: object) -> Any:
        tab = self.tabs.get(sheet_id)  # type: ignore[arg-type]
        if tab is None:
            raise ApiError(400, f"Invalid {where}: No grid with id: {sheet_id}")
        return tab

    def _cells(self, where: str, grid: dict[str, Any]) -> tuple[Any, range, range]:
        """The tab and the rows and columns a GridRange covers (open ends: to the grid's)."""
        tab = self._tab(where, grid.get("sheetId", 0))
        rows = range(grid.get("startRowIndex", 0), grid.get("endRowIndex", tab.grid_rows))
        cols = range(grid.get("startColumnIndex", 0), grid.get("endColumnIndex", tab.grid_cols))
        if rows.start < 0 or cols.start < 0 or rows.stop < rows.start or cols.stop < cols.start:
            raise ApiError(400, f"Invalid {where}: the range's start is after its end")
        if rows.stop > tab.grid_rows or cols.stop > tab.grid_cols:
            raise ApiError(
                400,
                f"Invalid {where}: Range exceeds grid limits. Max rows: "
                f"{tab.grid_rows}, max columns: {tab.grid_cols}",
            )
        return tab, rows, cols

    def check(self, requests: list[dict[str, Any]]) -> None:
        for number, request in enumerate(requests):
            kinds = list(request)
            if len(kinds) != 1 or kinds[0] not in KNOWN:
                unknown = next((k for k in kinds if k not in KNOWN), kinds[0] if kinds else "")
                raise ApiError(
                    400,
                    f'Invalid JSON payload received. Unknown name "{unknown}" at '
                    f"'requests[{number}]': Cannot find field.",
                )
            self._apply(f"requests[{number}].{kinds[0]}", kinds[0], request[kinds[0]], dry=True)

    def apply(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for number, request in enumerate(requests):
            (kind,) = request
            self._apply(f"requests[{number}].{kind}", kind, request[kind], dry=False)
        return [{} for _ in requests]

    def _apply(self, where: str, kind: str, body: dict[str, Any], dry: bool) -> None:
        if kind in ("setDataValidation", "repeatCell"):
            tab, rows, cols = self._cells(where, body.get("range", {}))
            if dry:
                return
            cells = [(r, c) for r in rows for c in cols]
            if kind == "setDataValidation":
                rule = body.get("rule")
                for cell in cells:
                    if rule is None:
                        tab.formatting.validations.pop(cell, None)
                    else:
                        tab.formatting.validations[cell] = copy.deepcopy(rule)
            else:
                new = _masked(body.get("cell", {}), body.get("fields", "*"))
                for cell in cells:
                    _merge(tab.formatting.formats.setdefault(cell, {}), copy.deepcopy(new))
        elif kind == "updateSheetProperties":
            properties = body.get("properties", {})
            tab = self._tab(where, properties.get("sheetId", 0))
            frozen = _masked(properties, body.get("fields", "")).get("gridProperties", {})
            if not dry and "frozenRowCount" in frozen:
                tab.formatting.frozen_rows = int(frozen["frozenRowCount"])
        elif kind == "updateDimensionProperties":
            span = body.get("range", {})
            tab = self._tab(where, span.get("sheetId", 0))
            limit = tab.grid_cols if span.get("dimension") == "COLUMNS" else tab.grid_rows
            if span.get("endIndex", 0) > limit:
                raise ApiError(400, f"Invalid {where}: Range exceeds grid limits")
            pixels = _masked(body.get("properties", {}), body.get("fields", "")).get("pixelSize")
            if not dry and pixels is not None and span.get("dimension") == "COLUMNS":
                for column in range(span.get("startIndex", 0), span.get("endIndex", limit)):
                    tab.formatting.column_widths[column] = int(pixels)
        else:  # addConditionalFormatRule
            rule = body.get("rule", {})
            grids = rule.get("ranges", [])
            if not grids:
                raise ApiError(400, f"Invalid {where}: a rule needs at least one range")
            tab = [self._cells(where, grid)[0] for grid in grids][0]
            if not dry:
                rules = tab.formatting.conditional_formats
                rules.insert(min(body.get("index", len(rules)), len(rules)), copy.deepcopy(rule))
