"""Participation: who takes part, who is new, who has gone quiet, how shared the leadership is."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, page
from dashboard.ui.figures import figure

view = page.setup("Participation", "Active, new, returning and lapsed people; sectors; leadership.")
if page.has_records(view):
    series = figure("series", view)
    st.subheader("People per month")
    st.caption(
        "New: first activity ever. Returning: active before. "
        "Lapsed: active the month before, not this one."
    )
    figures.chart(
        "people_flows", view, lambda: charts.people_flows(series), series.empty,
        "No activity in this period.",
    )  # fmt: skip
    left, right = st.columns(2)
    with left:
        st.subheader("Sectors engaged")
        sectors = figure("sectors", view)
        figures.chart(
            "sectors",
            view,
            lambda: charts.sector_bars(sectors),
            sectors.empty,
            "Nobody was active in this period.",
        )
    with right:
        st.subheader("How shared is the leadership?")
        st.caption("Share of all commitments held by the busiest 10 % of the people committing.")
        figures.chart(
            "top10",
            view,
            lambda: charts.top10_line(series),
            series["top10_share"].isna().all() if not series.empty else True,
            "No commitments yet.",
        )
    st.subheader("People")
    people = figure("people", view)
    quiet = (view.as_of - people["last_activity"]).dt.days
    table = people.assign(days_quiet=quiet).drop(columns=["person"])
    table = components.dates_as_text(table, "first_activity", "last_activity")
    st.caption("Sort by *days_quiet* to see who has gone quiet.")
    components.table(
        table.sort_values("days_quiet", ascending=False) if not table.empty else table,
        "Nobody has taken part yet.",
        column_config={"days_quiet": st.column_config.NumberColumn("days quiet")},
    )
