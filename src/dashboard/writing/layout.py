"""Where a new row goes in a tab: its header row, the position of each column, the id column.

The sheet's own header order is respected (columns in any order, extra columns left blank). A tab
without an ``id`` column gets one after its last header, so every written row carries its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.clean.frame import HEADER_SEARCH_ROWS, header_index
from dashboard.schema import TAB_BY_NAME, header_positions

__all__ = ["HEADER_SEARCH_ROWS", "Layout", "layout_of"]


class LayoutError(ValueError):
    """The tab cannot take a new row (no header naming its required columns)."""


@dataclass(frozen=True)
class Layout:
    header_row: int  # 1-based, as the sheet shows it
    positions: dict[str, int]  # canonical column → 0-based position
    width: int
    add_id_at: int | None  # 0-based position where an "id" header must be written first

    def row(self, cells: dict[str, str]) -> list[str]:
        """The new row in the sheet's column order; columns the record does not fill are blank."""
        values = [""] * self.width
        for column, value in cells.items():
            position = self.positions.get(column)
            if position is not None:
                values[position] = value
        return values


def layout_of(tab_name: str, top_rows: Sequence[Sequence[object]]) -> Layout:
    tab = TAB_BY_NAME[tab_name]
    at = header_index(tab, top_rows)
    if at is None:
        raise LayoutError(f"the {tab_name} tab has no header row; add one (see the template)")
    header = top_rows[at]
    positions, _ = header_positions(tab, header)
    missing = [c for c in tab.required if c not in positions]
    if missing:
        raise LayoutError(f"the {tab_name} tab has no '{missing[0]}' column in its header row")
    add_id_at = None
    if "id" not in positions:
        add_id_at = len(header)
        positions["id"] = add_id_at
    return Layout(at + 1, positions, max(positions.values()) + 1, add_id_at)
