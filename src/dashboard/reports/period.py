"""Figures over a period (``--from`` … ``--to``), for the funder report, and the same for the
previous period of the same length, so every figure has its change.

They are built from the docs/METRICS.md pieces (records ≤ D, activity, the edge list) with the
period's end as D; a figure "in the period" counts what is dated from its first to its last day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by
from dashboard.metrics.grouped import counts, distinct
from dashboard.metrics.network import edge_table, key_codes
from dashboard.metrics.scope import Scope, grouped, rates

FIGURES = {
    "wins": "Small wins",
    "commitments_made": "Commitments made",
    "commitments_due": "Commitments due",
    "follow_through": "Commitments kept (share of those due)",
    "people_active": "People taking part",
    "new_people": "New people",
    "new_organizations": "Organizations of the new people",
    "organizations": "Organizations taking part",
    "new_links": "New working relationships",
    "network_people": "Network: people (at the end)",
    "network_links": "Network: relationships (at the end)",
}


def period_figures(
    dataset: Dataset, start: dt.date, end: dt.date, collaboration: str | None = None
) -> dict[str, float | int | None]:
    """The figures of ``start``…``end`` of every record, or of one collaboration's."""
    names = None if collaboration is None else [collaboration]
    return figures_by_group(PeriodScope.of(dataset, end, names), start, end)[0]


@dataclass(frozen=True)
class PeriodScope:
    """What the period figures and the report's story read, for the records dated ≤ the period's
    end of some collaborations side by side (``metrics.scope.grouped``): built once, so the
    report's 25 paragraphs read one scope, one edge table and one list of activities between
    them, not one each."""

    scope: Scope
    events: pd.DataFrame  # ``activities``, each with its group
    edges: pd.DataFrame  # ``edge_table``, sorted by group
    firsts: pd.Series  # each (group, person)'s first activity date
    organizations: np.ndarray  # per person (code), the name key of their organization; −1: none

    @classmethod
    def of(cls, dataset: Dataset, end: dt.date, names: Sequence[str] | None) -> PeriodScope:
        s = grouped(dataset, end, names)
        events = activities(s)
        firsts = events.groupby(["group", "person"])["date"].min()
        return cls(s, events, edge_table(s), firsts, key_codes(s.people, "organization"))

    @property
    def size(self) -> int:
        return len(self.scope.groups)


def figures_by_group(
    p: PeriodScope, start: dt.date, end: dt.date
) -> list[dict[str, float | int | None]]:
    """``period_figures`` of each group of ``p`` (its scope's end is ``end``), in one pass."""
    s, n = p.scope, p.size
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    events = p.events
    dated = events["date"].between(first, last).to_numpy()
    firsts = p.firsts
    new = firsts[firsts.between(first, last)]
    new_group = new.index.get_level_values("group").to_numpy().astype(np.int64)
    first_group = firsts.index.get_level_values("group").to_numpy().astype(np.int64)
    orgs = p.organizations
    code = pd.Series(range(len(s.people)), index=s.people["person"].to_numpy())
    inside = events[dated][["group", "person"]].dropna().drop_duplicates()
    inside_group = inside["group"].to_numpy().astype(np.int64)
    org_of = orgs[code.reindex(inside["person"]).to_numpy()]
    new_org = orgs[code.reindex(new.index.get_level_values("person")).to_numpy()]
    c = s.commitments
    commitment_group = s.group("commitments")
    due = (c["due"].between(first, last) & (c["status"] != "dropped")).to_numpy()
    kept = counts(commitment_group, n, due & done_by(c, last).to_numpy())
    due_count = counts(commitment_group, n, due)
    edge_group = p.edges["group"].to_numpy()
    counted = {
        "wins": counts(s.group("wins"), n, s.wins["date"].between(first, last).to_numpy()),
        "commitments_made": counts(commitment_group, n, c["made"].between(first, last)),
        "commitments_due": due_count,
        "people_active": counts(inside_group, n),
        "new_people": counts(new_group, n),
        "new_organizations": distinct(new_group, new_org, n),
        "organizations": distinct(inside_group, org_of, n),
        "new_links": counts(edge_group, n, p.edges["first_seen"].between(first, last)),
        "network_people": counts(first_group, n),  # one first date per (group, person)
        "network_links": counts(edge_group, n),
    }
    following = rates(kept, due_count)
    return [
        {key: following[g] if key == "follow_through" else int(counted[key][g]) for key in FIGURES}
        for g in range(n)
    ]
