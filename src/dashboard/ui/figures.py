"""Figures for the pages, computed once per view and cached (many viewers, one computation).

Every figure is a ``dashboard.metrics`` function of the view's records and period, one typed
function here each (``figures.headline(view).network_nodes``: a misspelt figure is a type error,
not a KeyError on a page); this module only names them, types them and caches them. The cache is
keyed by the view itself (``View.identity``: when the data was read, who looks and the filters);
its frames are never hashed, so a 200,000-row workbook is not hashed on every run.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import metrics
from dashboard.charts.describe import describe
from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.metrics import collaborations, connectors, drawing, lists
from dashboard.metrics.core_drawing import core_drawing
from dashboard.metrics.follow_up import named_follow_up
from dashboard.metrics.introductions import named_introductions
from dashboard.metrics.participation import sectors
from dashboard.metrics.series import since_month
from dashboard.metrics.standing import stage_on
from dashboard.metrics.standing_tables import tear, weavers
from dashboard.periods import Comparison, comparison
from dashboard.reports.agenda import Agenda, build_agenda
from dashboard.reports.impact import Report, ReportFigures, build_report, report_figures
from dashboard.ui import components, data
from dashboard.ui.page import View

MAX_DRAWN_PEOPLE = drawing.MAX_DRAWN_PEOPLE


def show_names(view: View) -> bool:
    """Whether reports may name people: where the configuration allows it, never for a funder."""
    allowed = data.settings().extra.get("reports", {}).get("show_names", False)
    return not view.viewer.anonymised and bool(allowed)


Figure = TypeVar("Figure")


@st.cache_data(max_entries=500, show_spinner=False, hash_funcs={View: View.identity})
def _computed(name: str, _compute: Callable[[View], Figure], view: View) -> Figure:
    return _compute(view)


def _name(function: Callable[..., object]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def _cached(compute: Callable[[View], Figure]) -> Callable[[View], Figure]:
    """``compute`` of a view, computed once per view (data read, audience and filters) and
    kept; the view's frames are never hashed (a 200,000-row workbook on every run)."""

    @functools.wraps(compute)
    def figure(view: View) -> Figure:
        return _computed(_name(compute), compute, view)

    return figure


@dataclass(frozen=True)
class Headline:
    """The headline figures of docs/METRICS.md (``metrics.headline``), one field per key."""

    as_of: str
    collaborations: int
    projects_active: int
    people: int
    organizations: int
    wins: int
    wins_last_30: int
    wins_prev_30: int
    commitments_made: int
    commitments_due: int
    follow_through: float | None
    overdue: int
    active_last_30: int
    new_last_30: int
    top10_share: float | None
    stalled_projects: int
    network_nodes: int
    network_edges: int
    network_density: float | None
    cross_org_share: float | None
    cross_collab_share: float | None
    components: int
    adjacent_possible: int
    new_edges_last_30: int
    degree_centralization: float | None
    org_edges: int
    triangles_closed_last_30: int
    learning_share: float | None
    brokers: int
    core_share: float | None
    two_step_reach: float | None
    weavers_last_30: int
    network_stage: str

    @classmethod
    def of(cls, records: Dataset, as_of: pd.Timestamp) -> Headline:
        return cls(**metrics.headline(records, as_of))


@dataclass(frozen=True)
class Drawing:
    """A network as drawn: its nodes and links with their positions (``metrics.drawing``)."""

    nodes: pd.DataFrame
    links: pd.DataFrame


@dataclass(frozen=True)
class NetworkRoles:
    """Who links whom (``metrics.connectors.participation_tables``): each person's links and
    brokerage, the connectors, the organizations."""

    links: pd.DataFrame
    connectors: pd.DataFrame
    organizations: pd.DataFrame


@_cached
def headline(v: View) -> Headline:
    return Headline.of(v.records, v.as_of)


@_cached
def previous_headline(v: View) -> Headline:
    """The headline figures 30 days before the period's end: what the tiles compare with."""
    return Headline.of(v.records, v.as_of - pd.Timedelta(days=30))


@_cached
def latest_wins(v: View) -> pd.DataFrame:
    return lists.latest_wins(v.records, v.start, v.as_of)


@_cached
def series(v: View) -> pd.DataFrame:
    return collaborations.period_series(v.records, v.as_of, v.start)


@_cached
def collaboration_rows(v: View) -> pd.DataFrame:
    return collaborations.collaboration_rows(v.records, v.as_of, v.start)


@_cached
def regions(v: View) -> pd.DataFrame:
    return collaborations.region_series(v.records, v.as_of, v.start)


@_cached
def projects(v: View) -> pd.DataFrame:
    return metrics.project_status(v.records, v.as_of)


@_cached
def people(v: View) -> pd.DataFrame:
    return metrics.participation(v.records, v.as_of)


@_cached
def sector_counts(v: View) -> pd.DataFrame:
    return sectors(v.records, v.as_of, v.start)


@_cached
def overdue(v: View) -> pd.DataFrame:
    return lists.overdue_commitments(v.records, v.as_of)


@_cached
def due_soon(v: View) -> pd.DataFrame:
    return lists.due_soon(v.records, v.as_of)


@_cached
def wins_by_category(v: View) -> pd.DataFrame:
    return since_month(lists.wins_per_month_by(v.records, v.as_of, "category", top=None), v.start)


@_cached
def wins_by_project(v: View) -> pd.DataFrame:
    return since_month(lists.wins_per_month_by(v.records, v.as_of, "project", top=None), v.start)


@_cached
def period_comparison(v: View) -> Comparison:
    f = v.filters
    return comparison(filtered(v.all_records, f.collaborations), f.start, f.end)


