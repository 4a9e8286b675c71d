"""Network: the collaboration graph, its growth, and the introductions to make next."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, page
from dashboard.ui.figures import MAX_DRAWN_PEOPLE, Ref, figure

view = page.setup("Network", "Who works with whom — and the adjacent possible.")
if page.has_records(view):
    now = figure("headline", view)
    components.tiles(
        [
            ("People", now["network_nodes"], None, False, "People with any activity"),
            (
                "Links",
                now["network_edges"],
                None,
                False,
                "Pairs who shared a win, meeting or project",
            ),
            (
                "Density",
                now["network_density"],
                None,
                True,
                "Links as a share of all possible pairs",
            ),
            (
                "Cross-organization",
                now["cross_org_share"],
                None,
                True,
                "Links between organizations",
            ),
            (
                "Cross-collaboration",
                now["cross_collab_share"],
                None,
                True,
                "Links bridging regions",
            ),
            (
                "Adjacent possible",
                now["adjacent_possible"],
                None,
                False,
                "Unlinked pairs one introduction apart",
            ),
        ]
    )
    color = st.radio("Colour people by", ["sector", "collaboration"], horizontal=True, key="color")
    drawing = figure("drawing", view)
    nodes = drawing["nodes"]
    if len(nodes) >= MAX_DRAWN_PEOPLE:
        st.caption(f"The {MAX_DRAWN_PEOPLE} most connected people are drawn.")
    figures.chart(
        view,
        charts.network_drawing,
        Ref("drawing", "nodes"),
        Ref("drawing", "links"),
        color,
        message="Nobody is linked yet: links appear when two people share a win, a meeting or a "
        "project.",
    )
    st.subheader("Growth")
    figures.chart(view, charts.network_growth, Ref("series"), message="No activity in this period.")
    st.subheader("Suggested introductions")
    st.caption(
        "Pairs not yet linked who share colleagues, most shared first; pairs that would bridge "
        "organizations, sectors or collaborations rank higher."
    )
    intro = figure("introductions", view)
    shown = intro[
        [
            "a_name",
            "a_org",
            "b_name",
            "b_org",
            "shared",
            "cross_org",
            "cross_sector",
            "cross_collab",
        ]
    ].rename(
        columns={
            "a_name": "person",
            "a_org": "organization",
            "b_name": "could meet",
            "b_org": "their organization",
            "shared": "shared colleagues",
        }
    )
    components.table(shown, "No introductions to suggest yet.")
