"""The Network page's parts for where the network stands, who weaves it and where it would tear
(docs/METRICS.md): the stage in words (the rule in its tooltip) and how it moved, four tiles,
the network with its core apart from its periphery replayed month by month with a slider, the
weavers of the period, and each broker with who depends on them and the introductions that would
give those people a second path.

Every name shown comes from the view's People table: pseudonyms in a funder's view.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, formatting
from dashboard.metrics.stage import STAGE_RULE, STAGE_WORDS, moved
from dashboard.ui import components, figures
from dashboard.ui.components import Tile
from dashboard.ui.figures import Ref
from dashboard.ui.page import View

REPLAY_KEY = "network_replay_month"
INTRODUCTIONS_SHOWN = 500  # the latest credited introductions listed under the weavers


def stage_words(stage: str) -> str:
    """A stage as the page says it: "Several hubs"."""
    return STAGE_WORDS[stage][:1].upper() + STAGE_WORDS[stage][1:]


def show_stage(view: View) -> None:
    """The stage now, in words, with the rule in the tooltip; how it moved over the period; the
    four figures as tiles; the stage at each month's end."""
    now = figures.headline(view)
    stage = now.network_stage
    before = figures.stage_at_start(view)
    st.subheader("Where the network stands")
    left, right = st.columns([1, 2])
    left.metric("Stage", stage_words(stage), help=STAGE_RULE)
    since = f"{view.start.day} {view.start:%B %Y}"
    right.markdown(
        f"Since {since}, the network **{moved(before, stage)}**. Networks grow "
        "from scattered fragments to a single hub, then several hubs, then a core with a "
        "periphery (Krebs and Holley)."
    )
    components.tiles(
        [
            Tile(
                "Brokers",
                now.brokers,
                None,
                share=False,
                help="People whose leaving would split the network: the only link between parts",
            ),
            Tile(
                "Core",
                now.core_share,
                None,
                share=True,
                help="Share of people in the network's core (the largest k-core)",
            ),
            Tile(
                "Two-step reach",
                now.two_step_reach,
                None,
                share=True,
                help="On average, the share of the others a person reaches through one "
                "introduction",
            ),
            Tile(
                "Weavers, 30 days",
                now.weavers_last_30,
                None,
                share=False,
                help="People who introduced two of their contacts who then worked together",
            ),
        ]
    )
    series = figures.series(view)
    figures.chart(
        view,
        charts.stage_line,
        Ref(figures.series),
        view.period,
        empty=series.empty or "network_stage" not in series,
        message="No activity in this period.",
    )


def _month_ends(view: View) -> list[pd.Timestamp]:
    months = pd.date_range(view.start.to_period("M").to_timestamp(), view.as_of, freq="MS")
    ends = [min(m + pd.offsets.MonthEnd(0), view.as_of) for m in months]
    return ends or [view.as_of]


@st.fragment
def show_picture(view: View) -> None:
    """The network with its core in the middle, replayed month by month: the slider picks a
    month's end; the layout stays put, so what changes is who has joined and who is linked.
    A fragment, so moving the slider redraws this picture only."""
    st.subheader("Core and periphery, month by month")
    ends = _month_ends(view)
    labels = [f"{end:%b %Y}" for end in ends]
    chosen = st.select_slider(
        "Replay the network month by month",
        options=labels,
        value=labels[-1],
        key=REPLAY_KEY,
        help="The network as it stood at the end of each month of the period, drawn in the "
        "same places, so you can watch it grow.",
    )
    until = ends[labels.index(chosen)]
    drawing = figures.standing_drawing(view)
    nodes = drawing.nodes
    shown = 0 if nodes.empty else int((nodes["first_link"] <= until).sum())
    st.caption(
        f"{chosen}: {formatting.count(shown)} of the {formatting.count(len(nodes))} people "
        "drawn are linked. The core (orange-red, in the middle): the people with the largest "
        "k-core number; the periphery (blue): linked to the core; grey: further out. Diamonds are "
        "brokers."
    )
    figures.chart(
        view,
        charts.core_picture,
        Ref(figures.standing_people_drawn),
        Ref(figures.standing_links_drawn),
        until.date().isoformat(),
        empty=shown == 0,
        message=f"Nobody was linked yet at the end of {chosen}.",
    )


def show_weavers(view: View) -> None:
    """The people credited with introductions in the period: to thank, and to ask again."""
    st.subheader("Weavers")
    st.caption(
        "When two people start working together and already shared a colleague, that colleague "
        "most likely introduced them: each shared colleague gets a credit. The weavers of this "
        "period, most credits first — the people to thank, and to ask again."
    )
    found = figures.weaver_tables(view)
    components.table(found.weavers, "No introductions happened in this period.", pinned="name")
    introductions = found.introductions
    if not introductions.empty:
        with components.on_demand(
            f"Each introduction ({formatting.count(len(introductions))})", "each_introduction"
        ) as shown:
            if shown:
                latest = introductions.sort_values("on", ascending=False).head(INTRODUCTIONS_SHOWN)
                components.table(
                    components.dates_as_text(latest, "on"), "No introductions.", pinned="weaver"
                )


def show_tear(view: View) -> None:
    """Each broker, how many people would lose their only path to the largest part if they
    left, and the introductions that would give those people a second path."""
    st.subheader("Where it would tear")
    st.caption(
        "Brokers hold the only link between parts of the network: if one left, the people in "
        "*Would cut off* would lose their only path to the largest part. *Second paths*: "
        "suggested introductions (from the list below) that would link them to it another way."
    )
    found = figures.tear_tables(view)
    components.table(
        found.brokers,
        "No broker: nobody's leaving would split the network.",
        pinned="broker",
    )
    paths = found.second_paths
    if not paths.empty:
        with components.on_demand(
            "Second paths, with what each introduction would bridge", "second_paths"
        ) as shown:
            if shown:
                components.table(paths.drop(columns=["score"]), "None.", pinned="broker")
