"""Participation charts: who is active, who is new, who lapsed; how shared the leadership is."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts import palette
from dashboard.charts.momentum import share_line
from dashboard.charts.months import MONTH_TIP, Period, by_month, count_y, month_x

FLOWS = {"new": "New", "returning": "Returning", "lapsed": "Lapsed"}
ACTIVE = "Active (line)"  # the line's legend entry: every mark of the chart is named
FLOW_COLOURS = [
    palette.NEW_PEOPLE,
    palette.RETURNING_PEOPLE,
    palette.LAPSED_PEOPLE,
    palette.PEOPLE,
]


def people_flows(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    long = by_month(series, FLOWS)
    long.loc[long["what"] == "Lapsed", "n"] *= -1  # lapsed drawn below the line
    names = [*FLOWS.values(), ACTIVE]
    colour = alt.Color(
        "what:N",
        sort=names,
        title=None,
        scale=alt.Scale(domain=names, range=FLOW_COLOURS),
        legend=alt.Legend(orient="top", labelLimit=0),
    )
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=month_x(period),
            y=count_y("n:Q", "people (lapsed below zero)"),
            color=colour,
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("what:N", title="people"),
                alt.Tooltip("people:Q", title="count"),
            ],
        )
        .transform_calculate(people="abs(datum.n)")
    )
    active = (
        alt.Chart(series)
        .mark_line(point=True)
        .encode(
            x=month_x(period, centred=True),
            y="active:Q",
            color=colour,
            tooltip=[MONTH_TIP, alt.Tooltip("active:Q", title="active people")],
        )
        .transform_calculate(what=repr(ACTIVE))
    )
    return (bars + active).properties(height=280)


def sector_bars(frame: pd.DataFrame) -> alt.Chart:
    """``frame``: sector, people, organizations (of people active in the period)."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "sector:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False, labelLimit=0)
            ),
            x=alt.X("people:Q", title="people active", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "sector:N",
                legend=None,
                scale=alt.Scale(range=palette.categories(int(frame["sector"].nunique()))),
            ),
            tooltip=["sector:N", alt.Tooltip("people:Q", title="people active"), "organizations:Q"],
        )
        .properties(height=alt.Step(26))  # a row per sector: every bar labelled
    )


def top10_line(frame: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """Share of all commitments held by the busiest 10 % of the people committing."""
    return share_line(
        frame, "top10_share", "share held by the top 10 %", palette.LEADERSHIP, period
    )
