"""One sheet's XML, scanned once and spliced: a new row inserted, every other byte kept.

The scan (expat, in one pass) finds what the writer needs — the top rows' values (to find the
header), one column's values (the ids), which rows hold anything, and where each row element
starts and ends in the bytes — so appending costs one read of the sheet, whatever its length. A
styled empty cell at row 1,048,576 is one more row element, not a million rows to look at.
Nothing is re-serialised: the new row's bytes go between two existing ones, and the ``dimension``
(the used range, which openpyxl trusts when reading) is widened to include it.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
    range_boundaries,
)

from dashboard.writing.xlsx_parts import NotWritable

LAST_ROW = 1_048_576  # the most rows a sheet can have (Excel and the file format)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([^\"']+)[\"']")


class _Stop(Exception):
    """Raised inside the parser once the rows asked for have been read."""


@dataclass
class Span:
    """Where an element is in the bytes: ``start`` … ``end`` (exclusive)."""

    start: int
    end: int = -1


@dataclass
class Scan:
    prefix: str = ""  # the spreadsheetml namespace prefix the file uses ("" or e.g. "x:")
    rows: dict[int, Span] = field(default_factory=dict)  # row number → its element
    order: list[int] = field(default_factory=list)  # row numbers in document order
    filled: set[int] = field(default_factory=set)  # rows with a value or a formula
    values: dict[int, dict[int, object]] = field(default_factory=dict)  # row → column → value
    sheet_data: Span | None = None
    sheet_data_empty: bool = False  # written <sheetData/>
    dimension: Span | None = None
    dimension_ref: str = ""

    @property
    def last_filled(self) -> int:
        return max(self.filled, default=0)

    def top(self, rows: int) -> list[list[object]]:
        """Rows 1 … ``rows`` as lists of values (blank: ``None``), as the loader reads them."""
        out = []
        for number in range(1, rows + 1):
            cells = self.values.get(number, {})
            width = max(cells, default=0)
            out.append([cells.get(column) for column in range(1, width + 1)])
        return out


class _Scanner:
    """Expat handlers filling a ``Scan``. Values are kept for rows up to ``top_rows`` and for the
    ``watch`` column (1-based) in every row."""

    def __init__(self, xml_bytes: bytes, strings: list[str], top_rows: int, watch: int | None):
        self.data, self.strings, self.top_rows, self.watch = xml_bytes, strings, top_rows, watch
        self.scan = Scan()
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.row = self.column = 0
        self.children = 0  # child elements of the open row / sheetData / dimension
        self.cell_type = ""
        self.keep = False  # keep the open cell's value
        self.in_value = self.in_text = self.has_formula = False
        self.chunks: list[str] = []

    def run(self) -> Scan:
        try:
            self.parser.Parse(self.data, True)
        except _Stop:
            pass
        except xml.parsers.expat.ExpatError as error:
            raise NotWritable(f"a sheet of the workbook is not well-formed XML ({error})") from None
        return self.scan

    def _end_of(self, start: int) -> int:
        """Where the element closing now ends (an empty-element tag ends where expat is)."""
        here = self.parser.CurrentByteIndex
        if self.children == 0 and self.data[here - 2 : here] == b"/>" and here > start:
            return here
        return self.data.index(b">", here) + 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        prefix, _, local = name.rpartition(":")
        self.children += 1
        if local == "c":
            reference = attrs.get("r")
            self.column = (
                column_index_from_string(coordinate_from_string(reference)[0])
                if reference
                else self.column + 1
            )
            self.cell_type = attrs.get("t", "n")
            self.keep = self.row <= self.top_rows or self.column == self.watch
            self.has_formula, self.chunks = False, []
        elif local == "v":
            self.in_value = True
        elif local == "t":
            self.in_text = True
        elif local == "f":
            self.has_formula = True
        elif local == "row":
            self.row = int(attrs["r"]) if "r" in attrs else self.row + 1
            self.column, self.children = 0, 0
            self.scan.rows[self.row] = Span(self.parser.CurrentByteIndex)
            self.scan.order.append(self.row)
        elif local == "sheetData":
            self.scan.prefix = f"{prefix}:" if prefix else ""
            self.scan.sheet_data = Span(self.parser.CurrentByteIndex)
            self.children = 0
        elif local == "dimension":
            self.scan.dimension = Span(self.parser.CurrentByteIndex)
            self.scan.dimension_ref = attrs.get("ref", "")
            self.children = 0

    def text(self, data: str) -> None:
        if self.in_value or self.in_text:
            self.chunks.append(data)

    def end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local == "v":
            self.in_value = False
        elif local == "t":
            self.in_text = False
        elif local == "c":
            self._end_cell()
        elif local == "row":
            span = self.scan.rows[self.row]
            span.end = self._end_of(span.start)
            self.children = 1  # the row is a child of sheetData
            if self.row >= self.top_rows and self.watch is None:
                raise _Stop
        elif local == "sheetData" and self.scan.sheet_data is not None:
            span = self.scan.sheet_data
            self.scan.sheet_data_empty = not self.scan.order and self.children == 0
            span.end = (
                self._end_of(span.start)
                if self.scan.sheet_data_empty
                else (self.parser.CurrentByteIndex)
            )
        elif local == "dimension" and self.scan.dimension is not None:
            self.scan.dimension.end = self._end_of(self.scan.dimension.start)

    def _end_cell(self) -> None:
        raw = "".join(self.chunks)
        if raw or self.has_formula:
            self.scan.filled.add(self.row)
        if self.keep and raw:
            self.scan.values.setdefault(self.row, {})[self.column] = self._value(raw)

    def _value(self, raw: str) -> object:
        kind = self.cell_type
        if kind == "s":
            index = int(raw)
            return self.strings[index] if 0 <= index < len(self.strings) else ""
        if kind == "b":
            return raw.strip() == "1"
        if kind in ("str", "inlineStr", "e", "d"):
            return raw
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() else number


def scan(xml_bytes: bytes, strings: list[str], top_rows: int, watch: int | None = None) -> Scan:
    """Scan a sheet's XML; without ``watch`` the scan stops after the top rows."""
    declared = _DECLARED.match(xml_bytes)
    if xml_bytes.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        declared and declared.group(1).lower().replace(b"-", b"") != b"utf8"
    ):
        raise NotWritable(
            "a sheet of the workbook is not stored as UTF-8; open it in Excel or LibreOffice and "
            "save it as .xlsx"
        )
    return _Scanner(xml_bytes, strings, top_rows, watch).run()


