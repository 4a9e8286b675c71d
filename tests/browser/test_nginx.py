"""The deploy recipe with the real nginx: two ``streamlit run`` replicas sharing one cache folder
and one Google source (the Sheets double), behind nginx configured from deploy/nginx.conf
(tests/nginx_proxy.py rewrites only the upstream and listen lines, and adds ``X-Upstream`` so
the test can see which replica answered).

The browser reaches nginx by a host name that is not a loopback name (``smallwins.test``,
mapped to 127.0.0.1 inside Chromium) on a port that is not 80 — as a viewer reaches
``http://dashboard-host:8080`` of the compose file. Streamlit lets any loopback origin open its
websocket, so only such a name shows whether the recipe's proxy headers let the websocket
through (with ``Host $host`` they did not: 403, a page that never draws).

nginx must be installed (``apt-get install -y nginx``; .ci/run installs it): without it these
tests fail, saying so.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, sync_playwright
from websockets.asyncio.client import connect

from tests.browser.helpers import CEILING_MS
from tests.fixtures import river_valley
from tests.nginx_proxy import COOKIE, Nginx
from tests.sheets_double import SheetsDouble
from tests.streamlit_client import Visitor, run_page, stream, upstream_for_cookie, upstream_of
from tests.streamlit_server import ARGS, CHROMIUM, StreamlitServer

KEY = "1NginxReplicasKeyAbcdefghijklmnopqrs"
TTL = 2  # cache_ttl_seconds: short, so the test sees several TTL windows
HOST = "smallwins.test"
QUERY = "to=2024-05-15&from=2024-01-01"
TILE = "[data-testid=stMetric]"


@dataclass
class Deployment:
    double: SheetsDouble
    replicas: list[StreamlitServer]
    proxy: Nginx

    @property
    def public_url(self) -> str:
        """nginx as the browser reaches it: a real host name, a port that is not 80."""
        return f"http://{HOST}:{self.proxy.port}"

    def replica_for(self, cookie_value: str) -> int | None:
        """The replica nginx sends a visitor with this ``smallwins_replica`` cookie to."""
        health = f"{self.proxy.url}/_stcore/health"
        upstream = upstream_for_cookie(health, f"{COOKIE}={cookie_value}")
        return self.proxy.replica_of(upstream)

    def cookies_per_replica(self) -> dict[int, str]:
        """A cookie value that nginx's hash sends to each replica (found by asking nginx)."""
        found: dict[int, str] = {}
        for number in range(64):
            value = f"visitor-{number}"
            found.setdefault(self.replica_for(value), value)
            if len(found) == len(self.replicas):
                break
        return found


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deployment")
    with SheetsDouble() as double:
        double.add_spreadsheet(KEY, river_valley(), title="River Valley book")
        key_file = folder / "service_account.json"
        key_file.write_text(json.dumps(double.service_account_info()))
        config = folder / "smallwins.toml"
        config.write_text(
            f"[app]\ncache_ttl_seconds = {TTL}\ntimeout_seconds = 5\n\n"
            f'[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SMALLWINS_", "GOOGLE_"))}
        env.update(  # the same configuration, secrets and shared cache folder on every replica
            SMALLWINS_CONFIG=str(config),
            SMALLWINS_SHEETS_ENDPOINT=double.url,
            SMALLWINS_CACHE_DIR=str(folder / "shared-cache"),
            GOOGLE_APPLICATION_CREDENTIALS=str(key_file),
        )
        replicas: list[StreamlitServer] = []
        try:
            with ThreadPoolExecutor(max_workers=2) as starting:  # both start side by side
                started = [starting.submit(StreamlitServer, env) for _ in range(2)]
            replicas += [f.result() for f in started if f.exception() is None]
            for future in started:
                future.result()  # a replica that did not start fails the test, loudly
            with Nginx([r.port for r in replicas], folder / "nginx") as proxy:
                yield Deployment(double, replicas, proxy)
        finally:
            for replica in replicas:
                replica.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
        )
        yield launched
        launched.close()


def _visit(browser: Browser, url: str, cookie: str | None = None, times: int = 1):
    """Open ``url`` (then reload it) in a new browser context, each time until the figures are
    drawn (which happens over the websocket only); the X-Upstream of every response, and the
    context's ``smallwins_replica`` cookie."""
    context = browser.new_context()
    if cookie is not None:
        context.add_cookies([{"name": COOKIE, "value": cookie, "url": url}])
    page = context.new_page()
    upstreams: list[str | None] = []
    page.on("response", lambda response: upstreams.append(response.headers.get("x-upstream")))
    for number in range(times):
        page.reload() if number else page.goto(url)
        page.wait_for_selector(TILE, timeout=CEILING_MS)
        assert page.locator("[data-testid=stException]").count() == 0
    kept = next((c["value"] for c in context.cookies() if c["name"] == COOKIE), None)
    context.close()
    return upstreams, kept


