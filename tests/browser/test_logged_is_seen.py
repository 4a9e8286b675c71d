"""A win logged is a win seen (issue 20, point 2), in a real Chromium, in one browser session
(pages reached through the sidebar's links, as a person moves between them).

River Valley (tests/fixtures.py) was last active on 29 February 2024, more than 30 days before
today, so the default period ends then: "Wins, last 30 days" is 2 (10 and 18 February 2024).

- With the default period, a win logged today moves the period's end to today: the Overview
  is as of today and counts that win alone (1; the others are years older).
- With an end the link pinned (29 February 2024), a win logged on that day counts at once
  (2 → 3); one logged today is after the end: the count stays 3 and every page says why.
"""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page

from dashboard.formatting import day as written
from tests.browser.helpers import settle

WINS = "Wins, last 30 days"


def _tile(page: Page, label: str) -> str:
    metric = page.locator("[data-testid=stMetric]").filter(has_text=label).first
    return metric.locator("[data-testid=stMetricValue]").inner_text().strip()


def _go(page: Page, link: str, title: str) -> None:
    """Another page through the sidebar: the same session, as a person moves."""
    page.locator("[data-testid=stSidebar]").get_by_role("link", name=link, exact=True).click()
    page.wait_for_selector(f"[data-testid=stMainBlockContainer] h1:has-text('{title}')")
    settle(page)


def _log_win(page: Page, what: str, day: dt.date | None = None) -> None:
    _go(page, "Log a win", "Log a win")
    form = page.locator("[data-testid=stForm]").first
    if day is not None:  # the date field's year, month and day, typed as a person does
        for part, value in (("year", f"{day:%Y}"), ("month", f"{day:%m}"), ("day", f"{day:%d}")):
            form.get_by_role("spinbutton", name=f"{part}, Date", exact=True).click()
            page.keyboard.type(value)
    page.get_by_label("What happened").fill(what)
    form.locator("[data-testid=stSelectbox]").filter(has_text="Project").click()
    page.get_by_role("option", name="Food Hub").click()
    form.get_by_role("button", name="Log the win").click()
    page.wait_for_selector("text=Win logged to rv", timeout=60_000)
    settle(page)


def _as_of(page: Page) -> str:
    return page.locator("h3").filter(has_text="As of").first.inner_text()


def test_a_win_logged_today_moves_the_default_period_end(browser, writable_workbook):
    _, server = writable_workbook
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url)
    settle(page)
    assert "As of 29 February 2024" in _as_of(page)
    assert _tile(page, WINS) == "2"
    _log_win(page, "Mayor opened the food hub")
    _go(page, "Overview", "Overview")
    assert f"As of {written(dt.date.today())}" in _as_of(page)
    assert _tile(page, WINS) == "1"  # today's win; the others are from 2024
    assert page.get_by_text("is after this period's end").count() == 0
    page.close()


def test_a_pinned_end_counts_a_win_inside_it_and_says_why_a_later_one_is_not(
    browser, writable_workbook
):
    _, server = writable_workbook
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server.url}/?from=2023-03-01&to=2024-02-29")
    settle(page)
    assert _tile(page, WINS) == "2"
    _log_win(page, "Grocer number three", dt.date(2024, 2, 29))
    _go(page, "Overview", "Overview")
    assert _tile(page, WINS) == "3"  # the win seen at once: 2 → 3
    assert page.get_by_text("is after this period's end").count() == 0
    _log_win(page, "Mayor opened the food hub")
    _go(page, "Overview", "Overview")
    assert "As of 29 February 2024" in _as_of(page)
    assert _tile(page, WINS) == "3"
    note = f"dated {written(dt.date.today())}, is after this period's end, 29 February 2024"
    assert page.get_by_text(note).count() == 1
    _go(page, "Momentum", "Momentum")  # the note stays, on every page
    assert page.get_by_text(note).count() == 1
    page.close()
