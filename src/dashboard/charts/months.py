"""What every monthly chart shares: the month axis over the period, whole-number count axes,
the month in tooltips, legends that are never cut, and the long frame (one row per month and
measure) that series are drawn from.

Every monthly chart of a page is given the page's period and spans exactly its months, whatever
months its own data holds, so two charts one above the other line up month for month. A period
shorter than ``MIN_MONTHS`` is drawn on ``MIN_MONTHS`` months (the months after it stay empty),
so a single month is a bar, not a block filling the width.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from typing import Any, Literal

import altair as alt
import pandas as pd

Period = tuple[dt.date, dt.date]
MIN_MONTHS = 3
MONTH_TIP = alt.Tooltip("yearmonth(month):T", title="Month")
SHORT_LABEL = 12  # legend labels up to this long go two a line; longer ones, one a line
WRAP = 22  # a longer legend label is written on several lines


def _month_start(day: dt.date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).to_period("M").to_timestamp()


def month_domain(period: Period) -> list[alt.DateTime]:
    """The period's first month's first day to its last month's last minute (at least
    ``MIN_MONTHS`` months): the month after it gets no tick of its own."""
    first = _month_start(period[0])
    after = max(
        _month_start(period[1]) + pd.DateOffset(months=1), first + pd.DateOffset(months=MIN_MONTHS)
    )
    last = after - pd.Timedelta(minutes=1)
    return [
        alt.DateTime(year=first.year, month=first.month, date=1),
        alt.DateTime(year=last.year, month=last.month, date=last.day, hours=23, minutes=59),
    ]


def month_x(period: Period | None, centred: bool = False) -> alt.X:
    """The month axis over ``period`` (the data's months when None). ``centred`` puts a line's
    points in the middle of their month, over the month's bar."""
    scale = alt.Scale(domain=month_domain(period)) if period else alt.Undefined
    return alt.X(
        "yearmonth(month):T",
        title=None,
        scale=scale,
        bandPosition=0.5 if centred else alt.Undefined,
        axis=alt.Axis(labelOverlap=True),
    )


def count_y(field: str, title: str | None, **options: Any) -> alt.Y:
    """A count axis: whole-number ticks only (no 0.2 "wins")."""
    return alt.Y(field, title=title, axis=alt.Axis(tickMinStep=1, format="d"), **options)


def legend(
    labels: pd.Series | list[str],
    title: str | None = None,
    wide: bool = False,
    orient: Literal["bottom", "top", "left", "right"] = "bottom",
) -> alt.Legend:
    """A legend below the chart (or ``orient``) whose labels are never shortened: in two
    columns when every label is short (four when ``wide``: the whole page), else one a line
    (two), and a label longer than ``WRAP`` characters written on several lines, so that it
    fits half a 1024 px page."""
    names = [str(label) for label in pd.unique(pd.Series(list(labels), dtype=object))]
    longest = max((len(name) for name in names), default=0)
    columns = (1 if longest > SHORT_LABEL else 2) * (2 if wide else 1)
    lines = {name: textwrap.wrap(name, WRAP) for name in names if len(name) > WRAP}
    expression = f"{json.dumps(lines)}[datum.label] || datum.label" if lines else alt.Undefined
    return alt.Legend(
        title=title, orient=orient, labelLimit=0, columns=columns, labelExpr=expression
    )


def by_month(series: pd.DataFrame, labels: dict[str, str], value: str = "n") -> pd.DataFrame:
    """``series``' columns named in ``labels`` as rows: month, what (the label), ``value``."""
    long = series.melt(id_vars="month", value_vars=list(labels), var_name="what", value_name=value)
    long["what"] = long["what"].map(labels)
    return long
