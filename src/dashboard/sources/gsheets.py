"""Google Sheets through gspread: all tabs of a spreadsheet in one ``values:batchGet`` request.

A first read costs two requests: the metadata (tab titles) and one batchGet of every tab the
workbook format knows, with unformatted values and serial dates, so a cell reads the same
whatever the sheet's display format or locale. Later reads take the tab titles from the last
snapshot and cost one batchGet; the titles are read again when that batchGet finds a tab renamed
or deleted (Google answers 400), and at least once a day, so a tab added later is found.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import gspread
import orjson
import requests
from google.auth.exceptions import GoogleAuthError
from google.oauth2 import service_account
from gspread.exceptions import APIError
from gspread.urls import SPREADSHEET_VALUES_BATCH_URL
from gspread.utils import absolute_range_name

from dashboard.schema import canonical_tab
from dashboard.sources.collector import collector_paused
from dashboard.sources.http import RetryPolicy, SmallWinsHTTPClient
from dashboard.sources.local import RawSheets
from dashboard.sources.quota import Pacer

READ_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly"
WRITE_SCOPE = "https://www.googleapis.com/auth/spreadsheets"
DRIVE_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly"  # modifiedTime only
API_KEY_VARIABLE = "SMALLWINS_SHEETS_API_KEY"
CREDENTIALS_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS"
BATCH_PARAMS = {
    "valueRenderOption": "UNFORMATTED_VALUE",
    "dateTimeRenderOption": "SERIAL_NUMBER",
    "majorDimension": "ROWS",
}
TITLES_MAX_AGE = dt.timedelta(days=1)  # tab titles from a snapshot are trusted this long


class SheetsError(RuntimeError):
    """A spreadsheet could not be read; the message says why in a coordinator's words."""


@dataclass(frozen=True)
class Titles:
    """A spreadsheet's title and every tab title, as of ``at`` (from a snapshot, or read now)."""

    title: str
    tabs: tuple[str, ...]
    at: dt.datetime


@dataclass(frozen=True)
class SheetRead:
    """One read of a spreadsheet: its known tabs, and the batchGet answer as Google sent it."""

    titles: Titles
    read: tuple[str, ...]  # the tabs fetched, in the order of the answer's value ranges
    body: bytes
    sheets: RawSheets


def api_key_for(source_api_key: str | None) -> str | None:
    return source_api_key or os.environ.get(API_KEY_VARIABLE)


def credentials(
    service_account_info: Mapping[str, Any] | None = None,
    credentials_file: str | None = None,
    write: bool = False,
) -> service_account.Credentials | None:
    """Service-account credentials from Streamlit secrets, a key file, or the environment; one
    object per key and scope in the process, so its token is reused until it expires.

    Reading asks for the Sheets read scope and Drive's metadata scope (for ``modifiedTime``).
    The token is fetched from the key's own ``token_uri``, as Google's libraries do.
    """
    scopes = (WRITE_SCOPE,) if write else (READ_SCOPE, DRIVE_SCOPE)
    if service_account_info:
        return _credentials(json.dumps(dict(service_account_info), sort_keys=True), scopes)
    path = credentials_file or os.environ.get(CREDENTIALS_VARIABLE)
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as file:
            return _credentials(file.read(), scopes)
    except (OSError, ValueError, KeyError) as error:
        raise SheetsError(
            f"the service-account key file '{path}' cannot be used ({type(error).__name__}); "
            "download a JSON key for the service account again"
        ) from None


@functools.lru_cache(maxsize=64)
def _credentials(info: str, scopes: tuple[str, ...]) -> service_account.Credentials:
    return service_account.Credentials.from_service_account_info(json.loads(info), scopes=scopes)


def client(
    creds: service_account.Credentials | None,
    api_key: str | None,
    timeout: float = 20.0,
    retry: RetryPolicy | None = None,
    pacer: Pacer | None = None,
) -> gspread.Client:
    """A gspread client on our HTTP client (redirection, pacing, timeout, retries)."""
    http_client = type(
        "ConfiguredHTTPClient",
        (SmallWinsHTTPClient,),
        {"default_timeout": timeout, "retry_policy": retry or RetryPolicy(), "pacer": pacer},
    )
    if creds is not None:
        return gspread.Client(auth=creds, http_client=http_client)
    if api_key:
        return gspread.api_key(api_key, http_client=http_client)
    raise SheetsError(
        "no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account JSON key "
        "file (or add [gcp_service_account] to .streamlit/secrets.toml), or, for a sheet shared "
        f"by link, give an api_key in the configuration or {API_KEY_VARIABLE}"
    )


