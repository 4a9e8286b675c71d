"""The collaboration graph (docs/METRICS.md, network rows), edges() and suggested_introductions(),
on one hand-drawn workbook. D = 2024-06-30; last_30 = D−29 … D.

People (organization, sector, home collaboration):
  Ann Lee ann@x.org (Acme, business, North)   Bo Chen (Acme, business, North)
  Cy Diaz cy@x.org (State U, education, South) Di Eng (County, government, South)
  Ed Fox (no organization, nonprofit, North)   Flo Gray (Beta Inc, business, no collaboration)
  Gia Ho (Beta Inc, business, North)           Isa Jones (Solo Org, community, South)
  Jo King (Late Org, other, South) — active only after D
  Hal Ivy, Kim Lo, Max Ng — not on People (no organization, sector or collaboration)

Shared events on or before D (→ the pair each makes):
  W1 win D−100 Ann, Bo            → Ann–Bo
  W2 win D−10  Bo, Ann (by email) → Ann–Bo again
  W4 win D−5   Cy, Di             → Cy–Di
  W5 win D−15  Hal, Di            → Di–Hal
  W6 win D−200 Kim, Max, typed twice (the loader keeps one) → Kim–Max
  M1 meeting D−45 Bo, Cy (by email), Hal → Bo–Cy, Bo–Hal, Cy–Hal
  M2 meeting D−30 Flo, Gia        → Flo–Gia
  M4 meeting D−29 Ed, Flo         → Ed–Flo (the same day as their Lab pair: still 2 events)
  Hub:  Cy D−90, Di D−20, Cy D−5  → Cy–Di dated D−20 (Di's first commit, the second first)
  Lab:  Ed D−40, Flo D−29         → Ed–Flo dated D−29
  Mill: Gia D−100, Di D−35, Di D−2 → Di–Gia dated D−35 (Di's *first* commit, not D−2)
  Solo: Isa D−3 (Jo commits on D+1) → no edge; Isa is isolated
After D (ignored): W3 win D+1 Ann, Di; M3 meeting D+2 Ann, Jo.

Edges (weight = shared wins + meetings + projects; first seen):
  Ann–Bo 2 (W1, W2) D−100 | Bo–Cy 1 D−45 | Bo–Hal 1 D−45 | Cy–Hal 1 D−45
  Cy–Di 2 (Hub, W4) D−20  | Di–Hal 1 D−15 | Ed–Flo 2 (Lab, M4) D−29 | Flo–Gia 1 D−30
  Di–Gia 1 (Mill) D−35    | Kim–Max 1 D−200
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from dashboard.metrics import edges, headline, suggested_introductions
from tests.metrics.book import D, after, ago, book, commitment, meeting, person, ts, win

ANN, BO, CY, DI = "ann@x.org", "bo chen", "cy@x.org", "di eng"
ED, FLO, GIA, HAL = "ed fox", "flo gray", "gia ho", "hal ivy"
ISA, KIM, MAX = "isa jones", "kim lo", "max ng"


@cache
def web():
    return book(
        collaborations=["North", "South"],
        people=[
            person("Ann Lee", "ann@x.org", "Acme", "business", "North"),
            person("Bo Chen", "", "Acme", "business", "North"),
            person("Cy Diaz", "cy@x.org", "State U", "education", "South"),
            person("Di Eng", "", "County", "government", "South"),
            person("Ed Fox", "", "", "nonprofit", "North"),
            person("Flo Gray", "", "Beta Inc", "business", ""),
            person("Gia Ho", "", "Beta Inc", "business", "North"),
            person("Isa Jones", "", "Solo Org", "community", "South"),
            person("Jo King", "", "Late Org", "other", "South"),
        ],
        wins=[
            win(ago(100), "Ann Lee, Bo Chen"),
            win(ago(10), "Bo Chen & ann@x.org"),
            win(after(1), "Ann Lee; Di Eng"),
            win(ago(5), "Cy Diaz / Di Eng"),
            win(ago(15), "Hal Ivy and Di Eng"),
            win(ago(200), "Kim Lo, Max Ng", title="Joint grant"),
            win(ago(200), "Kim Lo, Max Ng", title="Joint grant"),
        ],
        meetings=[
            meeting(ago(45), "Bo Chen; cy@x.org; Hal Ivy"),
            meeting(ago(30), "Flo Gray, Gia Ho"),
            meeting(ago(29), "Ed Fox, Flo Gray"),
            meeting(after(2), "Ann Lee, Jo King"),
        ],
        commitments=[
            commitment("Cy Diaz", "Hub", ago(90)),
            commitment("Di Eng", "Hub", ago(20)),
            commitment("cy@x.org", "Hub", ago(5)),
            commitment("Ed Fox", "Lab", ago(40)),
            commitment("Flo Gray", "Lab", ago(29)),
            commitment("Gia Ho", "Mill", ago(100)),
            commitment("Di Eng", "Mill", ago(35)),
            commitment("Di Eng", "Mill", ago(2)),
            commitment("Isa Jones", "Solo", ago(3)),
            commitment("Jo King", "Solo", after(1)),
        ],
    )


EXPECTED_EDGES = {
    (ANN, BO): (2, ago(100)),
    (BO, CY): (1, ago(45)),
    (BO, HAL): (1, ago(45)),
    (CY, HAL): (1, ago(45)),
    (CY, DI): (2, ago(20)),
    (DI, HAL): (1, ago(15)),
    (ED, FLO): (2, ago(29)),
    (FLO, GIA): (1, ago(30)),
    (DI, GIA): (1, ago(35)),
    (KIM, MAX): (1, ago(200)),
}


@cache
def _figures():
    return headline(web(), D)


def test_nodes_are_the_people_active_by_d():
    # Ann, Bo, Cy, Di, Ed, Flo, Gia, Hal, Isa, Kim, Max = 11 (Jo only after D)
    figures = _figures()
    assert figures["people"] == 11
    assert figures["network_nodes"] == 11


def test_edges_count_each_pair_once():
    # the 10 pairs above; W3 (Ann–Di), M3 (Ann–Jo) and Solo (Isa–Jo) are after D
    assert _figures()["network_edges"] == 10


def test_density():
    # 2·10 / (11·10) = 20/110 = 0.18181… → 0.1818
    assert _figures()["network_density"] == 0.1818


def test_cross_org_share_needs_two_known_different_organizations():
    # Bo–Cy (Acme/State U), Cy–Di (State U/County), Di–Gia (County/Beta Inc) = 3;
    # not Ann–Bo, Flo–Gia (same org), Ed–Flo (Ed has none), Hal/Kim/Max pairs (not on People)
    # 3/10 = 0.3
    assert _figures()["cross_org_share"] == 0.3


def test_cross_collab_share_uses_peoples_home_collaboration():
    # Bo–Cy (North/South), Di–Gia (South/North) = 2; not Flo–Gia (Flo has none), not Cy–Di
    # (both South), not pairs with Hal. The records themselves are all unassigned.
    # 2/10 = 0.2
    assert _figures()["cross_collab_share"] == 0.2


def test_components_include_isolated_people():
    # {Ann, Bo, Cy, Hal, Di, Gia, Flo, Ed}, {Kim, Max}, {Isa} = 3
    assert _figures()["components"] == 3


ADJACENT = {
    # unlinked pair: (shared neighbours, cross_org, cross_sector, cross_collab)
    (ANN, CY): (1, True, True, True),  # via Bo; Acme/State U, business/education, N/S
    (ANN, HAL): (1, False, False, False),  # via Bo; Hal not on People
    (BO, DI): (2, True, True, True),  # via Cy and Hal; Acme/County, business/gov, N/S
    (CY, GIA): (1, True, True, True),  # via Di; State U/Beta, education/business, S/N
    (GIA, HAL): (1, False, False, False),  # via Di
    (DI, FLO): (1, True, True, False),  # via Gia; Flo has no collaboration
    (ED, GIA): (1, False, True, False),  # via Flo; Ed has no org; nonprofit/business; N/N
}


def test_adjacent_possible():
    # Neighbours: Ann {Bo}; Bo {Ann, Cy, Hal}; Cy {Bo, Hal, Di}; Hal {Bo, Cy, Di};
    # Di {Cy, Gia, Hal}; Gia {Di, Flo}; Flo {Gia, Ed}; Ed {Flo}; Kim {Max}; Max {Kim}; Isa {}.
    # Unlinked pairs with a common neighbour: Ann–Cy, Ann–Hal (Bo), Bo–Di (Cy, Hal),
    # Cy–Gia, Gia–Hal (Di), Di–Flo (Gia), Ed–Gia (Flo) = 7
    assert _figures()["adjacent_possible"] == len(ADJACENT) == 7


def test_new_edges_last_30_dates_a_project_pair_by_the_second_first_commit():
    # first shared event in D−29 … D: Cy–Di (Hub: D−20), Ed–Flo (D−29), Di–Hal (D−15) = 3
    # not: Flo–Gia (D−30), Di–Gia (Mill: D−35, though Di commits again on D−2),
    #      Ann–Bo (first D−100, though W2 is D−10), the M1 pairs (D−45), Kim–Max (D−200)
    assert _figures()["new_edges_last_30"] == 3


def _edge_map(frame):
    return {
        (row.a, row.b): (int(row.weight), pd.Timestamp(row.first_seen))
        for row in frame.itertuples(index=False)
    }


def test_edges_table_weights_and_first_seen():
    frame = edges(web(), D)
    assert {"a", "b", "weight", "first_seen"} <= set(frame.columns)
    assert (frame["a"] < frame["b"]).all()
    assert len(frame) == 10
    expected = {pair: (weight, ts(day)) for pair, (weight, day) in EXPECTED_EDGES.items()}
    assert _edge_map(frame) == expected


def test_edges_at_an_earlier_date_keep_only_what_had_happened():
    # as_of D−50 = 2024-05-11: W1 (Ann–Bo, D−100) and W6 (Kim–Max, D−200) only; Hub and Mill
    # have a single committer each by then (Di commits D−20, D−35). Weight Ann–Bo 1 (W2 later).
    # Nodes: Ann, Bo, Kim, Max, Cy (Hub D−90), Gia (Mill D−100) = 6.
    earlier = pd.Timestamp(ago(50)).date()
    frame = edges(web(), earlier)
    assert _edge_map(frame) == {(ANN, BO): (1, ts(ago(100))), (KIM, MAX): (1, ts(ago(200)))}
    figures = headline(web(), earlier)
    assert figures["network_nodes"] == 6
    assert figures["network_edges"] == 2


def test_organization_edges_join_known_different_organizations():
    # people edges with two known, different organizations: Bo–Cy, Cy–Di, Di–Gia
    frame = edges(web(), D, nodes="organizations")
    assert (frame["a"] < frame["b"]).all()
    assert set(zip(frame["a"], frame["b"], strict=True)) == {
        ("Acme", "State U"),
        ("County", "State U"),
        ("Beta Inc", "County"),
    }


def test_suggested_introductions_are_the_adjacent_possible_pairs():
    frame = suggested_introductions(web(), D, limit=20)
    columns = ["a", "b", "shared", "cross_org", "cross_sector", "cross_collab", "score"]
    assert set(columns) <= set(frame.columns)
    found = {
        frozenset((row.a, row.b)): (
            int(row.shared),
            bool(row.cross_org),
            bool(row.cross_sector),
            bool(row.cross_collab),
        )
        for row in frame.itertuples(index=False)
    }
    assert len(frame) == 7
    assert found == {frozenset(pair): flags for pair, flags in ADJACENT.items()}


def test_suggested_introductions_ranked_best_first_and_limited():
    full = suggested_introductions(web(), D, limit=20)
    scores = list(full["score"])
    assert scores == sorted(scores, reverse=True)
    top = suggested_introductions(web(), D, limit=3)
    assert len(top) == 3
    pairs = list(zip(top["a"], top["b"], strict=True))
    assert pairs == list(zip(full["a"], full["b"], strict=True))[:3]


def test_no_introduction_for_linked_or_unconnected_pairs():
    frame = suggested_introductions(web(), D, limit=100)
    pairs = {frozenset((a, b)) for a, b in zip(frame["a"], frame["b"], strict=True)}
    assert frozenset((ANN, BO)) not in pairs  # linked
    assert not any(ISA in pair or KIM in pair for pair in pairs)  # no common neighbour


@cache
def sparse_web():
    """60 separate squares (A–B–C–D–A, one win per side, D−10) and a star: Hub Star with
    Leaf X (Org One, business, North), Leaf Y (Org Two, education, South), Leaf Z (not on
    People), one win each, D−5; a triangle Tri A, B, C (three wins, D−40). 247 people with about
    one link each: a network as thin as a large real one (under 1 % of the possible links)."""
    wins = []
    for k in range(60):
        corners = [f"Sq{k} {corner}" for corner in "ABCD"]
        wins += [win(ago(10), f"{corners[i]}, {corners[(i + 1) % 4]}") for i in range(4)]
    wins += [win(ago(5), f"Hub Star, Leaf {leaf}") for leaf in "XYZ"]
    wins += [win(ago(40), pair) for pair in ("Tri A, Tri B", "Tri B, Tri C", "Tri A, Tri C")]
    return book(
        people=[
            person("Leaf X", "", "Org One", "business", "North"),
            person("Leaf Y", "", "Org Two", "education", "South"),
        ],
        wins=wins,
    )


def test_a_thin_network_of_many_people():
    # nodes 60·4 + 4 + 3 = 247; edges 60·4 + 3 + 3 = 246; density 2·246/(247·246) = 2/247
    #   = 0.008097… → 0.0081
    # components 60 + 1 + 1 = 62; adjacent: per square A–C and B–D (2 shared each) = 120, plus
    # the star's leaf pairs X–Y, X–Z, Y–Z (1 shared: Hub) = 123; the triangle's pairs share a
    # neighbour but are linked → none
    # new: squares (D−10) and star (D−5) = 243; the triangle (D−40) is older
    figures = headline(sparse_web(), D)
    assert {
        k: figures[k]
        for k in (
            "network_nodes",
            "network_edges",
            "network_density",
            "components",
            "adjacent_possible",
            "new_edges_last_30",
        )
    } == {
        "network_nodes": 247,
        "network_edges": 246,
        "network_density": 0.0081,
        "components": 62,
        "adjacent_possible": 123,
        "new_edges_last_30": 243,
    }


def test_introductions_in_a_thin_network():
    frame = suggested_introductions(sparse_web(), D, limit=500)
    assert len(frame) == 123
    shared = {frozenset((row.a, row.b)): int(row.shared) for row in frame.itertuples()}
    assert shared[frozenset(("sq7 a", "sq7 c"))] == 2
    assert shared[frozenset(("sq7 b", "sq7 d"))] == 2
    assert sorted(shared.values()).count(2) == 120
    flags = {
        frozenset((row.a, row.b)): (row.cross_org, row.cross_sector, row.cross_collab)
        for row in frame.itertuples()
    }
    # X and Y differ in organization, sector and collaboration; Z is not on People
    assert flags[frozenset(("leaf x", "leaf y"))] == (True, True, True)
    assert flags[frozenset(("leaf x", "leaf z"))] == (False, False, False)
    assert flags[frozenset(("leaf y", "leaf z"))] == (False, False, False)
    assert list(frame["score"]) == sorted(frame["score"], reverse=True)
    top = suggested_introductions(sparse_web(), D, limit=5)
    assert len(top) == 5
    assert (
        list(zip(top["a"], top["b"], strict=True))
        == list(zip(frame["a"], frame["b"], strict=True))[:5]
    )
