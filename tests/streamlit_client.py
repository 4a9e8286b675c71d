"""A viewer without a browser: the HTTP page request a browser makes (keeping its cookies, as a
browser does) and Streamlit's websocket (``/_stcore/stream``, Streamlit's own protobuf messages)
asking for one run of a page — what the deploy test and benchmarks/load.py send through nginx.

A browser first GETs the page (behind nginx that answer brings the ``smallwins_replica``
cookie), then opens the websocket with its cookies; a page run lasts from ``rerun_script`` until
``script_finished``. ``Visitor`` does the same, so each visitor sticks to one replica.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import urllib.request
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

from tests.nginx_proxy import UPSTREAM_HEADER


@dataclass
class Visitor:
    """One browser's cookies and what it asks the server for."""

    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def get(self, url: str, timeout: float = 30) -> str | None:
        """GET ``url`` as a browser would (cookies sent and kept); the upstream that answered."""
        with opener(self.jar).open(url, timeout=timeout) as answer:
            answer.read()
            return answer.headers.get(UPSTREAM_HEADER)

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    async def stream(self, base_url: str, origin: str | None = None) -> ClientConnection:
        """Streamlit's websocket at ``base_url`` with this visitor's cookies (and ``Origin``,
        as a browser sends it)."""
        headers = {"Cookie": self.cookie_header()} if len(self.jar) else {}
        if origin:
            headers["Origin"] = origin
        return await stream(base_url, headers)


async def stream(base_url: str, headers: dict[str, str] | None = None) -> ClientConnection:
    """Streamlit's websocket of the server (or proxy) at ``base_url`` (``http://host:port``)."""
    url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    return await connect(
        url, subprotocols=["streamlit"], max_size=None, additional_headers=headers, proxy=None
    )


def opener(jar: http.cookiejar.CookieJar | None = None) -> urllib.request.OpenerDirector:
    """urllib as a browser on loopback: cookies kept in ``jar``, no proxy from the environment."""
    handlers: list = [urllib.request.ProxyHandler({})]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


def upstream_for_cookie(url: str, cookie: str, timeout: float = 10) -> str | None:
    """The upstream that answers a GET of ``url`` sent with the ``Cookie`` header ``cookie``."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with opener().open(request, timeout=timeout) as answer:
        answer.read()
        return answer.headers.get(UPSTREAM_HEADER)


def upstream_of(socket: ClientConnection) -> str | None:
    """Which upstream answered the websocket's upgrade (nginx's generated ``X-Upstream``)."""
    response = socket.response
    return response.headers.get(UPSTREAM_HEADER) if response is not None else None


async def run_page(socket: ClientConnection, page_name: str, query: str) -> str | None:
    """One view of page ``page_name`` (its URL path, ``""`` for the Overview) with ``query``:
    until its run is over — when the page reruns itself because new data landed mid-run
    (``st.rerun``), until that rerun is over. None when it finished cleanly, else what went
    wrong (an exception shown, an unknown page, a run that did not finish successfully)."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = page_name
    await socket.send(message.SerializeToString())
    error = None
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await socket.recv())
        kind = forward.WhichOneof("type")
        if kind == "page_not_found":
            error = "page not found"
        elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
            error = error or "exception: " + forward.delta.new_element.exception.message[:160]
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
            if status in ("FINISHED_EARLY_FOR_RERUN", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"):
                continue  # the page reran itself (new data landed): the view ends with that run
            return error if status == "FINISHED_SUCCESSFULLY" else error or status


async def view(
    visitor: Visitor, base_url: str, page_name: str = "", query: str = "", timeout: float = 60
) -> tuple[str | None, str | None, str | None]:
    """A whole page view as a browser makes it: GET the page, then a websocket asking for its
    run; (upstream of the GET, upstream of the websocket, error)."""
    page_url = f"{base_url.rstrip('/')}/{page_name}" + (f"?{query}" if query else "")
    page_upstream = await asyncio.to_thread(visitor.get, page_url)
    socket = await visitor.stream(base_url)
    try:
        error = await asyncio.wait_for(run_page(socket, page_name, query), timeout)
    finally:
        await socket.close()
    return page_upstream, upstream_of(socket), error
