"""The Digests page in a real headless Chromium: each digest's email for the last period and this
one so far, rendered safely (a win's ``<script>`` shown as text, never run), and when each
channel last received it (from the sent-log in the cache folder)."""

from __future__ import annotations

import pytest

from dashboard.ui.components import WORD_JOINER
from tests.browser.helpers import CEILING_MS, SHOTS, settle
from tests.digest.conftest import WEEK_WINS

pytestmark = pytest.mark.browser


def test_the_digests_page_shows_each_email_and_when_each_channel_got_it(browser, digests_server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{digests_server.url}/Digests?to=2026-10-28")
    settle(page)
    main = page.locator("[data-testid=stMain]")
    assert page.locator("[data-testid=stException]").count() == 0
    assert main.get_by_text("RV weekly", exact=True).count() >= 1
    tables = main.locator("[data-testid=stTable]")
    first = tables.nth(0).inner_text().replace(WORD_JOINER, "")  # days kept on one line
    assert "slack:rv" in first and "2026-10-26 06:00 UTC" in first
    assert "2026-10-19 to 2026-10-25" in first
    assert "mailto:team@rv.org" in first and "never" in first
    # the last period's email, as it went: the week's wins, the chart drawn
    email = main.locator("[data-testid=stHtml]").first
    text = email.inner_text()
    assert "Small wins: River Valley, week of 19 October 2026" in text
    for win in WEEK_WINS:
        assert win in text
    assert "<script>window.__digest_ran = 1</script>" in text  # shown as typed
    assert page.evaluate("window.__digest_ran") is None  # and nothing of it ran
    chart = email.locator("img[alt^='Small wins per week']")
    chart.scroll_into_view_if_needed()
    assert page.evaluate("(img) => img.complete && img.naturalWidth", chart.element_handle()) > 100
    page.screenshot(path=str(SHOTS / "Digests.png"), full_page=True)
    # this week so far: the win of Monday 26 October
    page.get_by_role("tab", name="This period: week of 26 October 2026").first.click()
    shown = main.locator("[data-testid=stHtml]:visible", has_text="Next week win").first
    shown.wait_for(timeout=CEILING_MS)  # the tab switched: its email is the one shown
    shown = shown.inner_text()
    assert "Next week win" in shown and "so far, to 28 October 2026" in shown
    # the funder's digest names no one
    funders = main.locator("[data-testid=stHtml]").nth(2).inner_text()
    assert "Funders monthly" in funders or "Small wins" in funders
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz", "Dee Dunn", "Eve Fox"):
        assert name not in funders
    page.close()
