"""One rounding and one wording for every figure shown (``dashboard.formatting``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import formatting


def test_a_share_is_a_whole_percent_rounded_as_people_round():
    # 0.7637 → 76.37 → 76 %; 0.785 → 78.5 → 79 % (half up, not Python's half-to-even 78)
    assert formatting.percent(0.7637) == "76%"
    assert formatting.percent(0.785) == "79%"
    assert formatting.percent(1.0) == "100%" and formatting.percent(0) == "0%"
    assert formatting.percent(None) == "–" and formatting.percent(float("nan")) == "–"
    column = formatting.percent_column(pd.Series([0.7637, None, 0.785]))
    assert column.tolist()[0] == 76 and pd.isna(column.tolist()[1]) and column.tolist()[2] == 79


def test_a_change_of_a_share_is_in_points_of_the_percents_shown():
    # 74.6 % → 75 %, 76.4 % → 76 %: shown 75 → 76, so +1 pt (not +1.8, nor "+2")
    assert formatting.change(0.764, 0.746, share=True) == "+1 pt"
    assert formatting.change(0.70, 0.74, share=True) == "-4 pts"
    assert formatting.change(0.7601, 0.7599, share=True) == "no change"


def test_a_change_of_a_count_is_signed_and_zero_is_no_change():
    assert formatting.change(15, 13) == "+2" and formatting.change(3, 1234) == "-1,231"
    assert formatting.change(3, 3) == "no change"
    assert formatting.change(None, 3) is None


def test_headers_are_words():
    assert formatting.header("days_late") == "Days late"
    assert formatting.header("cross_org") == "Across organizations"
    assert formatting.header("last_touch") == "Last activity"
    assert formatting.header("some_new_column") == "Some new column"  # any other: words
    assert formatting.headers(["name", "days_quiet"]) == {
        "name": "Name",
        "days_quiet": "Days quiet",
    }


def test_unknown_text_is_blank_and_numbers_are_left_alone():
    frame = pd.DataFrame(
        {"organization": pd.Series(["Acme", None], dtype="string"), "links": [1, 2]}
    )
    shown = formatting.blank_unknown(frame)
    assert shown["organization"].tolist() == ["Acme", ""] and shown["links"].tolist() == [1, 2]


def test_a_day_is_written_as_people_write_it():
    assert formatting.day(dt.date(2024, 11, 5)) == "5 November 2024"
    assert formatting.day(pd.Timestamp("2026-10-31")) == "31 October 2026"


def test_the_network_stage_is_written_in_words_and_its_shares_as_percents():
    """summary's text prints no code (issue 20): a stage in words; the two shares of issue 24
    as whole percents, halves up."""
    assert formatting.figure("network_stage", "multi_hub") == "several hubs"
    assert formatting.figure("network_stage", "core_periphery") == "a core with a periphery"
    assert formatting.figure("network_stage", None) == formatting.UNKNOWN
    assert formatting.figure("core_share", 0.625) == "63%"
    assert formatting.figure("two_step_reach", 0.125) == "13%"
