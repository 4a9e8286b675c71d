"""Every page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical violation
(issue 20, point 8), in a real Chromium at 1400 and 1024 px, on the demo (``accessibility.py``:
the rules, and which pages and sections are checked). The pages test_readable.py reads are
checked there, in the same load; here the others, and the Digests page with digests.

Public funders (state and local government) must meet WCAG 2.1 AA. The failures found before
(issue 20): 31 colour-contrast violations across the 9 pages — captions in Streamlit's default
grey (3.9:1), fixed by the theme's text colour in .streamlit/config.toml — and the Log a win
page's highlighted configuration lines.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.accessibility import CHECKED, READ, WIDTHS, blocking
from tests.browser.helpers import CEILING_MS, PAGES, settle


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


# the pages and sections test_readable.py does not open (it runs axe on those it does)
@pytest.mark.parametrize(("path", "width"), [view for view in CHECKED if view not in READ])
def test_every_page_passes_wcag_21_aa(browser, server, axe, path, width):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(f"{server.url}/{path}")
    settle(page)
    charts = page.locator("[data-testid=stVegaLiteChart]")
    for _ in range(120):  # every chart the page shows on the demo is drawn (PAGES counts them)
        if charts.count() >= PAGES[path]:
            break
        page.wait_for_timeout(500)
    assert charts.count() >= PAGES[path], (path, charts.count())
    found = blocking(page, axe)
    assert not found, (path, width, found)
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_digests_page_with_digests_passes_wcag_21_aa(browser, digests_server, axe, width):
    """The demo configures no digest: here two are, each with its channels' table and its
    email (text, wins, the chart as an image) in two tabs, as a coordinator sees them."""
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(f"{digests_server.url}/Digests?to=2026-10-28")
    settle(page)
    email = page.locator("[data-testid=stMain] [data-testid=stHtml]").first
    email.get_by_text("First apprentice hired").wait_for(timeout=CEILING_MS)  # the email is shown
    found = blocking(page, axe)
    assert not found, (width, found)
    page.close()


def test_a_chart_is_named_by_its_text_alternative(browser, server):
    """The Overview's momentum chart (demo, period to 31 October 2026) is a graphics document
    whose accessible name is the caption under it (``components.chart`` passes it as ``alt``)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server.url}/?from=2025-11-01&to=2026-10-31")
    settle(page)
    text = "Monthly, November 2025 to October 2026. October 2026: Wins 15, Commitments kept 33."
    named = page.locator("[role=graphics-document][aria-label]").first  # the one chart
    named.wait_for(state="attached", timeout=CEILING_MS)
    assert named.get_attribute("aria-label") == text
    page.close()
