"""What the team's sheet checks as it is typed in: drop-down lists, dates, column widths and the
overdue highlight — one description, written into the template's ``.xlsx`` (``xlsx.py``) and
applied to a Google Sheet through the Sheets API (``google.py``).

Every list offers exactly the words the dashboard reads (``schema``): a sheet filled from its
drop-downs has nothing in it the loader would call a problem. People, projects and
collaborations come from their own tabs, so a new one is added there first; typing another is
allowed with a warning (a new person at a meeting is normal), while a status, sector or size not
on the list is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.schema import (
    COMMITMENT_STATUSES,
    PROJECT_STATUSES,
    SECTORS,
    TAB_BY_NAME,
    WIN_SIZES,
)

FIRST_DAY, LAST_DAY = (1900, 1, 1), (2199, 12, 31)  # the dates the loader reads (clean/cells.py)
DATE_FORMAT = "yyyy-mm-dd"
PEOPLE_LIST = "names separated by commas, as on the People tab"


@dataclass(frozen=True)
class Choice:
    """One of a fixed list of words; anything else is refused."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class FromTab:
    """One of the values of another tab's first column (below its header); another value is
    allowed after a warning."""

    tab: str


@dataclass(frozen=True)
class Date:
    """A date the loader reads (1900-01-01 … 2199-12-31); text is refused."""


Rule = Choice | FromTab | Date


@dataclass(frozen=True)
class Column:
    name: str  # the canonical column (schema)
    width: int  # in characters, as a spreadsheet measures a column
    rule: Rule | None = None
    note: str = ""  # the hint shown when the cell is selected

    @property
    def header(self) -> str:
        """The header the template writes: the column's name, capitalised (``ID`` for id)."""
        return "ID" if self.name == "id" else self.name.capitalize()


COLLABORATION = Column("collaboration", 30, FromTab("Collaborations"))
TEXT = 48  # a column of sentences
NAME = 24  # a column of names
DAY = 12  # a column of dates

COLUMNS: dict[str, tuple[Column, ...]] = {
    "Collaborations": (
        Column("collaboration", 34),
        Column("region", 18),
        Column("country", 14),
        Column("started", DAY, Date()),
        Column("coordinator", NAME, FromTab("People")),
    ),
    "People": (
        Column("name", NAME),
        Column("email", 28),
        Column("organization", 28),
        Column("sector", 14, Choice(SECTORS)),
        COLLABORATION,
        Column("joined", DAY, Date()),
        Column("role", 20),
    ),
    "Projects": (
        Column("project", 30),
        COLLABORATION,
        Column("outcome", TEXT),
        Column("status", 12, Choice(PROJECT_STATUSES)),
        Column("started", DAY, Date()),
        Column("pathfinder", 12),
        Column("lead", NAME, FromTab("People")),
    ),
    "Commitments": (
        Column("person", NAME, FromTab("People")),
        Column("project", 30, FromTab("Projects")),
        Column("commitment", TEXT),
        Column("made", DAY, Date(), "the day it was made"),
        Column("due", DAY, Date(), "by when"),
        Column("status", 12, Choice(COMMITMENT_STATUSES)),
        Column("done", DAY, Date(), "the day it was done"),
        Column("result", TEXT, note="what was learned, for the 30/30"),
        COLLABORATION,
        Column("id", 16, note="leave blank: the app fills it when it logs a row"),
    ),
    "Wins": (
        Column("date", DAY, Date()),
        Column("win", TEXT),
        Column("project", 30, FromTab("Projects")),
        Column("people", 30, note=PEOPLE_LIST),
        Column("category", 18),
        Column("size", 10, Choice(WIN_SIZES)),
        Column("evidence", 30, note="a link"),
        Column("id", 16, note="leave blank: the app fills it when it logs a row"),
        COLLABORATION,
    ),
    "Meetings": (
        Column("date", DAY, Date()),
        Column("project", 30, FromTab("Projects")),
        COLLABORATION,
        Column("attendees", TEXT, note=PEOPLE_LIST),
    ),
}
assert all(
    tuple(c.name for c in columns) == TAB_BY_NAME[tab].columns for tab, columns in COLUMNS.items()
), "the template's columns are the schema's, in its order"


def overdue_formula(due: str, status: str, row: int) -> str:
    """A commitment overdue (docs/METRICS.md: open, and due before today), for the row ``row``
    of a conditional format whose due and status columns are ``due`` and ``status`` (letters):
    the formula is written for the first row and moves down with each row."""
    return (
        f"=AND(ISNUMBER(${due}{row}),${due}{row}<TODAY(),"
        f'OR(${status}{row}="",LOWER(${status}{row})="open"))'
    )


OVERDUE_FILL = "F8D7DA"  # a pale red, under dark text
