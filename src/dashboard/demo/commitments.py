"""The commitments made at the demo's 30/30s, and how each one turned out."""

from __future__ import annotations

import datetime as dt
import random

from dashboard.demo import story
from dashboard.demo.world import (
    COLLABS,
    DAY,
    DEMO_START,
    Commitment,
    Meeting,
    Person,
    end_of,
    fill,
)


def commit_at(rng: random.Random, meeting: Meeting) -> list[Commitment]:
    """Commitments made at a project's 30/30: few at first, more as the habit takes hold."""
    if meeting.project is None:
        return []
    ramp = min(1.0, (meeting.date - COLLABS[meeting.collab].started).days / 300)
    # No two people at one meeting take the same step; project steps first, then general ones.
    steps = story.ACTIONS[meeting.project.spec.name]
    menu = rng.sample(steps, len(steps)) + rng.sample(story.GENERIC_ACTIONS, 4)
    made = []
    for person in meeting.attendees:
        assert isinstance(person, Person)
        chance = 0.25 if person.collab != meeting.collab else 0.3 + 0.3 * ramp
        if rng.random() < chance and menu:
            made.append(_commitment(rng, person, meeting, menu.pop(rng.randrange(len(menu)))))
            if rng.random() < 0.06 * ramp and menu:
                made.append(_commitment(rng, person, meeting, menu.pop(0)))
    hosts = [p for p in meeting.attendees if isinstance(p, Person) and p.collab == meeting.collab]
    if not made and hosts:  # a 30/30 never ends without at least one commitment
        made.append(_commitment(rng, rng.choice(hosts), meeting, menu.pop(0)))
    return made


def _commitment(rng: random.Random, person: Person, meeting: Meeting, step: str) -> Commitment:
    assert meeting.project is not None
    collab = meeting.collab
    late = 0 if rng.random() < 0.85 else rng.randint(1, 4)  # typed in a few days later
    made = min(meeting.date + late * DAY, end_of(collab))
    due = made + rng.choice((14, 21, 28, 28, 30, 35, 42)) * DAY
    text = fill(rng, step, collab)
    status, done = _settle(rng, made, due, end_of(collab))
    result = _result(rng, status, collab)
    return Commitment(person, meeting.project, meeting, text, made, due, status, done, result)


def _settle(
    rng: random.Random, made: dt.date, due: dt.date, horizon: dt.date
) -> tuple[str, dt.date | None]:
    """Promises are kept more often as trust grows; nothing is settled after ``horizon``."""
    progress = min(1.0, (made - DEMO_START).days / 600)
    roll = rng.random()
    if roll < 0.06:
        return "dropped", None
    if roll < 0.66 + 0.22 * progress:
        done = made + rng.randint(2, (due - made).days + 12) * DAY
        return ("done", done) if done <= horizon else ("open", None)
    if due >= horizon - 40 * DAY:  # not due yet, or nobody has updated the row
        return "open", None
    return "missed", None


def _result(rng: random.Random, status: str, collab: str) -> str:
    if status == "done" and rng.random() < 0.45:
        return fill(rng, rng.choice(story.RESULTS), collab)
    if status == "missed" and rng.random() < 0.3:
        return rng.choice(story.MISSED_RESULTS)
    return ""
