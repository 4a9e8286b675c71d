"""The impact report of the current view as download files, rendered once per view."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard.reports.impact_render import WRITERS, write_report
from dashboard.ui.figures import figure
from dashboard.ui.page import View

MIME = {
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@st.cache_data(max_entries=20, show_spinner="Preparing the report…")
def _files(key: tuple, _view: View) -> dict[str, bytes]:
    report = figure("report", _view)
    files = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in WRITERS:
            path = write_report(report, Path(folder) / f"impact-report{suffix}")
            files[suffix] = path.read_bytes()
    return files


def report_files(view: View) -> dict[str, bytes]:
    """The view's report in every format (by suffix: .pdf, .html, .csv, .xlsx)."""
    return _files(view.key, view)
