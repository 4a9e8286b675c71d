"""The banner every page shows: where the data came from, when it was read, demo or not — and,
while sources are being read, or when something went wrong, what is shown instead.

Source names, sheet titles and error messages come from sheets and configuration: they are shown
as text (``components.plain``), never as Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.dataset import Dataset, SourceStatus
from dashboard.refresher import Current
from dashboard.sources import shared
from dashboard.ui import data
from dashboard.ui.components import plain

NAMED = 3  # sources named one by one; beyond that, counted
# the README as the app serves it (static/README.md, server.enableStaticServing): relative to the
# page, so it works on any host and behind a proxy's path; a link into the repository's files
# would not (the app is served from / and its pages, not from the repository)
README_URL = "app/static/README.md"


def _when(read_at: str) -> str:
    return read_at[:16].replace("T", " ")


def names(labels: Sequence[str]) -> str:
    """``A, B and C``, or ``A, B, C and 57 more`` — as text, never Markdown."""
    shown = [plain(label) for label in labels[:NAMED]]
    if not shown:
        return ""
    rest = len(labels) - len(shown)
    if rest > 0:
        return f"{', '.join(shown)} and {rest} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _stale_message(source: SourceStatus) -> str:
    reason = (source.stale or "").removeprefix(f"{source.label}: ")
    return (
        f"**{plain(source.label)} could not be read live**: {plain(reason)}. "
        f"Showing its last good copy, as of **{_when(source.read_at)} UTC**; it is replaced "
        "at the next good read."
    )


def _stale_summary(stale: list[SourceStatus]) -> str:
    oldest = _when(min(s.read_at for s in stale))
    return (
        f"**{len(stale)} sheets could not be read live** ({names([s.label for s in stale])}): "
        f"{plain((stale[0].stale or '').removeprefix(f'{stale[0].label}: '))}, among others. "
        f"Showing their last good copies, the oldest as of **{oldest} UTC**; the Data health "
        "page says why for each."
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


def _reading_messages(progress: Current, dataset: Dataset) -> list[str]:
    """What is being read: first reads (with how far they got), and refreshes of shown data."""
    messages = []
    if progress.pending:
        done = progress.total - len(progress.pending)
        messages.append(
            f"**Reading the sheets for the first time: {done} of {progress.total} read.** "
            f"Showing what has been read so far; the page fills in as the others arrive "
            f"(still reading {names([s.label for s in progress.pending])})."
        )
    if progress.refreshing:
        refreshing = {s.label for s in progress.refreshing}
        shown = [s for s in dataset.sources if s.label in refreshing and s.read_at]
        as_of = f", as of {_when(min(s.read_at for s in shown))} UTC" if shown else ""
        messages.append(
            f"Refreshing {names(sorted(refreshing))} from Google in the background: showing "
            f"the copy read before{as_of} until the new data lands."
        )
    return messages


def _caption(sources: list[SourceStatus]) -> str:
    shown = [s for s in sources if not s.error]
    read_at = _when(min((s.read_at for s in shown if s.read_at), default=""))
    label = names([s.label for s in shown]) if shown else "no source"  # the configured name
    return f"Data from {label} · read {read_at} UTC"


def show(dataset: Dataset) -> DeltaGenerator:
    """Draw the banner; return a placeholder under it for the note on the day figures are as
    of (the page fills it once its filters are known)."""
    sources = dataset.sources
    progress = data.progress()
    columns = st.columns([3, 1])  # the button's label whole at 1024 px
    with columns[0]:
        if sources and all(s.demo for s in sources):
            st.info(
                f"Showing the bundled **demo workbook** (read {_when(sources[0].read_at)} UTC). "
                "Connect your own Google Sheet: see the README, "
                f"[“Connect a Google Sheet”]({README_URL}).",
            )
        else:
            st.caption(_caption(sources))
        note = st.empty()
        for message in _reading_messages(progress, dataset):
            st.info(message, icon="🔄")
        stale = dataset.stale_sources
        if len(stale) > NAMED:
            st.warning(_stale_summary(stale), icon="⚠️")
        else:
            for source in stale:
                st.warning(_stale_message(source), icon="⚠️")
        failed = dataset.failed_sources
        if len(failed) > NAMED:
            st.error(
                f"Could not read {names([s.label for s in failed])}: "
                f"{plain(failed[0].error or '')} — the Data health page says why for each."
            )
        else:
            for source in failed:
                st.error(f"Could not read {plain(source.label)}: {plain(source.error or '')}")
        shape = _shape_message(dataset)
        if shape:
            st.warning(shape)
        outage = shared.active().outage  # the replicas' Redis: down, so nothing is shared
        if outage:
            st.warning(f"**Not shared with the other replicas**: {plain(outage)}", icon="⚠️")
    with columns[1]:
        if st.button("Refresh data", help="Read the sources again now, in the background"):
            data.refresh()
            st.rerun()
    # a read that landed while this run drew (after its data was taken) is new data too: without
    # the version check, such a page stayed on the older data until someone clicked
    if progress.busy or progress.version != data.shown_version():
        data.watch(data.shown_version())
    return note
