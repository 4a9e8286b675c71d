"""The collaborations side by side (the Overview's table): every sparkline on one month axis."""

from __future__ import annotations

import pandas as pd

from dashboard.metrics.collaborations import collaboration_rows
from tests.fixtures import dataset_of


def _book() -> dict[str, list[list[object]]]:
    return {
        "Collaborations": [["Collaboration"], ["North"], ["South"]],
        "People": [["Name", "Email"], ["Ann Lee", ""], ["Bo Chen", ""]],
        "Projects": [["Project", "Collaboration"], ["Mill", "North"], ["Farm", "South"]],
        "Wins": [
            ["Date", "Win", "Project", "People"],
            ["2024-01-10", "Opened", "Mill", "Ann Lee"],
            ["2024-03-05", "Hired", "Mill", "Ann Lee"],
            ["2024-03-20", "Planted", "Farm", "Bo Chen"],
        ],
    }


def test_every_sparkline_spans_the_periods_last_twelve_months():
    """Period April 2023 – March 2024. North's wins: January and March 2024; South's: one, in
    March 2024. Each line has the period's 12 months, with 0 before a collaboration's first
    record — South's is not one point that reads like North's last month."""
    rows = collaboration_rows(
        dataset_of(_book()), pd.Timestamp("2024-03-31"), pd.Timestamp("2023-04-01")
    ).set_index("Collaboration")
    assert rows.loc["North", "Wins per month"] == [0] * 9 + [1, 0, 1]
    assert rows.loc["South", "Wins per month"] == [0] * 11 + [1]


def test_a_period_shorter_than_a_year_has_a_sparkline_of_its_months():
    # February – March 2024: two months, for both
    rows = collaboration_rows(
        dataset_of(_book()), pd.Timestamp("2024-03-31"), pd.Timestamp("2024-02-15")
    ).set_index("Collaboration")
    assert rows.loc["North", "Wins per month"] == [0, 1]
    assert rows.loc["South", "Wins per month"] == [0, 1]
