"""The impact report's headline table as the page shows it: each figure this period, the previous
period of the same length, and the change — or, where the records do not reach back into the
previous period, that there is nothing to compare with (never "+195" against an empty period)."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting
from dashboard.periods import Comparison

SHARES = ("follow_through",)


def _value(figure: str, value: float | None) -> str:
    return formatting.percent(value) if figure in SHARES else formatting.count(value)


def figures_table(figures: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    """``figures``: figure, label, value, previous (the report's); one row per figure, in words."""
    rows = []
    for r in figures.itertuples():
        if comparison.comparable:
            before = _value(r.figure, r.previous)
            change = formatting.change(r.value, r.previous, share=r.figure in SHARES)
        else:
            before, change = "no records", formatting.NOTHING_TO_COMPARE
        shown = _value(r.figure, r.value)
        rows.append(
            {
                "": r.label,
                "this period": shown,
                "previous period": before,
                "change": change or formatting.UNKNOWN,
            }
        )
    return pd.DataFrame(rows)
