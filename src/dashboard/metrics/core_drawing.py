"""Where to draw each person so the network's core stands apart from its periphery, and when
each person and link appeared, so the picture can be replayed month by month with the layout
fixed (the Network page's time slider).

The people drawn are the most connected (``drawing.MAX_DRAWN_PEOPLE``), laid out once by a
seeded spring layout; then the main core (docs/METRICS.md ``core_share``) is gathered into the
middle and everyone else pushed out to a ring around it, in the direction the spring layout
put them — so who works with whom still shows, and the core is plainly apart.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.cuts import cuts
from dashboard.metrics.drawing import MAX_DRAWN_LINKS, MAX_DRAWN_PEOPLE
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import scope
from dashboard.metrics.stage import main_core
from dashboard.metrics.two_step import compact

CORE, PERIPHERY, FURTHER = "core", "periphery", "further out"
ROLES = (CORE, PERIPHERY, FURTHER)  # periphery: linked to someone of the core
CORE_RADIUS = 0.35  # the core fills this much of the middle …
RING = (0.6, 1.0)  # … and everyone else this ring around it


def core_drawing(
    dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp
) -> dict[str, pd.DataFrame]:
    """Nodes (id, label, x, y, role, broker, first_link, links, sector, collaboration) and links
    (a, b as labels, weight, first_seen, x, y, x2, y2); ``people`` gives the labels (the whole
    People table: pseudonyms in a funder's view)."""
    s = scope(dataset, as_of)
    edges = edge_table(s)
    if edges.empty:
        return {"nodes": pd.DataFrame(), "links": pd.DataFrame()}
    a, b, codes = compact(edges)
    m = len(codes)
    degree = np.bincount(np.r_[a, b], minlength=m)
    core = main_core(a, b, m).members
    near = core.copy()
    near[a[core[b]]] = True
    near[b[core[a]]] = True
    role = np.where(core, CORE, np.where(near, PERIPHERY, FURTHER))
    broker = cuts(a, b, m).broker
    first = np.full(m, np.iinfo(np.int64).max, dtype=np.int64)
    seen = edges["first_seen"].to_numpy().astype("datetime64[ns]").astype(np.int64)
    np.minimum.at(first, np.r_[a, b], np.r_[seen, seen])
    kept = np.lexsort((np.arange(m), -degree))[:MAX_DRAWN_PEOPLE]
    drawn = np.zeros(m, dtype=bool)
    drawn[kept] = True
    inside = drawn[a] & drawn[b]
    weight = edges["weight"].to_numpy()
    graph = nx.Graph()
    graph.add_nodes_from(kept.tolist())
    graph.add_weighted_edges_from(
        zip(a[inside].tolist(), b[inside].tolist(), weight[inside].tolist(), strict=True)
    )
    position = nx.spring_layout(graph, seed=7, weight="weight", iterations=60)
    xy = np.array([position[v] for v in kept.tolist()], dtype=float).reshape(-1, 2)
    xy = _apart(xy, core[kept])
    info = people.drop_duplicates("person").set_index("person")
    ids = s.people["person"].to_numpy()[codes[kept]]
    found = info.reindex(ids)
    nodes = pd.DataFrame(
        {
            "id": ids,
            "label": found["name"].fillna(pd.Series(ids, index=found.index)).to_numpy(),
            "x": xy[:, 0],
            "y": xy[:, 1],
            "role": role[kept],
            "broker": broker[kept],
            "first_link": first[kept].astype("datetime64[ns]"),
            "links": degree[kept].astype(np.int64),
            "sector": found["sector"].fillna("unknown").to_numpy(),
            "collaboration": found["collaboration"].fillna("unknown").to_numpy(),
        }
    )
    at = np.full(m, -1, dtype=np.int64)
    at[kept] = np.arange(len(kept))
    rows = np.flatnonzero(inside)
    rows = rows[np.argsort(-weight[rows], kind="stable")][:MAX_DRAWN_LINKS]
    ia, ib = at[a[rows]], at[b[rows]]
    links = pd.DataFrame(
        {
            "a": nodes["label"].to_numpy()[ia],
            "b": nodes["label"].to_numpy()[ib],
            "weight": weight[rows],
            "first_seen": edges["first_seen"].to_numpy()[rows],
            "x": xy[ia, 0],
            "y": xy[ia, 1],
            "x2": xy[ib, 0],
            "y2": xy[ib, 1],
        }
    )
    return {"nodes": nodes, "links": links}


def _apart(xy: np.ndarray, core: np.ndarray) -> np.ndarray:
    """The spring layout's positions with the core gathered in the middle (within
    ``CORE_RADIUS``) and the others on a ring around it, each in its own direction from the
    core's centre, the nearer ones inside."""
    if len(xy) == 0:
        return xy
    centre = xy[core].mean(axis=0) if core.any() else xy.mean(axis=0)
    offset = xy - centre
    distance = np.hypot(offset[:, 0], offset[:, 1])
    out = np.empty_like(xy)
    if core.any():
        inner = distance[core].max() or 1.0
        out[core] = offset[core] / inner * CORE_RADIUS
    rest = ~core
    if rest.any():
        direction = offset[rest] / np.where(distance[rest] > 0, distance[rest], 1.0)[:, None]
        ranks = pd.Series(distance[rest]).rank(pct=True).to_numpy()
        radius = RING[0] + (RING[1] - RING[0]) * ranks
        out[rest] = direction * radius[:, None]
    return np.round(out, 4)


def as_of_month(
    nodes: pd.DataFrame, links: pd.DataFrame, end: pd.Timestamp
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The picture as it stood at ``end``: the people with a link by then and those links
    (positions unchanged: the layout stays put)."""
    if nodes.empty:
        return nodes, links
    return (
        nodes[nodes["first_link"] <= end].reset_index(drop=True),
        links[links["first_seen"] <= end].reset_index(drop=True),
    )
