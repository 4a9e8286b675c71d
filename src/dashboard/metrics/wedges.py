"""Triangles closed and the adjacent possible over time, for sparse networks: from wedges.

A wedge is two links that meet at one person (x–w–y). The pair x, y first shares a neighbour on
the day the later of the two links of its earliest wedge began: min over w of max(first(x, w),
first(y, w)). A link closes a triangle exactly when that day is earlier than its own first day,
and a pair counts in the adjacent possible from that day until the day it is linked. There are
Σ k(k−1)/2 wedges for people with k links each — few in the networks teams usually have, so this
is the way there; ``weaving`` takes the bit matrices when there are too many.
"""

from __future__ import annotations

import numpy as np

from dashboard.metrics.pairs import pairs_within_groups

NEVER = np.iinfo(np.int64).max


def wedge_count(a: np.ndarray, b: np.ndarray, m: int) -> int:
    degree = np.bincount(np.concatenate([a, b]), minlength=m).astype(np.int64)
    return int((degree * (degree - 1) // 2).sum())


def _key(i: np.ndarray, j: np.ndarray, m: int) -> np.ndarray:
    return np.minimum(i, j).astype(np.int64) * m + np.maximum(i, j)


def first_shared(a: np.ndarray, b: np.ndarray, days: np.ndarray, m: int) -> tuple:
    """Pairs (as keys low·m + high) that share a neighbour, each with the first day they did."""
    centre = np.concatenate([a, b])
    ends = np.concatenate([b, a])
    wedges = pairs_within_groups(centre, ends, np.concatenate([days, days]))
    if wedges.empty:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys = _key(wedges["a"].to_numpy(), wedges["b"].to_numpy(), m)
    when = wedges["date"].to_numpy()
    order = np.lexsort((when, keys))
    keys, when = keys[order], when[order]
    firsts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[firsts], when[firsts]


def closed_and_reach(
    a: np.ndarray, b: np.ndarray, days: np.ndarray, m: int, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per link whether it closed a triangle; per end day in ``ends`` (sorted, inclusive), the
    unlinked pairs sharing a neighbour then."""
    pairs, shared_from = first_shared(a, b, days, m)
    links = _key(a, b, m)
    at = np.searchsorted(pairs, links)
    found = at < len(pairs)
    found[found] = pairs[at[found]] == links[found]
    closed = np.zeros(len(a), dtype=bool)
    closed[found] = shared_from[at[found]] < days[found]
    linked_from = np.full(len(pairs), NEVER, dtype=np.int64)
    where = np.searchsorted(pairs, links[found])
    linked_from[where] = days[found]
    # a pair counts at each end e with shared_from ≤ e < linked_from
    starts = np.searchsorted(ends, shared_from, side="left")
    stops = np.maximum(np.searchsorted(ends, linked_from, side="left"), starts)
    slots = len(ends) + 1
    steps = np.bincount(starts, minlength=slots) - np.bincount(stops, minlength=slots)
    return closed, np.cumsum(steps)[: len(ends)].astype(np.int64)
