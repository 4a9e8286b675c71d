"""The report's charts as PNG images, rendered offline with vl-convert (no browser, no network).

They are the pages' own chart functions, so a figure has the colour it has on the pages
(``charts.palette``), and they span the report's period: the last tick is the period's last month
(a period ending in October ends on "Oct", not on the month after).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import vl_convert

from dashboard import charts
from dashboard.charts.months import Period


def _png(chart: alt.TopLevelMixin) -> bytes:
    return vl_convert.vegalite_to_png(chart.to_json(), scale=2)


def momentum_chart(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """The report's momentum chart: the Overview's, at the page's fixed width."""
    return charts.momentum_line(series, period).properties(width=520, height=200)


def momentum_png(series: pd.DataFrame, period: Period | None = None) -> bytes:
    return _png(momentum_chart(series, period))


def network_png(series: pd.DataFrame, period: Period | None = None) -> bytes:
    return _png(charts.network_size(series, period))
