"""The demo's meetings: each project's monthly 30/30, each network's quarterly meeting."""

from __future__ import annotations

import datetime as dt
import random

from dashboard.demo import story
from dashboard.demo.world import COLLABS, DAY, Meeting, Person, Project, end_of


def hold_meetings(
    rng: random.Random, projects: list[Project], people: list[Person]
) -> list[Meeting]:
    """Monthly 30/30s of every project, plus a quarterly meeting of each whole network."""
    by_name = {p.name: p for p in people}
    guests = [(by_name[name], project, since) for name, project, since in story.BRIDGES]
    meetings = []
    for project in projects:
        visitors = [(p, since) for p, name, since in guests if name == project.spec.name]
        for day in _meeting_days(rng, project):
            attendees = _attendance(rng, project, day, visitors)
            meetings.append(Meeting(day, project.spec.collab, project, attendees))
    for collab in story.COLLABORATIONS:
        meetings += _network_meetings(rng, collab, people)
    meetings.sort(key=lambda m: m.date)
    return meetings


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth given weekday of a month, moved off New Year's Day and the Christmas week."""
    first = dt.date(year, month, 1)
    day = first + ((weekday - first.weekday()) % 7 + 7 * (nth - 1)) * DAY
    if (month, day.day) == (1, 1):
        return day + 7 * DAY
    return day - 7 * DAY if month == 12 and day.day > 21 else day


def _meeting_days(rng: random.Random, project: Project) -> list[dt.date]:
    """Same weekday each month; more skipped in the first months and in August and December."""
    weekday, nth = rng.randrange(5), rng.randint(1, 3)
    started = COLLABS[project.spec.collab].started
    year, month = project.spec.started.year, project.spec.started.month
    days = []
    while (year, month) <= (project.end.year, project.end.month):
        day = _nth_weekday(year, month, weekday, nth)
        early = (day - started).days < 120
        skip = 0.15 if early else 0.2 if month in (8, 12) else 0.06
        if project.spec.started <= day <= project.end and rng.random() >= skip:
            days.append(day)
        year, month = year + month // 12, month % 12 + 1
    return days


def _attendance(
    rng: random.Random, project: Project, day: dt.date, visitors: list[tuple[Person, dt.date]]
) -> list[Person | str]:
    """Members come as often as they are engaged; newcomers always come to their first ones."""
    present: list[Person | str] = []
    for person in project.members:
        fresh = 0 <= (day - person.joined).days < 40
        if person.joined <= day <= person.until and (fresh or rng.random() < person.engagement):
            present.append(person)
    for person, since in visitors:
        if since <= day <= person.until and rng.random() < 0.45:
            present.append(person)
    if len(present) < 2:
        keen = [p for p in project.members if p.role == "coordinator" or p is project.lead]
        present += [p for p in keen if p not in present]
    return present


def _network_meetings(
    rng: random.Random, collab: story.Collab, people: list[Person]
) -> list[Meeting]:
    """Quarterly whole-network meetings (no project): where people from different projects meet."""
    crew = [p for p in people if p.collab == collab.name]
    meetings = []
    for year in (2025, 2026):
        for month in (3, 6, 9, 12):
            day = _nth_weekday(year, month, 3, 4)
            if not collab.started + 60 * DAY <= day <= end_of(collab.name):
                continue
            here = [p for p in crew if p.joined <= day <= p.until]
            came: list[Person | str] = [p for p in here if rng.random() < 0.7 * p.engagement]
            if len(came) >= 3:
                meetings.append(Meeting(day, collab.name, None, came))
    return meetings
