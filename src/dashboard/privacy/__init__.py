"""The Dataset as a funder or a team member may see it.

A funder's view (``privacy.funder.anonymised``) has no personal names or emails anywhere: people
are "Person K7Q2M" (a code keyed with a deployment secret), and every text is masked for known
names and emails. A team member's view holds only their collaborations' records, the people who
belong to or took part in them, and the problems and sources of their own rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard.clean.names import key_of
from dashboard.dataset import Dataset, SourceStatus
from dashboard.filtering import filtered
from dashboard.privacy.funder import HIDDEN, anonymised, pseudonyms

__all__ = ["HIDDEN", "anonymised", "for_team", "pseudonyms", "team_problems", "team_sources"]


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
    return replace(
        view,
        people=people,
        problems=team_problems(dataset, collaborations),
        placements=view.placements.iloc[0:0],
        sources=team_sources(dataset, collaborations),
    )


def team_sources(dataset: Dataset, collaborations: Sequence[str]) -> list[SourceStatus]:
    """The sources a member of ``collaborations`` is told about (how each was read, why one
    failed): those holding a row of theirs, and those tagged with one of them. Another
    collaboration's source, or one that failed before any row could be placed, is the
    coordinators' to see, like its problems."""
    wanted = {key_of(name) for name in collaborations}
    placed = dataset.placements
    in_team = placed["collaboration"].fillna("").map(key_of).isin(wanted).to_numpy(dtype=bool)
    holding = set(placed.loc[in_team, "source"].dropna())
    return [
        source
        for source in dataset.sources
        if source.label in holding
        or (source.collaboration is not None and key_of(source.collaboration) in wanted)
    ]


def team_problems(dataset: Dataset, collaborations: Sequence[str]) -> pd.DataFrame:
    """The problems a member of ``collaborations`` may see (docs/METRICS.md, "Who sees which
    problems"): those of a row placed in one of them (``Dataset.placements``: a record's
    resolved collaboration, a People/Projects/Collaborations row's own or its source's), and
    every problem of a source the configuration tags with one of them. Anything else — a row
    of another collaboration, a row skipped before it could be placed, a row that names no
    collaboration, a problem of an untagged source as a whole — is shown to coordinators only:
    a problem's value is a cell of that row, which may be someone else's name or words."""
    wanted = {key_of(name) for name in collaborations}
    placed = dataset.placements
    in_team = placed["collaboration"].fillna("").map(key_of).isin(wanted).to_numpy(dtype=bool)
    theirs = placed.loc[in_team, ["source", "tab", "row"]].astype("string")
    problems = dataset.problems
    key = pd.MultiIndex.from_frame(problems[["source", "tab", "row"]].astype("string"))
    on_their_rows = key.isin(pd.MultiIndex.from_frame(theirs)) & problems["row"].notna()
    tagged = [
        source.label
        for source in dataset.sources
        if source.collaboration and key_of(source.collaboration) in wanted
    ]
    of_their_sources = problems["source"].isin(tagged).fillna(False).to_numpy(dtype=bool)
    return problems[on_their_rows | of_their_sources]
