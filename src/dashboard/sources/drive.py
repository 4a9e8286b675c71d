"""When each spreadsheet last changed, from Google Drive's ``modifiedTime``.

A sheet whose ``modifiedTime`` equals its snapshot's has not changed since, so it is served from
the snapshot without a Sheets request. Drive's quota is separate from the Sheets quota and far
larger, and a service account lists every spreadsheet shared with it in one ``files.list``
(1,000 a page); a sheet read with an API key (link-shared) is asked for alone (``files.get``).

Drive is a saving, never a condition: when it cannot be asked (the API is not enabled in the
project, or it does not answer), every sheet is read, and ``Changes.note`` says why, once, with
the step that switches it on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import requests
from google.auth.exceptions import GoogleAuthError
from gspread.exceptions import APIError

from dashboard.config import SourceConfig
from dashboard.sources import gsheets
from dashboard.sources.http import RetryPolicy

# Drive answers quickly or not at all: a short budget, so a slow Drive delays a read by seconds.
DRIVE_RETRY = RetryPolicy(attempts=2, budget_seconds=10.0)
ENABLE_STEP = (
    "Google Cloud console → APIs & Services → Library → Google Drive API → Enable, in the "
    "project of the service account (the same project as the Sheets API)"
)


@dataclass(frozen=True)
class Changes:
    """Drive's ``modifiedTime`` per spreadsheet key; ``note`` when Drive could not be used."""

    modified: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None

    def of(self, source: SourceConfig) -> str | None:
        return self.modified.get(source.sheet_key)


def changes(
    sources: Sequence[SourceConfig],
    service_account_info: Mapping[str, Any] | None,
    timeout: float,
) -> Changes:
    """``modifiedTime`` of every Google Sheets source: one list per service account, one get
    per API-key source."""
    modified: dict[str, str] = {}
    notes: list[str] = []
    groups: dict[tuple[str | None, str | None], list[SourceConfig]] = {}
    for source in sources:  # one Drive client per way of signing in
        if source.kind == "gsheets":
            groups.setdefault((source.api_key, source.credentials_file), []).append(source)
    for (api_key, credentials_file), group in groups.items():
        try:
            found = _modified(group, service_account_info, api_key, credentials_file, timeout)
            modified.update(found)
        except (gsheets.SheetsError, APIError, requests.RequestException, GoogleAuthError) as error:
            notes.append(_explain(error))
    return Changes(modified, notes[0] if notes else None)


def _modified(
    group: list[SourceConfig],
    service_account_info: Mapping[str, Any] | None,
    api_key: str | None,
    credentials_file: str | None,
    timeout: float,
) -> dict[str, str]:
    """As the read signs in (``sources.read_source``): a source's own API key first, else the
    service account, else the API key of the environment."""
    creds = None if api_key else gsheets.credentials(service_account_info, credentials_file)
    gc = gsheets.client(creds, gsheets.api_key_for(api_key), timeout, DRIVE_RETRY)
    if creds is not None:
        return {f["id"]: f["modifiedTime"] for f in gc.list_spreadsheet_files()}
    found = {}
    for source in group:
        try:
            found[source.sheet_key] = gc.http_client.get_file_drive_metadata(source.sheet_key)[
                "modifiedTime"
            ]
        except APIError as error:
            if error.response.status_code != 404:  # not shared by link: the read will say so
                raise
    return found


def _explain(error: BaseException) -> str:
    """Why Drive could not be used, in a coordinator's words, with what to do."""
    if isinstance(error, APIError):
        status = error.response.status_code
        text = error.response.text
        if status == 403 and ("SERVICE_DISABLED" in text or "accessNotConfigured" in text):
            return (
                "the Google Drive API is not enabled, so every sheet is read in full at each "
                f"refresh instead of only the changed ones; switch it on: {ENABLE_STEP}"
            )
        if status == 403:
            return (
                "Google Drive refused to say when the sheets changed (403), so every sheet is "
                "read in full; the service account needs the drive.metadata.readonly scope"
            )
        return f"Google Drive answered {status}, so every sheet was read in full this time"
    if isinstance(error, requests.RequestException):
        return "Google Drive did not answer in time, so every sheet was read in full this time"
    return f"Google Drive could not be asked ({error}), so every sheet was read in full"
