"""Who is two steps from whom, with bit matrices (``bitsets``): N, who is linked to whom, and R,
the pairs who share a neighbour (reached in two steps).

A person's row of R is found either from the rows of their neighbours (R[u] |= N[w] for each
link u–w) or, once most pairs are reached, by testing only the pairs still unreached; each person
takes the cheaper way, so a dense network costs about as much as a sparse one. ``weaving`` keeps
R month by month; the adjacent possible of one day is one call.
"""

from __future__ import annotations

import numpy as np

from dashboard.metrics import bitsets


class Reach:
    """N (links) and R (pairs sharing a neighbour) over ``m`` people; ``linked``: who has a
    link."""

    def __init__(self, m: int) -> None:
        self.links = bitsets.empty(m)
        self.reach = bitsets.empty(m)
        self.linked = np.zeros(self.links.shape[0], dtype=bool)

    def reach_further(self, rows: np.ndarray, partners: np.ndarray) -> None:
        """New two-step pairs of the people with a new link (``rows`` linked to ``partners``,
        both directions given; N already holds the links), each the cheaper way: OR in their
        new neighbours' rows, or test the pairs they have not reached yet."""
        size = len(self.linked)
        by_rows = np.bincount(rows, minlength=size)
        touched = np.flatnonzero(by_rows)
        everyone = np.packbits(self.linked, bitorder="little").view(np.uint64)
        unreached = everyone[None, :] & ~bitsets.words(self.reach)[touched]
        unreached &= ~bitsets.words(self.links)[touched]
        by_tests = np.bitwise_count(unreached).sum(axis=1, dtype=np.int64)
        testing = np.zeros(size, dtype=bool)
        testing[touched] = by_tests < by_rows[touched]
        merge = ~testing[rows]
        bitsets.or_rows(self.reach, rows[merge], self.links, partners[merge])
        chosen = testing[touched]
        if chosen.any():
            u, x = bitsets.positions(unreached[chosen], touched[chosen])
            u, x = u[u != x], x[u != x]
            met = bitsets.rows_meet(self.links, u, x)
            bitsets.set_pairs(self.reach, u[met], x[met])

    def unlinked_reached(self) -> np.ndarray:
        """Per person, the people they are not linked to but share a neighbour with (R outside
        N and the diagonal)."""
        unlinked = bitsets.words(self.reach) & ~bitsets.words(self.links)
        people = np.arange(len(self.linked))
        diagonal = bitsets.get_pairs(self.reach, people, people)
        return np.bitwise_count(unlinked).sum(axis=1, dtype=np.int64) - diagonal

    def adjacent_possible(self) -> int:
        """Unlinked pairs sharing a neighbour (R symmetric): half the bits of R outside N and the
        diagonal."""
        return int(self.unlinked_reached().sum()) // 2


def adjacent_possible(a: np.ndarray, b: np.ndarray, m: int) -> int:
    """Unlinked pairs with a neighbour in common, of the links a[i]–b[i] among ``m`` people."""
    state = Reach(m)
    state.links = bitsets.from_links(m, a, b)
    state.linked[a] = True
    state.linked[b] = True
    state.reach_further(np.r_[a, b], np.r_[b, a])
    return state.adjacent_possible()


def within_two(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray:
    """Per person 0…m−1, how many others are within two links of them (linked, or sharing a
    neighbour): a row of N or R, counted (docs/METRICS.md ``two_step_reach``). For networks of
    up to a few thousand people that are not dense: ``two_step.within_two_counts`` chooses."""
    if len(a) == 0:
        return np.zeros(m, dtype=np.int64)
    state = Reach(m)
    state.links = bitsets.from_links(m, a, b)
    state.linked[a] = True
    state.linked[b] = True
    state.reach_further(np.r_[a, b], np.r_[b, a])
    either = bitsets.words(state.reach) | bitsets.words(state.links)
    people = np.arange(len(state.linked))
    own = bitsets.get_pairs(state.reach, people, people) | bitsets.get_pairs(
        state.links, people, people
    )
    return (np.bitwise_count(either).sum(axis=1, dtype=np.int64) - own)[:m]
