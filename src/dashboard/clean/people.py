"""Who is who: the People directory and the resolution of names and emails written in records.

A person is identified by email where People gives one, else by their name key (docs/METRICS.md,
"Names"). A list may name a listed person by name or by email. People named in records but not
on People are still counted, with no organization, and each mention is a ``unknown person``
problem so the sheet's keeper can add them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.clean import names
from dashboard.clean.cells import EMAIL

PERSON = "person"


@dataclass(frozen=True)
class Directory:
    """Listed people and the maps from an email or a name key to a person id."""

    people: pd.DataFrame
    by_email: pd.Series
    by_name: pd.Series
    duplicates: pd.DataFrame  # People rows dropped as repeats of an earlier row (same source)


def directory(people: pd.DataFrame) -> Directory:
    """Person ids for the People rows of every source; the first row of an id wins."""
    people = people.copy()
    people["name_key"] = names.keys(people["name"])
    people[PERSON] = people["email"].fillna(people["name_key"])
    repeated = people.duplicated(["source", PERSON])
    duplicates = people[repeated]
    # every spelling on any People tab names its person, also where that row is a repeat
    by_name = _unique_index(people[~repeated], "name_key")
    people = people[~repeated].drop_duplicates(PERSON).reset_index(drop=True)
    with_email = people.dropna(subset=["email"]).drop_duplicates("email")
    return Directory(
        people=people,
        by_email=pd.Series(with_email[PERSON].to_numpy(), index=with_email["email"].to_numpy()),
        by_name=by_name,
        duplicates=duplicates,
    )


def _unique_index(frame: pd.DataFrame, key: str) -> pd.Series:
    first = frame.drop_duplicates(key)
    return pd.Series(first[PERSON].to_numpy(), index=first[key].to_numpy())


def resolve(mentions: pd.Series, people: Directory) -> tuple[pd.Series, pd.Series]:
    """Person ids for names or emails as written, and a mask of those not on People. Each
    distinct spelling is resolved once (200,000 mentions hold a few thousand), then put back on
    every mention of it."""
    codes, uniques = pd.factorize(mentions.to_numpy(dtype=object), use_na_sentinel=True)
    ids, unknown = _resolve_distinct(pd.Series(uniques, dtype="string"), people)
    every_id = ids.array.take(codes, allow_fill=True)  # a blank mention (code −1) stays <NA>
    every_unknown = np.append(unknown.to_numpy(dtype=bool), False)[codes]
    return (
        pd.Series(every_id, index=mentions.index, dtype="string"),
        pd.Series(every_unknown, index=mentions.index, dtype=bool),
    )


def _resolve_distinct(mentions: pd.Series, people: Directory) -> tuple[pd.Series, pd.Series]:
    lowered = mentions.str.lower()
    ids = lowered.map(people.by_email).astype("string")
    name_keys = names.keys(mentions)
    ids = ids.fillna(name_keys.map(people.by_name).astype("string"))
    unknown = (ids.isna() & mentions.notna()).astype(bool)
    emails = {text: bool(EMAIL.fullmatch(text)) for text in lowered.dropna().unique()}
    is_email = lowered.map(emails).fillna(False).astype(bool)
    fallback = lowered.where(is_email, name_keys)
    return ids.fillna(fallback), unknown


def unlisted(ids: pd.Series, mentions: pd.Series) -> pd.DataFrame:
    """Rows for people named in records but not on People: first spelling seen, no org."""
    frame = pd.DataFrame({PERSON: ids.to_numpy(), "name": mentions.to_numpy()})
    return frame.dropna(subset=[PERSON]).drop_duplicates(PERSON)
