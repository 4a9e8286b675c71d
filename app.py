"""Small Wins — Overview (the home page). Run with ``streamlit run app.py``."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref, figure

view = page.setup(
    "Overview",
    "Momentum, participation and network growth of Strategic Doing collaborations, "
    "read from the teams' own sheets.",
)
if page.has_records(view):
    now, before = figure("headline", view), figure("previous", view)
    st.subheader(f"As of {formatting.day(view.filters.end)}, against 30 days before")
    components.tiles(
        [
            (
                "Wins, last 30 days",
                now["wins_last_30"],
                before["wins_last_30"],
                False,
                "Wins dated in the 30 days up to the period's end",
            ),
            (
                "Follow-through",
                now["follow_through"],
                before["follow_through"],
                True,
                "Of commitments due by now (not dropped), the share done",
            ),
            (
                "Overdue commitments",
                now["overdue"],
                before["overdue"],
                False,
                "Open commitments past their due date",
            ),
            (
                "Active people, 30 days",
                now["active_last_30"],
                before["active_last_30"],
                False,
                "People who made, kept, won or met in the last 30 days",
            ),
            (
                "Network links",
                now["network_edges"],
                before["network_edges"],
                False,
                "Pairs of people who worked together on a win, a meeting or a project",
            ),
            (
                "Stalled projects",
                now["stalled_projects"],
                before["stalled_projects"],
                False,
                "Active projects untouched for 60 days",
            ),
        ],
        worse_up=("Overdue commitments", "Stalled projects"),
    )

    st.subheader("Momentum")
    figures.chart(
        view,
        charts.momentum_line,
        Ref("series"),
        view.period,
        message="No wins or kept commitments in this period.",
    )

    st.subheader("Collaborations")
    rows = figure("collaborations", view)
    components.collaboration_table(rows, components.OVERVIEW_COLUMNS)
    st.caption("All the figures side by side: **Regions**.")
    problems = len(view.full.problems)
    if problems:
        st.caption(
            f"{formatting.plural(problems, 'cell')} of the workbook could not be read as "
            "they are: see **Data health**."
        )
