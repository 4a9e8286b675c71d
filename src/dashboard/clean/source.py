"""One source's raw sheets → typed tab tables, with its problems (missing tabs among them)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.clean.frame import tab_frame
from dashboard.clean.problems import Problems
from dashboard.clean.reader import TabReader
from dashboard.clean.tables import READERS
from dashboard.schema import TABS, canonical_tab
from dashboard.sources.local import RawSheets


@dataclass
class CleanSource:
    """Typed tables of one source, keyed by canonical tab name, and the sheet titles they had."""

    label: str
    collaboration: str | None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


def clean_sheets(
    sheets: RawSheets,
    label: str,
    collaboration: str | None,
    day_first: bool,
    problems: Problems,
) -> CleanSource:
    """Type every known tab of one source; unknown tabs are ignored, missing ones reported."""
    result = CleanSource(label, collaboration)
    for title, rows in sheets.items():
        tab = canonical_tab(title)
        if tab is None:
            continue
        if tab.name in result.titles:
            problems.add(
                title, None, "", None, "duplicate tab",
                f"a second {tab.name} tab; only '{result.titles[tab.name]}' is read",
            )  # fmt: skip
            continue
        result.titles[tab.name] = title
        frame = tab_frame(tab, title, rows, problems)
        if frame is None:
            continue
        reader = TabReader(frame, title, problems, day_first)
        result.tables[tab.name] = READERS[tab.name](reader)
    for tab in TABS:
        if tab.required_tab and tab.name not in result.titles:
            problems.add(
                tab.name, None, "", None, "missing tab",
                f"the workbook has no '{tab.name}' tab, which is required "
                f"(columns: {', '.join(tab.columns)})",
            )  # fmt: skip
    return result
