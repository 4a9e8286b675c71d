"""The HTTP side shared by the double and the replayer: a threaded server on loopback.

Each request is parsed into a :class:`Request` and recorded, so a test can count what a client
sent (and what it was answered) without a proxy.
"""

from __future__ import annotations

import json
import threading
import traceback
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

from tests.sheets_double.errors import ApiError

JSON_TYPE = "application/json; charset=UTF-8"


@dataclass
class Request:
    """One request as the server saw it; ``headers`` names are lower-case.

    ``status`` is what it was answered (None while it is still waiting for its answer) and
    ``user`` who asked: a service account's e-mail, an API key, or None when unidentified."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    kind: str = "other"
    key: str | None = None
    status: int | None = None
    user: str | None = None


class Handler(BaseHTTPRequestHandler):
    server_version = "ESF"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest output should show test failures, not access logs."""

    def do_GET(self) -> None:
        self.server.app._serve(self)  # type: ignore[attr-defined]

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def answer(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class LoopbackServer:
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

    def start(self, port: int = 0) -> str:
        """Serve on ``port`` (0: any free one) and return the server's URL."""
        if self._server is None:
            self._stopping.clear()
            self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            self._server.app = self  # type: ignore[attr-defined]
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), daemon=True
            )
            self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()  # wakes delayed and hung answers
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def count(
        self, kind: str | None = None, key: str | None = None, status: int | None = None
    ) -> int:
        """Requests of ``kind``, for spreadsheet ``key``, answered ``status`` (None: any)."""
        with self._lock:
            return sum(
                (kind is None or r.kind == kind)
                and (key is None or r.key == key)
                and (status is None or r.status == status)
                for r in self.requests
            )

    def reset_counts(self) -> None:
        """Forget the requests seen so far (counts are read from them); rules stay armed."""
        with self._lock:
            self.requests.clear()

    def respond(
        self,
        handler: Handler,
        request: Request,
        status: int,
        body: bytes,
        content_type: str = JSON_TYPE,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer ``request`` and note the status it was answered."""
        request.status = status
        handler.answer(status, body, content_type, headers)

    def _serve(self, handler: Handler) -> None:
        request = None
        try:
            request = read_request(handler)
            self._handle(handler, request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nobody is left to answer
        except Exception:  # a bug in the double: say so loudly rather than hang the test
            with self._lock:
                self.errors.append(traceback.format_exc())
            body = ApiError(500, "test double crashed: " + traceback.format_exc()).body
            if request is not None:
                request.status = 500
            handler.answer(500, json_bytes(body), JSON_TYPE)

    def _handle(self, handler: Handler, request: Request) -> None:
        raise NotImplementedError


def read_request(handler: Handler) -> Request:
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


def json_bytes(payload: Any) -> bytes:
    """JSON as Google writes it: two-space indent, UTF-8 unescaped, a final newline. A lone
    UTF-16 surrogate (a cell holding half an emoji) cannot be UTF-8: Google then escapes it,
    ``"\\ud800"``, and so does the double (the whole answer escaped, as ASCII)."""
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    try:
        return text.encode()
    except UnicodeEncodeError:
        return (json.dumps(payload, indent=2) + "\n").encode()
