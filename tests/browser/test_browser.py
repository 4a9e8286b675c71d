"""The app in a real headless Chromium against a running ``streamlit run`` server.

Each page is opened by its own URL first, on a freshly started server — a funder opening a shared
link after a restart lands there before any other page has run (``ui.page``). A screenshot of each
page is saved in ``SHOTS`` (``screenshots/`` at the repository's root unless
``SMALLWINS_SCREENSHOTS`` names another), which the run's summary names.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.streamlit_server import StreamlitServer

# page path → charts it shows on the demo workbook (a chart in a tab not shown is not counted)
PAGES = {
    "": 1,
    "Momentum": 6,
    "Participation": 3,
    "Network": 8,
    "Regions": 8,
    "Data_health": 0,
    "Log_a_win": 0,
    "Impact_report": 3,
    "Agenda": 0,
}
ROOT = Path(__file__).resolve().parents[2]
# screenshots for review: screenshots/ at the repository's root (git ignores it), or the folder
# named by SMALLWINS_SCREENSHOTS; the run's summary names it (tests/browser/conftest.py)
SHOTS = Path(os.environ.get("SMALLWINS_SCREENSHOTS", ROOT / "screenshots"))


class Server(StreamlitServer):
    """``streamlit run app.py`` on a free loopback port, on the demo workbook or ``config``,
    keeping its snapshots in ``cache`` (default: a new empty folder)."""

    def __init__(self, config: Path | None = None, cache: Path | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
        env["SMALLWINS_CACHE_DIR"] = str(cache or tempfile.mkdtemp(prefix="smallwins-snapshots-"))
        if config is not None:
            env["SMALLWINS_CONFIG"] = str(config)
        super().__init__(env)


IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"  # no script run under way


def settle(page: Page) -> None:
    """Wait until the script run is over and no status widget shows. The app's own attribute
    says when no run is under way (a fixed pause alone, on a loaded machine, read a page whose
    run had not yet drawn its body)."""
    page.wait_for_selector("[data-testid=stApp]", timeout=60_000)
    page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=60_000)


def charts_rendered(page: Page) -> int:
    """How many charts are shown, each checked to be drawn (those in a tab not shown are
    skipped: they are drawn when their tab is opened)."""
    charts = page.locator("[data-testid=stVegaLiteChart]")
    shown = 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        if not chart.is_visible():
            continue
        chart.scroll_into_view_if_needed()
        drawn = chart.locator("canvas, svg.marks").first
        drawn.wait_for(state="attached", timeout=20_000)
        box = drawn.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 50
        shown += 1
    return shown


@pytest.mark.parametrize("path", list(PAGES))
def test_page_opened_first_by_its_url_on_a_fresh_server(browser, path):
    server = Server()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/{path}")
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0
        assert charts_rendered(page) == PAGES[path]
        page.screenshot(path=str(SHOTS / f"{path or 'Overview'}.png"), full_page=True)
        page.close()
    finally:
        server.stop()


def test_changing_a_filter_changes_the_url_and_a_link_reproduces_it(browser):
    server = Server()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/Network")
        settle(page)
        box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input").first
        box.click()
        box.fill("Northern")
        box.press("Enter")
        page.wait_for_url("**collaboration=Northern+Tech+Corridor**", timeout=30_000)
        settle(page)
        label = re.compile(r"^\s*People\s*$")

        def people_tile(on: Page) -> str:
            label_of = on.locator("[data-testid=stMetricLabel]", has_text=label)
            tile = on.locator("[data-testid=stMetric]").filter(has=label_of)
            return tile.locator("[data-testid=stMetricValue]").inner_text()

        people = people_tile(page)
        copied = page.url
        other = browser.new_page(viewport={"width": 1400, "height": 1000})
        other.goto(copied)
        settle(other)
        assert people_tile(other) == people
        assert "Northern Tech Corridor" in other.locator("[data-testid=stSidebar]").inner_text()
        assert people != "101"  # the whole demo network has 101 people; the filter narrowed it
    finally:
        server.stop()


def test_a_win_logged_in_the_form_shows_on_the_momentum_page(browser, writable_workbook):
    _, server = writable_workbook
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server.url}/Log_a_win")
    settle(page)
    page.get_by_label("What happened").fill("Mayor opened the food hub")
    page.get_by_label("Size").press("Escape")  # keep the default; focus moves on
    form = page.locator("[data-testid=stForm]").first
    form.locator("[data-testid=stSelectbox]").filter(has_text="Project").click()
    page.get_by_role("option", name="Food Hub").click()
    form.get_by_role("button", name="Log the win").click()
    page.wait_for_selector("text=Win logged", timeout=30_000)
    page.screenshot(path=str(SHOTS / "Log_a_win.png"), full_page=True)
    page.goto(f"{server.url}/Momentum")
    settle(page)
    page.wait_for_selector("text=Latest wins", timeout=30_000)
    latest = page.locator("[data-testid=stTable]").filter(has_text="Mayor opened the food hub")
    latest.wait_for(timeout=30_000)
    assert latest.count() == 1
