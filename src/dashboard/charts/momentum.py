"""Momentum charts: wins and commitments over the months."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from dashboard.charts import palette
from dashboard.charts.months import (
    MONTH_TIP,
    Period,
    by_month,
    count_y,
    legend,
    month_x,
)

PALETTE = list(palette.CATEGORIES)  # a colour per project or category; the rest grey
PLURALS = {"category": "categories", "project": "projects"}
NOT_GIVEN = "(none)"  # metrics.lists' label of a win with no category or project


def momentum_line(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """Wins and commitments kept per month: the pulse of a collaboration."""
    labels = {"wins": "Wins", "commitments_done": "Commitments kept"}
    long = by_month(series, labels)
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=month_x(period, centred=True),
            y=count_y("n:Q", "per month"),
            color=alt.Color(
                "what:N",
                title=None,
                sort=list(labels.values()),
                scale=alt.Scale(
                    domain=list(labels.values()), range=[palette.WINS, palette.COMMITMENTS_KEPT]
                ),
                legend=alt.Legend(orient="top", labelLimit=0),
            ),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("what:N", title="what"),
                alt.Tooltip("n:Q", title="count"),
            ],
        )
        .properties(height=260)
    )


def grouped(
    counts: pd.DataFrame, by: str, named: int = len(PALETTE)
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """``counts`` (month, ``by``, wins) with the ``named`` labels of most wins kept and the rest
    summed as one "N other projects" entry; a win with none given says so. Returns the frame,
    the labels that get a colour each (most wins first) and those drawn grey."""
    totals = counts.groupby(by)["wins"].sum().sort_values(ascending=False, kind="stable")
    given = [label for label in totals.index if label != NOT_GIVEN]
    kept = given if len(given) <= named + 1 else given[:named]
    rest = given[len(kept) :]
    names = {label: label for label in kept}
    other = f"{len(rest)} other {PLURALS.get(by, by + 's')}"
    names |= {label: other for label in rest}
    names[NOT_GIVEN] = f"no {by} given"
    greys = ([other] if rest else []) + ([names[NOT_GIVEN]] if NOT_GIVEN in totals.index else [])
    out = counts.assign(**{by: counts[by].map(names)})
    return out.groupby(["month", by], sort=False, as_index=False)["wins"].sum(), kept, greys


def wins_by(counts: pd.DataFrame, by: str, title: str, period: Period | None = None) -> alt.Chart:
    """Stacked wins per month by ``by`` (category or project); ``counts``: month, by, wins. The
    labels of most wins get a colour each; beyond that, the others share one grey entry."""
    frame, named, greys = grouped(counts, by)
    domain = named + greys
    colours = PALETTE[: len(named)] + [palette.OTHER, palette.NOT_GIVEN][: len(greys)]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=month_x(period),
            y=count_y("wins:Q", "wins"),
            color=alt.Color(
                f"{by}:N",
                sort=domain,
                scale=alt.Scale(domain=domain, range=colours),
                legend=legend(domain, title),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip(f"{by}:N", title=title),
                alt.Tooltip("wins:Q", title="wins"),
            ],
        )
        .transform_calculate(rank=f"indexof({json.dumps(domain)}, datum[{json.dumps(by)}])")
        .properties(height=280)
    )


def cumulative_wins(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    frame = series.assign(total=series["wins"].cumsum())
    return (
        alt.Chart(frame)
        .mark_area(
            line={"strokeJoin": "round", "color": palette.WINS},
            color=palette.WINS,
            opacity=0.3,
            clip=True,
        )
        .encode(
            x=month_x(period, centred=True),
            y=count_y("total:Q", "wins in the period, to date"),
            tooltip=[MONTH_TIP, alt.Tooltip("total:Q", title="wins to date")],
        )
        .properties(height=240)
    )


def commitments_outcomes(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
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
            x=month_x(period),
            xOffset=alt.XOffset("what:N", sort=list(labels.values())),
            y=count_y("n:Q", "commitments"),
            color=alt.Color(
                "what:N",
                sort=list(labels.values()),
                title=None,
                scale=alt.Scale(
                    domain=list(labels.values()),
                    range=[
                        palette.COMMITMENTS_MADE,
                        palette.COMMITMENTS_KEPT,
                        palette.COMMITMENTS_MISSED,
                    ],
                ),
                legend=alt.Legend(orient="top", labelLimit=0),
            ),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("what:N", title="commitments"),
                alt.Tooltip("n:Q", title="count"),
            ],
        )
        .properties(height=260)
    )


def share_line(
    frame: pd.DataFrame,
    column: str,
    title: str,
    color: str = palette.COMMITMENTS_KEPT,
    period: Period | None = None,
) -> alt.Chart:
    """A share (0–100 %) per month: ``frame`` has month and ``column``; months without one
    (nothing due yet) are left out rather than drawn as zero."""
    return (
        alt.Chart(frame.dropna(subset=[column]))
        .mark_line(point=True, color=color)
        .encode(
            x=month_x(period, centred=True),
            y=alt.Y(
                f"{column}:Q",
                title=title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip(f"{column}:Q", format=".0%", title=title),
            ],
        )
        .properties(height=240)
    )


def follow_through_line(frame: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """Share of the commitments due by each month's end that were kept."""
    return share_line(frame, "follow_through", "follow-through", period=period)


SIZES = {
    "wins_small": "small",
    "wins_medium": "medium",
    "wins_large": "large",
    "wins_size_unknown": "size not given",
}


def wins_with_network(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """The monthly mix of small, medium and large wins (bars, left axis) against the people in
    the network at each month's end (line, right axis): do wins grow with the network?"""
    long = by_month(series[["month", *SIZES]], SIZES, value="n")
    order = list(SIZES.values())
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=month_x(period),
            y=count_y("n:Q", "wins", stack=True),
            color=alt.Color(
                "what:N",
                sort=order,
                title="win size",
                scale=alt.Scale(domain=order, range=[*palette.WIN_SIZES, palette.SIZE_NOT_GIVEN]),
                legend=alt.Legend(orient="top", labelLimit=0),
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
        .mark_line(point=True, color=palette.PEOPLE)
        .encode(
            x=month_x(period, centred=True),
            y=alt.Y(
                "network_nodes:Q",
                title="people in the network (line)",
                axis=alt.Axis(orient="right", tickMinStep=1, format="d"),
            ),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("network_nodes:Q", title="people in the network"),
                alt.Tooltip("network_edges:Q", title="links"),
            ],
        )
    )
    return alt.layer(bars, people).resolve_scale(y="independent").properties(height=300)
