"""The network's shape month by month (docs/METRICS.md, "Time series"): new links and the
triangles they closed within each month, and at each month's end the adjacent possible and the
degree centralization — all in one pass over the edges sorted by first date (``weaving``), not
one computation per month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, first_activity
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import Scope, scope
from dashboard.metrics.series import series_months
from dashboard.metrics.shape import centralization
from dashboard.metrics.standing import stage_series
from dashboard.metrics.timeline import month_ends
from dashboard.metrics.weaving import weave

SHAPE_COLUMNS = [
    "month",
    "new_links",
    "triangles_closed",
    "adjacent_possible",
    "degree_centralization",
    "network_stage",
]


def shape_series(
    dataset: Dataset, as_of: pd.Timestamp, collaboration: str | None = None
) -> pd.DataFrame:
    """One row per month of ``monthly_series``: the four figures above."""
    s = scope(dataset, as_of, collaboration)
    events = activities(s)
    return shape_of(s, events, series_months(s, events), edge_table(s))


def shape_of(
    s: Scope, events: pd.DataFrame, months: pd.DatetimeIndex, edges: pd.DataFrame
) -> pd.DataFrame:
    """The shape series of a scope, from its activities and edge table."""
    out = pd.DataFrame({"month": pd.DatetimeIndex(months)})
    if out.empty:
        return out.reindex(columns=SHAPE_COLUMNS)
    starts = out["month"].to_numpy().astype("datetime64[D]")
    slot = (
        np.searchsorted(
            starts, edges["first_seen"].to_numpy().astype("datetime64[D]"), side="right"
        )
        - 1
    )
    woven = weave(edges, starts)
    count = len(months)
    out["new_links"] = np.bincount(slot, minlength=count)
    out["triangles_closed"] = np.bincount(slot[woven.closed], minlength=count)
    out["adjacent_possible"] = woven.adjacent_possible
    out["degree_centralization"] = _centralization(s, events, edges, slot, months)
    out["network_stage"] = stage_series(edges, month_ends(pd.Series(months), s.as_of))
    return out


def _centralization(
    s: Scope, events: pd.DataFrame, edges: pd.DataFrame, slot: np.ndarray, months: pd.Series
) -> list:
    """Degree centralization at each month's end: people with an activity by then as nodes, the
    busiest one's links from a person × month grid of new links, summed over the months."""
    ends = month_ends(pd.Series(months), s.as_of)
    nodes = np.searchsorted(np.sort(first_activity(events).to_numpy()), ends, side="right")
    count = len(months)
    links = np.cumsum(np.bincount(slot, minlength=count))
    ends_of = np.concatenate([edges["a"].to_numpy(), edges["b"].to_numpy()])
    cells = ends_of.astype(np.int64) * count + np.concatenate([slot, slot])
    grid = np.bincount(cells, minlength=len(s.people) * count).reshape(-1, count)
    busiest = grid.cumsum(axis=1).max(axis=0) if len(grid) else np.zeros(count, dtype=np.int64)
    month_ends_of = zip(nodes, links, busiest, strict=True)
    return [centralization(int(n), int(e), int(d)) for n, e, d in month_ends_of]
