"""Participation: who takes part, who is new, who has gone quiet, how shared the leadership is."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref, figure

view = page.setup("Participation", "Active, new, returning and lapsed people; sectors; leadership.")
if page.has_records(view):
    series = figure("series", view)
    st.subheader("People per month")
    st.caption(
        "New: first activity ever. Returning: active before. "
        "Lapsed: active the month before, not this one."
    )
    figures.chart(view, charts.people_flows, Ref("series"), message="No activity in this period.")
    left, right = st.columns(2)
    with left:
        st.subheader("Sectors engaged")
        figures.chart(
            view, charts.sector_bars, Ref("sectors"), message="Nobody was active in this period."
        )
    with right:
        st.subheader("How shared is the leadership?")
        st.caption("Share of all commitments held by the busiest 10 % of the people committing.")
        figures.chart(
            view,
            charts.top10_line,
            Ref("series"),
            empty=series.empty or series["top10_share"].isna().all(),
            message="No commitments yet.",
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
