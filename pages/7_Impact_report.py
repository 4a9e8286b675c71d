"""Impact report: a funder's view of a period, shareable as PDF, HTML, CSV or XLSX."""

import streamlit as st

from dashboard import charts
from dashboard.reports.impact_render import collab_frame, figures_frame, wins_frame
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref, figure
from dashboard.ui.report_files import MIME, report_files

view = page.setup(
    "Impact report",
    "For funders: the period and collaborations chosen in the sidebar, against the previous "
    "period of the same length.",
)
if view.filters.collaborations and not page.has_records(view):
    st.stop()
report, files = figure("report", view), report_files(view)
st.subheader(report.title)
st.caption(
    "Anonymised: people appear as counts, names typed into wins are masked."
    if report.anonymised
    else "Internal: names are shown (reports.show_names = true in the configuration)."
)
columns = st.columns(len(files))
for column, (suffix, content) in zip(columns, files.items(), strict=True):
    column.download_button(
        f"Download {suffix[1:].upper()}", content, file_name=f"impact-report{suffix}",
        mime=MIME[suffix], on_click="ignore", key=f"download{suffix}",
    )  # fmt: skip
components.text_table(figures_frame(report).set_index(""))
left, right = st.columns(2)
with left:
    st.subheader("Momentum")
    figures.chart(view, charts.momentum_line, Ref("report", "series"), message="No activity yet.")
with right:
    st.subheader("Network growth")
    figures.chart(view, charts.network_size, Ref("report", "series"), message="No activity yet.")
st.subheader("The collaborations side by side")
components.text_table(collab_frame(report).set_index("collaboration"))
for text in report.paragraphs.values():
    st.markdown(components.plain(text))
st.subheader("Highlighted wins")
wins = wins_frame(report)
if wins.empty:
    st.info("No wins in this period.")
else:
    components.text_table(wins.set_index("date"))
