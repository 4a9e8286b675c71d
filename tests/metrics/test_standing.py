"""Where the network stands, who weaves it and where it would tear (docs/METRICS.md), on small
hand-drawn workbooks: a star, a path, a barbell with one bridge person, two triangles sharing a
person, a complete core with pendants, and fragments. D = 2024-06-30; a win naming two people
links them on its date; every expected figure is worked out in the comments.
"""

from __future__ import annotations

from functools import cache

import pytest

from dashboard.metrics import headline
from dashboard.metrics.stage import moved
from tests.metrics.book import D, ago, book, commitment, win

KEYS = ("brokers", "core_share", "two_step_reach", "weavers_last_30", "network_stage")


def _standing(dataset, as_of=D) -> dict:
    figures = headline(dataset, as_of)
    return {key: figures[key] for key in KEYS}


def _linked(*pairs: str, day: str = ago(40)) -> list:
    """A win per pair ("A-B"), all on ``day``."""
    return [win(day, pair.replace("-", ", ")) for pair in pairs]


@cache
def star():
    return book(wins=_linked("Hub-A", "Hub-B", "Hub-C", "Hub-D"))


def test_a_star():
    # brokers: Hub (without it, four parts among the others) → 1
    # core numbers: all 1 (no two leaves linked) → 5/5 = 1.0
    # two-step: Hub reaches 4, each leaf Hub and the 3 other leaves → 20/(5·4) = 1.0
    # stage: 5 linked, one part; Hub has 4 ≥ (5−1)/2 links, centralization 1.0 → hub
    assert _standing(star()) == {
        "brokers": 1,
        "core_share": 1.0,
        "two_step_reach": 1.0,
        "weavers_last_30": 0,
        "network_stage": "hub",
    }


def test_a_path():
    # A–B–C–D–E. brokers: B, C, D → 3; core numbers all 1 → 1.0
    # two-step: A 2 (B, C), B 3, C 4, D 3, E 2 = 14 over 5·4 → 0.7
    # stage: C has 2 ≥ (5−1)/2 links but centralization (5·2 − 2·4)/(4·3) = 0.1667 < 0.5 → no
    #   hub; main core = the 1-core, all 5, density 4/10 = 0.4 < 0.5 → multi_hub
    dataset = book(wins=_linked("A-B", "B-C", "C-D", "D-E"))
    assert _standing(dataset) == {
        "brokers": 3,
        "core_share": 1.0,
        "two_step_reach": 0.7,
        "weavers_last_30": 0,
        "network_stage": "multi_hub",
    }


def test_a_barbell_with_one_bridge_person():
    # two complete groups of four, A B C D and E F G H, and X linked to D and E only
    # brokers: D, X, E → 3. core numbers: the two groups 3 (each has 3 links inside), X 2 →
    #   8/9 = 0.8889
    # two-step: A, B, C reach their 3 and X (via D) = 4 each; D its 3, X, and E (via X) = 5;
    #   X: D, E, A B C (via D), F G H (via E) = 8; E 5; F, G, H 4 each → 42 over 9·8 → 0.5833
    # stage: one part of 9; D has 4 ≥ (9−1)/2 links but centralization (9·4 − 2·14)/(8·7) =
    #   0.1429 → no hub; main core: the 3-core, 8 people, 12 of 28 pairs linked (0.4286 < 0.5)
    #   → multi_hub
    group = ("A-B", "A-C", "A-D", "B-C", "B-D", "C-D")
    other = tuple(p.translate(str.maketrans("ABCD", "EFGH")) for p in group)
    dataset = book(wins=_linked(*group, *other, "D-X", "X-E"))
    assert _standing(dataset) == {
        "brokers": 3,
        "core_share": 0.8889,
        "two_step_reach": 0.5833,
        "weavers_last_30": 0,
        "network_stage": "multi_hub",
    }


@cache
def bowtie():
    """Two triangles sharing X: A–X, B–X, C–X, D–X on D−40; A–B on D−10 and C–D on D−5 close
    them (X was linked to each before), E–F and F–G and E–G all on D−3 (closing none)."""
    return book(
        wins=[
            *_linked("A-X", "B-X", "C-X", "D-X"),
            win(ago(10), "A, B"),
            win(ago(5), "C, D"),
        ]
    )


def test_two_triangles_sharing_a_person():
    # brokers: X → 1; core numbers all 2 → 1.0; two-step: everyone reaches the other 4 (through
    #   X) → 1.0; weavers: A–B (D−10) and C–D (D−5) each close a triangle; their common
    #   neighbour X was linked to each on D−40 → X credited twice → 1 weaver
    # stage: X has 4 links ≥ (5−1)/2, centralization (5·4 − 2·6)/(4·3) = 0.6667 → hub
    assert _standing(bowtie()) == {
        "brokers": 1,
        "core_share": 1.0,
        "two_step_reach": 1.0,
        "weavers_last_30": 1,
        "network_stage": "hub",
    }
    assert headline(bowtie(), D)["triangles_closed_last_30"] == 2


