"""Log a win or make a commitment: written to the team's own sheet, and counted at once."""

import streamlit as st

from dashboard.ui import components, data, log_form, page
from dashboard.writing import lines_to_paste, writing_off_reason

view = page.setup("Log a win", "Faster than opening the sheet: one row, written to the sheet.")
config = data.settings()
sources = list(config.sources)
if view.viewer.role == "team":  # a team sees and writes only the sheets that hold its projects
    theirs = set(view.all_records.projects["source"].dropna())
    sources = [s for s in sources if s.label in theirs]
open_sources = [s for s in sources if writing_off_reason(s, config.path) is None]
if not view.viewer.may_write:
    st.info("Your access is read-only: wins and commitments are logged by the teams.")
elif not open_sources:
    closed = [s for s in sources if writing_off_reason(s, config.path) is not None]
    if closed and view.viewer.role == "team":
        # the fix is in the server's configuration: its path and the sheet's location on the
        # server's disk are for whoever runs the app, not for a team member
        st.info(
            f"Writing from the app is off for {components.plain(closed[0].label)}: "
            "your coordinator can switch it on."
        )
    elif closed:
        reason = writing_off_reason(closed[0], config.path) or ""
        # the reason uses Markdown on purpose (setting names in backticks): only the label is
        # escaped
        st.info(reason.replace(closed[0].label, components.plain(closed[0].label), 1))
        paste = lines_to_paste(closed[0])
        if paste:
            # plain text: the highlighter's colours on the code block's grey fail WCAG's
            # contrast (axe-core: 2.2 to 3.6:1)
            st.code(paste, language=None)
            st.caption("Then reload this page: the configuration is read at every page view.")
    else:
        st.info(
            "No sheet of your collaborations is open for writing."
            if config.sources
            else "No source is configured."
        )
    st.caption("Teams can always type wins straight into the sheet; the app reads them.")
else:
    labels = [s.label for s in open_sources]
    chosen = st.selectbox("Sheet", labels) if len(labels) > 1 else labels[0]
    source = open_sources[labels.index(chosen)]
    projects = view.all_records.projects
    projects = projects[projects["listed"] & (projects["source"] == source.label)]
    names = view.all_records.people
    people = sorted(names.loc[names["listed"], "name"].dropna().unique().tolist())
    project_names = sorted(projects["project"].tolist())
    if not project_names:
        st.warning(
            f"{components.plain(source.label)} has no projects on its Projects tab yet: "
            "add one first."
        )
    win_tab, commitment_tab = st.tabs(["Log a win", "Make a commitment"])
    with win_tab:
        log_form.win_form(source, project_names, people)
    with commitment_tab:
        log_form.commitment_form(source, project_names, people)
