"""Each tab typed on its own: dates, names, statuses, lists (docs/METRICS.md, "Reading rules").

``schema.TABS`` is the one list of the tabs, their columns (in template order) and which are
required; here each column gets its reading rule (``RULES``), and each tab's reader is built from
the two — a column in one and not the other stops the import (``unruled``).

People and projects named in records are resolved later, across all sources (``clean.build``):
a person listed in one region's sheet is the same person when another region's sheet names them.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.clean import names
from dashboard.clean.frame import ROW
from dashboard.clean.reader import TabReader
from dashboard.schema import (
    COMMITMENT_STATUSES,
    PROJECT_STATUSES,
    SECTORS,
    TABS,
    WIN_SIZES,
    Tab,
)

COMMITMENT_STATUS = {
    **dict.fromkeys(["done", "complete", "completed", "finished", "yes", "✓", "✔"], "done"),
    **dict.fromkeys(["open", "in progress", "ongoing", "started", "not started"], "open"),
    **dict.fromkeys(["missed", "late", "not done", "no"], "missed"),
    **dict.fromkeys(["dropped", "cancelled", "canceled", "abandoned"], "dropped"),
}
PROJECT_STATUS = {s: s for s in PROJECT_STATUSES}
SECTOR = {s: s for s in SECTORS}
SIZE = {s: s for s in WIN_SIZES}
assert set(COMMITMENT_STATUS.values()) == set(COMMITMENT_STATUSES)  # one vocabulary


Rule = Callable[[TabReader, str, bool], pd.Series]
"""How a column is read: (the tab's reader, the column, whether the schema requires it) → the
typed column, every unreadable cell a problem."""


def text(r: TabReader, column: str, required: bool) -> pd.Series:
    return r.text(column, required)


def name(r: TabReader, column: str, required: bool) -> pd.Series:
    return r.name(column, required)


def date(r: TabReader, column: str, required: bool) -> pd.Series:
    return r.date(column, required)


def email(r: TabReader, column: str, required: bool) -> pd.Series:
    return r.email(column)


def category(r: TabReader, column: str, required: bool) -> pd.Series:
    """Free text grouped by its squeezed spelling (``Policy `` and ``policy`` are one)."""
    return names.per_unique(r.text(column), names.squeeze)


def choice(
    synonyms: dict[str, str], what: str, blank: str | None = None, unknown: str | None = None
) -> Rule:
    """A value from a fixed list (``TabReader.choice``)."""

    def read(r: TabReader, column: str, required: bool) -> pd.Series:
        return r.choice(column, synonyms, what, blank, unknown)

    return read


REQUIRABLE = (text, name, date)  # the rules that skip a row whose required cell is blank

# One rule per column of each tab of the schema (``schema.TABS`` names the tabs, their columns
# in template order, and which are required; a column is written there once and only ruled here).
RULES: dict[str, dict[str, Rule]] = {
    "Collaborations": {
        "collaboration": name,
        "region": text,
        "country": text,
        "started": date,
        "coordinator": name,
    },
    "People": {
        "name": name,
        "email": email,
        "organization": name,
        "sector": choice(SECTOR, "sector", unknown="other"),
        "collaboration": name,
        "joined": date,
        "role": text,
    },
    "Projects": {
        "project": name,
        "collaboration": name,
        "outcome": text,
        "status": choice(PROJECT_STATUS, "project status", "active", "active"),
        "started": date,
        "pathfinder": text,
        "lead": name,
    },
    "Commitments": {
        "person": name,
        "project": name,
        "commitment": text,
        "made": date,
        "due": date,
        "status": choice(COMMITMENT_STATUS, "commitment status", "open", "open"),
        "done": date,
        "result": text,
        "collaboration": name,
        "id": text,
    },
    "Wins": {
        "date": date,
        "win": text,
        "project": name,
        "people": text,
        "category": category,
        "size": choice(SIZE, "win size"),
        "evidence": text,
        "id": text,
        "collaboration": name,
    },
    "Meetings": {
        "date": date,
        "project": name,
        "collaboration": name,
        "attendees": text,
    },
}


def unruled(tab: Tab) -> list[str]:
    """What does not match between the schema's columns of ``tab`` and its rules here: columns
    with no rule, rules for no column, required columns whose rule cannot skip a row."""
    rules = RULES.get(tab.name, {})
    return [
        *(f"{tab.name}.{c}: no rule" for c in tab.columns if c not in rules),
        *(f"{tab.name}.{c}: not in the schema" for c in rules if c not in tab.columns),
        *(
            f"{tab.name}.{c}: required, but its rule cannot skip a row"
            for c in tab.required
            if c in rules and rules[c] not in REQUIRABLE
        ),
    ]


def reader(tab: Tab) -> Callable[[TabReader], pd.DataFrame]:
    """The typed table of ``tab``: its columns in the schema's order, read by their rules, with
    ``row``; rows missing a required value left out."""
    mismatched = unruled(tab)
    if mismatched:
        raise ValueError("the schema and the reading rules differ: " + "; ".join(mismatched))
    rules = RULES[tab.name]

    def read(r: TabReader) -> pd.DataFrame:
        table = pd.DataFrame({c: rules[c](r, c, c in tab.required) for c in tab.columns})
        table[ROW] = r.frame[ROW]
        return r.kept(table)

    return read


READERS: dict[str, Callable[[TabReader], pd.DataFrame]] = {tab.name: reader(tab) for tab in TABS}
