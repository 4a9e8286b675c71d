"""Did the suggested introductions happen? The follow-up on an earlier list of suggestions.

The introductions suggested as of an earlier day (the day before a period, or a past 30/30
meeting) — ``suggested_introductions`` then — each marked *closed* when the two people have been
linked since (a first shared event by D), with that day, or *open* when they still are not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.introductions import suggested_introductions
from dashboard.metrics.network import edge_table, person_codes
from dashboard.metrics.scope import day, scope

CLOSED, OPEN = "closed", "open"


def followed_up(
    dataset: Dataset,
    suggested_on: pd.Timestamp,
    as_of: pd.Timestamp,
    limit: int = 25,
    collaboration: str | None = None,
) -> pd.DataFrame:
    """The ``limit`` introductions suggested as of ``suggested_on``: a, b, shared, cross_org,
    status (closed/open at ``as_of``) and linked_on (the first shared event, when closed)."""
    intro = suggested_introductions(dataset, suggested_on, limit, collaboration)
    s = scope(dataset, as_of, collaboration)
    edges = edge_table(s)
    codes = person_codes(s)
    codes = codes[~codes.index.duplicated()]
    size = np.int64(len(s.people))
    ca = codes.reindex(intro["a"]).to_numpy()
    cb = codes.reindex(intro["b"]).to_numpy()
    wanted = pd.Series(np.minimum(ca, cb) * size + np.maximum(ca, cb))
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    linked = pd.Series(
        edges["first_seen"].to_numpy(),
        index=np.minimum(a, b).astype(np.int64) * size + np.maximum(a, b),
    )
    on = linked.reindex(wanted.to_numpy()).to_numpy()
    later = pd.Series(on, dtype="datetime64[ns]")
    later = later.where(later > day(suggested_on))
    return intro[["a", "b", "shared", "cross_org"]].assign(
        status=np.where(later.notna(), CLOSED, OPEN), linked_on=later.to_numpy()
    )


def named_follow_up(
    dataset: Dataset,
    people: pd.DataFrame,
    suggested_on: pd.Timestamp,
    as_of: pd.Timestamp,
    limit: int = 25,
) -> pd.DataFrame:
    """``followed_up`` with each side's name from ``people`` (the whole People table)."""
    out = followed_up(dataset, suggested_on, as_of, limit)
    names = people.drop_duplicates("person").set_index("person")["name"]
    for side in ("a", "b"):
        out[f"{side}_name"] = names.reindex(out[side]).fillna(out[side]).to_numpy()
    return out
