"""The viewers of the load test: Chromium browser contexts, or bare Streamlit websocket clients
that behave like browsers (behind nginx: the page's GET first, for the sticky cookie, then the
websocket with the visitor's cookies). Each load records which replica answered it (nginx's
``X-Upstream``, added by the benchmark's generated configuration only)."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from playwright.async_api import Browser, Page, async_playwright

from tests.streamlit_client import Visitor, run_page, stream, upstream_of
from tests.streamlit_server import ARGS, CHROMIUM

PAGES = ["", "Momentum", "Participation", "Network", "Regions", "Data_health"]
SETTLE_S = 60
SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"


class BrowserSession:
    """A viewer in a browser context of its own; a load is ``goto`` until the run is over."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.page: Page | None = None
        self.upstream: str | None = None  # of the last load

    async def open(self, url: str) -> tuple[float, str | None]:
        if self.page is None:
            context = await self.browser.new_context(viewport={"width": 1280, "height": 900})
            self.page = await context.new_page()
        page, wait = self.page, SETTLE_S * 1000
        began = time.perf_counter()
        try:
            answer = await page.goto(url, timeout=wait)
            self.upstream = answer.headers.get("x-upstream") if answer else None
            await page.wait_for_selector(SETTLED, timeout=wait)
            await page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=wait)
            await page.wait_for_selector(
                "[data-testid=stStatusWidget]", state="detached", timeout=wait
            )
        except Exception as error:
            return time.perf_counter() - began, f"{type(error).__name__}: {str(error)[:120]}"
        took = time.perf_counter() - began
        if await page.locator("[data-testid=stException]").count():
            text = await page.locator("[data-testid=stException]").first.inner_text()
            return took, "exception: " + " ".join(text.split())[:160]
        return took, None

    async def close(self) -> None:
        if self.page is not None:
            await self.page.context.close()


class SocketSession:
    """A viewer as a bare Streamlit websocket client: each load is a new connection (as a
    browser's is) asking for one run of the page, and lasts until ``script_finished``; the
    last connection stays open until ``close``. ``proxied``: a browser behind nginx — each load
    first GETs the page with the visitor's cookies (the first answer brings the sticky cookie),
    then opens the websocket with them; a load whose GET and websocket reach different replicas
    is an error."""

    def __init__(self, proxied: bool = False) -> None:
        self.socket: Any = None
        self.visitor = Visitor() if proxied else None
        self.upstream: str | None = None

    async def open(self, url: str) -> tuple[float, str | None]:
        await self.close()
        base, _, query = url.partition("?")
        root, _, path = base.removeprefix("http://").partition("/")
        root = f"http://{root}"
        began = time.perf_counter()
        self.upstream = None
        try:
            page_upstream = None
            if self.visitor is not None:
                page_upstream = await asyncio.to_thread(self.visitor.get, url)
                self.socket = await self.visitor.stream(root)
            else:
                self.socket = await stream(root)
            self.upstream = upstream_of(self.socket)
            error = await asyncio.wait_for(run_page(self.socket, path, query), SETTLE_S)
            if page_upstream != self.upstream:
                error = error or f"page from {page_upstream}, websocket to {self.upstream}"
        except Exception as failure:
            error = f"{type(failure).__name__}: {str(failure)[:120]}"
        return time.perf_counter() - began, error

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
            self.socket = None


@contextlib.asynccontextmanager
async def sessions(client: str, proxied: bool) -> AsyncIterator[Callable[[], Any]]:
    """A maker of new sessions of the ``client`` kind."""
    if client == "websocket":
        yield lambda: SocketSession(proxied)
        return
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield lambda: BrowserSession(browser)
        finally:
            await browser.close()


async def viewer(
    session: Any, url: str, first: int, deadline: float, think: float, loads: list[dict]
) -> None:
    """Open the pages in turn, from page ``first``, until ``deadline``: with ``think``, after a
    random wait of up to ``think`` seconds, then 0.5–1.5 × ``think`` seconds apart, so sessions
    do not click in step. Each load notes the session (``first``) and the replica that
    answered."""
    base, _, query = url.partition("?")
    base = base.rstrip("/")
    pause = random.Random(first)
    number = first
    await asyncio.sleep(think * pause.random())
    while time.monotonic() < deadline:
        path = PAGES[number % len(PAGES)]
        took, error = await session.open(f"{base}/{path}?{query}")
        loads.append(
            {
                "page": path or "Overview",
                "s": took,
                "error": error,
                "session": first,
                "upstream": session.upstream,
            }
        )
        number += 1
        wait = think * pause.uniform(0.5, 1.5)
        await asyncio.sleep(min(wait, max(0.0, deadline - time.monotonic())))
