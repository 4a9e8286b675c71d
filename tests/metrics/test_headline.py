"""Headline figures of docs/METRICS.md on tiny hand-written workbooks; every expected figure is
worked out by hand in the comments.
D = 2024-06-30: last_30 = 06-01 … 06-30, prev_30 = 05-02 … 05-31.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from dashboard.metrics import headline, summary
from tests.metrics.book import D, after, ago, book, commitment, meeting, person, project, win

# The table of docs/METRICS.md, "Headline figures", in its order.
METRICS_KEYS = [
    "as_of",
    "collaborations",
    "projects_active",
    "people",
    "organizations",
    "wins",
    "wins_last_30",
    "wins_prev_30",
    "commitments_made",
    "commitments_due",
    "follow_through",
    "overdue",
    "active_last_30",
    "new_last_30",
    "top10_share",
    "stalled_projects",
    "network_nodes",
    "network_edges",
    "network_density",
    "cross_org_share",
    "cross_collab_share",
    "components",
    "adjacent_possible",
    "new_edges_last_30",
    # and its table "Network shape, introductions, learning"
    "degree_centralization",
    "org_edges",
    "triangles_closed_last_30",
    "learning_share",
]
PER_COLLABORATION_KEYS = [k for k in METRICS_KEYS if k not in ("as_of", "collaborations")]
RATES = {
    "follow_through",
    "top10_share",
    "network_density",
    "cross_org_share",
    "cross_collab_share",
    "degree_centralization",
    "learning_share",
}


@cache
def two_regions():
    """North: project N1; South: project S1 and a win with no project but collaboration South.

    Ann (Acme, North), Bo (Acme, North), Cy (State U, South), Di (County, South).
    - N1 (North, started D−100): Ann commits D−40 due D−10 open; Bo commits D−20 due D−5,
      done D−6; win D−10 names Ann and Bo.
    - S1 (South, started D−10): Cy commits D−5 (no due); meeting D−3 of S1: Cy, Di, Ann.
    - win D−50, no project, collaboration column South: Di.
    """
    return book(
        collaborations=["North", "South"],
        people=[
            person("Ann Lee", "", "Acme", "business", "North"),
            person("Bo Chen", "", "Acme", "business", "North"),
            person("Cy Diaz", "", "State U", "education", "South"),
            person("Di Eng", "", "County", "government", "South"),
        ],
        projects=[
            project("N1", "North", "active", ago(100)),
            project("S1", "South", "active", ago(10)),
        ],
        commitments=[
            commitment("Ann Lee", "N1", ago(40), ago(10), "open"),
            commitment("Bo Chen", "N1", ago(20), ago(5), "done", ago(6)),
            commitment("Cy Diaz", "S1", ago(5)),
        ],
        wins=[
            win(ago(10), "Ann Lee, Bo Chen", proj="N1"),
            win(ago(50), "Di Eng", collab="South"),
        ],
        meetings=[meeting(ago(3), "Cy Diaz; Di Eng; Ann Lee", proj="S1")],
    )


@cache
def two_regions_summary():
    return summary(two_regions(), D)


# ---------------------------------------------------------------------------------------------
# Shape and types


def test_summary_keys_are_exactly_the_metrics_table_plus_by_collaboration():
    result = two_regions_summary()
    assert set(result) == set(METRICS_KEYS) | {"by_collaboration"}
    assert result["as_of"] == "2024-06-30"
    assert {"North", "South"} <= set(result["by_collaboration"])
    for name, figures in result["by_collaboration"].items():
        assert set(figures) == set(PER_COLLABORATION_KEYS), name


def test_headline_is_summary_without_by_collaboration():
    dataset = two_regions()
    top = headline(dataset, D)
    assert set(top) == set(METRICS_KEYS)
    whole = two_regions_summary()
    assert top == {key: value for key, value in whole.items() if key != "by_collaboration"}


def test_figures_are_python_ints_and_rounded_floats_and_serialise_as_json():
    result = two_regions_summary()
    json.dumps(result)  # no numpy scalars, no Timestamps
    for figures in [result, *result["by_collaboration"].values()]:
        for key in PER_COLLABORATION_KEYS:
            value = figures[key]
            if key in RATES:
                assert value is None or type(value) is float, (key, value)
                assert value is None or round(value, 4) == value, (key, value)
            else:
                assert type(value) is int, (key, type(value))


# ---------------------------------------------------------------------------------------------
# by_collaboration


def test_top_level_figures_of_two_regions():
    # people: Ann, Bo, Cy, Di = 4; organizations Acme, State U, County = 3
    # wins: D−10 (last_30), D−50 (prev_30: D−59 … D−30)
    # commitments: made 3; due: Ann (due D−10), Bo (due D−5) = 2 (Cy has no due);
    #   done by D: Bo → follow_through 1/2 = 0.5; overdue: Ann (due D−10 < D, open) = 1
    # active_last_30: Ann (win D−10), Bo, Cy, Di (meeting D−3) = 4
    # new_last_30: firsts Ann D−40 ✗, Bo D−20 ✓, Cy D−5 ✓, Di D−50 ✗ = 2
    # top10_share: 3 committing people, 1 each → ⌈0.3⌉ = 1 person → 1/3 = 0.3333
    # projects_active: N1, S1 = 2; last touches D−6 (Bo done) and D−3 (meeting) → stalled 0
    # edges: Ann–Bo (win D−10), Cy–Di, Ann–Cy, Ann–Di (meeting D−3) = 4, all first in last_30
    # density 2·4/(4·3) = 0.6667; cross_org: Cy–Di, Ann–Cy, Ann–Di (Ann–Bo both Acme) = 3/4
    # cross_collab: Ann–Cy, Ann–Di (North–South) = 2/4 = 0.5; components 1
    # adjacent_possible: Bo–Cy, Bo–Di (both via Ann) = 2
    # degree_centralization: links Ann 3, Bo 1, Cy 2, Di 2; Σ(3 − d) = 0+2+1+1 = 4 over
    #   (4−1)(4−2) = 6 → 0.6667; org_edges: Acme–State U, Acme–County, State U–County = 3
    #   (Ann–Bo are both Acme); triangles_closed_last_30: Cy–Di, Ann–Cy, Ann–Di all start on
    #   D−3 and before it only Ann–Bo existed → 0; learning_share: of the 2 due, done or missed
    #   is Bo's only, with no result → 0/1 = 0.0
    assert headline(two_regions(), D) == {
        "as_of": "2024-06-30",
        "collaborations": 2,
        "projects_active": 2,
        "people": 4,
        "organizations": 3,
        "wins": 2,
        "wins_last_30": 1,
        "wins_prev_30": 1,
        "commitments_made": 3,
        "commitments_due": 2,
        "follow_through": 0.5,
        "overdue": 1,
        "active_last_30": 4,
        "new_last_30": 2,
        "top10_share": 0.3333,
        "stalled_projects": 0,
        "network_nodes": 4,
        "network_edges": 4,
        "network_density": 0.6667,
        "cross_org_share": 0.75,
        "cross_collab_share": 0.5,
        "components": 1,
        "adjacent_possible": 2,
        "new_edges_last_30": 4,
        "degree_centralization": 0.6667,
        "org_edges": 3,
        "triangles_closed_last_30": 0,
        "learning_share": 0.0,
    }


def test_by_collaboration_is_computed_on_that_collaborations_records_only():
    result = two_regions_summary()["by_collaboration"]
    # North: N1's records only. people Ann, Bo = 2; organizations {Acme} = 1
    # wins: D−10 → 1, in last_30; commitments made 2, due 2, done by D 1 (Bo) → 0.5
    # overdue: Ann (due D−10, open) = 1; active_last_30: Ann (win D−10), Bo = 2
    # new_last_30: Ann first D−40 ✗, Bo first D−20 ✓ = 1
    # top10_share: 2 committers with 1 each → ⌈0.2⌉ = 1 → 1/2 = 0.5
    # projects_active N1 = 1; last touch D−6 → stalled 0
    # graph: Ann–Bo only → nodes 2, edges 1, density 2·1/(2·1) = 1.0, same org and same
    #   home collaboration → 0.0 and 0.0, components 1, adjacent 0, new edge (D−10) 1
    #   2 nodes → degree_centralization null; no org pair (both Acme); no triangle;
    #   learning_share: Bo's done commitment, no result → 0/1 = 0.0
    assert result["North"] == {
        "projects_active": 1,
        "people": 2,
        "organizations": 1,
        "wins": 1,
        "wins_last_30": 1,
        "wins_prev_30": 0,
        "commitments_made": 2,
        "commitments_due": 2,
        "follow_through": 0.5,
        "overdue": 1,
        "active_last_30": 2,
        "new_last_30": 1,
        "top10_share": 0.5,
        "stalled_projects": 0,
        "network_nodes": 2,
        "network_edges": 1,
        "network_density": 1.0,
        "cross_org_share": 0.0,
        "cross_collab_share": 0.0,
        "components": 1,
        "adjacent_possible": 0,
        "new_edges_last_30": 1,
        "degree_centralization": None,
        "org_edges": 0,
        "triangles_closed_last_30": 0,
        "learning_share": 0.0,
    }
    # South: S1's records and the win of collaboration South.
    # people Cy, Di, Ann (at S1's meeting) = 3; organizations State U, County, Acme = 3
    # wins: D−50 → 1, in prev_30 (D−59 … D−30), none in last_30
    # commitments made 1 (Cy), due 0 (no due date) → follow_through null; overdue 0
    # active_last_30: Cy, Di, Ann (meeting D−3) = 3
    # new_last_30 on South's records: Cy first D−5 ✓, Ann first (in South) D−3 ✓,
    #   Di first D−50 ✗ = 2
    # top10_share: 1 committer → ⌈0.1⌉ = 1 → 1/1 = 1.0
    # projects_active S1 = 1, touched D−3 → stalled 0
    # graph: Cy–Di, Ann–Cy, Ann–Di → nodes 3, edges 3, density 6/6 = 1.0
    #   cross_org: all three pairs differ (State U, County, Acme) → 3/3 = 1.0
    #   cross_collab (People's home): Ann (North) with Cy and Di (South) → 2/3 = 0.6667
    #   components 1, adjacent 0, new edges (first D−3) 3
    #   degree_centralization: 2 links each → Σ 0 over (3−1)(3−2) → 0.0; org_edges 3 (every
    #   pair differs); the triangle's three links start on D−3 together → closes none;
    #   nothing due → learning_share null
    assert result["South"] == {
        "projects_active": 1,
        "people": 3,
        "organizations": 3,
        "wins": 1,
        "wins_last_30": 0,
        "wins_prev_30": 1,
        "commitments_made": 1,
        "commitments_due": 0,
        "follow_through": None,
        "overdue": 0,
        "active_last_30": 3,
        "new_last_30": 2,
        "top10_share": 1.0,
        "stalled_projects": 0,
        "network_nodes": 3,
        "network_edges": 3,
        "network_density": 1.0,
        "cross_org_share": 1.0,
        "cross_collab_share": 0.6667,
        "components": 1,
        "adjacent_possible": 0,
        "new_edges_last_30": 3,
        "degree_centralization": 0.0,
        "org_edges": 3,
        "triangles_closed_last_30": 0,
        "learning_share": None,
    }


# ---------------------------------------------------------------------------------------------
# One test per headline definition


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


@cache
def lone():
    """Ann alone: one commitment, made D−3, no due date."""
    return book(commitments=[commitment("Ann Lee", "P", ago(3))])


@cache
def empty():
    """Every tab with its header and no row."""
    return book()


def test_follow_through_is_null_without_due_commitments():
    # no commitment has a due date → commitments_due = 0 → follow_through null
    figures = headline(lone(), D)
    assert figures["commitments_due"] == 0
    assert figures["follow_through"] is None


@cache
def crowd():
    """People: Ann (ann@x.org, Acme), Bo (Acme), Cy (cy@x.org, State U), Di (no organization),
    Ed (County), Flo (Late Org), Gus (Gus Org), Nan (Ghost Org); Ivy Jo is not on People.

    Ann: commitment made D−29 (by email), win D−100 (by name: the same person)
    Bo:  meeting D−30 only
    Cy:  win D−29 only ("CY DIAZ")
    Di:  meeting on D only
    Ed:  commitment made D−45, done D−3
    Flo: win D+1 only
    Gus: meeting D−31, commitment made D+2
    Ivy: meeting D−30, win D−5
    Nan: nothing at all
    """
    return book(
        people=[
            person("Ann Lee", "ann@x.org", "Acme"),
            person("Bo Chen", "", "Acme"),
            person("Cy Diaz", "cy@x.org", "State U"),
            person("Di Eng"),
            person("Ed Fox", "", "County"),
            person("Flo Gray", "", "Late Org"),
            person("Gus Hill", "", "Gus Org"),
            person("Nan Oak", "", "Ghost Org"),
        ],
        commitments=[
            commitment("ann@x.org", "P", ago(29)),
            commitment("Ed Fox", "P", ago(45), "", "done", ago(3)),
            commitment("Gus Hill", "P", after(2)),
        ],
        wins=[
            win(ago(100), "ann lee"),
            win(ago(29), "CY DIAZ"),
            win(after(1), "Flo Gray"),
            win(ago(5), "Ivy Jo"),
        ],
        meetings=[
            meeting(ago(30), "Bo Chen"),
            meeting(ago(0), "Di Eng"),
            meeting(ago(31), "Gus Hill"),
            meeting(ago(30), "Ivy Jo"),
        ],
    )


def test_people_are_those_with_an_activity_by_d():
    # Ann (one person by email and by name), Bo, Cy, Di (activity on D itself), Ed, Gus (D−31;
    # his D+2 commitment is ignored), Ivy (not on People: still counted) = 7;
    # not Flo (only after D), not Nan (no activity)
    assert headline(crowd(), D)["people"] == 7


def test_organizations_of_those_people():
    # Acme (Ann, Bo), State U (Cy), County (Ed), Gus Org (Gus) = 4;
    # Di has none, Ivy is not on People, Late Org (Flo) only after D, Ghost Org (Nan) inactive
    assert headline(crowd(), D)["organizations"] == 4


def test_active_last_30():
    # Ann ✓ (made D−29), Bo ✗ (D−30), Cy ✓ (D−29), Di ✓ (D), Ed ✓ (done D−3 is an activity),
    # Flo ✗ (D+1), Gus ✗ (D−31; D+2 ignored), Ivy ✓ (win D−5) = 5
    assert headline(crowd(), D)["active_last_30"] == 5


def test_new_last_30():
    # first activities: Ann D−100 ✗, Bo D−30 ✗, Cy D−29 ✓, Di D ✓, Ed D−45 ✗, Gus D−31 ✗,
    # Ivy D−30 ✗ (just outside) = 2
    assert headline(crowd(), D)["new_last_30"] == 2


@cache
def _committers(counts, late=()):
    """People P01, P02, … with ``counts[i]`` commitments each, all made D−10; ``late`` people
    commit only on D+1."""
    rows = []
    for number, count in enumerate(counts, start=1):
        rows += [commitment(f"P{number:02d}", "X", ago(10)) for _ in range(count)]
    rows += [commitment(name, "X", after(1)) for name in late]
    return book(commitments=rows)


@pytest.mark.parametrize(
    ("counts", "late", "expected"),
    [
        # 10 committing people ≤ D (P11 commits only on D+1: not one of them):
        # ⌈10 % of 10⌉ = 1 person; P01 holds 4 of 4 + 9·1 = 13 → 4/13 = 0.30769… → 0.3077
        ((4,) + (1,) * 9, ("P11",), 0.3077),
        # 11 committing people → ⌈1.1⌉ = 2; P01, P02, P03 tie on 3 (which two: by key, the
        # count is the same): 3 + 3 = 6 of 3·3 + 8·1 = 17 → 0.35294… → 0.3529
        ((3, 3, 3) + (1,) * 8, (), 0.3529),
        # 30 committing people → ⌈3⌉ = 3 exactly (not 4): 5 + 4 + 3 = 12 of
        # 5 + 4 + 3 + 2 + 26·1 = 40 → 0.3
        ((5, 4, 3, 2) + (1,) * 26, (), 0.3),
    ],
)
def test_top10_share(counts, late, expected):
    assert headline(_committers(counts, late), D)["top10_share"] == expected


def test_top10_share_is_null_without_commitments():
    assert headline(empty(), D)["top10_share"] is None


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


def test_empty_workbook_gives_zeros_and_nulls():
    figures = summary(empty(), D)
    assert figures == {
        "as_of": "2024-06-30",
        "collaborations": 0,
        "projects_active": 0,
        "people": 0,
        "organizations": 0,
        "wins": 0,
        "wins_last_30": 0,
        "wins_prev_30": 0,
        "commitments_made": 0,
        "commitments_due": 0,
        "follow_through": None,
        "overdue": 0,
        "active_last_30": 0,
        "new_last_30": 0,
        "top10_share": None,
        "stalled_projects": 0,
        "network_nodes": 0,
        "network_edges": 0,
        "network_density": None,
        "cross_org_share": None,
        "cross_collab_share": None,
        "components": 0,
        "adjacent_possible": 0,
        "new_edges_last_30": 0,
        "degree_centralization": None,  # fewer than 3 people
        "org_edges": 0,
        "triangles_closed_last_30": 0,
        "learning_share": None,
        "by_collaboration": {},
    }


def test_one_person_has_no_density_and_no_edge_shares():
    # 1 node: density 2·0/(1·0) → null; 0 edges → cross shares null; components = 1 (isolated)
    # top10_share: 1 committer, ⌈0.1⌉ = 1 → 1/1 = 1.0
    figures = headline(lone(), D)
    assert figures["network_nodes"] == 1
    assert figures["network_edges"] == 0
    assert figures["network_density"] is None
    assert figures["cross_org_share"] is None
    assert figures["cross_collab_share"] is None
    assert figures["components"] == 1
    assert figures["top10_share"] == 1.0
