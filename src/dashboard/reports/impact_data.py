"""The impact report's figures as data: a CSV file, and an XLSX workbook with a sheet per part.

Figures are written as the pages write them (``dashboard.formatting``) — ``195``, not
``195.0``; a share as ``80%``; nothing known as a dash, never ``nan`` — under headers in words.
The CSV says once, at its top, what the report covers (period, collaborations, where the data
comes from and when); its rows name their collaboration only where a row is about one. In the
XLSX numbers are numbers and dates are dates: a share is the share 0…1 formatted as a percent, a
change of a share is its whole points formatted ``+7 pts``, a change of a count is the signed
count — each cell shows the text the page and the CSV show.

No cell is ever a formula: text from the sheet that begins with ``=``, ``+``, ``-`` or ``@`` gets a
leading ``'`` in the CSV, and XLSX text cells are typed as text, so a spreadsheet never runs them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard import formatting
from dashboard.formulas import neutralise
from dashboard.reports.impact import Report
from dashboard.reports.period import FIGURES

HEADER = ["section", "collaboration", "figure", "this period", "previous period", "change"]
ALL = "all in this report"
BOLD = Font(bold=True)


def _period(start: object, end: object) -> str:
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


def about(report: Report) -> list[tuple[str, str]]:
    """What the report covers, as (what, value) pairs: the head of the CSV, the About sheet."""
    rows = [
        ("title", report.title),
        ("period", _period(report.start, report.end)),
        ("compared with", _period(*report.previous) if report.previous else "nothing (no records)"),
        ("collaborations", "; ".join(report.collaborations)),
        (
            "people",
            "anonymised: people appear as counts, names are masked"
            if report.anonymised
            else "internal: names are shown",
        ),
    ]
    if report.snapshot:
        rows.append(("data", "NOT all read live: some figures are a last good snapshot's"))
    rows += [("source", note) for note in report.sources]
    rows += [("note", note) for note in report.notes]
    return rows


def change_cell(key: str, now: object, before: object) -> str:
    """A change as a CSV cell no spreadsheet takes for a formula: the page's words with no
    leading ``+`` and a typographic minus (``77``, ``−3``, ``7 pts``, ``−2 pts``, ``no change``)."""
    return formatting.spreadsheet_safe(formatting.figure_change(key, now, before))


def csv_rows(report: Report) -> list[list[str]]:
    """The CSV's rows, header first."""
    rows = [HEADER]
    rows += [["about", "", what, neutralise(value), "", ""] for what, value in about(report)]
    for r in report.figures.itertuples():
        rows.append(
            [
                "headline",
                ALL,
                r.label,
                formatting.figure(r.figure, r.value),
                formatting.figure(r.figure, r.previous),
                change_cell(r.figure, r.value, r.previous),
            ]
        )
    for record in report.by_collaboration.to_dict("records"):
        name = neutralise(record["collaboration"])
        for key, label in FIGURES.items():
            rows.append(
                ["by collaboration", name, label, formatting.figure(key, record[key]), "", ""]
            )
    for r in report.highlights.itertuples():
        what = f"win of {r.date:%Y-%m-%d} ({r.why})"
        project = "" if pd.isna(r.project) else f", {r.project}"
        rows.append(
            [
                "highlighted win",
                neutralise(r.collaboration),
                neutralise(what + project),
                neutralise(r.win),
                "",
                "",
            ]
        )
    return rows


def write_csv(report: Report, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(csv_rows(report))


def _typed(value: object, key: str) -> float | int | None:
    """A figure as an XLSX cell value: a share 0…1, an index, or a whole count; blank when not
    known."""
    if not formatting.known(value):
        return None
    # `known` accepted it: a number float() takes (report frames hold pandas' untyped cells)
    number = float(value)  # type: ignore[arg-type]
    return number if key in formatting.SHARES | formatting.INDICES else formatting.whole(number)


def _format(cell: Cell, key: str) -> None:
    """The number format that shows a figure's cell as the page writes it."""
    if key in formatting.SHARES:
        cell.number_format = formatting.PERCENT_XLSX
    elif key in formatting.INDICES:
        cell.number_format = "0.00"
    else:
        cell.number_format = formatting.COUNT_XLSX


def _change(sheet: Worksheet, key: str, now: object, before: object) -> None:
    """The change cell of the row just appended: a share's in whole points (``+7 pts``), a
    count's signed (``+77``, ``no change``); blank when either is unknown."""
    cell = sheet.cell(sheet.max_row, 4)
    if key in formatting.SHARES:
        moved = formatting.points(now, before)
        if moved is not None:
            cell.value, cell.number_format = moved, formatting.points_xlsx(moved)
    elif formatting.known(now) and formatting.known(before):
        # both known (checked above): numbers, typed ``object`` as the report's rows hold them
        cell.value = formatting.whole(float(now) - float(before))  # type: ignore[arg-type]
        cell.number_format = formatting.COUNT_CHANGE_XLSX


def _sheet(book: Workbook, title: str, header: list[str] | None, widths: list[int]) -> Worksheet:
    """A sheet with its columns' widths and, when given, a bold, frozen header row."""
    sheet = book.create_sheet(title)
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    if header:
        sheet.append(header)
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = BOLD
    return sheet


def _figures_sheet(book: Workbook, report: Report) -> None:
    sheet = _sheet(book, "Headline figures", HEADER[2:], [42, 14, 16, 10])
    for r in report.figures.itertuples():
        sheet.append([r.label, _typed(r.value, r.figure), _typed(r.previous, r.figure), None])
        for cell in sheet[sheet.max_row][1:3]:
            _format(cell, r.figure)
        _change(sheet, r.figure, r.value, r.previous)


def _collaborations_sheet(book: Workbook, report: Report) -> None:
    keys = list(FIGURES)
    sheet = _sheet(
        book, "By collaboration", ["collaboration", *FIGURES.values()], [34] + [14] * len(keys)
    )
    for record in report.by_collaboration.to_dict("records"):
        sheet.append([record["collaboration"], *(_typed(record[k], k) for k in keys)])
        for key, cell in zip(keys, sheet[sheet.max_row][1:], strict=True):
            _format(cell, key)


def _wins_sheet(book: Workbook, report: Report) -> None:
    sheet = _sheet(
        book,
        "Highlighted wins",
        ["date", "win", "project", "collaboration", "size", "why"],
        [12, 60, 30, 30, 8, 12],
    )
    for r in report.highlights.itertuples():
        rest = ("" if pd.isna(v) else v for v in (r.project, r.collaboration, r.size, r.why))
        sheet.append([r.date.date(), r.win, *rest])
        sheet.cell(sheet.max_row, 1).number_format = "yyyy-mm-dd"


def write_xlsx(report: Report, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    info = _sheet(book, "About", None, [16, 100])
    for row in about(report):
        info.append(list(row))
    _figures_sheet(book, report)
    _collaborations_sheet(book, report)
    _wins_sheet(book, report)
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: never a formula
    book.save(path)
