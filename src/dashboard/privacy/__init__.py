"""The Dataset as a funder or a team member may see it.

A funder's view (``privacy.funder.anonymised``) has no personal names or emails anywhere: people
are "Person N" under a deployment secret, and every text is masked for known names and emails.
A team member's view holds only their collaborations' records, the people who belong to or took
part in them, and the problems of their own rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.privacy.funder import HIDDEN, anonymised, pseudonyms

__all__ = ["HIDDEN", "anonymised", "for_team", "pseudonyms"]


def for_team(dataset: Dataset, collaborations: Sequence[str]) -> Dataset:
    """Only ``collaborations``: their records, their people, the problems of their rows."""
    view = filtered(dataset, list(collaborations))
    taking_part = pd.concat(
        [view.commitments["person"], view.win_people["person"], view.meeting_people["person"]]
    )
    people = dataset.people
    people = people[
        people["collaboration"].isin(list(collaborations)) | people["person"].isin(taking_part)
    ]
    return replace(view, people=people, problems=_team_problems(dataset, view))


def _team_problems(dataset: Dataset, view: Dataset) -> pd.DataFrame:
    """Problems of the sources that hold the team's records, less those on other teams' rows."""
    records = ["commitments", "wins", "meetings"]
    theirs = pd.concat([getattr(view, t)[["source", "tab", "row"]] for t in records])
    everyone = pd.concat([getattr(dataset, t)[["source", "tab", "row"]] for t in records])
    others = everyone.merge(theirs, how="left", indicator=True)
    others = others[others["_merge"] == "left_only"].drop(columns="_merge")
    problems = dataset.problems
    key = pd.MultiIndex.from_frame(problems[["source", "tab", "row"]].astype("string"))
    foreign = key.isin(pd.MultiIndex.from_frame(others.astype("string")))
    own_source = problems["source"].isin(theirs["source"].unique())
    return problems[own_source & ~foreign]
