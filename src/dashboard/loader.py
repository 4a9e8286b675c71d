"""Load the configured sources into one clean Dataset: read, clean, merge.

A source that cannot be read at all (not found, not shared, Google down) does not stop the others:
it is listed in ``Dataset.sources`` with its error and as a ``source unreadable`` problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.clean.build import build_dataset
from dashboard.clean.problems import Problems
from dashboard.clean.source import clean_sheets
from dashboard.config import Settings, SourceConfig
from dashboard.dataset import Dataset, SourceStatus
from dashboard.sources import RawSource, SourceError, read_source


@dataclass(frozen=True)
class FailedRead:
    """A source that could not be read, and why (in a coordinator's words)."""

    config: SourceConfig
    error: str


Read = RawSource | FailedRead


def read_one(
    source: SourceConfig, service_account_info: Mapping[str, Any] | None, timeout: float
) -> Read:
    try:
        return read_source(source, service_account_info, timeout)
    except SourceError as error:
        return FailedRead(source, str(error))


def load(
    settings: Settings,
    service_account_info: Mapping[str, Any] | None = None,
    on_source: Callable[[int, SourceConfig], None] | None = None,
) -> Dataset:
    """Read and clean every source of ``settings``; ``on_source`` hears which is being read."""
    reads = []
    for number, source in enumerate(settings.sources):
        if on_source is not None:
            on_source(number, source)
        reads.append(read_one(source, service_account_info, settings.timeout_seconds))
    return assemble(reads)


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
    )
