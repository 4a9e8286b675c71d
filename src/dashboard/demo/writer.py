"""The demo story written out as the teams would have typed it: one table per tab."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from dashboard.demo import story
from dashboard.demo.world import COLLABS, Person, Record, World
from dashboard.sources.local import RawSheets

Rows = list[tuple[Record, dict[str, object]]]


def render(world: World, rng: random.Random) -> RawSheets:
    """Write the world out as the teams would have typed it, tab by tab."""
    return {
        "Collaborations": _table("Collaborations", _collab_rows(world)),
        "People": _with_blanks(_table("People", _people_rows(world, rng)), (0.45,)),
        "Projects": _table("Projects", _project_rows(world, rng)),
        "Commitments": _with_blanks(_table("Commitments", _commit_rows(world, rng)), (0.2, 0.7)),
        "Wins": _with_blanks(_table("Wins", _win_rows(world, rng)), (0.55,)),
        "Meetings": _table("Meetings", _meeting_rows(world, rng)),
        "Read me": [[line] for line in story.READ_ME],
    }


def _table(tab: str, records: Rows) -> list[list[object]]:
    """The header row, then each record's values with its planted cells laid over them."""
    columns = story.HEADERS[tab]
    rows: list[list[object]] = [[header for header, _ in columns]]
    for record, values in records:
        merged = {**values, **record.cells}
        rows.append([None if merged.get(key) in (None, "") else merged[key] for _, key in columns])
    return rows


def _with_blanks(rows: list[list[object]], places: tuple[float, ...]) -> list[list[object]]:
    """Empty rows left in the middle of a tab (a deleted row's gap)."""
    for place in sorted(places, reverse=True):
        rows.insert(max(2, int(len(rows) * place)), [])
    return rows


def _date(rng: random.Random, day: dt.date, collab: str) -> object:
    """Mostly real date cells; some typed as text, ``M/D/YYYY`` only in the US sheets."""
    roll = rng.random()
    if roll < 0.05:
        return day.isoformat()
    if roll < 0.09 and COLLABS[collab].country == "United States":
        return f"{day.month}/{day.day}/{day.year}"
    return day


def _say(rng: random.Random, who: Person | str) -> str:
    """A person as someone typed them: now and then another spelling of the same name."""
    if isinstance(who, str):
        return who
    variants = story.NAME_VARIANTS.get(who.name)
    return rng.choice(variants) if variants and rng.random() < 0.3 else who.name


def _names(rng: random.Random, people: Sequence[Person | str]) -> str:
    """A list of names, with whatever separator the person typing liked."""
    said = [_say(rng, p) for p in people]
    roll = rng.random()
    if len(said) > 1 and roll < 0.12:
        return ", ".join(said[:-1]) + " and " + said[-1]
    separator = ", " if roll < 0.8 else "; " if roll < 0.88 else " & " if roll < 0.94 else " / "
    return separator.join(said)


def _collab_rows(world: World) -> Rows:
    coordinators = {p.collab: p.name for p in world.people if p.role == "coordinator"}
    return [
        (
            Record(),
            {
                "collaboration": c.name,
                "region": c.region,
                "country": c.country,
                "started": c.started,
                "coordinator": coordinators[c.name],
            },
        )
        for c in story.COLLABORATIONS
    ]


def _people_rows(world: World, rng: random.Random) -> Rows:
    """People in the order they joined: new rows go at the bottom."""
    return [
        (
            p,
            {
                "name": p.name,
                "email": p.email,
                "organization": p.org,
                "sector": p.sector,
                "collaboration": p.collab,
                "joined": _date(rng, p.joined, p.collab),
                "role": p.role,
            },
        )
        for p in sorted(world.people, key=lambda p: p.joined)
    ]


def _project_rows(world: World, rng: random.Random) -> Rows:
    return [
        (
            Record(),
            {
                "project": pr.spec.name,
                "collaboration": pr.spec.collab,
                "outcome": story.OUTCOMES[pr.spec.name],
                "status": pr.spec.status,
                "started": _date(rng, pr.spec.started, pr.spec.collab),
                "pathfinder": pr.spec.pathfinder,
                "lead": pr.lead.name,
                "notes": story.NOTES.get(pr.spec.name, ""),
            },
        )
        for pr in world.projects
    ]


def _commit_rows(world: World, rng: random.Random) -> Rows:
    """Commitments in the order they were made; status words as people leave them."""
    rows: Rows = []
    for c in sorted(world.commitments, key=lambda c: c.made):
        collab = c.meeting.collab
        status = c.status
        if status == "open" and rng.random() < 0.35:
            status = ""  # a fresh row nobody has marked yet
        elif status == "done" and rng.random() < 0.05:
            status = "Done"
        done = _date(rng, c.done, collab) if c.done and rng.random() > 0.07 else None
        values: dict[str, object] = {
            "person": _say(rng, c.person),
            "project": c.project.spec.name,
            "commitment": c.text,
            "made": _date(rng, c.made, collab),
            "due": _date(rng, c.due, collab),
            "status": status,
            "done": done,
            "result": c.result,
        }
        rows.append((c, values))
    return rows


def _win_rows(world: World, rng: random.Random) -> Rows:
    """Wins by date; the ones logged through the form carry an id and a timestamp."""
    rows: Rows = []
    for w in world.wins:
        stamp = dt.datetime.combine(w.date, dt.time(rng.randint(8, 18), rng.randrange(60)))
        values: dict[str, object] = {
            "date": stamp if w.id else _date(rng, w.date, w.project.spec.collab),
            "win": w.text,
            "project": w.project.spec.name,
            "people": _names(rng, w.people),
            "category": w.category,
            "size": w.size,
            "evidence": w.evidence,
            "id": w.id,
        }
        rows += [(w, values)] * (2 if w.twice else 1)
    return rows


def _meeting_rows(world: World, rng: random.Random) -> Rows:
    return [
        (
            m,
            {
                "date": _date(rng, m.date, m.collab),
                "project": m.project.spec.name if m.project else "",
                "collaboration": m.collab,
                "attendees": _names(rng, m.attendees),
            },
        )
        for m in world.meetings
    ]
