"""The filters every page shares — collaborations, projects, date range — kept in the URL.

A copied link reproduces the view: the filters are read from ``st.query_params`` when a session
starts and written back on every run. Each page draws the same widgets, so the state is kept in
plain session keys and copied into the widgets (a widget's own state does not survive a page
switch).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.dataset import Dataset

PARAMS = {"collaborations": "collaboration", "projects": "project", "start": "from", "end": "to"}


@dataclass(frozen=True)
class Filters:
    collaborations: tuple[str, ...]
    projects: tuple[str, ...]
    start: dt.date
    end: dt.date


def _from_url(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(PARAMS[name]) if v]


def _date_from_url(name: str, default: dt.date) -> dt.date:
    values = _from_url(name)
    try:
        return dt.date.fromisoformat(values[0]) if values else default
    except ValueError:
        return default


def _remember(name: str, value: object) -> None:
    st.session_state[f"filter_{name}"] = value


def _init(name: str, value: object) -> object:
    key = f"filter_{name}"
    if key not in st.session_state:
        st.session_state[key] = value
    return st.session_state[key]


def _bounds(dataset: Dataset, default_end: dt.date) -> tuple[dt.date, dt.date]:
    dates = pd.concat(
        [dataset.commitments["made"], dataset.wins["date"], dataset.meetings["date"]]
    ).dropna()
    first = dates.min().date() if not dates.empty else default_end - dt.timedelta(days=365)
    return min(first, default_end), default_end


def show(dataset: Dataset, default_end: dt.date) -> Filters:
    """Draw the filters in the sidebar; return what they select."""
    collab_options = sorted(dataset.collaborations["collaboration"].tolist())
    if (dataset.commitments["collaboration"] == "unassigned").any():
        collab_options.append("unassigned")
    first, last = _bounds(dataset, default_end)
    chosen = _init(
        "collaborations", [c for c in _from_url("collaborations") if c in collab_options]
    )
    start = _init("start", _date_from_url("start", first))
    end = _init("end", _date_from_url("end", last))
    with st.sidebar:
        st.header("Filters")
        collaborations = st.multiselect(
            "Collaborations", collab_options, default=[c for c in chosen if c in collab_options],
            placeholder="All collaborations", key="w_collaborations",
        )  # fmt: skip
        _remember("collaborations", collaborations)
        projects_all = dataset.projects
        if collaborations:
            projects_all = projects_all[projects_all["collaboration"].isin(collaborations)]
        project_options = sorted(projects_all["project"].dropna().tolist())
        wanted = _init("projects", [p for p in _from_url("projects") if p in project_options])
        projects = st.multiselect(
            "Projects", project_options, default=[p for p in wanted if p in project_options],
            placeholder="All projects", key="w_projects",
        )  # fmt: skip
        _remember("projects", projects)
        picked = st.date_input(
            "Period", value=(start, end), min_value=dt.date(1900, 1, 1), key="w_period",
            help="Figures are as of the period's last day; charts show the period.",
        )  # fmt: skip
    if isinstance(picked, tuple) and len(picked) == 2:
        start, end = picked
        _remember("start", start)
        _remember("end", end)
    filters = Filters(tuple(collaborations), tuple(projects), start, end)
    _to_url(filters)
    return filters


def _to_url(filters: Filters) -> None:
    st.query_params[PARAMS["collaborations"]] = list(filters.collaborations)
    st.query_params[PARAMS["projects"]] = list(filters.projects)
    st.query_params[PARAMS["start"]] = filters.start.isoformat()
    st.query_params[PARAMS["end"]] = filters.end.isoformat()
