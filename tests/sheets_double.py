"""A Google Sheets API v4 test double on loopback, and a replayer of recorded Google exchanges.

Google cannot be reached from our machines, so tests point gspread (through an HTTP client that
swaps ``https://sheets.googleapis.com`` / ``https://www.googleapis.com`` for ``double.url``) at
:class:`SheetsDouble`. It answers in the shapes the recordings in ``tests/recordings``
show: ragged rows, no ``values`` key for an empty range, ranges resolved against the tab's grid
(``'Sheet1'!A1:1`` -> ``Sheet1!A1:Z1`` on a 26-column tab), Google-shaped error bodies.
:class:`ReplayServer` serves those recordings byte for byte, so a test can hold gspread (and the
double) to what Google really sent.

Deliberate limits: formulas are stored and reported (``formula_cells``) but never evaluated, a
formula cell renders as its text; only metadata, ``values:batchGet``, ``values/{range}`` and
``values/{range}:append`` exist, everything else answers 404 with kind ``"other"``.
"""

from __future__ import annotations

import base64
import copy
import functools
import hashlib
import json
import re
import threading
import traceback
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, unquote, urlsplit

Rows = list[list[Any]]

KINDS = ("metadata", "batchGet", "get", "append", "update", "token", "other")
DEFAULT_GRID = (1000, 26)  # what Google gives a new tab; grown to fit the data
READ_SCOPES = {
    "https://www.googleapis.com/auth/spreadsheets",
    "https://www.googleapis.com/auth/spreadsheets.readonly",
    "https://www.googleapis.com/auth/drive",
    "https://www.googleapis.com/auth/drive.readonly",
    "https://www.googleapis.com/auth/drive.file",
}
WRITE_SCOPES = {
    "https://www.googleapis.com/auth/spreadsheets",
    "https://www.googleapis.com/auth/drive",
    "https://www.googleapis.com/auth/drive.file",
}
_UNAUTHENTICATED_TAIL = (
    "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
    "See https://developers.google.com/identity/sign-in/web/devconsole-project."
)
_ERRORS: dict[int, tuple[str, str]] = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: (
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. " + _UNAUTHENTICATED_TAIL,
    ),
    403: ("PERMISSION_DENIED", "The caller does not have permission"),
    404: ("NOT_FOUND", "Requested entity was not found."),
    429: (
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric '{op} requests' and limit '{op} requests per minute per "
        "user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
    ),
    500: ("INTERNAL", "Internal error encountered."),
    501: ("UNIMPLEMENTED", "Not implemented."),
    503: ("UNAVAILABLE", "The service is currently unavailable."),
}
_SERIAL_EPOCH = datetime(1899, 12, 30)
_PLAIN_TITLE = re.compile(r"[A-Za-z0-9_]+")
_LOOKS_LIKE_REF = re.compile(r"[A-Za-z]{1,3}\d+|\d+|[Rr]\d*[Cc]\d*")
_A1_END = re.compile(r"\$?([A-Za-z]*)\$?(\d*)")
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")


class ApiError(Exception):
    """An answer other than 200, raised inside the double and turned into Google's error body."""

    def __init__(self, status: int, message: str | None = None, op: str = "Read") -> None:
        code, default = _ERRORS.get(status, ("UNKNOWN", "Unknown error."))
        super().__init__(message or default.format(op=op))
        self.status = status
        self.body = {"error": {"code": status, "message": str(self), "status": code}}


@dataclass
class Request:
    """One request as the server saw it; ``headers`` names are lower-case."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    kind: str = "other"
    key: str | None = None


# --- values: how a stored cell is rendered, and how a typed one is stored ------------------------


def serial_number(value: date) -> int | float:
    """Days since 1899-12-30, as Sheets stores dates: whole for a date, fractional for a time."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    days = (moment.replace(tzinfo=None) - _SERIAL_EPOCH) / timedelta(days=1)
    return int(days) if days.is_integer() else days


