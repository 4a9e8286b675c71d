"""The text `summary` prints without `--json`: a row per figure, a column per collaboration.

Shares are whole percents and counts have thousands separators, exactly as the app's tiles and
tables show them (``dashboard.formatting``)."""

from __future__ import annotations

from dashboard import formatting
from dashboard.metrics import KEYS

INDICES = ("degree_centralization",)  # 0 … 1, but an index, not a share: shown as 0.18


def _shown(value: object, key: str = "") -> str:
    if value is None:
        return formatting.UNKNOWN
    if key in INDICES:
        return f"{value:.2f}"
    if isinstance(value, float):
        return formatting.percent(value) if value <= 1 else f"{value:,.2f}"
    if isinstance(value, int):
        return formatting.count(value)
    return str(value)


def summary_text(figures: dict) -> str:
    by = figures.get("by_collaboration", {})
    columns = ["all", *by]
    table = [["figure", *columns]]
    for key in KEYS[2:]:
        values = [figures[key], *(by[name][key] for name in by)]
        table.append([key, *(_shown(value, key) for value in values)])
    widths = [max(len(row[i]) for row in table) for i in range(len(columns) + 1)]
    lines = [
        f"Summary as of {figures['as_of']} — {figures['collaborations']} collaboration(s)",
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
