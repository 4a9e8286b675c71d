"""The default as-of day, the default period and the previous period's coverage
(``dashboard.periods``): one rule for the app and the command line. Dates worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.filtering import filtered
from dashboard.periods import (
    QUIET_DAYS,
    comparison,
    comparisons,
    default_as_of,
    default_period,
    recorded_span,
)
from tests.fixtures import dataset_of

D = dt.date


def _book(wins=(), made=(), done=(), meetings=()):
    """People: Ann. A win per date in ``wins``; a commitment made on each ``made`` date (done on
    the ``done`` date at the same place, when given); a meeting per date in ``meetings``."""
    commitments = [["Person", "Project", "Made", "Due", "Status", "Done"]]
    for i, day in enumerate(made):
        finished = done[i] if i < len(done) else None
        commitments.append(
            [
                "Ann",
                "Hub",
                day.isoformat(),
                "",
                "done" if finished else "open",
                finished.isoformat() if finished else "",
            ]
        )
    return dataset_of(
        {
            "People": [["Name"], ["Ann"]],
            "Projects": [["Project"], ["Hub"]],
            "Commitments": commitments,
            "Wins": [["Date", "Win", "People"]] + [[d.isoformat(), "a win", "Ann"] for d in wins],
            "Meetings": [["Date", "Attendees"]] + [[d.isoformat(), "Ann"] for d in meetings],
        }
    )


def test_a_sheet_quiet_for_more_than_a_cycle_is_shown_as_of_its_last_activity():
    # last activity: the done date 2026-10-31 (a completion is an activity); today 2026-12-01
    # is 31 days later, past the 30-day cycle: figures as of 2026-10-31, and the note says why
    data = _book(wins=[D(2026, 10, 29)], made=[D(2026, 10, 23)], done=[D(2026, 10, 31)])
    chosen = default_as_of(data, today=D(2026, 12, 1))
    assert QUIET_DAYS == 30 and chosen.day == D(2026, 10, 31) and not chosen.is_today
    assert chosen.note() == (
        "Figures are as of 31 October 2026, the last recorded activity: nothing has been "
        "recorded in the 30 days before today (1 December 2026)."
    )


def test_a_quiet_spell_within_a_cycle_stays_as_of_today():
    # a meeting on 2026-11-01, 30 days before 2026-12-01: not past the cycle, so today (a quiet
    # spell is news the coordinator must see: wins in the last 30 days fall)
    data = _book(meetings=[D(2026, 11, 1)])
    chosen = default_as_of(data, today=D(2026, 12, 1))
    assert chosen.day == D(2026, 12, 1) and chosen.note() is None


def test_a_record_dated_after_today_is_not_the_last_activity():
    # a win typed as 2027 is not "recorded activity" yet: the last is the 2026-01-10 meeting,
    # 140 days before 2026-05-30
    data = _book(wins=[D(2027, 1, 1)], meetings=[D(2026, 1, 10)])
    assert recorded_span(data, D(2026, 5, 30)) == (D(2026, 1, 10), D(2026, 1, 10))
    assert default_as_of(data, today=D(2026, 5, 30)).day == D(2026, 1, 10)


def test_an_empty_workbook_is_as_of_today():
    assert default_as_of(_book(), today=D(2026, 12, 1)).day == D(2026, 12, 1)


def test_the_default_period_is_the_twelve_months_to_the_day():
    assert default_period(D(2026, 10, 31)) == (D(2025, 11, 1), D(2026, 10, 31))
    assert default_period(D(2024, 2, 29)) == (D(2023, 3, 1), D(2024, 2, 29))


@pytest.mark.parametrize(
    ("first", "state"),
    [
        (D(2024, 11, 1), "full"),  # the records begin on the previous period's first day
        (D(2024, 11, 6), "partial"),  # five days into it
        (D(2025, 11, 1), "none"),  # only in this period: nothing to compare
    ],
)
def test_how_the_previous_period_is_covered(first, state):
    # period 2025-11-01 … 2026-10-31 (365 days): the previous one is 2024-11-01 … 2025-10-31
    data = _book(wins=[first, D(2026, 10, 1)])
    compared = comparison(data, D(2025, 11, 1), D(2026, 10, 31))
    assert compared.previous == (D(2024, 11, 1), D(2025, 10, 31))
    assert compared.state == state and compared.comparable == (state != "none")
    assert (compared.note() is None) == (state == "full")
    if state == "none":
        assert "Nothing to compare with" in compared.note()


def test_each_collaborations_comparison_reads_its_own_records():
    # period 2025-11-01 … 2026-10-31; previous 2024-11-01 … 2025-10-31. North's records begin
    # 2024-10-15 (a commitment made): full. South's begin 2025-03-01 (a meeting): partial; its
    # commitment's done date 2024-06-01 does not count (status open). East's only win is after
    # the period's end: no record by then, nothing to compare.
    data = dataset_of(
        {
            "People": [["Name"], ["Ann"]],
            "Projects": [["Project", "Collaboration"], ["N1", "North"], ["S1", "South"]],
            "Commitments": [
                ["Person", "Project", "Made", "Due", "Status", "Done"],
                ["Ann", "N1", "2024-10-15", "", "open", ""],
                ["Ann", "S1", "2025-04-01", "", "open", "2024-06-01"],
            ],
            "Wins": [
                ["Date", "Win", "People", "Collaboration"],
                ["2026-11-02", "late", "Ann", "East"],
            ],
            "Meetings": [["Date", "Attendees", "Project"], ["2025-03-01", "Ann", "S1"]],
        }
    )
    period = (D(2025, 11, 1), D(2026, 10, 31))
    found = comparisons(data, *period, ["North", "South", "East", "Nobody"])
    assert [c.state for c in found] == ["full", "partial", "none", "none"]
    assert [c.first_record for c in found] == [D(2024, 10, 15), D(2025, 3, 1), None, None]
    assert {c.previous for c in found} == {(D(2024, 11, 1), D(2025, 10, 31))}
    # a month later, East's win is inside the period and nothing is before it
    (east,) = comparisons(data, D(2026, 11, 1), D(2026, 11, 30), ["East"])
    assert (east.first_record, east.state) == (D(2026, 11, 2), "none")


def test_comparisons_agree_with_each_collaborations_own(demo_dataset):
    names = demo_dataset.collaborations["collaboration"].tolist()
    for start, end in [(D(2025, 11, 1), D(2026, 10, 31)), (D(2026, 6, 1), D(2026, 6, 30))]:
        found = comparisons(demo_dataset, start, end, names)
        assert found == [comparison(filtered(demo_dataset, [n]), start, end) for n in names]
