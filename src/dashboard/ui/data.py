"""Loading the configured sources for a page, cached so many viewers cost one read per TTL.

Each source's read is cached for the configured TTL, and the cleaned Dataset by when its sources
were read. Both are ``st.cache_resource`` rather than ``st.cache_data``: the data is never changed
after loading, and ``cache_data`` would hand every script run its own copy — unpickling a
200,000-row workbook took over a second per run (benchmarks/pages.py). No Streamlit element is
drawn inside a cached function (they cannot be replayed into another page's layout): the progress
line is drawn outside, for the sources whose cached read has expired.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from dashboard.config import Settings, SourceConfig, settings_for
from dashboard.dataset import Dataset
from dashboard.loader import Read, assemble, read_one
from dashboard.secrets import SECTION, service_account_from_secrets
from dashboard.ui.components import plain

_fresh_until: dict[tuple, float] = {}  # when each source's cached read expires (this process)
_lock = threading.Lock()


def settings() -> Settings:
    """The app's settings: ``SMALLWINS_CONFIG``, ``./smallwins.toml``, else the demo workbook."""
    return settings_for(None)


def service_account() -> dict[str, Any] | None:
    try:
        section = st.secrets.get(SECTION)
    except Exception:  # noqa: BLE001 - no secrets file at all is a normal setup
        section = None
    return dict(section) if section else service_account_from_secrets()


def _reader(ttl: int):  # noqa: ANN202
    @st.cache_resource(ttl=ttl, show_spinner=False, max_entries=100)
    def read(source: SourceConfig, timeout: float) -> Read:
        with _lock:
            _fresh_until[(source, timeout)] = time.monotonic() + ttl
        return read_one(source, service_account(), timeout)

    return read


@st.cache_resource(show_spinner=False, max_entries=4)
def _assembled(stamps: tuple, _reads: list[Read]) -> Dataset:
    return assemble(_reads)


_READERS: dict[int, Any] = {}


def dataset() -> Dataset:
    """The clean dataset for this run: from the cache when fresh, else read now (the sources
    side by side, so several sheets on a slow Google cost one wait, not one each), saying
    which sources are being read."""
    config = settings()
    reader = _READERS.setdefault(config.cache_ttl_seconds, _reader(config.cache_ttl_seconds))
    progress = st.empty()
    with _lock:
        now = time.monotonic()
        expired = [
            source.label
            for source in config.sources
            if _fresh_until.get((source, config.timeout_seconds), 0.0) < now
        ]
    if expired:
        progress.info(
            f"Reading {plain(', '.join(expired))} "
            f"({len(expired)} of {len(config.sources)} source(s))…"
        )
    reads = _read_all(reader, config)
    progress.empty()
    return _assembled(tuple(_stamp(read) for read in reads), reads)


def _read_all(reader, config: Settings) -> list[Read]:  # noqa: ANN001 - a cached function
    sources = config.sources
    if len(sources) <= 1:
        return [reader(source, config.timeout_seconds) for source in sources]
    context = get_script_run_ctx()

    def read(source: SourceConfig) -> Read:
        add_script_run_ctx(threading.current_thread(), context)
        return reader(source, config.timeout_seconds)

    with ThreadPoolExecutor(max_workers=min(8, len(sources))) as pool:
        return list(pool.map(read, sources))


def _stamp(read: Read) -> tuple:
    return (
        read.config,
        getattr(read, "read_at", None),
        getattr(read, "error", None),
        getattr(read, "stale", None),
    )


def refresh() -> None:
    """Forget cached reads so the next run reads the sources again."""
    for reader in _READERS.values():
        reader.clear()
    with _lock:
        _fresh_until.clear()


def stamp(dataset: Dataset) -> tuple:
    """When the dataset was read: part of every cached figure's key, so a refresh renews them."""
    return tuple(
        (source.label, source.read_at, source.error, source.stale) for source in dataset.sources
    )
