"""The follow-up on earlier suggestions: the introductions suggested the day before the period,
those that happened since beside those still open (the Network page)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.ui import components, figures
from dashboard.ui.page import View


def show(view: View) -> None:
    """The introductions suggested the day before the period: which happened, which are open."""
    follow = figures.followed_up(view)
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
    table = pd.concat([closed, still]).assign(
        status=lambda f: f["status"].map({"closed": "happened", "open": "still open"}),
        linked_on=lambda f: f["linked_on"].dt.strftime("%Y-%m-%d"),
    )
    components.table(
        table[["a_name", "b_name", "status", "linked_on", "shared"]].rename(
            columns={
                "a_name": "person",
                "b_name": "could meet",
                "linked_on": "worked together from",
                "shared": "shared colleagues then",
            }
        ),
        "No introductions to follow up.",
    )
