"""A1 notation: tab titles in ranges, and the cells a range covers on a tab's grid."""

from __future__ import annotations

import re

_PLAIN_TITLE = re.compile(r"[A-Za-z0-9_]+")
_LOOKS_LIKE_REF = re.compile(r"[A-Za-z]{1,3}\d+|\d+|[Rr]\d*[Cc]\d*")
_A1_END = re.compile(r"\$?([A-Za-z]*)\$?(\d*)")


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def quote_title(title: str) -> str:
    """A tab title as Google writes it in a range: bare when plain (``Sheet1``), else quoted."""
    if _PLAIN_TITLE.fullmatch(title) and not _LOOKS_LIKE_REF.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def split_range(text: str) -> tuple[str | None, str]:
    """``'Tab ''x'''!A1:B2`` -> (``Tab 'x'``, ``A1:B2``); a range without ``!`` -> (None, text)."""
    if not text.startswith("'"):
        if "!" in text:
            title, _, a1 = text.rpartition("!")
            return title, a1
        return None, text
    i, title = 1, []
    while i < len(text):
        if text[i] == "'":
            if text[i + 1 : i + 2] == "'":
                title.append("'")
                i += 2
                continue
            rest = text[i + 1 :]
            if rest and not rest.startswith("!"):
                raise ValueError(text)
            return "".join(title), rest[1:]
        title.append(text[i])
        i += 1
    raise ValueError(text)


def parse_a1(a1: str) -> tuple[int, int, int | None, int | None]:
    """(first row, first column, last row, last column), 1-based; None = to the grid's end."""
    if a1 == "":
        return 1, 1, None, None
    ends = [_A1_END.fullmatch(part) for part in a1.split(":")]
    if len(ends) > 2 or not all(m and m.group(0) for m in ends):
        raise ValueError(a1)
    (c1, r1), (c2, r2) = ends[0].groups(), ends[-1].groups()  # type: ignore[union-attr]
    if len(ends) == 1 and not (c1 and r1):
        raise ValueError(a1)
    first_row, first_col = int(r1 or 1), column_number(c1) if c1 else 1
    last_row = int(r2) if r2 else None
    last_col = column_number(c2) if c2 else None
    if last_row is not None and last_row < first_row:
        first_row, last_row = last_row, first_row
    if last_col is not None and last_col < first_col:
        first_col, last_col = last_col, first_col
    return first_row, first_col, last_row, last_col


def a1_text(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    start = f"{column_letters(first_col)}{first_row}"
    if (first_row, first_col) == (last_row, last_col):
        return start
    return f"{start}:{column_letters(last_col)}{last_row}"
