"""What went where: the digests' sent-log, in the cache folder beside the snapshots.

One JSON file, ``digests-sent.json``: for each digest (by name), each period (``start/end``) and
each channel (``mailto:…``, ``slack:NAME``, ``teams:NAME`` — names, never a webhook's URL), when
it was sent. Every process that shares the cache folder shares it: a lock beside it is held while
an entry is added, and the file is replaced in one step (``dashboard.atomic``). A file that
cannot be read (cut short, not JSON, another shape) is treated as absent — the run then sends
what is due, and the next entry writes a good file over it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from dashboard.atomic import write_bytes_atomically
from dashboard.sources.snapshots import cache_dir

FILE = "digests-sent.json"
FORMAT = 1
LOCK_SECONDS = 60.0

Sent = dict[str, dict[str, dict[str, str]]]  # digest → period key → channel → when (ISO, UTC)


@dataclass(frozen=True)
class LastSent:
    channel: str
    period: str
    at: dt.datetime


def path() -> Path:
    return cache_dir() / FILE


RUN_LOCK_SECONDS = 900.0  # a whole run's retries fit in this


@contextmanager
def sending() -> Iterator[None]:
    """Held for a whole sending run: two runs at once (two replicas' schedules) take turns, and
    the second reads what the first sent — "already sent" — instead of sending it twice."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".run.lock", timeout=RUN_LOCK_SECONDS):
        yield


def read() -> Sent:
    """The log; empty when there is none or it cannot be read."""
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    sent = data.get("sent") if isinstance(data, dict) else None
    if not isinstance(sent, dict):
        return {}
    good: Sent = {}
    for digest, periods in sent.items():
        if not isinstance(periods, dict):
            continue
        for period, channels in periods.items():
            if isinstance(channels, dict):
                kept = {str(c): str(at) for c, at in channels.items() if isinstance(at, str)}
                good.setdefault(str(digest), {})[str(period)] = kept
    return good


def damaged() -> bool:
    """Whether a log file is there but cannot be read (said once by the command)."""
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True
    return not (isinstance(data, dict) and isinstance(data.get("sent"), dict))


def was_sent(log: Sent, digest: str, period: str, channel: str) -> str | None:
    """When ``channel`` got ``digest`` for ``period`` (None: not yet)."""
    return log.get(digest, {}).get(period, {}).get(channel)


def record(digest: str, period: str, channel: str, when: dt.datetime | None = None) -> None:
    """Add one entry, under the lock, re-reading the file so no other process's entry is lost."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    at = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")
    with FileLock(str(target) + ".lock", timeout=LOCK_SECONDS):
        log = read()
        log.setdefault(digest, {}).setdefault(period, {})[channel] = at
        body = json.dumps({"format": FORMAT, "sent": log}, indent=1, ensure_ascii=False)
        write_bytes_atomically(target, body.encode("utf-8"), mode=0o600)


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
