"""The workbook format: tabs, their columns, which are required, and the header aliases teams type.

Headers match case-insensitively, ignoring spaces, underscores and punctuation (SPEC.md, "The
workbook"). Aliases include the words of the Strategic Doing 30/30 form and Google Form's
``Timestamp``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.folding import without_marks


@dataclass(frozen=True)
class Tab:
    """One tab of the workbook: its canonical columns (in template order) and what is required."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)
    required_tab: bool = True


TABS: tuple[Tab, ...] = (
    Tab(
        "Collaborations",
        ("collaboration", "region", "country", "started", "coordinator"),
        ("collaboration",),
        {
            "name": "collaboration",
            "collaborationname": "collaboration",
            "startdate": "started",
            "lead": "coordinator",
            "coordinatedby": "coordinator",
            "start": "started",
        },
        required_tab=False,
    ),
    Tab(
        "People",
        ("name", "email", "organization", "sector", "collaboration", "joined", "role"),
        ("name",),
        {
            "person": "name",
            "fullname": "name",
            "emailaddress": "email",
            "mail": "email",
            "organisation": "organization",
            "org": "organization",
            "company": "organization",
            "employer": "organization",
            "affiliation": "organization",
            "institution": "organization",
            "organizationname": "organization",
            "startdate": "joined",
            "title": "role",
            "position": "role",
            "joinedon": "joined",
            "datejoined": "joined",
        },
    ),
    Tab(
        "Projects",
        ("project", "collaboration", "outcome", "status", "started", "pathfinder", "lead"),
        ("project",),
        {
            "name": "project",
            "projectname": "project",
            "start": "started",
            "owner": "lead",
            "projectlead": "lead",
            "startdate": "started",
            "goal": "outcome",
            "pathfinderproject": "project",
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
            "whoisresponsible": "person",
            "who": "person",
            "owner": "person",
            "responsible": "person",
            "personresponsible": "person",
            "whosresponsible": "person",
            "assignedto": "person",
            "assignee": "person",
            "committedby": "person",
            "name": "person",
            "actionstep": "commitment",
            "action": "commitment",
            "task": "commitment",
            "datemade": "made",
            "madeon": "made",
            "date": "made",
            "datecommitted": "made",
            "committed": "made",
            "committedon": "made",
            "created": "made",
            "dateadded": "made",
            "projectname": "project",
            "whatwillbedone": "commitment",
            "bywhen": "due",
            "duedate": "due",
            "deadline": "due",
            "donedate": "done",
            "completed": "done",
            "completedon": "done",
            "datedone": "done",
            "resultslearning": "result",
            "results": "result",
            "learning": "result",
            "resultlearning": "result",
        },
    ),
    Tab(
        "Wins",
        ("date", "win", "project", "people", "category", "size", "evidence", "id", "collaboration"),
        ("date", "win"),
        {
            "timestamp": "date",
            "when": "date",
            "smallwin": "win",
            "whathappened": "win",
            "description": "win",
            "who": "people",
            "names": "people",
            "link": "evidence",
            "url": "evidence",
            "windate": "date",
            "dateofwin": "date",
            "participants": "people",
            "peopleinvolved": "people",
            "whowasinvolved": "people",
            "type": "category",
            "winid": "id",
            "projectname": "project",
        },
    ),
    Tab(
        "Meetings",
        ("date", "project", "collaboration", "attendees"),
        ("date",),
        {
            "timestamp": "date",
            "meetingdate": "date",
            "people": "attendees",
            "who": "attendees",
            "participants": "attendees",
            "present": "attendees",
            "whoattended": "attendees",
            "projectname": "project",
        },
        required_tab=False,
    ),
)

TAB_BY_NAME: dict[str, Tab] = {tab.name: tab for tab in TABS}

SECTORS = ("business", "education", "government", "nonprofit", "community", "funder", "other")
WIN_SIZES = ("small", "medium", "large")
COMMITMENT_STATUSES = ("open", "done", "missed", "dropped")
PROJECT_STATUSES = ("active", "completed", "paused", "dropped")
UNASSIGNED = "unassigned"

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def header_key(text: object) -> str:
    """Reduce a header to letters and digits, lower case, accents off (``folding``):
    ``"By when?"`` → ``"bywhen"``, ``"Fecha de creación"`` → ``"fechadecreacion"``."""
    return _NOT_WORD.sub("", without_marks(str(text)).casefold())


def canonical_column(tab: Tab, header: object) -> str | None:
    """The canonical column a header names in ``tab``, or ``None`` for an extra column."""
    key = header_key(header)
    if key in tab.columns:
        return key
    return tab.aliases.get(key)


def header_positions(tab: Tab, headers: list[object]) -> tuple[dict[str, int], list[int]]:
    """Column → position for a header row, and the positions of repeated columns.

    A header that is the column's own name wins over an alias (a Google Form's ``Timestamp``
    beside a ``Date`` column the team typed: the date is read); among equals, the first.
    """
    named = [(i, header_key(h), canonical_column(tab, h)) for i, h in enumerate(headers)
             if h is not None and str(h).strip()]  # fmt: skip
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
