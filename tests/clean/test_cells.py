"""Reading single cells: dates in every accepted form, spreadsheet errors, emails."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.clean import cells


def _dates(values, day_first=False):
    parsed, unread = cells.dates(pd.Series(values, dtype=object), day_first)
    shown = [None if pd.isna(v) else v.date().isoformat() for v in parsed]
    return shown, unread.tolist()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (43831, "2020-01-01"),  # the serial the recorded Sheets API answer gives for 2020-01-01
        (36162, "1999-01-02"),
        (45000.75, "2023-03-15"),  # a date-time serial: the time is dropped
        ("2024-02-29", "2024-02-29"),
        ("2024-3-5", "2024-03-05"),
        ("3/4/2025", "2025-03-04"),  # M/D/YYYY by default
        ("12/31/2025", "2025-12-31"),
        ("2025-03-04 14:30:00", "2025-03-04"),
        ("2025-03-04T14:30", "2025-03-04"),
        ("3/14/2024 10:22:33", "2024-03-14"),  # Google Form's Timestamp
        (dt.date(2024, 6, 1), "2024-06-01"),
        (dt.datetime(2024, 6, 1, 23, 59), "2024-06-01"),
        (" 2024-06-01 ", "2024-06-01"),
        ("45000", "2023-03-15"),  # a serial that arrived as text (CSV export)
    ],
)
def test_readable_dates(cell, expected):
    assert _dates([cell]) == ([expected], [False])


@pytest.mark.parametrize(
    "cell",
    [
        "TBD",
        "next Tuesday",
        "#REF!",
        "2/30/2024",
        "13/1/2024",
        "2024-13-01",
        True,
        "3/4/25",
        "4.3.2025",
        0,
        -5,
        10**9,
        "1/2/0999",
    ],
)
def test_unreadable_dates_are_flagged_not_guessed(cell):
    assert _dates([cell]) == ([None], [True])


def test_blank_cells_are_blank_not_problems():
    assert _dates([None, "", "   ", float("nan")]) == ([None] * 4, [False] * 4)


def test_day_first_sources_read_d_m_y_and_dotted_dates():
    assert _dates(["3/4/2025", "31.12.2025", "13/1/2024"], day_first=True) == (
        ["2025-04-03", "2025-12-31", "2024-01-13"],
        [False, False, False],
    )


def test_month_first_rejects_a_day_over_twelve_in_first_place():
    assert _dates(["31/12/2025"]) == ([None], [True])


def test_text_strips_and_blanks_errors():
    read = cells.text(pd.Series(["  Ann  ", "#N/A", "", None, 42, 1.5, True], dtype=object))
    values, errors = read.values, read.errors
    assert values[0] == "Ann"
    assert values.isna().tolist() == [False, True, True, True, False, False, False]
    assert values[4:].tolist() == ["42", "1.5", "TRUE"]
    assert errors.tolist() == [False, True, False, False, False, False, False]


def test_characters_no_spreadsheet_or_xml_may_hold_are_removed_and_marked():
    raw = pd.Series(
        ["Ann\x01 Lee", "Bo\ufffeChen\uffff", "Cy \ud800Diaz", "tab\there\nline", "é😀"],
        dtype=object,
    )
    read = cells.text(raw)
    assert read.values.tolist() == ["Ann Lee", "BoChen", "Cy Diaz", "tab\there\nline", "é😀"]
    assert read.unsupported.tolist() == [True, True, True, False, False]
    assert cells.visible("Ann\x01 \ud800") == "Ann[U+0001] [U+D800]"


def test_emails_lower_cased_and_invalid_flagged():
    values, invalid = cells.emails(
        pd.Series([" Ana@Example.ORG".strip(), "maria.at.example.org", pd.NA], dtype="string")
    )
    assert values[0] == "ana@example.org"
    assert values.isna().tolist() == [False, True, True]
    assert invalid.tolist() == [False, True, False]


def test_a_lone_surrogate_in_a_date_cell_is_an_unreadable_date_not_a_crash():
    """Google's JSON may carry half an emoji (``\\ud800``), which Arrow text cannot hold: a date
    column read it through ``as_string`` (found by tests/reports/test_hostile_text_properties)."""
    from tests.fixtures import dataset_of, river_valley

    sheets = river_valley()
    sheets["Meetings"].append(["\ud800", "Garden", ""])
    sheets["Commitments"].append(["Ann Lee", "Garden", "Dig", "2024-03-01\udfff", "open"])
    problems = dataset_of(sheets).problems
    dates = problems[problems["value"].str.contains("[U+", regex=False)]  # the fixture has others
    assert sorted(dates["value"].tolist()) == ["2024-03-01[U+DFFF]", "[U+D800]"]
    assert set(dates["kind"]) == {"unreadable date"} and set(dates["column"]) == {"date", "made"}
    assert cells.as_string(pd.Series(["2024-03-01", 7])).tolist() == ["2024-03-01", "7"]
