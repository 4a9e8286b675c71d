"""From a tab's raw rows to a frame of its canonical columns, with sheet row numbers.

The header row is the first row that holds anything (a team may leave a title row blank above
it). Columns are found by header (``schema.canonical_column``), so their order does not matter
and extra columns are ignored. Rows that are blank in every column we read are skipped.
"""

from __future__ import annotations

import pandas as pd

from dashboard.clean.problems import Problems
from dashboard.schema import Tab

ROW = "row"  # the sheet row number of a record, as the sheet shows it (header row = 1 usually)


def _is_blank(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN
        return True
    return isinstance(cell, str) and not cell.strip()


def _header_index(rows: list[list[object]]) -> int | None:
    for index, row in enumerate(rows):
        if any(not _is_blank(cell) for cell in row):
            return index
    return None


def _blank_mask(column: pd.Series) -> pd.Series:
    as_text = column.astype("string")
    return (as_text.isna() | as_text.str.strip().eq("")).astype(bool)


def tab_frame(
    tab: Tab, title: str, rows: list[list[object]], problems: Problems
) -> pd.DataFrame | None:
    """The tab's records as raw cells under canonical column names, plus ``row``.

    Returns ``None`` (with a ``missing column`` problem) when a required column is absent, since
    no record of the tab can be read then; the other tabs still load.
    """
    header_at = _header_index(rows)
    headers = rows[header_at] if header_at is not None else []
    positions: dict[str, int] = {}
    for position, header in enumerate(headers):
        column = None if _is_blank(header) else _canonical(tab, header)
        if column is None:
            continue
        if column in positions:
            problems.add(
                title,
                header_at + 1,
                column,
                header,
                "duplicate column",
                f"a second '{column}' column; only the first one is read",
            )
            continue
        positions[column] = position
    missing = [column for column in tab.required if column not in positions]
    if missing:
        _report_missing(tab, title, missing, header_at, problems)
        return None
    body = rows[header_at + 1 :]  # type: ignore[operator]
    raw = pd.DataFrame(body, dtype=object) if body else pd.DataFrame(dtype=object)
    frame = pd.DataFrame(index=raw.index)
    for column in tab.columns:
        position = positions.get(column)
        if position is not None and position in raw.columns:
            frame[column] = raw[position].astype(object)
        else:
            frame[column] = pd.Series(None, index=raw.index, dtype=object)
    frame[ROW] = (frame.index + header_at + 2).astype("int64")  # type: ignore[operator]
    read_columns = [column for column in tab.columns if column in positions]
    blank = pd.concat([_blank_mask(frame[c]) for c in read_columns], axis=1).all(axis=1)
    return frame[~blank.to_numpy()].reset_index(drop=True)


def _canonical(tab: Tab, header: object) -> str | None:
    from dashboard.schema import canonical_column

    return canonical_column(tab, header)


def _report_missing(
    tab: Tab, title: str, missing: list[str], header_at: int | None, problems: Problems
) -> None:
    for column in missing:
        aliases = sorted(alias for alias, name in tab.aliases.items() if name == column)
        also = f" (or {', '.join(aliases)})" if aliases else ""
        problems.add(
            title,
            header_at + 1 if header_at is not None else None,
            column,
            None,
            "missing column",
            f"tab '{title}' has no '{column}' column{also}, which is required; "
            f"none of its rows can be read until a header names it",
        )
