"""Cells: how a stored value is rendered in an answer, and how a typed one is stored.

Sheets keeps numbers as doubles, dates as serial numbers shown through a format, and text; an
answer renders them under ``valueRenderOption`` / ``dateTimeRenderOption``. A value written with
``USER_ENTERED`` is parsed as if typed into the Sheets UI.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

Rows = list[list[Any]]

_SERIAL_EPOCH = datetime(1899, 12, 30)
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")


def serial_number(value: date) -> int | float:
    """Days since 1899-12-30, as Sheets stores dates: whole for a date, fractional for a time."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    days = (moment.replace(tzinfo=None) - _SERIAL_EPOCH) / timedelta(days=1)
    return int(days) if days.is_integer() else days


def display_string(value: Any) -> str:
    """The cell as FORMATTED_VALUE shows it under the default (automatic) en_US format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g").upper()
    return str(value)


def render(value: Any, value_option: str, date_option: str) -> Any:
    """One cell under ``valueRenderOption`` / ``dateTimeRenderOption``, as JSON will carry it."""
    if blank(value):
        return ""
    if value_option == "FORMATTED_VALUE":
        return display_string(value)
    if isinstance(value, date):
        return serial_number(value) if date_option == "SERIAL_NUMBER" else display_string(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # Sheets keeps doubles and writes 2.0 as 2
    return value


def user_entered(value: Any) -> tuple[Any, bool]:
    """A typed value as USER_ENTERED stores it, and whether it was entered as a formula."""
    if not isinstance(value, str):
        return value, False
    if value.startswith("="):
        return value, True
    if value.startswith("'"):
        return value[1:], False
    text = value.strip()
    if text.upper() in ("TRUE", "FALSE"):
        return text.upper() == "TRUE", False
    if _INT.fullmatch(text):
        return int(text), False
    if _FLOAT.fullmatch(text):
        return float(text), False
    if _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text), False
    if _ISO_DATETIME.fullmatch(text):
        return datetime.fromisoformat(text), False
    return value, False


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def ragged(rows: Rows) -> Rows:
    """Google's trimming: trailing empty cells of each row, then trailing empty rows, go."""
    out = []
    for row in rows:
        end = len(row)
        while end and blank(row[end - 1]):
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out
