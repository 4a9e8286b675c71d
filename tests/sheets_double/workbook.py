"""The spreadsheets the double serves: tabs of cells on a grid, and who may see them.

A workbook also carries what Drive reports about the file: when it was created and last
modified (milliseconds, as Drive stores them) and a version that grows with every change.
"""

from __future__ import annotations

import copy
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.sheets_double.a1 import a1_text, parse_a1, quote_title, split_range
from tests.sheets_double.errors import ApiError
from tests.sheets_double.formatting import Batch, Formatting
from tests.sheets_double.values import Rows, ragged, render, user_entered

DEFAULT_GRID = (1000, 26)  # what Google gives a new tab; grown to fit the data
MILLISECOND = timedelta(milliseconds=1)


@dataclass
class Tab:
    title: str
    sheet_id: int
    rows: Rows
    grid_rows: int
    grid_cols: int
    formatting: Formatting = field(default_factory=Formatting)  # what batchUpdate set

    @classmethod
    def new(
        cls, key: str, index: int, title: str, rows: Rows, grid: tuple[int, int] | None = None
    ) -> Tab:
        """A tab holding a copy of ``rows``, its grid (rows, columns) grown to fit them; the first
        tab of a spreadsheet has sheetId 0, as Google gives it."""
        grid_rows, grid_cols = grid or DEFAULT_GRID
        width = max((len(row) for row in rows), default=0)
        sheet_id = 0 if index == 0 else zlib.crc32(f"{key}/{title}".encode()) % 2**30 + 1
        copied = [list(row) for row in rows]
        return cls(title, sheet_id, copied, max(grid_rows, len(rows)), max(grid_cols, width))

    def box(self, a1: str, shown: str) -> tuple[int, int, int, int]:
        """The cells ``a1`` covers; past the grid is a 400, as Google answers."""
        first_row, first_col, last_row, last_col = parse_a1(a1)
        last_row = self.grid_rows if last_row is None else last_row
        last_col = self.grid_cols if last_col is None else last_col
        if max(first_row, last_row) > self.grid_rows or max(first_col, last_col) > self.grid_cols:
            raise ApiError(
                400,
                f"Range ({shown}) exceeds grid limits. Max rows: {self.grid_rows}, "
                f"max columns: {self.grid_cols}",
            )
        return first_row, first_col, last_row, last_col

    def values(self, box: tuple[int, int, int, int], options: tuple[str, str, str]) -> Rows:
        first_row, first_col, last_row, last_col = box
        value_option, date_option, major = options
        grid = []
        for row in self.rows[first_row - 1 : last_row]:
            cells = row[first_col - 1 : last_col]
            grid.append([render(cell, value_option, date_option) for cell in cells])
        if major == "COLUMNS":
            width = max((len(row) for row in grid), default=0)
            padded = [row + [""] * (width - len(row)) for row in grid]
            grid = [list(column) for column in zip(*padded, strict=True)]
        return ragged(grid)


