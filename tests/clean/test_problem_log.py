"""The one problem collector (``clean.problems.ProblemLog``), from reading to merging."""

from __future__ import annotations

import pandas as pd

from dashboard.clean.problems import PROBLEM_COLUMNS, ProblemLog


def test_problems_read_together_come_back_as_each_source_alone_finds_them():
    log = ProblemLog(["North", "South"])
    log.add(1, 2, "Wins", 5, "date", "soon", "unreadable date", "not a date")
    log.add(0, 3, "Wins", 4, "date", "later", "unreadable date", "not a date")
    log.add(0, 1, "People", 7, "email", "ann@", "invalid email", "not an email")
    log.add(1, 0, "People", None, "", None, "missing tab", "no People tab")
    frame = log.frame()
    assert list(frame.columns) == PROBLEM_COLUMNS
    assert list(zip(frame["source"], frame["tab"], frame["value"], strict=True)) == [
        ("North", "People", "ann@"),
        ("North", "Wins", "later"),
        ("South", "People", ""),  # a blank value shows blank
        ("South", "Wins", "soon"),
    ]
    assert frame["row"].iloc[:2].tolist() == [7, 4] and pd.isna(frame["row"].iloc[2])


def test_problems_found_after_reading_follow_in_the_order_added():
    merged = pd.DataFrame(
        {"source": ["North", "South", "North"], "tab": ["Wins"] * 3, "row": [3, 4, 9]}
    )
    log = ProblemLog(["North"])
    log.add_rows(
        merged,
        pd.Series([False, True, True]),
        "win",
        pd.Series(["a", "b", "c"]),
        "duplicate row",
        "the same win is recorded earlier; counted once",
    )
    log.add(0, 5, "Wins", 2, "date", "x", "unreadable date", "not a date")
    failed = ProblemLog(["Lake"])
    failed.add(0, 0, "", None, "", "lake.xlsx", "source unreadable", "not a workbook")
    log.add_frame(failed.frame())
    frame = log.frame()
    assert frame["kind"].tolist() == [
        "unreadable date",  # placed by source and tab: first
        "duplicate row",
        "duplicate row",
        "source unreadable",
    ]
    assert frame["source"].tolist() == ["North", "South", "North", "Lake"]
    assert frame["row"].tolist()[:3] == [2, 4, 9]


def test_an_empty_log_gives_the_problem_columns():
    frame = ProblemLog().frame()
    assert frame.empty and list(frame.columns) == PROBLEM_COLUMNS
