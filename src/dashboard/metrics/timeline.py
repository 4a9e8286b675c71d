"""Figures at each month's end, for the "over time" charts: follow-through, top10_share and the
cross-organization share, each by its docs/METRICS.md definition with D = the month's last day.

Computed for all months at once (sorted dates and cumulative counts), not month by month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.concentration import top_count
from dashboard.metrics.network import differ, edge_table, key_codes
from dashboard.metrics.scope import Scope, scope


def month_ends(months: pd.Series, as_of: pd.Timestamp) -> np.ndarray:
    ends = pd.DatetimeIndex(months) + pd.offsets.MonthEnd(0)
    return ends.where(ends < as_of, as_of).to_numpy()


def _count_by(starts: pd.Series, ends: np.ndarray) -> np.ndarray:
    """How many of ``starts`` (NaT: never) are ≤ each end."""
    return np.searchsorted(np.sort(starts.dropna().to_numpy()), ends, side="right")


def follow_through_over_time(s: Scope, months: pd.Series) -> pd.DataFrame:
    """``follow_through`` as of each month's end (``None`` where nothing was due yet)."""
    ends = month_ends(months, s.as_of)
    c = s.commitments[s.commitments["status"] != "dropped"]
    due_from = c[["made", "due"]].max(axis=1, skipna=False)  # due ≤ e and made ≤ e
    kept = c["status"] == "done"
    kept_from = pd.concat([due_from, c["done"].fillna(due_from)], axis=1).max(axis=1, skipna=False)
    due = _count_by(due_from, ends)
    done = _count_by(kept_from[kept], ends)
    share = np.where(due > 0, np.round(done / np.maximum(due, 1), 4), np.nan)
    return pd.DataFrame({"month": months.to_numpy(), "follow_through": share})


def top10_over_time(s: Scope, months: pd.Series) -> pd.DataFrame:
    """``top10_share`` of commitments made by each month's end."""
    ends = month_ends(months, s.as_of)
    c = s.commitments
    if c.empty:
        return pd.DataFrame({"month": months.to_numpy(), "top10_share": np.nan})
    slot = np.searchsorted(ends, c["made"].to_numpy(), side="left")
    people, who = np.unique(c["person"].astype(str).to_numpy(), return_inverse=True)
    grid = np.zeros((len(people), len(ends)), dtype=np.int64)
    inside = slot < len(ends)
    np.add.at(grid, (who[inside], slot[inside]), 1)
    cumulative = np.sort(grid.cumsum(axis=1), axis=0)[::-1]  # each month: busiest first
    committing = (cumulative > 0).sum(axis=0)
    top = top_count(committing)
    ranks = np.arange(len(people))[:, None]
    held = np.where(ranks < top, cumulative, 0).sum(axis=0)
    total = cumulative.sum(axis=0)
    share = np.where(total > 0, np.round(held / np.maximum(total, 1), 4), np.nan)
    return pd.DataFrame({"month": months.to_numpy(), "top10_share": share})


def cross_org_over_time(
    s: Scope, months: pd.Series, edges: pd.DataFrame | None = None
) -> pd.DataFrame:
    ends = month_ends(months, s.as_of)
    edges = edge_table(s) if edges is None else edges
    codes = key_codes(s.people, "organization")
    crossing = differ(codes, edges["a"].to_numpy(), edges["b"].to_numpy())
    seen = edges["first_seen"].reset_index(drop=True)
    total = _count_by(seen, ends)
    across = _count_by(seen[crossing], ends)
    share = np.where(total > 0, np.round(across / np.maximum(total, 1), 4), np.nan)
    return pd.DataFrame({"month": months.to_numpy(), "cross_org_share": share})


def over_time(dataset: Dataset, as_of: pd.Timestamp, months: pd.Series) -> pd.DataFrame:
    """Follow-through, top10_share and cross-organization share at each month's end."""
    return over_time_of(scope(dataset, as_of), months)


def over_time_of(s: Scope, months: pd.Series, edges: pd.DataFrame | None = None) -> pd.DataFrame:
    """``over_time`` of a scope (with its edge table, when the caller already has it)."""
    frame = follow_through_over_time(s, months)
    frame["top10_share"] = top10_over_time(s, months)["top10_share"].to_numpy()
    crossing = cross_org_over_time(s, months, edges)
    frame["cross_org_share"] = crossing["cross_org_share"].to_numpy()
    return frame
