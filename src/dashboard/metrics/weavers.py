"""Who weaves the network: credit for the introductions that happened (docs/METRICS.md,
``weavers_last_30``, "Weavers").

A link that closes a triangle is an introduction that happened; the person the two already
shared — linked to each of them by a link first seen before that link's day — is, most often, who
made it (Holley's network weavers: the people to thank, and to ask again). Each such common
neighbour gets one credit per introduction. Common neighbours are found by intersecting the two
people's earlier neighbours as integer keys (link number × people + neighbour), with numpy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from dashboard.metrics.weaving import closes_before

CREDIT_COLUMNS = ["weaver", "a", "b", "first_seen"]


def _earlier_neighbours(
    graph: sparse.csr_matrix, people: np.ndarray, days: np.ndarray
) -> sparse.csr_matrix:
    """One row per person asked: their neighbours linked to them before that row's day
    (``days``, as stored in ``graph``, whose data is each link's day). Rows come out with their
    columns sorted, so no sort is needed to build the matrix."""
    starts, stops = graph.indptr[people], graph.indptr[people + 1]
    counts = stops - starts
    rows = np.repeat(np.arange(len(people)), counts)
    at = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
    kept = graph.data[at] < days[rows]
    indptr = np.r_[0, np.cumsum(np.bincount(rows[kept], minlength=len(people)))]
    ones = np.ones(int(kept.sum()), dtype=np.int8)
    return sparse.csr_matrix(
        (ones, graph.indices[at[kept]], indptr), shape=(len(people), graph.shape[1])
    )


def _credited(
    edges: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, closed: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """Per credit, the link (a row of ``edges``) and the weaver (a code)."""
    if edges.empty:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    seen = edges["first_seen"]
    if closed is None:
        closed = closes_before(edges, start)
    closed = closed & (seen >= start).to_numpy() & (seen <= end).to_numpy()
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    days = seen.to_numpy().astype("datetime64[D]").astype(np.int64)
    size = int(max(a.max(), b.max())) + 1
    base = int(days.min()) - 1  # days stored from 1: a sparse matrix keeps no explicit 0
    graph = sparse.csr_matrix(
        (np.r_[days, days] - base, (np.r_[a, b], np.r_[b, a])), shape=(size, size)
    )
    graph.sort_indices()
    which = np.flatnonzero(closed)
    mine = days[which] - base
    both = (
        _earlier_neighbours(graph, a[which], mine)
        .multiply(_earlier_neighbours(graph, b[which], mine))
        .tocoo()
    )
    return which[both.row], both.col.astype(np.int64)


def credits(
    edges: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    closed: np.ndarray | None = None,
) -> pd.DataFrame:
    """One row per credit for the links first seen from ``start`` to ``end`` that closed a
    triangle: the weaver and the pair introduced (codes, as in ``edges``) and the link's first
    day, in the order of those days. ``edges``: one graph's links (``edge_table``: a, b,
    first_seen); ``closed``: which of them closed a triangle, when the caller knows
    (``weaving.closes_before`` from ``start``)."""
    link, weaver = _credited(edges, start, end, closed)
    return pd.DataFrame(
        {
            "weaver": weaver,
            "a": edges["a"].to_numpy()[link],
            "b": edges["b"].to_numpy()[link],
            "first_seen": edges["first_seen"].to_numpy()[link],
        },
        columns=CREDIT_COLUMNS,
    ).sort_values(["first_seen", "a", "b", "weaver"], ignore_index=True)


def weaver_count(
    edges: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, closed: np.ndarray | None = None
) -> int:
    """Distinct people credited with an introduction from ``start`` to ``end``."""
    weaver = _credited(edges, start, end, closed)[1]
    return int(np.count_nonzero(np.bincount(weaver))) if len(weaver) else 0
