"""Each tab typed on its own: dates, names, statuses, lists (docs/METRICS.md, "Reading rules").

People and projects named in records are resolved later, across all sources (``resolve.py``):
a person listed in one region's sheet is the same person when another region's sheet names them.
"""

from __future__ import annotations

import pandas as pd

from dashboard.clean import names
from dashboard.clean.frame import PLACE_COLUMNS, ROW
from dashboard.clean.problems import ProblemLog
from dashboard.clean.reader import TabReader
from dashboard.schema import COMMITMENT_STATUSES, PROJECT_STATUSES, SECTORS, TAB_BY_NAME, WIN_SIZES

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


def collaborations(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "collaboration": r.name("collaboration", required=True),
            "region": r.text("region"),
            "country": r.text("country"),
            "started": r.date("started"),
            "coordinator": r.name("coordinator"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


def people(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "name": r.name("name", required=True),
            "email": r.email("email"),
            "organization": r.name("organization"),
            "sector": r.choice("sector", SECTOR, "sector", unknown="other"),
            "collaboration": r.name("collaboration"),
            "joined": r.date("joined"),
            "role": r.text("role"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


def projects(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "project": r.name("project", required=True),
            "collaboration": r.name("collaboration"),
            "outcome": r.text("outcome"),
            "status": r.choice("status", PROJECT_STATUS, "project status", "active", "active"),
            "started": r.date("started"),
            "pathfinder": r.text("pathfinder"),
            "lead": r.name("lead"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


def commitments(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "person": r.name("person", required=True),
            "project": r.name("project", required=True),
            "commitment": r.text("commitment"),
            "made": r.date("made", required=True),
            "due": r.date("due"),
            "status": r.choice("status", COMMITMENT_STATUS, "commitment status", "open", "open"),
            "done": r.date("done"),
            "result": r.text("result"),
            "id": r.text("id"),
            "collaboration": r.name("collaboration"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


def wins(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "date": r.date("date", required=True),
            "win": r.text("win", required=True),
            "project": r.name("project"),
            "people": r.text("people"),
            "category": names.per_unique(r.text("category"), names.squeeze),
            "size": r.choice("size", SIZE, "win size"),
            "evidence": r.text("evidence"),
            "id": r.text("id"),
            "collaboration": r.name("collaboration"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


def meetings(r: TabReader) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "date": r.date("date", required=True),
            "project": r.name("project"),
            "collaboration": r.name("collaboration"),
            "attendees": r.text("attendees"),
            ROW: r.frame[ROW],
        }
    )
    return r.kept(table)


READERS = {
    "Collaborations": collaborations,
    "People": people,
    "Projects": projects,
    "Commitments": commitments,
    "Wins": wins,
    "Meetings": meetings,
}


def empty_typed(tab_name: str) -> pd.DataFrame:
    """The typed table of a tab with no rows, with the same columns and dtypes as a full one."""
    tab = TAB_BY_NAME[tab_name]
    frame = pd.DataFrame({column: pd.Series(dtype=object) for column in tab.columns})
    frame[ROW] = pd.Series(dtype="int64")
    for column in PLACE_COLUMNS:
        frame[column] = pd.Series(dtype=bool if column == "_day_first" else object)
    return READERS[tab_name](TabReader(frame, ProblemLog([])))
