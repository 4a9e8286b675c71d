"""Every page sets itself up here: page config, data (cached), banner, filters from the URL.

A visitor may open any page's URL first (a shared link, a reload after a restart), so no page
relies on another having run (``tests/browser/test_browser.py`` opens each page first, on a fresh
server).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from dashboard.access import Viewer
from dashboard.config import ConfigError
from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.periods import default_as_of
from dashboard.ui import access, banner, data, filters
from dashboard.ui.components import plain


@dataclass(frozen=True)
class View:
    """What a page shows: the records the filters select, and the period it looks at.

    A view is compared and hashed by what decides every figure of it — when the data was read
    (``data_read``), who looks (``audience``: the role and collaborations that decide which
    rows they see) and the filters — never by its frames, which those decide. The figure cache
    is keyed by the view itself (``ui.figures``): a field added here is in the key.
    """

    all_records: Dataset = field(compare=False, repr=False)  # what the viewer may see, unfiltered
    records: Dataset = field(compare=False, repr=False)  # ``all_records`` the filters select
    filters: filters.Filters
    viewer: Viewer = field(default=access.OPEN, compare=False)  # their email: not in the figures
    data_read: tuple = field(init=False)
    audience: tuple[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_read", data.stamp(self.all_records))
        object.__setattr__(self, "audience", (self.viewer.role, self.viewer.collaborations))

    @property
    def as_of(self) -> pd.Timestamp:
        return pd.Timestamp(self.filters.end)

    @property
    def start(self) -> pd.Timestamp:
        return pd.Timestamp(self.filters.start)

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """The period's first and last day: every monthly chart of the page spans its months."""
        return (self.filters.start, self.filters.end)

    def identity(self) -> tuple[object, ...]:
        """The compared fields' values: what the figure caches hash a view by."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.compare)


PAGES = (
    ("app.py", "Overview"),
    ("pages/1_Momentum.py", "Momentum"),
    ("pages/2_Participation.py", "Participation"),
    ("pages/3_Network.py", "Network"),
    ("pages/4_Regions.py", "Regions"),
    ("pages/5_Data_health.py", "Data health"),
    ("pages/6_Log_a_win.py", "Log a win"),
    ("pages/7_Impact_report.py", "Impact report"),
    ("pages/8_Agenda.py", "30/30 agenda"),
    ("pages/9_Digests.py", "Digests"),
)


# a long page's sections, one open at a time (``components.sections``, ``?section=`` in the
# URL): the first is the one a viewer opening the page sees; tests visit each
NETWORK_SECTIONS = (
    "People",
    "Organizations",
    "Where it stands",
    "Growth and weaving",
    "Hub or mesh",
    "Introductions",
    "Export",
)
MOMENTUM_SECTIONS = (
    "Wins",
    "Wins and the network",
    "Commitments",
    "Overdue and due soon",
    "Stalled projects",
)
PARTICIPATION_SECTIONS = ("Who takes part", "People", "Connectors", "Organizations")
REGIONS_SECTIONS = ("Wins per month", "Active people per month", "Side by side")
IMPACT_SECTIONS = ("Figures", "Collaborations", "Highlighted wins")
SECTIONS = {
    "pages/1_Momentum.py": MOMENTUM_SECTIONS,
    "pages/2_Participation.py": PARTICIPATION_SECTIONS,
    "pages/3_Network.py": NETWORK_SECTIONS,
    "pages/4_Regions.py": REGIONS_SECTIONS,
    "pages/7_Impact_report.py": IMPACT_SECTIONS,
}

READ_ONLY_HIDDEN = ("pages/6_Log_a_win.py",)  # pages a viewer who may not write does not get
COORDINATORS_ONLY = ("pages/9_Digests.py",)  # listed for coordinators only


def _navigation(who: Viewer) -> None:
    with st.sidebar:
        st.markdown("### Small Wins")
        for path, label in PAGES:
            if path in READ_ONLY_HIDDEN and not who.may_write:
                continue
            if path in COORDINATORS_ONLY and who.role != "coordinator":
                continue
            try:
                st.page_link(path, label=label)
            except StreamlitAPIException:  # a page run alone (a test) has no others to link to
                break
        st.divider()
        access.show_identity(who)


def setup(title: str, intro: str = "") -> View:
    st.set_page_config(page_title=f"{title} · Small Wins", page_icon="🌱", layout="wide")
    try:
        who = access.viewer()  # the sign-in screen stops here, before any data is read
        _navigation(who)
        st.title(title)
        if intro:
            st.caption(intro)
        full = access.visible(data.dataset(), who)
    except ConfigError as error:  # the app cannot start as configured: say why, no traceback
        st.error(
            "The configuration cannot be used, so no data is shown. Whoever runs the app: "
            f"fix it and reload. {plain(str(error))}"
        )
        st.stop()
    as_of = default_as_of(full)
    note = banner.show(full)
    chosen = filters.show(full, as_of.day)
    if chosen.end == as_of.day and as_of.note():
        note.caption(f"{as_of.note()} A later period end (in the sidebar) shows another day.")
    view = View(full, filtered(full, chosen.collaborations, chosen.projects), chosen, who)
    if chosen.start > chosen.end:
        st.warning("The period starts after it ends: pick a start date before the end date.")
        st.stop()
    return view


def opening_view(dataset: Dataset) -> View:
    """The view ``setup`` gives a visitor who is not signed in and whose link names nothing:
    every record, the default period. The server's start computes its Overview figures ahead
    (``ui.server``); a figure is cached by the view, so this must stay the view ``setup`` makes
    (``tests/ui/test_server_start.py`` holds them equal)."""
    full = access.visible(dataset, access.OPEN)
    return View(full, full, filters.defaults(full, default_as_of(full).day), access.OPEN)


def has_records(view: View, what: str = "records") -> bool:
    """Say so in words when the filters select nothing, instead of drawing empty charts."""
    d, end = view.records, view.as_of
    dated = pd.concat([d.commitments["made"], d.wins["date"], d.meetings["date"]])
    if (dated <= end).any():
        return True
    everything = view.all_records
    nothing = everything.commitments.empty and everything.wins.empty and everything.meetings.empty
    if nothing and data.progress().pending:
        st.info("The sheets are being read for the first time: the figures appear as they land.")
    elif nothing:
        st.info(
            "No commitments, wins or meetings in the workbook yet. Add rows to the sheet, "
            "then press *Refresh data*."
        )
    elif dated.empty:
        st.info(f"No {what} match these filters. Widen the collaborations or projects.")
    else:
        st.info(
            f"No {what} on or before {end:%d %B %Y} for these filters: the first is dated "
            f"{dated.min():%d %B %Y}. Move the period's end later."
        )
    return False
