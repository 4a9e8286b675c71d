"""Momentum: are small wins coming, are promises kept, what is overdue, what has stalled — each
in its own section (a tab; ``?section=`` in the URL), built only when opened."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref

view = page.setup("Momentum", "Small wins and kept commitments, month by month.")
if page.has_records(view):
    shown = components.sections(page.MOMENTUM_SECTIONS)
    with shown["Wins"] as wins_open:
        if wins_open:
            left, right = st.columns(2)
            with left:
                st.subheader("Wins per month, by category")
                figures.chart(
                    view,
                    charts.wins_by,
                    Ref(figures.wins_by_category),
                    "category",
                    "category",
                    view.period,
                    message="No wins in this period.",
                )
            with right:
                st.subheader("Wins per month, by project")
                figures.chart(
                    view,
                    charts.wins_by,
                    Ref(figures.wins_by_project),
                    "project",
                    "project",
                    view.period,
                    message="No wins in this period.",
                )
                st.caption(
                    "The projects with the most wins in the period have a colour each; the others "
                    "are summed in grey."
                )
            st.subheader("Latest wins")
            components.what_table(
                figures.latest_wins(view), "date", "win", "No wins in this period."
            )
    with shown["Wins and the network"] as network_open:
        if network_open:
            series = figures.series(view)
            st.subheader("Are wins growing with the network?")
            st.caption(
                "Each month's wins by size (bars), against the people in the network at the "
                "month's end (line): the method's claim is that what counts as a win grows as "
                "people link up."
            )
            figures.chart(
                view,
                charts.wins_with_network,
                Ref(figures.series),
                view.period,
                empty=series.empty or series["wins"].sum() == 0,
                message="No wins in this period.",
            )
            st.subheader("Wins to date")
            figures.chart(
                view,
                charts.cumulative_wins,
                Ref(figures.series),
                view.period,
                message="No wins yet.",
            )
    with shown["Commitments"] as commitments_open:
        if commitments_open:
            series = figures.series(view)
            st.subheader("Commitments made, kept and missed")
            figures.chart(
                view,
                charts.commitments_outcomes,
                Ref(figures.series),
                view.period,
                message="No commitments in this period.",
            )
            st.subheader("Follow-through over time")
            learning = figures.headline(view).learning_share
            if learning is not None:
                st.caption(
                    f"Learning: {formatting.percent(learning)} of the commitments that came due "
                    "and were kept or missed have a result written down — what the team reported "
                    "back at its 30/30s."
                )
            figures.chart(
                view,
                charts.follow_through_line,
                Ref(figures.series),
                view.period,
                empty=series.empty or series["follow_through"].isna().all(),
                message="No commitment has come due yet.",
            )
    with shown["Overdue and due soon"] as due_open:
        if due_open:
            # the whole width each, as text that wraps: the commitment itself is what a reader
            # looks for, and side by side in a grid it was cut to a few words (at 1024 px, not
            # shown at all)
            st.subheader("Overdue")
            # the first rows of each, most overdue and soonest due first; the others when asked
            components.long_what_table(
                figures.overdue(view),
                "due",
                "commitment",
                "Nothing is overdue.",
                "overdue commitment",
                "more_overdue",
            )
            st.subheader("Due in the next 30 days")
            components.long_what_table(
                figures.due_soon(view),
                "due",
                "commitment",
                "Nothing falls due in the next 30 days.",
                "commitment due soon",
                "more_due_soon",
            )
    with shown["Stalled projects"] as stalled_open:
        if stalled_open:
            st.subheader("Stalled projects")
            projects = figures.projects(view)
            stalled = projects[projects["stalled"]].drop(columns=["stalled"])
            components.table(
                components.dates_as_text(stalled, "last_touch"),
                "No active project has gone 60 days without a touch.",
                pinned="project",
            )
