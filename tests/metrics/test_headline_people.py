"""Headline figures of docs/METRICS.md, one test per definition, on the people: who counts as
taking part, their organizations, active and new in the last 30 days, the top-10 share; and the
nulls of an empty and of a one-person workbook. Every expected figure is worked out by hand in the
comments.
D = 2024-06-30: last_30 = 06-01 … 06-30, prev_30 = 05-02 … 05-31.
"""

from __future__ import annotations

from functools import cache

import pytest

from dashboard.metrics import headline, summary
from tests.metrics.book import D, after, ago, book, commitment, meeting, person, win


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
        "brokers": 0,
        "core_share": None,  # no edge
        "two_step_reach": None,  # fewer than 2 people
        "weavers_last_30": 0,
        "network_stage": "fragments",  # fewer than 3 people with a link
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
