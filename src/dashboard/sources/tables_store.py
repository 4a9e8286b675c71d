"""Named tables kept in the cache folder from one run to the next, so a fresh process does not
redo work an earlier one did on the same data with the same code.

What it keeps (``loader.merged``): the clean tables and the problems list made from a set of
sources' data. Cleaning a 200,000-commitment workbook takes seconds, and every server start, new
replica or app woken from sleep used to repeat it before its first viewer saw a figure; reading
the tables back takes a tenth of a second. The caller says which entry it wants by two strings:

- ``family``: which set of sources (their locations, in order). One file per family, replaced
  whole by each new entry: only the latest entry of a set of sources is kept.
- ``key``: everything the tables depend on (the data, how it is read, the code, the day), as a
  hash. An entry whose key differs is absent, so a changed sheet, label or program is cleaned
  again and the new tables replace the old.

The file, ``tables-<family>.arrows`` beside the Sheets snapshots (``cache``: the folder 0700, the
file 0600, like the snapshots, because the tables hold what the snapshots hold — people's names
and emails — and nothing else: never a credential), is a line of magic, a JSON header line (the
format, the key, a hash of the rest, each table's name, rows, byte length and column dtypes),
then each table as an Arrow IPC file with zstd-compressed buffers: columnar, so reading back is
a copy per column, not a parse per cell. pandas' own metadata in each IPC file brings back the
exact dtypes (``string``, ``Int64``, ``datetime64[ns]``); the header's dtypes are checked on the
way back all the same.

A cache only saves work: a file missing, cut short, of random bytes, with a bit flipped (the
hash: compressed data may decode to other values without an error), of another format or key,
or whose tables come back with other rows or dtypes is absent (``cache.read``), and the caller
cleans again. Writes are atomic (``cache.write``: a temporary file then a rename), so a reader
sees the old file or the new, never half. ``claim`` lets one process of several sharing the
folder clean a set of sources while the others wait for its tables instead of cleaning the same
rows side by side on the same cores. A file of another set of sources untouched for
``KEEP_DAYS`` is removed when an entry is written (entries are rewritten at least daily while
used: the day is part of the key).
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.ipc as ipc
from filelock import FileLock

from dashboard.sources import cache

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"smallwins clean tables\n"
PREFIX = "tables-"
SUFFIX = ".arrows"
LOCK_SUFFIX = ".lock"
KEEP_DAYS = 7.0  # another set of sources' tables, untouched this long, are removed
ZSTD_LEVEL = 1  # Arrow's default: 15 MB for the 200,000-row workbook's tables in ~0.4 s
PACKAGE = Path(__file__).resolve().parents[1]  # the dashboard package whose code made the tables


class NotStorable(ValueError):
    """A table that Arrow would not give back as it is (a column of mixed Python objects)."""


def program_key() -> str:
    """What identifies the code that makes the tables: a hash of every Python file of the
    installed package, and the versions of Python, pandas, numpy and pyarrow, which decide
    parsing and dtypes. Any change to any of them is a new program (cleaned once again).
    Computed at each call (~200 small files, milliseconds): a server whose files were edited
    under it, as a developer's is, must not take the old code's tables."""
    digest = hashlib.sha256()
    versions = (sys.version, platform.machine(), pd.__version__, np.__version__, pa.__version__)
    digest.update(json.dumps([FORMAT, *versions]).encode("utf-8"))
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def path_for(family: str) -> Path:
    """The file of ``family``'s tables in the cache folder."""
    return cache.cache_dir() / f"{PREFIX}{family}{SUFFIX}"


def load(family: str, key: str, names: tuple[str, ...]) -> dict[str, pd.DataFrame] | None:
    """The tables ``names`` stored for ``family`` under ``key``; None when there are none, or
    the file is of another key, or cannot be read or decoded in any way (absent: clean again)."""
    return cache.read(path_for(family), lambda data: _decoded(data, key, names))


