"""The impact report for the current view: built and rendered once per view, as download files."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard.reports.impact import Report, build_report
from dashboard.reports.impact_render import WRITERS, write_report
from dashboard.ui.page import View

MIME = {
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@st.cache_data(max_entries=20, show_spinner="Preparing the report…")
def _built(key: tuple, show_names: bool, _view: View) -> tuple[Report, dict[str, bytes]]:
    f = _view.filters
    report = build_report(_view.full, f.start, f.end, list(f.collaborations), show_names)
    files = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in WRITERS:
            path = write_report(report, Path(folder) / f"impact-report{suffix}")
            files[suffix] = path.read_bytes()
    return report, files


def report_for(view: View, show_names: bool) -> tuple[Report, dict[str, bytes]]:
    return _built(view.key, show_names, view)
