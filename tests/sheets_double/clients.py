"""gspread clients that reach a loopback server instead of Google, for tests of the double.

gspread's own HTTP client is used unchanged but for the host: Google's hosts are swapped for the
server's URL (what ``SMALLWINS_SHEETS_ENDPOINT`` does for the app), so every request, header and
retry is gspread's and google-auth's.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

import gspread
import requests
from google.oauth2.service_account import Credentials
from gspread.http_client import FileType, HTTPClient, ParamsType

from tests.sheets_double.double import SheetsDouble
from tests.sheets_double.oauth import CLIENT_EMAIL

READ_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly"
WRITE_SCOPE = "https://www.googleapis.com/auth/spreadsheets"
DRIVE_METADATA_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly"
GOOGLE_HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com")


class _RedirectingHTTPClient(HTTPClient):
    """gspread's own HTTP client, with Google's hosts swapped for a loopback server."""

    target = ""

    def request(  # the signature of HTTPClient.request, passed through unchanged
        self,
        method: str,
        endpoint: str,
        params: ParamsType | None = None,
        data: bytes | None = None,
        json: Mapping[str, Any] | None = None,
        files: FileType = None,
        headers: MutableMapping[str, str] | None = None,
    ) -> requests.Response:
        for host in GOOGLE_HOSTS:
            if endpoint.startswith(host):
                endpoint = self.target + endpoint.removeprefix(host)
        return super().request(
            method, endpoint, params=params, data=data, json=json, files=files, headers=headers
        )


def redirected(url: str) -> type[HTTPClient]:
    """A client class bound to ``url``: a new class per server, so nothing leaks between tests."""
    return type("RedirectingHTTPClient", (_RedirectingHTTPClient,), {"target": url})


def service_client(
    double: SheetsDouble, scope: str | list[str] = READ_SCOPE, client_email: str = CLIENT_EMAIL
) -> gspread.Client:
    """A service account's client (one user for the quota per ``client_email``)."""
    info = double.service_account_info(client_email=client_email)
    scopes = [scope] if isinstance(scope, str) else scope
    creds = Credentials.from_service_account_info(info, scopes=scopes)
    return gspread.Client(auth=creds, http_client=redirected(double.url))


def anonymous_client(url: str) -> gspread.Client:
    """No credentials at all: a bare session, as replayed recordings need none."""
    return gspread.Client(auth=None, session=requests.Session(), http_client=redirected(url))


def api_key_client(double: SheetsDouble, key: str | None = None) -> gspread.Client:
    """An API key's client (the key is its user for the quota)."""
    return gspread.api_key(key or double.api_key, http_client=redirected(double.url))
