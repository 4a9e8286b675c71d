"""A funder must not read growth where the work has stopped: the impact report's paragraph for a
collaboration with no win in the period's last 60 days says so, with its last win and how many
of its projects are stalled.

Period 1 January – 30 June 2024, so D = 30 June and the last 60 days are 2 May … 30 June
(D−59 … D, the window of ``stalled_projects``).

* North: one win, 10 March (before 2 May) → stopped. Projects Hub (last touch: the win, 10 March:
  stalled) and Dock (a commitment made 15 May: not stalled) → 1 of its 2 active projects is
  stalled. Its one commitment is due 15 July, after the period: none came due.
* South: a win on 20 June → its paragraph is the usual one.
"""

from __future__ import annotations

import datetime as dt

from dashboard.reports.impact import build_report
from tests.fixtures import dataset_of

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


def _sheets() -> dict[str, list[list[object]]]:
    return {
        "Collaborations": [["Collaboration"], ["North"], ["South"]],
        "People": [
            ["Name", "Organization", "Collaboration"],
            ["Ann Lee", "Acme", "North"],
            ["Bo Chen", "County", "South"],
        ],
        "Projects": [
            ["Project", "Collaboration", "Status"],
            ["Hub", "North", "active"],
            ["Dock", "North", "active"],
            ["Pier", "South", "active"],
        ],
        "Commitments": [
            ["Who", "Project", "Action step", "Made", "By when", "Status"],
            ["Ann Lee", "Dock", "Call the port", "2024-05-15", "2024-07-15", "open"],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People"],
            ["2024-03-10", "Grocer signed", "Hub", "Ann Lee"],
            ["2024-06-20", "Pier opened", "Pier", "Bo Chen"],
        ],
    }


def test_a_stopped_collaboration_is_said_to_have_stopped():
    report = build_report(dataset_of(_sheets()), *PERIOD)
    assert report.paragraphs["North"] == (
        "North logged no small win in the last 60 days of this period (its last was on "
        "10 March 2024), and 1 of its 2 active projects is stalled (nothing recorded for 60 "
        "days). Over the whole period: 1 small win; no commitment came due."
    )
    assert "more than the previous period" not in report.paragraphs["North"]
    assert report.paragraphs["South"].startswith("South logged 1 small win (")


def test_a_collaboration_with_no_win_ever():
    sheets = _sheets()
    sheets["Wins"] = sheets["Wins"][:1] + sheets["Wins"][2:]  # North's only win removed
    north = build_report(dataset_of(sheets), *PERIOD).paragraphs["North"]
    # Hub has no touch at all now: stalled; Dock touched 15 May: not
    assert north.startswith(
        "North logged no small win in the last 60 days of this period (none is recorded yet), "
        "and 1 of its 2 active projects is stalled"
    )
    assert "Over the whole period: 0 small wins;" in north
