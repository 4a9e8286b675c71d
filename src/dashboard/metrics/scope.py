"""What a figure looks at: the records dated on or before ``as_of``, of some collaborations.

docs/METRICS.md: "Anything dated after D is ignored, as if the world stopped at D." Every metric
starts from a ``Scope`` so that rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.dataset import Dataset


def day(value: dt.date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


@dataclass(frozen=True)
class Scope:
    """The records a figure may see, all dated ≤ ``as_of``; people and projects for lookups."""

    as_of: pd.Timestamp
    people: pd.DataFrame  # every known person (for organization, sector, home collaboration)
    projects: pd.DataFrame
    commitments: pd.DataFrame  # made ≤ D (a done date after D is kept: it means "not yet done")
    wins: pd.DataFrame  # date ≤ D
    win_people: pd.DataFrame  # person named on a win in ``wins``, with its ``date``
    meetings: pd.DataFrame
    meeting_people: pd.DataFrame  # person at a meeting in ``meetings``, with its ``date``

    @property
    def d(self) -> pd.Timestamp:
        return self.as_of


def scope(
    dataset: Dataset, as_of: dt.date | str | pd.Timestamp, collaboration: str | None = None
) -> Scope:
    """The records of ``dataset`` (of one collaboration, when named) dated ≤ ``as_of``."""
    d = day(as_of)
    commitments = dataset.commitments[dataset.commitments["made"] <= d]
    wins = dataset.wins[dataset.wins["date"] <= d]
    meetings = dataset.meetings[dataset.meetings["date"] <= d]
    projects = dataset.projects
    if collaboration is not None:
        commitments = commitments[commitments["collaboration"] == collaboration]
        wins = wins[wins["collaboration"] == collaboration]
        meetings = meetings[meetings["collaboration"] == collaboration]
        projects = projects[projects["collaboration"] == collaboration]
    return Scope(
        as_of=d,
        people=dataset.people,
        projects=projects,
        commitments=commitments,
        wins=wins,
        win_people=_named(dataset.win_people, wins, "win_id"),
        meetings=meetings,
        meeting_people=_named(dataset.meeting_people, meetings, "meeting_id"),
    )


def _named(links: pd.DataFrame, records: pd.DataFrame, key: str) -> pd.DataFrame:
    dated = records[[key, "date"]]
    return links.merge(dated, on=key, how="inner")


def rate(numerator: float, denominator: float) -> float | None:
    """A fraction rounded to 4 decimals; ``None`` where the denominator is 0 (docs/METRICS.md)."""
    if not denominator:
        return None
    return round(float(numerator) / float(denominator), 4)


def window(d: pd.Timestamp, days: int, offset: int = 0) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Whole days, both ends included: ``window(D, 30)`` = D−29 … D; offset 30 gives prev_30."""
    end = d - pd.Timedelta(days=offset)
    return end - pd.Timedelta(days=days - 1), end
