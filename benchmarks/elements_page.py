"""Streamlit drawing the Overview's elements, nothing read or computed: the floor the Overview
itself has in the browser (``pages.py``, beside the bare page).

The same kinds and numbers of elements as the Overview on the demo workbook — the sidebar's ten
page links, its two multiselects and its date range, a heading and captions, an info box and a
button, six metric tiles with their help, one line chart of 24 points, one table of four rows
with a sparkline column — each filled with a small literal. What the Overview takes beyond this
page is the app's; what this page takes beyond the bare page is Streamlit's own cost of those
elements (their code loaded and compiled, their React components, the chart's Vega, the
table's grid), which no app showing them avoids. Served like ``bare_page.py``, from the
repository's root; its page links point at this server's own address, so nothing else is
needed.
"""

import datetime as dt

import pandas as pd
import streamlit as st

MONTHS = pd.date_range("2025-11-01", periods=12, freq="MS")

with st.sidebar:
    st.markdown("**Small Wins**")
    for number in range(10):
        st.page_link(f"http://127.0.0.1/{number}", label=f"Page {number}")
    st.divider()
    st.header("Filters")
    st.multiselect("Collaborations", ["North", "South", "East"], placeholder="All collaborations")
    st.multiselect("Projects", ["Food hub", "Trails", "Skills"], placeholder="All projects")
    st.date_input("Period", (dt.date(2025, 11, 1), dt.date(2026, 10, 31)), help="The period")
st.title("Overview")
st.caption("Momentum, participation and network growth, read from the teams' own sheets.")
banner, action = st.columns([5, 1])
banner.info("Showing the bundled **demo workbook**.")
action.button("Refresh data")
st.caption("Figures are as of 31 October 2026.")
st.subheader("As of 31 October 2026, against 30 days before")
columns = st.columns(3)
for number in range(6):
    columns[number % 3].metric(f"Figure {number}", 10 + number, "+2", help="What it counts")
st.subheader("Momentum")
series = pd.DataFrame(
    {"month": MONTHS.repeat(2), "what": ["Wins", "Commitments kept"] * 12, "n": range(24)}
)
# a Vega-Lite spec as the app sends its own (built once and cached there): no Altair run here
st.vega_lite_chart(
    series,
    {
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "month", "type": "temporal"},
            "y": {"field": "n", "type": "quantitative"},
            "color": {"field": "what", "type": "nominal"},
            "tooltip": [{"field": "month", "type": "temporal"}, {"field": "n"}],
        },
    },
    width="stretch",
)
st.caption("Monthly, November 2025 to October 2026.")
st.subheader("Collaborations")
rows = pd.DataFrame(
    {
        "Collaboration": [f"Collaboration {n}" for n in range(4)],
        "Wins": range(4),
        "Follow-through": [0.5] * 4,
        "Active": range(4),
        "Stalled": [1] * 4,
        "Wins per month": [list(range(12))] * 4,
    }
)
st.dataframe(
    rows,
    hide_index=True,
    width="stretch",
    column_config={"Wins per month": st.column_config.LineChartColumn("Wins per month")},
)
st.caption("All the figures side by side: **Regions**.")
st.caption("13 cells of the workbook could not be read as they are: see **Data health**.")
