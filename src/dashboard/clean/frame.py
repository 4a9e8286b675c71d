"""From a tab's raw rows to a frame of its canonical columns, with sheet row numbers.

The header row is the top row naming the tab's required columns (a team may keep a title or a
note above it); a row above it holding more than a title is a problem, not read. Columns are
found by header (``schema.canonical_column``), so their order does not matter and extra columns
are ignored. Rows that are blank in every column we read are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.clean.cells import Factorized, factorize
from dashboard.clean.problems import ProblemLog
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


def header_index(tab: Tab, rows: Sequence[Sequence[object]]) -> int | None:
    """The header row: of the top rows naming every required column, the one naming the most
    columns (the first of those alike) — a title "Projects" or "Project" above the Projects
    header names its one required column too, and taken for the header it would leave the
    tab's other columns unread; else the one naming the most columns; else the first row
    holding anything."""
    best, best_count, first = None, 0, None
    complete, complete_count = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if all(is_blank(cell) for cell in row):
            continue
        first = index if first is None else first
        named = {canonical_column(tab, cell) for cell in row if not is_blank(cell)} - {None}
        if all(column in named for column in tab.required):
            if complete is None or len(named) > complete_count:
                complete, complete_count = index, len(named)
        elif len(named) > best_count:
            best, best_count = index, len(named)
    if complete is not None:
        return complete
    return best if best is not None else first


ABOVE_HEADER_CELLS = 2  # a row above the header holding this many cells or more is no title


def _above_header(place: Place, rows: list[list[object]], header_at: int, log: ProblemLog) -> None:
    """Rows above the header are not read: a title, a note, a blank row. One that holds more
    than a title — a record typed above the header, or left there when the tab was sorted with
    its header row — is a problem, so it is not lost without a word."""
    for index, row in enumerate(rows[:header_at]):
        filled = [str(cell).strip() for cell in row if not is_blank(cell)]
        if len(filled) >= ABOVE_HEADER_CELLS:
            log.add(
                place.source,
                place.position,
                place.title,
                index + 1,
                "",
                " | ".join(filled),  # cut as every problem value is (``ProblemLog``)
                "above the header",
                f"the row is above the tab's header row (row {header_at + 1}), so it is not "
                "read: if it is a record, move it below the header",
            )


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


def blank_cells(codes: np.ndarray, uniques: pd.Series) -> np.ndarray:
    """Blank cells of a factorized column (``cells.factorize``), judged once per distinct
    value."""
    blank_unique = np.fromiter((is_blank(u) for u in uniques), dtype=bool, count=len(uniques))
    return np.append(blank_unique, True)[codes]  # code −1 (None, NaN) is blank


_HEADER_CHARS = 60  # a header is short: longer cells cannot be one, and are not looked at


def _names_column(tab: Tab, column: str, codes: np.ndarray, uniques: pd.Series) -> np.ndarray:
    """Cells (by their ``cells.factorize`` codes) that name ``column`` as a header would,
    judged once per distinct short text among them."""
    looked_at = np.unique(codes[codes >= 0])
    named_unique = np.zeros(len(uniques) + 1, dtype=bool)  # the last: code −1, blank
    texts = uniques.to_numpy(dtype=object)[looked_at]
    named_unique[looked_at] = np.fromiter(
        (
            isinstance(u, str) and len(u) <= _HEADER_CHARS and canonical_column(tab, u) == column
            for u in texts
        ),
        dtype=bool,
        count=len(texts),
    )
    return named_unique[codes]


def _repeated_headers(
    tab: Tab, factorized: dict[str, Factorized], blank: dict[str, np.ndarray]
) -> np.ndarray:
    """Rows that copy the header (pasted twice): every required column's cell names its column,
    and every other column's cell is blank or names its own. Each column looks only at the rows
    still in question, so a tab of 200,000 distinct texts costs a few distinct names; the
    columns' distinct cells are those already found (``factorized``), not found again."""
    size = len(next(iter(blank.values()))) if blank else 0
    copied = np.ones(size, dtype=bool)
    for column in (*tab.required, *(c for c in tab.columns if c not in tab.required)):
        rows = np.flatnonzero(copied)
        if len(rows) == 0:
            break
        codes, uniques = factorized[column]
        named = _names_column(tab, column, codes[rows], uniques)
        if column not in tab.required:
            named |= blank[column][rows]
        copied[rows] = named
    return copied


def _columns(body: list[list[object]]) -> np.ndarray:
    """Ragged rows as one column per position, padded with None (a row-by-row fill of an object
    grid is several times faster than transposing with zip_longest)."""
    width = max(map(len, body), default=0)
    grid = np.full((len(body), width), None, dtype=object)
    for number, row in enumerate(body):
        grid[number, : len(row)] = row
    return grid.T


@dataclass(frozen=True)
class Place:
    """Where a tab's rows come from: the source (its number among those cleaned together), the
    tab's place in that workbook, its title, and whether dates are read day first."""

    source: int
    position: int
    title: str
    day_first: bool = False


