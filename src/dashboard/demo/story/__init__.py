"""The word lists behind the demo workbook: regions, people, projects, steps, wins, headers.

Kept apart from the generator so the story can be read and edited like a script. Every name and
organisation is fictional; every email domain is an example domain (RFC 2606). The generator reads
them all through this package (``story.PEOPLE``, ``story.WINS``…), whichever module holds them.
"""

from dashboard.demo.story.actions import ACTIONS, GENERIC_ACTIONS, MISSED_RESULTS, RESULTS
from dashboard.demo.story.projects import NOTES, OUTCOMES, PROJECTS, ProjectSpec
from dashboard.demo.story.regions import (
    BRIDGES,
    COAST,
    COLLABORATIONS,
    CORE_TEAM,
    NAME_VARIANTS,
    NORTH,
    ORGANIZATIONS,
    PEOPLE,
    PLAINS,
    RIVER,
    STALL_DATE,
    STALLED,
    UNKNOWN_PEOPLE,
    Collab,
)
from dashboard.demo.story.sheets import HEADERS, READ_ME
from dashboard.demo.story.wins import GENERIC_WINS, WINS

__all__ = [
    "ACTIONS",
    "BRIDGES",
    "COAST",
    "COLLABORATIONS",
    "CORE_TEAM",
    "GENERIC_ACTIONS",
    "GENERIC_WINS",
    "HEADERS",
    "MISSED_RESULTS",
    "NAME_VARIANTS",
    "NORTH",
    "NOTES",
    "ORGANIZATIONS",
    "OUTCOMES",
    "PEOPLE",
    "PLAINS",
    "PROJECTS",
    "READ_ME",
    "RESULTS",
    "RIVER",
    "STALLED",
    "STALL_DATE",
    "UNKNOWN_PEOPLE",
    "WINS",
    "Collab",
    "ProjectSpec",
]
