"""Load the configured sources into one clean Dataset: read, clean, merge.

A source that cannot be read at all (not found, not shared, Google down) does not stop the others:
it is listed in ``Dataset.sources`` with its error and as a ``source unreadable`` problem.

A Google Sheets source read in good shape is kept as its last good snapshot (``snapshots``),
which then saves reading it again:

- a copy that some process sharing the cache folder confirmed current less than ``max_age``
  seconds ago is used as it is (the app passes its TTL, so replicas read a source once per TTL
  in all; the commands pass 0 and always ask);
- a sheet whose Drive ``modifiedTime`` equals its snapshot's has not changed: the snapshot is
  served with no Sheets request at all;
- while one process reads a sheet (holding its lock file), the others wait and take its copy;
- when a read fails after its retries, or finds a required tab deleted, the snapshot is served in
  its place, marked ``stale`` with the reason (``fallback=False`` — the ``check`` command — never
  does this).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import pickle
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import pyarrow as pa

from dashboard.clean.build import build_dataset
from dashboard.clean.problems import ProblemLog
from dashboard.clean.shape import missing_columns, missing_tabs
from dashboard.clean.source import SourceSheets, clean_sources
from dashboard.config import Settings, SourceConfig
from dashboard.dataset import Dataset, SourceStatus
from dashboard.sources import (
    RawSource,
    SourceError,
    drive,
    read_source,
    shared,
    snapshots,
    tables_store,
)
from dashboard.sources.cache import cache_dir
from dashboard.sources.gsheets import SheetRead, Titles, sheets_from_body
from dashboard.sources.quota import Pacer, Quota, pacer

log = logging.getLogger(__name__)

READ_WORKERS = 8  # sources read side by side; the quota's pacer queues their requests
LOCK_WAIT_SECONDS = 90.0  # another process's read: its retry budget, Drive's, and some margin
STORE_WAIT_SECONDS = 60.0  # another process cleaning the same sources: then take its tables
STORED_TABLES = (  # the Dataset's tables kept from one run to the next (``merged``)
    "collaborations",
    "people",
    "projects",
    "commitments",
    "wins",
    "win_people",
    "meetings",
    "meeting_people",
    "problems",
    "placements",
)


@dataclass(frozen=True)
class FailedRead:
    """A source that could not be read, and why (in a coordinator's words)."""

    config: SourceConfig
    error: str


Read = RawSource | FailedRead


@dataclass(frozen=True)
class Plan:
    """How the sources of one load are read."""

    service_account_info: Mapping[str, Any] | None = None
    timeout: float = 20.0
    fallback: bool = True  # serve the snapshot when the live read fails (``check``: False)
    max_age: float = 0.0  # a copy confirmed current this recently, by any process, is used
    pacer: Pacer | None = None
    drive: bool = True  # ask Drive which sheets changed


@dataclass(frozen=True)
class Reads:
    """Every source's read, and why Drive could not be used (once, for all of them)."""

    reads: list[Read]
    drive_note: str | None = None


def pacer_for(settings: Settings) -> Pacer:
    """The one pace of Sheets requests for ``settings``' quota, shared by every process of the
    same store — cache folder or Redis — reads and writes alike (``shared.store_for`` also makes
    that store the one this process's snapshots, claims and secret use)."""
    quota = Quota(settings.sheets_quota, settings.sheets_quota_seconds)
    return pacer(quota, shared.store_for(settings))


def plan_for(
    settings: Settings,
    service_account_info: Mapping[str, Any] | None = None,
    fallback: bool = True,
    max_age: float = 0.0,
) -> Plan:
    return Plan(
        service_account_info,
        settings.timeout_seconds,
        fallback,
        max_age,
        pacer_for(settings),
        settings.drive_check,
    )


def read_all(
    sources: Sequence[SourceConfig], plan: Plan, on_read: Callable[[Read], None] | None = None
) -> Reads:
    """Read ``sources`` side by side (several sheets on a slow Google cost one wait, not one
    each), after one Drive look-up for those that may have changed; ``on_read`` hears of each
    read as it lands."""
    now = dt.datetime.now(dt.UTC)
    asked = [
        source
        for source in sources
        if snapshots.keeps_snapshot(source)
        and not snapshots.state(source).confirmed_within(plan.max_age, now)
    ]
    changes = drive.Changes()
    if plan.drive and asked:
        changes = drive.changes(asked, plan.service_account_info, plan.timeout)

    def one(source: SourceConfig) -> Read:
        read = read_one(source, plan, changes)
        if on_read is not None:
            on_read(read)
        return read

    if len(sources) <= 1:
        return Reads([one(source) for source in sources], changes.note)
    with ThreadPoolExecutor(max_workers=min(READ_WORKERS, len(sources))) as pool:
        return Reads(list(pool.map(one, sources)), changes.note)


def read_one(source: SourceConfig, plan: Plan, changes: drive.Changes | None = None) -> Read:
    """Read ``source``, or take its snapshot where that is as good (see the module's notes)."""
    if not snapshots.keeps_snapshot(source):
        try:
            return read_source(source, plan.service_account_info, plan.timeout)
        except SourceError as error:
            return FailedRead(source, str(error))
    state = snapshots.state(source)
    if state.confirmed_within(plan.max_age, dt.datetime.now(dt.UTC)):
        kept = _kept_snapshot(source)
        if kept is not None and state.checked_at is not None:
            return _served(source, kept, at=state.checked_at)
    try:
        with snapshots.lock_for(source, LOCK_WAIT_SECONDS):
            return _read_locked(source, plan, changes or drive.Changes())
    except shared.ClaimTimeout:
        busy = f"{source.label}: another process is still reading it"
        return _stale_or_failed(source, plan, busy)
    except OSError as error:  # no cache folder to lock in: read alone, keep no snapshot
        log.warning("no claim for %s in %s (%s)", source.label, shared.active().description, error)
        return _live(source, plan, None, None)


def _read_locked(source: SourceConfig, plan: Plan, changes: drive.Changes) -> Read:
    now = dt.datetime.now(dt.UTC)
    state = snapshots.state(source)  # what another process did while this one waited
    kept = _kept_snapshot(source)
    if kept is not None:
        if state.confirmed_within(plan.max_age, now) and state.checked_at is not None:
            return _served(source, kept, at=state.checked_at)
        if plan.fallback and state.failed_within(plan.max_age, now):
            return _stale(source, kept, state, state.error or "")
        modified = changes.of(source)
        if modified is not None and modified == kept.modified_time:
            snapshots.record(source, replace(state, checked_at=now, error=None))
            return _served(source, kept, at=now)
    return _live(source, plan, kept, changes.of(source))


def _live(
    source: SourceConfig, plan: Plan, kept: snapshots.Snapshot | None, modified: str | None
) -> Read:
    """Read ``source`` from Google; keep a good read as its snapshot."""
    known = Titles(kept.title, kept.titles, kept.titles_at) if kept is not None else None
    started = dt.datetime.now(dt.UTC)
    try:
        raw = read_source(source, plan.service_account_info, plan.timeout, known, plan.pacer)
    except SourceError as error:
        _record(source, snapshots.State(attempted_at=started, error=str(error)))
        return _stale_or_failed(source, plan, str(error), kept)
    raw = replace(raw, modified_time=modified)
    deleted = missing_tabs(raw.sheets)
    if deleted:  # served from the snapshot when there is one and fallback is on; never kept
        if plan.fallback and kept is not None:
            reason = f"{source.label}: {'; '.join(deleted)}"
            return _stale(source, kept, snapshots.state(source), reason)
        return raw
    if not missing_columns(raw.sheets):
        _keep(raw)
    return raw


def _kept_snapshot(source: SourceConfig) -> snapshots.Snapshot | None:
    """The snapshot of ``source`` when it holds what a good read holds — every tab, every
    required column, as ``_live`` keeps only such a read. One that does not (a file made by
    hand: ``{"valueRanges": []}`` decompresses and parses) would be served as the sheet, with
    every figure 0: it is treated as absent, as a damaged file is."""
    kept = snapshots.load(source)
    if kept is None:
        return None
    sheets = kept.sheets if kept.sheets is not None else sheets_from_body(kept.read, kept.body)
    if missing_tabs(sheets) or missing_columns(sheets):
        log.warning("the snapshot of %s lacks a tab or a column: read again", source.label)
        return None
    return kept


def _served(source: SourceConfig, kept: snapshots.Snapshot, at: dt.datetime) -> RawSource:
    """The snapshot as the current data: confirmed unchanged at ``at``."""
    sheets = kept.sheets if kept.sheets is not None else sheets_from_body(kept.read, kept.body)
    titles = Titles(kept.title, kept.titles, kept.titles_at)
    google = SheetRead(titles, kept.read, kept.body, sheets)
    return RawSource(
        source,
        sheets,
        kept.title,
        at,
        snapshot=str(kept.path),
        google=google,
        modified_time=kept.modified_time,
        unchanged=True,
        taken_at=kept.read_at,
    )


def kept_copy(source: SourceConfig) -> RawSource | None:
    """The snapshot on disk as it is, as of when it was last known current, without asking
    anyone (what the app shows at once, while it reads again in the background)."""
    if not snapshots.keeps_snapshot(source):
        return None
    kept = _kept_snapshot(source)
    if kept is None:
        return None
    when = snapshots.state(source).checked_at or kept.read_at
    return replace(_served(source, kept, at=when), unchanged=False)


def _stale(
    source: SourceConfig, kept: snapshots.Snapshot, state: snapshots.State, error: str
) -> RawSource:
    """The snapshot in place of a read that failed: as of when it was last known current."""
    served = _served(source, kept, at=state.checked_at or kept.read_at)
    return replace(served, stale=error, unchanged=False)


def _stale_or_failed(
    source: SourceConfig, plan: Plan, error: str, kept: snapshots.Snapshot | None = None
) -> Read:
    if plan.fallback:
        kept = kept or _kept_snapshot(source)
        if kept is not None:
            return _stale(source, kept, snapshots.state(source), error)
    return FailedRead(source, error)


def _keep(raw: RawSource) -> None:
    """Save a good read as the snapshot, and say so to the other processes; a cache folder that
    cannot be written costs only the savings and the fallback, so it is logged, not raised."""
    google = raw.google
    if google is None:
        return
    try:
        snapshots.save(
            raw.config,
            raw.title,
            raw.read_at,
            google.body,
            google.read,
            google.titles.tabs,
            google.titles.at,
            raw.modified_time,
        )
        snapshots.record(raw.config, snapshots.State(raw.read_at, raw.read_at, None))
    except OSError as error:
        log.warning(
            "could not keep a snapshot of %s in %s (%s)",
            raw.config.label,
            shared.active().description,
            type(error).__name__,
        )


def _record(source: SourceConfig, attempt: snapshots.State) -> None:
    """Note a failed attempt (keeping when the copy was last confirmed)."""
    try:
        checked = snapshots.state(source).checked_at
        snapshots.record(source, replace(attempt, checked_at=checked))
    except OSError:
        pass


def load(
    settings: Settings,
    service_account_info: Mapping[str, Any] | None = None,
    fallback: bool = True,
) -> Dataset:
    """Read and clean every source of ``settings`` (the commands: always asking Drive or
    Google, never trusting a copy only because it is recent)."""
    reads = read_all(settings.sources, plan_for(settings, service_account_info, fallback))
    return assemble(reads.reads, reads.drive_note)


def assemble(reads: Sequence[Read], drive_note: str | None = None) -> Dataset:
    """One Dataset from the reads of every source, failed ones reported."""
    dataset = merged(reads)
    dataset.sources = [status(read) for read in reads]
    dataset.drive_note = drive_note
    return dataset


def merged(reads: Sequence[Read]) -> Dataset:
    """The Dataset of ``reads`` (the app caches it by the reads): the good ones cleaned
    together, the failed ones as ``source unreadable`` problems.

    The clean tables are kept in the cache folder (``tables_store``) and taken from there by
    the next process that merges the same reads with the same code on the same day — a
    restarted server, a new replica, the next command — instead of cleaning them again."""
    raws = [read for read in reads if isinstance(read, RawSource)]
    failed = [failure_problems(read) for read in reads if isinstance(read, FailedRead)]
    identity = store_identity(reads) if raws else None
    if identity is None:
        return clean(raws, failed)
    family, key = identity
    stored = tables_store.load(family, key, STORED_TABLES)
    if stored is not None:
        return _from_store(stored)
    with tables_store.claim(family, STORE_WAIT_SECONDS) as held:
        if held:  # another process may have stored them while this one waited
            stored = tables_store.load(family, key, STORED_TABLES)
            if stored is not None:
                return _from_store(stored)
        dataset = clean(raws, failed)
        _store(family, key, dataset)
    return dataset


def store_identity(reads: Sequence[Read]) -> tuple[str, str] | None:
    """Which stored tables ``reads`` make: the family (the sources' locations, in order: one
    entry kept per set of sources) and the key — a hash of all that cleaning depends on:

    - each good read's data (a Google read's answer as received, else its raw cells), and the
      label, collaboration and day order its configuration reads it with;
    - each failed read's label, location and error (its ``source unreadable`` problem);
    - the program (``tables_store.program_key``: the package's code and its libraries);
    - today's date, as ``clean.questions.future_dates`` flags dates ahead of the read's day.

    None when a read's data cannot be identified (cleaned, not stored)."""
    entries: list[list[Any]] = []
    for read in reads:
        source = read.config
        if isinstance(read, FailedRead):
            entries.append(["failed", source.label, source.location, read.error])
            continue
        data = _data_digest(read)
        if data is None:
            return None
        entries.append(["read", source.label, source.collaboration, source.day_first, data])
    places = [[read.config.kind, read.config.location] for read in reads]
    family = _digest(json.dumps(places).encode("utf-8"))[:16]
    today = dt.date.today().isoformat()
    whole = [tables_store.program_key(), today, entries]
    return family, _digest(json.dumps(whole).encode("utf-8"))


def _data_digest(raw: RawSource) -> str | None:
    """A hash of what ``raw`` holds: a Google read's (or snapshot's) answer bytes and the tabs
    they are of, from which its sheets were parsed (75 MB in ~0.05 s); else its raw cells
    pickled (a local workbook's: ~0.5 s for 200,000 rows, a tenth of cleaning them). Equal
    pickles are equal cells, types included; None for cells that cannot be pickled."""
    digest = hashlib.sha256()
    google = raw.google
    if google is not None and google.sheets is raw.sheets:
        digest.update(b"batchGet\0" + json.dumps(list(google.read)).encode("utf-8") + b"\0")
        digest.update(google.body)
        return digest.hexdigest()
    digest.update(b"cells\0")
    try:
        pickle.Pickler(_Hashing(digest), protocol=5).dump(raw.sheets)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return digest.hexdigest()


class _Hashing:
    """A file that hashes what is written to it (a pickle hashed without being kept whole)."""

    def __init__(self, digest: Any) -> None:
        self.digest = digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return len(data)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _from_store(tables: dict[str, pd.DataFrame]) -> Dataset:
    return Dataset(**tables)


def _store(family: str, key: str, dataset: Dataset) -> None:
    """Keep the clean tables for the next process; a folder that cannot be written, or a table
    Arrow cannot give back as it is, costs only that saving: logged, never raised."""
    tables = {name: getattr(dataset, name) for name in STORED_TABLES}
    try:
        tables_store.save(family, key, tables)
    except (OSError, tables_store.NotStorable, pa.ArrowException) as error:
        log.warning("could not keep the clean tables in %s (%s)", cache_dir(), type(error).__name__)


def failure_problems(read: FailedRead) -> pd.DataFrame:
    failed = ProblemLog([read.config.label])
    failed.add(0, 0, "", None, "", read.config.location, "source unreadable", read.error)
    return failed.frame()


def clean(raws: Sequence[RawSource], problems: Sequence | None = None) -> Dataset:
    """Clean and merge sources already read (no I/O); ``problems``: more problem frames, first
    (failed sources)."""
    sheets = [
        SourceSheets(raw.config.label, raw.config.collaboration, raw.config.day_first, raw.sheets)
        for raw in raws
    ]
    cleaned = clean_sources(sheets)
    return build_dataset(cleaned.tables, [*(problems or []), cleaned.problems])


def status(read: Read) -> SourceStatus:
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
        unchanged=raw.unchanged if raw else False,
        changed_at=(raw.modified_time or "") if raw else "",
        data_at=raw.data_at.isoformat(timespec="seconds") if raw else "",
        collaboration=source.collaboration,
    )
