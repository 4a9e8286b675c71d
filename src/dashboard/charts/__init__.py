"""Altair chart specs built from metric frames (already aggregated: never raw records)."""

from dashboard.charts.momentum import (
    commitments_outcomes,
    cumulative_wins,
    follow_through_line,
    momentum_line,
    wins_by,
)
from dashboard.charts.network import network_drawing, network_growth, network_size
from dashboard.charts.participation import people_flows, sector_bars, top10_line
from dashboard.charts.regions import region_chart, region_heatmap, region_multiples

__all__ = [
    "commitments_outcomes",
    "cumulative_wins",
    "follow_through_line",
    "momentum_line",
    "network_drawing",
    "network_growth",
    "network_size",
    "people_flows",
    "region_chart",
    "region_heatmap",
    "region_multiples",
    "sector_bars",
    "top10_line",
    "wins_by",
]
