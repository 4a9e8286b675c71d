"""Where the network stands, in a real headless Chromium at 1024 px: the stage in words with its
rule in the tooltip, the four tiles, the stage over the months and the core-and-periphery
picture drawn, the replay slider moved with the keyboard (the picture and its caption follow,
month by month), the weavers and where-it-would-tear tables. The demo workbook, 1 June … 31
October 2026; every wait is for a condition, never a time.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import SHOTS, charts_rendered, section, settle, url

WIDTH = 1024
PERIOD = "from=2026-06-01&to=2026-10-31"
WAIT_MS = 60_000


def _open(browser, server, label: str = "Where it stands") -> Page:
    """The Network page with one of its sections open, by its link."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(url(server.url, section("Network", label), PERIOD))
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0
    return page


def test_the_stage_its_rule_and_the_tiles(browser, server):
    page = _open(browser, server)
    heading = page.get_by_role("heading", name="Where the network stands")
    heading.scroll_into_view_if_needed()
    stage = page.locator("[data-testid=stMetric]").filter(has_text="Stage")
    expect(stage.locator("[data-testid=stMetricValue]")).to_have_text("Several hubs")
    stage.locator("[data-testid=stTooltipHoverTarget]").first.hover()
    expect(page.get_by_text(re.compile("^Fragments: fewer than 3 people"))).to_be_visible(
        timeout=WAIT_MS
    )
    expect(page.get_by_text("the network stayed several hubs", exact=False)).to_be_visible()
    for label in ("Brokers", "Core", "Two-step reach", "Weavers, 30 days"):
        expect(page.locator("[data-testid=stMetricLabel]").filter(has_text=label)).to_have_count(1)
    expect(page.get_by_role("heading", name="Core and periphery, month by month")).to_have_count(1)
    page.close()


def _caption(page: Page, month: str):
    return page.get_by_text(re.compile(rf"^{month}: \d+ of the \d+ people drawn are linked"))


def test_the_slider_replays_the_network(browser, server):
    page = _open(browser, server)
    # the section's two: the stage over the months and the core-and-periphery picture
    assert charts_rendered(page) == 2
    thumb = page.get_by_role("slider")  # the page's one slider: the replay
    expect(thumb).to_have_count(1)
    thumb.scroll_into_view_if_needed()
    expect(_caption(page, "Oct 2026")).to_be_visible()
    linked_at_end = int(_caption(page, "Oct 2026").inner_text().split(": ")[1].split()[0])
    thumb.focus()
    page.keyboard.press("Home")
    expect(_caption(page, "Jun 2026")).to_be_visible(timeout=WAIT_MS)
    expect(thumb).to_have_attribute("aria-valuetext", "Jun 2026", timeout=WAIT_MS)
    linked_in_june = int(_caption(page, "Jun 2026").inner_text().split(": ")[1].split()[0])
    assert 0 < linked_in_june <= linked_at_end
    picture = page.locator("[data-testid=stVegaLiteChart]").filter(
        has=page.locator("canvas, svg.marks")
    )
    expect(picture.first).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(_caption(page, "Jul 2026")).to_be_visible(timeout=WAIT_MS)
    page.keyboard.press("End")
    expect(_caption(page, "Oct 2026")).to_be_visible(timeout=WAIT_MS)
    assert page.locator("[data-testid=stException]").count() == 0
    page.screenshot(path=str(SHOTS / "Network-standing-1024.png"), full_page=True)
    page.close()


def test_the_weavers_and_tear_tables(browser, server):
    for label, heading in (
        ("Growth and weaving", "Weavers"),
        ("Hub or mesh", "Where it would tear"),
    ):
        page = _open(browser, server, label)
        title = page.get_by_role("heading", name=heading)
        title.scroll_into_view_if_needed()
        table = title.locator("xpath=following::*[@data-testid='stDataFrame'][1]")
        table.scroll_into_view_if_needed()
        expect(table).to_be_visible(timeout=WAIT_MS)
        box = table.bounding_box()
        assert box and box["height"] > 60  # a header and at least one row drawn
        page.close()