def display_string(value: Any) -> str:
    """The cell as FORMATTED_VALUE shows it under the default (automatic) en_US format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g").upper()
    return str(value)


def render(value: Any, value_option: str, date_option: str) -> Any:
    """One cell under ``valueRenderOption`` / ``dateTimeRenderOption``, as JSON will carry it."""
    if _blank(value):
        return ""
    if value_option == "FORMATTED_VALUE":
        return display_string(value)
    if isinstance(value, date):
        return serial_number(value) if date_option == "SERIAL_NUMBER" else display_string(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # Sheets keeps doubles and writes 2.0 as 2
    return value


def user_entered(value: Any) -> tuple[Any, bool]:
    """A typed value as USER_ENTERED stores it, and whether it was entered as a formula."""
    if not isinstance(value, str):
        return value, False
    if value.startswith("="):
        return value, True
    if value.startswith("'"):
        return value[1:], False
    text = value.strip()
    if text.upper() in ("TRUE", "FALSE"):
        return text.upper() == "TRUE", False
    if _INT.fullmatch(text):
        return int(text), False
    if _FLOAT.fullmatch(text):
        return float(text), False
    if _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text), False
    if _ISO_DATETIME.fullmatch(text):
        return datetime.fromisoformat(text), False
    return value, False


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def _ragged(rows: Rows) -> Rows:
    """Google's trimming: trailing empty cells of each row, then trailing empty rows, go."""
    out = []
    for row in rows:
        end = len(row)
        while end and _blank(row[end - 1]):
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out


# --- ranges: A1 notation on a tab's grid -------------------------------------------------------


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def quote_title(title: str) -> str:
    """A tab title as Google writes it in a range: bare when plain (``Sheet1``), else quoted."""
    if _PLAIN_TITLE.fullmatch(title) and not _LOOKS_LIKE_REF.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def split_range(text: str) -> tuple[str | None, str]:
    """``'Tab ''x'''!A1:B2`` -> (``Tab 'x'``, ``A1:B2``); a range without ``!`` -> (None, text)."""
    if not text.startswith("'"):
        if "!" in text:
            title, _, a1 = text.rpartition("!")
            return title, a1
        return None, text
    i, title = 1, []
    while i < len(text):
        if text[i] == "'":
            if text[i + 1 : i + 2] == "'":
                title.append("'")
                i += 2
                continue
            rest = text[i + 1 :]
            if rest and not rest.startswith("!"):
                raise ValueError(text)
            return "".join(title), rest[1:]
        title.append(text[i])
        i += 1
    raise ValueError(text)


def parse_a1(a1: str) -> tuple[int, int, int | None, int | None]:
    """(first row, first column, last row, last column), 1-based; None = to the grid's end."""
    if a1 == "":
        return 1, 1, None, None
    ends = [_A1_END.fullmatch(part) for part in a1.split(":")]
    if len(ends) > 2 or not all(m and m.group(0) for m in ends):
        raise ValueError(a1)
    (c1, r1), (c2, r2) = ends[0].groups(), ends[-1].groups()  # type: ignore[union-attr]
    if len(ends) == 1 and not (c1 and r1):
        raise ValueError(a1)
    first_row, first_col = int(r1 or 1), _column_number(c1) if c1 else 1
    last_row = int(r2) if r2 else None
    last_col = _column_number(c2) if c2 else None
    if last_row is not None and last_row < first_row:
        first_row, last_row = last_row, first_row
    if last_col is not None and last_col < first_col:
        first_col, last_col = last_col, first_col
    return first_row, first_col, last_row, last_col


