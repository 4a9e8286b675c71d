"""The last good copy of each Google Sheets source, kept on disk: served when Google fails, when
Drive says the sheet has not changed, and at once when the app starts.

Per spreadsheet key (files named by a hash of the key), in the deployment's shared store
(``shared.active()``: the user's cache folder or ``SMALLWINS_CACHE_DIR``, or a Redis shared by
replicas on several hosts, with the folder as each process's local copy) — never in the
repository, readable by its owner only (it holds the team's names and emails), never holding a
credential:

- ``sheet-<hash>.snapshot``: the ``values:batchGet`` answer exactly as Google sent it, after one
  JSON header line (title, every tab title, when it was read, Drive's ``modifiedTime`` seen just
  before the read), zstd-compressed. Keeping the bytes as received costs no re-encoding on the
  read path, and serving the snapshot parses them like a live answer.
- ``sheet-<hash>.state.json``: when some process last confirmed the copy current, last tried to
  read the sheet, and how that went — so app replicas sharing the folder read a source once per
  TTL in all, not once each.
- ``sheet-<hash>.lock``: the claim held while a process reads the sheet (a file lock, or a Redis
  lock with a lease); the others wait, then take its copy.

Both files are replaced atomically (``dashboard.atomic``: a temporary file beside them, then
renamed), and both are read through ``cache.read``: a file that cannot be read or decoded — the
header, the body, the state — is absent, so a damaged snapshot is read again from Google rather
than served again, and a state whose times are in the future or have no time zone is "due".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import zstandard

from dashboard.config import SourceConfig
from dashboard.sources import cache, shared
from dashboard.sources.cache import CACHE_VARIABLE, cache_dir
from dashboard.sources.gsheets import sheets_from_body
from dashboard.sources.local import RawSheets

__all__ = ["CACHE_VARIABLE", "Snapshot", "State", "cache_dir", "load", "record", "save", "state"]
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
    sheets: RawSheets | None = None  # the body parsed (``load`` checks it can be)


@dataclass(frozen=True)
class State:
    """What the processes sharing the cache folder last did with a source."""

    checked_at: dt.datetime | None = None  # the copy confirmed current (read, or unchanged)
    attempted_at: dt.datetime | None = None  # a read was last tried
    error: str | None = None  # why that try failed; None when it worked

    def confirmed_within(self, seconds: float, now: dt.datetime) -> bool:
        return self.checked_at is not None and (now - self.checked_at).total_seconds() < seconds

    def failed_within(self, seconds: float, now: dt.datetime) -> bool:
        if self.attempted_at is None or self.error is None:
            return False
        return (now - self.attempted_at).total_seconds() < seconds


def keeps_snapshot(source: SourceConfig) -> bool:
    """Only Google Sheets sources: a local workbook is its own last copy."""
    return source.kind == "gsheets"


def _key(source: SourceConfig, suffix: str) -> str:
    """Keys (file names) by a hash of the sheet key (not a secret, but a hash keeps odd
    characters out)."""
    digest = hashlib.sha256(source.sheet_key.encode("utf-8")).hexdigest()[:16]
    return f"sheet-{digest}{suffix}"


def path_for(source: SourceConfig) -> Path:
    """The snapshot's file in this process's cache folder (with Redis: its local copy)."""
    return cache_dir() / _key(source, ".snapshot")


def lock_for(source: SourceConfig, timeout: float) -> AbstractContextManager[None]:
    """The claim a process holds while it reads ``source``; ``timeout`` seconds to get it, else
    ``shared.ClaimTimeout``."""
    return shared.active().claim(_key(source, ".lock"), timeout)


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
    head = json.dumps(header).encode("ascii") + b"\n"  # escaped: even half an emoji in a title
    data = zstandard.ZstdCompressor(level=LEVEL).compress(head + body)
    shared.active().write(_key(source, ".snapshot"), data)
    return path_for(source)


def load(source: SourceConfig) -> Snapshot | None:
    """The snapshot of ``source``, or None when there is none or any part of it — the header,
    the body — cannot be read (``cache.read``: it is then read from Google again)."""
    path = path_for(source)
    key = _key(source, ".snapshot")
    return shared.active().read(key, lambda data: _decoded(source, path, data))


def _decoded(source: SourceConfig, path: Path, data: bytes) -> Snapshot | None:
    whole = zstandard.ZstdDecompressor().decompress(data)
    head, _, body = whole.partition(b"\n")
    header = json.loads(head)
    if header.get("format") != FORMAT or header.get("sheet_key") != source.sheet_key:
        return None
    read = tuple(str(t) for t in header["read"])
    return Snapshot(
        path=path,
        title=str(header.get("title") or source.label),
        read_at=cache.moment(header["read_at"]),
        body=body,
        read=read,
        titles=tuple(str(t) for t in header["titles"]),
        titles_at=cache.moment(header["titles_at"]),
        modified_time=header.get("modified_time"),
        sheets=sheets_from_body(read, body),  # a body that does not parse: no snapshot
    )


def state(source: SourceConfig) -> State:
    """What the processes last did with ``source``; nothing known (every read due) when the
    file is missing or damaged, or states a time in the future or without a time zone."""
    return shared.active().read(_key(source, ".state.json"), _state) or State()


def _state(data: bytes) -> State:
    body = json.loads(data.decode("utf-8"))
    when = {
        k: cache.moment(body[k]) if body.get(k) else None for k in ("checked_at", "attempted_at")
    }
    error = body.get("error")
    return State(when["checked_at"], when["attempted_at"], str(error) if error else None)


def record(source: SourceConfig, new: State) -> None:
    """Tell the other processes what this one just did with ``source``."""
    body = {
        "checked_at": new.checked_at.isoformat() if new.checked_at else None,
        "attempted_at": new.attempted_at.isoformat() if new.attempted_at else None,
        "error": new.error,
    }
    shared.active().write(_key(source, ".state.json"), json.dumps(body).encode("utf-8"))
