"""The impact report of the current view as download files, each rendered when its button is
clicked (Streamlit runs the callable then, in a thread): rendering the PDF with its charts, the
HTML and the XLSX took about 4 s of the page's first visit on a large workbook, for files most
visits do not download. The report itself is computed then too (once per view: the figure
cache), not when the page opens: its collaborations' stories were half the page's first run on
60 collaborations."""

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


def _maker(view: View, suffix: str) -> Callable[[], bytes]:
    def render() -> bytes:
        report: Report = figures.report(view)
        with tempfile.TemporaryDirectory() as folder:
            return write_report(report, Path(folder) / f"impact-report{suffix}").read_bytes()

    return render


def report_files(view: View) -> dict[str, Callable[[], bytes]]:
    """The view's report in every format (by suffix: .pdf, .html, .csv, .xlsx), as callables
    that compute and render it."""
    return {suffix: _maker(view, suffix) for suffix in WRITERS}
