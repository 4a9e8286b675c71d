"""Network: the collaboration graph of people and of organizations, its growth, whether it is
weaving and whether it is a hub or a mesh, the introductions to make next and those made since
the last suggestions, and the network as files for Gephi, Cytoscape or Kumu. Under the tiles,
each in its own section (a tab; ``?section=`` in the URL), built only when opened."""

import streamlit as st

from dashboard import charts
from dashboard.ui import components, figures, filters, follow_up, network_files, page, standing
from dashboard.ui.components import Tile
from dashboard.ui.figures import MAX_DRAWN_PEOPLE, Ref

COLOR_BY = ["sector", "collaboration"]

view = page.setup("Network", "Who works with whom — and the adjacent possible.")
if page.has_records(view):
    now = figures.headline(view)
    components.tiles(
        [
            Tile("People", now.network_nodes, help="People with any activity"),
            Tile("Links", now.network_edges, help="Pairs who shared a win, meeting or project"),
            Tile(
                "Density",
                now.network_density,
                share=True,
                help="Links as a share of all possible pairs",
            ),
            Tile(
                "Cross-organization",
                now.cross_org_share,
                share=True,
                help="Links between organizations",
            ),
            Tile(
                "Cross-collaboration",
                now.cross_collab_share,
                share=True,
                help="Links bridging regions",
            ),
            Tile(
                "Adjacent possible",
                now.adjacent_possible,
                help="Unlinked pairs one introduction apart",
            ),
        ]
    )
    centralization = now.degree_centralization
    components.tiles(
        [
            Tile(
                "Organization pairs linked",
                now.org_edges,
                help="Pairs of organizations whose people have worked together",
            ),
            Tile(
                "Introductions, 30 days",
                now.triangles_closed_last_30,
                help="New links between people who already shared a colleague: triangles closed",
            ),
            Tile(
                "Leadership concentration",
                centralization,
                help="From 0 to 1. Near 0: links are spread evenly, leadership is shared (a mesh). "
                "Near 1: one person holds the network together (a hub and its spokes). "
                "Network science calls it degree centralization.",
            ),
        ]
    )
    shown = components.sections(page.NETWORK_SECTIONS)
    with shown["People"] as people_open:
        if people_open:
            color = filters.choice("color", "Colour by", COLOR_BY, key="color")
            drawing = figures.network_drawing(view)
            st.caption(
                "Each circle is a person, sized by their activity; each grey line joins two people "
                "who shared a win, a meeting or a project, wider for more."
            )
            if len(drawing.nodes) >= MAX_DRAWN_PEOPLE:
                st.caption(f"The {MAX_DRAWN_PEOPLE} most connected people are drawn.")
            figures.chart(
                view,
                charts.network_drawing,
                Ref(figures.people_drawn),
                Ref(figures.people_links_drawn),
                color,
                message="Nobody is linked yet: links appear when two people share a win, a meeting "
                "or a project.",
            )
    with shown["Organizations"] as organizations_open:
        if organizations_open:
            color = filters.choice("color", "Colour by", COLOR_BY, key="color")
            st.caption(
                "Organizations are linked when their people are (a grey line, wider for more links "
                "between their people); each is sized by its active people and coloured by its "
                "people's most common sector or collaboration."
            )
            figures.chart(
                view,
                charts.organization_drawing,
                Ref(figures.organizations_drawn),
                Ref(figures.organization_links_drawn),
                color,
                message="No two organizations are linked yet: people of two known organizations "
                "have not worked together.",
            )
    with shown["Where it stands"] as standing_open:
        if standing_open:
            standing.show_stage(view)
            standing.show_picture(view)
    with shown["Growth and weaving"] as growth_open:
        if growth_open:
            series = figures.series(view)
            st.subheader("Growth")
            st.caption("At each month's end.")
            for pair in (
                ("network_nodes", "network_edges"),
                ("network_density", "cross_org_share"),
            ):
                for column, measure in zip(st.columns(2), pair, strict=True):
                    with column:
                        figures.chart(
                            view,
                            charts.network_measure,
                            Ref(figures.series),
                            measure,
                            view.period,
                            message="No activity in this period.",
                        )
            st.subheader("Is the network weaving?")
            st.caption(
                "Left: each month's new links; in dark blue, those between two people who already "
                "shared a colleague — introductions that happened, closing a triangle. Right: the "
                "adjacent possible at each month's end, the pairs one introduction apart."
            )
            left, right = st.columns(2)
            with left:
                figures.chart(
                    view,
                    charts.weaving_bars,
                    Ref(figures.series),
                    view.period,
                    empty=series.empty or series["new_links"].sum() == 0,
                    message="No new links in this period.",
                )
            with right:
                figures.chart(
                    view,
                    charts.adjacent_line,
                    Ref(figures.series),
                    view.period,
                    message="No activity yet.",
                )
            standing.show_weavers(view)
    with shown["Hub or mesh"] as hub_open:
        if hub_open:
            series = figures.series(view)
            st.subheader("Hub or mesh?")
            st.caption(
                "Leadership concentration at each month's end: near 1 when one person holds the "
                "network together (hub and spokes, heroic leadership), near 0 when links are "
                "spread evenly (a mesh, shared leadership)."
            )
            figures.chart(
                view,
                charts.centralization_line,
                Ref(figures.series),
                view.period,
                empty=series.empty or series["degree_centralization"].isna().all(),
                message="Fewer than three people in the network yet.",
            )
            standing.show_tear(view)
    with shown["Introductions"] as introductions_open:
        if introductions_open:
            st.subheader("Suggested introductions")
            st.caption(
                "Pairs not yet linked who share colleagues, most shared first; pairs that would "
                "bridge organizations, sectors or collaborations rank higher."
            )
            intro = figures.introductions(view)
            suggested = intro[
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
            components.table(suggested, "No introductions to suggest yet.", pinned="person")
            follow_up.show(view)
    with shown["Export"] as export_open:
        if export_open:
            st.subheader("Export the network")
            st.caption(
                "GraphML or GEXF for Gephi and Cytoscape; XLSX in Kumu's import format (Elements "
                "and Connections sheets). People or organizations as nodes, with sector, "
                "collaboration, links and first-link date, for this page's filters and period "
                "end — named exactly as on this page."
            )
            network_files.show(view, {"people": now.network_edges, "organizations": now.org_edges})
