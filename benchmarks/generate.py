"""A large Small Wins workbook, generated deterministically, for the benchmark (``run.py``).

``generate(folder, seed=1)`` writes one CSV per tab (Collaborations, People, Projects,
Commitments, Wins, Meetings) the way a busy set of regional collaborations would have typed them
over three years: dates as ISO text, ``M/D/YYYY`` text and a few serial numbers; names with varied
case, accents and spacing; people lists with mixed separators; a few people missing from People;
about 0.5 % bad cells (unreadable dates, unknown statuses, formula errors, invalid emails, blank
required values) and a handful of duplicated wins.

``batch_body(folder)`` turns those CSVs into the bytes of the ``values:batchGet`` answer Google
would send for them (``UNFORMATTED_VALUE`` + ``SERIAL_NUMBER``): real date cells as serial
numbers, text dates left as text, trailing empty cells omitted, pretty-printed as Google's APIs
answer by default.

Run as a script: ``python benchmarks/generate.py FOLDER [--seed 1] [--scale 1.0]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

# --------------------------------------------------------------------------- sizes and period

SIZES = {
    "collaborations": 25,
    "people": 5_000,
    "projects": 150,
    "commitments": 200_000,
    "wins": 100_000,
    "meetings": 10_000,
}
# The two shapes of network (``generate(shape=...)``):
# - "realistic", the benchmark's main case: each project has a team of about 8 people (600
#   projects, 24 per collaboration, each person on one team); records name mostly the project's
#   team, sometimes others of its collaboration, and now and then anyone — the few bridges
#   between collaborations. About 140,000 links among 5,000 people.
# - "dense", the stress case: a project's records name anyone of its collaboration (its first
#   members far more often) and 10 % anyone at all, so each project's committers form a clique
#   of hundreds — 4.5 million links, a third of all possible pairs.
SHAPES = ("realistic", "dense")
PROJECTS = {"realistic": 600, "dense": SIZES["projects"]}
# Who a realistic record names, per person named: (the project's team, its collaboration);
# the rest is anyone.
MIX = {"commitment": (0.99, 0.009), "win": (0.92, 0.07), "meeting": (0.75, 0.23)}
START = dt.date(2022, 1, 1)
END = dt.date(2024, 12, 31)  # the last day of the generated period: the benchmark's as_of
SPAN = (END - START).days + 1
_EPOCH = dt.date(1899, 12, 30)
SPREADSHEET_ID = "1BenchSmallWinsWorkbook0000000000000000000"
BODY_FILE = "batch.json"
META_FILE = "meta.json"
FORMAT_VERSION = 4  # bump when the generated content changes, so cached workbooks are rebuilt

# Each tab's headers as a team would type them (30/30 form words among them), and what the
# benchmark's floor does with the column: parse serial dates ("date") or explode a list ("list").
TABS: dict[str, list[tuple[str, str]]] = {
    "Collaborations": [
        ("Collaboration", "text"),
        ("Region", "text"),
        ("Country", "text"),
        ("Started", "date"),
        ("Coordinator", "text"),
    ],
    "People": [
        ("Name", "text"),
        ("Email", "text"),
        ("Organization", "text"),
        ("Sector", "text"),
        ("Collaboration", "text"),
        ("Joined", "date"),
        ("Role", "text"),
    ],
    "Projects": [
        ("Project", "text"),
        ("Collaboration", "text"),
        ("Outcome", "text"),
        ("Status", "text"),
        ("Started", "date"),
        ("Pathfinder", "text"),
        ("Lead", "text"),
    ],
    "Commitments": [
        ("Who is responsible", "text"),
        ("Project", "text"),
        ("Action step", "text"),
        ("Date made", "date"),
        ("By when", "date"),
        ("Status", "text"),
        ("Done date", "date"),
        ("Results/learning", "text"),
    ],
    "Wins": [
        ("Date", "date"),
        ("Win", "text"),
        ("Project", "text"),
        ("People", "list"),
        ("Category", "text"),
        ("Size", "text"),
        ("Evidence", "text"),
        ("ID", "text"),
    ],
    "Meetings": [
        ("Date", "date"),
        ("Project", "text"),
        ("Collaboration", "text"),
        ("Attendees", "list"),
    ],
}

# --------------------------------------------------------------------------- word lists

_FIRST_NAMES = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew "
    "Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy "
    "Deborah Aisha Raj Mei Kwame Nkechi Oluwaseun Siobhán Zoë Renée José Héctor María Sofía "
    "Łukasz Björn Ngozi Priya Tuan Minh Hamza Ravi Sana Wei Olga Faisal Callum Gareth"
)
_LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White "
    "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres "
    "Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
    "Okafor Okonkwo Adeyemi Mensah Patel Desai Sharma Kapoor Iqbal Malik Chen Zhang Tran Pham "
    "Pérez Jiménez Núñez Müller Kowalski Lindgren Haugen Nygaard O'Neill O'Brien Fontenot "
    "Broussard Thibodeaux Nguyễn Whitehorse Svoboda Petrova Qureshi Friesen Reimer Holm"
)
FIRST = _FIRST_NAMES.split()
LAST = _LAST_NAMES.split()
ORG_PLACES = (
    "River Valley",
    "High Plains",
    "Coastal",
    "Northgate",
    "Lakeshore",
    "Prairie View",
    "Tri-County",
    "Harbor",
    "Pinecrest",
    "Summit",
    "Bayou",
    "Cottonwood",
    "Red Rock",
    "Blue Ridge",
    "Granite",
    "Sweetwater",
    "Cedar",
    "Maple",
    "Willow Creek",
    "Iron Range",
    "Sandhills",
    "Tynebridge",
    "Quayside",
    "Meadowbrook",
    "Stonebridge",
    "Oakmont",
    "Fairhaven",
    "Greenfield",
    "Silver Lake",
    "Eastside",
)
ORG_KINDS = (
    ("Manufacturing", "business"),
    ("Tool & Die", "business"),
    ("Software", "business"),
    ("Foods Co.", "business"),
    ("Logistics", "business"),
    ("Bank", "business"),
    ("Community College", "education"),
    ("State University", "education"),
    ("School District", "education"),
    ("County Council", "government"),
    ("Workforce Board", "government"),
    ("Health Department", "government"),
    ("Food Bank", "nonprofit"),
    ("Chamber of Commerce", "nonprofit"),
    ("Makers Guild", "community"),
    ("Neighbors Association", "community"),
    ("Community Foundation", "funder"),
    ("Innovation Fund", "funder"),
    ("Consulting", "other"),
    ("Media", "other"),
)
REGIONS = (
    ("Midwest", "United States"),
    ("Great Plains", "United States"),
    ("Gulf Coast", "United States"),
    ("Appalachia", "United States"),
    ("Pacific Northwest", "United States"),
    ("North East England", "United Kingdom"),
    ("Scotland", "United Kingdom"),
    ("Ontario", "Canada"),
    ("Bavaria", "Germany"),
    ("Queensland", "Australia"),
)
COLLAB_THEMES = (
    "Manufacturing Network",
    "Rural Health",
    "Food Systems Alliance",
    "Tech Corridor",
    "Workforce Partnership",
    "Clean Energy Cluster",
    "Arts & Culture Compact",
    "Housing Collaborative",
    "Maritime Cluster",
    "Tourism Partnership",
)
ADJECTIVES = (
    "Shared",
    "Regional",
    "Rural",
    "Youth",
    "Green",
    "Digital",
    "Mobile",
    "Local",
    "Open",
    "Community",
    "Small Business",
    "Career",
    "Healthy",
    "Smart",
    "Circular",
)
NOUNS = (
    "Apprenticeship Pipeline",
    "Supplier Directory",
    "Prototyping Lab",
    "Skills Bootcamp",
    "Telehealth Kiosks",
    "Market Match",
    "Cold Storage Co-op",
    "Mentoring Circle",
    "Founders Meetup",
    "Energy Audit",
    "Broadband Pilot",
    "Food Hub",
)
ACTION_VERBS = (
    "Call",
    "Email",
    "Visit",
    "Invite",
    "Draft a pitch for",
    "Share the plan with",
    "Set up a meeting with",
    "Ask",
    "Introduce the team to",
    "Send the survey to",
    "Collect data from",
    "Follow up with",
)
RESULTS = (
    "They want to join the next 30/30",
    "Needs a budget line first",
    "Agreed to host a pilot",
    "No answer yet; will try again",
    "Sent a letter of support",
    "Asked for a one-pager",
    "Introduced us to their board",
    "Shared contacts at two firms",
    "Too busy this quarter",
    "Offered meeting space",
)
WINS = (
    "Signed a memorandum of understanding",
    "First cohort started",
    "Grant awarded",
    "Hosted a workshop",
    "Local paper ran a story",
    "New partner joined",
    "Pilot launched",
    "Policy change adopted",
    "Volunteers recruited",
    "Site visit held",
    "Survey results shared",
    "Equipment donated",
    "Students placed in internships",
    "Joint purchase agreed",
    "Website went live",
)
CATEGORIES = ("Partnership", "Funding", "Event", "Policy", "Media", "Training", "Other")
ROLES = ("member", "core team", "coordinator", "champion", "observer", "")
SEPARATORS = np.array([", ", "; ", " / ", " & ", " and ", ",", " AND ", ";"], dtype=object)
SEP_P = np.array([0.40, 0.15, 0.08, 0.12, 0.15, 0.05, 0.02, 0.03])
BAD_DATES = np.array(
    ["TBD", "next week", "2023-02-30", "31/31/2023", "soon", "#REF!", "20225-01-04", "Q3"],
    dtype=object,
)


# --------------------------------------------------------------------------- helpers


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", _ascii(text).lower())


def _obj(values) -> np.ndarray:
    return np.asarray(values, dtype=object)


def _date_formats(days: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ISO text, M/D/YYYY text and serial-number text of every day from START on."""
    stamps = pd.date_range(START, periods=days, freq="D")
    iso = _obj(stamps.strftime("%Y-%m-%d"))
    mdy = _obj([f"{d.month}/{d.day}/{d.year}" for d in stamps])
    serial = _obj([str((d.date() - _EPOCH).days) for d in stamps])
    return iso, mdy, serial


