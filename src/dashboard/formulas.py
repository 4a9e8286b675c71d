"""Cells a spreadsheet would run as formulas, and how text is kept from becoming one."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@")


def neutralise(cell: object) -> object:
    """Text starting like a formula gets a leading ``'``, so a spreadsheet shows it as text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
