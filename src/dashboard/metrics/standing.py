"""Where the network stands, who weaves it and where it would tear, as headline figures for every
group of a scope (docs/METRICS.md, "Where the network stands"): ``brokers``, ``core_share``,
``two_step_reach``, ``weavers_last_30``, ``network_stage``; and the stage at each month's end.

Each group's graph is taken on its own (its rows of the edge table, renumbered over its linked
people): a depth-first search for the brokers (``cuts``), a few peelings for the main core and the
stage (``stage``), bit matrices for the reach (``reach``), and a key intersection for the
weavers (``weavers``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.cuts import cuts
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import Scope, rate, scope, window
from dashboard.metrics.stage import FRAGMENTS, main_core, share_of, stage_of, stages_over_time
from dashboard.metrics.two_step import compact, within_two_counts
from dashboard.metrics.weavers import weaver_count

STANDING_KEYS = ("brokers", "core_share", "two_step_reach", "weavers_last_30", "network_stage")


def standing(edges: pd.DataFrame, people: int, as_of: pd.Timestamp) -> dict:
    """The five figures of one graph: ``edges`` its links (codes a, b, first_seen), ``people``
    its nodes (everyone active by D, isolated ones included); and, as ``reached``, the ordered
    pairs of people within two links (the adjacent possible is its unlinked half)."""
    if edges.empty:
        return {
            "brokers": 0,
            "core_share": None,
            "two_step_reach": rate(0, people * (people - 1)) if people >= 2 else None,
            "weavers_last_30": 0,
            "network_stage": FRAGMENTS,
            "reached": 0,
        }
    a, b, nodes = compact(edges)
    m = len(nodes)
    reached = int(within_two_counts(a, b, m).sum())
    found = cuts(a, b, m)
    core = main_core(a, b, m)
    return {
        "brokers": int(found.broker.sum()),
        "core_share": share_of(core, people),
        "two_step_reach": rate(reached, people * (people - 1)),
        "weavers_last_30": weaver_count(edges, *window(as_of, 30)),
        "network_stage": stage_of(a, b, m, labels=found.label, core=core).name,
        "reached": reached,
    }


def standing_by_group(s: Scope, edges: pd.DataFrame, nodes: np.ndarray, slices: np.ndarray) -> dict:
    """The five figures of each group of ``s`` (and ``reached``, as in ``standing``): ``edges``
    sorted by group (group g is rows ``slices[g]`` … ``slices[g + 1]``), ``nodes`` each group's
    people."""
    rows = [
        standing(edges.iloc[slices[g] : slices[g + 1]], int(nodes[g]), s.as_of)
        for g in range(len(s.groups))
    ]
    return {key: [row[key] for row in rows] for key in (*STANDING_KEYS, "reached")}


def stage_series(edges: pd.DataFrame, ends: np.ndarray) -> list[str]:
    """``network_stage`` at each of ``ends`` (the months' last days, ``datetime64``)."""
    days = np.asarray(ends).astype("datetime64[D]").astype(np.int64)
    if edges.empty:
        return [FRAGMENTS] * len(days)
    a, b, nodes = compact(edges)
    first = edges["first_seen"].to_numpy().astype("datetime64[D]").astype(np.int64)
    return stages_over_time(a, b, first, len(nodes), days)


def stage_on(dataset: Dataset, day: pd.Timestamp) -> str:
    """``network_stage`` of the whole dataset as of ``day`` (fragments before any link)."""
    s = scope(dataset, day)
    return stage_series(edge_table(s), np.array([s.as_of.to_datetime64()]))[0]
