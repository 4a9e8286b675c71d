"""A view of the Dataset restricted to some collaborations and projects (the pages' filters).

People and the Collaborations tab are kept whole: they are lookups (a person's organization does
not change with the filter). Records, and the people links of the records kept, are restricted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard.dataset import Dataset

# Each filter's name in a page's URL (``?collaboration=…&from=…&to=…``): the pages read and write
# them (``ui.filters``), and a digest's link opens the app with them.
URL_PARAMS = {
    "collaborations": "collaboration",
    "projects": "project",
    "start": "from",
    "end": "to",
}


def _keep(table: pd.DataFrame, collaborations: Sequence[str], projects: Sequence[str]) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    if collaborations:
        mask &= table["collaboration"].isin(list(collaborations))
    if projects:
        mask &= table["project"].isin(list(projects))
    return mask.fillna(False).astype(bool)


def filtered(
    dataset: Dataset, collaborations: Sequence[str] = (), projects: Sequence[str] = ()
) -> Dataset:
    """Only the records of the given collaborations and projects (empty: no restriction)."""
    if not collaborations and not projects:
        return dataset
    wins = dataset.wins[_keep(dataset.wins, collaborations, projects)]
    meetings = dataset.meetings[_keep(dataset.meetings, collaborations, projects)]
    collabs = dataset.collaborations
    if collaborations:
        collabs = collabs[collabs["collaboration"].isin(list(collaborations))]
    return replace(
        dataset,
        collaborations=collabs,
        projects=dataset.projects[_keep(dataset.projects, collaborations, projects)],
        commitments=dataset.commitments[_keep(dataset.commitments, collaborations, projects)],
        wins=wins,
        win_people=dataset.win_people[dataset.win_people["win_id"].isin(wins["win_id"])],
        meetings=meetings,
        meeting_people=dataset.meeting_people[
            dataset.meeting_people["meeting_id"].isin(meetings["meeting_id"])
        ],
    )
