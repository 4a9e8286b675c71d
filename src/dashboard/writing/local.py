"""Appending a record to a local workbook (``.xlsx``) or CSV folder, safely.

A lock keeps two writers apart; the new file is written beside the old one, flushed to disk, and
renamed over it in one step, so a crash mid-write leaves the workbook exactly as it was.
"""

from __future__ import annotations

import csv
import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import load_workbook

from dashboard.formulas import neutralise
from dashboard.schema import canonical_tab
from dashboard.writing.layout import HEADER_SEARCH_ROWS, layout_of
from dashboard.writing.records import NewCommitment, NewWin


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (a sidecar ``.lock`` file), held for the whole write."""
    lock = path.with_name(f".{path.name}.lock")
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def replace_atomically(path: Path, write) -> None:  # noqa: ANN001 - write(temp_path)
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def append_to_xlsx(path: Path, record: NewWin | NewCommitment) -> bool:
    """Append ``record`` to its tab; ``False`` when a row with its id is already there."""
    with locked(path):
        book = load_workbook(path)
        sheet = next(
            (s for s in book.worksheets if (t := canonical_tab(s.title)) and t.name == record.tab),
            None,
        )
        if sheet is None:
            raise ValueError(f"the workbook has no {record.tab} tab")
        last_row = min(HEADER_SEARCH_ROWS, sheet.max_row)  # reading further would add empty rows
        top = [list(r) for r in sheet.iter_rows(max_row=last_row, values_only=True)]
        layout = layout_of(record.tab, top)
        id_col = layout.positions["id"] + 1
        if layout.add_id_at is not None:
            sheet.cell(layout.header_row, id_col, "id")
        ids = sheet.iter_rows(min_row=layout.header_row + 1, min_col=id_col, max_col=id_col,
                              values_only=True)  # fmt: skip
        if any(str(cell).strip() == record.id for (cell,) in ids if cell is not None):
            return False
        last = max((r for r in range(1, sheet.max_row + 1) if _filled(sheet, r)), default=0)
        for position, value in enumerate(layout.row(record.cells()), start=1):
            if value:
                cell = sheet.cell(last + 1, position, value)
                cell.data_type = "s"  # text stays text: "=1+1" is not a formula
        replace_atomically(path, book.save)
        return True


def _filled(sheet, row: int) -> bool:  # noqa: ANN001 - an openpyxl worksheet
    return any(cell.value not in (None, "") for cell in sheet[row])


def append_to_csv(folder: Path, record: NewWin | NewCommitment) -> bool:
    """The same for a folder of CSV files; cells starting like a formula get a leading ``'``
    (CSV has no cell types, and spreadsheets run formulas they open)."""
    path = folder / f"{record.tab}.csv"
    with locked(path):
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = [row for row in csv.reader(handle)]
        layout = layout_of(record.tab, rows[:HEADER_SEARCH_ROWS])
        if layout.add_id_at is not None:
            rows[layout.header_row - 1] = rows[layout.header_row - 1] + ["id"]
        id_at = layout.positions["id"]
        body = rows[layout.header_row :]
        if any(len(row) > id_at and row[id_at].strip() == record.id for row in body):
            return False
        safe = [neutralise(value) for value in layout.row(record.cells())]

        def write(tmp: Path) -> None:
            with tmp.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows([*rows, safe])

        replace_atomically(path, write)
        return True
