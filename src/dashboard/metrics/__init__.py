"""Every figure of docs/METRICS.md, as pure functions of the clean tables and ``as_of``.

No Streamlit here: the app, the command line, the reports and the benchmarks all call these.
"""

from dashboard.metrics.headline import KEYS, headline, summary
from dashboard.metrics.introductions import edges, suggested_introductions
from dashboard.metrics.participation import participation
from dashboard.metrics.projects import project_status
from dashboard.metrics.series import monthly_series
from dashboard.metrics.shape_series import shape_series

__all__ = [
    "KEYS",
    "edges",
    "headline",
    "monthly_series",
    "participation",
    "project_status",
    "shape_series",
    "suggested_introductions",
    "summary",
]
