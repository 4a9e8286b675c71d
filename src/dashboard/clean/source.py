"""The sources' raw sheets → typed tab tables, with their problems (missing tabs among them).

Each source's header rows are found on their own (teams lay their sheets out differently); then
each tab's rows of every source are stacked and read together, so the reading rules run once per
tab, however many sources: sixty small regional sheets clean in about the time of one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.clean.frame import Place, RawTab, raw_tab, stacked_frame
from dashboard.clean.problems import ProblemLog
from dashboard.clean.reader import TabReader
from dashboard.clean.tables import READERS
from dashboard.schema import TABS, canonical_tab
from dashboard.sources.collector import collector_paused
from dashboard.sources.local import RawSheets

SOURCE_COLUMNS = ("source", "source_collab", "tab")  # added to every typed table


@dataclass(frozen=True)
class SourceSheets:
    """One source's raw sheets and how to read them."""

    label: str
    collaboration: str | None
    day_first: bool
    sheets: RawSheets


@dataclass
class Cleaned:
    """Each tab's typed rows of every source (in source order, with ``SOURCE_COLUMNS``), and
    every problem found, in the order reading each source alone finds them."""

    tables: dict[str, pd.DataFrame]
    problems: pd.DataFrame


@collector_paused()  # the raw rows alive meanwhile would be walked by each full collection
def clean_sources(sources: Sequence[SourceSheets]) -> Cleaned:
    """Type every known tab of every source; unknown tabs are ignored, missing ones reported."""
    log = ProblemLog([source.label for source in sources])
    parts: dict[str, list[RawTab]] = {tab.name: [] for tab in TABS}
    for number, source in enumerate(sources):
        for tab_name, part in _raw_tabs(number, source, log):
            parts[tab_name].append(part)
    tables = {}
    for tab in TABS:
        frame, factorized = stacked_frame(tab, parts[tab.name], log)
        reader = TabReader(frame, log, factorized)
        typed = READERS[tab.name](reader)
        kept = frame.loc[~reader.drop.to_numpy(), ["_source", "tab"]]
        tables[tab.name] = _located(typed, kept, sources)
    return Cleaned(tables, log.frame())


def _raw_tabs(number: int, source: SourceSheets, log: ProblemLog) -> list[tuple[str, RawTab]]:
    """The raw rows of each known tab of one source (its first tab of each name)."""
    found: list[tuple[str, RawTab]] = []
    titles: dict[str, str] = {}
    for position, (title, rows) in enumerate(source.sheets.items()):
        tab = canonical_tab(title)
        if tab is None:
            continue
        if tab.name in titles:
            log.add(
                number,
                position,
                title,
                None,
                "",
                None,
                "duplicate tab",
                f"a second {tab.name} tab; only '{titles[tab.name]}' is read",
            )
            continue
        titles[tab.name] = title
        part = raw_tab(tab, Place(number, position, title, source.day_first), rows, log)
        if part is not None:
            found.append((tab.name, part))
    after = len(source.sheets)
    for tab in TABS:
        if tab.required_tab and tab.name not in titles:
            log.add(
                number,
                after,
                tab.name,
                None,
                "",
                None,
                "missing tab",
                f"the workbook has no '{tab.name}' tab, which is required "
                f"(columns: {', '.join(tab.columns)})",
            )
    return found


def _located(
    typed: pd.DataFrame, kept: pd.DataFrame, sources: Sequence[SourceSheets]
) -> pd.DataFrame:
    """The typed rows with their source's label and collaboration and their sheet's title."""
    number = kept["_source"].to_numpy(dtype=np.int64)
    labels = np.array([source.label for source in sources] or [""], dtype=object)
    collabs = np.array([source.collaboration for source in sources] or [None], dtype=object)
    out = typed.copy()
    out["source"] = pd.array(labels[number], dtype="string")
    out["source_collab"] = pd.array(collabs[number], dtype="string")
    out["tab"] = pd.array(kept["tab"].to_numpy(dtype=object), dtype="string")
    return out
