"""A view of the Dataset restricted to some collaborations and projects (the pages' filters).

People and the Collaborations tab are kept whole: they are lookups (a person's organization does
not change with the filter). Records, and the people links of the records kept, are restricted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
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


def by_collaboration(dataset: Dataset, names: Sequence[str]) -> dict[str, Dataset]:
    """``filtered(dataset, [name])`` for each of ``names``, from one sort of each table instead
    of a pass over every table per collaboration (the impact report's 25 paragraphs)."""
    unique_ids = dataset.wins["win_id"].is_unique and dataset.meetings["meeting_id"].is_unique
    if not unique_ids:  # a link could belong to two records: the general filter says which
        return {name: filtered(dataset, [name]) for name in names}
    index = pd.Index(list(names))
    codes = {
        table: index.get_indexer(getattr(dataset, table)["collaboration"].astype(object))
        for table in ("collaborations", "projects", "commitments", "wins", "meetings")
    }
    for links, records, key in (
        ("win_people", "wins", "win_id"),
        ("meeting_people", "meetings", "meeting_id"),
    ):
        record_ids = pd.Index(getattr(dataset, records)[key].to_numpy())
        at = record_ids.get_indexer(getattr(dataset, links)[key].to_numpy())
        codes[links] = np.where(at >= 0, codes[records][at], -1)
    rows = {table: _rows_by_code(code, len(names)) for table, code in codes.items()}
    return {
        name: replace(
            dataset, **{table: getattr(dataset, table).iloc[rows[table][i]] for table in rows}
        )
        for i, name in enumerate(names)
    }


def _rows_by_code(codes: np.ndarray, n: int) -> list[np.ndarray]:
    """For each code 0 … n−1, the positions holding it, ascending (one stable sort)."""
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(n + 1), side="left")
    return [order[bounds[i] : bounds[i + 1]] for i in range(n)]
