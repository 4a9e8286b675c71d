"""One pace for every Sheets API request, so dozens of sheets fit Google's quota instead of
failing on it.

Google allows about 60 Sheets read requests a minute per user (a service account is one user).
Every Sheets request of this process — and of every other process sharing the cache folder (app
replicas, command-line runs) — takes a slot from one sliding-window limiter first: a SQLite
bucket of pyrate-limiter in the cache folder, so the pace holds across processes. Requests
beyond the pace wait their turn (queue), they are not refused. A ``Retry-After`` from Google
holds every request of the process for that long.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pyrate_limiter import AbstractBucket, InMemoryBucket, Limiter, Rate, SQLiteBucket

log = logging.getLogger(__name__)

DEFAULT_REQUESTS = 50  # below Google's 60 a minute per user: room for someone else's script
DEFAULT_SECONDS = 60.0


@dataclass(frozen=True)
class Quota:
    """``requests`` Sheets API requests per ``seconds``, for every process of this cache folder."""

    requests: int = DEFAULT_REQUESTS
    seconds: float = DEFAULT_SECONDS


class Pacer:
    """Hands out request slots at the quota's pace; ``wait()`` blocks until one is free."""

    def __init__(self, quota: Quota, folder: Path | None) -> None:
        self.quota = quota
        rate = Rate(quota.requests, int(quota.seconds * 1000))
        self._limiter = Limiter(_bucket(rate, quota, folder))
        self._held_until = 0.0
        self._hold_lock = threading.Lock()

    def wait(self) -> float:
        """Take one slot, waiting for it (and for any hold) as long as needed; the seconds
        waited, which no retry budget counts: queueing is not failing."""
        started = time.monotonic()
        with self._hold_lock:
            hold = self._held_until - time.monotonic()
        if hold > 0:
            time.sleep(hold)
        self._limiter.try_acquire("sheets")
        return time.monotonic() - started

    def hold(self, seconds: float) -> None:
        """Google said "retry after ``seconds``": no request of this process goes before."""
        with self._hold_lock:
            self._held_until = max(self._held_until, time.monotonic() + seconds)


def _bucket(rate: Rate, quota: Quota, folder: Path | None) -> AbstractBucket:
    """Shared across processes through SQLite in ``folder``; in memory when it cannot be."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            table = f"sheets_{quota.requests}_{int(quota.seconds * 1000)}"
            path = folder / "sheets-quota.sqlite"
            return SQLiteBucket.init_from_file(
                [rate], table=table, db_path=str(path), use_file_lock=True
            )
        except OSError as error:  # a read-only or missing cache folder costs only the sharing
            log.warning("Sheets pacing is per process: %s (%s)", folder, type(error).__name__)
    return InMemoryBucket([rate])


_PACERS: dict[tuple[Quota, Path | None], Pacer] = {}
_PACERS_LOCK = threading.Lock()


def pacer(quota: Quota, folder: Path | None) -> Pacer:
    """The one pacer of this process for ``quota`` and cache ``folder``."""
    with _PACERS_LOCK:
        key = (quota, folder)
        if key not in _PACERS:
            _PACERS[key] = Pacer(quota, folder)
        return _PACERS[key]
