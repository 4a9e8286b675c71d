"""Data health: every cell of the sheets that could not be read, to fix at the source."""

import streamlit as st

from dashboard import formatting
from dashboard.clean.problems import sorted_problems
from dashboard.ui import access, components, page, source_list

view = page.setup(
    "Data health", "What in the sheets could not be read: tab, row, column, value, why."
)
st.caption(access.access_note(view.viewer))
problems = sorted_problems(view.all_records.problems)
sources = {s.label: s for s in view.all_records.sources}
source_list.show(view.all_records)
if problems.empty:
    st.success("Every cell of the workbook could be read.")
else:
    st.subheader(formatting.plural(len(problems), "problem"))
    per_tab = problems.groupby(["tab", "kind"], dropna=False).size().rename("count").reset_index()
    components.table(per_tab, "No problems.", width="content")
    left, middle, right = st.columns(3)
    tabs = left.multiselect("Tab", sorted(problems["tab"].dropna().unique()), key="dh_tab")
    kinds = middle.multiselect("Kind", sorted(problems["kind"].dropna().unique()), key="dh_kind")
    chosen_sources = right.multiselect("Source", sorted(sources), key="dh_source")
    shown = problems
    if tabs:
        shown = shown[shown["tab"].isin(tabs)]
    if kinds:
        shown = shown[shown["kind"].isin(kinds)]
    if chosen_sources:
        shown = shown[shown["source"].isin(chosen_sources)]
    links = {k: s.url for k, s in sources.items() if s.url}
    config = {}
    if links:  # a Google Sheet's problems link to it; a local file has no address
        shown = shown.assign(sheet=shown["source"].map(links))
        config = {"sheet": st.column_config.LinkColumn("Sheet", display_text="open")}
    components.table(shown, "No problem matches these choices.", column_config=config)
