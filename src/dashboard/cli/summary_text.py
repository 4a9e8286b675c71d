"""The text `summary` prints without `--json`: a row per figure in words, a column per
collaboration.

Every figure is written by ``dashboard.formatting`` — shares as whole percents, counts with
thousands separators, the same text as the app's tiles and tables and the report files. The keys
of docs/METRICS.md are for ``--json``; a person reads words here."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting
from dashboard.metrics import KEYS


def summary_text(figures: dict) -> str:
    by = figures.get("by_collaboration", {})
    columns = ["all", *by]
    table = [["figure", *columns]]
    for key in KEYS[2:]:
        values = [figures[key], *(by[name][key] for name in by)]
        table.append([formatting.figure_name(key), *(formatting.figure(key, v) for v in values)])
    widths = [max(len(row[i]) for row in table) for i in range(len(columns) + 1)]
    as_of = formatting.day(pd.Timestamp(figures["as_of"]))
    lines = [
        f"Summary as of {as_of} — {formatting.plural(figures['collaborations'], 'collaboration')}",
        "",
    ]
    for number, row in enumerate(table):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
