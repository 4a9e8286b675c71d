"""Figures over a period (``--from`` … ``--to``), for the funder report, and the same for the
previous period of the same length, so every figure has its change.

They are built from the docs/METRICS.md pieces (records ≤ D, activity, the edge list) with the
period's end as D; a figure "in the period" counts what is dated from its first to its last day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by
from dashboard.metrics.network import edge_table, key_codes
from dashboard.metrics.scope import rate, scope

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
    s = scope(dataset, end, collaboration)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    events = activities(s)
    inside = events[events["date"].between(first, last)]
    firsts = events.groupby("person")["date"].min()
    new = firsts[firsts.between(first, last)].index
    orgs = key_codes(s.people, "organization")
    code = pd.Series(range(len(s.people)), index=s.people["person"].to_numpy())
    org_of = pd.Series(orgs[code.reindex(inside["person"].unique()).to_numpy()])
    new_org = (
        pd.Series(orgs[code.reindex(new).to_numpy()]) if len(new) else pd.Series([], dtype=int)
    )
    c = s.commitments
    due = c[c["due"].between(first, last) & (c["status"] != "dropped")]
    edges = edge_table(s)
    return {
        "wins": int(s.wins["date"].between(first, last).sum()),
        "commitments_made": int(c["made"].between(first, last).sum()),
        "commitments_due": int(len(due)),
        "follow_through": rate(done_by(due, last).sum(), len(due)),
        "people_active": int(inside["person"].nunique()),
        "new_people": int(len(new)),
        "new_organizations": int(new_org[new_org >= 0].nunique()),
        "organizations": int(org_of[org_of >= 0].nunique()),
        "new_links": int(edges["first_seen"].between(first, last).sum()),
        "network_people": int(events["person"].nunique()),
        "network_links": int(len(edges)),
    }
