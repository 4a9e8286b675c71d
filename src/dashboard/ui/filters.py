"""The filters every page shares — collaborations, projects, date range — kept in the URL.

A copied link reproduces the view: the filters are read from ``st.query_params`` when a session
starts and written back on every run. Each page draws the same widgets, so the state is kept in
plain session keys and copied into the widgets (a widget's own state does not survive a page
switch). What a link asks for that cannot be shown — a collaboration or project not in the
workbook, a date that is not one — is left out *and said*, above the page, until the filters are
changed. A page's own choice (the Network page's colouring) is kept in the URL by ``choice``.

Without a period in the link, the period is the 12 months to the default as-of day
(``dashboard.periods``), or from the first record when that is later — and it *follows the
data*: an end nobody chose moves with the default day on every run, so a win logged on the Log a
win page shows on every page of the same session at once (issue 20). An end the link gave, or
the user picked, stays; when a record logged in this session is dated after it, every page says
so, for as long as it holds (``logged``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from dashboard import formatting
from dashboard.dataset import Dataset
from dashboard.filtering import URL_PARAMS
from dashboard.periods import default_period, recorded_span

PARAMS = URL_PARAMS


@dataclass(frozen=True)
class Filters:
    collaborations: tuple[str, ...]
    projects: tuple[str, ...]
    start: dt.date
    end: dt.date


WORDS = {"collaborations": "collaboration", "projects": "project", "start": "start", "end": "end"}
NOTES = "filter_notes"  # what the link asked for that is not shown, and the filters it gave
CHOSEN = "filter_chosen"  # the period's ends the link or the user chose: "start", "end"
LOGGED = "logged_records"  # (what, its day) of each record logged in this session
PERIOD = "w_period"  # the period's date widget


def logged(what: str, day: dt.date) -> None:
    """Remember that a ``what`` ("win", "commitment") dated ``day`` was logged in this session:
    a chosen period end before it is said on every page (``_say_logged``)."""
    st.session_state.setdefault(LOGGED, []).append((what, day))


def _chosen() -> set[str]:
    return st.session_state.setdefault(CHOSEN, set())


def _from_url(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(PARAMS[name]) if v]


def _note(text: str) -> None:
    st.session_state.setdefault(NOTES, []).append(text)


def _date_from_url(name: str, default: dt.date) -> dt.date:
    values = _from_url(name)
    try:
        if not values:
            return default
        day = dt.date.fromisoformat(values[0])
        _chosen().add(name)  # a link's date is a choice: it stays when the data grows
        return day
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


def defaults(dataset: Dataset, default_end: dt.date) -> Filters:
    """What ``show`` selects for a visitor whose link names nothing: every collaboration and
    project, the default period (``_bounds``)."""
    return Filters((), (), *_bounds(dataset, default_end))


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
    start, end = _period(dataset, first, last)
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
            min_value=dt.date(1900, 1, 1),
            key=PERIOD,
            help="Figures are as of the period's last day; charts show the period. Unless you "
            "choose an end (or the link gives one), it moves with the data.",
        )
    if isinstance(picked, tuple) and len(picked) == 2:
        start, end = picked
        _remember("start", start)
        _remember("end", end)
    filters = Filters(tuple(collaborations), tuple(projects), start, end)
    _to_url(filters)
    _say_notes(filters)
    _say_logged(filters)
    return filters


def _period(dataset: Dataset, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The period to show: what the link or the user chose, else the default (``first``,
    ``last``), which follows the data; a chosen end alone gets the default start for that end.
    The date widget is given it through its session key (a widget's ``value`` is read only when
    it is first drawn)."""
    start = _init_from_url("start", lambda: _date_from_url("start", first))
    end = _init_from_url("end", lambda: _date_from_url("end", last))
    held = st.session_state.get(PERIOD)
    if isinstance(held, tuple) and len(held) == 2 and held != (start, end):
        # the user picked another period in the widget: the ends they changed stay
        for name, before, now in (("start", start, held[0]), ("end", end, held[1])):
            if before != now:
                _chosen().add(name)
        start, end = held
    if "end" not in _chosen():
        end = last
    if "start" not in _chosen():
        start = first if "end" not in _chosen() else _bounds(dataset, end)[0]
    _remember("start", start)
    _remember("end", end)
    if held is None or (isinstance(held, tuple) and len(held) == 2):
        st.session_state[PERIOD] = (start, end)  # a half-picked range is left to the user
    return start, end


def _say_logged(filters: Filters) -> None:
    """A record logged in this session dated after the chosen period's end is not in the
    figures: say so on every page, until the end is moved past it."""
    after = [(what, day) for what, day in st.session_state.get(LOGGED, []) if day > filters.end]
    if not after:
        return
    what, day = max(after, key=lambda item: item[1])
    more = f" (and {len(after) - 1} more)" if len(after) > 1 else ""
    st.info(
        f"The {what} you logged, dated {formatting.day(day)}{more}, is after this period's end, "
        f"{formatting.day(filters.end)}, chosen in the link or the sidebar: it is in the sheet, "
        "not in these "
        "figures. Move the period's end (in the sidebar) to include it.",
        icon="📌",
    )


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
