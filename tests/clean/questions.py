"""The workbook the tests of questioned cells share (``check`` and Data health): dates set from
today, so that AHEAD is always one day past what ``limits.FUTURE_DAYS`` allows."""

from __future__ import annotations

import datetime as dt

from dashboard.limits import FUTURE_DAYS

TODAY = dt.date.today()
AHEAD = f"{TODAY + dt.timedelta(days=FUTURE_DAYS + 1):%Y-%m-%d}"  # one day too far: questioned
EDGE = f"{TODAY + dt.timedelta(days=FUTURE_DAYS):%Y-%m-%d}"  # the latest allowed: not
FAR = f"{TODAY + dt.timedelta(days=30):%Y-%m-%d}"


def questioned_workbook() -> dict[str, list[list[object]]]:
    """Cells that all read but that a person would question: a project not on Projects, a date
    AHEAD (one day too far) beside EDGE (the latest allowed), a lead and a coordinator not on
    People, two People rows of one name. Rows as the sheet numbers them."""
    return {
        "Collaborations": [
            ["Collaboration", "Coordinator"],
            ["North", "Ann Lee"],
            ["South", "Zed Nobody"],
        ],
        "People": [
            ["Name", "Email", "Organization"],
            ["Ann Lee", "ann@acme.org", "Acme"],  # row 2
            ["Ana Silva", "ana1@x.org", "Xco"],  # row 3
            ["Bo Chen", "bo@county.org", "County"],  # row 4
            ["Ana Silva", "ana2@y.org", "Yco"],  # row 5: another Ana Silva
        ],
        "Projects": [
            ["Project", "Collaboration", "Lead"],
            ["Hub", "North", "Ana Silva"],  # row 2: which Ana?
            ["Pier", "South", "Quinn Ghost"],  # row 3: not on People
        ],
        "Commitments": [
            ["Who", "Project", "Action step", "Made", "By when", "Status", "Collaboration"],
            ["Ann Lee", "Hub", "Call", "2024-01-10", "2024-02-01", "open", ""],  # row 2
            ["Ana Silva", "Hub", "Draft", "2024-01-10", "2024-02-01", "open", ""],  # row 3
            ["ana2@y.org", "Hub", "Print", "2024-01-10", "2024-02-01", "open", ""],  # row 4
            ["Bo Chen", "Dock", "Moor", "2024-01-10", "2024-02-01", "open", "South"],  # row 5
            ["Bo Chen", "Hub", "Plan", AHEAD, FAR, "open", ""],  # row 6
            ["Bo Chen", "Hub", "Book", EDGE, FAR, "open", ""],  # row 7
        ],
        "Wins": [
            ["Date", "Win", "Project", "People"],
            [FAR, "Launch", "Hub", "Ann Lee, Ana Silva"],  # row 2
            ["2024-01-05", "Dock win", "Dock", "Bo Chen"],  # row 3
        ],
    }
