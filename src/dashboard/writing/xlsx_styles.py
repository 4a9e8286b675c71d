"""Date cells in a workbook's styles part: which cell formats show a date, and one more when none
does, so a logged date is a date cell like every other date of the sheet, not text.

An ``.xlsx`` date is a serial number in a cell whose format (an ``xf`` of ``cellXfs``, by index)
has a date number format: a built-in one (14 is the short date) or a custom ``numFmt``. The
styles part is read, never re-serialised; when an ``xf`` must be added its bytes are spliced in
before ``</cellXfs>`` and the count raised, so every other byte stays.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

SHORT_DATE = 14  # Excel's built-in short date format (m/d/yyyy, shown in the reader's locale)
_EPOCHS = {False: dt.date(1899, 12, 30), True: dt.date(1904, 1, 1)}
_CELL_XFS_END = re.compile(rb"</(?:(\w+):)?cellXfs>")
_COUNT = re.compile(rb'(<(?:\w+:)?cellXfs\b[^>]*?\bcount=")(\d+)(")')


def serial(day: dt.date, date1904: bool = False) -> int:
    """The day as the workbook stores it: days since its epoch (1899-12-30, or 1904-01-01 for a
    workbook in the old Mac date system)."""
    return (day - _EPOCHS[date1904]).days


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _is_day(code: str) -> bool:
    """A format that shows a day (not a time of day only)."""
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]', "", code).lower()
    return is_date_format(code) and ("d" in bare or "y" in bare)


@dataclass(frozen=True)
class DateStyles:
    """The cell formats (``cellXfs`` indexes, as a cell's ``s`` attribute holds them) that show a
    date, and the one a new date cell takes when its column gives no example."""

    dates: frozenset[str]
    preferred: str | None
    count: int

    def is_date(self, style: str | None) -> bool:
        return style is not None and style in self.dates


def date_styles(styles_xml: bytes | None) -> DateStyles:
    """The date formats of a styles part (none without one)."""
    if not styles_xml:
        return DateStyles(frozenset(), None, 0)
    root = ET.fromstring(styles_xml)
    custom = {
        int(element.get("numFmtId", "-1")): element.get("formatCode", "")
        for element in root.iter()
        if _local(element.tag) == "numFmt"
    }
    xfs = next((element for element in root if _local(element.tag) == "cellXfs"), None)
    formats = [] if xfs is None else [x for x in xfs if _local(x.tag) == "xf"]
    dates, iso = [], []
    for index, xf in enumerate(formats):
        number = int(xf.get("numFmtId", "0"))
        code = custom.get(number, BUILTIN_FORMATS.get(number, ""))
        if code and _is_day(code):
            dates.append(str(index))
            if code.lower().startswith("yyyy-mm-dd"):
                iso.append(str(index))
    preferred = (iso or dates)[0] if iso or dates else None
    return DateStyles(frozenset(dates), preferred, len(formats))


def with_date_style(styles_xml: bytes, count: int) -> tuple[bytes, str] | None:
    """The styles part with one more cell format, the short date, and its index; ``None`` when
    the part has no list of cell formats to add it to (the date is then written as text)."""
    end = _CELL_XFS_END.search(styles_xml)
    if end is None or count == 0:  # the first format is every unstyled cell's: never a date
        return None
    prefix = (end.group(1) + b":") if end.group(1) else b""
    xf = (
        b"<" + prefix + b'xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" '
        b'applyNumberFormat="1"/>' % SHORT_DATE
    )
    out = styles_xml[: end.start()] + xf + styles_xml[end.start() :]
    out = _COUNT.sub(lambda m: m.group(1) + str(count + 1).encode() + m.group(3), out, count=1)
    return out, str(count)
