"""A chart's text alternative (charts/describe.py) on small hand-made frames, the expected
sentences worked out by hand: the months it spans, its last month's values named as its legend
or axis names them, shares in whole percents (halves up), an index in two decimals."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import charts
from dashboard.charts.describe import describe
from tests.charts.frames import LINKS, NODES

PERIOD = (dt.date(2026, 9, 1), dt.date(2026, 10, 31))
SERIES = pd.DataFrame(
    {
        "month": pd.to_datetime(["2026-09-01", "2026-10-01"]),
        "wins": [2, 3],
        "commitments_done": [1, 0],
        "follow_through": [0.5, 0.625],  # 5 of 8 kept: 63%, as on every page
        "degree_centralization": [0.25, 0.3125],
        "new": [1, 2],
        "returning": [4, 1],
        "lapsed": [0, 3],  # drawn below zero: said as 3
        "active": [5, 3],
    }
)


def _said(chart) -> str:
    return describe(chart.to_dict())


def test_a_monthly_chart_says_its_months_and_its_last_months_values():
    assert _said(charts.momentum_line(SERIES, PERIOD)) == (
        "Monthly, September 2026 to October 2026. October 2026: Wins 3, Commitments kept 0."
    )


def test_a_share_is_a_whole_percent_and_an_index_two_decimals():
    assert _said(charts.follow_through_line(SERIES, PERIOD)).endswith(
        "October 2026: follow-through 63%."
    )
    assert _said(charts.centralization_line(SERIES, PERIOD)).endswith(
        "October 2026: leadership concentration 0.31."
    )


def test_every_layer_is_said_the_line_too():
    assert _said(charts.people_flows(SERIES, PERIOD)).endswith(
        "October 2026: New 2, Returning 1, Lapsed 3, Active (line) 3."
    )


def test_a_month_with_nothing_is_not_the_last():
    # October's follow-through unknown (nothing came due): September's is the latest said
    unknown = SERIES.assign(follow_through=[0.5, None])
    assert _said(charts.follow_through_line(unknown, PERIOD)) == (
        "Monthly, September 2026. September 2026: follow-through 50%."
    )


def test_bars_per_category_and_a_drawing():
    sectors = pd.DataFrame(
        {"sector": ["education", "business"], "people": [1, 3], "organizations": [1, 2]}
    )
    assert _said(charts.sector_bars(sectors)) == "People active: business 3, education 1."
    assert _said(charts.network_drawing(NODES, LINKS, "sector")) == (
        "A drawing of 3 people and 2 links between them; hover a node for its name."
    )


def test_nothing_drawn_says_so():
    empty = SERIES.iloc[0:0]
    assert _said(charts.momentum_line(empty, PERIOD)) == "Nothing drawn yet."


def test_the_network_stage_line_says_its_last_stage_in_words():
    """A level named in words (issue 24's stage over the months) is read as words, not dropped
    as a number that is not there ("Nothing drawn yet." before)."""
    from dashboard.charts.standing import stage_line

    series = pd.DataFrame(
        {
            "month": pd.date_range("2026-08-01", periods=3, freq="MS"),
            "network_stage": ["hub", "multi_hub", "core_periphery"],
        }
    )
    assert describe(stage_line(series).to_dict()) == (
        "Monthly, August 2026 to October 2026. October 2026: stage A core with a periphery."
    )
