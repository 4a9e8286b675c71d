"""Where the network stands, drawn: its stage at each month's end (a labelled line of the four
stages, in the order a network grows through them), and the network with its core apart from
its periphery, as it stood at the end of a chosen month (the layout fixed, so growth shows)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts import palette
from dashboard.charts.months import MONTH_TIP, Period, legend, month_x
from dashboard.charts.network import ON_CANVAS
from dashboard.metrics.core_drawing import ROLES, as_of_month
from dashboard.metrics.stage import STAGE_WORDS, STAGES

AXIS = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
ROLE_COLOURS = [palette.CORE, palette.PERIPHERY, palette.FURTHER_OUT]
STAGE_LABELS = [STAGE_WORDS[s].capitalize() for s in STAGES]


def stage_line(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """The stage at each month's end, on four levels named in words (scattered fragments at
    the bottom, a core with a periphery at the top): how the network moved."""
    frame = series[["month", "network_stage"]].dropna()
    frame = frame.assign(stage=frame["network_stage"].map(STAGE_WORDS).str.capitalize())
    y = alt.Y(
        "stage:N",
        title=None,
        sort=STAGE_LABELS[::-1],
        scale=alt.Scale(domain=STAGE_LABELS[::-1]),
        axis=alt.Axis(labelLimit=0),
    )
    return (
        alt.Chart(frame)
        .mark_line(point=True, interpolate="step-after", color=palette.STAGE)
        .encode(
            x=month_x(period, centred=True),
            y=y,
            tooltip=[MONTH_TIP, alt.Tooltip("stage:N", title="stage")],
        )
        .properties(height=180)
    )


def core_picture(nodes: pd.DataFrame, links: pd.DataFrame, until: str) -> alt.Chart:
    """The network as it stood at ``until`` (an ISO day): the core in the middle (red), the
    people linked to it around (blue), everyone else further out (grey); brokers as diamonds.
    Positions are the whole period's, so month after month only who is there changes."""
    nodes, links = as_of_month(nodes, links, pd.Timestamp(until))
    lines = (
        alt.Chart(links)
        .mark_rule(color=palette.EDGE)
        .encode(
            x=alt.X("x:Q", axis=AXIS, scale=alt.Scale(domain=[-1.05, 1.05])),
            y=alt.Y("y:Q", axis=AXIS, scale=alt.Scale(domain=[-1.05, 1.05])),
            x2="x2:Q",
            y2="y2:Q",
            opacity=alt.value(0.3),
            tooltip=["a:N", "b:N", alt.Tooltip("weight:Q", title="shared events")],
        )
    )
    shown = nodes.assign(kind=nodes["broker"].map({True: "broker", False: "person"}))
    dots = (
        alt.Chart(shown)
        .mark_point(filled=True, stroke="white", strokeWidth=0.5, opacity=0.9)
        .encode(
            x=alt.X("x:Q", axis=AXIS, scale=alt.Scale(domain=[-1.05, 1.05])),
            y=alt.Y("y:Q", axis=AXIS, scale=alt.Scale(domain=[-1.05, 1.05])),
            color=alt.Color(
                "role:N",
                title=None,
                scale=alt.Scale(domain=list(ROLES), range=ROLE_COLOURS),
                legend=legend(list(ROLES), orient="top"),
            ),
            shape=alt.Shape(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=["person", "broker"], range=["circle", "diamond"]),
                legend=legend(["person", "broker"], orient="top"),
            ),
            size=alt.Size("links:Q", scale=alt.Scale(range=[30, 400]), legend=None),
            tooltip=[
                alt.Tooltip("label:N", title="who"),
                alt.Tooltip("role:N", title="where"),
                alt.Tooltip("links:Q", title="links"),
                alt.Tooltip("kind:N", title="broker or not"),
            ],
        )
    )
    return (lines + dots).properties(height=520, usermeta=ON_CANVAS).configure_view(strokeWidth=0)
