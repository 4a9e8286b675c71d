"""Regenerate the README's screenshots (docs/*.png) from the bundled demo workbook.

    python docs/screenshots.py [--only overview,network] [--width 1400]

Starts ``streamlit run app.py`` on a free loopback port (the demo workbook, no configuration),
opens each page in headless Chromium (Debian's ``/usr/bin/chromium`` through Playwright's Python
API, as the browser tests do) and saves what a visitor sees. ``stale-banner.png`` serves the demo
as a Google Sheet from the test double (tests/sheets_double), reads it once, then puts Google
into a quota storm and shows the page served from the last good snapshot with its banner.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from dashboard.config import demo_path  # noqa: E402
from dashboard.sources.local import read_xlsx  # noqa: E402
from tests.sheets_double import SheetsDouble  # noqa: E402
from tests.streamlit_server import ARGS, CHROMIUM, StreamlitServer  # noqa: E402

# file → (page path with its query, how much of the page: "full" or a height in pixels)
SHOTS = {
    "overview": ("", "full"),
    "momentum": ("Momentum", 1500),
    "participation": ("Participation", 1300),
    "network": ("Network", 1500),
    "regions": ("Regions", 1100),
    "impact-report": ("Impact_report", 1500),
}
KEY = "1DemoWorkbookServedByTheTestDouble00"


def settle(page: Page) -> None:
    """Wait until the script run is over and every chart is drawn."""
    page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=60_000)
    for chart in page.locator("[data-testid=stVegaLiteChart]").all():
        if chart.is_visible():
            chart.scroll_into_view_if_needed()
            chart.locator("canvas, svg.marks").first.wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(1_500)


def _save(page: Page, target: Path, height: int | str, width: int) -> None:
    full = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map((e) => e.scrollHeight))"
    )
    tall = int(full) + 40 if height == "full" else int(height)
    page.set_viewport_size({"width": width, "height": tall})
    # settle() scrolled each chart into view: the picture starts at the page's top
    page.evaluate(
        "() => document.querySelectorAll('[data-testid=stMain], section')"
        ".forEach((e) => e.scrollTo(0, 0))"
    )
    page.wait_for_timeout(1_500)
    page.screenshot(path=str(target))
    print(f"wrote {target.relative_to(ROOT)} ({width}×{tall})")


def _server(env_extra: dict[str, str]) -> StreamlitServer:
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    env.setdefault("SMALLWINS_CACHE_DIR", tempfile.mkdtemp(prefix="smallwins-shots-"))
    return StreamlitServer({**env, **env_extra})


def demo_pages(browser, names: list[str], width: int) -> None:
    server = _server({})
    try:
        for name in names:
            path, height = SHOTS[name]
            page = browser.new_page(viewport={"width": width, "height": 1000})
            page.goto(f"{server.url}/{path}")
            settle(page)
            _save(page, ROOT / "docs" / f"{name}.png", height, width)
            page.close()
    finally:
        server.stop()


def stale_banner(browser, width: int) -> None:
    """The demo read as a Google Sheet, then Google in a quota storm: the snapshot's banner."""
    folder = Path(tempfile.mkdtemp(prefix="smallwins-stale-"))
    with SheetsDouble() as double:
        double.add_spreadsheet(KEY, read_xlsx(demo_path()), title="Regional sheet")
        key_file = folder / "sa.json"
        key_file.write_text(json.dumps(double.service_account_info()))
        config = folder / "smallwins.toml"
        config.write_text(
            "[app]\ncache_ttl_seconds = 3\ntimeout_seconds = 1\n"
            f'[[sources]]\nlocation = "{KEY}"\nname = "Regional sheet"\n'
        )
        server = _server(
            {
                "SMALLWINS_CONFIG": str(config),
                "SMALLWINS_SHEETS_ENDPOINT": double.url,
                "GOOGLE_APPLICATION_CREDENTIALS": str(key_file),
            }
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": 1000})
            page.goto(f"{server.url}/Momentum")
            settle(page)
            double.fail_next(429, times=500)
            time.sleep(3.5)  # the TTL runs out: the next run reads Google again, and fails
            page.goto(f"{server.url}/Momentum")
            settle(page)
            page.locator("[data-testid=stAlert]", has_text="could not be read live").wait_for(
                timeout=60_000
            )
            _save(page, ROOT / "docs" / "stale-banner.png", 900, width)
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated: " + ", ".join([*SHOTS, "stale-banner"]))
    parser.add_argument("--width", type=int, default=1400)
    args = parser.parse_args()
    wanted = args.only.split(",") if args.only else [*SHOTS, "stale-banner"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        demo_pages(browser, [n for n in wanted if n in SHOTS], args.width)
        if "stale-banner" in wanted:
            stale_banner(browser, args.width)
        browser.close()


if __name__ == "__main__":
    main()
