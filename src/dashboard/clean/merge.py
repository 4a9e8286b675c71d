"""Merge the typed tables of every source into the clean tables the metrics read.

Here names become identities: people across all sources (the same person in two regions' sheets is
one person — the bridges the network page shows), projects within their source, and each record's
collaboration by the rule of docs/METRICS.md.
"""

from __future__ import annotations

import pandas as pd

from dashboard.clean import names
from dashboard.clean.problems import ProblemLog
from dashboard.schema import UNASSIGNED


class CollaborationNames:
    """The first spelling of each collaboration, by name key, across everything read."""

    def __init__(self, *columns: pd.Series) -> None:
        spelled = pd.concat([c.dropna().astype("string") for c in columns], ignore_index=True)
        spelled = spelled[spelled.str.strip().ne("")]
        keys = names.keys(spelled)
        first = pd.DataFrame({"key": keys, "name": spelled}).dropna().drop_duplicates("key")
        self._by_key = pd.Series(first["name"].to_numpy(), index=first["key"].to_numpy())

    def all_names(self) -> list[str]:
        return [str(name) for name in self._by_key.to_numpy()]

    def canonical(self, values: pd.Series) -> pd.Series:
        return names.keys(values).map(self._by_key).astype("string")


def record_collaboration(
    table: pd.DataFrame, project_collab: pd.Series, collabs: CollaborationNames
) -> pd.Series:
    """Its project's collaboration; else its own column; else the source's; else unassigned."""
    chosen = table["project"].map(project_collab).astype("string")
    chosen = chosen.fillna(table["collaboration"]).fillna(table["source_collab"])
    return collabs.canonical(chosen).fillna(UNASSIGNED)


def report_unknown_people(
    log: ProblemLog, table: pd.DataFrame, unknown: pd.Series, column: str, mentions: pd.Series
) -> None:
    log.add_rows(
        table,
        unknown,
        column,
        mentions,
        "unknown person",
        "not on the People tab; counted with no organization",
    )
