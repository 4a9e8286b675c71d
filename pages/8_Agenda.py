"""The 30/30 agenda: what a team reviews in its monthly 30-minute check-in, ready to print."""

import pandas as pd
import streamlit as st

from dashboard.reports.agenda_render import (
    BLANK_ROWS,
    NEXT_COLUMNS,
    NEXT_HEADING,
    SECTIONS,
    display_table,
    is_part,
    pdf_bytes,
    period_line,
    to_markdown,
)
from dashboard.ui import components, figures, page

view = page.setup(
    "30/30 agenda",
    "For a project's or collaboration's monthly check-in: report back, celebrate, unblock, "
    "reconnect, and make the next commitments.",
)
full, chosen = view.all_records, view.filters
kind = st.radio("Agenda", ["for a project", "for a collaboration"], horizontal=True)
if kind == "for a project":
    options = sorted(full.projects["project"].dropna().unique().tolist())
    preselected = chosen.projects
else:
    options = sorted(full.collaborations["collaboration"].dropna().unique().tolist())
    preselected = chosen.collaborations
if not options:
    st.info(f"No {kind.removeprefix('for a ')}s in the workbook yet: add one to the sheet first.")
    st.stop()
# one project or collaboration picked in the filters: start from it
default = (
    options.index(preselected[0]) if len(preselected) == 1 and preselected[0] in options else 0
)
name = st.selectbox(kind.removeprefix("for a ").capitalize(), options, index=default)
meeting = st.date_input("Meeting date", value=chosen.end)

agenda = (
    figures.agenda(view, meeting, project=name)
    if kind == "for a project"
    else figures.agenda(view, meeting, collaboration=name)
)
# the title and scope name a project or collaboration as the sheet spells it: text, not Markdown
st.subheader(components.plain(agenda.title))
st.caption(components.plain(agenda.scope_label + ". " + period_line(agenda)))
for field, heading, empty in SECTIONS:
    if is_part(heading):
        st.markdown(f"**{heading}**")
    else:
        st.subheader(heading)
    if field is None:
        continue
    table = display_table(agenda, field)
    if table.empty:
        st.info(empty)
    else:
        components.text_table(table.set_index(table.columns[0]))
st.subheader(NEXT_HEADING)
st.caption("Who does what by when: filled in at the meeting.")
st.table(pd.DataFrame([[""] * len(NEXT_COLUMNS)] * BLANK_ROWS, columns=list(NEXT_COLUMNS)))

stem = agenda.file_stem  # the meeting's date and whose agenda: agenda-2026-10-31-Food-Hub
left, right = st.columns(2)
# each file is made when its button is clicked (Streamlit calls the function then): the PDF took
# most of every run of this page when it was built on each one
left.download_button(
    "Download Markdown",
    lambda: to_markdown(agenda).encode("utf-8"),
    f"{stem}.md",
    "text/markdown",
    on_click="ignore",
)
right.download_button(
    "Download PDF", lambda: pdf_bytes(agenda), f"{stem}.pdf", "application/pdf", on_click="ignore"
)
