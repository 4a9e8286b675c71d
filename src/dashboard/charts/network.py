"""The collaboration graph drawn with Altair, and its growth over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import formatting
from dashboard.charts import palette
from dashboard.charts.months import MONTH_TIP, Period, by_month, count_y, legend, month_x

AXIS = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
# A drawing of the network goes on a canvas (Streamlit draws a chart in SVG unless told, or
# unless it has over 2,000 rows): it has a mark per person and per link, 892 links on the demo
# workbook. In SVG the browser took 0.2 s longer to draw the Network page, and every mark carried
# its own ARIA label, so a screen reader met hundreds of "x: 0.0007; y: 0.0303; a: …" lines;
# the drawing's text alternative is the caption written under it (``ui.components.chart``).
ON_CANVAS = {"embedOptions": {"renderer": "canvas"}}


def _drawing(
    nodes: pd.DataFrame, links: pd.DataFrame, color: str, size: str, tips: list
) -> alt.Chart:
    """Links as rules under the nodes as circles, at the layout's positions (already computed)."""
    lines = (
        alt.Chart(links)
        .mark_rule(color=palette.EDGE)
        .encode(
            x=alt.X("x:Q", axis=AXIS),
            y=alt.Y("y:Q", axis=AXIS),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.3, 4]), legend=None),
            opacity=alt.value(0.35),
            tooltip=["a:N", "b:N", alt.Tooltip("weight:Q", title="shared events")],
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(stroke="white", strokeWidth=0.5, opacity=0.9)
        .encode(
            x=alt.X("x:Q", axis=AXIS),
            y=alt.Y("y:Q", axis=AXIS),
            size=alt.Size(f"{size}:Q", scale=alt.Scale(range=[30, 600]), title=size),
            color=alt.Color(
                f"{color}:N",
                title=color,
                scale=alt.Scale(range=palette.categories(int(nodes[color].nunique()))),
                legend=legend(nodes[color].dropna(), color, wide=True),
            ),
            tooltip=tips,
        )
    )
    return (lines + dots).properties(height=560, usermeta=ON_CANVAS).configure_view(strokeWidth=0)


def network_drawing(nodes: pd.DataFrame, links: pd.DataFrame, color: str) -> alt.Chart:
    """``nodes``: id, label, x, y, activity, ``color`` column; ``links``: x, y, x2, y2, weight."""
    tips = [
        alt.Tooltip("label:N", title="who"),
        f"{color}:N",
        "activity:Q",
        alt.Tooltip("degree:Q", title="links"),
    ]
    return _drawing(nodes, links, color, "activity", tips)


def organization_drawing(nodes: pd.DataFrame, links: pd.DataFrame, color: str) -> alt.Chart:
    """Organizations as nodes, sized by their active people; ``links`` join organizations
    whose people are linked, as wide as the links between their people."""
    tips = [
        alt.Tooltip("label:N", title="organization"),
        f"{color}:N",
        "people:Q",
        alt.Tooltip("degree:Q", title="organizations linked"),
    ]
    return _drawing(nodes, links, color, "people", tips)


GROWTH = {
    "network_nodes": "People",
    "network_edges": "Links",
    "network_density": "Density",
    "cross_org_share": "Cross-organization share",
}
COLOURS = {  # each measure in the colour it has wherever it is drawn
    "network_nodes": palette.PEOPLE,
    "network_edges": palette.LINKS,
    "network_density": palette.LINKS,
    "cross_org_share": palette.LINKS,
}


def network_measure(series: pd.DataFrame, column: str, period: Period | None = None) -> alt.Chart:
    """One measure of the network's growth at each month's end (``GROWTH``): a count, or a
    share on 0…100 %. One chart each, so each spans the page's width and the period."""
    title = GROWTH[column]
    share = column in formatting.SHARES  # the one list of which figures are shares
    y = (
        alt.Y(f"{column}:Q", title=title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
        if share
        else count_y(f"{column}:Q", title)
    )
    return (
        alt.Chart(series[["month", column]])
        .mark_line(point=True, color=COLOURS[column])
        .encode(
            x=month_x(period, centred=True),
            y=y,
            tooltip=[
                MONTH_TIP,
                alt.Tooltip(f"{column}:Q", title=title, format=".0%" if share else ","),
            ],
        )
        .properties(height=170)
    )


def network_size(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """People and relationships in the network at each month's end, side by side, at a fixed
    width (the report files' image; the page draws ``network_measure`` twice), each named above
    its chart and in the colour the pages draw it in."""
    labels = {"network_nodes": "People", "network_edges": "Relationships"}
    long = by_month(series, labels)
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=month_x(period, centred=True),
            y=count_y("n:Q", None),
            color=alt.Color(
                "what:N",
                title=None,
                legend=None,
                scale=alt.Scale(domain=list(labels.values()), range=[COLOURS[k] for k in labels]),
            ),
            tooltip=[MONTH_TIP, "what:N", "n:Q"],
        )
        .properties(width=240, height=160)
        .facet(column=alt.Column("what:N", title=None))
        .resolve_scale(y="independent")
    )


WEAVING = {"new_links": "New links", "triangles_closed": "Closed a triangle"}


def weaving_bars(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """New links per month, and in front of them those that closed a triangle (introductions
    that happened: the two already shared a colleague)."""
    frame = series[["month", *WEAVING]].assign(
        share=series["triangles_closed"] / series["new_links"].where(series["new_links"] > 0)
    )
    tips = [
        MONTH_TIP,
        alt.Tooltip("new_links:Q", title="new links"),
        alt.Tooltip("triangles_closed:Q", title="closed a triangle"),
        alt.Tooltip("share:Q", title="share closing", format=".0%"),
    ]
    colour = alt.Color(
        "what:N",
        title=None,
        legend=legend(list(WEAVING.values()), orient="top"),
        scale=alt.Scale(domain=list(WEAVING.values()), range=[palette.NEW_LINKS, palette.LINKS]),
    )
    base = alt.Chart(frame).encode(x=month_x(period), tooltip=tips, color=colour)
    links = (
        base.mark_bar()
        .encode(y=count_y("new_links:Q", "links"))
        .transform_calculate(what=f"'{WEAVING['new_links']}'")
    )
    closed = base.mark_bar(width={"band": 0.55}).encode(y="triangles_closed:Q")
    closed = closed.transform_calculate(what=f"'{WEAVING['triangles_closed']}'")
    return (links + closed).properties(height=260)


def adjacent_line(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """The adjacent possible at each month's end: pairs one introduction apart."""
    return (
        alt.Chart(series)
        .mark_line(point=True, color=palette.ADJACENT)
        .encode(
            x=month_x(period, centred=True),
            y=count_y("adjacent_possible:Q", "pairs one introduction apart"),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip("adjacent_possible:Q", title="adjacent possible", format=","),
            ],
        )
        .properties(height=260)
    )


def centralization_line(series: pd.DataFrame, period: Period | None = None) -> alt.Chart:
    """Degree centralization at each month's end, on 0 (mesh) … 1 (a hub and its spokes)."""
    frame = series.dropna(subset=["degree_centralization"])
    return (
        alt.Chart(frame)
        .mark_line(point=True, color=palette.LEADERSHIP)
        .encode(
            x=month_x(period, centred=True),
            y=alt.Y(
                "degree_centralization:Q",
                title="0 = mesh, 1 = hub and spokes",
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[
                MONTH_TIP,
                alt.Tooltip(
                    "degree_centralization:Q", title="leadership concentration", format=".2f"
                ),
            ],
        )
        .properties(height=240)
    )
