"""Replay of real Google exchanges, recorded by gspread, so a test can hold a client (and the
double) to what Google really sent."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.sheets_double.errors import ApiError
from tests.sheets_double.server import Handler, LoopbackServer, Request, json_bytes


def recordings_dir() -> Path:
    """``tests/recordings``: real Google exchanges recorded by the gspread project (MIT licence,
    ``LICENSE-gspread.txt`` beside them), kept in the repository so a clone alone can test."""
    return Path(__file__).resolve().parent.parent / "recordings"


def recorded_interactions(name: str) -> list[dict]:
    """The interactions of cassette ``name`` (``.json`` optional), in recorded order."""
    path = recordings_dir() / (name if name.endswith(".json") else f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))["interactions"]


def uri_key(method: str, uri: str) -> tuple[str, str, list[tuple[str, str]]]:
    """What makes two requests the same: method, unquoted path, query pairs in any order.

    An API key (``key=``) is credentials, like the recordings' redacted Authorization header,
    so it does not take part."""
    parts = urlsplit(uri)
    query = [(k, v) for k, v in parse_qsl(parts.query, True) if k != "key"]
    return method.upper(), unquote(parts.path), sorted(query)


class ReplayServer(LoopbackServer):
    """Answers each request with the first unused recorded interaction that matches it."""

    def __init__(self, interactions: list[dict]) -> None:
        super().__init__()
        self.interactions = interactions
        self.used: list[int] = []  # indices into interactions, in the order served
        self.unmatched: list[Request] = []

    def _handle(self, handler: Handler, request: Request) -> None:
        wanted = uri_key(request.method, handler.path)
        with self._lock:
            self.requests.append(request)
            for index, interaction in enumerate(self.interactions):
                recorded = interaction["request"]
                if (
                    index not in self.used
                    and uri_key(recorded["method"], recorded["uri"]) == wanted
                ):
                    self.used.append(index)
                    break
            else:
                self.unmatched.append(request)
                message = f"no unused recorded interaction for {request.method} {request.path}"
                self.respond(handler, request, 501, json_bytes(ApiError(501, message).body))
                return
        response = interaction["response"]
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        content_type = (headers.get("content-type") or ["application/json; charset=UTF-8"])[0]
        body = response["body"]["string"].encode()
        self.respond(handler, request, response["status"]["code"], body, content_type)
