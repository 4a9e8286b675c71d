"""Load the configured sources into one clean Dataset: read, clean, merge.

A source that cannot be read at all (not found, not shared, Google down) does not stop the others:
it is listed in ``Dataset.sources`` with its error and as a ``source unreadable`` problem.

A Google Sheets source read in good shape is kept as its last good snapshot. When a later read
fails after its retries, or finds a required tab deleted, the snapshot is served in its place,
marked ``stale`` with the reason (``fallback=False`` — the ``check`` command — never does this).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from dashboard.clean.build import build_dataset
from dashboard.clean.problems import Problems
from dashboard.clean.shape import missing_columns, missing_tabs
from dashboard.clean.source import clean_sheets
from dashboard.config import Settings, SourceConfig
from dashboard.dataset import Dataset, SourceStatus
from dashboard.sources import RawSource, SourceError, read_source, snapshots

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FailedRead:
    """A source that could not be read, and why (in a coordinator's words)."""

    config: SourceConfig
    error: str


Read = RawSource | FailedRead


def read_one(
    source: SourceConfig,
    service_account_info: Mapping[str, Any] | None,
    timeout: float,
    fallback: bool = True,
) -> Read:
    """Read ``source``; keep a good read as its snapshot, serve the snapshot when the read fails
    (and ``fallback`` is on)."""
    try:
        raw = read_source(source, service_account_info, timeout)
    except SourceError as error:
        return (
            _snapshot_or_failure(source, str(error)) if fallback else FailedRead(source, str(error))
        )
    if not snapshots.keeps_snapshot(source):
        return raw
    deleted = missing_tabs(raw.sheets)
    if deleted:  # served from the snapshot when there is one and fallback is on; never kept
        if fallback:
            stale = _snapshot_or_failure(source, f"{source.label}: {'; '.join(deleted)}")
            if isinstance(stale, RawSource):
                return stale
        return raw
    if not missing_columns(raw.sheets):
        _keep(raw)
    return raw


def _snapshot_or_failure(source: SourceConfig, error: str) -> Read:
    if not snapshots.keeps_snapshot(source):
        return FailedRead(source, error)
    kept = snapshots.load(source)
    if kept is None:
        return FailedRead(source, error)
    return RawSource(source, kept.sheets, kept.title, kept.read_at, error, str(kept.path))


def _keep(raw: RawSource) -> None:
    """Save a good read as the snapshot; a cache folder that cannot be written costs only the
    fallback, so it is logged, not raised."""
    try:
        snapshots.save(raw.config, raw.title, raw.read_at, raw.sheets)
    except OSError as error:
        log.warning(
            "could not keep a snapshot of %s in %s (%s)",
            raw.config.label, snapshots.cache_dir(), type(error).__name__,
        )  # fmt: skip


def load(
    settings: Settings,
    service_account_info: Mapping[str, Any] | None = None,
    fallback: bool = True,
) -> Dataset:
    """Read and clean every source of ``settings``. Sources are read side by side: several
    sheets on a slow Google cost one wait, not one each."""

    def read(source: SourceConfig) -> Read:
        return read_one(source, service_account_info, settings.timeout_seconds, fallback)

    if len(settings.sources) <= 1:
        return assemble([read(source) for source in settings.sources])
    with ThreadPoolExecutor(max_workers=min(8, len(settings.sources))) as pool:
        return assemble(list(pool.map(read, settings.sources)))


def assemble(reads: Sequence[Read]) -> Dataset:
    """One Dataset from the reads of every source, failed ones reported."""
    raws = [read for read in reads if isinstance(read, RawSource)]
    failures = []
    for read in reads:
        if isinstance(read, FailedRead):
            failed = Problems(read.config.label)
            failed.add("", None, "", read.config.location, "source unreadable", read.error)
            failures.append(failed.frame())
    dataset = clean(raws, failures)
    dataset.sources = [_status(read) for read in reads]
    return dataset


def clean(raws: list[RawSource], problems: list | None = None) -> Dataset:
    """Clean and merge sources already read (no I/O)."""
    parts = list(problems or [])
    sources = []
    for raw in raws:
        found = Problems(raw.config.label)
        config = raw.config
        sources.append(
            clean_sheets(raw.sheets, config.label, config.collaboration, config.day_first, found)
        )
        parts.append(found.frame())
    return build_dataset(sources, parts)


def _status(read: Read) -> SourceStatus:
    source = read.config
    raw = read if isinstance(read, RawSource) else None
    return SourceStatus(
        label=source.label,
        kind=source.kind,
        location=source.location,
        title=raw.title if raw else "",
        url=source.sheet_url,
        read_at=raw.read_at.isoformat(timespec="seconds") if raw else "",
        error=read.error if isinstance(read, FailedRead) else None,
        demo=source.demo,
        stale=raw.stale if raw else None,
        snapshot=raw.snapshot if raw else None,
    )
