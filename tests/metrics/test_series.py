"""monthly_series(): one row per calendar month, first dated record's month … as_of's month.

Workbook ``months()``, as_of = 2024-04-15 (mid-month: what happens on 04-16 … 04-30 is ignored).
People: A = Ann Lee, B = Bo Chen, C = Cy Diaz, D = Di Eng, E = Ed Fox (none on People).

  commitments                                                        made  done  missed
    A on P, made 01-10, due 02-10, done 02-05                         Jan   Feb
    B on P, made 02-03, due 03-01, missed                             Feb         Mar (due)
    C on Q, made 02-10, no due,   missed                              Feb         Feb (made)
    D on Q, made 03-05, done with no date                             Mar   —
    E on P, made 04-02, done 04-16 (after as_of)                      Apr   —
    A on P, made 04-05, due 04-10, done 04-12                         Apr   Apr
    A on Z, made 05-01 (after as_of: no May row)                      —
  wins: 01-20 A, B · 03-31 E · 04-15 A (on as_of) · 04-20 C, E (after as_of)
  meetings: 02-25 C, D

Activities ≤ as_of:
  A: 01-10, 01-20, 02-05 (done), 04-05, 04-12 (done), 04-15
  B: 01-20, 02-03          C: 02-10, 02-25          D: 02-25, 03-05
  E: 03-31, 04-02
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd

from dashboard.metrics import headline, monthly_series
from tests.metrics.book import book, commitment, meeting, win

AS_OF = dt.date(2024, 4, 15)
COLUMNS = [
    "month",
    "wins",
    "commitments_made",
    "commitments_done",
    "commitments_missed",
    "active",
    "new",
    "returning",
    "lapsed",
    "network_nodes",
    "network_edges",
    "network_density",
]
A, B, C, DD, E = "Ann Lee", "Bo Chen", "Cy Diaz", "Di Eng", "Ed Fox"


@cache
def months():
    return book(
        commitments=[
            commitment(A, "P", "2024-01-10", "2024-02-10", "done", "2024-02-05"),
            commitment(B, "P", "2024-02-03", "2024-03-01", "missed"),
            commitment(C, "Q", "2024-02-10", "", "missed"),
            commitment(DD, "Q", "2024-03-05", "", "done", ""),
            commitment(E, "P", "2024-04-02", "", "done", "2024-04-16"),
            commitment(A, "P", "2024-04-05", "2024-04-10", "done", "2024-04-12"),
            commitment(A, "Z", "2024-05-01"),
        ],
        wins=[
            win("2024-01-20", f"{A}, {B}"),
            win("2024-03-31", E),
            win("2024-04-15", A),
            win("2024-04-20", f"{C}, {E}"),
        ],
        meetings=[meeting("2024-02-25", f"{C}; {DD}")],
    )


@cache
def series():
    return monthly_series(months(), AS_OF)


def _column(name):
    return list(series()[name])


def test_columns_and_one_row_per_month_from_the_first_record_to_as_of():
    frame = series()
    assert set(COLUMNS) <= set(frame.columns)
    # Jan (first record 01-10) … Apr (as_of); the May commitment adds no row
    assert list(frame["month"]) == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-03-01"),
        pd.Timestamp("2024-04-01"),
    ]


def test_wins_per_month():
    # Jan 01-20; Feb none; Mar 03-31; Apr 04-15 (04-20 is after as_of)
    assert _column("wins") == [1, 0, 1, 1]


def test_commitments_made_per_month():
    # Jan A; Feb B, C; Mar D; Apr E, A (the 05-01 one is after as_of)
    assert _column("commitments_made") == [1, 2, 1, 2]


def test_commitments_done_in_the_month_of_their_done_date():
    # Feb: A's done 02-05; Mar: D's done has no date → no month; Apr: A's 04-12 (E's 04-16 is
    # after as_of)
    assert _column("commitments_done") == [0, 1, 0, 1]


def test_commitments_missed_in_the_month_of_due_else_made():
    # C: no due → month made (Feb); B: due 03-01 → Mar
    assert _column("commitments_missed") == [0, 1, 1, 0]


def test_active_people_per_month():
    # Jan {A, B}; Feb {A (done 02-05), B, C, D}; Mar {D, E}; Apr {A, E}
    assert _column("active") == [2, 4, 2, 2]


def test_new_people_in_the_month_of_their_first_activity():
    # Jan A, B; Feb C, D; Mar E; Apr nobody
    assert _column("new") == [2, 2, 1, 0]


def test_returning_people_were_active_in_an_earlier_month():
    # Jan 0; Feb A, B (Jan); Mar D (Feb; E is new); Apr A (Jan, Feb), E (Mar)
    assert _column("returning") == [0, 2, 1, 2]


def test_lapsed_people_were_active_last_month_and_not_this_one():
    # Jan 0; Feb 0 (Jan's A, B both active); Mar A, B, C (Feb's, not in Mar); Apr D
    assert _column("lapsed") == [0, 0, 3, 1]


def test_network_at_each_month_end():
    # Jan 31: nodes A, B; edge A–B (win 01-20) → density 2·1/(2·1) = 1.0
    # Feb 29: nodes A, B, C, D; edges A–B, C–D (meeting 02-25); P has A and B (same pair)
    #         → 2·2/(4·3) = 0.3333
    # Mar 31: + E (alone on a win) → 5 nodes; Q's C–D is the same pair → 2 edges,
    #         density 4/20 = 0.2
    # Apr 15 (as_of, not Apr 30): E commits on P 04-02 → A–E, B–E → 4 edges, 8/20 = 0.4;
    #         the 04-20 win (C, E) would add C–E: it is after as_of
    assert _column("network_nodes") == [2, 4, 5, 5]
    assert _column("network_edges") == [1, 2, 2, 4]
    assert _column("network_density") == [1.0, 0.3333, 0.2, 0.4]


def test_last_row_matches_the_headline_network():
    figures = headline(months(), AS_OF)
    last = series().iloc[-1]
    assert int(last["network_nodes"]) == figures["network_nodes"] == 5
    assert int(last["network_edges"]) == figures["network_edges"] == 4
    assert float(last["network_density"]) == figures["network_density"] == 0.4


@cache
def gap():
    # Xi Yu and Yan Zo share a win on 2024-01-05; Yan alone at a meeting on 2024-04-03.
    return book(
        wins=[win("2024-01-05", "Xi Yu, Yan Zo")],
        meetings=[meeting("2024-04-03", "Yan Zo")],
    )


def test_empty_months_are_rows_too():
    frame = monthly_series(gap(), dt.date(2024, 4, 30))
    # Jan, Feb, Mar, Apr; nothing happens in Feb and Mar
    assert list(frame["month"]) == [pd.Timestamp(f"2024-0{m}-01") for m in (1, 2, 3, 4)]
    assert list(frame["wins"]) == [1, 0, 0, 0]
    assert list(frame["commitments_made"]) == [0, 0, 0, 0]
    assert list(frame["active"]) == [2, 0, 0, 1]
    assert list(frame["new"]) == [2, 0, 0, 0]
    # Yan in Apr was active in Jan (not the month before: still returning)
    assert list(frame["returning"]) == [0, 0, 0, 1]
    # Feb: Xi and Yan were active in Jan, not Feb; Mar: nobody was active in Feb
    assert list(frame["lapsed"]) == [0, 2, 0, 0]
    # the graph keeps what happened: 2 nodes, 1 edge, density 1.0 at every month's end
    assert list(frame["network_nodes"]) == [2, 2, 2, 2]
    assert list(frame["network_edges"]) == [1, 1, 1, 1]
    assert list(frame["network_density"]) == [1.0, 1.0, 1.0, 1.0]
