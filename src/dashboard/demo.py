"""The demo workbook: four made-up regional collaborations over two years of Strategic Doing.

Why it exists: the app must run with no setup (SPEC.md, "Local workbook"), and a coordinator who
tries it should recognise the story — a slow start, a growing network, one region that stalls,
a few people who bridge regions — and the mess real team sheets carry (30/30-form headers, mixed
date formats, name spellings, a handful of bad cells), so the Data health page has something to
show. Everything is drawn from one ``random.Random(seed)`` and no clock is read, so the workbook is
the same, byte for byte, every time.

The story is simulated, then written out: people join, projects hold monthly 30/30s, attendees
make commitments there, kept commitments and good meetings turn into wins. The word lists live in
``demo_story.py``.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from dashboard import demo_story as story
from dashboard.config import DEMO_AS_OF
from dashboard.sources.local import RawSheets, write_xlsx

DEMO_START = dt.date(2024, 11, 1)
# Wins logged through the app's form (they carry an id and a timestamp) start on this day.
FORM_LIVE = dt.date(2026, 10, 10)
_DAY = dt.timedelta(days=1)
_COLLABS = {c.name: c for c in story.COLLABORATIONS}


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
        return min(self.spec.ended or DEMO_AS_OF, _end_of(self.spec.collab))


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


R = TypeVar("R", bound=Record)


@dataclass
class World:
    people: list[Person]
    projects: list[Project]
    meetings: list[Meeting]
    commitments: list[Commitment]
    wins: list[Win]


def demo_sheets(seed: int = 7) -> RawSheets:
    """The demo workbook as raw sheets: ``{tab title: rows}``, the header row first."""
    rng = random.Random(seed)
    world = _simulate(rng)
    _spoil(world, rng)
    return _render(world, rng)


def write_demo(path: str | Path) -> None:
    """Write the demo workbook to an ``.xlsx`` file (the same bytes every time)."""
    write_xlsx(path, demo_sheets())


# ---------------------------------------------------------------------------------- simulation


def _end_of(collab: str) -> dt.date:
    """The last day anything happens in a collaboration: the stalled one stops early."""
    return story.STALL_DATE if collab == story.STALLED else DEMO_AS_OF


def _simulate(rng: random.Random) -> World:
    people = [p for collab in story.COLLABORATIONS for p in _collab_people(rng, collab)]
    projects = _projects(rng, people)
    meetings = _meetings(rng, projects, people)
    commitments = [c for meeting in meetings for c in _commit_at(rng, meeting)]
    wins = _wins(rng, meetings, commitments)
    return World(people, projects, meetings, commitments, wins)


def _collab_people(rng: random.Random, collab: story.Collab) -> list[Person]:
    """A core team from day one, then newcomers spread over the years (the network grows)."""
    names = story.PEOPLE[collab.name]
    orgs = list(story.ORGANIZATIONS[collab.name])
    deck = orgs + [rng.choice(orgs) for _ in range(len(names) - len(orgs))]
    rng.shuffle(deck)
    end = _end_of(collab.name)
    first, last = collab.started + 20 * _DAY, end - 45 * _DAY
    span = (last - first).days
    joins = sorted(first + int(span * rng.random() ** 0.7) * _DAY for _ in names)
    people = []
    for i, (name, (org, sector)) in enumerate(zip(names, deck, strict=True)):
        core = i < story.CORE_TEAM
        joined = collab.started if core else joins[i]
        until = end
        if not core and rng.random() < 0.2:
            until = min(end, joined + rng.randint(150, 420) * _DAY)
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


def _projects(rng: random.Random, people: list[Person]) -> list[Project]:
    """Each project gets a lead who was there when it started, and members whose time overlaps."""
    projects: list[Project] = []
    for spec in story.PROJECTS:
        crew = [p for p in people if p.collab == spec.collab]
        ready = [p for p in crew[1:] if p.joined <= spec.started <= p.until] or crew[:1]
        leading = {pr.lead.name for pr in projects}
        lead = rng.choice([p for p in ready if p.name not in leading] or ready)
        lead.until = _end_of(spec.collab)
        lead.role = "project lead" if lead.role == "member" else lead.role
        projects.append(Project(spec, lead, [lead]))
    for person in people:
        mine = [
            pr
            for pr in projects
            if pr.spec.collab == person.collab
            and pr.spec.started <= person.until
            and person.joined <= pr.end
        ]
        if person.role != "coordinator":
            mine = rng.sample(mine, min(len(mine), 1 if rng.random() < 0.7 else 2))
        for project in mine:
            if person not in project.members:
                project.members.append(person)
    return projects


def _meetings(rng: random.Random, projects: list[Project], people: list[Person]) -> list[Meeting]:
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
    day = first + ((weekday - first.weekday()) % 7 + 7 * (nth - 1)) * _DAY
    if (month, day.day) == (1, 1):
        return day + 7 * _DAY
    return day - 7 * _DAY if month == 12 and day.day > 21 else day


def _meeting_days(rng: random.Random, project: Project) -> list[dt.date]:
    """Same weekday each month; more skipped in the first months and in August and December."""
    weekday, nth = rng.randrange(5), rng.randint(1, 3)
    started = _COLLABS[project.spec.collab].started
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
            if not collab.started + 60 * _DAY <= day <= _end_of(collab.name):
                continue
            here = [p for p in crew if p.joined <= day <= p.until]
            came: list[Person | str] = [p for p in here if rng.random() < 0.7 * p.engagement]
            if len(came) >= 3:
                meetings.append(Meeting(day, collab.name, None, came))
    return meetings


def _commit_at(rng: random.Random, meeting: Meeting) -> list[Commitment]:
    """Commitments made at a project's 30/30: few at first, more as the habit takes hold."""
    if meeting.project is None:
        return []
    ramp = min(1.0, (meeting.date - _COLLABS[meeting.collab].started).days / 300)
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
    made = min(meeting.date + late * _DAY, _end_of(collab))
    due = made + rng.choice((14, 21, 28, 28, 30, 35, 42)) * _DAY
    text = _fill(rng, step, collab)
    status, done = _settle(rng, made, due, _end_of(collab))
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
        done = made + rng.randint(2, (due - made).days + 12) * _DAY
        return ("done", done) if done <= horizon else ("open", None)
    if due >= horizon - 40 * _DAY:  # not due yet, or nobody has updated the row
        return "open", None
    return "missed", None


