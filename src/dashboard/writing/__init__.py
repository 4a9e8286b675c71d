"""Logging wins and commitments: validated, then appended once to the source's own sheet."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.config import SourceConfig
from dashboard.sources import gsheets
from dashboard.sources.http import RetryPolicy
from dashboard.sources.quota import Pacer
from dashboard.writing.layout import LayoutError
from dashboard.writing.local import append_to_csv, append_to_xlsx
from dashboard.writing.records import NewCommitment, NewWin, validate
from dashboard.writing.sheets import append_record

__all__ = ["NewCommitment", "NewWin", "WriteError", "validate", "write", "writing_off_reason"]


class WriteError(RuntimeError):
    """The record could not be written; the message says why and what to do."""


def writing_off_reason(source: SourceConfig) -> str | None:
    """Why the app may not write to ``source`` (``None`` when it may)."""
    if not source.writable:
        return (
            f"Writing is off for {source.label}. To log wins from the app, add "
            "`writable = true` to its `[[sources]]` entry in smallwins.toml"
            + (" and share the sheet with the service account as Editor." if
               source.kind == "gsheets" else ".")
        )  # fmt: skip
    if source.kind == "gsheets" and source.api_key:
        return (
            f"{source.label} is read with an API key, which can only read. Writing needs a "
            "service account (see the README, 'Connect a Google Sheet')."
        )
    return None


def write(
    source: SourceConfig,
    record: NewWin | NewCommitment,
    service_account_info: Mapping[str, Any] | None = None,
    timeout: float = 20.0,
    pacer: Pacer | None = None,
) -> bool:
    """Append ``record`` to ``source``; ``False`` when its id was already written (a retry).
    A Google Sheet's requests take their turn from ``pacer`` (the quota), as reads do."""
    try:
        if source.kind == "xlsx":
            return append_to_xlsx(Path(source.location), record)
        if source.kind == "csv":
            return append_to_csv(Path(source.location), record)
        creds = gsheets.credentials(service_account_info, source.credentials_file, write=True)
        if creds is None:
            reason = (
                "only an API key is configured"
                if (source.api_key or os.environ.get(gsheets.API_KEY_VARIABLE))
                else "no credentials"
            )
            raise WriteError(
                f"cannot write to {source.label}: {reason}; writing needs a service account "
                "key (GOOGLE_APPLICATION_CREDENTIALS or [gcp_service_account] in secrets)"
            )  # fmt: skip
        client = gsheets.client(creds, None, timeout, RetryPolicy(attempts=1), pacer)
        return append_record(client, source.sheet_key, record)
    except (gsheets.SheetsError, LayoutError, ValueError, OSError) as error:
        raise WriteError(f"{source.label}: {error}") from None
    except gsheets.APIError as error:
        raise WriteError(
            f"{source.label}: Google Sheets refused the write ({error.response.status_code}); "
            "check the sheet is shared with the service account as Editor"
        ) from None
