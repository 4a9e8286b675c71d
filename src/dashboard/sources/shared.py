"""Where the processes of one deployment share what they know: one storage interface, two homes.

What app replicas and commands share — each sheet's last good snapshot and its state, the claim
on reading a sheet, the pace of Sheets requests, the pseudonym secret, small records such as the
digests' sent-log — goes through one :class:`SharedStore`, by key:

- :class:`FolderStore`, the default: files in the cache folder (``cache``), file locks beside
  them, the pace in a SQLite database there. Processes share when they share the folder: one host.
- :class:`RedisStore`, when ``[app] redis_url`` or ``SMALLWINS_REDIS_URL`` names a Redis: every
  process naming it shares, whatever its disk (Cloud Run instances, pods on several nodes). Keys
  live under ``[app] redis_prefix`` (``smallwins:``), so one Redis can serve several deployments.
  Each process keeps a local copy in its cache folder of what it took from Redis and wrote there.

Redis is a help, never a condition. Its client waits at most ``CONNECT_SECONDS`` to reach it and
``SOCKET_SECONDS`` for any answer; when Redis fails or cannot be reached the process says so once
on stderr (naming Redis, never its password, and what is not shared meanwhile), works from its
local copy — its own folder, its own pace, its own file locks — and tries Redis again
``RETRY_SECONDS`` later, so sharing resumes by itself. ``outage`` says what the banner shows.

Snapshots hold people's names and emails: the Redis must be private (a password, TLS with
``rediss://``, no public address). Messages name it as ``host:port/db``, never with the URL.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from filelock import FileLock
from pyrate_limiter import AbstractBucket, Rate, RateItem, RedisBucket, SQLiteBucket
from pyrate_limiter.buckets.redis_bucket import LuaScript

from dashboard.config import ConfigError, Settings
from dashboard.sources import cache

if TYPE_CHECKING:
    import redis

log = logging.getLogger(__name__)
T = TypeVar("T")

REDIS_VARIABLE = "SMALLWINS_REDIS_URL"
REDIS_SETTING = "[app] redis_url"
DEFAULT_PREFIX = "smallwins:"
SCHEMES = ("redis", "rediss", "unix")
URL_FORM = (
    "redis://[:password@]host:6379/0, rediss:// for TLS, or unix:///path/to/redis.sock "
    "(the value is not repeated here: it may hold a password)"
)
CONNECT_SECONDS = 2.0  # reaching Redis (a dropped route costs this, once per RETRY_SECONDS)
SOCKET_SECONDS = 5.0  # any answer, a snapshot's included: far below a call's timeout (20 s)
RETRY_SECONDS = 5.0  # after a failure, Redis is left alone this long (no wait per call meanwhile)
LEASE_SECONDS = 15.0  # a claim not renewed this long is free: its holder died
RENEW_SECONDS = LEASE_SECONDS / 3  # how often a live holder renews its claim
DB_FILE = "sheets-quota.sqlite"
DB_WAIT_SECONDS = 5.0  # SQLite's busy timeout: another process's write takes milliseconds
LOCK_WAIT_SECONDS = 10.0  # the pace database's lock file: a stopped holder is skipped
NOT_SHARED = (
    "the sheets' snapshots and read claims, the Sheets pace, the pseudonym secret and the "
    "digests' sent-log are not shared with the other replicas meanwhile (this process works from "
    "its cache folder and paces itself)"
)


class ClaimTimeout(TimeoutError):
    """Another process held the claim longer than the caller would wait."""


class SharedStore:
    """What processes share, by key (a file name in the folder, a key under the prefix in Redis).

    Values are small byte strings or snapshots; a value that cannot be read or decoded is absent
    (``cache.decoded``), as a damaged cache file is."""

    description = "the cache folder"
    recovers = False  # whether a failure is worth trying again later (Redis comes back)

    def read(self, key: str, decode: Callable[[bytes], T]) -> T | None:
        raise NotImplementedError

    def get(self, key: str) -> bytes | None:
        """The bytes under ``key``, or None."""
        return self.read(key, bytes)

    def write(self, key: str, data: bytes) -> None:
        """Replace the value under ``key``; ``OSError`` when it cannot be kept anywhere."""
        raise NotImplementedError

    def compare_and_set(self, key: str, expected: bytes | None, new: bytes) -> bool:
        """Set ``key`` to ``new`` only if it holds ``expected`` (None: only if absent), at once
        for every process sharing the store; whether it was set."""
        raise NotImplementedError

    def claim(self, key: str, wait: float) -> AbstractContextManager[None]:
        """Hold ``key`` for the block, waiting up to ``wait`` seconds for another holder
        (``ClaimTimeout``); a holder that dies frees it."""
        raise NotImplementedError

    def bucket(self, rate: Rate, name: str) -> AbstractBucket:
        """pyrate-limiter's bucket for ``rate``, shared by every process of the store."""
        raise NotImplementedError

    def failed(self, error: BaseException) -> None:
        """A user of the store (the pacer's bucket) saw it fail."""

    @property
    def outage(self) -> str | None:
        """Why sharing stopped, in a sentence for the banner; None while it works."""
        return None