def _result(rng: random.Random, status: str, collab: str) -> str:
    if status == "done" and rng.random() < 0.45:
        return _fill(rng, rng.choice(story.RESULTS), collab)
    if status == "missed" and rng.random() < 0.3:
        return rng.choice(story.MISSED_RESULTS)
    return ""


def _fill(rng: random.Random, text: str, collab: str, day: dt.date = DEMO_AS_OF) -> str:
    org = rng.choice(story.ORGANIZATIONS[collab])[0]
    return text.format(org=org, n=rng.randint(3, 9), month=day.strftime("%B"))


def _wins(rng: random.Random, meetings: list[Meeting], commitments: list[Commitment]) -> list[Win]:
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
    evidence = _evidence(rng, _COLLABS[meeting.collab].slug, day)
    text = _fill(rng, text, meeting.collab, day)
    return Win(day, text, meeting.project, crew, category, size, evidence)


def _evidence(rng: random.Random, slug: str, day: dt.date) -> str:
    """A link for about one win in five (example domains only), a note now and then."""
    roll = rng.random()
    if roll < 0.12:
        return f"https://example.org/{slug}/news/{day:%Y-%m}-{rng.randrange(100, 1000)}"
    if roll < 0.2:
        return f"https://drive.example.com/{slug}/photos/{rng.randrange(4096, 65536):x}"
    return "Photo in the team drive" if roll < 0.24 else ""


# ------------------------------------------------------------------------------ the planted mess


def _pick(rng: random.Random, items: Sequence[R], test: Callable[[R], bool]) -> R:
    """A random item passing ``test``, one not picked before where there is one (one mistake
    per row, so no mistake hides another)."""
    passing = [i for i in items if test(i)]
    item = rng.choice([i for i in passing if not i.marked] or passing)
    item.marked = True
    return item


def _spoil(world: World, rng: random.Random) -> None:
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


# ------------------------------------------------------------------------------------- writing


Rows = list[tuple[Record, dict[str, object]]]


def _render(world: World, rng: random.Random) -> RawSheets:
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
    if roll < 0.09 and _COLLABS[collab].country == "United States":
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
                "collaboration": c.name, "region": c.region, "country": c.country,
                "started": c.started, "coordinator": coordinators[c.name],
            },
        )
        for c in story.COLLABORATIONS
    ]  # fmt: skip


def _people_rows(world: World, rng: random.Random) -> Rows:
    """People in the order they joined: new rows go at the bottom."""
    return [
        (
            p,
            {
                "name": p.name, "email": p.email, "organization": p.org, "sector": p.sector,
                "collaboration": p.collab, "joined": _date(rng, p.joined, p.collab),
                "role": p.role,
            },
        )
        for p in sorted(world.people, key=lambda p: p.joined)
    ]  # fmt: skip


def _project_rows(world: World, rng: random.Random) -> Rows:
    return [
        (
            Record(),
            {
                "project": pr.spec.name, "collaboration": pr.spec.collab,
                "outcome": story.OUTCOMES[pr.spec.name], "status": pr.spec.status,
                "started": _date(rng, pr.spec.started, pr.spec.collab),
                "pathfinder": pr.spec.pathfinder, "lead": pr.lead.name,
                "notes": story.NOTES.get(pr.spec.name, ""),
            },
        )
        for pr in world.projects
    ]  # fmt: skip


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
            "person": _say(rng, c.person), "project": c.project.spec.name,
            "commitment": c.text, "made": _date(rng, c.made, collab),
            "due": _date(rng, c.due, collab), "status": status, "done": done, "result": c.result,
        }  # fmt: skip
        rows.append((c, values))
    return rows


def _win_rows(world: World, rng: random.Random) -> Rows:
    """Wins by date; the ones logged through the form carry an id and a timestamp."""
    rows: Rows = []
    for w in world.wins:
        stamp = dt.datetime.combine(w.date, dt.time(rng.randint(8, 18), rng.randrange(60)))
        values: dict[str, object] = {
            "date": stamp if w.id else _date(rng, w.date, w.project.spec.collab),
            "win": w.text, "project": w.project.spec.name, "people": _names(rng, w.people),
            "category": w.category, "size": w.size, "evidence": w.evidence, "id": w.id,
        }  # fmt: skip
        rows += [(w, values)] * (2 if w.twice else 1)
    return rows


def _meeting_rows(world: World, rng: random.Random) -> Rows:
    return [
        (
            m,
            {
                "date": _date(rng, m.date, m.collab),
                "project": m.project.spec.name if m.project else "",
                "collaboration": m.collab, "attendees": _names(rng, m.attendees),
            },
        )
        for m in world.meetings
    ]  # fmt: skip
