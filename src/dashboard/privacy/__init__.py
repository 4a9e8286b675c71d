"""The Dataset as a funder or a team member may see it.

A funder's view has no personal names or emails anywhere: each person becomes "Person N" (N from
a hash of their identity, so the numbering says nothing about names or order of joining), emails
are blanked, and free text a team typed (wins, commitments, results, evidence, problem values) has
every known name and email masked (``privacy.masking.Masker``). Every page then runs unchanged
on that view, so no page can leak what it never receives.

A team member's view holds only their collaborations' records, the people who belong to or took
part in them, and the problems of their own rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.privacy.masking import Masker

PERSON_TABLES = ("commitments", "win_people", "meeting_people")
FREE_TEXT = {
    "commitments": ("commitment", "result"),
    "wins": ("win", "evidence"),
    "projects": ("pathfinder", "lead"),
    "collaborations": ("coordinator",),
}
HIDDEN = "[hidden]"


def pseudonyms(people: pd.Series) -> pd.Series:
    """``Person N`` for each distinct identity, N ranked by a hash of the identity."""
    distinct = pd.Series(people.dropna().unique())
    order = pd.util.hash_pandas_object(distinct, index=False).rank(method="first").astype(int)
    return pd.Series(("Person " + order.astype(str)).to_numpy(), index=distinct.to_numpy())


def _masked(column: pd.Series, masker: Masker) -> pd.Series:
    """Mask each distinct value once (texts repeat), keeping blanks blank."""
    distinct = column.dropna().unique()
    mapping = {value: masker(value) for value in distinct}
    return column.map(mapping).astype(column.dtype)


def anonymised(dataset: Dataset) -> Dataset:
    """The dataset with every person pseudonymised and free text masked (for funders)."""
    masker = Masker(dataset.people)
    names = pseudonyms(dataset.people["person"])
    people = dataset.people.assign(
        person=dataset.people["person"].map(names),
        name=dataset.people["person"].map(names),
        email=pd.Series(pd.NA, index=dataset.people.index, dtype="string"),
    )
    tables = {"people": people}
    for table in PERSON_TABLES:
        frame = getattr(dataset, table)
        tables[table] = frame.assign(person=frame["person"].map(names))
    for table, columns in FREE_TEXT.items():
        frame = tables.get(table, getattr(dataset, table))
        present = [c for c in columns if c in frame.columns]
        tables[table] = frame.assign(**{c: _masked(frame[c], masker) for c in present})
    problems = dataset.problems
    on_people = problems["tab"].astype("string").str.casefold().eq("people").fillna(False)
    values = _masked(problems["value"].astype("string"), masker).mask(on_people, HIDDEN)
    tables["problems"] = problems.assign(
        value=values, reason=_masked(problems["reason"].astype("string"), masker)
    )
    return replace(dataset, **tables)


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
