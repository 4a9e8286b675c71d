"""Loading the configured sources for a page, cached so many viewers cost one read per TTL."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.config import Settings, settings_for
from dashboard.dataset import Dataset
from dashboard.loader import load
from dashboard.secrets import SECTION, service_account_from_secrets


def settings() -> Settings:
    """The app's settings: ``SMALLWINS_CONFIG``, ``./smallwins.toml``, else the demo workbook."""
    return settings_for(None)


def _service_account() -> dict[str, Any] | None:
    try:
        section = st.secrets.get(SECTION)
    except Exception:  # noqa: BLE001 - no secrets file at all is a normal setup
        section = None
    return dict(section) if section else service_account_from_secrets()


def _cached_loader(ttl: int):  # noqa: ANN202
    @st.cache_data(ttl=ttl, show_spinner=False)
    def cached(config: Settings, _progress: Any = None) -> Dataset:
        def tell(number: int, source: Any) -> None:
            if _progress is not None:
                _progress.info(f"Reading {source.label} ({number + 1} of {len(config.sources)})…")

        return load(config, _service_account(), on_source=tell)

    return cached


_LOADERS: dict[int, Any] = {}


def dataset() -> Dataset:
    """The clean dataset for this run (from the cache when fresh, else read now, showing which
    source is being read)."""
    config = settings()
    loader = _LOADERS.setdefault(config.cache_ttl_seconds, _cached_loader(config.cache_ttl_seconds))
    progress = st.empty()
    result = loader(config, _progress=progress)
    progress.empty()
    return result


def refresh() -> None:
    """Forget cached reads so the next run reads the sources again."""
    for loader in _LOADERS.values():
        loader.clear()
