"""Property tests: where the network stands, against networkx on random dated graphs.

``brokers`` is ``nx.articulation_points``; ``core_share`` from ``nx.core_number``;
``two_step_reach`` from ``nx.single_source_shortest_path_length`` with cutoff 2; the weavers from
``nx.common_neighbors`` of the graph the day before each link; the stage by the rule of
docs/METRICS.md written again here with networkx; a broker's dependents by removing them.
"""

from __future__ import annotations

from itertools import combinations
from unittest import mock

import networkx as nx
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.metrics import headline, two_step
from dashboard.metrics import weavers as weavers_module
from dashboard.metrics.cuts import cuts, pieces
from dashboard.metrics.standing import stage_series, standing
from dashboard.metrics.weavers import credits
from tests.metrics.book import D, book, commitment, win

AS_OF = pd.Timestamp(D)
FIRST = AS_OF - pd.Timedelta(days=90)


@st.composite
def dated_graphs(draw, max_people=14):
    people = draw(st.integers(1, max_people))
    pairs = list(combinations(range(people), 2))
    chosen = (
        draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs))) if pairs else []
    )
    days = draw(st.lists(st.integers(0, 90), min_size=len(chosen), max_size=len(chosen)))
    return people, chosen, days


def _edges(chosen: list, days: list) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a": np.array([a for a, _ in chosen], dtype=np.int64),
            "b": np.array([b for _, b in chosen], dtype=np.int64),
            "first_seen": pd.to_datetime([FIRST + pd.Timedelta(days=d) for d in days]),
        }
    )


def _graph(people: int, chosen: list) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(people))
    g.add_edges_from(chosen)
    return g


def _stage(g: nx.Graph) -> str:
    """docs/METRICS.md ``network_stage``, written with networkx."""
    linked = [v for v in g if g.degree(v) > 0]
    if len(linked) < 3:
        return "fragments"
    parts = [p for p in nx.connected_components(g) if len(p) > 1]
    part = max(parts, key=lambda p: (len(p), g.subgraph(p).number_of_edges(), -min(p)))
    if 2 * len(part) < len(linked):
        return "fragments"
    c = g.subgraph(part)
    n = c.number_of_nodes()
    busiest = max(d for _, d in c.degree())
    central = n >= 3 and sum(busiest - d for _, d in c.degree()) / ((n - 1) * (n - 2)) >= 0.5
    if busiest >= (n - 1) / 2 and central:
        return "hub"
    numbers = nx.core_number(c)
    top = max(numbers.values())
    core = {v for v, k in numbers.items() if k == top}
    near = core | {w for v in core for w in c[v]}
    if len(core) >= 4 and nx.density(c.subgraph(core)) >= 0.5 and len(near) >= 0.8 * n:
        return "core_periphery"
    return "multi_hub"


@settings(max_examples=300, deadline=None)
@given(dated_graphs())
def test_the_five_figures_against_networkx(graph):
    people, chosen, days = graph
    edges = _edges(chosen, days)
    got = standing(edges, people, AS_OF)
    g = _graph(people, chosen)
    assert got["brokers"] == len(set(nx.articulation_points(g)))
    if chosen:
        numbers = nx.core_number(g)
        top = max(numbers.values())
        share = sum(1 for k in numbers.values() if k == top) / people
        assert got["core_share"] == round(share, 4)
    else:
        assert got["core_share"] is None
    if people >= 2:
        reach = [
            (len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1) / (people - 1)
            for v in g
        ]
        assert got["two_step_reach"] == round(sum(reach) / people, 4)
    else:
        assert got["two_step_reach"] is None
    assert got["network_stage"] == _stage(g)


@settings(max_examples=200, deadline=None)
@given(dated_graphs())
def test_weavers_are_the_common_neighbours_of_the_day_before(graph):
    people, chosen, days = graph
    edges = _edges(chosen, days)
    start = AS_OF - pd.Timedelta(days=29)
    dated = list(zip(chosen, edges["first_seen"], strict=True))
    expected = set()
    for (a, b), day in dated:
        if day < start:
            continue
        before = nx.Graph((pair for pair, first in dated if first < day))
        if a in before and b in before:
            expected |= {(w, a, b) for w in nx.common_neighbors(before, a, b)}
    got = credits(edges, start, AS_OF)  # bit matrices: a small network
    assert set(zip(got["weaver"], got["a"], got["b"], strict=True)) == expected
    assert len(got) == len(expected)
    weavers = len({w for w, _, _ in expected})
    assert standing(edges, people, AS_OF)["weavers_last_30"] == weavers
    # key lookups (large sparse networks), a few links' neighbours at a time
    with (
        mock.patch.object(weavers_module, "by_wedges", lambda *_: True),
        mock.patch.object(weavers_module, "LISTED_AT_ONCE", 2),
    ):
        assert credits(edges, start, AS_OF).equals(got)
        assert standing(edges, people, AS_OF)["weavers_last_30"] == weavers


