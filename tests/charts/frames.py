"""Frames the chart tests share: a hand-made drawing of three people (Ann, Bo, Cy at fixed
positions; links Ann–Bo, 2 shared events, and Bo–Cy, 1), and the demo's monthly series over a
twelve-month period with a builder of every monthly chart on them."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd

from dashboard import charts
from dashboard.config import DEMO_AS_OF
from dashboard.metrics.collaborations import period_series, region_series
from tests.demo import demo_dataset

NODES = pd.DataFrame(
    {
        "id": ["ann", "bo", "cy"],
        "label": ["Ann Lee", "Bo Chen", "Cy Diaz"],
        "x": [0.0, 1.0, 0.5],
        "y": [0.0, 0.0, 1.0],
        "activity": [5, 3, 1],
        "degree": [1, 2, 1],
        "sector": ["business", "business", "education"],
    }
)
LINKS = pd.DataFrame(
    {
        "a": ["ann", "bo"],
        "b": ["bo", "cy"],
        "x": [0.0, 1.0],
        "y": [0.0, 0.0],
        "x2": [1.0, 0.5],
        "y2": [0.0, 1.0],
        "weight": [2, 1],
    }
)

PERIOD = (dt.date(2025, 11, 1), dt.date(2026, 10, 31))


@cache
def series() -> pd.DataFrame:
    return period_series(demo_dataset(), pd.Timestamp(DEMO_AS_OF), pd.Timestamp(PERIOD[0]))


@cache
def regions() -> pd.DataFrame:
    return region_series(demo_dataset(), pd.Timestamp(DEMO_AS_OF), pd.Timestamp(PERIOD[0]))


BUILDERS = {
    "momentum_line": lambda p: charts.momentum_line(series(), p),
    "cumulative_wins": lambda p: charts.cumulative_wins(series(), p),
    "commitments_outcomes": lambda p: charts.commitments_outcomes(series(), p),
    "follow_through_line": lambda p: charts.follow_through_line(series(), p),
    "wins_with_network": lambda p: charts.wins_with_network(series(), p),
    "people_flows": lambda p: charts.people_flows(series(), p),
    "top10_line": lambda p: charts.top10_line(series(), p),
    "network_measure": lambda p: charts.network_measure(series(), "network_edges", p),
    "weaving_bars": lambda p: charts.weaving_bars(series(), p),
    "adjacent_line": lambda p: charts.adjacent_line(series(), p),
    "centralization_line": lambda p: charts.centralization_line(series(), p),
    "region_multiple": lambda p: charts.region_multiple(
        regions(), "Northern Tech Corridor", "wins", "wins", p
    ),
    "region_heatmap": lambda p: charts.region_heatmap(regions(), "wins", "wins", p),
}
