"""Property tests: the adjacent possible and the best unlinked pairs (``two_step``) against
networkx on random graphs, by both ways of counting.

``two_step`` counts paths of two steps with a sparse matrix product, or — on a dense network — a
float32 product by blocks of rows. Which one is chosen by ``DENSE_FROM`` (share of possible links)
and ``DENSE_MAX_NODES``; each test runs both (``branches.counting``): the sparse one with
``DENSE_MAX_NODES = 0``, the dense one with ``DENSE_FROM < 0`` and blocks of 2 rows (so a graph
spans several blocks), and the way not meant to run is made to fail if called. Expected values
are networkx's: ``nx.non_edges`` and ``nx.common_neighbors`` of the graph of the linked people.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.metrics.two_step import best_unlinked, count_unlinked_with_shared
from tests.metrics.branches import WAYS, counting


@st.composite
def graphs(draw, max_people=14):
    """Distinct pairs (a < b) of person codes; codes have gaps (people without a link)."""
    codes = draw(st.lists(st.integers(0, 40), unique=True, min_size=2, max_size=max_people))
    pairs = [(min(p), max(p)) for p in combinations(codes, 2)]
    return draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))


def _frame(pairs: list[tuple[int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {"a": [a for a, _ in pairs], "b": [b for _, b in pairs], "weight": 1},
        dtype="int64",
    )


def _candidates(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """networkx: every unlinked pair of linked people → its number of common neighbours (> 0)."""
    g = nx.Graph(pairs)
    found = {}
    for u, v in nx.non_edges(g):
        shared = len(list(nx.common_neighbors(g, u, v)))
        if shared:
            found[(min(u, v), max(u, v))] = shared
    return found


def _bonus(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """An arbitrary bonus of the pair, in halves, so scores tie and differ from shared counts."""
    return ((i * 7 + j * 3) % 4) * 0.5


@settings(max_examples=80, deadline=None)
@given(graphs())
def test_unlinked_pairs_with_a_shared_neighbour_are_networkxs(pairs):
    expected = len(_candidates(pairs))
    for way in WAYS:
        with counting(way):
            assert count_unlinked_with_shared(_frame(pairs)) == expected, way


@settings(max_examples=80, deadline=None)
@given(graphs(max_people=18), st.integers(1, 4))
def test_best_unlinked_pairs_hold_the_best_by_networkx(pairs, limit):
    # Every row is an unlinked pair with its networkx common-neighbour count and score; and every
    # pair scoring at least the limit-th best score is there (the list is cut below it).
    candidates = _candidates(pairs)
    scores = {
        pair: shared + float(_bonus(np.array(pair[0]), np.array(pair[1])))
        for pair, shared in candidates.items()
    }
    ranked = sorted(scores.values(), reverse=True)
    floor = ranked[limit - 1] if len(ranked) >= limit else -np.inf
    best = {pair for pair, score in scores.items() if score >= floor}
    for way in WAYS:
        with counting(way):
            got = best_unlinked(_frame(pairs), _bonus, limit)
        rows = list(zip(got["i"], got["j"], got["shared"], got["score"], strict=True))
        found = {(int(i), int(j)) for i, j, _, _ in rows}
        assert len(found) == len(rows), way  # each pair once
        for i, j, shared, score in rows:
            assert i < j and candidates[(i, j)] == shared and scores[(i, j)] == score, way
        assert best <= found, way
        assert len(rows) >= min(limit, len(candidates)), way


def test_no_links_no_pairs():
    empty = _frame([])
    for way in WAYS:
        with counting(way):
            assert count_unlinked_with_shared(empty) == 0
            assert best_unlinked(empty, _bonus, 5).empty
