"""Property tests: the network's shape against networkx on random dated graphs.

Degree centralization is checked against ``nx.degree``; a link closes a triangle when, in the
graph as it stood the day before its first day, its two people had a common neighbour
(``nx.common_neighbors``); the adjacent possible at a month's end is the unlinked pairs of that
month's graph with a common neighbour. Both ways of counting (wedges, bit matrices) are run.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from unittest import mock

import networkx as nx
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.metrics import headline
from dashboard.metrics import weaving as weaving_module
from dashboard.metrics.shape_series import shape_series
from dashboard.metrics.weaving import closes_before, weave
from tests.metrics.book import D, book, commitment, win

START = pd.Timestamp("2024-03-01")


@st.composite
def dated_graphs(draw, max_people=12, max_days=120):
    people = draw(st.integers(2, max_people))
    pairs = list(combinations(range(people), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    days = draw(st.lists(st.integers(0, max_days), min_size=len(chosen), max_size=len(chosen)))
    return people, chosen, days


def _graph_before(edges: list, day: pd.Timestamp) -> nx.Graph:
    g = nx.Graph()
    g.add_edges_from((a, b) for a, b, first in edges if first < day)
    return g


def _closes(edges: list, a: int, b: int, day: pd.Timestamp) -> bool:
    g = _graph_before(edges, day)
    return a in g and b in g and any(True for _ in nx.common_neighbors(g, a, b))


def _adjacent(edges: list, end: pd.Timestamp) -> int:
    g = _graph_before(edges, end + pd.Timedelta(days=1))
    return sum(
        1
        for u, v in combinations(g.nodes, 2)
        if not g.has_edge(u, v) and any(True for _ in nx.common_neighbors(g, u, v))
    )


@settings(max_examples=120, deadline=None)
@given(dated_graphs())
def test_triangles_and_adjacent_possible_match_networkx(graph):
    people, pairs, days = graph
    firsts = [START + pd.Timedelta(days=d) for d in days]
    frame = pd.DataFrame(
        {
            "a": [a for a, _ in pairs],
            "b": [b for _, b in pairs],
            "weight": 1,
            "first_seen": pd.to_datetime(firsts),
        }
    )
    edges = [(a, b, first) for (a, b), first in zip(pairs, firsts, strict=True)]
    expected = [_closes(edges, a, b, first) for a, b, first in edges]
    months = pd.date_range(START, periods=5, freq="MS")
    ends = [*(m - pd.Timedelta(days=1) for m in months[1:]), START + pd.Timedelta(days=200)]
    cut = START + pd.Timedelta(days=40)
    for bits_up_to, limit in ((0, weaving_module.WEDGES_MAX), (weaving_module.BITS_UP_TO, -1)):
        with (
            mock.patch.object(weaving_module, "BITS_UP_TO", bits_up_to),
            mock.patch.object(weaving_module, "WEDGES_MAX", limit),
        ):
            woven = weave(frame, months.to_numpy().astype("datetime64[D]"))
            assert list(woven.closed) == expected
            assert list(woven.adjacent_possible) == [_adjacent(edges, end) for end in ends]
            late = [first >= cut for first in firsts]
            got = closes_before(frame, cut)
            assert list(got) == [c and w for c, w in zip(expected, late, strict=True)]


@st.composite
def workbooks(draw):
    people, pairs, days = draw(dated_graphs(max_people=8, max_days=75))
    loners = draw(st.integers(0, 2))  # active (a commitment of their own) but never linked
    return people, pairs, days, loners


def _dataset(people: int, pairs: list, days: list, loners: int):
    wins = [
        win((D - dt.timedelta(days=d)).isoformat(), f"P{a}, P{b}")
        for (a, b), d in zip(pairs, days, strict=True)
    ]
    alone = [commitment(f"Loner {k}", f"Solo {k}", D.isoformat()) for k in range(loners)]
    return book(wins=wins, commitments=alone)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_headline_and_series_match_networkx(workbook):
    people, pairs, days, loners = workbook
    dataset = _dataset(people, pairs, days, loners)
    d = pd.Timestamp(D)
    g = nx.Graph()
    g.add_nodes_from({p for pair in pairs for p in pair})
    g.add_nodes_from(f"loner {k}" for k in range(loners))
    firsts = {}
    for (a, b), back in zip(pairs, days, strict=True):
        g.add_edge(a, b)
        firsts[(a, b)] = d - pd.Timedelta(days=back)
    nodes = g.number_of_nodes()
    degree = dict(nx.degree(g))
    busiest = max(degree.values(), default=0)
    expected = (
        None
        if nodes < 3
        else round(sum(busiest - k for k in degree.values()) / ((nodes - 1) * (nodes - 2)), 4)
    )
    edges = [(a, b, first) for (a, b), first in firsts.items()]
    window = d - pd.Timedelta(days=29)
    closed_30 = sum(_closes(edges, a, b, first) for a, b, first in edges if first >= window)
    for bits_up_to, limit in ((0, weaving_module.WEDGES_MAX), (weaving_module.BITS_UP_TO, -1)):
        with (
            mock.patch.object(weaving_module, "BITS_UP_TO", bits_up_to),
            mock.patch.object(weaving_module, "WEDGES_MAX", limit),
        ):
            figures = headline(dataset, D)
            assert figures["degree_centralization"] == expected
            assert figures["triangles_closed_last_30"] == closed_30
            series = shape_series(dataset, D)
            month = pd.DatetimeIndex(series["month"])
            per_month = np.zeros(len(month), dtype=int)
            for a, b, first in edges:
                slot = month.searchsorted(first, side="right") - 1
                per_month[slot] += _closes(edges, a, b, first)
            assert list(series["triangles_closed"]) == list(per_month)
            if len(series):  # the last month ends on D: the headline's figures
                assert series["adjacent_possible"].iloc[-1] == figures["adjacent_possible"]
                assert series["degree_centralization"].iloc[-1] == expected
