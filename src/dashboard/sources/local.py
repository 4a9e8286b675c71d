"""Local workbooks: an ``.xlsx`` file or a folder of ``.csv`` files, one per tab.

Both are read into the same raw shape the Sheets source produces — ``{tab title: rows}``, each row
a list of cell values as the sheet holds them, row 1 first — so one cleaning path serves all.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.writer.excel import ExcelWriter

RawSheets = dict[str, list[list[object]]]

# A fixed timestamp for the parts of an xlsx file, so the same content gives the same bytes.
_FIXED_TIME = dt.datetime(2024, 1, 1)


def read_xlsx(path: str | Path) -> RawSheets:
    """Every sheet of an ``.xlsx`` file, values only (formulas as their cached results)."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            sheet.title: [_trim(list(row)) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def read_csv_folder(path: str | Path) -> RawSheets:
    """Every ``*.csv`` file of a folder, the file's stem naming the tab."""
    sheets: RawSheets = {}
    for file in sorted(Path(path).glob("*.csv")):
        with file.open(newline="", encoding="utf-8-sig") as handle:
            sheets[file.stem] = [_trim(row) for row in csv.reader(handle)]
    return sheets


def _trim(row: list[object]) -> list[object]:
    """Drop trailing empty cells, as the Sheets API does, so every source has the same rows."""
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return row[:end]


def write_xlsx(path: str | Path, sheets: RawSheets) -> None:
    """Write ``sheets`` to an ``.xlsx`` file atomically and byte-for-byte reproducibly.

    Dates (``datetime.date``) are written as real date cells with a date format.
    """
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if rows:
            sheet.freeze_panes = "A2"
    book.properties.created = _FIXED_TIME
    book.properties.modified = _FIXED_TIME
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".xlsx.tmp")
    os.close(fd)
    try:
        # Not book.save(): openpyxl's save_workbook stamps properties.modified with the clock.
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(book, archive).save()
        _normalise_zip_times(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes the file private; a workbook is meant to be shared
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _normalise_zip_times(path: Path) -> None:
    """Rewrite the zip with fixed member timestamps (openpyxl stamps the current time)."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
