"""Momentum charts: wins and commitments over the months."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.months import MONTH, MONTH_TIP, by_month


def momentum_line(series: pd.DataFrame) -> alt.Chart:
    """Wins and commitments kept per month: the pulse of a collaboration."""
    long = by_month(series, {"wins": "Wins", "commitments_done": "Commitments kept"})
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=MONTH,
            y=alt.Y("n:Q", title="per month"),
            color=alt.Color("what:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=[MONTH_TIP, "what:N", "n:Q"],
        )
        .properties(height=260)
    )


def wins_by(counts: pd.DataFrame, by: str, title: str) -> alt.Chart:
    """Stacked wins per month by ``by`` (category or project); ``counts``: month, by, wins."""
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=MONTH,
            y=alt.Y("wins:Q", title="wins"),
            color=alt.Color(f"{by}:N", title=title, legend=alt.Legend(orient="bottom", columns=3)),
            tooltip=[MONTH_TIP, f"{by}:N", "wins:Q"],
        )
        .properties(height=280)
    )


def cumulative_wins(series: pd.DataFrame) -> alt.Chart:
    frame = series.assign(total=series["wins"].cumsum())
    return (
        alt.Chart(frame)
        .mark_area(line=True, opacity=0.3)
        .encode(
            x=MONTH,
            y=alt.Y("total:Q", title="wins to date"),
            tooltip=[MONTH_TIP, "total:Q"],
        )
        .properties(height=240)
    )


def commitments_outcomes(series: pd.DataFrame) -> alt.Chart:
    labels = {
        "commitments_made": "Made",
        "commitments_done": "Kept",
        "commitments_missed": "Missed",
    }
    long = by_month(series, labels)
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=MONTH,
            xOffset=alt.XOffset("what:N", sort=list(labels.values())),
            y=alt.Y("n:Q", title="commitments"),
            color=alt.Color(
                "what:N",
                sort=list(labels.values()),
                title=None,
                scale=alt.Scale(range=["#9ecae1", "#31a354", "#de2d26"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[MONTH_TIP, "what:N", "n:Q"],
        )
        .properties(height=260)
    )


def share_line(frame: pd.DataFrame, column: str, title: str, color: str = "#3182bd") -> alt.Chart:
    """A share (0–100 %) per month: ``frame`` has month and ``column``; months without one
    (nothing due yet) are left out rather than drawn as zero."""
    return (
        alt.Chart(frame.dropna(subset=[column]))
        .mark_line(point=True, color=color)
        .encode(
            x=MONTH,
            y=alt.Y(
                f"{column}:Q",
                title=title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),  # fmt: skip
            tooltip=[
                MONTH_TIP,
                alt.Tooltip(f"{column}:Q", format=".0%", title=title),
            ],
        )
        .properties(height=240)
    )


def follow_through_line(frame: pd.DataFrame) -> alt.Chart:
    """Share of the commitments due by each month's end that were kept."""
    return share_line(frame, "follow_through", "follow-through")


SIZES = {
    "wins_small": "small",
    "wins_medium": "medium",
    "wins_large": "large",
    "wins_size_unknown": "size not given",
}


def wins_with_network(series: pd.DataFrame) -> alt.Chart:
    """The monthly mix of small, medium and large wins (bars, left axis) against the people in
    the network at each month's end (line, right axis): do wins grow with the network?"""
    long = by_month(series[["month", *SIZES]], SIZES, value="n")
    order = list(SIZES.values())
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=MONTH,
            y=alt.Y("n:Q", title="wins", stack=True),
            color=alt.Color(
                "what:N",
                sort=order,
                title="win size",
                scale=alt.Scale(domain=order, range=["#c7e9c0", "#74c476", "#238b45", "#d9d9d9"]),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("what:N", title="size"),
                alt.Tooltip("n:Q", title="wins"),
            ],
        )
        .transform_calculate(rank=f"indexof({order}, datum.what)")
    )
    people = (
        alt.Chart(series)
        .mark_line(point=True, color="#333")
        .encode(
            x=alt.X("yearmonth(month):T", title=None, bandPosition=0.5),
            y=alt.Y(
                "network_nodes:Q",
                title="people in the network (line)",
                axis=alt.Axis(orient="right"),
            ),  # fmt: skip
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("network_nodes:Q", title="people in the network"),
                alt.Tooltip("network_edges:Q", title="links"),
            ],  # fmt: skip
        )
    )
    return alt.layer(bars, people).resolve_scale(y="independent").properties(height=300)
