"""The banner every page shows: where the data came from, when it was read, demo or not."""

from __future__ import annotations

import streamlit as st

from dashboard.dataset import Dataset
from dashboard.ui import data


def show(dataset: Dataset) -> None:
    sources = dataset.sources
    read_at = min((s.read_at for s in sources if s.read_at), default="")[:16].replace("T", " ")
    names = ", ".join(s.title or s.label for s in sources if not s.error)
    columns = st.columns([5, 1])
    with columns[0]:
        if sources and all(s.demo for s in sources):
            st.info(
                f"Showing the bundled **demo workbook** (read {read_at} UTC). "
                'Connect your own Google Sheet: see the README, "Connect a Google Sheet".',
            )
        else:
            st.caption(f"Data from {names or 'no source'} · read {read_at} UTC")
        for failed in dataset.failed_sources:
            st.error(f"Could not read {failed.label}: {failed.error}")
    with columns[1]:
        if st.button("Refresh data", help="Read the sources again now"):
            data.refresh()
            st.rerun()
