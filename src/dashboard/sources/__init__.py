"""Where workbooks come from: local files or Google Sheets, read into one raw shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dashboard.config import SourceConfig
from dashboard.sources import gsheets
from dashboard.sources.local import RawSheets, UnreadableWorkbook, read_csv_folder, read_xlsx
from dashboard.sources.quota import Pacer


class SourceError(RuntimeError):
    """A whole source could not be read (not found, not shared, Google down)."""


@dataclass(frozen=True)
class RawSource:
    """What one source held when it was read.

    ``stale`` says why the live read could not be used when these are a snapshot's sheets
    (``snapshot`` is then its file, and ``read_at`` when the snapshot was read). ``unchanged``
    sheets are a snapshot's too, confirmed current at ``read_at`` by Drive's ``modifiedTime``.
    """

    config: SourceConfig
    sheets: RawSheets
    title: str
    read_at: dt.datetime
    stale: str | None = None
    snapshot: str | None = None
    google: gsheets.SheetRead | None = None  # a Google read: its titles, the answer as received
    modified_time: str | None = None  # Drive's modifiedTime just before the read
    unchanged: bool = False  # the snapshot's sheets, because Drive says the sheet has not changed
    taken_at: dt.datetime | None = None  # a snapshot's: when its data was read from Google

    @property
    def data_at(self) -> dt.datetime:
        """When these sheets were read from their source: what identifies the data (a copy
        confirmed unchanged later is still the same data)."""
        return self.taken_at or self.read_at


def read_source(
    source: SourceConfig,
    service_account_info: Mapping[str, Any] | None = None,
    timeout: float = 20.0,
    known: gsheets.Titles | None = None,
    pacer: Pacer | None = None,
) -> RawSource:
    """Read every tab of ``source``; raise ``SourceError`` with a plain message on failure.

    A Google Sheet's tab titles come from ``known`` (its snapshot's) when recent; its requests
    take their turn from ``pacer`` (the quota)."""
    read_at = dt.datetime.now(dt.UTC)
    try:
        if source.kind == "xlsx":
            return RawSource(source, read_xlsx(source.location), source.label, read_at)
        if source.kind == "csv":
            return RawSource(source, read_csv_folder(source.location), source.label, read_at)
        creds = gsheets.credentials(service_account_info, source.credentials_file)
        api_key = gsheets.api_key_for(source.api_key)
        client = gsheets.client(None if source.api_key else creds, api_key, timeout, None, pacer)
        read = gsheets.read_spreadsheet(client, source.sheet_key, known)
        return RawSource(source, read.sheets, read.titles.title, read_at, google=read)
    except gsheets.SheetsError as error:
        raise SourceError(f"{source.label}: {error}") from None
    except FileNotFoundError:
        raise SourceError(f"{source.label}: '{source.location}' not found") from None
    except UnreadableWorkbook as error:  # a plain reason of its own
        raise SourceError(f"{source.label}: {error}") from None
    except (OSError, ValueError, KeyError) as error:
        raise SourceError(
            f"{source.label}: '{source.location}' cannot be read as a workbook "
            f"({type(error).__name__})"
        ) from None
