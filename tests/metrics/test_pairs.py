"""Property tests: ``pairs_within_groups`` against networkx on random groups.

The expected pairs are networkx's: each group is a complete graph on its members
(``nx.complete_graph``), added to one ``nx.MultiGraph`` so a pair met in two groups is two edges,
each dated by the later of its two members' dates.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.metrics.pairs import pairs_within_groups

BASE = np.datetime64("2024-01-01", "ns")
DAY = np.timedelta64(1, "D")


@st.composite
def groups(draw):
    """Rows (group label, member code, member's day): distinct members within a group, groups in
    any order, labels and codes with gaps, single-member groups and no rows at all."""
    labels = draw(st.lists(st.integers(-5, 40), unique=True, max_size=8))
    rows = []
    for label in labels:
        members = draw(st.lists(st.integers(0, 30), unique=True, min_size=1, max_size=7))
        rows += [(label, code, draw(st.integers(0, 20))) for code in members]
    return draw(st.permutations(rows))


def _expected(rows: list[tuple[int, int, int]]) -> Counter:
    graph = nx.MultiGraph()
    for label in {group for group, _, _ in rows}:
        day = {code: offset for group, code, offset in rows if group == label}
        for a, b in nx.complete_graph(sorted(day)).edges():
            graph.add_edge(a, b, date=BASE + max(day[a], day[b]) * DAY)
    return Counter((min(a, b), max(a, b), date) for a, b, date in graph.edges(data="date"))


@settings(max_examples=100, deadline=None)
@given(groups())
def test_pairs_within_groups_are_networkx_complete_graphs_dated_by_the_later_member(rows):
    frame = pairs_within_groups(
        np.array([group for group, _, _ in rows], dtype=np.int64),
        np.array([code for _, code, _ in rows], dtype=np.int64),
        np.array([BASE + offset * DAY for _, _, offset in rows], dtype="datetime64[ns]"),
    )
    assert list(frame.columns) == ["a", "b", "date"]
    assert (frame["a"] < frame["b"]).all()  # a < b by code, every pair once per group
    got = Counter(zip(frame["a"], frame["b"], frame["date"].to_numpy(), strict=True))
    assert got == _expected(rows)
