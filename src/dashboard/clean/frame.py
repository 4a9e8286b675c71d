"""From a tab's raw rows to a frame of its canonical columns, with sheet row numbers.

The header row is the first row that holds anything (a team may leave a title row blank above
it). Columns are found by header (``schema.canonical_column``), so their order does not matter
and extra columns are ignored. Rows that are blank in every column we read are skipped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.clean.problems import Problems
from dashboard.limits import MAX_TAB_ROWS
from dashboard.schema import Tab, canonical_column, header_positions

ROW = "row"  # the sheet row number of a record, as the sheet shows it (header row = 1 usually)


def is_blank(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN
        return True
    return isinstance(cell, str) and not cell.strip()


HEADER_SEARCH_ROWS = 20


def header_index(tab: Tab, rows: list[list[object]]) -> int | None:
    """The header row: the first of the top rows naming every required column; else the one
    naming the most columns; else the first row holding anything."""
    best, best_count, first = None, 0, None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if all(is_blank(cell) for cell in row):
            continue
        first = index if first is None else first
        named = {canonical_column(tab, cell) for cell in row if not is_blank(cell)}
        if all(column in named for column in tab.required):
            return index
        if len(named - {None}) > best_count:
            best, best_count = index, len(named - {None})
    return best if best is not None else first


def _header(tab: Tab, rows: list[list[object]]) -> tuple[int | None, list, dict, list, list]:
    """The header row's index and cells, where each column is, repeated headers, and the
    required columns it does not name."""
    header_at = header_index(tab, rows)
    headers = rows[header_at] if header_at is not None else []
    positions, repeated = header_positions(tab, headers)
    missing = [column for column in tab.required if column not in positions]
    return header_at, headers, positions, repeated, missing


def missing_required(tab: Tab, rows: list[list[object]]) -> list[str]:
    """The required columns of ``tab`` that its header row does not name."""
    return _header(tab, rows)[4]


def _blank_mask(column: pd.Series) -> pd.Series:
    """Blank cells, judged once per distinct value (a column holds few distinct blanks)."""
    codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
    blank_unique = np.fromiter((is_blank(u) for u in uniques), dtype=bool, count=len(uniques))
    blank = np.append(blank_unique, True)  # code −1 (None, NaN) is blank
    return pd.Series(blank[codes], index=column.index)


_HEADER_CHARS = 60  # a header is short: longer cells cannot be one, and are not looked at


def _names_column(tab: Tab, column: str, cells: pd.Series) -> pd.Series:
    """Cells that name ``column`` as a header would, judged once per distinct short text."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=True)
    named = np.fromiter(
        (
            isinstance(u, str) and len(u) <= _HEADER_CHARS and canonical_column(tab, u) == column
            for u in uniques
        ),
        dtype=bool,
        count=len(uniques),
    )
    return pd.Series(np.append(named, False)[codes], index=cells.index)


def _repeated_headers(tab: Tab, frame: pd.DataFrame, read: list[str]) -> pd.Series:
    """Rows that copy the header (pasted twice): every required column's cell names its column,
    and every other read column's cell is blank or names its own. The required columns are
    looked at first, so a tab of 200,000 distinct texts costs a few distinct names."""
    copied = pd.Series(True, index=frame.index)
    for column in tab.required:
        copied &= _names_column(tab, column, frame[column])
    if not copied.any():
        return copied
    for column in (c for c in read if c not in tab.required):
        cells = frame.loc[copied, column]
        copied[copied] = (_names_column(tab, column, cells) | _blank_mask(cells)).to_numpy()
    return copied


def _columns(body: list[list[object]]) -> np.ndarray:
    """Ragged rows as one column per position, padded with None (a row-by-row fill of an object
    grid is several times faster than transposing with zip_longest)."""
    width = max(map(len, body), default=0)
    grid = np.full((len(body), width), None, dtype=object)
    for number, row in enumerate(body):
        grid[number, : len(row)] = row
    return grid.T


def tab_frame(
    tab: Tab, title: str, rows: list[list[object]], problems: Problems
) -> pd.DataFrame | None:
    """The tab's records as raw cells under canonical column names, plus ``row``.

    Returns ``None`` (with a ``missing column`` problem) when a required column is absent, since
    no record of the tab can be read then; the other tabs still load.
    """
    header_at, headers, positions, repeated, missing = _header(tab, rows)
    for position in repeated:
        column = canonical_column(tab, headers[position])
        problems.add(
            title, header_at + 1, column, headers[position], "duplicate column",
            f"another column is read as '{column}'; this one is ignored",
        )  # fmt: skip
    if missing:
        _report_missing(tab, title, missing, header_at, problems)
        return None
    if len(rows) > MAX_TAB_ROWS:
        problems.add(
            title, MAX_TAB_ROWS + 1, "", None, "too many rows",
            f"the tab goes on past row {MAX_TAB_ROWS:,}, the most read of one tab; those rows "
            "are not read: move older records to another workbook",
        )  # fmt: skip
    body = rows[header_at + 1 : MAX_TAB_ROWS]  # type: ignore[operator]
    by_position = _columns(body)
    index = pd.RangeIndex(len(body))
    frame = pd.DataFrame(index=index)
    for column in tab.columns:
        position = positions.get(column)
        cells = (
            by_position[position] if position is not None and position < len(by_position) else None
        )
        frame[column] = pd.Series(cells, index=index, dtype=object)
    frame[ROW] = (frame.index + header_at + 2).astype("int64")  # type: ignore[operator]
    read_columns = [column for column in tab.columns if column in positions]
    blank = pd.concat([_blank_mask(frame[c]) for c in read_columns], axis=1).all(axis=1)
    repeated_header = _repeated_headers(tab, frame, read_columns)
    if repeated_header.any():
        first = tab.required[0]
        problems.add_cells(
            title, frame.loc[repeated_header, ROW], first, frame.loc[repeated_header, first],
            "repeated header", "a copy of the header row, not a record; row skipped",
        )  # fmt: skip
    return frame[~(blank | repeated_header).to_numpy()].reset_index(drop=True)


def _report_missing(
    tab: Tab, title: str, missing: list[str], header_at: int | None, problems: Problems
) -> None:
    for column in missing:
        aliases = tab.aliases_of(column)
        quoted = ", ".join(f'"{alias}"' for alias in aliases)
        also = f" (or {quoted})" if aliases else ""
        problems.add(
            title,
            header_at + 1 if header_at is not None else None,
            column,
            None,
            "missing column",
            f"tab '{title}' has no '{column}' column{also}, which is required; "
            f"none of its rows can be read until a header names it",
        )
