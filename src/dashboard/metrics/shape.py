"""The network's shape and the team's learning (docs/METRICS.md, "Network shape, introductions,
learning"): ``degree_centralization``, ``org_edges``, ``triangles_closed_last_30``,
``learning_share``.

Degree centralization says whether leadership is heroic or collective: 1 when one person is
linked to everyone and nobody else to anyone (a star), 0 when everyone has as many links.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.metrics.activity import done_by, due_by
from dashboard.metrics.network import key_codes
from dashboard.metrics.scope import Scope, rate, window
from dashboard.metrics.weaving import closes_before


def degrees(edges: pd.DataFrame, size: int) -> np.ndarray:
    """Each person's number of links, by code (``size`` codes)."""
    return np.bincount(
        np.concatenate([edges["a"].to_numpy(), edges["b"].to_numpy()]), minlength=size
    )


def centralization(nodes: int, links: int, busiest: int) -> float | None:
    """Freeman's degree centralization from N, E and d_max: Σᵢ (d_max − dᵢ) = N·d_max − 2E,
    over (N−1)(N−2); ``None`` when N < 3."""
    if nodes < 3:
        return None
    return round((nodes * busiest - 2 * links) / ((nodes - 1) * (nodes - 2)), 4)


FLAT_PAIRS = 50_000_000  # organization pairs marked in a flat array up to this many


def org_pairs(people: pd.DataFrame, edges: pd.DataFrame) -> np.ndarray:
    """Distinct pairs of two known, different organizations linked by at least one edge, as
    (low, high) organization codes (organizations compared by name key)."""
    codes = key_codes(people, "organization")
    oa, ob = codes[edges["a"].to_numpy()], codes[edges["b"].to_numpy()]
    across = (oa >= 0) & (ob >= 0) & (oa != ob)
    low, high = np.minimum(oa[across], ob[across]), np.maximum(oa[across], ob[across])
    size = max(int(codes.max(initial=-1)) + 1, 1)
    keys = low.astype(np.int64) * size + high
    if size * size <= FLAT_PAIRS:  # no sort: mark each pair in a flat array
        seen = np.zeros(size * size, dtype=bool)
        seen[keys] = True
        keys = np.flatnonzero(seen)
    else:
        keys = np.unique(keys)
    return np.column_stack([keys // size, keys % size])


def has_text(values: pd.Series) -> pd.Series:
    """Not blank and not only whitespace."""
    return values.fillna("").astype("string").str.strip().fillna("") != ""


def learning_share(commitments: pd.DataFrame, d: pd.Timestamp) -> float | None:
    """Of the commitments due by D (not dropped) that are done by D or missed, the share whose
    ``result`` says what was learned."""
    c = commitments
    due = c[due_by(c, d)]
    reported = due[done_by(due, d) | (due["status"] == "missed")]
    return rate(has_text(reported["result"]).sum(), len(reported))


def shape_figures(s: Scope, nodes: np.ndarray, edges: pd.DataFrame) -> dict:
    """The four figures for one scope; ``nodes`` are the codes of the people active by D."""
    degree = degrees(edges, len(s.people))
    busiest = int(degree[nodes].max()) if len(nodes) else 0
    start, end = window(s.as_of, 30)
    closed = closes_before(edges, start)
    in_window = edges["first_seen"].between(start, end).to_numpy()
    return {
        "degree_centralization": centralization(len(nodes), len(edges), busiest),
        "org_edges": int(len(org_pairs(s.people, edges))),
        "triangles_closed_last_30": int((closed & in_window).sum()),
        "learning_share": learning_share(s.commitments, s.as_of),
    }
