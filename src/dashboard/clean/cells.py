"""Reading single cells, vectorised: text, spreadsheet errors, dates and emails.

A raw column is an ``object`` Series holding what the source gave: ``str`` from CSV and formatted
reads, numbers and booleans from Sheets' unformatted values, ``datetime`` from xlsx date cells.
Each reader returns the typed values plus a mask of cells it could not read, so the caller can
record problems without a per-row loop.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.limits import MAX_CELL_CHARS

# Error values spreadsheets show in a cell whose formula failed: the classic ones, Google Sheets'
# #ERROR!, and those of newer Excel (dynamic arrays, data types, linked data, Python in Excel).
SHEET_ERRORS = frozenset(
    {
        "#REF!",
        "#N/A",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#ERROR!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
        "#PYTHON!",
    }
)

# Dates outside this range are typing slips (a year of 20225, a serial of 3), not dates.
FIRST_DATE = pd.Timestamp("1900-01-01")
LAST_DATE = pd.Timestamp("2199-12-31")
_SERIAL_EPOCH = pd.Timestamp("1899-12-30")

_TIME = (
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_ISO = re.compile(rf"^(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_TIME}$")
_SLASH = re.compile(rf"^(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}$")
_DOT = re.compile(rf"^(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME}$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# Characters no spreadsheet or XML file may hold (XML 1.0's Char production, which Excel's files,
# GraphML and GEXF all follow): control characters other than tab and line breaks, the
# noncharacters U+FFFE and U+FFFF, and lone UTF-16 surrogates (half of an emoji, cut; they cannot
# even be encoded as UTF-8). One rule, applied where a cell becomes text (``text``), so no export
# or page ever receives one; each cell changed by it is a problem ``unsupported characters``.
LONE_SURROGATES = "\ud800-\udfff"
UNSUPPORTED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{LONE_SURROGATES}]")
LONE_SURROGATE = re.compile(f"[{LONE_SURROGATES}]")  # of those, the ones Arrow cannot hold


def as_string(cells: pd.Series) -> pd.Series:
    """Raw cells as pandas text, for reading them as something else (a date…): a lone surrogate,
    which Arrow's UTF-8 text cannot hold, is written U+FFFD, so such a cell is simply not read (a
    problem, its raw value shown by ``visible``) — never a crash. Text cells go through ``text``,
    which removes them and says so."""
    try:
        return cells.astype("string")
    except UnicodeEncodeError:  # hostile input only: the usual path stays one conversion
        return cells.map(
            lambda cell: LONE_SURROGATE.sub("\ufffd", cell) if isinstance(cell, str) else cell
        ).astype("string")


def visible(text: str) -> str:
    """``text`` with each unsupported character written as its code point, ``[U+0001]``: how a
    problem shows the value it is about, safely and so the character can be found."""
    return UNSUPPORTED.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


EMAIL = re.compile(r"^[^@\s,;<>()\[\]]+@[^@\s,;<>()\[\]]+\.[^@\s,;<>()\[\]]+$")


class _Bool:
    """A boolean cell kept apart from 1 and 1.0 (which equal True in Python) when factorizing."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = bool(value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bool) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("bool", self.value))


