"""Drive API v3 metadata for the spreadsheets the double serves: files.list and files.get.

As Drive does: a service account lists the files shared with it (never one denied or not
shared), an API key may get a public file's metadata but list nothing, ``fields`` picks what an
answer holds (Drive's defaults when absent), ``pageSize`` (1-1000, default 100) pages with an
opaque ``nextPageToken``. Deliberate limits: ``q`` is read for ``mimeType``, ``name``,
``trashed``, ``createdTime`` and ``modifiedTime`` terms joined by ``and`` (no ``or``, ``not``,
parentheses or ``in parents``); ``orderBy`` is refused rather than ignored. The order is the
one the recorded lists show: latest modifiedTime first (ties in the order the spreadsheets were
added), and a page token is an offset into it, so a file changed between two pages moves.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from tests.sheets_double.access import DRIVE_SCOPES, Caller
from tests.sheets_double.errors import (
    DRIVE_GET,
    DRIVE_LIST,
    ApiError,
    drive_invalid,
    drive_not_found,
    insufficient_scopes,
    invalid_credentials,
    login_required,
    service_disabled,
)
from tests.sheets_double.server import Request
from tests.sheets_double.workbook import Workbook, rfc3339, utc_ms

SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"
ROUTES = [
    ("drive_list", "GET", re.compile(r"/drive/v3/files")),
    ("drive_get", "GET", re.compile(r"/drive/v3/files/(?P<key>[^/]+)")),
]
FILE_FIELDS = (
    "kind",
    "id",
    "name",
    "mimeType",
    "trashed",
    "version",
    "webViewLink",
    "createdTime",
    "modifiedTime",
)
LIST_FIELDS = ("kind", "nextPageToken", "incompleteSearch", "files")
DEFAULT_FILE_FIELDS = "kind,id,name,mimeType"
DEFAULT_LIST_FIELDS = f"kind,nextPageToken,incompleteSearch,files({DEFAULT_FILE_FIELDS})"
Tree = dict[str, "Tree | None"]  # a parsed ``fields``: name -> sub-selection (None: all of it)


def answer(
    request: Request,
    route: dict[str, str],
    caller: Caller,
    books: dict[str, Workbook],
    enabled: bool,
) -> dict[str, Any]:
    """The JSON body of a 200, or the ApiError Drive would answer instead."""
    method = DRIVE_LIST if request.kind == "drive_list" else DRIVE_GET
    authenticate(caller, method, enabled)
    query = {name: values[-1] for name, values in request.query.items()}
    if request.kind == "drive_get":
        book = books.get(route["key"])
        if book is None or not book.visible(caller.by_token):
            raise drive_not_found(route["key"])
        tree = parse_fields(query.get("fields", DEFAULT_FILE_FIELDS), FILE_FIELDS)
        return select(file_resource(book), tree)
    if not caller.by_token:
        raise login_required(method)
    visible = [book for book in books.values() if book.shared and not book.denied]
    return list_files(visible, query)


def authenticate(caller: Caller, method: str, enabled: bool) -> None:
    """Credentials first (a wrong key is 400, an unknown token 401), then whether the API is
    enabled in the caller's project, then the token's scopes."""
    if caller.via == "token" and not caller.known:
        raise invalid_credentials()
    if caller.via == "key" and not caller.known:
        raise ApiError(400, "API key not valid. Please pass a valid API key.")
    if caller.via is None:
        raise login_required(method)
    if not enabled:
        raise service_disabled()
    if caller.via == "token" and not caller.scopes & DRIVE_SCOPES:
        raise insufficient_scopes(method)


def file_resource(book: Workbook) -> dict[str, Any]:
    """Every field the double knows of a spreadsheet's Drive file, in Drive's order."""
    return {
        "kind": "drive#file",
        "id": book.key,
        "name": book.title,
        "mimeType": SPREADSHEET_MIME,
        "trashed": False,
        "version": str(book.version),
        "webViewLink": f"https://docs.google.com/spreadsheets/d/{book.key}/edit?usp=drivesdk",
        "createdTime": rfc3339(book.created),
        "modifiedTime": rfc3339(book.modified),
    }


def list_files(books: list[Workbook], query: dict[str, str]) -> dict[str, Any]:
    """files.list over ``books`` (those the caller can see): filter by ``q``, page, select."""
    if "orderBy" in query:
        raise drive_invalid("orderBy", "the test double does not model orderBy")
    tree = parse_fields(query.get("fields", DEFAULT_LIST_FIELDS), LIST_FIELDS, FILE_FIELDS)
    keep = parse_q(query.get("q", ""))
    size = _page_size(query.get("pageSize", "100"))
    matching = sorted(
        (book for book in books if keep(book)), key=lambda b: b.modified, reverse=True
    )
    start = _page_start(query.get("pageToken"), query.get("q", ""))
    page = matching[start : start + size]
    result: dict[str, Any] = {"kind": "drive#fileList"}
    if start + size < len(matching):
        result["nextPageToken"] = _page_token(start + size, query.get("q", ""))
    result["incompleteSearch"] = False
    result["files"] = [file_resource(book) for book in page]
    return select(result, tree)


# --- fields: Drive's partial-response selector ------------------------------------------------

_FIELD_TOKEN = re.compile(r"\s*([A-Za-z*][A-Za-z0-9_/*]*|[(),])")


def parse_fields(text: str, allowed: tuple[str, ...], inner: tuple[str, ...] = ()) -> Tree:
    """``kind,nextPageToken,files(id,name)`` or ``files/id`` -> a tree; ``*`` selects all."""
    tokens = _FIELD_TOKEN.findall(text)
    if "".join(tokens) != re.sub(r"\s", "", text):
        raise drive_invalid("fields", f"Invalid field selection {text}")
    position = 0

    def selection(names: tuple[str, ...], below: tuple[str, ...]) -> Tree:
        nonlocal position
        tree: Tree = {}
        while position < len(tokens):
            path = tokens[position].split("/")
            position += 1
            sub: Tree | None = None
            if position < len(tokens) and tokens[position] == "(":
                position += 1
                sub = selection(below, ())
                if position >= len(tokens) or tokens[position] != ")":
                    raise drive_invalid("fields", f"Invalid field selection {text}")
                position += 1
            for depth, name in enumerate(path):
                known = names if depth == 0 else below
                if name != "*" and name not in known:
                    raise drive_invalid("fields", f"Invalid field selection {name}")
            node: Tree | None = sub
            for name in reversed(path[1:]):
                node = {name: node}
            tree[path[0]] = node
            if position < len(tokens) and tokens[position] == ",":
                position += 1
            elif position < len(tokens) and tokens[position] == ")":
                return tree
        return tree

    tree = selection(allowed, inner)
    if position != len(tokens):
        raise drive_invalid("fields", f"Invalid field selection {text}")
    return tree


def select(resource: dict[str, Any], tree: Tree | None) -> dict[str, Any]:
    """The parts of ``resource`` that ``tree`` names, in the resource's own order."""
    if tree is None or "*" in tree:
        return resource
    chosen: dict[str, Any] = {}
    for name, value in resource.items():
        if name not in tree:
            continue
        sub = tree[name]
        if isinstance(value, list):
            chosen[name] = [select(item, sub) if isinstance(item, dict) else item for item in value]
        elif isinstance(value, dict):
            chosen[name] = select(value, sub)
        else:
            chosen[name] = value
    return chosen


