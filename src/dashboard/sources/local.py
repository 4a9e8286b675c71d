"""Local workbooks: an ``.xlsx`` file or a folder of ``.csv`` files, one per tab.

Both are read into the same raw shape the Sheets source produces — ``{tab title: rows}``, each row
a list of cell values as the sheet holds them, row 1 first — so one cleaning path serves all.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from dashboard.atomic import write_atomically
from dashboard.limits import (
    MAX_CELL_CHARS,
    MAX_CSV_FIELD_CHARS,
    MAX_TAB_ROWS,
    MAX_XLSX_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_TEXT_BYTES,
)

RawSheets = dict[str, list[list[object]]]
_KEEP_CHARS = MAX_CELL_CHARS + 1  # one past the limit: the reader sees the cell was longer

# A fixed timestamp for the parts of an xlsx file, so the same content gives the same bytes.
_FIXED_TIME = dt.datetime(2024, 1, 1)


class UnreadableWorkbook(ValueError):
    """A local file that cannot be read as a workbook; the message says why, in plain words.

    A ``ValueError``, which ``read_source`` reports as the problem ``source unreadable`` with this
    message (every other source still loads)."""


class EmptyFile(UnreadableWorkbook):
    """A workbook file of 0 bytes."""


class NotAnXlsxFile(UnreadableWorkbook):
    """Not a zip file: another format renamed, a damaged download, a password-protected file."""


class DamagedXlsxFile(UnreadableWorkbook):
    """A zip file whose workbook parts openpyxl cannot read."""


class OversizedXlsxFile(UnreadableWorkbook):
    """A zip whose parts expand past ``limits.MAX_XLSX_*``: not a workbook a spreadsheet wrote
    (a zip bomb, or a damaged file), refused before it is parsed."""


class CsvCellTooLong(UnreadableWorkbook):
    """A CSV field longer than any spreadsheet writes."""


class CsvNotReadable(UnreadableWorkbook):
    """A CSV file that is not UTF-8 text or not CSV at all."""


class NotACsvFolder(UnreadableWorkbook):
    """A ``kind = "csv"`` location that is a file, not a folder."""


def read_xlsx(path: str | Path) -> RawSheets:
    """Every sheet of an ``.xlsx`` file, values only (formulas as their cached results), at most
    ``MAX_TAB_ROWS`` (+1, to show there are more) rows a tab."""
    name = Path(path).name
    if Path(path).is_file() and Path(path).stat().st_size == 0:
        raise EmptyFile(f"{name} is an empty file (0 bytes), not a workbook")
    try:
        measure_xlsx(path)
    except FileNotFoundError:
        raise
    except UnreadableWorkbook:
        raise
    except Exception as error:
        raise _not_xlsx(name, error) from None
    try:
        from openpyxl import load_workbook  # not imported by a command reading a Sheet

        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except Exception as error:
        raise _not_xlsx(name, error) from None
    try:
        sheets: RawSheets = {}
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # read every row there is, not the size the file claims
            sheets[sheet.title] = _rows(map(_shortened, sheet.iter_rows(values_only=True)))
        return sheets
    except Exception as error:
        raise _not_xlsx(name, error) from None
    finally:
        book.close()


_MEASURE_CHUNK = 1024**2


def measure_xlsx(path: str | Path) -> None:
    """Refuse an ``.xlsx`` zip whose parts expand too far, before anything parses it: each
    entry's declared size, then its real expanded size and its longest run of text, read in
    1 MiB pieces (memory stays at a piece, whatever the file expands to). Python's zipfile
    never hands out more than an entry declares (more fails its CRC check), so both are bounded.
    Raises ``OversizedXlsxFile``; a file that is not a zip raises ``zipfile.BadZipFile``."""
    name = Path(path).name
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        declared = sum(entry.file_size for entry in entries)
        biggest = max((entry.file_size for entry in entries), default=0)
        if biggest > MAX_XLSX_PART_BYTES or declared > MAX_XLSX_BYTES:
            raise _oversized(name, max(biggest, declared))
        total = 0
        for entry in entries:
            size, run = 0, 0
            with archive.open(entry) as part:
                while chunk := part.read(_MEASURE_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if size > MAX_XLSX_PART_BYTES or total > MAX_XLSX_BYTES:
                        raise _oversized(name, max(size, total))
                    run = _longest_run(chunk, run, name)


def _longest_run(chunk: bytes, run: int, name: str) -> int:
    """The run of text (bytes with no ``<``) still open at the end of ``chunk``, given the one
    open before it; ``OversizedXlsxFile`` when any run passes ``MAX_XLSX_TEXT_BYTES``."""
    first = chunk.find(b"<")
    if first < 0:
        run += len(chunk)
        longest = run
    else:
        longest = max(run + first, max(map(len, chunk.split(b"<"))))
        run = len(chunk) - chunk.rfind(b"<") - 1
    if longest > MAX_XLSX_TEXT_BYTES:
        raise OversizedXlsxFile(
            f"{name} holds a cell of more than {MAX_XLSX_TEXT_BYTES // 1024**2} MB of text, "
            "which no spreadsheet writes (Excel stops at 32,767 characters): the file is damaged "
            "or not a workbook; open it in Excel or LibreOffice and save it as .xlsx again"
        )
    return run


def _oversized(name: str, size: int) -> OversizedXlsxFile:
    return OversizedXlsxFile(
        f"{name} expands to more than {size // 1024**2:,} MB when unzipped, past the "
        f"{MAX_XLSX_PART_BYTES // 1024**2} MB a workbook part may hold "
        f"({MAX_XLSX_BYTES // 1024**2} MB in all): the file is damaged or not a workbook "
        "(a 'zip bomb'); it was not read"
    )


def _not_xlsx(name: str, error: Exception) -> UnreadableWorkbook:
    if isinstance(error, zipfile.BadZipFile):
        return NotAnXlsxFile(
            f"{name} is not an .xlsx workbook (not a zip file: a damaged download, another format "
            "renamed, or a password-protected workbook); open it in Excel and save it as .xlsx"
        )
    return DamagedXlsxFile(
        f"{name} could not be read as an .xlsx workbook ({type(error).__name__}: "
        f"{str(error)[:200]}); open it in Excel or LibreOffice and save it as .xlsx again"
    )


def read_csv_folder(path: str | Path) -> RawSheets:
    """Every ``*.csv`` file of a folder, the file's stem naming the tab."""
    folder = Path(path)
    if not folder.is_dir():
        if folder.exists():
            raise NotACsvFolder(f"{folder.name} is a file, not a folder of .csv files")
        raise FileNotFoundError(folder)
    sheets: RawSheets = {}
    for file in sorted(folder.glob("*.csv")):
        sheets[file.stem] = read_csv_file(file)
    return sheets


