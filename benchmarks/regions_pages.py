"""Part c of benchmarks/regions.py: the Overview on a freshly started server while Google fails.

Each measurement starts ``streamlit run app.py`` afresh (tests/streamlit_server.py) and times,
in headless Chromium (Debian's ``/usr/bin/chromium``, Playwright's Python API), a new browser
context's ``goto`` until the Overview's first metric tile is drawn; then a second context on
the same server (the data now in memory: the floor of a page view). The servers:

- ``local``: the N workbooks as local ``.xlsx`` files (no Google at all; read in the page's run);
- ``hung``: the N Google sheets, with the snapshots of an earlier read in the cache folder, each
  due to be read again (older than the TTL), and every Google request left unanswered;
- ``storm``: the same, every sheet changed since its snapshot (Drive says so), and every Sheets
  read answered 429 (Google's quota spent by someone else).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from regions_book import AS_OF, book, key

from dashboard.sources.local import write_xlsx
from tests.sheets_double import SheetsDouble
from tests.streamlit_server import ARGS, CHROMIUM, StreamlitServer

TTL = 5  # cache_ttl_seconds of the Google servers: the snapshots are due by the time they start
TILE = "[data-testid=stMetric]"
WAIT_MS = 180_000  # long enough to see a page that waits for Google's whole retry budget


def _visit(browser: Browser, url: str) -> tuple[float, str | None, str]:
    """Seconds from ``goto`` to the first metric tile; an error; the banner's notes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    try:
        page.goto(url, timeout=WAIT_MS)
        page.wait_for_selector(TILE, timeout=WAIT_MS)
        seconds = time.perf_counter() - started
        error = None
        if page.locator("[data-testid=stException]").count():
            error = page.locator("[data-testid=stException]").first.inner_text()[:200]
        notes = " | ".join(
            " ".join(t.split()) for t in page.locator("[data-testid=stAlert]").all_inner_texts()
        )
    except Exception as failure:
        seconds, error, notes = time.perf_counter() - started, f"{type(failure).__name__}", ""
    context.close()
    return seconds, error, notes


def _fresh_server(browser: Browser, config: Path, cache: Path, log: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    env.update(SMALLWINS_CONFIG=str(config), SMALLWINS_CACHE_DIR=str(cache))
    with log.open("wb") as out:
        server = StreamlitServer(env, out)
    try:
        url = f"{server.url}/?to={AS_OF.isoformat()}"
        cold, error, notes = _visit(browser, url)
        warm, warm_error, _ = _visit(browser, url)
    finally:
        server.stop()
    banner = next((n for n in notes.split(" | ") if "Refreshing" in n or "live" in n), "")
    return {
        "cold_s": round(cold, 2),
        "warm_s": round(warm, 2),
        "error": error or warm_error,
        "banner": banner[:140],
    }


def page_times(
    double: SheetsDouble, folder: Path, sheets: int, window: float, configure: Callable
) -> dict:
    """The three servers' page times (see the module's notes). ``folder/"cache"`` holds the
    snapshots of every sheet (regions.py's parts a and b)."""
    local = folder / "xlsx"
    local.mkdir(exist_ok=True)
    for number in range(1, sheets + 1):
        write_xlsx(local / f"region-{number:03d}.xlsx", book(number))
    local_config = configure(folder / "local.toml", sheets, window, local=local)
    google_config = configure(folder / "pages.toml", sheets, window, ttl=TTL)
    found: dict[str, dict] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            found["local"] = _fresh_server(
                browser, local_config, folder / "local-cache", folder / "local.log"
            )
            time.sleep(TTL + 0.5)  # every snapshot is now older than the TTL: due to be read
            double.hang()
            try:
                found["hung"] = _fresh_server(
                    browser, google_config, folder / "cache", folder / "hung.log"
                )
            finally:
                double.heal()
            for number in range(1, sheets + 1):
                double.touch(key(number))  # changed since the snapshot: must be read
            double.set_quota(0, seconds=window)  # every Sheets read: 429 RESOURCE_EXHAUSTED
            try:
                found["storm"] = _fresh_server(
                    browser, google_config, folder / "cache", folder / "storm.log"
                )
            finally:
                double.set_quota(60, seconds=window)
        finally:
            browser.close()
    found["storm"]["sheets_429"] = double.count(status=429)
    for measured in found.values():  # the floors: the same page in memory; no Google at all
        measured["vs_in_memory"] = round(measured["cold_s"] / measured["warm_s"], 2)
        measured["vs_local"] = round(measured["cold_s"] / found["local"]["cold_s"], 2)
    return found
