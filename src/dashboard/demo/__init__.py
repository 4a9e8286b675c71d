"""The demo workbook: four made-up regional collaborations over two years of Strategic Doing.

Why it exists: the app must run with no setup (the README: a bundled demo workbook), and a
coordinator who tries it should recognise the story — a slow start, a growing network, one region
that stalls, a few people who bridge regions — and the mess real team sheets carry (30/30-form
headers, mixed date formats, name spellings, a handful of bad cells), so the Data health page has
something to show. Everything is drawn from one ``random.Random(seed)`` and no clock is read, so
the workbook is the same, byte for byte, every time.

The story is simulated, then written out: people join (``people.py``), projects get their leads
and members (``projects.py``) and hold monthly 30/30s (``meetings.py``), attendees make
commitments there (``commitments.py``), kept commitments and good meetings turn into wins
(``wins.py``); then the mistakes are planted (``mistakes.py``) and the tabs written
(``writer.py``). The word lists live in ``story/``; the records in ``world.py``. The draws from
the one generator happen in that order, so moving code between these modules must not reorder
them (``tests/test_demo.py`` checks the bytes).
"""

from __future__ import annotations

import random
from pathlib import Path

from dashboard.demo import story
from dashboard.demo.commitments import commit_at
from dashboard.demo.meetings import hold_meetings
from dashboard.demo.mistakes import spoil
from dashboard.demo.people import collab_people
from dashboard.demo.projects import assign_projects
from dashboard.demo.wins import wins_from
from dashboard.demo.world import World
from dashboard.demo.writer import render
from dashboard.sources.local import RawSheets, write_xlsx

__all__ = ["demo_sheets", "write_demo"]


def demo_sheets(seed: int = 7) -> RawSheets:
    """The demo workbook as raw sheets: ``{tab title: rows}``, the header row first."""
    rng = random.Random(seed)
    world = simulate(rng)
    spoil(world, rng)
    return render(world, rng)


def write_demo(path: str | Path) -> None:
    """Write the demo workbook to an ``.xlsx`` file (the same bytes every time)."""
    write_xlsx(path, demo_sheets())


def simulate(rng: random.Random) -> World:
    """The story, before any mistake is planted: people, projects, meetings, commitments, wins."""
    people = [p for collab in story.COLLABORATIONS for p in collab_people(rng, collab)]
    projects = assign_projects(rng, people)
    meetings = hold_meetings(rng, projects, people)
    commitments = [c for meeting in meetings for c in commit_at(rng, meeting)]
    wins = wins_from(rng, meetings, commitments)
    return World(people, projects, meetings, commitments, wins)
