"""One pace for every Sheets API request, so dozens of sheets fit Google's quota instead of
failing on it.

Google allows about 60 Sheets read requests a minute per user (a service account is one user).
Every Sheets request of this process — and of every other process sharing its store (app
replicas, command-line runs) — takes a slot from one sliding-window limiter first: the store's
pyrate-limiter bucket (``shared``: SQLite in the cache folder, or Redis for replicas on several
hosts), so the pace holds across processes: N replicas together stay under ``sheets_quota``.
Requests beyond the pace wait their turn (queue), they are not refused. A ``Retry-After`` from
Google holds every request of the process for that long.

The shared database is a convenience, never a condition: it is opened on the first Sheets
request (a command reading a local workbook never touches it), and when it fails in any way —
random bytes, cut short, locked by another process past ``DB_WAIT_SECONDS``, its lock file held
by a stopped process past ``LOCK_WAIT_SECONDS``, a full disk — the process warns once and paces
itself in memory from then on. The files are its owner's only (0600), in the 0700 cache folder.
A Redis that fails is tried again after ``shared.RETRY_SECONDS`` (it comes back; the store says
so on stderr, once per outage).
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from pyrate_limiter import InMemoryBucket, Limiter, Rate

from dashboard.sources.shared import DB_FILE, RETRY_SECONDS, SharedStore

__all__ = ["DB_FILE", "Pacer", "Quota", "pacer"]

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

    def __init__(self, quota: Quota, store: SharedStore | None) -> None:
        self.quota = quota
        self.store = store
        self._rate = Rate(quota.requests, int(quota.seconds * 1000))
        self._local = Limiter(InMemoryBucket([self._rate]))
        self._shared: Limiter | None = None
        self._shared_failed = store is None
        self._retry_at: float | None = None  # a store that recovers (Redis): when to try again
        self._held_until = 0.0
        self._hold_lock = threading.Lock()
        self._open_lock = threading.RLock()

    @property
    def shared(self) -> bool:
        """Whether the pace is still shared with the other processes of the cache folder."""
        return not self._shared_failed

    def wait(self) -> float:
        """Take one slot, waiting for it (and for any hold) as long as needed; the seconds
        waited, which no retry budget counts: queueing is not failing."""
        started = time.monotonic()
        with self._hold_lock:
            hold = self._held_until - time.monotonic()
        if hold > 0:
            time.sleep(hold)
        shared = self._shared_limiter()
        if shared is not None:
            try:
                if shared.try_acquire("sheets"):
                    return time.monotonic() - started
                raise TimeoutError("the pacer's lock file stayed locked")
            except Exception as error:  # any failure of the shared pace
                self._give_up(error)
        self._local.try_acquire("sheets")
        return time.monotonic() - started

    def hold(self, seconds: float) -> None:
        """Google said "retry after ``seconds``": no request of this process goes before."""
        with self._hold_lock:
            self._held_until = max(self._held_until, time.monotonic() + seconds)

    def _shared_limiter(self) -> Limiter | None:
        with self._open_lock:
            if self._retry_at is not None and time.monotonic() >= self._retry_at:
                self._shared_failed, self._retry_at = False, None  # Redis may be back
            if self._shared is None and not self._shared_failed and self.store is not None:
                name = f"sheets_{self.quota.requests}_{int(self.quota.seconds * 1000)}"
                try:
                    self._shared = Limiter(self.store.bucket(self._rate, name))
                except Exception as error:  # any failure to open it
                    self._give_up(error)
            return self._shared

    def _give_up(self, error: BaseException) -> None:
        """Pace in this process from now on; said once (the next requests would say it again)."""
        with self._open_lock:
            if self._shared_failed and self._shared is None:
                return
            self._shared_failed = True
            shared, self._shared = self._shared, None
            store = self.store
            if store is not None and store.recovers:
                self._retry_at = time.monotonic() + RETRY_SECONDS
        if shared is not None:
            with suppress(Exception):
                shared.close()
        if store is not None and store.recovers:
            store.failed(error)  # the store says it, once per outage, naming what is not shared
            return
        log.warning(
            "Sheets pacing is per process: the shared pace in %s cannot be used (%s: %s)",
            store.description if store is not None else "no cache folder",
            type(error).__name__,
            str(error)[:120],
        )


_PACERS: dict[tuple[Quota, str], Pacer] = {}
_PACERS_LOCK = threading.Lock()


def pacer(quota: Quota, store: SharedStore | None) -> Pacer:
    """The one pacer of this process for ``quota`` and ``store`` (its cache folder or Redis;
    nothing is opened until its first request)."""
    with _PACERS_LOCK:
        key = (quota, store.description if store is not None else "")
        if key not in _PACERS:
            _PACERS[key] = Pacer(quota, store)
        return _PACERS[key]
