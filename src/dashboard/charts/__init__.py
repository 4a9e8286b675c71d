"""Altair chart specs built from metric frames (already aggregated: never raw records).

Every monthly chart takes the page's ``period`` and spans its months (``charts.months``)."""

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
    network_measure,
    network_size,
    organization_drawing,
    weaving_bars,
)
from dashboard.charts.participation import people_flows, sector_bars, top10_line
from dashboard.charts.regions import region_heatmap, region_multiple
from dashboard.charts.standing import core_picture, stage_line

__all__ = [
    "adjacent_line",
    "centralization_line",
    "commitments_outcomes",
    "core_picture",
    "cumulative_wins",
    "follow_through_line",
    "momentum_line",
    "network_drawing",
    "network_measure",
    "network_size",
    "organization_drawing",
    "people_flows",
    "region_heatmap",
    "region_multiple",
    "sector_bars",
    "stage_line",
    "top10_line",
    "weaving_bars",
    "wins_by",
    "wins_with_network",
]
