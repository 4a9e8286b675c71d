"""The cache folder, and the one way every cache file is read and written.

The folder (``SMALLWINS_CACHE_DIR``, else the user's cache) holds Sheets snapshots and what the
processes did with them, the pacer's shared database and the pseudonym secret: names and emails
of the team, so the folder is made readable by its owner only (0700) and every file in it 0600.

A cache only saves work, so a cache file that cannot be read — missing, unreadable, cut short,
random bytes, a header that decodes but says something impossible (a date in the future, a date
with no time zone) — is *absent*: the caller does what it would do with no cache (read Google
again, make a new secret, pace in-process). Every reader goes through :func:`read`, which turns
any failure of reading or decoding into ``None``; no reader catches its own list of exceptions.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

import platformdirs

from dashboard.atomic import write_bytes_atomically

CACHE_VARIABLE = "SMALLWINS_CACHE_DIR"
FOLDER_MODE = 0o700
FILE_MODE = 0o600

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    """Where the cache lives (not created: :func:`ensure_dir` makes it when writing)."""
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured) if configured else platformdirs.user_cache_path("smallwins")


def ensure_dir(folder: Path | None = None) -> Path:
    """The cache folder (or ``folder`` in it), made if missing, readable by its owner only; a
    folder an older version made 0755 is narrowed (best effort: it may not be ours)."""
    folder = folder or cache_dir()
    root = cache_dir()
    if folder != root and root in folder.parents:  # a folder in the cache: the cache first
        ensure_dir(root)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    with suppress(OSError):
        if stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
            os.chmod(folder, FOLDER_MODE)
    return folder


def read(path: Path, decode: Callable[[bytes], T]) -> T | None:
    """``decode`` of the bytes of cache file ``path``, or None when it is missing, cannot be
    read, or ``decode`` fails in any way. A damaged cache is an absent cache: whatever the
    damage (a cut, random bytes, a foreign format), the caller recomputes what the file held.
    Catching everything here is deliberate — there is no failure of a cache read that should
    stop a command — and it is the only place that does."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return decoded(data, decode, path.name)


def decoded(data: bytes, decode: Callable[[bytes], T], name: str) -> T | None:
    """``decode(data)``, or None when it fails in any way: what :func:`read` does with a file's
    bytes, and a shared store (``shared``) with a value it holds under ``name``."""
    try:
        return decode(data)
    except Exception as error:  # any failure: see read's docstring
        log.info("cache file %s ignored: %s", name, type(error).__name__)
        return None


def write(path: Path, data: bytes) -> Path:
    """Replace cache file ``path`` whole or not at all (``atomic``: no half file, and no
    temporary file left behind when the disk is full or read-only), readable by its owner
    only. Raises ``OSError``: callers decide whether a cache that cannot be kept matters."""
    ensure_dir(path.parent)
    return write_bytes_atomically(path, data, mode=FILE_MODE)


def moment(text: object, now: dt.datetime | None = None) -> dt.datetime:
    """A time a cache file states: ISO 8601 with a time zone, not in the future. Anything else
    raises ``ValueError`` (the file is then absent): a clock once set ahead, or a replica's skew,
    must not keep a copy "fresh" for ever, and a time with no zone cannot be compared."""
    if not isinstance(text, str):
        raise ValueError("not a date-time")
    when = dt.datetime.fromisoformat(text)
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a date-time with no time zone")
    if when > (now or dt.datetime.now(dt.UTC)):
        raise ValueError("a date-time in the future")
    return when
