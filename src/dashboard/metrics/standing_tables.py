"""The tables behind "where the network stands" (docs/METRICS.md): the weavers of a period and
the introductions they are credited with, and where the network would tear — each broker, the
people who depend on them, and the suggested introductions that would give those people a
second path.

Names come from the People table the caller passes (a funder's view holds pseudonyms there, so
these tables name nobody to a funder); a person missing from People shows as their id.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from dashboard.dataset import Dataset
from dashboard.metrics.cuts import cuts, pieces
from dashboard.metrics.introductions import BRIDGE_COLUMNS, bridge_bonus, bridge_flags
from dashboard.metrics.network import differ, edge_table
from dashboard.metrics.scope import Scope, scope
from dashboard.metrics.two_step import compact
from dashboard.metrics.weavers import credits

BROKERS_SHOWN = 15  # the brokers with the most dependents
SECOND_PATHS = 3  # suggested introductions per broker
NAMED = 5  # dependents named per broker ("and N more")
PAIRS_NAMED = 3  # pairs named per weaver ("and N more")
CROSSING = {  # a pair's bridges, as the tables call them
    "cross_org": "across organizations",
    "cross_sector": "across sectors",
    "cross_collab": "across collaborations",
}
WEAVER_COLUMNS = ["name", "organization", "credits", *CROSSING.values(), "introduced"]
INTRODUCED_COLUMNS = ["weaver", "introduced", "to", "on", *CROSSING.values()]
TEAR_COLUMNS = ["broker", "organization", "would_cut_off", "who", "second_paths"]
PATH_COLUMNS = ["broker", "introduce", "to", "reconnects", "score", *CROSSING.values()]


def _labels(s: Scope, people: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each person code's name and organization (from ``people``, the whole People table)."""
    info = people.drop_duplicates("person").set_index("person")
    ids = s.people["person"]
    names = info["name"].reindex(ids).fillna(ids.astype(object)).to_numpy(dtype=object)
    orgs = info["organization"].reindex(ids).to_numpy(dtype=object)
    return names, orgs