@dataclass(frozen=True)
class DateCell:
    """A date as the workbook stores one: its serial number, in a date format (``s``)."""

    serial: int
    style: str


def _date_cell(prefix: str, column: int, row: int, cell: DateCell) -> str:
    return (
        f'<{prefix}c r="{get_column_letter(column)}{row}" s={quoteattr(cell.style)}>'
        f"<{prefix}v>{cell.serial}</{prefix}v></{prefix}c>"
    )


def _cell(prefix: str, column: int, row: int, text: str, style: str | None) -> str:
    text = _NOT_XML.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    styled = f" s={quoteattr(style)}" if style else ""
    p = prefix
    return (
        f'<{p}c r="{get_column_letter(column)}{row}"{styled} t="inlineStr">'
        f"<{p}is><{p}t{space}>{escape(text)}</{p}t></{p}is></{p}c>"
    )


def row_parts(fragment: bytes) -> tuple[dict[str, str], dict[int, tuple[bytes, str | None]]]:
    """A row element's attributes, and its cells: column → (the cell's bytes, its style)."""
    parser = xml.parsers.expat.ParserCreate()
    row_attrs: dict[str, str] = {}
    cells: dict[int, tuple[bytes, str | None]] = {}
    state = {"depth": 0, "column": 0, "begin": 0, "children": 0}
    style: list[str | None] = [None]

    def start(name: str, attrs: dict[str, str]) -> None:
        state["depth"] += 1
        state["children"] += 1
        if state["depth"] == 1:
            row_attrs.update(attrs)
        elif state["depth"] == 2:  # a cell
            reference = attrs.get("r")
            state["column"] = (
                column_index_from_string(coordinate_from_string(reference)[0])
                if reference
                else state["column"] + 1
            )
            state["begin"], state["children"], style[0] = parser.CurrentByteIndex, 0, attrs.get("s")

    def end(name: str) -> None:
        if state["depth"] == 2:
            here, begin = parser.CurrentByteIndex, state["begin"]
            empty = state["children"] == 0 and fragment[here - 2 : here] == b"/>" and here > begin
            finish = here if empty else fragment.index(b">", here) + 1
            cells[state["column"]] = (fragment[begin:finish], style[0])
        state["depth"] -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.Parse(fragment, True)
    return row_attrs, cells


def row_bytes(
    prefix: str, number: int, values: dict[int, str | DateCell], existing: bytes | None = None
) -> bytes:
    """Row ``number`` holding ``values`` (column → text, as text cells, or a date cell). Merged
    into an ``existing`` row element when there is one: its attributes and other cells kept, a
    cell it had at one of our columns replaced by ours in that cell's style (a date cell comes
    with its own date style)."""
    attrs: dict[str, str] = {"r": str(number)}
    cells: dict[int, tuple[bytes, str | None]] = {}
    if existing is not None:
        found, cells = row_parts(existing)
        attrs.update({k: v for k, v in found.items() if k != "spans"})  # spans: a hint only
        attrs["r"] = str(number)
    for column, value in values.items():
        if isinstance(value, DateCell):
            cells[column] = (_date_cell(prefix, column, number, value).encode(), value.style)
            continue
        style = cells.get(column, (b"", None))[1]
        cells[column] = (_cell(prefix, column, number, value, style).encode("utf-8"), style)
    opening = "".join(f" {key}={quoteattr(value)}" for key, value in attrs.items())
    body = b"".join(cells[column][0] for column in sorted(cells))
    return f"<{prefix}row{opening}>".encode() + body + f"</{prefix}row>".encode()


def spliced(xml_bytes: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``xml_bytes`` with each (start, end, new bytes) edit made; edits must not overlap."""
    out, at = [], 0
    for start, end, new in sorted(edits):
        out += [xml_bytes[at:start], new]
        at = end
    out.append(xml_bytes[at:])
    return b"".join(out)


def dimension_edit(sheet: Scan, row: int, width: int) -> tuple[int, int, bytes] | None:
    """The ``dimension`` element widened to include ``row`` and columns 1 … ``width``."""
    span = sheet.dimension
    if span is None or span.end < 0:
        return None
    try:
        low_col, low_row, high_col, high_row = range_boundaries(sheet.dimension_ref)
    except (ValueError, TypeError):
        low_col = low_row = high_col = high_row = None
    low_col, low_row = min(low_col or 1, 1), min(low_row or row, row)
    high_col, high_row = max(high_col or width, width), max(high_row or row, row)
    ref = f"{get_column_letter(low_col)}{low_row}:{get_column_letter(high_col)}{high_row}"
    return span.start, span.end, f'<{sheet.prefix}dimension ref="{ref}"/>'.encode()
