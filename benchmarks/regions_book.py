"""One small, realistic regional collaboration's Google Sheet, for benchmarks/regions.py.

What one team's sheet looks like a year and a half in: 20–40 people from a dozen organizations
across the sectors, 3–6 projects, 60–150 commitments in the 30/30 form's words (some kept, some
missed, some open), 30–80 wins naming 1–3 people, fortnightly check-ins, a "How to use" tab.
Dates are serial numbers, as Google answers ``values:batchGet`` with ``SERIAL_NUMBER``; the
same ``number`` always gives the same sheet (``random.Random(number)``).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

AS_OF = dt.date(2026, 10, 31)  # the sheets' last day: pages are opened with ?to=AS_OF
START = dt.date(2025, 4, 1)
EPOCH = dt.date(1899, 12, 30)  # Google's serial day 0
FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Femi",
    "Grace",
    "Hugo",
    "Ines",
    "Jon",
    "Kira",
    "Luis",
    "Mei",
    "Nora",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Vera",
    "Wes",
    "Yara",
    "Zoe",
]
LAST = [
    "Adams",
    "Bauer",
    "Costa",
    "Diallo",
    "Evans",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
    "Patel",
    "Rossi",
    "Silva",
]
SECTORS = ["business", "education", "government", "nonprofit", "community", "funder"]
THEMES = [
    "Apprenticeships",
    "Food Hub",
    "Broadband",
    "Main Street",
    "Clean Energy",
    "Youth Mentoring",
    "Housing",
    "Trail Network",
]
STATUSES = ["done"] * 5 + ["open"] * 3 + ["missed", "in progress", "dropped"]
CATEGORIES = ["funding", "partnership", "event", "policy", "media", "milestone"]


def key(number: int) -> str:
    """The spreadsheet key of region ``number`` (44 characters, as Google's are)."""
    return f"1Region{number:03d}Bench" + "x" * 31


def name(number: int) -> str:
    return f"Region {number:02d} Collaborative"


def serial(day: dt.date) -> int:
    return (day - EPOCH).days


def _day(rng: random.Random, after: dt.date = START, before: dt.date = AS_OF) -> dt.date:
    return after + dt.timedelta(days=rng.randrange(max(1, (before - after).days)))


def book(number: int) -> dict[str, list[list[Any]]]:
    """Region ``number``'s sheet: {tab: rows}, row 1 the header."""
    rng = random.Random(number)
    collaboration = name(number)
    orgs = [
        (f"{LAST[i % len(LAST)]} {kind}", sector)
        for i, (kind, sector) in enumerate(
            rng.sample(
                [
                    ("Tools", "business"),
                    ("College", "education"),
                    ("County", "government"),
                    ("Trust", "nonprofit"),
                    ("Library", "community"),
                    ("Foundation", "funder"),
                    ("Bank", "business"),
                    ("High School", "education"),
                    ("City", "government"),
                    ("Food Bank", "nonprofit"),
                    ("Church", "community"),
                    ("Works", "business"),
                ],
                k=rng.randint(8, 12),
            )
        )
    ]
    people = []
    for index in range(rng.randint(20, 40)):
        person = f"{FIRST[index % len(FIRST)]} {LAST[(index * 7 + number) % len(LAST)]} {number}"
        org, sector = rng.choice(orgs)
        email = f"{person.lower().replace(' ', '.')}@example.org" if rng.random() < 0.6 else ""
        people.append(
            [
                person,
                email,
                org,
                sector,
                collaboration,
                serial(_day(rng, START, START + dt.timedelta(days=300))),
                "",
            ]
        )
    names = [row[0] for row in people]
    projects = []
    for theme in rng.sample(THEMES, rng.randint(3, 6)):
        projects.append(
            [
                f"{theme} {number:02d}",
                collaboration,
                f"More {theme.lower()}",
                rng.choice(["active", "active", "", "completed", "paused"]),
                serial(_day(rng, START, START + dt.timedelta(days=120))),
                rng.choice(names),
                rng.choice(names),
            ]
        )
    titles = [row[0] for row in projects]
    commitments = []
    for index in range(rng.randint(60, 150)):
        made = _day(rng)
        due = min(AS_OF, made + dt.timedelta(days=rng.randint(7, 45)))
        status = rng.choice(STATUSES)
        done = serial(_day(rng, made, due)) if status == "done" else ""
        commitments.append(
            [
                rng.choice(names),
                rng.choice(titles),
                f"Action step {index + 1}",
                serial(made),
                serial(due),
                status,
                done,
                "learned something" if done else "",
            ]
        )
    wins = []
    for index in range(rng.randint(30, 80)):
        who = ", ".join(rng.sample(names, rng.randint(1, 3)))
        project = rng.choice(titles)
        wins.append(
            [
                serial(_day(rng)),
                f"{project}: small win {index + 1}",
                project,
                who,
                rng.choice(CATEGORIES),
                rng.choice(["small", "small", "medium", "large"]),
                "",
                f"r{number}-w{index + 1}",
            ]
        )
    meetings = [
        [
            serial(START + dt.timedelta(days=14 * i)),
            rng.choice(titles),
            collaboration,
            ", ".join(rng.sample(names, rng.randint(3, 8))),
        ]
        for i in range((AS_OF - START).days // 14)
    ]
    return {
        "How to use": [["One row per commitment, win and 30/30 check-in."]],
        "Collaborations": [
            ["Collaboration", "Region", "Country", "Started", "Coordinator"],
            [collaboration, f"Region {number:02d}", "US", serial(START), names[0]],
        ],
        "People": [
            ["Name", "Email", "Organisation", "Sector", "Collaboration", "Joined", "Role"],
            *people,
        ],
        "Projects": [
            ["Project", "Collaboration", "Outcome", "Status", "Started", "Pathfinder", "Lead"],
            *projects,
        ],
        "Commitments": [
            [
                "Who is responsible",
                "Project",
                "Action step",
                "Date made",
                "By when",
                "Status",
                "Done",
                "Results/learning",
            ],
            *commitments,
        ],
        "Wins": [["Date", "Win", "Project", "People", "Category", "Size", "Evidence", "ID"], *wins],
        "Meetings": [["Date", "Project", "Collaboration", "Attendees"], *meetings],
    }


def with_new_win(sheet: dict[str, list[list[Any]]], edit: int) -> list[list[Any]]:
    """The Wins tab of ``sheet`` with one more win, dated ``AS_OF`` (as someone typing it)."""
    rows = [list(row) for row in sheet["Wins"]]
    last = rows[-1]
    rows.append(
        [
            serial(AS_OF),
            f"New win {edit}",
            last[2],
            last[3],
            "event",
            "small",
            "",
            f"{last[7]}-new{edit}",
        ]
    )
    return rows
