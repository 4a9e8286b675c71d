"""The demo's people: a core team from day one, then newcomers, each with an organisation."""

from __future__ import annotations

import random
import unicodedata

from dashboard.demo import story
from dashboard.demo.world import DAY, Person, end_of


def collab_people(rng: random.Random, collab: story.Collab) -> list[Person]:
    """A core team from day one, then newcomers spread over the years (the network grows)."""
    names = story.PEOPLE[collab.name]
    orgs = list(story.ORGANIZATIONS[collab.name])
    deck = orgs + [rng.choice(orgs) for _ in range(len(names) - len(orgs))]
    rng.shuffle(deck)
    end = end_of(collab.name)
    first, last = collab.started + 20 * DAY, end - 45 * DAY
    span = (last - first).days
    joins = sorted(first + int(span * rng.random() ** 0.7) * DAY for _ in names)
    people = []
    for i, (name, (org, sector)) in enumerate(zip(names, deck, strict=True)):
        core = i < story.CORE_TEAM
        joined = collab.started if core else joins[i]
        until = end
        if not core and rng.random() < 0.2:
            until = min(end, joined + rng.randint(150, 420) * DAY)
        role = "coordinator" if i == 0 else "core team" if core else "member"
        email = _email(name, sector) if core or rng.random() < 0.9 else ""
        engagement = rng.uniform(0.7, 0.95) if core else rng.uniform(0.4, 0.9)
        people.append(
            Person(name, collab.name, org, sector, joined, until, engagement, role, email)
        )
    return people


def _email(name: str, sector: str) -> str:
    """``first.last@example.<tld>``: example domains only, never a real address."""
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    local = ".".join(bare.replace("'", "").split())
    tld = {"business": "com", "education": "net", "government": "net"}.get(sector, "org")
    return f"{local}@example.{tld}"
