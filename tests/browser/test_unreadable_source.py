"""In Chromium: a workbook of random bytes beside a good one. The pages show the good source's data
and say which file could not be read — no traceback, no server path in an exception box."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.helpers import Server, settle
from tests.fixtures import bad_and_good
from tests.streamlit_server import ARGS, CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unreadable")
    running = Server(bad_and_good(folder))
    yield running
    running.stop()


@pytest.mark.parametrize("path", ["", "Data_health"])
def test_a_broken_workbook_is_named_and_the_rest_is_shown(server, path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/{path}?to=2024-12-31")
        settle(page)
        text = page.inner_text("[data-testid=stMainBlockContainer]")
        assert page.locator("[data-testid=stException]").count() == 0
        assert "Traceback" not in text and "BadZipFile" not in text
        for name in ("Random", "Empty", "Lake"):
            assert f"Could not read {name}" in text
        assert "Data from River" in text
        browser.close()
