"""Regions: the collaborations side by side, for coordinators of several regions and funders."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, page
from dashboard.ui.figures import figure

view = page.setup("Regions", "Each collaboration on the same scale.")
if page.has_records(view):
    regions = figure("regions", view)
    st.subheader("Wins per month")
    components.chart(
        charts.region_multiples(regions, "wins", "wins") if not regions.empty else None,
        regions.empty,
        "No collaboration is named in the workbook yet.",
    )
    st.subheader("Active people per month")
    components.chart(
        charts.region_multiples(regions, "active", "people") if not regions.empty else None,
        regions.empty,
        "No collaboration is named in the workbook yet.",
    )
    st.subheader("Side by side")
    rows = figure("collaborations", view)
    components.collaboration_table(rows)
