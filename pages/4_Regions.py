"""Regions: the collaborations side by side, for coordinators of several regions and funders."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref, figure

view = page.setup("Regions", "Each collaboration on the same scale.")
if page.has_records(view):
    none_named = "No collaboration is named in the workbook yet."
    st.subheader("Wins per month")
    figures.chart(view, charts.region_chart, Ref("regions"), "wins", "wins", message=none_named)
    st.subheader("Active people per month")
    figures.chart(view, charts.region_chart, Ref("regions"), "active", "people", message=none_named)
    st.subheader("Side by side")
    rows = figure("collaborations", view)
    components.collaboration_table(rows)
