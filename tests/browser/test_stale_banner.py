"""A real server whose Google goes into a 429 storm: the page a visitor opens next shows what it
showed, refreshes in the background, and when the read fails the page itself reruns with the last
good snapshot's banner — beside a local source read live, and nothing crashes."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import sync_playwright

from dashboard.config import load_config
from dashboard.sources import snapshots
from dashboard.sources.local import write_xlsx
from tests.browser.helpers import Server, settle
from tests.fixtures import river_valley
from tests.streamlit_server import ARGS, CHROMIUM

KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"


@pytest.fixture
def server_on_google(double, tmp_path, monkeypatch, snapshot_folder):
    double.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    write_xlsx(tmp_path / "lake.xlsx", river_valley())
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(double.service_account_info()))
    config = tmp_path / "smallwins.toml"
    config.write_text(
        "[app]\ncache_ttl_seconds = 3\ntimeout_seconds = 1\n"
        f'[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
        f'[[sources]]\nlocation = "{tmp_path / "lake.xlsx"}"\nname = "Lakeside"\n'
        'collaboration = "Lakeside"\n'
    )
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    server = Server(config, cache=snapshot_folder)  # its snapshots' state read here too
    yield server
    server.stop()


def test_a_quota_storm_shows_the_snapshot_with_its_banner(double, server_on_google, tmp_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server_on_google.url}/Momentum?to=2024-12-31")
        settle(page)
        stale = page.locator("[data-testid=stAlert]", has_text="could not be read live")
        assert stale.count() == 0
        read = page.get_by_text("Data from").inner_text().split(" · read ")[-1]
        double.fail_next(429, times=500)
        time.sleep(3.5)  # the TTL runs out: the next visitor's run reads Google again
        page.goto(f"{server_on_google.url}/Momentum?to=2024-12-31")
        settle(page)
        banner = stale.first.inner_text()
        browser.close()
    assert "River Valley could not be read live" in banner
    # as of when the copy was last confirmed current: what the first visit showed, or later
    # when a refresh confirmed it again before the storm (its TTL is 3 s: a busy machine's
    # first visit can outlast it)
    source = load_config(tmp_path / "smallwins.toml").sources[0]
    confirmed = snapshots.state(source).checked_at.strftime("%Y-%m-%d %H:%M UTC")
    assert "quota exceeded" in banner and f"as of {confirmed}" in banner
    assert confirmed >= read, (confirmed, read)
    # one good read (titles, then values); in the storm the values again, with the titles from
    # the snapshot, 429 on every retry — nothing more asked
    assert double.count("metadata") == 1 and double.count("batchGet", status=200) == 1
