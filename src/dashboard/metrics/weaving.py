"""Is the network weaving? Triangles closed and the adjacent possible over time
(docs/METRICS.md, ``triangles_closed_last_30``, ``adjacent_possible``, "Time series").

A link *closes a triangle* when its two people, before the day of its first shared event, already
had a neighbour in common — a person linked to each of them by links first seen earlier than that
day: an introduction that happened. Links that start on the same day do not close one another.

Large sparse networks are counted from their wedges (``wedges.py``). Otherwise — up to a few
thousand people the bit matrices are small whatever the links, and a dense network has too many
wedges — the work is incremental, month by month. Two bit matrices are kept over the people
with a link (``bitsets``): N, who is linked to whom, and R, which unlinked pairs already share a
neighbour (reached in two steps). When a month's links are added, a person's new two-step pairs
come either from the rows of their new neighbours (R[u] |= N[w] for each new link u–w), or, once
most pairs are reached, from testing only the pairs still unreached; each person takes the
cheaper way, so a dense network costs about as much as a sparse one. R is made symmetric at each
month's end (a bit transpose), and the adjacent possible is then a count of bits. A link of the
month closes a triangle when R had its pair at the month's start, or else when its two rows of N,
as they stood the day before, meet.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.metrics import bitsets
from dashboard.metrics.reach import Reach
from dashboard.metrics.two_step import compact
from dashboard.metrics.wedges import closed_and_reach, wedge_count

# Up to this many linked people the bit matrices take at most 2 MB each: always the way.
BITS_UP_TO = 4096
# Above this many wedges (pairs of links meeting at a person) the bit matrices are faster and
# use less memory than listing the wedges (24 bytes each).
WEDGES_MAX = 4_000_000


def by_wedges(a: np.ndarray, b: np.ndarray, m: int) -> bool:
    """Whether to count from the wedges rather than with bit matrices."""
    return m > BITS_UP_TO and wedge_count(a, b, m) <= WEDGES_MAX


def _days(first_seen: pd.Series) -> np.ndarray:
    return first_seen.to_numpy().astype("datetime64[D]").astype(np.int64)


def closes_before(edges: pd.DataFrame, start: pd.Timestamp) -> np.ndarray:
    """For each edge first seen on or after ``start``, whether it closed a triangle (the others:
    False). Only the links from ``start`` on are tested, day by day, against the graph as it
    stood the day before: the headline's 30 days cost a few hundred thousand row tests."""
    closed = np.zeros(len(edges), dtype=bool)
    if edges.empty:
        return closed
    a, b, _ = compact(edges)
    days = _days(edges["first_seen"])
    m = int(max(a.max(), b.max())) + 1
    first = days >= np.datetime64(pd.Timestamp(start).date(), "D").astype(np.int64)
    if by_wedges(a, b, m):
        return closed_and_reach(a, b, days, m, np.zeros(0, dtype=np.int64))[0] & first
    old = np.flatnonzero(~first)
    bits = bitsets.from_links(m, a[old], b[old])
    late = np.flatnonzero(first)
    late = late[bitsets.stable_order(days[late] - days[late].min())] if len(late) else late
    closed[late] = _day_by_day(bits, a[late], b[late], days[late], np.ones(len(late), bool))
    return closed


def _day_by_day(
    bits: np.ndarray, a: np.ndarray, b: np.ndarray, days: np.ndarray, test: np.ndarray
) -> np.ndarray:
    """Links sorted by day: for those in ``test``, whether their rows of ``bits`` met the day
    before; each day's links are then added to ``bits``."""
    closed = np.zeros(len(a), dtype=bool)
    if len(a) == 0:
        return closed
    starts = np.flatnonzero(np.r_[True, days[1:] != days[:-1]])
    ends = np.r_[starts[1:], len(days)]
    tested = np.flatnonzero(test)
    low, high = (
        np.asarray(np.searchsorted(tested, starts)),
        np.asarray(np.searchsorted(tested, ends)),
    )
    for start, end, first, last in zip(starts, ends, low, high, strict=True):
        if last > first:
            which = tested[first:last]
            closed[which] = bitsets.rows_meet(bits, a[which], b[which])
        u, v = a[start:end], b[start:end]
        bitsets.set_pairs(bits, np.r_[u, v], np.r_[v, u])
    return closed


@dataclass(frozen=True)
class Weaving:
    """Per edge (in the input's order): whether it closed a triangle; per period: the adjacent
    possible at its end."""

    closed: np.ndarray
    adjacent_possible: np.ndarray


def weave(edges: pd.DataFrame, starts: np.ndarray) -> Weaving:
    """Triangles closed by every edge, and the adjacent possible at the end of each period that
    begins at ``starts`` (sorted ``datetime64[D]``; the last period runs to the last edge).
    Edges before the first start count in the first period."""
    periods = len(starts)
    if edges.empty:
        return Weaving(np.zeros(0, dtype=bool), np.zeros(periods, dtype=np.int64))
    a, b, _ = compact(edges)
    days = _days(edges["first_seen"])
    m = int(max(a.max(), b.max())) + 1
    if by_wedges(a, b, m):
        day_starts = starts.astype("datetime64[D]").astype(np.int64)
        ends = np.r_[day_starts[1:] - 1, max(days.max(), day_starts[-1])]
        return Weaving(*closed_and_reach(a, b, days, m, ends))
    order = bitsets.stable_order(days - days.min())
    a, b, days = a[order], b[order], days[order]
    cuts = np.searchsorted(days, starts.astype("datetime64[D]").astype(np.int64), side="left")
    cuts = np.r_[0, cuts[1:], len(days)]
    state = _State(m)
    closed = np.zeros(len(a), dtype=bool)
    reach = np.zeros(periods, dtype=np.int64)
    for k in range(periods):
        lo, hi = cuts[k], cuts[k + 1]
        closed[lo:hi] = state.add_period(a[lo:hi], b[lo:hi], days[lo:hi])
        reach[k] = state.adjacent_possible()
    out = np.empty_like(closed)
    out[order] = closed
    return Weaving(out, reach)


class _State(Reach):
    """N and R (symmetric between periods) over m people, one period at a time."""

    def add_period(self, a: np.ndarray, b: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Add one period's links (sorted by day); whether each closed a triangle."""
        if len(a) == 0:
            return np.zeros(0, dtype=bool)
        closed = bitsets.get_pairs(self.reach, a, b)
        closed |= _day_by_day(self.links, a, b, days, ~closed)
        self.linked[a] = True
        self.linked[b] = True
        self.reach_further(np.r_[a, b], np.r_[b, a])
        self.reach |= bitsets.transposed(self.reach)
        return closed
