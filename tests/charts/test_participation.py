"""The Participation charts (charts/participation.py) on hand-made frames: each builds a valid
Vega-Lite spec, sends one row per month and measure (or per sector), and has tooltips.

Series (month: new, returning, lapsed, active; top-10 share):
  2024-01: 3, 0, 0, 3; 1.0
  2024-02: 1, 2, 0, 3; no commitment yet this month's end → null
  2024-03: 0, 2, 1, 2; 0.5
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts
from tests.charts.specs import all_rows, marks, rows, spec_of, tooltip_fields

SERIES = pd.DataFrame(
    {
        "month": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
        "new": [3, 1, 0],
        "returning": [0, 2, 2],
        "lapsed": [0, 0, 1],
        "active": [3, 3, 2],
        "top10_share": [1.0, None, 0.5],
    }
)
SECTORS = pd.DataFrame(
    {"sector": ["business", "education", "other"], "people": [4, 2, 1], "organizations": [2, 1, 1]}
)

CHARTS = {
    # chart: (spec, rows sent)
    "people_flows": (lambda: charts.people_flows(SERIES), 3 * 3 + 3),  # bars, and the line
    "sector_bars": (lambda: charts.sector_bars(SECTORS), 3),
    "top10_line": (lambda: charts.top10_line(SERIES), 2),  # February has none
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_each_chart_builds_aggregated_with_tooltips(name):
    build, sent = CHARTS[name]
    spec = spec_of(build())
    assert all_rows(spec) == sent
    for part in marks(spec):
        assert part["encoding"]["tooltip"]


def test_people_flows_draws_lapsed_below_zero_under_the_active_line():
    spec = spec_of(charts.people_flows(SERIES))
    bars, line = marks(spec)
    flows = {(row["what"], row["month"][:7]): row["n"] for row in rows(spec, bars)}
    assert flows[("New", "2024-01")] == 3
    assert flows[("Returning", "2024-02")] == 2
    assert flows[("Lapsed", "2024-03")] == -1  # one person lapsed, drawn downwards
    assert [row["active"] for row in rows(spec, line)] == [3, 3, 2]
    assert tooltip_fields(line) == ["month", "active"]


def test_sector_bars_longest_first_with_organizations_in_the_tooltip():
    spec = spec_of(charts.sector_bars(SECTORS))
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert tooltip_fields(spec) == ["sector", "people", "organizations"]
    assert [row["people"] for row in rows(spec)] == [4, 2, 1]


def test_top10_line_is_a_share_without_the_months_that_have_none():
    spec = spec_of(charts.top10_line(SERIES))
    assert [row["top10_share"] for row in rows(spec)] == [1.0, 0.5]
    assert spec["encoding"]["y"]["scale"] == {"domain": [0, 1]}
