"""The collaboration graph for people to use: weighted edges, and suggested introductions.

Suggested introductions make the "adjacent possible" actionable: pairs of people who are not yet
linked but share neighbours, ranked by how many, preferring pairs that would bridge
organizations, sectors or collaborations (the ties a network grows by).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.clean.names import keys
from dashboard.dataset import Dataset
from dashboard.metrics.network import differ, edge_table, key_codes
from dashboard.metrics.scope import scope
from dashboard.metrics.two_step import best_unlinked

# How much a bridge adds to the score of a pair, in shared neighbours.
BRIDGE_BONUS = {"cross_org": 1.0, "cross_sector": 0.5, "cross_collab": 1.5}
BRIDGE_COLUMNS = {
    "cross_org": "organization",
    "cross_sector": "sector",
    "cross_collab": "collaboration",
}


def edges(
    dataset: Dataset, as_of: pd.Timestamp, nodes: str = "people", collaboration: str | None = None
) -> pd.DataFrame:
    """Linked pairs with weight (shared events) and first shared date.

    ``nodes="people"`` gives person ids; ``"organizations"`` folds people into their
    organizations (pairs inside one organization and people without one are left out).
    """
    s = scope(dataset, as_of, collaboration)
    table = edge_table(s)
    ids = s.people["person"].to_numpy()
    if nodes == "organizations":
        orgs = s.people["organization"].to_numpy()
        return _fold(table, orgs, keys(s.people["organization"]).to_numpy())
    # order pairs by the ids' text through integer ranks: sorting millions of strings is slow
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(ids.astype(str), kind="stable")] = np.arange(len(ids))
    a, b = table["a"].to_numpy(), table["b"].to_numpy()
    low, high = np.where(rank[a] < rank[b], a, b), np.where(rank[a] < rank[b], b, a)
    order = np.lexsort((rank[high], rank[low]))
    return pd.DataFrame(
        {
            "a": pd.array(ids[low[order]], dtype="string"),
            "b": pd.array(ids[high[order]], dtype="string"),
            "weight": table["weight"].to_numpy()[order],
            "first_seen": table["first_seen"].to_numpy()[order],
        }
    )


def _fold(table: pd.DataFrame, names: np.ndarray, org_keys: np.ndarray) -> pd.DataFrame:
    a_key, b_key = org_keys[table["a"]], org_keys[table["b"]]
    frame = pd.DataFrame(
        {
            "a_key": a_key,
            "b_key": b_key,
            "a": names[table["a"]],
            "b": names[table["b"]],
            "weight": table["weight"].to_numpy(),
            "first_seen": table["first_seen"].to_numpy(),
        }
    )
    frame = frame[
        frame["a_key"].notna() & frame["b_key"].notna() & (frame["a_key"] != frame["b_key"])
    ]
    swap = frame["a_key"] > frame["b_key"]
    frame.loc[swap, ["a_key", "b_key", "a", "b"]] = frame.loc[
        swap, ["b_key", "a_key", "b", "a"]
    ].to_numpy()
    grouped = frame.groupby(["a_key", "b_key"], as_index=False).agg(
        a=("a", "first"),
        b=("b", "first"),
        weight=("weight", "sum"),
        first_seen=("first_seen", "min"),
    )
    return grouped[["a", "b", "weight", "first_seen"]].reset_index(drop=True)


def bridge_flags(people: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per bridge of ``BRIDGE_COLUMNS``, each person's code for it (−1 where unknown), in the
    People table's order (the graph's person codes)."""
    return {flag: key_codes(people, column) for flag, column in BRIDGE_COLUMNS.items()}


def bridge_bonus(flags: dict[str, np.ndarray], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """What bridging adds to the score of the pairs (i, j): ``BRIDGE_BONUS`` for each of
    organizations, sectors, collaborations the two have known and different."""
    return np.asarray(sum(differ(flags[f], i, j) * w for f, w in BRIDGE_BONUS.items()))


def suggested_introductions(
    dataset: Dataset,
    as_of: pd.Timestamp,
    limit: int = 20,
    collaboration: str | None = None,
) -> pd.DataFrame:
    """Unlinked pairs with ≥ 1 shared neighbour, best first: shared neighbours plus bridge bonus."""
    s = scope(dataset, as_of, collaboration)
    people = s.people
    flags = bridge_flags(people)

    def bonus(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return bridge_bonus(flags, i, j)

    out = best_unlinked(edge_table(s), bonus, limit)
    for flag, values in flags.items():
        out[flag] = differ(values, out["i"].to_numpy(), out["j"].to_numpy())
    ids = people["person"].to_numpy()
    out["a"], out["b"] = ids[out["i"]], ids[out["j"]]
    swap = out["a"] > out["b"]
    out.loc[swap, ["a", "b"]] = out.loc[swap, ["b", "a"]].to_numpy()
    out = out.sort_values(["score", "shared", "a", "b"], ascending=[False, False, True, True])
    columns = ["a", "b", "shared", "cross_org", "cross_sector", "cross_collab", "score"]
    return out[columns].head(limit).reset_index(drop=True)


def named_introductions(
    dataset: Dataset,
    people: pd.DataFrame,
    as_of: pd.Timestamp,
    limit: int = 25,
) -> pd.DataFrame:
    """``suggested_introductions`` with each side's name and organization from ``people`` (the
    whole People table, whatever the filters)."""
    intro = suggested_introductions(dataset, as_of, limit=limit)
    names = people.set_index("person")
    for side in ("a", "b"):
        intro[f"{side}_name"] = names["name"].reindex(intro[side]).fillna(intro[side]).to_numpy()
        intro[f"{side}_org"] = names["organization"].reindex(intro[side]).to_numpy()
    return intro