class FolderStore(SharedStore):
    """The cache folder (``folder``, else ``cache.cache_dir()`` at each call): processes on one
    host share through its files and file locks."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path:
        return self._folder or cache.cache_dir()

    @property
    # a property where the base class has a plain attribute: read alike, which mypy does not see
    def description(self) -> str:  # type: ignore[override]
        return f"the cache folder {self.folder}"

    def path(self, key: str) -> Path:
        return self.folder / key

    def read(self, key: str, decode: Callable[[bytes], T]) -> T | None:
        return cache.read(self.path(key), decode)

    def write(self, key: str, data: bytes) -> None:
        cache.write(self.path(key), data)

    def compare_and_set(self, key: str, expected: bytes | None, new: bytes) -> bool:
        with self.claim(f".{key}.lock", LOCK_WAIT_SECONDS):
            if self.get(key) != expected:
                return False
            self.write(key, new)
            return True

    @contextmanager
    def claim(self, key: str, wait: float) -> Iterator[None]:
        path = self.path(key)
        cache.ensure_dir(path.parent)
        lock = FileLock(path, timeout=wait, mode=cache.FILE_MODE)
        try:
            lock.acquire()
        except TimeoutError as error:  # filelock.Timeout
            raise ClaimTimeout(str(error)) from None
        try:
            yield
        finally:
            lock.release()

    def bucket(self, rate: Rate, name: str) -> AbstractBucket:
        """The SQLite bucket in the folder: a database and its lock file, both 0600, each waited
        for a bounded time (``DB_WAIT_SECONDS``, ``LOCK_WAIT_SECONDS``)."""
        folder = cache.ensure_dir(self.folder)
        path = folder / DB_FILE
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, cache.FILE_MODE))  # 0600 before SQLite
        lock = FileLock(f"{path}.lock", timeout=LOCK_WAIT_SECONDS, mode=cache.FILE_MODE)
        with lock:
            connection = sqlite3.connect(
                path, timeout=DB_WAIT_SECONDS, isolation_level="DEFERRED", check_same_thread=False
            )
            try:
                connection.execute("PRAGMA journal_mode=WAL;")
                connection.execute("PRAGMA synchronous=NORMAL;")
                connection.execute(
                    f'CREATE TABLE IF NOT EXISTS "{name}" (name VARCHAR, item_timestamp INTEGER)'
                )
                connection.execute(
                    f'CREATE INDEX IF NOT EXISTS "idx_{name}_rate_item_timestamp" '
                    f'ON "{name}" (item_timestamp)'
                )
                connection.commit()
            except Exception:
                connection.close()
                raise
        return SQLiteBucket([rate], connection, table=name, lock=lock)


class _Unavailable(Exception):
    """Redis is not to be used for this call (down, or resting after a failure)."""


# KEYS[1]: the key; ARGV[1]: "1" when a value is expected, ARGV[2]: it, ARGV[3]: the new value
_COMPARE_AND_SET = """
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1
"""


class RedisStore(SharedStore):
    """A Redis every process of the deployment names, with ``local`` (the cache folder) as each
    process's own copy: everything read from Redis is kept there, everything written goes to
    both, and while Redis cannot be used the local copy is all there is."""

    recovers = True

    def __init__(self, url: str, prefix: str = DEFAULT_PREFIX, local: FolderStore | None = None):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self.prefix = prefix
        self.local = local or FolderStore()
        self.description = f"Redis at {_where(url)}"
        self._client: redis.Redis = redis.Redis.from_url(
            url,
            socket_timeout=SOCKET_SECONDS,
            socket_connect_timeout=CONNECT_SECONDS,
            # one reconnect (a restarted Redis leaves dead sockets), none after a slow answer
            retry=Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,)),
        )
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._state = threading.Lock()
        self._down_since: float | None = None
        self._resting_until = 0.0
        self._mirrored: dict[str, bytes] = {}  # local file → digest of the bytes last copied

    # --- availability ---------------------------------------------------------------------

    def _call(self, action: Callable[[redis.Redis], T]) -> T:
        with self._state:
            if self._down_since is not None and time.monotonic() < self._resting_until:
                raise _Unavailable
        try:
            result = action(self._client)
        except self._errors as error:
            self.failed(error)
            raise _Unavailable from None
        self._back()
        return result

    def failed(self, error: BaseException) -> None:
        with self._state:
            first = self._down_since is None
            if first:
                self._down_since = time.time()
            self._resting_until = time.monotonic() + RETRY_SECONDS
        if first:
            print(
                f"smallwins: warning: {self.description} cannot be used "
                f"({type(error).__name__}); {NOT_SHARED}. Trying again every "
                f"{RETRY_SECONDS:g} s.",
                file=sys.stderr,
                flush=True,
            )

    def _back(self) -> None:
        with self._state:
            was_down, self._down_since = self._down_since is not None, None
        if was_down:
            print(
                f"smallwins: {self.description} is back: sharing resumed.",
                file=sys.stderr,
                flush=True,
            )

    @property
    def outage(self) -> str | None:
        with self._state:
            since = self._down_since
        if since is None:
            return None
        at = time.strftime("%H:%M UTC", time.gmtime(since))
        return f"{self.description} cannot be used since {at}: {NOT_SHARED}."

    # --- values ---------------------------------------------------------------------------

    def read(self, key: str, decode: Callable[[bytes], T]) -> T | None:
        try:
            data = self._call(lambda client: client.get(self.prefix + key))
        except _Unavailable:
            return self.local.read(key, decode)
        if not isinstance(data, bytes):  # None: Redis answered, and nobody has shared this yet
            return None
        value = cache.decoded(data, decode, key)
        if value is not None:
            self._mirror(key, data)
        return value

    def write(self, key: str, data: bytes) -> None:
        kept_locally = self._mirror(key, data)
        try:
            self._call(lambda client: client.set(self.prefix + key, data))
        except _Unavailable:
            if not kept_locally:
                raise OSError(f"{key}: kept neither in {self.description} nor locally") from None

    def compare_and_set(self, key: str, expected: bytes | None, new: bytes) -> bool:
        args = ("1" if expected is not None else "0", expected or b"", new)
        try:
            done = self._call(
                lambda client: client.eval(_COMPARE_AND_SET, 1, self.prefix + key, *args)
            )
        except _Unavailable:
            return self.local.compare_and_set(key, expected, new)
        if done:
            self._mirror(key, new)
        return bool(done)

    def _mirror(self, key: str, data: bytes) -> bool:
        """Keep ``data`` as the local copy of ``key`` unless it is already; whether it is."""
        digest = hashlib.blake2b(data, digest_size=16).digest()
        path = self.local.path(key)
        if self._mirrored.get(str(path)) == digest and path.exists():
            return True
        try:
            self.local.write(key, data)
        except OSError as error:
            log.info("no local copy of %s (%s)", key, type(error).__name__)
            return False
        self._mirrored[str(path)] = digest
        return True

    # --- claims and the pace --------------------------------------------------------------

    @contextmanager
    def claim(self, key: str, wait: float) -> Iterator[None]:
        """redis-py's ``Lock``, leased for ``LEASE_SECONDS`` and renewed while held: a holder
        killed outright frees the claim within the lease. With Redis unusable, the local file
        lock (processes of this host still take turns)."""
        from redis.lock import Lock

        lock = Lock(
            self._client,
            self.prefix + key,
            timeout=LEASE_SECONDS,
            blocking_timeout=wait,
            thread_local=False,
            raise_on_release_error=False,
        )
        try:
            held = self._call(lambda _client: lock.acquire())
        except _Unavailable:
            with self.local.claim(key, wait):
                yield
            return
        if not held:
            raise ClaimTimeout(f"{key} stayed claimed for {wait:g} s in {self.description}")
        released = threading.Event()
        renewer = threading.Thread(
            target=_renew, args=(lock, released), name="smallwins-claim", daemon=True
        )
        renewer.start()
        try:
            yield
        finally:
            released.set()
            with suppress(Exception):  # expired or Redis gone: the lease frees it anyway
                lock.release()

    def bucket(self, rate: Rate, name: str) -> AbstractBucket:
        try:
            return self._call(lambda client: _RedisBucket.init([rate], client, self.prefix + name))
        except _Unavailable:
            raise ConnectionError(f"{self.description} cannot be used") from None

    def resting(self) -> bool:
        """Whether Redis is being left alone after a failure (the pacer asks before using it)."""
        with self._state:
            return self._down_since is not None and time.monotonic() < self._resting_until


class _RedisBucket(RedisBucket):
    """pyrate-limiter's Redis bucket, which loads its script again when Redis has forgotten it
    (a restarted Redis keeps no scripts): a Redis that comes back is not a second outage. Its
    background leak, while Redis is away, leaks nothing and says nothing (the store said it)."""

    def leak(self, current_timestamp: int | None = None) -> Any:
        from redis import RedisError

        try:
            return super().leak(current_timestamp)
        except (RedisError, OSError):
            return 0

    def _check_and_insert(self, item: RateItem) -> Any:
        from redis.exceptions import NoScriptError

        try:
            return super()._check_and_insert(item)
        except NoScriptError:
            # a restarted Redis forgot the script: load it again (redis-py types the hash loosely)
            self.script_hash = self.redis.script_load(LuaScript.PUT_ITEM)  # type: ignore[assignment]
            return super()._check_and_insert(item)


def _renew(lock: object, released: threading.Event) -> None:
    while not released.wait(RENEW_SECONDS):
        try:
            # a redis-py Lock, passed as ``object`` so this module loads without redis imported
            lock.reacquire()  # type: ignore[attr-defined]
        except Exception:  # lost or Redis gone: nothing more this thread can do
            return


def _where(url: str) -> str:
    """``host:port/db`` of a Redis URL: what messages name (never the user or password)."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path or "a Unix socket"
    host = parts.hostname or "localhost"
    port = parts.port or 6379
    database = parts.path.strip("/") or "0"
    tls = " (TLS)" if parts.scheme == "rediss" else ""
    return f"{host}:{port}/{database}{tls}"


