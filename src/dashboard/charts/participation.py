"""Participation charts: who is active, who is new, who lapsed; how shared the leadership is."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.momentum import share_line
from dashboard.charts.months import MONTH, MONTH_TIP, by_month

FLOWS = {"new": "New", "returning": "Returning", "lapsed": "Lapsed"}


def people_flows(series: pd.DataFrame) -> alt.Chart:
    long = by_month(series, FLOWS)
    long.loc[long["what"] == "Lapsed", "n"] *= -1  # lapsed drawn below the line
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=MONTH,
            y=alt.Y("n:Q", title="people (lapsed below zero)"),
            color=alt.Color(
                "what:N",
                sort=list(FLOWS.values()),
                title=None,
                scale=alt.Scale(range=["#31a354", "#9ecae1", "#fdae6b"]),
                legend=alt.Legend(orient="top"),
            ),  # fmt: skip
            tooltip=[MONTH_TIP, "what:N", "n:Q"],
        )
    )
    active = (
        alt.Chart(series)
        .mark_line(color="#333", point=True)
        .encode(x=MONTH, y="active:Q", tooltip=[alt.Tooltip("active:Q", title="Active people")])
    )
    return (bars + active).properties(height=280)


def sector_bars(frame: pd.DataFrame) -> alt.Chart:
    """``frame``: sector, people, organizations (of people active in the period)."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("sector:N", sort="-x", title=None),
            x=alt.X("people:Q", title="people active"),
            color=alt.Color("sector:N", legend=None),
            tooltip=["sector:N", "people:Q", "organizations:Q"],
        )
        .properties(height=220)
    )


def top10_line(frame: pd.DataFrame) -> alt.Chart:
    """Share of all commitments held by the busiest 10 % of the people committing."""
    return share_line(frame, "top10_share", "share held by the top 10 %", "#756bb1")
