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
from dashboard.metrics.grouped import counts, distinct
from dashboard.metrics.network import key_codes
from dashboard.metrics.scope import Scope, rates, window
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


def shape_by_group(
    s: Scope,
    edges: pd.DataFrame,
    organization: np.ndarray,
    sizes: tuple[np.ndarray, np.ndarray],
    slices: np.ndarray,
) -> dict:
    """The four figures for each group of ``s``: ``edges`` sorted by group (group g is rows
    ``slices[g]`` … ``slices[g + 1]``), ``organization`` each person's organization code;
    ``sizes``: per group, the people active by D and the links of the busiest one."""
    nodes, degree = sizes
    n = len(s.groups)
    group = edges["group"].to_numpy()
    start, end = window(s.as_of, 30)
    in_window = edges["first_seen"].between(start, end).to_numpy()
    closed = np.zeros(n, dtype=np.int64)
    for g in np.flatnonzero(np.diff(slices)):  # each group's graph on its own (small ones)
        lo, hi = slices[g], slices[g + 1]
        closed[g] = (closes_before(edges.iloc[lo:hi], start) & in_window[lo:hi]).sum()
    links = np.bincount(group, minlength=n)
    centralizations = [
        centralization(int(k), int(e), int(d)) for k, e, d in zip(nodes, links, degree, strict=True)
    ]
    return {
        "degree_centralization": centralizations,
        "org_edges": org_pairs_by_group(organization, edges, n),
        "triangles_closed_last_30": closed,
        "learning_share": learning_by_group(s, n),
    }


def org_pairs_by_group(codes: np.ndarray, edges: pd.DataFrame, n: int) -> np.ndarray:
    """``org_edges`` of each group: distinct pairs of known, different organizations (``codes``
    per person) linked by one of its edges."""
    oa, ob = codes[edges["a"].to_numpy()], codes[edges["b"].to_numpy()]
    across = (oa >= 0) & (ob >= 0) & (oa != ob)
    size = np.int64(max(int(codes.max(initial=-1)) + 1, 1))
    low, high = np.minimum(oa[across], ob[across]), np.maximum(oa[across], ob[across])
    group = edges["group"].to_numpy()[across]
    return distinct(group, low.astype(np.int64) * size + high, n)


def learning_by_group(s: Scope, n: int, among: np.ndarray | None = None) -> list[float | None]:
    """``learning_share`` of each group: of the commitments due by D (not dropped) that are
    done by D or missed, the share whose ``result`` says what was learned. ``among``: only
    those rows of the commitments (the impact report's story: those due in its period)."""
    c = s.commitments
    due = due_by(c, s.as_of)
    if among is not None:
        due &= among
    reported = (due & (done_by(c, s.as_of) | (c["status"] == "missed"))).to_numpy()
    written = reported & has_text(c["result"]).to_numpy()
    groups = s.group("commitments")
    return rates(counts(groups, n, written), counts(groups, n, reported))
