"""The app's sources, kept current in the background, so no page waits on Google.

One ``Refresher`` per configuration and process. A page asks it what is known now
(``current``) and gets an answer at once:

- a Google Sheet already read in this process: that read;
- one not yet read here but with a snapshot on disk (a freshly started server): the snapshot;
- one never read well on this machine: nothing yet (the page says "12 of 60 sheets read").

Whatever is due — never read here, or read more than the TTL ago — is read again by one
background batch (``loader.read_all``: one Drive look-up, the sheets side by side, paced to the
quota), each read replacing the last as it lands. Local workbooks are not Google: they are read
in the page's run, as before, once per TTL.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from dashboard.config import Settings, SourceConfig
from dashboard.loader import FailedRead, Read, kept_copy, plan_for, read_all, read_one
from dashboard.sources import shared, snapshots

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Current:
    """What is known of every source at one moment."""

    reads: tuple[Read, ...]  # one per source that has anything to show, in configuration order
    pending: tuple[SourceConfig, ...]  # never read well here, being read for the first time
    refreshing: tuple[SourceConfig, ...]  # shown from an older read while a new one runs
    total: int  # sources configured
    version: int  # bumped whenever a read lands
    drive_note: str | None = None

    @property
    def busy(self) -> bool:
        return bool(self.pending or self.refreshing)


class Refresher:
    """Keeps the sources of ``settings`` current for the pages of one process."""

    def __init__(self, settings: Settings, service_account_info: Mapping[str, Any] | None):
        self.settings = settings
        self._info = service_account_info
        shared.store_for(settings)  # the snapshots shown at once come from the shared store
        self._ttl = float(settings.cache_ttl_seconds)
        self._lock = threading.Condition()
        self._local_lock = threading.Lock()
        self._latest: dict[SourceConfig, Read] = {}
        self._fresh_until: dict[SourceConfig, float] = {}
        self._reading: set[SourceConfig] = set()
        self._drive_note: str | None = None
        self._version = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smallwins-refresh")

    def current(self) -> Current:
        """What is known now; starts a background read of whatever is due. Local workbooks
        that are due are read here and now."""
        with self._local_lock:  # one run reads a due workbook; the others then find it fresh
            for source in self.settings.sources:
                if not snapshots.keeps_snapshot(source) and self._due(source):
                    self._landed(read_one(source, plan_for(self.settings, self._info)))
        with self._lock:
            for source in self.settings.sources:
                if snapshots.keeps_snapshot(source) and source not in self._latest:
                    kept = kept_copy(source)
                    if kept is not None:
                        self._latest[source] = kept
        self._start(max_age=self._ttl)
        return self.known()

    def close(self) -> None:
        """Stop reading (a batch under way finishes on its own)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def refresh(self) -> None:
        """Read every source again now (the page's *Refresh data*), whatever its age."""
        with self._lock:
            self._fresh_until.clear()
        self._start(max_age=0.0)

    def wait(self, timeout: float, first_only: bool = False) -> bool:
        """Wait up to ``timeout`` seconds until nothing is being read (or, ``first_only``,
        until every source has something to show); whether that happened."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                pending = [s for s in self.settings.sources if s not in self._latest]
                if not (pending if first_only else self._reading):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)

    def _due(self, source: SourceConfig) -> bool:
        with self._lock:
            return self._fresh_until.get(source, 0.0) <= time.monotonic()

    def _start(self, max_age: float) -> None:
        """Claim the Google sources that are due (so no other run claims them too) and read
        them in one background batch."""
        with self._lock:
            now = time.monotonic()
            due = [
                source
                for source in self.settings.sources
                if snapshots.keeps_snapshot(source)
                and source not in self._reading
                and self._fresh_until.get(source, 0.0) <= now
            ]
            self._reading.update(due)
        if due:
            self._pool.submit(self._read_batch, due, max_age)

    def _read_batch(self, due: list[SourceConfig], max_age: float) -> None:
        try:
            plan = plan_for(self.settings, self._info, max_age=max_age)
            reads = read_all(due, plan, on_read=self._landed)
            with self._lock:
                self._drive_note = reads.drive_note
        except Exception:  # a bug must not leave the pages waiting forever: say so, and go on
            log.exception("reading %d source(s) in the background failed", len(due))
            for source in due:
                if source in self._reading:
                    self._landed(FailedRead(source, f"{source.label}: could not be read (see log)"))
        finally:
            with self._lock:
                self._reading.difference_update(due)
                self._version += 1
                self._lock.notify_all()

    def _landed(self, read: Read) -> None:
        with self._lock:
            source = read.config
            self._latest[source] = read
            self._fresh_until[source] = time.monotonic() + self._ttl
            self._reading.discard(source)
            self._version += 1
            self._lock.notify_all()

    def known(self) -> Current:
        """What is known now, starting nothing."""
        with self._lock:
            sources = self.settings.sources
            return Current(
                reads=tuple(self._latest[s] for s in sources if s in self._latest),
                pending=tuple(s for s in sources if s not in self._latest),
                refreshing=tuple(s for s in sources if s in self._latest and s in self._reading),
                total=len(sources),
                version=self._version,
                drive_note=self._drive_note,
            )
