"""The Regions chart: small multiples for a few collaborations, one heatmap row each for many."""

from __future__ import annotations

import pandas as pd

from dashboard.charts.regions import MULTIPLES_UP_TO, ROW_PX, region_chart


def _frame(collaborations: int) -> pd.DataFrame:
    """Two months per collaboration; collaboration k has k wins in each (so the last is busiest)."""
    months = pd.to_datetime(["2024-01-01", "2024-02-01"])
    rows = [
        {"collaboration": f"C{k:02d}", "month": month, "wins": k}
        for k in range(1, collaborations + 1)
        for month in months
    ]
    return pd.DataFrame(rows)


def test_a_few_collaborations_get_one_small_chart_each():
    spec = region_chart(_frame(3), "wins", "wins").to_dict()
    assert spec["facet"]["field"] == "collaboration" and spec["columns"] == 3
    assert spec["spec"]["mark"]["type"] == "area"


def test_many_collaborations_get_one_heatmap_row_each_busiest_first():
    count = MULTIPLES_UP_TO + 1
    spec = region_chart(_frame(count), "wins", "wins").to_dict()
    assert "facet" not in spec and spec["mark"]["type"] == "rect"
    assert spec["height"] == ROW_PX * count  # 16 px a row: 13 rows fit in 208 px
    assert spec["encoding"]["y"]["sort"][:2] == ["C13", "C12"]  # 26 and 24 wins: on top
    data = next(iter(spec["datasets"].values()))
    assert len(data) == 2 * count  # aggregated: one cell per collaboration and month
