"""The last good copy of each Google Sheets source, kept on disk: served when Google fails, when
Drive says the sheet has not changed, and at once when the app starts.

Per spreadsheet key (files named by a hash of the key), in the user's cache folder or
``SMALLWINS_CACHE_DIR`` — never in the repository, readable by its owner only (it holds the
team's names and emails), never holding a credential:

- ``sheet-<hash>.snapshot``: the ``values:batchGet`` answer exactly as Google sent it, after one
  JSON header line (title, every tab title, when it was read, Drive's ``modifiedTime`` seen just
  before the read), zstd-compressed. Keeping the bytes as received costs no re-encoding on the
  read path, and serving the snapshot parses them like a live answer.
- ``sheet-<hash>.state.json``: when some process last confirmed the copy current, last tried to
  read the sheet, and how that went — so app replicas sharing the folder read a source once per
  TTL in all, not once each.
- ``sheet-<hash>.lock``: held while a process reads the sheet; the others wait, then take its copy.

Both files are replaced atomically (``dashboard.atomic``: a temporary file beside them, then
renamed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import zstandard
from filelock import FileLock

from dashboard.atomic import write_bytes_atomically
from dashboard.config import SourceConfig

CACHE_VARIABLE = "SMALLWINS_CACHE_DIR"
FORMAT = 2
LEVEL = 3  # zstd: ~0.1 s for the 75 MB answer of a 200,000-row workbook (gzip -6 took 3 s)


@dataclass(frozen=True)
class Snapshot:
    """A kept copy: the batchGet ``body`` of the tabs ``read`` (in order), as read at
    ``read_at``; ``titles`` are every tab of the spreadsheet as of ``titles_at``."""

    path: Path
    title: str
    read_at: dt.datetime
    body: bytes
    read: tuple[str, ...]
    titles: tuple[str, ...]
    titles_at: dt.datetime
    modified_time: str | None = None


@dataclass(frozen=True)
class State:
    """What the processes sharing the cache folder last did with a source."""

    checked_at: dt.datetime | None = None  # the copy confirmed current (read, or unchanged)
    attempted_at: dt.datetime | None = None  # a read was last tried
    error: str | None = None  # why that try failed; None when it worked

    def confirmed_within(self, seconds: float, now: dt.datetime) -> bool:
        return self.checked_at is not None and (now - self.checked_at).total_seconds() < seconds

    def failed_within(self, seconds: float, now: dt.datetime) -> bool:
        return (
            self.attempted_at is not None
            and self.error is not None
            and (now - self.attempted_at).total_seconds() < seconds
        )


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured) if configured else platformdirs.user_cache_path("smallwins")


def keeps_snapshot(source: SourceConfig) -> bool:
    """Only Google Sheets sources: a local workbook is its own last copy."""
    return source.kind == "gsheets"


def _stem(source: SourceConfig) -> Path:
    """Files named by a hash of the key (not a secret, but a hash keeps odd characters out)."""
    digest = hashlib.sha256(source.sheet_key.encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"sheet-{digest}"


def path_for(source: SourceConfig) -> Path:
    return _stem(source).with_suffix(".snapshot")


def lock_for(source: SourceConfig, timeout: float) -> FileLock:
    """The lock a process holds while it reads ``source``; ``timeout`` seconds to get it."""
    path = _stem(source).with_suffix(".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(path, timeout=timeout, mode=0o600)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, data, mode=0o600)


def save(
    source: SourceConfig,
    title: str,
    read_at: dt.datetime,
    body: bytes,
    read: tuple[str, ...],
    titles: tuple[str, ...],
    titles_at: dt.datetime,
    modified_time: str | None = None,
) -> Path:
    """Replace the snapshot of ``source``; the old one stays whole until the new one is."""
    header = {
        "format": FORMAT,
        "sheet_key": source.sheet_key,
        "title": title,
        "read_at": read_at.isoformat(),
        "read": list(read),
        "titles": list(titles),
        "titles_at": titles_at.isoformat(),
        "modified_time": modified_time,
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n"
    data = zstandard.ZstdCompressor(level=LEVEL).compress(head + body)
    path = path_for(source)
    _replace(path, data)
    return path


def load(source: SourceConfig) -> Snapshot | None:
    """The snapshot of ``source``, or None when there is none or it cannot be read."""
    path = path_for(source)
    try:
        data = zstandard.ZstdDecompressor().decompress(path.read_bytes())
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or header.get("sheet_key") != source.sheet_key:
            return None
        return Snapshot(
            path=path,
            title=str(header.get("title") or source.label),
            read_at=dt.datetime.fromisoformat(header["read_at"]),
            body=body,
            read=tuple(str(t) for t in header["read"]),
            titles=tuple(str(t) for t in header["titles"]),
            titles_at=dt.datetime.fromisoformat(header["titles_at"]),
            modified_time=header.get("modified_time"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zstandard.ZstdError):
        return None


def state(source: SourceConfig) -> State:
    try:
        body = json.loads(_stem(source).with_suffix(".state.json").read_text(encoding="utf-8"))
        when = {
            k: dt.datetime.fromisoformat(body[k]) if body.get(k) else None
            for k in ("checked_at", "attempted_at")
        }
        return State(when["checked_at"], when["attempted_at"], body.get("error"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return State()


def record(source: SourceConfig, new: State) -> None:
    """Tell the other processes what this one just did with ``source``."""
    body = {
        "checked_at": new.checked_at.isoformat() if new.checked_at else None,
        "attempted_at": new.attempted_at.isoformat() if new.attempted_at else None,
        "error": new.error,
    }
    _replace(_stem(source).with_suffix(".state.json"), json.dumps(body).encode("utf-8"))
