"""Figures for the pages, computed once per view and cached (many viewers, one computation).

Every figure is a ``dashboard.metrics`` function of the view's data and period; this module only
names them and caches them. The cache key is the view's key (when the data was read, who looks,
and the filters); the dataset itself is passed unhashed, so a 200,000-row workbook is not hashed
on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import metrics
from dashboard.charts.describe import describe
from dashboard.filtering import filtered
from dashboard.metrics import collaborations, connectors, drawing, lists
from dashboard.metrics.core_drawing import core_drawing
from dashboard.metrics.follow_up import named_follow_up
from dashboard.metrics.introductions import named_introductions
from dashboard.metrics.participation import sectors
from dashboard.metrics.series import since_month
from dashboard.metrics.standing import stage_on
from dashboard.metrics.standing_tables import tear, weavers
from dashboard.periods import comparison
from dashboard.reports.agenda import Agenda, build_agenda
from dashboard.reports.impact import build_report
from dashboard.ui import components, data
from dashboard.ui.page import View

MAX_DRAWN_PEOPLE = drawing.MAX_DRAWN_PEOPLE


def show_names(view: View) -> bool:
    """Whether reports may name people: where the configuration allows it, never for a funder."""
    allowed = data.settings().extra.get("reports", {}).get("show_names", False)
    return not view.viewer.anonymised and bool(allowed)


def _report(v: View) -> Any:
    f = v.filters
    return build_report(v.full, f.start, f.end, list(f.collaborations), show_names(v))


FIGURES: dict[str, Callable[[View], Any]] = {
    "latest_wins": lambda v: lists.latest_wins(v.data, v.start, v.as_of),
    "headline": lambda v: metrics.headline(v.data, v.as_of),
    "previous": lambda v: metrics.headline(v.data, v.as_of - pd.Timedelta(days=30)),
    "series": lambda v: collaborations.period_series(v.data, v.as_of, v.start),
    "collaborations": lambda v: collaborations.collaboration_rows(v.data, v.as_of, v.start),
    "regions": lambda v: collaborations.region_series(v.data, v.as_of, v.start),
    "projects": lambda v: metrics.project_status(v.data, v.as_of),
    "people": lambda v: metrics.participation(v.data, v.as_of),
    "sectors": lambda v: sectors(v.data, v.as_of, v.start),
    "overdue": lambda v: lists.overdue_commitments(v.data, v.as_of),
    "due_soon": lambda v: lists.due_soon(v.data, v.as_of),
    "wins_by_category": lambda v: since_month(
        lists.wins_per_month_by(v.data, v.as_of, "category", top=None), v.start
    ),
    "wins_by_project": lambda v: since_month(
        lists.wins_per_month_by(v.data, v.as_of, "project", top=None), v.start
    ),
    "comparison": lambda v: comparison(
        filtered(v.full, v.filters.collaborations), v.filters.start, v.filters.end
    ),
    "drawing": lambda v: drawing.network_drawing(v.data, v.full.people, v.as_of),
    "introductions": lambda v: named_introductions(v.data, v.full.people, v.as_of),
    "organization_drawing": lambda v: drawing.organization_drawing(v.data, v.full.people, v.as_of),
    # the introductions suggested the day before the period, and which have happened since
    "followed_up": lambda v: named_follow_up(
        v.data, v.full.people, v.start - pd.Timedelta(days=1), v.as_of
    ),
    "network_roles": lambda v: connectors.participation_tables(v.data, v.full.people, v.as_of),
    "report": _report,
    # where the network stands, who weaves it, where it would tear (issue 24)
    "stage_at_start": lambda v: stage_on(v.data, v.start - pd.Timedelta(days=1)),
    "standing_drawing": lambda v: core_drawing(v.data, v.full.people, v.as_of),
    "weavers": lambda v: weavers(v.data, v.full.people, v.start, v.as_of),
    "tear": lambda v: tear(v.data, v.full.people, v.as_of),
}


@st.cache_data(max_entries=500, show_spinner=False)
def _figure(name: str, key: tuple, _view: View) -> Any:
    return FIGURES[name](_view)


def figure(name: str, view: View) -> Any:
    """The named figure for this view (computed once per data read and filter set)."""
    return _figure(name, view.key, view)


@st.cache_data(max_entries=200, show_spinner=False)
def _agenda(key: tuple, project: str | None, collaboration: str | None, day, _view: View) -> Agenda:
    return build_agenda(_view.full, day, project=project, collaboration=collaboration)


def agenda(view: View, day, project: str | None = None, collaboration: str | None = None) -> Agenda:
    """The 30/30 agenda of a project or collaboration for a meeting on ``day``, built once per
    data read, viewer and choice (the agenda's follow-up of introductions computes two graphs)."""
    return _agenda(view.key, project, collaboration, day, view)


@dataclass(frozen=True)
class Ref:
    """A figure of the view as a chart's argument, by name, with an optional part of it:
    ``Ref("series")``, ``Ref("drawing", "nodes")``, ``Ref("report", "series")``."""

    name: str
    part: str | None = None

    def value(self, view: View) -> Any:
        whole = figure(self.name, view)
        if self.part is None:
            return whole
        return whole[self.part] if isinstance(whole, dict) else getattr(whole, self.part)


@st.cache_data(max_entries=500, show_spinner=False)
def _spec(key: tuple, view_key: tuple, _build: Callable[[], alt.Chart]) -> dict:
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
    key = (build.__module__, build.__qualname__, args)
    spec = None if empty else _spec(key, view.key, lambda: build(*values))
    components.chart(spec, empty, message)
