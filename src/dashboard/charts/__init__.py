"""Altair chart specs built from metric frames (already aggregated: never raw records)."""

from dashboard.charts.momentum import (
    commitments_outcomes,
    cumulative_wins,
    follow_through_line,
    momentum_line,
    wins_by,
    wins_with_network,
)
from dashboard.charts.network import (
    adjacent_line,
    centralization_line,
    network_drawing,
    network_growth,
    network_size,
    organization_drawing,
    weaving_bars,
)
from dashboard.charts.participation import people_flows, sector_bars, top10_line
from dashboard.charts.regions import region_chart, region_heatmap, region_multiples

__all__ = [
    "adjacent_line",
    "centralization_line",
    "commitments_outcomes",
    "cumulative_wins",
    "follow_through_line",
    "momentum_line",
    "network_drawing",
    "network_growth",
    "network_size",
    "organization_drawing",
    "people_flows",
    "region_chart",
    "region_heatmap",
    "region_multiples",
    "sector_bars",
    "top10_line",
    "weaving_bars",
    "wins_by",
    "wins_with_network",
]
