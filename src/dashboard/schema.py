"""The workbook format: tabs, their columns, which are required, and the header aliases teams type.

Headers match case-insensitively, ignoring spaces, underscores and punctuation (SPEC.md, "The
workbook"). Aliases include the words of the Strategic Doing 30/30 form and Google Form's
``Timestamp``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


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
        {"name": "collaboration", "collaborationname": "collaboration", "start": "started"},
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
            "joinedon": "joined",
            "datejoined": "joined",
        },
    ),
    Tab(
        "Projects",
        ("project", "collaboration", "outcome", "status", "started", "pathfinder", "lead"),
        ("project",),
        {"name": "project", "projectname": "project", "start": "started", "owner": "lead"},
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
            "name": "person",
            "actionstep": "commitment",
            "action": "commitment",
            "task": "commitment",
            "datemade": "made",
            "madeon": "made",
            "date": "made",
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
        },
    ),
    Tab(
        "Meetings",
        ("date", "project", "collaboration", "attendees"),
        ("date",),
        {"timestamp": "date", "meetingdate": "date", "people": "attendees", "who": "attendees"},
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
    """Reduce a header to letters and digits, lower case: ``"By when?"`` → ``"bywhen"``."""
    folded = unicodedata.normalize("NFKD", str(text)).casefold()
    return _NOT_WORD.sub("", "".join(c for c in folded if not unicodedata.combining(c)))


def canonical_column(tab: Tab, header: object) -> str | None:
    """The canonical column a header names in ``tab``, or ``None`` for an extra column."""
    key = header_key(header)
    if key in tab.columns:
        return key
    return tab.aliases.get(key)


def canonical_tab(title: str) -> Tab | None:
    """The tab a sheet title names (``"wins "`` and ``"WINS"`` both name Wins), or ``None``."""
    key = header_key(title)
    for tab in TABS:
        if header_key(tab.name) == key:
            return tab
    return None
