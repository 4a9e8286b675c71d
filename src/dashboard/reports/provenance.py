"""Where a file's figures come from, said in the file: which sources, read when, and — when Google
failed — that they are the last good snapshot's, of when.

The command line says so on stderr; a funder reading the PDF never sees stderr, so the report
and the agenda carry the same facts in their own text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dashboard.dataset import Dataset, SourceStatus


def moment(stamp: str) -> str:
    """``2026-11-26T09:12:03+00:00`` → ``2026-11-26 09:12 UTC`` (as given, when not a time)."""
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return f"{when:%Y-%m-%d %H:%M} UTC"


def _note(source: SourceStatus, mask: Callable[[str], str]) -> str:
    name = mask(source.label)
    if source.demo:
        return f"{name}: the bundled demo workbook (fictional people and figures)."
    if source.stale:
        when = moment(source.data_at or source.read_at)
        return (
            f"{name}: NOT read live — {mask(source.stale)}. These figures are from the last good "
            f"snapshot of it, read {when}: anything entered since is missing."
        )
    if source.error:
        return f"{name}: could not be read ({mask(source.error)}); none of its records are here."
    if source.unchanged:
        return f"{name}: unchanged since it was read {moment(source.data_at or source.read_at)}."
    return f"{name}: read {moment(source.read_at)}."


def data_notes(dataset: Dataset, mask: Callable[[str], str] | None = None) -> list[str]:
    """One sentence per source. ``mask`` hides names typed into a source's name or error, for a
    file made for funders."""
    shown = mask or (lambda text: text)
    return [_note(source, shown) for source in dataset.sources]


def is_snapshot(dataset: Dataset) -> bool:
    """Some figures are not from a live read (a snapshot stood in for a failed one)."""
    return any(source.stale for source in dataset.sources)