class _Writer:
    """Shared state: the random generators and the date formats."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.iso, self.mdy, self.serial = _date_formats(SPAN + 400)

    def dates(self, offsets: np.ndarray, bad_rate: float = 0.005) -> np.ndarray:
        """Day offsets from START (negative = blank) as sheet cells: mostly ISO text, about a
        third M/D/YYYY text, 3 % serial numbers, ``bad_rate`` unreadable."""
        n = len(offsets)
        cut = np.clip(offsets, 0, len(self.iso) - 1)
        pick = self.rng.random(n)
        out = self.iso[cut]
        out[pick < 0.35] = self.mdy[cut[pick < 0.35]]
        out[pick < 0.03] = self.serial[cut[pick < 0.03]]
        out[offsets < 0] = ""
        return self.corrupt(out, bad_rate, BAD_DATES)

    def corrupt(self, cells: np.ndarray, rate: float, bad: np.ndarray) -> np.ndarray:
        hit = self.rng.random(len(cells)) < rate
        cells = cells.copy()
        cells[hit] = self.rng.choice(bad, hit.sum())
        return cells

    def growing_days(self, n: int, first: int = 0) -> np.ndarray:
        """Days in [first, SPAN): activity grows over the period (density rises linearly)."""
        u = self.rng.random(n)
        return (first + (SPAN - first) * np.sqrt(u)).astype(np.int64).clip(first, SPAN - 1)


def _variants(names: list[str]) -> np.ndarray:
    """Six spellings of every name: as listed (twice, the common case), lower case, upper case,
    padded with stray spaces, and without accents."""
    table = np.empty((len(names), 6), dtype=object)
    for i, name in enumerate(names):
        first, _, last = name.partition(" ")
        table[i] = (name, name, name.lower(), name.upper(), f" {first}  {last} ", _ascii(name))
    return table


def _spell(table: np.ndarray, index: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A spelling of each indexed name: 85 % as listed, the rest spread over the variants."""
    pick = rng.choice(6, size=len(index), p=[0.45, 0.40, 0.05, 0.02, 0.04, 0.04])
    return table[index, pick]