def read_spreadsheet(gc: gspread.Client, key: str, known: Titles | None = None) -> SheetRead:
    """Every known tab of spreadsheet ``key``: one request when ``known`` titles are recent,
    two otherwise."""
    try:
        now = dt.datetime.now(dt.UTC)
        if known is not None and now - known.at < TITLES_MAX_AGE:
            try:
                return _values(gc, key, known)
            except APIError as error:
                if error.response.status_code != 400:  # 400: a tab renamed or deleted
                    raise
        metadata = gc.http_client.fetch_sheet_metadata(key)
        tabs = tuple(sheet["properties"]["title"] for sheet in metadata.get("sheets", []))
        title = metadata.get("properties", {}).get("title", key)
        return _values(gc, key, Titles(title, tabs, now))
    except APIError as error:
        raise SheetsError(_explain(error, key, gc)) from None
    except requests.Timeout:
        raise SheetsError(f"Google Sheets did not answer in time for spreadsheet {key}") from None
    except requests.ConnectionError:
        raise SheetsError(f"cannot reach Google Sheets for spreadsheet {key}") from None
    except GoogleAuthError:
        raise SheetsError(
            f"could not sign in to Google to read {key}: the service-account key was refused "
            "or its token_uri cannot be reached"
        ) from None


def _values(gc: gspread.Client, key: str, titles: Titles) -> SheetRead:
    """One batchGet of the workbook's tabs among ``titles``, its answer kept as received."""
    wanted = tuple(tab for tab in titles.tabs if canonical_tab(tab) is not None)
    body = b"{}"
    if wanted:
        params: dict[str, Any] = {
            **BATCH_PARAMS,
            "ranges": [absolute_range_name(tab) for tab in wanted],
        }
        answer = gc.http_client.request("get", SPREADSHEET_VALUES_BATCH_URL % key, params=params)
        body = answer.content
    return SheetRead(titles, wanted, body, sheets_from_body(wanted, body))


def sheets_from_body(tabs: tuple[str, ...] | list[str], body: bytes) -> RawSheets:
    """The tabs of a batchGet answer's bytes (a live answer, or a snapshot's)."""
    return sheets_from_batch(list(tabs), parse_json(body))


def parse_json(body: bytes) -> Any:
    """JSON bytes as Python values: by orjson (a 75 MB answer in about a third of the standard
    library's time); what orjson refuses and the standard library reads (an integer beyond 64
    bits, NaN) by the standard library. Python's cyclic garbage collector is paused meanwhile
    (``sources.collector``: it was about 60 % of the parse)."""
    with collector_paused():
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            return json.loads(body)


def _title_of(a1: str) -> str:
    """The sheet title of a resolved range, quotes undone: ``'It''s'!A1:D9`` is ``It's``."""
    name = a1.rsplit("!", 1)[0] if "!" in a1 else a1
    if len(name) >= 2 and name[0] == name[-1] == "'":
        name = name[1:-1].replace("''", "'")
    return name


def sheets_from_batch(titles: list[str], body: Mapping[str, Any]) -> RawSheets:
    """The tabs of a ``values:batchGet`` answer. Each value range is matched to its tab by the
    title in its resolved ``range`` (by position when that names no asked tab). A range with no
    data has no ``values`` key at all in Google's answer: that tab is empty."""
    sheets: RawSheets = {title: [] for title in titles}
    for position, value_range in enumerate(body.get("valueRanges", [])):
        title = _title_of(str(value_range.get("range", "")))
        if title not in sheets and position < len(titles):
            title = titles[position]
        if title in sheets:
            sheets[title] = value_range.get("values", [])
    return sheets


def _explain(error: APIError, key: str, gc: gspread.Client) -> str:
    status = error.response.status_code
    if status == 404:
        return f"spreadsheet {key} was not found: check its URL or key"
    if status == 403:
        auth = getattr(gc.http_client, "auth", None)
        email = getattr(auth, "service_account_email", None)
        if email:
            return (
                f"spreadsheet {key} is not shared with the service account {email}: "
                "share it with that address as Viewer (Editor to log wins)"
            )
        return f"spreadsheet {key} is not shared by link: share it, or use a service account"
    if status == 401:
        return f"Google refused the credentials for spreadsheet {key} (401): check the key"
    if status == 429:
        return f"Google Sheets quota exceeded reading {key} (429), even after retrying"
    return f"Google Sheets answered {status} for spreadsheet {key}, even after retrying"
