"""The collaboration graph: people (or organizations) linked by shared events (docs/METRICS.md).

Two people are linked when, on or before D, they were named on the same win, attended the same
meeting, or both made commitments on the same project. A project pair is dated when the second of
the two first committed on it. Edges are built from integer codes with vectorised numpy
(``pairs.py``), never nested loops, so 200,000 commitments stay fast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from dashboard.clean.names import keys
from dashboard.limits import MAX_LIST_PEOPLE
from dashboard.metrics.pairs import pairs_within_groups
from dashboard.metrics.scope import Scope

EDGE_COLUMNS = ["a", "b", "weight", "first_seen"]


def _members(
    table: pd.DataFrame, group: str, codes: pd.Series, largest: int | None = None
) -> pd.DataFrame:
    """Distinct (group, person code) with the member's date; groups of more than ``largest``
    people left out (a list too long forms no links, docs/METRICS.md "Limits")."""
    frame = pd.DataFrame(
        {
            "group": table[group].to_numpy(),
            "code": table["person"].map(codes).to_numpy(),
            "date": table["date"].to_numpy(),
        }
    ).dropna(subset=["code"])
    frame["code"] = frame["code"].astype("int64")
    members = frame.groupby(["group", "code"], as_index=False, sort=False)["date"].min()
    if largest is not None:
        size = members.groupby("group")["code"].transform("size")
        members = members[size <= largest]
    return members


def event_pairs(scope: Scope, codes: pd.Series) -> pd.DataFrame:
    """Every shared event as a dated pair of person codes (a < b); one row per event."""
    c = scope.commitments
    commits = pd.DataFrame({"project": c["project"], "person": c["person"], "date": c["made"]})
    commits["project"] = commits["project"].astype("category").cat.codes
    parts = []
    for table, group, largest in (
        (scope.win_people, "win_id", MAX_LIST_PEOPLE),
        (scope.meeting_people, "meeting_id", MAX_LIST_PEOPLE),
        (commits, "project", None),  # a project's team is no typed list: no limit
    ):
        members = _members(table, group, codes, largest)
        parts.append(
            pairs_within_groups(
                members["group"].to_numpy(),
                members["code"].to_numpy(),
                members["date"].to_numpy().astype("datetime64[ns]"),
            )
        )
    return pd.concat(parts, ignore_index=True)


def person_codes(scope: Scope) -> pd.Series:
    """An integer code per known person (index: person id), in the People table's order."""
    people = scope.people["person"]
    return pd.Series(np.arange(len(people), dtype="int64"), index=people.to_numpy())


DENSE_KEYS = 40_000_000  # up to this many possible pairs, count them in flat arrays


def edge_table(scope: Scope) -> pd.DataFrame:
    """Distinct linked pairs (codes) with their weight (shared events) and first shared date."""
    pairs = event_pairs(scope, person_codes(scope))
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    # number only the people who share an event: a collaboration's pairs stay in its own space
    linked = np.zeros(len(scope.people), dtype=bool)
    linked[a] = True
    linked[b] = True
    nodes = np.flatnonzero(linked)
    renumber = np.cumsum(linked) - 1
    size = np.int64(max(len(nodes), 1))
    key = renumber[a] * size + renumber[b]
    days = pairs["date"].to_numpy().astype("datetime64[ns]").view("int64")
    if size * size <= DENSE_KEYS:
        keys, weight, first = _group_flat(key, days, int(size * size))
    else:
        grouped = pd.DataFrame({"key": key, "date": days}).groupby("key")["date"]
        stats = grouped.agg(["size", "min"])
        keys, weight, first = (
            stats.index.to_numpy(),
            stats["size"].to_numpy(),
            stats["min"].to_numpy(),
        )
    return pd.DataFrame(
        {
            "a": nodes[keys // size],
            "b": nodes[keys % size],
            "weight": weight.astype("int64"),
            "first_seen": first.astype("int64").view("datetime64[ns]"),
        }
    )


def _group_flat(key: np.ndarray, days: np.ndarray, space: int) -> tuple:
    """Count and first date per pair key with flat arrays over every possible pair: linear in
    the number of events, no sort and no hash table."""
    weight = np.bincount(key, minlength=space)
    first = np.full(space, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, key, days)
    keys = np.flatnonzero(weight)
    return keys, weight[keys], first[keys]


def adjacency(edge_codes: pd.DataFrame, size: int) -> sparse.csr_matrix:
    a = edge_codes["a"].to_numpy()
    b = edge_codes["b"].to_numpy()
    ones = np.ones(len(a) * 2, dtype=np.int32)
    return sparse.csr_matrix(
        (ones, (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(size, size)
    )


def component_count(edge_codes: pd.DataFrame, node_list: np.ndarray, size: int) -> int:
    """Connected components among ``node_list`` (codes < ``size``), isolated nodes included."""
    if len(node_list) == 0:
        return 0
    _, labels = connected_components(adjacency(edge_codes, size), directed=False)
    return int(len(np.unique(labels[node_list])))


def org_keys(people: pd.DataFrame) -> pd.Series:
    """Organization compared by name key (``"ACME "`` = ``"Acme"``); blank where unknown."""
    return keys(people["organization"])


def key_codes(people: pd.DataFrame, column: str) -> np.ndarray:
    """Per person (in code order), an integer for the name key of ``column``; −1 where blank."""
    codes, _ = pd.factorize(keys(people[column]).to_numpy(dtype=object), use_na_sentinel=True)
    return codes


def differ(codes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs (a, b) whose two people have known, different values (organizations, sectors…)."""
    ca, cb = codes[a], codes[b]
    return (ca >= 0) & (cb >= 0) & (ca != cb)
