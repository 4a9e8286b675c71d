"""Small Wins — Overview (the home page). Run with ``streamlit run app.py``.

``streamlit run`` first imports this file to find the server to serve (``app``, an ``st.App``
whose start prepares the data: ``ui.server``), then runs it as the script ``__main__`` at each
visit to the Overview. The page's own modules are imported by the visit, or by the server's
start once Streamlit's runtime is up (imported before it, their caches would warn).
"""

import streamlit as st

from dashboard.ui import server

if __name__ != "__main__":  # imported by ``streamlit run``: the server
    app = st.App("app.py", lifespan=server.lifespan)
else:  # a visit (Streamlit runs every page as ``__main__``)
    from dashboard import charts, formatting
    from dashboard.ui import components, figures, page
    from dashboard.ui.components import Tile
    from dashboard.ui.figures import Ref

    view = page.setup(
        "Overview",
        "Momentum, participation and network growth of Strategic Doing collaborations, "
        "read from the teams' own sheets.",
    )
    if page.has_records(view):
        now, before = figures.headline(view), figures.previous_headline(view)
        st.subheader(f"As of {formatting.day(view.filters.end)}, against 30 days before")
        components.tiles(
            [
                Tile(
                    "Wins, last 30 days",
                    now.wins_last_30,
                    before=before.wins_last_30,
                    help="Wins dated in the 30 days up to the period's end",
                ),
                Tile(
                    "Follow-through",
                    now.follow_through,
                    before=before.follow_through,
                    share=True,
                    help="Of commitments due by now (not dropped), the share done",
                ),
                Tile(
                    "Overdue commitments",
                    now.overdue,
                    before=before.overdue,
                    help="Open commitments past their due date",
                    worse_when_up=True,
                ),
                Tile(
                    "Active people, 30 days",
                    now.active_last_30,
                    before=before.active_last_30,
                    help="People who made, kept, won or met in the last 30 days",
                ),
                Tile(
                    "Network links",
                    now.network_edges,
                    before=before.network_edges,
                    help="Pairs of people who worked together on a win, a meeting or a project",
                ),
                Tile(
                    "Stalled projects",
                    now.stalled_projects,
                    before=before.stalled_projects,
                    help="Active projects untouched for 60 days",
                    worse_when_up=True,
                ),
            ]
        )

        st.subheader("Momentum")
        figures.chart(
            view,
            charts.momentum_line,
            Ref(figures.series),
            view.period,
            message="No wins or kept commitments in this period.",
        )

        st.subheader("Collaborations")
        rows = figures.collaboration_rows(view)
        components.collaboration_table(rows, components.OVERVIEW_COLUMNS)
        st.caption("All the figures side by side: **Regions**.")
        problems = len(view.all_records.problems)
        if problems:
            st.caption(
                f"{formatting.plural(problems, 'cell')} of the workbook could not be read as "
                "they are: see **Data health**."
            )
