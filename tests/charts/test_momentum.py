"""The Momentum charts (charts/momentum.py) on a hand-made three-month series: each builds a valid
Vega-Lite spec, sends one row per month and measure (never a record), and has tooltips.

Series (month: wins, commitments made / kept / missed, follow-through):
  2024-01: 2 wins, 3 / 1 / 0, nothing due yet (null)
  2024-02: 0 wins, 2 / 1 / 1, 0.5
  2024-03: 3 wins, 1 / 0 / 0, 0.6667
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts
from tests.charts.specs import all_rows, marks, rows, spec_of, tooltip_fields

MONTHS = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])
SERIES = pd.DataFrame(
    {
        "month": MONTHS,
        "wins": [2, 0, 3],
        "commitments_made": [3, 2, 1],
        "commitments_done": [1, 1, 0],
        "commitments_missed": [0, 1, 0],
        "follow_through": [None, 0.5, 0.6667],
    }
)
# Wins per month by category, as metrics gives them: only the (month, category) pairs with a win.
BY_CATEGORY = pd.DataFrame(
    {
        "month": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-03-01"]),
        "category": ["funding", "event", "event"],
        "wins": [1, 1, 3],
    }
)

CHARTS = {
    # chart: (spec, rows sent)
    "momentum_line": (lambda: charts.momentum_line(SERIES), 3 * 2),  # wins, kept
    "wins_by": (lambda: charts.wins_by(BY_CATEGORY, "category", "Category"), 3),
    "cumulative_wins": (lambda: charts.cumulative_wins(SERIES), 3),
    "commitments_outcomes": (lambda: charts.commitments_outcomes(SERIES), 3 * 3),
    "follow_through_line": (lambda: charts.follow_through_line(SERIES), 2),  # January has none
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_each_chart_builds_aggregated_with_tooltips(name):
    build, sent = CHARTS[name]
    spec = spec_of(build())
    assert all_rows(spec) == sent
    for part in marks(spec):
        assert "month" in tooltip_fields(part)


def _values(spec: dict, what: str) -> list:
    return [row["n"] for row in rows(spec) if row["what"] == what]


def test_momentum_line_draws_wins_and_commitments_kept():
    spec = spec_of(charts.momentum_line(SERIES))
    assert _values(spec, "Wins") == [2, 0, 3]
    assert _values(spec, "Commitments kept") == [1, 1, 0]
    assert tooltip_fields(spec) == ["month", "what", "n"]


def test_wins_by_stacks_the_given_counts_coloured_by_the_column():
    spec = spec_of(charts.wins_by(BY_CATEGORY, "category", "Category"))
    assert spec["mark"]["type"] == "bar"
    color = spec["encoding"]["color"]
    assert (color["field"], color["type"]) == ("category", "nominal")
    # a legend under the chart whose labels are never cut (labelLimit 0), in the data's order
    assert color["legend"]["orient"] == "bottom" and color["legend"]["labelLimit"] == 0
    assert color["legend"]["title"] == "Category"
    assert color["scale"]["domain"] == ["event", "funding"]
    assert [row["wins"] for row in rows(spec)] == [1, 1, 3]
    assert tooltip_fields(spec) == ["month", "category", "wins"]


def test_cumulative_wins_adds_up_the_months():
    # 2, 2 + 0, 2 + 0 + 3
    spec = spec_of(charts.cumulative_wins(SERIES))
    assert [row["total"] for row in rows(spec)] == [2, 2, 5]
    assert "total" in tooltip_fields(spec)


def test_commitments_outcomes_puts_made_kept_missed_side_by_side():
    spec = spec_of(charts.commitments_outcomes(SERIES))
    order = ["Made", "Kept", "Missed"]
    assert spec["encoding"]["xOffset"]["sort"] == order
    assert spec["encoding"]["color"]["sort"] == order
    assert _values(spec, "Made") == [3, 2, 1]
    assert _values(spec, "Missed") == [0, 1, 0]


def test_follow_through_leaves_out_months_with_nothing_due_and_reads_as_percent():
    spec = spec_of(charts.follow_through_line(SERIES))
    assert [row["follow_through"] for row in rows(spec)] == [0.5, 0.6667]
    assert spec["encoding"]["y"]["axis"] == {"format": "%"}
    assert spec["encoding"]["y"]["scale"] == {"domain": [0, 1]}
    (share,) = [tip for tip in spec["encoding"]["tooltip"] if tip["field"] == "follow_through"]
    assert share["format"] == ".0%"
