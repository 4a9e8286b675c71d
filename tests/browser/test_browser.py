"""The app in a real headless Chromium against a running ``streamlit run`` server.

Each page is opened by its own URL first, on a freshly started server — a funder opening a shared
link after a restart lands there before any other page has run (``ui.page``). A screenshot of each
page is saved in ``SHOTS`` (``screenshots/`` at the repository's root unless
``SMALLWINS_SCREENSHOTS`` names another), which the run's summary names.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import (
    CEILING_MS,
    PAGES,
    SHOTS,
    WHOLE_PAGES,
    Server,
    file_name,
    section,
    settle,
    wait_for_charts,
)


# every page, and one section's link (the others are opened first on the shared server by the
# other browser tests: a fresh server for each cost minutes of the test run)
@pytest.mark.parametrize("path", [*WHOLE_PAGES, section("Network", "Growth and weaving")])
def test_page_opened_first_by_its_url_on_a_fresh_server(browser, path):
    server = Server()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/{path}")
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0
        assert wait_for_charts(page, PAGES[path]) == PAGES[path]
        page.screenshot(path=str(SHOTS / f"{file_name(path)}.png"), full_page=True)
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
        page.wait_for_url("**collaboration=Northern+Tech+Corridor**", timeout=CEILING_MS)
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
    page.wait_for_selector("text=Win logged", timeout=CEILING_MS)
    page.screenshot(path=str(SHOTS / "Log_a_win.png"), full_page=True)
    page.goto(f"{server.url}/Momentum")
    settle(page)
    page.wait_for_selector("text=Latest wins", timeout=CEILING_MS)
    latest = page.locator("[data-testid=stTable]").filter(has_text="Mayor opened the food hub")
    latest.wait_for(timeout=CEILING_MS)
    assert latest.count() == 1
