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

from dashboard.metrics import bitsets
from dashboard.metrics.two_step import compact
from dashboard.metrics.weaving import by_wedges, closes_before

CREDIT_COLUMNS = ["weaver", "a", "b", "first_seen"]
LISTED_AT_ONCE = 2_000_000  # neighbours listed at a time: about 50 MB of arrays


def _credited(
    edges: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    closed: np.ndarray | None,
    count_only: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Per credit, the link (a row of ``edges``) and the weaver (a code) — or, with
    ``count_only``, no links and each weaver once. Large sparse networks by key lookups, the
    others with bit matrices (the same choice as ``weaving``'s)."""
    none = np.zeros(0, dtype=np.int64)
    if edges.empty:
        return none, none
    a, b, nodes = compact(edges)
    if by_wedges(a, b, len(nodes)):
        link, weaver = _credited_by_lookup(edges, start, end, closed)
        return (none, np.unique(weaver)) if count_only else (link, weaver)
    link, weaver = _credited_by_bits(edges, (a, b, len(nodes)), start, end, count_only)
    return link, nodes[weaver]


def _credited_by_bits(
    edges: pd.DataFrame,
    compacted: tuple[np.ndarray, np.ndarray, int],
    start: pd.Timestamp,
    end: pd.Timestamp,
    count_only: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Day by day over the links first seen from ``start`` to ``end``, against a bit matrix of
    the links first seen before that day: the AND of a link's two rows is its two people's
    common earlier neighbours — its weavers (none: it closed no triangle). Each day's links are
    added after it. ``compacted``: the links renumbered over the linked people (a, b, m)."""
    a, b, m = compacted
    days = edges["first_seen"].to_numpy().astype("datetime64[D]").astype(np.int64)
    first = np.datetime64(pd.Timestamp(start).date(), "D").astype(np.int64)
    last = np.datetime64(pd.Timestamp(end).date(), "D").astype(np.int64)
    old = days < first
    bits = bitsets.from_links(m, a[old], b[old])
    rows = bitsets.words(bits)
    late = np.flatnonzero(~old & (days <= last))
    late = late[np.argsort(days[late], kind="stable")]
    seen = np.zeros(rows.shape[1], dtype=np.uint64)
    links, weavers = [], []
    on = days[late]
    starts = np.flatnonzero(np.r_[True, on[1:] != on[:-1]]) if len(late) else late
    ends = [*starts[1:].tolist(), len(late)] if len(starts) else []
    for lo, hi in zip(starts.tolist(), ends, strict=True):
        today = late[lo:hi]
        for part in range(0, len(today), bitsets.CHUNK):
            chunk = today[part : part + bitsets.CHUNK]
            common = rows[a[chunk]] & rows[b[chunk]]
            if count_only:
                seen |= np.bitwise_or.reduce(common, axis=0)
            else:
                row, w = bitsets.positions(common, chunk)
                links.append(row)
                weavers.append(w)
        bitsets.set_pairs(bits, np.r_[a[today], b[today]], np.r_[b[today], a[today]])
    if count_only:
        found = np.unpackbits(seen.view(np.uint8), bitorder="little")[:m]
        return np.zeros(0, dtype=np.int64), np.flatnonzero(found)
    if not links:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(links).astype(np.int64), np.concatenate(weavers).astype(np.int64)


def _credited_by_lookup(
    edges: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, closed: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """Per credit, the link (a row of ``edges``) and the weaver (a code). For each closing link
    the earlier neighbours w of its person with fewer links are listed (from a sparse matrix of
    first days), and each (other person, w) is looked up among all links by its integer key:
    linked, and before that day, makes w a weaver of it."""
    none = np.zeros(0, dtype=np.int64)
    if edges.empty:
        return none, none
    seen = edges["first_seen"]
    if closed is None:
        closed = closes_before(edges, start)
    when = seen.to_numpy().astype("datetime64[ns]")
    low, high = np.datetime64(pd.Timestamp(start), "ns"), np.datetime64(pd.Timestamp(end), "ns")
    closed = closed & (when >= low) & (when <= high)
    which = np.flatnonzero(closed)
    if len(which) == 0:
        return none, none
    a, b = edges["a"].to_numpy().astype(np.int64), edges["b"].to_numpy().astype(np.int64)
    days = when.astype("datetime64[D]").astype(np.int64)
    size = int(max(a.max(), b.max())) + 1
    base = int(days.min()) - 1  # days stored from 1: a sparse matrix keeps no explicit 0
    graph = sparse.csr_matrix(
        (np.r_[days, days] - base, (np.r_[a, b], np.r_[b, a])), shape=(size, size)
    )
    degree = np.diff(graph.indptr)
    swap = degree[a[which]] > degree[b[which]]
    near = np.where(swap, b[which], a[which])  # the one with fewer links: fewer to list
    far = np.where(swap, a[which], b[which])
    keys = np.minimum(a, b) * size + np.maximum(a, b)
    order = np.argsort(keys)
    lookup = (keys[order], days[order] - base)
    mine = days[which] - base
    # a bounded number of neighbours listed at a time (a dense network's links have thousands)
    listed = np.cumsum(degree[near])
    cuts = np.searchsorted(listed, np.arange(1, listed[-1] // LISTED_AT_ONCE + 1) * LISTED_AT_ONCE)
    links, weavers = [], []
    for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(which)], strict=True):
        if hi > lo:
            row, w = _common(graph, near[lo:hi], far[lo:hi], mine[lo:hi], lookup, size)
            links.append(which[lo:hi][row])
            weavers.append(w)
    return np.concatenate(links), np.concatenate(weavers)


def _common(
    graph: sparse.csr_matrix,
    near: np.ndarray,
    far: np.ndarray,
    mine: np.ndarray,
    lookup: tuple[np.ndarray, np.ndarray],
    size: int,
) -> tuple[np.ndarray, np.ndarray]:
    """For links near[i]–far[i] first seen on day mine[i] (as stored in ``graph``): each
    neighbour w of near[i] linked to them before that day and to far[i] too (``lookup``: all
    links' keys, sorted, and their days), as (i, w)."""
    counts = np.diff(graph.indptr)[near]
    starts = graph.indptr[near]
    row = np.repeat(np.arange(len(near)), counts)
    at = np.arange(int(counts.sum())) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
    early = graph.data[at] < mine[row]
    row, w = row[early], graph.indices[at[early]].astype(np.int64)
    keys, days = lookup
    wanted = np.minimum(far[row], w) * size + np.maximum(far[row], w)
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    linked = (keys[found] == wanted) & (days[found] < mine[row])
    return row[linked], w[linked]


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


def credited(
    edges: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, closed: np.ndarray | None = None
) -> np.ndarray:
    """The weaver (a code) of each credit from ``start`` to ``end``, as ``credits`` lists them
    but in no set order: what counting credits per weaver needs, without building and sorting
    the credits' table (the impact report counts them for every collaboration)."""
    return _credited(edges, start, end, closed)[1]


def weaver_count(
    edges: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, closed: np.ndarray | None = None
) -> int:
    """Distinct people credited with an introduction from ``start`` to ``end``."""
    return len(_credited(edges, start, end, closed, count_only=True)[1])
