"""The forms that log a win or a commitment: validated, messages next to the fields, written once.

What the user typed stays in the form until it is written; a failed write says what happened and
keeps it. A written entry empties the form and is shown as it was written. The id of an entry is
kept with its content, so submitting the same entry twice (a double click, a retry after a
timeout) writes one row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pandas as pd
import streamlit as st

from dashboard.config import SourceConfig
from dashboard.loader import pacer_for
from dashboard.schema import WIN_SIZES
from dashboard.ui import components, data, filters
from dashboard.ui.components import plain
from dashboard.writing import NewCommitment, NewWin, WriteError, validate, write
from dashboard.writing.records import new_id

SIZES = ["", *WIN_SIZES]  # none given, or one of the workbook's sizes


def _fingerprint(cells: dict[str, str]) -> str:
    content = {k: v for k, v in cells.items() if k != "id"}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _id_for(kind: str, cells: dict[str, str]) -> str:
    """The id this content was (or will be) written with: the same entry keeps its id."""
    ids = st.session_state.setdefault(f"{kind}_ids", {})
    return ids.setdefault(_fingerprint(cells), new_id(kind[0]))


def _note(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.error(errors[field], icon=None)


WRITE_SHOWN_WAIT_SECONDS = 20.0  # after a write, the re-read that shows it
# what each field of a record is called on the form, in the order shown after a write
LABELS = {
    "date": "Date",
    "win": "What happened",
    "project": "Project",
    "people": "People",
    "category": "Category",
    "size": "Size",
    "evidence": "Evidence link",
    "person": "Person",
    "commitment": "What will be done",
    "made": "Made",
    "due": "By when",
    "status": "Status",
}


def _win_defaults() -> dict[str, object]:
    return {
        "win_date": dt.date.today(),
        "win_text": "",
        "win_project": None,
        "win_people": [],
        "win_new": "",
        "win_category": "",
        "win_size": "",
        "win_evidence": "",
    }


def _commitment_defaults() -> dict[str, object]:
    return {"c_person": None, "c_project": None, "c_what": "", "c_due": None}


def _prepare(kind: str, defaults: dict[str, object]) -> None:
    """Each field's value lives in session state, set before its widget is drawn. After a write
    every field is set back to its default *through* session state: that is what reaches the
    browser (a field whose key is merely dropped keeps what the browser shows)."""
    clear = st.session_state.pop(f"{kind}_clear", False)
    for key, value in defaults.items():
        if clear or key not in st.session_state:
            st.session_state[key] = value


def _submit(
    kind: str, source: SourceConfig, record: NewWin | NewCommitment, projects: list[str]
) -> None:
    errors = validate(record, projects)
    st.session_state[f"{kind}_errors"] = errors
    if errors:
        return
    try:
        config = data.settings()
        pace = pacer_for(config)
        written = write(source, record, data.service_account(), config.timeout_seconds, pace)
    except WriteError as error:
        st.session_state[f"{kind}_failure"] = str(error)
        return
    st.session_state[f"{kind}_failure"] = None
    st.session_state[f"{kind}_done"] = (record.id, written, source.label, record.cells())
    day = record.date if isinstance(record, NewWin) else record.made
    if written and day is not None:  # every page says so if its chosen period ends before it
        filters.logged(kind, day)
    st.session_state[f"{kind}_clear"] = True  # an empty form for the next entry
    data.refresh()  # read again now; the write already waited on Google, so wait for the
    data.wait(WRITE_SHOWN_WAIT_SECONDS)  # read too, and the new row shows on every page at once


def written_rows(cells: dict[str, str]) -> list[tuple[str, str]]:
    """The fields of a written row that hold something, as the form calls them."""
    return [(LABELS[k], v) for k, v in cells.items() if k in LABELS and v]


def _outcome(kind: str, what: str) -> dict[str, str]:
    failure = st.session_state.get(f"{kind}_failure")
    if failure:
        # the reason names the source and quotes Google's answer: text, not Markdown
        st.error(f"Not written — what you typed is kept below. {plain(failure)}")
    done = st.session_state.pop(f"{kind}_done", None)
    if done:
        row_id, written, label, cells = done
        if written:
            st.success(
                f"{what} logged to {plain(label)} ({record_tab(kind)} tab, id {row_id}). It "
                "counts on every page now (a period you chose to end before it says so). "
                "What was written:"
            )
            components.text_table(
                pd.DataFrame(written_rows(cells), columns=["field", "value"]).set_index("field")
            )
        else:
            st.info(f"This {what.lower()} was already logged (id {row_id}); nothing was added.")
    return st.session_state.get(f"{kind}_errors", {})


def record_tab(kind: str) -> str:
    return NewWin.tab if kind == "win" else NewCommitment.tab


def win_form(source: SourceConfig, projects: list[str], people: list[str]) -> None:
    errors = _outcome("win", "Win")
    _prepare("win", _win_defaults())
    with st.form("log_win", clear_on_submit=False):
        day = st.date_input("Date", key="win_date")
        _note(errors, "date")
        text = st.text_area("What happened", key="win_text", placeholder="A small win…")
        _note(errors, "win")
        project = st.selectbox("Project", projects, key="win_project")
        _note(errors, "project")
        known = st.multiselect("People", people, key="win_people")
        extra = st.text_input(
            "New names", key="win_new", help="Names not in the list, comma-separated"
        )
        _note(errors, "people")
        category = st.text_input("Category", key="win_category", placeholder="e.g. partnership")
        size = st.selectbox("Size", SIZES, key="win_size")
        _note(errors, "size")
        evidence = st.text_input("Evidence link", key="win_evidence", placeholder="https://…")
        _note(errors, "evidence")
        sent = st.form_submit_button("Log the win")
    if sent:
        names = ", ".join([*known, *([extra] if extra.strip() else [])])
        draft = NewWin(day, text, project or "", names, category, size, evidence, id="")
        record = NewWin(**{**draft.__dict__, "id": _id_for("win", draft.cells())})
        _submit("win", source, record, projects)
        st.rerun()


def commitment_form(source: SourceConfig, projects: list[str], people: list[str]) -> None:
    errors = _outcome("commitment", "Commitment")
    _prepare("commitment", _commitment_defaults())
    with st.form("log_commitment", clear_on_submit=False):
        person = st.selectbox("Person", people, key="c_person", accept_new_options=True)
        _note(errors, "person")
        project = st.selectbox("Project", projects, key="c_project")
        _note(errors, "project")
        what = st.text_area("What will be done", key="c_what")
        _note(errors, "commitment")
        due = st.date_input("By when", key="c_due")
        _note(errors, "due")
        sent = st.form_submit_button("Make the commitment")
    if sent:
        draft = NewCommitment(person or "", project or "", what, due, dt.date.today(), id="")
        record = NewCommitment(**{**draft.__dict__, "id": _id_for("commitment", draft.cells())})
        _submit("commitment", source, record, projects)
        st.rerun()