# --------------------------------------------------------------------------- the workbook


def generate(
    folder: str | Path,
    seed: int = 1,
    scale: float = 1.0,
    shape: str = "realistic",
    sizes: dict[str, int] | None = None,
    first: int = 0,
) -> dict[str, int]:
    """Write the workbook's CSVs into ``folder``; return the number of rows of every tab.

    ``sizes`` replaces the row counts and ``first`` numbers the collaborations from there (the
    many-sources case: one small region per workbook, each its own collaboration)."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}")
    w = _Writer(seed)
    rng = w.rng
    wanted = {**SIZES, "projects": PROJECTS[shape]} if sizes is None else {**SIZES, **sizes}
    n = {key: max(1, int(round(value * scale))) for key, value in wanted.items()}
    n["collaborations"] = wanted["collaborations"]
    n["projects"] = max(n["collaborations"], n["projects"])
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    # Collaborations ------------------------------------------------------------------------
    n_col = n["collaborations"]
    collab_names = []
    numbers = range(first, first + n_col)
    for i in numbers:
        region, _ = REGIONS[i % len(REGIONS)]
        theme = COLLAB_THEMES[(i * 3 + i // len(REGIONS)) % len(COLLAB_THEMES)]
        collab_names.append(f"{region} {theme}")
    collab_variants = _obj([[c, c, c.lower(), c.upper(), f" {c} ", c] for c in collab_names])

    # People: 5,000 listed, 2 % more named in records only (unknown) -------------------------
    n_people = n["people"]
    n_unknown = max(3, n_people // 50)
    combos = rng.permutation(len(FIRST) * len(LAST))
    while len(combos) < n_people + n_unknown:  # only at absurd scales
        combos = np.concatenate([combos, combos])
    full_names = [
        f"{FIRST[c // len(LAST)]} {LAST[c % len(LAST)]}" for c in combos[: n_people + n_unknown]
    ]
    if len(set(full_names)) < len(full_names):  # repeated combos: make them distinct
        full_names = [
            f"{name} {i}" if i >= len(FIRST) * len(LAST) else name
            for i, name in enumerate(full_names)
        ]
    name_table = _variants(full_names)
    person_collab = np.sort(rng.integers(0, n_col, n_people))  # people grouped by collaboration
    starts = np.searchsorted(person_collab, np.arange(n_col))
    counts = np.bincount(person_collab, minlength=n_col)
    n_orgs = max(n_col, n_people // 7)
    org_place = rng.integers(0, len(ORG_PLACES), n_orgs)
    org_kind = rng.integers(0, len(ORG_KINDS), n_orgs)
    org_names = _obj(
        [
            f"{ORG_PLACES[p]} {ORG_KINDS[k][0]}" + (f" {i}" if i >= 200 else "")
            for i, (p, k) in enumerate(zip(org_place, org_kind, strict=True))
        ]
    )
    org_sector = _obj([ORG_KINDS[k][1] for k in org_kind])
    person_org = rng.integers(0, n_orgs, n_people)
    has_org = rng.random(n_people) < 0.92
    has_email = rng.random(n_people) < 0.65
    emails = _obj(
        [
            f"{_slug(name.split(' ')[0])}.{_slug(name.split(' ', 1)[1])}{i}@"
            f"{_slug(org_names[person_org[i]])}.example"
            for i, name in enumerate(full_names[:n_people])
        ]
    )
    joined = w.growing_days(n_people) - rng.integers(0, 200, n_people)
    people = pd.DataFrame(
        {
            "Name": _spell(name_table, np.arange(n_people), rng),
            "Email": w.corrupt(
                np.where(has_email, emails, ""), 0.005, _obj(["n/a", "someone at example", "#N/A"])
            ),
            "Organization": np.where(has_org, org_names[person_org], ""),
            "Sector": w.corrupt(
                np.where(has_org, org_sector[person_org], ""), 0.005, _obj(["biz", "academia"])
            ),
            "Collaboration": collab_variants[person_collab, rng.integers(0, 6, n_people)],
            "Joined": w.dates(np.where(rng.random(n_people) < 0.8, joined.clip(0), -1)),
            "Role": rng.choice(_obj(ROLES), n_people),
        }
    )
    people.loc[rng.random(n_people) < 0.002, "Name"] = ""  # a blank required name, now and then
    mention_email = np.char.upper(emails.astype(str)).astype(object)  # "MARY.SMITH3@..." too

    def person_cells(index: np.ndarray) -> np.ndarray:
        """How records name people: mostly by name (varied spelling), sometimes by email;
        1 % of mentions are people missing from People."""
        cells = _spell(name_table, index, rng)
        by_mail = has_email[index] & (rng.random(len(index)) < 0.05)
        shout = rng.random(len(index)) < 0.3
        cells = np.where(by_mail, np.where(shout, mention_email[index], emails[index]), cells)
        unknown = rng.random(len(index)) < 0.01
        stranger = n_people + rng.integers(0, n_unknown, unknown.sum())
        cells[unknown] = _spell(name_table, stranger, rng)
        return cells

    def pick_people(project: np.ndarray, kind: str) -> np.ndarray:
        """A person for each record of ``kind`` (commitment, win, meeting)."""
        if shape == "realistic":
            return pick_teammates(project, *MIX[kind])
        return pick_anyone_near(project)

    def pick_teammates(project: np.ndarray, team: float, collab: float) -> np.ndarray:
        """The project's team with probability ``team``, else someone of its collaboration with
        probability ``collab``, else anyone."""
        u = rng.random(len(project))
        c = project_collab[project]
        mate = team_lo[project] + (u * team_size[project]).astype(np.int64)
        near = starts[c] + (rng.random(len(project)) * counts[c]).astype(np.int64)
        anyone = rng.integers(0, n_people, len(project))
        chosen = np.where(rng.random(len(project)) < collab / (1 - team), near, anyone)
        return np.where((rng.random(len(project)) < team) & (team_size[project] > 0), mate, chosen)

    def pick_anyone_near(project: np.ndarray) -> np.ndarray:
        """90 % from the project's collaboration (the first members, its core team, far more
        often), else anyone."""
        c = project_collab[project]
        inner = starts[c] + (rng.random(len(project)) ** 2 * counts[c]).astype(np.int64)
        anyone = (rng.random(len(project)) ** 2 * n_people).astype(np.int64)
        inner = np.minimum(inner, np.maximum(starts[c] + counts[c] - 1, 0))
        return np.where(rng.random(len(project)) < 0.9, inner, anyone)

    # Projects ------------------------------------------------------------------------------
    n_proj = n["projects"]
    kinds = len(ADJECTIVES) * len(NOUNS)
    project_names = [
        f"{ADJECTIVES[i % len(ADJECTIVES)]} {NOUNS[(i // len(ADJECTIVES)) % len(NOUNS)]}"
        + (f" {i // kinds + 1}" if i >= kinds else "")
        for i in rng.permutation(n_proj)
    ]
    project_collab = np.arange(n_proj) % n_col
    project_variants = _obj(
        [[p, p, p.lower(), p.upper(), f"{p} ", p.replace(" ", "  ")] for p in project_names]
    )
    project_start = rng.integers(0, SPAN - 120, n_proj)
    project_lead = starts[project_collab] + rng.integers(0, 5, n_proj)
    project_lead = np.minimum(project_lead, n_people - 1)
    # each collaboration's people split into one team per project, in order (realistic shape)
    in_collab = np.bincount(project_collab, minlength=n_col)
    rank, members, teams = (
        np.arange(n_proj) // n_col,
        counts[project_collab],
        in_collab[project_collab],
    )
    team_lo = starts[project_collab] + rank * members // teams
    team_hi = starts[project_collab] + (rank + 1) * members // teams
    team_size = team_hi - team_lo
    if shape == "realistic":
        project_lead = np.where(team_size > 0, team_lo, project_lead)
    status_words = _obj(["active", "Active", "", "completed", "paused", "dropped", "on hold"])
    projects = pd.DataFrame(
        {
            "Project": _obj(project_names),
            "Collaboration": _obj(collab_names)[project_collab],
            "Outcome": _obj([f"Outcome of {p}" for p in project_names]),
            "Status": rng.choice(
                status_words, n_proj, p=[0.55, 0.12, 0.10, 0.10, 0.06, 0.05, 0.02]
            ),
            "Started": w.dates(project_start, 0.0),
            "Pathfinder": rng.choice(_obj(["yes", "no", ""]), n_proj),
            "Lead": _spell(name_table, project_lead, rng),
        }
    )
    # records may name a few projects that are not on the Projects tab
    extra_projects = _obj(["Side Project A", "Pop-up Event", "Misc", "Newsletter", "Other work"])

    def project_cells(project: np.ndarray) -> np.ndarray:
        cells = project_variants[project, rng.integers(0, 6, len(project))]
        off = rng.random(len(project)) < 0.002
        cells[off] = rng.choice(extra_projects, off.sum())
        return cells

    def project_days(project: np.ndarray) -> np.ndarray:
        """Record dates after the project started, activity growing over time."""
        first = project_start[project]
        u = rng.random(len(project))
        return (first + (SPAN - first) * np.sqrt(u)).astype(np.int64).clip(0, SPAN - 1)

    collaborations = pd.DataFrame(
        {
            "Collaboration": _obj(collab_names),
            "Region": _obj([REGIONS[i % len(REGIONS)][0] for i in numbers]),
            "Country": _obj([REGIONS[i % len(REGIONS)][1] for i in numbers]),
            "Started": w.dates(rng.integers(0, 60, n_col), 0.0),
            "Coordinator": _spell(name_table, starts.clip(max=n_people - 1), rng),
        }
    )

    # Commitments ---------------------------------------------------------------------------
    n_com = n["commitments"]
    project = rng.integers(0, n_proj, n_com)
    made = project_days(project)
    due = made + rng.integers(7, 61, n_com)
    due = np.where(rng.random(n_com) < 0.1, -1, due)
    state = rng.choice(4, n_com, p=[0.55, 0.22, 0.15, 0.08])  # done, open, missed, dropped
    # commitments made recently are mostly still open
    state = np.where((made > SPAN - 30) & (state == 0) & (rng.random(n_com) < 0.6), 1, state)
    spellings = [
        _obj(["done", "Done", "DONE", "complete", "completed", "✓", "yes", "finished"]),
        _obj(["open", "", "In progress", "ongoing", "not started", "Open"]),
        _obj(["missed", "Missed", "late", "not done", "no"]),
        _obj(["dropped", "Dropped", "cancelled", "canceled", "abandoned"]),
    ]
    status = np.empty(n_com, dtype=object)
    for k, words in enumerate(spellings):
        hit = state == k
        status[hit] = rng.choice(words, hit.sum())
    status = w.corrupt(status, 0.005, _obj(["maybe", "?", "waiting", "#VALUE!"]))
    done_day = np.minimum(made + rng.integers(0, 50, n_com), SPAN - 1)
    done = np.where((state == 0) & (rng.random(n_com) < 0.85), done_day, -1)
    orgs_named = org_names[rng.integers(0, n_orgs, n_com)]
    verbs = rng.choice(_obj(ACTION_VERBS), n_com)
    commitments = pd.DataFrame(
        {
            "Who is responsible": person_cells(pick_people(project, "commitment")),
            "Project": project_cells(project),
            "Action step": verbs + " " + orgs_named,
            "Date made": w.dates(made),
            "By when": w.dates(due),
            "Status": status,
            "Done date": w.dates(done),
            "Results/learning": np.where(
                rng.random(n_com) < 0.4, rng.choice(_obj(RESULTS), n_com), ""
            ),
        }
    )
    commitments.loc[rng.random(n_com) < 0.001, "Who is responsible"] = ""

    # Wins ----------------------------------------------------------------------------------
    n_again = max(1, n["wins"] // 1000)  # wins typed twice (a form submitted twice)
    n_win = n["wins"] - n_again
    project = rng.integers(0, n_proj, n_win)
    size = rng.choice(4, n_win, p=[0.35, 0.35, 0.2, 0.1]) + 1  # 1–4 people per win
    names_list = person_cells(pick_people(project, "win"))
    for j in range(1, 4):
        part = person_cells(pick_people(project, "win"))
        sep = rng.choice(SEPARATORS, n_win, p=SEP_P)
        names_list = np.where(size > j, names_list + sep + part, names_list)
    ids = _obj([f"W-{i:06d}" for i in range(1, n_win + 1)])
    ids[rng.random(n_win) < 0.05] = ""
    with_link = rng.random(n_win) < 0.3
    wins = pd.DataFrame(
        {
            "Date": w.dates(project_days(project)),
            "Win": rng.choice(_obj(WINS), n_win) + " (" + project_cells(project) + ")",
            "Project": project_cells(project),
            "People": np.where(rng.random(n_win) < 0.02, "", names_list),
            "Category": rng.choice(_obj([*CATEGORIES, *(c.lower() for c in CATEGORIES)]), n_win),
            "Size": w.corrupt(
                rng.choice(_obj(["small", "Small", "medium", "Medium", "large", "LARGE"]), n_win),
                0.005,
                _obj(["huge", "tiny", "#N/A"]),
            ),
            "Evidence": np.where(with_link, "https://example.org/wins/" + ids, ""),
            "ID": ids,
        }
    )
    wins.loc[rng.random(n_win) < 0.001, "Win"] = ""
    again = np.sort(rng.choice(n_win, n_again, replace=False))
    wins = pd.concat([wins, wins.iloc[again]], ignore_index=True)
    wins = wins.iloc[np.argsort(rng.random(len(wins)), kind="stable")].reset_index(drop=True)

    # Meetings ------------------------------------------------------------------------------
    n_meet = n["meetings"]
    project = rng.integers(0, n_proj, n_meet)
    size = rng.integers(2, 9, n_meet)
    attendees = person_cells(pick_people(project, "meeting"))
    for j in range(1, 8):
        part = person_cells(pick_people(project, "meeting"))
        sep = rng.choice(SEPARATORS, n_meet, p=SEP_P)
        attendees = np.where(size > j, attendees + sep + part, attendees)
    meetings = pd.DataFrame(
        {
            "Date": w.dates(project_days(project)),
            "Project": project_cells(project),
            "Collaboration": collab_variants[project_collab[project], rng.integers(0, 6, n_meet)],
            "Attendees": attendees,
        }
    )

    tables = {
        "Collaborations": collaborations,
        "People": people,
        "Projects": projects,
        "Commitments": commitments,
        "Wins": wins,
        "Meetings": meetings,
    }
    for title, table in tables.items():
        assert list(table.columns) == [header for header, _ in TABS[title]], title
        table.to_csv(folder / f"{title}.csv", index=False, encoding="utf-8", lineterminator="\n")
    return {title: len(table) for title, table in tables.items()}


# --------------------------------------------------------------------------- the batchGet answer

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIGITS = re.compile(r"^\d+$")


def _column_letters(count: int) -> str:
    letters = ""
    while count:
        count, rest = divmod(count - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _serial(text: str, cache: dict[str, int | str]) -> int | str:
    """A date cell as Google holds it: ISO text typed into a sheet becomes a real date (a serial
    number under SERIAL_NUMBER); a serial stays a number; other text stays text."""
    found = cache.get(text)
    if found is None:
        if _ISO_DATE.match(text):
            try:
                found = (dt.date.fromisoformat(text) - _EPOCH).days
            except ValueError:  # 2023-02-30: the sheet keeps it as text
                found = text
        elif _DIGITS.match(text):
            found = int(text)
        else:
            found = text
        cache[text] = found
    return found


def sheet_rows(folder: str | Path, title: str) -> list[list[object]]:
    """One tab's rows as the Sheets API gives them: dates as serials, ragged rows."""
    date_columns = [i for i, (_, kind) in enumerate(TABS[title]) if kind == "date"]
    cache: dict[str, int | str] = {}
    rows: list[list[object]] = []
    with (Path(folder) / f"{title}.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        rows.append(next(reader))
        for row in reader:
            cells: list[object] = list(row)
            for i in date_columns:
                if cells[i]:
                    cells[i] = _serial(cells[i], cache)
            end = len(cells)
            while end and cells[end - 1] == "":
                end -= 1
            rows.append(cells[:end])
    return rows


def batch_body(folder: str | Path) -> bytes:
    """The bytes of Google's ``values:batchGet`` answer for every tab of the CSV folder."""
    ranges = []
    for title in TABS:
        rows = sheet_rows(folder, title)
        width = max(len(row) for row in rows)
        value_range = {
            "range": f"{title}!A1:{_column_letters(width)}{len(rows)}",
            "majorDimension": "ROWS",
            "values": rows,
        }
        ranges.append(value_range)
    body = {"spreadsheetId": SPREADSHEET_ID, "valueRanges": ranges}
    # Google's APIs pretty-print JSON unless asked not to (prettyPrint=false); gspread doesn't ask
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(
    folder: str | Path,
    seed: int = 1,
    scale: float = 1.0,
    shape: str = "realistic",
    sizes: dict[str, int] | None = None,
    first: int = 0,
) -> dict:
    """Write the CSVs, the batchGet body and ``meta.json`` (sizes, period, timings)."""
    folder = Path(folder)
    began = time.perf_counter()
    rows = generate(folder, seed, scale, shape, sizes, first)
    csv_s = time.perf_counter() - began
    began = time.perf_counter()
    data = batch_body(folder)
    (folder / BODY_FILE).write_bytes(data)
    body_s = time.perf_counter() - began
    meta = {
        "format": FORMAT_VERSION,
        "seed": seed,
        "scale": scale,
        "shape": shape,
        "rows": rows,
        "start": START.isoformat(),
        "as_of": END.isoformat(),
        "body_bytes": len(data),
        "csv_s": round(csv_s, 3),
        "body_s": round(body_s, 3),
    }
    (folder / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


# One regional sheet of the many-sources case: a collaboration's own small workbook.
REGION_SIZES = {
    "collaborations": 1,
    "people": 15,
    "projects": 2,
    "commitments": 40,
    "wins": 20,
    "meetings": 6,
}
REGION_FOLDER = "region-{:02d}"


def build_regions(folder: str | Path, count: int, seed: int = 1) -> dict:
    """``count`` regional workbooks, one folder each (``REGION_FOLDER``), each its own
    collaboration with a few rows per tab; names are drawn from the same lists, so a few people
    appear in two regions' sheets (the bridges). ``meta.json`` of the whole sits in ``folder``."""
    folder = Path(folder)
    began = time.perf_counter()
    metas = [
        build(
            folder / REGION_FOLDER.format(i + 1),
            seed * 1000 + i,
            1.0,
            "realistic",
            REGION_SIZES,
            first=i,
        )
        for i in range(count)
    ]
    rows = {tab: sum(m["rows"][tab] for m in metas) for tab in TABS}
    meta = {
        "format": FORMAT_VERSION,
        "seed": seed,
        "regions": count,
        "rows": rows,
        "start": START.isoformat(),
        "as_of": END.isoformat(),
        "body_bytes": sum(m["body_bytes"] for m in metas),
        "csv_s": round(time.perf_counter() - began, 3),
        "body_s": 0.0,
    }
    (folder / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="where to write the CSVs and the batchGet body")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument("--shape", choices=SHAPES, default="realistic")
    parser.add_argument("--sizes", type=json.loads, default=None, help='JSON: {"people": 12, …}')
    parser.add_argument("--regions", type=int, default=0, help="that many small regional sheets")
    args = parser.parse_args(argv)
    if args.regions:
        meta = build_regions(args.folder, args.regions, args.seed)
    else:
        meta = build(args.folder, args.seed, args.scale, args.shape, args.sizes)
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
