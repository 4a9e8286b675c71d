"""Every "over time" figure at a month's end is the headline figure as of that day
(docs/METRICS.md, "Time series": the network figures are those at each month's end, the last
month ending at D).

For each month of a small workbook, ``headline(dataset, month_end)`` is computed and compared with
the month's value in ``metrics.timeline`` (follow-through, top-10 share, cross-organization
share), ``metrics.series`` (network nodes, edges, density), ``metrics.shape_series`` (degree
centralization, adjacent possible) and ``period_series``, which the pages draw. The figures are
also worked out by hand, so the comparison cannot pass on figures that are both wrong.

D = 2024-06-15. People: Ann (Acme), Bo (Acme), Cy (State U), Di (County), Ed (no organization).
  W1 win 03-05 Ann, Bo                              → Ann–Bo 03-05
  Hub commitments (made, due, status, done):
    c1 Ann 03-10 due 03-25 done 03-20    c2 Cy 03-12 due 04-10 open
    c3 Ann 04-02 due 04-30 done 05-10    c4 Di 04-20 due 05-15 missed
    c5 Bo 05-05 due 06-30 open           c6 Cy 05-20 due 06-01 dropped
    c7 Di 06-03 due 06-10 done 06-08
    first commits Ann 03-10, Cy 03-12, Di 04-20, Bo 05-05
                                                    → Ann–Cy 03-12, Ann–Di 04-20, Cy–Di 04-20,
                                                      Bo–Cy 05-05, Bo–Di 05-05 (Ann–Bo again)
  M1 meeting 04-15 (Lab) Cy, Ed                     → Cy–Ed 04-15
  W2 win 06-12 Ed, Di                               → Di–Ed 06-12
  W3 win 06-20 Ann, Ed: after D, ignored.

Month ends 03-31, 04-30, 05-31 and D:
  people (an activity by then)   Ann Bo Cy = 3 | + Ed, Di = 5 | 5 | 5
  links                          AB AC = 2 | + CE AD CD = 5 | + BC BD = 7 | + DE = 8
  density 2e/(n(n−1))            4/6 = 0.6667 | 10/20 = 0.5 | 14/20 = 0.7 | 16/20 = 0.8
  cross-organization links       AC = 1/2 = 0.5 | AC AD CD = 3/5 = 0.6 | + BC BD = 5/7 = 0.7143
                                 | DE (Ed has none) no: 5/8 = 0.625
  due by then (not dropped)      c1 | c1 c2 c3 | + c4 | + c7
  done by then                   c1 | c1 (c3 done 05-10) | c1 c3 | c1 c3 c7
  follow-through                 1/1 = 1.0 | 1/3 = 0.3333 | 2/4 = 0.5 | 3/5 = 0.6
  commitments made by person     A1 C1 | A2 C1 D1 | A2 C2 D1 B1 | A2 C2 D2 B1
  top-10 share (⌈10 %⌉ = 1)      1/2 = 0.5 | 2/4 = 0.5 | 2/6 = 0.3333 | 2/7 = 0.2857
  degrees                        A2 B1 C1 | A3 B1 C3 D2 E1 | A3 B3 C4 D3 E1 | A3 B3 C4 D4 E2
  centralization Σ(max−k)/((n−1)(n−2))
                                 2/2 = 1.0 | (0+2+0+1+2)/12 = 0.4167 | (1+1+0+1+3)/12 = 0.5
                                 | (1+1+0+0+2)/12 = 0.3333
  unlinked pairs with a common neighbour
                                 B–C (A) = 1 | A–E (C), B–C (A), B–D (A), D–E (C) = 4
                                 | A–E, B–E, D–E (C) = 3 | A–E, B–E (C, D) = 2
"""

from __future__ import annotations

import math
from functools import cache

import pandas as pd
import pytest

from dashboard.metrics import headline, monthly_series, shape_series
from dashboard.metrics.collaborations import period_series
from dashboard.metrics.timeline import month_ends, over_time
from tests.metrics.book import book, commitment, meeting, person, win

