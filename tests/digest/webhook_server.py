"""An HTTP stand-in for Slack's incoming webhooks and Teams' Workflows webhooks, on loopback.

It checks each payload against the documented shapes and limits, and answers as they do: Slack
200 ``ok`` (400 ``invalid_blocks`` for a bad payload), Teams 202 (400 for a bad one). A path's
last part chooses the behaviour: ``…/ok``, ``…/fail`` (500 every time), ``…/hang`` (answers
nothing for ``HANG_SECONDS``), ``…/flaky`` (500 twice, then as ``ok``).

- Slack (docs.slack.dev, "Sending messages using incoming webhooks", "Block Kit" reference):
  a JSON object with ``text`` and/or ``blocks``; at most 50 blocks; a section's text at most
  3,000 characters, a header's plain text at most 150; block types from the reference.
- Teams (learn.microsoft.com, "Create incoming webhooks with Workflows for Microsoft Teams"): a
  ``message`` whose ``attachments`` hold one item of ``contentType``
  ``application/vnd.microsoft.card.adaptive`` whose ``content`` is an ``AdaptiveCard`` with a
  ``version`` and a ``body`` of typed elements; the card at most 28 KB.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG_SECONDS = 8
SLACK_BLOCK_TYPES = {"section", "header", "divider", "context", "actions", "image", "rich_text"}
TEXT_TYPES = {"mrkdwn", "plain_text"}
CARD_ELEMENTS = {
    "TextBlock", "Container", "ColumnSet", "FactSet", "Image", "ImageSet", "RichTextBlock",
    "ActionSet", "Table",
}  # fmt: skip


def slack_problems(payload: object) -> list[str]:
    if not isinstance(payload, dict):
        return ["not a JSON object"]
    problems = []
    if not isinstance(payload.get("text"), str) and "blocks" not in payload:
        problems.append("neither text nor blocks")
    blocks = payload.get("blocks", [])
    if not isinstance(blocks, list) or len(blocks) > 50:
        problems.append(f"blocks must be a list of at most 50 (got {len(blocks)})")
        return problems
    for number, block in enumerate(blocks):
        kind = block.get("type")
        if kind not in SLACK_BLOCK_TYPES:
            problems.append(f"block {number}: unknown type {kind!r}")
        if kind == "header":
            text = block.get("text", {})
            if text.get("type") != "plain_text" or not 0 < len(text.get("text", "")) <= 150:
                problems.append(f"block {number}: a header takes plain_text of 1-150 characters")
        if kind == "section":
            text = block.get("text", {})
            if text.get("type") not in TEXT_TYPES or not 0 < len(text.get("text", "")) <= 3000:
                problems.append(f"block {number}: a section's text is 1-3000 characters")
        if kind == "context":
            elements = block.get("elements", [])
            if not 0 < len(elements) <= 10 or any(
                e.get("type") not in TEXT_TYPES | {"image"} for e in elements
            ):
                problems.append(f"block {number}: a context has 1-10 text or image elements")
    return problems


def teams_problems(payload: object, size: int) -> list[str]:
    if not isinstance(payload, dict) or payload.get("type") != "message":
        return ["the payload must be a message"]
    attachments = payload.get("attachments")
    if not isinstance(attachments, list) or len(attachments) != 1:
        return ["a message with exactly one attachment"]
    attachment = attachments[0]
    problems = []
    if attachment.get("contentType") != "application/vnd.microsoft.card.adaptive":
        problems.append("contentType must be application/vnd.microsoft.card.adaptive")
    card = attachment.get("content", {})
    if card.get("type") != "AdaptiveCard" or not isinstance(card.get("version"), str):
        problems.append("content must be an AdaptiveCard with a version")
    body = card.get("body")
    if not isinstance(body, list) or not body:
        problems.append("the card needs a body")
    else:
        for number, element in enumerate(body):
            if element.get("type") not in CARD_ELEMENTS:
                problems.append(f"body {number}: unknown element {element.get('type')!r}")
            if element.get("type") == "TextBlock" and not isinstance(element.get("text"), str):
                problems.append(f"body {number}: a TextBlock needs text")
    for action in card.get("actions", []):
        if action.get("type") == "Action.OpenUrl" and not str(action.get("url", "")).startswith(
            "http"
        ):
            problems.append("Action.OpenUrl needs a url")
    if size > 28 * 1024:
        problems.append(f"the card is {size} bytes, over Teams' 28 KB")
    return problems


class StandIn:
    """The server, in a thread of the test; ``received``: (path, payload) of each request."""

    def __init__(self) -> None:
        self.received: list[tuple[str, object]] = []
        self.answers: list[int] = []
        self.calls: dict[str, int] = {}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(size)
                mode = self.path.rstrip("/").rsplit("/", 1)[-1]
                stand_in.calls[self.path] = stand_in.calls.get(self.path, 0) + 1
                try:
                    payload = json.loads(raw)
                except ValueError:
                    payload = None
                stand_in.received.append((self.path, payload))
                if mode == "hang":
                    time.sleep(HANG_SECONDS)
                    return self._answer(500, "late")
                if mode == "fail" or (mode == "flaky" and stand_in.calls[self.path] <= 2):
                    return self._answer(500, "server error")
                teams = "/teams/" in self.path
                problems = teams_problems(payload, size) if teams else slack_problems(payload)
                if problems:
                    return self._answer(400, "invalid_blocks: " + "; ".join(problems))
                self._answer(202 if teams else 200, "" if teams else "ok")

            def _answer(self, status: int, text: str) -> None:
                stand_in.answers.append(status)
                body = text.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a hang)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def payloads(self, part: str) -> list[object]:
        return [p for path, p in self.received if part in path]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
