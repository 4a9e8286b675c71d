"""The Data health page's list of sources: where each is, and how its last read went."""

from __future__ import annotations

from pathlib import PurePath

import streamlit as st

from dashboard.dataset import Dataset, SourceStatus
from dashboard.ui import data
from dashboard.ui.components import plain


def _when(timestamp: str) -> str:
    return f"{timestamp[:16].replace('T', ' ')} UTC"


def describe(source: SourceStatus, refreshing: bool) -> str:
    """How the source's data came to be shown, in a sentence (text escaped)."""
    if source.error:
        return f"could not be read: {plain(source.error)}"
    if source.stale:
        return (
            f"shown from its last good snapshot, read {_when(source.read_at)}, because the live "
            f"read failed: {plain(source.stale)}"
        )
    if source.unchanged:
        since = f" since {_when(source.changed_at)}" if source.changed_at else ""
        state = (
            f"unchanged{since} (Google Drive says so), checked {_when(source.read_at)}: "
            "shown from its snapshot without reading it again"
        )
    else:
        state = f"read {_when(source.read_at)}"
    return state + ("; being read again in the background" if refreshing else "")


def where(source: SourceStatus) -> str:
    """Where the source is, for a page: a Google Sheet's link, or a local file's *name* — never
    its path on the server's disk (which tells a visitor how the server is laid out)."""
    if source.url:
        return f"[{plain(source.title or source.label)}]({source.url})"
    return plain(PurePath(source.location).name or source.label)


def show(dataset: Dataset) -> None:
    """One line per source — first-time reads still under way too — and, once, why Drive's
    change times could not be used and how to switch them on."""
    progress = data.progress()
    refreshing = {s.label for s in progress.refreshing}
    for source in dataset.sources:
        state = describe(source, source.label in refreshing)
        st.markdown(f"- **{plain(source.label)}** — {where(source)} — {state}")
    for pending in progress.pending:
        st.markdown(f"- **{plain(pending.label)}** — being read for the first time")
    if dataset.drive_note:
        st.info(f"Google Drive: {plain(dataset.drive_note)}.", icon="ℹ️")
