"""Regions: the collaborations side by side, for coordinators of several regions and funders.

Its three parts are sections (a tab each, ``?section=`` in the URL), only the open one built and
sent: on a 1400 × 1000 screen the wins' small charts fill the first screen, and the browser
drew the active people's charts and the table below them, unseen, before the page was done
(a returning viewer waited 2.7 × a bare Streamlit page on the demo)."""

import streamlit as st

from dashboard import charts
from dashboard.charts.regions import region_names, uses_heatmap
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref

view = page.setup("Regions", "Each collaboration on the same scale.")


def _side_by_side(value: str, title: str) -> None:
    """One small chart per collaboration, two or three a row, all on one scale, each named
    above it in the page's text (it wraps; a chart's title is cut) — or a heatmap, a row per
    collaboration, for many."""
    regions = figures.regions(view)
    if regions.empty:
        st.info("No collaboration is named in the workbook yet.")
        return
    if uses_heatmap(regions):
        figures.chart(
            view,
            charts.region_heatmap,
            Ref(figures.regions),
            value,
            title,
            view.period,
            message="No collaboration is named in the workbook yet.",
        )
        return
    names = region_names(regions)
    per_row = 2 if len(names) <= 4 else 3
    for first in range(0, len(names), per_row):
        for column, name in zip(st.columns(per_row), names[first : first + per_row], strict=False):
            with column:
                st.markdown(f"**{components.plain(name)}**")
                figures.chart(
                    view,
                    charts.region_multiple,
                    Ref(figures.regions),
                    name,
                    value,
                    title,
                    view.period,
                    message="No records yet.",
                )


if page.has_records(view):
    shown = components.sections(page.REGIONS_SECTIONS)
    with shown["Wins per month"] as wins_open:
        if wins_open:
            st.subheader("Wins per month")
            _side_by_side("wins", "wins")
    with shown["Active people per month"] as active_open:
        if active_open:
            st.subheader("Active people per month")
            _side_by_side("active", "people")
    with shown["Side by side"] as table_open:
        if table_open:
            st.subheader("Side by side")
            st.caption(
                "As of the period's end: all wins to then, wins and active people in its last "
                "30 days, follow-through of the commitments due by then, people in the "
                "network, stalled projects."
            )
            components.collaboration_table(figures.collaboration_rows(view), sparkline=False)
