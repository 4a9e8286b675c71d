"""The collaborations side by side: one row of headline figures each, and their monthly series.

The Overview's and Regions' tables and small multiples (docs/METRICS.md's figures, computed on
each collaboration's records only, as ``summary``'s ``by_collaboration``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities
from dashboard.metrics.headline import by_collaboration
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import grouped, scope
from dashboard.metrics.series import series_by_group, series_months, series_of, since_month
from dashboard.metrics.shape_series import shape_of
from dashboard.metrics.timeline import over_time_of

SPARK_MONTHS = 12  # the sparkline of wins per month shows the last year


def period_series(dataset: Dataset, as_of: pd.Timestamp, start: pd.Timestamp) -> pd.DataFrame:
    """The monthly series with the "over time" figures and the network's shape beside it, from
    ``start``'s month. The edge table is built once for all three."""
    s = scope(dataset, as_of)
    events = activities(s)
    months = series_months(s, events)
    edges = edge_table(s)
    series = series_of(s, events, months, edges)
    over = over_time_of(s, series["month"], edges)
    shape = shape_of(s, events, months, edges)
    return since_month(series.merge(over, on="month").merge(shape, on="month"), start)


def collaboration_rows(dataset: Dataset, as_of: pd.Timestamp, start: pd.Timestamp) -> pd.DataFrame:
    """One row per collaboration: its headline figures and its wins per month since ``start``
    (the Overview's and Regions' table) — every collaboration in one pass."""
    by = by_collaboration(dataset, as_of)
    series = _series_by_collaboration(dataset, as_of, start)
    months = spark_months(as_of, start)
    rows = []
    for name, figures in by.items():
        wins = series.get(name, _NO_SERIES).set_index("month")["wins"]
        recent = wins.reindex(months, fill_value=0).astype(int).tolist()
        rows.append(
            {
                "Collaboration": name,
                "Wins": figures["wins"],
                "Wins, last 30 days": figures["wins_last_30"],
                "Follow-through": figures["follow_through"],
                "Active people (30 days)": figures["active_last_30"],
                "Network (people)": figures["network_nodes"],
                "Stalled projects": figures["stalled_projects"],
                "Wins per month": recent,
            }
        )
    return pd.DataFrame(rows)


def region_series(dataset: Dataset, as_of: pd.Timestamp, start: pd.Timestamp) -> pd.DataFrame:
    """Each listed collaboration's monthly series since ``start``, stacked with its name."""
    parts = [
        part.assign(collaboration=name)
        for name, part in _series_by_collaboration(dataset, as_of, start).items()
    ]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


_NO_SERIES = pd.DataFrame(
    {"month": pd.Series(dtype="datetime64[ns]"), "wins": pd.Series(dtype="int64")}
)


def spark_months(as_of: pd.Timestamp, start: pd.Timestamp) -> pd.DatetimeIndex:
    """The months every sparkline spans: the period's last ``SPARK_MONTHS`` (all of a shorter
    period's), one axis for every collaboration — one whose first record is recent has no wins
    in the months before it, not a shorter line that looks like the others'."""
    last = pd.Timestamp(as_of).to_period("M")
    first = max(pd.Timestamp(start).to_period("M"), last - (SPARK_MONTHS - 1))
    return pd.period_range(first, last, freq="M").to_timestamp()


def _series_by_collaboration(
    dataset: Dataset, as_of: pd.Timestamp, start: pd.Timestamp
) -> dict[str, pd.DataFrame]:
    """The monthly series of each collaboration of the Collaborations table since ``start``'s
    month, by name (in the table's order), from one pass over every collaboration's records."""
    names = dataset.collaborations["collaboration"].tolist()
    if not names:
        return {}
    s = grouped(dataset, as_of, names)
    stacked = since_month(series_by_group(s, activities(s)), start)
    parts = dict(iter(stacked.groupby("group", sort=True)))
    empty = stacked.iloc[:0].drop(columns="group")
    return {
        name: parts[i].drop(columns="group").reset_index(drop=True) if i in parts else empty
        for i, name in enumerate(names)
    }