def _run(coroutine):
    """Run ``coroutine`` to the end in a thread of its own: Playwright's sync API keeps an event
    loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def _stream_upstream(deployment: Deployment, cookie: str) -> str | None:
    """The upstream that answers Streamlit's websocket opened with ``cookie`` from the browser's
    origin, after a page run on it went through."""
    raw = socket.create_connection(("127.0.0.1", deployment.proxy.port))
    async with connect(
        f"ws://{HOST}:{deployment.proxy.port}/_stcore/stream",
        sock=raw,
        proxy=None,
        subprotocols=["streamlit"],
        additional_headers={"Cookie": f"{COOKIE}={cookie}", "Origin": deployment.public_url},
    ) as stream:
        assert await run_page(stream, "", QUERY) is None
        return upstream_of(stream)


def test_a_page_through_nginx_draws_and_every_request_stays_on_one_replica(deployment, browser):
    upstreams, cookie = _visit(browser, f"{deployment.public_url}/?{QUERY}", times=3)
    assert cookie and len(cookie) == 32  # nginx's $request_id, handed out on the first answer
    assert len(upstreams) >= 10  # the page, its scripts, styles, host-config, health…
    assert len(set(upstreams)) == 1  # …each answered by the same replica, over four loads
    replica = deployment.proxy.replica_of(upstreams[0])
    assert replica in (0, 1)
    # the websocket (where the session lives) goes where the cookie says, too
    assert _run(_stream_upstream(deployment, cookie)) == upstreams[0]


def test_a_first_visit_sticks_and_two_cookies_reach_two_replicas(deployment, browser):
    # A first visit (no cookie) is routed by its $request_id, which becomes the cookie: the
    # visitor's next requests hash to the replica that answered the first.
    firsts = set()
    for _ in range(4):
        visitor = Visitor()
        first = visitor.get(f"{deployment.proxy.url}/")
        assert visitor.cookie(COOKIE)
        after = [visitor.get(f"{deployment.proxy.url}/_stcore/health") for _ in range(3)]
        assert after == [first] * 3
        firsts.add(first)
    pinned = deployment.cookies_per_replica()
    assert sorted(pinned) == [0, 1]  # the hash spreads visitors over both replicas
    for replica, cookie in pinned.items():
        upstreams, kept = _visit(browser, f"{deployment.public_url}/?{QUERY}", cookie=cookie)
        assert kept == cookie
        assert {deployment.proxy.replica_of(u) for u in upstreams} == {replica}


async def _page_run(deployment: Deployment, cookie: str) -> tuple[int | None, str | None]:
    """One Overview run on a new websocket sent with ``cookie`` (as a browser's page load is);
    the replica that answered, and what went wrong (None: nothing)."""
    socket_ = await stream(deployment.proxy.url, {"Cookie": f"{COOKIE}={cookie}"})
    try:
        error = await asyncio.wait_for(run_page(socket_, "", QUERY), 60)
        return deployment.proxy.replica_of(upstream_of(socket_)), error
    finally:
        await socket_.close()


async def _warm(deployment: Deployment, cookies) -> None:
    for cookie in cookies:
        assert (await _page_run(deployment, cookie))[1] is None


async def _serve_pages(deployment: Deployment, cookie: str, until: float) -> list:
    """Page runs on the replica of ``cookie``, one after another until ``until`` — and at least
    two, however long a run takes on a busy machine (the windows are counted from the time the
    runs really took)."""
    runs = []
    while time.monotonic() < until or len(runs) < 2:
        runs.append(await _page_run(deployment, cookie))
        await asyncio.sleep(0.2)
    return runs


def test_two_replicas_serving_pages_read_the_sheet_once_per_ttl_in_all(deployment):
    double, pinned = deployment.double, deployment.cookies_per_replica()
    stop = threading.Event()

    def typing() -> None:  # someone keeps editing the sheet: every TTL window has news
        while not stop.wait(0.25):
            double.touch(KEY)

    editor = threading.Thread(target=typing, daemon=True)
    _run(_warm(deployment, pinned.values()))  # each replica's first run (and read) is behind us
    double.reset_counts()
    started = time.monotonic()
    editor.start()

    async def both() -> list:
        until = time.monotonic() + 5 * TTL
        return await asyncio.gather(*(_serve_pages(deployment, c, until) for c in pinned.values()))

    try:
        served = _run(both())
    finally:
        stop.set()
        editor.join()
    elapsed = time.monotonic() - started
    for replica, runs in zip(pinned, served, strict=True):
        assert len(runs) >= 2 and runs == [(replica, None)] * len(runs)
    windows = math.floor(elapsed / TTL) + 1
    reads = double.count("batchGet")
    # each replica, alone, reads in every window it serves pages in (with a cache folder each,
    # this read 8 times in 6 windows); sharing one (its state file and lock) they read once per
    # window in all — and did read again, the sheet having changed
    assert 2 <= reads <= windows, (reads, windows)
    assert double.count("metadata") == 0  # tab titles from the shared snapshot
