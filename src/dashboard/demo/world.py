"""The demo story's records — people, projects, meetings, commitments, wins — and its calendar.

Each record may carry ``cells`` that override what is written for it: the planted mistakes
(``mistakes.py``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dashboard.config import DEMO_AS_OF
from dashboard.demo import story

DEMO_START = dt.date(2024, 11, 1)
# Wins logged through the app's form (they carry an id and a timestamp) start on this day.
FORM_LIVE = dt.date(2026, 10, 10)
DAY = dt.timedelta(days=1)
COLLABS = {c.name: c for c in story.COLLABORATIONS}


@dataclass(eq=False)
class Record:
    """Anything written as a row; ``cells`` overrides what is written (the planted mistakes)."""

    cells: dict[str, object] = field(default_factory=dict, kw_only=True)
    marked: bool = field(default=False, kw_only=True)


@dataclass(eq=False)
class Person(Record):
    name: str
    collab: str
    org: str
    sector: str
    joined: dt.date
    until: dt.date  # last day they take part (they lapse, their region stalls, or the story ends)
    engagement: float  # chance of turning up to a 30/30 of their project
    role: str
    email: str


@dataclass(eq=False)
class Project:
    spec: story.ProjectSpec
    lead: Person
    members: list[Person] = field(default_factory=list)

    @property
    def end(self) -> dt.date:
        """The last day the project holds 30/30s."""
        return min(self.spec.ended or DEMO_AS_OF, end_of(self.spec.collab))


@dataclass(eq=False)
class Meeting(Record):
    date: dt.date
    collab: str
    project: Project | None  # None: a quarterly meeting of the whole network
    attendees: list[Person | str]


@dataclass(eq=False)
class Commitment(Record):
    person: Person
    project: Project
    meeting: Meeting  # where it was made
    text: str
    made: dt.date
    due: dt.date
    status: str
    done: dt.date | None
    result: str


@dataclass(eq=False)
class Win(Record):
    date: dt.date
    text: str
    project: Project
    people: list[Person | str]
    category: str
    size: str
    evidence: str
    id: str = ""
    twice: bool = False  # pasted into the sheet two times


@dataclass
class World:
    people: list[Person]
    projects: list[Project]
    meetings: list[Meeting]
    commitments: list[Commitment]
    wins: list[Win]


def end_of(collab: str) -> dt.date:
    """The last day anything happens in a collaboration: the stalled one stops early."""
    return story.STALL_DATE if collab == story.STALLED else DEMO_AS_OF


def fill(rng: random.Random, text: str, collab: str, day: dt.date = DEMO_AS_OF) -> str:
    """A story text with its ``{org}``, ``{n}`` and ``{month}`` filled for a collaboration (shared
    by the commitments and the wins, so both draw from the generator the same way)."""
    org = rng.choice(story.ORGANIZATIONS[collab])[0]
    return text.format(org=org, n=rng.randint(3, 9), month=day.strftime("%B"))
