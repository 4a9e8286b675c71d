"""The template as an ``.xlsx`` workbook, with what Google Sheets keeps when it is imported: the
drop-down lists and date checks of ``rules``, a frozen bold header row, column widths, dates
shown as YYYY-MM-DD, and overdue commitments highlighted.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from dashboard.atomic import write_atomically
from dashboard.template.rules import (
    COLUMNS,
    DATE_FORMAT,
    FIRST_DAY,
    LAST_DAY,
    OVERDUE_FILL,
    Choice,
    Column,
    Date,
    FromTab,
    overdue_formula,
)

ROWS = 2000  # rows below the header that get the checks (Google's new tab has 1000)
_FIXED_TIME = dt.datetime(2024, 1, 1)  # the same template, the same file properties
_BOLD = Font(bold=True)


def _validation(column: Column, letter: str) -> DataValidation | None:
    """The column's check as Excel and LibreOffice enforce it: ``showErrorMessage`` on (off, as
    openpyxl leaves it, they accept any value silently), style *stop* for a fixed list or a
    date, *warning* for a list from another tab — the same as ``google.py``'s ``strict``."""
    rule = column.rule
    where = f"{letter}2:{letter}{ROWS + 1}"
    if isinstance(rule, Choice):
        check = DataValidation(
            type="list",
            formula1=f'"{",".join(rule.values)}"',
            error=f"Choose one of: {', '.join(rule.values)}.",
            errorTitle="Not on the list",
            errorStyle="stop",  # another word is refused
            showErrorMessage=True,
        )
    elif isinstance(rule, FromTab):
        check = DataValidation(
            type="list",
            formula1=f"{rule.tab}!$A$2:$A${ROWS + 1}",
            errorStyle="warning",  # a newcomer may be typed, after a warning
            showErrorMessage=True,
            errorTitle=f"Not on the {rule.tab} tab",
            error=f"Add it to the {rule.tab} tab first, so it is counted there; keep it anyway?",
        )
    elif isinstance(rule, Date):
        first, last = (f"DATE({y},{m},{d})" for y, m, d in (FIRST_DAY, LAST_DAY))
        check = DataValidation(
            type="date",
            operator="between",
            formula1=first,
            formula2=last,
            errorTitle="Not a date",
            error="Type a date, e.g. 2026-03-31.",
            errorStyle="stop",  # text is refused
            showErrorMessage=True,
        )
    else:
        check = DataValidation(type=None, showErrorMessage=False) if column.note else None
    if check is None:
        return None
    check.allow_blank = True
    if column.note:
        check.prompt, check.showInputMessage = column.note, True
    check.add(where)
    return check


def _tab(book: Workbook, title: str, columns: tuple[Column, ...]) -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append([column.header for column in columns])
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        sheet.cell(1, number).font = _BOLD
        sheet.column_dimensions[letter].width = column.width
        check = _validation(column, letter)
        if check is not None:
            sheet.add_data_validation(check)
        if isinstance(column.rule, Date):
            for row in range(2, ROWS + 2):
                sheet.cell(row, number).number_format = DATE_FORMAT
    return sheet


def _overdue(sheet: Worksheet, columns: tuple[Column, ...]) -> None:
    letters = {c.name: get_column_letter(n) for n, c in enumerate(columns, start=1)}
    everything = f"A2:{get_column_letter(len(columns))}{ROWS + 1}"
    fill = PatternFill(start_color=OVERDUE_FILL, end_color=OVERDUE_FILL, fill_type="solid")
    formula = overdue_formula(letters["due"], letters["status"], 2).removeprefix("=")
    sheet.conditional_formatting.add(everything, FormulaRule(formula=[formula], fill=fill))


def _how_to_use(book: Workbook, lines: list[list[str]]) -> None:
    sheet = book.create_sheet("How to use", 0)
    for row in lines:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 90
    sheet.column_dimensions["C"].width = 30
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_xlsx_template(path: Path, how_to_use: list[list[str]]) -> None:
    """Write the template workbook to ``path``, in one step (``dashboard.atomic``)."""
    book = Workbook()
    book.remove(book.active)
    _how_to_use(book, how_to_use)
    for title, columns in COLUMNS.items():
        sheet = _tab(book, title, columns)
        if title == "Commitments":
            _overdue(sheet, columns)
    book.properties.created = book.properties.modified = _FIXED_TIME

    def write(temporary: Path) -> None:
        # not book.save(): it stamps properties.modified with the clock
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(book, archive).save()

    write_atomically(path, write)