def test_a_weaver_needs_both_links_before_the_introduction():
    # A–X on D−40; B–X and A–B both on D−10: X was not yet linked to B the day before → no
    # triangle closed, no weaver. Later, C–X on D−8 and A–C on D−2: X linked to both before →
    # one weaver. With D = D−3 (window D−32 … D−3) nothing has closed yet.
    dataset = book(
        wins=[
            win(ago(40), "A, X"),
            win(ago(10), "B, X"),
            win(ago(10), "A, B"),
            win(ago(8), "C, X"),
            win(ago(2), "A, C"),
        ]
    )
    assert headline(dataset, D)["weavers_last_30"] == 1
    assert headline(dataset, D)["triangles_closed_last_30"] == 1
    earlier = D.replace(day=27)
    assert headline(dataset, earlier)["weavers_last_30"] == 0


def test_a_complete_core_with_pendants():
    # A B C D E all linked (10 links); P1 hangs on A, P2 on B, P3 on C
    # brokers: A, B, C → 3; core numbers: the five 4, pendants 1 → 5/8 = 0.625
    # two-step: the five reach everyone else (7 each; a pendant through its anchor) = 35;
    #   a pendant its anchor and the other four of the core = 5 each → 50 over 8·7 → 0.8929
    # stage: A has 5 ≥ (8−1)/2 links, centralization (8·5 − 2·13)/(7·6) = 0.3333 → no hub;
    #   main core: the five (4-core), density 1.0, with the pendants linked to it all 8 ≥ 80 %
    #   → core_periphery
    core = [f"{x}-{y}" for i, x in enumerate("ABCDE") for y in "ABCDE"[i + 1 :]]
    dataset = book(wins=_linked(*core, "A-P1", "B-P2", "C-P3"))
    assert _standing(dataset) == {
        "brokers": 3,
        "core_share": 0.625,
        "two_step_reach": 0.8929,
        "weavers_last_30": 0,
        "network_stage": "core_periphery",
    }


def test_fragments():
    # three pairs, and Lone (active, linked to nobody): 7 people, 6 linked; the largest part
    # holds 2 < 6/2 → fragments. No broker; core numbers 1 for the six → 6/7 = 0.8571;
    # two-step: each of the six reaches 1 → 6/(7·6) = 0.1429
    dataset = book(
        wins=_linked("A-B", "C-D", "E-F"), commitments=[commitment("Lone", "Solo", ago(3))]
    )
    assert _standing(dataset) == {
        "brokers": 0,
        "core_share": 0.8571,
        "two_step_reach": 0.1429,
        "weavers_last_30": 0,
        "network_stage": "fragments",
    }


def test_two_hubs_joined_are_several_hubs():
    # H1 with leaves a1…a4, H2 with b1…b4, H1–H2: 10 people; H1 has 5 ≥ (10−1)/2 links but
    # centralization (10·5 − 2·9)/(9·8) = 0.4444 < 0.5 → no hub; main core: the 1-core (a tree),
    # density 9/45 = 0.2 → multi_hub. brokers: H1, H2 → 2
    leaves = [f"H1-a{k}" for k in range(1, 5)] + [f"H2-b{k}" for k in range(1, 5)]
    dataset = book(wins=_linked(*leaves, "H1-H2"))
    figures = _standing(dataset)
    assert figures["network_stage"] == "multi_hub"
    assert figures["brokers"] == 2


def test_nobody_or_one_person():
    # no one active: no edge → core_share null; people < 2 → two_step_reach null
    empty = _standing(book(commitments=[commitment("Lone", "Solo", ago(3))]))
    assert empty == {
        "brokers": 0,
        "core_share": None,
        "two_step_reach": None,
        "weavers_last_30": 0,
        "network_stage": "fragments",
    }


def test_a_largest_part_of_exactly_half_is_not_fragments():
    # a triangle A B C and a triangle D E F: 6 linked, the largest part holds 3 = half → not
    # fragments; of the two as large (3 links each), the one with A (listed first): no hub
    # (centralization 0), its main core of 3 < 4 people → multi_hub
    dataset = book(wins=_linked("A-B", "B-C", "A-C", "D-E", "E-F", "D-F"))
    assert _standing(dataset)["network_stage"] == "multi_hub"


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ("multi_hub", "core_periphery", "moved from several hubs to a core with a periphery"),
        ("hub", "hub", "stayed a single hub"),
        (None, "fragments", "is scattered fragments"),
    ],
)
def test_the_move_in_plain_words(before, after, said):
    assert moved(before, after) == said
