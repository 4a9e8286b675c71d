"""Headline figures of docs/METRICS.md, one test per definition, on the records: collaborations,
active and stalled projects, wins and their windows, commitments made and due, follow-through and
overdue. Every expected figure is worked out by hand in the comments.
D = 2024-06-30: last_30 = 06-01 … 06-30, prev_30 = 05-02 … 05-31.
"""

from __future__ import annotations

from functools import cache

from dashboard.metrics import headline
from tests.metrics.book import D, after, ago, book, commitment, meeting, project, win


def test_collaborations_named_anywhere_without_unassigned():
    # Collaborations tab: North, South (South has no record at all: still named).
    # A commitment on Lab (not on Projects) with its own collaboration column East → East.
    # A win with no project and no collaboration → unassigned: not counted.
    # A win whose collaboration column says "north" is North again.
    # West is named only by a win dated D+1: "anything dated after D is ignored, as if the
    # world stopped at D" → not counted.
    # → North, South, East = 3
    dataset = book(
        collaborations=["North", "South"],
        projects=[project("Hub", "North", started=ago(10))],
        commitments=[
            commitment("Ann Lee", "Lab", ago(5), collab="East"),
            commitment("Bo Chen", "Hub", ago(4)),
        ],
        wins=[
            win(ago(3), "Ann Lee"),
            win(ago(2), "Bo Chen", collab="north"),
            win(after(1), "Bo Chen", collab="West"),
        ],
    )
    assert "unassigned" in set(dataset.wins["collaboration"])  # the fixture has one
    assert headline(dataset, D)["collaborations"] == 3


def test_projects_active():
    # Projects rows:
    #   Alpha   blank status, blank started   ✓ (1)
    #   Beta    active, started D−10          ✓ (2)
    #   Gamma   active, started D+1           ✗ (after D)
    #   Delta   paused (has a commitment D−1) ✗ (listed, not active)
    #   Epsilon completed                     ✗
    #   Zeta    dropped                       ✗
    #   Eta     active, started D             ✓ (3)
    # Named only in other tabs:
    #   Theta   commitment made D−5           ✓ (4)
    #   Iota    win dated D+3 only            ✗ (no record ≤ D)
    #   Kappa   meeting D−40                  ✓ (5)
    #   Mu      commitment made D+1, win D−3  ✓ (6)
    dataset = book(
        projects=[
            project("Alpha"),
            project("Beta", status="active", started=ago(10)),
            project("Gamma", status="active", started=after(1)),
            project("Delta", status="paused", started=ago(100)),
            project("Epsilon", status="completed", started=ago(100)),
            project("Zeta", status="dropped"),
            project("Eta", status="active", started=ago(0)),
        ],
        commitments=[
            commitment("Ann Lee", "Delta", ago(1)),
            commitment("Ann Lee", "Theta", ago(5)),
            commitment("Ann Lee", "Mu", after(1)),
        ],
        wins=[win(after(3), "Ann Lee", proj="Iota"), win(ago(3), "Ann Lee", proj="mu")],
        meetings=[meeting(ago(40), "Ann Lee", proj="Kappa")],
    )
    assert headline(dataset, D)["projects_active"] == 6


def test_wins_and_their_windows_and_a_duplicate_counted_once():
    # Wins dated: D, D−29, D−29 again (the same win re-typed: dropped by the loader),
    #   D−30, D−59, D−60, D−200, D+1.
    # wins ≤ D: D, D−29, D−30, D−59, D−60, D−200 = 6
    # last_30 (D−29 … D): D, D−29 = 2
    # prev_30 (D−59 … D−30): D−30, D−59 = 2 (D−60 is in neither)
    dataset = book(
        wins=[
            win(ago(0), "Ann Lee", title="w0"),
            win(ago(29), "Ann Lee and Bo Chen", title="w29"),
            win(ago(29), "bo chen, ANN LEE", title="W29 "),
            win(ago(30), "Ann Lee", title="w30"),
            win(ago(59), "Ann Lee", title="w59"),
            win(ago(60), "Ann Lee", title="w60"),
            win(ago(200), "Ann Lee", title="w200"),
            win(after(1), "Ann Lee", title="later"),
        ]
    )
    assert len(dataset.wins) == 7  # the loader dropped the duplicate
    figures = headline(dataset, D)
    assert figures["wins"] == 6
    assert figures["wins_last_30"] == 2
    assert figures["wins_prev_30"] == 2


