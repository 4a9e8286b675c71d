"""What every monthly chart shares: the month axis, the month in tooltips, and the long frame
(one row per month and measure) that series are drawn from."""

from __future__ import annotations

import altair as alt
import pandas as pd

MONTH = alt.X("yearmonth(month):T", title=None)
MONTH_TIP = alt.Tooltip("yearmonth(month):T", title="Month")


def by_month(series: pd.DataFrame, labels: dict[str, str], value: str = "n") -> pd.DataFrame:
    """``series``' columns named in ``labels`` as rows: month, what (the label), ``value``."""
    long = series.melt(id_vars="month", value_vars=list(labels), var_name="what", value_name=value)
    long["what"] = long["what"].map(labels)
    return long
