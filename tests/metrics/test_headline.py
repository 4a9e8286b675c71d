"""Headline figures of docs/METRICS.md on tiny hand-written workbooks: the keys, their types,
and each collaboration's own figures. One test per definition is in test_headline_records.py
(collaborations, projects, wins, commitments) and test_headline_people.py (people, organizations,
top-10 share, an empty and a one-person workbook); every expected figure is worked out by hand in
the comments.
D = 2024-06-30: last_30 = 06-01 … 06-30, prev_30 = 05-02 … 05-31.
"""

from __future__ import annotations

import json
from functools import cache

from dashboard.metrics import headline, summary
from tests.metrics.book import D, ago, book, commitment, meeting, person, project, win

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
    # and its table "Where the network stands, who weaves it, where it would tear"
    "brokers",
    "core_share",
    "two_step_reach",
    "weavers_last_30",
    "network_stage",
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
    "core_share",
    "two_step_reach",
}
WORDS = {"network_stage"}  # one of the four stages, a string


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
            elif key in WORDS:
                assert value in ("fragments", "hub", "multi_hub", "core_periphery"), (key, value)
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
    # brokers: without Ann, Bo is cut off from Cy–Di (1 part → 2) → 1; core_share: Ann, Cy, Di
    #   form a triangle (2-core), Bo has one link (core 1) → 3/4 = 0.75; two_step_reach: each
    #   reaches the 3 others within two links (Bo and Cy, Di through Ann) → 12/(4·3) = 1.0;
    #   weavers_last_30: no triangle closed → 0; network_stage: L = 4, C = all 4, Ann has 3
    #   links ≥ (4−1)/2 and centralization 0.6667 ≥ 0.5 → hub
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
        "brokers": 1,
        "core_share": 0.75,
        "two_step_reach": 1.0,
        "weavers_last_30": 0,
        "network_stage": "hub",
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
    #   no broker; Ann and Bo are the 1-core → core_share 2/2 = 1.0; each reaches the other →
    #   two_step_reach 1.0; no weaver; only 2 people linked (< 3) → fragments
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
        "brokers": 0,
        "core_share": 1.0,
        "two_step_reach": 1.0,
        "weavers_last_30": 0,
        "network_stage": "fragments",
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
    #   the triangle: no broker; all three in its 2-core → core_share 1.0; two_step_reach 1.0;
    #   no weaver; stage: C = 3 people, centralization 0 < 0.5 → no hub; main core of 3 < 4
    #   people → multi_hub
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
        "brokers": 0,
        "core_share": 1.0,
        "two_step_reach": 1.0,
        "weavers_last_30": 0,
        "network_stage": "multi_hub",
    }