def _crossing(s: Scope, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    flags = bridge_flags(s.people)
    return {CROSSING[f]: differ(flags[f], i, j) for f in BRIDGE_COLUMNS}


def introductions_credited(
    dataset: Dataset, people: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """Every credit for an introduction first seen from ``start`` to ``end`` (docs/METRICS.md
    "weaver credits"): the weaver, the two introduced, the day, and whether the pair crossed
    organizations, sectors, collaborations."""
    s = scope(dataset, end)
    got = credits(edge_table(s), pd.Timestamp(start), pd.Timestamp(end))
    names, _ = _labels(s, people)
    a, b = got["a"].to_numpy(), got["b"].to_numpy()
    out = pd.DataFrame(
        {
            "weaver": pd.array(names[got["weaver"].to_numpy()], dtype="string"),
            "introduced": pd.array(names[a], dtype="string"),
            "to": pd.array(names[b], dtype="string"),
            "on": got["first_seen"].to_numpy(),
            **_crossing(s, a, b),
        },
        columns=INTRODUCED_COLUMNS,
    )
    out["weaver_code"] = got["weaver"].to_numpy()
    return out


def weavers(
    dataset: Dataset, people: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> dict[str, pd.DataFrame]:
    """The weavers of ``start`` … ``end``, most credits first (then by name), each with their
    credits, how many of the pairs crossed organizations, sectors, collaborations, and the pairs
    (``"A & B"``, the earliest first); and every credit (``introductions``)."""
    credited = introductions_credited(dataset, people, start, end)
    s = scope(dataset, end)
    _, orgs = _labels(s, people)
    grouped = credited.groupby("weaver_code", sort=False)
    table = pd.DataFrame(
        {
            "name": grouped["weaver"].first(),
            "credits": grouped.size(),
            **{label: grouped[label].sum().astype("int64") for label in CROSSING.values()},
        }
    )
    # each weaver's first pairs named (the earliest first), the rest counted
    rank = grouped.cumcount()
    first = credited[rank < PAIRS_NAMED]
    wide = (
        (first["introduced"] + " & " + first["to"])
        .set_axis(pd.MultiIndex.from_arrays([first["weaver_code"], rank[rank < PAIRS_NAMED]]))
        .unstack()
    )
    named = wide[0].astype("string") if len(wide) else pd.Series(dtype="string")
    for column in wide.columns[1:]:
        named = named + ("; " + wide[column]).fillna("")
    more = table["credits"] - PAIRS_NAMED
    table["introduced"] = named.reindex(table.index) + np.where(
        more > 0, " and " + more.astype(str) + " more", ""
    )
    table["organization"] = pd.array(orgs[table.index.to_numpy()], dtype="string")
    table = table.sort_values(["credits", "name"], ascending=[False, True])
    return {
        "weavers": table.reindex(columns=WEAVER_COLUMNS).reset_index(drop=True),
        "introductions": credited[INTRODUCED_COLUMNS],
    }


def _neighbours(a: np.ndarray, b: np.ndarray, m: int) -> sparse.csr_matrix:
    ones = np.ones(2 * len(a), dtype=np.int8)
    return sparse.csr_matrix((ones, (np.r_[a, b], np.r_[b, a])), shape=(m, m))


def tear(
    dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp, limit: int = BROKERS_SHOWN
) -> dict[str, pd.DataFrame]:
    """Where the network would tear (docs/METRICS.md "a broker's dependents", "second paths"):
    the brokers with the most dependents (then by name), who would be cut off, and for each up
    to ``SECOND_PATHS`` suggested introductions that would give a dependent a second path."""
    s = scope(dataset, as_of)
    edges = edge_table(s)
    empty = {
        "brokers": pd.DataFrame(columns=TEAR_COLUMNS),
        "second_paths": pd.DataFrame(columns=PATH_COLUMNS),
    }
    if edges.empty:
        return empty
    a, b, nodes = compact(edges)
    m = len(nodes)
    found = cuts(a, b, m)
    chosen = np.flatnonzero(found.broker)
    if len(chosen) == 0:
        return empty
    names, orgs = _labels(s, people)
    order = np.lexsort((names[nodes[chosen]].astype(str), -found.dependents[chosen]))
    chosen = chosen[order][:limit]
    adjacency = _neighbours(a, b, m)
    flags = bridge_flags(s.people)
    rows, paths = [], []
    for v in chosen.tolist():
        split = pieces(found, v)
        cut = np.concatenate(split[1:])
        who = names[nodes[np.sort(cut)]].tolist()
        more = f" and {len(who) - NAMED} more" if len(who) > NAMED else ""
        best = _second_paths(adjacency, v, split, nodes, flags)
        rows.append(
            {
                "broker": names[nodes[v]],
                "organization": orgs[nodes[v]],
                "would_cut_off": int(found.dependents[v]),
                "who": ", ".join(who[:NAMED]) + more,
                "second_paths": "; ".join(
                    f"{names[nodes[x]]} & {names[nodes[y]]}"
                    for x, y in zip(best["x"].tolist(), best["y"].tolist(), strict=True)
                ),
            }
        )
        i, j = nodes[best["x"].to_numpy()], nodes[best["y"].to_numpy()]
        crossing = _crossing(s, i, j)
        for k in range(len(best)):
            paths.append(
                {
                    "broker": names[nodes[v]],
                    "introduce": names[i[k]],
                    "to": names[j[k]],
                    "reconnects": int(best["reconnects"].iloc[k]),
                    "score": float(best["score"].iloc[k]),
                    **{label: bool(flag[k]) for label, flag in crossing.items()},
                }
            )
    out_paths = pd.DataFrame(paths, columns=PATH_COLUMNS)
    for column in ("broker", "introduce", "to"):
        out_paths[column] = out_paths[column].astype("string")
    brokers = pd.DataFrame(rows, columns=TEAR_COLUMNS)
    for column in ("broker", "organization", "who", "second_paths"):
        brokers[column] = brokers[column].astype("string")
    return {"brokers": brokers, "second_paths": out_paths}


def _second_paths(
    adjacency: sparse.csr_matrix,
    broker: int,
    split: list[np.ndarray],
    nodes: np.ndarray,
    flags: dict[str, np.ndarray],
) -> pd.DataFrame:
    """The best introductions joining a person cut off by ``broker`` to one of the largest
    piece: both linked to the broker (so the pair shares them, and only them — score 1 plus the
    bridge bonus), ranked by how many people the pair reconnects, then score, then codes."""
    near = adjacency.indices[adjacency.indptr[broker] : adjacency.indptr[broker + 1]]
    piece_of = np.full(adjacency.shape[0], -1, dtype=np.int64)
    for number, members in enumerate(split):
        piece_of[members] = number
    size = np.array([len(p) for p in split])
    xs = near[piece_of[near] > 0]
    ys = near[piece_of[near] == 0]
    x, y = np.repeat(xs, len(ys)), np.tile(ys, len(xs))
    score = 1 + bridge_bonus(flags, nodes[x], nodes[y])
    frame = pd.DataFrame(
        {
            "x": x.astype(np.int64),
            "y": y.astype(np.int64),
            "reconnects": size[piece_of[x]].astype(np.int64),
            "score": np.asarray(score, dtype=np.float64),
        }
    )
    frame = frame.sort_values(
        ["reconnects", "score", "x", "y"], ascending=[False, False, True, True]
    )
    # one introduction per cut-off piece first: each gives a whole piece its second path
    frame = frame.assign(piece=piece_of[frame["x"].to_numpy()])
    firsts = frame.drop_duplicates("piece")
    rest = frame.drop(firsts.index)
    return pd.concat([firsts, rest]).head(SECOND_PATHS)
