"""The headline figures of the collaboration graph (docs/METRICS.md, network rows), for every
group of a scope at once: one edge list for all (``edge_table``: each group's links apart), the
people active by D of each group as its nodes.

Each group's graph is its own: the groups' nodes are told apart as (group, person), so one
connected-components pass over them all counts every group's components. Only the adjacent
possible and the triangles closed look at each group's graph on its own, a few numpy calls each.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from dashboard.metrics.grouped import FLAT_KEYS, bounds, counts, distinct, unique_keys
from dashboard.metrics.network import differ, edge_table, key_codes
from dashboard.metrics.scope import Scope, rates, window
from dashboard.metrics.shape import shape_by_group
from dashboard.metrics.standing import standing_by_group


def network_by_group(
    s: Scope, events: pd.DataFrame, person: np.ndarray, organization: np.ndarray
) -> dict:
    """Nodes, edges, density, cross shares, components, the adjacent possible, new edges and
    the network's shape, per group; ``person`` is each event's person code (−1: unknown),
    ``organization`` each person's organization code (``key_codes``)."""
    n = len(s.groups)
    width = np.int64(max(len(s.people), 1))  # vertex key: group × width + person code
    known = person >= 0
    space = int(n * width)
    node_keys = unique_keys(events["group"].to_numpy()[known] * width + person[known], space)
    nodes = np.bincount(node_keys // width, minlength=n)
    edges = edge_table(s)
    group = edges["group"].to_numpy()
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    e = np.bincount(group, minlength=n)
    slices = bounds(group, n)
    ends = np.r_[group * width + a, group * width + b]
    vertices = unique_keys(np.r_[node_keys, ends], space)
    ends, among_nodes = _positions(vertices, ends, space), _positions(vertices, node_keys, space)
    degree = np.bincount(ends, minlength=len(vertices))
    busiest = np.zeros(n, dtype=np.int64)
    np.maximum.at(busiest, node_keys // width, degree[among_nodes])
    start, end = window(s.as_of, 30)
    standing = standing_by_group(s, edges, nodes, slices)
    # the pairs within two links, less the linked ones (both ways): the adjacent possible
    reached = np.asarray(standing.pop("reached"), dtype=np.int64)
    return {
        "network_nodes": nodes,
        "network_edges": e,
        "network_density": rates(2 * e, nodes * (nodes - 1)),
        "cross_org_share": _crossing(organization, edges, n, e),
        "cross_collab_share": _crossing(key_codes(s.people, "collaboration"), edges, n, e),
        "components": _components(len(vertices), ends, among_nodes, node_keys // width, n),
        "adjacent_possible": (reached - 2 * e) // 2,
        "new_edges_last_30": counts(group, n, edges["first_seen"].between(start, end)),
        **shape_by_group(s, edges, organization, (nodes, busiest), slices),
        **standing,
    }


def _crossing(codes: np.ndarray, edges: pd.DataFrame, n: int, e: np.ndarray) -> list:
    """Share of each group's edges between two people of known, different values (``codes``
    per person: organizations, collaborations)."""
    across = differ(codes, edges["a"].to_numpy(), edges["b"].to_numpy())
    return rates(counts(edges["group"].to_numpy(), n, across), e)


def _positions(vertices: np.ndarray, keys: np.ndarray, space: int) -> np.ndarray:
    """Where each key is among the sorted ``vertices`` (all keys are there)."""
    if space <= FLAT_KEYS:
        at = np.zeros(space, dtype=np.int64)
        at[vertices] = np.arange(len(vertices))
        return at[keys]
    return np.searchsorted(vertices, keys)


def _components(
    size: int, where: np.ndarray, nodes: np.ndarray, node_group: np.ndarray, n: int
) -> np.ndarray:
    """Connected components among each group's nodes (isolated ones included): one pass over
    the graph of (group, person) vertices. ``where``: the edges' two ends (all first ends, then
    all second ones), ``nodes``: each node, as vertex numbers."""
    if len(nodes) == 0:
        return np.zeros(n, dtype=np.int64)
    half = len(where) // 2
    ones = np.ones(len(where), dtype=np.int8)
    graph = sparse.csr_matrix(
        (ones, (where, np.r_[where[half:], where[:half]])), shape=(size, size)
    )
    _, labels = connected_components(graph, directed=False)
    return distinct(node_group, labels[nodes].astype(np.int64), n)
