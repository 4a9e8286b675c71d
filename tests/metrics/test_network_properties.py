"""Property tests: the collaboration graph (``network.event_pairs``, ``network.edge_table``) and
the suggested introductions against networkx, on random records.

The records are random wins, meetings and commitments of a few people, some dated after D (they
must be ignored). networkx builds what docs/METRICS.md says: every shared event is an edge of an
``nx.MultiGraph`` — each win's and meeting's people a complete graph dated on the event's day;
each project's committers a complete graph dated when the second of the two first committed —
and the graph of distinct links counts an edge's parallel edges as its weight and their earliest
date as its first seen. Suggestions are networkx's ``non_edges`` with ``common_neighbors``, plus
the bridge bonus (``introductions.BRIDGE_BONUS``, its home) for known, different organizations,
sectors and collaborations, best first.

Both ways ``edge_table`` groups pairs (flat arrays up to ``DENSE_KEYS`` possible pairs, a pandas
group-by beyond) and both ways ``two_step`` counts are run on every example (``branches.py``).
The tables are built straight into a Dataset (``dataclasses.replace`` of an empty one), not
through the loader, which would take half a second an example; the loader's own tests pin how
sheets become these tables, and the last test here that the built ones have the loader's types.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from functools import cache

import networkx as nx
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.dataset import Dataset
from dashboard.metrics import suggested_introductions
from dashboard.metrics.introductions import BRIDGE_BONUS
from dashboard.metrics.network import edge_table, event_pairs
from dashboard.metrics.scope import scope
from dashboard.metrics.two_step import count_unlinked_with_shared
from tests.metrics.book import D, book
from tests.metrics.branches import WAYS, counting, grouping

DAY_D = pd.Timestamp(D)
ORGS = ("", "Acme", "acme ", "Beta")  # "Acme" and "acme " are one organization by name key
SECTORS = ("", "business", "education")
COLLABS = ("", "North", "South")


@st.composite
def records(draw, max_people=9):
    """People (with organization, sector, home collaboration) and their shared events; days are
    offsets from D, a positive one after D."""
    n = draw(st.integers(2, max_people))
    day = st.integers(-40, 3)
    group = st.sets(st.integers(0, n - 1), min_size=1, max_size=min(n, 5))
    return {
        "people": draw(
            st.lists(
                st.tuples(
                    st.sampled_from(ORGS), st.sampled_from(SECTORS), st.sampled_from(COLLABS)
                ),
                min_size=n,
                max_size=n,
            )
        ),
        "wins": draw(st.lists(st.tuples(day, group), max_size=8)),
        "meetings": draw(st.lists(st.tuples(day, group), max_size=6)),
        "commitments": draw(
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 3), day), max_size=14)
        ),
    }


def pid(index: int) -> str:
    return f"p{index:02d}"


def at(offset: int) -> pd.Timestamp:
    return DAY_D + pd.Timedelta(days=offset)


@cache
def _empty() -> Dataset:
    return book()


def _dataset(spec: dict) -> Dataset:
    """The records as the loader's tables (docs of ``dataset.py``), every date a day."""
    text = "string"
    people = pd.DataFrame(
        {
            "person": pd.array([pid(i) for i in range(len(spec["people"]))], dtype=text),
            "name": pd.array([f"Person {i}" for i in range(len(spec["people"]))], dtype=text),
            **{
                column: pd.array([row[k] or pd.NA for row in spec["people"]], dtype=text)
                for k, column in enumerate(("organization", "sector", "collaboration"))
            },
            "listed": True,
        }
    )

    def events(rows: list, key: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        table = pd.DataFrame(
            {
                key: pd.array(range(len(rows)), dtype="int64"),
                "date": pd.to_datetime([at(offset) for offset, _ in rows]).astype("<M8[ns]"),
                "collaboration": pd.array(["North"] * len(rows), dtype=text),
            }
        )
        members = [(n, pid(p)) for n, (_, group) in enumerate(rows) for p in sorted(group)]
        links = pd.DataFrame(
            {
                key: pd.array([n for n, _ in members], dtype="int64"),
                "person": pd.array([p for _, p in members], dtype=text),
            }
        )
        return table, links

    wins, win_people = events(spec["wins"], "win_id")
    meetings, meeting_people = events(spec["meetings"], "meeting_id")
    rows = spec["commitments"]
    commitments = pd.DataFrame(
        {
            "person": pd.array([pid(p) for p, _, _ in rows], dtype=text),
            "project": pd.array([f"Project {j}" for _, j, _ in rows], dtype=text),
            "made": pd.to_datetime([at(offset) for _, _, offset in rows]).astype("<M8[ns]"),
            "collaboration": pd.array(["North"] * len(rows), dtype=text),
        }
    )
    return dataclasses.replace(
        _empty(),
        people=people,
        commitments=commitments,
        wins=wins,
        win_people=win_people,
        meetings=meetings,
        meeting_people=meeting_people,
    )


def _events_graph(spec: dict) -> nx.MultiGraph:
    """networkx: one edge per shared event on or before D, dated as docs/METRICS.md says."""
    g = nx.MultiGraph()
    for offset, group in spec["wins"] + spec["meetings"]:
        if offset <= 0:
            for a, b in nx.complete_graph(sorted(group)).edges():
                g.add_edge(pid(a), pid(b), date=at(offset))
    first: dict[int, dict[int, int]] = {}
    for person, project, offset in spec["commitments"]:
        if offset <= 0:
            mine = first.setdefault(project, {})
            mine[person] = min(offset, mine.get(person, offset))
    for team in first.values():
        for a, b in nx.complete_graph(sorted(team)).edges():
            g.add_edge(pid(a), pid(b), date=at(max(team[a], team[b])))
    return g


def _links(events: nx.MultiGraph) -> nx.Graph:
    g = nx.Graph()
    for a, b, date in events.edges(data="date"):
        if g.has_edge(a, b):
            g[a][b]["weight"] += 1
            g[a][b]["first_seen"] = min(g[a][b]["first_seen"], date)
        else:
            g.add_edge(a, b, weight=1, first_seen=date)
    return g


@settings(max_examples=20, deadline=None)
@given(records())
def test_event_pairs_and_edge_table_are_networkxs(spec):
    s = scope(_dataset(spec), D)
    ids = s.people["person"].to_numpy()
    events = _events_graph(spec)
    links = _links(events)
    pairs = event_pairs(s)  # codes: positions in People, as person_codes gives them
    got_events = Counter(
        (frozenset((ids[a], ids[b])), pd.Timestamp(date))
        for a, b, date in zip(pairs["a"], pairs["b"], pairs["date"], strict=True)
    )
    assert got_events == Counter((frozenset((a, b)), d) for a, b, d in events.edges(data="date"))
    expected = {
        frozenset((a, b)): (data["weight"], data["first_seen"])
        for a, b, data in links.edges(data=True)
    }
    for way in ("flat", "grouped"):
        with grouping(way):
            table = edge_table(s)
        got = {
            frozenset((ids[a], ids[b])): (int(weight), pd.Timestamp(first))
            for a, b, weight, first in zip(
                table["a"], table["b"], table["weight"], table["first_seen"], strict=True
            )
        }
        assert len(got) == len(table), way  # each link once
        assert got == expected, way


def _bridges(spec: dict, a: str, b: str) -> dict[str, bool]:
    """Known and different by name key (case and surrounding spaces do not count)."""
    row = {pid(i): attributes for i, attributes in enumerate(spec["people"])}
    out = {}
    for k, flag in enumerate(("cross_org", "cross_sector", "cross_collab")):
        x, y = (row[p][k].strip().casefold() for p in (a, b))
        out[flag] = bool(x and y and x != y)
    return out


@settings(max_examples=20, deadline=None)
@given(records(), st.integers(1, 6))
def test_adjacent_possible_and_suggestions_are_networkxs(spec, limit):
    dataset = _dataset(spec)
    g = _links(_events_graph(spec))
    rows = []
    for u, v in nx.non_edges(g):
        shared = len(list(nx.common_neighbors(g, u, v)))
        if shared:
            a, b = sorted((u, v))
            flags = _bridges(spec, a, b)
            score = shared + sum(BRIDGE_BONUS[f] for f, on in flags.items() if on)
            rows.append((a, b, shared, *flags.values(), score))
    ranked = sorted(rows, key=lambda r: (-r[-1], -r[2], r[0], r[1]))[:limit]
    links = edge_table(scope(dataset, D))
    for way in WAYS:
        with counting(way):
            assert count_unlinked_with_shared(links) == len(rows), way
            got = suggested_introductions(dataset, D, limit=limit)
        assert [tuple(r) for r in got.itertuples(index=False)] == ranked, way


def test_the_records_builder_gives_the_loaders_columns():
    """The hand-built tables carry every column the graph code reads, with the loader's types."""
    loaded = scope(
        book(wins=[[dt.date(2024, 6, 1).isoformat(), None, "", "Ann, Bo", "", "", ""]]), D
    )
    built = scope(
        _dataset(
            {
                "people": [("", "", "")] * 2,
                "wins": [(-29, {0, 1})],
                "meetings": [],
                "commitments": [],
            }
        ),
        D,
    )
    for table in ("win_people", "commitments"):
        for column in getattr(built, table).columns:
            if column in getattr(loaded, table):
                assert getattr(built, table)[column].dtype == getattr(loaded, table)[column].dtype
    assert len(edge_table(built)) == len(edge_table(loaded)) == 1
