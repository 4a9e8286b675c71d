"""The Regions charts: one small chart per collaboration for a few, all on one scale, never
below zero; one heatmap row each for many."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.charts.regions import (
    MULTIPLES_UP_TO,
    ROW_PX,
    region_heatmap,
    region_multiple,
    region_names,
    uses_heatmap,
)


def _frame(collaborations: int) -> pd.DataFrame:
    """Two months per collaboration; collaboration k has k wins in each (so the last is busiest)."""
    months = pd.to_datetime(["2024-01-01", "2024-02-01"])
    rows = [
        {"collaboration": f"C{k:02d}", "month": month, "wins": k}
        for k in range(1, collaborations + 1)
        for month in months
    ]
    return pd.DataFrame(rows)


def test_a_few_collaborations_get_one_small_chart_each_on_one_scale():
    frame = _frame(3)
    assert not uses_heatmap(frame) and region_names(frame) == ["C01", "C02", "C03"]
    spec = region_multiple(frame, "C01", "wins", "wins").to_dict()
    assert spec["mark"]["type"] == "area"
    # C01 has 1 win a month, but its scale runs to C03's 3: the small charts compare by eye
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 3.0]
    assert len(next(iter(spec["datasets"].values()))) == 2  # its own two months only


def test_a_small_chart_never_draws_below_zero():
    spec = region_multiple(_frame(2), "C02", "wins", "wins").to_dict()
    mark = spec["mark"]
    # straight segments (no curve overshooting a 0 between two peaks), round joins (a sharp V's
    # mitre pokes below its point) and the marks clipped to the plot: nothing under the axis
    assert mark["interpolate"] == "linear" and mark["clip"] is True
    assert mark["line"]["strokeJoin"] == "round"
    assert spec["encoding"]["y"]["axis"]["tickMinStep"] == 1


def test_many_collaborations_get_one_heatmap_row_each_busiest_first():
    count = MULTIPLES_UP_TO + 1
    frame = _frame(count)
    assert uses_heatmap(frame)
    spec = region_heatmap(
        frame, "wins", "wins", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    ).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["height"] == ROW_PX * count  # 16 px a row: 13 rows fit in 208 px
    assert spec["encoding"]["y"]["sort"][:2] == ["C13", "C12"]  # 26 and 24 wins: on top
    data = next(iter(spec["datasets"].values()))
    assert len(data) == 2 * count  # aggregated: one cell per collaboration and month
    # the period's months, January to June, though the data holds two: 1 Jan to 30 June
    domain = spec["encoding"]["x"]["scale"]["domain"]
    assert [(d["year"], d["month"], d["date"]) for d in domain] == [(2024, 1, 1), (2024, 6, 30)]
