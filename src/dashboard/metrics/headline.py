"""The headline figures of docs/METRICS.md, keys exactly as named there (``summary --json``)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by, due_by, first_activity, overdue
from dashboard.metrics.network import (
    component_count,
    differ,
    edge_table,
    key_codes,
    org_keys,
    person_codes,
)
from dashboard.metrics.projects import active_projects, last_touch
from dashboard.metrics.scope import Scope, rate, scope, window
from dashboard.metrics.shape import shape_figures
from dashboard.metrics.two_step import count_unlinked_with_shared

KEYS = (
    "as_of", "collaborations", "projects_active", "people", "organizations", "wins",
    "wins_last_30", "wins_prev_30", "commitments_made", "commitments_due", "follow_through",
    "overdue", "active_last_30", "new_last_30", "top10_share", "stalled_projects",
    "network_nodes", "network_edges", "network_density", "cross_org_share",
    "cross_collab_share", "components", "adjacent_possible", "new_edges_last_30",
    "degree_centralization", "org_edges", "triangles_closed_last_30", "learning_share",
)  # fmt: skip


def headline(dataset: Dataset, as_of) -> dict:  # noqa: ANN001 - a date, str or Timestamp
    """Every headline figure at ``as_of`` over all collaborations."""
    figures = {"as_of": pd.Timestamp(as_of).strftime("%Y-%m-%d")}
    s = scope(dataset, as_of)
    figures["collaborations"] = _collaborations(dataset, s)
    figures.update(scoped_figures(s))
    return {key: figures[key] for key in KEYS}


def summary(dataset: Dataset, as_of) -> dict:  # noqa: ANN001
    """The headline figures plus ``by_collaboration``: the same (but as_of and collaborations)
    on each collaboration's records only."""
    out = headline(dataset, as_of)
    out["by_collaboration"] = {
        name: scoped_figures(scope(dataset, as_of, name))
        for name in dataset.collaborations["collaboration"]
    }
    return out


def _collaborations(dataset: Dataset, s: Scope) -> int:
    """Distinct collaborations named on the Collaborations tab or by any record, as of D: rows
    dated after D (a collaboration started, a person joined, a project started, a record made
    after D) do not name one yet. ``unassigned`` is not a collaboration."""
    d = s.as_of

    def undated_or_by_d(table: pd.DataFrame, column: str) -> pd.Series:
        return table.loc[table[column].isna() | (table[column] <= d), "collaboration"]

    listed = dataset.collaborations[dataset.collaborations["listed"]]
    named = pd.concat(
        [
            undated_or_by_d(listed, "started"),
            undated_or_by_d(dataset.projects[dataset.projects["listed"]], "started"),
            undated_or_by_d(dataset.people[dataset.people["listed"]], "joined"),
            s.commitments["collaboration"],
            s.wins["collaboration"],
            s.meetings["collaboration"],
        ]
    ).dropna()
    return int(named[named != "unassigned"].nunique())


def scoped_figures(s: Scope) -> dict:
    """The figures of one scope (all keys but ``as_of`` and ``collaborations``)."""
    events = activities(s)
    figures = {**_projects(s), **_momentum(s), **_participation(s, events)}
    figures.update(_network(s, events))
    return {key: figures[key] for key in KEYS[2:]}


def _momentum(s: Scope) -> dict:
    d = s.as_of
    last = window(d, 30)
    prev = window(d, 30, offset=30)
    dates = s.wins["date"]
    c = s.commitments
    due = c[due_by(c, d)]
    return {
        "wins": int(len(dates)),
        "wins_last_30": int(dates.between(*last).sum()),
        "wins_prev_30": int(dates.between(*prev).sum()),
        "commitments_made": int(len(c)),
        "commitments_due": int(len(due)),
        "follow_through": rate(done_by(due, d).sum(), len(due)),
        "overdue": int(overdue(c, d).sum()),
        "top10_share": _top10_share(c),
    }


def _top10_share(commitments: pd.DataFrame) -> float | None:
    """Share of commitments held by the ⌈10 %⌉ of committing people with the most."""
    counts = commitments.groupby("person").size()
    if counts.empty:
        return None
    top = math.ceil(len(counts) * 0.1)
    held = np.sort(counts.to_numpy())[::-1][:top].sum()
    return rate(held, counts.sum())


def _participation(s: Scope, events: pd.DataFrame) -> dict:
    last = window(s.as_of, 30)
    people = events["person"].unique()
    orgs = org_keys(s.people.set_index("person").reindex(people).reset_index())
    firsts = first_activity(events)
    return {
        "people": int(len(people)),
        "organizations": int(orgs.dropna().nunique()),
        "active_last_30": int(events.loc[events["date"].between(*last), "person"].nunique()),
        "new_last_30": int(firsts.between(*last).sum()),
    }


def _projects(s: Scope) -> dict:
    active = active_projects(s)
    touched = last_touch(s).reindex(active)
    limit = s.as_of - pd.Timedelta(days=59)
    stalled = touched.isna() | (touched < limit)
    return {"projects_active": int(len(active)), "stalled_projects": int(stalled.sum())}


def _network(s: Scope, events: pd.DataFrame) -> dict:
    codes = person_codes(s)
    nodes = codes.reindex(events["person"].unique()).to_numpy()
    edges = edge_table(s)
    n, e = len(nodes), len(edges)
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    last = window(s.as_of, 30)
    return {
        **shape_figures(s, nodes, edges),
        "network_nodes": int(n),
        "network_edges": int(e),
        "network_density": rate(2 * e, n * (n - 1)),
        "cross_org_share": rate(differ(key_codes(s.people, "organization"), a, b).sum(), e),
        "cross_collab_share": rate(differ(key_codes(s.people, "collaboration"), a, b).sum(), e),
        "components": component_count(edges, nodes, len(codes)),
        "adjacent_possible": count_unlinked_with_shared(edges),
        "new_edges_last_30": int(edges["first_seen"].between(*last).sum()),
    }
