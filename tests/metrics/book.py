"""Tiny workbooks for the metrics tests, written as raw sheets and cleaned by the real loader.

Every test picks ``D`` (2024-06-30) as its as_of unless it says otherwise, so the windows are
easy to see: ``last_30`` = D−29 … D = 2024-06-01 … 2024-06-30 (all of June) and
``prev_30`` = D−59 … D−30 = 2024-05-02 … 2024-05-31.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.dataset import Dataset
from tests.fixtures import dataset_of

D = dt.date(2024, 6, 30)

HEADERS = {
    "Collaborations": ["Collaboration", "Region"],
    "People": ["Name", "Email", "Organization", "Sector", "Collaboration"],
    "Projects": ["Project", "Collaboration", "Status", "Started"],
    "Commitments": [
        "Person",
        "Project",
        "Commitment",
        "Made",
        "Due",
        "Status",
        "Done",
        "Collaboration",
        "Result",
    ],
    "Wins": ["Date", "Win", "Project", "People", "ID", "Collaboration", "Size"],
    "Meetings": ["Date", "Project", "Collaboration", "Attendees"],
}


def ago(days: int, as_of: dt.date = D) -> str:
    """The ISO date ``days`` before ``as_of`` (``ago(0)`` is D itself)."""
    return (as_of - dt.timedelta(days=days)).isoformat()


def after(days: int, as_of: dt.date = D) -> str:
    """The ISO date ``days`` after ``as_of``: ignored by every figure."""
    return (as_of + dt.timedelta(days=days)).isoformat()


def ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day)


def person(name, email="", org="", sector="", collab=""):
    return [name, email, org, sector, collab]


def project(name, collab="", status="", started=""):
    return [name, collab, status, started]


def commitment(who, proj, made, due="", status="", done="", collab="", result=""):
    return [who, proj, None, made, due, status, done, collab, result]


def win(date, people, proj="", collab="", title=None, win_id="", size=""):
    return [date, title, proj, people, win_id, collab, size]


def meeting(date, attendees, proj="", collab=""):
    return [date, proj, collab, attendees]


def book(
    people=(), projects=(), commitments=(), wins=(), meetings=(), collaborations=()
) -> Dataset:
    """A Dataset cleaned from these rows exactly as the loader cleans a workbook."""
    commitments = [row[:2] + [row[2] or f"step {i}"] + row[3:] for i, row in enumerate(commitments)]
    wins = [row[:1] + [row[1] or f"win {i}"] + row[2:] for i, row in enumerate(wins)]
    tabs = {
        "Collaborations": [[c, ""] for c in collaborations],
        "People": list(people),
        "Projects": list(projects),
        "Commitments": commitments,
        "Wins": wins,
        "Meetings": list(meetings),
    }
    sheets = {tab: [HEADERS[tab]] + [list(r) for r in rows] for tab, rows in tabs.items()}
    return dataset_of(sheets, label="t")
