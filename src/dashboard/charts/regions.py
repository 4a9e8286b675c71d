"""Collaborations side by side: small multiples of one monthly figure, or — for many regions —
one heatmap, a row per collaboration, so every region fits on one screen."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.months import MONTH, MONTH_TIP

MULTIPLES_UP_TO = 12  # beyond this many collaborations, small multiples no longer fit a screen
ROW_PX = 16  # a heatmap row per collaboration


def region_chart(frame: pd.DataFrame, value: str, title: str) -> alt.Chart:
    """Small multiples for a few collaborations, a heatmap for many."""
    if frame["collaboration"].nunique() > MULTIPLES_UP_TO:
        return region_heatmap(frame, value, title)
    return region_multiples(frame, value, title)


def region_multiples(frame: pd.DataFrame, value: str, title: str, columns: int = 3) -> alt.Chart:
    """``frame``: collaboration, month, ``value``; one small chart per collaboration."""
    return (
        alt.Chart(frame)
        .mark_area(line=True, opacity=0.35)
        .encode(
            x=MONTH,
            y=alt.Y(f"{value}:Q", title=title),
            color=alt.Color("collaboration:N", legend=None),
            tooltip=["collaboration:N", MONTH_TIP, f"{value}:Q"],
        )
        .properties(height=140, width=260)
        .facet(facet=alt.Facet("collaboration:N", title=None), columns=columns)
        .resolve_scale(y="shared")
    )


def region_heatmap(frame: pd.DataFrame, value: str, title: str) -> alt.Chart:
    """``frame``: collaboration, month, ``value``; a row per collaboration, a cell per month,
    darker for more — the busiest collaborations first."""
    order = frame.groupby("collaboration")[value].sum().sort_values(ascending=False)
    return (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            x=MONTH,
            y=alt.Y("collaboration:N", title=None, sort=list(order.index)),
            color=alt.Color(f"{value}:Q", title=title, scale=alt.Scale(scheme="greens")),
            tooltip=["collaboration:N", MONTH_TIP, alt.Tooltip(f"{value}:Q", title=title)],
        )
        .properties(height=ROW_PX * len(order))
    )
