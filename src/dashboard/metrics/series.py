"""Monthly time series for the charts (docs/METRICS.md, "Time series").

Months are calendar months, from the first dated record's month to ``as_of``'s month. Placement:
wins by date; commitments made by ``made``; done by their ``done`` date (done with no date is in
no month); missed by ``due`` (else ``made``). Network figures are those at each month's end (the
last month ends at ``as_of``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, first_activity
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import Scope, scope
from dashboard.metrics.timeline import month_ends

SIZES = {"small": "wins_small", "medium": "wins_medium", "large": "wins_large"}
SERIES_COLUMNS = [
    "month", "wins", "commitments_made", "commitments_done", "commitments_missed", "active",
    "new", "returning", "lapsed", "network_nodes", "network_edges", "network_density",
    *SIZES.values(), "wins_size_unknown",
]  # fmt: skip


def since_month(frame: pd.DataFrame, start) -> pd.DataFrame:  # noqa: ANN001
    """The rows of a monthly frame from ``start``'s month on (a period's charts)."""
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    return frame[frame["month"] >= first].reset_index(drop=True)


def _month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.to_timestamp()


def _per_month(dates: pd.Series, months: pd.DatetimeIndex) -> np.ndarray:
    return _month(dates.dropna()).value_counts().reindex(months, fill_value=0).to_numpy()


def series_months(s: Scope, events: pd.DataFrame) -> pd.DatetimeIndex:
    """The calendar months from the first dated record's to D's (none when nothing is dated)."""
    if events.empty and s.wins.empty:
        return pd.DatetimeIndex([], dtype="datetime64[ns]")
    start = (
        min(events["date"].min(), s.wins["date"].min())
        if not s.wins.empty
        else events["date"].min()
    )
    return pd.date_range(_month(pd.Series([start])).iloc[0], s.as_of, freq="MS")


def monthly_series(dataset: Dataset, as_of, collaboration: str | None = None) -> pd.DataFrame:  # noqa: ANN001
    s = scope(dataset, as_of, collaboration)
    events = activities(s)
    return series_of(s, events, series_months(s, events))


def series_of(
    s: Scope, events: pd.DataFrame, months: pd.DatetimeIndex, edges: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``monthly_series`` of a scope, from its activities (and its edge table, when the caller
    already has it)."""
    if len(months) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in SERIES_COLUMNS}).astype(
            {"month": "datetime64[ns]", "network_density": "float64"}
        )
    c = s.commitments
    done = c[(c["status"] == "done") & (c["done"] <= s.as_of)]["done"]
    missed = c[c["status"] == "missed"]
    out = pd.DataFrame({"month": months})
    out["wins"] = _per_month(s.wins["date"], months)
    out["commitments_made"] = _per_month(c["made"], months)
    out["commitments_done"] = _per_month(done, months)
    out["commitments_missed"] = _per_month(missed["due"].fillna(missed["made"]), months)
    for size, column in SIZES.items():
        out[column] = _per_month(s.wins.loc[s.wins["size"].isin([size]), "date"], months)
    unknown = ~s.wins["size"].isin(list(SIZES))
    out["wins_size_unknown"] = _per_month(s.wins.loc[unknown, "date"], months)
    out = out.join(_people_flows(events, months))
    edges = edge_table(s) if edges is None else edges
    out = out.join(_network_growth(s, events, months, edges))
    return out[SERIES_COLUMNS]


def _people_flows(events: pd.DataFrame, months: pd.DatetimeIndex) -> pd.DataFrame:
    """Active, new, returning and lapsed people per month."""
    seen = pd.DataFrame({"person": events["person"], "month": _month(events["date"])})
    seen = seen.drop_duplicates()
    active = seen.groupby("month").size().reindex(months, fill_value=0)
    firsts = _month(first_activity(events)).value_counts().reindex(months, fill_value=0)
    returning = active - firsts
    following = seen.assign(month=seen["month"] + pd.offsets.MonthBegin(1))
    stayed = following.merge(seen, on=["person", "month"]).groupby("month").size()
    previous = active.shift(1, fill_value=0)
    lapsed = previous - stayed.reindex(months, fill_value=0)
    return pd.DataFrame(
        {
            "active": active.to_numpy(),
            "new": firsts.to_numpy(),
            "returning": returning.to_numpy(),
            "lapsed": lapsed.to_numpy(),
        }
    )


def _network_growth(
    s: Scope, events: pd.DataFrame, months: pd.DatetimeIndex, edge_list: pd.DataFrame
) -> pd.DataFrame:
    ends = month_ends(months, s.as_of)
    first_seen = np.sort(first_activity(events).to_numpy())
    edges = np.sort(edge_list["first_seen"].to_numpy())
    nodes = np.searchsorted(first_seen, ends, side="right")
    links = np.searchsorted(edges, ends, side="right")
    pairs = nodes * (nodes - 1)
    density = np.where(pairs > 0, np.round(2 * links / np.where(pairs > 0, pairs, 1), 4), np.nan)
    return pd.DataFrame(
        {"network_nodes": nodes, "network_edges": links, "network_density": density}
    )
