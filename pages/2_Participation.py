"""Participation: who takes part, who is new, who has gone quiet, how shared the leadership is.

Its parts are sections (a tab each, ``?section=`` in the URL), only the open one built and sent:
the people's table, with each person's links, brokerage and two-step reach, was computed and
drawn below the first screen on every visit (on 60 regional sheets the first visit waited 2.5 ×
a bare Streamlit page)."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref

view = page.setup("Participation", "Active, new, returning and lapsed people; sectors; leadership.")


def _who_takes_part() -> None:
    series = figures.series(view)
    st.subheader("People per month")
    st.caption(
        "New: first activity ever. Returning: active before. "
        "Lapsed: active the month before, not this one."
    )
    figures.chart(
        view,
        charts.people_flows,
        Ref(figures.series),
        view.period,
        message="No activity in this period.",
    )
    left, right = st.columns(2)
    with left:
        st.subheader("Sectors engaged")
        figures.chart(
            view,
            charts.sector_bars,
            Ref(figures.sector_counts),
            message="Nobody was active in this period.",
        )
    with right:
        st.subheader("How shared is the leadership?")
        st.caption("Share of all commitments held by the busiest 10 % of the people committing.")
        figures.chart(
            view,
            charts.top10_line,
            Ref(figures.series),
            view.period,
            empty=series.empty or series["top10_share"].isna().all(),
            message="No commitments yet.",
        )


def _people() -> None:
    st.subheader("People")
    people = figures.people(view)
    links = figures.network_roles(view).links[["person", "links", "brokerage", "two_step_reach"]]
    quiet = (view.as_of - people["last_activity"]).dt.days
    table = people.assign(days_quiet=quiet).merge(links, on="person", how="left")
    table = table.drop(columns=["person"]).astype({"links": "Int64", "brokerage": "Int64"})
    table["two_step_reach"] = formatting.percent_column(table["two_step_reach"])
    first = ["name", "days_quiet", "links", "brokerage", "two_step_reach"]
    table = table[[*first, *table.columns.drop(first)]]
    table = components.dates_as_text(table, "first_activity", "last_activity")
    st.caption(
        "Sort by *Days quiet* (click its header) to see who has gone quiet. *Links*: the people "
        "they have worked with; *brokerage*: the organizations, other than their own, among "
        "those people; *two-step reach*: the share of everyone else they reach through one "
        "introduction. A blank organization or sector: the person is not on the People tab."
    )
    components.table(
        table.sort_values("days_quiet", ascending=False) if not table.empty else table,
        "Nobody has taken part yet.",
        pinned="name",
        column_config={"two_step_reach": components.share_column("two-step reach")},
    )


def _connectors() -> None:
    st.subheader("Connectors")
    st.caption(
        "The people who bridge the most organizations (brokerage), then collaborations, "
        "then links: who to ask for an introduction."
    )
    components.table(
        figures.network_roles(view).connectors,
        "Nobody works across organizations or collaborations yet.",
        pinned="name",
    )


def _organizations() -> None:
    st.subheader("Organizations")
    st.caption(
        "Per organization: its people active by the period's end, the other organizations "
        "its people work with, and the follow-through of its people's commitments."
    )
    organizations = figures.network_roles(view).organizations
    components.table(
        organizations.assign(
            follow_through=formatting.percent_column(organizations["follow_through"])
        ),
        "No person active in this period has an organization on the People tab.",
        pinned="organization",
        column_config={"follow_through": components.share_column("follow-through")},
    )


if page.has_records(view):
    shown = components.sections(page.PARTICIPATION_SECTIONS)
    for label, part in zip(
        page.PARTICIPATION_SECTIONS,
        (_who_takes_part, _people, _connectors, _organizations),
        strict=True,
    ):
        with shown[label] as open_now:
            if open_now:
                part()
