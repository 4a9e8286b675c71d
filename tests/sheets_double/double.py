"""The double itself: spreadsheets, what Google's policy and faults do to requests, and the
dispatch of each request to the Sheets, Drive or OAuth side."""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.sheets_double import drive, sheets
from tests.sheets_double.access import Caller, identify
from tests.sheets_double.errors import ApiError
from tests.sheets_double.faults import Faults, Plan, Rule
from tests.sheets_double.formatting import Formatting
from tests.sheets_double.oauth import CLIENT_EMAIL, Grant, assertion_claims, issue_token
from tests.sheets_double.oauth import service_account_info as key_file_info
from tests.sheets_double.quota import Quota
from tests.sheets_double.server import JSON_TYPE, Handler, LoopbackServer, Request, json_bytes
from tests.sheets_double.values import Rows
from tests.sheets_double.workbook import Tab, Workbook, now_ms, rfc3339, utc_ms

KINDS = (
    "metadata",
    "batchGet",
    "get",
    "append",
    "update",
    "batchUpdate",
    "drive_list",
    "drive_get",
    "token",
    "other",
)
ROUTES = [*sheets.ROUTES, *drive.ROUTES, ("token", "POST", re.compile(r"/token"))]


class SheetsDouble(LoopbackServer):
    """The Sheets API v4 endpoints gspread uses to read a workbook and log a row, Drive v3's file
    metadata, and OAuth's token endpoint."""

    api_key = "test-api-key"

    def __init__(self) -> None:
        super().__init__()
        self._books: dict[str, Workbook] = {}
        self._tokens: dict[str, Grant] = {}  # issued access token -> its scopes and user
        self._faults = Faults()
        self._quota: Quota | None = None
        self._drive_enabled = True

    # -- set-up -------------------------------------------------------------------------------

    def add_spreadsheet(
        self,
        key: str,
        sheets: dict[str, Rows],
        title: str = "Workbook",
        public: bool = False,
        grid: dict[str, tuple[int, int]] | None = None,
        shared: bool = True,
        modified_time: datetime | None = None,
        created_time: datetime | None = None,
    ) -> None:
        """Serve ``sheets`` ({tab: rows}, row 1 = header) as spreadsheet ``key``.

        Each tab's grid is ``grid[tab]`` (rows, columns) or Google's new-tab 1000 x 26, grown to
        fit the data; whole-tab ranges resolve to that grid, as the real API does. ``shared``
        False is a sheet nobody shared with the service account: Drive does not list it and
        Sheets refuses the token (a public one can still be read by anyone with the link).
        ``modified_time`` (default now; naive = UTC) is Drive's modifiedTime, and its
        createdTime unless ``created_time`` is given.
        """
        tabs = [
            Tab.new(key, index, tab_title, rows, (grid or {}).get(tab_title))
            for index, (tab_title, rows) in enumerate(sheets.items())
        ]
        modified = now_ms() if modified_time is None else utc_ms(modified_time)
        created = modified if created_time is None else utc_ms(created_time)
        book = Workbook(key, title, public, tabs, shared=shared, created=created, modified=modified)
        with self._lock:
            self._books[key] = book

    def deny(self, key: str) -> None:
        """From now on spreadsheet ``key`` answers 403, as when it is not shared with the caller
        (and Drive no longer lists it or finds it)."""
        with self._lock:
            self._books[key].denied = True

    def edit(self, key: str, tab: str, rows: Rows) -> None:
        """Replace tab ``tab`` of ``key`` with ``rows`` as a person typing in the Sheets UI would
        (no API request; text parsed as USER_ENTERED); the tab is added when absent. Moves the
        file's modifiedTime."""
        with self._lock:
            self._books[key].edit(tab, rows)

    def touch(self, key: str) -> None:
        """Move ``key``'s modifiedTime to now (strictly later) without changing a cell, as a
        change of formatting or of a tab's name does."""
        with self._lock:
            self._books[key].touch()

    def set_quota(
        self,
        requests: int | None,
        seconds: float = 60.0,
        retry_after: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Sheets' per-user quotas: at most ``requests`` reads and, apart, ``requests`` writes per
        user in any ``seconds``; more are answered 429 RESOURCE_EXHAUSTED. ``retry_after`` adds
        a Retry-After header (Google sends none). Counting starts afresh at each call; None
        removes the quota; heal() leaves it. ``clock`` is what the window is measured by: a
        test that must know which requests fall in one window gives its own (a busy machine
        may take longer than any real window to send them)."""
        with self._lock:
            self._quota = None if requests is None else Quota(requests, seconds, retry_after, clock)

    def disable_drive(self) -> None:
        """Every Drive request answers 403 SERVICE_DISABLED, as when the Drive API is not
        enabled in the Cloud project; heal() leaves it (it is a setting, not a fault)."""
        with self._lock:
            self._drive_enabled = False

    def enable_drive(self) -> None:
        with self._lock:
            self._drive_enabled = True

    # -- faults -------------------------------------------------------------------------------

    def fail_next(
        self, status: int, times: int = 1, kind: str | None = None, body: dict | None = None
    ) -> None:
        """The next ``times`` requests of ``kind`` (None: any but token) answer ``status``."""
        with self._lock:
            self._faults.failures.append(Rule(_kind(kind), times, status=status, body=body))

    def delay_next(
        self, seconds: float, times: int = 1, kind: str | None = None, after: bool = False
    ) -> None:
        """The next ``times`` requests (of ``kind``; None: any but token) wait ``seconds``.

        With ``after``, the request takes effect first and only the answer is late: a write that
        Google made while the caller's connection timed out."""
        with self._lock:
            self._faults.delays.append(Rule(_kind(kind), times, seconds=seconds, after=after))

    def set_latency(self, seconds: float, kind: str | None = None) -> None:
        """Every request of ``kind`` (None: any but token) waits ``seconds`` before its answer,
        until heal() or set_latency(0, kind)."""
        with self._lock:
            if seconds > 0:
                self._faults.latency[_kind(kind)] = seconds
            else:
                self._faults.latency.pop(_kind(kind), None)

    def hang(self, kind: str | None = None, key: str | None = None) -> None:
        """Requests of ``kind`` (None: any but token) — on spreadsheet ``key`` only, when given —
        get no answer until heal(), which answers them normally, or stop(), which drops their
        connections. A test holds one sheet's read back this way for as long as it needs."""
        with self._lock:
            self._faults.hung.add((_kind(kind), key))

    def trickle(self, seconds_per_byte: float, kind: str | None = None) -> None:
        """Requests of ``kind`` (None: any but token) are answered at once — status and headers,
        the full Content-Length — and then the body one byte every ``seconds_per_byte``: a
        server no socket timeout ever catches, until heal() (the rest then goes at once) or
        stop()."""
        with self._lock:
            self._faults.trickles[_kind(kind)] = seconds_per_byte

    def heal(self) -> None:
        """Google is back: pending fail_next/delay_next rules, latency and hangs go (hung
        requests are answered now). Quota and a disabled Drive stay: they are policy."""
        with self._lock:
            self._faults.heal()

    def stop(self) -> None:
        with self._lock:
            released = self._faults.released
        self._stopping.set()
        released.set()
        super().stop()

    # -- inspection ---------------------------------------------------------------------------

    def count(
        self, kind: str | None = None, key: str | None = None, status: int | None = None
    ) -> int:
        """How many requests of ``kind`` (one of KINDS; None = all), for spreadsheet ``key``
        (a Drive files.get counts for its file), answered ``status`` (None = any)."""
        return super().count(_kind(kind), key, status)

    def sheets(self, key: str) -> dict[str, Rows]:
        """The tabs of ``key`` as now stored (after appends), cells as Python values."""
        with self._lock:
            return {tab.title: copy.deepcopy(tab.rows) for tab in self._books[key].tabs}

    def formatting(self, key: str) -> dict[str, Formatting]:
        """What batchUpdate set on each tab of ``key`` (validations, formats, frozen rows,
        widths, conditional formats), by tab title; a copy."""
        with self._lock:
            return {tab.title: copy.deepcopy(tab.formatting) for tab in self._books[key].tabs}

    def formula_cells(self, key: str) -> set[tuple[str, int, int]]:
        """(tab, row, column), 1-based, of cells written as formulas with USER_ENTERED."""
        with self._lock:
            return set(self._books[key].formulas)

    def modified_time(self, key: str) -> str:
        """``key``'s modifiedTime as Drive reports it, e.g. ``2023-08-17T10:52:37.010Z``."""
        with self._lock:
            return rfc3339(self._books[key].modified)

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    def service_account_info(
        self, tmp_path: Path | None = None, client_email: str = CLIENT_EMAIL
    ) -> dict[str, str]:
        """A service-account key whose ``token_uri`` is this double; also written to
        ``tmp_path / "service_account.json"`` when ``tmp_path`` is given (for file-based code).
        Another ``client_email`` is another user for the quota."""
        info = key_file_info(self.token_uri, client_email)
        if tmp_path is not None:
            (Path(tmp_path) / "service_account.json").write_text(json.dumps(info, indent=2))
        return info

    # -- serving ------------------------------------------------------------------------------

    def _handle(self, handler: Handler, request: Request) -> None:
        route = self._route(request)
        with self._lock:
            caller = identify(request, self._tokens, self.api_key)
            if request.kind == "token":
                request.user = (assertion_claims(request.body) or {}).get("iss")
            elif caller.known:
                request.user = caller.user
            self.requests.append(request)
            refusal = self._quota.admit(request.user, request.kind) if self._quota else None
            plan = self._faults.plan(request.kind, serve=refusal is None, key=request.key)
        if not self._wait(plan, before=True):
            return  # stopped while hung: the connection is dropped unanswered
        headers: dict[str, str] = {}
        try:
            if refusal is not None:
                raise refusal
            if plan.failure is not None:
                raise _injected(plan.failure, request.kind)
            status, payload = 200, self._answer(request, route, caller)
        except ApiError as error:
            status, payload, headers = error.status, error.body, error.headers
        self._wait(plan, before=False)
        if plan.trickle:
            self._trickle(handler, request, status, json_bytes(payload), plan.trickle)
            return
        self.respond(handler, request, status, json_bytes(payload), headers=headers)

    def _trickle(
        self, handler: Handler, request: Request, status: int, body: bytes, seconds: float
    ) -> None:
        """Headers now, then the body a byte at a time (the rest at once once healed)."""
        request.status = status
        handler.send_response(status)
        handler.send_header("Content-Type", JSON_TYPE)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.flush()
        for position in range(len(body)):
            with self._lock:
                healed = not self._faults.trickles
            if healed:
                handler.wfile.write(body[position:])
                return
            handler.wfile.write(body[position : position + 1])
            handler.wfile.flush()
            if self._stopping.wait(seconds):
                return

    def _route(self, request: Request) -> dict[str, str]:
        path = request.path
        for kind, method, pattern in ROUTES:
            match = pattern.fullmatch(path)
            if match and request.method == method:
                request.kind = kind
                route = {k: unquote(v) for k, v in match.groupdict().items()}
                break
        else:
            route = {}
        any_sheet = sheets.ANY_SHEET.match(path)
        request.key = route.get("key") or (any_sheet.group("key") if any_sheet else None)
        return route

    def _wait(self, plan: Plan, before: bool) -> bool:
        """Sit out the plan's hang, latency and delay; False when the server stopped while hung."""
        if before and plan.hang is not None:
            while not plan.hang.wait(0.05):
                if self._stopping.is_set():
                    return False
            if self._stopping.is_set():
                return False
        seconds = plan.latency if before else 0.0
        if plan.delay is not None and plan.delay.after is not before:
            seconds += plan.delay.seconds
        if seconds:
            self._stopping.wait(seconds)
        return True

    def _answer(self, request: Request, route: dict[str, str], caller: Caller) -> dict[str, Any]:
        if request.kind == "token":
            with self._lock:
                return issue_token(request.body or {}, self._tokens)
        if request.kind == "other":
            raise ApiError(404, f"The test double has no {request.method} {request.path}.")
        with self._lock:
            if request.kind.startswith("drive_"):
                return drive.answer(request, route, caller, self._books, self._drive_enabled)
            return sheets.answer(request, route, caller, self._books)


def _kind(kind: str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return kind


def _injected(rule: Rule, kind: str) -> ApiError:
    """The error a fail_next rule answers: Google's generic body for its status."""
    error = ApiError(rule.status, op="Write" if kind in sheets.WRITES else "Read")
    error.body = rule.body or error.body
    return error
