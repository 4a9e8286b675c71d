"""The mess real team sheets hold, planted in the demo one mistake per row."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from dashboard.demo import story
from dashboard.demo.world import Commitment, Person, Record, Win, World

R = TypeVar("R", bound=Record)


def _pick(rng: random.Random, items: Sequence[R], test: Callable[[R], bool]) -> R:
    """A random item passing ``test``, one not picked before where there is one (one mistake
    per row, so no mistake hides another)."""
    passing = [i for i in items if test(i)]
    item = rng.choice([i for i in passing if not i.marked] or passing)
    item.marked = True
    return item


def spoil(world: World, rng: random.Random) -> None:
    """Plant the mistakes real team sheets hold, one per row, so Data health has work to show."""
    _spoil_commitments(world.commitments, rng)
    _spoil_wins(world, rng)
    people = world.people
    _pick(rng, people, lambda p: p.org == "Harbor Arts Collective").cells["sector"] = "arts"
    _pick(rng, people, lambda p: p.name == "María Delgado").cells["email"] = "maria.at.example.org"
    late = _pick(rng, people, lambda p: p.collab == story.NORTH and p.joined.year == 2025)
    late.cells["joined"] = "last spring"
    meeting = _pick(
        rng, world.meetings, lambda m: m.collab == story.RIVER and m.project is not None
    )
    meeting.cells["date"] = f"{meeting.date.isoformat()} 14:30:00"


def _spoil_commitments(commitments: list[Commitment], rng: random.Random) -> None:
    def where(collab: str, status: str, after: dt.date) -> Callable[[Commitment], bool]:
        return lambda c: c.meeting.collab == collab and c.status == status and c.made >= after

    _pick(rng, commitments, where(story.RIVER, "open", dt.date(2026, 9, 1))).cells["made"] = "TBD"
    due = _pick(rng, commitments, where(story.COAST, "open", dt.date(2026, 10, 1)))
    due.cells["due"] = "next Tuesday"
    ref = _pick(rng, commitments, where(story.NORTH, "done", dt.date(2025, 6, 1)))
    ref.cells["done"] = "#REF!"
    bob = _pick(rng, commitments, where(story.PLAINS, "open", dt.date(2026, 3, 1)))
    bob.cells["status"] = "waiting on Bob"


def _spoil_wins(world: World, rng: random.Random) -> None:
    wins = world.wins

    def where(collab: str, after: dt.date) -> Callable[[Win], bool]:
        return lambda w: w.project.spec.collab == collab and w.date >= after and not w.id

    big = _pick(rng, wins, lambda w: w.project.spec.collab == story.RIVER and w.size != "small")
    big.cells["size"] = "huge"
    _pick(rng, wins, where(story.COAST, dt.date(2025, 6, 1))).twice = True
    for collab, stranger in story.UNKNOWN_PEOPLE.items():
        _pick(rng, wins, where(collab, dt.date(2026, 1, 1))).people.append(stranger)
    for _ in range(2):  # a name list that gives someone's email instead of their name
        win = _pick(
            rng, wins, lambda w: isinstance(w.people[0], Person) and bool(w.people[0].email)
        )
        first = win.people[0]
        assert isinstance(first, Person)
        win.people[0] = first.email
    uk = _pick(rng, wins, lambda w: where(story.NORTH, dt.date(2026, 1, 1))(w) and w.date.day > 12)
    uk.cells["date"] = uk.date.strftime("%d/%m/%Y")  # typed day-first in a month-first sheet
    formed = [w for w in wins if w.id]
    if len(formed) > 1:  # a form row copied and edited, id and all
        formed[-1].cells["id"] = formed[max(0, len(formed) - 4)].id
