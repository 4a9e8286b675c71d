"""Collaborations side by side: one small chart of a monthly figure per collaboration, all on
the same scale, or — for many regions — one heatmap, a row per collaboration, so every region
fits on one screen.

The small charts are separate charts (the page lays them out in columns), not one faceted
chart: a faceted chart has a fixed width in pixels, which a narrow window cuts off.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts import palette
from dashboard.charts.months import MONTH_TIP, Period, month_x

MULTIPLES_UP_TO = 12  # beyond this many collaborations, small multiples no longer fit a screen
ROW_PX = 16  # a heatmap row per collaboration
COLOURS = {"wins": palette.WINS, "active": palette.PEOPLE}  # a measure's colour everywhere


def uses_heatmap(frame: pd.DataFrame) -> bool:
    return frame["collaboration"].nunique() > MULTIPLES_UP_TO


def region_names(frame: pd.DataFrame) -> list[str]:
    """The collaborations in the order their small charts are laid out (as listed)."""
    return frame["collaboration"].drop_duplicates().tolist()


def region_multiple(
    frame: pd.DataFrame, collaboration: str, value: str, title: str, period: Period | None = None
) -> alt.Chart:
    """``frame``: collaboration, month, ``value``; the small chart of one collaboration (the
    page names it above: a chart's title is cut when narrow), on the scale shared by all (0 to
    the largest month of any). The line is straight from month to month and clipped to the
    chart, so it never dips below zero."""
    top = max(float(frame[value].max()), 1.0) if not frame.empty else 1.0
    own = frame[frame["collaboration"] == collaboration][["month", value]]
    colour = COLOURS.get(value, palette.WINS)
    return (
        alt.Chart(own)
        .mark_area(
            line={"strokeJoin": "round", "color": colour},
            color=colour,
            opacity=0.35,
            interpolate="linear",
            clip=True,
        )
        .encode(
            x=month_x(period, centred=True),
            y=alt.Y(
                f"{value}:Q",
                title=title,
                scale=alt.Scale(domain=[0, top], nice=True),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            tooltip=[MONTH_TIP, alt.Tooltip(f"{value}:Q", title=title)],
        )
        .properties(height=140)
    )


def region_heatmap(
    frame: pd.DataFrame, value: str, title: str, period: Period | None = None
) -> alt.Chart:
    """``frame``: collaboration, month, ``value``; a row per collaboration, a cell per month,
    darker for more — the busiest collaborations first."""
    order = frame.groupby("collaboration")[value].sum().sort_values(ascending=False)
    return (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            x=month_x(period),
            y=alt.Y(
                "collaboration:N", title=None, sort=list(order.index), axis=alt.Axis(labelLimit=0)
            ),
            color=alt.Color(
                f"{value}:Q", title=title, scale=alt.Scale(scheme=palette.SEQUENTIAL_SCHEME)
            ),
            tooltip=["collaboration:N", MONTH_TIP, alt.Tooltip(f"{value}:Q", title=title)],
        )
        .properties(height=ROW_PX * len(order))
    )
