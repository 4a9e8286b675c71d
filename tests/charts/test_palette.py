"""Every chart's colours come from ``charts.palette`` (issue 20, points 7 and 8): each colour
encoding names its range (or the palette's sequential scheme) and each uncoloured mark its
colour, so no chart falls back on the renderer's defaults — which differ between Streamlit's
theme on the pages and plain Vega in the report files (wins were light blue on the pages and
orange in the PDF). A figure has one colour wherever it is drawn; every line has a legend entry
or an axis that names it; the report's charts end on the period's last month.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
import vl_convert

from dashboard import charts
from dashboard.charts import palette
from dashboard.reports.charts_png import momentum_chart, momentum_png
from tests.charts.frames import BUILDERS, LINKS, NODES, PERIOD, regions, series

COLOURS = {
    value.upper()
    for name, value in vars(palette).items()
    if name.isupper() and isinstance(value, str) and value.startswith("#")
} | {c.upper() for c in (*palette.CATEGORIES, *palette.WIN_SIZES)}

SECTORS = pd.DataFrame(
    {"sector": ["business", "education"], "people": [3, 1], "organizations": [2, 1]}
)
COUNTS = pd.DataFrame(
    {"month": pd.to_datetime(["2026-10-01"] * 2), "category": ["event", "funding"], "wins": [2, 1]}
)
ALL = {
    **BUILDERS,
    "wins_by": lambda p: charts.wins_by(COUNTS, "category", "category", p),
    "sector_bars": lambda p: charts.sector_bars(SECTORS),
    "network_drawing": lambda p: charts.network_drawing(NODES, LINKS, "sector"),
    "network_size": lambda p: charts.network_size(series(), p),
    "network_people": lambda p: charts.network_measure(series(), "network_nodes", p),
    "network_density": lambda p: charts.network_measure(series(), "network_density", p),
    "region_active": lambda p: charts.region_multiple(
        regions(),
        "Northern Tech Corridor",
        "active",
        "people",
        p,
    ),
}


def _views(spec: dict) -> list[dict]:
    """Every single view of a spec: layers and facets opened up."""
    if "layer" in spec:
        return [v for part in spec["layer"] for v in _views(part)]
    if "spec" in spec:
        return _views(spec["spec"])
    return [spec]


def _mark_colours(mark: dict | str) -> list[str]:
    if isinstance(mark, str):
        return []
    found = [mark[k] for k in ("color", "fill", "stroke") if isinstance(mark.get(k), str)]
    line = mark.get("line")
    if isinstance(line, dict) and "color" in line:
        found.append(line["color"])
    return found


@pytest.mark.parametrize("name", list(ALL))
def test_every_colour_of_every_chart_is_the_palettes(name):
    spec = ALL[name](PERIOD).to_dict()
    for view in _views(spec):
        colour = view.get("encoding", {}).get("color")
        drawn = _mark_colours(view["mark"])
        if colour is None:
            assert drawn, (name, "a mark with no colour of its own: the renderer's default")
        else:
            scale = colour.get("scale", {})
            assert "range" in scale or scale.get("scheme") == palette.SEQUENTIAL_SCHEME, name
            drawn += scale.get("range", [])
        stray = [c for c in drawn if c.upper() not in COLOURS and c != "white"]
        assert not stray, (name, stray)


def test_a_figure_has_one_colour_on_every_chart():
    # wins: the Overview's momentum line, the cumulative area, a region's chart — and the report
    momentum = charts.momentum_line(series(), PERIOD).to_dict()["encoding"]["color"]["scale"]
    assert dict(zip(momentum["domain"], momentum["range"], strict=True)) == {
        "Wins": palette.WINS,
        "Commitments kept": palette.COMMITMENTS_KEPT,
    }
    cumulative = charts.cumulative_wins(series(), PERIOD).to_dict()["mark"]
    region = ALL["region_multiple"](PERIOD).to_dict()["mark"]
    assert cumulative["color"] == region["color"] == palette.WINS
    outcomes = charts.commitments_outcomes(series(), PERIOD).to_dict()["encoding"]["color"]
    assert outcomes["scale"]["range"][1] == palette.COMMITMENTS_KEPT  # "Kept"
    size = charts.network_size(series(), PERIOD).to_dict()["spec"]["encoding"]["color"]["scale"]
    people = charts.network_measure(series(), "network_nodes", PERIOD).to_dict()["mark"]
    links = charts.network_measure(series(), "network_edges", PERIOD).to_dict()["mark"]
    assert size["range"] == [people["color"], links["color"]] == [palette.PEOPLE, palette.LINKS]


def test_the_palettes_colours_are_told_apart_by_every_reader():
    """The named sets are the published colour-blind-safe ones: Okabe–Ito and Tol's muted."""
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert {palette.WINS, palette.COMMITMENTS_KEPT, palette.COMMITMENTS_MISSED} <= okabe_ito
    assert {palette.COMMITMENTS_MADE, palette.LINKS, palette.LEADERSHIP} <= okabe_ito
    assert len(set(palette.CATEGORIES)) == 9 and palette.OTHER not in palette.CATEGORIES
    assert palette.categories(11)[9:] == list(palette.CATEGORIES[:2])


def test_the_participation_charts_line_has_a_legend_entry():
    spec = charts.people_flows(series(), PERIOD).to_dict()
    bars, line = spec["layer"]
    scale = bars["encoding"]["color"]["scale"]
    assert scale["domain"] == ["New", "Returning", "Lapsed", "Active (line)"]
    assert line["encoding"]["color"]["field"] == "what"
    assert line["transform"] == [{"calculate": "'Active (line)'", "as": "what"}]
    assert dict(zip(scale["domain"], scale["range"], strict=True))["Active (line)"] == (
        palette.PEOPLE
    )


def _month_labels(png_spec: dict) -> list[str]:
    svg = vl_convert.vegalite_to_svg(png_spec)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return [t for t in texts if re.fullmatch(r"[A-Z][a-z]{2}( \d{4})?|\d{4}", t)]


def test_the_reports_momentum_chart_ends_on_the_periods_last_month():
    """An August–October period: the ticks are its three months and the last is October's, not
    "Nov 2026" (the month after, where a chart without the period's domain ended)."""
    period = (dt.date(2026, 8, 1), dt.date(2026, 10, 31))
    months = series()[series()["month"] >= pd.Timestamp("2026-08-01")]
    assert _month_labels(momentum_chart(months, period).to_dict()) == [
        "Aug 2026",
        "Sep 2026",
        "Oct 2026",
    ]
    assert momentum_png(months, period)[:8] == b"\x89PNG\r\n\x1a\n"
