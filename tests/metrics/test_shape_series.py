"""The network's shape month by month, and wins by size (docs/METRICS.md, "Time series").

as_of = 2024-04-15. Wins (each links the people it names on its date; size in brackets):
  01-10 A, B (small)       → A–B           01-20 B, C (large)  → B–C
  02-05 A, C (medium)      → A–C           02-05 C, D (no size) → C–D
  03-01 E, F, G (small)    → E–F, E–G, F–G (one day)
  03-10 D, A (small)       → A–D           04-16 B, D: after as_of, ignored

Month by month (people are nodes from their first activity):
  Jan  links A–B, B–C; new 2, no triangle. Unlinked with a common neighbour: A–C (B) → 1.
       nodes A, B, C; links A 1, B 2, C 1 → Σ(2 − d) = 2 over (3−1)(3−2) = 2 → 1.0
  Feb  new A–C, C–D = 2. A–C closes (B was linked to A on 01-10 and to C on 01-20); C–D: D had
       nobody → 1. Adjacent: A–D, B–D (both via C) → 2.
       nodes A–D; links A 2, B 2, C 3, D 1 → Σ(3 − d) = 1+1+0+2 = 4 over 3·2 = 6 → 0.6667
  Mar  new E–F, E–G, F–G, A–D = 4. E, F, G start on one day: none; A–D closes (C: A–C and C–D
       both 02-05) → 1. Adjacent: B–D (via A or C) → 1.
       nodes A–G; links A 3, B 2, C 3, D 2, E 2, F 2, G 2 → Σ(3 − d) = 5 over 6·5 = 30 → 0.1667
  Apr  nothing new: 0, 0, adjacent 1, 0.1667
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from dashboard.metrics import headline
from dashboard.metrics import weaving as weaving_module
from dashboard.metrics.series import monthly_series
from dashboard.metrics.shape_series import shape_series
from tests.metrics.book import book, win

AS_OF = dt.date(2024, 4, 15)


@pytest.fixture(params=["wedges", "bits"], autouse=True)
def way(request, monkeypatch):
    if request.param == "bits":
        monkeypatch.setattr(weaving_module, "WEDGES_MAX", -1)
    else:  # small networks take the bit matrices unless told otherwise
        monkeypatch.setattr(weaving_module, "BITS_UP_TO", 0)


@cache
def weave():
    rows = [
        ("2024-01-10", "A, B", "small"),
        ("2024-01-20", "B, C", "large"),
        ("2024-02-05", "A, C", "medium"),
        ("2024-02-05", "C, D", ""),
        ("2024-03-01", "E, F, G", "small"),
        ("2024-03-10", "D, A", "small"),
        ("2024-04-16", "B, D", "large"),
    ]
    return book(wins=[win(day, people, size=size) for day, people, size in rows])


def _column(frame, name):
    return list(frame[name])


def test_new_links_and_triangles_closed_per_month():
    frame = shape_series(weave(), AS_OF)
    assert [m.strftime("%Y-%m") for m in frame["month"]] == [
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-04",
    ]
    assert _column(frame, "new_links") == [2, 2, 4, 0]
    assert _column(frame, "triangles_closed") == [0, 1, 1, 0]


def test_adjacent_possible_and_degree_centralization_at_each_months_end():
    frame = shape_series(weave(), AS_OF)
    assert _column(frame, "adjacent_possible") == [1, 2, 1, 1]
    assert _column(frame, "degree_centralization") == [1.0, 0.6667, 0.1667, 0.1667]


def test_the_last_month_agrees_with_the_headline():
    figures = headline(weave(), AS_OF)
    frame = shape_series(weave(), AS_OF)
    assert figures["adjacent_possible"] == frame["adjacent_possible"].iloc[-1] == 1
    assert figures["degree_centralization"] == frame["degree_centralization"].iloc[-1]


def test_the_stage_at_each_months_end():
    # Jan: A–B, B–C: 3 linked, B has 2 links ≥ (3−1)/2, centralization 1.0 → hub
    # Feb: + A–C, C–D: C has 3 links ≥ 1.5; Σ(3 − d) = 1+1+0+2 = 4 over 3·2 → 0.6667 → hub
    # Mar: + E–F–G, A–D: 7 linked, the largest part A–D holds 4 ≥ 7/2; its degrees A 3, B 2,
    #   C 3, D 2 → (4·3 − 2·5)/(3·2) = 0.3333 < 0.5, no hub; its main core is the 2-core, all
    #   four (only A and C have 3 links: no 3-core), 5 of 6 pairs linked (density 0.8333 ≥
    #   0.5), covering all of the part → core_periphery; Apr: nothing new
    frame = shape_series(weave(), AS_OF)
    assert _column(frame, "network_stage") == ["hub", "hub", "core_periphery", "core_periphery"]
    assert headline(weave(), AS_OF)["network_stage"] == "core_periphery"
    assert headline(weave(), dt.date(2024, 2, 29))["network_stage"] == "hub"


def test_triangles_in_the_headline_window():
    # as of 03-30 the window is 03-01 … 03-30: E–F–G (03-01, none) and A–D (03-10, closes) → 1;
    # as of 03-09, A–D has not happened: the window 02-09 … 03-09 holds E–F–G only → 0
    assert headline(weave(), dt.date(2024, 3, 30))["triangles_closed_last_30"] == 1
    assert headline(weave(), dt.date(2024, 3, 9))["triangles_closed_last_30"] == 0


def test_wins_by_size_per_month():
    # Jan: small 1, large 1; Feb: medium 1 and one with no size; Mar: small 2; Apr: none
    # (04-16 is after as_of)
    frame = monthly_series(weave(), AS_OF)
    assert _column(frame, "wins_small") == [1, 0, 2, 0]
    assert _column(frame, "wins_medium") == [0, 1, 0, 0]
    assert _column(frame, "wins_large") == [1, 0, 0, 0]
    assert _column(frame, "wins_size_unknown") == [0, 1, 0, 0]
    sizes = frame[["wins_small", "wins_medium", "wins_large", "wins_size_unknown"]]
    assert list(sizes.sum(axis=1)) == _column(frame, "wins")


def test_an_empty_workbook_has_no_months():
    frame = shape_series(book(), AS_OF)
    assert frame.empty
    assert list(frame.columns) == [
        "month",
        "new_links",
        "triangles_closed",
        "adjacent_possible",
        "degree_centralization",
        "network_stage",
    ]
