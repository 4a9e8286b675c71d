"""The period a run sends: the last complete week (Monday–Sunday) or calendar month before
``--until`` — each case worked out on a calendar."""

import datetime as dt

import pytest

from dashboard.digest.period import containing, last_complete, so_far

D = dt.date


@pytest.mark.parametrize(
    ("until", "start", "end"),
    [
        (D(2026, 10, 26), D(2026, 10, 19), D(2026, 10, 25)),  # a Monday: the week to yesterday
        (D(2026, 10, 28), D(2026, 10, 19), D(2026, 10, 25)),  # a Wednesday: the same week
        (D(2026, 10, 25), D(2026, 10, 12), D(2026, 10, 18)),  # a Sunday: its week is not over
        (D(2026, 1, 1), D(2025, 12, 22), D(2025, 12, 28)),  # across the new year (a Thursday)
    ],
)
def test_the_last_complete_week_before_until(until, start, end):
    period = last_complete("week", until)
    assert (period.start, period.end) == (start, end)
    assert period.start.weekday() == 0 and period.end.weekday() == 6


@pytest.mark.parametrize(
    ("until", "start", "end"),
    [
        (D(2026, 11, 1), D(2026, 10, 1), D(2026, 10, 31)),
        (D(2026, 10, 31), D(2026, 9, 1), D(2026, 9, 30)),  # the last day: its month is not over
        (D(2026, 3, 15), D(2026, 2, 1), D(2026, 2, 28)),
        (D(2024, 3, 1), D(2024, 2, 1), D(2024, 2, 29)),  # a leap year
        (D(2026, 1, 5), D(2025, 12, 1), D(2025, 12, 31)),
    ],
)
def test_the_last_complete_month_before_until(until, start, end):
    period = last_complete("month", until)
    assert (period.start, period.end) == (start, end)


def test_labels_name_the_week_by_its_monday_and_the_month_by_name():
    assert last_complete("week", D(2026, 10, 26)).label == "week of 19 October 2026"
    assert last_complete("month", D(2026, 11, 2)).label == "October 2026"
    assert last_complete("week", D(2026, 10, 26)).key == "2026-10-19/2026-10-25"


def test_the_current_period_so_far_is_cut_at_the_day():
    now = so_far("week", D(2026, 10, 28))
    assert (now.start, now.end, now.partial) == (D(2026, 10, 26), D(2026, 10, 28), True)
    assert now.label == "week of 26 October 2026 (so far, to 28 October 2026)"
    whole = so_far("month", D(2026, 10, 31))
    assert not whole.partial and whole == containing("month", D(2026, 10, 5))
