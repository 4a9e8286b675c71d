"""The collaboration graph drawn with Altair, and its growth over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.months import MONTH, MONTH_TIP, by_month


def network_drawing(nodes: pd.DataFrame, links: pd.DataFrame, color: str) -> alt.Chart:
    """``nodes``: id, label, x, y, activity, ``color`` column; ``links``: x, y, x2, y2, weight."""
    axis = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    lines = (
        alt.Chart(links)
        .mark_rule(color="#999")
        .encode(
            x=alt.X("x:Q", axis=axis),
            y=alt.Y("y:Q", axis=axis),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.3, 4]), legend=None),
            opacity=alt.value(0.35),
            tooltip=["a:N", "b:N", alt.Tooltip("weight:Q", title="shared events")],
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(stroke="white", strokeWidth=0.5, opacity=0.9)
        .encode(
            x=alt.X("x:Q", axis=axis),
            y=alt.Y("y:Q", axis=axis),
            size=alt.Size("activity:Q", scale=alt.Scale(range=[30, 600]), title="activity"),
            color=alt.Color(
                f"{color}:N", title=color, legend=alt.Legend(orient="bottom", columns=3)
            ),
            tooltip=[
                alt.Tooltip("label:N", title="who"),
                f"{color}:N",
                "activity:Q",
                alt.Tooltip("degree:Q", title="links"),
            ],  # fmt: skip
        )
    )
    return (lines + dots).properties(height=560).configure_view(strokeWidth=0)


def network_growth(series: pd.DataFrame) -> alt.Chart:
    """``series``: month, network_nodes, network_edges, network_density, cross_org_share."""
    labels = {
        "network_nodes": "People (nodes)",
        "network_edges": "Links (edges)",
        "network_density": "Density",
        "cross_org_share": "Cross-organization share",
    }
    long = by_month(series, labels, value="v")
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=MONTH,
            y=alt.Y("v:Q", title=None),
            color=alt.Color("what:N", legend=None),
            tooltip=[
                MONTH_TIP,
                "what:N",
                alt.Tooltip("v:Q", format=",.3~f"),
            ],  # fmt: skip
        )
        .properties(height=150, width=260)
        .facet(facet=alt.Facet("what:N", title=None, sort=list(labels.values())), columns=2)
        .resolve_scale(y="independent")
    )


def network_size(series: pd.DataFrame) -> alt.Chart:
    """People and relationships in the network at each month's end, side by side."""
    long = by_month(series, {"network_nodes": "People", "network_edges": "Relationships"})
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=MONTH,
            y=alt.Y("n:Q", title=None),
            color=alt.Color("what:N", title=None, legend=None),
            tooltip=[MONTH_TIP, "what:N", "n:Q"],
        )
        .properties(width=240, height=160)
        .facet(column=alt.Column("what:N", title=None))
        .resolve_scale(y="independent")
    )
