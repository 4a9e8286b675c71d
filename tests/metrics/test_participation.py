"""participation(): one row per person with an activity on or before D = 2024-06-30.

People: Ann Lee Ann@X.org (id ann@x.org; Acme, business, North),
        Bo Chen (State U, education, South),
        Cy Diaz (County; no activity at all), Di Eng (Late Org; active only after D).
        Hal Ivy attends a meeting but is not on People.

  Ann commits  P made D−100 due D−50 done D−60  → made, kept
               P made D−40  due D−10 done (no date) → made, kept
               P made D−20  due D−5  done D+1   → made, not kept (done after D)
               Q made D−10  open                → made
               Q made D+1                       → ignored
  Bo commits   P made D−70 due D−65 missed      → made
               R made D−50 done D−1             → made, kept
  Di commits   Q made D+1                       → ignored
  wins:     D−30 "Ann & Bo" (typed twice: counted once); D+1 Ann; D+2 Di
  meetings: D−15 Ann, Bo, Hal; D−2 Ann (by email); D+1 Ann, Bo

             made kept wins meetings first  last
  Ann        4    2    1    2        D−100  D−2  (meeting)
  Bo         2    1    1    1        D−70   D−1  (done date)
  Hal        0    0    0    1        D−15   D−15
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from dashboard.metrics import headline, participation
from tests.metrics.book import D, after, ago, book, commitment, meeting, person, ts, win

COLUMNS = [
    "person",
    "name",
    "organization",
    "sector",
    "collaboration",
    "commitments_made",
    "commitments_kept",
    "wins",
    "meetings",
    "first_activity",
    "last_activity",
]
COUNTS = ["commitments_made", "commitments_kept", "wins", "meetings"]


@cache
def team():
    return book(
        collaborations=["North", "South"],
        people=[
            person("Ann Lee", "Ann@X.org", "Acme", "business", "North"),
            person("Bo Chen", "", "State U", "education", "South"),
            person("Cy Diaz", "", "County", "government", "South"),
            person("Di Eng", "", "Late Org", "other", "North"),
        ],
        commitments=[
            commitment("Ann Lee", "P", ago(100), ago(50), "done", ago(60)),
            commitment("Ann Lee", "P", ago(40), ago(10), "done", ""),
            commitment("Ann Lee", "P", ago(20), ago(5), "done", after(1)),
            commitment("Ann Lee", "Q", ago(10), "", "open"),
            commitment("Ann Lee", "Q", after(1), "", "open"),
            commitment("Bo Chen", "P", ago(70), ago(65), "missed"),
            commitment("Bo Chen", "R", ago(50), "", "done", ago(1)),
            commitment("Di Eng", "Q", after(1)),
        ],
        wins=[
            win(ago(30), "Ann Lee & Bo Chen", title="Grant"),
            win(ago(30), "bo chen; ann lee", title="grant"),
            win(after(1), "Ann Lee"),
            win(after(2), "Di Eng"),
        ],
        meetings=[
            meeting(ago(15), "Ann Lee, Bo Chen, Hal Ivy"),
            meeting(ago(2), "ann@x.org"),
            meeting(after(1), "Ann Lee, Bo Chen"),
        ],
    )


@cache
def table():
    return participation(team(), D)


def _row(key):
    frame = table()
    rows = frame[frame["person"] == key]
    assert len(rows) == 1, key
    return rows.iloc[0]


def test_one_row_per_person_active_by_d():
    frame = table()
    assert set(COLUMNS) <= set(frame.columns)
    # Ann (id: her email), Bo, Hal; not Cy (no activity), not Di (only after D)
    assert sorted(frame["person"]) == ["ann@x.org", "bo chen", "hal ivy"]
    assert len(frame) == headline(team(), D)["people"] == 3


def test_who_they_are_comes_from_people():
    ann = _row("ann@x.org")
    assert (ann["name"], ann["organization"], ann["sector"], ann["collaboration"]) == (
        "Ann Lee",
        "Acme",
        "business",
        "North",
    )
    bo = _row("bo chen")
    assert (bo["organization"], bo["collaboration"]) == ("State U", "South")


def test_a_person_missing_from_people_has_no_organization():
    hal = _row("hal ivy")
    assert hal["name"] == "Hal Ivy"
    assert pd.isna(hal["organization"])


def test_counts_of_commitments_wins_and_meetings():
    found = {key: [int(_row(key)[c]) for c in COUNTS] for key in ("ann@x.org", "bo chen")}
    found["hal ivy"] = [int(_row("hal ivy")[c]) for c in COUNTS]
    assert found == {
        # made 4 (D+1 ignored); kept: done D−60, done with no date = 2 (done D+1 not yet)
        # wins: the D−30 win once (its duplicate dropped, D+1 ignored); meetings D−15, D−2
        "ann@x.org": [4, 2, 1, 2],
        # made 2; kept: R (done D−1) = 1 (P missed); win D−30; meeting D−15
        "bo chen": [2, 1, 1, 1],
        "hal ivy": [0, 0, 0, 1],
    }


def test_first_and_last_activity():
    # Ann: first made D−100; last the D−2 meeting (the D+1 done/win/meeting are ignored)
    # Bo: first made D−70; last the done date D−1 of R
    # Hal: the D−15 meeting only
    found = {
        key: (pd.Timestamp(_row(key)["first_activity"]), pd.Timestamp(_row(key)["last_activity"]))
        for key in ("ann@x.org", "bo chen", "hal ivy")
    }
    assert found == {
        "ann@x.org": (ts(ago(100)), ts(ago(2))),
        "bo chen": (ts(ago(70)), ts(ago(1))),
        "hal ivy": (ts(ago(15)), ts(ago(15))),
    }
