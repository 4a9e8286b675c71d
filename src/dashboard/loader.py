"""Load the configured sources into one clean Dataset: read, clean, merge.

A source that cannot be read at all (not found, not shared, Google down) does not stop the others:
it is listed in ``Dataset.sources`` with its error and as a ``source unreadable`` problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dashboard.clean.build import build_dataset
from dashboard.clean.problems import Problems
from dashboard.clean.source import clean_sheets
from dashboard.config import Settings, SourceConfig
from dashboard.dataset import Dataset, SourceStatus
from dashboard.sources import RawSource, SourceError, read_source


def load(
    settings: Settings,
    service_account_info: Mapping[str, Any] | None = None,
    on_source: Callable[[int, SourceConfig], None] | None = None,
) -> Dataset:
    """Read and clean every source of ``settings``; ``on_source`` hears which is being read."""
    raws: list[RawSource] = []
    statuses: list[SourceStatus] = []
    failures: list[Problems] = []
    for number, source in enumerate(settings.sources):
        if on_source is not None:
            on_source(number, source)
        try:
            raw = read_source(source, service_account_info, settings.timeout_seconds)
        except SourceError as error:
            statuses.append(_status(source, error=str(error)))
            failed = Problems(source.label)
            failed.add("", None, "", source.location, "source unreadable", str(error))
            failures.append(failed)
            continue
        raws.append(raw)
        statuses.append(_status(source, raw))
    dataset = clean(raws, [p.frame() for p in failures])
    dataset.sources = statuses
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


def _status(
    source: SourceConfig, raw: RawSource | None = None, error: str | None = None
) -> SourceStatus:
    return SourceStatus(
        label=source.label,
        kind=source.kind,
        location=source.location,
        title=raw.title if raw else "",
        url=source.sheet_url,
        read_at=raw.read_at.isoformat(timespec="seconds") if raw else "",
        error=error,
        demo=source.demo,
    )
