"""The demo's wins: kept commitments and lively 30/30s, credited to the people there."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from dashboard.config import DEMO_AS_OF
from dashboard.demo import story
from dashboard.demo.world import (
    COLLABS,
    DEMO_START,
    FORM_LIVE,
    Commitment,
    Meeting,
    Person,
    Win,
    fill,
)


def wins_from(
    rng: random.Random, meetings: list[Meeting], commitments: list[Commitment]
) -> list[Win]:
    """Kept commitments and lively 30/30s turn into wins, credited to 1-4 people."""
    wins: list[Win] = []
    used: Counter[tuple[str, str]] = Counter()  # how often each text was won, by collaboration
    for c in commitments:
        if c.status == "done" and c.done and rng.random() < 0.13 + 0.22 * _progress(c.done):
            others = [p for p in c.meeting.attendees if p is not c.person]
            crew = [c.person, *rng.sample(others, min(len(others), rng.choice((0, 0, 1, 2))))]
            wins.append(_win(rng, c.done, c.meeting, crew, used))
    for m in meetings:
        if m.project is not None and rng.random() < 0.08 + 0.27 * _progress(m.date):
            crew = rng.sample(m.attendees, rng.randint(1, min(3, len(m.attendees))))
            wins.append(_win(rng, m.date, m, crew, used))
    wins.sort(key=lambda w: w.date)
    for number, win in enumerate((w for w in wins if w.date >= FORM_LIVE), start=1):
        win.id = f"w-{number:04d}"
    return wins


def _progress(day: dt.date) -> float:
    """How far into the story a day is, 0 to 1: wins come easier as the network matures."""
    return (day - DEMO_START).days / (DEMO_AS_OF - DEMO_START).days


def _win(
    rng: random.Random,
    day: dt.date,
    meeting: Meeting,
    crew: list[Person | str],
    used: Counter[tuple[str, str]],
) -> Win:
    """A win of the meeting's project, the least told one first; a milestone (a text with no
    placeholder) comes once."""
    assert meeting.project is not None
    pool = story.WINS[meeting.project.spec.name] if rng.random() < 0.75 else story.GENERIC_WINS
    fresh = [w for w in pool if "{" in w[0] or not used[meeting.collab, w[0]]]
    fresh = fresh or [w for w in story.GENERIC_WINS if "{" in w[0]]
    least = min(used[meeting.collab, w[0]] for w in fresh)
    text, category = rng.choice([w for w in fresh if used[meeting.collab, w[0]] == least])
    used[meeting.collab, text] += 1
    weights = (4, 4, 2) if category == "funding" else (16, 3, 1)
    size = rng.choices(("small", "medium", "large"), weights)[0]
    evidence = _evidence(rng, COLLABS[meeting.collab].slug, day)
    text = fill(rng, text, meeting.collab, day)
    return Win(day, text, meeting.project, crew, category, size, evidence)


def _evidence(rng: random.Random, slug: str, day: dt.date) -> str:
    """A link for about one win in five (example domains only), a note now and then."""
    roll = rng.random()
    if roll < 0.12:
        return f"https://example.org/{slug}/news/{day:%Y-%m}-{rng.randrange(100, 1000)}"
    if roll < 0.2:
        return f"https://drive.example.com/{slug}/photos/{rng.randrange(4096, 65536):x}"
    return "Photo in the team drive" if roll < 0.24 else ""
