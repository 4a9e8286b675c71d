"""The workbook format: tabs, their columns, which are required, and the header aliases teams type.

Headers match case-insensitively, ignoring spaces, underscores and punctuation (docs/operating.md,
"The workbook format"; docs/METRICS.md, "Problems (kinds)", for a header read twice). Aliases
include the words of the Strategic Doing 30/30 form and Google Form's ``Timestamp``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dashboard.folding import without_marks

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def header_key(text: object) -> str:
    """Reduce a header to letters and digits, lower case, accents off (``folding``):
    ``"By when?"`` → ``"bywhen"``, ``"Fecha de creación"`` → ``"fechadecreacion"``."""
    return _NOT_WORD.sub("", without_marks(str(text)).casefold())


@dataclass(frozen=True)
class Tab:
    """One tab of the workbook: its canonical columns (in template order) and what is required.

    ``aliases`` are written as a team types them ("Who is responsible"), so messages can show
    them so; the tab keeps them by ``header_key`` (``whoisresponsible``) for matching, and
    ``spellings`` gives each key back its words."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)
    required_tab: bool = True
    spellings: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        typed = dict(self.aliases)
        object.__setattr__(self, "aliases", {header_key(k): v for k, v in typed.items()})
        object.__setattr__(self, "spellings", {header_key(k): k for k in typed})

    def aliases_of(self, column: str) -> list[str]:
        """The other headers read as ``column``, as a team would type them."""
        return sorted(self.spellings[k] for k, name in self.aliases.items() if name == column)


TABS: tuple[Tab, ...] = (
    Tab(
        "Collaborations",
        ("collaboration", "region", "country", "started", "coordinator"),
        ("collaboration",),
        {
            "Name": "collaboration",
            "Collaboration name": "collaboration",
            "Start date": "started",
            "Lead": "coordinator",
            "Coordinated by": "coordinator",
            "Start": "started",
        },
        required_tab=False,
    ),
    Tab(
        "People",
        ("name", "email", "organization", "sector", "collaboration", "joined", "role"),
        ("name",),
        {
            "Person": "name",
            "Full name": "name",
            "Email address": "email",
            "Mail": "email",
            "Organisation": "organization",
            "Org": "organization",
            "Company": "organization",
            "Employer": "organization",
            "Affiliation": "organization",
            "Institution": "organization",
            "Organization name": "organization",
            "Start date": "joined",
            "Title": "role",
            "Position": "role",
            "Joined on": "joined",
            "Date joined": "joined",
        },
    ),
    Tab(
        "Projects",
        ("project", "collaboration", "outcome", "status", "started", "pathfinder", "lead"),
        ("project",),
        {
            "Name": "project",
            "Project name": "project",
            "Start": "started",
            "Owner": "lead",
            "Project lead": "lead",
            "Start date": "started",
            "Goal": "outcome",
            "Pathfinder project": "project",
        },
    ),
    Tab(
        "Commitments",
        (
            "person",
            "project",
            "commitment",
            "made",
            "due",
            "status",
            "done",
            "result",
            "collaboration",
            "id",
        ),
        ("person", "project", "made"),
        {
            "Who is responsible": "person",
            "Who": "person",
            "Owner": "person",
            "Responsible": "person",
            "Person responsible": "person",
            "Who's responsible": "person",
            "Assigned to": "person",
            "Assignee": "person",
            "Committed by": "person",
            "Name": "person",
            "Action step": "commitment",
            "Action": "commitment",
            "Task": "commitment",
            "Date made": "made",
            "Made on": "made",
            "Date": "made",
            "Date committed": "made",
            "Committed": "made",
            "Committed on": "made",
            "Created": "made",
            "Date added": "made",
            "Project name": "project",
            "What will be done": "commitment",
            "By when": "due",
            "Due date": "due",
            "Deadline": "due",
            "Done date": "done",
            "Completed": "done",
            "Completed on": "done",
            "Date done": "done",
            "Results/learning": "result",
            "Results": "result",
            "Learning": "result",
            "Result/learning": "result",
        },
    ),
    Tab(
        "Wins",
        ("date", "win", "project", "people", "category", "size", "evidence", "id", "collaboration"),
        ("date", "win"),
        {
            "Timestamp": "date",
            "When": "date",
            "Small win": "win",
            "What happened": "win",
            "Description": "win",
            "Who": "people",
            "Names": "people",
            "Link": "evidence",
            "URL": "evidence",
            "Win date": "date",
            "Date of win": "date",
            "Participants": "people",
            "People involved": "people",
            "Who was involved": "people",
            "Type": "category",
            "Win ID": "id",
            "Project name": "project",
        },
    ),
    Tab(
        "Meetings",
        ("date", "project", "collaboration", "attendees"),
        ("date",),
        {
            "Timestamp": "date",
            "Meeting date": "date",
            "People": "attendees",
            "Who": "attendees",
            "Participants": "attendees",
            "Present": "attendees",
            "Who attended": "attendees",
            "Project name": "project",
        },
        required_tab=False,
    ),
)

TAB_BY_NAME: dict[str, Tab] = {tab.name: tab for tab in TABS}

SECTORS = ("business", "education", "government", "nonprofit", "community", "funder", "other")
WIN_SIZES = ("small", "medium", "large")
COMMITMENT_STATUSES = ("open", "done", "missed", "dropped")  # the template's drop-downs
PROJECT_STATUSES = ("active", "completed", "paused", "dropped")
UNASSIGNED = "unassigned"


def canonical_column(tab: Tab, header: object) -> str | None:
    """The canonical column a header names in ``tab``, or ``None`` for an extra column."""
    key = header_key(header)
    if key in tab.columns:
        return key
    return tab.aliases.get(key)


def header_positions(tab: Tab, headers: Sequence[object]) -> tuple[dict[str, int], list[int]]:
    """Column → position for a header row, and the positions of repeated columns.

    A header that is the column's own name wins over an alias (a Google Form's ``Timestamp``
    beside a ``Date`` column the team typed: the date is read); among equals, the first.
    """
    named = [
        (i, header_key(h), canonical_column(tab, h))
        for i, h in enumerate(headers)
        if h is not None and str(h).strip()
    ]
    positions: dict[str, int] = {}
    for exact in (True, False):
        for position, key, column in named:
            if column is not None and (key == column) == exact and column not in positions:
                positions[column] = position
    used = set(positions.values())
    repeated = [i for i, _, column in named if column is not None and i not in used]
    return positions, repeated


TAB_ALIASES = {
    "Collaborations": ("collaboration", "regions"),
    "People": ("person", "members", "participants"),
    "Projects": ("project", "pathfinderprojects"),
    "Commitments": ("commitment", "actionsteps", "actionstep", "actions"),
    "Wins": ("win", "smallwins"),
    "Meetings": ("meeting", "checkins", "3030s", "3030"),
}


def canonical_tab(title: str) -> Tab | None:
    """The tab a sheet title names (``"wins "``, ``"WINS"`` and ``"Small wins"`` all name Wins),
    or ``None``."""
    key = header_key(title)
    for tab in TABS:
        if key == header_key(tab.name) or key in TAB_ALIASES[tab.name]:
            return tab
    return None
