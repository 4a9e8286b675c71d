"""The network's shape and the team's learning (docs/METRICS.md, "Network shape, introductions,
learning"), on small hand-drawn workbooks; every expected figure is worked out in the comments.
D = 2024-06-30, so last_30 = D−29 … D. A win naming two people links them on its date.

Both ways of finding triangles are run on every fixture: from wedges (the sparse networks teams
usually have) and with bit matrices (dense ones), forced by ``WEDGES_MAX``.
"""

from __future__ import annotations

from functools import cache

import pytest

from dashboard.metrics import headline
from dashboard.metrics import weaving as weaving_module
from dashboard.metrics.connectors import connectors, organizations, person_links
from tests.metrics.book import D, after, ago, book, commitment, meeting, person, win


@pytest.fixture(params=["wedges", "bits"], autouse=True)
def way(request, monkeypatch):
    if request.param == "bits":
        monkeypatch.setattr(weaving_module, "WEDGES_MAX", -1)
    else:  # small networks take the bit matrices unless told otherwise
        monkeypatch.setattr(weaving_module, "BITS_UP_TO", 0)
    return request.param


def _shape(dataset, as_of=D):
    figures = headline(dataset, as_of)
    keys = ("degree_centralization", "org_edges", "triangles_closed_last_30", "learning_share")
    return {key: figures[key] for key in keys}


@cache
def star(with_loner=False):
    """Hub linked to four leaves on D−10 (one win each); with_loner adds Lone, active (a
    commitment on a project nobody else is on) but linked to nobody."""
    wins = [win(ago(10), f"Hub, Leaf {k}") for k in "ABCD"]
    commitments = [commitment("Lone", "Solo", ago(3))] if with_loner else []
    return book(wins=wins, commitments=commitments)


def test_a_star_is_fully_centralized():
    # N = 5; links: Hub 4, each leaf 1 → d_max 4; Σ (4 − d) = 0 + 4·3 = 12 over (5−1)(5−2) = 12
    # → 1.0. All four links start on D−10 and no leaf had a neighbour before → no triangle.
    assert _shape(star())["degree_centralization"] == 1.0
    assert _shape(star())["triangles_closed_last_30"] == 0


def test_isolated_people_count_as_nodes():
    # N = 6 (Lone is active, with no link): Σ (4 − d) = 0 + 4·3 + 4 = 16 over 5·4 = 20 → 0.8
    assert _shape(star(with_loner=True))["degree_centralization"] == 0.8


@cache
def mesh():
    """A, B, C, D all linked to each other, one link at a time:
    A–B D−40, A–C D−35, B–C D−20, A–D D−15, B–D D−10, C–D D−5."""
    days = {"A, B": 40, "A, C": 35, "B, C": 20, "A, D": 15, "B, D": 10, "C, D": 5}
    return book(wins=[win(ago(n), pair) for pair, n in days.items()])


def test_a_mesh_has_no_centralization_and_closes_triangles():
    # everyone has 3 links → Σ (3 − 3) = 0 → 0.0
    # in last_30 (D−29 … D): B–C (D−20): A was linked to B (D−40) and C (D−35) before → closes;
    #   A–D (D−15): D had no link before → no; B–D (D−10): A (A–B D−40, A–D D−15) → closes;
    #   C–D (D−5): A or B → closes. A–C (D−35) is before the window. → 3
    assert _shape(mesh())["degree_centralization"] == 0.0
    assert _shape(mesh())["triangles_closed_last_30"] == 3


def test_a_triangle_closed_the_day_after_its_two_sides():
    # A–B and A–C on D−5; B–C on D−4: A was linked to both the day before → 1
    dataset = book(wins=[win(ago(5), "A, B"), win(ago(5), "A, C"), win(ago(4), "B, C")])
    assert _shape(dataset)["triangles_closed_last_30"] == 1


def test_a_triangle_formed_on_one_day_closes_none():
    # a meeting of A, B, C on D−5 makes all three links that day: none closes another
    dataset = book(meetings=[meeting(ago(5), "A, B, C")])
    assert _shape(dataset)["triangles_closed_last_30"] == 0


def test_a_side_starting_the_same_day_does_not_count():
    # A–B on D−6, A–C and B–C both on D−5: for B–C, A–C is not *earlier* than D−5 → 0;
    # and A–C: B–C is not earlier either → 0
    dataset = book(wins=[win(ago(6), "A, B"), win(ago(5), "A, C"), win(ago(5), "B, C")])
    assert _shape(dataset)["triangles_closed_last_30"] == 0


def test_triangles_are_counted_in_the_window_only():
    # B–C closes on D−40 (A–B, A–C on D−45): before D−29 → 0 as of D; 1 as of D−20
    # (window D−49 … D−20); and not as of D−41, before B–C existed
    dataset = book(wins=[win(ago(45), "A, B"), win(ago(45), "A, C"), win(ago(40), "B, C")])
    assert _shape(dataset)["triangles_closed_last_30"] == 0
    assert _shape(dataset, ago(20))["triangles_closed_last_30"] == 1
    assert _shape(dataset, ago(41))["triangles_closed_last_30"] == 0


def test_fewer_than_three_people_have_no_centralization():
    assert _shape(book(wins=[win(ago(3), "A, B")]))["degree_centralization"] is None


