"""What a person reading the sheet would question, though every cell reads: a project not on
Projects, a date in the future, a lead or coordinator not on People, a name two People rows share.

These are problems like any other (source, tab, row, column, value, kind, reason: docs/METRICS.md,
"Problems") on Data health and in ``check``; the record is still read and counted as the reason
says — nothing here drops a row. Each check is one vectorised pass over a tab, and the name checks
cost nothing when no two People rows share a name (the usual case).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.clean import names
from dashboard.clean.frame import ROW
from dashboard.clean.people import Directory, resolve
from dashboard.limits import FUTURE_DAYS, latest_allowed
from dashboard.schema import UNASSIGNED

UNKNOWN_PROJECT = "unknown project"
DATE_IN_FUTURE = "date in the future"
UNKNOWN_PERSON = "unknown person"
AMBIGUOUS_NAME = "ambiguous name"

# the dates of a record that say something happened (a commitment's ``due`` may be far ahead)
HAPPENED = {"Commitments": ("made", "done"), "Wins": ("date",), "Meetings": ("date",)}
# the columns of the record tabs that name people by name or email, and whether they hold lists
NAMING = {
    "Commitments": ("person", False),
    "Wins": ("people", True),
    "Meetings": ("attendees", True),
}


def _located(
    table: pd.DataFrame,
    mask: pd.Series,
    column: str,
    values: pd.Series,
    kind: str,
    reason: str | pd.Series,
) -> pd.DataFrame:
    """Problem rows at the masked rows of a stacked tab; ``reason`` a text or a Series."""
    hit = table[mask.to_numpy()]
    if hit.empty:
        return pd.DataFrame()
    why = reason[mask.to_numpy()].to_numpy() if isinstance(reason, pd.Series) else reason
    return pd.DataFrame(
        {
            "source": hit["source"].to_numpy(),
            "tab": hit["tab"].to_numpy(),
            "row": hit[ROW].to_numpy(),
            "column": column,
            "value": pd.Series(values)[mask.to_numpy()].astype("string").to_numpy(),
            "kind": kind,
            "reason": why,
        }
    )


def unknown_projects(
    table: pd.DataFrame, typed: pd.Series, listed: pd.DataFrame, collaboration: pd.Series
) -> pd.DataFrame:
    """A record whose project (``typed``, as written) is not on its source's Projects tab
    (``listed``: the project ids listed there, with their ``source``): still counted, under
    ``collaboration`` — its own column's, else its source's. A source whose Projects tab lists
    no project at all does not use the tab: its records are not questioned one by one."""
    project = table["project"]
    in_use = table["source"].isin(listed["source"].unique())
    unknown = project.notna() & in_use & ~project.isin(listed["project"].dropna().unique())
    hit = unknown.to_numpy(dtype=bool)  # the reasons written for these rows only
    where = collaboration[hit].astype("string").fillna(UNASSIGNED)
    reason = ("not on the Projects tab; counted as a project of " + where).where(
        where != UNASSIGNED,
        "not on the Projects tab, and no collaboration is given for it: counted as unassigned",
    )
    every = pd.Series(True, index=where.index)
    return _located(table[hit], every, "project", typed[hit], UNKNOWN_PROJECT, reason)


def future_dates(table: pd.DataFrame, tab: str, today: dt.date | None = None) -> pd.DataFrame:
    """A win, meeting, or a commitment's made or done date more than ``FUTURE_DAYS`` after the
    day of the read — the same rule the log form applies to a date typed (``limits``)."""
    latest = latest_allowed(today or dt.date.today())
    parts = []
    for column in HAPPENED[tab]:
        dates = table[column]
        ahead = (dates.notna() & (dates > pd.Timestamp(latest))).to_numpy(dtype=bool)
        reason = (
            f"more than {FUTURE_DAYS} days after the day it was read "
            f"({latest - dt.timedelta(days=FUTURE_DAYS):%Y-%m-%d}): a typo? Kept, and counted "
            "from its own date on"
        )
        shown = dates[ahead].dt.strftime("%Y-%m-%d")  # only the dates reported are written
        every = pd.Series(True, index=shown.index)
        parts.append(_located(table[ahead], every, column, shown, DATE_IN_FUTURE, reason))
    return _concat(parts)


def unknown_leads(
    projects: pd.DataFrame, collaborations: pd.DataFrame, people: Directory
) -> pd.DataFrame:
    """A project's lead or a collaboration's coordinator not on People (by name or email)."""
    parts = []
    for table, column, what in (
        (projects, "lead", "project lead"),
        (collaborations, "coordinator", "coordinator"),
    ):
        if column not in table.columns or table[column].isna().all():
            continue
        _, unknown = resolve(table[column].astype("string"), people)
        reason = f"this {what} is not on the People tab: add them, or correct the name"
        parts.append(_located(table, unknown, column, table[column], UNKNOWN_PERSON, reason))
    return _concat(parts)


def ambiguous_names(
    records: dict[str, pd.DataFrame],
    more: list[tuple[pd.DataFrame, str]],
    people: Directory,
    lists: dict[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """Each mention by name (not by email) of a name two or more People rows share, with
    different emails: two people, and the record cannot say which. Counted as the first row's
    person (the reason names every row, so the keeper can write the email instead).
    ``more``: other (table, column) pairs naming one person each (a project's lead). ``lists``:
    the record tabs' people lists already split (``names.split_lists``), by tab, so a list of
    100,000 wins is not split once more here."""
    listed = people.people
    counted = listed.groupby("name_key")["person"].transform("nunique")
    shared = listed[counted > 1]
    if shared.empty:
        return pd.DataFrame()
    rows = shared.groupby("name_key").apply(_rows_text, include_groups=False)
    parts = []
    split = lists or {}
    named: list[tuple[str | None, pd.DataFrame, str, bool]]
    named = [(tab, records[tab], *NAMING[tab]) for tab in NAMING]
    named += [(None, table, column, False) for table, column in more]
    for tab, table, column, is_list in named:
        if column not in table.columns:
            continue
        if not is_list:
            mentions = table[column].dropna()
        elif tab in split:
            mentions = split[tab]
        else:
            mentions = names.split_lists(table[column])
        mentions = mentions.astype("string")
        keys = names.keys(mentions)
        hit = np.array(keys.isin(rows.index), dtype=bool)  # a shared name: the few looked at
        if hit.any():  # ... and not written as a listed email
            hit[hit] = ~mentions[hit].str.lower().isin(people.by_email.index).to_numpy(dtype=bool)
        if not hit.any():
            continue
        located = table.loc[mentions.index[hit]]
        reason = (
            "People lists this name more than once, for different people ("
            + keys[hit].map(rows).astype("string").to_numpy()
            + "): counted as the first; write the email to say which"
        )
        every = pd.Series(True, index=range(len(located)))
        parts.append(
            _located(
                located.reset_index(drop=True),
                every,
                column,
                mentions[hit].to_numpy(),
                AMBIGUOUS_NAME,
                pd.Series(reason),
            )
        )
    return _concat(parts)


def _rows_text(group: pd.DataFrame) -> str:
    """``People rows 5 and 9``, with the source when the rows are in different sources."""
    sources = group["source"].unique()
    rows = [str(r) for r in group[ROW].tolist()]
    if len(sources) > 1:
        rows = [f"{r} ({s})" for r, s in zip(rows, group["source"], strict=True)]
    listed = ", ".join(rows[:-1]) + f" and {rows[-1]}"
    return f"People rows {listed}"


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    found = [p for p in parts if not p.empty]
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame()