def a1_text(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    start = f"{column_letters(first_col)}{first_row}"
    if (first_row, first_col) == (last_row, last_col):
        return start
    return f"{start}:{column_letters(last_col)}{last_row}"


# --- the workbook the double serves ------------------------------------------------------------


@dataclass
class _Tab:
    title: str
    sheet_id: int
    rows: Rows
    grid_rows: int
    grid_cols: int

    def box(self, a1: str, shown: str) -> tuple[int, int, int, int]:
        """The cells ``a1`` covers; past the grid is a 400, as Google answers."""
        first_row, first_col, last_row, last_col = parse_a1(a1)
        last_row = self.grid_rows if last_row is None else last_row
        last_col = self.grid_cols if last_col is None else last_col
        if max(first_row, last_row) > self.grid_rows or max(first_col, last_col) > self.grid_cols:
            raise ApiError(
                400,
                f"Range ({shown}) exceeds grid limits. Max rows: {self.grid_rows}, "
                f"max columns: {self.grid_cols}",
            )
        return first_row, first_col, last_row, last_col

    def values(self, box: tuple[int, int, int, int], options: tuple[str, str, str]) -> Rows:
        first_row, first_col, last_row, last_col = box
        value_option, date_option, major = options
        grid = []
        for row in self.rows[first_row - 1 : last_row]:
            cells = row[first_col - 1 : last_col]
            grid.append([render(cell, value_option, date_option) for cell in cells])
        if major == "COLUMNS":
            width = max((len(row) for row in grid), default=0)
            padded = [row + [""] * (width - len(row)) for row in grid]
            grid = [list(column) for column in zip(*padded, strict=True)]
        return _ragged(grid)


@dataclass
class _Workbook:
    key: str
    title: str
    public: bool
    tabs: list[_Tab]
    formulas: set[tuple[str, int, int]] = field(default_factory=set)
    denied: bool = False

    def resolve(self, text: str) -> tuple[_Tab, str]:
        """The tab and A1 part of a range; an unknown tab is Google's 'Unable to parse range'."""
        try:
            title, a1 = split_range(text)
            if title is None:
                named = [tab for tab in self.tabs if tab.title == text]
                if named:
                    return named[0], ""
                parse_a1(text)
                return self.tabs[0], text
            parse_a1(a1)
        except (ValueError, IndexError):
            raise ApiError(400, f"Unable to parse range: {text}") from None
        for tab in self.tabs:
            if tab.title == title:
                return tab, a1
        raise ApiError(400, f"Unable to parse range: {text}")

    def value_range(self, text: str, options: tuple[str, str, str]) -> dict[str, Any]:
        tab, a1 = self.resolve(text)
        box = tab.box(a1, f"{quote_title(tab.title)}!{a1}" if a1 else quote_title(tab.title))
        answer: dict[str, Any] = {
            "range": f"{quote_title(tab.title)}!{a1_text(*box)}",
            "majorDimension": options[2],
        }
        values = tab.values(box, options)
        if values:
            answer["values"] = values
        return answer

    def metadata(self) -> dict[str, Any]:
        sheets = [
            {
                "properties": {
                    "sheetId": tab.sheet_id,
                    "title": tab.title,
                    "index": index,
                    "sheetType": "GRID",
                    "gridProperties": {"rowCount": tab.grid_rows, "columnCount": tab.grid_cols},
                }
            }
            for index, tab in enumerate(self.tabs)
        ]
        return {
            "spreadsheetId": self.key,
            "properties": {
                "title": self.title,
                "locale": "en_US",
                "autoRecalc": "ON_CHANGE",
                "timeZone": "Etc/GMT",
            },
            "sheets": sheets,
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.key}/edit",
        }

    def _write_target(self, text: str, query: dict[str, str]) -> tuple[_Tab, int, int, str]:
        """Where a write goes (tab, first row, first column) and its valueInputOption, which
        the real API requires on every write."""
        input_option = query.get("valueInputOption")
        if input_option not in ("RAW", "USER_ENTERED"):
            raise ApiError(400, "'valueInputOption' is required but not specified")
        tab, a1 = self.resolve(text)
        first_row, first_col, _, _ = parse_a1(a1)
        return tab, first_row, first_col, input_option

    def append(self, text: str, rows: Rows, query: dict[str, str]) -> dict[str, Any]:
        """values:append: the rows go under the last non-empty row, from the range's column."""
        tab, first_row, first_col, input_option = self._write_target(text, query)
        table = _ragged(tab.rows)
        filled, table_width = len(table), max((len(row) for row in table), default=1)
        start = filled + 1 if filled else first_row
        width = max((len(row) for row in rows), default=0)
        for offset, row in enumerate(rows):
            self._write_row(tab, start + offset, first_col, row, input_option)
        end_row, end_col = start + len(rows) - 1, first_col + width - 1
        if query.get("insertDataOption") == "INSERT_ROWS":
            tab.grid_rows += len(rows)
        tab.grid_rows, tab.grid_cols = max(tab.grid_rows, end_row), max(tab.grid_cols, end_col)
        updated = f"{quote_title(tab.title)}!{a1_text(start, first_col, end_row, end_col)}"
        updates: dict[str, Any] = {
            "spreadsheetId": self.key,
            "updatedRange": updated,
            "updatedRows": len(rows),
            "updatedColumns": width,
            "updatedCells": sum(len(row) for row in rows),
        }
        if query.get("includeValuesInResponse", "").lower() == "true":
            options = (
                query.get("responseValueRenderOption", "FORMATTED_VALUE"),
                query.get("responseDateTimeRenderOption", "SERIAL_NUMBER"),
                "ROWS",
            )
            updates["updatedData"] = self.value_range(updated, options)
        answer: dict[str, Any] = {"spreadsheetId": self.key}
        if filled:
            table_range = a1_text(1, 1, filled, table_width)
            answer["tableRange"] = f"{quote_title(tab.title)}!{table_range}"
        answer["updates"] = updates
        return answer

    def update(self, text: str, rows: Rows, query: dict[str, str]) -> dict[str, Any]:
        """values.update (PUT): the rows written from the range's top-left cell."""
        tab, first_row, first_col, input_option = self._write_target(text, query)
        for offset, row in enumerate(rows):
            self._write_row(tab, first_row + offset, first_col, row, input_option)
        width = max((len(row) for row in rows), default=0)
        end_row, end_col = first_row + len(rows) - 1, first_col + width - 1
        written = a1_text(first_row, first_col, end_row, end_col)
        return {
            "spreadsheetId": self.key,
            "updatedRange": f"{quote_title(tab.title)}!{written}",
            "updatedRows": len(rows),
            "updatedColumns": width,
            "updatedCells": sum(len(row) for row in rows),
        }

    def _write_row(
        self, tab: _Tab, row_number: int, first_col: int, row: list, option: str
    ) -> None:
        while len(tab.rows) < row_number:
            tab.rows.append([])
        cells = tab.rows[row_number - 1]
        for offset, typed in enumerate(row):
            col = first_col + offset
            stored, formula = user_entered(typed) if option == "USER_ENTERED" else (typed, False)
            cells.extend([None] * (col - len(cells)))
            cells[col - 1] = stored
            (self.formulas.add if formula else self.formulas.discard)((tab.title, row_number, col))


