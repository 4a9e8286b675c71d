"""The banner every page shows: where the data came from, when it was read, demo or not — and,
when something went wrong, what failed and what is shown instead.

Source names, sheet titles and error messages come from sheets and configuration: they are shown
as text (``components.plain``), never as Markdown.
"""

from __future__ import annotations

import streamlit as st

from dashboard.dataset import Dataset, SourceStatus
from dashboard.ui import data
from dashboard.ui.components import plain


def _when(read_at: str) -> str:
    return read_at[:16].replace("T", " ")


def _stale_message(source: SourceStatus) -> str:
    reason = (source.stale or "").removeprefix(f"{source.label}: ")
    return (
        f"**{plain(source.label)} could not be read live**: {plain(reason)}. "
        f"Showing its last good copy, as of **{_when(source.read_at)} UTC**; it is replaced "
        "at the next good read."
    )


def _shape_message(dataset: Dataset) -> str | None:
    structural = dataset.structural_problems
    if structural.empty:
        return None
    reasons = "; ".join(plain(reason) for reason in structural["reason"].head(3))
    more = f" (and {len(structural) - 3} more)" if len(structural) > 3 else ""
    return (
        f"**Part of the workbook cannot be read**: {reasons}{more}. Everything else is shown; "
        "the Data health page lists every problem."
    )


def show(dataset: Dataset) -> None:
    sources = dataset.sources
    read_at = _when(min((s.read_at for s in sources if s.read_at), default=""))
    names = ", ".join(plain(s.title or s.label) for s in sources if not s.error)
    columns = st.columns([5, 1])
    with columns[0]:
        if sources and all(s.demo for s in sources):
            st.info(
                f"Showing the bundled **demo workbook** (read {read_at} UTC). "
                'Connect your own Google Sheet: see the README, "Connect a Google Sheet".',
            )
        else:
            st.caption(f"Data from {names or 'no source'} · read {read_at} UTC")
        for stale in dataset.stale_sources:
            st.warning(_stale_message(stale), icon="⚠️")
        for failed in dataset.failed_sources:
            st.error(f"Could not read {plain(failed.label)}: {plain(failed.error or '')}")
        shape = _shape_message(dataset)
        if shape:
            st.warning(shape)
    with columns[1]:
        if st.button("Refresh data", help="Read the sources again now"):
            data.refresh()
            st.rerun()
