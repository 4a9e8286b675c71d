"""Logging wins and commitments: validated, then appended once to the source's own sheet."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.config import DEMO_COPY, SourceConfig, is_bundled_demo, source_entry
from dashboard.sources import gsheets
from dashboard.sources.http import RetryPolicy
from dashboard.sources.quota import Pacer
from dashboard.writing.layout import LayoutError
from dashboard.writing.local import append_to_csv, append_to_xlsx
from dashboard.writing.records import NewCommitment, NewWin, validate
from dashboard.writing.sheets import append_record

__all__ = [
    "NewCommitment",
    "NewWin",
    "WriteError",
    "lines_to_paste",
    "validate",
    "write",
    "writing_off_reason",
]


class WriteError(RuntimeError):
    """The record could not be written; the message says why and what to do."""


DEMO_READ_ONLY = (
    "The bundled demo workbook is read-only: it ships with the app, the same for everyone. To "
    "log wins, give the app a workbook of your own. `smallwins init` makes one — "
    f"`{DEMO_COPY}`, a copy of the demo — and a `smallwins.toml` naming it with writing on, in "
    "the folder you run it from (start the app from there). For a workbook you already have, put "
    "these lines in `smallwins.toml` instead, with its path:"
)


def writing_off_reason(source: SourceConfig, config_path: str | None = None) -> str | None:
    """Why the app may not write to ``source`` (``None`` when it may), and what to do; the
    configuration lines to paste are :func:`lines_to_paste`'s."""
    if is_bundled_demo(source):
        return DEMO_READ_ONLY
    if not source.writable:
        where = f"`{config_path}`" if config_path else "`smallwins.toml`"
        editor = (
            ", and share the sheet with the service account as Editor"
            if source.kind == "gsheets"
            else ""
        )
        return (
            f"Writing is off for {source.label}. To log wins from the app, add `writable = true` "
            f"to its `[[sources]]` entry in {where}{editor}; it then reads:"
        )
    if source.kind == "gsheets" and source.api_key:
        return (
            f"{source.label} is read with an API key, which can only read. Writing needs a "
            "service account (see the README, 'Connect a Google Sheet')."
        )
    return None


def lines_to_paste(source: SourceConfig) -> str | None:
    """The ``[[sources]]`` entry that switches writing on for ``source`` (for the demo: one for
    a workbook of the user's own), or ``None`` when there is nothing to paste."""
    if is_bundled_demo(source):
        return source_entry("your-team.xlsx")
    if not source.writable:
        return source_entry(source.location, source.name, source.collaboration)
    return None


def write(
    source: SourceConfig,
    record: NewWin | NewCommitment,
    service_account_info: Mapping[str, Any] | None = None,
    timeout: float = 20.0,
    pacer: Pacer | None = None,
) -> bool:
    """Append ``record`` to ``source``; ``False`` when its id was already written (a retry).
    A Google Sheet's requests take their turn from ``pacer`` (the quota), as reads do. The
    bundled demo is never written, whatever the caller checked."""
    if is_bundled_demo(source):
        raise WriteError(DEMO_READ_ONLY.partition(" For a workbook")[0])
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
            )
        client = gsheets.client(creds, None, timeout, RetryPolicy(attempts=1), pacer)
        return append_record(client, source.sheet_key, record)
    except (gsheets.SheetsError, LayoutError, ValueError, OSError) as error:
        raise WriteError(f"{source.label}: {error}") from None
    except gsheets.APIError as error:
        raise WriteError(
            f"{source.label}: Google Sheets refused the write ({error.response.status_code}); "
            "check the sheet is shared with the service account as Editor"
        ) from None