@dataclass
class Workbook:
    key: str
    title: str
    public: bool
    tabs: list[Tab]
    formulas: set[tuple[str, int, int]] = field(default_factory=set)
    denied: bool = False
    shared: bool = True  # shared with the service account (Drive lists it, Sheets serves it)
    created: datetime = field(default_factory=lambda: now_ms())
    modified: datetime = field(default_factory=lambda: now_ms())
    version: int = 1

    def visible(self, by_token: bool) -> bool:
        """Whether a caller sees this file at all: shared with the service account (a token), or
        public, which anyone with the link may read; deny() hides it from everyone."""
        return not self.denied and (self.public or (by_token and self.shared))

    def touch(self) -> None:
        """The file changed: modifiedTime moves to now, strictly later than before, as Drive's
        does (it keeps milliseconds, so two changes within one are 1 ms apart)."""
        self.modified = max(now_ms(), self.modified + MILLISECOND)
        self.version += 1

    def edit(self, title: str, rows: Rows) -> None:
        """Replace a tab's cells as a person typing them in the Sheets UI would (text is parsed as
        USER_ENTERED parses it); a tab not there yet is added at the end."""
        typed = [[user_entered(cell) for cell in row] for row in rows]
        stored = [[value for value, _ in row] for row in typed]
        tab = next((tab for tab in self.tabs if tab.title == title), None)
        if tab is None:
            self.tabs.append(Tab.new(self.key, len(self.tabs), title, stored))
        else:
            tab.rows = stored
            width = max((len(row) for row in stored), default=0)
            tab.grid_rows, tab.grid_cols = (
                max(tab.grid_rows, len(stored)),
                max(tab.grid_cols, width),
            )
        self.formulas = {cell for cell in self.formulas if cell[0] != title}
        for r, row in enumerate(typed, start=1):
            self.formulas |= {(title, r, c) for c, (_, formula) in enumerate(row, 1) if formula}
        self.touch()

    def resolve(self, text: str) -> tuple[Tab, str]:
        """The tab and A1 part of a range; an unknown tab is Google's 'Unable to parse range'."""
        try:
            title, a1 = split_range(text)
            if title is None:
                named = [tab for tab in self.tabs if tab.title == text]
                if named:
                    return named[0], ""
                parse_a1(text)
                return self.tabs[0], text
            parse_a1(a1)
        except (ValueError, IndexError):
            raise ApiError(400, f"Unable to parse range: {text}") from None
        for tab in self.tabs:
            if tab.title == title:
                return tab, a1
        raise ApiError(400, f"Unable to parse range: {text}")

    def value_range(self, text: str, options: tuple[str, str, str]) -> dict[str, Any]:
        tab, a1 = self.resolve(text)
        box = tab.box(a1, f"{quote_title(tab.title)}!{a1}" if a1 else quote_title(tab.title))
        answer: dict[str, Any] = {
            "range": f"{quote_title(tab.title)}!{a1_text(*box)}",
            "majorDimension": options[2],
        }
        values = tab.values(box, options)
        if values:
            answer["values"] = values
        return answer

    def metadata(self) -> dict[str, Any]:
        sheets = []
        for index, tab in enumerate(self.tabs):
            grid = {"rowCount": tab.grid_rows, "columnCount": tab.grid_cols}
            if tab.formatting.frozen_rows:
                grid["frozenRowCount"] = tab.formatting.frozen_rows
            sheet: dict[str, Any] = {
                "properties": {
                    "sheetId": tab.sheet_id,
                    "title": tab.title,
                    "index": index,
                    "sheetType": "GRID",
                    "gridProperties": grid,
                }
            }
            if tab.formatting.conditional_formats:  # as Google lists them, when there are any
                sheet["conditionalFormats"] = copy.deepcopy(tab.formatting.conditional_formats)
            sheets.append(sheet)
        return {
            "spreadsheetId": self.key,
            "properties": {
                "title": self.title,
                "locale": "en_US",
                "autoRecalc": "ON_CHANGE",
                "timeZone": "Etc/GMT",
            },
            "sheets": sheets,
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.key}/edit",
        }

    def batch_update(self, body: dict[str, Any]) -> dict[str, Any]:
        """spreadsheets.batchUpdate: every request checked, then all applied (``formatting``)."""
        requests = body.get("requests", [])
        if not isinstance(requests, list):
            raise ApiError(400, "Invalid value at 'requests': expected a list")
        batch = Batch(self.tabs)
        batch.check(requests)
        replies = batch.apply(requests)
        self.touch()
        return {"spreadsheetId": self.key, "replies": replies}

    def _write_target(self, text: str, query: dict[str, str]) -> tuple[Tab, int, int, str]:
        """Where a write goes (tab, first row, first column) and its valueInputOption, which
        the real API requires on every write."""
        input_option = query.get("valueInputOption")
        if input_option not in ("RAW", "USER_ENTERED"):
            raise ApiError(400, "'valueInputOption' is required but not specified")
        tab, a1 = self.resolve(text)
        first_row, first_col, _, _ = parse_a1(a1)
        return tab, first_row, first_col, input_option

    def append(self, text: str, rows: Rows, query: dict[str, str]) -> dict[str, Any]:
        """values:append: the rows go under the last non-empty row, from the range's column."""
        tab, first_row, first_col, input_option = self._write_target(text, query)
        table = ragged(tab.rows)
        filled, table_width = len(table), max((len(row) for row in table), default=1)
        start = filled + 1 if filled else first_row
        width = max((len(row) for row in rows), default=0)
        for offset, row in enumerate(rows):
            self._write_row(tab, start + offset, first_col, row, input_option)
        end_row, end_col = start + len(rows) - 1, first_col + width - 1
        if query.get("insertDataOption") == "INSERT_ROWS":
            tab.grid_rows += len(rows)
        tab.grid_rows, tab.grid_cols = max(tab.grid_rows, end_row), max(tab.grid_cols, end_col)
        updated = f"{quote_title(tab.title)}!{a1_text(start, first_col, end_row, end_col)}"
        updates: dict[str, Any] = {
            "spreadsheetId": self.key,
            "updatedRange": updated,
            "updatedRows": len(rows),
            "updatedColumns": width,
            "updatedCells": sum(len(row) for row in rows),
        }
        if query.get("includeValuesInResponse", "").lower() == "true":
            options = (
                query.get("responseValueRenderOption", "FORMATTED_VALUE"),
                query.get("responseDateTimeRenderOption", "SERIAL_NUMBER"),
                "ROWS",
            )
            updates["updatedData"] = self.value_range(updated, options)
        answer: dict[str, Any] = {"spreadsheetId": self.key}
        if filled:
            table_range = a1_text(1, 1, filled, table_width)
            answer["tableRange"] = f"{quote_title(tab.title)}!{table_range}"
        answer["updates"] = updates
        self.touch()
        return answer

    def update(self, text: str, rows: Rows, query: dict[str, str]) -> dict[str, Any]:
        """values.update (PUT): the rows written from the range's top-left cell."""
        tab, first_row, first_col, input_option = self._write_target(text, query)
        for offset, row in enumerate(rows):
            self._write_row(tab, first_row + offset, first_col, row, input_option)
        width = max((len(row) for row in rows), default=0)
        end_row, end_col = first_row + len(rows) - 1, first_col + width - 1
        written = a1_text(first_row, first_col, end_row, end_col)
        self.touch()
        return {
            "spreadsheetId": self.key,
            "updatedRange": f"{quote_title(tab.title)}!{written}",
            "updatedRows": len(rows),
            "updatedColumns": width,
            "updatedCells": sum(len(row) for row in rows),
        }

    def _write_row(self, tab: Tab, row_number: int, first_col: int, row: list, option: str) -> None:
        while len(tab.rows) < row_number:
            tab.rows.append([])
        cells = tab.rows[row_number - 1]
        for offset, typed in enumerate(row):
            col = first_col + offset
            stored, formula = user_entered(typed) if option == "USER_ENTERED" else (typed, False)
            cells.extend([None] * (col - len(cells)))
            cells[col - 1] = stored
            (self.formulas.add if formula else self.formulas.discard)((tab.title, row_number, col))


def now_ms() -> datetime:
    """Now in UTC, to the millisecond Drive keeps."""
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def utc_ms(moment: datetime) -> datetime:
    """``moment`` in UTC to the millisecond; a naive datetime is taken to be UTC already."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def rfc3339(moment: datetime) -> str:
    """``2023-08-17T10:52:37.010Z``: Drive's timestamps, UTC with milliseconds and a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
