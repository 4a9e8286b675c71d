"""Impact report: a funder's view of a period, shareable as PDF, HTML, CSV or XLSX. On the page,
under the downloads, its parts are sections (a tab each; ``?section=`` in the URL), built only
when opened: with 60 collaborations their table and paragraphs were most of the page's wait."""

import streamlit as st

from dashboard import charts, formatting
from dashboard.reports.impact import report_file_stem, report_title
from dashboard.reports.impact_render import collab_frame, wins_frame
from dashboard.ui import components, figures, page
from dashboard.ui.figures import Ref
from dashboard.ui.impact_page import figures_table
from dashboard.ui.report_files import MIME, report_files

view = page.setup(
    "Impact report",
    "For funders: the period and collaborations chosen in the sidebar, against the previous "
    "period of the same length.",
)
if view.filters.collaborations and not page.has_records(view):
    st.stop()
period, files = view.filters, report_files(view)
compared = figures.period_comparison(view)
st.subheader(report_title(period.start, period.end))
st.caption(
    "Internal: names are shown (reports.show_names = true in the configuration)."
    if figures.show_names(view)
    else "Anonymised: people appear as counts, names typed into wins are masked."
)
columns = st.columns(len(files))
for column, (suffix, content) in zip(columns, files.items(), strict=True):
    column.download_button(
        f"Download {suffix[1:].upper()}",
        content,
        file_name=f"{report_file_stem(period.start, period.end)}{suffix}",
        mime=MIME[suffix],
        on_click="ignore",
        key=f"download{suffix}",
    )
before_start, before_end = compared.previous
st.caption(
    compared.note()
    or f"Previous period: {formatting.day(before_start)} – {formatting.day(before_end)}."
)
shown = components.sections(page.IMPACT_SECTIONS)
with shown["Figures"] as figures_open:
    if figures_open:
        head = figures.report_head(view)
        components.text_table(figures_table(head.figures, compared).set_index(""))
        st.subheader("Momentum")
        figures.chart(
            view,
            charts.momentum_line,
            Ref(figures.report_series),
            view.period,
            message="No activity yet.",
        )
        st.subheader("Network growth")
        left, right = st.columns(2)
        for column, measure in ((left, "network_nodes"), (right, "network_edges")):
            with column:
                figures.chart(
                    view,
                    charts.network_measure,
                    Ref(figures.report_series),
                    measure,
                    view.period,
                    message="No activity yet.",
                )
with shown["Collaborations"] as collaborations_open:
    if collaborations_open:
        report = figures.report(view)
        st.subheader("The collaborations side by side")
        components.text_table(collab_frame(report).set_index("collaboration"))
        for text in report.paragraphs.values():
            st.markdown(components.plain(text))
with shown["Highlighted wins"] as wins_open:
    if wins_open:
        st.subheader("Highlighted wins")
        wins = wins_frame(figures.report(view))
        if wins.empty:
            st.info("No wins in this period.")
        else:
            components.text_table(wins.set_index("date"))