def check_url(url: str, where: str) -> str:
    """``url`` when it is a Redis URL; else ``ConfigError`` naming ``where`` (not the value:
    it may hold a password)."""
    try:
        scheme = urlsplit(url.strip()).scheme
    except ValueError:
        scheme = ""
    if scheme not in SCHEMES:
        raise ConfigError(f"{where} must be a Redis URL: {URL_FORM}")
    return url.strip()


_STORES: dict[tuple[str | None, str], SharedStore] = {}
_STORES_LOCK = threading.Lock()
_active: SharedStore | None = None


def store_for(settings: Settings) -> SharedStore:
    """The store of ``settings`` (``SMALLWINS_REDIS_URL`` before ``[app] redis_url``; neither:
    the cache folder), one per process, and from now on this process's :func:`active` one."""
    global _active
    url = os.environ.get(REDIS_VARIABLE) or None
    where = REDIS_VARIABLE
    if url is None and settings.redis_url:
        url, where = settings.redis_url, REDIS_SETTING
    key = (check_url(url, where) if url else None, settings.redis_prefix)
    with _STORES_LOCK:
        if key not in _STORES:
            try:
                _STORES[key] = RedisStore(key[0], key[1]) if key[0] else FolderStore()
            except ValueError:  # redis-py's parse: a port that is no number, a bad option
                raise ConfigError(f"{where} cannot be read as a Redis URL: {URL_FORM}") from None
        _active = _STORES[key]
        return _active