# --- the HTTP side, shared by the double and the replayer -------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server_version = "ESF"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base signature
        """Quiet: pytest output should show test failures, not access logs."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.app._serve(self)  # type: ignore[attr-defined]

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _LoopbackServer:
    """A ThreadingHTTPServer on 127.0.0.1:<free port> in a daemon thread; a context manager."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.errors: list[str] = []  # tracebacks of bugs inside the server, answered as 500
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the server is not started: call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> str:
        if self._server is None:
            self._stopping.clear()
            self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
            self._server.app = self  # type: ignore[attr-defined]
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), daemon=True
            )
            self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()  # wakes delayed answers
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> _LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def count(self, kind: str | None = None, key: str | None = None) -> int:
        with self._lock:
            return sum(
                (kind is None or r.kind == kind) and (key is None or r.key == key)
                for r in self.requests
            )

    def reset_counts(self) -> None:
        """Forget the requests seen so far (counts are read from them); rules stay armed."""
        with self._lock:
            self.requests.clear()

    def _serve(self, handler: _Handler) -> None:
        try:
            self._handle(handler, _read_request(handler))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nobody is left to answer
        except Exception:  # a bug in the double: say so loudly rather than hang the test
            with self._lock:
                self.errors.append(traceback.format_exc())
            body = ApiError(500, "test double crashed: " + traceback.format_exc()).body
            handler.answer(500, _json_bytes(body), "application/json; charset=UTF-8")

    def _handle(self, handler: _Handler, request: Request) -> None:
        raise NotImplementedError


