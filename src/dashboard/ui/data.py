"""The data for a page: what is known now, at once, while the sources are read again in the
background (``dashboard.refresher``), so no viewer's page waits on Google.

A page run takes what the refresher knows — the last read, or on a freshly started server the
snapshot on disk — and draws it. While anything is being read, a small fragment checks every
few seconds and reruns the page when new data has landed. Only a first-ever read (no snapshot)
waits, briefly, so that a quick Google shows a whole page at once; after that the page shows the
sheets read so far and how many are left.

The clean Dataset is cached by the reads it is made of (``st.cache_resource``: the data is never
changed after loading, and ``cache_data`` would copy a 200,000-row workbook into every run), so
the same reads are not cleaned again. The sources are cleaned together, each tab of all of them
at once (``clean.source``): sixty regional sheets cost about one sheet of their rows.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from typing import Any

import streamlit as st

from dashboard.config import Settings, settings_for
from dashboard.dataset import Dataset
from dashboard.loader import FailedRead, Read, merged, status
from dashboard.refresher import Current, Refresher
from dashboard.secrets import SECTION, service_account_from_secrets
from dashboard.sources import snapshots

FIRST_READ_WAIT_SECONDS = 3.0  # a first-ever read on a quick Google shows the whole page
POLL_SECONDS = 2.0  # while sources are read, the page checks this often for new data
RERUN_EVERY_SECONDS = 10.0  # and reruns at most this often until the last read lands

_refreshers: dict[tuple, Refresher] = {}
_refreshers_lock = threading.Lock()


def settings() -> Settings:
    """The app's settings: ``SMALLWINS_CONFIG``, ``./smallwins.toml``, else the demo workbook."""
    return settings_for(None)


def service_account() -> dict[str, Any] | None:
    try:
        section = st.secrets.get(SECTION)
    except Exception:
        section = None
    return dict(section) if section else service_account_from_secrets()


def refresher() -> Refresher:
    """The one refresher of this process for the current configuration (and the Google
    endpoint, cache folder and Redis it reads with)."""
    config = settings()
    key = (
        config.sources,
        config.cache_ttl_seconds,
        config.timeout_seconds,
        config.sheets_quota,
        config.sheets_quota_seconds,
        config.drive_check,
        str(snapshots.cache_dir()),
        config.redis_url,
        config.redis_prefix,
        os.environ.get("SMALLWINS_REDIS_URL", ""),
        os.environ.get("SMALLWINS_SHEETS_ENDPOINT", ""),
    )
    with _refreshers_lock:
        if key not in _refreshers:
            _refreshers[key] = Refresher(config, service_account())
        return _refreshers[key]


def dataset() -> Dataset:
    """The clean dataset for this run, from what is known now."""
    current = _known(FIRST_READ_WAIT_SECONDS)
    st.session_state["_smallwins_version"] = current.version
    return _assembled(current)


def prepare(first_read_wait: float) -> Dataset | None:
    """What a page's first run would do before its first figure — read what is known now
    (waiting up to ``first_read_wait`` seconds for a first-ever read), clean it — done ahead,
    into the same cache (``_merged``), so that run finds it done. For the server's start
    (``ui.server``); outside any page run. None when no source has anything to show yet."""
    current = _known(first_read_wait)
    return _assembled(current) if current.reads else None


def _known(first_read_wait: float) -> Current:
    """What is known now; a source never read here and kept nowhere is waited for a while."""
    source = refresher()
    current = source.current()
    if current.pending and source.wait(first_read_wait, first_only=True):
        current = source.current()
    return current


def shown_version() -> int:
    """Which of the refresher's versions this run's page shows."""
    return st.session_state.get("_smallwins_version", -1)


def progress() -> Current:
    """How reading the sources stands (for the banner), without starting anything."""
    return refresher().known()


def refresh() -> None:
    """Read every source again now, in the background; the page shows the new data when it
    lands."""
    refresher().refresh()


def wait(timeout: float = 60.0) -> bool:
    """Wait until nothing is being read (tests, and a page that must show the latest)."""
    return refresher().wait(timeout)


def reset() -> None:
    """Forget everything this process knows, as a restarted server would (tests)."""
    with _refreshers_lock:
        for old in _refreshers.values():
            old.close()
        _refreshers.clear()
    _merged.clear()


def stamp(dataset: Dataset) -> tuple:
    """Which data the dataset holds: part of every cached figure's key, so new data renews them
    (and the same data, confirmed again, does not)."""
    return tuple((source.label, source.data_at, source.error) for source in dataset.sources)


@st.fragment(run_every=POLL_SECONDS)
def watch(version: int) -> None:
    """While sources are being read: rerun the page when new data has landed — at most every
    ``RERUN_EVERY_SECONDS``, and at once when the last read is in."""
    now = refresher().known()
    if now.version == version:
        return
    last = st.session_state.get("_smallwins_rerun_at", 0.0)
    if not now.busy or time.monotonic() - last >= RERUN_EVERY_SECONDS:
        st.session_state["_smallwins_rerun_at"] = time.monotonic()
        st.rerun()


def _data_key(read: Read) -> tuple:
    if isinstance(read, FailedRead):
        return (read.config, "failed", read.error)
    return (read.config, read.data_at)


@st.cache_resource(show_spinner=False, max_entries=4)
def _merged(keys: tuple, _reads: tuple[Read, ...]) -> Dataset:
    return merged(_reads)


def _assembled(current: Current) -> Dataset:
    merged = _merged(tuple(_data_key(r) for r in current.reads), current.reads)
    return replace(
        merged, sources=[status(read) for read in current.reads], drive_note=current.drive_note
    )
