"""The last good copy of each Google Sheets source, kept on disk to serve when Google fails.

A snapshot is the raw tabs of one spreadsheet as last read in good shape, with the sheet's title
and when it was read: gzip-compressed JSON (Sheets values are JSON already: text, numbers, true and
false), one file per spreadsheet key, written atomically and readable by its owner only (it holds
the team's names and emails). It lives in the user's cache folder, or ``SMALLWINS_CACHE_DIR``;
never in the repository. Credentials are never part of it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dashboard.config import SourceConfig
from dashboard.sources.local import RawSheets

CACHE_VARIABLE = "SMALLWINS_CACHE_DIR"
FORMAT = 1


@dataclass(frozen=True)
class Snapshot:
    path: Path
    title: str
    read_at: dt.datetime
    sheets: RawSheets


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured) if configured else platformdirs.user_cache_path("smallwins")


def keeps_snapshot(source: SourceConfig) -> bool:
    """Only Google Sheets sources: a local workbook is its own last copy."""
    return source.kind == "gsheets"


def path_for(source: SourceConfig) -> Path:
    """One file per spreadsheet, named by a hash of its key (the key itself is not a secret, but
    a hash keeps odd characters out of file names)."""
    digest = hashlib.sha256(source.sheet_key.encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"sheet-{digest}.json.gz"


def save(source: SourceConfig, title: str, read_at: dt.datetime, sheets: RawSheets) -> Path:
    """Replace the snapshot of ``source``; the old one stays whole until the new one is."""
    path = path_for(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "format": FORMAT,
        "sheet_key": source.sheet_key,
        "title": title,
        "read_at": read_at.isoformat(),
        "sheets": sheets,
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write(json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"))
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load(source: SourceConfig) -> Snapshot | None:
    """The snapshot of ``source``, or None when there is none or it cannot be read."""
    path = path_for(source)
    try:
        with gzip.open(path, "rb") as file:
            body = json.loads(file.read().decode("utf-8"))
        if body.get("format") != FORMAT or body.get("sheet_key") != source.sheet_key:
            return None
        sheets = {str(title): list(rows) for title, rows in body["sheets"].items()}
        read_at = dt.datetime.fromisoformat(body["read_at"])
        return Snapshot(path, str(body.get("title") or source.label), read_at, sheets)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError):
        return None