@cache
def orgs():
    """Ann (Acme, North), Bo ("ACME " — the same organization, North), Cy (State U, South),
    Di (County, South), Ed (no organization, North); Hal is not on People.
    Links (wins): Ann–Bo, Ann–Cy, Bo–Cy, Cy–Di, Ann–Di, Di–Ed, Ed–Hal.
    Commitments due D−5: Ann done (kept), Bo open, Cy missed."""
    pairs = [
        "Ann Lee, Bo Chen",
        "Ann Lee, Cy Diaz",
        "Bo Chen, Cy Diaz",
        "Cy Diaz, Di Eng",
        "Ann Lee, Di Eng",
        "Di Eng, Ed Fox",
        "Ed Fox, Hal Ivy",
    ]
    return book(
        people=[
            person("Ann Lee", "", "Acme", "business", "North"),
            person("Bo Chen", "", "ACME ", "business", "North"),
            person("Cy Diaz", "", "State U", "education", "South"),
            person("Di Eng", "", "County", "government", "South"),
            person("Ed Fox", "", "", "nonprofit", "North"),
        ],
        wins=[win(ago(10), pair) for pair in pairs],
        commitments=[
            commitment("Ann Lee", "P", ago(20), ago(5), "done", ago(6)),
            commitment("Bo Chen", "P", ago(20), ago(5), "open"),
            commitment("Cy Diaz", "Q", ago(20), ago(5), "missed"),
        ],
    )


def test_org_edges_count_pairs_of_known_different_organizations_once():
    # Ann–Bo: both Acme (by name key) ✗; Ann–Cy and Bo–Cy: Acme–State U, once ✓;
    # Cy–Di: State U–County ✓; Ann–Di: Acme–County ✓; Di–Ed, Ed–Hal: Ed and Hal have none ✗
    # → 3
    assert _shape(orgs())["org_edges"] == 3


def _by_person(frame):
    return {
        row.person: (row.links, row.brokerage, row.collaborations_reached)
        for row in frame.itertuples()
    }


def test_brokerage_counts_other_organizations_among_ones_links():
    # (links, brokerage: other known organizations among them, collaborations reached)
    # Ann: Bo (Acme, her own), Cy (State U), Di (County) → 3, 2; Cy, Di South ≠ North → 1
    # Bo: Ann (own), Cy → 2, 1; Cy South → 1
    # Cy: Ann, Bo (Acme, once), Di (County) → 3, 2; Ann, Bo North → 1
    # Di: Cy (State U), Ann (Acme), Ed (none) → 3, 2; Ann, Ed North → 1
    # Ed (no organization: none of his own to leave out): Di (County), Hal (none) → 2, 1;
    #   Di South → 1
    # Hal (not on People): Ed (none) → 1, 0; Ed North, Hal has no home → 1
    assert _by_person(person_links(orgs(), D)) == {
        "ann lee": (3, 2, 1),
        "bo chen": (2, 1, 1),
        "cy diaz": (3, 2, 1),
        "di eng": (3, 2, 1),
        "ed fox": (2, 1, 1),
        "hal ivy": (1, 0, 1),
    }


def test_connectors_are_ranked_by_brokerage_then_collaborations_then_links():
    # brokerage 2: Ann, Cy, Di (1 collaboration and 3 links each → by name); then brokerage 1:
    # Bo and Ed (2 links each → by name); Hal last (brokerage 0, one collaboration reached)
    frame = connectors(orgs(), orgs().people, D)
    assert list(frame["name"]) == ["Ann Lee", "Cy Diaz", "Di Eng", "Bo Chen", "Ed Fox", "Hal Ivy"]


def test_organizations_table():
    # Acme: Ann, Bo active → 2 people; pairs with State U and County → 2; of its people's
    #   commitments due: Ann kept, Bo open → 1/2 = 0.5 (shown as People first spells it)
    # State U: Cy → 1; Acme, County → 2; Cy's missed → 0/1 = 0.0
    # County: Di → 1; State U, Acme → 2; nothing due → no follow-through
    frame = organizations(orgs(), D)
    assert frame.set_index("organization").to_dict("index") == {
        "Acme": {"people": 2, "links_to_organizations": 2, "follow_through": 0.5},
        "State U": {"people": 1, "links_to_organizations": 2, "follow_through": 0.0},
        "County": {"people": 1, "links_to_organizations": 2, "follow_through": None},
    }


def test_learning_share_of_commitments_reported_back():
    # due by D, not dropped, and done by D or missed — those reported back at a 30/30:
    #   1 done, due D−5, "The board wants data"          ✓ text
    #   2 done, due D−3, result "   " (only spaces)      ✗
    #   3 missed, due D−20, "Too busy: try in July"      ✓ text
    #   4 missed, due D−15, no result                    ✗
    # not reported back: 5 open and overdue; 6 done but due D+5; 7 dropped; 8 done only on
    #   D+3 (not done by D, not missed); 9 done with no due date
    # → 2 of 4 = 0.5
    commitments = [
        commitment("A", "P", ago(30), ago(5), "done", ago(10), result="The board wants data"),
        commitment("A", "P", ago(30), ago(3), "done", ago(2), result="   "),
        commitment("B", "P", ago(30), ago(20), "missed", result="Too busy: try in July"),
        commitment("B", "P", ago(30), ago(15), "missed"),
        commitment("C", "P", ago(30), ago(4), "open", result="halfway"),
        commitment("C", "P", ago(30), after(5), "done", ago(1), result="x"),
        commitment("A", "P", ago(30), ago(10), "dropped", result="no longer needed"),
        commitment("B", "P", ago(30), ago(1), "done", after(3), result="y"),
        commitment("C", "P", ago(30), "", "done", ago(2), result="z"),
    ]
    assert _shape(book(commitments=commitments))["learning_share"] == 0.5
