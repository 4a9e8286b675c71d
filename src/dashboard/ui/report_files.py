"""The impact report of the current view as download files, each rendered when its button is
clicked (Streamlit runs the callable then, in a thread): rendering the PDF with its charts, the
HTML and the XLSX took about 4 s of the page's first visit on a large workbook, for files most
visits do not download."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from dashboard.reports.impact import Report
from dashboard.reports.impact_render import WRITERS, write_report
from dashboard.ui import figures
from dashboard.ui.page import View

MIME = {
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _maker(report: Report, suffix: str) -> Callable[[], bytes]:
    def render() -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            return write_report(report, Path(folder) / f"impact-report{suffix}").read_bytes()

    return render


def report_files(view: View) -> dict[str, Callable[[], bytes]]:
    """The view's report in every format (by suffix: .pdf, .html, .csv, .xlsx), as callables
    that render it."""
    report = figures.report(view)
    return {suffix: _maker(report, suffix) for suffix in WRITERS}
