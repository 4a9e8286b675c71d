"""A record added to an ``.xlsx`` workbook's bytes: its tab's sheet XML gets one row, nothing else
changes (``xlsx_parts``, ``xlsx_rows``) — but for the styles part, when the workbook has no date
format yet for the row's date cells (``xlsx_styles``)."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

from dashboard.writing.layout import HEADER_SEARCH_ROWS, layout_of
from dashboard.writing.records import NewCommitment, NewWin
from dashboard.writing.xlsx_parts import (
    NotWritable,
    replaced,
    shared_strings,
    workbook_parts,
)
from dashboard.writing.xlsx_rows import (
    LAST_ROW,
    DateCell,
    Scan,
    dimension_edit,
    row_bytes,
    row_parts,
    scan,
    spliced,
)
from dashboard.writing.xlsx_styles import DateStyles, date_styles, serial, with_date_style


def with_record(data: bytes, record: NewWin | NewCommitment) -> bytes | None:
    """The workbook ``data`` with ``record`` appended below the last row holding anything;
    ``None`` when a row of the tab already carries the record's id."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise NotWritable(
            "the file is not an .xlsx workbook (a damaged file, another format renamed, or a "
            "password-protected workbook, which cannot be written to: remove the password)"
        ) from None
    with archive:
        try:
            book = workbook_parts(archive)
            _, part = book.sheet_of(record.tab)
            strings = shared_strings(archive, book.shared_strings)
            xml_bytes = archive.read(part)
            styles_xml = archive.read(book.styles) if book.styles else None
            styles = date_styles(styles_xml)
        except (KeyError, ET.ParseError, ValueError, zipfile.BadZipFile) as error:
            if isinstance(error, NotWritable):
                raise
            raise NotWritable(
                f"the workbook's parts cannot be read ({type(error).__name__}); open it in Excel "
                "or LibreOffice and save it again"
            ) from None
    top = scan(xml_bytes, strings, HEADER_SEARCH_ROWS)
    layout = layout_of(record.tab, top.top(HEADER_SEARCH_ROWS))
    id_column = layout.positions["id"] + 1
    sheet = scan(xml_bytes, strings, 0, watch=id_column)
    ids = (
        value
        for row, cells in sheet.values.items()
        if row > layout.header_row
        for value in cells.values()
    )
    if any(str(value).strip() == record.id for value in ids):
        return None
    number = max(sheet.last_filled, layout.header_row) + 1
    if number > LAST_ROW:
        raise NotWritable(f"the {record.tab} tab is full ({LAST_ROW:,} rows): start a new workbook")
    cells: dict[int, str | DateCell] = {
        position + 1: value for position, value in enumerate(layout.row(record.cells())) if value
    }
    changed: dict[str, bytes] = {}
    dated = [layout.positions[c] + 1 for c in record.date_columns if c in layout.positions]
    for column in (c for c in dated if c in cells):
        style = _date_style(xml_bytes, sheet, number, column, styles) or styles.preferred
        if style is None and styles_xml is not None and book.styles is not None:
            added = with_date_style(changed.get(book.styles, styles_xml), styles.count)
            if added is not None:
                changed[book.styles], style = added
                styles = date_styles(changed[book.styles])
        if style is not None:  # else (no styles part at all) the date stays YYYY-MM-DD text
            day = dt.date.fromisoformat(str(cells[column]))
            cells[column] = DateCell(serial(day, book.date1904), style)
    edits = [_row_edit(xml_bytes, sheet, number, cells)]
    if layout.add_id_at is not None:
        header = sheet.rows.get(layout.header_row)
        if header is None:  # the header was found, so its row element is there
            raise NotWritable(f"the {record.tab} tab's header row could not be located")
        merged = row_bytes(
            sheet.prefix, layout.header_row, {id_column: "id"}, xml_bytes[header.start : header.end]
        )
        edits.append((header.start, header.end, merged))
    dimension = dimension_edit(sheet, number, max(layout.width, max(cells, default=1)))
    if dimension is not None:
        edits.append(dimension)
    changed[part] = spliced(xml_bytes, edits)
    return replaced(data, changed)


def _date_style(
    xml_bytes: bytes, sheet: Scan, number: int, column: int, styles: DateStyles
) -> str | None:
    """The date format the sheet itself gives this cell: that of a row formatted ahead, else
    that of the same column in the last row above (the sheet's own date cells), when it is one
    of the workbook's date formats."""
    for row in (number, sheet.last_filled):
        span = sheet.rows.get(row)
        if span is None or span.end < 0:
            continue
        style = row_parts(xml_bytes[span.start : span.end])[1].get(column, (b"", None))[1]
        if styles.is_date(style):
            return style
    return None


def _row_edit(
    xml_bytes: bytes, sheet: Scan, number: int, cells: dict[int, str | DateCell]
) -> tuple[int, int, bytes]:
    """Where row ``number`` goes: over an existing (empty, perhaps styled) row element of that
    number, else before the first row below it, else at the end of ``sheetData``."""
    existing = sheet.rows.get(number)
    if existing is not None:
        fragment = xml_bytes[existing.start : existing.end]
        return existing.start, existing.end, row_bytes(sheet.prefix, number, cells, fragment)
    new = row_bytes(sheet.prefix, number, cells)
    below = next((sheet.rows[n].start for n in sheet.order if n > number), None)
    if below is not None:
        return below, below, new
    data = sheet.sheet_data
    if data is None:
        raise NotWritable("a sheet of the workbook has no sheetData: it cannot take a row")
    if sheet.sheet_data_empty:
        p = sheet.prefix
        return data.start, data.end, f"<{p}sheetData>".encode() + new + f"</{p}sheetData>".encode()
    return data.end, data.end, new