@_cached
def network_drawing(v: View) -> Drawing:
    return Drawing(**drawing.network_drawing(v.records, v.all_records.people, v.as_of))


# where the network stands, who weaves it, where it would tear (issue 24)


@dataclass(frozen=True)
class Weavers:
    """The people credited with introductions in the period (``metrics.standing_tables``):
    ``weavers`` one row each, ``introductions`` one row per credit."""

    weavers: pd.DataFrame
    introductions: pd.DataFrame


@dataclass(frozen=True)
class Tear:
    """Where the network would tear: each broker with who depends on them (``brokers``), and
    the suggested introductions that would give those people a second path (``second_paths``)."""

    brokers: pd.DataFrame
    second_paths: pd.DataFrame


@_cached
def stage_at_start(v: View) -> str:
    """The network's stage the day before the period: where its move is told from."""
    return stage_on(v.records, v.start - pd.Timedelta(days=1))


@_cached
def standing_drawing(v: View) -> Drawing:
    return Drawing(**core_drawing(v.records, v.all_records.people, v.as_of))


@_cached
def weaver_tables(v: View) -> Weavers:
    return Weavers(**weavers(v.records, v.all_records.people, v.start, v.as_of))


@_cached
def tear_tables(v: View) -> Tear:
    return Tear(**tear(v.records, v.all_records.people, v.as_of))


def standing_people_drawn(v: View) -> pd.DataFrame:
    return standing_drawing(v).nodes


def standing_links_drawn(v: View) -> pd.DataFrame:
    return standing_drawing(v).links


@_cached
def organization_drawing(v: View) -> Drawing:
    return Drawing(**drawing.organization_drawing(v.records, v.all_records.people, v.as_of))


@_cached
def introductions(v: View) -> pd.DataFrame:
    return named_introductions(v.records, v.all_records.people, v.as_of)


@_cached
def followed_up(v: View) -> pd.DataFrame:
    """The introductions suggested the day before the period, and which have happened since."""
    return named_follow_up(v.records, v.all_records.people, v.start - pd.Timedelta(days=1), v.as_of)


@_cached
def network_roles(v: View) -> NetworkRoles:
    tables = connectors.participation_tables(v.records, v.all_records.people, v.as_of)
    return NetworkRoles(**tables)


@_cached
def report(v: View) -> Report:
    f = v.filters
    return build_report(v.all_records, f.start, f.end, list(f.collaborations), show_names(v))


@_cached
def report_head(v: View) -> ReportFigures:
    """The report's figures and series alone, for the page's first section: the whole report
    (``report``) is computed when a part that needs it is opened or a file downloaded."""
    f = v.filters
    return report_figures(v.all_records, f.start, f.end, list(f.collaborations))


# the parts of a figure a chart takes (``Ref``): from the cached figure, not computed again


def people_drawn(v: View) -> pd.DataFrame:
    return network_drawing(v).nodes


def people_links_drawn(v: View) -> pd.DataFrame:
    return network_drawing(v).links


def organizations_drawn(v: View) -> pd.DataFrame:
    return organization_drawing(v).nodes


def organization_links_drawn(v: View) -> pd.DataFrame:
    return organization_drawing(v).links


def report_series(v: View) -> pd.DataFrame:
    return report_head(v).series


@st.cache_data(max_entries=200, show_spinner=False, hash_funcs={View: View.identity})
def _agenda(view: View, project: str | None, collaboration: str | None, day: dt.date) -> Agenda:
    return build_agenda(view.all_records, day, project=project, collaboration=collaboration)


def agenda(
    view: View, day: dt.date, project: str | None = None, collaboration: str | None = None
) -> Agenda:
    """The 30/30 agenda of a project or collaboration for a meeting on ``day``, built once per
    data read, viewer and choice (the agenda's follow-up of introductions computes two graphs)."""
    return _agenda(view, project, collaboration, day)


@dataclass(frozen=True)
class Ref:
    """A figure of the view as a chart's argument: ``Ref(figures.series)``,
    ``Ref(figures.people_drawn)``. Hashable: the figure function is a module's own."""

    figure: Callable[[View], Any]

    @property
    def key(self) -> str:
        """What a chart's spec is cached under: the figure's name, not the function."""
        return _name(self.figure)

    def value(self, view: View) -> Any:
        return self.figure(view)


@st.cache_data(max_entries=500, show_spinner=False, hash_funcs={View: View.identity})
def _spec(key: tuple, view: View, _build: Callable[[], alt.Chart]) -> dict:
    """A chart's Vega-Lite spec, built and validated once per view. Building and validating the
    Altair charts took about 40 % of a warm page run's CPU (py-spy under benchmarks/load.py).
    Its ``description`` is its text alternative (``charts.describe``): Vega makes it the chart's
    ARIA label, and the page writes it under the chart."""
    spec = _build().to_dict()
    return {**spec, "description": describe(spec)}


def chart(
    view: View,
    build: Callable[..., alt.Chart],
    *args: Hashable,
    message: str,
    empty: bool | None = None,
) -> None:
    """Draw ``build(*args)``, each ``Ref`` among ``args`` replaced by that figure of the view, or
    ``message`` when there is nothing to draw (``empty``; by default, when a figure given is an
    empty frame). The spec is cached under the chart function and its arguments, for this view."""
    values = [a.value(view) if isinstance(a, Ref) else a for a in args]
    if empty is None:
        empty = any(isinstance(v, pd.DataFrame) and v.empty for v in values)
    key = (_name(build), tuple(a.key if isinstance(a, Ref) else a for a in args))
    spec = None if empty else _spec(key, view, lambda: build(*values))
    components.chart(spec, empty, message)
