"""Who takes part: per person, commitments made and kept, wins, meetings, first and last dates."""

from __future__ import annotations

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by
from dashboard.metrics.scope import scope

PEOPLE_COLUMNS = ["person", "name", "organization", "sector", "collaboration"]


def participation(
    dataset: Dataset,
    as_of: pd.Timestamp,
    collaboration: str | None = None,
) -> pd.DataFrame:
    """One row per person with an activity ≤ D, most recently active first."""
    s = scope(dataset, as_of, collaboration)
    events = activities(s)
    c = s.commitments
    counts = pd.DataFrame(
        {
            "commitments_made": c.groupby("person").size(),
            "commitments_kept": c[done_by(c, s.as_of)].groupby("person").size(),
            "wins": s.win_people.groupby("person")["win_id"].nunique(),
            "meetings": s.meeting_people.groupby("person")["meeting_id"].nunique(),
            "first_activity": events.groupby("person")["date"].min(),
            "last_activity": events.groupby("person")["date"].max(),
        }
    )
    counts.index.name = "person"
    counts = counts.reset_index()
    for column in ("commitments_made", "commitments_kept", "wins", "meetings"):
        counts[column] = counts[column].fillna(0).astype("int64")
    people = s.people[PEOPLE_COLUMNS]
    out = people.merge(counts, on="person", how="inner")
    return out.sort_values(["last_activity", "person"], ascending=[False, True]).reset_index(
        drop=True
    )


def sectors(dataset: Dataset, as_of: pd.Timestamp, start: pd.Timestamp) -> pd.DataFrame:
    """People active from ``start`` to D, and their organizations, per sector (unknown where
    People gives none)."""
    people = participation(dataset, as_of)
    active = people[people["last_activity"] >= pd.Timestamp(start)]
    grouped = active.assign(sector=active["sector"].fillna("unknown")).groupby("sector")
    return grouped.agg(
        people=("person", "size"), organizations=("organization", "nunique")
    ).reset_index()