def _read_request(handler: _Handler) -> Request:
    raw_path, _, raw_query = handler.path.partition("?")
    length = int(handler.headers.get("Content-Length") or 0)
    data = handler.rfile.read(length) if length else b""
    content_type = handler.headers.get("Content-Type", "")
    body: Any = None
    if data and "json" in content_type:
        body = json.loads(data)
    elif data and "form" in content_type:
        body = {k: v[0] for k, v in parse_qs(data.decode(), keep_blank_values=True).items()}
    elif data:
        body = data.decode(errors="replace")
    return Request(
        method=handler.command,
        path=unquote(raw_path),
        query=parse_qs(raw_query, keep_blank_values=True),
        body=body,
        headers={k.lower(): v for k, v in handler.headers.items()},
    )


def _json_bytes(payload: Any) -> bytes:
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode()


@dataclass
class _Rule:
    kind: str | None
    times: int
    status: int = 0
    body: dict | None = None
    seconds: float = 0.0
    after: bool = False


_ROUTES = [
    ("metadata", "GET", re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)")),
    ("batchGet", "GET", re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)/values:batchGet")),
    (
        "append",
        "POST",
        re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)/values/(?P<range>[^/]+):append"),
    ),
    ("get", "GET", re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)/values/(?P<range>[^/]+)")),
    ("update", "PUT", re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)/values/(?P<range>[^/]+)")),
    ("token", "POST", re.compile(r"/token")),
]
_ANY_SHEET = re.compile(r"/v4/spreadsheets/(?P<key>[^/:]+)")


