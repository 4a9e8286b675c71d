"""Regions: the collaborations side by side, for coordinators of several regions and funders."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, page
from dashboard.ui.figures import figure

view = page.setup("Regions", "Each collaboration on the same scale.")
if page.has_records(view):
    regions = figure("regions", view)
    st.subheader("Wins per month")
    figures.chart(
        "regions_wins",
        view,
        lambda: charts.region_multiples(regions, "wins", "wins"),
        regions.empty,
        "No collaboration is named in the workbook yet.",
    )
    st.subheader("Active people per month")
    figures.chart(
        "regions_active",
        view,
        lambda: charts.region_multiples(regions, "active", "people"),
        regions.empty,
        "No collaboration is named in the workbook yet.",
    )
    st.subheader("Side by side")
    rows = figure("collaborations", view)
    components.collaboration_table(rows)