def factorize(raw: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes (−1 for blank) and the distinct cells: a column of 200,000 cells has a few thousand
    distinct values, so each reading rule runs once per distinct value. A boolean cell is kept
    apart from 1 and 0 (equal to True and False in Python): when the distinct cells hold any of
    them, the column is factorized again with its booleans wrapped."""
    values = raw.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if pd.Series(uniques, dtype=object).isin([0, 1]).any():
        types = raw.map(type)
        bools = types.isin([bool, np.bool_]).to_numpy()
        if bools.any():
            values = values.copy()
            values[bools] = [_Bool(v) for v in values[bools]]
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, pd.Series(uniques, dtype=object)


def _spread(
    per_unique: pd.Series, codes: np.ndarray, index: pd.Index, missing: object
) -> pd.Series:
    """Values computed per distinct cell, put back on every cell (blank cells get ``missing``),
    kept in their own dtype's array (text stays Arrow text: no round trip through Python)."""
    padded = pd.concat(
        [per_unique.reset_index(drop=True), pd.Series([missing], dtype=per_unique.dtype)],
        ignore_index=True,
    )
    return padded.take(np.where(codes < 0, len(per_unique), codes)).set_axis(index)


def _cell_kind(value: object) -> str:
    """One of text, number, bool, datetime, date, blank, other."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "blank"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool | np.bool_ | _Bool):
        return "bool"
    if isinstance(value, int | float | np.integer | np.floating):
        return "blank" if isinstance(value, float) and math.isnan(value) else "number"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    return "other"


def kinds(raw: pd.Series) -> pd.Series:
    return raw.map(_cell_kind).astype("string")


def _number_text(value: float | np.integer | np.floating) -> str:
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _other_text(value: object) -> str:
    if isinstance(value, _Bool):
        value = value.value
    if isinstance(value, bool | np.bool_):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float | np.integer | np.floating):
        return _number_text(value)
    return str(value)


Factorized = tuple[np.ndarray, pd.Series]  # a column's codes and distinct cells (``factorize``)


@dataclass(frozen=True)
class Text:
    """A column read as text: the values (blank → ``<NA>``), the spreadsheet error cells, and
    the cells that held characters no spreadsheet or XML may hold (removed: ``UNSUPPORTED``)."""

    values: pd.Series
    errors: pd.Series
    unsupported: pd.Series


def text(raw: pd.Series, factorized: Factorized | None = None) -> Text:
    """Cells as stripped text (blank → ``<NA>``), with the masks of ``Text``.

    Error cells (``#REF!``…) become blank: they are unreadable, not text a team typed.
    ``factorized``: the column's ``factorize``, when the caller has it already.
    """
    codes, uniques = factorized or factorize(raw)
    values, errors, unsupported = _text_of(uniques)
    return Text(
        _spread(values, codes, raw.index, pd.NA),
        _spread(errors, codes, raw.index, False).astype(bool),
        _spread(unsupported, codes, raw.index, False).astype(bool),
    )


def _text_of(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    cell_kinds = kinds(raw)
    out = pd.Series(pd.NA, index=raw.index, dtype="string")
    is_text = cell_kinds.eq("text")
    other = ~is_text & cell_kinds.ne("blank")
    # as Python strings first: a lone surrogate cannot become Arrow text (UTF-8) at all
    strings = pd.Series(None, index=raw.index, dtype=object)
    strings[is_text] = raw[is_text]
    if other.any():
        strings[other] = raw[other].map(_other_text)
    filled = is_text | other
    unsupported = pd.Series(False, index=raw.index)
    if filled.any():
        unsupported[filled] = strings[filled].str.contains(UNSUPPORTED).astype(bool)
    if unsupported.any():
        strings[unsupported] = strings[unsupported].str.replace(UNSUPPORTED, "", regex=True)
    if filled.any():
        out[filled] = strings[filled].astype("string").str.strip()
    errors = out.isin(SHEET_ERRORS).fillna(False).astype(bool)
    out = out.mask(errors | out.eq(""))
    return out, errors, unsupported.astype(bool)


def _from_parts(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    """Build dates from numeric parts; impossible ones (2/30) become NaT."""
    frame = pd.DataFrame(
        {
            "year": pd.to_numeric(year, errors="coerce"),
            "month": pd.to_numeric(month, errors="coerce"),
            "day": pd.to_numeric(day, errors="coerce"),
        }
    )
    ok = (
        frame.notna().all(axis=1)
        & frame["month"].between(1, 12)
        & frame["day"].between(1, 31)
        & frame["year"].between(FIRST_DATE.year, LAST_DATE.year)
    )
    result = pd.Series(pd.NaT, index=year.index, dtype="datetime64[ns]")
    if ok.any():
        result[ok] = pd.to_datetime(frame[ok].astype("int64"), errors="coerce")
    return result


def _parse_text_dates(values: pd.Series, day_first: bool) -> pd.Series:
    """Dates from strings: ISO, M/D/YYYY (D/M/YYYY, D.M.YYYY when day-first), serials."""
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    iso = values.str.extract(_ISO)
    hit = iso["y"].notna()
    if hit.any():
        result[hit] = _from_parts(iso.loc[hit, "y"], iso.loc[hit, "m"], iso.loc[hit, "d"])
    patterns = [_SLASH, _DOT] if day_first else [_SLASH]
    for pattern in patterns:
        todo = result.isna() & values.notna()
        if not todo.any():
            break
        parts = values[todo].str.extract(pattern)
        hit = parts["y"].notna()
        if hit.any():
            month, day = ("b", "a") if day_first else ("a", "b")
            sub = parts[hit]
            result[sub.index] = _from_parts(sub["y"], sub[month], sub[day])
    todo = result.isna() & values.fillna("").str.fullmatch(_NUMBER)
    if todo.any():
        result[todo] = _from_serials(pd.to_numeric(values[todo], errors="coerce"))
    return result


def _from_serials(serials: pd.Series) -> pd.Series:
    """Sheets/Excel serial numbers (day 0 = 1899-12-30) to dates, the time of day dropped."""
    numbers = pd.to_numeric(serials, errors="coerce").astype("float64")
    low = (FIRST_DATE - _SERIAL_EPOCH).days
    high = (LAST_DATE - _SERIAL_EPOCH).days
    ok = numbers.between(low, high + 0.999999)
    days = np.floor(numbers.where(ok)).astype("Int64")
    result = pd.Series(pd.NaT, index=serials.index, dtype="datetime64[ns]")
    if ok.any():
        result[ok] = _SERIAL_EPOCH + pd.to_timedelta(days[ok].astype("int64"), unit="D")
    return result


def dates(
    raw: pd.Series, day_first: bool = False, factorized: Factorized | None = None
) -> tuple[pd.Series, pd.Series]:
    """Cells as dates (``datetime64``, midnight) and a mask of non-blank cells not read."""
    codes, uniques = factorized or factorize(raw)
    values, unread = _dates_of(uniques, day_first)
    return (
        _spread(values, codes, raw.index, pd.NaT),
        _spread(unread, codes, raw.index, False).astype(bool),
    )


def _dates_of(raw: pd.Series, day_first: bool) -> tuple[pd.Series, pd.Series]:
    cell_kinds = kinds(raw)
    result = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    numbers = cell_kinds.eq("number")
    if numbers.any():
        result[numbers] = _from_serials(raw[numbers])
    stamps = cell_kinds.isin(["datetime", "date"])
    if stamps.any():
        parsed = pd.to_datetime(raw[stamps].map(_to_datetime), errors="coerce")
        in_range = parsed.between(FIRST_DATE, LAST_DATE + pd.Timedelta(days=1))
        result[stamps] = parsed.where(in_range).dt.normalize().astype("datetime64[ns]")
    texts = cell_kinds.eq("text")
    if texts.any():
        stripped = as_string(raw[texts]).str.strip()
        result[texts] = _parse_text_dates(stripped.mask(stripped.eq("")), day_first)
        blank_text = stripped.eq("").reindex(raw.index, fill_value=False)
        cell_kinds = cell_kinds.mask(blank_text, "blank")
    unread = result.isna() & cell_kinds.ne("blank")
    return result, unread.astype(bool)


def _to_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None


def too_long(values: pd.Series) -> pd.Series:
    """Text cells longer than Google Sheets' own cell limit (``limits.MAX_CELL_CHARS``)."""
    return values.str.len().gt(MAX_CELL_CHARS).fillna(False).astype(bool)


def cut(values: pd.Series, mask: pd.Series) -> pd.Series:
    """``values`` with the masked cells cut to ``limits.MAX_CELL_CHARS`` characters."""
    if not mask.any():
        return values
    return values.mask(mask, values.str.slice(0, MAX_CELL_CHARS))


def dates_out_of_range(raw: pd.Series, unread: pd.Series) -> pd.Series:
    """Of the cells ``dates`` could not read, those shaped as dates but outside FIRST_DATE …
    LAST_DATE (a year 20225, ``9999-12-31`` standing for "no date", a serial of 3): they are
    reported as out of range rather than "not a date"."""
    out = pd.Series(False, index=raw.index)
    if not unread.any():
        return out
    codes, uniques = factorize(raw[unread])
    cell_kinds = kinds(uniques)
    shaped = cell_kinds.isin(["datetime", "date", "number"])
    texts = cell_kinds.eq("text")
    if texts.any():
        stripped = as_string(uniques[texts]).str.strip()
        looks = pd.Series(False, index=stripped.index)
        for pattern in (_ISO, _SLASH, _DOT):
            year = pd.to_numeric(stripped.str.extract(pattern)["y"], errors="coerce")
            looks |= ~year.between(FIRST_DATE.year, LAST_DATE.year) & year.notna()
        shaped[texts] = looks
    out[unread] = _spread(shaped.astype(bool), codes, raw[unread].index, False).to_numpy()
    return out.astype(bool)


def sheet_errors(raw: pd.Series, unread: pd.Series) -> pd.Series:
    """Of the cells a typed reader could not read, the spreadsheet error values (``#REF!``…):
    they are reported as ``spreadsheet error``, not as a badly typed value. Only the unread cells
    are looked at (few), so a clean column costs nothing."""
    out = pd.Series(False, index=raw.index)
    if unread.any():
        text = as_string(raw[unread]).str.strip()
        out[unread] = text.isin(SHEET_ERRORS).fillna(False).to_numpy(dtype=bool)
    return out


def emails(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Text as lower-case emails and a mask of non-blank text that is not an email."""
    lowered = values.str.lower()
    valid = lowered.str.fullmatch(EMAIL).fillna(False).astype(bool)
    invalid = values.notna() & ~valid
    return lowered.where(valid), invalid
