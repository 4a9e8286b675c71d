"""The Sheets API v4 methods the double serves: spreadsheets.get (metadata), values.batchGet,
values.get, values.append, values.update and spreadsheets.batchUpdate (``formatting``); any other
Sheets path is a 404 of kind "other"."""

from __future__ import annotations

import re
from typing import Any

from tests.sheets_double.access import SHEETS_READ_SCOPES, SHEETS_WRITE_SCOPES, Caller
from tests.sheets_double.errors import MISSING_CREDENTIAL, ApiError
from tests.sheets_double.server import Request
from tests.sheets_double.workbook import Workbook

_SHEET = r"/v4/spreadsheets/(?P<key>[^/:]+)"
ROUTES = [
    ("metadata", "GET", re.compile(_SHEET)),
    ("batchUpdate", "POST", re.compile(_SHEET + r":batchUpdate")),
    ("batchGet", "GET", re.compile(_SHEET + r"/values:batchGet")),
    ("append", "POST", re.compile(_SHEET + r"/values/(?P<range>[^/]+):append")),
    ("get", "GET", re.compile(_SHEET + r"/values/(?P<range>[^/]+)")),
    ("update", "PUT", re.compile(_SHEET + r"/values/(?P<range>[^/]+)")),
]
ANY_SHEET = re.compile(_SHEET)
WRITES = ("append", "update", "batchUpdate")
_KEYS_REFUSED = (
    "API keys are not supported by this API. Expected OAuth2 access token or other "
    "authentication credentials that assert a principal. "
    "See https://cloud.google.com/docs/authentication"
)


def answer(
    request: Request, route: dict[str, str], caller: Caller, books: dict[str, Workbook]
) -> dict[str, Any]:
    """The JSON body of a 200, or the ApiError Google would answer instead."""
    query = {name: values[-1] for name, values in request.query.items()}
    book = authorize(caller, books.get(route["key"]), write=request.kind in WRITES)
    options = (
        query.get("valueRenderOption", "FORMATTED_VALUE"),
        query.get("dateTimeRenderOption", "SERIAL_NUMBER"),
        query.get("majorDimension", "ROWS"),
    )
    if request.kind == "metadata":
        if query.get("includeGridData", "false").lower() != "false":
            raise ApiError(400, "includeGridData=true is not supported by the test double")
        return book.metadata()
    if request.kind == "batchGet":
        ranges = [book.value_range(text, options) for text in request.query.get("ranges", [])]
        return {"spreadsheetId": book.key, "valueRanges": ranges}
    if request.kind == "get":
        return book.value_range(route["range"], options)
    if request.kind == "batchUpdate":
        return book.batch_update(request.body or {})
    rows = (request.body or {}).get("values", [])
    if request.kind == "update":
        return book.update(route["range"], rows, query)
    return book.append(route["range"], rows, query)


def authorize(caller: Caller, book: Workbook | None, write: bool) -> Workbook:
    """A Bearer token this double issued with a Sheets scope, or an API key (public
    spreadsheets, reads only); the spreadsheet shared with the caller, or public for a read."""
    if caller.via == "token":
        if not caller.known:
            raise ApiError(401)
        if not caller.scopes & (SHEETS_WRITE_SCOPES if write else SHEETS_READ_SCOPES):
            raise ApiError(403, "Request had insufficient authentication scopes.")
    elif caller.via == "key":
        if not caller.known:
            raise ApiError(400, "API key not valid. Please pass a valid API key.")
        if write:
            raise ApiError(401, _KEYS_REFUSED)
    else:
        raise ApiError(401, MISSING_CREDENTIAL)
    if book is None:
        raise ApiError(404)
    shared = caller.by_token and book.shared and not book.denied
    if not (shared or (not write and book.visible(caller.by_token))):
        raise ApiError(403)
    return book
