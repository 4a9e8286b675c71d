"""Cells a spreadsheet would run as formulas, and how text is kept from becoming one."""

from __future__ import annotations

from typing import TypeVar

Cell = TypeVar("Cell")

FORMULA_STARTS = ("=", "+", "-", "@")


def neutralise(cell: Cell) -> Cell | str:
    """Text starting like a formula gets a leading ``'``, so a spreadsheet shows it as text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
