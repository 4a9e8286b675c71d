"""Every monthly chart spans the period it is given, counts in whole numbers, and names its
legend's entries whole; beyond nine projects, the others are one grey entry that says how many
(issue 15a). Specs built from the demo's series and from small hand-made frames."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import charts
from dashboard.charts import palette
from dashboard.charts.momentum import grouped
from dashboard.charts.months import MIN_MONTHS, month_domain
from tests.charts.frames import BUILDERS, PERIOD

DOMAIN = [
    {"year": 2025, "month": 11, "date": 1},
    {"year": 2026, "month": 10, "date": 31, "hours": 23, "minutes": 59},
]  # 1 November 2025 to the last minute of October 2026: twelve months, no 13th tick


def _views(spec: dict) -> list[dict]:
    return (
        [v for part in spec.get("layer", [spec]) for v in _views(part)]
        if "layer" in spec
        else [spec]
    )


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_monthly_chart_spans_the_period_it_is_given(name):
    spec = BUILDERS[name](PERIOD).to_dict()
    for view in _views(spec):
        x = view["encoding"]["x"]
        assert x["field"] == "month" and x["scale"]["domain"] == DOMAIN, name
        assert "tooltip" in view["encoding"], name  # every mark says what it is


NO_COUNT_AXIS = (  # shares on 0…100 %, and the heatmap (a count in colour)
    "follow_through_line",
    "top10_line",
    "centralization_line",
    "region_heatmap",
)


@pytest.mark.parametrize("name", [n for n in BUILDERS if n not in NO_COUNT_AXIS])
def test_counts_are_whole_numbers(name):
    spec = BUILDERS[name](PERIOD).to_dict()
    axis = _views(spec)[0]["encoding"]["y"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == "d", name  # no 0.2 "wins"


def test_a_single_month_of_wins_is_one_bar_of_twelve_months():
    # one project's wins in October 2026 only: the axis still runs November to October
    counts = pd.DataFrame(
        {"month": pd.to_datetime(["2026-10-01"]), "project": ["Hub"], "wins": [2]}
    )
    spec = charts.wins_by(counts, "project", "project", PERIOD).to_dict()
    assert spec["encoding"]["x"]["scale"]["domain"] == DOMAIN


def test_a_period_of_one_month_is_drawn_on_three():
    domain = [d.to_dict() for d in month_domain((dt.date(2026, 10, 1), dt.date(2026, 10, 31)))]
    assert MIN_MONTHS == 3
    last = {"year": 2026, "month": 12, "date": 31, "hours": 23, "minutes": 59}
    assert domain == [{"year": 2026, "month": 10, "date": 1}, last]


def test_beyond_nine_projects_the_others_are_one_grey_entry_that_says_how_many():
    # twelve projects P01…P12 with 12, 11, … 1 wins in one month, and 4 wins with no project:
    # P01…P09 keep their names; P10, P11, P12 (3 + 2 + 1 = 6 wins) become "3 other projects"
    month = pd.Timestamp("2026-10-01")
    rows = [{"month": month, "project": f"P{k:02d}", "wins": 13 - k} for k in range(1, 13)]
    rows.append({"month": month, "project": "(none)", "wins": 4})
    frame, named, greys = grouped(pd.DataFrame(rows), "project")
    assert named == [f"P{k:02d}" for k in range(1, 10)]
    assert greys == ["3 other projects", "no project given"]
    totals = frame.set_index("project")["wins"]
    assert totals["3 other projects"] == 6 and totals["no project given"] == 4
    assert totals.sum() == sum(13 - k for k in range(1, 13)) + 4  # no win lost in the grouping
    spec = charts.wins_by(pd.DataFrame(rows), "project", "project", PERIOD).to_dict()
    colour = spec["encoding"]["color"]
    # grey, never a palette hue
    assert colour["scale"]["range"][-2:] == [palette.OTHER, palette.NOT_GIVEN]
    assert colour["legend"]["labelLimit"] == 0


def test_ten_projects_are_all_named():
    # ten projects fit: one grey "1 other project" would say less than its name
    month = pd.Timestamp("2026-10-01")
    rows = [{"month": month, "project": f"P{k:02d}", "wins": 1} for k in range(1, 11)]
    _, named, greys = grouped(pd.DataFrame(rows), "project")
    assert len(named) == 10 and greys == []


def test_a_long_legend_label_is_written_on_lines_not_cut():
    counts = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-10-01"] * 2),
            "project": ["Community Health Worker Network", "Hub"],
            "wins": [3, 1],
        }
    )
    legend = charts.wins_by(counts, "project", "project", PERIOD).to_dict()["encoding"]["color"][
        "legend"
    ]
    assert legend["columns"] == 1 and legend["labelLimit"] == 0
    # lines of at most 22 characters: "Community Health Worker" is 23, so the line breaks earlier
    assert (
        '"Community Health Worker Network": ["Community Health", "Worker Network"]'
        in (legend["labelExpr"])
    )


def test_every_sector_bar_is_labelled():
    frame = pd.DataFrame(
        {
            "sector": [
                "business",
                "education",
                "government",
                "nonprofit",
                "community",
                "funder",
                "other",
                "unknown",
            ],
            "people": [36, 17, 13, 11, 10, 11, 1, 2],
            "organizations": [9, 5, 4, 4, 3, 3, 1, 0],
        }
    )
    spec = charts.sector_bars(frame).to_dict()
    assert spec["height"] == {"step": 26}  # a row per sector, whatever their number
    assert spec["encoding"]["y"]["axis"]["labelOverlap"] is False
