"""The report's charts as PNG images, rendered offline with vl-convert (no browser, no network)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import vl_convert

from dashboard import charts


def _png(chart: alt.TopLevelMixin) -> bytes:
    return vl_convert.vegalite_to_png(chart.to_json(), scale=2)


def momentum_png(series: pd.DataFrame) -> bytes:
    return _png(charts.momentum_line(series).properties(width=520, height=200))


def network_png(series: pd.DataFrame) -> bytes:
    return _png(charts.network_size(series))