def read_csv_file(file: Path) -> list[list[object]]:
    """The rows of one CSV file (UTF-8, with or without Excel's byte-order mark)."""
    try:
        with file.open(newline="", encoding="utf-8-sig") as handle:
            return _rows(csv.reader(handle))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise CsvCellTooLong(
                f"{file.name} holds a cell longer than {MAX_CSV_FIELD_CHARS:,} characters, which "
                "no spreadsheet writes (Google Sheets stops at 50,000): the file is damaged or not "
                "a sheet's export; export the tab again"
            ) from None
        raise CsvNotReadable(f"{file.name} is not a readable CSV file ({error})") from None
    except UnicodeDecodeError:
        raise CsvNotReadable(
            f"{file.name} is not UTF-8 text; save it again as 'CSV UTF-8' (Excel) or download it "
            "from Google Sheets as .csv"
        ) from None


def _rows(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """Rows with trailing empty cells and trailing empty rows dropped, as the Sheets API gives
    them, so every source has the same rows; at most ``MAX_TAB_ROWS`` + 1 of them (the extra one
    tells the reader there are more). Empty rows are kept only when a later row holds something,
    so a styled empty cell at row 1,048,576 costs a count, not a million lists."""
    out: list[list[object]] = []
    pending = 0  # empty rows not yet known to be followed by a filled one
    for row in rows:
        trimmed = _trim(list(row))
        if not trimmed:
            pending += 1
            continue
        if pending:
            out.extend([] for _ in range(pending))
            pending = 0
        out.append(trimmed)
        if len(out) > MAX_TAB_ROWS:
            break
    return out[: MAX_TAB_ROWS + 1]


def _trim(row: list[object]) -> list[object]:
    """Drop trailing empty cells, as the Sheets API does."""
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return row[:end]


def _shortened(row: Sequence[object]) -> list[object]:
    """An ``.xlsx`` row with any text longer than a cell can be kept to one character past the
    limit — enough for the reader to report it ``cell too long`` — so a 300 MB cell (a 300 KB
    file) is not carried through every step after this one. (A CSV field cannot pass 131,072
    characters, so CSV rows are not looked at.)"""
    return [
        cell[:_KEEP_CHARS] if type(cell) is str and len(cell) > _KEEP_CHARS else cell
        for cell in row
    ]


def write_xlsx(path: str | Path, sheets: RawSheets) -> None:
    """Write ``sheets`` to an ``.xlsx`` file atomically and byte-for-byte reproducibly.

    Dates (``datetime.date``) are written as real date cells with a date format.
    """
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

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

    def write(temporary: Path) -> None:
        # Not book.save(): openpyxl's save_workbook stamps properties.modified with the clock.
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(book, archive).save()
        _normalise_zip_times(temporary)

    write_atomically(target, write)


def _normalise_zip_times(path: Path) -> None:
    """Rewrite the zip with fixed member timestamps (openpyxl stamps the current time)."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