def active() -> SharedStore:
    """The store this process uses: the last one :func:`store_for` gave (the loader asks for it
    before any read), else the environment's Redis, else the cache folder."""
    if _active is not None:
        return _active
    url = os.environ.get(REDIS_VARIABLE)
    if url:
        return store_for(Settings(sources=()))
    return FolderStore()


# --- small records: the digests' sent-log and the like ------------------------------------------


def _record_bytes(record: dict[str, Any] | None) -> bytes | None:
    """One spelling per record (sorted keys, no spaces), so compare-and-set compares records."""
    if record is None:
        return None
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8")


def get_record(key: str) -> dict[str, Any] | None:
    """The JSON record under ``key`` in this process's store (None: none, or unreadable)."""
    found = active().read(key, json.loads)
    return found if isinstance(found, dict) else None


def set_record(key: str, record: dict[str, Any]) -> None:
    """Replace the record under ``key`` (``OSError`` when it can be kept nowhere)."""
    active().write(key, _record_bytes(record) or b"")


def swap_record(key: str, expected: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """Replace the record under ``key`` with ``new`` only if it still is ``expected`` (None:
    only if there is none), for every process of the store at once; whether it was replaced.
    Exactly one of several hosts wins ``swap_record(key, None, …)``: the one that sends."""
    return active().compare_and_set(key, _record_bytes(expected), _record_bytes(new) or b"")


def forget() -> None:
    """Drop every store this process opened, as a restarted process would (tests)."""
    global _active
    with _STORES_LOCK:
        _STORES.clear()
        _active = None
