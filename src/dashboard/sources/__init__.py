"""Where workbooks come from: local files or Google Sheets, read into one raw shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dashboard.config import SourceConfig
from dashboard.sources import gsheets
from dashboard.sources.local import RawSheets, read_csv_folder, read_xlsx


class SourceError(RuntimeError):
    """A whole source could not be read (not found, not shared, Google down)."""


@dataclass(frozen=True)
class RawSource:
    """What one source held when it was read.

    ``stale`` says why the live read could not be used when these are a snapshot's sheets
    (``snapshot`` is then its file, and ``read_at`` when the snapshot was read).
    """

    config: SourceConfig
    sheets: RawSheets
    title: str
    read_at: dt.datetime
    stale: str | None = None
    snapshot: str | None = None


def read_source(
    source: SourceConfig,
    service_account_info: Mapping[str, Any] | None = None,
    timeout: float = 20.0,
) -> RawSource:
    """Read every tab of ``source``; raise ``SourceError`` with a plain message on failure."""
    read_at = dt.datetime.now(dt.UTC)
    try:
        if source.kind == "xlsx":
            return RawSource(source, read_xlsx(source.location), source.label, read_at)
        if source.kind == "csv":
            return RawSource(source, read_csv_folder(source.location), source.label, read_at)
        creds = gsheets.credentials(service_account_info, source.credentials_file)
        api_key = source.api_key or gsheets.os.environ.get(gsheets.API_KEY_VARIABLE)
        client = gsheets.client(None if source.api_key else creds, api_key, timeout)
        title, sheets = gsheets.read_spreadsheet(client, source.sheet_key)
        return RawSource(source, sheets, title, read_at)
    except gsheets.SheetsError as error:
        raise SourceError(f"{source.label}: {error}") from None
    except FileNotFoundError:
        raise SourceError(f"{source.label}: '{source.location}' not found") from None
    except (OSError, ValueError, KeyError) as error:
        raise SourceError(
            f"{source.label}: '{source.location}' cannot be read as a workbook "
            f"({type(error).__name__})"
        ) from None