@settings(max_examples=200, deadline=None)
@given(dated_graphs())
def test_dependents_are_who_a_broker_cuts_off(graph):
    people, chosen, _ = graph
    g = _graph(people, chosen)
    a = np.array([x for x, _ in chosen], dtype=np.int64)
    b = np.array([y for _, y in chosen], dtype=np.int64)
    found = cuts(a, b, people)
    brokers = set(nx.articulation_points(g))
    assert set(np.flatnonzero(found.broker).tolist()) == brokers
    for v in range(people):
        if v not in brokers:
            assert found.dependents[v] == 0
            continue
        rest = g.subgraph(nx.node_connected_component(g, v) - {v})
        sizes = sorted((len(p) for p in nx.connected_components(rest)), reverse=True)
        assert found.dependents[v] == sum(sizes[1:])
        split = pieces(found, v)
        assert [len(p) for p in split] == sizes
        assert {frozenset(p.tolist()) for p in split} == {
            frozenset(p) for p in nx.connected_components(rest)
        }


@settings(max_examples=100, deadline=None)
@given(dated_graphs(max_people=10))
def test_the_stage_at_each_months_end_is_the_stage_of_that_days_graph(graph):
    people, chosen, days = graph
    edges = _edges(chosen, days)
    ends = pd.date_range(FIRST, AS_OF, freq="ME").append(pd.DatetimeIndex([AS_OF]))
    got = stage_series(edges, ends.to_numpy())
    for end, stage in zip(ends, got, strict=True):
        linked = [
            pair for pair, first in zip(chosen, edges["first_seen"], strict=True) if first <= end
        ]
        assert stage == _stage(_graph(people, linked)), end


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_graphs(max_people=8))
def test_the_headline_agrees_with_networkx_through_a_workbook(graph):
    # through the real loader: each link a win of its two people, and everyone active (a
    # commitment each on a project of their own, D−100), isolated ones included
    people, chosen, days = graph
    names = [f"P{k}" for k in range(people)]
    wins = [
        win((FIRST + pd.Timedelta(days=d)).date().isoformat(), f"{names[a]}, {names[b]}")
        for (a, b), d in zip(chosen, days, strict=True)
    ]
    solo = [
        commitment(n, f"own {n}", (AS_OF - pd.Timedelta(days=100)).date().isoformat())
        for n in names
    ]
    figures = headline(book(wins=wins, commitments=solo), D)
    g = _graph(people, chosen)
    assert figures["brokers"] == len(set(nx.articulation_points(g)))
    assert figures["network_stage"] == _stage(g)


@settings(max_examples=150, deadline=None)
@given(dated_graphs(max_people=20))
def test_two_step_counts_every_way_against_networkx(graph):
    # bit matrices (networks that are not dense), the dense product by blocks (forced, with
    # blocks of 3 rows so that several meet), and the sparse product (forced)
    people, chosen, _ = graph
    if not chosen:
        return
    a = np.array([x for x, _ in chosen], dtype=np.int64)
    b = np.array([y for _, y in chosen], dtype=np.int64)
    g = _graph(people, chosen)
    expected = [len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in g]
    assert two_step.within_two_counts(a, b, people).tolist() == expected
    with (
        mock.patch.object(two_step, "BITS_MAX_NODES", 0),
        mock.patch.object(two_step, "BLOCK_ROWS", 3),
        mock.patch.object(two_step, "_dense", lambda *_: True),
    ):
        assert two_step.within_two_counts(a, b, people).tolist() == expected
    with (
        mock.patch.object(two_step, "BITS_MAX_NODES", 0),
        mock.patch.object(two_step, "_dense", lambda *_: False),
    ):
        assert two_step.within_two_counts(a, b, people).tolist() == expected
