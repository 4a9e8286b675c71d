"""One pace for every Sheets API request, so dozens of sheets fit Google's quota instead of
failing on it.

Google allows about 60 Sheets read requests a minute per user (a service account is one user).
Every Sheets request of this process — and of every other process sharing the cache folder (app
replicas, command-line runs) — takes a slot from one sliding-window limiter first: a SQLite
bucket of pyrate-limiter in the cache folder, so the pace holds across processes. Requests
beyond the pace wait their turn (queue), they are not refused. A ``Retry-After`` from Google
holds every request of the process for that long.

The shared database is a convenience, never a condition: it is opened on the first Sheets
request (a command reading a local workbook never touches it), and when it fails in any way —
random bytes, cut short, locked by another process past ``DB_WAIT_SECONDS``, its lock file held
by a stopped process past ``LOCK_WAIT_SECONDS``, a full disk — the process warns once and paces
itself in memory from then on. The files are its owner's only (0600), in the 0700 cache folder.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock
from pyrate_limiter import InMemoryBucket, Limiter, Rate, SQLiteBucket

from dashboard.sources import cache

log = logging.getLogger(__name__)

DEFAULT_REQUESTS = 50  # below Google's 60 a minute per user: room for someone else's script
DEFAULT_SECONDS = 60.0
DB_FILE = "sheets-quota.sqlite"
DB_WAIT_SECONDS = 5.0  # SQLite's busy timeout: another process's write takes milliseconds
LOCK_WAIT_SECONDS = 10.0  # the database's lock file: a process stopped holding it is skipped


@dataclass(frozen=True)
class Quota:
    """``requests`` Sheets API requests per ``seconds``, for every process of this cache folder."""

    requests: int = DEFAULT_REQUESTS
    seconds: float = DEFAULT_SECONDS


class Pacer:
    """Hands out request slots at the quota's pace; ``wait()`` blocks until one is free."""

    def __init__(self, quota: Quota, folder: Path | None) -> None:
        self.quota = quota
        self.folder = folder
        self._rate = Rate(quota.requests, int(quota.seconds * 1000))
        self._local = Limiter(InMemoryBucket([self._rate]))
        self._shared: Limiter | None = None
        self._shared_failed = folder is None
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
            if self._shared is None and not self._shared_failed:
                try:
                    self._shared = Limiter(_shared_bucket(self._rate, self.quota, self.folder))
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
        if shared is not None:
            with suppress(Exception):
                shared.close()
        log.warning(
            "Sheets pacing is per process: the shared pace in %s cannot be used (%s: %s)",
            self.folder,
            type(error).__name__,
            str(error)[:120],
        )


def _shared_bucket(rate: Rate, quota: Quota, folder: Path | None) -> SQLiteBucket:
    """The SQLite bucket shared across processes in ``folder``: a database and its lock file,
    both 0600, each waited for a bounded time (``DB_WAIT_SECONDS``, ``LOCK_WAIT_SECONDS``)."""
    if folder is None:
        raise OSError("no cache folder")
    cache.ensure_dir(folder)
    path = folder / DB_FILE
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, cache.FILE_MODE))  # 0600 before SQLite
    table = f"sheets_{quota.requests}_{int(quota.seconds * 1000)}"
    lock = FileLock(f"{path}.lock", timeout=LOCK_WAIT_SECONDS, mode=cache.FILE_MODE)
    with lock:
        connection = sqlite3.connect(
            path, timeout=DB_WAIT_SECONDS, isolation_level="DEFERRED", check_same_thread=False
        )
        try:
            connection.execute("PRAGMA journal_mode=WAL;")
            connection.execute("PRAGMA synchronous=NORMAL;")
            connection.execute(
                f'CREATE TABLE IF NOT EXISTS "{table}" (name VARCHAR, item_timestamp INTEGER)'
            )
            connection.execute(
                f'CREATE INDEX IF NOT EXISTS "idx_{table}_rate_item_timestamp" '
                f'ON "{table}" (item_timestamp)'
            )
            connection.commit()
        except Exception:
            connection.close()
            raise
    return SQLiteBucket([rate], connection, table=table, lock=lock)


_PACERS: dict[tuple[Quota, Path | None], Pacer] = {}
_PACERS_LOCK = threading.Lock()


def pacer(quota: Quota, folder: Path | None) -> Pacer:
    """The one pacer of this process for ``quota`` and cache ``folder`` (nothing is opened
    until its first request)."""
    with _PACERS_LOCK:
        key = (quota, folder)
        if key not in _PACERS:
            _PACERS[key] = Pacer(quota, folder)
        return _PACERS[key]