class SheetsDouble(_LoopbackServer):
    """The Sheets API v4 endpoints gspread uses to read a workbook and log a row, plus OAuth."""

    api_key = "test-api-key"

    def __init__(self) -> None:
        super().__init__()
        self._books: dict[str, _Workbook] = {}
        self._tokens: dict[str, set[str]] = {}  # issued access token -> its scopes
        self._failures: list[_Rule] = []
        self._delays: list[_Rule] = []

    # -- set-up -------------------------------------------------------------------------------

    def add_spreadsheet(
        self,
        key: str,
        sheets: dict[str, Rows],
        title: str = "Workbook",
        public: bool = False,
        grid: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        """Serve ``sheets`` ({tab: rows}, row 1 = header) as spreadsheet ``key``.

        Each tab's grid is ``grid[tab]`` (rows, columns) or Google's new-tab 1000 x 26, grown to
        fit the data; whole-tab ranges resolve to that grid, as the real API does.
        """
        tabs = []
        for index, (tab_title, rows) in enumerate(sheets.items()):
            height = len(rows)
            width = max((len(row) for row in rows), default=0)
            grid_rows, grid_cols = (grid or {}).get(tab_title, DEFAULT_GRID)
            sheet_id = 0 if index == 0 else zlib.crc32(f"{key}/{tab_title}".encode()) % 2**30 + 1
            copied = [list(row) for row in rows]
            tabs.append(
                _Tab(tab_title, sheet_id, copied, max(grid_rows, height), max(grid_cols, width))
            )
        with self._lock:
            self._books[key] = _Workbook(key, title, public, tabs)

    def deny(self, key: str) -> None:
        """From now on spreadsheet ``key`` answers 403, as when it is not shared with the caller."""
        with self._lock:
            self._books[key].denied = True

    def fail_next(
        self, status: int, times: int = 1, kind: str | None = None, body: dict | None = None
    ) -> None:
        """The next ``times`` requests of ``kind`` (None: any but token) answer ``status``."""
        with self._lock:
            self._failures.append(_Rule(kind, times, status=status, body=body))

    def delay_next(
        self, seconds: float, times: int = 1, kind: str | None = None, after: bool = False
    ) -> None:
        """The next ``times`` Sheets requests (of ``kind``) wait ``seconds`` before answering.

        With ``after``, the request takes effect first and only the answer is late: a write that
        Google made while the caller's connection timed out."""
        with self._lock:
            self._delays.append(_Rule(kind, times, seconds=seconds, after=after))

    def heal(self) -> None:
        """Forget every failure and delay still pending: Google is back."""
        with self._lock:
            self._failures.clear()
            self._delays.clear()

    # -- inspection ---------------------------------------------------------------------------

    def count(self, kind: str | None = None, key: str | None = None) -> int:
        """How many requests of ``kind`` (one of KINDS; None = all), for spreadsheet ``key``."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        return super().count(kind, key)

    def sheets(self, key: str) -> dict[str, Rows]:
        """The tabs of ``key`` as now stored (after appends), cells as Python values."""
        with self._lock:
            return {tab.title: copy.deepcopy(tab.rows) for tab in self._books[key].tabs}

    def formula_cells(self, key: str) -> set[tuple[str, int, int]]:
        """(tab, row, column), 1-based, of cells written as formulas with USER_ENTERED."""
        with self._lock:
            return set(self._books[key].formulas)

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    def service_account_info(self, tmp_path: Path | None = None) -> dict[str, str]:
        """A service-account key whose ``token_uri`` is this double; also written to
        ``tmp_path / "service_account.json"`` when ``tmp_path`` is given (for file-based code)."""
        pem = _private_key_pem()
        info = {
            "type": "service_account",
            "project_id": "smallwins-test",
            "private_key_id": hashlib.sha1(pem.encode()).hexdigest(),
            "private_key": pem,
            "client_email": "dashboard@smallwins-test.iam.gserviceaccount.com",
            "client_id": "100000000000000000001",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": self.token_uri,
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/"
            "dashboard%40smallwins-test.iam.gserviceaccount.com",
            "universe_domain": "googleapis.com",
        }
        if tmp_path is not None:
            (Path(tmp_path) / "service_account.json").write_text(json.dumps(info, indent=2))
        return info

    # -- serving ------------------------------------------------------------------------------

    def _handle(self, handler: _Handler, request: Request) -> None:
        route: dict[str, str] = {}
        for kind, method, pattern in _ROUTES:
            match = pattern.fullmatch(handler.path.partition("?")[0])
            if match and request.method == method:
                request.kind, route = kind, {k: unquote(v) for k, v in match.groupdict().items()}
                break
        any_sheet = _ANY_SHEET.match(request.path)
        request.key = route.get("key") or (any_sheet.group("key") if any_sheet else None)
        with self._lock:
            self.requests.append(request)
            delay = self._take(self._delays, request.kind)
            failure = self._take(self._failures, request.kind)
        if delay is not None and not delay.after:
            self._stopping.wait(delay.seconds)
        try:
            if failure is not None:
                op = "Write" if request.kind == "append" else "Read"
                error = ApiError(failure.status, op=op)
                error.body = failure.body or error.body
                raise error
            status, payload = 200, self._answer(request, route)
        except ApiError as error:
            status, payload = error.status, error.body
        if delay is not None and delay.after:
            self._stopping.wait(delay.seconds)
        handler.answer(status, _json_bytes(payload), "application/json; charset=UTF-8")

    def _take(self, rules: list[_Rule], kind: str) -> _Rule | None:
        for rule in rules:
            if rule.kind == kind or (rule.kind is None and kind != "token"):
                rule.times -= 1
                if rule.times <= 0:
                    rules.remove(rule)
                return rule
        return None

    def _answer(self, request: Request, route: dict[str, str]) -> dict[str, Any]:
        if request.kind == "token":
            return self._issue_token(request.body or {})
        if request.kind == "other":
            raise ApiError(404, f"The test double has no {request.method} {request.path}.")
        query = {name: values[-1] for name, values in request.query.items()}
        with self._lock:
            book = self._authorize(
                request, route["key"], write=request.kind in ("append", "update")
            )
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
                ranges = [
                    book.value_range(text, options) for text in request.query.get("ranges", [])
                ]
                return {"spreadsheetId": book.key, "valueRanges": ranges}
            if request.kind == "get":
                return book.value_range(route["range"], options)
            rows = (request.body or {}).get("values", [])
            if request.kind == "update":
                return book.update(route["range"], rows, query)
            return book.append(route["range"], rows, query)

    def _authorize(self, request: Request, key: str, write: bool) -> _Workbook:
        """Bearer token this double issued, or (public sheets, reads only) the API key."""
        authorization = request.headers.get("authorization", "")
        api_key = (request.query.get("key") or [None])[0] or request.headers.get("x-goog-api-key")
        book = self._books.get(key)
        if authorization.startswith("Bearer "):
            scopes = self._tokens.get(authorization.removeprefix("Bearer "))
            if scopes is None:
                raise ApiError(401)
            if not scopes & (WRITE_SCOPES if write else READ_SCOPES):
                raise ApiError(403, "Request had insufficient authentication scopes.")
        elif api_key is not None:
            if api_key != self.api_key:
                raise ApiError(400, "API key not valid. Please pass a valid API key.")
            if write:
                raise ApiError(
                    401,
                    "API keys are not supported by this API. Expected OAuth2 access token or "
                    "other authentication credentials that assert a principal. "
                    "See https://cloud.google.com/docs/authentication",
                )
        else:
            raise ApiError(
                401,
                "Request is missing required authentication credential. " + _UNAUTHENTICATED_TAIL,
            )
        if book is None:
            raise ApiError(404)
        if book.denied or (not authorization and not book.public):
            raise ApiError(403)
        return book

    def _issue_token(self, form: dict[str, str]) -> dict[str, Any]:
        """OAuth's JWT-bearer grant: the assertion's claims are read, its signature trusted."""
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            raise _OAuthError("unsupported_grant_type", "Invalid grant_type: " + str(form))
        try:
            claims = json.loads(_b64decode(form["assertion"].split(".")[1]))
        except (KeyError, IndexError, ValueError):
            raise _OAuthError("invalid_grant", "Invalid JWT assertion.") from None
        scopes = set(str(claims.get("scope", "")).split())
        if not scopes:
            raise _OAuthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.")
        with self._lock:
            token = f"ya29.test-token-{len(self._tokens) + 1}"
            self._tokens[token] = scopes
        return {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}


class _OAuthError(ApiError):
    """The OAuth endpoint's own error shape, which google-auth reads."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(400, description)
        self.body = {"error": error, "error_description": description}


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


@functools.cache
def _private_key_pem() -> str:
    """One RSA key per process: generating one costs ~0.1 s, and any valid key will do."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


# --- replay of recorded Google exchanges -------------------------------------------------------


def recordings_dir() -> Path:
    """``tests/recordings``: real Google exchanges recorded by the gspread project (MIT licence,
    ``LICENSE-gspread.txt`` beside them), kept in the repository so a clone alone can test."""
    return Path(__file__).resolve().parent / "recordings"


def recorded_interactions(name: str) -> list[dict]:
    """The interactions of cassette ``name`` (``.json`` optional), in recorded order."""
    path = recordings_dir() / (name if name.endswith(".json") else f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))["interactions"]


def _uri_key(method: str, uri: str) -> tuple[str, str, list[tuple[str, str]]]:
    """What makes two requests the same: method, unquoted path, query pairs in any order.

    An API key (``key=``) is credentials, like the recordings' redacted Authorization header,
    so it does not take part."""
    parts = urlsplit(uri)
    query = [(k, v) for k, v in parse_qsl(parts.query, True) if k != "key"]
    return method.upper(), unquote(parts.path), sorted(query)


class ReplayServer(_LoopbackServer):
    """Answers each request with the first unused recorded interaction that matches it."""

    def __init__(self, interactions: list[dict]) -> None:
        super().__init__()
        self.interactions = interactions
        self.used: list[int] = []  # indices into interactions, in the order served
        self.unmatched: list[Request] = []

    def _handle(self, handler: _Handler, request: Request) -> None:
        wanted = _uri_key(request.method, handler.path)
        with self._lock:
            self.requests.append(request)
            for index, interaction in enumerate(self.interactions):
                recorded = interaction["request"]
                if (
                    index not in self.used
                    and _uri_key(recorded["method"], recorded["uri"]) == wanted
                ):
                    self.used.append(index)
                    break
            else:
                self.unmatched.append(request)
                message = f"no unused recorded interaction for {request.method} {request.path}"
                body = ApiError(501, message).body
                handler.answer(501, _json_bytes(body), "application/json; charset=UTF-8")
                return
        response = interaction["response"]
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        content_type = (headers.get("content-type") or ["application/json; charset=UTF-8"])[0]
        handler.answer(
            response["status"]["code"], response["body"]["string"].encode(), content_type
        )
