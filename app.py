"""Small Wins — home page. Run with ``streamlit run app.py``."""

import streamlit as st

from dashboard.ui import banner, data

st.set_page_config(page_title="Small Wins", page_icon="🌱", layout="wide")
st.title("Small Wins")
st.write(
    "Momentum, participation and network growth of Strategic Doing collaborations, "
    "read from the teams' own sheets."
)
dataset = data.dataset()
banner.show(dataset)

counts = {
    "Collaborations": len(dataset.collaborations),
    "People": int(dataset.people["listed"].sum()),
    "Projects": len(dataset.projects),
    "Commitments": len(dataset.commitments),
    "Wins": len(dataset.wins),
    "Meetings": len(dataset.meetings),
}
for column, (label, value) in zip(st.columns(len(counts)), counts.items(), strict=True):
    column.metric(label, f"{value:,}")

problems = dataset.problems
if problems.empty:
    st.success("Every cell of the workbook could be read.")
else:
    st.warning(
        f"{len(problems):,} cell(s) or row(s) could not be read as they are. "
        "Run `python -m dashboard check` to list them by tab, row and column."
    )
    per_tab = problems.groupby(["tab", "kind"], dropna=False).size().rename("count")
    st.dataframe(per_tab.reset_index(), hide_index=True)