@cache
def _commitment_mix():
    """One person, project P; each row says how it counts (made / due / done by D / overdue).

    c1  made D−40 due D−10 done, done D−12   made due done-by-D
    c2  made D−40 due D−10 done, done blank  made due done-by-D (blank done counts)
    c3  made D−40 due D−10 done, done D+2    made due            overdue (done after D)
    c4  made D−40 due D−10 open              made due            overdue
    c5  made D−40 due D    open              made due            (due == D: not overdue)
    c6  made D−40 due D−10 missed            made due
    c7  made D−40 due D−10 dropped           made                (dropped: not due)
    c8  made D−40 due D+5  open              made                (due after D)
    c9  made D−40 no due   open              made
    c10 made D+1  due D−5  open              —                   (made after D: nothing)
    c11 made D−5  due D−1  done, done D−1    made due done-by-D
    c12 made D    no due   open              made                (made == D counts)
    """
    return book(
        commitments=[
            commitment("Ann Lee", "P", ago(40), ago(10), "done", ago(12)),
            commitment("Ann Lee", "P", ago(40), ago(10), "done", ""),
            commitment("Ann Lee", "P", ago(40), ago(10), "done", after(2)),
            commitment("Ann Lee", "P", ago(40), ago(10), "open"),
            commitment("Ann Lee", "P", ago(40), ago(0), "open"),
            commitment("Ann Lee", "P", ago(40), ago(10), "missed"),
            commitment("Ann Lee", "P", ago(40), ago(10), "dropped"),
            commitment("Ann Lee", "P", ago(40), after(5), "open"),
            commitment("Ann Lee", "P", ago(40), "", "open"),
            commitment("Ann Lee", "P", after(1), ago(5), "open"),
            commitment("Ann Lee", "P", ago(5), ago(1), "done", ago(1)),
            commitment("Ann Lee", "P", ago(0), "", "open"),
        ]
    )


def test_commitments_made():
    dataset = _commitment_mix()
    assert len(dataset.commitments) == 12
    # c1 … c9, c11, c12 = 11 (c10 made after D)
    assert headline(dataset, D)["commitments_made"] == 11


def test_commitments_due_excludes_dropped_and_due_after_d():
    # c1, c2, c3, c4, c5, c6, c11 = 7 (c7 dropped, c8 due D+5, c9/c12 no due, c10 made D+1)
    assert headline(_commitment_mix(), D)["commitments_due"] == 7


def test_follow_through_counts_done_by_d_only():
    # of the 7 due: done by D = c1 (done D−12), c2 (done blank), c11 (done D−1) = 3;
    # c3 is done but its done date is D+2 → not followed through.  3/7 = 0.42857… → 0.4286
    assert headline(_commitment_mix(), D)["follow_through"] == 0.4286


def test_overdue_is_due_before_d_and_open_or_done_after_d():
    # c4 (open, due D−10) and c3 (done D+2, due D−10) = 2;
    # not c5 (due == D), c6 (missed), c7 (dropped), c8 (due D+5), c9 (no due), c10 (made D+1)
    assert headline(_commitment_mix(), D)["overdue"] == 2


def test_stalled_projects():
    # D−59 = 2024-05-02; stalled = last touch before D−59, or no touch at all.
    #   P1 started D−100, win D−59                 last touch D−59   not stalled (boundary)
    #   P2 started D−100, commitment made D−60     last touch D−60   stalled
    #   P3 blank started, no record                no touch          stalled
    #   P4 started D−200, made D−100, done D−10    last touch D−10   not stalled
    #   P5 started D−90, meetings D−70 and D+1     last touch D−70   stalled (D+1 ignored)
    #   P6 paused, started D−300                   not active        —
    #   P7 active, started D+10                    not active yet    —
    #   P8 started D−30, no record                 last touch D−30   not stalled
    #   P9 named only by a win D−80                last touch D−80   stalled
    # projects_active = P1, P2, P3, P4, P5, P8, P9 = 7; stalled = P2, P3, P5, P9 = 4
    dataset = book(
        projects=[
            project("P1", started=ago(100)),
            project("P2", started=ago(100)),
            project("P3"),
            project("P4", started=ago(200)),
            project("P5", started=ago(90)),
            project("P6", status="paused", started=ago(300)),
            project("P7", status="active", started=after(10)),
            project("P8", started=ago(30)),
        ],
        commitments=[
            commitment("Ann Lee", "P2", ago(60)),
            commitment("Ann Lee", "P4", ago(100), "", "done", ago(10)),
        ],
        wins=[win(ago(59), "Ann Lee", proj="P1"), win(ago(80), "Ann Lee", proj="P9")],
        meetings=[
            meeting(ago(70), "Ann Lee", proj="P5"),
            meeting(after(1), "Ann Lee", proj="P5"),
        ],
    )
    figures = headline(dataset, D)
    assert figures["projects_active"] == 7
    assert figures["stalled_projects"] == 4
