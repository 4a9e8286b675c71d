"""Activity of people (docs/METRICS.md, "Activity"): making a commitment, completing one, being
named on a win, attending a meeting — each on its day."""

from __future__ import annotations

import pandas as pd

from dashboard.metrics.scope import Scope


def done_by(commitments: pd.DataFrame, d: pd.Timestamp) -> pd.Series:
    """Done by D: status done and the done date blank or ≤ D."""
    return (commitments["status"] == "done") & (
        commitments["done"].isna() | (commitments["done"] <= d)
    )


def due_by(commitments: pd.DataFrame, d: pd.Timestamp) -> pd.Series:
    """docs/METRICS.md ``commitments_due``: due on or before D, not dropped (``commitments`` are
    already those made ≤ D)."""
    c = commitments
    return c["due"].notna() & (c["due"] <= d) & (c["status"] != "dropped")


def overdue(commitments: pd.DataFrame, d: pd.Timestamp) -> pd.Series:
    """docs/METRICS.md ``overdue``: due before D and still open — or done, but only after D.
    (``commitments`` are already those made ≤ D.)"""
    c = commitments
    late = c["due"].notna() & (c["due"] < d)
    return late & ((c["status"] == "open") | ((c["status"] == "done") & (c["done"] > d)))


def activities(scope: Scope) -> pd.DataFrame:
    """One row per (person, date) activity ≤ D, with its kind and its record's ``group`` (see
    ``Scope``). Duplicates are kept (counts)."""
    c = scope.commitments
    completed = (c["status"] == "done") & c["done"].notna() & (c["done"] <= scope.as_of)
    completed = completed.to_numpy()
    groups = scope.group("commitments")
    parts = [
        ("commitment", c["person"], c["made"], groups),
        ("done", c["person"][completed], c["done"][completed], groups[completed]),
        ("win", scope.win_people["person"], scope.win_people["date"], scope.group("win_people")),
        (
            "meeting",
            scope.meeting_people["person"],
            scope.meeting_people["date"],
            scope.group("meeting_people"),
        ),
    ]
    out = pd.concat(
        [
            pd.DataFrame({"person": person, "date": date, "kind": kind, "group": group})
            for kind, person, date, group in parts
        ],
        ignore_index=True,
    )
    out["person"] = out["person"].astype("string")
    out["date"] = out["date"].astype("datetime64[ns]")
    return out


def first_activity(events: pd.DataFrame) -> pd.Series:
    """Each person's first activity date (index: person)."""
    return events.groupby("person")["date"].min()
