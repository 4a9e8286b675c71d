"""The filters every page shares — collaborations, projects, date range — kept in the URL.

A copied link reproduces the view: the filters are read from ``st.query_params`` when a session
starts and written back on every run. Each page draws the same widgets, so the state is kept in
plain session keys and copied into the widgets (a widget's own state does not survive a page
switch). What a link asks for that cannot be shown — a collaboration or project not in the
workbook, a date that is not one — is left out *and said*, above the page, until the filters are
changed. A page's own choice (the Network page's colouring) is kept in the URL by ``choice``.

Without a period in the link, the period is the 12 months to the default as-of day
(``dashboard.periods``), or from the first record when that is later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from dashboard import formatting
from dashboard.dataset import Dataset
from dashboard.periods import default_period, recorded_span

PARAMS = {"collaborations": "collaboration", "projects": "project", "start": "from", "end": "to"}


@dataclass(frozen=True)
class Filters:
    collaborations: tuple[str, ...]
    projects: tuple[str, ...]
    start: dt.date
    end: dt.date


WORDS = {"collaborations": "collaboration", "projects": "project", "start": "start", "end": "end"}
NOTES = "filter_notes"  # what the link asked for that is not shown, and the filters it gave


def _from_url(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(PARAMS[name]) if v]


def _note(text: str) -> None:
    st.session_state.setdefault(NOTES, []).append(text)


def _date_from_url(name: str, default: dt.date) -> dt.date:
    values = _from_url(name)
    try:
        return dt.date.fromisoformat(values[0]) if values else default
    except ValueError:
        _note(
            f"The link's period {WORDS[name]} '{values[0]}' is not a date (YYYY-MM-DD): the "
            f"default, {formatting.day(default)}, is used."
        )
        return default


def _known_from_url(name: str, options: list[str]) -> list[str]:
    asked = _from_url(name)
    unknown = [v for v in asked if v not in options]
    if unknown:
        listed = ", ".join(f"'{v}'" for v in unknown)
        _note(
            f"The link names {WORDS[name]}{'s' * (len(unknown) > 1)} not in the workbook: "
            f"{listed} — left out of the filters."
        )
    return [v for v in asked if v in options]


def _remember(name: str, value: object) -> None:
    st.session_state[f"filter_{name}"] = value


Value = TypeVar("Value")


def _init(name: str, value: Value) -> Value:
    key = f"filter_{name}"
    if key not in st.session_state:
        st.session_state[key] = value
    kept: Value = st.session_state[key]  # what this function (or a widget of its type) put there
    return kept


def _bounds(dataset: Dataset, default_end: dt.date) -> tuple[dt.date, dt.date]:
    """The default period: ``periods.default_period``, from the first record if that is later."""
    start, end = default_period(default_end)
    span = recorded_span(dataset, default_end)
    if span is not None and start < span[0]:
        start = span[0]
    return start, end


def _init_from_url(name: str, value: Callable[[], Value]) -> Value:
    """``_init`` with what the link asks for — read, and its notes made, once a session."""
    if f"filter_{name}" in st.session_state:
        kept: Value = st.session_state[f"filter_{name}"]
        return kept
    return _init(name, value())


def show(dataset: Dataset, default_end: dt.date) -> Filters:
    """Draw the filters in the sidebar; return what they select."""
    collab_options = sorted(dataset.collaborations["collaboration"].tolist())
    if (dataset.commitments["collaboration"] == "unassigned").any():
        collab_options.append("unassigned")
    first, last = _bounds(dataset, default_end)
    chosen = _init_from_url(
        "collaborations", lambda: _known_from_url("collaborations", collab_options)
    )
    start = _init_from_url("start", lambda: _date_from_url("start", first))
    end = _init_from_url("end", lambda: _date_from_url("end", last))
    with st.sidebar:
        st.header("Filters")
        collaborations = st.multiselect(
            "Collaborations",
            collab_options,
            default=[c for c in chosen if c in collab_options],
            placeholder="All collaborations",
            key="w_collaborations",
        )
        _remember("collaborations", collaborations)
        projects_all = dataset.projects
        if collaborations:
            projects_all = projects_all[projects_all["collaboration"].isin(collaborations)]
        project_options = sorted(projects_all["project"].dropna().tolist())
        wanted = _init_from_url("projects", lambda: _known_from_url("projects", project_options))
        projects = st.multiselect(
            "Projects",
            project_options,
            default=[p for p in wanted if p in project_options],
            placeholder="All projects",
            key="w_projects",
        )
        _remember("projects", projects)
        picked = st.date_input(
            "Period",
            value=(start, end),
            min_value=dt.date(1900, 1, 1),
            key="w_period",
            help="Figures are as of the period's last day; charts show the period.",
        )
    if isinstance(picked, tuple) and len(picked) == 2:
        start, end = picked
        _remember("start", start)
        _remember("end", end)
    filters = Filters(tuple(collaborations), tuple(projects), start, end)
    _to_url(filters)
    _say_notes(filters)
    return filters


def _say_notes(filters: Filters) -> None:
    """What the link asked for that is not shown, until the filters are changed."""
    notes = st.session_state.get(NOTES)
    if not notes:
        return
    given = st.session_state.setdefault("filter_notes_for", filters)
    if given != filters:
        st.session_state[NOTES] = []
        return
    for text in notes:
        st.warning(text, icon="🔗")


def choice(param: str, label: str, options: list[str], key: str) -> str:
    """A page's own radio choice, kept in the URL (``?param=value``) like the filters; a value
    the link gives that is not an option is said and the first option used."""
    slot = f"choice_{key}"
    if slot not in st.session_state:
        asked = st.query_params.get(param)
        if asked and asked not in options:
            listed = ", ".join(options)
            st.warning(
                f"The link's {param} '{asked}' is not one of {listed}: {options[0]} is used.",
                icon="🔗",
            )
        st.session_state[slot] = asked if asked in options else options[0]
    if key not in st.session_state:
        st.session_state[key] = st.session_state[slot]
    picked = st.radio(label, options, horizontal=True, key=key)
    st.session_state[slot] = picked
    st.query_params[param] = picked
    return picked


def _to_url(filters: Filters) -> None:
    st.query_params[PARAMS["collaborations"]] = list(filters.collaborations)
    st.query_params[PARAMS["projects"]] = list(filters.projects)
    st.query_params[PARAMS["start"]] = filters.start.isoformat()
    st.query_params[PARAMS["end"]] = filters.end.isoformat()