@dataclass
class RawTab:
    """One source's rows of one tab, as raw cells under canonical column names (None: the
    source has no such column), with their sheet row numbers."""

    place: Place
    cells: dict[str, np.ndarray | None]
    rows: np.ndarray


def raw_tab(tab: Tab, place: Place, rows: list[list[object]], log: ProblemLog) -> RawTab | None:
    """The tab's records as raw cells, found by their header.

    Returns ``None`` (with a ``missing column`` problem) when a required column is absent, since
    no record of the tab can be read then; the other tabs still load.
    """
    header_at, headers, positions, repeated, missing = _header(tab, rows)
    header_row = None if header_at is None else header_at + 1  # no header: nothing repeated
    for position in repeated:
        column = canonical_column(tab, headers[position]) or ""  # repeated: a column's header
        log.add(
            place.source,
            place.position,
            place.title,
            header_row,
            column,
            headers[position],
            "duplicate column",
            f"another column is read as '{column}'; this one is ignored",
        )
    if missing:
        _report_missing(tab, place, missing, header_at, log)
        return None
    # every tab requires a column, so a tab whose header was not found returned above
    assert header_at is not None
    _above_header(place, rows, header_at, log)
    if len(rows) > MAX_TAB_ROWS:
        log.add(
            place.source,
            place.position,
            place.title,
            MAX_TAB_ROWS + 1,
            "",
            None,
            "too many rows",
            f"the tab goes on past row {MAX_TAB_ROWS:,}, the most read of one tab; those rows "
            "are not read: move older records to another workbook",
        )
    body = rows[header_at + 1 : MAX_TAB_ROWS]
    by_position = _columns(body)
    cells = {
        column: by_position[positions[column]]
        if column in positions and positions[column] < len(by_position)
        else None
        for column in tab.columns
    }
    numbers = np.arange(len(body), dtype=np.int64) + header_at + 2
    return RawTab(place, cells, numbers)


PLACE_COLUMNS = ["_source", "_position", "tab", "_day_first"]


def stacked_frame(
    tab: Tab, parts: list[RawTab], log: ProblemLog
) -> tuple[pd.DataFrame, dict[str, Factorized]]:
    """The rows of one tab of every source, one frame: the canonical columns as raw cells,
    ``row``, where each row comes from (``PLACE_COLUMNS``); rows blank in every column and
    copies of the header row (a ``repeated header`` problem) left out. With each column's
    distinct cells (``cells.factorize``), for the readers."""
    sizes = [len(part.rows) for part in parts]
    frame = pd.DataFrame(index=pd.RangeIndex(sum(sizes)))
    for column in tab.columns:
        pieces = [
            cells if (cells := part.cells[column]) is not None else np.full(size, None)
            for part, size in zip(parts, sizes, strict=True)
        ]
        joined = np.concatenate(pieces) if pieces else np.zeros(0, dtype=object)
        # raw cells stay Python objects: no round trip through Arrow text before factorize
        frame[column] = pd.Series(joined, index=frame.index, dtype=object)
    frame[ROW] = np.concatenate([part.rows for part in parts]) if parts else np.zeros(0, np.int64)
    places = [part.place for part in parts]
    frame["_source"] = np.repeat(np.array([p.source for p in places], dtype=np.int64), sizes)
    frame["_position"] = np.repeat(np.array([p.position for p in places], dtype=np.int64), sizes)
    frame["tab"] = np.repeat(np.array([p.title for p in places], dtype=object), sizes)
    frame["_day_first"] = np.repeat(np.array([p.day_first for p in places], dtype=bool), sizes)
    factorized = {column: factorize(frame[column]) for column in tab.columns}
    blank = {column: blank_cells(*factorized[column]) for column in tab.columns}
    empty = np.logical_and.reduce([blank[c] for c in tab.columns])
    repeated_header = _repeated_headers(tab, factorized, blank)
    if repeated_header.any():
        first = tab.required[0]
        log.add_cells(
            frame.loc[repeated_header, [*PLACE_COLUMNS, ROW]],
            first,
            frame.loc[repeated_header, first],
            "repeated header",
            "a copy of the header row, not a record; row skipped",
        )
    keep = ~(empty | repeated_header)
    kept = {column: (codes[keep], uniques) for column, (codes, uniques) in factorized.items()}
    return frame[keep].reset_index(drop=True), kept


def _report_missing(
    tab: Tab, place: Place, missing: list[str], header_at: int | None, log: ProblemLog
) -> None:
    for column in missing:
        aliases = tab.aliases_of(column)
        quoted = ", ".join(f'"{alias}"' for alias in aliases)
        also = f" (or {quoted})" if aliases else ""
        log.add(
            place.source,
            place.position,
            place.title,
            header_at + 1 if header_at is not None else None,
            column,
            None,
            "missing column",
            f"tab '{place.title}' has no '{column}' column{also}, which is required; "
            f"none of its rows can be read until a header names it",
        )
