"""project_status(): one row per project, with its last touch and whether it is stalled.
D = 2024-06-30; stalled = active and last touch before D−59 (2024-05-02), or no touch at all.

Projects tab (status, started):
  Alpha   North, active, D−200   Ann commits D−100 due D−50 open; Bo commits D−80 due D−70,
                                 done D−60; win D−65; meeting D−61
  Beta    South, active, D−10    Cy commits D−5 due D open; Cy commits D+1; Di commits D−8
                                 due D−1, done D+3; win D+2; meeting D+1
  Gamma   paused, D−300          no record
  Delta   active, no start       no record
  Epsilon active, D+5            no record
  Eta     active, D−100          win D−59, typed twice (the loader keeps one)
  Theta   active, D−100          Ann commits D−90, done D−59
  Zeta    (not on Projects)      win D−59 (Ann, Bo)
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from dashboard.metrics import headline, project_status
from tests.metrics.book import D, after, ago, book, commitment, meeting, project, ts, win

COLUMNS = [
    "project",
    "collaboration",
    "status",
    "last_touch",
    "stalled",
    "open_commitments",
    "overdue_commitments",
    "wins",
]


@cache
def portfolio():
    return book(
        collaborations=["North", "South"],
        projects=[
            project("Alpha", "North", "active", ago(200)),
            project("Beta", "South", "active", ago(10)),
            project("Gamma", "", "paused", ago(300)),
            project("Delta", "", "active", ""),
            project("Epsilon", "", "active", after(5)),
            project("Eta", "", "active", ago(100)),
            project("Theta", "", "active", ago(100)),
        ],
        commitments=[
            commitment("Ann Lee", "Alpha", ago(100), ago(50), "open"),
            commitment("Bo Chen", "Alpha", ago(80), ago(70), "done", ago(60)),
            commitment("Cy Diaz", "Beta", ago(5), ago(0), "open"),
            commitment("Cy Diaz", "Beta", after(1), after(9), "open"),
            commitment("Di Eng", "Beta", ago(8), ago(1), "done", after(3)),
            commitment("Ann Lee", "Theta", ago(90), "", "done", ago(59)),
        ],
        wins=[
            win(ago(65), "Ann Lee", proj="Alpha"),
            win(after(2), "Cy Diaz", proj="Beta"),
            win(ago(59), "Ann Lee, Bo Chen", proj="Zeta"),
            win(ago(59), "Bo Chen", proj="Eta", title="Eta win"),
            win(ago(59), "Bo Chen", proj="Eta", title="Eta win"),
        ],
        meetings=[
            meeting(ago(61), "Ann Lee", proj="Alpha"),
            meeting(after(1), "Cy Diaz", proj="Beta"),
        ],
    )


@cache
def status():
    return project_status(portfolio(), D)


def _row(name):
    frame = status()
    rows = frame[frame["project"] == name]
    assert len(rows) == 1, name
    return rows.iloc[0]


def test_columns_and_one_row_per_listed_or_named_project():
    frame = status()
    assert set(COLUMNS) <= set(frame.columns)
    named = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Eta", "Theta", "Zeta"}
    assert named <= set(frame["project"])
    assert frame["project"].is_unique


def test_collaboration_and_status_come_from_projects():
    assert _row("Alpha")["collaboration"] == "North"
    assert _row("Beta")["collaboration"] == "South"
    assert _row("Alpha")["status"] == "active"
    assert _row("Gamma")["status"] == "paused"


def test_last_touch_is_the_latest_dated_thing_on_or_before_d():
    # Alpha: max(started D−200, made D−100, D−80, done D−60, win D−65, meeting D−61) = D−60
    assert _row("Alpha")["last_touch"] == ts(ago(60))
    # Beta: started D−10, made D−5 and D−8; D+1 commit, D+3 done, D+2 win, D+1 meeting ignored
    assert _row("Beta")["last_touch"] == ts(ago(5))
    # Gamma: only its start
    assert _row("Gamma")["last_touch"] == ts(ago(300))
    # Theta: made D−90 but done D−59 → D−59
    assert _row("Theta")["last_touch"] == ts(ago(59))
    # Zeta: only its win D−59
    assert _row("Zeta")["last_touch"] == ts(ago(59))


def test_last_touch_is_missing_without_any_touch_by_d():
    assert pd.isna(_row("Delta")["last_touch"])  # nothing at all
    assert pd.isna(_row("Epsilon")["last_touch"])  # starts D+5


def test_stalled_only_for_active_projects_untouched_since_before_d_minus_59():
    expected = {
        "Alpha": True,  # last touch D−60 < D−59
        "Beta": False,  # D−5
        "Gamma": False,  # untouched for 300 days but paused: not active
        "Delta": True,  # active, no touch at all
        "Epsilon": False,  # starts after D: not active as in projects_active
        "Eta": False,  # D−59: not before D−59
        "Theta": False,  # done D−59 counts as a touch
        "Zeta": False,  # named only on a win, D−59
    }
    assert {name: bool(_row(name)["stalled"]) for name in expected} == expected


def test_open_and_overdue_commitments():
    # Alpha: Ann open (due D−50 < D) → open 1, overdue 1; Bo done D−60 → neither
    # Beta: Cy D−5 open, due D → open 1, not overdue (due == D); Cy D+1 ignored;
    #       Di done D+3, due D−1 → not open, overdue 1
    # Theta: done → 0, 0
    expected = {"Alpha": (1, 1), "Beta": (1, 1), "Theta": (0, 0), "Delta": (0, 0)}
    found = {
        name: (int(_row(name)["open_commitments"]), int(_row(name)["overdue_commitments"]))
        for name in expected
    }
    assert found == expected


def test_wins_per_project():
    # Alpha D−65; Beta's only win is D+2; Eta's win typed twice counts once; Zeta D−59
    expected = {"Alpha": 1, "Beta": 0, "Eta": 1, "Zeta": 1, "Gamma": 0}
    assert {name: int(_row(name)["wins"]) for name in expected} == expected


def test_agrees_with_the_headline():
    # projects_active: Alpha, Beta, Delta, Eta, Theta, Zeta = 6 (Gamma paused, Epsilon later)
    # stalled_projects: Alpha, Delta = 2; overdue: Alpha's Ann + Beta's Di = 2
    figures = headline(portfolio(), D)
    assert figures["projects_active"] == 6
    assert figures["stalled_projects"] == 2 == int(status()["stalled"].sum())
    assert figures["overdue"] == 2 == int(status()["overdue_commitments"].sum())
