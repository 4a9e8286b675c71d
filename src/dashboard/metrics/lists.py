"""Lists a coordinator acts on: overdue commitments, commitments due soon, wins by category."""

from __future__ import annotations

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import overdue
from dashboard.metrics.scope import scope

COMMITMENT_COLUMNS = ["due", "name", "project", "commitment", "status", "collaboration"]


def _with_names(commitments: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    names = people.set_index("person")["name"]
    return commitments.assign(name=commitments["person"].map(names).fillna(commitments["person"]))


def overdue_commitments(dataset: Dataset, as_of: pd.Timestamp) -> pd.DataFrame:
    """docs/METRICS.md ``overdue``: made ≤ D, due < D, open — or done with a done date after D."""
    s = scope(dataset, as_of)
    c = s.commitments
    d = s.as_of
    out = _with_names(c[overdue(c, d)], s.people).sort_values("due")
    return out.assign(days_late=(d - out["due"]).dt.days)[COMMITMENT_COLUMNS + ["days_late"]]


def due_soon(dataset: Dataset, as_of: pd.Timestamp, days: int = 30) -> pd.DataFrame:
    """Open commitments due from D to D+days−1 (the next 30 days, both ends included)."""
    s = scope(dataset, as_of)
    c = s.commitments
    end = s.as_of + pd.Timedelta(days=days - 1)
    upcoming = (c["status"] == "open") & c["due"].between(s.as_of, end)
    return _with_names(c[upcoming], s.people).sort_values("due")[COMMITMENT_COLUMNS]


def wins_per_month_by(
    dataset: Dataset, as_of: pd.Timestamp, by: str, top: int | None = 8
) -> pd.DataFrame:
    """Wins per month and ``by`` (category or project); beyond the ``top`` most frequent: other
    (``None``: none is other)."""
    wins = scope(dataset, as_of).wins
    labels = wins[by].fillna("(none)")
    common = labels.value_counts().index[:top]
    labels = labels.where(labels.isin(common), "other")
    month = wins["date"].dt.to_period("M").dt.to_timestamp()
    counts = pd.DataFrame({"month": month, by: labels}).groupby(["month", by]).size()
    return counts.rename("wins").reset_index()


def latest_wins(
    dataset: Dataset, start: pd.Timestamp, as_of: pd.Timestamp, count: int = 15
) -> pd.DataFrame:
    """The ``count`` most recent wins from ``start`` to D, the latest row of a day first."""
    wins = dataset.wins
    wins = wins[(wins["date"] >= pd.Timestamp(start)) & (wins["date"] <= pd.Timestamp(as_of))]
    latest = wins.sort_values(["date", "row"], ascending=False).head(count)
    return latest[["date", "win", "project", "category", "size", "collaboration"]]
