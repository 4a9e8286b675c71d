"""What went where: the digests' sent-log, shared by every process that shares the snapshots.

One JSON record, ``digests-sent.json``: for each digest (by name), each period (``start/end``) and
each channel (``mailto:…``, ``slack:NAME``, ``teams:NAME`` — names, never a webhook's URL), when
it was sent. It lives in this process's shared store (``sources.shared``): the cache folder, or
the Redis that replicas on several hosts share (issue 25), so a digest goes once whichever host
runs the schedule. An entry is added by compare-and-set (re-read, add, set only if no one changed
it meanwhile), and a whole run holds the store's claim. A log that cannot be read (cut short, not
JSON, another shape) is treated as absent — the run then sends what is due, and the next entry
writes a good log over it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard.sources import shared
from dashboard.sources.snapshots import cache_dir

FILE = "digests-sent.json"
FORMAT = 1
RECORD_TRIES = 100  # compare-and-set tries of one entry (each lost only to another entry)

Sent = dict[str, dict[str, dict[str, str]]]  # digest → period key → channel → when (ISO, UTC)


@dataclass(frozen=True)
class LastSent:
    channel: str
    period: str
    at: dt.datetime


def path() -> Path:
    """The log's file in this process's cache folder (with Redis: the local copy)."""
    return cache_dir() / FILE


def where() -> str:
    """Where the log is kept, for messages: the file and the store (never a password)."""
    return f"{FILE} in {shared.active().description}"


RUN_LOCK_SECONDS = 900.0  # a whole run's retries fit in this


@contextmanager
def sending() -> Iterator[None]:
    """Held for a whole sending run: two runs at once (two replicas' schedules, on one host or
    several) take turns, and the second reads what the first sent — "already sent" — instead
    of sending it twice."""
    with shared.active().claim(FILE + ".run.lock", RUN_LOCK_SECONDS):
        yield


def _parsed(data: bytes) -> Sent:
    """The log's entries, the well-formed ones; ``ValueError`` when it is not a log at all."""
    found = json.loads(data)
    sent = found.get("sent") if isinstance(found, dict) else None
    if not isinstance(sent, dict):
        raise ValueError("not a sent-log")
    good: Sent = {}
    for digest, periods in sent.items():
        if not isinstance(periods, dict):
            continue
        for period, channels in periods.items():
            if isinstance(channels, dict):
                kept = {str(c): str(at) for c, at in channels.items() if isinstance(at, str)}
                good.setdefault(str(digest), {})[str(period)] = kept
    return good


def read() -> Sent:
    """The log; empty when there is none or it cannot be read."""
    return shared.active().read(FILE, _parsed) or {}


def damaged() -> bool:
    """Whether a log is there but cannot be read (said once by the command)."""
    store = shared.active()
    return store.get(FILE) is not None and store.read(FILE, _parsed) is None


def was_sent(log: Sent, digest: str, period: str, channel: str) -> str | None:
    """When ``channel`` got ``digest`` for ``period`` (None: not yet)."""
    return log.get(digest, {}).get(period, {}).get(channel)


def record(digest: str, period: str, channel: str, when: dt.datetime | None = None) -> None:
    """Add one entry by compare-and-set: re-read the log, add, and set it only if no other
    process changed it meanwhile, so no other process's entry is lost."""
    at = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")
    store = shared.active()
    for _ in range(RECORD_TRIES):
        found = store.get(FILE)
        log = store.read(FILE, _parsed) or {}
        log.setdefault(digest, {}).setdefault(period, {})[channel] = at
        body = json.dumps({"format": FORMAT, "sent": log}, indent=1, ensure_ascii=False)
        if store.compare_and_set(FILE, found, body.encode("utf-8")):
            return
    raise OSError(f"the sent-log ({where()}) kept changing: {channel} not recorded")


def last_sent(log: Sent, digest: str) -> dict[str, LastSent]:
    """For each channel, the latest time it received ``digest`` (any period)."""
    latest: dict[str, LastSent] = {}
    for period, channels in log.get(digest, {}).items():
        for channel, at in channels.items():
            try:
                when = dt.datetime.fromisoformat(at)
            except ValueError:
                continue
            if channel not in latest or when > latest[channel].at:
                latest[channel] = LastSent(channel, period, when)
    return latest
