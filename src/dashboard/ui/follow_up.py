"""The follow-up on earlier suggestions: the introductions suggested the day before the period,
those that happened since beside those still open (the Network page)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.ui import components
from dashboard.ui.figures import figure
from dashboard.ui.page import View


def show(view: View) -> None:
    """The introductions suggested the day before the period: which happened, which are open."""
    follow = figure("followed_up", view)
    day = view.start - pd.Timedelta(days=1)
    st.subheader("Did the suggested introductions happen?")
    if follow.empty:
        st.info(
            f"No introductions could be suggested on {day:%d %B %Y}, the day before this period: "
            "nobody shared a colleague yet. Move the period's start later (a month before its "
            "end follows up on the last 30/30's suggestions)."
        )
        return
    closed = follow[follow["status"] == "closed"]
    still = follow[follow["status"] == "open"]
    st.caption(
        f"Of the {len(follow)} introductions suggested on {day:%d %B %Y}, the day before this "
        f"period, {len(closed)} happened by {view.as_of:%d %B %Y} (the two worked together) "
        f"and {len(still)} are still open."
    )
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Happened ({len(closed)})**")
        shown = closed.assign(linked_on=closed["linked_on"].dt.strftime("%Y-%m-%d"))
        components.table(
            shown[["a_name", "b_name", "linked_on"]].rename(
                columns={"a_name": "person", "b_name": "met", "linked_on": "first worked together"}
            ),
            "None of them yet.",
        )
    with right:
        st.markdown(f"**Still open ({len(still)})**")
        components.table(
            still[["a_name", "b_name", "shared"]].rename(
                columns={"a_name": "person", "b_name": "could meet", "shared": "shared colleagues"}
            ),
            "All of them happened.",
        )
