"""Collaborations side by side: small multiples of one monthly figure."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.months import MONTH, MONTH_TIP


def region_multiples(frame: pd.DataFrame, value: str, title: str, columns: int = 3) -> alt.Chart:
    """``frame``: collaboration, month, ``value``; one small chart per collaboration."""
    return (
        alt.Chart(frame)
        .mark_area(line=True, opacity=0.35)
        .encode(
            x=MONTH,
            y=alt.Y(f"{value}:Q", title=title),
            color=alt.Color("collaboration:N", legend=None),
            tooltip=[
                "collaboration:N",
                MONTH_TIP,
                f"{value}:Q",
            ],  # fmt: skip
        )
        .properties(height=140, width=260)
        .facet(facet=alt.Facet("collaboration:N", title=None), columns=columns)
        .resolve_scale(y="shared")
    )
