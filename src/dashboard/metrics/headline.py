"""The headline figures of docs/METRICS.md, keys exactly as named there (``summary --json``).

Every figure is computed for all the groups of a scope at once (``scoped_figures``): the headline
is one group, ``summary``'s ``by_collaboration`` one group per collaboration — one pass over the
tables and one edge list, however many collaborations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by, due_by, overdue
from dashboard.metrics.concentration import top_share_by_group
from dashboard.metrics.graph_figures import network_by_group
from dashboard.metrics.grouped import codes_of, counts, distinct, first_dates, positions
from dashboard.metrics.network import key_codes
from dashboard.metrics.projects import ProjectStates
from dashboard.metrics.scope import Scope, grouped, rates, scope, window

KEYS = (
    "as_of",
    "collaborations",
    "projects_active",
    "people",
    "organizations",
    "wins",
    "wins_last_30",
    "wins_prev_30",
    "commitments_made",
    "commitments_due",
    "follow_through",
    "overdue",
    "active_last_30",
    "new_last_30",
    "top10_share",
    "stalled_projects",
    "network_nodes",
    "network_edges",
    "network_density",
    "cross_org_share",
    "cross_collab_share",
    "components",
    "adjacent_possible",
    "new_edges_last_30",
    "degree_centralization",
    "org_edges",
    "triangles_closed_last_30",
    "learning_share",
    "brokers",
    "core_share",
    "two_step_reach",
    "weavers_last_30",
    "network_stage",
)


def headline(dataset: Dataset, as_of: pd.Timestamp) -> dict:
    """Every headline figure at ``as_of`` over all collaborations."""
    figures = {"as_of": pd.Timestamp(as_of).strftime("%Y-%m-%d")}
    s = scope(dataset, as_of)
    figures["collaborations"] = _collaborations(dataset, s)
    figures.update(scoped_figures(s)[0])
    return {key: figures[key] for key in KEYS}


def summary(dataset: Dataset, as_of: pd.Timestamp) -> dict:
    """The headline figures plus ``by_collaboration``: the same (but as_of and collaborations)
    on each collaboration's records only."""
    out = headline(dataset, as_of)
    out["by_collaboration"] = by_collaboration(dataset, as_of)
    return out


def by_collaboration(dataset: Dataset, as_of: pd.Timestamp) -> dict[str, dict]:
    """The scoped figures of each collaboration of the Collaborations table, in its order."""
    names = dataset.collaborations["collaboration"].tolist()
    if not names:
        return {}
    return dict(zip(names, scoped_figures(grouped(dataset, as_of, names)), strict=True))


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


def scoped_figures(s: Scope) -> list[dict]:
    """The figures of each group of ``s`` (all keys but ``as_of`` and ``collaborations``)."""
    n = len(s.groups)
    events = activities(s)
    person = positions(events["person"], s.people["person"])  # person codes, as in the graph
    organization = key_codes(s.people, "organization")
    columns = {
        **ProjectStates(s).per_group(n),
        **_momentum(s, n),
        **_participation(s, events, person, organization),
        **network_by_group(s, events, person, organization),
    }
    return [{key: _plain(columns[key][i]) for key in KEYS[2:]} for i in range(n)]


def _plain(value: object) -> object:
    """Python numbers for JSON (numpy integers become ``int``)."""
    return int(value) if isinstance(value, np.integer) else value


def _momentum(s: Scope, n: int) -> dict:
    d = s.as_of
    dates = s.wins["date"]
    wins = s.group("wins")
    c = s.commitments
    made = s.group("commitments")
    due = due_by(c, d).to_numpy()
    kept = counts(made, n, due & done_by(c, d).to_numpy())
    return {
        "wins": counts(wins, n),
        "wins_last_30": counts(wins, n, dates.between(*window(d, 30))),
        "wins_prev_30": counts(wins, n, dates.between(*window(d, 30, offset=30))),
        "commitments_made": counts(made, n),
        "commitments_due": counts(made, n, due),
        "follow_through": rates(kept, counts(made, n, due)),
        "overdue": counts(made, n, overdue(c, d)),
        "top10_share": top_share_by_group(made, codes_of(c["person"]), n),
    }


def _participation(
    s: Scope, events: pd.DataFrame, person: np.ndarray, organization: np.ndarray
) -> dict:
    n = len(s.groups)
    groups = events["group"].to_numpy()
    start, end = window(s.as_of, 30)
    dates = events["date"]
    recent = dates.between(start, end).to_numpy()
    organization = np.where(person >= 0, organization[person], -1)
    first_group, first = first_dates(groups, person, dates.to_numpy())
    new = (first >= start.to_datetime64()) & (first <= end.to_datetime64())
    return {
        "people": distinct(groups, person, n),
        "organizations": distinct(groups, organization, n),
        "active_last_30": distinct(groups[recent], person[recent], n),
        "new_last_30": np.bincount(first_group[new], minlength=n),
    }
