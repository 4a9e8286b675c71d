"""The method's charts (issue 13) as Vega-Lite specs on the demo workbook: every mark has a
tooltip, and what is sent is already aggregated — one row per month (and measure), or the
drawing's capped nodes and links — never raw records."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from dashboard import charts
from dashboard.config import DEMO_AS_OF
from dashboard.metrics.collaborations import period_series
from dashboard.metrics.drawing import MAX_DRAWN_LINKS, MAX_DRAWN_ORGANIZATIONS, organization_drawing
from tests.demo import demo_dataset


@cache
def series() -> pd.DataFrame:
    return period_series(demo_dataset(), pd.Timestamp(DEMO_AS_OF), pd.Timestamp("2024-11-01"))


def _marks(spec: dict) -> list[dict]:
    """Every single-view part of a (layered) spec."""
    if "layer" in spec:
        return [part for layer in spec["layer"] for part in _marks(layer)]
    return [spec]


def _rows(spec: dict) -> int:
    return sum(len(rows) for rows in spec.get("datasets", {}).values())


@pytest.mark.parametrize(
    "build",
    [
        charts.weaving_bars,
        charts.adjacent_line,
        charts.centralization_line,
        charts.wins_with_network,
    ],
)
def test_monthly_charts_have_tooltips_and_a_row_per_month(build):
    spec = build(series()).to_dict()
    months = len(series())
    for mark in _marks(spec):
        assert "tooltip" in mark["encoding"], build.__name__
    assert 0 < _rows(spec) <= 4 * months + months  # wins by four sizes, plus the network line


def test_the_organization_drawing_is_capped_and_has_tooltips():
    drawn = organization_drawing(demo_dataset(), demo_dataset().people, DEMO_AS_OF)
    assert 0 < len(drawn["nodes"]) <= MAX_DRAWN_ORGANIZATIONS
    assert len(drawn["links"]) <= MAX_DRAWN_LINKS
    spec = charts.organization_drawing(drawn["nodes"], drawn["links"], "sector").to_dict()
    for mark in _marks(spec):
        assert "tooltip" in mark["encoding"]
    assert _rows(spec) == len(drawn["nodes"]) + len(drawn["links"])


def test_the_organization_drawing_keeps_the_strongest_links(monkeypatch):
    # with room for 5 links only, the 5 with the most shared events are drawn, at their ends
    from dashboard.metrics import drawing

    monkeypatch.setattr(drawing, "MAX_DRAWN_LINKS", 5)
    drawn = organization_drawing(demo_dataset(), demo_dataset().people, DEMO_AS_OF)
    links, nodes = drawn["links"], drawn["nodes"].set_index("id")
    assert len(links) == 5
    assert (links["x"].to_numpy() == nodes["x"].reindex(links["a"]).to_numpy()).all()
    assert (links["y2"].to_numpy() == nodes["y"].reindex(links["b"]).to_numpy()).all()