D = pd.Timestamp("2024-06-15")
ENDS = ["2024-03-31", "2024-04-30", "2024-05-31", "2024-06-15"]
BY_HAND = {
    "network_nodes": [3, 5, 5, 5],
    "network_edges": [2, 5, 7, 8],
    "network_density": [0.6667, 0.5, 0.7, 0.8],
    "cross_org_share": [0.5, 0.6, 0.7143, 0.625],
    "follow_through": [1.0, 0.3333, 0.5, 0.6],
    "top10_share": [0.5, 0.5, 0.3333, 0.2857],
    "degree_centralization": [1.0, 0.4167, 0.5, 0.3333],
    "adjacent_possible": [1, 4, 3, 2],
}


@cache
def workbook():
    return book(
        people=[
            person("Ann Lee", "", "Acme"),
            person("Bo Chen", "", "Acme"),
            person("Cy Diaz", "", "State U"),
            person("Di Eng", "", "County"),
            person("Ed Fox"),
        ],
        commitments=[
            commitment("Ann Lee", "Hub", "2024-03-10", "2024-03-25", "done", "2024-03-20"),
            commitment("Cy Diaz", "Hub", "2024-03-12", "2024-04-10", "open"),
            commitment("Ann Lee", "Hub", "2024-04-02", "2024-04-30", "done", "2024-05-10"),
            commitment("Di Eng", "Hub", "2024-04-20", "2024-05-15", "missed"),
            commitment("Bo Chen", "Hub", "2024-05-05", "2024-06-30", "open"),
            commitment("Cy Diaz", "Hub", "2024-05-20", "2024-06-01", "dropped"),
            commitment("Di Eng", "Hub", "2024-06-03", "2024-06-10", "done", "2024-06-08"),
        ],
        wins=[
            win("2024-03-05", "Ann Lee, Bo Chen"),
            win("2024-06-12", "Ed Fox, Di Eng"),
            win("2024-06-20", "Ann Lee, Ed Fox"),
        ],
        meetings=[meeting("2024-04-15", "Cy Diaz; Ed Fox", proj="Lab")],
    )


def _plain(value):
    """A figure as headline gives it: NaN (nothing to divide by) is None, numbers as Python's."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


@cache
def over_time_frames() -> dict[str, pd.DataFrame]:
    series = monthly_series(workbook(), D)
    return {
        "series": series,
        "timeline": over_time(workbook(), D, series["month"]),
        "shape": shape_series(workbook(), D),
        "period": period_series(workbook(), D, series["month"].iloc[0]),
    }


SOURCES = {
    "follow_through": "timeline",
    "top10_share": "timeline",
    "cross_org_share": "timeline",
    "network_nodes": "series",
    "network_edges": "series",
    "network_density": "series",
    "degree_centralization": "shape",
    "adjacent_possible": "shape",
}


def test_the_months_run_from_the_first_record_to_d_and_end_at_month_ends_or_d():
    series = over_time_frames()["series"]
    assert [f"{m:%Y-%m}" for m in series["month"]] == ["2024-03", "2024-04", "2024-05", "2024-06"]
    ends = month_ends(series["month"], D)
    assert [f"{pd.Timestamp(e):%Y-%m-%d}" for e in ends] == ENDS


@pytest.mark.parametrize("key", list(SOURCES))
def test_each_month_end_value_is_the_headline_figure_of_that_day(key):
    frame = over_time_frames()[SOURCES[key]]
    period = over_time_frames()["period"]
    assert len(frame) == len(period) == len(ENDS)
    for row, end in enumerate(ENDS):
        expected = headline(workbook(), end)[key]
        assert expected == BY_HAND[key][row], (key, end)  # headline itself, by hand
        assert _plain(frame[key].iloc[row]) == expected, (key, end)
        assert _plain(period[key].iloc[row]) == expected, (key, end, "period_series")