# --- q: the search query ----------------------------------------------------------------------

_STRING = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
_TERM = re.compile(
    r"\s*(?P<field>mimeType|name|trashed|createdTime|modifiedTime)\s*"
    r"(?P<op><=|>=|!=|=|<|>)\s*(?P<value>" + _STRING + r"|true|false)\s*"
)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def parse_q(q: str) -> Callable[[Workbook], bool]:
    """A predicate for ``q``; a term the double does not read is Drive's 400 on ``q``."""
    tests: list[Callable[[Workbook], bool]] = []
    for term in _split_and(q) if q.strip() else []:
        match = _TERM.fullmatch(term)
        if match is None:
            raise drive_invalid("q", f"Invalid Value (the test double cannot read: {term.strip()})")
        tests.append(_term_test(match["field"], match["op"], match["value"], q))
    return lambda book: all(test(book) for test in tests)


def _split_and(q: str) -> list[str]:
    """``q`` cut at each ``and`` that is not inside a quoted string."""
    parts, start, position = [], 0, 0
    for string in re.finditer(_STRING, q):
        for joiner in _AND.finditer(q, position, string.start()):
            parts.append(q[start : joiner.start()])
            start = joiner.end()
        position = string.end()
    for joiner in _AND.finditer(q, position):
        parts.append(q[start : joiner.start()])
        start = joiner.end()
    return [*parts, q[start:]]


def _term_test(field: str, op: str, raw: str, q: str) -> Callable[[Workbook], bool]:
    compare = _COMPARE[op]
    if field == "trashed":
        if raw not in ("true", "false") or op not in ("=", "!="):
            raise drive_invalid("q")
        wanted = raw == "true"
        return lambda book: compare(False, wanted)  # the double holds no trashed files
    if raw in ("true", "false"):
        raise drive_invalid("q")
    text = re.sub(r"\\(.)", r"\1", raw[1:-1])
    if field in ("mimeType", "name"):
        if op not in ("=", "!="):
            raise drive_invalid("q")
        if field == "mimeType":
            return lambda book: compare(SPREADSHEET_MIME, text)
        return lambda book: compare(book.title, text)
    try:
        moment = utc_ms(datetime.fromisoformat(text))
    except ValueError:
        raise drive_invalid("q") from None
    if field == "createdTime":
        return lambda book: compare(book.created, moment)
    return lambda book: compare(book.modified, moment)


# --- paging -----------------------------------------------------------------------------------


def _page_size(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        message = f"Invalid value '{raw}'. Values must be within the range: [1, 1000]"
        raise drive_invalid("pageSize", message)
    return int(raw)


def _digest(q: str) -> str:
    return hashlib.sha1(q.encode()).hexdigest()[:10]


def _page_token(offset: int, q: str) -> str:
    return base64.urlsafe_b64encode(f"{offset}:{_digest(q)}".encode()).decode().rstrip("=")


def _page_start(token: str | None, q: str) -> int:
    """The offset a ``pageToken`` stands for; one from another query is Drive's 400."""
    if not token:
        return 0
    try:
        offset, digest = (
            base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split(":")
        )
        if digest == _digest(q) and offset.isdigit():
            return int(offset)
    except ValueError:
        pass
    raise drive_invalid("pageToken")
