"""The Network charts (charts/network.py) on hand-made frames: the drawing of people and the
growth charts each build a valid Vega-Lite spec, send only the capped drawing or one row per month
and measure, and have tooltips. (The method's charts — weaving, adjacent possible, centralization
— and the organizations' drawing are in test_method_charts.py.)

Drawing: Ann, Bo, Cy at fixed positions; links Ann–Bo (2 shared events) and Bo–Cy (1).
Series (month: people, links, density, cross-organization share):
  2024-01: 2, 1, 1.0, null (no link across organizations yet)
  2024-02: 3, 2, 0.6667, 0.5
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts
from tests.charts.frames import LINKS, NODES
from tests.charts.specs import all_rows, marks, rows, spec_of, tooltip_fields

SERIES = pd.DataFrame(
    {
        "month": pd.to_datetime(["2024-01-01", "2024-02-01"]),
        "network_nodes": [2, 3],
        "network_edges": [1, 2],
        "network_density": [1.0, 0.6667],
        "cross_org_share": [None, 0.5],
    }
)

CHARTS = {
    # chart: (spec, rows sent)
    "network_drawing": (lambda: charts.network_drawing(NODES, LINKS, "sector"), 3 + 2),
    "network_measure": (lambda: charts.network_measure(SERIES, "network_nodes"), 2),
    "network_size": (lambda: charts.network_size(SERIES), 2 * 2),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_each_chart_builds_aggregated_with_tooltips(name):
    build, sent = CHARTS[name]
    spec = spec_of(build())
    assert all_rows(spec) == sent
    for part in marks(spec):
        assert part["encoding"]["tooltip"]


def test_the_drawing_puts_links_under_people_at_their_positions():
    spec = spec_of(charts.network_drawing(NODES, LINKS, "sector"))
    lines, dots = marks(spec)
    assert (lines["mark"]["type"], dots["mark"]["type"]) == ("rule", "circle")
    assert [(r["a"], r["b"], r["weight"]) for r in rows(spec, lines)] == [
        ("ann", "bo", 2),
        ("bo", "cy", 1),
    ]
    assert [(r["label"], r["x"], r["y"]) for r in rows(spec, dots)] == [
        ("Ann Lee", 0.0, 0.0),
        ("Bo Chen", 1.0, 0.0),
        ("Cy Diaz", 0.5, 1.0),
    ]
    assert dots["encoding"]["color"]["field"] == "sector"
    assert dots["encoding"]["size"]["field"] == "activity"
    assert tooltip_fields(dots) == ["label", "sector", "activity", "degree"]
    assert tooltip_fields(lines) == ["a", "b", "weight"]


@pytest.mark.parametrize(
    ("column", "title", "share"),
    [
        ("network_nodes", "People", False),
        ("network_edges", "Links", False),
        ("network_density", "Density", True),
        ("cross_org_share", "Cross-organization share", True),
    ],
)
def test_each_growth_measure_is_its_own_chart_counts_whole_shares_on_zero_to_one(
    column, title, share
):
    spec = spec_of(charts.network_measure(SERIES, column))
    y = spec["encoding"]["y"]
    assert y["title"] == title
    if share:
        assert y["scale"]["domain"] == [0, 1] and y["axis"]["format"] == "%"
    else:
        assert y["axis"]["tickMinStep"] == 1  # no 0.5 people
    values = [r[column] for r in rows(spec)]
    if column == "cross_org_share":
        assert values[1] == 0.5 and pd.isna(values[0])  # January: no share yet, not a zero


def test_network_size_is_people_beside_relationships():
    spec = spec_of(charts.network_size(SERIES))
    assert spec["facet"]["column"]["field"] == "what"
    sent = {(r["what"], r["month"][:7]): r["n"] for r in rows(spec)}
    assert sent == {
        ("People", "2024-01"): 2,
        ("People", "2024-02"): 3,
        ("Relationships", "2024-01"): 1,
        ("Relationships", "2024-02"): 2,
    }


@pytest.mark.parametrize(
    "build",
    [
        lambda: charts.network_drawing(NODES, LINKS, "sector"),
        lambda: charts.organization_drawing(NODES.assign(people=1), LINKS, "sector"),
        lambda: charts.core_picture(
            NODES.assign(first_link=pd.Timestamp("2024-01-01"), role="core", broker=False, links=1),
            LINKS.assign(first_seen=pd.Timestamp("2024-01-01")),
            "2024-02-01",
        ),
    ],
    ids=["people", "organizations", "core and periphery"],
)
def test_every_drawing_of_the_network_goes_on_a_canvas(build):
    """A mark per person and per link: on a canvas the browser draws it sooner, and a screen
    reader is not handed a label for every link (the caption under it is its text)."""
    assert spec_of(build())["usermeta"] == {"embedOptions": {"renderer": "canvas"}}


def test_the_monthly_charts_stay_in_svg():
    """Few marks, each labelled for a screen reader: the renderer is left to Streamlit (SVG)."""
    assert "usermeta" not in spec_of(charts.network_size(SERIES))
