"""Validation before writing: every message names its field."""

import datetime as dt

import pandas as pd

from dashboard.writing import NewCommitment, NewWin, validate

TODAY = dt.date(2024, 3, 10)
PROJECTS = ["Food Hub", "Apprenticeships"]


def test_a_good_win_passes_and_project_names_match_loosely():
    win = NewWin(TODAY, "Market opened", " food  HUB ", "Ann, Bo")
    assert validate(win, PROJECTS, TODAY) == {}


def test_win_problems_each_on_its_field():
    win = NewWin(TODAY + dt.timedelta(days=8), "  ", "Robots", ", ;", size="huge", evidence="x")
    assert set(validate(win, PROJECTS, TODAY)) == {
        "date",
        "win",
        "project",
        "people",
        "size",
        "evidence",
    }


def test_a_date_up_to_the_limit_ahead_is_allowed():
    win = NewWin(TODAY + dt.timedelta(days=7), "Tomorrow's event", "Food Hub")
    assert validate(win, PROJECTS, TODAY) == {}
    assert "date" in validate(win, PROJECTS, TODAY, future_days=0)


def test_commitment_problems():
    late = NewCommitment("", "Food Hub", "", dt.date(2024, 3, 1), TODAY)
    assert set(validate(late, PROJECTS, TODAY)) == {"person", "commitment", "due"}
    missing_due = NewCommitment("Ann", "Food Hub", "Call Bo", None, TODAY)
    assert validate(missing_due, PROJECTS, TODAY) == {"due": "By when? Give a date."}


def test_a_date_too_far_ahead_says_the_latest_allowed():
    # 10 March 2024 + 7 days = 17 March 2024
    win = NewWin(TODAY + dt.timedelta(days=8), "Too soon", "Food Hub")
    assert validate(win, PROJECTS, TODAY)["date"] == (
        "The date of the win is more than 7 days ahead: the latest allowed is 2024-03-17."
    )


def test_a_text_a_sheet_shows_for_a_formula_error_is_refused_on_its_field():
    """Written, "#N/A" would be read back as a formula error: the win skipped (a logged win
    vanishing), the category or a name lost. So each such field is refused before writing."""
    win = NewWin(TODAY, " #N/A ", "Food Hub", "Ann, #NAME?", category="#REF!", evidence="")
    errors = validate(win, PROJECTS, TODAY)
    assert set(errors) == {"win", "people", "category"}
    assert errors["win"] == (
        "#N/A is what a sheet shows for a formula error, and would be read as one: "
        "write it another way."
    )
    commitment = NewCommitment("#DIV/0!", "Food Hub", "#VALUE!", dt.date(2024, 3, 20), TODAY)
    assert set(validate(commitment, PROJECTS, TODAY)) == {"person", "commitment"}
    # text that only contains such a value is text
    fine = NewWin(TODAY, "Fixed the #N/A cells", "Food Hub", "Ann", category="n/a")
    assert validate(fine, PROJECTS, TODAY) == {}


def test_what_is_refused_is_what_the_reader_reads_as_an_error():
    from dashboard.clean.cells import text

    written = NewWin(TODAY, "#N/A", "Food Hub").cells()["win"]
    read = text(pd.Series([written], dtype=object))
    assert read.errors.tolist() == [True] and read.values.isna().all()