def _decoded(data: bytes, key: str, names: tuple[str, ...]) -> dict[str, pd.DataFrame] | None:
    if not data.startswith(MAGIC):
        return None
    start = len(MAGIC)
    end = data.index(b"\n", start)
    header = json.loads(data[start:end])
    if header.get("format") != FORMAT or header.get("key") != key:
        return None
    listed = header["tables"]
    if tuple(entry["name"] for entry in listed) != names:
        return None
    offset = end + 1
    if hashlib.sha256(memoryview(data)[offset:]).hexdigest() != header["sha256"]:
        return None  # a bit flipped, a cut: compressed data may decode to other values silently
    view = memoryview(data)
    tables: dict[str, pd.DataFrame] = {}
    for entry in listed:
        size = int(entry["bytes"])
        if size <= 0 or offset + size > len(data):
            return None
        buffer = pa.py_buffer(view[offset : offset + size])
        frame = ipc.open_file(buffer).read_all().to_pandas()
        offset += size
        if len(frame) != entry["rows"] or _dtypes(frame) != entry["dtypes"]:
            return None  # not what was stored: a table does not come back as itself
        tables[entry["name"]] = frame
    return tables if offset == len(data) else None


def _dtypes(frame: pd.DataFrame) -> list[list[str]]:
    return [[str(column), repr(dtype)] for column, dtype in frame.dtypes.items()]


def _encoded(frame: pd.DataFrame) -> bytes:
    """One table as an Arrow IPC file, its buffers zstd-compressed; ``NotStorable`` when a
    column holds Python objects (Arrow would infer a type for them: not the same table back)."""
    for column in frame.columns:
        if not isinstance(column, str):
            raise NotStorable(f"column {column!r}: not a name")
        if frame[column].dtype == object and frame[column].notna().any():
            raise NotStorable(f"column {column!r} holds Python objects")
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    options = ipc.IpcWriteOptions(compression=pa.Codec("zstd", ZSTD_LEVEL))
    with ipc.new_file(sink, table.schema, options=options) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def save(family: str, key: str, tables: Mapping[str, pd.DataFrame]) -> Path:
    """Replace ``family``'s stored tables with ``tables`` under ``key`` (atomically, 0600), then
    remove other families' files untouched for ``KEEP_DAYS``. Raises ``OSError`` when the folder
    cannot be written and ``NotStorable`` when a table cannot be kept as it is: the caller goes
    on without (a cache only saves work)."""
    parts = [(name, frame, _encoded(frame)) for name, frame in tables.items()]
    header: dict[str, Any] = {
        "format": FORMAT,
        "key": key,
        "sha256": hashlib.sha256(b"".join(data for _, _, data in parts)).hexdigest(),
        "tables": [
            {"name": name, "rows": len(frame), "bytes": len(data), "dtypes": _dtypes(frame)}
            for name, frame, data in parts
        ],
    }
    head = MAGIC + json.dumps(header).encode("ascii") + b"\n"
    path = cache.write(path_for(family), b"".join([head, *(data for _, _, data in parts)]))
    prune(keep=path)
    return path


def prune(keep: Path, now: float | None = None) -> list[Path]:
    """Remove the stored tables of other sets of sources not written for ``KEEP_DAYS`` (a set
    no longer configured); a file that vanishes meanwhile or cannot be removed is left be."""
    removed: list[Path] = []
    limit = (now if now is not None else time.time()) - KEEP_DAYS * 86400
    for path in keep.parent.glob(f"{PREFIX}*{SUFFIX}"):
        if path == keep:
            continue
        with suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed


@contextmanager
def claim(family: str, wait: float) -> Iterator[bool]:
    """Hold ``family``'s lock file for the block, waiting up to ``wait`` seconds for a process
    that is making its tables; yields whether it is held. Never raises for the lock: a folder
    that cannot hold one, or a holder slower than ``wait``, only means this process cleans
    without waiting (as every process did before the store)."""
    path = cache.cache_dir() / f"{PREFIX}{family}{LOCK_SUFFIX}"
    try:
        cache.ensure_dir(path.parent)
        lock = FileLock(path, timeout=wait, mode=cache.FILE_MODE)
        lock.acquire()
    except (OSError, TimeoutError) as error:  # filelock.Timeout is a TimeoutError
        log.info("cleaning without the tables' lock (%s)", type(error).__name__)
        yield False
        return
    try:
        yield True
    finally:
        lock.release()
